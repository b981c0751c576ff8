#include "prompt.hpp"

#include "context.hpp"
#include "output_text.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <unistd.h>

namespace peerctl::cli {

bool can_ask() { return ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1; }

std::optional<std::string> ask_line(std::string_view prompt) {
    std::fwrite(prompt.data(), 1, prompt.size(), stderr);
    std::fflush(stderr);
    std::string line;
    char buf[256];
    while (std::fgets(buf, sizeof buf, stdin) != nullptr) {
        line += buf;
        if (!line.empty() && line.back() == '\n') {
            line.pop_back();
            return line;
        }
    }
    // Ctrl-D: the cursor is still on the question's line.
    std::fputc('\n', stderr);
    return std::nullopt;
}

bool ask(const Question& q) {
    std::string prompt = printable(q.label) + (q.answer_if_empty ? " [" + printable(*q.answer_if_empty) + "]" : "") + ": ";
    for (;;) {
        std::optional<std::string> line = ask_line(prompt);
        if (!line) return false;
        if (line->empty() && !q.answer_if_empty) {
            print_error("an answer is needed (Ctrl-D abandons)");
            continue;
        }
        try {
            q.take(line->empty() ? *q.answer_if_empty : *line);
            return true;
        } catch (const UsageError& e) {
            print_error(e.message());
        }
    }
}

} // namespace peerctl::cli
