#include "report_render_xlsx.hpp"

#include "report_render_csv.hpp"
#include "terminal_text.hpp"

#include <algorithm>
#include <charconv>

namespace peerctl {

namespace {

// The CSV's text of a cell, typed by its column; a value that does not read as its type stays
// text rather than being lost.
SheetCell typed_cell(const Column& column, std::string text) {
    SheetCell cell;
    if (text.empty()) return cell;
    if (column.date) {
        if (auto d = parse_date(text)) {
            cell.kind = SheetCell::Kind::Day;
            cell.date = *d;
            return cell;
        }
    } else if (column.numeric) {
        double v = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec == std::errc() && end == text.data() + text.size()) {
            cell.kind = SheetCell::Kind::Number;
            cell.number = v;
            return cell;
        }
    }
    cell.kind = SheetCell::Kind::Text;
    // A string cell is never evaluated, but one edited and entered again would be: it keeps the
    // CSV's leading ' (libxlsxwriter 1.1.4 has no quote-prefix format), and reads as the CSV does.
    cell.text = formula_like(text) ? "'" + text : std::move(text);
    return cell;
}

// The row's fill: its most pressing tone (the state cell's, late and grace alike).
SheetFill row_fill(const std::vector<Cell>& row) {
    SheetFill fill = SheetFill::None;
    for (const Cell& c : row) {
        SheetFill f = c.tone == Tone::Bad      ? SheetFill::Lapsed
                      : c.tone == Tone::Urgent ? SheetFill::Urgent
                      : c.tone == Tone::Warn   ? SheetFill::Due
                                               : SheetFill::None;
        fill = std::max(fill, f);
    }
    return fill;
}

} // namespace

SheetGrid xlsx_sheet(const Table& flat, std::string name) {
    // Wide enough for the longest value, within reason: a long note wraps off the screen anyway.
    constexpr std::size_t widest = 60;
    constexpr double date_width = 10;
    SheetGrid grid;
    grid.name = std::move(name);
    std::vector<std::size_t> widths;
    for (const Column& c : flat.columns) {
        grid.header.push_back(printable(c.header));
        widths.push_back(display_width(grid.header.back()));
    }
    grid.rows.reserve(row_count(flat));
    for_each_row(flat, [&](const std::vector<Cell>& row) {
        SheetRow out;
        out.fill = row_fill(row);
        for (std::size_t c = 0; c < flat.columns.size(); ++c) {
            std::string text = c < row.size() ? printable(row[c].text) : "";
            widths[c] = std::max(widths[c], display_width(text));
            out.cells.push_back(typed_cell(flat.columns[c], std::move(text)));
        }
        grid.rows.push_back(std::move(out));
    });
    for (std::size_t c = 0; c < widths.size(); ++c) {
        double w = static_cast<double>(std::min(widths[c], widest)) + 2;
        grid.widths.push_back(flat.columns[c].date ? std::max(w, date_width + 2) : w);
    }
    return grid;
}

} // namespace peerctl
