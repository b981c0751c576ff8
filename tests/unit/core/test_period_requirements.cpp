// Tests for lib/core/period_requirements.cpp and the [renewal] table in evaluation: experience hours
// within each period, entries in each quarter of it, CE counted in entries, and the step up from a
// level counted from training. Every date is worked out by hand in the comments.

#include "period_requirements.hpp"

#include "evaluation.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::ymd;

namespace period_requirements_test {

// 12 months from the issue date; 2 CE entries; 75 h of work or volunteer practice and a
// supervision entry in every quarter.
const std::string yearly = R"([period]
anchor = "issue-date"
months = 12
[ce]
entries = 2
[renewal]
[[renewal.experience]]
kinds = ["work", "volunteer"]
hours = 75
[[renewal.each_quarter]]
name = "co-supervision"
kinds = ["supervision"]
)";

Record record_with(const std::string& credential, Date issued, std::optional<std::string> level = {}) {
    Record r;
    r.file = "q.toml";
    r.id = "q";
    HeldCredential h;
    h.id = credential;
    h.issued = issued;
    h.level = std::move(level);
    r.credentials.push_back(h);
    return r;
}

void add_experience(Record& r, Date d, Hours h, ExperienceKind kind) {
    ExperienceEntry e;
    e.date = d;
    e.hours = h;
    e.kind = kind;
    r.experience.push_back(e);
}

void add_supervision(Record& r, Date d) { add_experience(r, d, centi(100), ExperienceKind::Supervision); }

void add_ce(Record& r, Date d, Hours h) {
    CeEntry e;
    e.date = d;
    e.hours = h;
    e.title = "class";
    r.ce.push_back(e);
}

CredentialStatus judge(const Credential& c, const Record& rec, Date as_of) {
    CredentialSet set;
    set.add(c);
    SpecialistStatus s = evaluate(rec, set, as_of);
    REQUIRE(s.credentials.size() == 1);
    return s.credentials[0];
}

const QuarterProgress& quarters_of_status(const CredentialStatus& cs) {
    REQUIRE(cs.renewal);
    REQUIRE(cs.renewal->each_quarter.size() == 1);
    return cs.renewal->each_quarter[0];
}

std::vector<int> counts(const QuarterProgress& q) {
    std::vector<int> out;
    for (const auto& c : q.quarters)
        out.push_back(c.counted);
    return out;
}

std::vector<QuarterState> states(const QuarterProgress& q) {
    std::vector<QuarterState> out;
    for (const auto& c : q.quarters)
        out.push_back(c.state);
    return out;
}

TEST_CASE("quarters_of: 3-month steps from the period's start, the last ending at expiry") {
    SUBCASE("a 12-month period from 2025-01-15: four quarters, the last ending on the expiry day") {
        // Starts: 01-15, 04-15, 07-15, 10-15; the next start 2026-01-15 is the expiry itself, so
        // the fourth quarter reaches it instead of leaving a one-day fifth.
        auto q = quarters_of(ymd(2025, 1, 15), ymd(2026, 1, 15));
        REQUIRE(q.size() == 4);
        CHECK(q[0].start == ymd(2025, 1, 15));
        CHECK(q[0].end == ymd(2025, 4, 14));
        CHECK(q[1].start == ymd(2025, 4, 15));
        CHECK(q[1].end == ymd(2025, 7, 14));
        CHECK(q[2].start == ymd(2025, 7, 15));
        CHECK(q[2].end == ymd(2025, 10, 14));
        CHECK(q[3].start == ymd(2025, 10, 15));
        CHECK(q[3].end == ymd(2026, 1, 15));
    }
    SUBCASE("a renewed period, from the day after the last expiry") {
        // 2026-01-16 + 3 = 04-16, + 6 = 07-16, + 9 = 10-16, + 12 = 2027-01-16 after the expiry.
        auto q = quarters_of(ymd(2026, 1, 16), ymd(2027, 1, 15));
        REQUIRE(q.size() == 4);
        CHECK(q[0].end == ymd(2026, 4, 15));
        CHECK(q[3].start == ymd(2026, 10, 16));
        CHECK(q[3].end == ymd(2027, 1, 15));
    }
    SUBCASE("month ends clamp from the period's start, never from the quarter before") {
        // 2025-11-30 + 3 months = 2026-02-30 -> 02-28; + 6 = 05-30 (not 05-28); + 9 = 08-30.
        auto q = quarters_of(ymd(2025, 11, 30), ymd(2026, 11, 30));
        REQUIRE(q.size() == 4);
        CHECK(q[0].end == ymd(2026, 2, 27));
        CHECK(q[1].start == ymd(2026, 2, 28));
        CHECK(q[1].end == ymd(2026, 5, 29));
        CHECK(q[2].start == ymd(2026, 5, 30));
        CHECK(q[2].end == ymd(2026, 8, 29));
        CHECK(q[3].start == ymd(2026, 8, 30));
        CHECK(q[3].end == ymd(2026, 11, 30));
    }
    SUBCASE("a period that is not whole quarters: the last one is short") {
        // 2025-01-01 .. 2025-08-01: 01-01..03-31, 04-01..06-30, then 07-01..08-01.
        auto q = quarters_of(ymd(2025, 1, 1), ymd(2025, 8, 1));
        REQUIRE(q.size() == 3);
        CHECK(q[1].end == ymd(2025, 6, 30));
        CHECK(q[2].start == ymd(2025, 7, 1));
        CHECK(q[2].end == ymd(2025, 8, 1));
    }
    SUBCASE("a period of one quarter or less is one quarter") {
        auto three = quarters_of(ymd(2025, 1, 1), ymd(2025, 4, 1));
        REQUIRE(three.size() == 1);
        CHECK(three[0].end == ymd(2025, 4, 1));
        CHECK(quarters_of(ymd(2025, 1, 1), ymd(2025, 2, 1)).size() == 1);
    }
    SUBCASE("near the calendar's end") {
        auto q = quarters_of(ymd(9999, 1, 1), ymd(9999, 12, 31));
        REQUIRE(q.size() == 4);
        CHECK(q[3].start == ymd(9999, 10, 1));
        CHECK(q[3].end == ymd(9999, 12, 31));
    }
}

TEST_CASE("each quarter: an entry counts in the quarter whose days hold it") {
    const Credential c = test::make_credential("t-quarter", yearly);
    // Issued 2025-01-15: quarters 01-15..04-14, 04-15..07-14, 07-15..10-14, 10-15..2026-01-15.
    Record rec = record_with("t-quarter", ymd(2025, 1, 15));
    add_supervision(rec, ymd(2025, 1, 14)); // the day before the period: no quarter
    add_supervision(rec, ymd(2025, 1, 15)); // the period's first day: quarter 1
    add_supervision(rec, ymd(2025, 4, 14)); // quarter 1's last day
    add_supervision(rec, ymd(2025, 4, 15)); // quarter 2's first day
    add_supervision(rec, ymd(2026, 1, 15)); // the expiry day: quarter 4
    add_supervision(rec, ymd(2026, 1, 16)); // after expiry: no quarter
    const CredentialStatus cs = judge(c, rec, ymd(2026, 1, 15));
    const QuarterProgress& q = quarters_of_status(cs);
    CHECK(q.name == "co-supervision");
    CHECK(counts(q) == std::vector<int>{2, 1, 0, 1});
    CHECK(states(q) == std::vector<QuarterState>{QuarterState::Met, QuarterState::Met, QuarterState::Missing, QuarterState::Met});
    CHECK_FALSE(q.met());
    CHECK_FALSE(cs.renewable);
}

TEST_CASE("each quarter: pending while it runs, missing from the day after it ends") {
    const Credential c = test::make_credential("t-quarter", yearly);
    Record rec = record_with("t-quarter", ymd(2025, 1, 15));
    add_supervision(rec, ymd(2025, 2, 1));
    SUBCASE("as of quarter 2's last day: pending, not missing") {
        const CredentialStatus cs = judge(c, rec, ymd(2025, 7, 14));
        const QuarterProgress& q = quarters_of_status(cs);
        CHECK(states(q) == std::vector<QuarterState>{QuarterState::Met, QuarterState::Pending, QuarterState::Upcoming,
                                                     QuarterState::Upcoming});
    }
    SUBCASE("as of quarter 3's first day: quarter 2 missing, quarter 3 pending") {
        const CredentialStatus cs = judge(c, rec, ymd(2025, 7, 15));
        const QuarterProgress& q = quarters_of_status(cs);
        CHECK(states(q) ==
              std::vector<QuarterState>{QuarterState::Met, QuarterState::Missing, QuarterState::Pending, QuarterState::Upcoming});
        CHECK(q.quarters[1].start == ymd(2025, 4, 15));
        CHECK(q.quarters[1].end == ymd(2025, 7, 14));
    }
    SUBCASE("an entry dated after as-of does not count yet") {
        add_supervision(rec, ymd(2025, 5, 1));
        const CredentialStatus cs = judge(c, rec, ymd(2025, 4, 30));
        const QuarterProgress& q = quarters_of_status(cs);
        CHECK(q.quarters[1].counted == 0);
        CHECK(q.quarters[1].state == QuarterState::Pending);
    }
    SUBCASE("a void entry counts in no quarter") {
        add_supervision(rec, ymd(2025, 5, 1));
        rec.experience.back().voided = VoidMark{"wrong date", std::nullopt};
        CHECK(quarters_of_status(judge(c, rec, ymd(2025, 7, 15))).quarters[1].state == QuarterState::Missing);
    }
    SUBCASE("an entry of another kind does not count") {
        add_experience(rec, ymd(2025, 5, 1), centi(800), ExperienceKind::Work);
        CHECK(quarters_of_status(judge(c, rec, ymd(2025, 7, 15))).quarters[1].state == QuarterState::Missing);
    }
}

TEST_CASE("[renewal]: entries tells why an experience entry outside the period does not count") {
    const Credential c = test::make_credential("t-quarter", yearly);
    Record rec = record_with("t-quarter", ymd(2025, 1, 15)); // period 2025-01-15 .. 2026-01-15
    add_supervision(rec, ymd(2025, 1, 14));
    add_supervision(rec, ymd(2025, 1, 15));
    add_supervision(rec, ymd(2026, 1, 16));
    CredentialSet set;
    set.add(c);
    SpecialistStatus s = evaluate(rec, set, ymd(2026, 1, 20), true);
    std::vector<UseReason> why(3, UseReason::Counts);
    for (const auto& u : s.credentials.at(0).entry_uses)
        if (u.kind == EntryKind::Experience) why.at(u.index) = u.reason;
    CHECK(why == std::vector<UseReason>{UseReason::BeforePeriod, UseReason::Counts, UseReason::AfterPeriod});
}

TEST_CASE("each quarter: entries = 2, one short and exactly enough") {
    const Credential c = test::make_credential("t-two", yearly + "entries = 2\n");
    Record rec = record_with("t-two", ymd(2025, 1, 15));
    add_supervision(rec, ymd(2025, 2, 1));
    SUBCASE("one entry of two: the ended quarter is missing though not empty") {
        const CredentialStatus cs = judge(c, rec, ymd(2025, 4, 15));
        const QuarterProgress& q = quarters_of_status(cs);
        CHECK(q.entries_required == 2);
        CHECK(q.quarters[0].counted == 1);
        CHECK(q.quarters[0].state == QuarterState::Missing);
    }
    SUBCASE("two entries: met") {
        add_supervision(rec, ymd(2025, 4, 14));
        CHECK(quarters_of_status(judge(c, rec, ymd(2025, 4, 15))).quarters[0].state == QuarterState::Met);
    }
}

TEST_CASE("[renewal] experience: hours dated within the period, every period") {
    const Credential c = test::make_credential("t-hours", yearly);
    // Period 2025-01-15 .. 2026-01-15; every quarter covered and 2 CE entries, so only hours decide.
    Record rec = record_with("t-hours", ymd(2025, 1, 15));
    for (Date d : {ymd(2025, 2, 1), ymd(2025, 5, 1), ymd(2025, 8, 1), ymd(2025, 11, 1)})
        add_supervision(rec, d);
    add_ce(rec, ymd(2025, 3, 1), centi(300));
    add_ce(rec, ymd(2025, 9, 1), centi(100));
    add_experience(rec, ymd(2025, 1, 14), centi(1000), ExperienceKind::Work);      // before the period
    add_experience(rec, ymd(2025, 1, 15), centi(4000), ExperienceKind::Work);      // its first day
    add_experience(rec, ymd(2025, 6, 30), centi(3499), ExperienceKind::Volunteer); // 74.99 h so far
    add_experience(rec, ymd(2025, 7, 1), centi(500), ExperienceKind::Supervision); // not practice
    SUBCASE("0.01 h short") {
        const CredentialStatus cs = judge(c, rec, ymd(2026, 1, 15));
        REQUIRE(cs.renewal);
        REQUIRE(cs.renewal->experience.size() == 1);
        CHECK(cs.renewal->experience[0].completed == centi(7499));
        CHECK(cs.renewal->experience[0].required == centi(7500));
        CHECK_FALSE(cs.renewal->met());
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("exactly 75 h, the last on the expiry day: renewable") {
        add_experience(rec, ymd(2026, 1, 15), centi(1), ExperienceKind::Work);
        const CredentialStatus cs = judge(c, rec, ymd(2026, 1, 15));
        CHECK(cs.renewal->experience[0].completed == centi(7500));
        CHECK(cs.renewal->met());
        CHECK(cs.renewable);
    }
    SUBCASE("the next period starts again from nothing") {
        add_experience(rec, ymd(2026, 1, 15), centi(1), ExperienceKind::Work);
        RenewalEntry r;
        r.credential = "t-hours";
        r.date = ymd(2026, 1, 10);
        rec.renewals.push_back(r);
        // Renewed: period 2026-01-16 .. 2027-01-15, nothing in it yet.
        const CredentialStatus cs = judge(c, rec, ymd(2026, 1, 16));
        CHECK(cs.renewal->experience[0].completed == Hours());
        CHECK(quarters_of_status(cs).quarters[0].start == ymd(2026, 1, 16));
        CHECK_FALSE(cs.renewable);
    }
}

TEST_CASE("[ce] entries: CE counted in entries, whatever their hours") {
    const Credential c = test::make_credential("t-ce", "[period]\nanchor = \"issue-date\"\nmonths = 12\n[ce]\nentries = 2\n");
    Record rec = record_with("t-ce", ymd(2025, 1, 15));
    add_ce(rec, ymd(2025, 1, 14), centi(600)); // before the period
    add_ce(rec, ymd(2025, 3, 1), centi(50));
    SUBCASE("one entry short") {
        const CredentialStatus cs = judge(c, rec, ymd(2025, 12, 1));
        REQUIRE(cs.ce);
        CHECK(cs.ce->entries == 1);
        CHECK(cs.ce->entries_required == 2);
        CHECK(cs.ce->required == Hours());
        CHECK_FALSE(cs.ce->met());
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("exactly two") {
        add_ce(rec, ymd(2026, 1, 15), centi(50)); // the expiry day
        const CredentialStatus cs = judge(c, rec, ymd(2026, 1, 15));
        CHECK(cs.ce->entries == 2);
        CHECK(cs.ce->met());
        CHECK(cs.renewable);
    }
    SUBCASE("with hours as well, both must be met") {
        const Credential both =
            test::make_credential("t-ce", "[period]\nanchor = \"issue-date\"\nmonths = 12\n[ce]\nhours = 1\nentries = 2\n");
        add_ce(rec, ymd(2025, 4, 1), centi(40));
        const CredentialStatus cs = judge(both, rec, ymd(2025, 12, 1)); // 2 entries, 0.9 h
        CHECK(cs.ce->entries == 2);
        CHECK_FALSE(cs.ce->met());
    }
}

TEST_CASE("[renewal] follows the rules in force on the period's expiry, and calendar-year periods") {
    SUBCASE("[revision.renewal] replaces the whole table from its date") {
        const Credential c = test::make_credential("t-rev", yearly + R"([[revision]]
effective_from = 2026-01-01
[revision.renewal]
[[revision.renewal.experience]]
kinds = ["work"]
hours = 10
)");
        // Issued 2024-12-31: expires 2025-12-31, judged by the base table (75 h, quarters).
        Record before = record_with("t-rev", ymd(2024, 12, 31));
        const CredentialStatus old = judge(c, before, ymd(2025, 6, 1));
        REQUIRE(old.renewal);
        CHECK(old.renewal->experience[0].required == centi(7500));
        CHECK(old.renewal->each_quarter.size() == 1);
        CHECK_FALSE(old.revision);
        // Issued 2025-01-15: expires 2026-01-15, after the revision: 10 h of work, no quarters.
        Record after = record_with("t-rev", ymd(2025, 1, 15));
        const CredentialStatus now = judge(c, after, ymd(2025, 6, 1));
        REQUIRE(now.renewal);
        CHECK(now.renewal->experience[0].required == centi(1000));
        CHECK(now.renewal->each_quarter.empty());
        CHECK(now.revision == ymd(2026, 1, 1));
    }
    SUBCASE("a calendar-year period's quarters are the calendar's") {
        const Credential c = test::make_credential(
            "t-cal", "[period]\nanchor = \"calendar-year\"\n[renewal]\n[[renewal.each_quarter]]\nname = \"co-supervision\"\n"
                     "kinds = [\"supervision\"]\n");
        // Issued 2025-03-10: the period is 2026-01-01 .. 2026-12-31 (docs/contract.md).
        Record rec = record_with("t-cal", ymd(2025, 3, 10));
        const CredentialStatus cs = judge(c, rec, ymd(2026, 5, 1));
        const QuarterProgress& q = quarters_of_status(cs);
        REQUIRE(q.quarters.size() == 4);
        CHECK(q.quarters[0].start == ymd(2026, 1, 1));
        CHECK(q.quarters[0].end == ymd(2026, 3, 31));
        CHECK(q.quarters[3].start == ymd(2026, 10, 1));
        CHECK(q.quarters[3].end == ymd(2026, 12, 31));
    }
}

TEST_CASE("levels: the step up due months after training, and a level that needs the period met") {
    const Credential c = test::make_credential("t-step", yearly + R"([[level]]
id = "provisional"
months = 12
renewable = false
move_up_within_months_of_training = 12
[[level]]
id = "full"
needs_period_met = true
)");
    // Training entries on 2024-01-10 and 2024-01-26; no [training] total, so the last one ends
    // it: the step up is due 2024-01-26 + 12 months = 2025-01-26.
    Record rec = record_with("t-step", ymd(2024, 3, 8), "provisional");
    for (Date d : {ymd(2024, 1, 10), ymd(2024, 1, 26)}) {
        TrainingEntry t;
        t.date = d;
        t.hours = centi(3000);
        rec.training.push_back(t);
    }
    SUBCASE("on the due day: no problem yet") {
        const CredentialStatus cs = judge(c, rec, ymd(2025, 1, 26));
        REQUIRE(cs.next_level);
        CHECK(cs.next_level->level == "full");
        CHECK(cs.next_level->due == ymd(2025, 1, 26));
        CHECK(cs.problems.empty());
    }
    SUBCASE("the day after: a problem names the date") {
        const CredentialStatus cs = judge(c, rec, ymd(2025, 1, 27));
        REQUIRE(cs.problems.size() == 1);
        CHECK(cs.problems[0] == "the step up to level full was due on 2025-01-26 (12 months after training)");
    }
    SUBCASE("full needs the provisional year's requirements: not met, then met") {
        // The provisional period 2024-03-08 .. 2025-03-08: quarters from 03-08, 06-08, 09-08, 12-08.
        CredentialStatus cs = judge(c, rec, ymd(2024, 12, 1));
        CHECK(cs.next_level->needs_period_met);
        CHECK_FALSE(cs.next_level->period_met);
        CHECK_FALSE(cs.next_level->met);
        for (Date d : {ymd(2024, 3, 8), ymd(2024, 6, 8), ymd(2024, 9, 8), ymd(2024, 12, 8)})
            add_supervision(rec, d);
        add_ce(rec, ymd(2024, 4, 1), centi(200));
        add_ce(rec, ymd(2024, 10, 1), centi(200));
        add_experience(rec, ymd(2024, 12, 20), centi(7500), ExperienceKind::Volunteer);
        cs = judge(c, rec, ymd(2024, 12, 20));
        CHECK(cs.next_level->period_met);
        CHECK(cs.next_level->met);
        CHECK_FALSE(cs.renewable); // provisional is never renewed
    }
}

} // namespace period_requirements_test
