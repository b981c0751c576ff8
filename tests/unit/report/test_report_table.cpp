// Tests for lib/report/report_render_table.cpp: aligned columns, fitted to a width with an ellipsis,
// record text neutralised, colour only when asked.

#include "report_render_table.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

TEST_CASE("truncate_display") {
    CHECK(truncate_display("Avery Martin", 20) == "Avery Martin");
    CHECK(truncate_display("Avery Martin", 12) == "Avery Martin");
    CHECK(truncate_display("Avery Martin", 6) == "Avery\u2026");
    CHECK(truncate_display("José Núñez", 5) == "José\u2026");
    CHECK(truncate_display("Núñez", 3) == "Nú\u2026");
    CHECK(truncate_display("abc", 1) == "\u2026");
    CHECK(truncate_display("abc", 0) == "");
}

namespace {

Document doc_with(std::vector<std::vector<Cell>> rows) {
    Document doc;
    doc.title = "Renewals";
    doc.workspace = "W";
    doc.as_of = ymd(2026, 11, 23);
    doc.summary = {"2 certifications"};
    Section sec;
    sec.table.columns = {{"ID"}, {"Name", Align::Left, 6}, {"Days left", Align::Right}, {"State"}};
    sec.table.rows = std::move(rows);
    sec.empty = "Nothing.";
    doc.sections.push_back(sec);
    return doc;
}

Cell c(std::string text, Tone tone = Tone::Plain) { return {std::move(text), tone, {}}; }

} // namespace

TEST_CASE("render_table aligns columns and trims trailing spaces") {
    Document doc = doc_with(
        {{c("a"), c("Avery Martin"), c("-3"), c("lapsed", Tone::Bad)}, {c("bb"), c("José"), c("120"), c("active", Tone::Good)}});
    CHECK(render_table(doc, {}) == "Renewals \u00b7 W \u00b7 as of 2026-11-23\n"
                                   "2 certifications\n"
                                   "\n"
                                   "ID  NAME          DAYS LEFT  STATE\n"
                                   "a   Avery Martin         -3  lapsed\n"
                                   "bb  José                120  active\n");
}

TEST_CASE("render_table fits a width by cutting the cuttable columns") {
    Document doc = doc_with({{c("a"), c("Avery Martin"), c("-3"), c("lapsed")}});
    // Without a limit the row is 2+2+12+2+9+2+6 = 35 columns; at 30 the name loses 5.
    CHECK(render_table(doc, {Style{}, 30}) == "Renewals \u00b7 W \u00b7 as of 2026-11-23\n"
                                              "2 certifications\n"
                                              "\n"
                                              "ID  NAME     DAYS LEFT  STATE\n"
                                              "a   Avery\u2026          -3  lapsed\n");
    SUBCASE("never below the column's minimum: the line stays wider instead") {
        std::string narrow = render_table(doc, {Style{}, 10});
        CHECK(narrow.find("Avery\u2026 ") != std::string::npos);
    }
}

TEST_CASE("render_table neutralises control characters in record text") {
    Document doc = doc_with({{c("x"), c("\x1b[31mRed\x1b[0m"), c("1"), c("active")}});
    std::string out = render_table(doc, {});
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find("\\x1B[31mRed\\x1B[0m") != std::string::npos);
    SUBCASE("C1 controls and DEL too") {
        Document d1 = doc_with({{c("x"),
                                 c("a\xc2\x9b"
                                   "2Jb\x7f"),
                                 c("1"), c("active")}});
        CHECK(render_table(d1, {}).find("a\\u009B2Jb\\x7F") != std::string::npos);
    }
}

TEST_CASE("render_table colours states only with a colour style") {
    Document doc = doc_with({{c("x"), c("X"), c("1"), c("lapsed", Tone::Bad)}});
    CHECK(render_table(doc, {Style{false}, std::nullopt}).find('\x1b') == std::string::npos);
    std::string coloured = render_table(doc, {Style{true}, std::nullopt});
    CHECK(coloured.find("\x1b[31mlapsed\x1b[0m") != std::string::npos);
}

TEST_CASE("render_table shows the empty text") {
    Document doc = doc_with({});
    CHECK(render_table(doc, {}).find("\nNothing.\n") != std::string::npos);
}
