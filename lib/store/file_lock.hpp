#pragma once
// Serialises writers of one record (two terminals, a script) with flock on a separate lock file.
// A lock held by a process that died is released by the kernel, so a lock file left behind
// never blocks the next write.

#include <chrono>
#include <filesystem>
#include <string>

namespace peerctl {

class FileLock {
public:
    FileLock() = default;
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    FileLock(FileLock&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    ~FileLock();

    // Waits up to `timeout`; returns an empty string on success, else the reason.
    std::string acquire(const std::filesystem::path& lock_path, std::chrono::milliseconds timeout, unsigned mode);
    bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

} // namespace peerctl
