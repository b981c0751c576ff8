#include "git_process.hpp"

#include "unique_fd.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

constexpr std::size_t max_output = 64u << 20;

// Only async-signal-safe calls after fork (another thread may hold malloc's lock): everything
// the child needs is made before.
[[noreturn]] void exec_git(char* const* argv, int in, int out, int err) {
    if (in < 0 || ::dup2(in, STDIN_FILENO) < 0 || ::dup2(out, STDOUT_FILENO) < 0 || ::dup2(err, STDERR_FILENO) < 0) ::_exit(127);
    ::execvp("git", argv);
    ::_exit(127);
}

} // namespace

std::string GitRun::line() const { return out.substr(0, out.find('\n')); }

GitRun run_git(const fs::path& dir, const std::vector<std::string>& args) {
    GitRun run;
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        run.error = std::strerror(errno);
        return run;
    }
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        run.error = std::strerror(errno);
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        return run;
    }
    UniqueFd out_read(out_pipe[0]), err_read(err_pipe[0]);
    UniqueFd null(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    std::vector<std::string> words{"git", "-C", dir.string()};
    words.insert(words.end(), args.begin(), args.end());
    std::vector<char*> argv;
    argv.reserve(words.size() + 1);
    for (auto& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    pid_t pid = ::fork();
    if (pid == 0) exec_git(argv.data(), null.get(), out_pipe[1], err_pipe[1]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (pid < 0) {
        run.error = std::strerror(errno);
        return run;
    }
    // Both pipes at once: git blocks when either fills while we wait on the other.
    std::array<pollfd, 2> fds{{{out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}}};
    std::array<std::string*, 2> sinks{&run.out, &run.err};
    int open = 2;
    char buf[65536];
    while (open > 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                fds[i].fd = -1;
                --open;
            } else if (sinks[i]->size() < max_output) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    // execvp failing in the child exits 127, as a shell says "command not found".
    run.started = run.status != 127 || !run.err.empty();
    if (!run.started) run.error = "git is not installed (or not on PATH)";
    return run;
}

fs::path git_top_level(const fs::path& dir) {
    std::error_code ec;
    fs::path abs = fs::absolute(dir, ec);
    bool found = false;
    for (fs::path p = abs; !found; p = p.parent_path()) {
        found = fs::exists(p / ".git", ec);
        if (p == p.parent_path()) break;
    }
    if (!found) return {};
    GitRun run = run_git(dir, {"rev-parse", "--show-toplevel"});
    return run.ok() ? fs::path(run.line()) : fs::path();
}

} // namespace peerctl
