// Tests for lib/report/report_render_html.cpp: escaping, and a page that holds no scripts and no
// external assets whatever the records say.

#include "report_render_html.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

TEST_CASE("html_escape escapes every character with a meaning in HTML") {
    CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
    CHECK(html_escape("a & b") == "a &amp; b");
    CHECK(html_escape("\"x\" 'y'") == "&quot;x&quot; &#39;y&#39;");
    CHECK(html_escape("&amp;") == "&amp;amp;");
    CHECK(html_escape("José Núñez") == "José Núñez");
    CHECK(html_escape("") == "");
}

namespace {

Document hostile_document() {
    Document doc;
    doc.title = "Renewals <b>";
    doc.workspace = "W&W";
    doc.as_of = ymd(2026, 11, 23);
    doc.summary = {"1 certification"};
    Section sec;
    sec.table.columns = {{"Name", Align::Left, 10}, {"State"}, {"CE hours"}, {"Days left", Align::Right}};
    sec.table.rows.push_back({{"<script>alert(1)</script>", Tone::Plain, {}},
                              {"lapsed", Tone::Bad, {}},
                              {"15 / 60 h", Tone::Plain, std::pair{Hours::whole(15), Hours::whole(60)}},
                              {"-3", Tone::Plain, {}}});
    sec.table.rows.push_back({{"\x1b[31mRed\x1b]0;t\x07", Tone::Plain, {}},
                              {"active", Tone::Good, {}},
                              {"75 / 60 h", Tone::Plain, std::pair{Hours::whole(75), Hours::whole(60)}},
                              {"10", Tone::Plain, {}}});
    doc.sections.push_back(sec);
    return doc;
}

} // namespace

TEST_CASE("render_html escapes record text and keeps states readable without colour") {
    std::string page = render_html(hostile_document());
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("<h1>W&amp;W: Renewals &lt;b&gt;</h1>") != std::string::npos);
    CHECK(page.find("W&amp;W") != std::string::npos);
    SUBCASE("control characters are shown, never sent") {
        CHECK(page.find('\x1b') == std::string::npos);
        CHECK(page.find('\x07') == std::string::npos);
        CHECK(page.find("\\x1B[31mRed\\x1B]0;t\\x07") != std::string::npos);
    }
    SUBCASE("states in colour and in words") {
        CHECK(page.find("<span class=\"tone bad\">lapsed</span>") != std::string::npos);
        CHECK(page.find("<span class=\"tone good\">active</span>") != std::string::npos);
    }
    SUBCASE("progress bars, capped at 100 %") {
        CHECK(page.find("aria-label=\"15 of 60 h, 25%\"><span style=\"width:25%\">") != std::string::npos);
        CHECK(page.find("<span class=\"bar done\" role=\"img\" aria-label=\"75 of 60 h, 100%\"><span style=\"width:100%\">") !=
              std::string::npos);
    }
    SUBCASE("header: as-of date and workspace") {
        CHECK(page.find("<time datetime=\"2026-11-23\">2026-11-23</time>") != std::string::npos);
    }
}

TEST_CASE("render_html names credentials beside their ids and explains the terms, every text escaped") {
    Document doc = hostile_document();
    doc.workspace = "Org <script>alert(\"o\")</script> '\x1b[2J";
    doc.sections[0].table.columns.push_back({"Credential"});
    doc.sections[0].table.rows[0].push_back({"ct-rss", Tone::Plain, {}, "CT <script>x</script> \"Recovery\"\x07 Specialist"});
    doc.sections[0].table.rows[1].push_back({"pa-cps", Tone::Plain, {}, ""});
    doc.legend = {{"<b>due</b>", "deadline \x1b[31m<i>soon</i>"}};
    std::string page = render_html(doc);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find('\x1b') == std::string::npos);
    CHECK(page.find('\x07') == std::string::npos);
    CHECK(page.find("<h1>Org &lt;script&gt;alert(&quot;o&quot;)&lt;/script&gt; &#39;\\x1B[2J: Renewals &lt;b&gt;</h1>") !=
          std::string::npos);
    CHECK(page.find("<span class=\"named\">CT &lt;script&gt;x&lt;/script&gt; &quot;Recovery&quot;\\x07 Specialist <span "
                    "class=\"muted\">(ct-rss)</span></span>") != std::string::npos);
    CHECK(page.find("<td>pa-cps</td>") != std::string::npos); // no name: the id alone
    CHECK(page.find("<h2>Key</h2>") != std::string::npos);
    CHECK(page.find("<dt>&lt;b&gt;due&lt;/b&gt;</dt><dd>deadline \\x1B[31m&lt;i&gt;soon&lt;/i&gt;</dd>") != std::string::npos);
}

TEST_CASE("render_html is self-contained") {
    std::string page = render_html(hostile_document());
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"") != std::string::npos);
    for (const char* external : {"http://", "https://", "<link", "<script", "<img", "url("}) {
        INFO(external);
        CHECK(page.find(external) == std::string::npos);
    }
}

TEST_CASE("render_html says so when a table is empty") {
    Document doc;
    doc.title = "Roster";
    doc.as_of = ymd(2026, 11, 23);
    Section sec;
    sec.table.columns = {{"ID"}};
    sec.empty = "No specialists in this workspace.";
    doc.sections.push_back(sec);
    std::string page = render_html(doc);
    CHECK(page.find("<p class=\"empty\">No specialists in this workspace.</p>") != std::string::npos);
    CHECK(page.find("<table>") == std::string::npos);
}
