// Tests for lib/core/date_input.cpp: dates typed on the command line, relative to as-of "today".

#include "date_input.hpp"

#include "test_support.hpp"

#include <string>

using namespace peerctl;
using peerctl::test::ymd;

TEST_CASE("parse_date_input: a calendar date, as parse_date") {
    Date today = ymd(2026, 11, 23);
    CHECK(parse_date_input("2026-03-14", today) == ymd(2026, 3, 14));
    CHECK(parse_date_input("2024-02-29", today) == ymd(2024, 2, 29));
    CHECK_FALSE(parse_date_input("2025-02-29", today));
    CHECK_FALSE(parse_date_input("2026-3-14", today));
    CHECK_FALSE(parse_date_input("0000-01-01", today));
}

TEST_CASE("parse_date_input: today and yesterday are the as-of day and the one before") {
    CHECK(parse_date_input("today", ymd(2026, 11, 23)) == ymd(2026, 11, 23));
    CHECK(parse_date_input("yesterday", ymd(2026, 11, 23)) == ymd(2026, 11, 22));
    CHECK(parse_date_input("yesterday", ymd(2026, 1, 1)) == ymd(2025, 12, 31));
    CHECK(parse_date_input("yesterday", ymd(2024, 3, 1)) == ymd(2024, 2, 29));
    CHECK_FALSE(parse_date_input("yesterday", first_date));
    CHECK_FALSE(parse_date_input("Today", ymd(2026, 11, 23)));
}

TEST_CASE("parse_date_input: offsets on the calendar") {
    Date today = ymd(2024, 3, 31);
    CHECK(parse_date_input("-3d", today) == ymd(2024, 3, 28));
    CHECK(parse_date_input("-31d", today) == ymd(2024, 2, 29));
    CHECK(parse_date_input("+1d", today) == ymd(2024, 4, 1));
    CHECK(parse_date_input("-0d", today) == today);
    CHECK(parse_date_input("-2w", today) == ymd(2024, 3, 17));
    SUBCASE("a month before Mar 31 is the last of February, leap or not") {
        CHECK(parse_date_input("-1m", today) == ymd(2024, 2, 29));
        CHECK(parse_date_input("-1m", ymd(2025, 3, 31)) == ymd(2025, 2, 28));
        CHECK(parse_date_input("+1m", ymd(2025, 1, 31)) == ymd(2025, 2, 28));
    }
    SUBCASE("a year from Feb 29 is Feb 28") { CHECK(parse_date_input("+1y", ymd(2024, 2, 29)) == ymd(2025, 2, 28)); }
    SUBCASE("a leading zero is a count like any other") { CHECK(parse_date_input("-07d", today) == ymd(2024, 3, 24)); }
}

TEST_CASE("parse_date_input: offsets that leave the calendar are refused") {
    CHECK_FALSE(parse_date_input("-1d", first_date));
    CHECK_FALSE(parse_date_input("+1d", last_date));
    CHECK_FALSE(parse_date_input("+1m", last_date));
    CHECK_FALSE(parse_date_input("-10000y", ymd(2026, 1, 1)));
    CHECK_FALSE(parse_date_input("-99999999999999999999999d", ymd(2026, 1, 1)));
    CHECK(parse_date_input("-2025y", ymd(2026, 1, 1)) == ymd(1, 1, 1));
    CHECK_FALSE(parse_date_input("-2026y", ymd(2026, 1, 1)));
}

TEST_CASE("parse_date_input: anything else is refused") {
    Date today = ymd(2026, 11, 23);
    for (std::string_view text : {"", " ", "-", "+", "-d", "3d", "-3", "-3x", "-3D", "- 3d", "-3d ", "--3d", "-+3d", "-3.5d",
                                  "tomorrow", "now", "-1h", "2026-11-23 ", "yesterday "}) {
        CAPTURE(std::string(text));
        CHECK_FALSE(parse_date_input(text, today));
    }
}
