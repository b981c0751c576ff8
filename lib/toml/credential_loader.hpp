#pragma once
// Reads a credential's rules from TOML text, reporting every problem at once.

#include "credential_rules.hpp"
#include "diagnostics.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

// Reads one credential file's text. `expected_id` is the file's stem (empty to skip the check).
std::optional<Credential> load_credential(std::string_view text, const std::string& file, const std::string& expected_id,
                                          Diagnostics& diags);

} // namespace peerctl
