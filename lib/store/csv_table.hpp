#pragma once
// A spreadsheet's CSV as HR systems and Excel write it (UTF-8 with or without a byte order mark,
// comma or semicolon, quoted fields holding newlines and doubled quotes, CRLF), read with libcsv
// rather than a hand parser. Each row keeps the line it starts on, for errors that point at it.

#include "diagnostics.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct CsvRow {
    std::uint32_t line = 0; // 1-based line the row starts on
    std::vector<std::string> cells;
};

struct CsvTable {
    char delimiter = ',';
    std::vector<CsvRow> rows; // the header first; rows whose cells are all empty are left out
};

// The table in `text`, named `shown` in diagnostics. nullopt after an error in diags (a quote
// left open, text that is not UTF-8) at the line of the row it is in.
std::optional<CsvTable> parse_csv(std::string_view text, const std::string& shown, Diagnostics& diags);

// The file at `path` (a regular file, at most 64 MiB) parsed as parse_csv does.
std::optional<CsvTable> read_csv_file(const std::filesystem::path& path, const std::string& shown, Diagnostics& diags);

} // namespace peerctl
