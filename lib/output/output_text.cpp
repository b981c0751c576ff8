#include "output_text.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace peerctl {

CodePoint decode_utf8(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    unsigned char c = byte(0);
    if (c < 0x80) return {c, 1, true};
    std::size_t n = 0;
    char32_t value = 0;
    // The second byte's range rules out overlong forms (E0, F0), surrogates (ED) and values past
    // U+10FFFF (F4); C0, C1 and F5..FF never start a sequence.
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        value = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        value = c & 0x0F;
        if (c == 0xE0) low = 0xA0;
        if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        value = c & 0x07;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;
    } else {
        return {};
    }
    if (at + n > text.size()) return {};
    for (std::size_t k = 1; k < n; ++k) {
        unsigned char b = byte(k);
        if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) return {};
        value = (value << 6) | (b & 0x3F);
    }
    return {value, n, true};
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        CodePoint cp = decode_utf8(text, i);
        if (!cp.valid) return false;
        i += cp.length;
    }
    return true;
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

bool is_bidi_control(char32_t c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

namespace {

bool is_unsafe(char32_t c) { return is_control(c) || is_bidi_control(c); }

// How printable shows a code point or byte it will not print.
void append_escape(std::string& out, const CodePoint& cp, unsigned char first_byte) {
    char buf[12];
    if (!cp.valid) std::snprintf(buf, sizeof buf, "\\x%02X", first_byte);
    else if (cp.value < 0x80) std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned>(cp.value));
    else std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp.value));
    out += buf;
}

// The colour sequences Style writes (terminal_text.hpp): the only ESC a styled page may hold.
std::size_t style_sequence_length(std::string_view text, std::size_t at) {
    for (std::string_view seq : {"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[36m"})
        if (text.substr(at, seq.size()) == seq) return seq.size();
    return 0;
}

// The shared walk of printable and printable_lines: `keep` says which unsafe code points stay.
template <typename Keep>
std::string escaped(std::string_view text, bool keep_style, Keep keep) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t n = keep_style ? style_sequence_length(text, i) : 0) {
            out.append(text.substr(i, n));
            i += n;
            continue;
        }
        CodePoint cp = decode_utf8(text, i);
        if (cp.valid && (!is_unsafe(cp.value) || keep(cp.value))) out.append(text.substr(i, cp.length));
        else append_escape(out, cp, static_cast<unsigned char>(text[i]));
        i += cp.length;
    }
    return out;
}

} // namespace

std::string printable(std::string_view text) {
    return escaped(text, false, [](char32_t) { return false; });
}

std::string printable_lines(std::string_view text, bool keep_style) {
    return escaped(text, keep_style, [](char32_t c) { return c == '\n' || c == '\t'; });
}

std::string nagios_field(std::string_view text) {
    std::string shown = printable(text);
    std::string out;
    out.reserve(shown.size());
    for (char c : shown) {
        if (c == '|') out += "\\x7C";
        else out += c;
    }
    return out;
}

std::string json_text(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    char buf[8];
    for (std::size_t i = 0; i < in.size();) {
        CodePoint cp = decode_utf8(in, i);
        if (!cp.valid) {
            out += "\\ufffd";
        } else if (cp.value != '\n' && is_unsafe(cp.value)) {
            // Raw controls can only be inside strings: a serialiser lays out with newlines alone.
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp.value));
            out += buf;
        } else {
            out.append(in.substr(i, cp.length));
        }
        i += cp.length;
    }
    return out;
}

std::string json_dump(const nlohmann::ordered_json& value, int indent) {
    return json_text(value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

std::string toml_escaped(std::string_view text) {
    std::string out;
    char buf[12];
    for (std::size_t i = 0; i < text.size();) {
        CodePoint cp = decode_utf8(text, i);
        char32_t c = cp.value;
        if (!cp.valid) {
            out += "\\uFFFD"; // callers check for UTF-8 first; never write a byte TOML refuses
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\b') out += "\\b";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\f') out += "\\f";
        else if (c == '\r') out += "\\r";
        else if (is_unsafe(c)) {
            // The same value, written so that neither a terminal (--dry-run) nor an editor acts on it.
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
        } else {
            out.append(text.substr(i, cp.length));
        }
        i += cp.length;
    }
    return out;
}

std::string ics_escape(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        CodePoint cp = decode_utf8(text, i);
        char32_t c = cp.valid ? cp.value : 0xFFFD;
        std::size_t length = cp.length;
        if (c == '\r' && text.substr(i, 2) == "\r\n") length = 2; // CRLF is one line break
        if (c == '\n' || c == '\r') out += "\\n";
        else if (c == '\t') out += ' ';
        else if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (!cp.valid || is_unsafe(c)) {
            std::string shown;
            append_escape(shown, cp, static_cast<unsigned char>(text[i]));
            for (char e : shown)
                out += e == '\\' ? "\\\\" : std::string(1, e);
        } else {
            out.append(text.substr(i, cp.length));
        }
        i += length;
    }
    return out;
}

namespace {

// Walks `text`: false at invalid UTF-8, or an unsafe code point `allowed` does not let through.
template <typename Allowed>
bool all_safe(std::string_view text, bool styled, Allowed allowed) {
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t n = styled ? style_sequence_length(text, i) : 0) {
            i += n;
            continue;
        }
        CodePoint cp = decode_utf8(text, i);
        if (!cp.valid || (is_unsafe(cp.value) && !allowed(text, i, cp.value))) return false;
        i += cp.length;
    }
    return true;
}

bool layout(std::string_view, std::size_t, char32_t c) { return c == '\n' || c == '\t'; }

} // namespace

bool is_terminal_safe(std::string_view text, bool styled) { return all_safe(text, styled, layout); }

bool is_nagios_safe(std::string_view text, std::size_t lines) {
    if (!all_safe(text, false, [](std::string_view, std::size_t, char32_t c) { return c == '\n'; })) return false;
    std::size_t newlines = 0, bars = 0, first_line = text.find('\n');
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++newlines;
        if (text[i] == '|') {
            if (i > first_line) return false;
            ++bars;
        }
    }
    // UNKNOWN carries no perfdata; every other state exactly one block of it.
    bool unknown = text.rfind("PEERCTL UNKNOWN - ", 0) == 0;
    bool plain = text.rfind("PEERCTL ", 0) == 0 && text.back() == '\n';
    return plain && newlines == lines && bars == (unknown ? 0u : 1u);
}

bool is_json_safe(std::string_view text) {
    return all_safe(text, false, [](std::string_view, std::size_t, char32_t c) { return c == '\n'; });
}

bool is_document_safe(std::string_view text) {
    return all_safe(text, false, [](std::string_view t, std::size_t i, char32_t c) {
        return c == '\n' || c == '\t' || (c == '\r' && t.substr(i, 2) == "\r\n");
    });
}

bool is_ics_safe(std::string_view text) {
    bool ok = all_safe(text, false, [](std::string_view t, std::size_t i, char32_t c) {
        return (c == '\r' && t.substr(i, 2) == "\r\n") || (c == '\n' && i > 0 && t[i - 1] == '\r');
    });
    for (std::size_t start = 0; ok && start < text.size();) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string_view::npos) return false;
        ok = end - start <= 75;
        start = end + 2;
    }
    return ok;
}

} // namespace peerctl
