#pragma once
// Hours as an exact count of hundredths, so that sums never drift (3 x 0.1 h is 0.3 h).

#include <compare>
#include <cstdint>
#include <string>

namespace peerctl {

// An entry larger than this is a typo, not a course (a 3-credit college course is 45 h).
inline constexpr std::int64_t max_hours = 10'000;
// The same in hundredths of an hour, as Hours holds it.
inline constexpr std::int64_t max_centi = max_hours * 100;

class Hours {
public:
    constexpr Hours() = default;
    static constexpr Hours from_centi(std::int64_t centi) { return Hours(centi); }
    static constexpr Hours whole(std::int64_t h) { return Hours(h * 100); }

    constexpr std::int64_t centi() const { return centi_; }
    constexpr bool is_zero() const { return centi_ == 0; }

    constexpr Hours& operator+=(Hours o) {
        centi_ += o.centi_;
        return *this;
    }
    constexpr Hours& operator-=(Hours o) {
        centi_ -= o.centi_;
        return *this;
    }
    friend constexpr Hours operator+(Hours a, Hours b) { return a += b; }
    friend constexpr Hours operator-(Hours a, Hours b) { return a -= b; }
    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 flags the literal 0 of the comparison it synthesises
    friend constexpr auto operator<=>(Hours, Hours) = default;

    // The shortest decimal form: "60", "42.5", "0.25".
    std::string str() const;
    // For JSON: a double that prints as the same shortest decimal.
    double as_double() const { return static_cast<double>(centi_) / 100.0; }

private:
    constexpr explicit Hours(std::int64_t c) : centi_(c) {}
    std::int64_t centi_ = 0;
};

constexpr Hours min(Hours a, Hours b) { return a < b ? a : b; }
constexpr Hours max(Hours a, Hours b) { return a < b ? b : a; }
// Never below zero: what is still missing of `required`.
constexpr Hours shortfall(Hours required, Hours counted) { return counted >= required ? Hours() : required - counted; }

// Why a number is not a valid amount of hours; empty when it is.
enum class HoursError { None, NotFinite, NotPositive, TooFine, TooLarge };

// Converts a TOML number (integer or float) to exact hundredths. A float must be within
// rounding noise of a multiple of 0.01: 0.1 is accepted, 0.001 is not.
HoursError hours_from_double(double value, Hours& out);
HoursError hours_from_integer(std::int64_t value, Hours& out);
std::string describe(HoursError e);

} // namespace peerctl
