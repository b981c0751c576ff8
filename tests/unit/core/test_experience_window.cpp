// Tests for the look-backs of lib/core/evaluation.cpp: `within_months` on [[experience]],
// [[level.experience]] and [[training.domain]]. Only entries dated from the reference date (the
// issue date; as_of while pursued) minus the months, to the reference date itself, count; the
// first day is counted with calendar arithmetic, as [training] within_months counts it.

#include "evaluation.hpp"

#include "test_support.hpp"

#include <algorithm>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::ymd;

namespace experience_window_test {

ExperienceEntry worked(Date d, Hours h, ExperienceKind kind = ExperienceKind::Work) {
    ExperienceEntry e;
    e.date = d;
    e.hours = h;
    e.kind = kind;
    return e;
}

TrainingEntry trained(Date d, Hours h, std::string domain) {
    TrainingEntry e;
    e.date = d;
    e.hours = h;
    e.domain = std::move(domain);
    return e;
}

Record person(const std::string& id, std::optional<Date> issued, std::optional<std::string> level = {}) {
    return test::holder(id, issued, std::move(level));
}

CredentialStatus status_on(const Record& rec, const Credential& c, Date as_of) {
    CredentialSet set;
    set.add(c);
    SpecialistStatus s = evaluate(rec, set, as_of, true);
    REQUIRE(s.credentials.size() == 1);
    return s.credentials[0];
}

UseReason experience_use(const CredentialStatus& cs, std::size_t index) {
    return test::use_of_entry(cs, EntryKind::Experience, index).reason;
}

const std::string nj_rule = R"(topics = ["ethics", "hiv"]
[[experience]]
kinds = ["work"]
hours = 500
within_months = 24
[[experience]]
kinds = ["supervision"]
hours = 25
[period]
anchor = "issue-date"
months = 24
)";

// 100 h on each side of both edges of the window 2023-03-15 .. 2025-03-15 (issued 2025-03-15;
// 2025-03-15 - 24 months = 2023-03-15), and supervision long before it.
Record nj_person(std::optional<Date> issued) {
    Record r = person("nj", issued);
    r.experience = {worked(ymd(2023, 3, 14), centi(10000)),
                    worked(ymd(2023, 3, 15), centi(10000)),
                    worked(ymd(2023, 3, 16), centi(10000)),
                    worked(ymd(2025, 3, 14), centi(10000)),
                    worked(ymd(2025, 3, 15), centi(10000)),
                    worked(ymd(2025, 3, 16), centi(10000)),
                    worked(ymd(2015, 1, 1), centi(2500), ExperienceKind::Supervision)};
    return r;
}

TEST_CASE("[[experience]] within_months: the window ends on the issue date and starts N months before") {
    Credential c = test::make_credential("nj", nj_rule);
    CredentialStatus cs = status_on(nj_person(ymd(2025, 3, 15)), c, ymd(2026, 1, 1));
    REQUIRE(cs.experience.size() == 2);
    CHECK(cs.experience[0].completed == centi(40000)); // 2023-03-15, 03-16, 2025-03-14, 03-15: 4 x 100
    CHECK(cs.experience[0].within_months == 24);
    CHECK(cs.experience[1].completed == centi(2500)); // no look-back: 2015 counts
    CHECK_FALSE(cs.experience[1].within_months);
    CHECK(experience_use(cs, 0) == UseReason::ExperienceTooOld); // the day before the first day
    CHECK(experience_use(cs, 1) == UseReason::Counts);           // the first day
    CHECK(experience_use(cs, 2) == UseReason::Counts);
    CHECK(experience_use(cs, 3) == UseReason::Counts);
    CHECK(experience_use(cs, 4) == UseReason::Counts);     // the issue date itself
    CHECK(experience_use(cs, 5) == UseReason::AfterIssue); // the day after
    CHECK(to_string(UseReason::ExperienceTooOld) == "older than the experience window");
}

TEST_CASE("[[experience]] within_months: while pursued, the window ends on as_of") {
    Credential c = test::make_credential("nj", nj_rule);
    // As of 2025-03-15 the window is the same; 2025-03-16 is after as_of.
    CredentialStatus cs = status_on(nj_person(std::nullopt), c, ymd(2025, 3, 15));
    CHECK(cs.experience[0].completed == centi(40000));
    CHECK(experience_use(cs, 5) == UseReason::AfterAsOf);
    CHECK(cs.state == State::InTraining); // 400 of 500
    // A day later the window is 2023-03-16 .. 2025-03-16: 2023-03-15 drops out, 2025-03-16 comes in.
    CredentialStatus next = status_on(nj_person(std::nullopt), c, ymd(2025, 3, 16));
    CHECK(next.experience[0].completed == centi(40000));
    CHECK(experience_use(next, 1) == UseReason::ExperienceTooOld);
    CHECK(experience_use(next, 5) == UseReason::Counts);
}

TEST_CASE("[[experience]] within_months: the first day clamps to the month's end") {
    Credential c = test::make_credential("nj", nj_rule);
    // Issued 2024-02-29: 24 months before is 2022-02-29, which does not exist, so 2022-02-28.
    Record r = person("nj", ymd(2024, 2, 29));
    r.experience = {worked(ymd(2022, 2, 27), centi(100)), worked(ymd(2022, 2, 28), centi(200))};
    CredentialStatus cs = status_on(r, c, ymd(2024, 3, 1));
    CHECK(cs.experience[0].completed == centi(200));
}

TEST_CASE("[[level.experience]] within_months: counted back from as_of") {
    Credential c = test::make_credential("lv", R"([period]
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
within_months = 12
)");
    // As of 2025-12-01 the window is 2024-12-01 .. 2025-12-01.
    Record r = person("lv", ymd(2025, 6, 1), "provisional");
    r.experience = {worked(ymd(2024, 11, 30), centi(20000)), worked(ymd(2024, 12, 1), centi(15000)),
                    worked(ymd(2025, 12, 1), centi(15000)), worked(ymd(2025, 12, 2), centi(10000))};
    CredentialStatus cs = status_on(r, c, ymd(2025, 12, 1));
    REQUIRE(cs.next_level);
    REQUIRE(cs.next_level->experience.size() == 1);
    CHECK(cs.next_level->experience[0].completed == centi(30000)); // 150 + 150; not the 200 of 2024-11-30
    CHECK(cs.next_level->met);
}

TEST_CASE("[[training.domain]] within_months: a domain's own look-back") {
    Credential c = test::make_credential("naadac", R"(domains = ["ethics", "hiv"]
[training]
hours = 12
[[training.domain]]
domain = "ethics"
hours = 6
within_months = 72
[[training.domain]]
domain = "hiv"
hours = 6
within_months = 72
[period]
anchor = "issue-date"
months = 24
)");
    // Issued 2025-06-01: 72 months before is 2019-06-01.
    Record r = person("naadac", ymd(2025, 6, 1));
    r.training = {trained(ymd(2019, 5, 31), centi(600), "ethics"), trained(ymd(2019, 6, 1), centi(300), "ethics"),
                  trained(ymd(2019, 6, 2), centi(600), "hiv")};
    CredentialStatus cs = status_on(r, c, ymd(2025, 6, 1));
    REQUIRE(cs.training);
    CHECK(cs.training->completed == centi(1500)); // the total has no look-back: 6 + 3 + 6
    REQUIRE(cs.training->domains.size() == 2);
    CHECK(cs.training->domains[0].completed == centi(300)); // ethics: 2019-05-31 is a day too old
    CHECK(cs.training->domains[0].within_months == 72);
    CHECK(cs.training->domains[1].completed == centi(600));
    CHECK_FALSE(cs.training->met); // ethics 3 of 6
}

TEST_CASE("[[revision.experience]] within_months: by the rules in force on the issue date") {
    Credential c = test::make_credential("rv", R"([[experience]]
kinds = ["work"]
hours = 100
[period]
anchor = "issue-date"
months = 24
[[revision]]
effective_from = 2025-01-01
[[revision.experience]]
kinds = ["work"]
hours = 100
within_months = 12
)");
    auto completed = [&](Date issued) {
        Record r = person("rv", issued);
        r.experience = {worked(ymd(2023, 6, 1), centi(10000))};
        return status_on(r, c, ymd(2025, 6, 1)).experience.at(0).completed;
    };
    CHECK(completed(ymd(2024, 12, 31)) == centi(10000)); // the base rule: no look-back
    CHECK(completed(ymd(2025, 1, 1)) == Hours());        // the revision: 2023-06-01 is before 2024-01-01
}

} // namespace experience_window_test
