// Tests for lib/core/hours_input.cpp: hours typed on the command line, read exactly.

#include "hours_input.hpp"

#include "test_support.hpp"

#include <string>

using namespace peerctl;

namespace {

// The hundredths `text` reads as; fails the test when it is refused.
std::int64_t centi_of(std::string_view text) {
    Hours out = Hours::from_centi(-1);
    HoursInputError e = parse_hours(text, out);
    REQUIRE_MESSAGE(e == HoursInputError::None, "'" << std::string(text) << "' was refused: " << describe(e));
    return out.centi();
}

HoursInputError refusal(std::string_view text) {
    Hours out;
    return parse_hours(text, out);
}

} // namespace

TEST_CASE("parse_hours: decimal hours") {
    CHECK(centi_of("2.5") == 250);
    CHECK(centi_of("3") == 300);
    CHECK(centi_of("0.25") == 25);
    CHECK(centi_of("0.05") == 5);
    CHECK(centi_of("0.1") == 10);
    CHECK(centi_of("2.50") == 250);
    CHECK(centi_of(".5") == 50);
    CHECK(centi_of("0.01") == 1);
}

TEST_CASE("parse_hours: every form of an hour and a half is 1.5 h exactly") {
    for (std::string_view text : {"1.5", "1.5h", "1.50H", "1h30m", "1h30", "1H30M", "90m", "1:30", "01:30"}) {
        CAPTURE(std::string(text));
        CHECK(centi_of(text) == 150);
    }
}

TEST_CASE("parse_hours: hours and minutes") {
    CHECK(centi_of("2h") == 200);
    CHECK(centi_of("0h45m") == 75);
    CHECK(centi_of("0:45") == 75);
    CHECK(centi_of("1h03m") == 105);
    CHECK(centi_of("1h3") == 105);
    CHECK(centi_of("3m") == 5); // the smallest count of minutes that is whole hundredths
    CHECK(centi_of("120m") == 200);
    CHECK(refusal("1h59m") == HoursInputError::TooFine);
    CHECK(centi_of("1:57") == 195);
    CHECK(centi_of("1h0m") == 100);
}

TEST_CASE("parse_hours: the boundaries") {
    SUBCASE("zero, in any form, is not an amount") {
        for (std::string_view text : {"0", "0.00", "0h", "0m", "0:00", "0h0m", ".0"}) {
            CAPTURE(std::string(text));
            CHECK(refusal(text) == HoursInputError::NotPositive);
        }
    }
    SUBCASE("10000 h is the most, in any form") {
        for (std::string_view text : {"10000", "10000.00", "10000h", "600000m", "10000:00", "10000h0m", "9999h60m"}) {
            CAPTURE(std::string(text));
            if (text == "9999h60m") CHECK(refusal(text) == HoursInputError::MinutesOver59);
            else CHECK(centi_of(text) == 1'000'000);
        }
        for (std::string_view text : {"10000.01", "10001", "99999", "600003m", "10000:03", "10000h3m", "10000.5h"}) {
            CAPTURE(std::string(text));
            CHECK(refusal(text) == HoursInputError::TooLarge);
        }
    }
    SUBCASE("digits beyond any count of hours are too large, not malformed") {
        CHECK(refusal("99999999999999999999999999") == HoursInputError::TooLarge);
        CHECK(refusal("99999999999999999999999999m") == HoursInputError::TooLarge);
        CHECK(refusal("1h99999999999999999999999999") == HoursInputError::TooLarge);
    }
    SUBCASE("minutes that are not whole hundredths of an hour") {
        for (std::string_view text : {"1m", "2m", "1h20m", "1h1", "0:01", "0:50", "100m"}) {
            CAPTURE(std::string(text));
            CHECK(refusal(text) == HoursInputError::TooFine);
        }
        CHECK(refusal("2.555") == HoursInputError::TooFine);
        CHECK(refusal("0.001") == HoursInputError::TooFine);
    }
    SUBCASE("minutes past 59 after hours") {
        CHECK(refusal("1:60") == HoursInputError::MinutesOver59);
        CHECK(refusal("1h60m") == HoursInputError::MinutesOver59);
        CHECK(refusal("1h60") == HoursInputError::MinutesOver59);
        CHECK(refusal("0:99") == HoursInputError::MinutesOver59);
    }
    SUBCASE("negative amounts") {
        for (std::string_view text : {"-3", "-2.5", "-0.5", "-0.25", "-1h30m", "-90m", "-1:30", "-99999"}) {
            CAPTURE(std::string(text));
            CHECK(refusal(text) == HoursInputError::NotPositive);
        }
    }
}

TEST_CASE("parse_hours: malformed text") {
    for (std::string_view text :
         {"",      ".",     "3.",   "abc",     "2,5",    "1e2", " 3",     "3 ",      "+3",   "2.5x", "x2.5",
          "2.5.0", "1.-5",  "0x10", "h",       "m",      "1hm", "1h30s",  "1.5h30m", "1.5m", "h30",  ":30",
          "1:5",   "1:300", "1:3a", "1:30:00", "1h30m0", "1 h", "1h 30m", "-",       "-abc", "1mm",  "1hh"}) {
        CAPTURE(std::string(text));
        CHECK(refusal(text) == HoursInputError::Malformed);
    }
}

TEST_CASE("parse_hours: a refused text leaves the output as it was") {
    Hours out = Hours::whole(7);
    CHECK(parse_hours("1h60m", out) != HoursInputError::None);
    CHECK(out == Hours::whole(7));
}

TEST_CASE("describe(HoursInputError)") {
    CHECK(describe(HoursInputError::TooLarge) == "must be at most 10000 h");
    CHECK(describe(HoursInputError::NotPositive) == "must be greater than 0");
    CHECK(describe(HoursInputError::None).empty());
    CHECK(hours_input_forms == "2, 1.5, 1.5h, 1h30m, 1h30, 90m or 1:30");
}
