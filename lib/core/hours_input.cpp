#include "hours_input.hpp"

#include <charconv>
#include <optional>

namespace peerctl {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// A run of digits as a number, or nothing when it is larger than any amount we take (so that no
// count of digits can overflow: it is too large, not malformed).
std::optional<std::int64_t> whole_number(std::string_view s) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v > max_centi * 60) return std::nullopt;
    return v;
}

struct Parsed {
    HoursInputError error = HoursInputError::None;
    std::int64_t centi = 0;
};

Parsed refused(HoursInputError e) { return Parsed{e, 0}; }

// "2", "1.5", ".25": hundredths, never through a double.
Parsed decimal(std::string_view text) {
    auto dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() && frac.empty()) return refused(HoursInputError::Malformed);
    if (!whole.empty() && !all_digits(whole)) return refused(HoursInputError::Malformed);
    if (dot != std::string_view::npos && !all_digits(frac)) return refused(HoursInputError::Malformed);
    if (frac.size() > 2) return refused(HoursInputError::TooFine);
    std::int64_t w = 0;
    if (!whole.empty()) {
        auto n = whole_number(whole);
        if (!n) return refused(HoursInputError::TooLarge);
        w = *n;
    }
    std::int64_t f = 0;
    for (std::size_t i = 0; i < 2; ++i)
        f = f * 10 + (i < frac.size() ? frac[i] - '0' : 0);
    return Parsed{HoursInputError::None, w * 100 + f};
}

// Whole hours and minutes, exact only where the minutes are whole hundredths of an hour.
Parsed hours_minutes(std::string_view hours, std::string_view minutes, bool minutes_bounded) {
    std::int64_t h = 0;
    if (!hours.empty()) {
        if (!all_digits(hours)) return refused(HoursInputError::Malformed);
        auto n = whole_number(hours);
        if (!n) return refused(HoursInputError::TooLarge);
        h = *n;
    }
    if (!all_digits(minutes)) return refused(HoursInputError::Malformed);
    auto m = whole_number(minutes);
    if (!m) return refused(HoursInputError::TooLarge);
    if (minutes_bounded && *m > 59) return refused(HoursInputError::MinutesOver59);
    std::int64_t total = h * 60 + *m;
    // 0.01 h is 0.6 minutes: a count of minutes is whole hundredths when it is a multiple of 3.
    if (total % 3 != 0) return refused(HoursInputError::TooFine);
    return Parsed{HoursInputError::None, total / 3 * 5};
}

Parsed any_form(std::string_view text) {
    if (text.empty()) return refused(HoursInputError::Malformed);
    if (auto colon = text.find(':'); colon != std::string_view::npos) {
        std::string_view minutes = text.substr(colon + 1);
        if (colon == 0 || minutes.size() != 2) return refused(HoursInputError::Malformed);
        return hours_minutes(text.substr(0, colon), minutes, true);
    }
    if (auto h = text.find_first_of("hH"); h != std::string_view::npos) {
        std::string_view before = text.substr(0, h);
        std::string_view after = text.substr(h + 1);
        if (before.empty()) return refused(HoursInputError::Malformed);
        if (after.empty()) return decimal(before); // "1.5h"
        if (after.back() == 'm' || after.back() == 'M') after.remove_suffix(1);
        return hours_minutes(before, after, true); // "1h30m", "1h30"
    }
    if (text.back() == 'm' || text.back() == 'M') return hours_minutes({}, text.substr(0, text.size() - 1), false);
    return decimal(text);
}

} // namespace

HoursInputError parse_hours(std::string_view text, Hours& out) {
    // "-2" is a negative amount in any form, not a malformed one.
    if (!text.empty() && text[0] == '-') {
        Parsed p = any_form(text.substr(1));
        return p.error == HoursInputError::None || p.error == HoursInputError::TooLarge ? HoursInputError::NotPositive : p.error;
    }
    Parsed p = any_form(text);
    if (p.error != HoursInputError::None) return p.error;
    if (p.centi == 0) return HoursInputError::NotPositive;
    if (p.centi > max_centi) return HoursInputError::TooLarge;
    out = Hours::from_centi(p.centi);
    return HoursInputError::None;
}

std::string describe(HoursInputError e) {
    switch (e) {
    case HoursInputError::None: return "";
    case HoursInputError::Malformed: return "must be hours";
    case HoursInputError::NotPositive: return "must be greater than 0";
    case HoursInputError::TooFine: return "must be exact to 0.01 h, which is 36 seconds: minutes in multiples of 3";
    case HoursInputError::TooLarge: return "must be at most " + std::to_string(max_hours) + " h";
    case HoursInputError::MinutesOver59: return "must have minutes from 0 to 59 after the hours";
    }
    return "";
}

} // namespace peerctl
