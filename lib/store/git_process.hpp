#pragma once
// Running Debian's `git` program: fork and exec with an argument vector, never a shell, so that no
// file name, id or message is ever read as shell syntax. Git is the engine that carries records
// between sites; peerctl only asks it questions and gives it small, exact commands.

#include <filesystem>
#include <string>
#include <vector>

namespace peerctl {

struct GitRun {
    bool started = false; // false: git could not be run at all (not installed); see `error`
    int status = -1;      // the exit status; -1 when killed by a signal
    std::string out, err; // what it wrote
    std::string error;    // why it could not be started

    bool ok() const { return started && status == 0; }
    // The first line of stdout, without its newline.
    std::string line() const;
};

// `git -C dir ARGS...`, with stdin from /dev/null; stdout and stderr collected (up to 64 MiB each).
GitRun run_git(const std::filesystem::path& dir, const std::vector<std::string>& args);

// The work tree's top directory holding `dir` (`git rev-parse --show-toplevel`), or empty when
// `dir` is not in a git work tree or git cannot be run. Asks git only when a `.git` is found in
// `dir` or above it, so that a workspace outside git costs no process.
std::filesystem::path git_top_level(const std::filesystem::path& dir);

} // namespace peerctl
