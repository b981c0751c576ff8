// The worked examples of data/credentials/wa-cps.toml (a trainee year renewable 4 times, 1,000 h
// to the full certificate, renewed on the birthday, 30 CE h with 14 peer-specific and 2 ethics,
// suicide prevention over 6 years and health equity over 4, two late rungs), nj-cprs.toml (46 h,
// 500 h within 2 years + 25 h, no exam, 20 CE h) and va-cprs.toml (72 h, 500 h within 3 years,
// the IC&RC exam with a 90-day retest wait, no CE rule), each figure computed by hand below.

#include "builtin_fixture.hpp"
#include "status_text.hpp"

#include <string>

using namespace peerctl;
using peerctl::test::Builtins;
using peerctl::test::replaced;
using peerctl::test::str;
using peerctl::test::topic_minimum;
using peerctl::test::with_ce;

namespace builtin_wa_nj_va_test {

// A minimum over several periods in one line: "48 months from 2028-04-17, judged, 1.99 h, not met".
std::string over_summary(const RequirementProgress& r) {
    return std::to_string(r.over_months.value_or(0)) + " months from " + str(r.window_start) + ", " +
           (r.judged ? "judged" : "not due yet") + ", " + r.counted.str() + " h, " + (r.met() ? "met" : "not met");
}

// ---------------------------------------------------------------------------------------------
// Quinn: Washington. Trainee certificate issued 2025-08-04: expiry = + 12 months = 2026-08-04.
// Toward the full certificate (1,000 h of work or volunteer; supervision does not count):
// 400 + 300 + 299.99 = 999.99 -> 0.01 h short; with 0.01 h more -> met.
// The trainee level's 12 months count from the issue date, not to the birthday, so no birthday
// is needed (given one, 04-17, the expiry is still 2026-08-04). Renewed each 2026-08-01 ..
// 2029-08-01, a year at a time from the issue date:
//   after 3 renewals: 2025-08-04 + 48 months = 2029-08-04, renewed 3 of 4: no limit reached
//   after 4 renewals: 2025-08-04 + 60 months = 2030-08-04, renewed 4 of 4: move up to full by then
// ---------------------------------------------------------------------------------------------
const char* const quinn_trainee = R"(
id = "quinn"
name = "Quinn Tester"

[credentials.wa-cps]
issued = 2025-08-04
level = "trainee"

[[training]]
date = 2025-06-20
hours = 40
title = "HCA peer specialist education course"

[[exam]]
date = 2025-07-15
result = "passed"

[[experience]]
date = 2025-10-31
hours = 400
kind = "work"

[[experience]]
date = 2025-11-30
hours = 50
kind = "supervision"

[[experience]]
date = 2026-01-31
hours = 300
kind = "volunteer"

[[experience]]
date = 2026-04-30
hours = 299.99
kind = "work"
)";

// The full certificate, issued 2026-08-04, birthday 04-17. 2026's birthday is before the issue
// date, so the first expiry is the birthday 2 years on: 2028-04-17, a first period of 20 months
// and 13 days, shortened to meet the birthday. CE window 2026-08-04 .. 2028-04-17:
//                                         total   peer-support (>= 14)   ethics (>= 2)
//   2026-09-10  8     peer-support          8       8
//   2027-01-12  5.99  peer-support         13.99   13.99
//   2027-03-03  2     ethics               15.99                          2
//   2027-06-01  3     suicide-prevention   18.99
//   2027-09-14  2     health-equity        20.99
//   2027-11-02  9.01  recovery-wellness    30
// -> 30 of 30, ethics met, peer-support 0.01 h short: not renewable; 0.01 h more -> renewable.
// After expiry (no fee amounts known):
//   2028-04-18 .. 2030-04-17 (expiry + 24 months): late renewal
//   2030-04-18 .. 2031-04-17 (expiry + 36 months): reissuance
//   2031-04-18: lapsed
// Renewed 2028-04-01 (no expiry of its own): 2028-04-17 + 24 months = 2030-04-17, on the birthday.
// Other birthdays, the same issue date 2026-08-04:
//   09-01, after the issue day: 2026-09-01 is still ahead, so the birthday 1 year on: 2027-09-01
//          (12 months and 28 days); renewed: 2029-09-01
//   08-04, the issue day itself: the whole 24 months, 2028-08-04
//   08-03, the day before: 2028-08-03 (24 months less a day)
// Without a birthday the record is refused: the expiry cannot be computed.
// Over several periods (renewed 2028-04-01, 2030-04-01, 2032-04-01: expiries 2030-04-17,
// 2032-04-17, 2034-04-17; each period seen the day before its renewal, on 03-31), judged once the
// window starts on or after the issue date 2026-08-04:
//   health equity 2 h / 48 months:
//     expiry 2028-04-17, from 2024-04-17; 2030-04-17, from 2026-04-17: before the issue date,
//       not due yet (met, whatever is logged)
//     expiry 2032-04-17, from 2028-04-17: judged. 2027-09-14 2 h: too old; 2028-04-16 1 h: a day
//       too old; 2028-04-17 1 h (in the first period): counts; 2031-05-05 0.99 h: counts ->
//       1.99 of 2, 0.01 h short; 0.01 h more on 2032-01-10: 2, met
//   suicide prevention 3 h / 72 months:
//     expiry 2032-04-17, from 2026-04-17: not due yet
//     expiry 2034-04-17, from 2028-04-17: judged. 2027-06-01 3 h: too old -> 0 of 3; with 3 h on
//       2028-04-17, the window's first day: met
const char* const quinn_full = R"(
id = "quinn"
name = "Quinn Tester"
birthday = "04-17"

[credentials.wa-cps]
issued = 2026-08-04

[[ce]]
date = 2026-09-10
hours = 8
title = "Peer support skills"
topics = ["peer-support"]

[[ce]]
date = 2027-01-12
hours = 5.99
title = "Shared decision making"
topics = ["peer-support"]

[[ce]]
date = 2027-03-03
hours = 2
title = "Professional law and ethics"
topics = ["ethics"]

[[ce]]
date = 2027-06-01
hours = 3
title = "Suicide prevention"
topics = ["suicide-prevention"]

[[ce]]
date = 2027-09-14
hours = 2
title = "Health equity"
topics = ["health-equity"]

[[ce]]
date = 2027-11-02
hours = 9.01
title = "Recovery planning"
topics = ["recovery-wellness"]
)";

TEST_CASE("built-in wa-cps: a trainee year, 1,000 h to the full certificate, 30 CE h (14 peer, 2 ethics), two late rungs") {
    Builtins b;
    SUBCASE("trainee: 999.99 of 1,000 h on the trainee expiry; 0.01 h more meets it") {
        const CredentialStatus cs = b.status(b.record(quinn_trainee), "wa-cps", "2026-08-04");
        CHECK(cs.state == State::Active);
        CHECK(cs.certification->level == "trainee");
        CHECK(str(cs.certification->expires) == "2026-08-04");
        CHECK_FALSE(cs.training); // the current course's hours are not known
        REQUIRE(cs.next_level);
        CHECK(cs.next_level->experience[0].completed.str() == "999.99");
        CHECK_FALSE(cs.next_level->met);
        const Record more =
            b.record(std::string(quinn_trainee) + "\n[[experience]]\ndate = 2026-05-01\nhours = 0.01\nkind = \"volunteer\"\n");
        CHECK(b.status(more, "wa-cps", "2026-08-04").next_level->met);
        const Record with_birthday =
            b.record(replaced(quinn_trainee, "name = \"Quinn Tester\"\n", "name = \"Quinn Tester\"\nbirthday = \"04-17\"\n"));
        CHECK(str(b.status(with_birthday, "wa-cps", "2026-08-04").certification->expires) == "2026-08-04");
    }
    SUBCASE("trainee: renewed at most 4 times, a year from the issue date each") {
        std::string text = quinn_trainee;
        for (int year = 2026; year <= 2029; ++year)
            text += "\n[[renewal]]\ndate = " + std::to_string(year) + "-08-01\n";
        const Record renewed = b.record(text);
        const CredentialStatus three = b.status(renewed, "wa-cps", "2029-07-31");
        CHECK(three.certification->renewals == 3);
        CHECK(str(three.certification->expires) == "2029-08-04");
        CHECK(level_limit_in_words(three).empty());
        const CredentialStatus four = b.status(renewed, "wa-cps", "2029-08-01");
        CHECK(four.certification->renewals == 4);
        CHECK(str(four.certification->expires) == "2030-08-04");
        CHECK_FALSE(four.renewable);
        CHECK(level_limit_in_words(four) == "level trainee renewed 4 of 4 times: move up to full by 2030-08-04");
    }
    const Record full = b.record(quinn_full);
    SUBCASE("full, on the birthday expiry: peer-support 0.01 h short, not renewable") {
        const CredentialStatus cs = b.status(full, "wa-cps", "2028-04-17");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->expires) == "2028-04-17");
        CHECK(cs.certification->days_left == 0);
        CHECK(cs.ce->counted.str() == "30");
        CHECK(topic_minimum(*cs.ce, "peer-support").required.str() == "14");
        CHECK(topic_minimum(*cs.ce, "peer-support").counted.str() == "13.99");
        CHECK(topic_minimum(*cs.ce, "ethics").met());
        CHECK_FALSE(cs.renewable);
        CHECK(b.status(b.record(with_ce(quinn_full, "2028-01-10", "0.01", "peer-support")), "wa-cps", "2028-04-17").renewable);
    }
    SUBCASE("after expiry: late renewal for one cycle, reissuance to 3 years, then lapsed") {
        const CredentialStatus late = b.status(full, "wa-cps", "2028-04-18");
        CHECK(late.state == State::Grace);
        CHECK(str(late.certification->grace_until) == "2030-04-17");
        CHECK_FALSE(late.certification->late_fee_cents);
        CHECK(str(b.status(full, "wa-cps", "2030-04-17").certification->grace_until) == "2030-04-17");
        CHECK(str(b.status(full, "wa-cps", "2030-04-18").certification->grace_until) == "2031-04-17");
        CHECK(b.status(full, "wa-cps", "2031-04-17").state == State::Grace);
        CHECK(b.status(full, "wa-cps", "2031-04-18").state == State::Lapsed);
    }
    SUBCASE("renewed before the birthday: two years on, on the birthday again") {
        const Record renewed = b.record(std::string(quinn_full) + "\n[[renewal]]\ndate = 2028-04-01\n");
        CHECK(str(b.status(renewed, "wa-cps", "2028-05-01").certification->expires) == "2030-04-17");
    }
    SUBCASE("a birthday after the issue day: the first expiry a year on, then two years each") {
        const std::string sept = replaced(quinn_full, "birthday = \"04-17\"", "birthday = \"09-01\"");
        const CredentialStatus first = b.status(b.record(sept), "wa-cps", "2027-09-01");
        CHECK(str(first.certification->expires) == "2027-09-01");
        CHECK(first.certification->days_left == 0);
        CHECK(b.status(b.record(sept), "wa-cps", "2027-09-02").state == State::Grace);
        const Record renewed = b.record(sept + "\n[[renewal]]\ndate = 2027-08-15\n");
        CHECK(str(b.status(renewed, "wa-cps", "2027-09-02").certification->expires) == "2029-09-01");
    }
    SUBCASE("a birthday on the issue day: the whole 24 months; the day before: a day less") {
        CHECK(str(b.status(b.record(replaced(quinn_full, "\"04-17\"", "\"08-04\"")), "wa-cps", "2027-01-01")
                      .certification->expires) == "2028-08-04");
        CHECK(str(b.status(b.record(replaced(quinn_full, "\"04-17\"", "\"08-03\"")), "wa-cps", "2027-01-01")
                      .certification->expires) == "2028-08-03");
    }
    SUBCASE("health equity over 4 years, suicide prevention over 6: judged once held that long") {
        std::string text =
            std::string(quinn_full) +
            "\n[[renewal]]\ndate = 2028-04-01\n\n[[renewal]]\ndate = 2030-04-01\n\n[[renewal]]\ndate = 2032-04-01\n";
        text = with_ce(with_ce(text, "2028-04-16", "1", "health-equity"), "2028-04-17", "1", "health-equity");
        text = with_ce(text, "2031-05-05", "0.99", "health-equity");
        const Record rec = b.record(text);
        const CredentialStatus first = b.status(rec, "wa-cps", "2028-03-31");
        CHECK_FALSE(topic_minimum(first.ce.value(), "health-equity").judged);
        CHECK_FALSE(topic_minimum(first.ce.value(), "suicide-prevention").judged);
        const CredentialStatus second = b.status(rec, "wa-cps", "2030-03-31");
        CHECK(str(second.certification->expires) == "2030-04-17");
        CHECK(str(topic_minimum(second.ce.value(), "health-equity").window_start) == "2026-04-17");
        CHECK_FALSE(topic_minimum(second.ce.value(), "health-equity").judged);
        CHECK(topic_minimum(second.ce.value(), "health-equity").met());
        const CredentialStatus third = b.status(rec, "wa-cps", "2032-03-31");
        CHECK(over_summary(topic_minimum(third.ce.value(), "health-equity")) ==
              "48 months from 2028-04-17, judged, 1.99 h, not met");
        CHECK_FALSE(topic_minimum(third.ce.value(), "suicide-prevention").judged);
        CHECK(topic_minimum(
                  b.status(b.record(with_ce(text, "2032-01-10", "0.01", "health-equity")), "wa-cps", "2032-03-31").ce.value(),
                  "health-equity")
                  .met());
        const CredentialStatus fourth = b.status(rec, "wa-cps", "2034-04-17");
        CHECK(over_summary(topic_minimum(fourth.ce.value(), "suicide-prevention")) ==
              "72 months from 2028-04-17, judged, 0 h, not met");
        const Record trained = b.record(with_ce(text, "2028-04-17", "3", "suicide-prevention"));
        CHECK(topic_minimum(b.status(trained, "wa-cps", "2034-04-17").ce.value(), "suicide-prevention").met());
    }
    SUBCASE("without a birthday: the record is refused, naming the key") {
        Diagnostics diags;
        const auto rec = load_record(replaced(quinn_full, "birthday = \"04-17\"\n", ""), "x.toml", b.set, {}, diags);
        CHECK(peerctl::test::messages(diags).find("add birthday = \"MM-DD\" to the record") != std::string::npos);
        CHECK(diags.has_errors());
    }
}

// ---------------------------------------------------------------------------------------------
// Riley: New Jersey CPRS. 46 h of training. Work or volunteer within the 24 months before the
// reference date (as_of while pursued, the issue date once certified):
//   as of 2024-06-03, from 2022-06-03: 2022-06-02 100 is a day too old; 2022-06-03 200 (the
//     window's first day) + 2023-05-01 100 + 2024-02-01 199.99 = 499.99 of 500 -> in training
//   as of 2024-06-02, from 2022-06-02: 100 more, 599.99 -> eligible
//   0.01 h more on 2024-06-01: 500 on 2024-06-03 -> eligible
// Supervision 25 of 25. No exam.
// Certified 2024-06-03: expiry = + 24 months = 2026-06-03. CE 6 + 4 + 9.99 = 19.99 of 20 ->
// not renewable; 0.01 h more -> renewable. 2026-06-04: lapsed.
// ---------------------------------------------------------------------------------------------
const char* const riley_text = R"(
id = "riley"
name = "Riley Tester"

[credentials.nj-cprs]

[[training]]
date = 2023-11-15
hours = 46
title = "CPRS training"

[[experience]]
date = 2022-06-02
hours = 100
kind = "work"

[[experience]]
date = 2022-06-03
hours = 200
kind = "work"

[[experience]]
date = 2023-05-01
hours = 100
kind = "work"

[[experience]]
date = 2024-02-01
hours = 199.99
kind = "volunteer"

[[experience]]
date = 2024-03-15
hours = 25
kind = "supervision"

[[ce]]
date = 2024-09-09
hours = 6
title = "Advocacy"
topics = ["advocacy"]

[[ce]]
date = 2025-03-10
hours = 4
title = "Ethics"
topics = ["ethics"]

[[ce]]
date = 2025-10-20
hours = 9.99
title = "Recovery and wellness"
topics = ["recovery-wellness"]
)";

TEST_CASE("built-in nj-cprs: 46 h, 500 h + 25 h, no exam, 24 months, 20 CE h") {
    Builtins b;
    SUBCASE("the 500 h within 2 years: a day later, 100 h age out of the window") {
        const Record rec = b.record(riley_text);
        const CredentialStatus cs = b.status(rec, "nj-cprs", "2024-06-03");
        CHECK(cs.state == State::InTraining);
        CHECK_FALSE(cs.exam);
        REQUIRE(cs.experience.size() == 2);
        CHECK(cs.experience[0].within_months == 24);
        CHECK(cs.experience[0].completed.str() == "499.99");
        CHECK(cs.experience[1].completed.str() == "25");
        const CredentialStatus day_before = b.status(rec, "nj-cprs", "2024-06-02");
        CHECK(day_before.experience[0].completed.str() == "599.99");
        CHECK(day_before.state == State::Eligible);
        const Record more =
            b.record(std::string(riley_text) + "\n[[experience]]\ndate = 2024-06-01\nhours = 0.01\nkind = \"work\"\n");
        CHECK(b.status(more, "nj-cprs", "2024-06-03").state == State::Eligible);
    }
    const std::string certified = replaced(riley_text, "[credentials.nj-cprs]\n", "[credentials.nj-cprs]\nissued = 2024-06-03\n");
    SUBCASE("certified: 19.99 of 20 CE h on the day of expiry; 0.01 h more, renewable; lapsed the day after") {
        const Record rec = b.record(certified);
        const CredentialStatus cs = b.status(rec, "nj-cprs", "2026-06-03");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->expires) == "2026-06-03");
        CHECK(cs.ce->counted.str() == "19.99");
        CHECK(cs.ce->requirements.empty());
        CHECK_FALSE(cs.renewable);
        CHECK(b.status(b.record(with_ce(certified, "2026-06-01", "0.01", "ethics")), "nj-cprs", "2026-06-03").renewable);
        CHECK(b.status(rec, "nj-cprs", "2026-06-04").state == State::Lapsed);
    }
}

// ---------------------------------------------------------------------------------------------
// Sky: Virginia CPRS. 72 h of training; work or volunteer within the 36 months before the issue
// date 2024-09-16, from 2021-09-16: 2021-09-15 100 is a day too old; 2021-09-16 250 (the window's
// first day) + 2023-03-01 249.99 = 499.99 of 500. Issued a day earlier, 2024-09-15, the window
// starts 2021-09-15: 599.99. Exam failed 2024-05-01, passed 2024-07-30:
// 2024-05-01 -> 2024-07-30 = 30 (to May 31) + 30 (to Jun 30) + 30 (to Jul 30) = 90 days, the
// wait asked: no problem. Passed a day earlier, 2024-07-29: 89 days, a problem.
// Certified 2024-09-16: expiry 2026-09-16; no CE rule: renewable; 2026-09-17 lapsed.
// ---------------------------------------------------------------------------------------------
const char* const sky_text = R"(
id = "sky"
name = "Sky Tester"

[credentials.va-cprs]
issued = 2024-09-16

[[training]]
date = 2023-10-02
hours = 72
title = "DBHDS peer recovery specialist training"

[[experience]]
date = 2021-09-15
hours = 100
kind = "work"

[[experience]]
date = 2021-09-16
hours = 250
kind = "work"

[[experience]]
date = 2023-03-01
hours = 249.99
kind = "volunteer"

[[exam]]
date = 2024-05-01
result = "failed"

[[exam]]
date = 2024-07-30
result = "passed"
)";

TEST_CASE("built-in va-cprs: 72 h, 500 h, the IC&RC exam 90 days after a failure, 24 months, no CE rule") {
    Builtins b;
    const Record rec = b.record(sky_text);
    SUBCASE("90 days after the failure: no problem; certified, renewable, 24 months") {
        const CredentialStatus cs = b.status(rec, "va-cprs", "2026-09-16");
        CHECK(cs.problems.empty());
        CHECK(cs.exam->attempts == 2);
        CHECK(cs.training->met);
        CHECK(cs.experience[0].within_months == 36);
        CHECK(cs.experience[0].completed.str() == "499.99");
        CHECK(b.status(b.record(replaced(sky_text, "issued = 2024-09-16", "issued = 2024-09-15")), "va-cprs", "2026-09-16")
                  .experience[0]
                  .completed.str() == "599.99");
        CHECK(cs.state == State::Active);
        CHECK(str(cs.certification->expires) == "2026-09-16");
        CHECK_FALSE(cs.ce);
        CHECK(cs.renewable);
        CHECK(b.status(rec, "va-cprs", "2026-09-17").state == State::Lapsed);
    }
    SUBCASE("89 days after the failure: a problem") {
        const CredentialStatus cs = b.status(b.record(replaced(sky_text, "2024-07-30", "2024-07-29")), "va-cprs", "2024-09-20");
        REQUIRE(cs.problems.size() == 1);
        CHECK(cs.problems[0] == "exam on 2024-07-29 was 89 days after a failed attempt; va-cprs requires 90");
    }
}

} // namespace builtin_wa_nj_va_test
