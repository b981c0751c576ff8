// Tests for lib/store/record_merge.cpp (and lib/toml/toml_layout.cpp): the three-way merge of record
// files that git runs as `peerctl merge-file`, checked against the built-in credentials.

#include "record_merge.hpp"

#include "builtin_fixture.hpp"
#include "toml_guard.hpp"
#include "toml_layout.hpp"

#include <fmt/core.h>

using namespace peerctl;

namespace {

const char* const merge_base = R"(# Jordan's record; site north.
id = "jdoe"
name = "Jordan Doe"

[credentials.ct-rss]
issued = 2025-04-01

[[ce]]
date = 2026-01-10
hours = 2
title = "WRAP refresher"
topics = ["peer-support"]
)";

std::string merge_entry(std::string_view date, std::string_view title, std::string_view hours = "3") {
    return fmt::format("\n[[ce]]\ndate = {}\nhours = {}\ntitle = \"{}\"\ntopics = [\"ethics\"]\n", date, hours, title);
}

// The errors of `text` as a record of the built-in credentials, as merge-file checks a merge.
std::vector<std::string> merge_check(std::string_view text) {
    static const test::Builtins builtins;
    Diagnostics diags;
    load_record(text, "specialists/jdoe.toml", builtins.set, {}, diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items())
        if (d.severity == Severity::Error) out.push_back(d.message);
    return out;
}

MergeOutcome merge3(std::string_view base, std::string_view ours, std::string_view theirs) {
    return merge_record_text(base, ours, theirs, merge_check);
}

std::size_t merge_count(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

// A clean merge: no markers, and a record with no errors.
void merge_require_clean(const MergeOutcome& m) {
    INFO(m.text);
    CHECK(m.conflicts == 0);
    CHECK_FALSE(m.whole_file);
    CHECK(merge_count(m.text, "<<<<<<<") == 0);
    CHECK(merge_check(m.text).empty());
}

} // namespace

TEST_CASE("toml_layout gives the text back, block by block") {
    std::string text =
        std::string(merge_base) + merge_entry("2026-02-01", "Ethics") +
        "\n# a comment above\n[[training]] # trailing\ndate = 2024-01-01\nhours = 8\n"
        "title = \"\"\"\n[[not a header]]\nx = 1\n\"\"\"\ndomain = \"ethics\"\nprovider = \"P\"\n"
        "\n[[ce]]\ndate = 2026-03-01\nhours = 1\ntitle = 'a # b'\ntopics = [\n  \"ethics\", # one\n  \"advocacy\",\n]\n"
        "\n# the end\n";
    auto layout = toml_layout(text);
    REQUIRE(layout);
    CHECK(layout->text() == text);
    REQUIRE(layout->blocks.size() == 6);
    CHECK(layout->blocks[0].items.size() == 2);
    CHECK(layout->blocks[0].items[0].text == "# Jordan's record; site north.\nid = \"jdoe\"\n");
    CHECK(layout->blocks[1].name == "credentials.ct-rss");
    CHECK(layout->blocks[4].header == "\n# a comment above\n[[training]] # trailing\n");
    CHECK(layout->blocks[4].items.size() == 5); // the multi-line title is one item
    CHECK(layout->blocks[5].items.back().key == "topics");
    CHECK(layout->blocks[2].items[0].value() == "2026-01-10");
    CHECK(layout->tail == "\n# the end\n");
    CHECK_FALSE(toml_layout("id = \n"));
}

TEST_CASE("merge: entries added on both sides are all kept, in date order") {
    std::string ours = std::string(merge_base) + merge_entry("2026-03-05", "Ethics and boundaries");
    std::string theirs = std::string(merge_base) + merge_entry("2026-02-20", "Trauma-informed care") +
                         merge_entry("2026-03-09", "Boundaries, part 2");
    MergeOutcome m = merge3(merge_base, ours, theirs);
    merge_require_clean(m);
    CHECK(m.text == std::string(merge_base) + merge_entry("2026-02-20", "Trauma-informed care") +
                        merge_entry("2026-03-05", "Ethics and boundaries") + merge_entry("2026-03-09", "Boundaries, part 2"));
    // And the other way round: the same entries.
    MergeOutcome back = merge3(merge_base, theirs, ours);
    CHECK(back.text == m.text);
}

TEST_CASE("merge: the same entry added on both sides is kept once") {
    std::string both = std::string(merge_base) + merge_entry("2026-03-05", "Ethics and boundaries");
    std::string ours = both + merge_entry("2026-03-07", "Only ours");
    MergeOutcome m = merge3(merge_base, ours, both + merge_entry("2026-03-06", "Only theirs"));
    merge_require_clean(m);
    CHECK(merge_count(m.text, "Ethics and boundaries") == 1);
    CHECK(merge_count(m.text, "Only ours") == 1);
    CHECK(merge_count(m.text, "Only theirs") == 1);
    CHECK(merge_count(m.text, "[[ce]]") == 4);
}

TEST_CASE("merge: a key changed on one side takes that change; the same change on both is one") {
    std::string renamed = merge_base;
    renamed.replace(renamed.find("Jordan Doe"), 10, "Jordan Q. Doe");
    std::string ours = renamed + merge_entry("2026-03-05", "Ethics");
    MergeOutcome m = merge3(merge_base, ours, std::string(merge_base) + merge_entry("2026-03-06", "Advocacy"));
    merge_require_clean(m);
    CHECK(merge_count(m.text, "name = \"Jordan Q. Doe\"") == 1);
    CHECK(merge_count(m.text, "Jordan Doe") == 0);
    CHECK(merge_count(m.text, "[[ce]]") == 3);

    MergeOutcome same = merge3(merge_base, renamed + merge_entry("2026-03-05", "Ethics"), renamed);
    merge_require_clean(same);
    CHECK(same.text == renamed + merge_entry("2026-03-05", "Ethics"));
    // A certification added under a table on one side, an entry on the other.
    std::string certified = merge_base;
    certified.replace(certified.find("issued = 2025-04-01\n"), 20, "number = \"RSS-1\"\nissued = 2025-04-01\n");
    MergeOutcome table = merge3(merge_base, certified, std::string(merge_base) + merge_entry("2026-03-06", "Advocacy"));
    merge_require_clean(table);
    CHECK(merge_count(table.text, "[credentials.ct-rss]\nnumber = \"RSS-1\"\nissued = 2025-04-01\n") == 1);
}

TEST_CASE("merge: a key changed differently on both sides is a conflict, with markers validate points at") {
    std::string ours = merge_base, theirs = merge_base;
    ours.replace(ours.find("Jordan Doe"), 10, "Jordan A");
    theirs.replace(theirs.find("Jordan Doe"), 10, "Jordan B");
    MergeOutcome m = merge3(merge_base, ours + merge_entry("2026-03-05", "Ethics"), theirs);
    INFO(m.text);
    CHECK(m.conflicts == 1);
    CHECK_FALSE(m.whole_file);
    CHECK(merge_count(m.text, "<<<<<<< ours\nname = \"Jordan A\"\n=======\nname = \"Jordan B\"\n>>>>>>> theirs\n") == 1);
    CHECK(merge_count(m.text, "Ethics") == 1); // the rest merged all the same
    Diagnostics diags;
    CHECK_FALSE(prescan_toml(m.text, "specialists/jdoe.toml", {}, diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(format(diags.items()[0]) ==
          "specialists/jdoe.toml:3:1: error: merge conflict marker: git could not merge lines 3-7: ours (above the "
          "'=======' line 5) and theirs (below it) differ; keep the right one, delete the marker lines, then 'git add' "
          "the file");
}

TEST_CASE("merge: an entry voided on one side is void, whatever the other side appends") {
    std::string voided = merge_base;
    voided.replace(voided.find("[[ce]]\n"), 7, "[[ce]]\nvoid = \"duplicate\"\nvoided = 2026-03-01\n");
    MergeOutcome m = merge3(merge_base, std::string(merge_base) + merge_entry("2026-03-05", "Ethics"), voided);
    merge_require_clean(m);
    CHECK(merge_count(m.text, "[[ce]]\nvoid = \"duplicate\"\nvoided = 2026-03-01\ndate = 2026-01-10\n") == 1);
    CHECK(merge_count(m.text, "[[ce]]") == 2);
    // Voided on both sides with different reasons: a conflict, not a guess.
    std::string other = merge_base;
    other.replace(other.find("[[ce]]\n"), 7, "[[ce]]\nvoid = \"wrong person\"\nvoided = 2026-03-01\n");
    CHECK(merge3(merge_base, voided, other).conflicts == 1);
    // Edited on one side (the hours), voided on the other: both changes.
    std::string edited = merge_base;
    edited.replace(edited.find("hours = 2"), 9, "hours = 2.5");
    MergeOutcome both = merge3(merge_base, edited, voided);
    merge_require_clean(both);
    CHECK(merge_count(both.text, "void = \"duplicate\"\nvoided = 2026-03-01\ndate = 2026-01-10\nhours = 2.5\n") == 1);
}

TEST_CASE("merge: a side that does not parse gives whole-file markers, never a loss") {
    std::string ours = std::string(merge_base) + merge_entry("2026-03-05", "Ethics");
    std::string theirs = std::string(merge_base) + "[[ce]\ndate = 2026-03-06\n";
    MergeOutcome m = merge3(merge_base, ours, theirs);
    CHECK(m.whole_file);
    CHECK(m.conflicts == 1);
    CHECK(m.reason == "theirs does not parse as TOML");
    CHECK(m.text == "<<<<<<< ours\n" + ours + "=======\n" + theirs + ">>>>>>> theirs\n");
    // A merge that parses but would not be valid is refused the same way (the check here finds an
    // error in any text that has both new entries: neither side has it).
    MergeOutcome refused =
        merge_record_text(merge_base, ours, std::string(merge_base) + merge_entry("2026-03-06", "A"), [&](std::string_view text) {
            return text.find("\"A\"") != std::string_view::npos && text.find("Ethics") != std::string_view::npos
                       ? std::vector<std::string>{"not both"}
                       : std::vector<std::string>{};
        });
    CHECK(refused.whole_file);
    CHECK(refused.reason == "the merged file would not be valid: not both");
}

TEST_CASE("merge: CRLF files stay CRLF, and merge like any other") {
    auto crlf = [](std::string s) {
        std::string out;
        for (char c : s)
            out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    };
    std::string base = crlf(merge_base);
    std::string ours = crlf(std::string(merge_base) + merge_entry("2026-03-05", "Ethics"));
    std::string theirs = std::string(merge_base) + merge_entry("2026-03-06", "Advocacy"); // LF from another editor
    MergeOutcome m = merge3(base, ours, theirs);
    merge_require_clean(m);
    CHECK(m.text == crlf(std::string(merge_base) + merge_entry("2026-03-05", "Ethics") + merge_entry("2026-03-06", "Advocacy")));
}

TEST_CASE("merge: a file added on both sides, and entries with tables of their own") {
    std::string ours = std::string(merge_base) + merge_entry("2026-03-05", "Ethics");
    MergeOutcome m = merge3("", ours, std::string(merge_base) + merge_entry("2026-03-06", "Advocacy"));
    merge_require_clean(m);
    CHECK(merge_count(m.text, "[[ce]]") == 3);

    const char* rules = "id = \"x\"\n\n[[revision]]\neffective_from = 2026-01-01\n[revision.ce]\nhours = 40\n";
    std::string a = std::string(rules) + "\n[[revision]]\neffective_from = 2027-01-01\n[revision.ce]\nhours = 30\n";
    std::string b = std::string(rules);
    b.replace(b.find("hours = 40"), 10, "hours = 45");
    auto no_errors = [](std::string_view) { return std::vector<std::string>{}; };
    MergeOutcome c = merge_record_text(rules, a, b, no_errors);
    INFO(c.text);
    CHECK(c.conflicts == 0);
    CHECK(c.text == std::string(rules).replace(std::string(rules).find("hours = 40"), 10, "hours = 45") +
                        "\n[[revision]]\neffective_from = 2027-01-01\n[revision.ce]\nhours = 30\n");
}
