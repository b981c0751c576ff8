// Tests for lib/report/report_render_markdown.cpp: what could break a table or turn into markup is
// escaped.

#include "report_render_markdown.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

TEST_CASE("markdown_escape") {
    SUBCASE("a pipe cannot split a cell") { CHECK(markdown_escape("a|b") == "a\\|b"); }
    SUBCASE("line breaks stay inside the cell") {
        CHECK(markdown_escape("one\ntwo") == "one<br>two");
        CHECK(markdown_escape("one\r\ntwo") == "one<br>two");
        CHECK(markdown_escape("one\rtwo") == "one<br>two");
    }
    SUBCASE("HTML is shown, not run") { CHECK(markdown_escape("<script>x</script>") == "\\<script\\>x\\</script\\>"); }
    SUBCASE("emphasis, code, links and entities") {
        CHECK(markdown_escape("*a* _b_ `c` [d](e) &amp; ~f~ #g") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\&amp; \\~f\\~ \\#g");
    }
    SUBCASE("a backslash is itself escaped") { CHECK(markdown_escape("a\\|b") == "a\\\\\\|b"); }
    SUBCASE("ordinary text is untouched") {
        CHECK(markdown_escape("José Núñez, 12.5 h (ethics)") == "José Núñez, 12.5 h (ethics)");
        CHECK(markdown_escape("=HYPERLINK(\"http://x\")") == "=HYPERLINK(\"http://x\")");
    }
}

TEST_CASE("render_markdown writes the summary and an aligned table") {
    Document doc;
    doc.title = "Renewals";
    doc.workspace = "Harbor | Peer";
    doc.as_of = ymd(2026, 11, 23);
    doc.summary = {"2 certifications"};
    Section sec;
    sec.table.columns = {{"Name"}, {"Days left", Align::Right}};
    sec.table.rows.push_back({{"a|b", {}, {}}, {"-3", {}, {}}});
    sec.table.rows.push_back({{"\x1b[31mRed", {}, {}}, {"", {}, {}}});
    doc.sections.push_back(sec);
    CHECK(render_markdown(doc) == "# Renewals\n\n"
                                  "Workspace: Harbor \\| Peer · as of 2026-11-23\n\n"
                                  "**2 certifications**\n\n"
                                  "| Name | Days left |\n"
                                  "| --- | ---: |\n"
                                  "| a\\|b | -3 |\n"
                                  "| \\\\x1B\\[31mRed | |\n");
}

TEST_CASE("render_markdown shows the empty text instead of an empty table") {
    Document doc;
    doc.title = "Roster";
    doc.workspace = "W";
    doc.as_of = ymd(2026, 11, 23);
    Section sec;
    sec.table.columns = {{"ID"}};
    sec.empty = "No specialists.";
    doc.sections.push_back(sec);
    CHECK(render_markdown(doc) == "# Roster\n\nWorkspace: W · as of 2026-11-23\n\n_No specialists._\n");
}
