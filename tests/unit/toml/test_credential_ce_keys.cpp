// Tests for the keys of lib/toml/credential_tables.cpp that narrow what counts toward a credential:
// [ce] min_entry_hours and providers, [[ce.minimum]] over_months, and within_months on
// [[experience]], [[level.experience]] and [[training.domain]]; each mistake at its file:line:col,
// and each key read the same inside a [[revision]].

#include "credential_tables.hpp"

#include "credential_loader.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::dump;

namespace credential_ce_keys_test {

struct Parsed {
    std::optional<Credential> credential;
    Diagnostics diags;
    std::string text() const { return dump(diags); }
};

// The body starts on line 5 (test::credential_toml writes four header lines); `topics` and the
// 3-line period take lines 5 to 8, so the tables after them start on line 9.
Parsed parse_after_period(std::string_view tables, int months = 12) {
    Parsed p;
    std::string body =
        "topics = [\"ethics\", \"suicide-prevention\"]\n[period]\nanchor = \"issue-date\"\nmonths = " + std::to_string(months) +
        "\n" + std::string(tables);
    p.credential = load_credential(test::credential_toml("c", body), "c.toml", "", p.diags);
    return p;
}

TEST_CASE("[ce] min_entry_hours") {
    SUBCASE("read, up to and equal to max_entry_hours") {
        Parsed p = parse_after_period("[ce]\nhours = 30\nmin_entry_hours = 1\nmax_entry_hours = 1\n");
        INFO(p.text());
        REQUIRE(p.credential);
        CHECK(p.text().empty());
        CHECK(*p.credential->ce->min_entry_hours == centi(100));
    }
    SUBCASE("absent: none") {
        Parsed p = parse_after_period("[ce]\nhours = 30\n");
        REQUIRE(p.credential);
        CHECK_FALSE(p.credential->ce->min_entry_hours);
    }
    SUBCASE("0 is refused") {
        Parsed p = parse_after_period("[ce]\nhours = 30\nmin_entry_hours = 0\n");
        CHECK_FALSE(p.credential);
        CHECK(p.text() == "c.toml:11:19: error: 'min_entry_hours': hours must be greater than 0 (got 0)\n");
    }
    SUBCASE("more than max_entry_hours is refused at the key") {
        Parsed p = parse_after_period("[ce]\nhours = 30\nmax_entry_hours = 1\nmin_entry_hours = 1.01\n");
        CHECK_FALSE(p.credential);
        CHECK(p.text() ==
              "c.toml:12:19: error: 'min_entry_hours' must not be more than 'max_entry_hours' (got 1.01 h and 1 h)\n");
    }
    SUBCASE("inside a [revision.ce]") {
        Parsed p = parse_after_period(
            "[ce]\nhours = 30\n[[revision]]\neffective_from = 2024-01-01\n[revision.ce]\nhours = 30\nmin_entry_hours = 0.5\n");
        INFO(p.text());
        REQUIRE(p.credential);
        CHECK_FALSE(p.credential->ce->min_entry_hours);
        CHECK(*p.credential->revisions.at(0).ce->min_entry_hours == centi(50));
    }
}

TEST_CASE("[ce] providers") {
    SUBCASE("read") {
        Parsed p = parse_after_period("[ce]\nhours = 12\nproviders = [\"GMHCN\", \"Vendor\"]\n");
        INFO(p.text());
        REQUIRE(p.credential);
        CHECK(p.text().empty());
        CHECK(p.credential->ce->providers == std::vector<std::string>{"GMHCN", "Vendor"});
    }
    SUBCASE("absent: any provider") {
        Parsed p = parse_after_period("[ce]\nhours = 12\n");
        REQUIRE(p.credential);
        CHECK(p.credential->ce->providers.empty());
    }
    SUBCASE("an empty list and a wrong type are refused at the key") {
        Parsed p = parse_after_period("[ce]\nhours = 12\nproviders = []\n");
        CHECK_FALSE(p.credential);
        CHECK(p.text() == "c.toml:11:13: error: 'providers' must name at least one provider\n");
        Parsed q = parse_after_period("[ce]\nhours = 12\nproviders = \"GMHCN\"\n");
        CHECK_FALSE(q.credential);
        CHECK(q.text().find("c.toml:11:13: error:") == 0);
    }
    SUBCASE("inside a [revision.ce]") {
        Parsed p = parse_after_period(
            "[ce]\nhours = 12\n[[revision]]\neffective_from = 2024-01-01\n[revision.ce]\nhours = 12\nproviders = [\"GMHCN\"]\n");
        INFO(p.text());
        REQUIRE(p.credential);
        CHECK(p.credential->ce->providers.empty());
        CHECK(p.credential->revisions.at(0).ce->providers == std::vector<std::string>{"GMHCN"});
    }
}

TEST_CASE("within_months on [[experience]], [[level.experience]] and [[training.domain]]") {
    SUBCASE("read where a look-back means something") {
        Parsed p = parse_after_period(R"([[experience]]
kinds = ["work"]
hours = 500
within_months = 24
[[level]]
id = "full"
[[level.experience]]
kinds = ["work"]
hours = 100
within_months = 12
[training]
hours = 60
within_months = 72
[[training.domain]]
domain = "ethics"
hours = 6
within_months = 72
[[revision]]
effective_from = 2024-01-01
[[revision.experience]]
kinds = ["work"]
hours = 500
within_months = 36
)");
        INFO(p.text());
        REQUIRE(p.credential);
        CHECK(p.text().empty());
        CHECK(p.credential->experience.at(0).within_months == 24);
        CHECK(p.credential->levels.at(0).experience.at(0).within_months == 12);
        CHECK(p.credential->training->domains.at(0).within_months == 72);
        CHECK(p.credential->revisions.at(0).experience->at(0).within_months == 36);
    }
    SUBCASE("0 is refused; in [[renewal.experience]] it is an unknown key") {
        Parsed p = parse_after_period(R"([[experience]]
kinds = ["work"]
hours = 500
within_months = 0
[renewal]
[[renewal.experience]]
kinds = ["work"]
hours = 10
within_months = 12
)");
        CHECK_FALSE(p.credential);
        CHECK(p.text() == "c.toml:12:17: error: 'within_months' must be between 1 and 1200 (got 0)\n"
                          "c.toml:17:1: warning: unknown key 'within_months' in [[renewal.experience]]\n");
    }
    SUBCASE("a domain's look-back longer than the training's is refused at the key") {
        Parsed p = parse_after_period(R"([training]
hours = 60
within_months = 36
[[training.domain]]
domain = "ethics"
hours = 6
within_months = 72
)");
        CHECK_FALSE(p.credential);
        CHECK(p.text() == "c.toml:15:17: error: a [[training.domain]]'s 'within_months' must not be longer than "
                          "[training]'s (got 72 and 36)\n");
    }
}

TEST_CASE("[[ce.minimum]] over_months") {
    SUBCASE("read on topic hours and entries, equal to the period or longer") {
        Parsed p = parse_after_period(R"([ce]
hours = 30
[[ce.minimum]]
topic = "suicide-prevention"
hours = 3
over_months = 72
[[ce.minimum]]
topic = "ethics"
entries = 1
over_months = 24
)",
                                      24);
        INFO(p.text());
        REQUIRE(p.credential);
        CHECK(p.text().empty());
        CHECK(p.credential->ce->minimums.at(0).over_months == 72);
        CHECK(p.credential->ce->minimums.at(1).over_months == 24);
    }
    SUBCASE("shorter than the period, or than a level's own months, is refused at the key") {
        Parsed p = parse_after_period("[ce]\nhours = 30\n[[ce.minimum]]\ntopic = \"ethics\"\nhours = 3\nover_months = 23\n", 24);
        CHECK_FALSE(p.credential);
        CHECK(
            p.text() ==
            "c.toml:14:15: error: 'over_months' must be at least the period's months (got 23; a period can be 24 months long)\n");
        Parsed q = parse_after_period("[[level]]\nid = \"full\"\nmonths = 36\n[ce]\nhours = 30\n[[ce.minimum]]\ntopic = "
                                      "\"ethics\"\nhours = 3\nover_months = "
                                      "24\n",
                                      24);
        CHECK_FALSE(q.credential);
        CHECK(
            q.text() ==
            "c.toml:17:15: error: 'over_months' must be at least the period's months (got 24; a period can be 36 months long)\n");
    }
    SUBCASE("not with providers") {
        Parsed p = parse_after_period("[ce]\nhours = 30\n[[ce.minimum]]\nproviders = [\"X\"]\nhours = 3\nover_months = 72\n");
        CHECK_FALSE(p.credential);
        CHECK(p.text() == "c.toml:14:15: error: 'over_months' counts a topic across periods: a [[ce.minimum]] with "
                          "'providers' counts within the period\n");
    }
    SUBCASE("in a [[revision.ce.minimum]], against the longest period any revision sets") {
        Parsed p = parse_after_period(R"([ce]
hours = 30
[[revision]]
effective_from = 2024-01-01
[revision.period]
anchor = "issue-date"
months = 36
[[revision]]
effective_from = 2025-01-01
[revision.ce]
hours = 30
[[revision.ce.minimum]]
topic = "ethics"
hours = 3
over_months = 24
)",
                                      24);
        CHECK_FALSE(p.credential);
        CHECK(
            p.text() ==
            "c.toml:23:15: error: 'over_months' must be at least the period's months (got 24; a period can be 36 months long)\n");
        Parsed q = parse_after_period(
            "[ce]\nhours = 30\n[[revision]]\neffective_from = 2024-01-01\n[revision.ce]\nhours = 30\n[[revision.ce.minimum]]\n"
            "topic = \"ethics\"\nhours = 2\nover_months = 48\n");
        INFO(q.text());
        REQUIRE(q.credential);
        CHECK(q.credential->revisions.at(0).ce->minimums.at(0).over_months == 48);
    }
}

} // namespace credential_ce_keys_test
