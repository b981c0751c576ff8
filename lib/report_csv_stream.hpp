#pragma once
// A team report as CSV, made a specialist at a time on the threads that load the records: each
// specialist's rows are laid out and rendered where the record was evaluated, and only the
// finished lines are kept (with their sort keys). A registry's CSV then costs about its own
// text in memory, not its statuses, rows and cells.

#include "report_model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace peerctl {

enum class TeamReport { Renewals, Roster };

class CsvReportStream {
public:
    CsvReportStream(TeamReport kind, std::size_t specialists, ReportContext ctx, ReportFilter filter);

    // Safe to call concurrently for distinct indices; each index at most once.
    void add(std::size_t index, const SpecialistStatus& status);

    // The header, then every line in the report's order (renewals by expiry, roster by file).
    std::string finish();

private:
    TeamReport kind_;
    ReportContext ctx_;
    ReportFilter filter_;
    std::vector<std::vector<std::pair<RenewalKey, std::string>>> slots_;
};

} // namespace peerctl
