// Tests for lib/check/check_cache.cpp: the stamp comparison, the racy window and the file format
// (round trip, escaping, and that any damage empties the cache instead of serving it).

#include "check_cache.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

namespace {

constexpr std::int64_t second = 1'000'000'000;

FileStamp stamp(std::int64_t mtime, std::int64_t ctime) { return FileStamp{3200, mtime, ctime, 42, 7}; }

CachedRecord sample() {
    CheckItem item;
    item.id = "s1";
    item.credential = "ct-rss";
    item.state = State::Grace;
    item.deadline = {ymd(2026, 12, 20), DeadlineKind::GraceEnd};
    item.expires = ymd(2026, 11, 20);
    item.submit_by = ymd(2026, 10, 6);
    item.ce_remaining = Hours::from_centi(250);
    item.missing = "ethics 3 h,\ttab\\back\nnewline";
    item.period_missing = "no co-supervision 2026-07-16 to 2026-10-15,\tx";
    CheckItem without = item;
    without.submit_by.reset();
    return {stamp(100 * second, 101 * second), "s1", {2, 6}, {item, without}};
}

} // namespace

TEST_CASE("is_racy: changed within two seconds of the start, or after it") {
    std::int64_t start = 1000 * second;
    CHECK_FALSE(is_racy(stamp(start - 2 * second - 1, start - 2 * second - 1), start));
    CHECK(is_racy(stamp(start - 2 * second, start - 3 * second), start));  // mtime at the edge
    CHECK(is_racy(stamp(start - 3 * second, start - 2 * second), start));  // ctime at the edge
    CHECK(is_racy(stamp(start - 3 * second, start + 5 * second), start));  // changed after the start
    CHECK(is_racy(stamp(start + 60 * second, start - 3 * second), start)); // an mtime in the future
}

TEST_CASE("CheckCache round trip, and only an identical stamp finds an entry") {
    CheckCache cache("input\tx\n");
    cache.put("a.toml", sample());
    cache.put("b.toml", sample());
    std::string text = cache.serialize();
    auto back = CheckCache::parse(text, "input\tx\n");
    REQUIRE(back.has_value());
    CHECK(back->size() == 2);
    CHECK(back->serialize() == text);
    CachedRecord* hit = back->find("a.toml", sample().stamp);
    REQUIRE(hit != nullptr);
    CHECK(hit->id == "s1");
    CHECK(hit->id_pos.line == 2);
    CHECK(hit->id_pos.column == 6);
    REQUIRE(hit->items.size() == 2);
    CHECK(hit->items[0].missing == sample().items[0].missing);
    CHECK(hit->items[0].period_missing == sample().items[0].period_missing);
    CHECK(hit->items[0].state == State::Grace);
    CHECK(hit->items[0].deadline.date == ymd(2026, 12, 20));
    CHECK(hit->items[0].deadline.kind == DeadlineKind::GraceEnd);
    CHECK(hit->items[0].expires == ymd(2026, 11, 20));
    CHECK(hit->items[0].submit_by == ymd(2026, 10, 6));
    CHECK_FALSE(hit->items[1].submit_by);
    CHECK(hit->items[0].ce_remaining == Hours::from_centi(250));
    CHECK(hit->items[0].id == "s1");
    CHECK(back->find("c.toml", sample().stamp) == nullptr);
    for (int field = 0; field < 5; ++field) {
        FileStamp other = sample().stamp;
        switch (field) {
        case 0: other.size += 1; break;
        case 1: other.mtime_ns += 1; break;
        case 2: other.ctime_ns += 1; break;
        case 3: other.inode += 1; break;
        case 4: other.device += 1; break;
        }
        CAPTURE(field);
        CHECK(back->find("a.toml", other) == nullptr);
    }
}

TEST_CASE("CheckCache::parse refuses other inputs and any damage") {
    CheckCache cache("input\tx\n");
    cache.put("a.toml", sample());
    cache.put("b.toml", sample());
    std::string text = cache.serialize();
    CHECK_FALSE(CheckCache::parse(text, "input\ty\n"));
    CHECK_FALSE(CheckCache::parse("", "input\tx\n"));
    CHECK_FALSE(CheckCache::parse(text.substr(0, text.size() - 1), "input\tx\n")); // cut short
    // Every cut that ends inside the records is refused (one at a line end is a smaller cache).
    std::size_t header = CheckCache::header("input\tx\n").size();
    for (std::size_t cut = header; cut < text.size(); ++cut) {
        auto got = CheckCache::parse(text.substr(0, cut), "input\tx\n");
        if (got) CHECK(text[cut - 1] == '\n');
    }
    std::string swapped = text;
    swapped.replace(swapped.find("record\ta.toml"), 13, "record\tz.toml"); // out of name order
    CHECK_FALSE(CheckCache::parse(swapped, "input\tx\n"));
    std::string bad_state = text;
    bad_state.replace(bad_state.find("grace"), 5, "bogus");
    CHECK_FALSE(CheckCache::parse(bad_state, "input\tx\n"));
    std::string bad_kind = text;
    bad_kind.replace(bad_kind.find("grace-end"), 9, "grace-out");
    CHECK_FALSE(CheckCache::parse(bad_kind, "input\tx\n"));
    std::string bad_escape = text;
    bad_escape.replace(bad_escape.find("\\t"), 2, "\\q");
    CHECK_FALSE(CheckCache::parse(bad_escape, "input\tx\n"));
}
