#pragma once
// A report's flat table (the CSV's rows and columns) as a typed spreadsheet grid: date columns as
// dates, numeric columns as numbers, text as the CSV shows it, each row filled by its state's
// tone, and column widths that fit. store's xlsx_file writes the grid.

#include "report_document.hpp"
#include "sheet_grid.hpp"

#include <string>

namespace peerctl {

SheetGrid xlsx_sheet(const Table& flat, std::string name);

} // namespace peerctl
