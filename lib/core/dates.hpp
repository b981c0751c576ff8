#pragma once
// Calendar dates. All arithmetic is on the calendar (months clamp to the month's end), never on
// seconds, so time zones and leap seconds cannot shift a deadline.
//
// Every date peerctl reads, computes or prints lies in 0001-01-01 .. 9999-12-31, the dates
// YYYY-MM-DD can write: arithmetic that would leave that range returns nothing, so the caller
// must decide (an error at the input's line, or "no such deadline"), and nothing can wrap.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

using Date = date::year_month_day;

inline constexpr Date first_date{date::year{1}, date::January, date::day{1}};
inline constexpr Date last_date{date::year{9999}, date::December, date::day{31}};

// A real day between first_date and last_date.
bool in_range(Date d);

// "2026-04-01", always ten characters. A date out of range is a bug upstream, never printed:
// it throws std::out_of_range.
std::string to_string(Date d);
// Strict YYYY-MM-DD: no trailing text, the day must exist, and the year must be 0001 or later.
std::optional<Date> parse_date(std::string_view text);

// d plus n months, on the same day of month or the month's last day where that day does not
// exist (2024-01-31 + 1 month = 2024-02-29); nothing when d or the result is out of range.
std::optional<Date> add_months(Date d, long long months);
// d plus n days; nothing when d or the result is out of range.
std::optional<Date> add_days(Date d, long long days);
// The first day a look-back of `months` before `reference` takes in (that day included): none
// without a look-back, or when it would fall before the calendar's first day (then every date is
// recent enough).
std::optional<Date> look_back_start(Date reference, std::optional<int> months);
// b - a in days.
int days_between(Date a, Date b);
// The fewest and the most days that `months` calendar months can span (from any day to the same
// day `months` later, clamped): 1 month is 28 to 31 days, 12 months 365 to 366.
struct DaySpan {
    int shortest = 0;
    int longest = 0;
};
DaySpan month_span(int months);

// A month and day without a year, such as a birthday ("04-17"). February 29 is one: in a common
// year it falls on February 28.
struct MonthDay {
    unsigned month = 1;
    unsigned day = 1;
    bool operator==(const MonthDay&) const = default;
};
// Strict MM-DD of a day that exists in some year (02-29 does; 04-31 does not).
std::optional<MonthDay> parse_month_day(std::string_view text);
// The day `md` falls on in `year` (February 29 on the 28th in a common year); nothing outside the
// calendar's years.
std::optional<Date> in_year(MonthDay md, int year);

} // namespace peerctl
