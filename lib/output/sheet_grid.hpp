#pragma once
// A spreadsheet as typed cells, between the report that lays it out (report_render_xlsx) and the
// writer that makes the file (store's xlsx_file): neither needs the other's library. Text is
// already sanitised; dates are calendar dates, numbers are numbers.

#include "dates.hpp"

#include <string>
#include <vector>

namespace peerctl {

struct SheetCell {
    enum class Kind { Empty, Text, Number, Day }; // Day: a date-typed cell
    Kind kind = Kind::Empty;
    std::string text; // Text
    double number = 0;
    Date date{};
};

// How a row reads at a glance, as a fill colour: a certification due soon, late or in grace, lapsed.
enum class SheetFill { None, Due, Urgent, Lapsed };

struct SheetRow {
    std::vector<SheetCell> cells;
    SheetFill fill = SheetFill::None;
};

struct SheetGrid {
    std::string name; // the worksheet's tab
    std::vector<std::string> header;
    std::vector<SheetRow> rows;
    std::vector<double> widths; // per column, in characters
};

} // namespace peerctl
