// The worked examples of data/credentials/tx-mhps.toml and tx-rsps.toml: the Texas peer
// specialist rules (6-month initial level with 250 h of supervised work, renewable once, then 24
// months; 20 CE h with 3 h ethics; 6 months' grace, then a $50 penalty to 12 months), each figure
// by hand below.

#include "builtin_fixture.hpp"
#include "status_text.hpp"

#include <string>

using namespace peerctl;
using peerctl::test::Builtins;
using peerctl::test::replaced;
using peerctl::test::str;
using peerctl::test::topic_minimum;
using peerctl::test::with_ce;

namespace builtin_texas_test {

// ---------------------------------------------------------------------------------------------
// Robin: MHPS, certified directly at the 2-year level (the default level, "full"), 2024-05-31.
//   expiry    = 2024-05-31 + 24 months = 2026-05-31
//   CE window = 2024-05-31 .. 2026-05-31
// Training: core 19.5 + MHPS supplemental 40 = 59.5 of 59.5, both domain minimums met.
// CE:                                            total   ethics (>= 3)
//   2024-05-30  2     ethics, day before window   out
//   2024-05-31  6     peer-support, first day       6
//   2025-01-20  2     ethics                        8       2
//   2025-06-10  8     recovery-wellness            16
//   2025-11-05  0.99  ethics                       16.99    2.99
//   2026-02-14  3.01  peer-support                 20
// -> total 20 of 20 met, ethics 2.99 of 3: 0.01 h short -> not renewable.
// With 0.01 h more ethics on 2026-05-20: 20.01 and 3 -> renewable.
// After expiry:
//   2026-06-01: grace to 2026-05-31 + 6 months = 2026-11-31 -> clamped to 2026-11-30, fee 0
//   2026-12-01: the second rung, to 2026-05-31 + 12 months = 2027-05-31, fee $50
//   2027-06-01: past the ladder: lapsed
// Had Robin been issued the initial level on 2024-05-31 and renewed it on 2024-11-20:
//   first expiry  = 2024-05-31 + 6 months  = 2024-11-31 -> clamped to 2024-11-30
//   second expiry = 2024-05-31 + 12 months = 2025-05-31 (counted from the issue date: no drift
//   to the 30th); renewed 1 of the 1 time allowed, so the initial level is not renewable again.
// ---------------------------------------------------------------------------------------------
const char* const robin_text = R"(
id = "robin"
name = "Robin Tester"

[credentials.tx-mhps]
number = "MHPS-1001"
issued = 2024-05-31

[[training]]
date = 2024-01-10
hours = 19.5
domain = "peer-specialist-core"
title = "Peer specialist core training"

[[training]]
date = 2024-02-05
hours = 40
domain = "mhps-supplemental"
title = "MHPS supplemental training"

[[ce]]
date = 2024-05-30
hours = 2
title = "Ethics refresher"
topics = ["ethics"]

[[ce]]
date = 2024-05-31
hours = 6
title = "Sharing recovery stories"
topics = ["peer-support"]

[[ce]]
date = 2025-01-20
hours = 2
title = "Boundaries and dual relationships"
topics = ["ethics"]

[[ce]]
date = 2025-06-10
hours = 8
title = "Wellness recovery action planning"
topics = ["recovery-wellness"]

[[ce]]
date = 2025-11-05
hours = 0.99
title = "Confidentiality in peer work"
topics = ["ethics"]

[[ce]]
date = 2026-02-14
hours = 3.01
title = "Motivational interviewing"
topics = ["peer-support"]
)";

TEST_CASE("built-in tx-mhps: 24 months, 20 CE h with 3 h ethics, 6 months' grace then a $50 penalty to 12 months") {
    Builtins b;
    const Record rec = b.record(robin_text);
    SUBCASE("training: 19.5 h core and 40 h supplemental; no exam") {
        const CredentialStatus cs = b.status(rec, "tx-mhps", "2026-05-01");
        REQUIRE(cs.training);
        CHECK(cs.training->required.str() == "59.5");
        CHECK(cs.training->completed.str() == "59.5");
        CHECK(cs.training->met);
        REQUIRE(cs.training->domains.size() == 2);
        CHECK(cs.training->domains[0].completed.str() == "19.5");
        CHECK(cs.training->domains[1].completed.str() == "40");
        CHECK_FALSE(cs.exam);
        REQUIRE(cs.certification);
        CHECK(cs.certification->level == "full");
        CHECK_FALSE(cs.next_level);
    }
    SUBCASE("2026-05-01: 30 days left; 20 h met but ethics 0.01 h short: not renewable") {
        const CredentialStatus cs = b.status(rec, "tx-mhps", "2026-05-01");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->expires) == "2026-05-31");
        CHECK(cs.certification->days_left == 30);
        CHECK_FALSE(cs.certification->submit_by);
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2024-05-31");
        CHECK(str(cs.ce->window_end) == "2026-05-31");
        CHECK(cs.ce->counted.str() == "20");
        CHECK(cs.ce->remaining().str() == "0");
        CHECK(topic_minimum(*cs.ce, "ethics").required.str() == "3");
        CHECK(topic_minimum(*cs.ce, "ethics").counted.str() == "2.99");
        CHECK_FALSE(topic_minimum(*cs.ce, "ethics").met());
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("0.01 h more ethics: renewable on the day of expiry, still active") {
        const Record more = b.record(with_ce(robin_text, "2026-05-20", "0.01", "ethics"));
        const CredentialStatus cs = b.status(more, "tx-mhps", "2026-05-31");
        CHECK(cs.state == State::Active);
        CHECK(cs.certification->days_left == 0);
        CHECK(cs.ce->counted.str() == "20.01");
        CHECK(topic_minimum(*cs.ce, "ethics").counted.str() == "3");
        CHECK(cs.renewable);
    }
    SUBCASE("the day after expiry: grace to 2026-11-30 (Nov 31 clamped), no fee") {
        const CredentialStatus cs = b.status(rec, "tx-mhps", "2026-06-01");
        CHECK(cs.state == State::Grace);
        CHECK(cs.certification->days_left == -1);
        CHECK(str(cs.certification->grace_until) == "2026-11-30");
        CHECK(cs.certification->late_fee_cents == 0);
        CHECK(str(b.status(rec, "tx-mhps", "2026-11-30").certification->grace_until) == "2026-11-30");
    }
    SUBCASE("more than 6 months late: the $50 penalty, to 2027-05-31") {
        for (const char* day : {"2026-12-01", "2027-05-31"}) {
            CAPTURE(day);
            const CredentialStatus cs = b.status(rec, "tx-mhps", day);
            CHECK(cs.state == State::Grace);
            CHECK(str(cs.certification->grace_until) == "2027-05-31");
            CHECK(cs.certification->late_fee_cents == 5000);
        }
    }
    SUBCASE("more than 12 months late: lapsed (reinstatement is not modelled)") {
        const CredentialStatus cs = b.status(rec, "tx-mhps", "2027-06-01");
        CHECK(cs.state == State::Lapsed);
        CHECK_FALSE(cs.certification->grace_until);
        CHECK_FALSE(cs.certification->late_fee_cents);
    }
    SUBCASE("an initial certificate renewed once: 6 more months, then not renewable at that level") {
        const Record initial =
            b.record(replaced(robin_text, "issued = 2024-05-31\n", "issued = 2024-05-31\nlevel = \"initial\"\n") +
                     "\n[[renewal]]\ndate = 2024-11-20\n");
        const CredentialStatus before = b.status(initial, "tx-mhps", "2024-11-19");
        CHECK(str(before.certification->expires) == "2024-11-30");
        CHECK(before.certification->renewals == 0);
        CHECK(level_limit_in_words(before).empty());
        const CredentialStatus after = b.status(initial, "tx-mhps", "2025-05-01");
        CHECK(after.certification->level == "initial");
        CHECK(after.certification->renewals == 1);
        CHECK(str(after.certification->expires) == "2025-05-31");
        CHECK(level_limit_in_words(after) == "level initial renewed 1 of 1 times: move up to full by 2025-05-31");
    }
}

// ---------------------------------------------------------------------------------------------
// Casey: RSPS, initial certification issued 2025-03-10 (level "initial", 6 months).
//   expiry = 2025-03-10 + 6 months = 2025-09-10
// Training: core 19.5 + RSPS supplemental 40 = 59.5.
// Experience toward the 2-year level (250 h of `work`; receiving supervision and volunteer hours
// do not count):
//   2025-04-30  120     work         120
//   2025-05-15   30     supervision  -
//   2025-06-30  100     volunteer    -
//   2025-08-29  129.99  work         249.99  -> 0.01 h short of 250: the step up is not met
// With 0.01 h more work on 2025-09-05: 250 -> met.
// The one extension (max_renewals = 1): a renewal granted 2025-09-02, another 6 months of the
//   level: 2025-03-10 + 12 months = 2026-03-10, with or without the certificate's `expires`;
//   as of 2025-12-01, days left = 30 (to Dec 31) + 1 + 31 (Jan) + 28 (Feb) + 9 = 99.
// With 20 CE h (3 ethics) in each period, the only thing that stops a second renewal is the
// limit (periods 2025-03-10 .. 2025-09-10 and 2025-09-11 .. 2026-03-10):
//                                                          first period    second period
//   2025-06-02  17  peer-support                               17
//   2025-07-15   3  ethics                                     20 (3)
//   2025-11-04  17  peer-support                                               17
//   2026-01-13   3  ethics                                                     20 (3)
//   as of 2025-09-01 (renewed 0 of 1 times): renewable
//   as of 2026-03-01 (renewed 1 of 1 times): CE met, not renewable: move up to full by
//   2026-03-10 (249.99 h of work, the step up still 0.01 h short)
// ---------------------------------------------------------------------------------------------
const char* const casey_text = R"(
id = "casey"
name = "Casey Tester"

[credentials.tx-rsps]
issued = 2025-03-10
level = "initial"

[[training]]
date = 2025-01-14
hours = 19.5
domain = "peer-specialist-core"
title = "Peer specialist core training"

[[training]]
date = 2025-02-07
hours = 40
domain = "rsps-supplemental"
title = "RSPS supplemental training"

[[experience]]
date = 2025-04-30
hours = 120
kind = "work"

[[experience]]
date = 2025-05-15
hours = 30
kind = "supervision"

[[experience]]
date = 2025-06-30
hours = 100
kind = "volunteer"

[[experience]]
date = 2025-08-29
hours = 129.99
kind = "work"
)";

TEST_CASE("built-in tx-rsps: the 6-month initial level, 250 h of work to step up, one extension") {
    Builtins b;
    const Record rec = b.record(casey_text);
    SUBCASE("on the initial expiry: 249.99 h of work, 0.01 h short of the 2-year level") {
        const CredentialStatus cs = b.status(rec, "tx-rsps", "2025-09-10");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.certification);
        CHECK(cs.certification->level == "initial");
        CHECK(str(cs.certification->expires) == "2025-09-10");
        CHECK(cs.certification->days_left == 0);
        REQUIRE(cs.training);
        CHECK(cs.training->completed.str() == "59.5");
        CHECK(cs.training->met);
        REQUIRE(cs.next_level);
        CHECK(cs.next_level->level == "full");
        REQUIRE(cs.next_level->experience.size() == 1);
        CHECK(cs.next_level->experience[0].required.str() == "250");
        CHECK(cs.next_level->experience[0].completed.str() == "249.99");
        CHECK_FALSE(cs.next_level->met);
    }
    SUBCASE("0.01 h more work: the step up is met") {
        const Record more =
            b.record(std::string(casey_text) + "\n[[experience]]\ndate = 2025-09-05\nhours = 0.01\nkind = \"work\"\n");
        const CredentialStatus cs = b.status(more, "tx-rsps", "2025-09-10");
        CHECK(cs.next_level->experience[0].completed.str() == "250");
        CHECK(cs.next_level->met);
    }
    SUBCASE("the day after: the ladder applies to the initial level too (grace to 2026-03-10)") {
        const CredentialStatus cs = b.status(rec, "tx-rsps", "2025-09-11");
        CHECK(cs.state == State::Grace);
        CHECK(str(cs.certification->grace_until) == "2026-03-10");
    }
    SUBCASE("extended once on 2025-09-02: expires 2026-03-10, 99 days left on 2025-12-01") {
        for (const char* renewal :
             {"\n[[renewal]]\ndate = 2025-09-02\nexpires = 2026-03-10\n", "\n[[renewal]]\ndate = 2025-09-02\n"}) {
            CAPTURE(renewal);
            const CredentialStatus cs = b.status(b.record(std::string(casey_text) + renewal), "tx-rsps", "2025-12-01");
            CHECK(cs.state == State::Active);
            CHECK(cs.certification->level == "initial");
            CHECK(cs.certification->renewals == 1);
            CHECK(str(cs.certification->expires) == "2026-03-10");
            CHECK(cs.certification->days_left == 99);
        }
    }
    SUBCASE("renewable at the first initial expiry, not at the second: renewed 1 of 1 times") {
        std::string text = std::string(casey_text) + "\n[[renewal]]\ndate = 2025-09-02\n";
        text = with_ce(with_ce(text, "2025-06-02", "17", "peer-support"), "2025-07-15", "3", "ethics");
        text = with_ce(with_ce(text, "2025-11-04", "17", "peer-support"), "2026-01-13", "3", "ethics");
        const Record rec2 = b.record(text);
        const CredentialStatus first = b.status(rec2, "tx-rsps", "2025-09-01");
        CHECK(first.certification->renewals == 0);
        CHECK(first.ce->counted.str() == "20");
        CHECK(first.renewable);
        const CredentialStatus second = b.status(rec2, "tx-rsps", "2026-03-01");
        CHECK(second.certification->renewals == 1);
        CHECK(str(second.certification->expires) == "2026-03-10");
        CHECK(str(second.ce->window_start) == "2025-09-11"); // the day after the first expiry
        CHECK(second.ce->counted.str() == "20");
        CHECK(topic_minimum(*second.ce, "ethics").met());
        CHECK_FALSE(second.renewable);
        REQUIRE(second.next_level);
        CHECK_FALSE(second.next_level->met);
        CHECK(level_limit_in_words(second) == "level initial renewed 1 of 1 times: move up to full by 2026-03-10");
    }
}

} // namespace builtin_texas_test
