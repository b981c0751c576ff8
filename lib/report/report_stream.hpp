#pragma once
// A team report, made a specialist at a time on the threads that load the records: each
// specialist's rows are laid out where the record was evaluated, and only the finished rows are
// kept (CSV lines, compact JSON, or for the other formats the row's cells packed into one string),
// with what sorting and the summary need. A registry's report then costs about its own text in
// memory, not its statuses, rows and cells, and it is written a piece at a time.

#include "report_model.hpp"
#include "report_render_table.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

enum class TeamReport { Renewals, Roster };
// Xlsx keeps the flat table's cells, for finish_flat.
enum class StreamFormat { Csv, Json, Table, Markdown, Html, Xlsx };

class TeamReportStream {
public:
    // `table` applies to StreamFormat::Table.
    TeamReportStream(TeamReport kind, StreamFormat format, std::size_t specialists, ReportContext ctx, ReportFilter filter,
                     TableOptions table = {});

    // Safe to call concurrently for distinct indices; each index at most once.
    void add(std::size_t index, const SpecialistStatus& status);
    // The record files left out, known once all are read: the report names them above its rows.
    void set_unreadable(std::vector<std::string> files) { ctx_.unreadable = std::move(files); }

    // The whole report, rows in the report's order (the filter's sort, else renewals by deadline and roster by id), handed
    // to `write` a piece at a time (so that it need never be whole in memory), or returned.
    void finish(const std::function<void(std::string_view)>& write);
    std::string finish();
    // StreamFormat::Xlsx: the flat table (the CSV's columns and rows, in the same order) as cells.
    Table finish_flat();

private:
    // A kept row, read back from its specialist's slot (the views are into the slot).
    struct RowRef {
        RowOrder order; // the views are into the slot
        std::string_view text;
        std::uint32_t slot = 0;
        State state = State::InTraining;
        bool due = false;
        bool counted = false; // names a credential (a roster row may not)
        // Whether the row fills an optional column of the sections: renewals' submit-by and
        // grace dates, the roster's training by domain.
        bool optional[2] = {false, false};
    };
    static RowRef read_row(std::string_view& in, std::uint32_t slot);
    // Every kept row, in the report's order, counted into the summaries; `rows_left` gets the
    // number of each slot's rows.
    std::vector<RowRef> ordered_rows(RenewalSummary& renewals, RosterSummary& roster, std::vector<std::uint32_t>& rows_left);
    void finish_sections(const std::vector<RowRef>& rows, const RenewalSummary& renewals, const RosterSummary& roster,
                         const std::function<void(std::string_view)>& write);
    TeamReport kind_;
    StreamFormat format_;
    TableOptions table_;
    ReportContext ctx_;
    ReportFilter filter_;
    // Each specialist's rows, one after another in one string (a vector of rows each would cost a
    // registry several megabytes more): per row its sort key (the name or site only when sorted by
    // it), its state and flags, then its text.
    std::vector<std::string> slots_;
};

} // namespace peerctl
