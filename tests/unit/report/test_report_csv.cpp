// Tests for lib/report/report_render_csv.cpp: RFC 4180 quoting and the guard against spreadsheet
// formula injection.

#include "report_render_csv.hpp"

#include "test_support.hpp"

using namespace peerctl;

TEST_CASE("csv_cell quotes what RFC 4180 requires") {
    SUBCASE("plain text stays as it is") { CHECK(csv_cell("Avery Martin") == "Avery Martin"); }
    SUBCASE("empty") { CHECK(csv_cell("") == ""); }
    SUBCASE("a comma") { CHECK(csv_cell("Doe, Jordan") == "\"Doe, Jordan\""); }
    SUBCASE("double quotes are doubled") { CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\""); }
    SUBCASE("line breaks") {
        CHECK(csv_cell("a\nb") == "\"a\nb\"");
        CHECK(csv_cell("a\r\nb") == "\"a\r\nb\"");
    }
    SUBCASE("non-ASCII is kept") { CHECK(csv_cell("José Núñez") == "José Núñez"); }
    SUBCASE("a pipe or semicolon needs no quotes") { CHECK(csv_cell("a|b;c") == "a|b;c"); }
}

TEST_CASE("csv_cell neutralises formulas") {
    SUBCASE("each trigger character") {
        CHECK(csv_cell("=1+1") == "'=1+1");
        CHECK(csv_cell("+SUM(A1:A9)") == "'+SUM(A1:A9)");
        CHECK(csv_cell("-2+3") == "'-2+3");
        CHECK(csv_cell("@SUM(1)") == "'@SUM(1)");
        CHECK(csv_cell("\tx") == "'\tx");
    }
    SUBCASE("a leading CR is prefixed, then quoted") { CHECK(csv_cell("\r=1") == "\"'\r=1\""); }
    SUBCASE("prefixed and quoted") {
        CHECK(csv_cell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
        CHECK(csv_cell("=cmd|' /C calc'!A0,x") == "\"'=cmd|' /C calc'!A0,x\"");
    }
    SUBCASE("only the first character matters") {
        CHECK(csv_cell("a=1") == "a=1");
        CHECK(csv_cell("CPS-12") == "CPS-12");
    }
    SUBCASE("numbers we wrote are left alone") {
        CHECK(csv_cell("-53", true) == "-53");
        CHECK(csv_cell("12.5", true) == "12.5");
    }
}

TEST_CASE("render_csv writes one header row, CRLF line ends and neutralised cells") {
    Document doc;
    doc.flat.columns = {{"id"}, {"name"}, {"days_left", Align::Right, 0, true}};
    doc.flat.rows.push_back({{"a", {}, {}}, {"=HYPERLINK(\"http://x\")", {}, {}}, {"-3", {}, {}}});
    doc.flat.rows.push_back({{"b", {}, {}}, {"\x1b[31mRed\x1b[0m", {}, {}}, {"12", {}, {}}});
    doc.flat.rows.push_back({{"c", {}, {}}}); // short rows are padded with empty fields
    CHECK(render_csv(doc) == "id,name,days_left\r\n"
                             "a,\"'=HYPERLINK(\"\"http://x\"\")\",-3\r\n"
                             "b,\\x1B[31mRed\\x1B[0m,12\r\n"
                             "c,,\r\n");
}

TEST_CASE("render_csv of an empty report is the header row") {
    Document doc;
    doc.flat.columns = {{"id"}, {"name"}};
    CHECK(render_csv(doc) == "id,name\r\n");
}
