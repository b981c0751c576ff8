// parse_plain_toml must never disagree with toml++: whenever it answers, toml++ parses the same
// text to an equal table, and prescan_toml (which the fast path of load_record skips) passes it.
// Checked on every TOML file in the repository and on many mutations.

#include "fast_toml.hpp"
#include "toml_guard.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <vector>

using namespace peerctl;
namespace fs = std::filesystem;

namespace {

std::string fast_toml_slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Returns false when the fast reader answered and toml++ disagrees.
bool agrees(const std::string& text, int* answered = nullptr) {
    Diagnostics d;
    auto fast = parse_plain_toml(text);
    if (!prescan_toml(text, "t.toml", GuardLimits{}, d)) return !fast;
    if (!fast) return true;
    if (answered) ++*answered;
    try {
        toml::table full = toml::parse(text, std::string_view("t.toml"));
        return full == *fast;
    } catch (const toml::parse_error&) {
        return false;
    }
}

std::vector<std::string> repository_toml() {
    std::vector<std::string> out;
    for (const char* dir : {PEERCTL_SOURCE_DATA_DIR, PEERCTL_SOURCE_DATA_DIR "/../tests"}) {
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            if (it->is_regular_file(ec) && it->path().extension() == ".toml" && it->file_size(ec) < 1 << 20)
                out.push_back(fast_toml_slurp(it->path()));
        }
    }
    return out;
}

} // namespace

TEST_CASE("parse_plain_toml reads the plain subset") {
    auto t = parse_plain_toml("id = \"x\" # c\nn = -3\nh = 2.25\nd = 2024-02-29\nb = true\n"
                              "a = [\"e\", 'f',]\n\n[credentials.ct-rss]\nissued = 2024-01-01\n"
                              "[[ce]]\ntitle = \"q\\\"\\u00e9\\t\"\n[[ce]]\r\nhours = 1\r\n");
    REQUIRE(t);
    CHECK((*t)["id"].value<std::string>() == "x");
    CHECK((*t)["n"].value<std::int64_t>() == -3);
    CHECK((*t)["h"].value<double>() == 2.25);
    CHECK((*t)["d"].value<toml::date>() == toml::date{2024, 2, 29});
    CHECK((*t)["b"].value<bool>() == true);
    CHECK((*t)["a"].as_array()->size() == 2);
    CHECK((*t)["credentials"]["ct-rss"]["issued"].value<toml::date>() == toml::date{2024, 1, 1});
    CHECK((*t)["ce"][0]["title"].value<std::string>() == "q\"\xC3\xA9\t");
    CHECK((*t)["ce"][1]["hours"].value<std::int64_t>() == 1);
}

TEST_CASE("parse_plain_toml leaves everything else to toml++") {
    for (const char* text :
         {"a.b = 1\n", "\"q\" = 1\n", "a = \"\"\"x\"\"\"\n", "a = {b = 1}\n", "a = 1e3\n", "a = 1_000\n", "a = 0x10\n",
          "a = 2024-01-01T10:00:00\n", "a = 2024-01-01 10:00:00\n", "a = [1, 2]\n", "a = 1\na = 2\n", "[a]\n[a]\n",
          "[a]\n[a.b]\n", "[[a]]\n[a.b]\n", "a = [\n\"x\"]\n", "[ a ]\n", "a = 01\n", "a = inf\n", "a = nan\n", "a = \"\\x\"\n",
          "a = \"\\uD800\"\n", "a\n", "[a.b.c]\n", "a = 1 b = 2\n", "a = 1.\n", "a = \"x\r\"\n",
          // What prescan_toml rejects, the fast reader never reads.
          "a = 2023-02-29\n", "a = 2024-04-31\n", "2024-02-30 = 1\n", "2024-01-01T = 1\n", "[2024-13-01]\n", "a = \"x\x01\"\n",
          "a = 'x\x7F'\n", "a = \"\xC3\"\n", "# \xFF\n", "a = 1 # \x02\n"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_plain_toml(text));
    }
}

TEST_CASE("parse_plain_toml agrees with toml++ on every TOML file in the repository") {
    int answered = 0, files = 0;
    for (const auto& text : repository_toml()) {
        ++files;
        CHECK(agrees(text, &answered));
    }
    CHECK(files > 50);
    // Most records are plain: the fast reader must actually be used.
    CHECK(answered * 2 > files);
}

TEST_CASE("parse_plain_toml agrees with toml++ on mutated records") {
    std::vector<std::string> seeds = repository_toml();
    REQUIRE(!seeds.empty());
    std::mt19937_64 rng(20261123);
    const std::string alphabet = "[]=\"'.,#\n\r\t -+0123456789abcdeT:_{}\\ux\x01\x7F\xC3\xA9\xFF";
    int answered = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string text = seeds[rng() % seeds.size()];
        if (text.empty()) continue;
        int edits = 1 + static_cast<int>(rng() % 3);
        for (int e = 0; e < edits; ++e) {
            std::size_t at = rng() % text.size();
            switch (rng() % 3) {
            case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
            case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            default: text.erase(at, 1 + rng() % 4); break;
            }
            if (text.empty()) break;
        }
        bool ok = agrees(text, &answered);
        if (!ok) {
            CAPTURE(text);
            CHECK(ok);
        }
    }
    CHECK(answered > 1000);
}
