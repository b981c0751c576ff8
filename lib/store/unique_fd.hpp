#pragma once
// The one owner of a file descriptor in peerctl: every early return closes what was opened, and a
// descriptor that must outlive the scope is moved or release()d out, never copied.

#include <unistd.h>

#include <utility>

namespace peerctl {

class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o) reset(o.release());
        return *this;
    }
    ~UniqueFd() { reset(); }

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    // Gives up ownership: the caller closes it (or checks close()'s result, as a writer must).
    int release() { return std::exchange(fd_, -1); }
    // Closes what it holds (the result of close() is lost: use close() where it matters).
    void reset(int fd = -1) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }
    // Closes now and returns close()'s result: a written file's last error can surface here.
    int close() {
        int fd = release();
        return fd >= 0 ? ::close(fd) : 0;
    }

private:
    int fd_ = -1;
};

} // namespace peerctl
