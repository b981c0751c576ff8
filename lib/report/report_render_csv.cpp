#include "report_render_csv.hpp"

#include "terminal_text.hpp"

namespace peerctl {

bool formula_like(std::string_view value) {
    return !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
}

std::string csv_cell(std::string_view value, bool numeric) {
    std::string v;
    if (!numeric && formula_like(value)) v = "'";
    v += value;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_header(const std::vector<Column>& columns) {
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c)
        out += (c ? "," : "") + csv_cell(columns[c].header);
    return out + "\r\n";
}

std::string csv_row(const std::vector<Column>& columns, const std::vector<Cell>& row) {
    std::string out;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        std::string text = c < row.size() ? printable(row[c].text) : "";
        out += (c ? "," : "") + csv_cell(text, columns[c].numeric);
    }
    return out + "\r\n";
}

std::string render_csv(const Document& doc) {
    const Table& t = doc.flat;
    std::string out = csv_header(t.columns);
    for (const auto& row : t.rows)
        out += csv_row(t.columns, row);
    return out;
}

} // namespace peerctl
