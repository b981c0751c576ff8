#include "toml_reader.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

Position position_of(const toml::node& node) {
    const auto& src = node.source();
    return {src.begin.line, src.begin.column};
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file, Diagnostics& diags) {
    try {
        return toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        Position pos{e.source().begin.line, e.source().begin.column};
        diags.error(file, pos, std::string(e.description()));
        return std::nullopt;
    }
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    default: return "nothing";
    }
}

TableReader::TableReader(const toml::table& table, const std::string& file, Diagnostics& diags, std::string what)
    : table_(table), file_(file), diags_(diags), what_(std::move(what)) {}

void TableReader::note(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

Position TableReader::pos(std::string_view key) const {
    const toml::node* n = table_.get(key);
    return n ? position_of(*n) : pos();
}

const toml::node* TableReader::get(std::string_view key, bool required, std::string_view expected) {
    note(key);
    const toml::node* n = table_.get(key);
    if (!n && required) diags_.error(file_, pos(), fmt::format("{} is missing required key '{}' ({})", what_, key, expected));
    return n;
}

void TableReader::wrong_type(const toml::node& node, std::string_view key, std::string_view expected) {
    diags_.error(file_, position_of(node), fmt::format("'{}' must be {} (got {})", key, expected, type_name(node)));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required) {
    const toml::node* n = get(key, required, "a string");
    if (!n) return std::nullopt;
    if (auto v = n->value<std::string>(); v && n->is_string()) {
        if (v->empty() && required) {
            diags_.error(file_, position_of(*n), fmt::format("'{}' must not be empty", key));
            return std::nullopt;
        }
        return v;
    }
    wrong_type(*n, key, "a string");
    return std::nullopt;
}

std::optional<Date> TableReader::date(std::string_view key, bool required) {
    const toml::node* n = get(key, required, "a date such as 2025-03-14");
    if (!n) return std::nullopt;
    if (const auto* d = n->as_date()) {
        const toml::date& v = d->get();
        Date out{date::year{v.year}, date::month{v.month}, date::day{v.day}};
        if (in_range(out)) return out;
        // TOML allows year 0000; peerctl's calendar starts at 0001.
        diags_.error(file_, position_of(*n),
                     fmt::format("'{}' must be between {} and {}", key, to_string(first_date), to_string(last_date)));
        return std::nullopt;
    }
    if (n->is_string() && parse_date(n->value_or(std::string_view{}))) {
        diags_.error(file_, position_of(*n),
                     fmt::format("'{}' is a quoted string: write the date without quotes ({} = {})", key, key,
                                 n->value_or(std::string_view{})));
    } else if (n->is_date_time()) {
        diags_.error(file_, position_of(*n), fmt::format("'{}' must be a date without a time of day (got a date-time)", key));
    } else {
        wrong_type(*n, key, "a date such as 2025-03-14");
    }
    return std::nullopt;
}

bool TableReader::is_zero(std::string_view key) {
    note(key);
    const toml::node* n = table_.get(key);
    if (!n) return false;
    if (const auto* i = n->as_integer(); i && i->get() == 0) return true;
    if (const auto* f = n->as_floating_point(); f && f->get() == 0.0) return true;
    return false;
}

std::optional<Hours> TableReader::hours(std::string_view key, bool required) {
    const toml::node* n = get(key, required, "a number of hours");
    if (!n) return std::nullopt;
    Hours out;
    HoursError err;
    std::string shown;
    if (const auto* i = n->as_integer()) {
        err = hours_from_integer(i->get(), out);
        shown = std::to_string(i->get());
    } else if (const auto* f = n->as_floating_point()) {
        err = hours_from_double(f->get(), out);
        shown = fmt::format("{}", f->get());
    } else {
        wrong_type(*n, key, "a number of hours");
        return std::nullopt;
    }
    if (err != HoursError::None) {
        std::string msg = describe(err);
        if (key != "hours") msg = fmt::format("'{}': {}", key, msg);
        diags_.error(file_, position_of(*n), fmt::format("{} (got {})", msg, shown));
        return std::nullopt;
    }
    return out;
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min, std::int64_t max, bool required) {
    const toml::node* n = get(key, required, "a whole number");
    if (!n) return std::nullopt;
    const auto* i = n->as_integer();
    if (!i) {
        wrong_type(*n, key, "a whole number");
        return std::nullopt;
    }
    if (i->get() < min || i->get() > max) {
        diags_.error(file_, position_of(*n), fmt::format("'{}' must be between {} and {} (got {})", key, min, max, i->get()));
        return std::nullopt;
    }
    return i->get();
}

std::optional<bool> TableReader::boolean(std::string_view key) {
    const toml::node* n = get(key, false, "true or false");
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    wrong_type(*n, key, "true or false");
    return std::nullopt;
}

std::vector<std::string> TableReader::strings(std::string_view key, bool required) {
    std::vector<std::string> out;
    for (auto& [text, position] : strings_at(key, required))
        out.push_back(std::move(text));
    return out;
}

std::vector<std::pair<std::string, Position>> TableReader::strings_at(std::string_view key, bool required) {
    std::vector<std::pair<std::string, Position>> out;
    const toml::node* n = get(key, required, "an array of strings");
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(*n, key, "an array of strings");
        return out;
    }
    for (const auto& item : *arr) {
        if (const auto* s = item.as_string()) out.emplace_back(s->get(), position_of(item));
        else diags_.error(file_, position_of(item), fmt::format("'{}' must hold only strings (got {})", key, type_name(item)));
    }
    return out;
}

std::vector<std::pair<std::int64_t, Position>> TableReader::integers_at(std::string_view key, std::int64_t min, std::int64_t max,
                                                                        bool required) {
    std::vector<std::pair<std::int64_t, Position>> out;
    const toml::node* n = get(key, required, "an array of whole numbers");
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        wrong_type(*n, key, "an array of whole numbers");
        return out;
    }
    for (const auto& item : *arr) {
        const auto* i = item.as_integer();
        if (!i)
            diags_.error(file_, position_of(item),
                         fmt::format("'{}' must hold only whole numbers (got {})", key, type_name(item)));
        else if (i->get() < min || i->get() > max)
            diags_.error(file_, position_of(item),
                         fmt::format("'{}' must hold numbers from {} to {} (got {})", key, min, max, i->get()));
        else out.emplace_back(i->get(), position_of(item));
    }
    return out;
}

std::optional<std::string> TableReader::choice(std::string_view key, std::span<const std::string_view> allowed, bool required) {
    note(key);
    auto list = [&] {
        std::string out;
        for (const auto& a : allowed)
            out += (out.empty() ? "" : ", ") + std::string(a);
        return out;
    };
    if (required && !table_.contains(key)) {
        diags_.error(file_, pos(), fmt::format("{} is missing required key '{}' (one of {})", what_, key, list()));
        return std::nullopt;
    }
    auto v = string(key, required);
    if (!v) return std::nullopt;
    for (const auto& a : allowed)
        if (*v == a) return v;
    std::string hint = did_you_mean(*v, std::vector<std::string>(allowed.begin(), allowed.end()));
    // The value is echoed only when short: it is a token, not free text.
    std::string got = v->size() <= 32 ? fmt::format(" (got '{}')", *v) : "";
    diags_.error(
        file_, pos(key),
        fmt::format("'{}' must be one of {}{}{}", key, list(), got, hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    return std::nullopt;
}

const toml::table* TableReader::table(std::string_view key) {
    const toml::node* n = get(key, false, "a table");
    if (!n) return nullptr;
    if (const auto* t = n->as_table()) return t;
    wrong_type(*n, key, "a table");
    return nullptr;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = get(key, false, "an array of tables");
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
        diags_.error(file_, position_of(*n),
                     fmt::format("'{}' must be an array of tables, written [[{}]] (got {})", key, key, type_name(*n)));
        return out;
    }
    for (const auto& item : *arr) {
        if (const auto* t = item.as_table()) out.push_back(t);
        else
            diags_.error(file_, position_of(item),
                         fmt::format("'{}' must hold only tables, written [[{}]] (got {})", key, key, type_name(item)));
    }
    return out;
}

std::vector<TableMember<toml::table>> TableReader::members(const toml::table& table) {
    std::vector<TableMember<toml::table>> out;
    for (const auto& [key, node] : table)
        out.push_back({key.str(),
                       {key.source().begin.line, key.source().begin.column},
                       node.as_table(),
                       position_of(node),
                       type_name(node)});
    return out;
}

void TableReader::warn_unknown() {
    for (const auto& [key, node] : table_) {
        if (std::find(known_.begin(), known_.end(), key.str()) != known_.end()) continue;
        std::string hint = did_you_mean(std::string(key.str()), known_);
        std::string shown = key.str().size() <= 40 ? std::string(key.str()) : utf8_prefix(key.str(), 40) + "...";
        diags_.warning(
            file_, {key.source().begin.line, key.source().begin.column},
            fmt::format("unknown key '{}' in {}{}", shown, what_, hint.empty() ? "" : "; did you mean '" + hint + "'?"));
    }
}

} // namespace peerctl
