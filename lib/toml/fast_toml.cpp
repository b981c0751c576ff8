#include "fast_toml.hpp"

#include "output_text.hpp"

#include <charconv>
#include <string>

namespace peerctl {

class PlainParser {
public:
    PlainParser(PlainDoc& doc, std::string_view text) : d_(doc), s_(text) {}

    bool run() {
        if (s_.substr(0, 3) == "\xEF\xBB\xBF") return false;
        d_.tables_.clear();
        d_.entries_.clear();
        d_.strings_.clear();
        d_.unescaped_.clear();
        new_table(false);
        current_ = 0;
        while (p_ < s_.size()) {
            skip_ws();
            if (at_eol()) {
                if (!eol()) return false;
                continue;
            }
            bool ok = s_[p_] == '[' ? header() : key_value();
            if (!ok) return false;
            skip_ws();
            if (!eol()) return false;
        }
        return true;
    }

private:
    using Kind = PlainValue::Kind;
    static constexpr std::uint32_t none = PlainDoc::none;

    std::uint32_t new_table(bool implicit) {
        d_.tables_.push_back(PlainTable{&d_, none, none, none, 0, implicit});
        return static_cast<std::uint32_t>(d_.tables_.size() - 1);
    }
    // The entry `key` of table `t`, or none.
    std::uint32_t find(std::uint32_t t, std::string_view key) const {
        for (std::uint32_t i = d_.tables_[t].first; i != none; i = d_.entries_[i].next)
            if (d_.entries_[i].key == key) return i;
        return none;
    }
    void add(std::uint32_t t, std::string_view key, const PlainValue& value) {
        auto i = static_cast<std::uint32_t>(d_.entries_.size());
        d_.entries_.push_back(PlainEntry{key, value, none});
        PlainTable& table = d_.tables_[t];
        if (table.first == none) table.first = i;
        else d_.entries_[table.last].next = i;
        table.last = i;
        ++table.size;
    }
    static PlainValue table_value(std::uint32_t t) {
        PlainValue v;
        v.kind = Kind::Table;
        v.first = t;
        return v;
    }

    static bool bare(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
    bool at_eol() const { return p_ >= s_.size() || s_[p_] == '\n' || s_[p_] == '\r' || s_[p_] == '#'; }
    void skip_ws() {
        while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t'))
            ++p_;
    }
    // What prescan_toml lets through inside a string or comment: valid UTF-8 and no control
    // character but tab. Advances past the character at p_; false (where it stays) if not.
    bool text_char() {
        auto u = static_cast<unsigned char>(s_[p_]);
        if (u >= 0x20 && u < 0x7F) {
            ++p_;
            return true;
        }
        if (u < 0x80) {
            if (u != '\t') return false;
            ++p_;
            return true;
        }
        CodePoint cp = decode_utf8(s_, p_);
        if (!cp.valid) return false;
        p_ += cp.length;
        return true;
    }
    // A comment, then the line end (LF or CRLF) or the end of the text.
    bool eol() {
        if (p_ < s_.size() && s_[p_] == '#')
            while (p_ < s_.size() && s_[p_] != '\n' && s_[p_] != '\r')
                if (!text_char()) return false;
        if (p_ >= s_.size()) return true;
        if (s_[p_] == '\r') {
            if (p_ + 1 >= s_.size() || s_[p_ + 1] != '\n') return false;
            ++p_;
        }
        if (s_[p_] != '\n') return false;
        ++p_;
        return true;
    }
    // A key that begins like a date (2024-02-30x) is left to toml++: prescan_toml checks the date.
    std::string_view bare_key() {
        std::size_t start = p_;
        while (p_ < s_.size() && bare(s_[p_]))
            ++p_;
        if (date_shaped(start)) return {};
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
            // Only a key made by an earlier [[first]] may gain more tables.
            std::uint32_t existing = find(0, first);
            if (existing != none && d_.entries_[existing].value.kind != Kind::Tables) return false;
            if (existing == none) {
                PlainValue v;
                v.kind = Kind::Tables;
                add(0, first, v);
                existing = d_.tables_[0].last;
            }
            std::uint32_t t = new_table(false);
            PlainValue& v = d_.entries_[existing].value;
            if (v.count == 0) v.first = t;
            else d_.tables_[v.last].next = t;
            v.last = t;
            ++v.count;
            current_ = t;
            return true;
        }
        std::uint32_t parent = 0;
        std::string_view name = first;
        if (!second.empty()) {
            std::uint32_t outer = find(0, first);
            if (outer == none) {
                add(0, first, table_value(new_table(true)));
                outer = d_.tables_[0].last;
            }
            // Only tables created implicitly by an earlier [first.x] may gain more subtables here.
            const PlainValue& v = d_.entries_[outer].value;
            if (v.kind != Kind::Table || !d_.tables_[v.first].implicit) return false;
            parent = v.first;
            name = second;
        }
        if (find(parent, name) != none) return false; // redefinition, or [a] after [a.b]: leave it to toml++
        current_ = new_table(false);
        add(parent, name, table_value(current_));
        return true;
    }

    bool key_value() {
        std::string_view key = bare_key();
        if (key.empty()) return false;
        skip_ws();
        if (p_ >= s_.size() || s_[p_] != '=') return false;
        ++p_;
        skip_ws();
        if (find(current_, key) != none) return false;
        if (p_ >= s_.size()) return false;
        char c = s_[p_];
        PlainValue v;
        if (c == '"' || c == '\'') {
            if (!string(v.text)) return false;
        } else if (c == '[') {
            if (!string_array(v)) return false;
        } else if (s_.substr(p_, 4) == "true" && ends_value(p_ + 4)) {
            p_ += 4;
            v.kind = Kind::Boolean;
            v.boolean = true;
        } else if (s_.substr(p_, 5) == "false" && ends_value(p_ + 5)) {
            p_ += 5;
            v.kind = Kind::Boolean;
        } else if (is_date_at(p_)) {
            auto y = num(p_, 4), m = num(p_ + 5, 2), d = num(p_ + 8, 2);
            p_ += 10;
            v.kind = Kind::Day;
            v.date = toml::date{static_cast<uint16_t>(y), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
        } else if (!number(v)) {
            return false;
        }
        add(current_, key, v);
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

    bool date_shaped(std::size_t at) const {
        for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
            if (!digit(at + k)) return false;
        return s_[at + 4] == '-' && s_[at + 7] == '-';
    }

    // YYYY-MM-DD alone, a day that exists (a date-time is left to toml++).
    bool is_date_at(std::size_t at) const {
        if (!date_shaped(at) || !ends_value(at + 10)) return false;
        if (at + 11 < s_.size() && s_[at + 10] == ' ' && digit(at + 11)) return false; // "2024-01-01 10:00"
        unsigned y = num(at, 4), m = num(at + 5, 2), d = num(at + 8, 2);
        if (m < 1 || m > 12 || d < 1) return false;
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        unsigned last = m == 2 ? (leap ? 29u : 28u) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30u : 31u;
        return d <= last;
    }

    // Decimal integers and plain decimals: no sign on zero tricks, exponents or underscores.
    bool number(PlainValue& out) {
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
            out.kind = Kind::Float;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out.number);
            if (ec != std::errc() || end != text.data() + text.size()) return false;
        } else {
            out.kind = Kind::Integer;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out.integer);
            if (ec != std::errc() || end != text.data() + text.size()) return false;
        }
        return true;
    }

    // A view into the text, unless the string has escapes (then into the document).
    bool string(std::string_view& out) {
        char quote = s_[p_];
        if (p_ + 2 < s_.size() && s_[p_ + 1] == quote && s_[p_ + 2] == quote) return false; // multi-line: toml++
        std::size_t start = ++p_;
        std::string* unescaped = nullptr;
        while (p_ < s_.size()) {
            char c = s_[p_];
            if (c == '\n' || c == '\r') return false;
            if (c == quote) {
                out = unescaped ? std::string_view(*unescaped) : s_.substr(start, p_ - start);
                ++p_;
                return true;
            }
            if (c == '\\' && quote == '"') {
                if (!unescaped) unescaped = &d_.unescaped_.emplace_back(s_.substr(start, p_ - start));
                if (!escape(*unescaped)) return false;
                continue;
            }
            std::size_t at = p_;
            if (!text_char()) return false;
            if (unescaped) unescaped->append(s_.substr(at, p_ - at));
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
    bool string_array(PlainValue& out) {
        out.kind = Kind::Strings;
        out.first = static_cast<std::uint32_t>(d_.strings_.size());
        ++p_;
        skip_ws();
        while (p_ < s_.size() && s_[p_] != ']') {
            if (s_[p_] != '"' && s_[p_] != '\'') return false;
            std::string_view v;
            if (!string(v)) return false;
            d_.strings_.push_back(v);
            ++out.count;
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

    PlainDoc& d_;
    std::string_view s_;
    std::size_t p_ = 0;
    std::uint32_t current_ = 0; // the table key = value lines go to
};

bool PlainDoc::parse(std::string_view text) { return PlainParser(*this, text).run(); }

namespace {

toml::table to_toml(const PlainTable& t);

void insert(toml::table& out, std::string_view key, const PlainValue& v, const PlainDoc& doc) {
    switch (v.kind) {
    case PlainValue::Kind::String: out.insert(key, std::string(v.text)); break;
    case PlainValue::Kind::Integer: out.insert(key, v.integer); break;
    case PlainValue::Kind::Float: out.insert(key, v.number); break;
    case PlainValue::Kind::Boolean: out.insert(key, v.boolean); break;
    case PlainValue::Kind::Day: out.insert(key, v.date); break;
    case PlainValue::Kind::Strings: {
        toml::array arr;
        for (std::uint32_t i = 0; i < v.count; ++i)
            arr.push_back(std::string(doc.string(v.first + i)));
        out.insert(key, std::move(arr));
        break;
    }
    case PlainValue::Kind::Table: out.insert(key, to_toml(doc.table(v.first))); break;
    case PlainValue::Kind::Tables: {
        toml::array arr;
        for (std::uint32_t t = v.first; t != PlainDoc::none; t = doc.table(t).next)
            arr.push_back(to_toml(doc.table(t)));
        out.insert(key, std::move(arr));
        break;
    }
    }
}

toml::table to_toml(const PlainTable& t) {
    toml::table out;
    for (std::uint32_t i = t.first; i != PlainDoc::none; i = t.doc->entry(i).next)
        insert(out, t.doc->entry(i).key, t.doc->entry(i).value, *t.doc);
    return out;
}

} // namespace

std::optional<toml::table> parse_plain_toml(std::string_view text) {
    PlainDoc doc;
    if (!doc.parse(text)) return std::nullopt;
    return to_toml(doc.root());
}

} // namespace peerctl
