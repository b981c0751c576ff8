#include "typed_options.hpp"

#include "context.hpp"
#include "date_input.hpp"
#include "hours_input.hpp"
#include "output_text.hpp"

#include <fmt/format.h>

namespace peerctl::cli {

namespace {
// The refused value, as it may be shown: at most 32 characters, sanitised.
std::string shown(const std::string& value) { return printable(utf8_prefix(value, 32)); }
} // namespace

Hours hours_option(std::string_view option, const std::string& value) {
    Hours h;
    if (HoursInputError e = parse_hours(value, h); e != HoursInputError::None)
        throw UsageError{
            fmt::format("{} {} (got '{}'); hours are written {}", option, describe(e), shown(value), hours_input_forms)};
    return h;
}

Date date_option(std::string_view option, const std::string& value, Date today) {
    auto d = parse_date_input(value, today);
    if (!d) throw UsageError{fmt::format("{} must be a date (got '{}'): {}", option, shown(value), date_input_forms)};
    return *d;
}

std::string choice_option(std::string_view option, std::span<const std::string_view> names, const std::string& value) {
    for (std::string_view n : names)
        if (n == value) return value;
    throw UsageError{fmt::format("{} must be one of {} (got '{}')", option, fmt::join(names, ", "), shown(value))};
}

} // namespace peerctl::cli
