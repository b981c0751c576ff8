// Tests for [[ce.minimum]] over_months in lib/core/evaluation.cpp: a topic minimum counted over
// the months that end on the period's expiry, across periods (Washington: 3 h of suicide
// prevention every 6 years). The window runs from the expiry minus the months (that day included)
// to the expiry; it is judged only once the holder was certified on or before its first day.

#include "evaluation.hpp"

#include "test_support.hpp"

#include <algorithm>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::ymd;

namespace ce_over_months_test {

const std::string wa_rule = R"(topics = ["suicide-prevention", "ethics"]
[period]
anchor = "issue-date"
months = 24
[ce]
hours = 4
min_entry_hours = 0.5
[[ce.minimum]]
topic = "suicide-prevention"
hours = 3
over_months = 72
[[ce.minimum]]
topic = "ethics"
entries = 2
over_months = 48
)";

CeEntry sp(Date d, std::int64_t centi_hours, std::string topic = "suicide-prevention") {
    return test::ce_entry(d, centi(centi_hours), {std::move(topic)});
}

RenewalEntry renewed(Date d) {
    RenewalEntry e;
    e.credential = "wa";
    e.date = d;
    return e;
}

// Certified on `issued`, renewed on each of `renewals`.
Record wa_holder(Date issued, std::vector<Date> renewals, std::vector<CeEntry> ce, std::optional<Date> expires = {}) {
    Record r = test::holder("wa", issued, std::nullopt, expires);
    for (Date d : renewals)
        r.renewals.push_back(renewed(d));
    r.ce = std::move(ce);
    return r;
}

CredentialStatus wa_status(const Record& rec, Date as_of) {
    CredentialSet set;
    set.add(test::make_credential("wa", wa_rule));
    SpecialistStatus s = evaluate(rec, set, as_of, true);
    REQUIRE(s.credentials.size() == 1);
    REQUIRE(s.credentials[0].ce);
    REQUIRE(s.credentials[0].ce->requirements.size() == 2);
    return s.credentials[0];
}

UseReason ce_use(const CredentialStatus& cs, std::size_t index) { return test::use_of_entry(cs, EntryKind::Ce, index).reason; }

// Issued 2019-01-01; expiries 2021-01-01, 2023-01-01, 2025-01-01, 2027-01-01. Three renewals make
// the current period 2025-01-02 .. 2027-01-01; 72 months before its expiry is 2021-01-01, after
// the issue date, so the minimum is judged over 2021-01-01 .. 2027-01-01.
const std::vector<Date> three_renewals = {ymd(2020, 12, 1), ymd(2022, 12, 1), ymd(2024, 12, 1)};

TEST_CASE("over_months: the window's edges, across periods") {
    Record r = wa_holder(ymd(2019, 1, 1), three_renewals,
                         {sp(ymd(2020, 12, 31), 300), // the day before the window: not counted
                          sp(ymd(2021, 1, 1), 100),   // its first day (in the first period): counted
                          sp(ymd(2021, 1, 2), 100),   // the day after: counted
                          sp(ymd(2027, 1, 1), 50),    // the expiry: counted
                          sp(ymd(2027, 1, 2), 300)}); // the day after the expiry: not counted
    CredentialStatus cs = wa_status(r, ymd(2027, 1, 2));
    const RequirementProgress& m = cs.ce->requirements[0];
    CHECK(m.over_months == 72);
    CHECK(m.judged);
    CHECK(m.window_start == ymd(2021, 1, 1));
    CHECK(m.counted == centi(250));            // 1 + 1 + 0.5
    CHECK_FALSE(m.met());                      // 2.5 of 3
    CHECK(cs.ce->hours_to_go() == centi(350)); // the total: 0.5 h in the period of the 4
    CHECK(ce_use(cs, 0) == UseReason::BeforePeriod);
    CHECK(ce_use(cs, 1) == UseReason::Counts); // before the period, but it counts here
    CHECK(ce_use(cs, 2) == UseReason::Counts);
    CHECK(ce_use(cs, 3) == UseReason::Counts);
    CHECK(ce_use(cs, 4) == UseReason::AfterPeriod);
    // The period's own total took only the entry on the expiry.
    CHECK(cs.ce->counted == centi(50));
}

TEST_CASE("over_months: 0.5 h more within the window meets it") {
    Record r = wa_holder(ymd(2019, 1, 1), three_renewals,
                         {sp(ymd(2021, 1, 1), 100), sp(ymd(2022, 6, 1), 100), sp(ymd(2026, 6, 1), 100)});
    CHECK(wa_status(r, ymd(2026, 12, 1)).ce->requirements[0].met()); // 3 of 3
}

TEST_CASE("over_months: entries the credential does not take count for nothing here too") {
    // 0.49 h is under min_entry_hours = 0.5: not counted, before the period or in it.
    Record r =
        wa_holder(ymd(2019, 1, 1), three_renewals, {sp(ymd(2022, 6, 1), 49), sp(ymd(2022, 6, 2), 50), sp(ymd(2025, 6, 1), 49)});
    CredentialStatus cs = wa_status(r, ymd(2026, 12, 1));
    CHECK(cs.ce->requirements[0].counted == centi(50));
    CHECK(ce_use(cs, 0) == UseReason::BeforePeriod); // the first reason found stands
    CHECK(ce_use(cs, 1) == UseReason::Counts);
    CHECK(ce_use(cs, 2) == UseReason::TooShort);
}

TEST_CASE("over_months: judged only once the holder has held the credential that long") {
    SUBCASE("second period: certified less than 72 months before its expiry, not judged") {
        // One renewal: the period 2021-01-02 .. 2023-01-01; 72 months before is 2017-01-01, before
        // the issue date. The window still shows what counts since then.
        Record r = wa_holder(ymd(2019, 1, 1), {ymd(2020, 12, 1)}, {sp(ymd(2019, 6, 1), 100)});
        CredentialStatus cs = wa_status(r, ymd(2022, 12, 1));
        const RequirementProgress& m = cs.ce->requirements[0];
        CHECK_FALSE(m.judged);
        CHECK(m.met());
        CHECK(m.counted == centi(100));
        CHECK(m.window_start == ymd(2017, 1, 1));
        CHECK(cs.ce->hours_to_go() == centi(400)); // only the total: the minimum is not asked yet
    }
    // A certificate's own first expiry (2021-01-01) makes the expiry 2025-01-01 after two
    // renewals; 72 months before it is 2019-01-01.
    SUBCASE("certified on the window's first day: judged") {
        Record r = wa_holder(ymd(2019, 1, 1), {ymd(2020, 12, 1), ymd(2022, 12, 1)}, {}, ymd(2021, 1, 1));
        CredentialStatus cs = wa_status(r, ymd(2024, 12, 1));
        CHECK(cs.ce->requirements[0].judged);
        CHECK_FALSE(cs.ce->requirements[0].met());
    }
    SUBCASE("certified a day later: not judged") {
        Record r = wa_holder(ymd(2019, 1, 2), {ymd(2020, 12, 1), ymd(2022, 12, 1)}, {}, ymd(2021, 1, 1));
        CredentialStatus cs = wa_status(r, ymd(2024, 12, 1));
        CHECK_FALSE(cs.ce->requirements[0].judged);
        CHECK(cs.ce->requirements[0].met());
    }
}

TEST_CASE("over_months on a topic-entries minimum") {
    // 48 months before 2027-01-01 is 2023-01-01: two ethics entries from then on.
    Record r =
        wa_holder(ymd(2019, 1, 1), three_renewals, {sp(ymd(2022, 12, 31), 100, "ethics"), sp(ymd(2023, 1, 1), 100, "ethics")});
    CredentialStatus cs = wa_status(r, ymd(2026, 12, 1));
    const RequirementProgress& m = cs.ce->requirements[1];
    CHECK(m.judged);
    CHECK(m.window_start == ymd(2023, 1, 1));
    CHECK(m.entries_counted == 1);
    CHECK_FALSE(m.met());
}

TEST_CASE("over_months in a [revision.ce]: from the first period expiring on or after its date") {
    CredentialSet set;
    set.add(test::make_credential("wa", R"(topics = ["suicide-prevention"]
[period]
anchor = "issue-date"
months = 24
[ce]
hours = 4
[[revision]]
effective_from = 2027-01-01
[revision.ce]
hours = 4
[[revision.ce.minimum]]
topic = "suicide-prevention"
hours = 3
over_months = 72
)"));
    // The expiry 2027-01-01 is the revision's first day: its rules judge that period.
    Record r = wa_holder(ymd(2019, 1, 1), three_renewals, {sp(ymd(2021, 1, 1), 300)});
    SpecialistStatus s = evaluate(r, set, ymd(2026, 12, 1));
    REQUIRE(s.credentials.at(0).ce);
    REQUIRE(s.credentials[0].ce->requirements.size() == 1);
    CHECK(s.credentials[0].ce->requirements[0].counted == centi(300));
    CHECK(s.credentials[0].ce->requirements[0].met());
    // A period earlier (expiry 2025-01-01, before the revision): the base [ce] has no minimum.
    Record earlier = wa_holder(ymd(2019, 1, 1), {ymd(2020, 12, 1), ymd(2022, 12, 1)}, {});
    SpecialistStatus e = evaluate(earlier, set, ymd(2024, 12, 1));
    CHECK(e.credentials.at(0).ce->requirements.empty());
}

} // namespace ce_over_months_test
