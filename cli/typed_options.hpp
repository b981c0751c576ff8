#pragma once
// Option values people type in more than one form (hours, dates), read by lib/ and refused with a
// message that shows every form taken; and words from a list, refused with the list.

#include "dates.hpp"
#include "hours.hpp"

#include <span>
#include <string>
#include <string_view>

namespace peerctl::cli {

// `value` of `option` ("--hours") as exact hours; throws UsageError naming the reason and the forms.
Hours hours_option(std::string_view option, const std::string& value);
// `value` of `option` ("--date") as a date, words and offsets counted from `today` (the as-of day);
// throws UsageError showing the forms. The empty text is refused, never read as today.
Date date_option(std::string_view option, const std::string& value, Date today);
// `value` of `option` ("--kind") when it is one of `names`; throws UsageError naming them.
std::string choice_option(std::string_view option, std::span<const std::string_view> names, const std::string& value);

} // namespace peerctl::cli
