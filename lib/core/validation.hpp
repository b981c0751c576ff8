#pragma once
// Shared checks on user-supplied identifiers.

#include <string_view>

namespace peerctl {

// What an id is (specialists, credentials, levels, topics, domains), as every message spells it:
// safe as a file name on every system, and never a path.
inline constexpr std::string_view id_pattern = "[a-z0-9][a-z0-9_-]{0,63}";

// True when `id` matches id_pattern.
bool is_valid_id(std::string_view id);

} // namespace peerctl
