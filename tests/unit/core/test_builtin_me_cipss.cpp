// The worked example of data/credentials/me-cipss.toml: a Maine CIPSS kept by co-supervision in
// every quarter, 75 h of practice and 2 CE classes a year, each figure computed by hand below.

#include "builtin_fixture.hpp"
#include "status_text.hpp"

using namespace peerctl;
using peerctl::test::Builtins;
using peerctl::test::str;

namespace me_cipss_test {

// ---------------------------------------------------------------------------------------------
// Jo: full CIPSS issued 2025-01-15. The period is 12 months from the issue date (an assumption:
// the anchor was not found): 2025-01-15 .. 2026-01-15, expiry the same day 12 months on.
// Quarters, from the period's start in 3-month steps:
//   Q1 2025-01-15 .. 2025-04-14   (next start 01-15 + 3 months = 04-15)
//   Q2 2025-04-15 .. 2025-07-14
//   Q3 2025-07-15 .. 2025-10-14
//   Q4 2025-10-15 .. 2026-01-15   (01-15 + 12 months = the expiry itself: Q4 reaches it)
// Co-supervision (kind supervision): 02-10 (Q1), 05-12 (Q2), 08-11 (Q3), 11-10 (Q4).
// Practice (work or volunteer): 20 + 20 + 20 + 15 = 75 h, exactly the 75 h asked.
// CE: 2 entries (3 h and 2 h; their hours do not matter), exactly the 2 asked.
// As of 2026-01-10: 5 days left; every requirement met: renewable.
// Without the 08-11 entry: Q3 ended on 2025-10-14 with none, so it is missing, the period is not
// renewable, and the words name it: "no co-supervision 2025-07-15 to 2025-10-14".
// ---------------------------------------------------------------------------------------------
const char* const jo_text = R"(
id = "jo"
name = "Jo Tester"

[credentials.me-cipss]
number = "CIPSS-0001"
issued = 2025-01-15

[[training]]
date = 2024-01-26
hours = 60
title = "Intentional Peer Support core training"

[[exam]]
date = 2024-01-26
result = "passed"

[[experience]]
date = 2025-02-10
hours = 1.5
kind = "supervision"

[[experience]]
date = 2025-03-31
hours = 20
kind = "work"

[[ce]]
date = 2025-04-02
hours = 3
title = "WRAP refresher"

[[experience]]
date = 2025-05-12
hours = 1.5
kind = "supervision"

[[experience]]
date = 2025-06-30
hours = 20
kind = "volunteer"

[[experience]]
date = 2025-08-11
hours = 1.5
kind = "supervision"

[[experience]]
date = 2025-09-30
hours = 20
kind = "work"

[[ce]]
date = 2025-10-08
hours = 2
title = "Trauma-informed peer support"

[[experience]]
date = 2025-11-10
hours = 1.5
kind = "supervision"

[[experience]]
date = 2025-12-31
hours = 15
kind = "work"
)";

TEST_CASE("built-in me-cipss: every quarter covered, 75 h and 2 CE entries: renewable") {
    Builtins b;
    const Record rec = b.record(jo_text);
    const CredentialStatus cs = b.status(rec, "me-cipss", "2026-01-10");
    CHECK(cs.state == State::Active);
    REQUIRE(cs.certification);
    CHECK(cs.certification->level == "full");
    CHECK(str(cs.certification->expires) == "2026-01-15");
    CHECK(cs.certification->days_left == 5);
    REQUIRE(cs.ce);
    CHECK(cs.ce->entries == 2);
    CHECK(cs.ce->entries_required == 2);
    REQUIRE(cs.renewal);
    CHECK(cs.renewal->experience[0].completed.str() == "75");
    const QuarterProgress& q = cs.renewal->each_quarter.at(0);
    REQUIRE(q.quarters.size() == 4);
    CHECK(str(q.quarters[2].start) == "2025-07-15");
    CHECK(str(q.quarters[2].end) == "2025-10-14");
    CHECK(str(q.quarters[3].end) == "2026-01-15");
    for (const auto& c : q.quarters)
        CHECK(c.state == QuarterState::Met);
    CHECK_FALSE(cs.next_level); // full is the top level
    CHECK(cs.renewable);
    CHECK(missing_in_words(cs).empty());
}

TEST_CASE("built-in me-cipss: a quarter with no co-supervision is named, and the period is not renewable") {
    Builtins b;
    std::string text = jo_text;
    const std::string q3 = "[[experience]]\ndate = 2025-08-11\nhours = 1.5\nkind = \"supervision\"\n";
    REQUIRE(text.find(q3) != std::string::npos);
    text.erase(text.find(q3), q3.size());
    const Record rec = b.record(text);
    SUBCASE("while Q3 runs, it is still to do, not missing") {
        const CredentialStatus cs = b.status(rec, "me-cipss", "2025-10-14");
        CHECK(cs.renewal->each_quarter[0].quarters[2].state == QuarterState::Pending);
        CHECK(missing_in_words(cs) == "co-supervision to do by 2025-10-14, co-supervision in 1 more quarter to come, "
                                      "work+volunteer 15 h this period");
    }
    SUBCASE("from the day after Q3, it is missing, and the words say which quarter") {
        const CredentialStatus cs = b.status(rec, "me-cipss", "2026-01-10");
        CHECK(cs.renewal->each_quarter[0].quarters[2].state == QuarterState::Missing);
        CHECK(cs.renewal->experience[0].completed.str() == "75");
        CHECK(cs.ce->met());
        CHECK_FALSE(cs.renewable);
        CHECK(missing_in_words(cs) == "no co-supervision 2025-07-15 to 2025-10-14");
    }
}

// ---------------------------------------------------------------------------------------------
// Sam: provisional, issued 2024-03-08 after the workbook; the last training entry is 2024-01-26,
// so the step up to full is due 2024-01-26 + 12 months = 2025-01-26. The provisional period
// 2024-03-08 .. 2025-03-08 has co-supervision only in its first quarter (2024-03-08 .. 06-07).
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in me-cipss: provisional, the step up to full due a year after training") {
    Builtins b;
    const Record rec = b.record(R"(
id = "sam"
name = "Sam Tester"

[credentials.me-cipss]
issued = 2024-03-08
level = "provisional"

[[training]]
date = 2024-01-26
hours = 60
title = "Intentional Peer Support core training"

[[exam]]
date = 2024-01-26
result = "passed"

[[experience]]
date = 2024-04-01
hours = 1
kind = "supervision"
)");
    SUBCASE("on the due day") {
        const CredentialStatus cs = b.status(rec, "me-cipss", "2025-01-26");
        REQUIRE(cs.next_level);
        CHECK(cs.next_level->level == "full");
        CHECK(str(cs.next_level->due) == "2025-01-26");
        CHECK_FALSE(cs.next_level->met); // Q2 and Q3 missing, Q4 to do, 75 h and 2 CE entries short
        CHECK(cs.problems.empty());
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("the day after") {
        const CredentialStatus cs = b.status(rec, "me-cipss", "2025-01-27");
        REQUIRE(cs.problems.size() == 1);
        CHECK(cs.problems[0] == "the step up to level full was due on 2025-01-26 (12 months after training)");
    }
}

} // namespace me_cipss_test
