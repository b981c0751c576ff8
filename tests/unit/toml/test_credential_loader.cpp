// Tests for lib/toml/credential_loader.cpp: credential rule files (docs/credential-format.md) read
// from inline TOML and from data/credentials, and the CredentialSet they form.

#include "credential_loader.hpp"

#include "rules_in_force.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::dump;
using peerctl::test::ymd;

namespace {

struct LoadedCredential {
    std::optional<Credential> credential;
    Diagnostics diags;
    std::string text() const { return dump(diags); }
};

LoadedCredential load_cred(std::string_view text, std::string expected_id = "") {
    LoadedCredential l;
    l.credential = load_credential(text, "c.toml", expected_id, l.diags);
    return l;
}

// test::credential_toml puts id, name, effective_from and confidence on lines 1-4, so `body`
// starts on line 5.
LoadedCredential load_body(std::string_view body) { return load_cred(test::credential_toml("c", body)); }

constexpr std::string_view period12 = "[period]\nanchor = \"issue-date\"\nmonths = 12\n";

} // namespace

TEST_CASE("load_credential reads every key of a complete file") {
    const std::string text = R"(id = "full-cred"
name = "A complete credential"
issuer = "Test Board"
effective_from = 2019-01-01
effective_to = 2030-12-31
confidence = "low"
confidence_note = "from a secondary source"
topics = ["ethics", "professional-development", "peer-support"]
domains = ["advocacy", "ethics"]
default_level = "provisional"

[[source]]
key = "SRC"
url = "https://example.org/rules"
facts = "everything"

[[source]]
key = "SRC2"

[training]
hours = 46.5
within_months = 36
[[training.domain]]
domain = "ethics"
hours = 16
[[training.domain]]
domain = "advocacy"
hours = 10.25

[[experience]]
kinds = ["work", "volunteer"]
hours = 500
[[experience]]
kinds = ["supervision"]
hours = 25

[exam]
required = false
max_attempts = 4
retest_wait_days = 90
within_months_of_training = 12

[period]
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
hours = 20
carry_over_max = 5.5
max_entry_hours = 8
submit_before_days = 45
[[ce.minimum]]
topic = "ethics"
hours = 6
[[ce.minimum]]
topic = "ethics"
entries = 1
[[ce.minimum]]
providers = ["GMHCN", "CCAR"]
hours = 6
[[ce.cap]]
topic = "professional-development"
hours = 4
[[ce.cap]]
delivery = "self-study"
hours = 10

[[after_expiry]]
days = 15
state = "grace"
fee = 0
note = "no late fee"
[[after_expiry]]
months = 6
state = "grace"
fee = 26.5
note = "late fee"
)";
    Diagnostics diags;
    auto c = load_credential(text, "credentials/full-cred.toml", "full-cred", diags);
    INFO(dump(diags));
    REQUIRE(c);
    CHECK(diags.items().empty());

    SUBCASE("header") {
        CHECK(c->file == "credentials/full-cred.toml");
        CHECK_FALSE(c->builtin);
        CHECK(c->id == "full-cred");
        CHECK(c->name == "A complete credential");
        CHECK(c->issuer == "Test Board");
        CHECK(c->effective_from == ymd(2019, 1, 1));
        REQUIRE(c->effective_to);
        CHECK(*c->effective_to == ymd(2030, 12, 31));
        CHECK(c->confidence == "low");
        CHECK(c->confidence_note == "from a secondary source");
        CHECK(c->topics == std::vector<std::string>{"ethics", "professional-development", "peer-support"});
        CHECK(c->domains == std::vector<std::string>{"advocacy", "ethics"});
        CHECK(c->default_level == "provisional");
    }
    SUBCASE("sources") {
        REQUIRE(c->sources.size() == 2);
        CHECK(c->sources[0].key == "SRC");
        CHECK(c->sources[0].url == "https://example.org/rules");
        CHECK(c->sources[0].facts == "everything");
        CHECK(c->sources[1].key == "SRC2");
        CHECK(c->sources[1].url == "");
        CHECK(c->sources[1].facts == "");
    }
    SUBCASE("training") {
        REQUIRE(c->training);
        CHECK(c->training->hours == centi(4650));
        CHECK(c->training->within_months == 36);
        REQUIRE(c->training->domains.size() == 2);
        CHECK(c->training->domains[0].domain == "ethics");
        CHECK(c->training->domains[0].hours == Hours::whole(16));
        CHECK(c->training->domains[1].domain == "advocacy");
        CHECK(c->training->domains[1].hours == centi(1025));
    }
    SUBCASE("experience") {
        REQUIRE(c->experience.size() == 2);
        CHECK(c->experience[0].kinds == std::vector<ExperienceKind>{ExperienceKind::Work, ExperienceKind::Volunteer});
        CHECK(c->experience[0].hours == Hours::whole(500));
        CHECK(c->experience[1].kinds == std::vector<ExperienceKind>{ExperienceKind::Supervision});
        CHECK(c->experience[1].hours == Hours::whole(25));
    }
    SUBCASE("exam") {
        REQUIRE(c->exam);
        CHECK_FALSE(c->exam->required);
        CHECK(c->exam->max_attempts == 4);
        CHECK(c->exam->retest_wait_days == 90);
        CHECK(c->exam->within_months_of_training == 12);
    }
    SUBCASE("period") {
        CHECK(c->period.anchor == Anchor::IssueDate);
        CHECK(c->period.months == 24);
    }
    SUBCASE("levels") {
        REQUIRE(c->levels.size() == 2);
        CHECK(c->levels[0].id == "provisional");
        CHECK(c->levels[0].months == 12);
        CHECK(c->levels[0].max_renewals == 0);
        CHECK(c->levels[0].experience.empty());
        CHECK(c->levels[1].id == "full");
        CHECK_FALSE(c->levels[1].months);
        CHECK_FALSE(c->levels[1].max_renewals);
        REQUIRE(c->levels[1].experience.size() == 1);
        CHECK(c->levels[1].experience[0].kinds == std::vector<ExperienceKind>{ExperienceKind::Work});
        CHECK(c->levels[1].experience[0].hours == Hours::whole(300));
        CHECK(c->level("full") == &c->levels[1]);
        CHECK(c->level("master") == nullptr);
    }
    SUBCASE("ce") {
        REQUIRE(c->ce);
        const CeRule& ce = *c->ce;
        CHECK(ce.hours == Hours::whole(20));
        CHECK(ce.carry_over_max == centi(550));
        REQUIRE(ce.max_entry_hours);
        CHECK(*ce.max_entry_hours == Hours::whole(8));
        CHECK(ce.submit_before_days == 45);
        REQUIRE(ce.minimums.size() == 3);
        CHECK(ce.minimums[0].kind == MinimumKind::TopicHours);
        CHECK(ce.minimums[0].topic == "ethics");
        CHECK(ce.minimums[0].hours == Hours::whole(6));
        CHECK(ce.minimums[1].kind == MinimumKind::TopicEntries);
        CHECK(ce.minimums[1].topic == "ethics");
        CHECK(ce.minimums[1].entries == 1);
        CHECK(ce.minimums[2].kind == MinimumKind::ProviderHours);
        CHECK(ce.minimums[2].topic == "");
        CHECK(ce.minimums[2].providers == std::vector<std::string>{"GMHCN", "CCAR"});
        CHECK(ce.minimums[2].hours == Hours::whole(6));
        REQUIRE(ce.caps.size() == 2);
        CHECK(ce.caps[0].topic == "professional-development");
        CHECK_FALSE(ce.caps[0].delivery);
        CHECK(ce.caps[0].hours == Hours::whole(4));
        CHECK(ce.caps[1].topic == "");
        CHECK(ce.caps[1].delivery == Delivery::SelfStudy);
        CHECK(ce.caps[1].hours == Hours::whole(10));
    }
    SUBCASE("after expiry") {
        REQUIRE(c->after_expiry.size() == 2);
        CHECK(c->after_expiry[0].days == 15);
        CHECK(c->after_expiry[0].months == 0);
        CHECK(c->after_expiry[0].fee_cents == 0);
        CHECK(c->after_expiry[0].note == "no late fee");
        CHECK(c->after_expiry[1].months == 6);
        CHECK(c->after_expiry[1].days == 0);
        CHECK(c->after_expiry[1].fee_cents == 2650);
        CHECK(c->after_expiry[1].note == "late fee");
    }
}

TEST_CASE("load_credential defaults") {
    LoadedCredential l = load_body(std::string("topics = []\n") + std::string(period12));
    INFO(l.text());
    REQUIRE(l.credential);
    const Credential& c = *l.credential;
    CHECK(c.issuer == "");
    CHECK_FALSE(c.effective_to);
    CHECK_FALSE(c.training);
    CHECK(c.experience.empty());
    CHECK_FALSE(c.exam);
    CHECK(c.levels.empty());
    CHECK(c.default_level == "");
    CHECK_FALSE(c.ce);
    CHECK(c.after_expiry.empty());

    SUBCASE("[exam] is required unless it says otherwise") {
        LoadedCredential e = load_body(std::string(period12) + "[exam]\n");
        REQUIRE(e.credential);
        REQUIRE(e.credential->exam);
        CHECK(e.credential->exam->required);
        CHECK_FALSE(e.credential->exam->max_attempts);
    }
    SUBCASE("[ce] without carry-over or a per-entry limit") {
        LoadedCredential e = load_body(std::string(period12) + "[ce]\nhours = 12\n");
        REQUIRE(e.credential);
        REQUIRE(e.credential->ce);
        CHECK(e.credential->ce->carry_over_max == Hours());
        CHECK_FALSE(e.credential->ce->max_entry_hours);
        CHECK_FALSE(e.credential->ce->submit_before_days);
    }
    SUBCASE("carry_over_max = 0 is valid") {
        LoadedCredential e = load_body(std::string(period12) + "[ce]\nhours = 12\ncarry_over_max = 0\n");
        INFO(e.text());
        REQUIRE(e.credential);
        CHECK(e.credential->ce->carry_over_max == Hours());
        CHECK(e.diags.items().empty());
    }
    SUBCASE("the default level is the last one") {
        LoadedCredential e = load_body(std::string(period12) + "[[level]]\nid = \"provisional\"\n[[level]]\nid = \"full\"\n");
        REQUIRE(e.credential);
        CHECK(e.credential->default_level == "full");
    }
    SUBCASE("calendar-year periods need no months") {
        LoadedCredential e = load_body("[period]\nanchor = \"calendar-year\"\n");
        INFO(e.text());
        REQUIRE(e.credential);
        CHECK(e.credential->period.anchor == Anchor::CalendarYear);
        CHECK(e.credential->period.months == 12);
    }
    SUBCASE("calendar-year with months = 12") {
        LoadedCredential e = load_body("[period]\nanchor = \"calendar-year\"\nmonths = 12\n");
        REQUIRE(e.credential);
        CHECK(e.diags.items().empty());
    }
}

TEST_CASE("load_credential checks the header keys") {
    SUBCASE("an empty file") {
        LoadedCredential l = load_cred("");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml: error: the file is empty: a credential needs at least id, name, effective_from, "
                          "confidence and [period]\n");
    }
    SUBCASE("missing required keys are all reported") {
        LoadedCredential l = load_cred(period12);
        CHECK_FALSE(l.credential);
        CHECK(l.text() ==
              "c.toml:1:1: error: the credential is missing required key 'id' (a string)\n"
              "c.toml:1:1: error: the credential is missing required key 'name' (a string)\n"
              "c.toml:1:1: error: the credential is missing required key 'effective_from' (a date such as 2025-03-14)\n"
              "c.toml:1:1: error: the credential is missing required key 'confidence' (one of high, medium, low)\n");
    }
    SUBCASE("id does not match the file name") {
        LoadedCredential l = load_cred(test::credential_toml("c", period12), "other");
        CHECK(l.text() == "c.toml:1:6: error: 'id' must equal the file name ('other')\n");
    }
    SUBCASE("id with bad characters") {
        LoadedCredential l = load_cred(test::credential_toml("C_1", period12));
        CHECK(l.text() == "c.toml:1:6: error: 'id' must match [a-z0-9][a-z0-9_-]{0,63}\n");
    }
    SUBCASE("confidence outside the list") {
        LoadedCredential l =
            load_cred("id = \"c\"\nname = \"C\"\neffective_from = 2020-01-01\nconfidence = \"hgh\"\n" + std::string(period12));
        // c1 ... e10 ' '11 =12 ' '13 "14
        CHECK(l.text() ==
              "c.toml:4:14: error: 'confidence' must be one of high, medium, low (got 'hgh'); did you mean 'high'?\n");
    }
    SUBCASE("a bad topic id") {
        LoadedCredential l = load_body("topics = [\"Ethics\"]\n" + std::string(period12));
        CHECK(l.text() == "c.toml: error: topic id 'Ethics' must match [a-z0-9][a-z0-9_-]{0,63}\n");
    }
}

TEST_CASE("load_credential checks [period]") {
    SUBCASE("missing [period]") {
        LoadedCredential l = load_body("topics = [\"ethics\"]\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:1:1: error: the credential is missing required table [period]\n");
    }
    SUBCASE("a bad anchor, with a suggestion") {
        // line 6: a1 n2 c3 h4 o5 r6 ' '7 =8 ' '9 "10
        LoadedCredential l = load_body("[period]\nanchor = \"issue_date\"\nmonths = 12\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:6:10: error: 'anchor' must be one of issue-date, calendar-year, birthday, "
                          "first-of-issue-month, none (got 'issue_date'); did you "
                          "mean 'issue-date'?\n");
    }
    SUBCASE("a missing anchor") {
        LoadedCredential l = load_body("[period]\nmonths = 12\n");
        CHECK(l.text() ==
              "c.toml:5:1: error: [period] is missing required key 'anchor' (one of issue-date, calendar-year, birthday, "
              "first-of-issue-month, none)\n");
    }
    SUBCASE("issue-date without months") {
        LoadedCredential l = load_body("[period]\nanchor = \"issue-date\"\n");
        CHECK(l.text() == "c.toml:5:1: error: [period] is missing required key 'months' (a whole number)\n");
    }
    SUBCASE("calendar-year with months other than 12") {
        // line 7: m1 o2 n3 t4 h5 s6 ' '7 =8 ' '9, 6 at 10
        LoadedCredential l = load_body("[period]\nanchor = \"calendar-year\"\nmonths = 6\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:7:10: error: calendar-year periods are 12 months long\n");
    }
    SUBCASE("months out of range") {
        LoadedCredential l = load_body("[period]\nanchor = \"issue-date\"\nmonths = 0\n");
        CHECK(l.text() == "c.toml:7:10: error: 'months' must be between 1 and 1200 (got 0)\n");
    }
}

TEST_CASE("load_credential checks [[ce.minimum]] and [[ce.cap]]") {
    // Lines: 5 topics, 6-8 [period], 9 [ce], 10 hours, 11 the [[ce.minimum]] or [[ce.cap]] header.
    auto with_ce = [](std::string_view tables) {
        return load_body("topics = [\"ethics\", \"professional-development\"]\n" + std::string(period12) + "[ce]\nhours = 10\n" +
                         std::string(tables));
    };
    SUBCASE("both topic and providers") {
        LoadedCredential l = with_ce("[[ce.minimum]]\ntopic = \"ethics\"\nproviders = [\"GMHCN\"]\nhours = 6\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:11:1: error: [[ce.minimum]] needs exactly one of 'topic' or 'providers'\n");
    }
    SUBCASE("an empty providers list") {
        // line 12: p1 ... s9 ' '10 =11 ' '12, [ at 13
        LoadedCredential l = with_ce("[[ce.minimum]]\nproviders = []\nhours = 5\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:12:13: error: 'providers' must name at least one provider\n");
    }
    SUBCASE("neither topic nor providers") {
        LoadedCredential l = with_ce("[[ce.minimum]]\nhours = 6\n");
        CHECK(l.text() == "c.toml:11:1: error: [[ce.minimum]] needs exactly one of 'topic' or 'providers'\n");
    }
    SUBCASE("both hours and entries") {
        // line 14: h1 o2 u3 r4 s5 ' '6 =7 ' '8, 2 at 9
        LoadedCredential l = with_ce("[[ce.minimum]]\ntopic = \"ethics\"\nentries = 1\nhours = 2\n");
        CHECK_FALSE(l.credential);
        CHECK(l.diags.error_count() == 1);
        CHECK(l.text().find("c.toml:14:9: error: [[ce.minimum]] takes 'hours' or 'entries', not both\n") != std::string::npos);
    }
    SUBCASE("a minimum naming a topic not in the credential's own lists") {
        LoadedCredential l = with_ce("[[ce.minimum]]\ntopic = \"advocacy\"\nhours = 3\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml: error: [[ce.minimum]] names 'advocacy', which is not in the credential's topics or domains\n");
    }
    SUBCASE("a cap naming a topic not in the credential's own lists") {
        LoadedCredential l = with_ce("[[ce.cap]]\ntopic = \"advocacy\"\nhours = 3\n");
        CHECK(l.text() == "c.toml: error: [[ce.cap]] names 'advocacy', which is not in the credential's topics or domains\n");
    }
    SUBCASE("a cap with both topic and delivery") {
        LoadedCredential l = with_ce("[[ce.cap]]\ntopic = \"ethics\"\ndelivery = \"self-study\"\nhours = 3\n");
        CHECK(l.text() == "c.toml:11:1: error: [[ce.cap]] needs exactly one of 'topic' or 'delivery'\n");
    }
    SUBCASE("a cap with an unknown delivery mode") {
        // line 12: d1 ... y8 ' '9 =10 ' '11 "12
        LoadedCredential l = with_ce("[[ce.cap]]\ndelivery = \"self-studdy\"\nhours = 3\n");
        CHECK(l.text() == "c.toml:12:12: error: 'delivery' must be one of in-person, live-online, self-study (got "
                          "'self-studdy'); did you mean 'self-study'?\n");
    }
    SUBCASE("a negative carry-over") {
        // line 11: c1 ... x14 ' '15 =16 ' '17, -1 at 18
        LoadedCredential l = with_ce("carry_over_max = -1\n");
        CHECK(l.text() == "c.toml:11:18: error: 'carry_over_max': hours must be greater than 0 (got -1)\n");
    }
}

// Both keys are known: the error alone, no "unknown key 'hours' ...; did you mean 'hours'?"
// warning (which the loader gave while it tracked read keys instead of known ones).
TEST_CASE("load_credential reports hours-and-entries once, without an unknown-key warning") {
    LoadedCredential l = load_body("topics = [\"ethics\"]\n" + std::string(period12) +
                                   "[ce]\nhours = 10\n[[ce.minimum]]\ntopic = \"ethics\"\nentries = 1\nhours = 2\n");
    CHECK(l.text() == "c.toml:14:9: error: [[ce.minimum]] takes 'hours' or 'entries', not both\n");
}

TEST_CASE("load_credential checks names against the credential's own lists") {
    SUBCASE("a training domain listed in topics or domains is accepted") {
        LoadedCredential l = load_body("topics = [\"ethics\"]\ndomains = [\"advocacy\"]\n" + std::string(period12) +
                                       "[training]\nhours = 20\n[[training.domain]]\ndomain = \"ethics\"\nhours = 5\n"
                                       "[[training.domain]]\ndomain = \"advocacy\"\nhours = 5\n");
        INFO(l.text());
        CHECK(l.credential);
        CHECK(l.diags.items().empty());
    }
    SUBCASE("a training domain listed nowhere") {
        LoadedCredential l = load_body("topics = [\"ethics\"]\n" + std::string(period12) +
                                       "[training]\nhours = 20\n[[training.domain]]\ndomain = \"advocacy\"\nhours = 5\n");
        CHECK(l.text() ==
              "c.toml: error: [[training.domain]] names 'advocacy', which is not in the credential's topics or domains\n");
    }
}

TEST_CASE("load_credential checks levels and the ladder after expiry") {
    const std::string levels = "[[level]]\nid = \"provisional\"\nmonths = 12\n[[level]]\nid = \"full\"\n";
    SUBCASE("default_level naming no level") {
        // line 5: default_level is 13 characters, ' '14 =15 ' '16 "17
        LoadedCredential l = load_body("default_level = \"ful\"\n" + std::string(period12) + levels);
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:5:17: error: 'default_level' names no [[level]] ('ful')\n");
    }
    SUBCASE("default_level without any levels") {
        LoadedCredential l = load_body("default_level = \"full\"\n" + std::string(period12));
        CHECK(l.text() == "c.toml:5:17: error: 'default_level' names no [[level]] ('full')\n");
    }
    SUBCASE("an unknown experience kind") {
        // line 9: k1 i2 n3 d4 s5 ' '6 =7 ' '8 [9
        LoadedCredential l = load_body(std::string(period12) + "[[experience]]\nkinds = [\"paid\"]\nhours = 10\n");
        CHECK(l.text() == "c.toml:9:9: error: unknown experience kind 'paid' (work, volunteer, supervision)\n");
    }
    SUBCASE("a rung with both months and days") {
        LoadedCredential l = load_body(std::string(period12) + "[[after_expiry]]\nmonths = 6\ndays = 15\n");
        CHECK(l.text() == "c.toml:8:1: error: [[after_expiry]] needs exactly one of 'months' or 'days'\n");
    }
    SUBCASE("a rung with neither") {
        LoadedCredential l = load_body(std::string(period12) + "[[after_expiry]]\nstate = \"grace\"\n");
        CHECK(l.text() == "c.toml:8:1: error: [[after_expiry]] needs exactly one of 'months' or 'days'\n");
    }
    SUBCASE("a negative fee") {
        // line 10: f1 e2 e3 ' '4 =5 ' '6, -5 at 7
        LoadedCredential l = load_body(std::string(period12) + "[[after_expiry]]\ndays = 15\nfee = -5\n");
        CHECK(l.text() == "c.toml:10:7: error: 'fee' must be a number from 0 to 1000000000\n");
    }
    SUBCASE("a fee too large for cents: refused, not wrapped to a negative fee") {
        // 922337203685477580 x 100 is past 2^63; it once came out as "fee -0.8".
        for (std::string_view fee : {"922337203685477580", "1000000001", "1e300"}) {
            CAPTURE(fee);
            LoadedCredential l =
                load_body(std::string(period12) + "[[after_expiry]]\ndays = 15\nfee = " + std::string(fee) + "\n");
            CHECK_FALSE(l.credential);
            CHECK(l.text() == "c.toml:10:7: error: 'fee' must be a number from 0 to 1000000000\n");
        }
        CHECK(load_body(std::string(period12) + "[[after_expiry]]\ndays = 15\nfee = 1000000000\n").credential);
    }
    SUBCASE("a state other than grace") {
        // line 10: s1 t2 a3 t4 e5 ' '6 =7 ' '8 "9
        LoadedCredential l = load_body(std::string(period12) + "[[after_expiry]]\ndays = 15\nstate = \"lapsed\"\n");
        CHECK(l.text() == "c.toml:10:9: error: 'state' must be one of grace (got 'lapsed')\n");
    }
}

// Each of these loaded without a word before, and gave statuses no rule could mean.
TEST_CASE("load_credential refuses rules that validate but cannot make sense") {
    SUBCASE("an experience minimum with no kinds: no hour could ever count") {
        // line 9: k1 i2 n3 d4 s5 ' '6 =7 ' '8 [9
        LoadedCredential l = load_body(std::string(period12) + "[[experience]]\nkinds = []\nhours = 10\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:9:9: error: 'kinds' must name at least one experience kind (work, volunteer, supervision)\n");
        LoadedCredential level =
            load_body(std::string(period12) + "[[level]]\nid = \"full\"\n[[level.experience]]\nkinds = []\nhours = 1\n");
        CHECK(level.text() ==
              "c.toml:11:9: error: 'kinds' must name at least one experience kind (work, volunteer, supervision)\n");
    }
    SUBCASE("two levels with one id") {
        // line 11: i1 d2 ' '3 =4 ' '5 "6
        LoadedCredential l = load_body(std::string(period12) + "[[level]]\nid = \"full\"\n[[level]]\nid = \"full\"\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:11:6: error: duplicate [[level]] id 'full'\n");
    }
    SUBCASE("a level id that is not an id") {
        for (std::string_view bad : {"Full", "full time", "../full", "-full", "\\u001b[2J"}) {
            CAPTURE(std::string(bad));
            LoadedCredential l = load_body(std::string(period12) + "[[level]]\nid = \"" + std::string(bad) + "\"\n");
            CHECK_FALSE(l.credential);
            CHECK(l.text() == "c.toml:9:6: error: 'id' must match [a-z0-9][a-z0-9_-]{0,63}\n");
        }
    }
    SUBCASE("a domain id that is not an id") {
        LoadedCredential l = load_body("domains = [\"Peer Support\"]\n" + std::string(period12));
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml: error: domain id 'Peer Support' must match [a-z0-9][a-z0-9_-]{0,63}\n");
    }
    SUBCASE("a renewal due on or before the day its period starts") {
        auto submit = [](std::string_view period, int days) {
            return load_body(std::string(period) + "[ce]\nhours = 10\nsubmit_before_days = " + std::to_string(days) + "\n");
        };
        // line 10: s1 ... s18 ' '19 =20 ' '21, the number at 22
        CHECK(submit(period12, 365).text() == "c.toml:10:22: error: 'submit_before_days' must be shorter than the period (got "
                                              "365 days; a period can be as short as 365 days)\n");
        CHECK(submit(period12, 400).text() == "c.toml:10:22: error: 'submit_before_days' must be shorter than the period (got "
                                              "400 days; a period can be as short as 365 days)\n");
        CHECK(submit(period12, 364).text().empty());
        const std::string one_month = "[period]\nanchor = \"issue-date\"\nmonths = 1\n";
        CHECK(submit(one_month, 28).text() == "c.toml:10:22: error: 'submit_before_days' must be shorter than the period (got 28 "
                                              "days; a period can be as short as 28 days)\n");
        CHECK(submit(one_month, 27).text().empty());
        // A level's own, shorter validity counts: 12 months inside a 24-month period.
        LoadedCredential level =
            load_body("[period]\nanchor = \"issue-date\"\nmonths = 24\n[[level]]\nid = \"provisional\"\nmonths = 12\n"
                      "[ce]\nhours = 10\nsubmit_before_days = 400\n");
        CHECK(level.text() == "c.toml:13:22: error: 'submit_before_days' must be shorter than the period (got 400 days; a period "
                              "can be as short as 365 days)\n");
    }
    SUBCASE("a level's own months under a calendar-year period, which ignores them") {
        // line 10: m1 o2 n3 t4 h5 s6 ' '7 =8 ' '9, 6 at 10
        LoadedCredential l = load_body("[period]\nanchor = \"calendar-year\"\n[[level]]\nid = \"provisional\"\nmonths = 6\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() ==
              "c.toml:9:10: error: a [[level]] cannot have its own 'months': calendar-year periods are 12 months long\n");
    }
    SUBCASE("a grace rung that ends on or before the rung above it could never apply") {
        auto ladder = [](std::string_view rungs) { return load_body(std::string(period12) + std::string(rungs)); };
        // line 10: d1 a2 y3 s4 ' '5 =6 ' '7, the number at 8
        const std::string message =
            "error: [[after_expiry]] must end after the rung before it: rungs run in order, longest last\n";
        CHECK(ladder("[[after_expiry]]\ndays = 31\n[[after_expiry]]\ndays = 15\n").text() == "c.toml:11:8: " + message);
        CHECK(ladder("[[after_expiry]]\ndays = 15\n[[after_expiry]]\ndays = 15\n").text() == "c.toml:11:8: " + message);
        CHECK(ladder("[[after_expiry]]\nmonths = 6\n[[after_expiry]]\nmonths = 3\n").text() == "c.toml:11:10: " + message);
        // 6 months are at least 181 days
        CHECK(ladder("[[after_expiry]]\nmonths = 6\n[[after_expiry]]\ndays = 181\n").text() == "c.toml:11:8: " + message);
        CHECK(ladder("[[after_expiry]]\nmonths = 6\n[[after_expiry]]\ndays = 182\n").text().empty());
        CHECK(ladder("[[after_expiry]]\ndays = 15\n[[after_expiry]]\ndays = 31\n").text().empty());
        // A month is 28 to 31 days: after 30 days it sometimes ends later, after 31 never.
        CHECK(ladder("[[after_expiry]]\ndays = 30\n[[after_expiry]]\nmonths = 1\n").text().empty());
        CHECK(ladder("[[after_expiry]]\ndays = 31\n[[after_expiry]]\nmonths = 1\n").text() == "c.toml:11:10: " + message);
    }
    SUBCASE("a provider minimum counting entries, which only topic minimums count") {
        // line 12: e1 ... s7 ' '8 =9 ' '10, 1 at 11
        LoadedCredential l = load_body("topics = [\"ethics\"]\n" + std::string(period12) +
                                       "[ce]\nhours = 10\n[[ce.minimum]]\nproviders = [\"GMHCN\"]\nentries = 1\nhours = 2\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() ==
              "c.toml:13:11: error: 'entries' counts entries of a topic: a [[ce.minimum]] with 'providers' takes 'hours'\n");
    }
    SUBCASE("rules that end before they begin") {
        // line 5: effective_to is 12 characters, ' '13 =14 ' '15, the date at 16
        LoadedCredential l = load_body("effective_to = 2019-12-31\n" + std::string(period12));
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:5:16: error: 'effective_to' must not be before 'effective_from'\n");
        CHECK(load_body("effective_to = 2020-01-01\n" + std::string(period12)).text().empty());
    }
}

TEST_CASE("load_credential warns about unknown keys") {
    SUBCASE("top level, with a suggestion") {
        LoadedCredential l = load_body("isuer = \"X\"\n" + std::string(period12));
        REQUIRE(l.credential);
        CHECK(l.text() == "c.toml:5:1: warning: unknown key 'isuer' in the credential; did you mean 'issuer'?\n");
    }
    SUBCASE("in [ce], with a suggestion") {
        LoadedCredential l = load_body(std::string(period12) + "[ce]\nhours = 10\nmax_entry_hour = 8\n");
        REQUIRE(l.credential);
        CHECK(l.text() == "c.toml:10:1: warning: unknown key 'max_entry_hour' in [ce]; did you mean 'max_entry_hours'?\n");
    }
    SUBCASE("in [ce], the start of a known key") {
        // carry_over is 4 edits from carry_over_max (more than 3 allowed) but its start.
        LoadedCredential l = load_body(std::string(period12) + "[ce]\nhours = 10\ncarry_over = 2\n");
        REQUIRE(l.credential);
        CHECK(l.text() == "c.toml:10:1: warning: unknown key 'carry_over' in [ce]; did you mean 'carry_over_max'?\n");
    }
    SUBCASE("in [ce], nothing close enough") {
        LoadedCredential l = load_body(std::string(period12) + "[ce]\nhours = 10\ncolour = 2\n");
        REQUIRE(l.credential);
        CHECK(l.text() == "c.toml:10:1: warning: unknown key 'colour' in [ce]\n");
    }
}

TEST_CASE("built-in credential files load and match the product contract") {
    const CredentialSet set = test::builtin_credentials();
    CHECK(set.ids() == std::vector<std::string>{"ca-mpss", "ct-cpsrp", "ct-rss", "fl-crps", "ga-cps", "icrc-pr", "me-cipss",
                                                "mi-cprm", "naadac-ncprss", "nj-cprs", "ny-crpa", "oh-cprs", "pa-cps", "tx-mhps",
                                                "tx-rsps", "va-cprs", "wa-cps"});

    SUBCASE("no warnings either") {
        for (const auto& [id, c] : set.all()) {
            Diagnostics diags;
            CHECK(load_credential(test::read_file(c.file), c.file, id, diags));
            CAPTURE(id);
            CHECK(dump(diags) == "");
        }
    }
    SUBCASE("ct-rss: 80 h core training, exam, 36 months from issue, 60 CE h") {
        const Credential& c = *set.find("ct-rss");
        REQUIRE(c.training);
        CHECK(c.training->hours == Hours::whole(80));
        REQUIRE(c.exam);
        CHECK(c.exam->required);
        CHECK(c.period.anchor == Anchor::IssueDate);
        CHECK(c.period.months == 36);
        REQUIRE(c.ce);
        CHECK(c.ce->hours == Hours::whole(60));
    }
    SUBCASE("ct-cpsrp: provisional (80 h + exam, 12 months) and full (+300 h work); 10 CE h a year") {
        const Credential& c = *set.find("ct-cpsrp");
        CHECK(c.confidence == "low");
        REQUIRE(c.training);
        CHECK(c.training->hours == Hours::whole(80));
        REQUIRE(c.exam);
        CHECK(c.exam->required);
        REQUIRE(c.levels.size() == 2);
        CHECK(c.levels[0].id == "provisional");
        CHECK(c.levels[0].months == 12);
        CHECK(c.levels[1].id == "full");
        REQUIRE(c.levels[1].experience.size() == 1);
        CHECK(c.levels[1].experience[0].hours == Hours::whole(300));
        REQUIRE(c.ce);
        CHECK(c.ce->hours == Hours::whole(10));
    }
    SUBCASE("me-cipss: yearly from the issue date; 2 CE entries, 75 h of practice and co-supervision every quarter") {
        const Credential& c = *set.find("me-cipss");
        CHECK(c.confidence == "medium");
        CHECK_FALSE(c.training); // counted in days, not hours
        REQUIRE(c.exam);
        CHECK(c.period.anchor == Anchor::IssueDate);
        CHECK(c.period.months == 12);
        REQUIRE(c.levels.size() == 2);
        CHECK(c.levels[0].id == "provisional");
        CHECK(c.levels[0].max_renewals == 0);
        CHECK(c.levels[0].move_up_within_months_of_training == 12);
        CHECK(c.levels[1].needs_period_met);
        CHECK(c.default_level == "full");
        REQUIRE(c.ce);
        CHECK(c.ce->entries == 2);
        CHECK(c.ce->hours == Hours());
        REQUIRE(c.renewal);
        REQUIRE(c.renewal->experience.size() == 1);
        CHECK(c.renewal->experience[0].hours == Hours::whole(75));
        CHECK(c.renewal->experience[0].kinds == std::vector<ExperienceKind>{ExperienceKind::Work, ExperienceKind::Volunteer});
        REQUIRE(c.renewal->each_quarter.size() == 1);
        CHECK(c.renewal->each_quarter[0].name == "co-supervision");
        CHECK(c.renewal->each_quarter[0].kinds == std::vector<ExperienceKind>{ExperienceKind::Supervision});
        CHECK(c.renewal->each_quarter[0].entries == 1);
        CHECK(c.after_expiry.empty()); // no grace found
        CHECK(c.sources.size() == 4);
    }
    SUBCASE("icrc-pr: 46 h (10/10/10/16), 500 h + 25 h supervision, exam, 24 months, 20 CE h with 6 h ethics") {
        const Credential& c = *set.find("icrc-pr");
        REQUIRE(c.training);
        CHECK(c.training->hours == Hours::whole(46));
        std::map<std::string, Hours> domains;
        for (const auto& d : c.training->domains)
            domains[d.domain] = d.hours;
        CHECK(domains == std::map<std::string, Hours>{{"advocacy", Hours::whole(10)},
                                                      {"mentoring-education", Hours::whole(10)},
                                                      {"recovery-wellness", Hours::whole(10)},
                                                      {"ethics", Hours::whole(16)}});
        REQUIRE(c.experience.size() == 2);
        CHECK(c.experience[0].hours == Hours::whole(500));
        CHECK(c.experience[1].kinds == std::vector<ExperienceKind>{ExperienceKind::Supervision});
        CHECK(c.experience[1].hours == Hours::whole(25));
        REQUIRE(c.exam);
        CHECK(c.period.months == 24);
        REQUIRE(c.ce);
        CHECK(c.ce->hours == Hours::whole(20));
        REQUIRE(c.ce->minimums.size() == 1);
        CHECK(c.ce->minimums[0].kind == MinimumKind::TopicHours);
        CHECK(c.ce->minimums[0].topic == "ethics");
        CHECK(c.ce->minimums[0].hours == Hours::whole(6));
    }
    SUBCASE("ny-crpa: 50 h (4 MSR; 46 h 10/10/10/16 before 2022-04-01), 500 + 25 h, 36 months, 28 CE h, 4 h ethics, 4 h PD "
            "cap, due 45 days before") {
        // The contract's table gives 16 h ethics too; the 2026-11 audit found that to be one
        // training provider's example curriculum, not an NYCB rule, so the file no longer asks it.
        const Credential& c = *set.find("ny-crpa");
        REQUIRE(c.training);
        CHECK(c.training->hours == Hours::whole(46));
        CHECK(c.training->domains.size() == 4);
        const TrainingRule* now = rules_in_force(c, ymd(2026, 11, 23)).training;
        REQUIRE(now);
        CHECK(now->hours == Hours::whole(50));
        std::map<std::string, Hours> domains;
        for (const auto& d : now->domains)
            domains[d.domain] = d.hours;
        CHECK(domains == std::map<std::string, Hours>{{"medication-supported-recovery", Hours::whole(4)}});
        REQUIRE(c.experience.size() == 2);
        CHECK(c.experience[1].hours == Hours::whole(25));
        CHECK(c.period.months == 36);
        REQUIRE(c.ce);
        CHECK(c.ce->hours == Hours::whole(28));
        REQUIRE(c.ce->minimums.size() == 1);
        CHECK(c.ce->minimums[0].topic == "ethics");
        CHECK(c.ce->minimums[0].hours == Hours::whole(4));
        REQUIRE(c.ce->caps.size() == 1);
        CHECK(c.ce->caps[0].topic == "professional-development");
        CHECK(c.ce->caps[0].hours == Hours::whole(4));
        CHECK(c.ce->submit_before_days == 45);
    }
    SUBCASE("pa-cps: 75 h, exam, 24 months, 36 CE h (24 peer-support, 3 ethics), 6 months late window") {
        const Credential& c = *set.find("pa-cps");
        REQUIRE(c.training);
        CHECK(c.training->hours == Hours::whole(75));
        REQUIRE(c.exam);
        CHECK(c.period.months == 24);
        REQUIRE(c.ce);
        CHECK(c.ce->hours == Hours::whole(36));
        REQUIRE(c.ce->minimums.size() == 2);
        CHECK(c.ce->minimums[0].topic == "peer-support");
        CHECK(c.ce->minimums[0].hours == Hours::whole(24));
        CHECK(c.ce->minimums[1].topic == "ethics");
        CHECK(c.ce->minimums[1].hours == Hours::whole(3));
        // The 6-month window is PCB's from 2026-01-01; before, lapsed the day after expiry.
        CHECK(c.after_expiry.empty());
        const std::vector<LapseRung>& ladder = *rules_in_force(c, ymd(2026, 1, 1)).after_expiry;
        REQUIRE(ladder.size() == 1);
        CHECK(ladder[0].months == 6);
        CHECK(ladder[0].fee_cents == 7500);
    }
    SUBCASE("ga-cps: calendar years, 12 CE h, 1 ethics entry, 6 h from GMHCN, no carry-over, late to Jan 31") {
        const Credential& c = *set.find("ga-cps");
        CHECK(c.period.anchor == Anchor::CalendarYear);
        REQUIRE(c.ce);
        CHECK(c.ce->hours == Hours::whole(12));
        CHECK(c.ce->minimums.empty()); // the ethics and GMHCN rules are GMHCN's from 2023
        const CeRule* now = rules_in_force(c, ymd(2023, 12, 31)).ce;
        REQUIRE(now);
        CHECK(now->hours == Hours::whole(12));
        CHECK(now->carry_over_max == Hours());
        REQUIRE(now->minimums.size() == 2);
        CHECK(now->minimums[0].kind == MinimumKind::TopicEntries);
        CHECK(now->minimums[0].topic == "ethics");
        CHECK(now->minimums[0].entries == 1);
        CHECK(now->minimums[1].kind == MinimumKind::ProviderHours);
        CHECK(now->minimums[1].providers == std::vector<std::string>{"GMHCN"});
        CHECK(now->minimums[1].hours == Hours::whole(6));
        REQUIRE_FALSE(c.after_expiry.empty());
        // Dec 31 + 31 days = Jan 31: the last rung ends on the last day of the late window.
        CHECK(c.after_expiry.back().days == 31);
    }
}

TEST_CASE("CredentialSet") {
    CredentialSet set;
    set.add(test::make_credential("a-cred",
                                  std::string("topics = [\"ethics\"]\ndomains = [\"advocacy\"]\n") + std::string(period12)));
    set.add(test::make_credential("b-cred", std::string("topics = [\"peer-support\"]\n") + std::string(period12)));

    SUBCASE("find and ids") {
        REQUIRE(set.find("a-cred"));
        CHECK(set.find("a-cred")->id == "a-cred");
        CHECK(set.find("c-cred") == nullptr);
        CHECK(set.ids() == std::vector<std::string>{"a-cred", "b-cred"});
    }
    SUBCASE("one vocabulary of topics and domains") {
        CHECK(set.knows_term("ethics"));
        CHECK(set.knows_term("advocacy"));
        CHECK(set.knows_term("peer-support"));
        CHECK_FALSE(set.knows_term("ethicks"));
        CHECK(set.vocabulary() == std::vector<std::string>{"advocacy", "ethics", "peer-support"});
        set.add_terms({"harm-reduction"});
        CHECK(set.knows_term("harm-reduction"));
    }
    SUBCASE("a credential with the id of another replaces it") {
        Credential replacement = test::make_credential("a-cred", std::string("topics = []\n") + std::string(period12));
        replacement.name = "Replacement";
        set.add(replacement);
        CHECK(set.all().size() == 2);
        CHECK(set.find("a-cred")->name == "Replacement");
    }
}
