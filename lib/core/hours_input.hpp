#pragma once
// Hours as people type them on the command line ("1h30m", "90m", "1:30", "1.5"), read exactly into
// hundredths. Record files keep the one form, a TOML number (hours.hpp).

#include "hours.hpp"

#include <string>
#include <string_view>

namespace peerctl {

// Every form parse_hours takes, for the message that refuses one.
inline constexpr std::string_view hours_input_forms = "2, 1.5, 1.5h, 1h30m, 1h30, 90m or 1:30";

// Why typed hours were refused; None when they were not.
enum class HoursInputError { None, Malformed, NotPositive, TooFine, TooLarge, MinutesOver59 };

// Reads decimal hours ("2", "1.5", ".25", to two decimals), hours with a unit ("1.5h"), minutes
// ("90m"), hours and minutes ("1h30m", "1h30", "1:30"; the minutes 0 to 59, two digits after a
// colon). Minutes become hours only when exact to 0.01 h (36 s): a multiple of 3 minutes. A
// result must be greater than 0 and at most 10000 h, as in a record. On None, `out` is set.
HoursInputError parse_hours(std::string_view text, Hours& out);

// The reason, in a phrase that follows the option's name: "must be at most 10000 h".
std::string describe(HoursInputError e);

} // namespace peerctl
