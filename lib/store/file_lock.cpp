#include "file_lock.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>

namespace peerctl {

std::optional<IoError> FileLock::acquire(const std::filesystem::path& lock_path, std::chrono::milliseconds timeout,
                                         unsigned mode) {
    // Only a lock file this call creates gets its mode set: one that is already there may be
    // someone else's, and peerctl never chmods what it did not create.
    UniqueFd fd(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd) ::fchmod(fd.get(), static_cast<mode_t>(mode));
    else if (errno == EEXIST) fd = UniqueFd(::open(lock_path.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
    if (int err = errno; !fd) {
        // The usual cause, a directory the user may not write, said in the user's terms: the lock
        // file is ours, not theirs.
        bool unwritable = err == EACCES || err == EPERM || err == EROFS;
        return IoError{lock_path, err,
                       fmt::format("cannot lock the record: {}{}", std::strerror(err),
                                   unwritable ? " (its directory is not writable)" : " (opening its lock file)")};
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode))
        return IoError{
            lock_path, 0,
            fmt::format("cannot lock the record: its lock file {} is not a regular file", lock_path.filename().string())};
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
        if (int err = errno; err != EWOULDBLOCK && err != EINTR)
            return IoError{lock_path, err, fmt::format("cannot lock the record: {}", std::strerror(err))};
        if (std::chrono::steady_clock::now() >= deadline)
            return IoError{
                lock_path, EWOULDBLOCK,
                fmt::format("another peerctl is writing this record (held for over {} s); try again", timeout.count() / 1000)};
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    fd_ = std::move(fd);
    return std::nullopt;
}

} // namespace peerctl
