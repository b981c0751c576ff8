// Tests for lib/toml/credential_tables.cpp: the [renewal] table, [ce] counted in entries and the
// [[level]] keys for a step up, each mistake at its file:line:col.

#include "credential_tables.hpp"

#include "credential_loader.hpp"
#include "rules_in_force.hpp"

#include "test_support.hpp"

#include <fmt/core.h>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::dump;
using peerctl::test::ymd;

namespace credential_tables_test {

struct Loaded {
    std::optional<Credential> credential;
    Diagnostics diags;
    std::string text() const { return dump(diags); }
};

// The body starts on line 5 (test::credential_toml writes four header lines); with the period
// first, the tables after it start on line 8.
Loaded load_after_period(std::string_view tables) {
    Loaded l;
    std::string body = "[period]\nanchor = \"issue-date\"\nmonths = 12\n" + std::string(tables);
    l.credential = load_credential(test::credential_toml("c", body), "c.toml", "", l.diags);
    return l;
}

TEST_CASE("[renewal]: experience within the period and entries in each quarter") {
    SUBCASE("every key") {
        Loaded l = load_after_period(R"([renewal]
[[renewal.experience]]
kinds = ["work", "volunteer"]
hours = 75
[[renewal.each_quarter]]
name = "co-supervision"
kinds = ["supervision"]
[[renewal.each_quarter]]
name = "team meeting"
kinds = ["work"]
entries = 3
)");
        INFO(l.text());
        REQUIRE(l.credential);
        CHECK(l.text().empty());
        const RenewalRule& r = *l.credential->renewal;
        REQUIRE(r.experience.size() == 1);
        CHECK(r.experience[0].hours == centi(7500));
        REQUIRE(r.each_quarter.size() == 2);
        CHECK(r.each_quarter[0].entries == 1); // the default
        CHECK(r.each_quarter[1].name == "team meeting");
        CHECK(r.each_quarter[1].entries == 3);
    }
    SUBCASE("no [renewal]: none") {
        Loaded l = load_after_period("");
        REQUIRE(l.credential);
        CHECK_FALSE(l.credential->renewal);
    }
    SUBCASE("mistakes, each at its position") {
        Loaded l = load_after_period(R"([renewal]
colour = 1
[[renewal.experience]]
kinds = []
hours = 5
hue = 2
[[renewal.each_quarter]]
kinds = ["supervision", "nap"]
entries = 0
)");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:9:1: warning: unknown key 'colour' in [renewal]\n"
                          "c.toml:11:9: error: 'kinds' must name at least one experience kind (work, volunteer, supervision)\n"
                          "c.toml:13:1: warning: unknown key 'hue' in [[renewal.experience]]\n"
                          "c.toml:14:1: error: [[renewal.each_quarter]] is missing required key 'name' (a string)\n"
                          "c.toml:15:9: error: unknown experience kind 'nap' (work, volunteer, supervision)\n"
                          "c.toml:16:11: error: 'entries' must be between 1 and 1000 (got 0)\n");
    }
    SUBCASE("[revision.renewal] replaces the whole table from its date, named as written") {
        Loaded l = load_after_period(R"([renewal]
[[renewal.experience]]
kinds = ["work"]
hours = 75
[[revision]]
effective_from = 2024-01-01
[revision.renewal]
[[revision.renewal.each_quarter]]
name = "co-supervision"
kinds = ["supervision"]
typo = 1
)");
        REQUIRE(l.credential);
        CHECK(l.text() == "c.toml:18:1: warning: unknown key 'typo' in [[revision.renewal.each_quarter]]\n");
        RulesInForce before = rules_in_force(*l.credential, ymd(2023, 12, 31));
        REQUIRE(before.renewal);
        CHECK(before.renewal->experience.size() == 1);
        CHECK(before.renewal->each_quarter.empty());
        CHECK_FALSE(before.period_revision);
        RulesInForce after = rules_in_force(*l.credential, ymd(2024, 1, 1));
        REQUIRE(after.renewal);
        CHECK(after.renewal->experience.empty()); // replaced, not merged
        CHECK(after.renewal->each_quarter.size() == 1);
        CHECK(after.period_since() == ymd(2024, 1, 1));
    }
}

TEST_CASE("[ce] entries: CE counted in entries, with or without hours") {
    SUBCASE("entries alone") {
        Loaded l = load_after_period("[ce]\nentries = 2\n");
        REQUIRE(l.credential);
        CHECK(l.text().empty());
        CHECK(l.credential->ce->entries == 2);
        CHECK(l.credential->ce->hours == Hours());
    }
    SUBCASE("both") {
        Loaded l = load_after_period("[ce]\nhours = 10\nentries = 2\n");
        REQUIRE(l.credential);
        CHECK(l.credential->ce->hours == centi(1000));
        CHECK(l.credential->ce->entries == 2);
    }
    SUBCASE("hours alone, as before: no entry count") {
        Loaded l = load_after_period("[ce]\nhours = 10\n");
        REQUIRE(l.credential);
        CHECK(l.credential->ce->entries == 0);
    }
    SUBCASE("neither") {
        Loaded l = load_after_period("[ce]\ncarry_over_max = 0\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:8:1: error: [ce] needs 'hours', 'entries' or both\n");
    }
    SUBCASE("out of range") {
        Loaded l = load_after_period("[ce]\nentries = 0\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:9:11: error: 'entries' must be between 1 and 1000 (got 0)\n");
    }
}

TEST_CASE("[[level]]: move_up_within_months_of_training and needs_period_met") {
    SUBCASE("read") {
        Loaded l = load_after_period(R"([[level]]
id = "provisional"
months = 12
renewable = false
move_up_within_months_of_training = 12
[[level]]
id = "full"
needs_period_met = true
)");
        REQUIRE(l.credential);
        CHECK(l.text().empty());
        CHECK(l.credential->levels[0].move_up_within_months_of_training == 12);
        CHECK_FALSE(l.credential->levels[0].needs_period_met);
        CHECK_FALSE(l.credential->levels[1].move_up_within_months_of_training);
        CHECK(l.credential->levels[1].needs_period_met);
    }
    SUBCASE("wrong values") {
        Loaded l =
            load_after_period("[[level]]\nid = \"a\"\nmove_up_within_months_of_training = 0\nneeds_period_met = \"yes\"\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:10:37: error: 'move_up_within_months_of_training' must be between 1 and 1200 (got 0)\n"
                          "c.toml:11:20: error: 'needs_period_met' must be true or false (got a string)\n");
    }
}

// The body starts on line 5: [period] on 5, its anchor on 6, months on 7.
Loaded load_body(std::string_view body) {
    Loaded l;
    l.credential = load_credential(test::credential_toml("c", body), "c.toml", "", l.diags);
    return l;
}

TEST_CASE("[period] anchors: birthday, first-of-issue-month, none") {
    SUBCASE("each is read") {
        for (auto [word, anchor] :
             {std::pair{"birthday", Anchor::Birthday}, std::pair{"first-of-issue-month", Anchor::FirstOfIssueMonth}}) {
            Loaded l = load_body(fmt::format("[period]\nanchor = \"{}\"\nmonths = 24\n", word));
            REQUIRE(l.credential);
            CHECK(l.text().empty());
            CHECK(l.credential->period.anchor == anchor);
            CHECK(l.credential->period.months == 24);
        }
        Loaded none = load_body("[period]\nanchor = \"none\"\n");
        REQUIRE(none.credential);
        CHECK(none.credential->period.anchor == Anchor::None);
    }
    SUBCASE("birthday: whole years only; months required") {
        Loaded l = load_body("[period]\nanchor = \"birthday\"\nmonths = 18\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:7:10: error: birthday periods run from birthday to birthday: 'months' must be a whole number "
                          "of years (12, 24, ...; got 18)\n");
        CHECK(load_body("[period]\nanchor = \"first-of-issue-month\"\n").text() ==
              "c.toml:5:1: error: [period] is missing required key 'months' (a whole number)\n");
    }
    SUBCASE("none: no months, no [ce], [renewal] or [[after_expiry]], no level periods") {
        Loaded l = load_body("[period]\nanchor = \"none\"\nmonths = 12\n[[level]]\nid = \"a\"\nmonths = 6\nmax_renewals = 1\n"
                             "[ce]\nhours = 2\nsubmit_before_days = 10\n[renewal]\n[[after_expiry]]\ndays = 10\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() ==
              "c.toml:7:10: error: a credential that does not expire (anchor = \"none\") has no 'months'\n"
              "c.toml:10:10: error: a credential that does not expire (anchor = \"none\") has no periods: a [[level]] cannot "
              "have 'months'\n"
              "c.toml:11:16: error: a credential that does not expire (anchor = \"none\") has no periods: a [[level]] cannot "
              "have 'max_renewals'\n"
              "c.toml:12:1: error: a credential that does not expire (anchor = \"none\") is never renewed: it cannot have [ce]\n"
              "c.toml:15:1: error: a credential that does not expire (anchor = \"none\") is never renewed: it cannot have "
              "[renewal]\n"
              "c.toml:16:1: error: a credential that does not expire (anchor = \"none\") is never renewed: it cannot have "
              "[[after_expiry]]\n");
    }
    SUBCASE("none: nor in a revision") {
        Loaded l =
            load_body("[period]\nanchor = \"none\"\n[[revision]]\neffective_from = 2021-01-01\n[revision.ce]\nhours = 2\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:9:1: error: a credential that does not expire (anchor = \"none\") is never renewed: it "
                          "cannot have [revision.ce]\n");
    }
}

TEST_CASE("[[level]] max_renewals") {
    SUBCASE("read; renewable = false is 0; neither is no limit") {
        Loaded l = load_after_period("[[level]]\nid = \"a\"\nmax_renewals = 4\n[[level]]\nid = \"b\"\nrenewable = false\n"
                                     "[[level]]\nid = \"c\"\nmax_renewals = 0\n[[level]]\nid = \"d\"\n");
        REQUIRE(l.credential);
        CHECK(l.text().empty());
        CHECK(l.credential->levels[0].max_renewals == 4);
        CHECK(l.credential->levels[1].max_renewals == 0);
        CHECK(l.credential->levels[2].max_renewals == 0);
        CHECK_FALSE(l.credential->levels[3].max_renewals);
        CHECK(l.credential->levels[0].renewable_after(3));
        CHECK_FALSE(l.credential->levels[0].renewable_after(4));
        CHECK(l.credential->levels[3].renewable_after(1000));
    }
    SUBCASE("both keys, or a count out of range") {
        Loaded l = load_after_period("[[level]]\nid = \"a\"\nrenewable = true\nmax_renewals = 2\n[[level]]\nid = \"b\"\n"
                                     "max_renewals = -1\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:11:16: error: a [[level]] takes 'renewable' or 'max_renewals', not both (renewable = false "
                          "is max_renewals = 0)\n"
                          "c.toml:14:16: error: 'max_renewals' must be between 0 and 1000 (got -1)\n");
    }
}

TEST_CASE("[ce] submit_from_days and late_fee") {
    SUBCASE("read") {
        Loaded l = load_after_period("[ce]\nhours = 2\nsubmit_from_days = 90\nsubmit_before_days = 45\nlate_fee = 25.5\n");
        REQUIRE(l.credential);
        CHECK(l.text().empty());
        CHECK(l.credential->ce->submit_from_days == 90);
        CHECK(l.credential->ce->late_fee_cents == 2550);
    }
    SUBCASE("the window must open before the submit-by date") {
        for (int from : {45, 44}) {
            CAPTURE(from);
            Loaded l = load_after_period(fmt::format("[ce]\nhours = 2\nsubmit_before_days = 45\nsubmit_from_days = {}\n", from));
            CHECK_FALSE(l.credential);
            CHECK(l.text() == fmt::format("c.toml:11:20: error: 'submit_from_days' must be more than 'submit_before_days' (got "
                                          "{} and 45): the window opens before the renewal is due\n",
                                          from));
        }
        CHECK(load_after_period("[ce]\nhours = 2\nsubmit_before_days = 45\nsubmit_from_days = 46\n").credential);
    }
    SUBCASE("and after the shortest period starts: 365 days for 12 months") {
        Loaded l = load_after_period("[ce]\nhours = 2\nsubmit_from_days = 365\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:10:20: error: 'submit_from_days' must be shorter than the period (got 365 days; a period can "
                          "be as short as 365 days)\n");
        CHECK(load_after_period("[ce]\nhours = 2\nsubmit_from_days = 364\n").credential);
    }
    SUBCASE("a birthday period can be as short as months - 12 months and a day") {
        // 24 months: from the day before a birthday to the birthday a year on, 12 months and a
        // day: 366 days at the fewest.
        Loaded l = load_body("[period]\nanchor = \"birthday\"\nmonths = 24\n[ce]\nhours = 2\nsubmit_from_days = 366\n");
        CHECK(l.text() == "c.toml:10:20: error: 'submit_from_days' must be shorter than the period (got 366 days; a period can "
                          "be as short as 366 days)\n");
        CHECK(load_body("[period]\nanchor = \"birthday\"\nmonths = 24\n[ce]\nhours = 2\nsubmit_from_days = 365\n").credential);
    }
    SUBCASE("a first-of-issue-month period can be 30 days short") {
        // 12 months: 365 days at the fewest, less the 30 days from a 31st to the 1st.
        Loaded l =
            load_body("[period]\nanchor = \"first-of-issue-month\"\nmonths = 12\n[ce]\nhours = 2\nsubmit_before_days = 335\n");
        CHECK(l.text() == "c.toml:10:22: error: 'submit_before_days' must be shorter than the period (got 335 days; a period "
                          "can be as short as 335 days)\n");
    }
    SUBCASE("a late fee needs a submit-by date, and a number of at least 0") {
        Loaded l = load_after_period("[ce]\nhours = 2\nlate_fee = 25\n");
        CHECK_FALSE(l.credential);
        CHECK(l.text() == "c.toml:10:12: error: 'late_fee' is owed after the submit-by date: it needs 'submit_before_days'\n");
        for (std::string_view bad : {"-1", "\"25\"", "nan", "1e12", "9223372036854775807"}) {
            CAPTURE(bad);
            Loaded b = load_after_period(fmt::format("[ce]\nhours = 2\nsubmit_before_days = 45\nlate_fee = {}\n", bad));
            CHECK_FALSE(b.credential);
            CHECK(b.text() == "c.toml:11:12: error: 'late_fee' must be a number from 0 to 1000000000\n");
        }
    }
}

} // namespace credential_tables_test
