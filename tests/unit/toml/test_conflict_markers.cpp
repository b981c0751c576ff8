// Tests for lib/toml/conflict_markers.cpp: git's conflict markers reported by line, through the
// pre-scan every loader runs.

#include "conflict_markers.hpp"

#include "test_support.hpp"
#include "toml_guard.hpp"

using namespace peerctl;

TEST_CASE("conflict markers are reported at each conflict's first line, and only in a file that has one") {
    Diagnostics diags;
    std::string text = "id = \"x\"\r\n<<<<<<< ours\r\nname = \"A\"\r\n=======\r\nname = \"B\"\r\n>>>>>>> theirs\r\n"
                       "<<<<<<< HEAD\nid = 2\n";
    CHECK(report_conflict_markers(text, "s/x.toml", diags) == 2);
    REQUIRE(diags.items().size() == 2);
    CHECK(format(diags.items()[0]) ==
          "s/x.toml:2:1: error: merge conflict marker: git could not merge lines 2-6: ours (above the '=======' line 4) and "
          "theirs (below it) differ; keep the right one, delete the marker lines, then 'git add' the file");
    CHECK(format(diags.items()[1]) ==
          "s/x.toml:7:1: error: merge conflict marker: a conflict opened here is not closed by a '>>>>>>>' line");

    // A heading underlined in a note is no marker; nor is a longer run of '<'.
    Diagnostics none;
    CHECK(report_conflict_markers("note = \"\"\"\nTitle\n=======\n\"\"\"\nx = \"<<<<<<<<\"\n", "n.toml", none) == 0);
    CHECK(none.items().empty());
    CHECK(prescan_toml("note = \"\"\"\nTitle\n=======\n\"\"\"\n", "n.toml", {}, none));
    // The pre-scan stops at the markers, before toml++ could say only that it "saw '<'".
    CHECK_FALSE(prescan_toml("\xEF\xBB\xBF<<<<<<< ours\n=======\n>>>>>>> theirs\n", "b.toml", {}, none));
    REQUIRE(none.items().size() == 1);
    CHECK(none.items()[0].pos.line == 1);
}
