#pragma once
// A report laid out independently of its format: a title, summary lines, sections holding a
// table each, and a flat table for CSV. The layout (report_layout) fills it from a report model;
// the renderers (report_render_*) turn it into text. Cell text is raw: every renderer
// neutralises it for its own format.

#include "dates.hpp"
#include "hours.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// How a cell reads at a glance; renderers map tones to colours. The text always carries the
// meaning too, for colour-blind readers and plain output.
// Struck: a void entry, kept for the record but counting toward nothing.
enum class Tone { Plain, Good, Warn, Urgent, Bad, Info, Muted, Struck };

enum class Align { Left, Right };

struct Cell {
    std::string text;
    Tone tone = Tone::Plain;
    // CE hours counted against required, drawn as a bar where the format can.
    std::optional<std::pair<Hours, Hours>> progress;
    // A longer form shown with the text where a format has room for it (HTML): a credential's
    // name beside its id.
    std::string detail = {};
};

struct Column {
    std::string header;
    Align align = Align::Left;
    // Narrowest width the terminal table may cut this column to, with an ellipsis; 0: never cut.
    std::size_t min_width = 0;
    // A number in the CSV table (never prefixed against formula injection).
    bool numeric = false;
    // A shorter header for a narrow terminal ("days" for "days left"); empty: none.
    std::string short_header = {};
    // Left out of a terminal table too narrow for it, highest first; 0: always shown.
    int drop_priority = 0;
    // A date (YYYY-MM-DD, or empty) in the flat table: a date-typed cell in a spreadsheet.
    bool date = false;
};

inline Column date_column(std::string header) { return Column{std::move(header), Align::Left, 0, false, {}, 0, true}; }

// Rows made one at a time as a renderer reaches them, for a table too large to hold as cells (a
// registry's report, report_stream). `row(i, cells)` fills `cells` with row i, for i < count.
struct RowSource {
    std::size_t count = 0;
    std::function<void(std::size_t, std::vector<Cell>&)> row;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::optional<RowSource> source; // when set, the rows (`rows` is empty)
};

inline std::size_t row_count(const Table& t) { return t.source ? t.source->count : t.rows.size(); }

// Calls `fn(row)` for each row, in order, from `rows` or made by the source.
template <class Fn>
void for_each_row(const Table& t, Fn&& fn) {
    if (!t.source) {
        for (const auto& row : t.rows)
            fn(row);
        return;
    }
    std::vector<Cell> row;
    for (std::size_t i = 0; i < t.source->count; ++i) {
        row.clear();
        t.source->row(i, row);
        fn(row);
    }
}

// Where a renderer hands its text, a piece at a time, so that a registry's report need never be
// whole in memory; the string-returning renderers collect the pieces.
using TextSink = std::function<void(std::string_view)>;

// Hands `out` to `write` once it holds a chunk's worth, but for its last `keep` bytes (which a
// renderer may still look at); a renderer calls it between rows.
inline void flush_chunk(std::string& out, const TextSink* write, std::size_t keep = 0) {
    constexpr std::size_t chunk = std::size_t{1} << 16;
    if (!write || out.size() < chunk + keep) return;
    (*write)(std::string_view(out).substr(0, out.size() - keep));
    out.erase(0, out.size() - keep);
}

struct Section {
    std::string heading;            // may be empty (a report with one section)
    std::vector<std::string> intro; // lines before the table
    Table table;
    std::string empty; // shown instead of the table when it has no rows
    std::string totals_heading;
    Table totals; // optional: no columns, no totals
};

// A term of the report and what it means, for a reader who does not know the vocabulary.
struct LegendItem {
    std::string term;
    std::string meaning;
};

struct Document {
    std::string title;     // "Renewals"
    std::string workspace; // the workspace's name: the organisation's, else its directory's
    Date as_of;
    std::vector<std::string> summary;
    std::vector<Section> sections;
    std::vector<std::string> notes; // after the sections
    std::vector<LegendItem> legend; // the states and terms the sections use (HTML shows it)
    Table flat;                     // CSV: one header row (column headers are the field names)
};

} // namespace peerctl
