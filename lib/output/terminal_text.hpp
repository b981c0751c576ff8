#pragma once
// Text meant for a terminal: widths, padding and colour. What data may print is output_text's
// `printable`, so that a name cannot move the cursor, change colours or hide text.

#include "output_text.hpp"

#include <string>
#include <string_view>

namespace peerctl {

// Display width in columns (code points, each counted as one; Style's sequences count none).
std::size_t display_width(std::string_view text);
std::string pad_right(std::string_view text, std::size_t width);

// ANSI styling that does nothing when colour is off.
struct Style {
    bool color = false;
    std::string bold(std::string_view s) const { return wrap("1", s); }
    std::string dim(std::string_view s) const { return wrap("2", s); }
    std::string green(std::string_view s) const { return wrap("32", s); }
    std::string yellow(std::string_view s) const { return wrap("33", s); }
    std::string red(std::string_view s) const { return wrap("31", s); }
    std::string cyan(std::string_view s) const { return wrap("36", s); }

private:
    std::string wrap(std::string_view code, std::string_view s) const {
        if (!color) return std::string(s);
        return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
    }
};

} // namespace peerctl
