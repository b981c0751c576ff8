// parse_csv: what Excel, Google Sheets and HR systems write, each row with the line it starts on.

#include "csv_table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace peerctl;

namespace {

std::vector<std::string> cells(const CsvTable& t, std::size_t row) { return t.rows.at(row).cells; }

} // namespace

TEST_CASE("csv: a byte order mark is not part of the first header") {
    Diagnostics diags;
    auto t = parse_csv("\xEF\xBB\xBFID,Name\njdoe,Jane\n", "r.csv", diags);
    REQUIRE(t);
    CHECK(cells(*t, 0) == std::vector<std::string>{"ID", "Name"});
    CHECK(t->delimiter == ',');
}

TEST_CASE("csv: ';' when the header line has more semicolons than commas, CRLF line ends") {
    Diagnostics diags;
    auto t = parse_csv("ID;Name;Site, area\r\njdoe;Doe, Jane\r\nmlopez;Lopez\r\n", "r.csv", diags);
    REQUIRE(t);
    CHECK(t->delimiter == ';');
    CHECK(cells(*t, 1) == std::vector<std::string>{"jdoe", "Doe, Jane"});
    CHECK(cells(*t, 2) == std::vector<std::string>{"mlopez", "Lopez"});
    CHECK(t->rows[2].line == 3);
}

TEST_CASE("csv: quoted fields hold newlines and doubled quotes; rows keep their first line") {
    Diagnostics diags;
    auto t = parse_csv("ID,Note\na,\"two\r\nlines\"\r\n\r\nb,\"say \"\"hi\"\"\"\n", "r.csv", diags);
    REQUIRE(t);
    REQUIRE(t->rows.size() == 3);
    CHECK(cells(*t, 1)[1] == "two\r\nlines");
    CHECK(t->rows[1].line == 2);
    CHECK(cells(*t, 2)[1] == "say \"hi\"");
    CHECK(t->rows[2].line == 5);
}

TEST_CASE("csv: a quote left open is an error at the line of its row") {
    Diagnostics diags;
    auto t = parse_csv("ID,Name\na,ok\nb,\"open\nmore\n", "r.csv", diags);
    CHECK_FALSE(t);
    REQUIRE(diags.items().size() == 1);
    CHECK(format(diags.items()[0]).starts_with("r.csv:3: error:"));
}

TEST_CASE("csv: text that is not UTF-8 is refused at its row") {
    Diagnostics diags;
    CHECK_FALSE(parse_csv("ID,Name\na,Garc\xED"
                          "a\n",
                          "r.csv", diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(format(diags.items()[0]).starts_with("r.csv:2: error:"));
}
