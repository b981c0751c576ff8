#include "dates.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>

namespace peerctl {

namespace {

// Months since 0000-01, the index add_months works on: 12 is 0001-01, 119999 is 9999-12.
constexpr long long first_month_index = 12;
constexpr long long last_month_index = 9999 * 12 + 11;

} // namespace

bool in_range(Date d) { return d.ok() && d >= first_date && d <= last_date; }

std::string to_string(Date d) {
    if (!in_range(d)) throw std::out_of_range("a date outside 0001-01-01 to 9999-12-31 reached the output");
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
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
    if (!in_range(out)) return std::nullopt;
    return out;
}

std::optional<Date> add_months(Date d, long long months) {
    if (!in_range(d)) return std::nullopt;
    // Bounded before adding, so no count of months can overflow or wrap the year.
    if (months > last_month_index || months < -last_month_index) return std::nullopt;
    long long index = static_cast<int>(d.year()) * 12LL + (static_cast<unsigned>(d.month()) - 1) + months;
    if (index < first_month_index || index > last_month_index) return std::nullopt;
    date::year_month ym{date::year{static_cast<int>(index / 12)}, date::month{static_cast<unsigned>(index % 12 + 1)}};
    date::day last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

std::optional<Date> look_back_start(Date reference, std::optional<int> months) {
    return months ? add_months(reference, -*months) : std::nullopt;
}

std::optional<Date> add_days(Date d, long long days) {
    if (!in_range(d)) return std::nullopt;
    constexpr long long calendar_days = 3652059; // 0001-01-01 to 9999-12-31
    if (days > calendar_days || days < -calendar_days) return std::nullopt;
    Date out{date::sys_days{d} + date::days{static_cast<int>(days)}};
    if (!in_range(out)) return std::nullopt;
    return out;
}

int days_between(Date a, Date b) { return static_cast<int>((date::sys_days{b} - date::sys_days{a}).count()); }

namespace {

DaySpan walk_month_span(int months) {
    // From day k of a month of length L to the same day `months` later (clamped to the target
    // month's length L'), the span is the days between the two firsts plus min(k, L') - k: longest
    // from the 1st, shortest from the last day. The calendar repeats every 400 years, so every
    // starting month of one cycle is tried.
    auto leap = [](long long y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); };
    // Months since 0000-01 (negative before it) to a year and a month 0 to 11.
    auto year_of = [](long long index) { return index >= 0 ? index / 12 : -((11 - index) / 12); };
    auto length = [&](long long index) {
        constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        long long y = year_of(index), m = index - y * 12;
        return m == 1 && leap(y) ? 29 : days[m];
    };
    // Days from 0000-03-01 to the first of the month (Hinnant's days_from_civil: years from March,
    // so that a leap day ends its year, in eras of 400 years).
    auto first_day = [&](long long index) {
        long long y = year_of(index), m = index - y * 12 + 1;
        if (m <= 2) --y;
        long long era = (y >= 0 ? y : y - 399) / 400, year_of_era = y - era * 400;
        long long day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5;
        return era * 146097 + year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    };
    // In 64 bits, where no count of months can overflow; then to int, saturated (only counts
    // beyond some 70 million months reach its ends).
    constexpr long long cycle_start = 2000 * 12;
    long long fewest = 0, most = 0;
    for (long long from = cycle_start; from < cycle_start + 400 * 12; ++from) {
        long long to = from + months;
        long long between = first_day(to) - first_day(from);
        long long shortest = between + std::min(0, length(to) - length(from));
        if (from == cycle_start || shortest < fewest) fewest = shortest;
        if (from == cycle_start || between > most) most = between;
    }
    auto to_int = [](long long days) {
        return static_cast<int>(std::clamp<long long>(days, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    };
    return DaySpan{to_int(fewest), to_int(most)};
}

} // namespace

DaySpan month_span(int months) {
    // Every credential loaded asks for its periods' and rungs' spans, mostly the same few; walked
    // with date's types on each call, they were a third of a command's start-up in the sanitizer
    // build (-O0). Plain integers, and each span walked once per process (credentials load on
    // several threads, hence the lock).
    static std::mutex mutex;
    static std::map<int, DaySpan> walked;
    std::lock_guard lock(mutex);
    auto [at, added] = walked.try_emplace(months);
    if (added) at->second = walk_month_span(months);
    return at->second;
}

std::optional<MonthDay> parse_month_day(std::string_view text) {
    if (text.size() != 5 || text[2] != '-') return std::nullopt;
    constexpr std::size_t digit_at[] = {0, 1, 3, 4};
    for (std::size_t i : digit_at)
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    unsigned m = static_cast<unsigned>((text[0] - '0') * 10 + (text[1] - '0'));
    unsigned d = static_cast<unsigned>((text[3] - '0') * 10 + (text[4] - '0'));
    // 2000 is a leap year, so every month-day that exists in some year exists in it.
    if (!Date{date::year{2000}, date::month{m}, date::day{d}}.ok()) return std::nullopt;
    return MonthDay{m, d};
}

std::optional<Date> in_year(MonthDay md, int year) {
    if (year < 1 || year > 9999) return std::nullopt;
    date::year_month ym{date::year{year}, date::month{md.month}};
    date::day last = (ym / date::last).day();
    date::day d{md.day};
    return Date{ym.year(), ym.month(), d > last ? last : d};
}

} // namespace peerctl
