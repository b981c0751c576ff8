// The worked examples of data/credentials/ca-mpss.toml (80 h, an exam of at most 3 attempts,
// 24 months, 20 CE h with 6 h law and ethics, renewal from 60 days before expiry, no grace) and
// oh-cprs.toml (56 h, 24 months, 30 CE h with nine topic minimums, each CE at least 1 h, renewal
// from 90 days before expiry, no grace), each figure computed by hand below.

#include "builtin_fixture.hpp"
#include "status_text.hpp"

#include <string>
#include <string_view>

using namespace peerctl;
using peerctl::test::Builtins;
using peerctl::test::replaced;
using peerctl::test::str;
using peerctl::test::topic_minimum;
using peerctl::test::with_ce;

namespace builtin_ca_oh_test {

// The "renewal opens" line of the text status of `rec` as of `as_of`, its spaces squeezed to one
// (the columns' widths depend on the longest label), or "" when there is none.
std::string renewal_opens_line(const Builtins& b, const Record& rec, std::string_view as_of) {
    const std::string page = status_text(evaluate(rec, b.set, test::day(as_of)), test::day(as_of), Style{});
    const auto at = page.find("renewal opens");
    if (at == std::string::npos) return "";
    std::string line;
    for (char c : page.substr(at, page.find('\n', at) - at))
        if (c != ' ' || line.empty() || line.back() != ' ') line += c;
    return line;
}

// ---------------------------------------------------------------------------------------------
// Dana: Medi-Cal Peer Support Specialist. 80 h of training; the exam failed twice, passed on the
// third of the 3 attempts allowed; issued on a leap day, 2024-02-29.
//   expiry    = 2024-02-29 + 24 months = 2026-02-29 -> does not exist -> 2026-02-28
//   CE window = 2024-02-29 .. 2026-02-28
// CE:                                              total   ethics (>= 6)
//   2024-02-28  3     ethics, day before issue      out
//   2024-06-12  6     peer-support                   6
//   2024-11-08  5.99  ethics (law and ethics)       11.99    5.99
//   2025-05-20  8     recovery-wellness             19.99
// -> 0.01 h short of 20 and of the 6 h ethics: not renewable.
// With 0.01 h of ethics on the day of expiry: 20 and 6 -> renewable.
// 2026-03-01, the day after expiry: no grace window -> lapsed, days_left -1.
// A candidate with three failed attempts: attempts_left 0 and a problem.
// Renewal opens 60 days before expiry: 2026-02-28 less 28 days is 2026-01-31, less 31 more is
// 2025-12-31 (59 days), less 1 more: 2025-12-30. With the 0.01 h of ethics logged before it
// (2025-12-01), renewable: on 2025-12-29 "renewal opens 2025-12-30, 1 day from now"; from
// 2025-12-30 on, no such line. No submit-by date: active to the expiry.
// ---------------------------------------------------------------------------------------------
const char* const dana_text = R"(
id = "dana"
name = "Dana Tester"

[credentials.ca-mpss]
number = "CMPSS-2002"
issued = 2024-02-29

[[training]]
date = 2023-08-25
hours = 80
title = "Medi-Cal peer support specialist training"

[[exam]]
date = 2023-10-02
result = "failed"

[[exam]]
date = 2023-12-04
result = "failed"

[[exam]]
date = 2024-02-01
result = "passed"

[[ce]]
date = 2024-02-28
hours = 3
title = "Law and ethics"
topics = ["ethics"]

[[ce]]
date = 2024-06-12
hours = 6
title = "Peer support in crisis settings"
topics = ["peer-support"]

[[ce]]
date = 2024-11-08
hours = 5.99
title = "Law and ethics for peer support specialists"
topics = ["ethics"]

[[ce]]
date = 2025-05-20
hours = 8
title = "Whole health action management"
topics = ["recovery-wellness"]
)";

TEST_CASE("built-in ca-mpss: 3 exam attempts, 24 months from a leap day, 20 CE h with 6 h ethics, lapsed the day after") {
    Builtins b;
    const Record rec = b.record(dana_text);
    SUBCASE("on the day of expiry: 19.99 h and 5.99 h ethics, 0.01 h short of both") {
        const CredentialStatus cs = b.status(rec, "ca-mpss", "2026-02-28");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2026-02-28");
        CHECK(cs.certification->days_left == 0);
        REQUIRE(cs.exam);
        CHECK(cs.exam->passed);
        CHECK(cs.exam->attempts == 3);
        CHECK(cs.exam->attempts_left == 0);
        CHECK(cs.problems.empty());
        REQUIRE(cs.ce);
        CHECK(str(cs.ce->window_start) == "2024-02-29");
        CHECK(cs.ce->counted.str() == "19.99");
        CHECK(cs.ce->remaining().str() == "0.01");
        CHECK(topic_minimum(*cs.ce, "ethics").required.str() == "6");
        CHECK(topic_minimum(*cs.ce, "ethics").counted.str() == "5.99");
        CHECK_FALSE(topic_minimum(*cs.ce, "ethics").met());
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("0.01 h of ethics on the day of expiry: renewable") {
        const CredentialStatus cs =
            b.status(b.record(with_ce(dana_text, "2026-02-28", "0.01", "ethics")), "ca-mpss", "2026-02-28");
        CHECK(cs.ce->counted.str() == "20");
        CHECK(topic_minimum(*cs.ce, "ethics").met());
        CHECK(cs.renewable);
    }
    SUBCASE("the day after expiry: lapsed, no grace") {
        const CredentialStatus cs = b.status(rec, "ca-mpss", "2026-03-01");
        CHECK(cs.state == State::Lapsed);
        CHECK(cs.certification->days_left == -1);
        CHECK_FALSE(cs.certification->grace_until);
    }
    SUBCASE("the renewal window: opens 2025-12-30, 60 days before expiry") {
        const Record met = b.record(with_ce(dana_text, "2025-12-01", "0.01", "ethics"));
        const CredentialStatus before = b.status(met, "ca-mpss", "2025-12-29");
        CHECK(str(before.certification->submit_from) == "2025-12-30");
        CHECK_FALSE(before.certification->submit_by);
        CHECK(before.state == State::Active);
        CHECK(before.renewable);
        CHECK(renewal_opens_line(b, met, "2025-12-29") == "renewal opens 2025-12-30 1 day from now");
        const CredentialStatus on = b.status(met, "ca-mpss", "2025-12-30");
        CHECK(on.state == State::Active);
        CHECK(on.renewable);
        CHECK(renewal_opens_line(b, met, "2025-12-30").empty());
    }
    SUBCASE("a candidate: one attempt left after two failures, none after three") {
        const std::string candidate = replaced(replaced(dana_text, "number = \"CMPSS-2002\"\nissued = 2024-02-29\n", ""),
                                               "2024-02-01\nresult = \"passed\"", "2024-02-01\nresult = \"failed\"");
        const Record cand = b.record(candidate);
        const CredentialStatus two = b.status(cand, "ca-mpss", "2024-01-15");
        CHECK(two.exam->attempts == 2);
        CHECK(two.exam->attempts_left == 1);
        CHECK(two.problems.empty());
        const CredentialStatus three = b.status(cand, "ca-mpss", "2024-03-01");
        CHECK(three.exam->attempts_left == 0);
        REQUIRE(three.problems.size() == 1);
        CHECK(three.problems[0] == "all 3 exam attempts used without a pass");
    }
}

// ---------------------------------------------------------------------------------------------
// Lee: Ohio CPRS. 16 h e-based academy + 40 h live training = 56 h; exam passed; issued
// 2023-07-01.
//   expiry    = 2023-07-01 + 24 months = 2025-07-01
//   CE window = 2023-07-01 .. 2025-07-01
// CE (each topic's minimum in brackets):
//   2023-06-30  3     ethics, day before issue                out
//   2023-09-12  3     ethics [3]                               3
//   2023-10-03  3     boundaries [3]                           6
//   2024-01-16  2     diversity-inclusion [2]                  8
//   2024-02-20  1     system-navigation-care-coordination [1]  9
//   2024-03-05  2     trauma-informed-care [2]                11
//   2024-04-09  1     human-trafficking [1]                   12
//   2024-05-14  1     behavioral-health-knowledge [1]         13
//   2024-06-11  1     health-wellness [1]                     14
//   2024-08-20  1.99  coaching-principles [2]                 15.99
//   2024-10-15  6     peer-support                            21.99
//   2025-02-11  8     peer-support                            29.99
// As of 2025-06-01 (30 days left): 29.99 of 30, 0.01 h short; coaching 1.99 of 2, 0.01 h short;
// the other eight minimums met -> not renewable; the fewest hours to go: 0.01.
// With a 1 h coaching course on 2025-06-20: 30.99 h, coaching 2.99 -> renewable on 2025-07-01.
// With a 0.99 h coaching course instead: shorter than the 1 h least length, it counts for nothing
// (not 30.98 h and coaching 2.98, which would be renewable): still 29.99 h, coaching 1.99, 11
// entries in the window -> not renewable.
// 2025-07-02: no grace window -> lapsed.
// Renewal opens 90 days before expiry: 2025-07-01 less 30 days is 2025-06-01, less 31 more is
// 2025-05-01 (61 days), less 29 more: 2025-04-02. With the coaching course on 2025-03-20 instead,
// renewable: on 2025-04-01 "renewal opens 2025-04-02, 1 day from now"; on 2025-04-02 no such line.
// ---------------------------------------------------------------------------------------------
const char* const lee_text = R"(
id = "lee"
name = "Lee Tester"

[credentials.oh-cprs]
issued = 2023-07-01

[[training]]
date = 2023-03-01
hours = 16
domain = "ebased-academy"
title = "OhioMHAS e-based academy"

[[training]]
date = 2023-04-15
hours = 40
title = "Peer recovery supporter live training"

[[exam]]
date = 2023-05-20
result = "passed"

[[ce]]
date = 2023-06-30
hours = 3
title = "Ethics before issue"
topics = ["ethics"]

[[ce]]
date = 2023-09-12
hours = 3
title = "Ethics"
topics = ["ethics"]

[[ce]]
date = 2023-10-03
hours = 3
title = "Boundaries"
topics = ["boundaries"]

[[ce]]
date = 2024-01-16
hours = 2
title = "Diversity and inclusion"
topics = ["diversity-inclusion"]

[[ce]]
date = 2024-02-20
hours = 1
title = "System navigation"
topics = ["system-navigation-care-coordination"]

[[ce]]
date = 2024-03-05
hours = 2
title = "Trauma-informed care"
topics = ["trauma-informed-care"]

[[ce]]
date = 2024-04-09
hours = 1
title = "Human trafficking awareness"
topics = ["human-trafficking"]

[[ce]]
date = 2024-05-14
hours = 1
title = "Behavioral health basics"
topics = ["behavioral-health-knowledge"]

[[ce]]
date = 2024-06-11
hours = 1
title = "Health and wellness"
topics = ["health-wellness"]

[[ce]]
date = 2024-08-20
hours = 1.99
title = "Coaching principles"
topics = ["coaching-principles"]

[[ce]]
date = 2024-10-15
hours = 6
title = "Peer support skills"
topics = ["peer-support"]

[[ce]]
date = 2025-02-11
hours = 8
title = "Peer support conference"
topics = ["peer-support"]
)";

TEST_CASE("built-in oh-cprs: 56 h, 24 months, 30 CE h with nine topic minimums, lapsed the day after") {
    Builtins b;
    const Record rec = b.record(lee_text);
    SUBCASE("2025-06-01: 29.99 of 30 h, coaching principles 0.01 h short, the other eight met") {
        const CredentialStatus cs = b.status(rec, "oh-cprs", "2025-06-01");
        CHECK(cs.state == State::Active);
        REQUIRE(cs.training);
        CHECK(cs.training->completed.str() == "56");
        CHECK(cs.training->met);
        REQUIRE(cs.certification);
        CHECK(str(cs.certification->expires) == "2025-07-01");
        CHECK(cs.certification->days_left == 30);
        REQUIRE(cs.ce);
        CHECK(cs.ce->counted.str() == "29.99");
        CHECK(cs.ce->remaining().str() == "0.01");
        CHECK(cs.ce->hours_to_go().str() == "0.01");
        REQUIRE(cs.ce->requirements.size() == 9);
        for (const auto& r : cs.ce->requirements) {
            CAPTURE(r.topic);
            CHECK(r.met() == (r.topic != "coaching-principles"));
        }
        CHECK(topic_minimum(*cs.ce, "coaching-principles").required.str() == "2");
        CHECK(topic_minimum(*cs.ce, "coaching-principles").counted.str() == "1.99");
        CHECK(topic_minimum(*cs.ce, "ethics").counted.str() == "3");
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("a 1 h coaching course: renewable on the day of expiry") {
        const CredentialStatus cs =
            b.status(b.record(with_ce(lee_text, "2025-06-20", "1", "coaching-principles")), "oh-cprs", "2025-07-01");
        CHECK(cs.state == State::Active);
        CHECK(cs.certification->days_left == 0);
        CHECK(cs.ce->counted.str() == "30.99");
        CHECK(topic_minimum(*cs.ce, "coaching-principles").counted.str() == "2.99");
        CHECK(cs.renewable);
    }
    SUBCASE("a 0.99 h coaching course: shorter than 1 h, it counts for nothing") {
        const CredentialStatus cs =
            b.status(b.record(with_ce(lee_text, "2025-06-20", "0.99", "coaching-principles")), "oh-cprs", "2025-07-01");
        CHECK(cs.ce->counted.str() == "29.99");
        CHECK(cs.ce->entries == 11);
        CHECK(topic_minimum(*cs.ce, "coaching-principles").counted.str() == "1.99");
        CHECK_FALSE(cs.renewable);
    }
    SUBCASE("the day after expiry: lapsed") { CHECK(b.status(rec, "oh-cprs", "2025-07-02").state == State::Lapsed); }
    SUBCASE("the renewal window: opens 2025-04-02, 90 days before expiry") {
        const Record met = b.record(with_ce(lee_text, "2025-03-20", "1", "coaching-principles"));
        const CredentialStatus before = b.status(met, "oh-cprs", "2025-04-01");
        CHECK(str(before.certification->submit_from) == "2025-04-02");
        CHECK(before.renewable);
        CHECK(renewal_opens_line(b, met, "2025-04-01") == "renewal opens 2025-04-02 1 day from now");
        CHECK(renewal_opens_line(b, met, "2025-04-02").empty());
        CHECK(b.status(met, "oh-cprs", "2025-04-02").state == State::Active);
    }
}

} // namespace builtin_ca_oh_test
