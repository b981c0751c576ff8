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

// `shown` is the name used in diagnostics.
std::optional<std::string> read_text_file(const std::filesystem::path& path, const std::string& shown, std::size_t max_bytes,
                                          Diagnostics& diags, Symlinks symlinks = Symlinks::Follow);

} // namespace peerctl
