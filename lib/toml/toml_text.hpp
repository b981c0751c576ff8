#pragma once
// Writing TOML as text. We append to users' files instead of re-serialising them with toml++,
// which would drop comments and reorder keys.

#include "output_text.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

// A TOML basic string, quoted and escaped, that parses back to exactly `text` whatever it holds
// (quotes, backslashes, newlines, tabs, control characters, non-ASCII). Controls and bidi marks are
// written as escapes (output_text's toml_escaped), so the line is safe to show (`--dry-run`) and to
// open in an editor. `text` must be valid UTF-8.
std::string toml_string(std::string_view text);

// Where a record's [credentials.<id>] stands, for certify to extend it: whether it is there, as a
// table, already holding `issued`, and the line its definition starts on (1-based; 0 unknown).
struct CredentialTableSite {
    bool present = false;
    bool is_table = false;
    bool certified = false;
    std::uint32_t line = 0;
};
// nullopt when the text does not parse as TOML.
std::optional<CredentialTableSite> credential_table_site(std::string_view record_text, std::string_view credential);

} // namespace peerctl
