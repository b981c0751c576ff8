#include "dates.hpp"

#include <cstdio>
#include <ctime>

namespace peerctl {

std::string to_string(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    Date out{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!out.ok()) return std::nullopt;
    return out;
}

Date add_months(Date d, int months) {
    date::year_month ym = date::year_month{d.year(), d.month()} + date::months{months};
    date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

Date add_days(Date d, int days) {
    return Date{date::sys_days{d} + date::days{days}};
}

int days_between(Date a, Date b) {
    return static_cast<int>((date::sys_days{b} - date::sys_days{a}).count());
}

Date local_today() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return Date{date::year{tm.tm_year + 1900}, date::month{static_cast<unsigned>(tm.tm_mon + 1)},
                date::day{static_cast<unsigned>(tm.tm_mday)}};
}

} // namespace peerctl
