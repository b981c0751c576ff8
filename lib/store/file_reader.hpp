#pragma once
// Reads a user file safely: only regular files (never a FIFO that would block, a directory or a
// device), with a size limit checked before reading.

#include "diagnostics.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace peerctl {

// Records refuse symbolic links: anyone who may edit specialists/ could otherwise point root's
// cron at /etc/shadow or at another workspace's records. The user's own config may be a link.
enum class Symlinks { Follow, Refuse };

// A file peerctl made and will act on (an undo file) is read only when it is owned by the
// effective user (or root) and writable by no one else, judged on the open file so that it cannot
// be swapped between the check and the read; `refusal` says why it was not.
struct OwnFileOnly {
    std::string refusal;
};

// `shown` is the name used in diagnostics.
std::optional<std::string> read_text_file(const std::filesystem::path& path, const std::string& shown, std::size_t max_bytes,
                                          Diagnostics& diags, Symlinks symlinks = Symlinks::Follow,
                                          const OwnFileOnly* own_only = nullptr);

} // namespace peerctl
