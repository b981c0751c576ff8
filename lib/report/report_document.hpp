#pragma once
// A report laid out independently of its format: a title, summary lines, sections holding a
// table each, and a flat table for CSV. The layout (report_layout) fills it from a report model;
// the renderers (report_render_*) turn it into text. Cell text is raw: every renderer
// neutralises it for its own format.

#include "dates.hpp"
#include "hours.hpp"

#include <optional>
#include <string>
#include <vector>

namespace peerctl {

// How a cell reads at a glance; renderers map tones to colours. The text always carries the
// meaning too, for colour-blind readers and plain output.
enum class Tone { Plain, Good, Warn, Urgent, Bad, Info, Muted };

enum class Align { Left, Right };

struct Cell {
    std::string text;
    Tone tone = Tone::Plain;
    // CE hours counted against required, drawn as a bar where the format can.
    std::optional<std::pair<Hours, Hours>> progress;
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
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
};

struct Section {
    std::string heading;            // may be empty (a report with one section)
    std::vector<std::string> intro; // lines before the table
    Table table;
    std::string empty; // shown instead of the table when it has no rows
    std::string totals_heading;
    Table totals; // optional: no columns, no totals
};

struct Document {
    std::string title;     // "Renewals"
    std::string workspace; // the workspace's name
    Date as_of;
    std::vector<std::string> summary;
    std::vector<Section> sections;
    std::vector<std::string> notes; // after the sections
    Table flat;                     // CSV: one header row (column headers are the field names)
};

} // namespace peerctl
