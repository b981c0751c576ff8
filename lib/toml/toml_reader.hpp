#pragma once
// Typed reads from a toml++ table that turn every mistake into a positioned diagnostic, and
// warn about keys nobody read (toml++ has no schema of its own): the reader remembers each key
// it was asked for, so that the keys a table knows are written once, where they are read.

#include "dates.hpp"
#include "diagnostics.hpp"
#include "hours.hpp"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

Position position_of(const toml::node& node);

// Parses text that passed the pre-scan; on a syntax error adds it and returns nullopt.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, Diagnostics& diags);

// A member of a table that is read as a whole (a record's [credentials.<id>] tables).
template <class Table>
struct TableMember {
    std::string_view key;
    Position key_pos;
    const Table* table = nullptr; // null when the value is not a table
    Position pos;                 // the value's
    std::string_view type;        // the value's, as type_name says it
};

class TableReader {
public:
    using Table = toml::table;

    // `what` names the table in messages: "[[ce]]", "the record".
    TableReader(const toml::table& table, const std::string& file, Diagnostics& diags, std::string what);

    Position pos() const { return position_of(table_); }
    Position pos(std::string_view key) const;
    bool has(std::string_view key) {
        note(key);
        return table_.contains(key);
    }
    // True when the key holds the number 0 (where 0 means "none").
    bool is_zero(std::string_view key);

    std::optional<std::string> string(std::string_view key, bool required = false);
    std::optional<Date> date(std::string_view key, bool required = false);
    std::optional<Hours> hours(std::string_view key, bool required = false);
    std::optional<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max, bool required = false);
    std::optional<bool> boolean(std::string_view key);
    std::vector<std::string> strings(std::string_view key, bool required = false);
    // The same, with each element's position.
    std::vector<std::pair<std::string, Position>> strings_at(std::string_view key, bool required = false);
    // An array of whole numbers, each from min to max, with each element's position.
    std::vector<std::pair<std::int64_t, Position>> integers_at(std::string_view key, std::int64_t min, std::int64_t max,
                                                               bool required = false);
    // One of `allowed`; anything else is an error naming them.
    std::optional<std::string> choice(std::string_view key, std::span<const std::string_view> allowed, bool required = false);
    std::optional<std::string> choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                                      bool required = false) {
        return choice(key, std::span<const std::string_view>(allowed.begin(), allowed.size()), required);
    }
    const toml::table* table(std::string_view key);
    // An array of tables (`[[key]]`); an error if the key holds anything else.
    std::vector<const toml::table*> tables(std::string_view key);
    // Every member of `table`, in key order.
    static std::vector<TableMember<toml::table>> members(const toml::table& table);

    // Keys this table knows although they are read through another reader (or not at all).
    void known(std::initializer_list<std::string_view> keys) {
        for (auto key : keys)
            note(key);
    }
    // Each key that was neither read nor declared known: a warning, with a suggestion among the
    // known keys (in the order they were first asked for).
    void warn_unknown();

private:
    void note(std::string_view key);
    const toml::node* get(std::string_view key, bool required, std::string_view expected);
    void wrong_type(const toml::node& node, std::string_view key, std::string_view expected);

    const toml::table& table_;
    const std::string& file_;
    Diagnostics& diags_;
    std::string what_;
    std::vector<std::string> known_;
};

std::string_view type_name(const toml::node& node);

} // namespace peerctl
