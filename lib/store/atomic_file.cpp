#include "atomic_file.hpp"

#include "unique_fd.hpp"
#include "write_all.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <random>
#include <utility>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

std::string temp_name(const fs::path& target) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return fmt::format(".{}.tmp-{}-{:016x}", target.filename().string(), ::getpid(), rng());
}

std::string backup_name(const fs::path& target) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return fmt::format(".{}.bak-{}-{:016x}", target.filename().string(), ::getpid(), rng());
}

} // namespace

bool is_read_only(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    if ((st.st_mode & 0222) == 0) return true;
    return ::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW) != 0 && errno == EACCES;
}

LeftoverIndex::LeftoverIndex(const fs::path& dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
        // ".<target>.tmp-<pid>-<random>" and ".<target>.bak-<pid>-<random>" (temp_name, backup_name)
        std::string name = e.path().filename().string();
        if (name.size() < 2 || name[0] != '.') continue;
        for (std::string_view marker : {".tmp-", ".bak-"}) {
            std::size_t at = name.rfind(marker);
            if (at != std::string::npos && at > 1) {
                by_target_[name.substr(1, at - 1)].push_back(e.path());
                break;
            }
        }
    }
}

std::vector<fs::path> LeftoverIndex::of(const fs::path& target) const {
    auto found = by_target_.find(target.filename().string());
    return found == by_target_.end() ? std::vector<fs::path>{} : found->second;
}

std::optional<IoError> write_file_atomic(const fs::path& path, std::string_view content, const AtomicWriteOptions& options) {
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    auto error = [&](int err, std::string what) { return IoError{path, err, std::move(what)}; };

    mode_t mode = options.create_mode;
    std::optional<std::pair<uid_t, gid_t>> owner;
    // Reasons start with the system's own words ("No space left on device"), so that a caller's
    // "cannot write FILE: " reads on.
    const char* unchanged = "nothing was created";
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
        unchanged = "the file is unchanged";
        if (S_ISLNK(st.st_mode)) return error(0, "refusing to write through a symbolic link");
        if (!S_ISREG(st.st_mode)) return error(0, "not a regular file");
        if (options.must_not_exist) return error(EEXIST, "already exists");
        if (is_read_only(path))
            return error(EACCES, fmt::format("the file is read-only (mode {:04o}); {}", st.st_mode & 07777, unchanged));
        mode = st.st_mode & 07777;
        owner = std::pair{st.st_uid, st.st_gid};
    } else if (int e = errno; e != ENOENT) {
        return error(e, errno_text(e));
    }

    UniqueFd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (int e = errno; !dir_fd) {
        // Said of the directory the user named (the caller names the file), not of a step of ours.
        if (e == ENOENT) return error(e, fmt::format("its directory does not exist ({}); {}", errno_text(e), unchanged));
        if (e == ENOTDIR) return error(e, fmt::format("part of its path is not a directory ({}); {}", errno_text(e), unchanged));
        return error(e, fmt::format("{} (opening its directory); {}", errno_text(e), unchanged));
    }

    std::string tmp = temp_name(path);
    UniqueFd fd(::openat(dir_fd.get(), tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (int e = errno; !fd) {
        if (e == EACCES || e == EPERM || e == EROFS)
            return error(e, fmt::format("its directory is not writable ({}); {}", errno_text(e), unchanged));
        return error(e, fmt::format("{} (creating a file in its directory); {}", errno_text(e), unchanged));
    }
    // Each failure from here removes the temporary file; the descriptors close as we return.
    auto fail = [&](std::string_view step, int err) {
        fd.reset();
        ::unlinkat(dir_fd.get(), tmp.c_str(), 0);
        return error(err, fmt::format("{} ({}); {}", errno_text(err), step, unchanged));
    };
    int err = 0;
    // fchmod, not the open mode: the umask must not widen or narrow what we promise.
    // The replacement keeps the original's owner and group, as `sed -i` does; where we may not
    // give the file away (not root), the group alone, and otherwise it stays ours.
    if (owner && (owner->first != ::geteuid() || owner->second != ::getegid()))
        if (::fchown(fd.get(), owner->first, owner->second) != 0 && errno == EPERM)
            (void)::fchown(fd.get(), static_cast<uid_t>(-1), owner->second);
    if (::fchmod(fd.get(), mode) != 0) return fail("setting permissions", errno);
    if (!write_all(fd.get(), content, err)) return fail("write", err);
    if (::fsync(fd.get()) != 0) return fail("fsync", errno);
    if (fd.close() != 0) return fail("close", errno);
    // Keep the original reachable until the new content is durable, so that a failed directory
    // fsync can put it back.
    std::string backup;
    if (!options.must_not_exist) {
        backup = backup_name(path);
        if (::linkat(dir_fd.get(), path.filename().c_str(), dir_fd.get(), backup.c_str(), 0) != 0) {
            if (errno != ENOENT) return fail("link", errno);
            backup.clear(); // no original: nothing to keep
        }
    }
    if (options.must_not_exist) {
        // linkat fails if the target appeared meanwhile, where rename would replace it.
        if (::linkat(dir_fd.get(), tmp.c_str(), dir_fd.get(), path.filename().c_str(), 0) != 0) {
            err = errno;
            ::unlinkat(dir_fd.get(), tmp.c_str(), 0);
            return err == EEXIST ? error(err, "already exists")
                                 : error(err, fmt::format("{} (link); {}", errno_text(err), unchanged));
        }
        ::unlinkat(dir_fd.get(), tmp.c_str(), 0);
    } else if (::renameat(dir_fd.get(), tmp.c_str(), dir_fd.get(), path.filename().c_str()) != 0) {
        err = errno;
        ::unlinkat(dir_fd.get(), tmp.c_str(), 0);
        if (!backup.empty()) ::unlinkat(dir_fd.get(), backup.c_str(), 0);
        return error(err, fmt::format("{} (rename); {}", errno_text(err), unchanged));
    }
    if (::fsync(dir_fd.get()) != 0) {
        err = errno;
        bool restored = backup.empty() ? ::unlinkat(dir_fd.get(), path.filename().c_str(), 0) == 0
                                       : ::renameat(dir_fd.get(), backup.c_str(), dir_fd.get(), path.filename().c_str()) == 0;
        if (!restored)
            return error(err, fmt::format("{} (fsync of the directory); the change is in place but may not survive a crash",
                                          errno_text(err)));
        return error(err, fmt::format("{} (fsync of the directory); {}", errno_text(err), unchanged));
    }
    if (!backup.empty()) ::unlinkat(dir_fd.get(), backup.c_str(), 0);
    return std::nullopt;
}

} // namespace peerctl
