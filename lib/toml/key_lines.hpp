#pragma once
// Setting one key of a record in place, for imports that update what a spreadsheet says: the
// key's own line is rewritten, or a line added, and every other byte (comments, order, CRLF) stays.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

// `key = value` (value already TOML text) among the keys before line `table_line`'s table ends:
// table_line 0 means the top-level keys, before the first table header. The key's line replaced
// when it is there on one line, else a line added after the table's last key (or its header).
// nullopt (with `error`) when the key's value spans lines, which we do not rewrite.
std::optional<std::string> set_key_line(std::string_view text, std::uint32_t table_line, std::string_view key,
                                        std::string_view value, std::string& error);

} // namespace peerctl
