#pragma once
// The user's editor, as git and crontab run it: $VISUAL, else $EDITOR, else vi; the value is
// shell text, so "code --wait" or "emacs -nw" work, and the file is passed as an argument of its
// own ("$@"), never pasted into the command.

#include <filesystem>
#include <string>

namespace peerctl::cli {

std::string editor_command();

struct EditorRun {
    bool started = false; // false: /bin/sh could not be run (`error` says why)
    int exit_status = 0;  // when it exited
    int signal = 0;       // when it was killed: the signal
    std::string error;
    bool ok() const { return started && signal == 0 && exit_status == 0; }
    // "exited with status 1", "was killed by signal 9 (SIGKILL)"; empty when ok()
    std::string failure() const;
};

// Runs `command` on `file` with the terminal (stdin, stdout, stderr) its own, and waits; peerctl
// ignores SIGINT and SIGQUIT meanwhile, so that a Ctrl-C meant for the editor does not leave it
// orphaned on the terminal.
EditorRun run_editor(const std::string& command, const std::filesystem::path& file);

} // namespace peerctl::cli
