// Tests for lib/store/time_zone.cpp: which date "today" is, and from which zone.

#include "time_zone.hpp"

#include "test_support.hpp"

using namespace peerctl;

namespace {
// 03:00 UTC: still the evening before in the Americas, already morning in Europe.
const std::chrono::sys_seconds instant = date::sys_days{date::year{2026} / 11 / 30} + std::chrono::hours{3};
const Date nov29{date::year{2026}, date::November, date::day{29}};
const Date nov30{date::year{2026}, date::November, date::day{30}};

Date today(TodayInputs in) {
    in.now = instant;
    Today t = decide_today(in);
    REQUIRE_MESSAGE(t.date, t.error);
    return *t.date;
}
} // namespace

TEST_CASE("is_known_zone") {
    CHECK(is_known_zone("America/New_York"));
    CHECK(is_known_zone("Europe/Berlin"));
    CHECK(is_known_zone("UTC"));
    CHECK_FALSE(is_known_zone("Nowhere/Bogus"));
    CHECK_FALSE(is_known_zone(""));
    CHECK_FALSE(is_known_zone("america/new_york"));
}

TEST_CASE("decide_today: --as-of, then the workspace's zone, then TZ") {
    CHECK(today({nov29 + date::years{1}, "Europe/Berlin", "America/New_York", {}}) == nov29 + date::years{1});
    CHECK(today({std::nullopt, "America/New_York", "Europe/Berlin", {}}) == nov29);
    CHECK(today({std::nullopt, "Europe/Berlin", "America/New_York", {}}) == nov30);
    CHECK(today({std::nullopt, std::nullopt, "America/New_York", {}}) == nov29);
    CHECK(today({std::nullopt, std::nullopt, "Europe/Berlin", {}}) == nov30);
    CHECK(today({std::nullopt, std::nullopt, ":Asia/Tokyo", {}}) == nov30);
    CHECK(today({std::nullopt, std::nullopt, "Pacific/Honolulu", {}}) == nov29);
    // glibc's reading of an empty TZ.
    CHECK(today({std::nullopt, std::nullopt, "", {}}) == nov30);
}

TEST_CASE("decide_today: a TZ that names no zone is an error, not UTC") {
    Today t = decide_today({std::nullopt, std::nullopt, "Nowhere/Bogus", instant});
    CHECK_FALSE(t.date);
    CHECK(t.error.find("TZ='Nowhere/Bogus'") != std::string::npos);
    // Not consulted when the workspace or --as-of decides.
    CHECK(decide_today({std::nullopt, "Europe/Berlin", "Nowhere/Bogus", instant}).date == nov30);
    CHECK(decide_today({nov29, std::nullopt, "Nowhere/Bogus", instant}).date == nov29);
}

TEST_CASE("decide_today: without TZ, the machine's zone") {
    Today t = decide_today({std::nullopt, std::nullopt, std::nullopt, instant});
    CHECK(t.date);
    if (t.date) CHECK((*t.date == nov29 || *t.date == nov30));
}
