#include "credential_loader.hpp"

#include "toml_guard.hpp"
#include "toml_reader.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

namespace peerctl {

namespace {

// True when `later` ends on or before `earlier` after every expiry date.
bool ends_no_later(const LapseRung& later, const LapseRung& earlier) {
    if (!earlier.months && !earlier.days) return false;
    if (later.months && earlier.months) return later.months <= earlier.months;
    if (later.days && earlier.days) return later.days <= earlier.days;
    auto span = [](const LapseRung& rung) { return rung.months ? month_span(rung.months) : DaySpan{rung.days, rung.days}; };
    return span(later).longest <= span(earlier).shortest;
}

// The fewest days a period can last: the period's months, or a level's own.
int shortest_period_days(const PeriodRule& period, const std::vector<LevelRule>& levels) {
    int months = period.months;
    for (const auto& l : levels)
        if (l.months) months = std::min(months, *l.months);
    return month_span(months).shortest;
}

// Parsing context for one credential file.
struct CredentialParser {
    const std::string& file;
    Diagnostics& diags;

    std::vector<ExperienceRule> experience(TableReader& parent, std::string_view key) {
        std::vector<ExperienceRule> out;
        for (const toml::table* t : parent.tables(key)) {
            TableReader r(*t, file, diags, fmt::format("[[{}]]", key));
            ExperienceRule rule;
            for (const auto& k : r.strings("kinds", true)) {
                if (auto kind = parse_experience_kind(k)) rule.kinds.push_back(*kind);
                else
                    diags.error(file, r.pos("kinds"),
                                fmt::format("unknown experience kind '{}' (work, volunteer, supervision)", k));
            }
            // No kind would be a minimum no hour can ever meet.
            if (const auto* list = (*t)["kinds"].as_array(); list && list->empty())
                diags.error(file, r.pos("kinds"),
                            "'kinds' must name at least one experience kind (work, volunteer, supervision)");
            rule.hours = r.hours("hours", true).value_or(Hours());
            r.warn_unknown();
            out.push_back(std::move(rule));
        }
        return out;
    }

    std::optional<TrainingRule> training(TableReader& root) {
        const toml::table* t = root.table("training");
        if (!t) return std::nullopt;
        TableReader r(*t, file, diags, "[training]");
        TrainingRule rule;
        rule.hours = r.hours("hours", true).value_or(Hours());
        if (auto m = r.integer("within_months", 1, 1200)) rule.within_months = static_cast<int>(*m);
        for (const toml::table* d : r.tables("domain")) {
            TableReader dr(*d, file, diags, "[[training.domain]]");
            DomainMinimum m;
            m.domain = dr.string("domain", true).value_or("");
            m.hours = dr.hours("hours", true).value_or(Hours());
            dr.warn_unknown();
            rule.domains.push_back(std::move(m));
        }
        r.warn_unknown();
        return rule;
    }

    std::optional<ExamRule> exam(TableReader& root) {
        const toml::table* t = root.table("exam");
        if (!t) return std::nullopt;
        TableReader r(*t, file, diags, "[exam]");
        ExamRule rule;
        rule.required = r.boolean("required").value_or(true);
        if (auto v = r.integer("max_attempts", 1, 100)) rule.max_attempts = static_cast<int>(*v);
        if (auto v = r.integer("retest_wait_days", 0, 3650)) rule.retest_wait_days = static_cast<int>(*v);
        if (auto v = r.integer("within_months_of_training", 1, 1200)) rule.within_months_of_training = static_cast<int>(*v);
        r.warn_unknown();
        return rule;
    }

    PeriodRule period(TableReader& root) {
        PeriodRule rule;
        const toml::table* t = root.table("period");
        if (!t) {
            diags.error(file, root.pos(), "the credential is missing required table [period]");
            return rule;
        }
        TableReader r(*t, file, diags, "[period]");
        auto anchor = r.choice("anchor", {"issue-date", "calendar-year"}, true);
        rule.anchor = anchor == "calendar-year" ? Anchor::CalendarYear : Anchor::IssueDate;
        auto months = r.integer("months", 1, 1200, rule.anchor == Anchor::IssueDate);
        if (rule.anchor == Anchor::CalendarYear) {
            if (months && *months != 12) diags.error(file, r.pos("months"), "calendar-year periods are 12 months long");
            rule.months = 12;
        } else {
            rule.months = static_cast<int>(months.value_or(12));
        }
        r.warn_unknown();
        return rule;
    }

    std::vector<LevelRule> levels(TableReader& root, const PeriodRule& period) {
        std::vector<LevelRule> out;
        for (const toml::table* t : root.tables("level")) {
            TableReader r(*t, file, diags, "[[level]]");
            LevelRule rule;
            rule.id = r.string("id", true).value_or("");
            // Records name levels by id, so one id is one level (a missing id is reported as such).
            if (!rule.id.empty() && !is_valid_id(rule.id))
                diags.error(file, r.pos("id"), fmt::format("'id' must match {}", id_pattern));
            else if (!rule.id.empty() && std::any_of(out.begin(), out.end(), [&](const LevelRule& l) { return l.id == rule.id; }))
                diags.error(file, r.pos("id"), fmt::format("duplicate [[level]] id '{}'", rule.id));
            if (auto m = r.integer("months", 1, 1200)) rule.months = static_cast<int>(*m);
            if (rule.months && period.anchor == Anchor::CalendarYear)
                diags.error(file, r.pos("months"),
                            "a [[level]] cannot have its own 'months': calendar-year periods are 12 months long");
            rule.renewable = r.boolean("renewable").value_or(true);
            rule.experience = experience(r, "experience");
            r.warn_unknown();
            out.push_back(std::move(rule));
        }
        return out;
    }

    // `shortest_period_days`: the fewest days any period of the credential can last.
    std::optional<CeRule> ce(TableReader& root, int shortest_period_days) {
        const toml::table* t = root.table("ce");
        if (!t) return std::nullopt;
        TableReader r(*t, file, diags, "[ce]");
        CeRule rule;
        rule.hours = r.hours("hours", true).value_or(Hours());
        if (r.has("carry_over_max")) rule.carry_over_max = non_negative_hours(r, "carry_over_max");
        if (r.has("max_entry_hours")) rule.max_entry_hours = r.hours("max_entry_hours");
        if (auto d = r.integer("submit_before_days", 1, 3650)) {
            rule.submit_before_days = static_cast<int>(*d);
            // Due on or before the day the period starts: a deadline no one could ever meet.
            if (*d >= shortest_period_days)
                diags.error(
                    file, r.pos("submit_before_days"),
                    fmt::format(
                        "'submit_before_days' must be shorter than the period (got {} days; a period can be as short as {} days)",
                        *d, shortest_period_days));
        }
        for (const toml::table* m : r.tables("minimum"))
            rule.minimums.push_back(minimum(*m));
        for (const toml::table* c : r.tables("cap"))
            rule.caps.push_back(cap(*c));
        r.warn_unknown();
        return rule;
    }

    // 0 is a valid carry-over ("none"), unlike an entry's hours.
    Hours non_negative_hours(TableReader& r, std::string_view key) {
        if (r.is_zero(key)) return Hours();
        return r.hours(key).value_or(Hours());
    }

    CeMinimum minimum(const toml::table& t) {
        TableReader r(t, file, diags, "[[ce.minimum]]");
        CeMinimum m;
        bool has_topic = r.has("topic"), has_providers = r.has("providers");
        if (has_topic == has_providers) diags.error(file, r.pos(), "[[ce.minimum]] needs exactly one of 'topic' or 'providers'");
        if (has_topic) m.topic = r.string("topic", true).value_or("");
        if (has_providers) {
            m.providers = r.strings("providers", true);
            // An empty list would be a minimum no entry can ever meet.
            if (const auto* list = t["providers"].as_array(); list && list->empty())
                diags.error(file, r.pos("providers"), "'providers' must name at least one provider");
        }
        if (r.has("entries") && has_providers)
            diags.error(file, r.pos("entries"),
                        "'entries' counts entries of a topic: a [[ce.minimum]] with 'providers' takes 'hours'");
        if (r.has("entries") && !has_providers) {
            m.kind = MinimumKind::TopicEntries;
            m.entries = static_cast<int>(r.integer("entries", 1, 1000, true).value_or(1));
            if (r.has("hours")) diags.error(file, r.pos("hours"), "[[ce.minimum]] takes 'hours' or 'entries', not both");
        } else {
            m.kind = has_providers ? MinimumKind::ProviderHours : MinimumKind::TopicHours;
            m.hours = r.hours("hours", true).value_or(Hours());
        }
        r.warn_unknown();
        return m;
    }

    CeCap cap(const toml::table& t) {
        TableReader r(t, file, diags, "[[ce.cap]]");
        CeCap c;
        bool has_topic = r.has("topic"), has_delivery = r.has("delivery");
        if (has_topic == has_delivery) diags.error(file, r.pos(), "[[ce.cap]] needs exactly one of 'topic' or 'delivery'");
        if (has_topic) c.topic = r.string("topic", true).value_or("");
        if (has_delivery)
            if (auto d = r.choice("delivery", delivery_names(), true)) c.delivery = parse_delivery(*d);
        c.hours = r.hours("hours", true).value_or(Hours());
        r.warn_unknown();
        return c;
    }

    std::vector<LapseRung> after_expiry(TableReader& root) {
        std::vector<LapseRung> out;
        for (const toml::table* t : root.tables("after_expiry")) {
            TableReader r(*t, file, diags, "[[after_expiry]]");
            LapseRung rung;
            bool has_months = r.has("months"), has_days = r.has("days");
            if (has_months == has_days) diags.error(file, r.pos(), "[[after_expiry]] needs exactly one of 'months' or 'days'");
            rung.months = static_cast<int>(r.integer("months", 1, 1200).value_or(0));
            rung.days = static_cast<int>(r.integer("days", 1, 36500).value_or(0));
            r.choice("state", {"grace"});
            r.known({"fee"}); // a number of any kind, read from the node below
            if (const toml::node* fee = t->get("fee")) {
                if (auto i = fee->as_integer(); i && i->get() >= 0) rung.fee_cents = i->get() * 100;
                else if (auto f = fee->as_floating_point(); f && f->get() >= 0 && std::isfinite(f->get()))
                    rung.fee_cents = static_cast<std::int64_t>(std::llround(f->get() * 100));
                else diags.error(file, position_of(*fee), "'fee' must be a number of at least 0");
            }
            rung.note = r.string("note").value_or("");
            // Rungs apply in order, the first whose end is not past, so a rung that always ends
            // on or before the one above it could never apply.
            if (!out.empty() && has_months != has_days && (rung.months || rung.days) && ends_no_later(rung, out.back()))
                diags.error(file, r.pos(has_months ? "months" : "days"),
                            "[[after_expiry]] must end after the rung before it: rungs run in order, longest last");
            r.warn_unknown();
            out.push_back(std::move(rung));
        }
        return out;
    }
};

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
    if (c.training)
        for (const auto& d : c.training->domains)
            check(d.domain, "[[training.domain]]");
    if (c.ce) {
        for (const auto& m : c.ce->minimums)
            check(m.topic, "[[ce.minimum]]");
        for (const auto& cap : c.ce->caps)
            check(cap.topic, "[[ce.cap]]");
    }
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
    CredentialParser p{file, local};
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
    c.ce = p.ce(root, shortest_period_days(c.period, c.levels));
    c.after_expiry = p.after_expiry(root);
    root.warn_unknown();
    check_terms(c, local);
    local.sort();
    bool ok = !local.has_errors();
    diags.append(local);
    if (!ok) return std::nullopt;
    return c;
}

} // namespace peerctl
