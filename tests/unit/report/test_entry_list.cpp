// Tests for lib/report/entry_list.cpp: rows in file order with what the
// evaluation said of each.

#include "entry_list.hpp"

#include "record_loader.hpp"
#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

TEST_CASE("entry_rows: file order, references per kind, and the evaluation's reasons") {
    static const CredentialSet rules = test::builtin_credentials();
    Diagnostics diags;
    auto rec = load_record(R"(id = "t"
name = "T"
[credentials.icrc-pr]
issued = 2024-04-01
[[ce]]
date = 2024-05-01
hours = 2
title = "A"
[[training]]
date = 2024-01-01
hours = 46
[[ce]]
date = 2024-06-01
hours = 1.5
title = "B"
void = "duplicate"
)",
                           "t.toml", rules, {}, diags);
    INFO(test::dump(diags));
    REQUIRE(rec);
    SpecialistStatus s = evaluate(*rec, rules, ymd(2025, 1, 1), true);
    std::vector<EntryRow> rows = entry_rows(*rec, s, std::nullopt);
    REQUIRE(rows.size() == 3);
    CHECK(entry_ref(rows[0].kind, rows[0].number) == "ce:1");
    CHECK(entry_ref(rows[1].kind, rows[1].number) == "training:1");
    CHECK(entry_ref(rows[2].kind, rows[2].number) == "ce:2");
    CHECK(rows[0].counts_for == std::vector<std::string>{"icrc-pr"});
    CHECK(rows[2].counts_for.empty());
    REQUIRE(rows[2].not_counted.size() == 1);
    CHECK(rows[2].not_counted[0].reason == "void: duplicate");
    std::vector<EntryRow> ce = entry_rows(*rec, s, EntryKind::Ce);
    REQUIRE(ce.size() == 2);
    CHECK(ce[1].number == 2);
}
