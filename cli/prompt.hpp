#pragma once
// Questions on the terminal, as hledger's `add` asks them: one a line on stderr, the default in
// brackets, an empty answer taking it, a refused answer asked again with the option's message.
// Only ever on a terminal: stdin answers and stderr shows the question, so that a script, a pipe
// or cron never waits on a question nobody sees.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl::cli {

// Whether stdin and stderr are both terminals.
bool can_ask();

// Prints `prompt` on stderr and reads one line from stdin, without its newline; nullopt at end of
// input (Ctrl-D), also after a partial line.
std::optional<std::string> ask_line(std::string_view prompt);

struct Question {
    std::string label;                          // "Hours", "Kind (work, volunteer, supervision)"
    std::optional<std::string> answer_if_empty; // shown in brackets; nullopt: an answer is needed
    // Takes the answer (or the default) or throws UsageError with the reason it is refused.
    std::function<void(const std::string&)> take;
};

// Asks until `q.take` accepts an answer; false at end of input.
bool ask(const Question& q);

} // namespace peerctl::cli
