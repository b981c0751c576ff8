// Tests for lib/core/hours.cpp: exact hundredths, conversion from TOML numbers.

#include "hours.hpp"

#include "test_support.hpp"

#include <cmath>
#include <limits>

using namespace peerctl;
using peerctl::test::centi;

TEST_CASE("Hours sums exactly") {
    SUBCASE("3 x 0.1 h is exactly 0.3 h") {
        Hours tenth;
        REQUIRE(hours_from_double(0.1, tenth) == HoursError::None);
        Hours sum = tenth + tenth + tenth;
        Hours three_tenths;
        REQUIRE(hours_from_double(0.3, three_tenths) == HoursError::None);
        CHECK(sum == three_tenths);
        CHECK(sum.centi() == 30);
        CHECK(sum.str() == "0.3");
        // The same sum in doubles is 0.30000000000000004: the reason Hours exists.
        CHECK(0.1 + 0.1 + 0.1 != 0.3);
    }
    SUBCASE("100 x 0.01 h is exactly 1 h") {
        Hours sum;
        for (int i = 0; i < 100; ++i)
            sum += centi(1);
        CHECK(sum == Hours::whole(1));
        CHECK(sum.str() == "1");
    }
    SUBCASE("subtraction, comparison, zero") {
        CHECK(centi(1000) - centi(1) == centi(999));
        CHECK(centi(999) < Hours::whole(10));
        CHECK(Hours().is_zero());
        CHECK_FALSE(centi(1).is_zero());
        CHECK(min(centi(5), centi(7)) == centi(5));
        CHECK(max(centi(5), centi(7)) == centi(7));
    }
    SUBCASE("as_double") {
        CHECK(centi(1250).as_double() == 12.5);
        CHECK(centi(5).as_double() == 0.05);
    }
}

TEST_CASE("Hours::str") {
    SUBCASE("whole hours have no decimals") {
        CHECK(Hours::whole(60).str() == "60");
        CHECK(Hours().str() == "0");
    }
    SUBCASE("one decimal when the second is 0") {
        CHECK(centi(4250).str() == "42.5");
        CHECK(centi(10).str() == "0.1");
    }
    SUBCASE("two decimals") {
        CHECK(centi(25).str() == "0.25");
        CHECK(centi(5).str() == "0.05");
        CHECK(centi(1).str() == "0.01");
        CHECK(centi(105).str() == "1.05");
    }
    SUBCASE("negative") { CHECK(centi(-250).str() == "-2.5"); }
}

TEST_CASE("hours_from_double") {
    Hours out = centi(777); // a sentinel: left alone on error
    SUBCASE("0.1 is 10 hundredths") {
        CHECK(hours_from_double(0.1, out) == HoursError::None);
        CHECK(out.centi() == 10);
    }
    SUBCASE("2.25 is 225 hundredths") {
        CHECK(hours_from_double(2.25, out) == HoursError::None);
        CHECK(out.centi() == 225);
    }
    SUBCASE("0.29 is accepted despite its binary rounding (28.999999999999996 hundredths)") {
        CHECK(hours_from_double(0.29, out) == HoursError::None);
        CHECK(out.centi() == 29);
    }
    SUBCASE("0.01 is the smallest amount") {
        CHECK(hours_from_double(0.01, out) == HoursError::None);
        CHECK(out.centi() == 1);
    }
    SUBCASE("10000 is the largest amount") {
        CHECK(hours_from_double(10000.0, out) == HoursError::None);
        CHECK(out.centi() == 1'000'000);
    }
    SUBCASE("0.001 is finer than 0.01") {
        CHECK(hours_from_double(0.001, out) == HoursError::TooFine);
        CHECK(out.centi() == 777);
    }
    SUBCASE("1.005 is finer than 0.01") { CHECK(hours_from_double(1.005, out) == HoursError::TooFine); }
    SUBCASE("0 is not positive") {
        CHECK(hours_from_double(0.0, out) == HoursError::NotPositive);
        CHECK(out.centi() == 777);
    }
    SUBCASE("-2 is not positive") { CHECK(hours_from_double(-2.0, out) == HoursError::NotPositive); }
    SUBCASE("NaN and infinities are not finite") {
        CHECK(hours_from_double(std::numeric_limits<double>::quiet_NaN(), out) == HoursError::NotFinite);
        CHECK(hours_from_double(std::numeric_limits<double>::infinity(), out) == HoursError::NotFinite);
        CHECK(hours_from_double(-std::numeric_limits<double>::infinity(), out) == HoursError::NotFinite);
        CHECK(out.centi() == 777);
    }
    SUBCASE("10000.01 is too large") {
        CHECK(hours_from_double(10000.01, out) == HoursError::TooLarge);
        CHECK(out.centi() == 777);
    }
}

TEST_CASE("hours_from_integer") {
    Hours out = centi(777);
    SUBCASE("3 is 300 hundredths") {
        CHECK(hours_from_integer(3, out) == HoursError::None);
        CHECK(out.centi() == 300);
    }
    SUBCASE("10000 is allowed, 10001 is not") {
        CHECK(hours_from_integer(10000, out) == HoursError::None);
        CHECK(out.centi() == 1'000'000);
        CHECK(hours_from_integer(10001, out) == HoursError::TooLarge);
    }
    SUBCASE("0 and -2 are not positive") {
        CHECK(hours_from_integer(0, out) == HoursError::NotPositive);
        CHECK(hours_from_integer(-2, out) == HoursError::NotPositive);
        CHECK(out.centi() == 777);
    }
}

TEST_CASE("describe(HoursError)") {
    CHECK(describe(HoursError::None) == "");
    CHECK(describe(HoursError::NotFinite) == "hours must be a finite number");
    CHECK(describe(HoursError::NotPositive) == "hours must be greater than 0");
    CHECK(describe(HoursError::TooFine) == "hours are counted to 0.01 h at most");
    CHECK(describe(HoursError::TooLarge) == "hours must be at most 10000");
}

TEST_CASE("shortfall") {
    SUBCASE("what is still missing") {
        CHECK(shortfall(Hours::whole(10), Hours::whole(3)) == Hours::whole(7));
        CHECK(shortfall(Hours::whole(10), centi(999)) == centi(1));
    }
    SUBCASE("zero when met exactly") { CHECK(shortfall(Hours::whole(10), Hours::whole(10)) == Hours()); }
    SUBCASE("never negative when exceeded") {
        CHECK(shortfall(Hours::whole(10), Hours::whole(12)) == Hours());
        CHECK(shortfall(Hours(), centi(1)) == Hours());
    }
}
