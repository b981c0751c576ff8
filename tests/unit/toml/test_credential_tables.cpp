// Tests for lib/toml/credential_tables.cpp: the [renewal] table, [ce] counted in entries and the
// [[level]] keys for a step up, each mistake at its file:line:col.

#include "credential_tables.hpp"

#include "credential_loader.hpp"
#include "rules_in_force.hpp"

#include "test_support.hpp"

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

} // namespace credential_tables_test
