// Tests for lib/core/evaluation.cpp: status as of a date, as docs/contract.md computes it.
// Credentials are small inline rule files; records are built in code. Every expected date and
// amount is worked out by hand in the comments.

#include "evaluation.hpp"

#include "test_support.hpp"

#include <algorithm>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::ymd;

namespace {

Hours hrs(std::int64_t whole) { return Hours::whole(whole); }

const std::string period12 = "[period]\nanchor = \"issue-date\"\nmonths = 12\n";

// A period of 12 months and 10 CE hours, no ladder: lapsed the day after expiry.
const std::string basic_rule = period12 + "[ce]\nhours = 10\n";

// Grace for 15 days with no fee, then to 31 days with a fee of 26.
const std::string ladder = R"([[after_expiry]]
days = 15
state = "grace"
fee = 0
[[after_expiry]]
days = 31
state = "grace"
fee = 26
)";

const std::string levels_rule = R"([period]
anchor = "issue-date"
months = 24
[[level]]
id = "provisional"
months = 12
renewable = false
[[level]]
id = "full"
[[level.experience]]
kinds = ["work"]
hours = 300
[ce]
hours = 10
)";

CredentialSet set_of(std::initializer_list<Credential> creds) {
    CredentialSet s;
    for (const auto& c : creds)
        s.add(c);
    return s;
}

HeldCredential held(std::string id, std::optional<Date> issued = {}, std::optional<std::string> level = {},
                    std::optional<Date> expires = {}) {
    HeldCredential h;
    h.id = std::move(id);
    h.issued = issued;
    h.level = std::move(level);
    h.expires = expires;
    if (issued) h.number = "N-1";
    return h;
}

Record holding(std::vector<HeldCredential> creds) {
    Record r;
    r.file = "t.toml";
    r.id = "t";
    r.name = "T. Tester";
    r.credentials = std::move(creds);
    return r;
}

CeEntry ce(Date d, Hours h, std::vector<std::string> topics = {}, std::string provider = "",
           std::optional<Delivery> delivery = {}) {
    CeEntry e;
    e.date = d;
    e.hours = h;
    e.title = "course";
    e.topics = std::move(topics);
    e.provider = std::move(provider);
    e.delivery = delivery;
    return e;
}

TrainingEntry training(Date d, Hours h, std::string domain = "") {
    TrainingEntry e;
    e.date = d;
    e.hours = h;
    e.domain = std::move(domain);
    return e;
}

ExamEntry exam(std::string credential, Date d, ExamResult result) {
    ExamEntry e;
    e.credential = std::move(credential);
    e.date = d;
    e.result = result;
    return e;
}

ExperienceEntry experience(Date d, Hours h, ExperienceKind kind) {
    ExperienceEntry e;
    e.date = d;
    e.hours = h;
    e.kind = kind;
    return e;
}

RenewalEntry renewal(std::string credential, Date d, std::optional<Date> expires = {}) {
    RenewalEntry e;
    e.credential = std::move(credential);
    e.date = d;
    e.expires = expires;
    return e;
}

// The status of credential `id` (default: the record's first) as of `as_of`.
CredentialStatus status(const Record& rec, const CredentialSet& set, Date as_of, std::string_view id = "") {
    SpecialistStatus s = evaluate(rec, set, as_of);
    if (id.empty()) id = rec.credentials.at(0).id;
    auto it = std::find_if(s.credentials.begin(), s.credentials.end(),
                           [&](const CredentialStatus& c) { return c.rule && c.rule->id == id; });
    REQUIRE_MESSAGE(it != s.credentials.end(), "no status for " << std::string(id));
    return *it;
}

const Certification& cert_of(const CredentialStatus& s) {
    REQUIRE(s.certification);
    return *s.certification;
}

const CeProgress& ce_of(const CredentialStatus& s) {
    REQUIRE(s.ce);
    return *s.ce;
}

const RequirementProgress& requirement(const CredentialStatus& s, MinimumKind kind, std::string_view topic = "") {
    const CeProgress& p = ce_of(s);
    auto it = std::find_if(p.requirements.begin(), p.requirements.end(),
                           [&](const RequirementProgress& r) { return r.kind == kind && r.topic == topic; });
    REQUIRE(it != p.requirements.end());
    return *it;
}

} // namespace

TEST_CASE("to_string(State) and to_string(MinimumKind)") {
    CHECK(to_string(State::InTraining) == "in-training");
    CHECK(to_string(State::Eligible) == "eligible");
    CHECK(to_string(State::Active) == "active");
    CHECK(to_string(State::Late) == "late");
    CHECK(to_string(State::Grace) == "grace");
    CHECK(to_string(State::Lapsed) == "lapsed");
    CHECK(to_string(MinimumKind::TopicHours) == "topic-hours");
    CHECK(to_string(MinimumKind::TopicEntries) == "topic-entries");
    CHECK(to_string(MinimumKind::ProviderHours) == "provider-hours");
}

TEST_CASE("nth_expiry") {
    SUBCASE("issued on Feb 29, 12-month period") {
        Credential c = test::make_credential("t-year", period12);
        HeldCredential h = held("t-year", ymd(2024, 2, 29));
        CHECK(nth_expiry(c, h, 0) == ymd(2025, 2, 28)); // 2025 has no Feb 29: the month's last day
        CHECK(nth_expiry(c, h, 1) == ymd(2026, 2, 28)); // issue date + 24 months
        CHECK(nth_expiry(c, h, 3) == ymd(2028, 2, 29)); // + 48 months: 2028 is a leap year
    }
    SUBCASE("issued on Jan 31, 1-month period: no drift") {
        Credential c = test::make_credential("t-month", "[period]\nanchor = \"issue-date\"\nmonths = 1\n");
        HeldCredential h = held("t-month", ymd(2024, 1, 31));
        CHECK(nth_expiry(c, h, 0) == ymd(2024, 2, 29));
        CHECK(nth_expiry(c, h, 1) == ymd(2024, 3, 31)); // not Feb 29 + 1 month = Mar 29
        CHECK(nth_expiry(c, h, 2) == ymd(2024, 4, 30));
        CHECK(nth_expiry(c, h, 3) == ymd(2024, 5, 31));
    }
    SUBCASE("an expiry printed on the certificate moves the later ones") {
        Credential c = test::make_credential("t-year", period12);
        HeldCredential h = held("t-year", ymd(2023, 3, 1), {}, ymd(2024, 3, 15));
        CHECK(nth_expiry(c, h, 0) == ymd(2024, 3, 15));
        CHECK(nth_expiry(c, h, 1) == ymd(2025, 3, 15));
        CHECK(nth_expiry(c, h, 2) == ymd(2026, 3, 15));
    }
    SUBCASE("calendar year: Dec 31 of the year after the year of issue, then one year each") {
        Credential c = test::make_credential("t-cal", "[period]\nanchor = \"calendar-year\"\n");
        CHECK(nth_expiry(c, held("t-cal", ymd(2024, 5, 10)), 0) == ymd(2025, 12, 31));
        CHECK(nth_expiry(c, held("t-cal", ymd(2024, 5, 10)), 1) == ymd(2026, 12, 31));
        CHECK(nth_expiry(c, held("t-cal", ymd(2024, 5, 10)), 2) == ymd(2027, 12, 31));
        CHECK(nth_expiry(c, held("t-cal", ymd(2024, 1, 1)), 0) == ymd(2025, 12, 31));
        CHECK(nth_expiry(c, held("t-cal", ymd(2024, 12, 31)), 0) == ymd(2025, 12, 31));
    }
    SUBCASE("a level's own validity replaces the period's") {
        Credential c = test::make_credential("t-levels", levels_rule);
        CHECK(nth_expiry(c, held("t-levels", ymd(2024, 1, 15), "provisional"), 0) == ymd(2025, 1, 15)); // 12 months
        CHECK(nth_expiry(c, held("t-levels", ymd(2024, 1, 15), "full"), 0) == ymd(2026, 1, 15));        // 24 months
        CHECK(nth_expiry(c, held("t-levels", ymd(2024, 1, 15)), 0) == ymd(2026, 1, 15));                // default level: full
        // provisional, renewed once: a level's months last every period held at it, so 12 + 12
        // months = 2026-01-15 (a renewal at the level is another period of the level)
        CHECK(nth_expiry(c, held("t-levels", ymd(2024, 1, 15), "provisional"), 1) == ymd(2026, 1, 15));
        CHECK(nth_expiry(c, held("t-levels", ymd(2024, 1, 15), "provisional"), 2) == ymd(2027, 1, 15));
    }
}

TEST_CASE("nth_expiry at the end of the calendar") {
    Credential c = test::make_credential("t-year", period12);
    SUBCASE("9999-12-31 is the last expiry; one more period is none") {
        HeldCredential h = held("t-year", ymd(9998, 12, 31));
        CHECK(nth_expiry(c, h, 0) == ymd(9999, 12, 31));
        CHECK_FALSE(nth_expiry(c, h, 1));
    }
    SUBCASE("an expiry printed as 9999-12-31 plus a renewal is none, not 10000-12-31") {
        CHECK_FALSE(nth_expiry(c, held("t-year", ymd(2020, 1, 1), {}, ymd(9999, 12, 31)), 1));
    }
    SUBCASE("a long period times many renewals is none, never a wrapped year") {
        Credential longest = test::make_credential("t-long", "[period]\nanchor = \"issue-date\"\nmonths = 1200\n");
        HeldCredential h = held("t-long", ymd(2024, 1, 31));
        CHECK(nth_expiry(longest, h, 78) == ymd(9924, 1, 31)); // 79 x 100 years
        CHECK_FALSE(nth_expiry(longest, h, 79));
        CHECK_FALSE(nth_expiry(longest, h, 400)); // year 42124; was -32411 once int16 wrapped
        CHECK_FALSE(nth_expiry(longest, h, 1000000000));
    }
    SUBCASE("calendar year issued in 9999: the first expiry would be in 10000") {
        Credential cal = test::make_credential("t-cal", "[period]\nanchor = \"calendar-year\"\n");
        CHECK(nth_expiry(cal, held("t-cal", ymd(9998, 6, 1)), 0) == ymd(9999, 12, 31));
        CHECK_FALSE(nth_expiry(cal, held("t-cal", ymd(9999, 6, 1)), 0));
    }
}

TEST_CASE("evaluate: no date outside the calendar, no inverted window") {
    // The record loader refuses these records; evaluated anyway, they show no certification
    // rather than a date no one can print.
    const CredentialSet set = set_of({test::make_credential("t-year", period12 + "[ce]\nhours = 10\n")});
    SUBCASE("9999-12-31 plus a renewal") {
        Record rec = holding({held("t-year", ymd(2020, 1, 1), {}, ymd(9999, 12, 31))});
        rec.renewals = {renewal("t-year", ymd(2026, 1, 1))};
        CredentialStatus s = status(rec, set, ymd(2026, 11, 23));
        CHECK_FALSE(s.certification);
        CHECK(s.problems == std::vector<std::string>{"the expiry of t-year cannot be computed (run peerctl validate)"});
    }
    SUBCASE("a renewal whose expiry is before the one it renews") {
        Record rec = holding({held("t-year", ymd(2024, 1, 1))}); // expires 2025-01-01
        rec.renewals = {renewal("t-year", ymd(2024, 12, 1), ymd(2024, 12, 31))};
        CredentialStatus s = status(rec, set, ymd(2024, 12, 15));
        CHECK_FALSE(s.certification);
        CHECK(s.problems.size() == 1);
    }
    SUBCASE("the last day that leaves room for the next is fine") {
        Record rec = holding({held("t-year", ymd(9998, 12, 30))});
        CHECK(cert_of(status(rec, set, ymd(9999, 1, 1))).expires == ymd(9999, 12, 30));
    }
    SUBCASE("a look-back before 0001-01-01 counts everything") {
        const CredentialSet recent =
            set_of({test::make_credential("t-recent", period12 + "[training]\nhours = 10\nwithin_months = 1200\n")});
        Record rec = holding({held("t-recent", ymd(50, 6, 1))});
        rec.training = {training(ymd(1, 1, 1), hrs(10))};
        CHECK(status(rec, recent, ymd(60, 1, 1)).training->completed == hrs(10));
    }
    SUBCASE("an exam deadline past 9999-12-31 has not passed") {
        const CredentialSet deadline = set_of({test::make_credential(
            "t-deadline", period12 + "[training]\nhours = 10\n[exam]\nwithin_months_of_training = 1200\n")});
        Record rec = holding({held("t-deadline")});
        rec.training = {training(ymd(9900, 1, 1), hrs(10))}; // + 1200 months: 10000-01-01
        rec.exams = {exam("t-deadline", ymd(9999, 12, 31), ExamResult::Passed)};
        CredentialStatus s = status(rec, deadline, ymd(9999, 12, 31));
        CHECK(s.problems.empty());
        CHECK(s.state == State::Eligible);
    }
}

TEST_CASE("evaluate: state on and around the expiry day") {
    const CredentialSet set = set_of({test::make_credential("t-basic", basic_rule)});
    // Issued 2024-03-10 + 12 months = expires 2025-03-10.
    const Record rec = holding({held("t-basic", ymd(2024, 3, 10))});

    SUBCASE("the expiry day itself: active, 0 days left") {
        CredentialStatus s = status(rec, set, ymd(2025, 3, 10));
        CHECK(s.state == State::Active);
        const Certification& c = cert_of(s);
        CHECK(c.number == "N-1");
        CHECK(c.issued == ymd(2024, 3, 10));
        CHECK(c.expires == ymd(2025, 3, 10));
        CHECK(c.days_left == 0);
        CHECK(c.renewals == 0);
        CHECK(c.level == "");
    }
    SUBCASE("the day after: lapsed (no ladder), -1 day") {
        CredentialStatus s = status(rec, set, ymd(2025, 3, 11));
        CHECK(s.state == State::Lapsed);
        CHECK(cert_of(s).days_left == -1);
        CHECK_FALSE(cert_of(s).grace_until);
        CHECK_FALSE(cert_of(s).late_fee_cents);
    }
    SUBCASE("the issue day: active, 365 days left (Feb 2025 has 28 days)") {
        CredentialStatus s = status(rec, set, ymd(2024, 3, 10));
        CHECK(s.state == State::Active);
        CHECK(cert_of(s).days_left == 365);
    }
    SUBCASE("the day before issue: not certified yet") {
        CredentialStatus s = status(rec, set, ymd(2024, 3, 9));
        CHECK_FALSE(s.certification);
        CHECK(s.state == State::Eligible); // the rule has no training, experience or exam
        CHECK_FALSE(s.ce);
        CHECK_FALSE(s.renewable);
    }
}

TEST_CASE("evaluate: the grace ladder after expiry") {
    SUBCASE("rungs in days") {
        const CredentialSet set = set_of({test::make_credential("t-ladder", period12 + ladder)});
        const Record rec = holding({held("t-ladder", ymd(2024, 3, 10))}); // expires 2025-03-10
        struct Case {
            Date as_of;
            State state;
            std::optional<Date> until;
            std::optional<std::int64_t> fee;
            int days_left;
        };
        // Rung 1 ends 2025-03-10 + 15 days = 2025-03-25 (fee 0); rung 2 ends + 31 days = 2025-04-10
        // (21 days to Mar 31, 10 more), fee 26 = 2600 cents; lapsed from 2025-04-11 (32 days after).
        for (const Case& c : {Case{ymd(2025, 3, 11), State::Grace, ymd(2025, 3, 25), 0, -1},
                              Case{ymd(2025, 3, 25), State::Grace, ymd(2025, 3, 25), 0, -15},
                              Case{ymd(2025, 3, 26), State::Grace, ymd(2025, 4, 10), 2600, -16},
                              Case{ymd(2025, 4, 10), State::Grace, ymd(2025, 4, 10), 2600, -31},
                              Case{ymd(2025, 4, 11), State::Lapsed, std::nullopt, std::nullopt, -32}}) {
            CAPTURE(c.as_of);
            CredentialStatus s = status(rec, set, c.as_of);
            CHECK(s.state == c.state);
            CHECK(cert_of(s).grace_until == c.until);
            CHECK(cert_of(s).late_fee_cents == c.fee);
            CHECK(cert_of(s).days_left == c.days_left);
        }
    }
    SUBCASE("a rung in months") {
        const CredentialSet set =
            set_of({test::make_credential("t-late", period12 + "[[after_expiry]]\nmonths = 6\nstate = \"grace\"\nfee = 75\n")});
        const Record rec = holding({held("t-late", ymd(2024, 3, 10))}); // expires 2025-03-10
        CredentialStatus last = status(rec, set, ymd(2025, 9, 10));     // + 6 months
        CHECK(last.state == State::Grace);
        CHECK(cert_of(last).grace_until == ymd(2025, 9, 10));
        CHECK(cert_of(last).late_fee_cents == 7500);
        CHECK(status(rec, set, ymd(2025, 9, 11)).state == State::Lapsed);
    }
}

TEST_CASE("evaluate: issued on Feb 29") {
    const CredentialSet set = set_of({test::make_credential("t-basic", basic_rule)});
    const Record rec = holding({held("t-basic", ymd(2024, 2, 29))});
    CredentialStatus on = status(rec, set, ymd(2025, 2, 28));
    CHECK(cert_of(on).expires == ymd(2025, 2, 28));
    CHECK(on.state == State::Active);
    CHECK(cert_of(on).days_left == 0);
    CredentialStatus after = status(rec, set, ymd(2025, 3, 1));
    CHECK(after.state == State::Lapsed);
    CHECK(cert_of(after).days_left == -1);
}

TEST_CASE("evaluate: renewals") {
    SUBCASE("1-month period from Jan 31, renewed twice: Feb 29, Mar 31, Apr 30") {
        const CredentialSet set =
            set_of({test::make_credential("t-month", "[period]\nanchor = \"issue-date\"\nmonths = 1\n[ce]\nhours = 1\n")});
        Record rec = holding({held("t-month", ymd(2024, 1, 31))});
        // Out of date order on purpose: renewals are taken by date.
        rec.renewals = {renewal("t-month", ymd(2024, 3, 20)), renewal("t-month", ymd(2024, 2, 20))};

        CredentialStatus none = status(rec, set, ymd(2024, 2, 10));
        CHECK(cert_of(none).renewals == 0);
        CHECK(cert_of(none).expires == ymd(2024, 2, 29));
        CHECK(ce_of(none).window_start == ymd(2024, 1, 31));
        CHECK(ce_of(none).window_end == ymd(2024, 2, 29));

        CredentialStatus one = status(rec, set, ymd(2024, 2, 25));
        CHECK(cert_of(one).renewals == 1);
        CHECK(cert_of(one).expires == ymd(2024, 3, 31));
        CHECK(ce_of(one).window_start == ymd(2024, 3, 1)); // the day after the previous expiry
        CHECK(ce_of(one).window_end == ymd(2024, 3, 31));

        CredentialStatus two = status(rec, set, ymd(2024, 3, 25));
        CHECK(cert_of(two).renewals == 2);
        CHECK(cert_of(two).expires == ymd(2024, 4, 30));
        CHECK(ce_of(two).window_start == ymd(2024, 4, 1));
        CHECK(ce_of(two).window_end == ymd(2024, 4, 30));
    }
    SUBCASE("a renewal with its own expires, then one without") {
        const CredentialSet set =
            set_of({test::make_credential("t-three", "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 60\n")});
        Record rec = holding({held("t-three", ymd(2023, 4, 1))}); // expires 2026-04-01
        rec.renewals = {renewal("t-three", ymd(2026, 3, 15), ymd(2029, 4, 1))};
        CredentialStatus s = status(rec, set, ymd(2026, 3, 20));
        CHECK(s.state == State::Active);
        CHECK(cert_of(s).expires == ymd(2029, 4, 1));
        CHECK(cert_of(s).renewals == 1);
        CHECK(ce_of(s).window_start == ymd(2026, 4, 2));
        CHECK(ce_of(s).window_end == ymd(2029, 4, 1));

        rec.renewals.push_back(renewal("t-three", ymd(2029, 3, 1)));
        CredentialStatus s2 = status(rec, set, ymd(2029, 3, 5));
        CHECK(cert_of(s2).expires == ymd(2032, 4, 1)); // 2029-04-01 + 36 months
        CHECK(ce_of(s2).window_start == ymd(2029, 4, 2));
        CHECK(ce_of(s2).window_end == ymd(2032, 4, 1));
    }
    SUBCASE("a renewal dated after as_of is ignored; on as_of it counts") {
        const CredentialSet set =
            set_of({test::make_credential("t-three", "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 60\n")});
        Record rec = holding({held("t-three", ymd(2023, 4, 1))});
        rec.renewals = {renewal("t-three", ymd(2026, 3, 15))};
        CredentialStatus before = status(rec, set, ymd(2026, 3, 14));
        CHECK(cert_of(before).renewals == 0);
        CHECK(cert_of(before).expires == ymd(2026, 4, 1));
        CHECK(ce_of(before).window_start == ymd(2023, 4, 1));
        CredentialStatus on = status(rec, set, ymd(2026, 3, 15));
        CHECK(cert_of(on).renewals == 1);
        CHECK(cert_of(on).expires == ymd(2029, 4, 1));
    }
    SUBCASE("a renewal of another credential is ignored") {
        const CredentialSet set = set_of({test::make_credential("t-basic", basic_rule)});
        Record rec = holding({held("t-basic", ymd(2024, 3, 10))});
        rec.renewals = {renewal("t-other", ymd(2025, 3, 1))};
        CHECK(cert_of(status(rec, set, ymd(2025, 3, 5))).renewals == 0);
    }
    SUBCASE("an expires in [credentials.<id>] overrides the first expiry") {
        const CredentialSet set =
            set_of({test::make_credential("t-three", "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 60\n")});
        Record rec = holding({held("t-three", ymd(2023, 4, 1), {}, ymd(2026, 3, 31))});
        CredentialStatus s = status(rec, set, ymd(2025, 1, 1));
        CHECK(cert_of(s).expires == ymd(2026, 3, 31));
        CHECK(ce_of(s).window_start == ymd(2023, 4, 1));
        CHECK(ce_of(s).window_end == ymd(2026, 3, 31));
        rec.renewals = {renewal("t-three", ymd(2026, 3, 1))};
        CredentialStatus r = status(rec, set, ymd(2026, 3, 2));
        CHECK(cert_of(r).expires == ymd(2029, 3, 31)); // 2026-03-31 + 36 months
        CHECK(ce_of(r).window_start == ymd(2026, 4, 1));
    }
    SUBCASE("a renewal after lapsing makes the credential active again") {
        const CredentialSet set = set_of({test::make_credential("t-basic", basic_rule)});
        Record rec = holding({held("t-basic", ymd(2024, 3, 10))}); // expired 2025-03-10
        rec.renewals = {renewal("t-basic", ymd(2025, 5, 1))};
        CredentialStatus s = status(rec, set, ymd(2025, 5, 2));
        CHECK(s.state == State::Active);
        CHECK(cert_of(s).expires == ymd(2026, 3, 10)); // issue date + 24 months
    }
}

TEST_CASE("evaluate: calendar-year credentials") {
    const CredentialSet set =
        set_of({test::make_credential("t-cal", "[period]\nanchor = \"calendar-year\"\n[ce]\nhours = 12\n" + ladder)});
    Record rec = holding({held("t-cal", ymd(2024, 5, 10))});

    SUBCASE("the first period is the calendar year after the year of issue") {
        CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
        CHECK(s.state == State::Active);
        CHECK(cert_of(s).expires == ymd(2025, 12, 31));
        // June: 29 days left after the 1st, then 31 + 31 + 30 + 31 + 30 + 31 = 213
        CHECK(cert_of(s).days_left == 213);
        CHECK(ce_of(s).window_start == ymd(2025, 1, 1));
        CHECK(ce_of(s).window_end == ymd(2025, 12, 31));
    }
    SUBCASE("between issue and the first period") {
        CredentialStatus s = status(rec, set, ymd(2024, 6, 1));
        CHECK(s.state == State::Active);
        CHECK(cert_of(s).days_left == 578); // 365 days to 2025-06-01, then 213
        CHECK(ce_of(s).window_start == ymd(2025, 1, 1));
    }
    SUBCASE("a renewal adds one year") {
        rec.renewals = {renewal("t-cal", ymd(2025, 12, 20))};
        CredentialStatus s = status(rec, set, ymd(2026, 1, 5));
        CHECK(s.state == State::Active);
        CHECK(cert_of(s).renewals == 1);
        CHECK(cert_of(s).expires == ymd(2026, 12, 31));
        CHECK(ce_of(s).window_start == ymd(2026, 1, 1));
        CHECK(ce_of(s).window_end == ymd(2026, 12, 31));
    }
    SUBCASE("the late ladder runs into January: Jan 15, then Jan 31") {
        CredentialStatus jan15 = status(rec, set, ymd(2026, 1, 15));
        CHECK(jan15.state == State::Grace);
        CHECK(cert_of(jan15).late_fee_cents == 0);
        CredentialStatus jan16 = status(rec, set, ymd(2026, 1, 16));
        CHECK(jan16.state == State::Grace);
        CHECK(cert_of(jan16).late_fee_cents == 2600);
        CHECK(cert_of(jan16).grace_until == ymd(2026, 1, 31));
        CHECK(status(rec, set, ymd(2026, 1, 31)).state == State::Grace);
        CHECK(status(rec, set, ymd(2026, 2, 1)).state == State::Lapsed);
    }
    SUBCASE("issued on the last or first day of a year") {
        CHECK(cert_of(status(holding({held("t-cal", ymd(2024, 12, 31))}), set, ymd(2025, 1, 1))).expires == ymd(2025, 12, 31));
        CHECK(cert_of(status(holding({held("t-cal", ymd(2024, 1, 1))}), set, ymd(2025, 1, 1))).expires == ymd(2025, 12, 31));
    }
    SUBCASE("CE counts inside the calendar year only; the window stays 2025 during the late window") {
        rec.ce = {ce(ymd(2024, 12, 31), hrs(1)), ce(ymd(2025, 1, 1), hrs(2)), ce(ymd(2025, 12, 31), hrs(4)),
                  ce(ymd(2026, 1, 1), hrs(8))};
        CredentialStatus s = status(rec, set, ymd(2026, 1, 10));
        CHECK(s.state == State::Grace);
        CHECK(ce_of(s).window_start == ymd(2025, 1, 1));
        CHECK(ce_of(s).counted == hrs(6)); // 2 + 4
        CHECK(ce_of(s).entries == 2);
    }
}

TEST_CASE("evaluate: the CE window") {
    const CredentialSet set = set_of({test::make_credential("t-basic", basic_rule)});
    // Window 2024-03-10 .. 2025-03-10, both inclusive.
    Record rec = holding({held("t-basic", ymd(2024, 3, 10))});
    rec.ce = {ce(ymd(2024, 3, 9), hrs(1)), ce(ymd(2024, 3, 10), hrs(2)), ce(ymd(2025, 3, 10), hrs(4)),
              ce(ymd(2025, 3, 11), hrs(8))};

    SUBCASE("entries on the first and last day count, the day before and after do not") {
        CredentialStatus s = status(rec, set, ymd(2025, 3, 10));
        CHECK(ce_of(s).window_start == ymd(2024, 3, 10));
        CHECK(ce_of(s).window_end == ymd(2025, 3, 10));
        CHECK(ce_of(s).counted == hrs(6)); // 2 + 4
        CHECK(ce_of(s).entries == 2);
        CHECK(ce_of(s).required == hrs(10));
        CHECK(ce_of(s).remaining() == hrs(4));
        CHECK_FALSE(s.renewable);
    }
    SUBCASE("entries after as_of do not count yet") {
        CredentialStatus s = status(rec, set, ymd(2024, 12, 31));
        CHECK(ce_of(s).counted == hrs(2));
        CHECK(ce_of(s).entries == 1);
    }
    SUBCASE("after expiry the window stays the period that ended") {
        CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
        CHECK(s.state == State::Lapsed);
        CHECK(ce_of(s).window_start == ymd(2024, 3, 10));
        CHECK(ce_of(s).window_end == ymd(2025, 3, 10));
        CHECK(ce_of(s).counted == hrs(6));
    }
    SUBCASE("until a renewal is recorded") {
        rec.renewals = {renewal("t-basic", ymd(2025, 3, 1))};
        CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
        CHECK(ce_of(s).window_start == ymd(2025, 3, 11));
        CHECK(ce_of(s).window_end == ymd(2026, 3, 10));
        CHECK(ce_of(s).counted == hrs(8));
        CHECK(ce_of(s).entries == 1);
    }
}

TEST_CASE("evaluate: the CE total is exact") {
    SUBCASE("ten entries of 0.1 h meet 1 h exactly") {
        const CredentialSet set = set_of({test::make_credential("t-one", period12 + "[ce]\nhours = 1\n")});
        Record rec = holding({held("t-one", ymd(2025, 1, 1))});
        for (unsigned day = 1; day <= 10; ++day)
            rec.ce.push_back(ce(ymd(2025, 2, day), centi(10)));
        CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
        CHECK(ce_of(s).counted == hrs(1));
        CHECK(ce_of(s).remaining() == Hours());
        CHECK(ce_of(s).met());
        CHECK(s.renewable);
    }
    SUBCASE("nine of 0.1 h and one of 0.09 h are 0.01 h short") {
        const CredentialSet set = set_of({test::make_credential("t-one", period12 + "[ce]\nhours = 1\n")});
        Record rec = holding({held("t-one", ymd(2025, 1, 1))});
        for (unsigned day = 1; day <= 9; ++day)
            rec.ce.push_back(ce(ymd(2025, 2, day), centi(10)));
        rec.ce.push_back(ce(ymd(2025, 2, 10), centi(9)));
        CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
        CHECK(ce_of(s).counted == centi(99));
        CHECK(ce_of(s).remaining() == centi(1));
        CHECK_FALSE(s.renewable);
    }
    SUBCASE("exactly the required hours, 0.01 h short, and more") {
        const CredentialSet set = set_of({test::make_credential("t-basic", basic_rule)});
        Record rec = holding({held("t-basic", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), centi(250)), ce(ymd(2025, 2, 2), centi(250))};
        SUBCASE("2.5 + 2.5 + 5 = 10") {
            rec.ce.push_back(ce(ymd(2025, 2, 3), hrs(5)));
            CHECK(status(rec, set, ymd(2025, 6, 1)).renewable);
        }
        SUBCASE("2.5 + 2.5 + 4.99 = 9.99") {
            rec.ce.push_back(ce(ymd(2025, 2, 3), centi(499)));
            CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
            CHECK_FALSE(s.renewable);
            CHECK(ce_of(s).remaining() == centi(1));
        }
        SUBCASE("2.5 + 2.5 + 7 = 12: nothing remaining, never below 0") {
            rec.ce.push_back(ce(ymd(2025, 2, 3), hrs(7)));
            CredentialStatus s = status(rec, set, ymd(2025, 6, 1));
            CHECK(s.renewable);
            CHECK(ce_of(s).counted == hrs(12));
            CHECK(ce_of(s).remaining() == Hours());
        }
    }
}

TEST_CASE("evaluate: topic-hours minimums") {
    const CredentialSet set =
        set_of({test::make_credential("t-topic", "topics = [\"ethics\", \"advocacy\"]\n" + period12 + R"([ce]
hours = 10
[[ce.minimum]]
topic = "ethics"
hours = 3
[[ce.minimum]]
topic = "advocacy"
hours = 3
)")});
    Record rec = holding({held("t-topic", ymd(2025, 1, 1))});
    const Date as_of = ymd(2025, 6, 1);

    SUBCASE("total met, ethics 1 h short") {
        rec.ce = {ce(ymd(2025, 2, 1), hrs(2), {"ethics"}), ce(ymd(2025, 2, 2), hrs(3), {"advocacy"}),
                  ce(ymd(2025, 2, 3), hrs(5))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).counted == hrs(10));
        CHECK(ce_of(s).remaining() == Hours());
        const RequirementProgress& ethics = requirement(s, MinimumKind::TopicHours, "ethics");
        CHECK(ethics.required == hrs(3));
        CHECK(ethics.counted == hrs(2));
        CHECK_FALSE(ethics.met());
        CHECK(shortfall(ethics.required, ethics.counted) == hrs(1));
        CHECK(requirement(s, MinimumKind::TopicHours, "advocacy").met());
        CHECK_FALSE(s.renewable);
    }
    SUBCASE("every minimum met exactly") {
        rec.ce = {ce(ymd(2025, 2, 1), hrs(3), {"ethics"}), ce(ymd(2025, 2, 2), hrs(3), {"advocacy"}),
                  ce(ymd(2025, 2, 3), hrs(4))};
        CHECK(status(rec, set, as_of).renewable);
    }
    SUBCASE("an entry counts once toward the total and fully toward each of its topics") {
        rec.ce = {ce(ymd(2025, 2, 1), hrs(3), {"ethics", "advocacy"}), ce(ymd(2025, 2, 2), hrs(7))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).counted == hrs(10)); // 3 + 7, the first entry once
        CHECK(requirement(s, MinimumKind::TopicHours, "ethics").counted == hrs(3));
        CHECK(requirement(s, MinimumKind::TopicHours, "advocacy").counted == hrs(3));
        CHECK(s.renewable);
    }
}

TEST_CASE("evaluate: topic-entries minimums") {
    const CredentialSet set = set_of({test::make_credential("t-entries", "topics = [\"ethics\"]\n" + period12 + R"([ce]
hours = 1
[[ce.minimum]]
topic = "ethics"
entries = 2
)")});
    Record rec = holding({held("t-entries", ymd(2025, 1, 1))});
    rec.ce = {ce(ymd(2025, 2, 1), hrs(1))};
    const Date as_of = ymd(2025, 6, 1);

    SUBCASE("no ethics entry") {
        CredentialStatus s = status(rec, set, as_of);
        const RequirementProgress& r = requirement(s, MinimumKind::TopicEntries, "ethics");
        CHECK(r.entries_required == 2);
        CHECK(r.entries_counted == 0);
        CHECK_FALSE(r.met());
        CHECK_FALSE(s.renewable);
    }
    SUBCASE("one of two") {
        rec.ce.push_back(ce(ymd(2025, 2, 2), centi(50), {"ethics"}));
        CredentialStatus s = status(rec, set, as_of);
        CHECK(requirement(s, MinimumKind::TopicEntries, "ethics").entries_counted == 1);
        CHECK_FALSE(s.renewable);
    }
    SUBCASE("two short entries are two entries") {
        rec.ce.push_back(ce(ymd(2025, 2, 2), centi(25), {"ethics"}));
        rec.ce.push_back(ce(ymd(2025, 2, 3), centi(25), {"ethics"}));
        CredentialStatus s = status(rec, set, as_of);
        CHECK(requirement(s, MinimumKind::TopicEntries, "ethics").entries_counted == 2);
        CHECK(s.renewable);
    }
}

TEST_CASE("evaluate: provider-hours minimums") {
    const CredentialSet set = set_of({test::make_credential("t-provider", period12 + R"([ce]
hours = 12
[[ce.minimum]]
providers = ["GMHCN", "CCAR"]
hours = 6
)")});
    Record rec = holding({held("t-provider", ymd(2025, 1, 1))});
    const Date as_of = ymd(2025, 6, 1);

    SUBCASE("provider names match without regard to case, but exactly otherwise") {
        rec.ce = {ce(ymd(2025, 2, 1), hrs(4), {}, "gmhcn"), ce(ymd(2025, 2, 2), hrs(2), {}, "GMHCN"),
                  ce(ymd(2025, 2, 3), hrs(5), {}, "Other"), ce(ymd(2025, 2, 4), hrs(1), {}, "GMHCN ")};
        CredentialStatus s = status(rec, set, as_of);
        const RequirementProgress& r = requirement(s, MinimumKind::ProviderHours);
        CHECK(r.providers == std::vector<std::string>{"GMHCN", "CCAR"});
        CHECK(r.counted == hrs(6)); // 4 + 2; "GMHCN " with a trailing space is another name
        CHECK(r.met());
        CHECK(ce_of(s).counted == hrs(12));
        CHECK(s.renewable);
    }
    SUBCASE("any of the named providers") {
        rec.ce = {ce(ymd(2025, 2, 1), hrs(3), {}, "ccar"), ce(ymd(2025, 2, 2), centi(299), {}, "GmHcN"),
                  ce(ymd(2025, 2, 3), hrs(7), {}, "Other")};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(requirement(s, MinimumKind::ProviderHours).counted == centi(599));
        CHECK_FALSE(requirement(s, MinimumKind::ProviderHours).met());
        CHECK(ce_of(s).counted == centi(1299));
        CHECK_FALSE(s.renewable);
    }
}

TEST_CASE("evaluate: caps") {
    const Date as_of = ymd(2025, 6, 1);
    SUBCASE("a topic cap: 3 h + 3 h under a 4 h cap count 4 h") {
        const CredentialSet set = set_of({test::make_credential(
            "t-cap", "topics = [\"ethics\", \"professional-development\"]\n" + period12 +
                         "[ce]\nhours = 20\n[[ce.cap]]\ntopic = \"professional-development\"\nhours = 4\n")});
        Record rec = holding({held("t-cap", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), hrs(3), {"professional-development"}),
                  ce(ymd(2025, 2, 2), hrs(3), {"professional-development"}), ce(ymd(2025, 2, 3), hrs(2), {"ethics"})};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).counted == hrs(6)); // 3 + min(3, 4 - 3) + 2
        REQUIRE(ce_of(s).caps.size() == 1);
        CHECK(ce_of(s).caps[0].limit == hrs(4));
        CHECK(ce_of(s).caps[0].logged == hrs(6));
        CHECK(ce_of(s).caps[0].counted == hrs(4));
    }
    SUBCASE("a topic cap reached exactly, then full") {
        const CredentialSet set = set_of({test::make_credential(
            "t-cap", "topics = [\"professional-development\"]\n" + period12 +
                         "[ce]\nhours = 20\n[[ce.cap]]\ntopic = \"professional-development\"\nhours = 4\n")});
        Record rec = holding({held("t-cap", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), hrs(4), {"professional-development"})};
        CHECK(ce_of(status(rec, set, as_of)).counted == hrs(4));
        rec.ce.push_back(ce(ymd(2025, 2, 2), hrs(1), {"professional-development"}));
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).counted == hrs(4));
        CHECK(ce_of(s).caps[0].logged == hrs(5));
    }
    SUBCASE("a cap limits the total, not a minimum on the same topic") {
        const CredentialSet set =
            set_of({test::make_credential("t-cap", "topics = [\"professional-development\"]\n" + period12 + R"([ce]
hours = 4
[[ce.minimum]]
topic = "professional-development"
hours = 5
[[ce.cap]]
topic = "professional-development"
hours = 4
)")});
        Record rec = holding({held("t-cap", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), hrs(3), {"professional-development"}),
                  ce(ymd(2025, 2, 2), hrs(3), {"professional-development"})};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).counted == hrs(4));
        // "fully toward each topic it lists": 3 + 3
        CHECK(requirement(s, MinimumKind::TopicHours, "professional-development").counted == hrs(6));
        CHECK(s.renewable);
    }
    SUBCASE("a delivery cap") {
        const CredentialSet set = set_of(
            {test::make_credential("t-cap", period12 + "[ce]\nhours = 20\n[[ce.cap]]\ndelivery = \"self-study\"\nhours = 10\n")});
        Record rec = holding({held("t-cap", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), hrs(8), {}, "", Delivery::SelfStudy),
                  ce(ymd(2025, 2, 2), hrs(4), {}, "", Delivery::SelfStudy),
                  ce(ymd(2025, 2, 3), hrs(3), {}, "", Delivery::InPerson), ce(ymd(2025, 2, 4), hrs(2))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).counted == hrs(15)); // 8 + min(4, 10 - 8) + 3 + 2 (no delivery: no cap)
        CHECK(ce_of(s).caps[0].delivery == Delivery::SelfStudy);
        CHECK(ce_of(s).caps[0].logged == hrs(12));
        CHECK(ce_of(s).caps[0].counted == hrs(10));
    }
    SUBCASE("an entry under two caps takes the smaller room, and uses it in both") {
        const CredentialSet set =
            set_of({test::make_credential("t-cap", "topics = [\"professional-development\"]\n" + period12 + R"([ce]
hours = 20
[[ce.cap]]
topic = "professional-development"
hours = 4
[[ce.cap]]
delivery = "self-study"
hours = 10
)")});
        Record rec = holding({held("t-cap", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), hrs(6), {"professional-development"}, "", Delivery::SelfStudy),
                  ce(ymd(2025, 2, 2), hrs(8), {}, "", Delivery::SelfStudy)};
        CredentialStatus s = status(rec, set, as_of);
        // first: min(6, 4, 10) = 4; second: min(8, 10 - 4) = 6
        CHECK(ce_of(s).counted == hrs(10));
        CHECK(ce_of(s).caps[0].counted == hrs(4));
        CHECK(ce_of(s).caps[1].counted == hrs(10));
        CHECK(ce_of(s).caps[1].logged == hrs(14));
    }
    SUBCASE("max_entry_hours") {
        const CredentialSet set = set_of({test::make_credential("t-cap", period12 + "[ce]\nhours = 30\nmax_entry_hours = 8\n")});
        Record rec = holding({held("t-cap", ymd(2025, 1, 1))});
        rec.ce = {ce(ymd(2025, 2, 1), hrs(10)), ce(ymd(2025, 2, 2), hrs(8)), ce(ymd(2025, 2, 3), centi(799))};
        CHECK(ce_of(status(rec, set, as_of)).counted == centi(2399)); // 8 + 8 + 7.99
    }
}

TEST_CASE("evaluate: carry-over") {
    // Issued 2024-01-01, expires 2025-01-01; renewed on 2024-12-15 to 2026-01-01. Previous window
    // 2024-01-01 .. 2025-01-01, current 2025-01-02 .. 2026-01-01.
    const CredentialSet set = set_of({test::make_credential("t-carry", period12 + "[ce]\nhours = 10\ncarry_over_max = 5\n")});
    Record rec = holding({held("t-carry", ymd(2024, 1, 1))});
    rec.renewals = {renewal("t-carry", ymd(2024, 12, 15))};
    const Date as_of = ymd(2025, 6, 1);

    SUBCASE("a surplus above the maximum carries the maximum") {
        // previous 10 + 7 = 17 (on its first and last day): surplus 7, carried 5; current 4 -> 9
        rec.ce = {ce(ymd(2024, 1, 1), hrs(10)), ce(ymd(2025, 1, 1), hrs(7)), ce(ymd(2025, 1, 2), hrs(4))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).window_start == ymd(2025, 1, 2));
        CHECK(ce_of(s).carried_over == hrs(5));
        CHECK(ce_of(s).counted == hrs(9));
        CHECK(ce_of(s).remaining() == hrs(1));
        CHECK_FALSE(s.renewable);
    }
    SUBCASE("a surplus of exactly the maximum") {
        // previous 15: surplus 5, carried 5; current 5 -> 10, renewable
        rec.ce = {ce(ymd(2024, 6, 1), hrs(15)), ce(ymd(2025, 2, 1), hrs(5))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).carried_over == hrs(5));
        CHECK(ce_of(s).counted == hrs(10));
        CHECK(s.renewable);
    }
    SUBCASE("a surplus below the maximum carries all of it") {
        // previous 13: surplus 3; current 4 -> 7
        rec.ce = {ce(ymd(2024, 6, 1), hrs(13)), ce(ymd(2025, 2, 1), hrs(4))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).carried_over == hrs(3));
        CHECK(ce_of(s).counted == hrs(7));
    }
    SUBCASE("no surplus, or a shortfall, carries nothing") {
        rec.ce = {ce(ymd(2024, 6, 1), hrs(10)), ce(ymd(2025, 2, 1), hrs(4))};
        CHECK(ce_of(status(rec, set, as_of)).carried_over == Hours());
        rec.ce = {ce(ymd(2024, 6, 1), hrs(8)), ce(ymd(2025, 2, 1), hrs(4))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(ce_of(s).carried_over == Hours());
        CHECK(ce_of(s).counted == hrs(4));
    }
    SUBCASE("only the previous period's entries make the surplus") {
        // 2023-12-31 is before the previous window: previous 10, surplus 0
        rec.ce = {ce(ymd(2023, 12, 31), hrs(5)), ce(ymd(2024, 6, 1), hrs(10)), ce(ymd(2025, 2, 1), hrs(4))};
        CHECK(ce_of(status(rec, set, as_of)).carried_over == Hours());
    }
    SUBCASE("the first period has nothing to carry over") {
        rec.renewals.clear();
        rec.ce = {ce(ymd(2024, 1, 1), hrs(17))};
        CredentialStatus s = status(rec, set, ymd(2024, 6, 1));
        CHECK(ce_of(s).carried_over == Hours());
        CHECK(ce_of(s).counted == hrs(17));
    }
    SUBCASE("no carry-over when the rules allow none") {
        const CredentialSet none = set_of({test::make_credential("t-carry", period12 + "[ce]\nhours = 10\n")});
        rec.ce = {ce(ymd(2024, 6, 1), hrs(17)), ce(ymd(2025, 2, 1), hrs(4))};
        CredentialStatus s = status(rec, none, as_of);
        CHECK(ce_of(s).carried_over == Hours());
        CHECK(ce_of(s).counted == hrs(4));
    }
}

TEST_CASE("evaluate: initial training") {
    const CredentialSet set =
        set_of({test::make_credential("t-train", "domains = [\"ethics\", \"advocacy\"]\n" + period12 + R"([training]
hours = 46
[[training.domain]]
domain = "ethics"
hours = 16
[[training.domain]]
domain = "advocacy"
hours = 10
)")});
    Record rec = holding({held("t-train")}); // pursued
    const Date as_of = ymd(2025, 6, 1);

    SUBCASE("total and every domain met: eligible") {
        rec.training = {training(ymd(2025, 1, 1), hrs(16), "ethics"), training(ymd(2025, 1, 2), hrs(10), "advocacy"),
                        training(ymd(2025, 1, 3), hrs(20))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.state == State::Eligible);
        REQUIRE(s.training);
        CHECK(s.training->required == hrs(46));
        CHECK(s.training->completed == hrs(46));
        CHECK(s.training->met);
        REQUIRE(s.training->domains.size() == 2);
        CHECK(s.training->domains[0].domain == "ethics");
        CHECK(s.training->domains[0].completed == hrs(16));
        CHECK(s.training->domains[1].completed == hrs(10));
        CHECK_FALSE(s.certification);
    }
    SUBCASE("total met, one domain 0.01 h short: in training") {
        rec.training = {training(ymd(2025, 1, 1), centi(1599), "ethics"), training(ymd(2025, 1, 2), hrs(10), "advocacy"),
                        training(ymd(2025, 1, 3), centi(2001))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.training->completed == hrs(46));
        CHECK_FALSE(s.training->met);
        CHECK(s.state == State::InTraining);
    }
    SUBCASE("domains met, total 0.01 h short: in training") {
        rec.training = {training(ymd(2025, 1, 1), hrs(16), "ethics"), training(ymd(2025, 1, 2), hrs(10), "advocacy"),
                        training(ymd(2025, 1, 3), centi(1999))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.training->completed == centi(4599));
        CHECK(s.state == State::InTraining);
    }
    SUBCASE("training after as_of does not count yet") {
        rec.training = {training(ymd(2025, 1, 1), hrs(16), "ethics"), training(ymd(2025, 1, 2), hrs(10), "advocacy"),
                        training(ymd(2025, 6, 2), hrs(20))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.training->completed == hrs(26));
        CHECK(s.state == State::InTraining);
        CHECK(status(rec, set, ymd(2025, 6, 2)).state == State::Eligible);
    }
}

TEST_CASE("evaluate: training within a look-back") {
    const CredentialSet set =
        set_of({test::make_credential("t-recent", period12 + "[training]\nhours = 10\nwithin_months = 12\n")});
    SUBCASE("certified: counted back from the issue date, inclusive") {
        // issued 2025-06-01: the look-back starts 2024-06-01
        Record rec = holding({held("t-recent", ymd(2025, 6, 1))});
        rec.training = {training(ymd(2024, 6, 1), hrs(10))};
        CHECK(status(rec, set, ymd(2025, 7, 1)).training->completed == hrs(10));
        rec.training = {training(ymd(2024, 5, 31), hrs(10))};
        CHECK(status(rec, set, ymd(2025, 7, 1)).training->completed == Hours());
        rec.training = {training(ymd(2025, 6, 2), hrs(10))}; // after the issue date
        CHECK(status(rec, set, ymd(2025, 7, 1)).training->completed == Hours());
    }
    SUBCASE("pursued: counted back from as_of") {
        // as_of 2025-07-01: the look-back starts 2024-07-01
        Record rec = holding({held("t-recent")});
        rec.training = {training(ymd(2024, 6, 30), hrs(10))};
        CredentialStatus s = status(rec, set, ymd(2025, 7, 1));
        CHECK(s.training->completed == Hours());
        CHECK(s.state == State::InTraining);
        rec.training = {training(ymd(2024, 7, 1), hrs(10))};
        CHECK(status(rec, set, ymd(2025, 7, 1)).state == State::Eligible);
    }
}

TEST_CASE("evaluate: experience") {
    const CredentialSet set = set_of({test::make_credential("t-exp", period12 + R"([[experience]]
kinds = ["work", "volunteer"]
hours = 500
[[experience]]
kinds = ["supervision"]
hours = 25
)")});
    Record rec = holding({held("t-exp")});
    const Date as_of = ymd(2025, 6, 1);

    SUBCASE("both minimums met: eligible") {
        rec.experience = {experience(ymd(2025, 1, 1), hrs(300), ExperienceKind::Work),
                          experience(ymd(2025, 2, 1), hrs(200), ExperienceKind::Volunteer),
                          experience(ymd(2025, 3, 1), hrs(25), ExperienceKind::Supervision)};
        CredentialStatus s = status(rec, set, as_of);
        REQUIRE(s.experience.size() == 2);
        CHECK(s.experience[0].required == hrs(500));
        CHECK(s.experience[0].completed == hrs(500));
        CHECK(s.experience[1].completed == hrs(25));
        CHECK(s.state == State::Eligible);
    }
    SUBCASE("supervision 0.01 h short") {
        rec.experience = {experience(ymd(2025, 1, 1), hrs(500), ExperienceKind::Work),
                          experience(ymd(2025, 3, 1), centi(2499), ExperienceKind::Supervision)};
        CHECK(status(rec, set, as_of).state == State::InTraining);
    }
    SUBCASE("each kind counts only where it is listed") {
        rec.experience = {experience(ymd(2025, 1, 1), hrs(300), ExperienceKind::Work),
                          experience(ymd(2025, 3, 1), hrs(225), ExperienceKind::Supervision)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.experience[0].completed == hrs(300));
        CHECK(s.experience[1].completed == hrs(225));
        CHECK(s.state == State::InTraining);
    }
    SUBCASE("hours after as_of do not count yet") {
        rec.experience = {experience(ymd(2025, 1, 1), hrs(500), ExperienceKind::Work),
                          experience(ymd(2025, 6, 2), hrs(25), ExperienceKind::Supervision)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.experience[1].completed == Hours());
        CHECK(s.state == State::InTraining);
    }
}

TEST_CASE("evaluate: exam attempts") {
    const CredentialSet set = set_of(
        {test::make_credential("t-exam", period12 + "[exam]\nrequired = true\nmax_attempts = 3\nretest_wait_days = 90\n")});
    Record rec = holding({held("t-exam")});
    const Date as_of = ymd(2025, 1, 1);
    const auto passed = ExamResult::Passed;
    const auto failed = ExamResult::Failed;

    SUBCASE("no attempt yet") {
        CredentialStatus s = status(rec, set, as_of);
        REQUIRE(s.exam);
        CHECK(s.exam->required);
        CHECK_FALSE(s.exam->passed);
        CHECK(s.exam->attempts == 0);
        CHECK(s.exam->attempts_left == 3);
        CHECK(s.state == State::InTraining);
        CHECK(s.problems.empty());
    }
    SUBCASE("passed at the first attempt") {
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), passed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->passed);
        CHECK(s.exam->attempts == 1);
        CHECK(s.exam->attempts_left == 2);
        REQUIRE(s.exam->last_date);
        CHECK(*s.exam->last_date == ymd(2024, 1, 10));
        CHECK(s.exam->last_result == passed);
        CHECK(s.state == State::Eligible);
    }
    SUBCASE("retest exactly at the wait: no problem") {
        // 2024-01-10 -> 2024-04-09: 21 (rest of Jan) + 29 (Feb 2024) + 31 (Mar) + 9 = 90 days
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), failed), exam("t-exam", ymd(2024, 4, 9), passed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->attempts == 2);
        CHECK(s.exam->attempts_left == 1);
        CHECK(s.exam->passed);
        CHECK(s.problems.empty());
    }
    SUBCASE("retest one day early: a problem") {
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), failed), exam("t-exam", ymd(2024, 4, 8), passed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->passed);
        CHECK(s.problems ==
              std::vector<std::string>{"exam on 2024-04-08 was 89 days after a failed attempt; t-exam requires 90"});
    }
    SUBCASE("scheduled exams are not attempts") {
        rec.exams = {exam("t-exam", ymd(2025, 2, 1), ExamResult::Scheduled),
                     exam("t-exam", ymd(2024, 12, 1), ExamResult::Scheduled)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->attempts == 0);
        REQUIRE(s.exam->scheduled);
        CHECK(*s.exam->scheduled == ymd(2025, 2, 1)); // the past one is stale
    }
    SUBCASE("attempts after as_of, after a pass, or for another credential do not count") {
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), passed), exam("t-exam", ymd(2024, 6, 1), failed),
                     exam("t-exam", ymd(2025, 1, 2), failed), exam("t-other", ymd(2024, 2, 1), failed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->attempts == 1);
        CHECK(s.exam->passed);
        CHECK(s.problems.empty());
    }
    SUBCASE("two failures leave one attempt") {
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), failed), exam("t-exam", ymd(2024, 4, 9), failed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->attempts_left == 1);
        CHECK(s.problems.empty());
    }
    SUBCASE("every attempt used without a pass") {
        // 90 days apart: Apr 9 -> Jul 8 is 21 + 31 + 30 + 8
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), failed), exam("t-exam", ymd(2024, 4, 9), failed),
                     exam("t-exam", ymd(2024, 7, 8), failed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->attempts == 3);
        CHECK(s.exam->attempts_left == 0);
        CHECK(s.problems == std::vector<std::string>{"all 3 exam attempts used without a pass"});
        CHECK(s.state == State::InTraining);
    }
    SUBCASE("more attempts than allowed") {
        // Jul 8 -> Oct 6 is 23 + 31 + 30 + 6 = 90 days
        rec.exams = {exam("t-exam", ymd(2024, 1, 10), failed), exam("t-exam", ymd(2024, 4, 9), failed),
                     exam("t-exam", ymd(2024, 7, 8), failed), exam("t-exam", ymd(2024, 10, 6), passed)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(s.exam->attempts == 4);
        CHECK(s.exam->attempts_left == 0);
        CHECK(s.problems == std::vector<std::string>{"4 exam attempts recorded; t-exam allows 3"});
    }
}

TEST_CASE("evaluate: exam deadline after training") {
    const CredentialSet set = set_of(
        {test::make_credential("t-deadline", period12 + "[training]\nhours = 10\n[exam]\nwithin_months_of_training = 12\n")});
    Record rec = holding({held("t-deadline")});
    // Out of order on purpose: the total of 10 h is reached on 2024-03-15 (6 + 4), so the
    // deadline is 2025-03-15.
    rec.training = {training(ymd(2024, 3, 15), hrs(4)), training(ymd(2024, 3, 1), hrs(6))};

    SUBCASE("passed on the deadline") {
        rec.exams = {exam("t-deadline", ymd(2025, 3, 15), ExamResult::Passed)};
        CredentialStatus s = status(rec, set, ymd(2025, 4, 1));
        CHECK(s.problems.empty());
        CHECK(s.state == State::Eligible);
    }
    SUBCASE("passed the day after") {
        rec.exams = {exam("t-deadline", ymd(2025, 3, 16), ExamResult::Passed)};
        CredentialStatus s = status(rec, set, ymd(2025, 4, 1));
        CHECK(s.problems ==
              std::vector<std::string>{"exam passed on 2025-03-16, after the deadline of 2025-03-15 (12 months after training)"});
    }
    SUBCASE("not passed: a problem only once the deadline has gone") {
        CHECK(status(rec, set, ymd(2025, 3, 15)).problems.empty());
        CHECK(status(rec, set, ymd(2025, 3, 16)).problems ==
              std::vector<std::string>{
                  "the exam deadline 2025-03-15 (12 months after training) has passed; the training must be repeated"});
    }
    SUBCASE("training total not reached: no deadline yet") {
        rec.training = {training(ymd(2024, 3, 1), hrs(6))};
        CredentialStatus s = status(rec, set, ymd(2026, 1, 1));
        CHECK(s.problems.empty());
        CHECK(s.state == State::InTraining);
    }
}

TEST_CASE("evaluate: levels") {
    const CredentialSet set = set_of({test::make_credential("t-levels", levels_rule)});
    const Date as_of = ymd(2024, 12, 1);

    SUBCASE("provisional: 12 months, not renewable even with CE met; progress toward full") {
        Record rec = holding({held("t-levels", ymd(2024, 1, 15), "provisional")});
        rec.ce = {ce(ymd(2024, 6, 1), hrs(10))};
        rec.experience = {experience(ymd(2024, 5, 1), hrs(120), ExperienceKind::Work),
                          experience(ymd(2024, 5, 2), hrs(200), ExperienceKind::Volunteer)};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(cert_of(s).level == "provisional");
        CHECK(cert_of(s).expires == ymd(2025, 1, 15));
        CHECK(ce_of(s).met());
        CHECK_FALSE(s.renewable);
        REQUIRE(s.next_level);
        CHECK(s.next_level->level == "full");
        REQUIRE(s.next_level->experience.size() == 1);
        CHECK(s.next_level->experience[0].required == hrs(300));
        CHECK(s.next_level->experience[0].completed == hrs(120)); // volunteer hours are not work
        CHECK_FALSE(s.next_level->met);

        rec.experience.push_back(experience(ymd(2024, 7, 1), hrs(180), ExperienceKind::Work));
        CredentialStatus met = status(rec, set, as_of);
        CHECK(met.next_level->experience[0].completed == hrs(300));
        CHECK(met.next_level->met);
    }
    SUBCASE("full: the period's 24 months, renewable, no next level") {
        Record rec = holding({held("t-levels", ymd(2024, 1, 15), "full")});
        rec.ce = {ce(ymd(2024, 6, 1), hrs(10))};
        CredentialStatus s = status(rec, set, as_of);
        CHECK(cert_of(s).level == "full");
        CHECK(cert_of(s).expires == ymd(2026, 1, 15));
        CHECK(s.renewable);
        CHECK_FALSE(s.next_level);
    }
    SUBCASE("no level named: the default, the last level") {
        Record rec = holding({held("t-levels", ymd(2024, 1, 15))});
        CredentialStatus s = status(rec, set, as_of);
        CHECK(cert_of(s).level == "full");
        CHECK(cert_of(s).expires == ymd(2026, 1, 15));
    }
}

TEST_CASE("evaluate: submit_by") {
    const CredentialSet set = set_of({test::make_credential(
        "t-submit", "[period]\nanchor = \"issue-date\"\nmonths = 36\n[ce]\nhours = 28\nsubmit_before_days = 45\n")});
    Record rec = holding({held("t-submit", ymd(2023, 4, 1))}); // expires 2026-04-01
    SUBCASE("45 days before the expiry") {
        // 2026-04-01 - 31 days = 2026-03-01; - 14 more = 2026-02-15
        const CredentialStatus s = status(rec, set, ymd(2025, 1, 1));
        const Certification& c = cert_of(s);
        REQUIRE(c.submit_by);
        CHECK(*c.submit_by == ymd(2026, 2, 15));
    }
    SUBCASE("it moves with a renewal") {
        rec.renewals = {renewal("t-submit", ymd(2026, 3, 1))};
        const CredentialStatus s = status(rec, set, ymd(2026, 3, 2));
        const Certification& c = cert_of(s);
        CHECK(c.expires == ymd(2029, 4, 1));
        REQUIRE(c.submit_by);
        CHECK(*c.submit_by == ymd(2029, 2, 15)); // Feb 2029 has 28 days: Mar 1 - 14 = Feb 15
    }
    SUBCASE("none without submit_before_days") {
        const CredentialSet basic = set_of({test::make_credential("t-basic", basic_rule)});
        CHECK_FALSE(cert_of(status(holding({held("t-basic", ymd(2024, 3, 10))}), basic, ymd(2024, 6, 1))).submit_by);
    }
}

TEST_CASE("evaluate: several credentials read the same log") {
    const CredentialSet set = set_of({test::make_credential("t-a", basic_rule), test::make_credential("t-b", basic_rule)});
    // t-a: window 2024-03-10 .. 2025-03-10; t-b: 2024-09-01 .. 2025-09-01
    Record rec = holding({held("t-a", ymd(2024, 3, 10)), held("t-b", ymd(2024, 9, 1)), held("t-unknown")});
    rec.ce = {ce(ymd(2024, 4, 1), hrs(3)), ce(ymd(2024, 10, 1), hrs(5))};
    SpecialistStatus all = evaluate(rec, set, ymd(2025, 1, 1));
    CHECK(all.id == "t");
    CHECK(all.name == "T. Tester");
    CHECK(all.file == "t.toml");
    // One status per credential known to the rules, in the record's order.
    REQUIRE(all.credentials.size() == 2);
    CHECK(all.credentials[0].rule->id == "t-a");
    CHECK(all.credentials[1].rule->id == "t-b");
    CHECK(ce_of(all.credentials[0]).counted == hrs(8)); // both entries
    CHECK(ce_of(all.credentials[1]).counted == hrs(5)); // the one inside its window
}

TEST_CASE("evaluate: a credential without CE rules is renewable") {
    const CredentialSet set = set_of({test::make_credential("t-noce", period12)});
    CredentialStatus s = status(holding({held("t-noce", ymd(2024, 3, 10))}), set, ymd(2024, 6, 1));
    CHECK(s.state == State::Active);
    CHECK_FALSE(s.ce);
    CHECK(s.renewable);
}

TEST_CASE("CeProgress::hours_to_go: the largest shortfall of the total and the hour minimums") {
    CeProgress ce;
    ce.required = hrs(20);
    ce.counted = hrs(21);
    RequirementProgress ethics;
    ethics.topic = "ethics";
    ethics.required = hrs(3);
    CHECK(ce.hours_to_go() == Hours());
    ce.requirements.push_back(ethics);
    // The total is met and 3 h of ethics are not: 3 h to go, though remaining() is 0.
    CHECK(ce.remaining() == Hours());
    CHECK(ce.hours_to_go() == hrs(3));
    RequirementProgress providers;
    providers.kind = MinimumKind::ProviderHours;
    providers.required = hrs(5);
    providers.counted = hrs(1);
    ce.requirements.push_back(providers);
    // One course from the provider on ethics meets both: the largest, not the sum.
    CHECK(ce.hours_to_go() == hrs(4));
    RequirementProgress entries;
    entries.kind = MinimumKind::TopicEntries;
    entries.entries_required = 9;
    ce.requirements.push_back(entries);
    CHECK(ce.hours_to_go() == hrs(4));
    ce.counted = hrs(10);
    CHECK(ce.hours_to_go() == hrs(10));
}
