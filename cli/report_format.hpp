#pragma once
// What a report's output looks like: its format (from --format or -o's extension) and, for a
// table, its width.

#include <cstddef>
#include <optional>
#include <string>

namespace peerctl::cli {

// The format: --format, else the -o file's extension, else a table. A usage error for a format
// that does not go with the rest: xlsx to standard output or for a report other than a team one
// (`team`), --bom (`bom`) with anything but CSV.
std::string report_format(const std::string& format, const std::string& output, bool team, bool bom);

// Columns for the table: --width (`width`, -1 when not given), else $COLUMNS, else the terminal's
// width; none for a file or a pipe.
std::optional<std::size_t> report_table_width(int width, bool to_file);

} // namespace peerctl::cli
