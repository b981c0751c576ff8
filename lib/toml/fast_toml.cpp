#include "fast_toml.hpp"

#include <charconv>
#include <set>
#include <string>

namespace peerctl {

namespace {

class PlainParser {
public:
    explicit PlainParser(std::string_view text) : s_(text) {}

    std::optional<toml::table> run() {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") return std::nullopt;
        current_ = &root_;
        while (p_ < s_.size()) {
            skip_ws();
            if (at_eol()) {
                if (!eol()) return std::nullopt;
                continue;
            }
            bool ok = s_[p_] == '[' ? header() : key_value();
            if (!ok) return std::nullopt;
            skip_ws();
            if (!eol()) return std::nullopt;
        }
        return std::move(root_);
    }

private:
    static bool bare(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
    bool at_eol() const { return p_ >= s_.size() || s_[p_] == '\n' || s_[p_] == '\r' || s_[p_] == '#'; }
    void skip_ws() {
        while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t'))
            ++p_;
    }
    // A comment, then the line end (LF or CRLF) or the end of the text.
    bool eol() {
        if (p_ < s_.size() && s_[p_] == '#')
            while (p_ < s_.size() && s_[p_] != '\n' && s_[p_] != '\r')
                ++p_;
        if (p_ >= s_.size()) return true;
        if (s_[p_] == '\r') {
            if (p_ + 1 >= s_.size() || s_[p_ + 1] != '\n') return false;
            ++p_;
        }
        if (s_[p_] != '\n') return false;
        ++p_;
        return true;
    }
    std::string_view bare_key() {
        std::size_t start = p_;
        while (p_ < s_.size() && bare(s_[p_]))
            ++p_;
        return s_.substr(start, p_ - start);
    }

    bool header() {
        bool array = s_.substr(p_, 2) == "[[";
        p_ += array ? 2 : 1;
        std::string_view first = bare_key();
        if (first.empty()) return false;
        std::string_view second;
        if (p_ < s_.size() && s_[p_] == '.') {
            if (array) return false;
            ++p_;
            second = bare_key();
            if (second.empty()) return false;
        }
        if (s_.substr(p_, array ? 2 : 1) != (array ? "]]" : "]")) return false;
        p_ += array ? 2 : 1;
        if (array) {
            toml::node* existing = root_.get(first);
            if (existing && !arrays_.count(std::string(first))) return false;
            if (!existing) {
                root_.insert(first, toml::array{});
                arrays_.insert(std::string(first));
            }
            toml::array* arr = root_.get(first)->as_array();
            arr->push_back(toml::table{});
            current_ = arr->back().as_table();
            return true;
        }
        toml::table* parent = &root_;
        std::string_view name = first;
        if (!second.empty()) {
            toml::node* outer = root_.get(first);
            if (!outer) {
                root_.insert(first, toml::table{});
                implicit_.insert(std::string(first));
                outer = root_.get(first);
            }
            // Only tables created implicitly by an earlier [first.x] may gain more subtables here.
            if (!outer->is_table() || !implicit_.count(std::string(first))) return false;
            parent = outer->as_table();
            name = second;
        }
        if (parent->contains(name)) return false; // redefinition, or [a] after [a.b]: leave it to toml++
        parent->insert(name, toml::table{});
        current_ = parent->get(name)->as_table();
        return true;
    }

    bool key_value() {
        std::string_view key = bare_key();
        if (key.empty()) return false;
        skip_ws();
        if (p_ >= s_.size() || s_[p_] != '=') return false;
        ++p_;
        skip_ws();
        if (current_->contains(key)) return false;
        if (p_ >= s_.size()) return false;
        char c = s_[p_];
        if (c == '"' || c == '\'') {
            std::string v;
            if (!string(v)) return false;
            current_->insert(key, std::move(v));
        } else if (c == '[') {
            toml::array arr;
            if (!string_array(arr)) return false;
            current_->insert(key, std::move(arr));
        } else if (s_.substr(p_, 4) == "true" && ends_value(p_ + 4)) {
            p_ += 4;
            current_->insert(key, true);
        } else if (s_.substr(p_, 5) == "false" && ends_value(p_ + 5)) {
            p_ += 5;
            current_->insert(key, false);
        } else if (is_date_at(p_)) {
            auto y = num(p_, 4), m = num(p_ + 5, 2), d = num(p_ + 8, 2);
            p_ += 10;
            current_->insert(key, toml::date{static_cast<uint16_t>(y), static_cast<uint8_t>(m), static_cast<uint8_t>(d)});
        } else {
            return number(key);
        }
        return true;
    }

    bool ends_value(std::size_t at) const {
        return at >= s_.size() || s_[at] == ' ' || s_[at] == '\t' || s_[at] == '\n' || s_[at] == '\r' || s_[at] == '#';
    }
    unsigned num(std::size_t at, std::size_t len) const {
        unsigned v = 0;
        for (std::size_t i = at; i < at + len; ++i)
            v = v * 10 + static_cast<unsigned>(s_[i] - '0');
        return v;
    }
    bool digit(std::size_t at) const { return at < s_.size() && s_[at] >= '0' && s_[at] <= '9'; }

    // YYYY-MM-DD alone (a date-time is left to toml++); the pre-scan has checked the day exists.
    bool is_date_at(std::size_t at) const {
        for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
            if (!digit(at + k)) return false;
        if (s_[at + 4] != '-' || s_[at + 7] != '-' || !ends_value(at + 10)) return false;
        if (at + 11 < s_.size() && s_[at + 10] == ' ' && digit(at + 11)) return false; // "2024-01-01 10:00"
        unsigned m = num(at + 5, 2), d = num(at + 8, 2);
        return m >= 1 && m <= 12 && d >= 1 && d <= 31;
    }

    // Decimal integers and plain decimals: no sign on zero tricks, exponents or underscores.
    bool number(std::string_view key) {
        std::size_t start = p_;
        if (p_ < s_.size() && (s_[p_] == '-' || s_[p_] == '+')) ++p_;
        std::size_t digits = p_;
        while (digit(p_))
            ++p_;
        std::size_t int_len = p_ - digits;
        if (int_len == 0 || int_len > 18 || (int_len > 1 && s_[digits] == '0')) return false;
        bool is_float = false;
        if (p_ < s_.size() && s_[p_] == '.') {
            ++p_;
            std::size_t frac = p_;
            while (digit(p_))
                ++p_;
            if (p_ == frac || p_ - frac > 15) return false;
            is_float = true;
        }
        if (!ends_value(p_)) return false;
        std::string_view text = s_.substr(start, p_ - start);
        if (text[0] == '+') text.remove_prefix(1);
        if (is_float) {
            double v = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc() || end != text.data() + text.size()) return false;
            current_->insert(key, v);
        } else {
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc() || end != text.data() + text.size()) return false;
            current_->insert(key, v);
        }
        return true;
    }

    bool string(std::string& out) {
        char quote = s_[p_];
        if (s_.substr(p_, 3) == std::string(3, quote)) return false; // multi-line: toml++
        ++p_;
        while (p_ < s_.size()) {
            char c = s_[p_];
            if (c == '\n' || c == '\r') return false;
            if (c == quote) {
                ++p_;
                return true;
            }
            if (c == '\\' && quote == '"') {
                if (!escape(out)) return false;
                continue;
            }
            out += c;
            ++p_;
        }
        return false;
    }

    bool escape(std::string& out) {
        if (p_ + 1 >= s_.size()) return false;
        char e = s_[p_ + 1];
        p_ += 2;
        switch (e) {
        case 'b': out += '\b'; return true;
        case 't': out += '\t'; return true;
        case 'n': out += '\n'; return true;
        case 'f': out += '\f'; return true;
        case 'r': out += '\r'; return true;
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case 'u':
        case 'U': {
            std::size_t len = e == 'u' ? 4 : 8;
            if (p_ + len > s_.size()) return false;
            std::uint32_t cp = 0;
            for (std::size_t i = 0; i < len; ++i) {
                char h = s_[p_ + i];
                cp <<= 4;
                if (h >= '0' && h <= '9') cp |= static_cast<std::uint32_t>(h - '0');
                else if (h >= 'a' && h <= 'f') cp |= static_cast<std::uint32_t>(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F') cp |= static_cast<std::uint32_t>(h - 'A' + 10);
                else return false;
            }
            p_ += len;
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            append_utf8(out, cp);
            return true;
        }
        default: return false;
        }
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    // A one-line array of strings: ["a", 'b'] (a trailing comma is allowed, as in TOML).
    bool string_array(toml::array& arr) {
        ++p_;
        skip_ws();
        while (p_ < s_.size() && s_[p_] != ']') {
            if (s_[p_] != '"' && s_[p_] != '\'') return false;
            std::string v;
            if (!string(v)) return false;
            arr.push_back(std::move(v));
            skip_ws();
            if (p_ < s_.size() && s_[p_] == ',') {
                ++p_;
                skip_ws();
            } else if (p_ < s_.size() && s_[p_] != ']') {
                return false;
            }
        }
        if (p_ >= s_.size()) return false;
        ++p_;
        return true;
    }

    std::string_view s_;
    std::size_t p_ = 0;
    toml::table root_;
    toml::table* current_ = nullptr;
    std::set<std::string> arrays_;   // root keys made by [[name]]
    std::set<std::string> implicit_; // root tables made implicitly by [name.sub]
};

} // namespace

std::optional<toml::table> parse_plain_toml(std::string_view text) {
    try {
        return PlainParser(text).run();
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace peerctl
