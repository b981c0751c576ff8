// Tests for lib/output/output_text.cpp: the one UTF-8 decoder, each format's sanitiser at the edges of
// every class it must stop (C0, DEL, C1, bidi, invalid UTF-8, '|' and newlines for Nagios), and
// the checkers the fuzz targets hold the renderers to.

#include "output_text.hpp"

#include "test_support.hpp"

#include <nlohmann/json.hpp>

using namespace peerctl;

TEST_CASE("decode_utf8: valid sequences and every kind of invalid one") {
    CHECK(decode_utf8("A", 0).valid);
    CHECK(decode_utf8("\xC2\x80", 0).value == 0x80);
    CHECK(decode_utf8("\xE2\x80\xAE", 0).value == 0x202E);
    CHECK(decode_utf8("\xF0\x9F\x98\x80", 0).value == 0x1F600);
    CHECK(decode_utf8("\xF4\x8F\xBF\xBF", 0).value == 0x10FFFF);
    for (std::string_view bad : {"\x80", "\xBF", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xF0\x80\x80\xAF", // stray, overlong
                                 "\xED\xA0\x80", "\xED\xBF\xBF",                                             // surrogates
                                 "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",                             // past U+10FFFF
                                 "\xC2", "\xE2\x80", "\xF0\x9F\x98", "\xE2\x41\x41"}) {                      // cut short
        CAPTURE(bad);
        CodePoint cp = decode_utf8(bad, 0);
        CHECK_FALSE(cp.valid);
        CHECK(cp.length == 1);
        CHECK_FALSE(is_valid_utf8(bad));
    }
    CHECK(is_valid_utf8("Zoë \xE2\x80\x94 ok"));
}

TEST_CASE("printable: each control class, bidi and invalid UTF-8 shown as escapes") {
    CHECK(printable("plain Zoë") == "plain Zoë");
    CHECK(printable(std::string_view("\0", 1)) == "\\x00");
    CHECK(printable("\x1b[2J") == "\\x1B[2J");
    CHECK(printable("a\nb\tc\r") == "a\\x0Ab\\x09c\\x0D");
    CHECK(printable("\x1f \x20") == "\\x1F  ");
    CHECK(printable("\x7f") == "\\x7F");
    CHECK(printable("~") == "~");
    // C1 is C2 80..C2 9F: the first, the CSI and the last; C2 A0 (no-break space) is text.
    CHECK(printable("\xC2\x80") == "\\u0080");
    CHECK(printable("\xC2\x9B"
                    "31m") == "\\u009B31m");
    CHECK(printable("\xC2\x9F") == "\\u009F");
    CHECK(printable("\xC2\xA0") == "\xC2\xA0");
    // Bidi: the embeddings and overrides, the isolates, LRM/RLM and ALM; neighbours stay.
    for (std::string_view bidi :
         {"\xE2\x80\xAA", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA9", "\xE2\x80\x8E", "\xE2\x80\x8F", "\xD8\x9C"})
        CHECK(printable(bidi).rfind("\\u", 0) == 0);
    CHECK(printable("\xE2\x80\xAE"
                    "cod.exe") == "\\u202Ecod.exe");
    CHECK(printable("\xE2\x80\xAF") == "\xE2\x80\xAF"); // U+202F narrow no-break space
    CHECK(printable("\xE2\x80\x8D") == "\xE2\x80\x8D"); // U+200D zero-width joiner (emoji)
    // Invalid UTF-8, a byte at a time.
    CHECK(printable("a\xFF"
                    "b") == "a\\xFFb");
    CHECK(printable("\xC0\xAF") == "\\xC0\\xAF");
    CHECK(printable("\xED\xA0\x80") == "\\xED\\xA0\\x80");
    CHECK(printable("\xE2\x80") == "\\xE2\\x80");
    // What it writes is safe, and showing it again changes nothing.
    std::string all = "\x01\x1b\x7f\xC2\x9B\xE2\x80\xAE\xFF|\n";
    CHECK(is_terminal_safe(printable(all)));
    CHECK(printable(printable(all)) == printable(all));
}

TEST_CASE("printable_lines: a page keeps its layout, and Style's colours only when asked") {
    CHECK(printable_lines("a\tb\nc\r\n") == "a\tb\nc\\x0D\n");
    CHECK(printable_lines("\x1b[1mid\x1b[0m") == "\\x1B[1mid\\x1B[0m");
    CHECK(printable_lines("\x1b[1mid\x1b[0m", true) == "\x1b[1mid\x1b[0m");
    // Only Style's own sequences: not a clear screen, not conceal (8), not a title.
    CHECK(printable_lines("\x1b[2J\x1b[8m\x1b]0;x\x07", true) == "\\x1B[2J\\x1B[8m\\x1B]0;x\\x07");
    CHECK(is_terminal_safe(printable_lines("\x1b[31mred\x1b[0m\n", true), true));
    CHECK_FALSE(is_terminal_safe("\x1b[31mred\x1b[0m\n"));
}

TEST_CASE("nagios_field: no value can add a line or perfdata") {
    CHECK(nagios_field("Prov | fake=1\nPEERCTL OK - all good") == "Prov \\x7C fake=1\\x0APEERCTL OK - all good");
    CHECK(nagios_field("a\r\nb") == "a\\x0D\\x0Ab");
    CHECK(nagios_field("\xC2\x85") == "\\u0085"); // NEL, a line break to some readers
    std::string line = "PEERCTL WARNING - 1 due | due=1\nWARNING x: " + nagios_field("p | q=1\nPEERCTL OK") + "\n";
    CHECK(is_nagios_safe(line, 2));
    CHECK_FALSE(is_nagios_safe("PEERCTL WARNING - 1 due | due=1\nWARNING x: p | q=1\n", 2));
    CHECK_FALSE(is_nagios_safe("PEERCTL WARNING - 1 due | due=1\nWARNING x\nPEERCTL OK\n", 2));
    CHECK_FALSE(is_nagios_safe("PEERCTL OK - a | b | c\n", 1));
    CHECK_FALSE(is_nagios_safe("PEERCTL OK - a | b\x1b[2J\n", 1));
    CHECK(is_nagios_safe("PEERCTL UNKNOWN - " + nagios_field("bad | x\n") + "\n", 1));
    CHECK_FALSE(is_nagios_safe("PEERCTL UNKNOWN - a | b\n", 1));
}

TEST_CASE("json_text and json_dump: the same value, nothing a terminal acts on") {
    CHECK(json_text("{\"a\": \"x\x7fy\"}") == "{\"a\": \"x\\u007fy\"}");
    CHECK(json_text("\"\xC2\x9B\"") == "\"\\u009b\"");
    CHECK(json_text("\"\xE2\x80\xAE\"") == "\"\\u202e\"");
    CHECK(json_text("\"\xFF\"") == "\"\\ufffd\"");
    CHECK(json_text("[\n  1\n]") == "[\n  1\n]");
    nlohmann::ordered_json j = {{"name", "a\x1b\x7f\xC2\x9B\xE2\x81\xA6z\xFF"}};
    std::string text = json_dump(j, 2);
    CHECK(is_json_safe(text));
    CHECK(text.find("\\u001b") != std::string::npos);
    CHECK(nlohmann::json::parse(text)["name"] == "a\x1b\x7f\xC2\x9B\xE2\x81\xA6z\xEF\xBF\xBD");
    CHECK_FALSE(is_json_safe("\"\x7f\""));
    CHECK_FALSE(is_json_safe("\"\xE2\x80\xAE\""));
    CHECK_FALSE(is_json_safe("\"\xC0\xAF\""));
}

TEST_CASE("toml_escaped: controls and bidi as escapes that parse back to the same text") {
    CHECK(toml_escaped("a\"b\\c") == "a\\\"b\\\\c");
    CHECK(toml_escaped("\t\n\r\b\f") == "\\t\\n\\r\\b\\f");
    CHECK(toml_escaped("\x1b\x7f") == "\\u001B\\u007F");
    CHECK(toml_escaped("\xC2\x9B\xE2\x80\xAE") == "\\u009B\\u202E");
    CHECK(toml_escaped("Zoë") == "Zoë");
}

TEST_CASE("ics_escape: TEXT escapes, controls shown as printable shows them") {
    CHECK(ics_escape("a,b;c\\d") == "a\\,b\\;c\\\\d");
    CHECK(ics_escape("x\r\ny\nz\rw") == "x\\ny\\nz\\nw");
    CHECK(ics_escape("a\tb") == "a b");
    CHECK(ics_escape("\x1b[2J") == "\\\\x1B[2J");
    CHECK(ics_escape("\xC2\x9B\xE2\x80\xAE\xFF") == "\\\\u009B\\\\u202E\\\\xFF");
    CHECK(is_ics_safe("SUMMARY:" + ics_escape("\x1b\xFF\xE2\x80\xAE") + "\r\n"));
    CHECK_FALSE(is_ics_safe("SUMMARY:a\nb\r\n"));
    CHECK_FALSE(is_ics_safe("SUMMARY:a\r\n" + std::string(80, 'x') + "\r\n"));
}

TEST_CASE("is_document_safe: CRLF rows and layout pass, anything raw fails") {
    CHECK(is_document_safe("a,b\r\nc,d\r\n<p>x</p>\n\t"));
    CHECK_FALSE(is_document_safe("a\rb"));
    CHECK_FALSE(is_document_safe("\xC2\x9B"));
    CHECK_FALSE(is_document_safe("\xE2\x81\xA7"));
    CHECK_FALSE(is_document_safe("\xFF"));
}
