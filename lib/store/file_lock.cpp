#include "file_lock.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace peerctl {

FileLock::~FileLock() {
    if (fd_ >= 0) ::close(fd_); // closing releases the flock
}

std::string FileLock::acquire(const std::filesystem::path& lock_path, std::chrono::milliseconds timeout, unsigned mode) {
    // Only a lock file this call creates gets its mode set: one that is already there may be
    // someone else's, and peerctl never chmods what it did not create.
    int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) ::fchmod(fd, static_cast<mode_t>(mode));
    else if (errno == EEXIST) fd = ::open(lock_path.c_str(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return fmt::format("{}: cannot open the lock file: {}", lock_path.string(), std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fmt::format("{}: the lock file is not a regular file", lock_path.string());
    }
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            int err = errno;
            ::close(fd);
            return fmt::format("{}: cannot lock: {}", lock_path.string(), std::strerror(err));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(fd);
            return fmt::format("another peerctl is writing this record (lock {} held for over {} s); try again",
                               lock_path.string(), timeout.count() / 1000);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    fd_ = fd;
    return {};
}

} // namespace peerctl
