// Worked examples for the corrections of the 2026-11 audit of the built-in credentials, against
// the REAL rule files in data/credentials: each rule that changed at a date is tried on both sides
// of it, and each figure is worked out by hand in the comments. Every case here but the last two
// of ct-rss failed before the files carried their revisions (today's rules judged every period).
//
// Select them with: unit_tests -tc='*built-in*'

#include "builtin_fixture.hpp"

#include <string>

namespace {

using namespace peerctl;
using namespace peerctl::test;

bool mentions(const CredentialStatus& cs, std::string_view text) {
    return std::any_of(cs.problems.begin(), cs.problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

} // namespace

// ---------------------------------------------------------------------------------------------
// pa-cps: 24 months from the issue date. PCB's 6-month late window ($75) is in force from
// 2026-01-01 and is chosen by the period's expiry date; before it, lapsed the day after expiry.
//   issued 2023-12-31 -> expires 2025-12-31: the base rules -> lapsed on 2026-01-01
//   issued 2024-01-01 -> expires 2026-01-01: the 2026 rules -> grace to 2026-01-01 + 6 months
//                        = 2026-07-01, fee 75; lapsed on 2026-07-02
//   issued 2024-01-02 -> expires 2026-01-02: grace to 2026-07-02
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in pa-cps: the 2026 late window judges periods expiring from 2026-01-01, not 2025 lapses") {
    Builtins b;
    auto holder = [&](std::string_view issued) {
        return b.record(
            "id = \"pa\"\nname = \"P. A.\"\n[credentials.pa-cps]\nnumber = \"CPS-1\"\nissued = " + std::string(issued) + "\n");
    };
    SUBCASE("expired 2025-12-31, the day before: lapsed the next day") {
        CredentialStatus cs = b.status(holder("2023-12-31"), "pa-cps", "2026-01-01");
        CHECK(str(cs.certification->expires) == "2025-12-31");
        CHECK(cs.state == State::Lapsed);
        CHECK_FALSE(cs.certification->grace_until);
        CHECK_FALSE(cs.revision);
    }
    SUBCASE("expired 2026-01-01, on the revision's day: 6 months to recertify, $75") {
        CredentialStatus cs = b.status(holder("2024-01-01"), "pa-cps", "2026-07-01");
        CHECK(str(cs.certification->expires) == "2026-01-01");
        CHECK(cs.state == State::Grace);
        CHECK(str(cs.certification->grace_until) == "2026-07-01");
        CHECK(cs.certification->late_fee_cents == 7500);
        CHECK(str(cs.revision) == "2026-01-01");
        CHECK(b.status(holder("2024-01-01"), "pa-cps", "2026-07-02").state == State::Lapsed);
    }
    SUBCASE("expired 2026-01-02, the day after: grace to 2026-07-02") {
        CredentialStatus cs = b.status(holder("2024-01-02"), "pa-cps", "2026-07-02");
        CHECK(cs.state == State::Grace);
        CHECK(str(cs.certification->grace_until) == "2026-07-02");
    }
}

// ---------------------------------------------------------------------------------------------
// ga-cps: calendar years from the January after issue; 12 CE h a year. GMHCN's provider rule
// (6 h from GMHCN) and yearly ethics entry are in force from 2023-01-01, by the period's expiry.
// Issued 2021-06-01: first period 2022-01-01 .. 2022-12-31; renewed on 2022-12-15 for 2023.
//   2022: 12 h from NAMI Georgia, no ethics: the base rules ask only 12 h -> renewable
//   2023: 12 h from NAMI Georgia, no ethics: 12 of 12 h, ethics 0 of 1 entry, GMHCN 0 of 6 h
//         -> not renewable, judged by the 2023-01-01 revision
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in ga-cps: the GMHCN-provider and ethics rules judge 2023 onward, not 2022") {
    Builtins b;
    Record rec = b.record(R"(
id = "ga"
name = "G. A."
[credentials.ga-cps]
number = "CPS-22"
issued = 2021-06-01

[[ce]]
date = 2022-03-01
hours = 12
title = "WRAP facilitation"
provider = "NAMI Georgia"
topics = ["peer-support"]

[[renewal]]
date = 2022-12-15

[[ce]]
date = 2023-05-01
hours = 12
title = "Whole health action management"
provider = "NAMI Georgia"
topics = ["peer-support"]
)");
    SUBCASE("2022, before the rules: 12 h from any provider meet it") {
        Record before = rec;
        before.renewals.clear();
        CredentialStatus cs = b.status(before, "ga-cps", "2022-12-31");
        CHECK(str(cs.certification->expires) == "2022-12-31");
        CHECK(cs.ce->counted.str() == "12");
        CHECK(cs.ce->requirements.empty());
        CHECK(cs.renewable);
        CHECK_FALSE(cs.revision);
    }
    SUBCASE("2023, under the rules: the same 12 h miss the ethics entry and 6 h from GMHCN") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2023-12-31");
        CHECK(str(cs.certification->expires) == "2023-12-31");
        CHECK(str(cs.ce->window_start) == "2023-01-01");
        CHECK(cs.ce->counted.str() == "12");
        REQUIRE(cs.ce->requirements.size() == 2);
        CHECK(cs.ce->requirements[0].entries_counted == 0);
        CHECK(cs.ce->requirements[1].counted.str() == "0");
        CHECK(cs.ce->requirements[1].required.str() == "6");
        CHECK_FALSE(cs.renewable);
        CHECK(str(cs.revision) == "2023-01-01");
    }
}

// ---------------------------------------------------------------------------------------------
// icrc-pr: no attempt limit (IC&RC states none; the 4 was one board's per-application window).
// Five failed attempts, each 91+ days after the last, then a pass: 6 attempts, no problem.
//   2024-01-10, 2024-04-15 (96 days), 2024-07-20 (96), 2024-10-21 (93), 2025-01-21 (92),
//   2025-04-22 (91, passed)
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in icrc-pr: a sixth attempt is no problem, and no attempts are counted down") {
    Builtins b;
    std::string text = "id = \"ic\"\nname = \"I. C.\"\n[credentials.icrc-pr]\n";
    for (const char* d : {"2024-01-10", "2024-04-15", "2024-07-20", "2024-10-21", "2025-01-21"})
        text += std::string("[[exam]]\ndate = ") + d + "\nresult = \"failed\"\n";
    text += "[[exam]]\ndate = 2025-04-22\nresult = \"passed\"\n";
    CredentialStatus cs = b.status(b.record(text), "icrc-pr", "2025-11-23");
    REQUIRE(cs.exam);
    CHECK(cs.exam->attempts == 6);
    CHECK(cs.exam->passed);
    CHECK_FALSE(cs.exam->attempts_left);
    CHECK(cs.problems.empty());
}

// ---------------------------------------------------------------------------------------------
// ny-crpa: 46 h (10/10/10/16) from 2020-10-01; 50 h with 4 h MSR, and no ethics minimum, from
// 2022-04-01, chosen by the issue date (as_of while pursued).
// ---------------------------------------------------------------------------------------------
namespace {

const std::string ny_experience = R"(
[[experience]]
date = 2020-09-30
hours = 500
kind = "work"
[[experience]]
date = 2020-09-30
hours = 25
kind = "supervision"
[[exam]]
date = 2020-12-01
result = "passed"
)";

// 46 h, 10 in each of three domains and 16 in ethics: the older IC&RC split.
const std::string ny_46 = R"(
[[training]]
date = 2020-06-01
hours = 10
domain = "advocacy"
title = "Advocacy"
[[training]]
date = 2020-06-02
hours = 10
domain = "mentoring-education"
title = "Mentoring"
[[training]]
date = 2020-06-03
hours = 10
domain = "recovery-wellness"
title = "Recovery and wellness"
[[training]]
date = 2020-06-04
hours = 16
domain = "ethics"
title = "Ethical responsibility"
)";

} // namespace

TEST_CASE("built-in ny-crpa: 46 h before 2022-04-01, 50 h with 4 h MSR and no ethics minimum from it") {
    Builtins b;
    SUBCASE("certified 2021-06-01 with the 46 h: training met, by the rules of its issue date") {
        Record rec = b.record("id = \"ny\"\nname = \"N. Y.\"\n[credentials.ny-crpa]\nnumber = \"C-1\"\nissued = 2021-06-01\n" +
                              ny_46 + ny_experience);
        CredentialStatus cs = b.status(rec, "ny-crpa", "2023-01-01");
        CHECK(cs.training->required.str() == "46");
        CHECK(cs.training->met);
        CHECK_FALSE(cs.revision);
    }
    SUBCASE("pursued with the 46 h: eligible on 2022-03-31, short of 50 h and MSR on 2022-04-01") {
        Record rec = b.record("id = \"ny\"\nname = \"N. Y.\"\n[credentials.ny-crpa]\n" + ny_46 + ny_experience);
        CHECK(b.status(rec, "ny-crpa", "2022-03-31").state == State::Eligible);
        CredentialStatus on = b.status(rec, "ny-crpa", "2022-04-01");
        CHECK(on.state == State::InTraining);
        CHECK(on.training->required.str() == "50");
        CHECK(on.training->completed.str() == "46"); // of 50
        REQUIRE(on.training->domains.size() == 1);
        CHECK(on.training->domains[0].domain == "medication-supported-recovery");
        CHECK(on.training->domains[0].completed.str() == "0");
        CHECK(str(on.revision) == "2022-04-01");
    }
    SUBCASE("pursued with 46 h of other approved training and 4 h MSR, no ethics hours: eligible") {
        Record rec = b.record(R"(id = "ny"
name = "N. Y."
[credentials.ny-crpa]
[[training]]
date = 2023-02-01
hours = 46
title = "NYCB-approved peer advocate course"
[[training]]
date = 2023-02-08
hours = 4
domain = "medication-supported-recovery"
title = "Medication-supported recovery"
)" + ny_experience);
        CredentialStatus cs = b.status(rec, "ny-crpa", "2023-03-01");
        CHECK(cs.training->completed.str() == "50");
        CHECK(cs.training->met);
        CHECK(cs.state == State::Eligible);
    }
}

// ---------------------------------------------------------------------------------------------
// ct-rss: no new certifications after 2026-05-31 (the CPSRP from 2026-06-01); holders keep their
// status. Issued 2024-04-01: 36 months -> expires 2027-04-01, active on 2026-11-23, no problem.
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in ct-rss: effective_to ends new certifications, not the status of holders") {
    Builtins b;
    auto rec = [&](std::string_view held) {
        return b.record("id = \"ct\"\nname = \"C. T.\"\n[credentials.ct-rss]\n" + std::string(held));
    };
    SUBCASE("issued after 2026-05-31: a problem") {
        CredentialStatus cs = b.status(rec("number = \"R-2\"\nissued = 2026-06-15\n"), "ct-rss", "2026-11-23");
        CHECK(cs.state == State::Active);
        CHECK(mentions(cs, "issued on 2026-06-15, after ct-rss stopped new certifications on 2026-05-31"));
    }
    SUBCASE("still pursued on 2026-06-01, the day after: a problem; on 2026-05-31: none") {
        CHECK(mentions(b.status(rec(""), "ct-rss", "2026-06-01"), "ct-rss stopped new certifications on 2026-05-31"));
        CHECK(b.status(rec(""), "ct-rss", "2026-05-31").problems.empty());
    }
    SUBCASE("issued 2024-04-01: active, no problem") {
        CredentialStatus cs = b.status(rec("number = \"R-1\"\nissued = 2024-04-01\n"), "ct-rss", "2026-11-23");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->expires) == "2027-04-01");
        CHECK(cs.problems.empty());
    }
}
