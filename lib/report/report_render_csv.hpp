#pragma once
// A report as CSV (RFC 4180): one header row of field names, then one row per item, CRLF line
// ends. Text cells are guarded against spreadsheet formula injection.

#include "report_document.hpp"

#include <string>
#include <string_view>

namespace peerctl {

// Text a spreadsheet would take for a formula (or, after a tab or CR, could): = + - @ first.
bool formula_like(std::string_view value);

// One field: a text cell that starts with = + - @, a tab or a CR gets a leading ' (so a
// spreadsheet shows it instead of evaluating it); a field holding a comma, a double quote, a CR
// or an LF is quoted, with double quotes doubled. Numeric cells are never prefixed (-3 stays -3).
std::string csv_cell(std::string_view value, bool numeric = false);

// The header line and one row's line (CRLF-terminated), for CSV made a row at a time.
std::string csv_header(const std::vector<Column>& columns);
std::string csv_row(const std::vector<Column>& columns, const std::vector<Cell>& row);

// The document's flat table; record strings are shown with their control characters escaped.
std::string render_csv(const Document& doc);

} // namespace peerctl
