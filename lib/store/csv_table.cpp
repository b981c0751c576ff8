#include "csv_table.hpp"

#include "file_reader.hpp"
#include "output_text.hpp"

#include <fmt/core.h>

#include <csv.h>

#include <algorithm>
#include <memory>

namespace peerctl {

namespace {

// The header line decides: Excel in much of Europe writes ';' where the decimal mark is ','.
char delimiter_of(std::string_view text) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

struct Collector {
    CsvTable table;
    CsvRow row;
    std::uint32_t line = 1;
    bool between_rows = true;
};

void on_field(void* data, std::size_t size, void* context) {
    auto& c = *static_cast<Collector*>(context);
    c.row.cells.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
}

void on_row(int, void* context) {
    auto& c = *static_cast<Collector*>(context);
    if (std::ranges::any_of(c.row.cells, [](const std::string& s) { return !s.empty(); })) c.table.rows.push_back(c.row);
    c.row = {};
    c.between_rows = true;
}

} // namespace

std::optional<CsvTable> parse_csv(std::string_view text, const std::string& shown, Diagnostics& diags) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    csv_parser parser{};
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        diags.error(shown, {}, "out of memory reading CSV");
        return std::nullopt;
    }
    std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
    Collector c;
    c.table.delimiter = delimiter_of(text);
    csv_set_delim(&parser, static_cast<unsigned char>(c.table.delimiter));
    // A byte at a time, so that each row knows the line it starts on, even past quoted newlines.
    for (char ch : text) {
        if (c.between_rows && ch != '\n' && ch != '\r') {
            c.row.line = c.line;
            c.between_rows = false;
        }
        if (csv_parse(&parser, &ch, 1, on_field, on_row, &c) != 1) {
            diags.error(shown, {c.row.line ? c.row.line : c.line, 0},
                        ch == '"' ? "a quote inside a field that is not quoted (write it doubled, in a quoted field)"
                                  : "a quoted field must end at a separator or the end of the line");
            return std::nullopt;
        }
        if (ch == '\n') ++c.line;
    }
    if (csv_fini(&parser, on_field, on_row, &c) != 0) {
        diags.error(shown, {c.row.line, 0}, "a quoted field is not closed before the end of the file");
        return std::nullopt;
    }
    for (const CsvRow& row : c.table.rows)
        for (const std::string& cell : row.cells)
            if (!is_valid_utf8(cell)) {
                diags.error(shown, {row.line, 0}, "not UTF-8 text (save the spreadsheet as \"CSV UTF-8\")");
                return std::nullopt;
            }
    return std::move(c.table);
}

std::optional<CsvTable> read_csv_file(const std::filesystem::path& path, const std::string& shown, Diagnostics& diags) {
    std::optional<std::string> text = read_text_file(path, shown, std::size_t{64} << 20, diags);
    if (!text) return std::nullopt;
    return parse_csv(*text, shown, diags);
}

} // namespace peerctl
