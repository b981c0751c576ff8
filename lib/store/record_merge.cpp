#include "record_merge.hpp"

#include "toml_layout.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

namespace peerctl {

namespace {

using Text = std::optional<std::string>; // nullopt: not there on that side
constexpr std::size_t none = static_cast<std::size_t>(-1);

struct Merged {
    std::string text; // LF line ends
    std::size_t conflicts = 0;

    void conflict(std::string_view ours, std::string_view theirs) {
        auto line = [this](std::string_view s) {
            text += s;
            if (!s.empty() && s.back() != '\n') text += '\n';
        };
        line(conflict_open);
        line(ours);
        line(conflict_middle);
        line(theirs);
        line(conflict_close);
        ++conflicts;
    }

    // The three-way rule for one piece of text: same on both sides, or changed on one side only.
    void pick(const Text& base, const Text& ours, const Text& theirs) {
        const Text* take = ours == theirs || theirs == base ? &ours : ours == base ? &theirs : nullptr;
        if (!take) conflict(ours.value_or(""), theirs.value_or(""));
        else if (*take) text += **take;
    }
};

Text item_text(const std::vector<LayoutItem>* items, const std::string& key) {
    if (!items) return std::nullopt;
    for (const auto& item : *items)
        if (item.key == key) return item.text;
    return std::nullopt;
}

// Key by key, in ours' order, with keys only theirs has placed after the key they follow there.
void merge_items(const std::vector<LayoutItem>* base, const std::vector<LayoutItem>& ours, const std::vector<LayoutItem>& theirs,
                 Merged& out) {
    std::vector<std::string> keys;
    keys.reserve(ours.size() + theirs.size());
    for (const auto& item : ours)
        keys.push_back(item.key);
    for (std::size_t i = 0; i < theirs.size(); ++i) {
        if (std::find(keys.begin(), keys.end(), theirs[i].key) != keys.end()) continue;
        auto after = i == 0 ? keys.end() : std::find(keys.begin(), keys.end(), theirs[i - 1].key);
        keys.insert(after == keys.end() ? keys.begin() + (i == 0 ? 0 : static_cast<std::ptrdiff_t>(keys.size())) : after + 1,
                    theirs[i].key);
    }
    for (const auto& key : keys)
        out.pick(item_text(base, key), item_text(&ours, key), item_text(&theirs, key));
}

void merge_block(const LayoutBlock* base, const LayoutBlock& ours, const LayoutBlock& theirs, Merged& out) {
    // An entry with tables of its own could gain a key under the wrong one: compared whole.
    if (ours.compound || theirs.compound || (base && base->compound)) {
        out.pick(base ? Text(base->text()) : std::nullopt, ours.text(), theirs.text());
        return;
    }
    out.pick(base ? Text(base->header) : std::nullopt, ours.header, theirs.header);
    merge_items(base ? &base->items : nullptr, ours.items, theirs.items, out);
}

// What an entry says, whether void or not: its kind and its statements but `void` and `voided`.
std::string identity(const LayoutBlock& entry) {
    std::string id = entry.name + "\n";
    for (const auto& item : entry.items)
        if (item.key != "void" && item.key != "voided") id += item.statement();
    return id;
}

// When an entry happened, or (a credential's [[revision]]) took effect.
std::string date_of(const LayoutBlock& entry) {
    for (const auto& item : entry.items)
        if (item.key == "date" || item.key == "effective_from") return item.value();
    return {};
}

struct Entries {
    std::vector<const LayoutBlock*> blocks;
    std::vector<std::string> ids;

    explicit Entries(const TomlLayout& doc) {
        for (const auto& b : doc.blocks)
            if (b.kind == LayoutBlockKind::Entry) {
                blocks.push_back(&b);
                ids.push_back(identity(b));
            }
    }
};

// For each base entry, the index of the side's entry that is it (none: the side removed it).
std::vector<std::size_t> match_entries(const Entries& base, const Entries& side) {
    std::vector<std::size_t> out(base.blocks.size(), none);
    std::vector<bool> used(side.blocks.size(), false);
    std::unordered_map<std::string, std::vector<std::size_t>> by_id; // indices, last first
    for (std::size_t j = side.ids.size(); j-- > 0;)
        by_id[side.ids[j]].push_back(j);
    for (std::size_t i = 0; i < base.ids.size(); ++i) {
        auto it = by_id.find(base.ids[i]);
        if (it == by_id.end() || it->second.empty()) continue;
        out[i] = it->second.back();
        used[out[i]] = true;
        it->second.pop_back();
    }
    // Not found as it was: the same entry edited (any key but its date).
    for (std::size_t i = 0; i < base.blocks.size(); ++i) {
        std::string date = out[i] == none ? date_of(*base.blocks[i]) : std::string();
        if (date.empty()) continue;
        for (std::size_t j = 0; j < side.blocks.size(); ++j)
            if (!used[j] && side.blocks[j]->name == base.blocks[i]->name && date_of(*side.blocks[j]) == date) {
                out[i] = j;
                used[j] = true;
                break;
            }
    }
    return out;
}

std::vector<std::size_t> inverse(const std::vector<std::size_t>& match, std::size_t size) {
    std::vector<std::size_t> out(size, none);
    for (std::size_t i = 0; i < match.size(); ++i)
        if (match[i] != none) out[match[i]] = i;
    return out;
}

std::map<std::string, const LayoutBlock*> tables_of(const TomlLayout& doc) {
    std::map<std::string, const LayoutBlock*> out;
    for (const auto& b : doc.blocks)
        if (b.kind == LayoutBlockKind::Table) out[b.name] = &b;
    return out;
}

const LayoutBlock* find_table(const std::map<std::string, const LayoutBlock*>& tables, const std::string& name) {
    auto it = tables.find(name);
    return it == tables.end() ? nullptr : it->second;
}

// An entry added on one side (or on both: the same entry, merged with itself).
struct Added {
    const LayoutBlock* ours = nullptr;
    const LayoutBlock* theirs = nullptr;
    std::string date;
};

Merged merge_layouts(const TomlLayout& base, const TomlLayout& ours, const TomlLayout& theirs) {
    Merged out;
    merge_block(&base.blocks.front(), ours.blocks.front(), theirs.blocks.front(), out);
    auto base_tables = tables_of(base), ours_tables = tables_of(ours), theirs_tables = tables_of(theirs);
    Entries base_entries(base), ours_entries(ours), theirs_entries(theirs);
    std::vector<std::size_t> ours_match = match_entries(base_entries, ours_entries);
    std::vector<std::size_t> theirs_match = match_entries(base_entries, theirs_entries);
    std::vector<std::size_t> ours_base = inverse(ours_match, ours_entries.blocks.size());
    std::vector<std::size_t> theirs_base = inverse(theirs_match, theirs_entries.blocks.size());
    std::vector<Added> added;

    std::size_t ours_entry = 0;
    for (std::size_t k = 1; k < ours.blocks.size(); ++k) {
        const LayoutBlock& o = ours.blocks[k];
        if (o.kind == LayoutBlockKind::Table) {
            const LayoutBlock* b = find_table(base_tables, o.name);
            if (const LayoutBlock* t = find_table(theirs_tables, o.name)) merge_block(b, o, *t, out);
            else out.pick(b ? Text(b->text()) : std::nullopt, o.text(), std::nullopt);
            continue;
        }
        std::size_t j = ours_entry++;
        std::size_t i = ours_base[j];
        if (i == none) {
            added.push_back({&o, nullptr, date_of(o)});
        } else if (theirs_match[i] != none) {
            merge_block(base_entries.blocks[i], o, *theirs_entries.blocks[theirs_match[i]], out);
        } else {
            out.pick(base_entries.blocks[i]->text(), o.text(), std::nullopt);
        }
    }
    // Removed by ours: gone, unless theirs changed it.
    for (std::size_t i = 0; i < base_entries.blocks.size(); ++i)
        if (ours_match[i] == none && theirs_match[i] != none)
            out.pick(base_entries.blocks[i]->text(), std::nullopt, theirs_entries.blocks[theirs_match[i]]->text());
    for (const auto& b : theirs.blocks) {
        if (b.kind != LayoutBlockKind::Table || find_table(ours_tables, b.name)) continue;
        const LayoutBlock* base_table = find_table(base_tables, b.name);
        out.pick(base_table ? Text(base_table->text()) : std::nullopt, std::nullopt, b.text());
    }
    // Added by theirs: the same entry added by ours is one entry.
    std::size_t ours_added = added.size();
    for (std::size_t j = 0; j < theirs_entries.blocks.size(); ++j) {
        if (theirs_base[j] != none) continue;
        auto same = std::find_if(added.begin(), added.begin() + static_cast<std::ptrdiff_t>(ours_added),
                                 [&](const Added& a) { return !a.theirs && identity(*a.ours) == theirs_entries.ids[j]; });
        if (same != added.begin() + static_cast<std::ptrdiff_t>(ours_added)) same->theirs = theirs_entries.blocks[j];
        else added.push_back({nullptr, theirs_entries.blocks[j], date_of(*theirs_entries.blocks[j])});
    }
    if (std::all_of(added.begin(), added.end(), [](const Added& a) { return !a.date.empty(); }))
        std::stable_sort(added.begin(), added.end(), [](const Added& a, const Added& b) { return a.date < b.date; });
    for (const Added& a : added) {
        if (a.ours && a.theirs) merge_block(nullptr, *a.ours, *a.theirs, out);
        else out.text += (a.ours ? a.ours : a.theirs)->text();
    }
    out.pick(base.tail, ours.tail, theirs.tail);
    return out;
}

std::string with_line_ends(const std::string& lf, bool crlf) {
    if (!crlf) return lf;
    std::string out;
    out.reserve(lf.size() + lf.size() / 16);
    for (char c : lf) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

MergeOutcome whole_file(std::string_view ours, std::string_view theirs, std::string reason) {
    std::size_t nl = ours.find('\n');
    bool crlf = nl != std::string_view::npos && nl > 0 && ours[nl - 1] == '\r';
    Merged m;
    m.conflict(lf_text(ours), lf_text(theirs));
    return {with_line_ends(m.text, crlf), 1, true, std::move(reason)};
}

} // namespace

MergeOutcome merge_record_text(std::string_view base, std::string_view ours, std::string_view theirs, const MergeCheck& check,
                               const GuardLimits& limits) {
    if (ours == theirs || theirs == base) return {std::string(ours), 0, false, {}};
    if (ours == base) return {std::string(theirs), 0, false, {}};
    auto ours_layout = toml_layout(ours, limits);
    auto theirs_layout = toml_layout(theirs, limits);
    if (!ours_layout || !theirs_layout)
        return whole_file(ours, theirs,
                          fmt::format("{} not parse as TOML", !ours_layout && !theirs_layout ? "neither side does"
                                                              : !ours_layout                 ? "ours does"
                                                                                             : "theirs does"));
    TomlLayout empty;
    empty.blocks.emplace_back();
    auto base_layout = toml_layout(base, limits);
    Merged m = merge_layouts(base_layout ? *base_layout : empty, *ours_layout, *theirs_layout);
    MergeOutcome out{with_line_ends(m.text, ours_layout->crlf), m.conflicts, false, {}};
    if (out.conflicts > 0) return out;
    std::vector<std::string> errors = check(out.text);
    if (!errors.empty()) {
        std::vector<std::string> had = check(ours), theirs_errors = check(theirs);
        had.insert(had.end(), theirs_errors.begin(), theirs_errors.end());
        for (const auto& e : errors)
            if (std::find(had.begin(), had.end(), e) == had.end())
                return whole_file(ours, theirs, "the merged file would not be valid: " + e);
    }
    if (ours_layout->bom) out.text.insert(0, "\xEF\xBB\xBF");
    return out;
}

} // namespace peerctl
