#pragma once
// A fast reader for the plain subset of TOML that records are written in (bare keys, one-line
// strings, integers, decimals, dates, string arrays, [table.name] and [[array]] headers). For bulk
// reads of a large registry, toml++ 3.3.0 spends most of the time decoding and allocating a node
// per value; this reads bytes into a PlainDoc: a few flat arrays, reused from one file to the
// next, whose strings are views into the text.
//
// It answers only when it is sure: any construct outside the subset, and anything invalid, gives
// no answer, and the caller parses with toml++, which also gives the positioned diagnostics. The
// documents it builds carry no source positions, so callers use it only where positions are not
// shown. A differential test checks it (as parse_plain_toml) against toml++ on every fixture and
// on mutated inputs.

#include <toml++/toml.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

class PlainDoc;

// A table of a PlainDoc: its entries in the order written, linked by PlainEntry::next.
struct PlainTable {
    const PlainDoc* doc = nullptr;
    std::uint32_t first = UINT32_MAX; // its first entry
    std::uint32_t last = UINT32_MAX;  // its last entry
    std::uint32_t next = UINT32_MAX;  // the next table of the same [[array]]
    std::uint32_t size = 0;           // how many entries
    bool implicit = false;            // made by a [name.sub] header, not by [name]
};

struct PlainValue {
    enum class Kind : std::uint8_t { String, Integer, Float, Boolean, Day, Strings, Table, Tables };
    Kind kind = Kind::String;
    bool boolean = false;
    toml::date date;
    std::string_view text; // a String: in the text, or in the document where it had escapes
    std::int64_t integer = 0;
    double number = 0;
    // Strings: the document's strings [first, first + count). Table: the table `first`.
    // Tables: the tables `first` to `last` (linked by PlainTable::next), `count` of them.
    std::uint32_t first = UINT32_MAX;
    std::uint32_t last = UINT32_MAX;
    std::uint32_t count = 0;
};

struct PlainEntry {
    std::string_view key;
    PlainValue value;
    std::uint32_t next = UINT32_MAX;
};

class PlainDoc {
public:
    static constexpr std::uint32_t none = UINT32_MAX;

    // Reads `text`, which must outlive any use of what was read. False when the reader cannot
    // answer, which includes any text prescan_toml would reject (with its default limits): a
    // record read here needs no pre-scan. Each call reuses the memory of the last.
    bool parse(std::string_view text);

    const PlainTable& root() const { return tables_.front(); }
    const PlainTable& table(std::uint32_t i) const { return tables_[i]; }
    const PlainEntry& entry(std::uint32_t i) const { return entries_[i]; }
    std::string_view string(std::uint32_t i) const { return strings_[i]; }

private:
    friend class PlainParser;
    std::vector<PlainTable> tables_;
    std::vector<PlainEntry> entries_;
    std::vector<std::string_view> strings_;
    std::deque<std::string> unescaped_; // strings that had escapes (a deque: views stay valid)
};

// The same reading as a toml++ table (for the differential tests).
std::optional<toml::table> parse_plain_toml(std::string_view text);

} // namespace peerctl
