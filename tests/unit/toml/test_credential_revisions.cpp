// Tests for lib/toml/credential_revisions.cpp: [[revision]] tables, and every mistake in one
// reported at its file:line:col.

#include "credential_loader.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::dump;
using peerctl::test::hours;
using peerctl::test::ymd;

namespace {

struct LoadedRevisions {
    std::optional<Credential> credential;
    Diagnostics diags;
    std::string text() const { return dump(diags); }
};

// The header takes lines 1-4 (effective_from = 2020-01-01), [period] lines 5-7, a [[source]] lines
// 8-9, so `revisions` starts on line 10.
LoadedRevisions load_revisions(std::string_view revisions) {
    std::string body = "[period]\nanchor = \"issue-date\"\nmonths = 12\n[[source]]\nkey = \"SRC\"\n";
    body += revisions;
    LoadedRevisions l;
    l.credential = load_credential(test::credential_toml("c", body), "c.toml", "c", l.diags);
    return l;
}

} // namespace

TEST_CASE("[[revision]]: read in order, each with what it replaces") {
    LoadedRevisions l = load_revisions(R"([[revision]]
effective_from = 2022-04-01
note = "a new total"
sources = ["SRC"]
[revision.training]
hours = 54
[[revision]]
effective_from = 2026-01-01
[revision.period]
anchor = "issue-date"
months = 24
[[revision.after_expiry]]
months = 6
state = "grace"
fee = 75
)");
    INFO(l.text());
    REQUIRE(l.credential);
    CHECK(l.text().empty());
    const auto& revs = l.credential->revisions;
    REQUIRE(revs.size() == 2);
    CHECK(revs[0].effective_from == ymd(2022, 4, 1));
    CHECK(revs[0].note == "a new total");
    CHECK(revs[0].sources == std::vector<std::string>{"SRC"});
    REQUIRE(revs[0].training);
    CHECK(revs[0].training->hours == hours(54));
    CHECK_FALSE(revs[0].ce);
    CHECK_FALSE(revs[0].after_expiry);
    CHECK(revs[1].period->months == 24);
    REQUIRE(revs[1].after_expiry);
    CHECK(revs[1].after_expiry->at(0).fee_cents == 7500);
}

TEST_CASE("[[revision]]: every mistake at its position") {
    SUBCASE("effective_from missing") {
        LoadedRevisions l = load_revisions("[[revision]]\nnote = \"x\"\n[revision.ce]\nhours = 5\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() ==
              "c.toml:10:1: error: [[revision]] is missing required key 'effective_from' (a date such as 2025-03-14)\n");
    }
    SUBCASE("effective_from on or before the credential's") {
        LoadedRevisions l = load_revisions("[[revision]]\neffective_from = 2020-01-01\n[revision.ce]\nhours = 5\n");
        CHECK(l.text() == "c.toml:11:18: error: a [[revision]]'s 'effective_from' must be after the credential's (2020-01-01)\n");
    }
    SUBCASE("not strictly increasing: equal, then earlier") {
        LoadedRevisions l = load_revisions(R"([[revision]]
effective_from = 2022-01-01
[revision.ce]
hours = 5
[[revision]]
effective_from = 2022-01-01
[revision.ce]
hours = 6
[[revision]]
effective_from = 2021-06-01
[revision.ce]
hours = 7
)");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:15:18: error: [[revision]] tables must be in order, each 'effective_from' after the one "
                          "before (2022-01-01)\n"
                          "c.toml:19:18: error: [[revision]] tables must be in order, each 'effective_from' after the one "
                          "before (2022-01-01)\n");
    }
    SUBCASE("a date that is not a date, and a date-time") {
        LoadedRevisions l = load_revisions("[[revision]]\neffective_from = \"2022-01-01\"\n[revision.ce]\nhours = 5\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text().rfind("c.toml:11:18: error: ", 0) == 0);
    }
    SUBCASE("an unknown key is a warning with a suggestion, the file still loads") {
        LoadedRevisions l =
            load_revisions("[[revision]]\neffective_from = 2022-01-01\nnotes = \"x\"\n[revision.ce]\nhours = 5\n");
        CHECK(l.credential);
        CHECK(l.text() == "c.toml:12:1: warning: unknown key 'notes' in [[revision]]; did you mean 'note'?\n");
    }
    SUBCASE("a mistake inside a replaced table names it as written") {
        LoadedRevisions l =
            load_revisions("[[revision]]\neffective_from = 2022-01-01\n[[revision.ce.minimum]]\ntopic = \"ethics\"\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml: error: [[revision.ce.minimum]] names 'ethics', which is not in the credential's topics or "
                          "domains\n"
                          "c.toml:12:1: error: [revision.ce] needs 'hours', 'entries' or both\n"
                          "c.toml:12:1: error: [[revision.ce.minimum]] is missing required key 'hours' (a number of hours)\n");
    }
    SUBCASE("a new anchor is refused") {
        LoadedRevisions l = load_revisions(
            "[[revision]]\neffective_from = 2022-01-01\n[revision.period]\nanchor = \"calendar-year\"\nmonths = 12\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:13:10: error: a [[revision]] cannot change the period's 'anchor'; a credential with another "
                          "anchor is a new credential file\n");
    }
    SUBCASE("a source key no [[source]] has") {
        LoadedRevisions l =
            load_revisions("[[revision]]\neffective_from = 2022-01-01\nsources = [\"SRC\", \"SCR\"]\n[revision.ce]\nhours = 5\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:12:19: error: 'sources' names 'SCR', which no [[source]] table has as its key\n");
    }
    SUBCASE("a revision that replaces nothing is a warning") {
        LoadedRevisions l = load_revisions("[[revision]]\neffective_from = 2022-01-01\nnote = \"x\"\n");
        CHECK(l.credential);
        CHECK(l.text() == "c.toml:10:1: warning: this [[revision]] replaces no rule table (training, experience, exam, period, "
                          "ce, renewal, after_expiry)\n");
    }
    SUBCASE("submit_before_days is checked against a revision's shorter period") {
        LoadedRevisions l = load_revisions(R"([[revision]]
effective_from = 2022-01-01
[revision.period]
anchor = "issue-date"
months = 1
[revision.ce]
hours = 5
submit_before_days = 45
)");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:17:22: error: 'submit_before_days' must be shorter than the period (got 45 days; a period can "
                          "be as short as 28 days)\n");
    }
}
