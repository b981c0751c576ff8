#pragma once
// Reads a specialist's record from TOML text, reporting every problem at once.

#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "record.hpp"
#include "toml_guard.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

struct RecordLoadOptions {
    // The file's stem; the record's id must equal it (empty: not checked).
    std::string expected_id;
    GuardLimits limits;
    // Try the fast plain-TOML reader first (records come back without source positions, so only
    // for commands that show none: bulk status, check, reports). Any problem falls back to toml++.
    bool fast = false;
};

// Returns the record when it has no errors; warnings may still be added.
std::optional<Record> load_record(std::string_view text, const std::string& file, const CredentialSet& credentials,
                                  const RecordLoadOptions& options, Diagnostics& diags);

// Warnings that depend on the date: entries dated after `as_of` are not counted yet.
void warn_future_entries(const Record& record, Date as_of, Diagnostics& diags);

} // namespace peerctl
