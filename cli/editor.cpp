#include "editor.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>

namespace peerctl::cli {

std::string editor_command() {
    for (const char* name : {"VISUAL", "EDITOR"})
        if (const char* v = std::getenv(name); v && *v) return v;
    return "vi";
}

std::string EditorRun::failure() const {
    if (!started) return error;
    // The shell reports an editor killed by signal N as status 128 + N, unless it exec'd the editor.
    int sig = signal != 0 ? signal : exit_status > 128 && exit_status < 128 + NSIG ? exit_status - 128 : 0;
    if (sig != 0) {
        const char* name = sigabbrev_np(sig);
        return fmt::format("was killed by signal {}{}", sig, name ? fmt::format(" (SIG{})", name) : "");
    }
    return exit_status != 0 ? fmt::format("exited with status {}", exit_status) : "";
}

EditorRun run_editor(const std::string& command, const std::filesystem::path& file) {
    EditorRun run;
    std::string script = command + " \"$@\"";
    struct sigaction ignore {
    }, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    pid_t pid = ::fork();
    if (pid == 0) {
        ::sigaction(SIGINT, &old_int, nullptr);
        ::sigaction(SIGQUIT, &old_quit, nullptr);
        // $0 is the command, as git passes it, so that the shell's own messages name the editor.
        ::execl("/bin/sh", "sh", "-c", script.c_str(), command.c_str(), file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    if (pid < 0) {
        run.error = fmt::format("could not be started: {}", std::strerror(errno));
    } else {
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        run.started = true;
        if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
        else run.exit_status = WEXITSTATUS(status);
    }
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    return run;
}

} // namespace peerctl::cli
