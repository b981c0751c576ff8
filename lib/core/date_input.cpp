#include "date_input.hpp"

#include <charconv>

namespace peerctl {

std::optional<Date> parse_date_input(std::string_view text, Date today) {
    if (text == "today") return in_range(today) ? std::optional<Date>(today) : std::nullopt;
    if (text == "yesterday") return add_days(today, -1);
    if (text.size() < 3 || (text[0] != '-' && text[0] != '+')) return parse_date(text);
    std::string_view count = text.substr(1, text.size() - 2);
    for (char c : count)
        if (c < '0' || c > '9') return std::nullopt;
    long long n = 0;
    auto [p, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
    // Past 9999 years of anything, the result is out of range whatever today is.
    if (ec != std::errc() || p != count.data() + count.size() || n > 9999LL * 366) return std::nullopt;
    if (text[0] == '-') n = -n;
    switch (text.back()) {
    case 'd': return add_days(today, n);
    case 'w': return add_days(today, n * 7);
    case 'm': return add_months(today, n);
    case 'y': return add_months(today, n * 12);
    default: return std::nullopt;
    }
}

} // namespace peerctl
