// Tests for lib/core/day_hours.cpp: training and CE hours on one date, void entries left out.

#include "day_hours.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

namespace {
TrainingEntry training(Date d, std::int64_t hours, std::uint32_t line) {
    TrainingEntry e;
    e.date = d;
    e.hours = Hours::whole(hours);
    e.pos = {line, 1};
    return e;
}
CeEntry ce(Date d, std::int64_t centi, std::uint32_t line) {
    CeEntry e;
    e.date = d;
    e.hours = Hours::from_centi(centi);
    e.pos = {line, 1};
    return e;
}
} // namespace

TEST_CASE("overfull_days adds training and CE of one date") {
    Record r;
    r.file = "specialists/x.toml";
    r.training = {training(ymd(2025, 7, 1), 20, 3), training(ymd(2025, 7, 2), 24, 8)};
    r.ce = {ce(ymd(2025, 7, 1), 400, 13), ce(ymd(2025, 7, 1), 1, 18)};
    SUBCASE("exactly 24 h is a day; 24.01 h is not, named at the entry that goes past") {
        auto days = overfull_days(r);
        REQUIRE(days.size() == 1);
        CHECK(days[0].date == ymd(2025, 7, 1));
        CHECK(days[0].total == Hours::from_centi(2401));
        CHECK(days[0].kind == EntryKind::Ce);
        CHECK(days[0].pos.line == 18);
        CHECK(describe(days[0]) == "training and CE on 2025-07-01 add up to 24.01 h, more than the 24 h a day holds");
        Diagnostics diags;
        warn_overfull_days(r, diags);
        REQUIRE(diags.items().size() == 1);
        CHECK(diags.items()[0].severity == Severity::Warning);
        CHECK(diags.items()[0].pos.line == 18);
    }
    SUBCASE("a void entry counts toward nothing, here too") {
        r.ce[1].voided = VoidMark{};
        CHECK(overfull_days(r).empty());
    }
    SUBCASE("one entry alone past 24 h") {
        r.training[1].hours = Hours::whole(80);
        auto days = overfull_days(r);
        REQUIRE(days.size() == 2);
        CHECK(days[1].date == ymd(2025, 7, 2));
        CHECK(days[1].kind == EntryKind::Training);
        CHECK(days[1].pos.line == 8);
    }
}
