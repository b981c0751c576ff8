// roster_import: headers to keys, rows checked, and what a row changes in a record's text.

#include "roster_import.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace peerctl;

TEST_CASE("roster: common headers are recognised without case or spaces; --map comes first") {
    CHECK(known_header("Employee ID") == RosterKey::Id);
    CHECK(known_header(" e-mail ") == RosterKey::Email);
    CHECK(known_header("Expiration Date") == RosterKey::Expires);
    CHECK(known_header("Certificate #") == RosterKey::Number);
    CHECK(known_header("MANAGER") == RosterKey::Supervisor);
    CHECK_FALSE(known_header("Shoe size"));
    Diagnostics diags;
    CsvRow header{1, {"Badge No", "Name", "Shoe size"}};
    auto map = map_columns(header, {{"badge no", RosterKey::Id}}, "r.csv", diags);
    REQUIRE(map);
    CHECK(map->columns[0] == RosterKey::Id);
    CHECK(map->columns[1] == RosterKey::Name);
    CHECK(map->ignored == std::vector<std::string>{"Shoe size"});
}

TEST_CASE("roster: no id column, or two columns for one key, is an error at the header") {
    Diagnostics diags;
    CHECK_FALSE(map_columns(CsvRow{1, {"Name"}}, {}, "r.csv", diags));
    CHECK_FALSE(map_columns(CsvRow{1, {"ID", "Employee ID"}}, {}, "r.csv", diags));
    CHECK(diags.items().size() == 2);
}

TEST_CASE("roster: dates as ISO or US style, nothing else") {
    CHECK(parse_sheet_date("2025-02-03") == parse_date("2025-02-03"));
    CHECK(parse_sheet_date("2/3/2025") == parse_date("2025-02-03"));
    CHECK(parse_sheet_date("12/31/2024") == parse_date("2024-12-31"));
    CHECK_FALSE(parse_sheet_date("31/12/2024"));
    CHECK_FALSE(parse_sheet_date("2/30/2025"));
    CHECK_FALSE(parse_sheet_date("2/3/25"));
}

TEST_CASE("roster: a changed key is rewritten on its own line; a new one added after the keys") {
    Record rec;
    rec.id = "ana";
    rec.name = "Ana";
    rec.site = "north";
    ImportRow row;
    row.id = "ana";
    row.site = "south";
    row.email = "ana@example.org";
    std::string error;
    auto plan = plan_row(row, &rec, error);
    REQUIRE(plan);
    CHECK(describe_plan(*plan) == std::vector<std::string>{"email \"ana@example.org\" (new)", "site \"north\" -> \"south\""});
    std::string original = "id = \"ana\"  # kept\r\nname = \"Ana\"\r\nsite = \"north\"\r\n\r\n[credentials.ct-rss]\r\n";
    auto text = apply_plan(original, row, *plan, error);
    REQUIRE(text);
    CHECK(*text == "id = \"ana\"  # kept\r\nname = \"Ana\"\r\nsite = \"south\"\r\nemail = \"ana@example.org\"\r\n\r\n"
                   "[credentials.ct-rss]\r\n");
    rec.site = "south";
    rec.email = "ana@example.org";
    plan = plan_row(row, &rec, error);
    REQUIRE(plan);
    CHECK(plan->empty());
}

TEST_CASE("roster: a missing record needs a name") {
    ImportRow row;
    row.id = "new";
    std::string error;
    CHECK_FALSE(plan_row(row, nullptr, error));
    CHECK(error.find("no name") != std::string::npos);
}
