#pragma once
// Writing a whole buffer to a descriptor, through short writes and EINTR.

#include <string_view>

namespace peerctl {

// True when all of `data` was written; else false with errno's value in `err` (EIO for a write
// that wrote nothing).
bool write_all(int fd, std::string_view data, int& err);

} // namespace peerctl
