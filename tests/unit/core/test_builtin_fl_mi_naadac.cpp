// The worked examples of the built-ins whose renewal CE was not found (confidence low, no [ce]):
// data/credentials/fl-crps.toml (40 h within 5 years, a 12-month provisional level, 500 h + 16 h
// for the full CRPS), mi-cprm.toml (46 h as 10/10/10/16, 500 h + 25 h, 24 months or the 3 years
// on the certificate) and naadac-ncprss.toml (60 h with 6 h ethics and 6 h HIV, 24 months), each
// figure computed by hand below.

#include "builtin_fixture.hpp"

#include <string>

using namespace peerctl;
using peerctl::test::Builtins;
using peerctl::test::replaced;
using peerctl::test::str;

namespace builtin_fl_mi_naadac_test {

// ---------------------------------------------------------------------------------------------
// Morgan: Florida CRPS-P (provisional), issued 2025-04-01.
//   expiry = 2025-04-01 + 12 months = 2026-04-01; not renewable (provisional)
// Training counts from 60 months before the issue date: 2025-04-01 - 60 months = 2020-04-01.
//   2020-03-31   4  advocacy                     one day too old   out
//   2020-04-01  10  mentoring [10]               the first day      10
//   2024-09-10   8  professional-responsibility [8]                 18
//   2024-10-15   8  whole-health [8]                                26
//   2024-11-20  10  recovery-support                                36
//   2024-12-05   4  advocacy                                        40  -> 40 of 40, met
// Issued a day later (2025-04-02), the look-back starts 2020-04-02: the mentoring 10 h are too
// old too -> 30 of 40, mentoring 0 of 10, not met.
// Toward the full CRPS: work 300 + volunteer 199.99 = 499.99 of 500 (0.01 h short), supervision
// 16 of 16 -> not met; 0.01 h more volunteer -> met.
// No CE rule: no CE progress. 2026-04-02: no grace -> lapsed.
// ---------------------------------------------------------------------------------------------
const char* const morgan_text = R"(
id = "morgan"
name = "Morgan Tester"

[credentials.fl-crps]
issued = 2025-04-01
level = "provisional"

[[training]]
date = 2020-03-31
hours = 4
domain = "advocacy"
title = "Advocacy basics"

[[training]]
date = 2020-04-01
hours = 10
domain = "mentoring"
title = "Mentoring"

[[training]]
date = 2024-09-10
hours = 8
domain = "professional-responsibility"
title = "Professional responsibility"

[[training]]
date = 2024-10-15
hours = 8
domain = "whole-health"
title = "Whole health"

[[training]]
date = 2024-11-20
hours = 10
domain = "recovery-support"
title = "Recovery support"

[[training]]
date = 2024-12-05
hours = 4
domain = "advocacy"
title = "Advocacy"

[[exam]]
date = 2025-02-14
result = "passed"

[[experience]]
date = 2025-06-30
hours = 300
kind = "work"

[[experience]]
date = 2025-08-15
hours = 16
kind = "supervision"

[[experience]]
date = 2025-09-30
hours = 199.99
kind = "volunteer"
)";

TEST_CASE("built-in fl-crps: 40 h within 5 years, a provisional year, 500 h + 16 h for the full CRPS, no CE rule") {
    Builtins b;
    const Record rec = b.record(morgan_text);
    SUBCASE("on the provisional expiry: 40 h met, 0.01 h short of the full level, not renewable") {
        const CredentialStatus cs = b.status(rec, "fl-crps", "2026-04-01");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.training);
        CHECK(cs.training->completed.str() == "40");
        CHECK(cs.training->met);
        REQUIRE(cs.training->domains.size() == 3);
        CHECK(cs.training->domains[0].domain == "mentoring");
        CHECK(cs.training->domains[0].completed.str() == "10");
        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2026-04-01");
        CHECK(cs.certification->days_left == 0);
        CHECK_FALSE(cs.ce);
        CHECK_FALSE(cs.renewable);
        REQUIRE(cs.next_level);
        CHECK(cs.next_level->level == "full");
        REQUIRE(cs.next_level->experience.size() == 2);
        CHECK(cs.next_level->experience[0].completed.str() == "499.99");
        CHECK(cs.next_level->experience[1].completed.str() == "16");
        CHECK_FALSE(cs.next_level->met);
    }
    SUBCASE("0.01 h more volunteer work: the full level's experience is met") {
        const Record more =
            b.record(std::string(morgan_text) + "\n[[experience]]\ndate = 2025-10-01\nhours = 0.01\nkind = \"volunteer\"\n");
        CHECK(b.status(more, "fl-crps", "2026-04-01").next_level->met);
    }
    SUBCASE("issued a day later, the mentoring hours fall out of the 5 years") {
        const Record later = b.record(replaced(morgan_text, "issued = 2025-04-01", "issued = 2025-04-02"));
        const CredentialStatus cs = b.status(later, "fl-crps", "2025-05-01");
        CHECK(cs.training->completed.str() == "30");
        CHECK(cs.training->domains[0].completed.str() == "0");
        CHECK_FALSE(cs.training->met);
    }
    SUBCASE("the day after expiry: lapsed") { CHECK(b.status(rec, "fl-crps", "2026-04-02").state == State::Lapsed); }
}

// ---------------------------------------------------------------------------------------------
// Jamie: Michigan CPRM. Training 10 + 10 + 10 + 15.99 ethics = 45.99: 0.01 h short of 46 and of
// the 16 h ethics; work 300 + volunteer 200 = 500 of 500; supervision 25 of 25; exam passed
// 2024-05-20. As of 2024-06-01, not yet certified: in training. With 0.01 h more ethics training
// (2023-05-02): 46 and 16 -> eligible.
// Certified 2024-06-15: expiry = + 24 months = 2026-06-15; no CE rule, so renewable.
// On a 3-year term, the certificate's `expires = 2027-06-15`: active that day, lapsed the next.
// ---------------------------------------------------------------------------------------------
const char* const jamie_text = R"(
id = "jamie"
name = "Jamie Tester"

[credentials.mi-cprm]

[[training]]
date = 2023-01-10
hours = 10
domain = "advocacy"
title = "Advocacy"

[[training]]
date = 2023-02-14
hours = 10
domain = "mentoring-education"
title = "Mentoring and education"

[[training]]
date = 2023-03-14
hours = 10
domain = "recovery-wellness"
title = "Recovery and wellness support"

[[training]]
date = 2023-04-11
hours = 15.99
domain = "ethics"
title = "Ethical responsibility"

[[experience]]
date = 2023-12-31
hours = 300
kind = "work"

[[experience]]
date = 2024-03-31
hours = 200
kind = "volunteer"

[[experience]]
date = 2024-03-31
hours = 25
kind = "supervision"

[[exam]]
date = 2024-05-20
result = "passed"
)";

TEST_CASE("built-in mi-cprm: 10/10/10/16 training, 500 h + 25 h, 24 months or the 3 years on the certificate") {
    Builtins b;
    const std::string complete =
        std::string(jamie_text) +
        "\n[[training]]\ndate = 2023-05-02\nhours = 0.01\ndomain = \"ethics\"\ntitle = \"Ethics quiz\"\n";
    SUBCASE("a candidate 0.01 h short of the ethics hours is in training; with them, eligible") {
        const CredentialStatus short_cs = b.status(b.record(jamie_text), "mi-cprm", "2024-06-01");
        CHECK(short_cs.state == State::InTraining);
        CHECK(short_cs.training->completed.str() == "45.99");
        CHECK(short_cs.training->domains[3].domain == "ethics");
        CHECK(short_cs.training->domains[3].completed.str() == "15.99");
        REQUIRE(short_cs.experience.size() == 2);
        CHECK(short_cs.experience[0].completed.str() == "500");
        CHECK(short_cs.experience[1].completed.str() == "25");
        CHECK(b.status(b.record(complete), "mi-cprm", "2024-06-01").state == State::Eligible);
    }
    SUBCASE("certified 2024-06-15: 24 months, no CE rule, renewable") {
        const Record rec =
            b.record(replaced(complete, "[credentials.mi-cprm]\n", "[credentials.mi-cprm]\nissued = 2024-06-15\n"));
        const CredentialStatus cs = b.status(rec, "mi-cprm", "2026-06-15");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->expires) == "2026-06-15");
        CHECK_FALSE(cs.ce);
        CHECK(cs.renewable);
        CHECK(b.status(rec, "mi-cprm", "2026-06-16").state == State::Lapsed);
    }
    SUBCASE("a 3-year term, as printed on the certificate") {
        const Record rec = b.record(
            replaced(complete, "[credentials.mi-cprm]\n", "[credentials.mi-cprm]\nissued = 2024-06-15\nexpires = 2027-06-15\n"));
        CHECK(b.status(rec, "mi-cprm", "2027-06-15").state == State::Active);
        CHECK(b.status(rec, "mi-cprm", "2027-06-16").state == State::Lapsed);
    }
}

// ---------------------------------------------------------------------------------------------
// Avery: NAADAC NCPRSS. Training 6 h HIV/bloodborne pathogens + 5.99 h ethics + 48 h other =
// 59.99: 0.01 h short of 60 and of the 6 h ethics. With 0.01 h more ethics (2019-10-01): 60, met.
// Exam passed 2019-11-12; issued 2019-12-02 -> expiry 2021-12-02.
// Renewed 2021-11-15 (no expiry of its own): one period on, 2021-12-02 + 24 months = 2023-12-02.
// Active on 2023-12-02 (0 days left), lapsed on 2023-12-03.
// The ethics and HIV hours count only within the 72 months before the reference date. With the
// HIV course dated 2013-12-01 instead (and the 0.01 h ethics):
//   as of 2019-12-01, from 2013-12-01: the window's first day, HIV 6 of 6 -> eligible
//   as of 2019-12-02, from 2013-12-02: a day too old, HIV 0 of 6, but the 60 h total still counts
//     it -> in training
// ---------------------------------------------------------------------------------------------
const char* const avery_text = R"(
id = "avery"
name = "Avery Tester"

[credentials.naadac-ncprss]

[[training]]
date = 2019-03-04
hours = 6
domain = "hiv-bloodborne-pathogens"
title = "HIV and bloodborne pathogens"

[[training]]
date = 2019-05-06
hours = 5.99
domain = "ethics"
title = "Ethics for peer recovery support"

[[training]]
date = 2019-09-09
hours = 48
title = "Peer recovery support specialist training"

[[exam]]
date = 2019-11-12
result = "passed"
)";

TEST_CASE("built-in naadac-ncprss: 60 h with 6 h ethics and 6 h HIV, 24 months, no CE rule") {
    Builtins b;
    const std::string complete =
        std::string(avery_text) +
        "\n[[training]]\ndate = 2019-10-01\nhours = 0.01\ndomain = \"ethics\"\ntitle = \"Ethics quiz\"\n";
    SUBCASE("0.01 h short of the ethics minimum: in training; with it, eligible") {
        const CredentialStatus cs = b.status(b.record(avery_text), "naadac-ncprss", "2019-11-20");
        CHECK(cs.state == State::InTraining);
        CHECK(cs.training->completed.str() == "59.99");
        REQUIRE(cs.training->domains.size() == 2);
        CHECK(cs.training->domains[0].completed.str() == "5.99");
        CHECK(cs.training->domains[1].completed.str() == "6");
        CHECK(b.status(b.record(complete), "naadac-ncprss", "2019-11-20").state == State::Eligible);
    }
    SUBCASE("the HIV hours within 6 years: a day later, the course ages out of the domain") {
        const Record old = b.record(replaced(complete, "date = 2019-03-04", "date = 2013-12-01"));
        const CredentialStatus on_first_day = b.status(old, "naadac-ncprss", "2019-12-01");
        CHECK(on_first_day.training->domains[1].domain == "hiv-bloodborne-pathogens");
        CHECK(on_first_day.training->domains[1].within_months == 72);
        CHECK(on_first_day.training->domains[1].completed.str() == "6");
        CHECK(on_first_day.state == State::Eligible);
        const CredentialStatus too_old = b.status(old, "naadac-ncprss", "2019-12-02");
        CHECK(too_old.training->domains[1].completed.str() == "0");
        CHECK(too_old.training->completed.str() == "60");
        CHECK_FALSE(too_old.training->met);
        CHECK(too_old.state == State::InTraining);
    }
    SUBCASE("issued 2019-12-02, renewed once: expires 2023-12-02, lapsed the day after") {
        const Record rec =
            b.record(replaced(complete, "[credentials.naadac-ncprss]\n", "[credentials.naadac-ncprss]\nissued = 2019-12-02\n") +
                     "\n[[renewal]]\ndate = 2021-11-15\n");
        const CredentialStatus cs = b.status(rec, "naadac-ncprss", "2023-12-02");
        CHECK(cs.state == State::Active);
        CHECK(cs.certification->renewals == 1);
        CHECK(str(cs.certification->expires) == "2023-12-02");
        CHECK(cs.certification->days_left == 0);
        CHECK_FALSE(cs.ce);
        CHECK(b.status(rec, "naadac-ncprss", "2023-12-03").state == State::Lapsed);
    }
}

} // namespace builtin_fl_mi_naadac_test
