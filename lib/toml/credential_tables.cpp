#include "credential_tables.hpp"

#include "enum_names.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace peerctl {

namespace {

// Far above any fee, and far below what cents in 64 bits can hold.
constexpr std::int64_t max_fee = 1'000'000'000;

// True when `later` ends on or before `earlier` after every expiry date.
bool ends_no_later(const LapseRung& later, const LapseRung& earlier) {
    if (!earlier.months && !earlier.days) return false;
    if (later.months && earlier.months) return later.months <= earlier.months;
    if (later.days && earlier.days) return later.days <= earlier.days;
    auto span = [](const LapseRung& rung) { return rung.months ? month_span(rung.months) : DaySpan{rung.days, rung.days}; };
    return span(later).longest <= span(earlier).shortest;
}

// A fee: a number of at least 0, in the issuer's currency, kept in cents.
std::optional<std::int64_t> read_fee(TableReader& r, const toml::table& t, std::string_view key, const std::string& file,
                                     Diagnostics& diags) {
    r.known({key}); // a number of any kind, read from the node below
    const toml::node* fee = t.get(key);
    if (!fee) return std::nullopt;
    if (auto i = fee->as_integer(); i && i->get() >= 0 && i->get() <= max_fee) return i->get() * 100;
    if (auto f = fee->as_floating_point(); f && f->get() >= 0 && f->get() <= max_fee && std::isfinite(f->get()))
        return static_cast<std::int64_t>(std::llround(f->get() * 100));
    diags.error(file, position_of(*fee), fmt::format("'{}' must be a number from 0 to {}", key, max_fee));
    return std::nullopt;
}

} // namespace

int shortest_period_days(Anchor anchor, int months) {
    switch (anchor) {
    case Anchor::None: return std::numeric_limits<int>::max();
    // The first period ends on the last birthday within `months` of the issue date: more than
    // `months` - 12 months after it.
    case Anchor::Birthday: return month_span(months - 12).shortest + 1;
    // Issued on the 31st, the period still ends on the 1st: up to 30 days short.
    case Anchor::FirstOfIssueMonth: return std::max(1, month_span(months).shortest - 30);
    case Anchor::IssueDate:
    case Anchor::CalendarYear: break;
    }
    return month_span(months).shortest;
}

int shortest_period_days(const PeriodRule& period, const std::vector<LevelRule>& levels) {
    int shortest = shortest_period_days(period.anchor, period.months);
    // A level's own months count from the issue date (from the 1st of its month under
    // first-of-issue-month), whatever the anchor.
    Anchor level_anchor = period.anchor == Anchor::FirstOfIssueMonth ? Anchor::FirstOfIssueMonth : Anchor::IssueDate;
    for (const auto& l : levels)
        if (l.months) shortest = std::min(shortest, shortest_period_days(level_anchor, *l.months));
    return shortest;
}

int longest_period_months(const PeriodRule& period, const std::vector<LevelRule>& levels) {
    int months = period.months;
    for (const auto& l : levels)
        if (l.months) months = std::max(months, *l.months);
    return months;
}

std::string CredentialParser::named(std::string_view brackets) const {
    std::size_t open = brackets.find_first_not_of('[');
    if (open == std::string_view::npos) open = brackets.size();
    return std::string(brackets.substr(0, open)) + prefix + std::string(brackets.substr(open));
}

std::vector<ExperienceKind> CredentialParser::kinds(TableReader& r, const toml::table& t) {
    std::vector<ExperienceKind> out;
    for (const auto& k : r.strings("kinds", true)) {
        if (auto kind = parse_experience_kind(k)) out.push_back(*kind);
        else diags.error(file, r.pos("kinds"), fmt::format("unknown experience kind '{}' (work, volunteer, supervision)", k));
    }
    // No kind would be a minimum no entry can ever meet.
    if (const auto* list = t["kinds"].as_array(); list && list->empty())
        diags.error(file, r.pos("kinds"), "'kinds' must name at least one experience kind (work, volunteer, supervision)");
    return out;
}

std::vector<ExperienceRule> CredentialParser::experience(TableReader& parent, std::string_view key,
                                                         std::string_view parent_name) {
    std::vector<ExperienceRule> out;
    for (const toml::table* t : parent.tables(key)) {
        TableReader r(*t, file, diags, named(fmt::format("[[{}{}]]", parent_name, key)));
        ExperienceRule rule;
        rule.kinds = kinds(r, *t);
        rule.hours = r.hours("hours", true).value_or(Hours());
        // A [renewal] rule counts within the period: a look-back there would say nothing.
        if (parent_name.empty()) rule.within_months = look_back(r);
        r.warn_unknown();
        out.push_back(std::move(rule));
    }
    return out;
}

std::optional<int> CredentialParser::look_back(TableReader& r) {
    if (auto m = r.integer("within_months", 1, 1200)) return static_cast<int>(*m);
    return std::nullopt;
}

std::optional<RenewalRule> CredentialParser::renewal(TableReader& root) {
    const toml::table* t = root.table("renewal");
    if (!t) return std::nullopt;
    TableReader r(*t, file, diags, named("[renewal]"));
    RenewalRule rule;
    rule.experience = experience(r, "experience", "renewal.");
    for (const toml::table* q : r.tables("each_quarter")) {
        TableReader qr(*q, file, diags, named("[[renewal.each_quarter]]"));
        QuarterRule quarter;
        quarter.name = qr.string("name", true).value_or("");
        quarter.kinds = kinds(qr, *q);
        quarter.entries = static_cast<int>(qr.integer("entries", 1, 1000).value_or(1));
        qr.warn_unknown();
        rule.each_quarter.push_back(std::move(quarter));
    }
    r.warn_unknown();
    return rule;
}

std::optional<TrainingRule> CredentialParser::training(TableReader& root) {
    const toml::table* t = root.table("training");
    if (!t) return std::nullopt;
    TableReader r(*t, file, diags, named("[training]"));
    TrainingRule rule;
    rule.hours = r.hours("hours", true).value_or(Hours());
    rule.within_months = look_back(r);
    for (const toml::table* d : r.tables("domain")) {
        TableReader dr(*d, file, diags, named("[[training.domain]]"));
        DomainMinimum m;
        m.domain = dr.string("domain", true).value_or("");
        m.hours = dr.hours("hours", true).value_or(Hours());
        m.within_months = look_back(dr);
        // Only training the total counts can count toward a domain: a longer look-back is void.
        if (m.within_months && rule.within_months && *m.within_months > *rule.within_months)
            diags.error(file, dr.pos("within_months"),
                        fmt::format("a [[{}training.domain]]'s 'within_months' must not be longer than [{}training]'s "
                                    "(got {} and {})",
                                    prefix, prefix, *m.within_months, *rule.within_months));
        dr.warn_unknown();
        rule.domains.push_back(std::move(m));
    }
    r.warn_unknown();
    return rule;
}

std::optional<ExamRule> CredentialParser::exam(TableReader& root) {
    const toml::table* t = root.table("exam");
    if (!t) return std::nullopt;
    TableReader r(*t, file, diags, named("[exam]"));
    ExamRule rule;
    rule.required = r.boolean("required").value_or(true);
    if (auto v = r.integer("max_attempts", 1, 100)) rule.max_attempts = static_cast<int>(*v);
    if (auto v = r.integer("retest_wait_days", 0, 3650)) rule.retest_wait_days = static_cast<int>(*v);
    if (auto v = r.integer("within_months_of_training", 1, 1200)) rule.within_months_of_training = static_cast<int>(*v);
    r.warn_unknown();
    return rule;
}

PeriodRule CredentialParser::period(TableReader& root) {
    PeriodRule rule;
    const toml::table* t = root.table("period");
    if (!t) {
        diags.error(file, root.pos(), "the credential is missing required table [period]");
        return rule;
    }
    TableReader r(*t, file, diags, named("[period]"));
    if (auto anchor = r.choice("anchor", anchor_names(), true)) rule.anchor = *parse_enum<Anchor>(anchor_names(), *anchor);
    bool counted = rule.anchor != Anchor::CalendarYear && rule.anchor != Anchor::None;
    auto months = r.integer("months", 1, 1200, counted);
    switch (rule.anchor) {
    case Anchor::CalendarYear:
        if (months && *months != 12) diags.error(file, r.pos("months"), "calendar-year periods are 12 months long");
        rule.months = 12;
        break;
    case Anchor::None:
        if (months) diags.error(file, r.pos("months"), "a credential that does not expire (anchor = \"none\") has no 'months'");
        rule.months = 0;
        break;
    case Anchor::Birthday:
        // Birthday to birthday: a period that is not whole years would not end on one.
        if (months && *months % 12 != 0)
            diags.error(file, r.pos("months"),
                        fmt::format("birthday periods run from birthday to birthday: 'months' must be a whole number of "
                                    "years (12, 24, ...; got {})",
                                    *months));
        rule.months = static_cast<int>(months.value_or(12));
        break;
    case Anchor::IssueDate:
    case Anchor::FirstOfIssueMonth: rule.months = static_cast<int>(months.value_or(12)); break;
    }
    r.warn_unknown();
    return rule;
}

std::vector<LevelRule> CredentialParser::levels(TableReader& root, const PeriodRule& period) {
    std::vector<LevelRule> out;
    for (const toml::table* t : root.tables("level")) {
        TableReader r(*t, file, diags, named("[[level]]"));
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
        // One limit, said once: `renewable = false` is `max_renewals = 0`.
        if (r.has("renewable") && r.has("max_renewals"))
            diags.error(file, r.pos("max_renewals"),
                        "a [[level]] takes 'renewable' or 'max_renewals', not both (renewable = false is max_renewals = 0)");
        if (auto renewable = r.boolean("renewable"); renewable && !*renewable) rule.max_renewals = 0;
        if (auto n = r.integer("max_renewals", 0, 1000)) rule.max_renewals = static_cast<int>(*n);
        if (period.anchor == Anchor::None)
            for (std::string_view key : {"months", "renewable", "max_renewals"})
                if (r.has(key))
                    diags.error(file, r.pos(key),
                                fmt::format("a credential that does not expire (anchor = \"none\") has no periods: a [[level]] "
                                            "cannot have '{}'",
                                            key));
        rule.needs_period_met = r.boolean("needs_period_met").value_or(false);
        if (auto m = r.integer("move_up_within_months_of_training", 1, 1200))
            rule.move_up_within_months_of_training = static_cast<int>(*m);
        rule.experience = experience(r, "experience");
        r.warn_unknown();
        out.push_back(std::move(rule));
    }
    return out;
}

std::optional<CeRule> CredentialParser::ce(TableReader& root, int shortest_period_days, int longest_period_months) {
    const toml::table* t = root.table("ce");
    if (!t) return std::nullopt;
    TableReader r(*t, file, diags, named("[ce]"));
    CeRule rule;
    // A CE counted in entries ("2 CE classes a year") may set no hours at all.
    if (!r.has("hours") && !r.has("entries"))
        diags.error(file, r.pos(), fmt::format("{} needs 'hours', 'entries' or both", named("[ce]")));
    if (auto n = r.integer("entries", 1, 1000)) rule.entries = static_cast<int>(*n);
    if (r.has("hours")) rule.hours = r.hours("hours").value_or(Hours());
    if (r.has("carry_over_max")) rule.carry_over_max = non_negative_hours(r, "carry_over_max");
    if (r.has("max_entry_hours")) rule.max_entry_hours = r.hours("max_entry_hours");
    if (r.has("min_entry_hours")) rule.min_entry_hours = r.hours("min_entry_hours");
    // A floor above the ceiling would leave no entry that could count.
    if (rule.min_entry_hours && rule.max_entry_hours && *rule.min_entry_hours > *rule.max_entry_hours)
        diags.error(file, r.pos("min_entry_hours"),
                    fmt::format("'min_entry_hours' must not be more than 'max_entry_hours' (got {} h and {} h)",
                                rule.min_entry_hours->str(), rule.max_entry_hours->str()));
    if (auto d = r.integer("submit_before_days", 1, 3650)) {
        rule.submit_before_days = static_cast<int>(*d);
        // Due on or before the day the period starts: a deadline no one could ever meet.
        if (*d >= shortest_period_days)
            diags.error(
                file, r.pos("submit_before_days"),
                fmt::format(
                    "'submit_before_days' must be shorter than the period (got {} days; a period can be as short as {} days)", *d,
                    shortest_period_days));
    }
    submit_window(r, *t, rule, shortest_period_days);
    if (r.has("providers")) rule.providers = providers(r, *t);
    for (const toml::table* m : r.tables("minimum"))
        rule.minimums.push_back(minimum(*m, longest_period_months));
    for (const toml::table* c : r.tables("cap"))
        rule.caps.push_back(cap(*c));
    r.warn_unknown();
    return rule;
}

void CredentialParser::submit_window(TableReader& r, const toml::table& t, CeRule& rule, int shortest_period_days) {
    if (auto d = r.integer("submit_from_days", 1, 3650)) {
        rule.submit_from_days = static_cast<int>(*d);
        // The window opens before the submit-by date and after the period starts.
        if (rule.submit_before_days && *d <= *rule.submit_before_days)
            diags.error(file, r.pos("submit_from_days"),
                        fmt::format("'submit_from_days' must be more than 'submit_before_days' (got {} and {}): the "
                                    "window opens before the renewal is due",
                                    *d, *rule.submit_before_days));
        else if (*d >= shortest_period_days)
            diags.error(file, r.pos("submit_from_days"),
                        fmt::format("'submit_from_days' must be shorter than the period (got {} days; a period can be as "
                                    "short as {} days)",
                                    *d, shortest_period_days));
    }
    rule.late_fee_cents = read_fee(r, t, "late_fee", file, diags);
    // The fee is owed after the submit-by date: without one it could never be owed.
    if (rule.late_fee_cents && !rule.submit_before_days)
        diags.error(file, r.pos("late_fee"), "'late_fee' is owed after the submit-by date: it needs 'submit_before_days'");
}

std::vector<std::string> CredentialParser::providers(TableReader& r, const toml::table& t) {
    std::vector<std::string> out = r.strings("providers", true);
    // An empty list would be a rule no entry can ever meet.
    if (const auto* list = t["providers"].as_array(); list && list->empty())
        diags.error(file, r.pos("providers"), "'providers' must name at least one provider");
    return out;
}

Hours CredentialParser::non_negative_hours(TableReader& r, std::string_view key) {
    if (r.is_zero(key)) return Hours();
    return r.hours(key).value_or(Hours());
}

CeMinimum CredentialParser::minimum(const toml::table& t, int longest_period_months) {
    TableReader r(t, file, diags, named("[[ce.minimum]]"));
    CeMinimum m;
    bool has_topic = r.has("topic"), has_providers = r.has("providers");
    if (has_topic == has_providers)
        diags.error(file, r.pos(), fmt::format("{} needs exactly one of 'topic' or 'providers'", named("[[ce.minimum]]")));
    if (has_topic) m.topic = r.string("topic", true).value_or("");
    if (has_providers) m.providers = providers(r, t);
    if (r.has("entries") && has_providers)
        diags.error(file, r.pos("entries"),
                    "'entries' counts entries of a topic: a [[ce.minimum]] with 'providers' takes 'hours'");
    if (r.has("entries") && !has_providers) {
        m.kind = MinimumKind::TopicEntries;
        m.entries = static_cast<int>(r.integer("entries", 1, 1000, true).value_or(1));
        if (r.has("hours"))
            diags.error(file, r.pos("hours"), fmt::format("{} takes 'hours' or 'entries', not both", named("[[ce.minimum]]")));
    } else {
        m.kind = has_providers ? MinimumKind::ProviderHours : MinimumKind::TopicHours;
        m.hours = r.hours("hours", true).value_or(Hours());
    }
    if (auto n = r.integer("over_months", 1, 1200)) {
        m.over_months = static_cast<int>(*n);
        if (has_providers)
            diags.error(file, r.pos("over_months"),
                        "'over_months' counts a topic across periods: a [[ce.minimum]] with 'providers' counts within the "
                        "period");
        // A window shorter than a period is the period itself: the key would be ignored.
        else if (*n < longest_period_months)
            diags.error(file, r.pos("over_months"),
                        fmt::format("'over_months' must be at least the period's months (got {}; a period can be {} months "
                                    "long)",
                                    *n, longest_period_months));
    }
    r.warn_unknown();
    return m;
}

CeCap CredentialParser::cap(const toml::table& t) {
    TableReader r(t, file, diags, named("[[ce.cap]]"));
    CeCap c;
    bool has_topic = r.has("topic"), has_delivery = r.has("delivery");
    if (has_topic == has_delivery)
        diags.error(file, r.pos(), fmt::format("{} needs exactly one of 'topic' or 'delivery'", named("[[ce.cap]]")));
    if (has_topic) c.topic = r.string("topic", true).value_or("");
    if (has_delivery)
        if (auto d = r.choice("delivery", delivery_names(), true)) c.delivery = parse_delivery(*d);
    c.hours = r.hours("hours", true).value_or(Hours());
    r.warn_unknown();
    return c;
}

std::vector<LapseRung> CredentialParser::after_expiry(TableReader& root) {
    std::vector<LapseRung> out;
    for (const toml::table* t : root.tables("after_expiry")) {
        TableReader r(*t, file, diags, named("[[after_expiry]]"));
        LapseRung rung;
        bool has_months = r.has("months"), has_days = r.has("days");
        if (has_months == has_days)
            diags.error(file, r.pos(), fmt::format("{} needs exactly one of 'months' or 'days'", named("[[after_expiry]]")));
        rung.months = static_cast<int>(r.integer("months", 1, 1200).value_or(0));
        rung.days = static_cast<int>(r.integer("days", 1, 36500).value_or(0));
        r.choice("state", {"grace"});
        rung.fee_cents = read_fee(r, *t, "fee", file, diags);
        rung.note = r.string("note").value_or("");
        // Rungs apply in order, the first whose end is not past, so a rung that always ends
        // on or before the one above it could never apply.
        if (!out.empty() && has_months != has_days && (rung.months || rung.days) && ends_no_later(rung, out.back()))
            diags.error(
                file, r.pos(has_months ? "months" : "days"),
                fmt::format("{} must end after the rung before it: rungs run in order, longest last", named("[[after_expiry]]")));
        r.warn_unknown();
        out.push_back(std::move(rung));
    }
    return out;
}

} // namespace peerctl
