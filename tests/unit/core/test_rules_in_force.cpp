// Tests for lib/core/rules_in_force.cpp and for how evaluation and the expiry chain choose a
// revision: training, exam and experience by the issue date (as_of while not certified); the
// period, CE and ladder by the period's expiry. Every boundary is tried the day before, on and
// after a revision's effective_from, and every expected figure is worked out in the comments.

#include "rules_in_force.hpp"

#include "evaluation.hpp"
#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::hours;
using peerctl::test::make_credential;
using peerctl::test::status_of;
using peerctl::test::ymd;

namespace {

// Base (from 2020-01-01): 40 h training, exam, 12-month periods, 10 CE h, lapsed the next day.
// 2024-01-01 replaces [ce] only: 20 h with 2 h ethics. 2025-01-01 replaces the ladder only (30
// days' grace, fee 25). 2026-01-01 replaces [training] (60 h) and [exam] (3 attempts at most).
const std::string three_revisions = R"(topics = ["ethics"]
[training]
hours = 40
[exam]
required = true
[period]
anchor = "issue-date"
months = 12
[ce]
hours = 10

[[revision]]
effective_from = 2024-01-01
[revision.ce]
hours = 20
[[revision.ce.minimum]]
topic = "ethics"
hours = 2

[[revision]]
effective_from = 2025-01-01
[[revision.after_expiry]]
days = 30
state = "grace"
fee = 25

[[revision]]
effective_from = 2026-01-01
[revision.training]
hours = 60
[revision.exam]
required = true
max_attempts = 3
)";

Hours ce_hours(const RulesInForce& r) {
    REQUIRE(r.ce);
    return r.ce->hours;
}

HeldCredential held(std::optional<Date> issued, std::optional<Date> expires = {}) {
    HeldCredential h;
    h.id = "r";
    h.issued = issued;
    h.expires = expires;
    if (issued) h.number = "N-1";
    return h;
}

Record holding(HeldCredential h) {
    Record r;
    r.file = "t.toml";
    r.id = "t";
    r.name = "T. Tester";
    r.credentials.push_back(std::move(h));
    return r;
}

} // namespace

TEST_CASE("rules_in_force: each revision from its effective_from, not the day before") {
    const Credential c = make_credential("r", three_revisions);

    SUBCASE("before the first revision, and before the credential itself: the base rules") {
        for (Date d : {ymd(2019, 6, 1), ymd(2020, 1, 1), ymd(2023, 12, 31)}) {
            RulesInForce r = rules_in_force(c, d);
            CHECK(r.revision == nullptr);
            CHECK_FALSE(r.since());
            CHECK(ce_hours(r) == hours(10));
            CHECK(r.after_expiry->empty());
            REQUIRE(r.training);
            CHECK(r.training->hours == hours(40));
            CHECK(r.period == &c.period);
        }
    }
    SUBCASE("on and after 2024-01-01: the new [ce], every other table still the base's") {
        for (Date d : {ymd(2024, 1, 1), ymd(2024, 1, 2), ymd(2024, 12, 31)}) {
            RulesInForce r = rules_in_force(c, d);
            CHECK(r.since() == ymd(2024, 1, 1));
            CHECK(ce_hours(r) == hours(20));
            REQUIRE(r.ce->minimums.size() == 1);
            CHECK(r.after_expiry->empty());
            CHECK(r.training->hours == hours(40));
            CHECK_FALSE(r.exam->max_attempts);
        }
    }
    SUBCASE("a revision replacing only the ladder keeps the [ce] of the revision before it") {
        RulesInForce r = rules_in_force(c, ymd(2025, 1, 1));
        CHECK(r.since() == ymd(2025, 1, 1));
        CHECK(r.period_since() == ymd(2025, 1, 1));
        CHECK_FALSE(r.initial_since());  // no revision in force replaced training, experience or exam
        CHECK(ce_hours(r) == hours(20)); // from 2024-01-01, not the base's 10
        REQUIRE(r.after_expiry->size() == 1);
        CHECK(r.after_expiry->at(0).days == 30);
        CHECK(r.training->hours == hours(40));
    }
    SUBCASE("the last revision: training and exam replaced, CE and ladder inherited") {
        CHECK(rules_in_force(c, ymd(2025, 12, 31)).training->hours == hours(40));
        for (Date d : {ymd(2026, 1, 1), ymd(2026, 1, 2), ymd(9999, 12, 31)}) {
            RulesInForce r = rules_in_force(c, d);
            CHECK(r.since() == ymd(2026, 1, 1));
            CHECK(r.initial_since() == ymd(2026, 1, 1));
            CHECK(r.period_since() == ymd(2025, 1, 1)); // the last to replace CE or the ladder
            CHECK(r.training->hours == hours(60));
            CHECK(r.exam->max_attempts == 3);
            CHECK(ce_hours(r) == hours(20));
            CHECK(r.after_expiry->size() == 1);
        }
    }
}

TEST_CASE("rules_in_force: an empty array of tables ends what it replaces") {
    const Credential c = make_credential("r", R"([period]
anchor = "issue-date"
months = 12
[[experience]]
kinds = ["work"]
hours = 500
[[after_expiry]]
months = 6
state = "grace"
[[revision]]
effective_from = 2022-04-01
experience = []
after_expiry = []
)");
    CHECK(rules_in_force(c, ymd(2022, 3, 31)).experience->size() == 1);
    CHECK(rules_in_force(c, ymd(2022, 3, 31)).after_expiry->size() == 1);
    CHECK(rules_in_force(c, ymd(2022, 4, 1)).experience->empty());
    CHECK(rules_in_force(c, ymd(2022, 4, 1)).after_expiry->empty());
}

TEST_CASE("training and exam: by the rules in force on the issue date") {
    const Credential c = make_credential("r", three_revisions);
    Record rec = holding(held(std::nullopt));
    for (int i = 0; i < 5; ++i) { // 5 x 10 h = 50 h: enough for 40 h, not for 60 h
        TrainingEntry t;
        t.date = ymd(2025, 3, 1 + static_cast<unsigned>(i));
        t.hours = hours(10);
        rec.training.push_back(t);
    }

    SUBCASE("not certified: the rules in force on the as-of date") {
        CHECK(status_of(c, rec, ymd(2025, 12, 31)).training->required == hours(40));
        CHECK(status_of(c, rec, ymd(2025, 12, 31)).training->met);
        // The revisions in force (2024, 2025) replaced CE and the ladder, not what judged this.
        CHECK_FALSE(status_of(c, rec, ymd(2025, 12, 31)).revision);
        CHECK(status_of(c, rec, ymd(2026, 1, 1)).training->required == hours(60));
        CHECK_FALSE(status_of(c, rec, ymd(2026, 1, 1)).training->met);
        CHECK(status_of(c, rec, ymd(2026, 1, 1)).revision == ymd(2026, 1, 1));
        CHECK(status_of(c, rec, ymd(2026, 1, 2)).exam->attempts_left == 3);
    }
    SUBCASE("certified: the issue date, not the as-of date, chooses") {
        // Issued the day before, on and after the 60 h revision; all judged on 2026-06-01.
        CHECK(status_of(c, holding(held(ymd(2025, 12, 31))), ymd(2026, 6, 1)).training->required == hours(40));
        CHECK_FALSE(status_of(c, holding(held(ymd(2025, 12, 31))), ymd(2026, 6, 1)).exam->attempts_left);
        CHECK(status_of(c, holding(held(ymd(2026, 1, 1))), ymd(2026, 6, 1)).training->required == hours(60));
        CHECK(status_of(c, holding(held(ymd(2026, 1, 2))), ymd(2026, 6, 1)).training->required == hours(60));
        CHECK(status_of(c, holding(held(ymd(2026, 1, 2))), ymd(2026, 6, 1)).exam->attempts_left == 3);
    }
}

TEST_CASE("CE and the ladder: by the rules in force on the period's expiry") {
    const Credential c = make_credential("r", three_revisions);

    SUBCASE("a period expiring the day before, on and after the CE revision of 2024-01-01") {
        // Issued 2022-12-31, 12 months: expires 2023-12-31, a day before: 10 h.
        CHECK(status_of(c, holding(held(ymd(2022, 12, 31))), ymd(2023, 6, 1)).ce->required == hours(10));
        CHECK_FALSE(status_of(c, holding(held(ymd(2022, 12, 31))), ymd(2023, 6, 1)).revision);
        // Issued 2023-01-01: expires 2024-01-01, the revision's first day: 20 h and the ethics
        // minimum, although the whole period but its last day ran under the base rules.
        CredentialStatus on = status_of(c, holding(held(ymd(2023, 1, 1))), ymd(2023, 6, 1));
        CHECK(on.ce->required == hours(20));
        CHECK(on.ce->requirements.size() == 1);
        CHECK(on.revision == ymd(2024, 1, 1));
        // Issued 2023-01-02: expires 2024-01-02: 20 h.
        CHECK(status_of(c, holding(held(ymd(2023, 1, 2))), ymd(2023, 6, 1)).ce->required == hours(20));
    }
    SUBCASE("a period expiring the day before, on and after the ladder of 2025-01-01") {
        // Expires 2024-12-31 under rules with no ladder: lapsed on 2025-01-01, the next day.
        CredentialStatus before = status_of(c, holding(held(ymd(2023, 12, 31))), ymd(2025, 1, 1));
        CHECK(before.state == State::Lapsed);
        CHECK(before.revision == ymd(2024, 1, 1));
        // Expires 2025-01-01: 30 days' grace to 2025-01-31, fee 25.
        CredentialStatus on = status_of(c, holding(held(ymd(2024, 1, 1))), ymd(2025, 1, 31));
        CHECK(on.state == State::Grace);
        CHECK(on.certification->grace_until == ymd(2025, 1, 31));
        CHECK(on.certification->late_fee_cents == 2500);
        CHECK(on.revision == ymd(2025, 1, 1));
        CHECK(status_of(c, holding(held(ymd(2024, 1, 1))), ymd(2025, 2, 1)).state == State::Lapsed);
        // Expires 2025-01-02: grace to 2025-02-01.
        CHECK(status_of(c, holding(held(ymd(2024, 1, 2))), ymd(2025, 2, 1)).state == State::Grace);
    }
    SUBCASE("after a renewal, the new period's expiry chooses again") {
        Record rec = holding(held(ymd(2023, 6, 1))); // expires 2024-06-01 (20 h), renewed to 2025-06-01
        RenewalEntry r;
        r.credential = "r";
        r.date = ymd(2024, 5, 1);
        rec.renewals.push_back(r);
        CredentialStatus s = status_of(c, rec, ymd(2025, 6, 2));
        CHECK(s.certification->expires == ymd(2025, 6, 1));
        CHECK(s.state == State::Grace); // the 2025 ladder judges a period ending 2025-06-01
        CHECK(s.revision == ymd(2025, 1, 1));
    }
}

TEST_CASE("carry-over: the period before is counted by its own rules") {
    // Base: 10 h a period, up to 5 h carried over. From 2021-01-01: 20 h, the same carry-over.
    const Credential c = make_credential("r", R"([period]
anchor = "issue-date"
months = 12
[ce]
hours = 10
carry_over_max = 5
[[revision]]
effective_from = 2021-01-01
[revision.ce]
hours = 20
carry_over_max = 5
)");
    Record rec = holding(held(ymd(2019, 12, 31))); // expires 2020-12-31 (base), renewed to 2021-12-31 (revised)
    RenewalEntry r;
    r.credential = "r";
    r.date = ymd(2020, 12, 1);
    rec.renewals.push_back(r);
    CeEntry e;
    e.date = ymd(2020, 6, 1);
    e.hours = hours(13); // 3 h over the base's 10 h; over 20 h it would be no surplus at all
    e.title = "course";
    rec.ce.push_back(e);
    CredentialStatus s = status_of(c, rec, ymd(2021, 6, 1));
    CHECK(s.ce->required == hours(20));
    CHECK(s.ce->carried_over == hours(3));
    CHECK(s.ce->counted == hours(3));
}

TEST_CASE("a revised period length: the latest [period] whose own expiry falls in its time") {
    // 24 months from the issue date; from 2026-01-01, 12 months.
    const Credential shorter = make_credential("r", R"([period]
anchor = "issue-date"
months = 24
[[revision]]
effective_from = 2026-01-01
[revision.period]
anchor = "issue-date"
months = 12
)");
    // Issued 2024-12-31: 12 months would end 2025-12-31, before the revision: 24 months, 2026-12-31.
    CHECK(nth_expiry(shorter, held(ymd(2024, 12, 31)), 0) == ymd(2026, 12, 31));
    // Issued 2025-01-01: 12 months end 2026-01-01, on the revision's first day: 12 months.
    CHECK(nth_expiry(shorter, held(ymd(2025, 1, 1)), 0) == ymd(2026, 1, 1));
    // Issued 2025-01-02: 2026-01-02.
    CHECK(nth_expiry(shorter, held(ymd(2025, 1, 2)), 0) == ymd(2026, 1, 2));
    // Issued 2023-01-01: 24 months end 2025-01-01; renewals then run 12 months each, counted
    // from the issue date (24, 36, 48 months): 2026-01-01, 2027-01-01.
    CHECK(nth_expiry(shorter, held(ymd(2023, 1, 1)), 1) == ymd(2026, 1, 1)); // 12 months, ends on the revision's day
    CHECK(nth_expiry(shorter, held(ymd(2023, 1, 2)), 1) == ymd(2026, 1, 2));
    // Issued 2022-12-31: 24 months to 2024-12-31; then 12 more would end 2025-12-31, before the
    // revision, so the base's 24: 48 months from the issue date, 2026-12-31.
    CHECK(nth_expiry(shorter, held(ymd(2022, 12, 31)), 1) == ymd(2026, 12, 31));
    CHECK(nth_expiry(shorter, held(ymd(2023, 1, 1)), 5) == ymd(2030, 1, 1));
    CHECK(nth_expiry(shorter, held(ymd(2023, 1, 1)), 1000000000) == std::nullopt);
}
