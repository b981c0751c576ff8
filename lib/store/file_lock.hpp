#pragma once
// Serialises writers of one record (two terminals, a script) with flock on a separate lock file.
// A lock held by a process that died is released by the kernel, so a lock file left behind
// never blocks the next write.

#include "io_error.hpp"
#include "unique_fd.hpp"

#include <chrono>
#include <filesystem>
#include <optional>

namespace peerctl {

class FileLock {
public:
    // Waits up to `timeout`; nothing on success, else the error (about `lock_path`).
    [[nodiscard]] std::optional<IoError> acquire(const std::filesystem::path& lock_path, std::chrono::milliseconds timeout,
                                                 unsigned mode);
    bool held() const { return static_cast<bool>(fd_); }

private:
    UniqueFd fd_; // closing it releases the flock
};

} // namespace peerctl
