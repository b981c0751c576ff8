#include "credential_revisions.hpp"

#include "credential_tables.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

namespace {

// Where the key of a sub-table is written, else where the sub-table is.
Position key_position(TableReader& r, std::string_view table, std::string_view key) {
    const toml::table* t = r.table(table);
    const toml::node* node = t ? t->get(key) : nullptr;
    return node ? position_of(*node) : r.pos(table);
}

} // namespace

void reject_periodic_tables(TableReader& r, Anchor anchor, std::string_view prefix, const std::string& file, Diagnostics& diags) {
    if (anchor != Anchor::None) return;
    for (std::string_view table : {"ce", "renewal", "after_expiry"})
        if (r.has(table)) {
            std::string_view brackets = table == "after_expiry" ? "[[" : "[";
            diags.error(file, r.pos(table),
                        fmt::format("a credential that does not expire (anchor = \"none\") is never renewed: it cannot have "
                                    "{}{}{}{}",
                                    brackets, prefix, table, table == "after_expiry" ? "]]" : "]"));
        }
}

std::vector<RuleRevision> read_revisions(TableReader& root, const Credential& credential, Diagnostics& diags) {
    std::vector<RuleRevision> out;
    std::vector<const toml::table*> tables = root.tables("revision");
    if (tables.empty()) return out;
    const std::string& file = credential.file;
    CredentialParser parser{file, diags, "revision."};
    std::vector<TableReader> readers;
    readers.reserve(tables.size());

    // First the dates and periods: a revision's [ce] is checked against the shortest and longest
    // periods any revision allows, as the rules of one may judge a period whose length another set.
    int shortest = shortest_period_days(credential.period, credential.levels);
    int longest = longest_period_months(credential.period, credential.levels);
    Date previous = credential.effective_from;
    for (const toml::table* t : tables) {
        TableReader& r = readers.emplace_back(*t, file, diags, "[[revision]]");
        RuleRevision rev;
        if (auto from = r.date("effective_from", true)) {
            rev.effective_from = *from;
            // Equal dates would leave the one before never in force.
            if (*from <= previous)
                diags.error(file, r.pos("effective_from"),
                            out.empty() ? fmt::format("a [[revision]]'s 'effective_from' must be after the credential's ({})",
                                                      to_string(credential.effective_from))
                                        : fmt::format("[[revision]] tables must be in order, each 'effective_from' after the "
                                                      "one before ({})",
                                                      to_string(previous)));
            previous = std::max(previous, *from);
        }
        if (r.has("period")) {
            rev.period = parser.period(r);
            // A period is counted from its anchor: a new anchor is a new credential, not a revision.
            if (rev.period->anchor != credential.period.anchor)
                diags.error(file, key_position(r, "period", "anchor"),
                            "a [[revision]] cannot change the period's 'anchor'; a credential with another anchor is a "
                            "new credential file");
            else {
                shortest = std::min(shortest, shortest_period_days(rev.period->anchor, rev.period->months));
                longest = std::max(longest, rev.period->months);
            }
        }
        out.push_back(std::move(rev));
    }

    for (std::size_t i = 0; i < out.size(); ++i) {
        TableReader& r = readers[i];
        RuleRevision& rev = out[i];
        rev.note = r.string("note").value_or("");
        for (auto& cited : r.strings_at("sources")) {
            const std::string& key = cited.first;
            if (std::none_of(credential.sources.begin(), credential.sources.end(), [&](const Source& s) { return s.key == key; }))
                diags.error(file, cited.second,
                            fmt::format("'sources' names '{}', which no [[source]] table has as its key", utf8_prefix(key, 64)));
            rev.sources.push_back(key);
        }
        reject_periodic_tables(r, credential.period.anchor, "revision.", file, diags);
        if (r.has("training")) rev.training = parser.training(r);
        if (r.has("experience")) rev.experience = parser.experience(r, "experience");
        if (r.has("exam")) rev.exam = parser.exam(r);
        if (r.has("ce")) rev.ce = parser.ce(r, shortest, longest);
        if (r.has("renewal")) rev.renewal = parser.renewal(r);
        if (r.has("after_expiry")) rev.after_expiry = parser.after_expiry(r);
        if (!rev.training && !rev.experience && !rev.exam && !rev.period && !rev.ce && !rev.renewal && !rev.after_expiry)
            diags.warning(
                file, r.pos(),
                "this [[revision]] replaces no rule table (training, experience, exam, period, ce, renewal, after_expiry)");
        r.warn_unknown();
    }
    return out;
}

} // namespace peerctl
