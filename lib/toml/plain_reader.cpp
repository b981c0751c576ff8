#include "plain_reader.hpp"

#include <algorithm>

namespace peerctl {

PlainReader::PlainReader(const PlainTable& table, const std::string& file, Diagnostics& diags, std::string_view)
    : table_(table), file_(file), diags_(diags) {
    // Only the first 64 entries can be marked read; a larger table is left to toml++.
    if (table_.size > 64) fail();
}

void PlainReader::fail() { diags_.error(file_, {}, "the fast reader leaves this record to toml++"); }

const PlainValue* PlainReader::get(std::string_view key, bool required) {
    const PlainDoc& doc = *table_.doc;
    unsigned k = 0;
    for (std::uint32_t i = table_.first; i != PlainDoc::none; i = doc.entry(i).next, ++k)
        if (doc.entry(i).key == key) {
            if (k < 64) read_ |= std::uint64_t{1} << k;
            return &doc.entry(i).value;
        }
    if (required) fail();
    return nullptr;
}

std::optional<std::string> PlainReader::string(std::string_view key, bool required) {
    const PlainValue* v = get(key, required);
    if (!v) return std::nullopt;
    if (v->kind != PlainValue::Kind::String || (v->text.empty() && required)) {
        fail();
        return std::nullopt;
    }
    return std::string(v->text);
}

std::optional<Date> PlainReader::date(std::string_view key, bool required) {
    const PlainValue* v = get(key, required);
    if (!v) return std::nullopt;
    if (v->kind == PlainValue::Kind::Day) {
        Date out{date::year{v->date.year}, date::month{v->date.month}, date::day{v->date.day}};
        if (in_range(out)) return out;
    }
    fail();
    return std::nullopt;
}

std::optional<Hours> PlainReader::hours(std::string_view key, bool required) {
    const PlainValue* v = get(key, required);
    if (!v) return std::nullopt;
    Hours out;
    HoursError err = HoursError::None;
    if (v->kind == PlainValue::Kind::Integer) err = hours_from_integer(v->integer, out);
    else if (v->kind == PlainValue::Kind::Float) err = hours_from_double(v->number, out);
    if ((v->kind != PlainValue::Kind::Integer && v->kind != PlainValue::Kind::Float) || err != HoursError::None) {
        fail();
        return std::nullopt;
    }
    return out;
}

std::optional<std::int64_t> PlainReader::integer(std::string_view key, std::int64_t min, std::int64_t max, bool required) {
    const PlainValue* v = get(key, required);
    if (!v) return std::nullopt;
    if (v->kind != PlainValue::Kind::Integer || v->integer < min || v->integer > max) {
        fail();
        return std::nullopt;
    }
    return v->integer;
}

std::vector<std::pair<std::string, Position>> PlainReader::strings_at(std::string_view key, bool required) {
    std::vector<std::pair<std::string, Position>> out;
    const PlainValue* v = get(key, required);
    if (!v) return out;
    if (v->kind != PlainValue::Kind::Strings) {
        fail();
        return out;
    }
    out.reserve(v->count);
    for (std::uint32_t i = 0; i < v->count; ++i)
        out.emplace_back(std::string(table_.doc->string(v->first + i)), Position{});
    return out;
}

std::optional<std::string> PlainReader::choice(std::string_view key, std::span<const std::string_view> allowed, bool required) {
    auto v = string(key, required);
    if (!v) return std::nullopt;
    if (std::find(allowed.begin(), allowed.end(), *v) != allowed.end()) return v;
    fail();
    return std::nullopt;
}

const PlainTable* PlainReader::table(std::string_view key) {
    const PlainValue* v = get(key, false);
    if (!v) return nullptr;
    if (v->kind == PlainValue::Kind::Table) return &table_.doc->table(v->first);
    fail();
    return nullptr;
}

std::vector<const PlainTable*> PlainReader::tables(std::string_view key) {
    std::vector<const PlainTable*> out;
    const PlainValue* v = get(key, false);
    if (!v) return out;
    // An empty array (`key = []`) holds no tables, and toml++ says nothing of it either.
    if (v->kind == PlainValue::Kind::Strings && v->count == 0) return out;
    if (v->kind != PlainValue::Kind::Tables) {
        fail();
        return out;
    }
    out.reserve(v->count);
    for (std::uint32_t t = v->first; t != PlainDoc::none; t = table_.doc->table(t).next)
        out.push_back(&table_.doc->table(t));
    return out;
}

// In key order, as a toml++ table (a std::map) iterates.
std::vector<TableMember<PlainTable>> PlainReader::members(const PlainTable& table) {
    std::vector<TableMember<PlainTable>> out;
    const PlainDoc& doc = *table.doc;
    for (std::uint32_t i = table.first; i != PlainDoc::none; i = doc.entry(i).next) {
        const PlainValue& v = doc.entry(i).value;
        bool is_table = v.kind == PlainValue::Kind::Table;
        out.push_back({doc.entry(i).key, {}, is_table ? &doc.table(v.first) : nullptr, {}, is_table ? "a table" : "a value"});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    return out;
}

void PlainReader::warn_unknown() {
    std::uint64_t all = table_.size >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << table_.size) - 1;
    if (read_ != all) fail();
}

} // namespace peerctl
