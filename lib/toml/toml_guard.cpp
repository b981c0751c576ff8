#include "toml_guard.hpp"

#include "conflict_markers.hpp"
#include "output_text.hpp"

#include <fmt/core.h>

#include <cctype>

namespace peerctl {

namespace {

// Length of the UTF-8 sequence at text[i], or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view text, std::size_t i) {
    CodePoint cp = decode_utf8(text, i);
    return cp.valid ? cp.length : 0;
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
                fail(fmt::format("control character 0x{:02X} is not allowed in TOML (write it as an escape inside a string)",
                                 byte));
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
        case State::MultiBasic:
            a = '"';
            b = '\\';
            break;
        case State::Literal:
        case State::MultiLiteral:
            a = '\'';
            b = '\'';
            break;
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
            else if (c == ' ' || c == '\t') {
            } else if (c >= '0' && c <= '9' && i > start && std::isalnum(static_cast<unsigned char>(text_[i - 1]))) {
            } else break;
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
            return code(i, n); // the line end resets the per-line state
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
            if (c == '\\') {
                if (!ascii_after_backslash(i)) return false;
                skip_escape(i);
            } else if (starts(i, "\"\"\"")) close_multi(i, '"');
            return true;
        case State::MultiLiteral:
            if (starts(i, "'''")) close_multi(i, '\'');
            return true;
        case State::Code: return code(i, n);
        }
        return true;
    }

    // toml++ 3.3.0 reaches undefined behaviour on a non-ASCII character right after a backslash
    // in a multi-line basic string, or after a line-ending backslash and the blank lines after it
    // (found by fuzzing: a line-ending backslash, then "José" on the next line).
    bool ascii_after_backslash(std::size_t i) {
        std::size_t j = i + 1;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\r' || text_[j] == '\n'))
            ++j;
        if (j < text_.size() && static_cast<unsigned char>(text_[j]) >= 0x80) {
            fail("a non-ASCII character after a backslash in a multi-line string (toml++ 3.3.0 cannot read it; "
                 "begin the line with an ASCII character)");
            return false;
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
        while (i + run < text_.size() && text_[i + run] == quote)
            ++run;
        if (run > 5) run = 5;
        i += run - 1;
        column_ += static_cast<std::uint32_t>(run - 1);
        state_ = State::Code;
    }

    // A date literal that does not exist (2025-02-30): toml++ rejects the whole file with a
    // position past the value; this names the value and says why.
    bool check_date(std::size_t i) {
        auto digit = [&](std::size_t k) { return k < text_.size() && text_[k] >= '0' && text_[k] <= '9'; };
        if (i > 0 && (std::isalnum(static_cast<unsigned char>(text_[i - 1])) || text_[i - 1] == '-' || text_[i - 1] == '_' ||
                      text_[i - 1] == '.'))
            return true;
        for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
            if (!digit(i + k)) return true;
        if (text_[i + 4] != '-' || text_[i + 7] != '-' || digit(i + 10)) return true;
        auto num = [&](std::size_t from, std::size_t len) {
            unsigned v = 0;
            for (std::size_t k = from; k < from + len; ++k)
                v = v * 10 + static_cast<unsigned>(text_[k] - '0');
            return v;
        };
        unsigned y = num(i, 4), m = num(i + 5, 2), d = num(i + 8, 2);
        static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};
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
        // toml++ 3.3.0 asserts on a date followed by 'T' and no hour (found by fuzzing).
        std::size_t t = i + 10;
        if (t < text_.size() && (text_[t] == 'T' || text_[t] == 't') && !digit(t + 1)) {
            fail(fmt::format("{} is followed by an incomplete time (a date-time is written like 2024-03-14T09:30:00)", shown));
            return false;
        }
        return true;
    }

    // toml++ 3.3.0 reads a value that starts with a digit or a sign (a number, date or time) up
    // to a space, ',', ']', '}' or '#', whatever lies between: a quote there starts no string, and
    // a non-ASCII character there reaches undefined behaviour (found by fuzzing: 2.5"é", 0o1!"é").
    // Such a run is scanned as code, so the non-ASCII check below rejects it.
    static bool ends_value(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' || c == '#';
    }

    bool track_bare_value(std::size_t i, char c) {
        bool blank_before = i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t'); // maybe skipped
        if (bare_ && (blank_before || ends_value(c))) bare_ = false;
        if (!bare_ && value_ && ((c >= '0' && c <= '9') || c == '+' || c == '-')) {
            bare_ = true;
            return check_space_time(i);
        }
        return true;
    }

    // toml++ 3.3.0 reads past a space after any ten characters shaped like a date (2024-02-0=) when
    // a digit follows, and asserts when the time is cut short (found by fuzzing: "2024-01-01 1").
    bool check_space_time(std::size_t i) {
        auto digit = [&](std::size_t k) { return k < text_.size() && text_[k] >= '0' && text_[k] <= '9'; };
        std::string shape;
        std::size_t end = i;
        for (; end < text_.size() && !ends_value(text_[end]) && shape.size() <= 10; ++end) {
            auto u = static_cast<unsigned char>(text_[end]);
            if (u < 0x20 || u >= 0x7F) return true; // named where the scan reaches it
            if (text_[end] != '_') shape += text_[end];
        }
        if (shape.size() != 10 || shape[4] != '-' || shape[7] != '-' || end >= text_.size() || text_[end] != ' ' ||
            !digit(end + 1) || (digit(end + 2) && end + 3 < text_.size() && text_[end + 3] == ':'))
            return true;
        std::string shown(text_.substr(i, end - i));
        fail(fmt::format("{} is followed by an incomplete time (a date-time is written like 2024-03-14T09:30:00)", shown));
        return false;
    }

    bool code(std::size_t& i, std::size_t n) {
        char c = text_[i];
        if (c >= '0' && c <= '9' && !check_date(i)) return false;
        if (n > 1) {
            fail("non-ASCII character outside a string or comment (quote the key or value)");
            return false;
        }
        if (!track_bare_value(i, c)) return false;
        if (c == '\n') {
            dots_ = 0;
            at_line_start_ = true;
            if (depth_ == 0) value_ = false;
            return true;
        }
        bool line_start = at_line_start_;
        if (c != ' ' && c != '\t' && c != '\r') at_line_start_ = false;
        switch (c) {
        case '#': state_ = State::Comment; break;
        case '"':
        case '\'':
            if (bare_) break; // part of a number or date, for toml++
            if (c == '\'') {
                if (starts(i, "'''")) {
                    state_ = State::MultiLiteral;
                    i += 2;
                    column_ += 2;
                } else state_ = State::Literal;
                break;
            }
            if (starts(i, "\"\"\"")) {
                state_ = State::MultiBasic;
                i += 2;
                column_ += 2;
            } else state_ = State::Basic;
            break;
        case '[':
            if (line_start && depth_ == 0) return header(i);
            [[fallthrough]];
        case '{':
            if (++depth_ > limits_.max_nesting) {
                fail(fmt::format("arrays and inline tables are nested more than {} deep", limits_.max_nesting));
                return false;
            }
            open_ += c;
            value_ = c == '['; // an array holds values; an inline table starts with a key
            dots_ = 0;
            break;
        case ']':
        case '}':
            // toml++ 3.3.0 asserts on a '}' where an array expects a value (found by fuzzing: [1,}).
            if (c == '}' && !open_.empty() && open_.back() == '[') {
                fail("'}' inside an array (an array ends with ']')");
                return false;
            }
            if (depth_ > 0) --depth_;
            if (!open_.empty()) open_.pop_back();
            value_ = true;
            dots_ = 0;
            break;
        case '=':
            value_ = true;
            dots_ = 0;
            break;
        case ',':
            value_ = open_.empty() || open_.back() == '[';
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
        value_ = false;
        while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t'))
            ++j;
        if (j < text_.size() && text_[j] == '[') {
            fail("a table header has too many '[' (write [[name]] for an array of tables)");
            return false;
        }
        // toml++ 3.3.0 asserts that a key follows (found by fuzzing; without NDEBUG it aborts).
        // Control and non-ASCII characters are left to the checks that name them.
        auto starts_key = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
                   c == '"' || c == '\'';
        };
        auto named_elsewhere = [](char c) {
            auto u = static_cast<unsigned char>(c);
            return (u < 0x20 && c != '\n' && c != '\r') || u >= 0x7F;
        };
        if (j >= text_.size() || (!starts_key(text_[j]) && !named_elsewhere(text_[j]))) {
            fail("a table header needs a name: write [name] or [[name]]");
            return false;
        }
        // The key inside is scanned as code, so quotes and dots are tracked as usual.
        dots_ = 0;
        if (array) { // the second '[' is counted as open, but begins no array of values
            ++i;
            ++column_;
            ++depth_;
            open_ += '[';
        }
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
    std::string open_;   // the arrays ('[') and inline tables ('{') open here, innermost last
    bool value_ = false; // a value comes next (after '=', in an array), not a key
    bool bare_ = false;  // inside a value that starts with a digit or sign
    unsigned dots_ = 0;
    bool at_line_start_ = true;
};

} // namespace

bool prescan_toml(std::string_view text, const std::string& file, const GuardLimits& limits, Diagnostics& diags) {
    if (text.size() > limits.max_bytes) {
        diags.error(
            file, {},
            fmt::format("the file is larger than the limit of {} bytes (max_file_size in peerctl.toml)", limits.max_bytes));
        return false;
    }
    // Before the scanner, which would stop at the first '<' with less to say.
    if (report_conflict_markers(text, file, diags) > 0) return false;
    return Scanner(text, file, limits, diags).run();
}

} // namespace peerctl
