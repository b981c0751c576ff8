#pragma once
// Shared checks on user-supplied identifiers.

#include <string_view>

namespace peerctl {

// [a-z0-9][a-z0-9_-]{0,63}: safe as a file name on every system, and never a path.
bool is_valid_id(std::string_view id);

} // namespace peerctl
