#include "toml_guard.hpp"

#include <fmt/core.h>

#include <cctype>

namespace peerctl {

namespace {

// Length of the UTF-8 sequence at text[i], or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? (c <= 0xEF ? 3 : 0) : c >= 0xC2 ? 2 : 0;
    if (n == 0 || i + n > text.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
    unsigned char c1 = byte(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogates
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // above U+10FFFF
    return n;
}

enum class State { Code, Comment, Basic, Literal, MultiBasic, MultiLiteral };

class Scanner {
public:
    Scanner(std::string_view text, const std::string& file, const GuardLimits& limits, Diagnostics& diags)
        : text_(text), file_(file), limits_(limits), diags_(diags) {}

    bool run() {
        std::size_t i = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") i = 3; // a BOM is harmless
        while (i < text_.size()) {
            i = skip_plain(i);
            if (i >= text_.size()) break;
            std::size_t n = utf8_length(text_, i);
            if (n == 0) {
                fail(fmt::format("the file is not valid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text_[i])));
                return false;
            }
            unsigned char byte = static_cast<unsigned char>(text_[i]);
            if (byte == 0) {
                fail("the file contains a NUL byte");
                return false;
            }
            // TOML allows no control characters but tab and line ends, in strings or out.
            if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
                fail(fmt::format("control character 0x{:02X} is not allowed in TOML (write it as an escape inside a string)", byte));
                return false;
            }
            if (!step(i, n)) return false;
            if (text_[i] == '\n') {
                ++line_;
                column_ = 1;
            } else {
                ++column_;
            }
            i += n;
        }
        return true;
    }

private:
    // Inside a comment or string, printable ASCII that cannot end it needs no other check: skip
    // such runs in a tight loop (most of a record's bytes are titles and names).
    std::size_t skip_plain(std::size_t i) {
        if (state_ == State::Code) return skip_plain_code(i);
        char a = 0, b = 0;
        switch (state_) {
        case State::Basic:
        case State::MultiBasic: a = '"'; b = '\\'; break;
        case State::Literal:
        case State::MultiLiteral: a = '\''; b = '\''; break;
        default: break;
        }
        std::size_t start = i;
        while (i < text_.size()) {
            char c = text_[i];
            if (c < 0x20 || c > 0x7E || c == a || c == b) break;
            ++i;
        }
        column_ += static_cast<std::uint32_t>(i - start);
        return i;
    }

    // Letters, blanks, and digits inside a word (not the start of a date) change no state but
    // "not at a line start".
    std::size_t skip_plain_code(std::size_t i) {
        std::size_t start = i;
        while (i < text_.size()) {
            char c = text_[i];
            bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (letter) at_line_start_ = false;
            else if (c == ' ' || c == '\t') {}
            else if (c >= '0' && c <= '9' && i > start && std::isalnum(static_cast<unsigned char>(text_[i - 1]))) {}
            else break;
            ++i;
        }
        column_ += static_cast<std::uint32_t>(i - start);
        return i;
    }

    bool starts(std::size_t i, std::string_view s) const { return text_.substr(i, s.size()) == s; }

    void fail(std::string message) { diags_.error(file_, {line_, column_}, std::move(message)); }

    // Advances i past a run of characters inside the current token where needed; returns false
    // on a fatal problem.
    bool step(std::size_t& i, std::size_t n) {
        char c = text_[i];
        switch (state_) {
        case State::Comment:
            if (c != '\n') return true;
            state_ = State::Code;
            return code(i, n);  // the line end resets the per-line state
        case State::Basic:
            if (c == '\\') skip_escape(i);
            else if (c == '"') state_ = State::Code;
            else if (c == '\n') return state_ = State::Code, code(i, n);
            return true;
        case State::Literal:
            if (c == '\'') state_ = State::Code;
            else if (c == '\n') return state_ = State::Code, code(i, n);
            return true;
        case State::MultiBasic:
            if (c == '\\') skip_escape(i);
            else if (starts(i, "\"\"\"")) close_multi(i, '"');
            return true;
        case State::MultiLiteral:
            if (starts(i, "'''")) close_multi(i, '\'');
            return true;
        case State::Code:
            return code(i, n);
        }
        return true;
    }

    void skip_escape(std::size_t& i) {
        // The escaped character is consumed too, so `\"` does not end the string; a newline
        // after a backslash still counts as a line.
        // Only a printable ASCII character is skipped, so every other byte still meets the checks.
        if (i + 1 < text_.size() && text_[i + 1] >= 0x20 && text_[i + 1] < 0x7F) {
            ++i;
            ++column_;
        }
    }

    void close_multi(std::size_t& i, char quote) {
        // A closing delimiter may be preceded by up to two quotes that belong to the string.
        std::size_t run = 0;
        while (i + run < text_.size() && text_[i + run] == quote) ++run;
        if (run > 5) run = 5;
        i += run - 1;
        column_ += static_cast<std::uint32_t>(run - 1);
        state_ = State::Code;
    }

    // A date literal that does not exist (2025-02-30): toml++ rejects the whole file with a
    // position past the value; this names the value and says why.
    bool check_date(std::size_t i) {
        auto digit = [&](std::size_t k) { return k < text_.size() && text_[k] >= '0' && text_[k] <= '9'; };
        if (i > 0 && (std::isalnum(static_cast<unsigned char>(text_[i - 1])) || text_[i - 1] == '-' || text_[i - 1] == '_' || text_[i - 1] == '.'))
            return true;
        for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
            if (!digit(i + k)) return true;
        if (text_[i + 4] != '-' || text_[i + 7] != '-' || digit(i + 10)) return true;
        auto num = [&](std::size_t from, std::size_t len) {
            unsigned v = 0;
            for (std::size_t k = from; k < from + len; ++k) v = v * 10 + static_cast<unsigned>(text_[k] - '0');
            return v;
        };
        unsigned y = num(i, 4), m = num(i + 5, 2), d = num(i + 8, 2);
        static const char* months[] = {"January", "February", "March", "April", "May", "June", "July",
                                       "August", "September", "October", "November", "December"};
        std::string shown(text_.substr(i, 10));
        if (m < 1 || m > 12) {
            fail(fmt::format("{} is not a date: there is no month {}", shown, m));
            return false;
        }
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        unsigned last = m == 2 ? (leap ? 29u : 28u) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30u : 31u;
        if (d < 1 || d > last) {
            fail(fmt::format("{} is not a date: {} {} has {} days", shown, months[m - 1], y, last));
            return false;
        }
        return true;
    }

    bool code(std::size_t& i, std::size_t n) {
        char c = text_[i];
        if (c >= '0' && c <= '9' && !check_date(i)) return false;
        if (n > 1) {
            fail("non-ASCII character outside a string or comment (quote the key or value)");
            return false;
        }
        if (c == '\n') {
            dots_ = 0;
            at_line_start_ = true;
            return true;
        }
        bool line_start = at_line_start_;
        if (c != ' ' && c != '\t' && c != '\r') at_line_start_ = false;
        switch (c) {
        case '#': state_ = State::Comment; break;
        case '"':
            if (starts(i, "\"\"\"")) { state_ = State::MultiBasic; i += 2; column_ += 2; }
            else state_ = State::Basic;
            break;
        case '\'':
            if (starts(i, "'''")) { state_ = State::MultiLiteral; i += 2; column_ += 2; }
            else state_ = State::Literal;
            break;
        case '[':
            if (line_start && depth_ == 0) return header(i);
            [[fallthrough]];
        case '{':
            if (++depth_ > limits_.max_nesting) {
                fail(fmt::format("arrays and inline tables are nested more than {} deep", limits_.max_nesting));
                return false;
            }
            dots_ = 0;
            break;
        case ']':
        case '}':
            if (depth_ > 0) --depth_;
            dots_ = 0;
            break;
        case '=':
        case ',':
            dots_ = 0;
            break;
        case '.':
            if (++dots_ >= limits_.max_dotted_parts) {
                fail(fmt::format("a dotted key has more than {} parts", limits_.max_dotted_parts));
                return false;
            }
            break;
        default: break;
        }
        return true;
    }

    // A table header: `[a.b]` or `[[a.b]]`, checked as a whole up to its closing bracket.
    bool header(std::size_t& i) {
        std::size_t j = i + 1;
        bool array = j < text_.size() && text_[j] == '[';
        if (array) ++j;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
        if (j < text_.size() && text_[j] == '[') {
            fail("a table header has too many '[' (write [[name]] for an array of tables)");
            return false;
        }
        // The key inside is scanned as code, so quotes and dots are tracked as usual.
        dots_ = 0;
        (void)array;
        return true;
    }

    std::string_view text_;
    const std::string& file_;
    const GuardLimits& limits_;
    Diagnostics& diags_;
    State state_ = State::Code;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    unsigned depth_ = 0;
    unsigned dots_ = 0;
    bool at_line_start_ = true;
};

} // namespace

bool prescan_toml(std::string_view text, const std::string& file, const GuardLimits& limits,
                  Diagnostics& diags) {
    if (text.size() > limits.max_bytes) {
        diags.error(file, {}, fmt::format("the file is larger than the limit of {} bytes (max_file_size in peerctl.toml)",
                                          limits.max_bytes));
        return false;
    }
    return Scanner(text, file, limits, diags).run();
}

} // namespace peerctl
