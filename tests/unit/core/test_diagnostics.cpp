// Tests for lib/core/diagnostics.cpp: compiler-style formatting, stable ordering, typo suggestions.

#include "diagnostics.hpp"

#include "test_support.hpp"

using namespace peerctl;

TEST_CASE("format(Diagnostic)") {
    SUBCASE("line and column") {
        Diagnostic d{Severity::Error, "specialists/jdoe.toml", {14, 9}, "hours must be greater than 0 (got -2)"};
        CHECK(format(d) == "specialists/jdoe.toml:14:9: error: hours must be greater than 0 (got -2)");
    }
    SUBCASE("line without column") {
        Diagnostic d{Severity::Warning, "a.toml", {3, 0}, "something"};
        CHECK(format(d) == "a.toml:3: warning: something");
    }
    SUBCASE("no position: the file as a whole") {
        Diagnostic d{Severity::Error, "a.toml", {0, 0}, "the file is empty"};
        CHECK(format(d) == "a.toml: error: the file is empty");
    }
    SUBCASE("a column without a line is not printed") {
        Diagnostic d{Severity::Warning, "a.toml", {0, 5}, "x"};
        CHECK(format(d) == "a.toml: warning: x");
    }
}

TEST_CASE("Diagnostics counts") {
    Diagnostics diags;
    CHECK_FALSE(diags.has_errors());
    diags.warning("a.toml", {1, 1}, "w");
    CHECK_FALSE(diags.has_errors());
    diags.error("a.toml", {2, 1}, "e");
    diags.add({Severity::Warning, "a.toml", {3, 1}, "w2"});
    CHECK(diags.has_errors());
    CHECK(diags.error_count() == 1);
    CHECK(diags.warning_count() == 2);
    CHECK(diags.items().size() == 3);

    SUBCASE("append keeps both lists and counts") {
        Diagnostics more;
        more.error("b.toml", {1, 1}, "e2");
        more.error("b.toml", {1, 2}, "e3");
        diags.append(more);
        CHECK(diags.error_count() == 3);
        CHECK(diags.warning_count() == 2);
        REQUIRE(diags.items().size() == 5);
        CHECK(diags.items()[4].message == "e3");
    }
}

TEST_CASE("Diagnostics::sort") {
    Diagnostics diags;
    diags.error("b.toml", {1, 1}, "b1");
    diags.error("a.toml", {10, 2}, "a10:2");
    diags.warning("a.toml", {2, 5}, "a2:5");
    diags.error("a.toml", {10, 1}, "a10:1");
    diags.error("a.toml", {0, 0}, "a-whole");
    diags.warning("a.toml", {2, 5}, "a2:5-second"); // same position: keeps insertion order
    diags.sort();

    std::vector<std::string> order;
    for (const auto& d : diags.items())
        order.push_back(d.message);
    // By file, then line (0 first: the whole file), then column; ties keep their order.
    CHECK(order == std::vector<std::string>{"a-whole", "a2:5", "a2:5-second", "a10:1", "a10:2", "b1"});
    SUBCASE("lines compare as numbers, not text") {
        CHECK(diags.items()[3].pos.line == 10);
        CHECK(diags.items()[1].pos.line == 2);
    }
    CHECK(diags.error_count() == 4);
}

TEST_CASE("did_you_mean") {
    std::vector<std::string> topics{"advocacy", "ethics", "peer-support", "recovery-wellness"};
    SUBCASE("one letter added") { CHECK(did_you_mean("ethicks", topics) == "ethics"); }
    SUBCASE("one letter changed") { CHECK(did_you_mean("advocasy", topics) == "advocacy"); }
    SUBCASE("an exact match is its own suggestion") { CHECK(did_you_mean("ethics", topics) == "ethics"); }
    SUBCASE("a distant word gets nothing") {
        CHECK(did_you_mean("zzz", topics) == "");
        CHECK(did_you_mean("finance", topics) == "");
    }
    SUBCASE("no candidates") { CHECK(did_you_mean("ethics", {}) == ""); }
    SUBCASE("the limit is a third of the word's length, at least 1, at most 3") {
        // "abc": 3 / 3 = 1 edit allowed.
        CHECK(did_you_mean("abc", {"abd"}) == "abd");
        CHECK(did_you_mean("abc", {"axy"}) == "");
        // "ab": 2 / 3 = 0, raised to 1.
        CHECK(did_you_mean("ab", {"ax"}) == "ax");
        // "abcdef": 6 / 3 = 2 edits.
        CHECK(did_you_mean("abcdef", {"abcdxy"}) == "abcdxy");
        CHECK(did_you_mean("abcdef", {"abcxyz"}) == "");
        // 15 letters: 15 / 3 = 5, capped at 3.
        CHECK(did_you_mean("abcdefghijklmno", {"abcdefghijklxyz"}) == "abcdefghijklxyz");
        CHECK(did_you_mean("abcdefghijklmno", {"abcdefghijkwxyz"}) == "");
    }
    SUBCASE("a swap of two neighbouring letters is one edit") {
        // "titel": 5 / 3 = 1 edit allowed; a plain Levenshtein distance would be 2.
        CHECK(did_you_mean("titel", {"title", "date"}) == "title");
        CHECK(did_you_mean("ehtics", topics) == "ethics");
    }
    SUBCASE("the start of a longer candidate, from 3 letters") {
        CHECK(did_you_mean("eth", topics) == "ethics");
        CHECK(did_you_mean("recovery", topics) == "recovery-wellness");
        // 2 letters are not enough: "et" is 4 edits from "ethics".
        CHECK(did_you_mean("et", topics) == "");
    }
    SUBCASE("an empty or very long word gets nothing") {
        CHECK(did_you_mean("", {"a"}) == "");
        // 65 letters, one edit from a 64-letter candidate: too long to be an id.
        CHECK(did_you_mean(std::string(65, 'a'), {std::string(64, 'a')}) == "");
        CHECK(did_you_mean(std::string(64, 'a'), {std::string(63, 'a') + "b"}) == std::string(63, 'a') + "b");
    }
    SUBCASE("the closest wins; a tie goes to the first") {
        CHECK(did_you_mean("ethicz", {"ethos", "ethics"}) == "ethics");
        CHECK(did_you_mean("cat", {"bat", "hat"}) == "bat");
    }
}

// Found by fuzzing: messages quoted the first 64 bytes of an unknown credential id, which can end
// inside a multi-byte character and leave a message that is not valid UTF-8.
TEST_CASE("utf8_prefix") {
    SUBCASE("short text is whole") {
        CHECK(utf8_prefix("ct-rss", 64) == "ct-rss");
        CHECK(utf8_prefix("", 3) == "");
        CHECK(utf8_prefix("abc", 3) == "abc");
    }
    SUBCASE("ASCII is cut at the limit") { CHECK(utf8_prefix("abcdef", 4) == "abcd"); }
    SUBCASE("a character that does not fit is left out whole") {
        CHECK(utf8_prefix("abcé", 4) == "abc");            // é is 2 bytes: C3 A9
        CHECK(utf8_prefix("ab\xEF\xBB\xBFz", 4) == "ab");  // U+FEFF is 3 bytes
        CHECK(utf8_prefix("a\xF0\x9F\x98\x80", 4) == "a"); // U+1F600 is 4 bytes
        CHECK(utf8_prefix("a\xF0\x9F\x98\x80z", 5) == "a\xF0\x9F\x98\x80");
    }
}
