// Tests for lib/core/deadline.cpp: the first action date of a certification, and the `late` state
// it goes with, at each boundary (docs/contract.md, "Days and deadlines").

#include "deadline.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

namespace doctest {
template <>
struct StringMaker<Deadline> {
    static String convert(const Deadline& d) { return (to_string(d.date) + " " + to_string(d.kind)).c_str(); }
};
} // namespace doctest

namespace {

// 36 months from 2023-04-01: expires 2026-04-01, submit by 45 days before (2026-02-15: 2026-04-01
// less 31 days is 2026-03-01, less 14 more is 2026-02-15).
const std::string submit_rule = "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 28\nsubmit_before_days = 45\n";
// Grace for 30 days after the expiry: to 2026-05-01, inclusive.
const std::string grace_ladder = "[[after_expiry]]\ndays = 30\nstate = \"grace\"\n";

CredentialStatus status_on(const std::string& rule, Date as_of) {
    CredentialSet set;
    set.add(test::make_credential("t-dl", rule));
    Record rec;
    rec.file = "t.toml";
    rec.id = "t";
    rec.name = "T. Tester";
    HeldCredential held;
    held.id = "t-dl";
    held.issued = ymd(2023, 4, 1);
    rec.credentials = {held};
    SpecialistStatus s = evaluate(rec, set, as_of);
    REQUIRE(s.credentials.size() == 1);
    REQUIRE(s.credentials[0].certification);
    return s.credentials[0];
}

Deadline deadline_on(const std::string& rule, Date as_of) {
    CredentialStatus cs = status_on(rule, as_of);
    std::optional<Deadline> d = first_action_date(*cs.certification, cs.state);
    REQUIRE(d);
    return *d;
}

} // namespace

TEST_CASE("deadline kinds: one word each, in the enum's order") {
    CHECK(to_string(DeadlineKind::SubmitBy) == "submit-by");
    CHECK(to_string(DeadlineKind::Expiry) == "expiry");
    CHECK(to_string(DeadlineKind::GraceEnd) == "grace-end");
    CHECK(deadline_kind_names().size() == 3);
}

TEST_CASE("late and the first action date at the boundaries of a submit-by date") {
    const std::string rule = submit_rule + grace_ladder;
    const Deadline submit{ymd(2026, 2, 15), DeadlineKind::SubmitBy};
    SUBCASE("the day before submit-by: active, the submit-by date a day away") {
        CHECK(status_on(rule, ymd(2026, 2, 14)).state == State::Active);
        CHECK(deadline_on(rule, ymd(2026, 2, 14)) == submit);
    }
    SUBCASE("on submit-by: still active") {
        CHECK(status_on(rule, ymd(2026, 2, 15)).state == State::Active);
        CHECK(deadline_on(rule, ymd(2026, 2, 15)) == submit);
    }
    SUBCASE("the day after: late, the deadline still the submit-by date (overdue)") {
        CHECK(status_on(rule, ymd(2026, 2, 16)).state == State::Late);
        CHECK(deadline_on(rule, ymd(2026, 2, 16)) == submit);
    }
    SUBCASE("on the expiry: late") {
        CredentialStatus cs = status_on(rule, ymd(2026, 4, 1));
        CHECK(cs.state == State::Late);
        CHECK(cs.certification->days_left == 0);
        CHECK(first_action_date(*cs.certification, cs.state) == submit);
    }
    SUBCASE("the day after the expiry: grace, the deadline its end") {
        CHECK(status_on(rule, ymd(2026, 4, 2)).state == State::Grace);
        CHECK(deadline_on(rule, ymd(2026, 4, 2)) == Deadline{ymd(2026, 5, 1), DeadlineKind::GraceEnd});
        CHECK(deadline_on(rule, ymd(2026, 5, 1)) == Deadline{ymd(2026, 5, 1), DeadlineKind::GraceEnd});
    }
    SUBCASE("past the grace: lapsed, the deadline the expiry") {
        CHECK(status_on(rule, ymd(2026, 5, 2)).state == State::Lapsed);
        CHECK(deadline_on(rule, ymd(2026, 5, 2)) == Deadline{ymd(2026, 4, 1), DeadlineKind::Expiry});
    }
    SUBCASE("with no ladder: lapsed the day after the expiry") {
        CHECK(status_on(submit_rule, ymd(2026, 4, 1)).state == State::Late);
        CHECK(status_on(submit_rule, ymd(2026, 4, 2)).state == State::Lapsed);
        CHECK(deadline_on(submit_rule, ymd(2026, 4, 2)) == Deadline{ymd(2026, 4, 1), DeadlineKind::Expiry});
    }
}

TEST_CASE("without a submit-by date: never late, the deadline the expiry") {
    const std::string rule = "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 28\n";
    const Deadline expiry{ymd(2026, 4, 1), DeadlineKind::Expiry};
    for (Date d : {ymd(2026, 2, 16), ymd(2026, 3, 31), ymd(2026, 4, 1)}) {
        CAPTURE(to_string(d));
        CHECK(status_on(rule, d).state == State::Active);
        CHECK(deadline_on(rule, d) == expiry);
    }
    CHECK(status_on(rule, ymd(2026, 4, 2)).state == State::Lapsed);
}

TEST_CASE("first_action_date reads the certification's dates by state") {
    Certification c;
    c.expires = ymd(2026, 4, 1);
    CHECK(first_action_date(c, State::Active) == Deadline{ymd(2026, 4, 1), DeadlineKind::Expiry});
    c.submit_by = ymd(2026, 2, 15);
    CHECK(first_action_date(c, State::Active) == Deadline{ymd(2026, 2, 15), DeadlineKind::SubmitBy});
    CHECK(first_action_date(c, State::Late) == Deadline{ymd(2026, 2, 15), DeadlineKind::SubmitBy});
    CHECK(first_action_date(c, State::Lapsed) == Deadline{ymd(2026, 4, 1), DeadlineKind::Expiry});
    c.grace_until = ymd(2026, 5, 1);
    CHECK(first_action_date(c, State::Grace) == Deadline{ymd(2026, 5, 1), DeadlineKind::GraceEnd});
}
