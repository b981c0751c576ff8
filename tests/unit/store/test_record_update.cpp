// Tests for lib/store/record_update.cpp: the text an append or a certification writes.

#include "record_update.hpp"

#include "test_support.hpp"

using namespace peerctl;

TEST_CASE("append_text") {
    SUBCASE("LF file: a blank line, then the entry") {
        CHECK(append_text("id = \"a\"\n", "[[ce]]\nhours = 1\n") == "id = \"a\"\n\n[[ce]]\nhours = 1\n");
    }
    SUBCASE("a file without a final newline gets one first") {
        CHECK(append_text("id = \"a\"", "[[ce]]\n") == "id = \"a\"\n\n[[ce]]\n");
    }
    SUBCASE("an empty file is the entry alone") { CHECK(append_text("", "[[ce]]\n") == "[[ce]]\n"); }
    SUBCASE("CRLF file: every new line ends in CRLF") {
        CHECK(append_text("id = \"a\"\r\nname = \"A\"\r\n", "[[ce]]\nhours = 1\n") ==
              "id = \"a\"\r\nname = \"A\"\r\n\r\n[[ce]]\r\nhours = 1\r\n");
        CHECK(append_text("id = \"a\"\r\nname = \"A\"", "[[ce]]\n") == "id = \"a\"\r\nname = \"A\"\r\n\r\n[[ce]]\r\n");
    }
}

TEST_CASE("certify_text keeps a CRLF file's line ends") {
    std::string error;
    std::vector<Field> fields{{"issued", "2026-01-02"}};
    auto out = certify_text("id = \"a\"\r\nname = \"A\"\r\n\r\n[credentials.ct-rss]\r\n", "ct-rss", fields, error);
    REQUIRE_MESSAGE(out, error);
    CHECK(*out == "id = \"a\"\r\nname = \"A\"\r\n\r\n[credentials.ct-rss]\r\nissued = 2026-01-02\r\n");
    out = certify_text("id = \"a\"\nname = \"A\"\n\n[credentials.ct-rss]\n", "ct-rss", fields, error);
    REQUIRE_MESSAGE(out, error);
    CHECK(*out == "id = \"a\"\nname = \"A\"\n\n[credentials.ct-rss]\nissued = 2026-01-02\n");
}
