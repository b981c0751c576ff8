// Tests for lib/report/report_layout_team.cpp: the CE cell of the renewals table, in hours or, for
// a credential that counts CE in entries alone, in entries.

#include "report_layout.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::centi;

TEST_CASE("ce_progress_cell: hours, or entries where the period counts entries alone") {
    CeProgress ce;
    ce.required = centi(6000);
    ce.counted = centi(2500);
    ce.entries = 1;
    SUBCASE("hours") {
        Cell c = ce_progress_cell(ce);
        CHECK(c.text == "25 / 60 h");
        REQUIRE(c.progress);
        CHECK(c.progress->first == centi(2500));
    }
    SUBCASE("hours and entries: the hours") {
        ce.entries_required = 2;
        CHECK(ce_progress_cell(ce).text == "25 / 60 h");
    }
    SUBCASE("entries alone (me-cipss: 2 CE classes a year)") {
        ce.required = Hours();
        ce.entries_required = 2;
        Cell c = ce_progress_cell(ce);
        CHECK(c.text == "1 / 2 entries");
        REQUIRE(c.progress);
        CHECK(c.progress->first == centi(100));
        CHECK(c.progress->second == centi(200));
    }
}
