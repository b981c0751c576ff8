// Tests for lib/toml/record_loader.cpp (with lib/toml/toml_reader.cpp): a record read from inline TOML,
// every field, and every problem reported at its file:line:col with its exact text.
//
// Positions: a value's column is that of its first character (the opening quote of a string);
// a key's is its first character; an [[array]] entry's is the '[' of its header (column 1); a
// missing required key of the record itself is reported at 1:1.

#include "record_loader.hpp"

#include "test_support.hpp"

using namespace peerctl;
using namespace std::literals;
using peerctl::test::dump;
using peerctl::test::ymd;

namespace {

// Three credentials: ct-rss without levels, icrc-pr with levels, ny-crpa for a pursued one.
// Vocabulary (topics and domains of all three): advocacy, ethics, mentoring-education,
// peer-support, recovery-wellness.
const CredentialSet& credentials() {
    static const CredentialSet set = [] {
        CredentialSet s;
        s.add(test::make_credential("ct-rss", R"(topics = ["ethics", "advocacy", "peer-support"]
domains = ["advocacy", "ethics"]
[period]
anchor = "issue-date"
months = 36
)"));
        s.add(test::make_credential("icrc-pr", R"(topics = ["ethics", "recovery-wellness"]
domains = ["mentoring-education"]
[period]
anchor = "issue-date"
months = 24
[[level]]
id = "provisional"
months = 12
renewable = false
[[level]]
id = "full"
)"));
        s.add(test::make_credential("ny-crpa", R"(topics = ["ethics"]
[period]
anchor = "issue-date"
months = 36
)"));
        return s;
    }();
    return set;
}

struct Loaded {
    std::optional<Record> record;
    Diagnostics diags;
    std::string text() const { return dump(diags); }
};

Loaded load(std::string_view text, std::string expected_id = "") {
    Loaded l;
    RecordLoadOptions options;
    options.expected_id = std::move(expected_id);
    l.record = load_record(text, "jdoe.toml", credentials(), options, l.diags);
    return l;
}

// The record header used by most cases: lines 1-5, entries start on line 7.
constexpr std::string_view header = R"(id = "jdoe"
name = "Jordan Doe"

[credentials.ct-rss]
issued = 2023-04-01
)";

// Loads `header` plus `body` and expects exactly one error, returned formatted.
std::string one_error(std::string_view body) {
    Loaded l = load(std::string(header) + "\n" + std::string(body));
    INFO(l.text());
    CHECK_FALSE(l.record);
    REQUIRE(l.diags.items().size() == 1);
    CHECK(l.diags.items()[0].severity == Severity::Error);
    return format(l.diags.items()[0]);
}

// A [[ce]] entry starting on line 7 whose line 8 is `line8` and line 9 is `line9`.
std::string ce_entry(std::string_view line8, std::string_view line9) {
    return "[[ce]]\n" + std::string(line8) + "\n" + std::string(line9) + "\ntitle = \"A course\"\n";
}

} // namespace

TEST_CASE("load_record reads every field of a valid record") {
    const std::string text = R"(id = "jdoe"
name = "Jordan Doe"
note = "moved from Hartford"

[credentials.ct-rss]
number = "RSS-0123"
issued = 2023-04-01
expires = 2026-04-02

[credentials.icrc-pr]
number = "PR-77"
issued = 2024-01-15
level = "provisional"

[credentials.ny-crpa]

[[training]]
date = 2023-01-09
hours = 8
domain = "advocacy"
title = "RSS training, day 1"
provider = "Advocacy Unlimited"

[[exam]]
credential = "ct-rss"
date = 2023-03-02
result = "passed"
score = 81

[[experience]]
date = 2023-02-28
hours = 40.5
kind = "supervision"

[[ce]]
date = 2024-02-03
hours = 0.1
title = "Ethics and boundaries"
provider = "CCAR"
topics = ["ethics", "peer-support"]
delivery = "live-online"
approval = "CCB-1234"
evidence = "evidence/jdoe/2024-02-03-ethics.pdf"

[[renewal]]
credential = "ct-rss"
date = 2026-03-15
expires = 2029-04-01

[[training]]
date = 2023-01-10
hours = 7.75
title = "RSS training, day 2"

[[exam]]
credential = "icrc-pr"
date = 2023-12-01
result = "failed"

[[exam]]
credential = "ny-crpa"
date = 2026-01-20
result = "scheduled"

[[experience]]
date = 2023-03-31
hours = 12
kind = "work"
title = "Peer support shifts"

[[experience]]
date = 2023-04-30
hours = 3.25
kind = "volunteer"

[[ce]]
date = 2024-03-01
hours = 2
title = "Self-study module"
delivery = "self-study"

[[ce]]
date = 2024-03-02
hours = 1
title = "Workshop"
delivery = "in-person"
)";
    Loaded l = load(text, "jdoe");
    INFO(l.text());
    REQUIRE(l.record);
    CHECK(l.diags.items().empty());
    const Record& r = *l.record;

    CHECK(r.file == "jdoe.toml");
    CHECK(r.id == "jdoe");
    CHECK(r.id_pos.line == 1);
    CHECK(r.id_pos.column == 6);
    CHECK(r.name == "Jordan Doe");

    SUBCASE("credentials, in id order, at the position of their key in the header") {
        REQUIRE(r.credentials.size() == 3);
        const HeldCredential& rss = r.credentials[0];
        CHECK(rss.id == "ct-rss");
        CHECK(rss.pos.line == 5);
        CHECK(rss.pos.column == 14); // "[credentials." is 13 characters
        CHECK(rss.number == "RSS-0123");
        REQUIRE(rss.issued);
        CHECK(*rss.issued == ymd(2023, 4, 1));
        REQUIRE(rss.expires);
        CHECK(*rss.expires == ymd(2026, 4, 2));
        CHECK_FALSE(rss.level);

        const HeldCredential& pr = r.credentials[1];
        CHECK(pr.id == "icrc-pr");
        CHECK(pr.pos.line == 10);
        CHECK(pr.number == "PR-77");
        REQUIRE(pr.issued);
        CHECK(*pr.issued == ymd(2024, 1, 15));
        CHECK(pr.level == "provisional");
        CHECK_FALSE(pr.expires);

        const HeldCredential& ny = r.credentials[2];
        CHECK(ny.id == "ny-crpa");
        CHECK(ny.pos.line == 15);
        CHECK_FALSE(ny.number);
        CHECK_FALSE(ny.issued);
        CHECK_FALSE(ny.level);
        CHECK_FALSE(ny.expires);

        CHECK(r.credential("icrc-pr") == &r.credentials[1]);
        CHECK(r.credential("pa-cps") == nullptr);
    }
    SUBCASE("training, in file order across interleaved tables") {
        REQUIRE(r.training.size() == 2);
        const TrainingEntry& t = r.training[0];
        CHECK(t.pos.line == 17);
        CHECK(t.pos.column == 1);
        CHECK(t.date == ymd(2023, 1, 9));
        CHECK(t.hours == Hours::whole(8));
        CHECK(t.domain == "advocacy");
        CHECK(t.title == "RSS training, day 1");
        CHECK(t.provider == "Advocacy Unlimited");
        const TrainingEntry& t2 = r.training[1];
        CHECK(t2.pos.line == 50);
        CHECK(t2.date == ymd(2023, 1, 10));
        CHECK(t2.hours.centi() == 775);
        CHECK(t2.domain == "");
        CHECK(t2.title == "RSS training, day 2");
        CHECK(t2.provider == "");
    }
    SUBCASE("exams") {
        REQUIRE(r.exams.size() == 3);
        CHECK(r.exams[0].pos.line == 24);
        CHECK(r.exams[0].credential == "ct-rss");
        CHECK(r.exams[0].date == ymd(2023, 3, 2));
        CHECK(r.exams[0].result == ExamResult::Passed);
        CHECK(r.exams[0].score == 81);
        CHECK(r.exams[1].pos.line == 55);
        CHECK(r.exams[1].credential == "icrc-pr");
        CHECK(r.exams[1].result == ExamResult::Failed);
        CHECK_FALSE(r.exams[1].score);
        CHECK(r.exams[2].credential == "ny-crpa");
        CHECK(r.exams[2].date == ymd(2026, 1, 20));
        CHECK(r.exams[2].result == ExamResult::Scheduled);
    }
    SUBCASE("experience") {
        REQUIRE(r.experience.size() == 3);
        CHECK(r.experience[0].pos.line == 30);
        CHECK(r.experience[0].date == ymd(2023, 2, 28));
        CHECK(r.experience[0].hours.centi() == 4050);
        CHECK(r.experience[0].kind == ExperienceKind::Supervision);
        CHECK(r.experience[1].kind == ExperienceKind::Work);
        CHECK(r.experience[1].hours == Hours::whole(12));
        CHECK(r.experience[2].kind == ExperienceKind::Volunteer);
        CHECK(r.experience[2].hours.centi() == 325);
    }
    SUBCASE("ce") {
        REQUIRE(r.ce.size() == 3);
        const CeEntry& c = r.ce[0];
        CHECK(c.pos.line == 35);
        CHECK(c.date == ymd(2024, 2, 3));
        CHECK(c.hours.centi() == 10);
        CHECK(c.title == "Ethics and boundaries");
        CHECK(c.provider == "CCAR");
        CHECK(c.topics == std::vector<std::string>{"ethics", "peer-support"});
        CHECK(c.delivery == Delivery::LiveOnline);
        CHECK(c.approval == "CCB-1234");
        CHECK(c.evidence == "evidence/jdoe/2024-02-03-ethics.pdf");
        const CeEntry& c2 = r.ce[1];
        CHECK(c2.date == ymd(2024, 3, 1));
        CHECK(c2.hours == Hours::whole(2));
        CHECK(c2.provider == "");
        CHECK(c2.topics.empty());
        CHECK(c2.delivery == Delivery::SelfStudy);
        CHECK(c2.approval == "");
        CHECK(c2.evidence == "");
        CHECK(r.ce[2].delivery == Delivery::InPerson);
    }
    SUBCASE("renewals") {
        REQUIRE(r.renewals.size() == 1);
        CHECK(r.renewals[0].pos.line == 45);
        CHECK(r.renewals[0].credential == "ct-rss");
        CHECK(r.renewals[0].date == ymd(2026, 3, 15));
        REQUIRE(r.renewals[0].expires);
        CHECK(*r.renewals[0].expires == ymd(2029, 4, 1));
    }
}

TEST_CASE("load_record fills in the only credential of exams and renewals") {
    Loaded l = load(std::string(header) + R"(
[[exam]]
date = 2023-03-02
result = "passed"

[[renewal]]
date = 2026-03-15
)");
    INFO(l.text());
    REQUIRE(l.record);
    REQUIRE(l.record->exams.size() == 1);
    CHECK(l.record->exams[0].credential == "ct-rss");
    REQUIRE(l.record->renewals.size() == 1);
    CHECK(l.record->renewals[0].credential == "ct-rss");
    CHECK_FALSE(l.record->renewals[0].expires);
}

TEST_CASE("load_record checks id and name") {
    SUBCASE("missing id") {
        Loaded l = load("name = \"Jordan Doe\"\n[credentials.ct-rss]\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:1:1: error: the record is missing required key 'id' (a string)\n");
    }
    SUBCASE("missing name") {
        Loaded l = load("id = \"jdoe\"\n[credentials.ct-rss]\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:1:1: error: the record is missing required key 'name' (a string)\n");
    }
    SUBCASE("both missing: both reported") {
        Loaded l = load("[credentials.ct-rss]\n");
        CHECK(l.text() == "jdoe.toml:1:1: error: the record is missing required key 'id' (a string)\n"
                          "jdoe.toml:1:1: error: the record is missing required key 'name' (a string)\n");
    }
    SUBCASE("id does not match the file name") {
        Loaded l = load(header, "jsmith");
        CHECK_FALSE(l.record);
        // i1 d2 ' '3 =4 ' '5 "6
        CHECK(l.text() == "jdoe.toml:1:6: error: 'id' must equal the file name ('jsmith')\n");
    }
    SUBCASE("id matches the file name") {
        Loaded l = load(header, "jdoe");
        CHECK(l.record);
        CHECK(l.diags.items().empty());
    }
    SUBCASE("id with characters outside [a-z0-9_-]") {
        for (const std::string& id :
             std::vector<std::string>{"J.Doe", "jdoe doe", "-jdoe", "_jdoe", "JDOE", "jdöe", std::string(65, 'a')}) {
            CAPTURE(id);
            Loaded l = load("id = \"" + id + "\"\nname = \"X\"\n[credentials.ct-rss]\n");
            CHECK_FALSE(l.record);
            CHECK(l.text() == "jdoe.toml:1:6: error: 'id' must match [a-z0-9][a-z0-9_-]{0,63}\n");
        }
    }
    SUBCASE("ids at the edges of the pattern are accepted") {
        for (const std::string& id : std::vector<std::string>{"a", "0", "j_doe-2", std::string(64, 'z')}) {
            CAPTURE(id);
            Loaded l = load("id = \"" + id + "\"\nname = \"X\"\n[credentials.ct-rss]\n");
            CHECK(l.record);
            CHECK(l.diags.items().empty());
        }
    }
    SUBCASE("empty id") {
        Loaded l = load("id = \"\"\nname = \"X\"\n[credentials.ct-rss]\n");
        CHECK(l.text() == "jdoe.toml:1:6: error: 'id' must not be empty\n");
    }
    SUBCASE("id of the wrong type") {
        Loaded l = load("id = 5\nname = \"X\"\n[credentials.ct-rss]\n");
        CHECK(l.text() == "jdoe.toml:1:6: error: 'id' must be a string (got an integer)\n");
    }
}

TEST_CASE("load_record checks credentials") {
    SUBCASE("unknown credential, with a suggestion") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n\n[credentials.ct-rs]\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:4:14: error: unknown credential 'ct-rs'; did you mean 'ct-rss'?\n");
    }
    SUBCASE("unknown credential, nothing close") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n\n[credentials.texas]\n");
        CHECK(l.text() == "jdoe.toml:4:14: error: unknown credential 'texas'\n");
    }
    SUBCASE("no credential is a warning") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n");
        REQUIRE(l.record);
        CHECK(l.record->credentials.empty());
        CHECK(l.text() == "jdoe.toml:1:1: warning: the record names no credential: add a [credentials.<id>] table\n");
    }
    SUBCASE("a credential that is not a table") {
        // c1 ... {15 ' '16 ct-rss17-22 ' '23 =24 ' '25 1 at 26
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n\ncredentials = { ct-rss = 1 }\n");
        CHECK(l.text() == "jdoe.toml:4:26: error: 'credentials.ct-rss' must be a table (got an integer)\n");
    }
    SUBCASE("unknown level, with a suggestion") {
        // line 6: l1 e2 v3 e4 l5 ' '6 =7 ' '8 "9
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n\n[credentials.icrc-pr]\nissued = 2024-01-15\nlevel = \"ful\"\n");
        CHECK(l.text() == "jdoe.toml:6:9: error: unknown level for 'icrc-pr'; did you mean 'full'?\n");
    }
    SUBCASE("a level on a credential without levels") {
        Loaded l = load(std::string(header) + "level = \"full\"\n");
        CHECK(l.text() == "jdoe.toml:6:9: error: credential 'ct-rss' has no levels\n");
    }
    SUBCASE("certification details without an issue date") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n\n[credentials.ct-rss]\nnumber = \"RSS-1\"\n");
        CHECK(l.text() == "jdoe.toml:4:1: error: [credentials.ct-rss] has certification details but no 'issued' date\n");
    }
    SUBCASE("expires on the issue date") {
        // line 6: e1 x2 p3 i4 r5 e6 s7 ' '8 =9 ' '10 2 at 11
        Loaded l = load(std::string(header) + "expires = 2023-04-01\n");
        CHECK(l.text() == "jdoe.toml:6:11: error: 'expires' must be after 'issued'\n");
    }
    SUBCASE("expires the day after the issue date is accepted") {
        Loaded l = load(std::string(header) + "expires = 2023-04-02\n");
        CHECK(l.record);
        CHECK(l.diags.items().empty());
    }
    SUBCASE("unknown key in a credential table") {
        Loaded l = load(std::string(header) + "numbr = \"RSS-1\"\n");
        REQUIRE(l.record);
        CHECK(l.text() == "jdoe.toml:6:1: warning: unknown key 'numbr' in [credentials.ct-rss]; did you mean 'number'?\n");
    }
}

TEST_CASE("load_record checks topics and domains against the shared vocabulary") {
    SUBCASE("unknown topic, with a suggestion") {
        // Reported at the element. Line 11: t1 o2 p3 i4 c5 s6 ' '7 =8 ' '9 [10 "11
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "topics = [\"ethicks\"]\n") ==
              "jdoe.toml:11:11: error: unknown topic 'ethicks'; did you mean 'ethics'?");
    }
    SUBCASE("unknown topic, nothing close") {
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "topics = [\"finance\"]\n") ==
              "jdoe.toml:11:11: error: unknown topic 'finance'");
    }
    SUBCASE("the second topic unknown: its own column") {
        // "ethics" with its quotes takes columns 11-18, ',' 19, ' ' 20, '"' 21
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "topics = [\"ethics\", \"ethicks\"]\n") ==
              "jdoe.toml:11:21: error: unknown topic 'ethicks'; did you mean 'ethics'?");
    }
    SUBCASE("two unknown topics: two errors") {
        Loaded l = load(std::string(header) + "\n" + ce_entry("date = 2024-01-05", "hours = 1") +
                        "topics = [\"ethicks\", \"advocasy\"]\n");
        CHECK(l.text() == "jdoe.toml:11:11: error: unknown topic 'ethicks'; did you mean 'ethics'?\n"
                          "jdoe.toml:11:22: error: unknown topic 'advocasy'; did you mean 'advocacy'?\n");
    }
    SUBCASE("a topic that is not a string") {
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "topics = [\"ethics\", 3]\n") ==
              "jdoe.toml:11:21: error: 'topics' must hold only strings (got an integer)");
    }
    SUBCASE("unknown training domain, with a suggestion") {
        // line 10: d1 o2 m3 a4 i5 n6 ' '7 =8 ' '9 "10
        CHECK(one_error("[[training]]\ndate = 2023-01-09\nhours = 8\ndomain = \"advocasy\"\n") ==
              "jdoe.toml:10:10: error: unknown domain 'advocasy'; did you mean 'advocacy'?");
    }
    SUBCASE("an id of another credential is valid on any record") {
        // mentoring-education is a domain of icrc-pr only; this record holds ct-rss.
        Loaded l = load(std::string(header) + "\n" + ce_entry("date = 2024-01-05", "hours = 1") +
                        "topics = [\"mentoring-education\", \"recovery-wellness\"]\n");
        INFO(l.text());
        CHECK(l.record);
        CHECK(l.diags.items().empty());
    }
}

TEST_CASE("load_record checks dates") {
    SUBCASE("a quoted date") {
        // line 8: d1 a2 t3 e4 ' '5 =6 ' '7 "8
        CHECK(one_error(ce_entry("date = \"2024-01-05\"", "hours = 1")) ==
              "jdoe.toml:8:8: error: 'date' is a quoted string: write the date without quotes (date = 2024-01-05)");
    }
    SUBCASE("a date-time") {
        CHECK(one_error(ce_entry("date = 2024-01-05T10:00:00", "hours = 1")) ==
              "jdoe.toml:8:8: error: 'date' must be a date without a time of day (got a date-time)");
        CHECK(one_error(ce_entry("date = 2024-01-05T10:00:00Z", "hours = 1")) ==
              "jdoe.toml:8:8: error: 'date' must be a date without a time of day (got a date-time)");
    }
    SUBCASE("a date that does not exist") {
        // Caught by the pre-scan at the value (toml++ alone would report column 18, past it).
        Loaded l = load(std::string(header) + "\n" + ce_entry("date = 2025-02-30", "hours = 1"));
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:8:8: error: 2025-02-30 is not a date: February 2025 has 28 days\n");
    }
    SUBCASE("a date toml++ itself rejects") {
        // A one-digit day passes the pre-scan's date check (it looks for DDDD-DD-DD); toml++ stops
        // at the '\n' after "2025-01-1", column 17, wanting a second digit.
        Loaded l = load(std::string(header) + "\n" + ce_entry("date = 2025-01-1", "hours = 1"));
        CHECK_FALSE(l.record);
        CHECK(l.diags.error_count() == 1);
        REQUIRE(l.diags.items().size() == 1);
        CHECK(l.diags.items()[0].pos.line == 8);
        CHECK(l.diags.items()[0].pos.column == 17);
    }
    SUBCASE("a quoted date that does not exist") {
        CHECK(one_error(ce_entry("date = \"2025-02-30\"", "hours = 1")) ==
              "jdoe.toml:8:8: error: 'date' must be a date such as 2025-03-14 (got a string)");
    }
    SUBCASE("year 0000, which TOML allows") {
        CHECK(one_error(ce_entry("date = 0000-01-05", "hours = 1")) ==
              "jdoe.toml:8:8: error: 'date' must be between 0001-01-01 and 9999-12-31");
    }
    SUBCASE("a number") {
        CHECK(one_error(ce_entry("date = 20240105", "hours = 1")) ==
              "jdoe.toml:8:8: error: 'date' must be a date such as 2025-03-14 (got an integer)");
    }
    SUBCASE("missing") {
        CHECK(one_error(ce_entry("provider = \"CCAR\"", "hours = 1")) ==
              "jdoe.toml:7:1: error: [[ce]] is missing required key 'date' (a date such as 2025-03-14)");
    }
    SUBCASE("in a credential table") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\n\n[credentials.ct-rss]\nissued = \"2023-04-01\"\n");
        // i1 s2 s3 u4 e5 d6 ' '7 =8 ' '9 "10
        CHECK(l.text() ==
              "jdoe.toml:5:10: error: 'issued' is a quoted string: write the date without quotes (issued = 2023-04-01)\n");
    }
}

TEST_CASE("load_record checks hours") {
    // line 9: h1 o2 u3 r4 s5 ' '6 =7 ' '8, the value at 9
    auto hours_error = [](std::string_view value) {
        return one_error(ce_entry("date = 2024-01-05", "hours = " + std::string(value)));
    };
    SUBCASE("0") { CHECK(hours_error("0") == "jdoe.toml:9:9: error: hours must be greater than 0 (got 0)"); }
    SUBCASE("0.0") { CHECK(hours_error("0.0") == "jdoe.toml:9:9: error: hours must be greater than 0 (got 0)"); }
    SUBCASE("-2") { CHECK(hours_error("-2") == "jdoe.toml:9:9: error: hours must be greater than 0 (got -2)"); }
    SUBCASE("-2.5") { CHECK(hours_error("-2.5") == "jdoe.toml:9:9: error: hours must be greater than 0 (got -2.5)"); }
    SUBCASE("nan") { CHECK(hours_error("nan") == "jdoe.toml:9:9: error: hours must be a finite number (got nan)"); }
    SUBCASE("inf") { CHECK(hours_error("inf") == "jdoe.toml:9:9: error: hours must be a finite number (got inf)"); }
    SUBCASE("0.001") { CHECK(hours_error("0.001") == "jdoe.toml:9:9: error: hours are counted to 0.01 h at most (got 0.001)"); }
    SUBCASE("10000.01") { CHECK(hours_error("10000.01") == "jdoe.toml:9:9: error: hours must be at most 10000 (got 10000.01)"); }
    SUBCASE("10001") { CHECK(hours_error("10001") == "jdoe.toml:9:9: error: hours must be at most 10000 (got 10001)"); }
    SUBCASE("a string \"3\"") {
        CHECK(hours_error("\"3\"") == "jdoe.toml:9:9: error: 'hours' must be a number of hours (got a string)");
    }
    SUBCASE("missing") {
        CHECK(one_error(ce_entry("date = 2024-01-05", "provider = \"CCAR\"")) ==
              "jdoe.toml:7:1: error: [[ce]] is missing required key 'hours' (a number of hours)");
    }
    SUBCASE("in training and experience too") {
        CHECK(one_error("[[training]]\ndate = 2023-01-09\nhours = -2\n") ==
              "jdoe.toml:9:9: error: hours must be greater than 0 (got -2)");
        CHECK(one_error("[[experience]]\ndate = 2023-01-09\nhours = 0\nkind = \"work\"\n") ==
              "jdoe.toml:9:9: error: hours must be greater than 0 (got 0)");
    }
    SUBCASE("0.01 and 10000 are accepted") {
        Loaded l = load(std::string(header) + "\n" + ce_entry("date = 2024-01-05", "hours = 0.01") + "\n" +
                        ce_entry("date = 2024-01-06", "hours = 10000"));
        INFO(l.text());
        REQUIRE(l.record);
        REQUIRE(l.record->ce.size() == 2);
        CHECK(l.record->ce[0].hours.centi() == 1);
        CHECK(l.record->ce[1].hours.centi() == 1'000'000);
    }
}

TEST_CASE("load_record checks exams") {
    SUBCASE("a result outside the list, with a suggestion") {
        // line 9: r1 e2 s3 u4 l5 t6 ' '7 =8 ' '9 "10
        CHECK(one_error("[[exam]]\ndate = 2023-03-02\nresult = \"passd\"\n") ==
              "jdoe.toml:9:10: error: 'result' must be one of passed, failed, scheduled (got 'passd'); did you mean 'passed'?");
    }
    SUBCASE("a result outside the list, nothing close") {
        CHECK(one_error("[[exam]]\ndate = 2023-03-02\nresult = \"won\"\n") ==
              "jdoe.toml:9:10: error: 'result' must be one of passed, failed, scheduled (got 'won')");
    }
    SUBCASE("missing result") {
        CHECK(one_error("[[exam]]\ndate = 2023-03-02\n") ==
              "jdoe.toml:7:1: error: [[exam]] is missing required key 'result' (one of passed, failed, scheduled)");
    }
    SUBCASE("a score out of range") {
        CHECK(one_error("[[exam]]\ndate = 2023-03-02\nresult = \"passed\"\nscore = 1001\n") ==
              "jdoe.toml:10:9: error: 'score' must be between 0 and 1000 (got 1001)");
    }
    SUBCASE("no credential when the record names two") {
        Loaded l = load(R"(id = "jdoe"
name = "X"
[credentials.ct-rss]
[credentials.icrc-pr]

[[exam]]
date = 2023-03-02
result = "passed"
)");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:6:1: error: [[exam]] needs 'credential' when the record names more than one credential\n");
    }
    SUBCASE("a credential the record does not hold") {
        // line 9: c1 ... e10 ' '11 =12 ' '13 "14
        CHECK(one_error("[[exam]]\ndate = 2023-03-02\ncredential = \"ct-rs\"\nresult = \"passed\"\n") ==
              "jdoe.toml:9:14: error: [[exam]] names credential 'ct-rs', which the record does not hold or pursue; did you mean "
              "'ct-rss'?");
        CHECK(one_error("[[exam]]\ndate = 2023-03-02\ncredential = \"icrc-pr\"\nresult = \"passed\"\n") ==
              "jdoe.toml:9:14: error: [[exam]] names credential 'icrc-pr', which the record does not hold or pursue");
    }
}

TEST_CASE("load_record checks experience kinds and CE delivery") {
    SUBCASE("kind outside the list") {
        // line 10: k1 i2 n3 d4 ' '5 =6 ' '7 "8
        CHECK(one_error("[[experience]]\ndate = 2023-01-09\nhours = 4\nkind = \"volunter\"\n") ==
              "jdoe.toml:10:8: error: 'kind' must be one of work, volunteer, supervision (got 'volunter'); did you mean "
              "'volunteer'?");
    }
    SUBCASE("delivery outside the list") {
        // line 11: d1 ... y8 ' '9 =10 ' '11 "12
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "delivery = \"online\"\n") ==
              "jdoe.toml:11:12: error: 'delivery' must be one of in-person, live-online, self-study (got 'online')");
    }
}

TEST_CASE("load_record keeps CE evidence inside the workspace") {
    // line 11: e1 ... e8 ' '9 =10 ' '11 "12
    SUBCASE("an absolute path") {
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "evidence = \"/etc/shadow\"\n") ==
              "jdoe.toml:11:12: error: 'evidence' must be a path relative to the workspace and inside it (such as "
              "evidence/jdoe/certificate.pdf): it is an absolute path");
    }
    SUBCASE("a path that climbs out") {
        CHECK(one_error(ce_entry("date = 2024-01-05", "hours = 1") + "evidence = \"evidence/../../x\"\n") ==
              "jdoe.toml:11:12: error: 'evidence' must be a path relative to the workspace and inside it (such as "
              "evidence/jdoe/certificate.pdf): '..' leads out of the workspace");
    }
    SUBCASE("a path inside, with its position") {
        Loaded l =
            load(std::string(header) + "\n" + ce_entry("date = 2024-01-05", "hours = 1") + "evidence = \"evidence/x.pdf\"\n");
        REQUIRE(l.record);
        REQUIRE(l.record->ce.size() == 1);
        CHECK(l.record->ce[0].evidence == "evidence/x.pdf");
        CHECK(l.record->ce[0].evidence_pos.line == 11);
        CHECK(l.record->ce[0].evidence_pos.column == 12);
    }
}

TEST_CASE("load_record checks renewals") {
    SUBCASE("renewal of a credential not issued") {
        Loaded l = load(R"(id = "jdoe"
name = "X"
[credentials.ny-crpa]

[[renewal]]
date = 2026-03-15
)");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:5:1: error: [[renewal]] of 'ny-crpa', which the record does not show as issued\n");
    }
    SUBCASE("renewal of a credential the record does not hold") {
        CHECK(one_error("[[renewal]]\ncredential = \"ny-crpa\"\ndate = 2026-03-15\n") ==
              "jdoe.toml:8:14: error: [[renewal]] names credential 'ny-crpa', which the record does not hold or pursue");
    }
    SUBCASE("renewal whose expiry is before the one it renews") {
        // issued 2023-04-01 + 36 months = 2026-04-01; line 9: e1 ... =9 ' '10 2 11
        CHECK(one_error("[[renewal]]\ndate = 2026-03-15\nexpires = 2026-03-31\n") ==
              "jdoe.toml:9:11: error: 'expires' (2026-03-31) must be after the expiry it renews (2026-04-01)");
    }
    SUBCASE("renewal without a date") {
        CHECK(one_error("[[renewal]]\nexpires = 2029-04-01\n") ==
              "jdoe.toml:7:1: error: [[renewal]] is missing required key 'date' (a date such as 2025-03-14)");
    }
}

TEST_CASE("load_record warns about unknown keys") {
    SUBCASE("in the record, with a suggestion") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\nnotes = \"x\"\n[credentials.ct-rss]\n");
        REQUIRE(l.record);
        CHECK(l.text() == "jdoe.toml:3:1: warning: unknown key 'notes' in the record; did you mean 'note'?\n");
    }
    SUBCASE("in the record, nothing close") {
        Loaded l = load("id = \"jdoe\"\nname = \"X\"\ncolour = \"red\"\n[credentials.ct-rss]\n");
        REQUIRE(l.record);
        CHECK(l.text() == "jdoe.toml:3:1: warning: unknown key 'colour' in the record\n");
    }
    SUBCASE("in an entry") {
        Loaded l = load(std::string(header) + "\n" + ce_entry("date = 2024-01-05", "hours = 1") + "provder = \"CCAR\"\n");
        REQUIRE(l.record);
        CHECK(l.text() == "jdoe.toml:11:1: warning: unknown key 'provder' in [[ce]]; did you mean 'provider'?\n");
    }
    SUBCASE("an entry table of the wrong shape") {
        Loaded l = load(R"(id = "jdoe"
name = "X"
ce = 3
training = [1]
[credentials.ct-rss]
)");
        CHECK_FALSE(l.record);
        // line 3: c1 e2 ' '3 =4 ' '5, 3 at 6; line 4: t1 ... g8 ' '9 =10 ' '11 [12, 1 at 13
        CHECK(l.text() == "jdoe.toml:3:6: error: 'ce' must be an array of tables, written [[ce]] (got an integer)\n"
                          "jdoe.toml:4:13: error: 'training' must hold only tables, written [[training]] (got an integer)\n");
    }
}

TEST_CASE("load_record rejects an empty file") {
    const std::string message = "jdoe.toml: error: the file is empty: a record needs at least 'id' and 'name'\n";
    SUBCASE("no bytes") {
        Loaded l = load("");
        CHECK_FALSE(l.record);
        CHECK(l.text() == message);
    }
    SUBCASE("only whitespace") {
        Loaded l = load(" \n\t\r\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == message);
    }
    SUBCASE("only a comment: the missing keys are reported") {
        Loaded l = load("# nothing yet\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:1:1: error: the record is missing required key 'id' (a string)\n"
                          "jdoe.toml:1:1: error: the record is missing required key 'name' (a string)\n"
                          "jdoe.toml:1:1: warning: the record names no credential: add a [credentials.<id>] table\n");
    }
}

TEST_CASE("load_record reports every error at once, sorted by line") {
    // The loader reads credentials first and [[ce]] after [[training]] and [[exam]]; the output
    // is in line order all the same.
    Loaded l = load(R"(id = "jdoe"
name = "Jordan Doe"

[[ce]]
date = 2024-01-05
hours = 0
title = "A"
topics = ["ethicks"]

[[training]]
date = "2023-01-09"
hours = 8

[credentials.ct-rs]

[[exam]]
credential = "ct-rss"
date = 2023-03-02
result = "pass"
colour = "red"
)");
    CHECK_FALSE(l.record);
    CHECK(l.diags.error_count() == 6);
    CHECK(l.diags.warning_count() == 1);
    CHECK(l.text() ==
          "jdoe.toml:6:9: error: hours must be greater than 0 (got 0)\n"
          "jdoe.toml:8:11: error: unknown topic 'ethicks'; did you mean 'ethics'?\n"
          "jdoe.toml:11:8: error: 'date' is a quoted string: write the date without quotes (date = 2023-01-09)\n"
          "jdoe.toml:14:14: error: unknown credential 'ct-rs'; did you mean 'ct-rss'?\n"
          // ct-rs was not accepted, so the record holds nothing for the exam to name.
          "jdoe.toml:17:14: error: [[exam]] names credential 'ct-rss', which the record does not hold or pursue\n"
          // "pass" is the start of "passed": suggested although it is two letters short.
          "jdoe.toml:19:10: error: 'result' must be one of passed, failed, scheduled (got 'pass'); did you mean 'passed'?\n"
          "jdoe.toml:20:1: warning: unknown key 'colour' in [[exam]]\n");
}

TEST_CASE("load_record appends to diagnostics it is given") {
    Diagnostics diags;
    diags.warning("other.toml", {1, 1}, "earlier");
    RecordLoadOptions options;
    auto rec =
        load_record("id = \"jdoe\"\nname = \"X\"\nnotes = 1\n[credentials.ct-rss]\n", "jdoe.toml", credentials(), options, diags);
    CHECK(rec);
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].message == "earlier");
    CHECK(diags.items()[1].file == "jdoe.toml");
}

TEST_CASE("load_record uses the guard limits of its options") {
    RecordLoadOptions options;
    options.limits.max_bytes = 16;
    Diagnostics diags;
    auto rec = load_record(std::string(header), "jdoe.toml", credentials(), options, diags);
    CHECK_FALSE(rec);
    CHECK(dump(diags) == "jdoe.toml: error: the file is larger than the limit of 16 bytes (max_file_size in peerctl.toml)\n");
}

TEST_CASE("warn_future_entries") {
    Loaded l = load(std::string(header) + R"(
[[ce]]
date = 2025-06-01
hours = 1
title = "Today"

[[ce]]
date = 2025-06-02
hours = 1
title = "Tomorrow"

[[training]]
date = 2025-07-01
hours = 1

[[exam]]
date = 2025-06-10
result = "scheduled"

[[exam]]
date = 2025-06-11
result = "passed"

[[renewal]]
date = 2025-06-03
)");
    INFO(l.text());
    REQUIRE(l.record);
    Diagnostics diags;
    warn_future_entries(*l.record, ymd(2025, 6, 1), diags);
    // Reported by kind (training, experience, ce, renewal, then exams); a scheduled exam in the
    // future is expected, one with a result is not.
    CHECK(dump(diags) == "jdoe.toml:17:1: warning: [[training]] dated 2025-07-01 is in the future; it is not counted until then\n"
                         "jdoe.toml:12:1: warning: [[ce]] dated 2025-06-02 is in the future; it is not counted until then\n"
                         "jdoe.toml:29:1: warning: [[renewal]] dated 2025-06-03 is in the future; it is not counted until then\n"
                         "jdoe.toml:25:1: warning: [[exam]] dated 2025-06-11 is in the future but has a result\n");
}

TEST_CASE("load_record reads the keys for teams, alike through both readers") {
    const std::string text = R"(id = "jdoe"
name = "Jordan Doe"
email = "j.doe+peer@mail.example.org"
site = "north"
supervisor = "mlopez"
hired = 2025-02-03
status = "left"
left = 2026-09-30
birthday = "02-29"

[credentials.ct-rss]
issued = 2023-04-01
)";
    for (bool fast : {false, true}) {
        CAPTURE(fast);
        Diagnostics diags;
        RecordLoadOptions options;
        options.fast = fast;
        std::optional<Record> r = load_record(text, "jdoe.toml", credentials(), options, diags);
        INFO(dump(diags));
        REQUIRE(r);
        CHECK(diags.items().empty());
        CHECK(r->email == "j.doe+peer@mail.example.org");
        CHECK(r->site == "north");
        CHECK(r->supervisor == "mlopez");
        CHECK(r->hired == ymd(2025, 2, 3));
        CHECK(r->status == Employment::Left);
        CHECK(r->left == ymd(2026, 9, 30));
        CHECK(r->birthday == MonthDay{2, 29});
        CHECK_FALSE(r->active());
    }
    SUBCASE("defaults: active, no email") {
        Loaded l = load(std::string(header));
        REQUIRE(l.record);
        CHECK(l.record->status == Employment::Active);
        CHECK(l.record->active());
        CHECK(l.record->email.empty());
        CHECK_FALSE(l.record->hired);
    }
}

TEST_CASE("load_record checks the keys for teams at their positions") {
    auto with = [](std::string_view lines) {
        return load("id = \"jdoe\"\nname = \"X\"\n" + std::string(lines) + "[credentials.ct-rss]\n");
    };
    SUBCASE("an email that is not one plain address") {
        for (std::string_view bad :
             {"Jordan <jdoe@example.org>", "jdoe@example.org, kim@example.org", "jdoe", "jdoe@localhost", "jdoe@exa mple.org",
              "jdoe@example.org\\r\\nBcc: x@example.org", "jo..doe@example.org", "jösé@example.org"}) {
            CAPTURE(bad);
            Loaded l = with("email = \"" + std::string(bad) + "\"\n");
            CHECK_FALSE(l.record);
            CHECK(l.text() == "jdoe.toml:3:9: error: 'email' must be one address such as jdoe@example.org (no name, no "
                              "second address)\n");
        }
    }
    SUBCASE("an unknown status, with a suggestion") {
        Loaded l = with("status = \"inactiv\"\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:3:10: error: 'status' must be one of active, inactive, left (got 'inactiv'); did you "
                          "mean 'inactive'?\n");
    }
    SUBCASE("left without status left is an error") {
        Loaded l = with("left = 2026-09-30\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:3:8: error: 'left' is set but 'status' is not \"left\": add status = \"left\"\n");
    }
    SUBCASE("status left without a date is a warning") {
        Loaded l = with("status = \"left\"\n");
        REQUIRE(l.record);
        CHECK(l.text() == "jdoe.toml:3:10: warning: status = \"left\" without a 'left' date: add left = <the last day>\n");
    }
    SUBCASE("left before hired") {
        Loaded l = with("hired = 2026-01-05\nstatus = \"left\"\nleft = 2025-12-31\n");
        CHECK_FALSE(l.record);
        CHECK(l.text() == "jdoe.toml:5:8: error: 'left' must not be before 'hired'\n");
    }
    SUBCASE("a quoted date") {
        Loaded l = with("hired = \"2025-02-03\"\n");
        CHECK_FALSE(l.record);
        CHECK(l.text().find("jdoe.toml:3:9: error:") == 0);
    }
    SUBCASE("a birthday that is no day of any year; the message never repeats it") {
        for (std::string_view bad : {"13-01", "4-17", "04-31", "00-10", "04-00", "04-17-1980", "1980-04-17", "0417", ""}) {
            CAPTURE(bad);
            Loaded l = with("birthday = \"" + std::string(bad) + "\"\n");
            CHECK_FALSE(l.record);
            CHECK(l.text() == "jdoe.toml:3:12: error: 'birthday' must be a month and day that exists, written MM-DD (such as "
                              "\"04-17\"; \"02-29\" falls on 02-28 in common years)\n");
        }
        Loaded l = with("birthday = 417\n");
        CHECK(l.text() == "jdoe.toml:3:12: error: 'birthday' must be a string (got an integer)\n");
    }
    SUBCASE("no unknown-key warnings for them") {
        Loaded l = with("site = \"north\"\nsupervisor = \"Maria Lopez\"\nstatus = \"inactive\"\n");
        REQUIRE(l.record);
        CHECK(l.text().empty());
        CHECK(l.record->status == Employment::Inactive);
    }
}
