// TableReader: the keys a table knows are the keys it was asked for (and those declared with
// known()), so warn_unknown() needs no list of its own.

#include "toml_reader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace peerctl;

namespace {

const std::string file = "r.toml"; // the reader keeps a reference to the name

std::vector<std::string> warnings(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items())
        out.push_back(format(d));
    return out;
}

} // namespace

TEST_CASE("TableReader: keys read are known, others warn with a suggestion among the read ones") {
    Diagnostics diags;
    auto table = parse_toml("date = 2025-01-01\ntitel = \"x\"\nhours = 2\nzzz = 1\n", file, diags);
    REQUIRE(table);
    TableReader r(*table, file, diags, "[[ce]]");
    CHECK(r.date("date"));
    CHECK(r.hours("hours"));
    CHECK_FALSE(r.string("title")); // asked for, absent: still a key the table knows
    r.warn_unknown();
    CHECK(warnings(diags) == std::vector<std::string>{
                                 "r.toml:2:1: warning: unknown key 'titel' in [[ce]]; did you mean 'title'?",
                                 "r.toml:4:1: warning: unknown key 'zzz' in [[ce]]",
                             });
}

TEST_CASE("TableReader: known() declares keys read elsewhere; has() and choice() count as reads") {
    Diagnostics diags;
    auto table = parse_toml("fee = 5\nkind = \"work\"\nnote = 1\n", file, diags);
    REQUIRE(table);
    TableReader r(*table, file, diags, "[[x]]");
    r.known({"fee"});
    CHECK(r.choice("kind", {"work", "volunteer"}));
    CHECK(r.has("note"));
    r.warn_unknown();
    CHECK(diags.items().empty());
}
