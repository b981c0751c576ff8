// Tests for the period anchors, level renewal limits and the submission window (lib/core/
// expiry_chain.cpp and evaluation.cpp): birthday, first-of-issue-month and none anchors,
// `max_renewals`, `submit_from_days` and `late_fee`, each at the day before, on and after the
// dates they compute. Every expected date is worked out by hand in the comments.

#include "deadline.hpp"
#include "evaluation.hpp"
#include "expiry_chain.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::status_of;
using peerctl::test::ymd;

namespace period_anchors_test {

const MonthDay april17{4, 17};
const MonthDay leap_day{2, 29};

HeldCredential issued_on(std::string id, Date issued, std::optional<std::string> level = {}) {
    HeldCredential h;
    h.id = std::move(id);
    h.issued = issued;
    h.level = std::move(level);
    return h;
}

Record one_record(HeldCredential held, std::optional<MonthDay> birthday = {}) {
    Record r;
    r.file = "t.toml";
    r.id = "t";
    r.name = "T. Tester";
    r.birthday = birthday;
    r.credentials = {std::move(held)};
    return r;
}

RenewalEntry renewal_on(std::string credential, Date d) {
    RenewalEntry r;
    r.credential = std::move(credential);
    r.date = d;
    return r;
}

const std::string birthday24 = "[period]\nanchor = \"birthday\"\nmonths = 24\n";

TEST_CASE("birthday: the first expiry is the last birthday within the period, later ones birthday to birthday") {
    Credential c = test::make_credential("t-bday", birthday24);
    auto first = [&](Date issued, MonthDay b) { return nth_expiry(c, issued_on("t-bday", issued), 0, b); };
    SUBCASE("the day before the birthday: the birthday a year on, 12 months and a day") {
        // 2025-04-16 is before 2025's birthday (04-17): 2025 + 2 - 1 = 2026
        CHECK(first(ymd(2025, 4, 16), april17) == ymd(2026, 4, 17));
    }
    SUBCASE("on the birthday: the whole 24 months") { CHECK(first(ymd(2025, 4, 17), april17) == ymd(2027, 4, 17)); }
    SUBCASE("the day after: 24 months less a day") { CHECK(first(ymd(2025, 4, 18), april17) == ymd(2027, 4, 17)); }
    SUBCASE("issued in September: a short first period of 19 months, then 24 each") {
        HeldCredential h = issued_on("t-bday", ymd(2025, 9, 10));
        CHECK(nth_expiry(c, h, 0, april17) == ymd(2027, 4, 17));
        CHECK(nth_expiry(c, h, 1, april17) == ymd(2029, 4, 17));
        CHECK(nth_expiry(c, h, 2, april17) == ymd(2031, 4, 17));
    }
    SUBCASE("February 29: on the 28th in common years, the 29th in leap years") {
        HeldCredential h = issued_on("t-bday", ymd(2024, 2, 29)); // on the birthday, in a leap year
        CHECK(nth_expiry(c, h, 0, leap_day) == ymd(2026, 2, 28));
        CHECK(nth_expiry(c, h, 1, leap_day) == ymd(2028, 2, 29)); // not 2028-02-28: no drift
        CHECK(nth_expiry(c, h, 2, leap_day) == ymd(2030, 2, 28));
        // 2025's birthday falls on 02-28: the 28th is on it, the 27th before it, March 1 after
        CHECK(first(ymd(2025, 2, 28), leap_day) == ymd(2027, 2, 28));
        CHECK(first(ymd(2025, 2, 27), leap_day) == ymd(2026, 2, 28));
        CHECK(first(ymd(2026, 3, 1), leap_day) == ymd(2028, 2, 29));
    }
    SUBCASE("12 months: the next birthday (on the birthday, a year on)") {
        Credential yearly = test::make_credential("t-bday12", "[period]\nanchor = \"birthday\"\nmonths = 12\n");
        CHECK(nth_expiry(yearly, issued_on("t-bday12", ymd(2025, 4, 16)), 0, april17) == ymd(2025, 4, 17));
        CHECK(nth_expiry(yearly, issued_on("t-bday12", ymd(2025, 4, 17)), 0, april17) == ymd(2026, 4, 17));
        // 2027's birthday is 02-28; 2028's is 02-29
        CHECK(nth_expiry(yearly, issued_on("t-bday12", ymd(2027, 2, 28)), 0, leap_day) == ymd(2028, 2, 29));
    }
    SUBCASE("without a birthday: no expiry, and the chain says why") {
        CHECK_FALSE(nth_expiry(c, issued_on("t-bday", ymd(2025, 9, 10)), 0));
        HeldCredential h = issued_on("t-bday", ymd(2025, 9, 10));
        CHECK(expiry_chain(c, h, {}).fault == ChainFault::NoBirthday);
        CredentialStatus cs = status_of(c, one_record(h), ymd(2026, 1, 1));
        CHECK_FALSE(cs.certification);
        REQUIRE(cs.problems.size() == 1);
        CHECK(cs.problems[0] ==
              "the expiry of t-bday cannot be computed: it expires on the holder's birthday and the record has no 'birthday'");
    }
    SUBCASE("an expiry printed on the certificate: later periods birthday to birthday from it") {
        HeldCredential h = issued_on("t-bday", ymd(2024, 3, 1));
        h.expires = ymd(2026, 2, 28);
        CHECK(nth_expiry(c, h, 1, leap_day) == ymd(2028, 2, 29));
    }
}

TEST_CASE("birthday: a level's own months count from the issue date") {
    Credential c = test::make_credential("t-trainee", birthday24 + "[[level]]\nid = \"trainee\"\nmonths = 12\n"
                                                                   "max_renewals = 4\n[[level]]\nid = \"full\"\n");
    HeldCredential trainee = issued_on("t-trainee", ymd(2025, 9, 10), "trainee");
    CHECK(nth_expiry(c, trainee, 0, april17) == ymd(2026, 9, 10));
    CHECK(nth_expiry(c, trainee, 1, april17) == ymd(2027, 9, 10));
    // No birthday needed while the level's months count.
    CHECK(nth_expiry(c, trainee, 0) == ymd(2026, 9, 10));
    CHECK(nth_expiry(c, issued_on("t-trainee", ymd(2025, 9, 10), "full"), 0, april17) == ymd(2027, 4, 17));
}

TEST_CASE("birthday: the state at the day before, on and after the first expiry") {
    Credential c = test::make_credential("t-bday", birthday24);
    Record rec = one_record(issued_on("t-bday", ymd(2025, 9, 10)), april17); // expires 2027-04-17
    CHECK(status_of(c, rec, ymd(2027, 4, 16)).certification->days_left == 1);
    CHECK(status_of(c, rec, ymd(2027, 4, 17)).state == State::Active);
    CHECK(status_of(c, rec, ymd(2027, 4, 17)).certification->days_left == 0);
    CHECK(status_of(c, rec, ymd(2027, 4, 18)).state == State::Lapsed);
}

TEST_CASE("first-of-issue-month: the period ends on the 1st of the month of issue, months later") {
    Credential c = test::make_credential("t-first", "[period]\nanchor = \"first-of-issue-month\"\nmonths = 24\n");
    auto first = [&](Date issued) { return nth_expiry(c, issued_on("t-first", issued), 0); };
    CHECK(first(ymd(2025, 3, 1)) == ymd(2027, 3, 1));
    CHECK(first(ymd(2025, 3, 17)) == ymd(2027, 3, 1));
    CHECK(first(ymd(2025, 3, 31)) == ymd(2027, 3, 1)); // a month's last day: still the 1st, no clamping
    CHECK(first(ymd(2024, 2, 29)) == ymd(2026, 2, 1));
    CHECK(nth_expiry(c, issued_on("t-first", ymd(2025, 3, 17)), 1) == ymd(2029, 3, 1));
    SUBCASE("one month from the 31st: a period of one day") {
        Credential monthly = test::make_credential("t-first1", "[period]\nanchor = \"first-of-issue-month\"\nmonths = 1\n");
        CHECK(nth_expiry(monthly, issued_on("t-first1", ymd(2025, 1, 31)), 0) == ymd(2025, 2, 1));
        CHECK(nth_expiry(monthly, issued_on("t-first1", ymd(2025, 1, 31)), 1) == ymd(2025, 3, 1));
    }
    SUBCASE("the day before, on and after the expiry; the CE window from the issue date") {
        Credential with_ce = test::make_credential("t-first-ce", "[period]\nanchor = \"first-of-issue-month\"\nmonths = 24\n"
                                                                 "[ce]\nhours = 2\n");
        Record rec = one_record(issued_on("t-first-ce", ymd(2025, 3, 17)));
        CredentialStatus before = status_of(with_ce, rec, ymd(2027, 2, 28));
        CHECK(before.certification->days_left == 1);
        CHECK(before.ce->window_start == ymd(2025, 3, 17));
        CHECK(before.ce->window_end == ymd(2027, 3, 1));
        CHECK(status_of(with_ce, rec, ymd(2027, 3, 1)).state == State::Active);
        CHECK(status_of(with_ce, rec, ymd(2027, 3, 2)).state == State::Lapsed);
    }
}

TEST_CASE("none: valid from the issue date on, never due") {
    Credential c = test::make_credential("t-none", "[period]\nanchor = \"none\"\n");
    Record rec = one_record(issued_on("t-none", ymd(2019, 6, 1)));
    for (Date as_of : {ymd(2019, 6, 1), ymd(2026, 11, 23), ymd(9999, 12, 31)}) {
        CredentialStatus cs = status_of(c, rec, as_of);
        CHECK(cs.state == State::Active);
        REQUIRE(cs.certification);
        CHECK_FALSE(cs.certification->expires);
        CHECK_FALSE(cs.certification->days_left);
        CHECK_FALSE(first_action_date(*cs.certification, cs.state));
        CHECK(cs.renewable);
    }
    CHECK(status_of(c, rec, ymd(2019, 5, 31)).state == State::Eligible);
    CHECK(expiry_chain(c, rec.credentials[0], {}).fault == ChainFault::NeverExpires);
}

TEST_CASE("max_renewals: renewable until the level has been renewed that many times") {
    // initial: 6 months, renewable once. Issued 2026-01-10: expires 2026-07-10; renewed on
    // 2026-07-01, one more 6-month period: 2027-01-10.
    Credential c = test::make_credential("t-tx", "[period]\nanchor = \"issue-date\"\nmonths = 24\n[[level]]\nid = \"initial\"\n"
                                                 "months = 6\nmax_renewals = 1\n[[level]]\nid = \"full\"\n");
    HeldCredential h = issued_on("t-tx", ymd(2026, 1, 10), "initial");
    Record rec = one_record(h);
    rec.renewals = {renewal_on("t-tx", ymd(2026, 7, 1))};
    CredentialStatus before = status_of(c, rec, ymd(2026, 6, 30));
    CHECK(before.certification->renewals == 0);
    CHECK(before.certification->expires == ymd(2026, 7, 10));
    CHECK(before.renewable);
    CredentialStatus on = status_of(c, rec, ymd(2026, 7, 1));
    CHECK(on.certification->renewals == 1);
    CHECK(on.certification->expires == ymd(2027, 1, 10));
    CHECK_FALSE(on.renewable);
    REQUIRE(on.next_level);
    CHECK(on.next_level->level == "full");
    SUBCASE("renewable = false is max_renewals = 0") {
        Credential never = test::make_credential("t-tx0", "[period]\nanchor = \"issue-date\"\nmonths = 24\n[[level]]\n"
                                                          "id = \"initial\"\nmonths = 6\nrenewable = false\n");
        REQUIRE(never.levels[0].max_renewals == 0);
        CHECK_FALSE(status_of(never, one_record(issued_on("t-tx0", ymd(2026, 1, 10), "initial")), ymd(2026, 2, 1)).renewable);
    }
    SUBCASE("four times: renewable after 3, not after 4") {
        Credential four = test::make_credential("t-wa", "[period]\nanchor = \"issue-date\"\nmonths = 24\n[[level]]\n"
                                                        "id = \"trainee\"\nmonths = 12\nmax_renewals = 4\n");
        Record r4 = one_record(issued_on("t-wa", ymd(2020, 1, 1), "trainee"));
        for (int y = 2021; y <= 2024; ++y)
            r4.renewals.push_back(renewal_on("t-wa", ymd(y, 1, 1)));
        CredentialStatus three = status_of(four, r4, ymd(2023, 6, 1)); // renewed 2021, 2022, 2023
        CHECK(three.certification->renewals == 3);
        CHECK(three.certification->expires == ymd(2024, 1, 1)); // 4 periods of 12 months
        CHECK(three.renewable);
        CredentialStatus all = status_of(four, r4, ymd(2024, 6, 1));
        CHECK(all.certification->renewals == 4);
        CHECK(all.certification->expires == ymd(2025, 1, 1));
        CHECK_FALSE(all.renewable);
    }
}

TEST_CASE("submit_from_days and late_fee: the window's first day and the fee owed when late") {
    // 36 months from 2023-12-01: expires 2026-12-01. Submit by 45 days before: 2026-10-17 (Dec 1
    // less 30 is Nov 1, less 15 more is Oct 17). Opens 120 days before: 2026-08-03 (Nov 1, Oct 1,
    // Sep 1 are 30, 61, 91 days before; 29 more is Aug 3).
    Credential c = test::make_credential("t-ny", "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 4\n"
                                                 "submit_from_days = 120\nsubmit_before_days = 45\nlate_fee = 25\n"
                                                 "[[after_expiry]]\ndays = 30\nstate = \"grace\"\nfee = 75\n");
    Record rec = one_record(issued_on("t-ny", ymd(2023, 12, 1)));
    auto on = [&](Date d) { return status_of(c, rec, d); };
    CHECK(on(ymd(2026, 8, 2)).certification->submit_from == ymd(2026, 8, 3));
    CHECK(on(ymd(2026, 8, 2)).certification->submit_by == ymd(2026, 10, 17));
    SUBCASE("on the submit-by date: active, no fee") {
        CHECK(on(ymd(2026, 10, 17)).state == State::Active);
        CHECK_FALSE(on(ymd(2026, 10, 17)).certification->late_fee_cents);
    }
    SUBCASE("the day after: late, the fee owed") {
        CHECK(on(ymd(2026, 10, 18)).state == State::Late);
        CHECK(on(ymd(2026, 10, 18)).certification->late_fee_cents == 2500);
    }
    SUBCASE("on the expiry: late, the fee owed") { CHECK(on(ymd(2026, 12, 1)).certification->late_fee_cents == 2500); }
    SUBCASE("the day after the expiry: grace, the rung's fee") {
        CHECK(on(ymd(2026, 12, 2)).state == State::Grace);
        CHECK(on(ymd(2026, 12, 2)).certification->late_fee_cents == 7500);
    }
}

TEST_CASE("late_fee and submit_from_days from a revision in force on the expiry") {
    // The revision from 2026-01-01 judges the period expiring 2026-12-01: its fee (30), its window
    // (60 days before: 2026-10-02, Dec 1 less 30 is Nov 1, less 30 more is Oct 2).
    Credential c = test::make_credential("t-rev", "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 4\n"
                                                  "submit_before_days = 45\nlate_fee = 25\n[[revision]]\n"
                                                  "effective_from = 2026-01-01\n[revision.ce]\nhours = 4\n"
                                                  "submit_before_days = 45\nsubmit_from_days = 60\nlate_fee = 30\n");
    Record rec = one_record(issued_on("t-rev", ymd(2023, 12, 1)));
    CredentialStatus cs = status_of(c, rec, ymd(2026, 10, 18));
    CHECK(cs.state == State::Late);
    CHECK(cs.certification->late_fee_cents == 3000);
    CHECK(cs.certification->submit_from == ymd(2026, 10, 2));
}

} // namespace period_anchors_test
