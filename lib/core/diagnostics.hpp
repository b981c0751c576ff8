#pragma once
// Problems found in user data are values, collected and reported together.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

enum class Severity { Warning, Error };

// A 1-based position in a file; line 0 means "the file as a whole".
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    Position pos;
    std::string message;
};

class Diagnostics {
public:
    void error(const std::string& file, Position pos, std::string message);
    void warning(const std::string& file, Position pos, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return items_.size() - errors_; }
    const std::vector<Diagnostic>& items() const { return items_; }
    // Stable order for output: by file, then line, then column.
    void sort();
    // The files with at least one error, each once, sorted.
    std::vector<std::string> files_with_errors() const;

private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
};

// "file:line:col: error: message", the form compilers use and editors jump to.
std::string format(const Diagnostic& d);

// The closest of `candidates` to `word` when it is close enough to be a likely typo.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// The longest start of `text` of at most `max` bytes that does not cut a UTF-8 sequence in two,
// for quoting a user's value in a message.
std::string utf8_prefix(std::string_view text, std::size_t max);

} // namespace peerctl
