// Worked examples for the six built-in credentials, against the REAL rule files in data/credentials.
//
// Each TEST_CASE is one specialist whose status has been computed by hand from
// docs/credentials/<id>.md and docs/contract.md ("How status is computed"); the
// comments show the arithmetic, the assertions check every figure. A change to a built-in rule
// file, or to evaluation, that moves any of these numbers has to be deliberate.
//
// Select them with: unit_tests -tc='*built-in*'

#include "builtin_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace {

using namespace peerctl;
using namespace peerctl::test;

const RequirementProgress& requirement(const CeProgress& ce, MinimumKind kind, std::string_view topic_or_provider) {
    auto it = std::find_if(ce.requirements.begin(), ce.requirements.end(), [&](const RequirementProgress& r) {
        if (r.kind != kind) return false;
        if (kind == MinimumKind::ProviderHours)
            return std::find(r.providers.begin(), r.providers.end(), topic_or_provider) != r.providers.end();
        return r.topic == topic_or_provider;
    });
    REQUIRE_MESSAGE(it != ce.requirements.end(), "no CE requirement for ", std::string(topic_or_provider));
    return *it;
}

std::string remaining(const RequirementProgress& r) { return shortfall(r.required, r.counted).str(); }

} // namespace

// ---------------------------------------------------------------------------------------------
// ct-rss: 80 h training + exam; 36-month period from the issue date; 60 CE h per period, no topic
// minimums, no caps, no carry-over, no grace (lapsed the day after expiry).
//
// Jordan was issued the RSS on a leap day, so both expiries clamp to Feb 28:
//   first expiry  = 2020-02-29 + 36 months = 2023-02-29 -> does not exist -> 2023-02-28
//   renewal granted 2023-01-20 (no own `expires`): one period on
//                 = 2023-02-28 + 36 months = 2026-02-28  (= 2020-02-29 + 72 months, clamped)
//   CE window     = day after the previous expiry .. expiry = 2023-03-01 .. 2026-02-28
//
// CE entries, as of 2026-01-15:
//   2022-11-05   6    previous period                      out
//   2023-02-28   3    last day of the previous period      out
//   2023-03-01   6    first day of the window              in     6
//   2023-09-14  12                                         in    18
//   2024-04-10  15                                         in    33
//   2024-10-02   6                                         in    39
//   2025-06-18  10                                         in    49
//   2025-12-03   7.5                                       in    56.5
//   2026-02-10   4    after as_of (counts from Feb 10)     out
//   counted 56.5 of 60 -> remaining 3.5 -> renewable false
//   days_left = 2026-01-15 -> 2026-02-28 = 31 + 13 = 44; state active
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in ct-rss: 36-month period from a leap-day issue, 60 CE h, no grace") {
    Builtins b;
    Record rec = b.record(R"(
id = "jdoe"
name = "Jordan Doe"

[credentials.ct-rss]
number = "RSS-0123"
issued = 2020-02-29

[[training]]
date = 2019-10-07
hours = 40
title = "RSS training, weeks 1-2"
provider = "Advocacy Unlimited"

[[training]]
date = 2019-11-04
hours = 40
title = "RSS training, weeks 3-4 incl. between-class assignments"
provider = "Advocacy Unlimited"

[[exam]]
date = 2020-01-16
result = "passed"
score = 84

[[experience]]
date = 2019-12-31
hours = 120
kind = "volunteer"

[[ce]]
date = 2022-11-05
hours = 6
title = "Motivational interviewing basics"
provider = "CCAR"
topics = ["peer-support"]

[[ce]]
date = 2023-02-28
hours = 3
title = "Ethics and boundaries"
provider = "CCAR"
topics = ["ethics"]

[[renewal]]
date = 2023-01-20

[[ce]]
date = 2023-03-01
hours = 6
title = "Trauma-informed peer support"
provider = "Advocacy Unlimited"
topics = ["recovery-wellness"]
delivery = "in-person"

[[ce]]
date = 2023-09-14
hours = 12
title = "Recovery coaching intensive"
provider = "CCAR"
topics = ["peer-support"]
delivery = "in-person"

[[ce]]
date = 2024-04-10
hours = 15
title = "Annual peer leadership conference"
provider = "Advocacy Unlimited"
topics = ["peer-support", "advocacy"]

[[ce]]
date = 2024-10-02
hours = 6
title = "Ethics in peer work"
provider = "CCAR"
topics = ["ethics"]
approval = "CCB-1234"

[[ce]]
date = 2025-06-18
hours = 10
title = "Legislative advocacy academy"
provider = "Keep the Promise Coalition"
topics = ["advocacy"]
delivery = "live-online"

[[ce]]
date = 2025-12-03
hours = 7.5
title = "WRAP facilitator refresher"
provider = "Copeland Center"
topics = ["recovery-wellness"]
delivery = "self-study"

[[ce]]
date = 2026-02-10
hours = 4
title = "Documentation and confidentiality"
provider = "CCAR"
topics = ["ethics"]
delivery = "live-online"
)");

    SUBCASE("as of 2026-01-15: active, 44 days left, 56.5 of 60 h") {
        CredentialStatus cs = b.status(rec, "ct-rss", "2026-01-15");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.training);
        CHECK(cs.training->required.str() == "80");
        CHECK(cs.training->completed.str() == "80");
        CHECK(cs.training->met);
        CHECK(cs.experience.empty()); // ct-rss asks for no experience hours
        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        CHECK(cs.exam->attempts == 1);
        REQUIRE(cs.certification);
        CHECK(cs.certification->number == "RSS-0123");
        CHECK(str(cs.certification->issued) == "2020-02-29");
        CHECK(cs.certification->renewals == 1);
        CHECK(str(cs.certification->expires) == "2026-02-28");
        CHECK(cs.certification->days_left == 44);
        CHECK_FALSE(cs.certification->submit_by);
        CHECK_FALSE(cs.certification->grace_until);
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2023-03-01");
        CHECK(str(cs.ce->window_end) == "2026-02-28");
        CHECK(cs.ce->required.str() == "60");
        CHECK(cs.ce->counted.str() == "56.5");
        CHECK(cs.ce->remaining().str() == "3.5");
        CHECK(cs.ce->carried_over.str() == "0");
        CHECK(cs.ce->entries == 6);
        CHECK(cs.ce->requirements.empty());
        CHECK(cs.ce->caps.empty());
        CHECK_FALSE(cs.renewable);
        CHECK(cs.problems.empty());
    }
    SUBCASE("as of 2026-02-28, the expiry day: 0 days left, 60.5 h, renewable") {
        // The 2026-02-10 entry now counts: 56.5 + 4 = 60.5 >= 60.
        CredentialStatus cs = b.status(rec, "ct-rss", "2026-02-28");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == 0);
        REQUIRE(cs.ce);
        CHECK(cs.ce->counted.str() == "60.5");
        CHECK(cs.ce->remaining().str() == "0");
        CHECK(cs.ce->entries == 7);
        CHECK(cs.renewable);
    }
    SUBCASE("as of 2026-03-01: no grace window, lapsed the day after expiry") {
        // No [[after_expiry]] rung; the window stays the period that ended (no renewal recorded).
        CredentialStatus cs = b.status(rec, "ct-rss", "2026-03-01");
        CHECK(cs.state == State::Lapsed);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == -1);
        CHECK_FALSE(cs.certification->grace_until);
        CHECK_FALSE(cs.certification->late_fee_cents);
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2023-03-01");
        CHECK(str(cs.ce->window_end) == "2026-02-28");
        CHECK(cs.ce->counted.str() == "60.5");
        CHECK(cs.renewable); // docs/contract.md: `renewable` is about CE only
    }
}

// ---------------------------------------------------------------------------------------------
// ct-cpsrp: provisional level (80 h + exam), valid 12 months and NOT renewable; the full level
// needs 300 h of supervised *work* (volunteer and supervision hours do not count); 10 CE h per
// 12-month period.
//
// Maria holds the provisional credential:
//   expiry     = 2026-06-15 + 12 months (the level's validity) = 2027-06-15
//   CE window  = 2026-06-15 .. 2027-06-15
//
// As of 2027-03-01:
//   days_left  = 2027-03-01 -> 2027-06-15 = 31 + 30 + 31 + 14 = 106; state active
//   CE:  2026-05-20  3    before the issue date      out
//        2026-09-10  4                               in    4
//        2027-01-22  6.5                             in   10.5
//        counted 10.5 of 10 -> remaining 0, the CE rule is met ...
//        ... but renewable = false: the provisional level is not renewable (it is upgraded)
//   next level "full", work hours (entries up to as_of):
//        2026-05-29  16 volunteer  -   2026-07-31 120 work   120
//        2026-10-30 100 work  220  -   2026-12-18  60 volunteer  -
//        2027-01-29  10 supervision -  2027-02-26  50 work   270
//        2027-04-30  40 work: after as_of
//        270 of 300 -> not met
// As of 2027-05-15: work = 270 + 40 = 310 >= 300 -> met; days_left = 31; still not renewable.
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in ct-cpsrp: provisional level valid 12 months, not renewable, full needs 300 h work") {
    Builtins b;
    Record rec = b.record(R"(
id = "mrivera"
name = "Maria Rivera"

[credentials.ct-cpsrp]
number = "CPSRP-P-0042"
issued = 2026-06-15
level = "provisional"

[[training]]
date = 2026-02-02
hours = 40
title = "CPSRP 80-hour course, part 1"
provider = "Advocacy Unlimited"

[[training]]
date = 2026-03-02
hours = 40
title = "CPSRP 80-hour course, part 2"
provider = "Advocacy Unlimited"

[[exam]]
date = 2026-05-28
result = "passed"

[[experience]]
date = 2026-05-29
hours = 16
kind = "volunteer"

[[experience]]
date = 2026-07-31
hours = 120
kind = "work"

[[experience]]
date = 2026-10-30
hours = 100
kind = "work"

[[experience]]
date = 2026-12-18
hours = 60
kind = "volunteer"

[[experience]]
date = 2027-01-29
hours = 10
kind = "supervision"

[[experience]]
date = 2027-02-26
hours = 50
kind = "work"

[[experience]]
date = 2027-04-30
hours = 40
kind = "work"

[[ce]]
date = 2026-05-20
hours = 3
title = "Ethics in peer work"
provider = "CCAR"
topics = ["ethics"]

[[ce]]
date = 2026-09-10
hours = 4
title = "Shared decision-making"
provider = "CCAR"
topics = ["peer-support"]

[[ce]]
date = 2027-01-22
hours = 6.5
title = "Boundaries and dual relationships"
provider = "CT Certification Board"
topics = ["ethics"]
delivery = "live-online"
)");

    SUBCASE("as of 2027-03-01: 106 days left, CE met, 270 of 300 work hours") {
        CredentialStatus cs = b.status(rec, "ct-cpsrp", "2027-03-01");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.training);
        CHECK(cs.training->completed.str() == "80");
        CHECK(cs.training->met);
        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        REQUIRE(cs.certification);
        CHECK(cs.certification->level == "provisional");
        CHECK(str(cs.certification->expires) == "2027-06-15");
        CHECK(cs.certification->days_left == 106);
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2026-06-15");
        CHECK(str(cs.ce->window_end) == "2027-06-15");
        CHECK(cs.ce->required.str() == "10");
        CHECK(cs.ce->counted.str() == "10.5");
        CHECK(cs.ce->remaining().str() == "0");
        CHECK(cs.ce->met());
        CHECK_FALSE(cs.renewable); // provisional: renewable = false, whatever the CE
        REQUIRE(cs.next_level);
        CHECK(cs.next_level->level == "full");
        REQUIRE(cs.next_level->experience.size() == 1);
        CHECK(cs.next_level->experience[0].required.str() == "300");
        CHECK(cs.next_level->experience[0].completed.str() == "270");
        CHECK_FALSE(cs.next_level->met);
        CHECK(cs.problems.empty());
    }
    SUBCASE("as of 2027-05-15: 310 work hours, full level's requirement met, still not renewable") {
        CredentialStatus cs = b.status(rec, "ct-cpsrp", "2027-05-15");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == 31);
        REQUIRE(cs.next_level);
        REQUIRE(cs.next_level->experience.size() == 1);
        CHECK(cs.next_level->experience[0].completed.str() == "310");
        CHECK(cs.next_level->met);
        CHECK_FALSE(cs.renewable);
    }
}

// ---------------------------------------------------------------------------------------------
// icrc-pr: 46 h training with domain minimums advocacy 10, mentoring-education 10,
// recovery-wellness 10, ethics 16; 500 h work/volunteer + 25 h supervision; exam with at most 4
// attempts and 90 days between a failure and a retest; 24-month period; 20 CE h incl. 6 h ethics.
//
// Thanh failed on 2023-10-02 and retook the exam 60 days later (Oct 2 -> Nov 2 = 31, Nov 2 ->
// Dec 1 = 29), passing: one problem, "60 days after a failed attempt; icrc-pr requires 90".
// Attempts 2 of 4 -> 2 left.
//   training: advocacy 10, mentoring-education 10, recovery-wellness 10, ethics 8 + 8 = 16 -> 46
//   experience: volunteer 200 + work 320 = 520 >= 500; supervision 12 + 13 = 25 >= 25
//   expiry    = 2024-02-29 + 24 months = 2026-02-29 -> 2026-02-28 (clamped)
//   CE window = 2024-02-29 .. 2026-02-28
//   days_left = 2025-11-23 -> 2026-02-28 = 30 + 31 + 31 + 5 = 97; state active
// CE as of 2025-11-23:                                     total   ethics
//   2024-01-20  3    ethics        before the window  out
//   2024-02-29  2    ethics, confidentiality (issue day)  2       2
//   2024-09-12  6    harm-reduction                       8
//   2025-03-05  1.5  confidentiality only (NOT ethics)    9.5
//   2025-06-20  3    ethics, cultural-competence         12.5     5
//   2025-10-08  4.25 recovery-wellness, self-study       16.75
//   2025-12-05  3    ethics        after as_of        out
//   total 16.75 of 20 -> remaining 3.25; ethics 5 of 6 -> remaining 1; renewable false
// ---------------------------------------------------------------------------------------------
namespace {
std::string icrc_record(std::string_view retake_date) {
    std::string text = R"(
id = "tnguyen"
name = "Thanh Nguyen"

[credentials.icrc-pr]
number = "PR-0456"
issued = 2024-02-29

[[training]]
date = 2023-06-05
hours = 10
domain = "advocacy"
title = "Advocacy"
provider = "Recovery Coach Academy"

[[training]]
date = 2023-06-12
hours = 10
domain = "mentoring-education"
title = "Mentoring and education"
provider = "Recovery Coach Academy"

[[training]]
date = 2023-06-19
hours = 10
domain = "recovery-wellness"
title = "Recovery and wellness support"
provider = "Recovery Coach Academy"

[[training]]
date = 2023-06-26
hours = 8
domain = "ethics"
title = "Ethical responsibility, part 1"
provider = "Recovery Coach Academy"

[[training]]
date = 2023-07-10
hours = 8
domain = "ethics"
title = "Ethical responsibility, part 2"
provider = "Recovery Coach Academy"

[[experience]]
date = 2023-03-31
hours = 200
kind = "volunteer"

[[experience]]
date = 2023-06-30
hours = 12
kind = "supervision"

[[experience]]
date = 2023-09-29
hours = 320
kind = "work"

[[experience]]
date = 2023-09-29
hours = 13
kind = "supervision"

[[exam]]
date = 2023-10-02
result = "failed"
score = 462

[[exam]]
date = RETAKE
result = "passed"
score = 531

[[ce]]
date = 2024-01-20
hours = 3
title = "Ethics refresher"
provider = "IC&RC board"
topics = ["ethics"]

[[ce]]
date = 2024-02-29
hours = 2
title = "Confidentiality and 42 CFR Part 2"
provider = "IC&RC board"
topics = ["ethics", "confidentiality"]

[[ce]]
date = 2024-09-12
hours = 6
title = "Harm reduction in peer practice"
provider = "NASTAD"
topics = ["harm-reduction"]
delivery = "in-person"

[[ce]]
date = 2025-03-05
hours = 1.5
title = "HIPAA for peer workers"
provider = "IC&RC board"
topics = ["confidentiality"]
delivery = "live-online"

[[ce]]
date = 2025-06-20
hours = 3
title = "Cultural humility and ethics"
provider = "IC&RC board"
topics = ["ethics", "cultural-competence"]

[[ce]]
date = 2025-10-08
hours = 4.25
title = "Wellness recovery planning"
provider = "Copeland Center"
topics = ["recovery-wellness"]
delivery = "self-study"

[[ce]]
date = 2025-12-05
hours = 3
title = "Boundaries"
provider = "IC&RC board"
topics = ["ethics"]
)";
    text.replace(text.find("RETAKE"), 6, retake_date);
    return text;
}
} // namespace

TEST_CASE("built-in icrc-pr: 10/10/10/16 training, 500 h + 25 h supervision, 90-day retest wait, 6 h ethics") {
    Builtins b;

    SUBCASE("retake after 60 days: passed, but a problem; as of 2025-11-23") {
        Record rec = b.record(icrc_record("2023-12-01"));
        CredentialStatus cs = b.status(rec, "icrc-pr", "2025-11-23");
        CHECK(cs.state == State::Active);

        REQUIRE(cs.training);
        CHECK(cs.training->required.str() == "46");
        CHECK(cs.training->completed.str() == "46");
        CHECK(cs.training->met);
        REQUIRE(cs.training->domains.size() == 4);
        for (const auto& d : cs.training->domains) {
            INFO(d.domain);
            CHECK(d.completed == d.required);
        }
        auto domain = [&](std::string_view id) {
            auto it = std::find_if(cs.training->domains.begin(), cs.training->domains.end(),
                                   [&](const DomainProgress& d) { return d.domain == id; });
            REQUIRE(it != cs.training->domains.end());
            return it->required.str() + "/" + it->completed.str();
        };
        CHECK(domain("advocacy") == "10/10");
        CHECK(domain("mentoring-education") == "10/10");
        CHECK(domain("recovery-wellness") == "10/10");
        CHECK(domain("ethics") == "16/16");

        REQUIRE(cs.experience.size() == 2);
        CHECK(cs.experience[0].required.str() == "500");
        CHECK(cs.experience[0].completed.str() == "520");
        CHECK(cs.experience[1].required.str() == "25");
        CHECK(cs.experience[1].completed.str() == "25");

        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        CHECK(cs.exam->attempts == 2);
        CHECK_FALSE(cs.exam->attempts_left); // IC&RC sets no attempt limit
        CHECK(str(cs.exam->last_date) == "2023-12-01");
        REQUIRE(cs.problems.size() == 1);
        CHECK(cs.problems[0].find("60 days after a failed attempt") != std::string::npos);
        CHECK(cs.problems[0].find("90") != std::string::npos);

        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2026-02-28");
        CHECK(cs.certification->days_left == 97);

        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2024-02-29");
        CHECK(str(cs.ce->window_end) == "2026-02-28");
        CHECK(cs.ce->required.str() == "20");
        CHECK(cs.ce->counted.str() == "16.75");
        CHECK(cs.ce->remaining().str() == "3.25");
        CHECK(cs.ce->entries == 5);
        REQUIRE(cs.ce->requirements.size() == 1);
        const auto& ethics = requirement(*cs.ce, MinimumKind::TopicHours, "ethics");
        CHECK(ethics.required.str() == "6");
        CHECK(ethics.counted.str() == "5");
        CHECK(remaining(ethics) == "1");
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("retake exactly 90 days later (2023-12-31): no problem") {
        // Oct 2 -> Dec 31 = 29 + 30 + 31 = 90 days: the wait is met.
        Record rec = b.record(icrc_record("2023-12-31"));
        CredentialStatus cs = b.status(rec, "icrc-pr", "2025-11-23");
        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        CHECK(cs.exam->attempts == 2);
        CHECK(cs.problems.empty());
    }
}

// ---------------------------------------------------------------------------------------------
// ny-crpa: 50 h training incl. medication-supported-recovery 4 (from 2022-04-01); 500 h + 25 h
// supervision; exam; 36-month period; 28 CE h with >= 4 h ethics, professional-development
// capped at 4 h of the total; renewal due 45 days before expiry, a $25 late fee after that.
//
// Alex: issued 2023-01-31.
//   expiry    = 2023-01-31 + 36 months = 2026-01-31
//   submit_by = 2026-01-31 - 45 days  = 2025-12-17 (31 days back to Dec 31, 14 more to Dec 17)
//   CE window = 2023-01-31 .. 2026-01-31
//   days_left = 2025-11-23 -> 2026-01-31 = 30 + 31 + 8 = 69; state active
// CE as of 2025-11-23:                                 logged  counted   ethics  PD (cap 4)
//   2023-01-20  3    ethics, before the window   out
//   2023-03-14  4    ethics                              4       4         4
//   2023-10-05  3    professional-development            3       3  (7)             3
//   2024-02-22  6    harm-reduction                      6       6 (13)
//   2024-06-11  2.5  professional-development            2.5     1 (14)             4  (cap: 1 h room left)
//   2024-11-19  6    medication-supported-recovery       6       6 (20)
//   2025-04-03  2    professional-development            2       0 (20)             4  (cap exhausted)
//   2025-09-30  5    recovery-wellness                   5       5 (25)
//   2025-12-10  1    ethics, after as_of         out
//   logged 28.5 would meet 28; with the cap, counted 25 -> remaining 3; ethics 4 of 4 met
//   PD cap: logged 3 + 2.5 + 2 = 7.5, counted 4; renewable false
// As of 2026-02-01 (no grace window): lapsed, days_left -1; the 2025-12-10 hour now counts:
//   counted 26, remaining 2, ethics 5.
// The late fee: on the submit-by date 2025-12-17 active, no fee; from 2025-12-18 to the expiry
// 2026-01-31 late, $25 owed; on 2026-02-01 lapsed and no fee (no grace rung).
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in ny-crpa: 50 h (MSR 4), 28 CE h, ethics 4, professional-development capped at 4, submit by expiry "
          "- 45 days") {
    Builtins b;
    Record rec = b.record(R"(
id = "adavis"
name = "Alex Davis"

[credentials.ny-crpa]
number = "CRPA-7781"
issued = 2023-01-31

[[training]]
date = 2022-05-02
hours = 30
title = "Recovery Coach Academy"
provider = "Friends of Recovery - New York"

[[training]]
date = 2022-06-06
hours = 16
domain = "ethics"
title = "Ethical considerations for recovery peer advocates"
provider = "Friends of Recovery - New York"

[[training]]
date = 2022-06-20
hours = 4
domain = "medication-supported-recovery"
title = "Medication-supported recovery"
provider = "Friends of Recovery - New York"

[[experience]]
date = 2022-09-30
hours = 260
kind = "work"

[[experience]]
date = 2022-09-30
hours = 12
kind = "supervision"

[[experience]]
date = 2022-12-16
hours = 250
kind = "volunteer"

[[experience]]
date = 2022-12-16
hours = 13
kind = "supervision"

[[exam]]
date = 2023-01-12
result = "passed"
score = 612

[[ce]]
date = 2023-01-20
hours = 3
title = "Ethics for peer advocates"
provider = "NYCB"
topics = ["ethics"]

[[ce]]
date = 2023-03-14
hours = 4
title = "Ethics and boundaries"
provider = "InUnity Alliance"
topics = ["ethics"]
approval = "NYCB-ETH-2231"

[[ce]]
date = 2023-10-05
hours = 3
title = "Resume writing for peer professionals"
provider = "InUnity Alliance"
topics = ["professional-development"]

[[ce]]
date = 2024-02-22
hours = 6
title = "Harm reduction fundamentals"
provider = "OASAS"
topics = ["harm-reduction"]
delivery = "live-online"

[[ce]]
date = 2024-06-11
hours = 2.5
title = "Public speaking"
provider = "InUnity Alliance"
topics = ["professional-development"]

[[ce]]
date = 2024-11-19
hours = 6
title = "Buprenorphine and methadone basics"
provider = "OASAS"
topics = ["medication-supported-recovery"]

[[ce]]
date = 2025-04-03
hours = 2
title = "Time management"
provider = "InUnity Alliance"
topics = ["professional-development"]
delivery = "self-study"

[[ce]]
date = 2025-09-30
hours = 5
title = "Recovery capital"
provider = "Friends of Recovery - New York"
topics = ["recovery-wellness"]

[[ce]]
date = 2025-12-10
hours = 1
title = "Social media ethics"
provider = "InUnity Alliance"
topics = ["ethics"]
)");

    SUBCASE("as of 2025-11-23: 69 days left, due 2025-12-17, 25 of 28 h after the cap") {
        CredentialStatus cs = b.status(rec, "ny-crpa", "2025-11-23");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.training);
        CHECK(cs.training->required.str() == "50");
        CHECK(cs.training->completed.str() == "50");
        CHECK(cs.training->met);
        // Issued 2023-01-31: the 2022-04-01 rules, 50 h with 4 h MSR and no ethics minimum.
        REQUIRE(cs.training->domains.size() == 1);
        CHECK(cs.training->domains[0].domain == "medication-supported-recovery");
        CHECK(cs.training->domains[0].required.str() == "4");
        CHECK(cs.training->domains[0].completed.str() == "4");
        REQUIRE(cs.experience.size() == 2);
        CHECK(cs.experience[0].completed.str() == "510");
        CHECK(cs.experience[1].completed.str() == "25");
        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        CHECK(cs.exam->attempts == 1);
        CHECK_FALSE(cs.exam->attempts_left); // ny-crpa sets no attempt limit

        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2026-01-31");
        CHECK(str(cs.certification->submit_by) == "2025-12-17");
        CHECK(cs.certification->days_left == 69);

        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2023-01-31");
        CHECK(str(cs.ce->window_end) == "2026-01-31");
        CHECK(cs.ce->required.str() == "28");
        CHECK(cs.ce->counted.str() == "25");
        CHECK(cs.ce->remaining().str() == "3");
        CHECK(cs.ce->entries == 7);
        const auto& ethics = requirement(*cs.ce, MinimumKind::TopicHours, "ethics");
        CHECK(ethics.required.str() == "4");
        CHECK(ethics.counted.str() == "4");
        CHECK(remaining(ethics) == "0");
        REQUIRE(cs.ce->caps.size() == 1);
        CHECK(cs.ce->caps[0].topic == "professional-development");
        CHECK(cs.ce->caps[0].limit.str() == "4");
        CHECK(cs.ce->caps[0].logged.str() == "7.5");
        CHECK(cs.ce->caps[0].counted.str() == "4");
        CHECK_FALSE(cs.renewable);
        CHECK(cs.problems.empty());
    }
    SUBCASE("as of 2026-02-01: no grace window, lapsed; 26 h counted") {
        CredentialStatus cs = b.status(rec, "ny-crpa", "2026-02-01");
        CHECK(cs.state == State::Lapsed);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == -1);
        CHECK_FALSE(cs.certification->grace_until);
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_end) == "2026-01-31");
        CHECK(cs.ce->counted.str() == "26");
        CHECK(cs.ce->remaining().str() == "2");
        CHECK(requirement(*cs.ce, MinimumKind::TopicHours, "ethics").counted.str() == "5");
        CHECK_FALSE(cs.renewable);
        CHECK_FALSE(cs.certification->late_fee_cents);
    }
    SUBCASE("the $25 late fee: owed from the day after the submit-by date to the expiry") {
        CredentialStatus due = b.status(rec, "ny-crpa", "2025-12-17");
        CHECK(due.state == State::Active);
        CHECK_FALSE(due.certification->late_fee_cents);
        for (const char* day : {"2025-12-18", "2026-01-31"}) {
            CAPTURE(day);
            CredentialStatus late = b.status(rec, "ny-crpa", day);
            CHECK(late.state == State::Late);
            CHECK(late.certification->late_fee_cents == 2500);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// pa-cps: 75 h training + exam; 24-month period from the issue date; 36 CE h with >= 24 h
// peer-support and >= 3 h ethics; after expiry, 6 months to recertify with a $75 late fee, then
// lapsed.
//
// Kim: issued 2024-08-31.
//   expiry      = 2024-08-31 + 24 months = 2026-08-31
//   grace until = 2026-08-31 + 6 months  = 2027-02-31 -> does not exist -> 2027-02-28 (clamped)
//   CE window   = 2024-08-31 .. 2026-08-31 (after expiry it stays the period that ended)
// CE (all subcases are after expiry, so the same entries count):  total   peer-support  ethics
//   2024-06-15  6    peer-support, before the window     out
//   2024-09-20 12    peer-support, live-online                  12        12
//   2025-02-11  6    peer-support, recovery-wellness            18        18
//   2025-07-08  2    ethics                                     20                      2
//   2025-11-18  6    recovery-wellness only                     26
//   2026-03-24  3    peer-support, self-study                   29        21
//   2026-06-09  1.5  ethics                                     30.5                    3.5
//   2026-10-14  6    peer-support, after expiry (outside)  out
//   total 30.5 of 36 -> remaining 5.5; peer-support 21 of 24 -> remaining 3; ethics 3.5 of 3 met
//   renewable false
// Recertification no sooner than three months before expiry, written as 89 days:
//   submit_from = 2026-08-31 - 89 days: less 31 is 2026-07-31, less 31 more is 2026-06-30 (62),
//   less 27 more: 2026-06-03. (Three months before is 2026-05-31, 92 days: the window opens 3
//   days after PCB's, never before it.) No submit-by date: active, no fee, to the expiry.
// days_left: 2026-12-01 -> 30 + 31 + 30 + 1 = 92 after expiry = -92
//            2027-02-28 -> 30 + 31 + 30 + 31 + 31 + 28 = 181 after = -181 (last day of grace)
//            2027-03-01 -> -182, the day after the grace window: lapsed
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in pa-cps: 36 CE h (peer-support 24, ethics 3), 6-month grace with a $75 late fee, then lapsed") {
    Builtins b;
    Record rec = b.record(R"(
id = "kmiller"
name = "Kim Miller"

[credentials.pa-cps]
number = "CPS-20240831-17"
issued = 2024-08-31

[[training]]
date = 2024-04-08
hours = 37.5
title = "Certified Peer Specialist training, week 1"
provider = "Peerstar LLC"

[[training]]
date = 2024-04-15
hours = 37.5
title = "Certified Peer Specialist training, week 2"
provider = "Peerstar LLC"

[[exam]]
date = 2024-06-12
result = "passed"

[[experience]]
date = 2024-03-29
hours = 1560
kind = "work"

[[ce]]
date = 2024-06-15
hours = 6
title = "Peer support in crisis settings"
provider = "PCB"
topics = ["peer-support"]

[[ce]]
date = 2024-09-20
hours = 12
title = "Peer support supervision skills"
provider = "Mental Health Partnerships"
topics = ["peer-support"]
delivery = "live-online"

[[ce]]
date = 2025-02-11
hours = 6
title = "Recovery-oriented practice"
provider = "PMHCA"
topics = ["peer-support", "recovery-wellness"]
delivery = "in-person"

[[ce]]
date = 2025-07-08
hours = 2
title = "Ethics in peer support"
provider = "PCB"
topics = ["ethics"]

[[ce]]
date = 2025-11-18
hours = 6
title = "Trauma-informed care"
provider = "PMHCA"
topics = ["recovery-wellness"]

[[ce]]
date = 2026-03-24
hours = 3
title = "Motivational interviewing for peers"
provider = "Relias"
topics = ["peer-support"]
delivery = "self-study"

[[ce]]
date = 2026-06-09
hours = 1.5
title = "Confidentiality and boundaries"
provider = "PCB"
topics = ["ethics"]

[[ce]]
date = 2026-10-14
hours = 6
title = "Whole health peer support"
provider = "PMHCA"
topics = ["peer-support"]
)");

    auto check_ce = [](const CredentialStatus& cs) {
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2024-08-31");
        CHECK(str(cs.ce->window_end) == "2026-08-31");
        CHECK(cs.ce->required.str() == "36");
        CHECK(cs.ce->counted.str() == "30.5");
        CHECK(cs.ce->remaining().str() == "5.5");
        CHECK(cs.ce->entries == 6);
        REQUIRE(cs.ce->requirements.size() == 2);
        const auto& peer = requirement(*cs.ce, MinimumKind::TopicHours, "peer-support");
        CHECK(peer.required.str() == "24");
        CHECK(peer.counted.str() == "21");
        CHECK(remaining(peer) == "3");
        const auto& ethics = requirement(*cs.ce, MinimumKind::TopicHours, "ethics");
        CHECK(ethics.required.str() == "3");
        CHECK(ethics.counted.str() == "3.5");
        CHECK(remaining(ethics) == "0");
        CHECK_FALSE(cs.renewable);
    };

    SUBCASE("in grace: 2026-12-01 and the last grace day 2027-02-28, $75 late fee") {
        CredentialStatus cs = b.status(rec, "pa-cps", "2026-12-01");
        CHECK(cs.state == State::Grace);
        REQUIRE(cs.training);
        CHECK(cs.training->completed.str() == "75");
        CHECK(cs.training->met);
        CHECK(cs.experience.empty()); // PCB's experience rule is not an hour count
        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2026-08-31");
        CHECK(cs.certification->days_left == -92);
        CHECK(str(cs.certification->grace_until) == "2027-02-28");
        CHECK(cs.certification->late_fee_cents == 7500);
        check_ce(cs);
        CHECK(cs.problems.empty());

        CredentialStatus last = b.status(rec, "pa-cps", "2027-02-28");
        CHECK(last.state == State::Grace);
        REQUIRE(last.certification);
        CHECK(last.certification->days_left == -181);
        CHECK(str(last.certification->grace_until) == "2027-02-28");
        CHECK(last.certification->late_fee_cents == 7500);
        check_ce(last);
    }
    SUBCASE("the recertification window: from 2026-06-03, 89 days before the expiry") {
        CredentialStatus cs = b.status(rec, "pa-cps", "2026-06-02");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->submit_from) == "2026-06-03");
        CHECK_FALSE(cs.certification->submit_by);
        CredentialStatus last = b.status(rec, "pa-cps", "2026-08-31");
        CHECK(last.state == State::Active);
        CHECK_FALSE(last.certification->late_fee_cents);
    }
    SUBCASE("lapsed on 2027-03-01, the day after the grace window ends") {
        CredentialStatus cs = b.status(rec, "pa-cps", "2027-03-01");
        CHECK(cs.state == State::Lapsed);
        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2026-08-31");
        CHECK(cs.certification->days_left == -182);
        CHECK_FALSE(cs.certification->grace_until);
        CHECK_FALSE(cs.certification->late_fee_cents);
        check_ce(cs);
    }
}

// ---------------------------------------------------------------------------------------------
// ga-cps: calendar-year periods, the first being the calendar year after the year of issue; 12 CE
// h a year with >= 1 entry tagged ethics and >= 6 h from provider GMHCN; no carry-over; after the
// Dec 31 expiry: no fee to Jan 15 (15 days), $26 to Jan 31 (31 days), then lapsed (inactive).
// Exam: at most 3 attempts, within 12 months of training (no training total: the last training
// date, 2023-03-13, starts the clock -> deadline 2024-03-13; passed 2023-06-01, in time).
//
// Lee: exam failed 2023-04-20, passed 2023-06-01 (2 of 3 attempts, 1 left); issued 2023-06-14.
//   first period = 2024-01-01 .. 2024-12-31 (NOT from the issue date; 2023 is not a CE year)
//   renewal granted 2025-01-10 (inside the no-fee rung) -> expiry 2024-12-31 + 1 year = 2025-12-31
//   current window = 2025-01-01 .. 2025-12-31
//
// 2024 (the first period, as of 2024-12-31, before the renewal):      total  GMHCN  ethics entries
//   2023-09-20  3    GMHCN, year of issue          out
//   2024-03-05  8    GMHCN                                               8      8
//   2024-11-12  6    Mental Health America of Georgia                  14
//   2024-12-31  2    GMHCN, ethics (last day)                          16     10       1
//   16 of 12 -> remaining 0; GMHCN 10 >= 6; 1 ethics entry -> renewable true; days_left 0
// 2025 (the current period): the 2024 surplus of 4 h is NOT carried (carry_over_max = 0)
//   2025-02-19  3    GMHCN, peer-support                                 3      3
//   2025-05-07  1    DBHDD, ethics                                       4               1
//   2025-08-22  1.5  GMHCN, recovery-wellness                            5.5    4.5
//   2025-10-15  7.5  Mental Health America of Georgia                  13
//   2026-01-08  2    GMHCN, after the window (Jan 8)   out
//   total 13 of 12 -> remaining 0; ethics entries 1 of 1; GMHCN 4.5 of 6 -> remaining 1.5
//   renewable false: the total is met, the provider minimum is not
// days_left after the 2025-12-31 expiry: Dec 31 = 0 (active); Jan 15 = -15 (grace, no fee,
// until Jan 15); Jan 16 = -16 (grace, $26, until Jan 31); Jan 31 = -31 (grace, $26);
// Feb 1 = -32 (lapsed).
// ---------------------------------------------------------------------------------------------
TEST_CASE("built-in ga-cps: calendar year from the January after issue, 1 ethics entry, 6 h GMHCN, no carry-over, Jan 15/Jan 31 "
          "ladder") {
    Builtins b;
    Record rec = b.record(R"(
id = "lwashington"
name = "Lee Washington"

[credentials.ga-cps]
number = "CPS-MH-3310"
issued = 2023-06-14

[[training]]
date = 2023-03-06
hours = 30
title = "CPS training, week 1"
provider = "GMHCN"

[[training]]
date = 2023-03-13
hours = 24
title = "CPS training, week 2"
provider = "GMHCN"

[[exam]]
date = 2023-04-20
result = "failed"

[[exam]]
date = 2023-06-01
result = "passed"

[[ce]]
date = 2023-09-20
hours = 3
title = "Peer support whole health"
provider = "GMHCN"
topics = ["peer-support"]

[[ce]]
date = 2024-03-05
hours = 8
title = "GMHCN annual conference"
provider = "GMHCN"
topics = ["peer-support", "recovery-wellness"]

[[ce]]
date = 2024-11-12
hours = 6
title = "Suicide prevention for peers"
provider = "Mental Health America of Georgia"
topics = ["peer-support"]

[[ce]]
date = 2024-12-31
hours = 2
title = "Peer ethics"
provider = "GMHCN"
topics = ["ethics"]
delivery = "live-online"

[[renewal]]
date = 2025-01-10

[[ce]]
date = 2025-02-19
hours = 3
title = "WRAP refresher"
provider = "GMHCN"
topics = ["peer-support"]

[[ce]]
date = 2025-05-07
hours = 1
title = "Peer ethics webinar"
provider = "DBHDD"
topics = ["ethics"]
delivery = "live-online"

[[ce]]
date = 2025-08-22
hours = 1.5
title = "Recovery narratives"
provider = "GMHCN"
topics = ["recovery-wellness"]
delivery = "live-online"

[[ce]]
date = 2025-10-15
hours = 7.5
title = "Whole Health Action Management"
provider = "Mental Health America of Georgia"
topics = ["peer-support"]

[[ce]]
date = 2026-01-08
hours = 2
title = "Advocacy day prep"
provider = "GMHCN"
topics = ["peer-support"]
)");

    auto check_2025 = [](const CredentialStatus& cs) {
        REQUIRE(cs.certification);
        CHECK(str(cs.certification->issued) == "2023-06-14");
        CHECK(cs.certification->renewals == 1);
        CHECK(str(cs.certification->expires) == "2025-12-31");
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2025-01-01");
        CHECK(str(cs.ce->window_end) == "2025-12-31");
        CHECK(cs.ce->required.str() == "12");
        CHECK(cs.ce->counted.str() == "13");
        CHECK(cs.ce->carried_over.str() == "0");
        CHECK(cs.ce->remaining().str() == "0");
        CHECK(cs.ce->entries == 4);
        REQUIRE(cs.ce->requirements.size() == 2);
        const auto& ethics = requirement(*cs.ce, MinimumKind::TopicEntries, "ethics");
        CHECK(ethics.entries_required == 1);
        CHECK(ethics.entries_counted == 1);
        CHECK(ethics.met());
        const auto& gmhcn = requirement(*cs.ce, MinimumKind::ProviderHours, "GMHCN");
        CHECK(gmhcn.required.str() == "6");
        CHECK(gmhcn.counted.str() == "4.5");
        CHECK(remaining(gmhcn) == "1.5");
        CHECK_FALSE(gmhcn.met());
        CHECK_FALSE(cs.renewable);
    };

    SUBCASE("the first period is 2024, the calendar year after issue: as of 2024-12-31") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2024-12-31");
        CHECK(cs.state == State::Active);
        CHECK_FALSE(cs.training); // ga-cps has no training total
        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        CHECK(cs.exam->attempts == 2);
        CHECK(cs.exam->attempts_left == 1);
        CHECK(cs.problems.empty());
        REQUIRE(cs.certification);
        CHECK(cs.certification->renewals == 0);
        CHECK(str(cs.certification->expires) == "2024-12-31");
        CHECK(cs.certification->days_left == 0);
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2024-01-01");
        CHECK(str(cs.ce->window_end) == "2024-12-31");
        CHECK(cs.ce->counted.str() == "16");
        CHECK(cs.ce->remaining().str() == "0");
        CHECK(cs.ce->entries == 3);
        CHECK(requirement(*cs.ce, MinimumKind::TopicEntries, "ethics").entries_counted == 1);
        CHECK(requirement(*cs.ce, MinimumKind::ProviderHours, "GMHCN").counted.str() == "10");
        CHECK(cs.renewable);
    }
    SUBCASE("2025-12-31, the expiry day: active, 0 days left") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2025-12-31");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == 0);
        CHECK_FALSE(cs.certification->grace_until);
        check_2025(cs);
    }
    SUBCASE("2026-01-15: grace, no fee (last day of the first rung)") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2026-01-15");
        CHECK(cs.state == State::Grace);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == -15);
        CHECK(str(cs.certification->grace_until) == "2026-01-15");
        CHECK(cs.certification->late_fee_cents == 0);
        check_2025(cs);
    }
    SUBCASE("2026-01-16: grace, $26 late fee") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2026-01-16");
        CHECK(cs.state == State::Grace);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == -16);
        CHECK(str(cs.certification->grace_until) == "2026-01-31");
        CHECK(cs.certification->late_fee_cents == 2600);
        check_2025(cs);
    }
    SUBCASE("2026-01-31: grace, $26 late fee, the portal's last day") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2026-01-31");
        CHECK(cs.state == State::Grace);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == -31);
        CHECK(str(cs.certification->grace_until) == "2026-01-31");
        CHECK(cs.certification->late_fee_cents == 2600);
        check_2025(cs);
    }
    SUBCASE("2026-02-01: lapsed (inactive)") {
        CredentialStatus cs = b.status(rec, "ga-cps", "2026-02-01");
        CHECK(cs.state == State::Lapsed);
        REQUIRE(cs.certification);
        CHECK(cs.certification->days_left == -32);
        CHECK_FALSE(cs.certification->grace_until);
        CHECK_FALSE(cs.certification->late_fee_cents);
        check_2025(cs);
    }
}
