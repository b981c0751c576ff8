// Tests for lib/core/dates.cpp: calendar arithmetic that clamps to the month's end, strict parsing.

#include "dates.hpp"

#include "test_support.hpp"

#include <algorithm>
#include <climits>
#include <stdexcept>

using namespace peerctl;
using peerctl::test::ymd;

TEST_CASE("add_months") {
    SUBCASE("a day that exists in the target month is kept") {
        CHECK(add_months(ymd(2024, 1, 15), 1) == ymd(2024, 2, 15));
        CHECK(add_months(ymd(2024, 12, 15), 1) == ymd(2025, 1, 15));
        CHECK(add_months(ymd(2023, 4, 1), 36) == ymd(2026, 4, 1));
        CHECK(add_months(ymd(2024, 3, 10), 0) == ymd(2024, 3, 10));
    }
    SUBCASE("Jan 31 + 1 month clamps to Feb 29 in a leap year") { CHECK(add_months(ymd(2024, 1, 31), 1) == ymd(2024, 2, 29)); }
    SUBCASE("Jan 31 + 1 month clamps to Feb 28 in a common year") { CHECK(add_months(ymd(2023, 1, 31), 1) == ymd(2023, 2, 28)); }
    SUBCASE("Feb 29 + 12 months is Feb 28; + 48 months is Feb 29 again") {
        CHECK(add_months(ymd(2024, 2, 29), 12) == ymd(2025, 2, 28));
        CHECK(add_months(ymd(2024, 2, 29), 48) == ymd(2028, 2, 29));
    }
    SUBCASE("31st into a 30-day month") { CHECK(add_months(ymd(2024, 10, 31), 1) == ymd(2024, 11, 30)); }
    SUBCASE("Jan 31 + 2 months is Mar 31, not a chained Mar 29") { CHECK(add_months(ymd(2024, 1, 31), 2) == ymd(2024, 3, 31)); }
    SUBCASE("negative months") {
        CHECK(add_months(ymd(2024, 3, 31), -1) == ymd(2024, 2, 29));
        CHECK(add_months(ymd(2025, 5, 31), -3) == ymd(2025, 2, 28));
        CHECK(add_months(ymd(2024, 1, 15), -13) == ymd(2022, 12, 15));
        CHECK(add_months(ymd(2025, 6, 1), -12) == ymd(2024, 6, 1));
    }
}

TEST_CASE("add_months stays in 0001-01-01 .. 9999-12-31") {
    SUBCASE("up to the last month, then nothing") {
        CHECK(add_months(ymd(9999, 1, 31), 11) == ymd(9999, 12, 31));
        CHECK(add_months(ymd(9998, 12, 31), 12) == ymd(9999, 12, 31));
        CHECK_FALSE(add_months(ymd(9999, 12, 31), 1));
        CHECK_FALSE(add_months(ymd(9999, 12, 1), 1));
        CHECK_FALSE(add_months(ymd(9999, 1, 1), 12));
    }
    SUBCASE("down to the first month, then nothing") {
        CHECK(add_months(ymd(1, 2, 28), -1) == ymd(1, 1, 28));
        CHECK_FALSE(add_months(ymd(1, 1, 1), -1));
        CHECK_FALSE(add_months(ymd(1, 12, 31), -12));
    }
    SUBCASE("a long period times many renewals never wraps the year") {
        // 1200 months x 100 renewals from 2024: year 12024, not a wrapped 16-bit year.
        CHECK_FALSE(add_months(ymd(2024, 1, 15), 1200LL * 100));
        CHECK_FALSE(add_months(ymd(2024, 1, 15), 1200LL * 1000000));
        CHECK_FALSE(add_months(ymd(2024, 1, 15), LLONG_MAX));
        CHECK_FALSE(add_months(ymd(2024, 1, 15), LLONG_MIN));
        CHECK(add_months(ymd(2024, 1, 15), 7975 * 12 + 11) == ymd(9999, 12, 15));
    }
    SUBCASE("a date outside the range gives nothing") {
        CHECK_FALSE(add_months(ymd(0, 6, 1), 12));
        CHECK_FALSE(add_months(ymd(10000, 1, 1), -1));
    }
}

TEST_CASE("add_days stays in 0001-01-01 .. 9999-12-31") {
    CHECK(add_days(ymd(9999, 12, 30), 1) == ymd(9999, 12, 31));
    CHECK_FALSE(add_days(ymd(9999, 12, 31), 1));
    CHECK(add_days(ymd(1, 1, 2), -1) == ymd(1, 1, 1));
    CHECK_FALSE(add_days(ymd(1, 1, 1), -1));
    CHECK(add_days(ymd(1, 1, 1), 3652058) == ymd(9999, 12, 31));
    CHECK_FALSE(add_days(ymd(1, 1, 1), 3652059));
    CHECK_FALSE(add_days(ymd(2024, 1, 1), LLONG_MAX));
    CHECK_FALSE(add_days(ymd(2024, 1, 1), LLONG_MIN));
    CHECK_FALSE(add_days(ymd(0, 12, 31), 1));
}

TEST_CASE("in_range") {
    CHECK(in_range(first_date));
    CHECK(in_range(last_date));
    CHECK_FALSE(in_range(ymd(0, 12, 31)));
    CHECK_FALSE(in_range(ymd(10000, 1, 1)));
    CHECK_FALSE(in_range(Date{}));
}

TEST_CASE("month_span: the fewest and most days a number of months can last") {
    // Worked out by brute force over every day of a 400-year cycle.
    auto span = [](int months) {
        DaySpan s = month_span(months);
        return std::pair{s.shortest, s.longest};
    };
    CHECK(span(1) == std::pair{28, 31}); // Jan 31 -> Feb 28; Jan 1 -> Feb 1
    CHECK(span(2) == std::pair{59, 62});
    CHECK(span(12) == std::pair{365, 366});
    CHECK(span(36) == std::pair{1095, 1096});
    CHECK(span(48) == std::pair{1460, 1461}); // across 2100, which has no Feb 29
    CHECK(span(1200) == std::pair{36524, 36525});
}

TEST_CASE("month_span agrees with date's calendar over a 400-year cycle, backwards too") {
    // The walk month_span makes with plain integers, made with date's types: a birthday period
    // asks for months - 12 (down to -11), lapse rungs and periods for up to 1,200.
    auto reference = [](int months) {
        DaySpan s{INT_MAX, INT_MIN};
        for (int y = 2000; y < 2400; ++y)
            for (unsigned m = 1; m <= 12; ++m) {
                date::year_month from{date::year{y}, date::month{m}}, to = from + date::months{months};
                int between = static_cast<int>((date::sys_days{to / 1} - date::sys_days{from / 1}).count());
                auto length = [](date::year_month ym) {
                    return static_cast<int>(static_cast<unsigned>((ym / date::last).day()));
                };
                s.shortest = std::min(s.shortest, between + std::min(0, length(to) - length(from)));
                s.longest = std::max(s.longest, between);
            }
        return s;
    };
    for (int months : {-4801, -1200, -13, -12, -11, -6, -1, 0, 1, 2, 11, 12, 13, 24, 36, 47, 48, 49, 97, 599, 1199, 1200, 4801}) {
        CAPTURE(months);
        DaySpan want = reference(months), got = month_span(months);
        CHECK(got.shortest == want.shortest);
        CHECK(got.longest == want.longest);
        // asked again, the same (each span is kept once walked)
        CHECK(month_span(months).shortest == want.shortest);
    }
    CHECK(month_span(-1).shortest == -31); // Mar 31 back to Feb 28 (clamped) in a common year
    // Counts no calendar reaches: the days saturate at int's ends rather than overflow.
    CHECK(month_span(INT_MAX).shortest == INT_MAX);
    CHECK(month_span(INT_MIN).longest == INT_MIN);
    // 5,833,333 years (365.2425 days each) and 4 months: in range, exact (worked out in Python)
    CHECK(month_span(70'000'000).longest == 2'130'581'253);
}

TEST_CASE("add_days") {
    CHECK(add_days(ymd(2024, 2, 28), 1) == ymd(2024, 2, 29));
    CHECK(add_days(ymd(2024, 2, 28), 2) == ymd(2024, 3, 1));
    CHECK(add_days(ymd(2025, 1, 1), -1) == ymd(2024, 12, 31));
    // Apr 1 - 31 days = Mar 1; - 14 more = Feb 15.
    CHECK(add_days(ymd(2026, 4, 1), -45) == ymd(2026, 2, 15));
    // Dec 31 + 31 days = Jan 31.
    CHECK(add_days(ymd(2025, 12, 31), 31) == ymd(2026, 1, 31));
}

TEST_CASE("days_between") {
    SUBCASE("same day") { CHECK(days_between(ymd(2025, 3, 10), ymd(2025, 3, 10)) == 0); }
    SUBCASE("across February") {
        CHECK(days_between(ymd(2024, 2, 28), ymd(2024, 3, 1)) == 2); // 2024 is a leap year
        CHECK(days_between(ymd(2023, 2, 28), ymd(2023, 3, 1)) == 1);
    }
    SUBCASE("whole years") {
        CHECK(days_between(ymd(2024, 1, 1), ymd(2025, 1, 1)) == 366);
        CHECK(days_between(ymd(2025, 1, 1), ymd(2026, 1, 1)) == 365);
    }
    SUBCASE("b before a is negative") {
        CHECK(days_between(ymd(2025, 3, 11), ymd(2025, 3, 10)) == -1);
        CHECK(days_between(ymd(2024, 3, 1), ymd(2024, 2, 28)) == -2);
    }
}

TEST_CASE("parse_date") {
    SUBCASE("valid dates") {
        auto d = parse_date("2025-02-28");
        REQUIRE(d);
        CHECK(*d == ymd(2025, 2, 28));
        auto leap = parse_date("2024-02-29");
        REQUIRE(leap);
        CHECK(*leap == ymd(2024, 2, 29));
        auto end = parse_date("2025-12-31");
        REQUIRE(end);
        CHECK(*end == ymd(2025, 12, 31));
    }
    SUBCASE("a day that does not exist") {
        CHECK_FALSE(parse_date("2025-02-30"));
        CHECK_FALSE(parse_date("2025-02-29"));
        CHECK_FALSE(parse_date("2025-04-31"));
        CHECK_FALSE(parse_date("2025-13-01"));
        CHECK_FALSE(parse_date("2025-00-10"));
        CHECK_FALSE(parse_date("2025-01-00"));
    }
    SUBCASE("not zero-padded") {
        CHECK_FALSE(parse_date("2025-1-01"));
        CHECK_FALSE(parse_date("2025-01-1"));
    }
    SUBCASE("trailing or leading junk") {
        CHECK_FALSE(parse_date("2025-01-01x"));
        CHECK_FALSE(parse_date("2025-01-01 "));
        CHECK_FALSE(parse_date(" 2025-01-01"));
        CHECK_FALSE(parse_date("2025-01-01T10:00:00"));
    }
    SUBCASE("year 0000, which TOML allows, is before the calendar") {
        CHECK_FALSE(parse_date("0000-01-01"));
        CHECK_FALSE(parse_date("0000-12-31"));
        CHECK(parse_date("0001-01-01") == ymd(1, 1, 1));
        CHECK(parse_date("9999-12-31") == ymd(9999, 12, 31));
    }
    SUBCASE("other shapes") {
        for (std::string_view bad : {"", "2025/01/01", "20250101", "2025-01-3a", "-025-01-01", "abcd-ef-gh"}) {
            CAPTURE(std::string(bad));
            CHECK_FALSE(parse_date(bad));
        }
    }
}

TEST_CASE("to_string(Date)") {
    CHECK(to_string(ymd(2026, 4, 1)) == "2026-04-01");
    CHECK(to_string(ymd(2024, 12, 31)) == "2024-12-31");
    SUBCASE("always four digits, two and two") {
        CHECK(to_string(ymd(1, 1, 1)) == "0001-01-01");
        CHECK(to_string(ymd(999, 2, 3)) == "0999-02-03");
        CHECK(to_string(ymd(9999, 12, 31)) == "9999-12-31");
    }
    SUBCASE("a date outside the calendar is never printed") {
        CHECK_THROWS_AS(to_string(ymd(10000, 1, 31)), std::out_of_range); // was "10000-01-31"
        CHECK_THROWS_AS(to_string(ymd(-32411, 1, 31)), std::out_of_range);
        CHECK_THROWS_AS(to_string(ymd(0, 1, 1)), std::out_of_range);
        CHECK_THROWS_AS(to_string(Date{}), std::out_of_range);
    }
    SUBCASE("round trip through parse_date") {
        auto d = parse_date(to_string(ymd(2024, 2, 29)));
        REQUIRE(d);
        CHECK(*d == ymd(2024, 2, 29));
    }
}

TEST_CASE("parse_month_day and in_year: a birthday without a year") {
    CHECK(parse_month_day("04-17") == MonthDay{4, 17});
    CHECK(parse_month_day("02-29") == MonthDay{2, 29}); // exists in leap years
    CHECK(parse_month_day("12-31") == MonthDay{12, 31});
    for (std::string_view bad :
         {"13-01", "04-31", "02-30", "00-01", "01-00", "4-17", "04-7", "04/17", "0417", "04-17 ", "", "ab-cd"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_month_day(bad));
    }
    CHECK(in_year({2, 29}, 2028) == ymd(2028, 2, 29));
    CHECK(in_year({2, 29}, 2027) == ymd(2027, 2, 28)); // a common year: the 28th
    CHECK(in_year({2, 29}, 2100) == ymd(2100, 2, 28)); // not a leap year either
    CHECK(in_year({4, 17}, 1) == ymd(1, 4, 17));
    CHECK(in_year({12, 31}, 9999) == ymd(9999, 12, 31));
    CHECK_FALSE(in_year({4, 17}, 0));
    CHECK_FALSE(in_year({4, 17}, 10000));
}
