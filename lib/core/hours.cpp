#include "hours.hpp"

#include <cmath>

namespace peerctl {

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

} // namespace peerctl
