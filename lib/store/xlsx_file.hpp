#pragma once
// A spreadsheet grid (sheet_grid) written as an .xlsx file with libxlsxwriter: the header row
// bold and frozen, an autofilter over the table, dates in a date format, numbers as numbers,
// rows filled by state and the columns' widths set.

#include "atomic_file.hpp"
#include "sheet_grid.hpp"

#include <filesystem>
#include <optional>

namespace peerctl {

// libxlsxwriter writes to a file name of its own choosing of flags (it follows symbolic links and
// takes the umask's mode), so the workbook is made in a private directory (0700, beside the
// target) and its bytes replace the target as any other output does (write_file_atomic: mode
// 0600, never through a symbolic link, durable). Nothing on success, else the error.
[[nodiscard]] std::optional<IoError> write_xlsx_atomic(const std::filesystem::path& path, const SheetGrid& grid);

} // namespace peerctl
