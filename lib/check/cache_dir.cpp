#include "cache_dir.hpp"

#include "write_all.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstdint>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

// Why a file or directory cannot be trusted, or nothing when it can.
std::optional<std::string> distrust(const struct stat& st, mode_t type) {
    if ((st.st_mode & S_IFMT) == S_IFLNK) return "it is a symbolic link";
    if ((st.st_mode & S_IFMT) != type) return type == S_IFDIR ? "it is not a directory" : "it is not a regular file";
    if (st.st_uid != ::geteuid()) return "it is owned by another user";
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        return fmt::format("it is writable by {} (mode {:04o})",
                           (st.st_mode & S_IWGRP) && (st.st_mode & S_IWOTH) ? "group and others"
                           : st.st_mode & S_IWGRP                           ? "its group"
                                                                            : "others",
                           st.st_mode & 07777);
    return std::nullopt;
}

// Why `name` in `dir_fd` could not be opened, when the reason is that it is not to be trusted
// (a link, someone else's, ...) rather than an ordinary failure.
std::optional<std::string> distrust_at(int dir_fd, const char* name, mode_t type) {
    struct stat st {};
    if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
    return distrust(st, type);
}

// mkdir -p, each missing directory mode 0700 (the XDG base directory rule); what exists is
// left as it is.
bool make_dirs(const fs::path& p) {
    if (::mkdir(p.c_str(), 0700) == 0 || errno == EEXIST) return true;
    if (errno != ENOENT || !p.has_relative_path() || p.parent_path() == p) return false;
    return make_dirs(p.parent_path()) && (::mkdir(p.c_str(), 0700) == 0 || errno == EEXIST);
}

} // namespace

CacheDir::CacheDir(fs::path dir) : dir_(std::move(dir)) {}

void CacheDir::refuse(const fs::path& what, const std::string& why) {
    if (!refusal_)
        refusal_ =
            Diagnostic{Severity::Warning, what.string(), {}, "not used as peerctl's cache, neither read nor written: " + why};
}

CacheDir::Open CacheDir::open_dir(bool create) {
    if (refusal_ || dir_.empty() || !dir_.has_filename()) return Open::Failed;
    if (fd_) return Open::Ok;
    fs::path parent = dir_.parent_path();
    std::string leaf = dir_.filename().string();
    UniqueFd parent_fd(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!parent_fd && errno == ENOENT && create && make_dirs(parent))
        parent_fd.reset(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!parent_fd) return errno == ENOENT ? Open::Missing : Open::Failed;
    // Made by us with 0700 (the umask can only take bits away), or already there: then checked
    // as it is, never chmod-ed.
    if (create) (void)::mkdirat(parent_fd.get(), leaf.c_str(), 0700);
    UniqueFd fd(::openat(parent_fd.get(), leaf.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    bool missing = !fd && errno == ENOENT;
    std::optional<std::string> why;
    struct stat st {};
    bool checked = false;
    if (!fd) {
        if (!missing) why = distrust_at(parent_fd.get(), leaf.c_str(), S_IFDIR);
    } else if (::fstat(fd.get(), &st) == 0) {
        why = distrust(st, S_IFDIR);
        checked = !why;
    }
    if (checked) {
        fd_ = std::move(fd);
        return Open::Ok;
    }
    if (why) refuse(dir_, *why);
    return missing ? Open::Missing : Open::Failed;
}

std::optional<std::string> CacheDir::read(const std::string& name, std::size_t max_bytes) {
    if (open_dir(false) != Open::Ok) return std::nullopt;
    // O_NONBLOCK: a FIFO put in its place must not hang the run (it is refused below).
    UniqueFd fd(::openat(fd_.get(), name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    std::optional<std::string> why;
    struct stat st {};
    if (!fd) {
        if (errno != ENOENT) why = distrust_at(fd_.get(), name.c_str(), S_IFREG);
    } else if (::fstat(fd.get(), &st) == 0) {
        why = distrust(st, S_IFREG);
    } else {
        return std::nullopt;
    }
    if (why) {
        refuse(dir_ / name, *why);
        return std::nullopt;
    }
    if (!fd) return std::nullopt;
    std::optional<std::string> out;
    if (static_cast<std::uint64_t>(st.st_size) <= max_bytes) {
        std::string text(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        while (got < text.size()) {
            ssize_t n = ::read(fd.get(), text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        // A file that changed size under us is read again next time, from scratch.
        char extra = 0;
        if (got == text.size() && ::read(fd.get(), &extra, 1) == 0) out = std::move(text);
    }
    return out;
}

bool CacheDir::write(const std::string& name, std::string_view content) {
    if (open_dir(true) != Open::Ok) return false;
    // What is there now is replaced only if it is ours as well (read() refuses it otherwise, but
    // it may have come since).
    struct stat st {};
    if (::fstatat(fd_.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        if (auto why = distrust(st, S_IFREG)) {
            refuse(dir_ / name, *why);
            return false;
        }
    } else if (errno != ENOENT) {
        return false;
    }
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    std::string tmp = fmt::format(".{}.{}-{}.tmp", name, ::getpid(), now.tv_nsec);
    UniqueFd fd(::openat(fd_.get(), tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd) return false;
    int err = 0;
    bool ok = write_all(fd.get(), content, err) && ::fsync(fd.get()) == 0;
    ok = fd.close() == 0 && ok;
    if (ok && ::renameat(fd_.get(), tmp.c_str(), fd_.get(), name.c_str()) == 0) {
        (void)::fsync(fd_.get());
        return true;
    }
    ::unlinkat(fd_.get(), tmp.c_str(), 0);
    return false;
}

} // namespace peerctl
