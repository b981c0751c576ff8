// Tests for the [ce] keys in lib/core/evaluation.cpp that decide whether a CE entry counts toward a
// credential at all: `min_entry_hours` (an entry shorter counts for nothing) and `providers` (only
// entries from the listed providers count). Each figure is worked out by hand in the comments.

#include "evaluation.hpp"

#include "test_support.hpp"

#include <algorithm>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::ymd;

namespace ce_entry_filters_test {

CeEntry course(Date d, Hours h, std::vector<std::string> topics = {}, std::string provider = "") {
    return test::ce_entry(d, h, std::move(topics), std::move(provider));
}

// Certified 2025-01-01 on a 12-month period: the CE window is 2025-01-01 to 2026-01-01.
Record certified(const std::string& id, std::vector<CeEntry> entries) {
    Record r = test::holder(id, ymd(2025, 1, 1));
    r.ce = std::move(entries);
    return r;
}

CredentialStatus judged(const Record& rec, const Credential& c, Date as_of = ymd(2025, 12, 1)) {
    CredentialSet set;
    set.add(c);
    SpecialistStatus s = evaluate(rec, set, as_of, true);
    REQUIRE(s.credentials.size() == 1);
    REQUIRE(s.credentials[0].ce);
    return s.credentials[0];
}

const EntryUse& use_at(const CredentialStatus& cs, std::size_t index) { return test::use_of_entry(cs, EntryKind::Ce, index); }

const std::string period12 = "topics = [\"ethics\"]\n[period]\nanchor = \"issue-date\"\nmonths = 12\n";

TEST_CASE("[ce] min_entry_hours: an entry shorter counts for nothing") {
    Credential c = test::make_credential("oh", period12 + R"([ce]
hours = 4
entries = 3
min_entry_hours = 1
[[ce.minimum]]
topic = "ethics"
hours = 2
[[ce.minimum]]
topic = "ethics"
entries = 2
[[ce.cap]]
topic = "ethics"
hours = 5
)");
    // 1.00 h (exactly the minimum) counts; 0.99 h (0.01 h less) counts for nothing; 3 h counts.
    Record rec = certified("oh", {course(ymd(2025, 3, 1), centi(100), {"ethics"}), course(ymd(2025, 4, 1), centi(99), {"ethics"}),
                                  course(ymd(2025, 5, 1), centi(300))});
    CredentialStatus cs = judged(rec, c);
    const CeProgress& ce = *cs.ce;
    CHECK(ce.counted == centi(400)); // 1 + 3; the 0.99 h entry adds nothing
    CHECK(ce.entries == 2);          // of the 3 needed: the short one is not an entry either
    CHECK_FALSE(ce.met());
    REQUIRE(ce.requirements.size() == 2);
    CHECK(ce.requirements[0].counted == centi(100)); // ethics hours: 1, not 1.99
    CHECK(ce.requirements[1].entries_counted == 1);  // ethics entries: 1, not 2
    REQUIRE(ce.caps.size() == 1);
    CHECK(ce.caps[0].logged == centi(100)); // the cap saw only the 1 h entry
    CHECK(use_at(cs, 0).reason == UseReason::Counts);
    CHECK(use_at(cs, 1).reason == UseReason::TooShort);
    REQUIRE(use_at(cs, 1).limit);
    CHECK(*use_at(cs, 1).limit == centi(100));
    CHECK(use_at(cs, 2).reason == UseReason::Counts);
    CHECK(to_string(UseReason::TooShort) == "shorter than the minimum entry length");
}

TEST_CASE("[ce] min_entry_hours: without it, the same entries all count") {
    Credential c = test::make_credential("oh-free", period12 + "[ce]\nhours = 4\n");
    Record rec = certified("oh-free", {course(ymd(2025, 3, 1), centi(100)), course(ymd(2025, 4, 1), centi(99))});
    CredentialStatus cs = judged(rec, c);
    CHECK(cs.ce->counted == centi(199));
    CHECK(cs.ce->entries == 2);
}

TEST_CASE("[ce] min_entry_hours: a short entry outside the window says so, not 'shorter'") {
    Credential c = test::make_credential("oh-win", period12 + "[ce]\nhours = 4\nmin_entry_hours = 1\n");
    // 2024-12-31 is the day before the window: its date is the reason, whatever its length.
    Record rec = certified("oh-win", {course(ymd(2024, 12, 31), centi(50))});
    CredentialStatus cs = judged(rec, c);
    CHECK(use_at(cs, 0).reason == UseReason::BeforePeriod);
}

TEST_CASE("[ce] providers: only entries from a listed provider count at all") {
    Credential c = test::make_credential("ga", period12 + R"([ce]
hours = 12
providers = ["GMHCN", "Approved Vendor"]
min_entry_hours = 1
[[ce.minimum]]
providers = ["GMHCN"]
hours = 6
[[ce.minimum]]
topic = "ethics"
hours = 1
)");
    Record rec = certified("ga", {course(ymd(2025, 2, 1), centi(600), {}, "gmhcn"),           // listed, in another case
                                  course(ymd(2025, 3, 1), centi(400), {}, "Approved Vendor"), // listed
                                  course(ymd(2025, 4, 1), centi(200), {"ethics"}, "Other"),   // not listed
                                  course(ymd(2025, 5, 1), centi(100), {"ethics"}),            // no provider
                                  course(ymd(2025, 6, 1), centi(50), {}, "Other")});          // not listed and short
    CredentialStatus cs = judged(rec, c);
    const CeProgress& ce = *cs.ce;
    CHECK(ce.counted == centi(1000)); // 6 + 4 of the 12; the 2 h and 1 h entries count for nothing
    CHECK(ce.entries == 2);
    REQUIRE(ce.requirements.size() == 2);
    CHECK(ce.requirements[0].counted == centi(600)); // from GMHCN: 6 / 6
    CHECK(ce.requirements[1].counted == Hours());    // ethics: both ethics entries are from unlisted providers
    CHECK_FALSE(ce.met());
    CHECK(use_at(cs, 0).reason == UseReason::Counts);
    CHECK(use_at(cs, 1).reason == UseReason::Counts);
    CHECK(use_at(cs, 2).reason == UseReason::OtherProvider);
    CHECK(use_at(cs, 3).reason == UseReason::OtherProvider);
    CHECK(use_at(cs, 4).reason == UseReason::OtherProvider); // the provider is said first, not the length
    CHECK(to_string(UseReason::OtherProvider) == "not from a provider the credential lists");
}

TEST_CASE("[ce] providers: 2 h more from the vendor meet the 12") {
    Credential c = test::make_credential("ga-met", period12 + "[ce]\nhours = 12\nproviders = [\"GMHCN\", \"Vendor\"]\n");
    Record rec = certified("ga-met",
                           {course(ymd(2025, 2, 1), centi(600), {}, "GMHCN"), course(ymd(2025, 3, 1), centi(600), {}, "VENDOR")});
    CHECK(judged(rec, c).ce->met()); // 6 + 6 = 12
}

TEST_CASE("[revision.ce] min_entry_hours and providers judge the periods that expire from its date") {
    Credential c = test::make_credential("rev", period12 + R"([ce]
hours = 4
[[revision]]
effective_from = 2025-06-01
[revision.ce]
hours = 4
min_entry_hours = 1
providers = ["A"]
)");
    SUBCASE("a period expiring before the revision: the base rules take every entry") {
        // Issued 2024-01-01: the period 2024-01-01 .. 2025-01-01.
        Record r = test::holder("rev", ymd(2024, 1, 1));
        r.ce = {course(ymd(2024, 6, 1), centi(50), {}, "B")};
        CHECK(judged(r, c, ymd(2024, 12, 1)).ce->counted == centi(50));
    }
    SUBCASE("the period after it: only entries of 1 h or more from A") {
        // Renewed: the period 2025-01-02 .. 2026-01-01, expiring after 2025-06-01.
        Record r = test::holder("rev", ymd(2024, 1, 1));
        RenewalEntry renewal;
        renewal.credential = "rev";
        renewal.date = ymd(2024, 12, 15);
        r.renewals.push_back(renewal);
        r.ce = {course(ymd(2025, 3, 1), centi(50), {}, "A"), course(ymd(2025, 4, 1), centi(100), {}, "B"),
                course(ymd(2025, 5, 1), centi(100), {}, "a")};
        CredentialStatus cs = judged(r, c, ymd(2025, 12, 1));
        CHECK(cs.revision == ymd(2025, 6, 1));
        CHECK(cs.ce->counted == centi(100)); // only the third
        CHECK(use_at(cs, 0).reason == UseReason::TooShort);
        CHECK(use_at(cs, 1).reason == UseReason::OtherProvider);
        CHECK(use_at(cs, 2).reason == UseReason::Counts);
    }
}

} // namespace ce_entry_filters_test
