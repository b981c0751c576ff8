#include "report_render_csv.hpp"

#include "terminal_text.hpp"

namespace peerctl {

std::string csv_cell(std::string_view value, bool numeric) {
    std::string v;
    if (!numeric && !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) v = "'";
    v += value;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string render_csv(const Document& doc) {
    const Table& t = doc.flat;
    std::string out;
    for (std::size_t c = 0; c < t.columns.size(); ++c) out += (c ? "," : "") + csv_cell(t.columns[c].header);
    out += "\r\n";
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            std::string text = c < row.size() ? printable(row[c].text) : "";
            out += (c ? "," : "") + csv_cell(text, t.columns[c].numeric);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace peerctl
