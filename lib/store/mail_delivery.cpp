#include "mail_delivery.hpp"

#include "unique_fd.hpp"
#include "write_all.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace peerctl {

std::optional<std::string> pipe_to_command(const std::vector<std::string>& argv, std::string_view message) {
    if (argv.empty()) return std::string("no command");
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return fmt::format("cannot make a pipe: {}", std::strerror(errno));
    UniqueFd read_end(fds[0]), write_end(fds[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, read_end.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    int spawned = ::posix_spawn(&pid, argv.front().c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return fmt::format("cannot run {}: {}", argv.front(), std::strerror(spawned));
    read_end.reset();
    // A program that stops reading early fails below by its exit status; EPIPE alone says less.
    int write_errno = 0;
    bool written = write_all(write_end.get(), message, write_errno);
    write_end.reset();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return fmt::format("cannot wait for {}: {}", argv.front(), std::strerror(errno));
    if (WIFSIGNALED(status)) return fmt::format("{} was killed by signal {}", argv.front(), WTERMSIG(status));
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        return fmt::format("{} exited with status {}", argv.front(), WEXITSTATUS(status));
    if (!written) return fmt::format("cannot write the message to {}: {}", argv.front(), std::strerror(write_errno));
    return std::nullopt;
}

std::optional<IoError> append_to_mbox(const std::filesystem::path& path, std::string_view entries) {
    auto fail = [&](int err, std::string what) { return IoError{path, err, std::move(what)}; };
    bool created = true;
    UniqueFd fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!fd && errno == EEXIST) {
        created = false;
        fd.reset(::open(path.c_str(), O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    }
    if (!fd) {
        int err = errno;
        if (err == ELOOP) return fail(err, "it is a symbolic link; nothing was written");
        return fail(err, fmt::format("{} (open)", std::strerror(err)));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return fail(errno, fmt::format("{} (fstat)", std::strerror(errno)));
    if (created) {
        if (::fchmod(fd.get(), 0600) != 0) return fail(errno, fmt::format("{} (fchmod)", std::strerror(errno)));
    } else if (!S_ISREG(st.st_mode)) {
        return fail(0, "it is not a regular file; nothing was written");
    } else if (st.st_uid != ::geteuid() || st.st_nlink != 1 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        return fail(0, "it is not the user's own file (owned by the user, one link, writable by no one else); "
                       "nothing was written");
    }
    if (::flock(fd.get(), LOCK_EX) != 0) return fail(errno, fmt::format("{} (flock)", std::strerror(errno)));
    // Under the lock: the end may have moved since the stat.
    off_t before = ::lseek(fd.get(), 0, SEEK_END);
    if (before < 0) return fail(errno, fmt::format("{} (lseek)", std::strerror(errno)));
    int err = 0;
    if (!write_all(fd.get(), entries, err) || ::fsync(fd.get()) != 0) {
        if (err == 0) err = errno;
        if (::ftruncate(fd.get(), before) == 0) (void)::fsync(fd.get());
        return fail(err, fmt::format("{} (write); nothing was added", std::strerror(err)));
    }
    if (fd.close() != 0) return fail(errno, fmt::format("{} (close)", std::strerror(errno)));
    return std::nullopt;
}

} // namespace peerctl
