#pragma once
// Where `remind` puts a message: on the standard input of the mail program (one process per
// message, run without a shell), or at the end of an mbox file.

#include "io_error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// Runs argv[0] (an absolute path) with argv, the message on its standard input and its standard
// output sent to standard error (it is not peerctl's output); waits for it. Nullopt when it
// exited 0, else why not: "exit status 75", "killed by signal 9", "cannot run /x: No such file or
// directory". Its environment is peerctl's. SIGPIPE must be ignored by the caller.
std::optional<std::string> pipe_to_command(const std::vector<std::string>& argv, std::string_view message);

// Appends `entries` to the mbox file at `path` under an exclusive lock and fsyncs it. A new file is
// made 0600 whatever the umask; an existing one is used only when it is a regular file (never
// through a symbolic link), owned by the user, with one link and writable by no one else. A write
// that fails is cut back off, leaving the file as it was.
std::optional<IoError> append_to_mbox(const std::filesystem::path& path, std::string_view entries);

} // namespace peerctl
