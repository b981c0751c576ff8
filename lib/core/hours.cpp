#include "hours.hpp"

#include <charconv>
#include <cmath>

namespace peerctl {

namespace {
// An entry larger than this is a typo, not a course (a 3-credit college course is 45 h).
constexpr std::int64_t max_centi = 10'000 * 100;
} // namespace

std::string Hours::str() const {
    std::int64_t c = centi_ < 0 ? -centi_ : centi_;
    std::string s = (centi_ < 0 ? "-" : "") + std::to_string(c / 100);
    std::int64_t frac = c % 100;
    if (frac != 0) {
        s += '.';
        s += static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0) s += static_cast<char>('0' + frac % 10);
    }
    return s;
}

HoursError hours_from_double(double value, Hours& out) {
    if (!std::isfinite(value)) return HoursError::NotFinite;
    if (value <= 0) return HoursError::NotPositive;
    if (value > static_cast<double>(max_centi) / 100.0) return HoursError::TooLarge;
    double scaled = value * 100.0;
    double rounded = std::round(scaled);
    if (std::fabs(scaled - rounded) > 1e-6) return HoursError::TooFine;
    if (rounded < 1) return HoursError::TooFine;
    out = Hours::from_centi(static_cast<std::int64_t>(rounded));
    return HoursError::None;
}

HoursError hours_from_integer(std::int64_t value, Hours& out) {
    if (value <= 0) return HoursError::NotPositive;
    if (value > max_centi / 100) return HoursError::TooLarge;
    out = Hours::whole(value);
    return HoursError::None;
}

std::string describe(HoursError e) {
    switch (e) {
    case HoursError::None: return "";
    case HoursError::NotFinite: return "hours must be a finite number";
    case HoursError::NotPositive: return "hours must be greater than 0";
    case HoursError::TooFine: return "hours are counted to 0.01 h at most";
    case HoursError::TooLarge: return "hours must be at most 10000";
    }
    return "";
}

std::optional<Hours> parse_hours(std::string_view text) {
    auto dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
    if (whole.empty() && frac.empty()) return std::nullopt;
    if (!whole.empty() && (whole[0] < '0' || whole[0] > '9')) return std::nullopt; // no sign
    if (frac.size() > 2 || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
    std::int64_t w = 0;
    if (!whole.empty()) {
        auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), w);
        if (ec != std::errc() || p != whole.data() + whole.size() || w < 0 || w > max_centi / 100) return std::nullopt;
    }
    std::int64_t f = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        f *= 10;
        if (i < frac.size()) {
            if (frac[i] < '0' || frac[i] > '9') return std::nullopt;
            f += frac[i] - '0';
        }
    }
    if (w * 100 + f > max_centi) return std::nullopt;
    return Hours::from_centi(w * 100 + f);
}

} // namespace peerctl
