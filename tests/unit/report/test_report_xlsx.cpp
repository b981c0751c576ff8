// Tests for lib/report/report_render_xlsx.cpp: the flat table as typed cells, fills and widths.

#include "report_render_xlsx.hpp"

#include "test_support.hpp"

using namespace peerctl;

namespace {

Cell sheet_cell(std::string text, Tone tone = Tone::Plain) { return Cell{std::move(text), tone, {}}; }

Table sheet_table() {
    Table t;
    t.columns = {Column{"id"}, Column{"state"}, date_column("expires"), Column{"days_left", Align::Right, 0, true},
                 Column{"note"}};
    t.rows = {{sheet_cell("a"), sheet_cell("lapsed", Tone::Bad), sheet_cell("2026-10-01"), sheet_cell("-60"),
               sheet_cell("=HYPERLINK(\"x\")")},
              {sheet_cell("b"), sheet_cell("active", Tone::Good), sheet_cell(""), sheet_cell("12.25"), sheet_cell("bell\x07")},
              {sheet_cell("c"), sheet_cell("due", Tone::Warn), sheet_cell("not a date"), sheet_cell("n/a"), sheet_cell("")},
              {sheet_cell("d"), sheet_cell("grace", Tone::Urgent), sheet_cell("2027-02-28"), sheet_cell("90"), sheet_cell("x")}};
    return t;
}

} // namespace

TEST_CASE("xlsx_sheet types the cells by their column") {
    SheetGrid g = xlsx_sheet(sheet_table(), "Renewals");
    CHECK(g.name == "Renewals");
    CHECK(g.header == std::vector<std::string>{"id", "state", "expires", "days_left", "note"});
    REQUIRE(g.rows.size() == 4);
    const auto& a = g.rows[0].cells;
    CHECK(a[0].kind == SheetCell::Kind::Text);
    CHECK(a[0].text == "a");
    CHECK(a[2].kind == SheetCell::Kind::Day);
    CHECK(a[2].date == *parse_date("2026-10-01"));
    CHECK(a[3].kind == SheetCell::Kind::Number);
    CHECK(a[3].number == -60);
    CHECK(g.rows[1].cells[3].number == 12.25);
    SUBCASE("an empty value is an empty cell, whatever its column") {
        CHECK(g.rows[1].cells[2].kind == SheetCell::Kind::Empty);
        CHECK(g.rows[2].cells[4].kind == SheetCell::Kind::Empty);
    }
    SUBCASE("a value that does not read as its column's type stays text, never lost") {
        CHECK(g.rows[2].cells[2].kind == SheetCell::Kind::Text);
        CHECK(g.rows[2].cells[2].text == "not a date");
        CHECK(g.rows[2].cells[3].kind == SheetCell::Kind::Text);
        CHECK(g.rows[2].cells[3].text == "n/a");
    }
}

TEST_CASE("xlsx_sheet's text reads as the CSV's: formulas guarded, control characters shown") {
    SheetGrid g = xlsx_sheet(sheet_table(), "Renewals");
    CHECK(g.rows[0].cells[4].text == "'=HYPERLINK(\"x\")");
    CHECK(g.rows[1].cells[4].text == "bell\\x07");
}

TEST_CASE("xlsx_sheet fills a row by its state's tone") {
    SheetGrid g = xlsx_sheet(sheet_table(), "Renewals");
    CHECK(g.rows[0].fill == SheetFill::Lapsed);
    CHECK(g.rows[1].fill == SheetFill::None);
    CHECK(g.rows[2].fill == SheetFill::Due);
    CHECK(g.rows[3].fill == SheetFill::Urgent);
}

TEST_CASE("xlsx_sheet's column widths fit the widest value, within reason") {
    Table t = sheet_table();
    t.rows[1][4].text = std::string(200, 'x');
    SheetGrid g = xlsx_sheet(t, "Renewals");
    REQUIRE(g.widths.size() == 5);
    CHECK(g.widths[0] == 4);  // "id" and a margin
    CHECK(g.widths[1] == 8);  // "lapsed", "active"
    CHECK(g.widths[2] == 12); // "not a date" is as wide as a date
    CHECK(g.widths[3] == 11); // "days_left"
    CHECK(g.widths[4] == 62); // cut at 60
}
