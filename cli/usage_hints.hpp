#pragma once
// Usage errors that say what to do: an unknown command with the nearest one, and every missing
// required option at once (CLI11 stops at the first), or left for the command to ask on a terminal.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace peerctl::cli {

// "unknown command 'stauts'; did you mean 'status'?" when a word of `args` (argv without the program)
// stands where `app` expects a command and names none; nothing otherwise.
std::optional<std::string> unknown_command(CLI::App& app, const std::vector<std::string>& args);

// After a CLI::RequiredError: "missing required options of 'log ce': --hours, --title" naming every
// required option and argument left out of the commands parsed; nothing when none is (a missing
// command, say).
std::optional<std::string> missing_required(const CLI::App& app);

// After a CLI::RequiredError, when the command parsed asks for what is missing (it takes
// --no-input, and was not given it) and every option missing is its own: makes those optional, so
// that parsing again succeeds and the command can ask for them; true when it did.
bool leave_missing_to_questions(CLI::App& app);

} // namespace peerctl::cli
