#pragma once
// TableReader's reads, over a PlainDoc (fast_toml.hpp), for the fast path of load_record: a
// record read this way is kept only when nothing at all was reported, so this reader need not
// say what is wrong, only that something is. Where TableReader would report anything (a missing
// or mistyped key, a value out of range, a key nobody read), it adds an error, the record is
// dropped, and toml++ reads the file again to say what, and where. Values read are exactly
// TableReader's, without positions.

#include "fast_toml.hpp"
#include "toml_reader.hpp"

#include <cstdint>

namespace peerctl {

class PlainReader {
public:
    using Table = PlainTable;

    PlainReader(const PlainTable& table, const std::string& file, Diagnostics& diags, std::string_view what);

    Position pos() const { return {}; }
    Position pos(std::string_view) const { return {}; }

    std::optional<std::string> string(std::string_view key, bool required = false);
    std::optional<Date> date(std::string_view key, bool required = false);
    std::optional<Hours> hours(std::string_view key, bool required = false);
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max, bool required = false);
    std::vector<std::pair<std::string, Position>> strings_at(std::string_view key, bool required = false);
    std::optional<std::string> choice(std::string_view key, std::span<const std::string_view> allowed, bool required = false);
    std::optional<std::string> choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                                      bool required = false) {
        return choice(key, std::span<const std::string_view>(allowed.begin(), allowed.size()), required);
    }
    const PlainTable* table(std::string_view key);
    std::vector<const PlainTable*> tables(std::string_view key);
    static std::vector<TableMember<PlainTable>> members(const PlainTable& table);
    void warn_unknown();

private:
    // The value of `key`, marked as read; null when absent (then a failure if `required`).
    const PlainValue* get(std::string_view key, bool required);
    void fail();

    const PlainTable& table_;
    const std::string& file_;
    Diagnostics& diags_;
    std::uint64_t read_ = 0; // which entries were read, by their place in the table
};

} // namespace peerctl
