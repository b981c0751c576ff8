#include "terminal_text.hpp"

#include <cstdio>

namespace peerctl {

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        char buf[8];
        if (c < 0x20 || c == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
            // C1 controls are U+0080..U+009F, encoded C2 80..C2 9F.
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned char>(text[i + 1]));
            out += buf;
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    bool in_escape = false;
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (in_escape) {
            if (c == 'm') in_escape = false;
            continue;
        }
        if (c == 0x1b) {
            in_escape = true;
            continue;
        }
        if ((c & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    std::size_t w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    return out;
}

} // namespace peerctl
