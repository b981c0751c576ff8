#include "credential_loader.hpp"

#include "credential_revisions.hpp"
#include "credential_tables.hpp"
#include "toml_guard.hpp"
#include "toml_reader.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace peerctl {

namespace {

// Every id a rule names must be in the credential's own vocabulary lists, so a typo in a rule
// file is caught where it is made.
void check_terms(const Credential& c, Diagnostics& diags) {
    auto known = [&](const std::string& term) {
        return std::find(c.topics.begin(), c.topics.end(), term) != c.topics.end() ||
               std::find(c.domains.begin(), c.domains.end(), term) != c.domains.end();
    };
    auto check = [&](const std::string& term, std::string_view where) {
        if (!term.empty() && !known(term))
            diags.error(c.file, {},
                        fmt::format("{} names '{}', which is not in the credential's topics or domains", where, term));
    };
    auto check_tables = [&](const std::optional<TrainingRule>& training, const std::optional<CeRule>& ce,
                            std::string_view prefix) {
        if (training)
            for (const auto& d : training->domains)
                check(d.domain, fmt::format("[[{}training.domain]]", prefix));
        if (ce) {
            for (const auto& m : ce->minimums)
                check(m.topic, fmt::format("[[{}ce.minimum]]", prefix));
            for (const auto& cap : ce->caps)
                check(cap.topic, fmt::format("[[{}ce.cap]]", prefix));
        }
    };
    check_tables(c.training, c.ce, "");
    for (const auto& rev : c.revisions)
        check_tables(rev.training, rev.ce, "revision.");
    for (const auto& t : c.topics)
        if (!is_valid_id(t)) diags.error(c.file, {}, fmt::format("topic id '{}' must match {}", utf8_prefix(t, 64), id_pattern));
    for (const auto& d : c.domains)
        if (!is_valid_id(d)) diags.error(c.file, {}, fmt::format("domain id '{}' must match {}", utf8_prefix(d, 64), id_pattern));
}

} // namespace

std::optional<Credential> load_credential(std::string_view text, const std::string& file, const std::string& expected_id,
                                          Diagnostics& diags) {
    Diagnostics local;
    if (text.empty()) {
        diags.error(file, {}, "the file is empty: a credential needs at least id, name, effective_from, confidence and [period]");
        return std::nullopt;
    }
    if (!prescan_toml(text, file, GuardLimits{}, local)) {
        diags.append(local);
        return std::nullopt;
    }
    auto parsed = parse_toml(text, file, local);
    if (!parsed) {
        diags.append(local);
        return std::nullopt;
    }
    TableReader root(*parsed, file, local, "the credential");
    CredentialParser p{file, local, ""};
    Credential c;
    c.file = file;
    c.id = root.string("id", true).value_or("");
    if (!c.id.empty() && !is_valid_id(c.id)) local.error(file, root.pos("id"), fmt::format("'id' must match {}", id_pattern));
    else if (!c.id.empty() && !expected_id.empty() && c.id != expected_id)
        local.error(file, root.pos("id"), fmt::format("'id' must equal the file name ('{}')", expected_id));
    c.name = root.string("name", true).value_or("");
    c.issuer = root.string("issuer").value_or("");
    c.effective_from = root.date("effective_from", true).value_or(Date{});
    c.effective_to = root.date("effective_to");
    if (c.effective_to && *c.effective_to < c.effective_from)
        local.error(file, root.pos("effective_to"), "'effective_to' must not be before 'effective_from'");
    c.confidence = root.choice("confidence", {"high", "medium", "low"}, true).value_or("");
    c.confidence_note = root.string("confidence_note").value_or("");
    c.topics = root.strings("topics");
    c.domains = root.strings("domains");
    for (const toml::table* s : root.tables("source")) {
        TableReader r(*s, file, local, "[[source]]");
        c.sources.push_back({r.string("key", true).value_or(""), r.string("url").value_or(""), r.string("facts").value_or("")});
        r.warn_unknown();
    }
    c.training = p.training(root);
    c.experience = p.experience(root, "experience");
    c.exam = p.exam(root);
    c.period = p.period(root);
    c.levels = p.levels(root, c.period);
    c.default_level = root.string("default_level").value_or(c.levels.empty() ? "" : c.levels.back().id);
    if (!c.default_level.empty() && !c.level(c.default_level))
        local.error(file, root.pos("default_level"), fmt::format("'default_level' names no [[level]] ('{}')", c.default_level));
    reject_periodic_tables(root, c.period.anchor, "", file, local);
    c.ce = p.ce(root, shortest_period_days(c.period, c.levels), longest_period_months(c.period, c.levels));
    c.renewal = p.renewal(root);
    c.after_expiry = p.after_expiry(root);
    c.revisions = read_revisions(root, c, local);
    root.warn_unknown();
    check_terms(c, local);
    local.sort();
    bool ok = !local.has_errors();
    diags.append(local);
    if (!ok) return std::nullopt;
    return c;
}

} // namespace peerctl
