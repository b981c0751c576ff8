#pragma once
// Calendar dates. All arithmetic is on the calendar (months clamp to the month's end), never on
// seconds, so time zones and leap seconds cannot shift a deadline.

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

using Date = date::year_month_day;

// "2026-04-01"
std::string to_string(Date d);
// Strict YYYY-MM-DD: no trailing text, and the day must exist.
std::optional<Date> parse_date(std::string_view text);

// d plus n months, on the same day of month or the month's last day where that day does not
// exist (2024-01-31 + 1 month = 2024-02-29).
Date add_months(Date d, int months);
Date add_days(Date d, int days);
// b - a in days.
int days_between(Date a, Date b);
// Today's date in the local time zone (a specialist in Hartford at 11 pm is still on today).
Date local_today();

} // namespace peerctl
