#pragma once
// A team report in CSV or JSON, made a specialist at a time on the threads that load the records:
// each specialist's rows are laid out and rendered where the record was evaluated, and only the
// finished rows are kept (CSV lines, compact JSON), with what sorting and the summary need. A
// registry's report then costs about its own text in memory, not its statuses, rows and cells.

#include "report_model.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

enum class TeamReport { Renewals, Roster };
enum class StreamFormat { Csv, Json };

class TeamReportStream {
public:
    TeamReportStream(TeamReport kind, StreamFormat format, std::size_t specialists, ReportContext ctx, ReportFilter filter);

    // Safe to call concurrently for distinct indices; each index at most once.
    void add(std::size_t index, const SpecialistStatus& status);

    // The whole report, rows in the report's order (renewals by expiry, roster by file), handed
    // to `write` a piece at a time (so that it need never be whole in memory), or returned.
    void finish(const std::function<void(std::string_view)>& write);
    std::string finish();

private:
    struct Row {
        RenewalKey key; // renewals only
        State state = State::InTraining;
        bool due = false;
        bool counted = false; // names a credential (a roster row may not)
        std::string text;
    };
    TeamReport kind_;
    StreamFormat format_;
    ReportContext ctx_;
    ReportFilter filter_;
    std::vector<std::vector<Row>> slots_;
};

} // namespace peerctl
