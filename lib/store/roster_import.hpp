#pragma once
// `import roster`: which spreadsheet column is which record key, each row checked, and the changes
// a row makes to a record (created, keys filled or updated in place, a credential certified). It
// never removes an entry or a key.

#include "csv_table.hpp"
#include "diagnostics.hpp"
#include "record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peerctl {

enum class RosterKey { Id, Name, Email, Site, Supervisor, Hired, Status, Credential, Number, Issued, Expires };

// The key's word as --map takes it ("id", "name", ..., "credential", "number", "issued", "expires").
std::optional<RosterKey> parse_roster_key(std::string_view word);
// The key a common HR or Excel header stands for ("Employee ID", "E-mail", "Expiration date"),
// compared without case and spaces.
std::optional<RosterKey> known_header(std::string_view header);

struct ColumnMap {
    std::vector<std::optional<RosterKey>> columns; // by column index
    std::vector<std::string> ignored;              // headers of columns no key is read from
};

// `extra` (from --map, header as written) is tried before the known headers. Errors at the header
// row: no id column, two columns for one key.
std::optional<ColumnMap> map_columns(const CsvRow& header, const std::vector<std::pair<std::string, RosterKey>>& extra,
                                     const std::string& shown, Diagnostics& diags);

// A date as ISO (2025-02-03) or as Excel writes it in US style (2/3/2025).
std::optional<Date> parse_sheet_date(std::string_view text);

struct ImportRow {
    std::uint32_t line = 0;
    std::string id;
    std::optional<std::string> name, email, site, supervisor, status;
    std::optional<Date> hired;
    std::string credential;
    std::optional<std::string> number;
    std::optional<Date> issued, expires;
};

// Every data row checked (an error each, at its line); only the rows without errors returned.
std::vector<ImportRow> roster_rows(const CsvTable& table, const ColumnMap& map, const std::string& shown, Diagnostics& diags);

struct KeyChange {
    std::string credential; // empty for a top-level key
    std::string key;
    std::string before; // as shown; empty when the key was not there
    std::string after;  // as shown
    std::string value;  // TOML text
};

struct RosterPlan {
    bool create = false;
    std::vector<KeyChange> keys;
    bool certify = false; // add [credentials.<id>] (or its issue under the header), as certify does
    std::string credential;
    std::vector<std::pair<std::string, std::string>> certify_fields;
    std::vector<std::string> notes; // what the row says that is left as it is, and why
    bool empty() const { return !create && keys.empty() && !certify; }
};

// What `row` changes in `existing` (nullptr: the record is not there yet). An error when a record
// must be created without a name.
std::optional<RosterPlan> plan_row(const ImportRow& row, const Record* existing, std::string& error);

// The record's text after the plan (`original` empty when creating); nullopt with `error` when a
// key cannot be rewritten in place.
std::optional<std::string> apply_plan(std::string_view original, const ImportRow& row, const RosterPlan& plan,
                                      std::string& error);

// "create", `site "north" -> "south"`, "certify ctrss issued 2025-01-02", one line each.
std::vector<std::string> describe_plan(const RosterPlan& plan);

} // namespace peerctl
