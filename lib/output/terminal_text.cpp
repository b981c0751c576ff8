#include "terminal_text.hpp"

namespace peerctl {

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '\x1b') {
            // Style's sequences end in 'm'; they take no column.
            std::size_t end = text.find('m', i);
            if (end == std::string_view::npos) break;
            i = end + 1;
            continue;
        }
        ++n;
        i += decode_utf8(text, i).length;
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
