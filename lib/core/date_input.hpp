#pragma once
// Dates as people type them on the command line: a calendar date, a word, or an offset from
// today. Record files keep the one form, a TOML local date (dates.hpp).

#include "dates.hpp"

#include <optional>
#include <string_view>

namespace peerctl {

// Every form parse_date_input takes, for the message that refuses one.
inline constexpr std::string_view date_input_forms =
    "YYYY-MM-DD (2026-03-14), today, yesterday, or days, weeks, months or years from today (-3d, -2w, -1m, +1y)";

// "2026-03-14" (strict, as parse_date), "today", "yesterday", or a signed offset "-3d", "+2w",
// "-1m", "-1y" from `today` on the calendar (a month before Mar 31 is Feb 28 or 29). Nothing for
// anything else, the empty text included, or a date outside 0001-01-01 .. 9999-12-31.
std::optional<Date> parse_date_input(std::string_view text, Date today);

} // namespace peerctl
