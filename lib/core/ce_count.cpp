#include "ce_count.hpp"

#include <algorithm>
#include <cctype>

namespace peerctl {

bool RequirementProgress::met() const {
    if (!judged) return true;
    return kind == MinimumKind::TopicEntries ? entries_counted >= entries_required : counted >= required;
}

Hours CeProgress::hours_to_go() const {
    Hours most = remaining();
    for (const auto& r : requirements)
        if (r.kind != MinimumKind::TopicEntries && r.judged) most = std::max(most, shortfall(r.required, r.counted));
    return most;
}

bool CeProgress::met() const {
    if (counted < required || entries < entries_required) return false;
    return std::all_of(requirements.begin(), requirements.end(), [](const auto& r) { return r.met(); });
}

namespace {

bool same_provider(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Provider names match whatever their case: "GMHCN" is "gmhcn".
bool from_any(const std::vector<std::string>& providers, const CeEntry& e) {
    return std::any_of(providers.begin(), providers.end(), [&](const auto& name) { return same_provider(name, e.provider); });
}

bool has_topic(const CeEntry& e, const std::string& topic) {
    return std::find(e.topics.begin(), e.topics.end(), topic) != e.topics.end();
}

bool cap_applies(const CeCap& cap, const CeEntry& e) {
    return cap.delivery ? e.delivery == cap.delivery : has_topic(e, cap.topic);
}

// Whether the credential takes a CE entry at all, whatever its date: one too short counts for
// nothing (not the total, a minimum, a cap or the entry count).
UseReason acceptance(const CeRule& rule, const CeEntry& e) {
    if (!rule.providers.empty() && !from_any(rule.providers, e)) return UseReason::OtherProvider;
    if (rule.min_entry_hours && e.hours < *rule.min_entry_hours) return UseReason::TooShort;
    return UseReason::Counts;
}

// How an entry adds to one minimum: in full toward each topic it lists.
void add_to_minimum(RequirementProgress& r, const CeEntry& e) {
    switch (r.kind) {
    case MinimumKind::TopicHours:
        if (has_topic(e, r.topic)) r.counted += e.hours;
        break;
    case MinimumKind::TopicEntries:
        if (has_topic(e, r.topic)) ++r.entries_counted;
        break;
    case MinimumKind::ProviderHours:
        if (from_any(r.providers, e)) r.counted += e.hours;
        break;
    }
}

// A minimum over `over_months`: the entries the credential takes dated from the expiry minus the
// months (as a [training] look-back counts: that day included) to the expiry, across periods, and
// never less than the current period. Judged only when the holder was certified on or before the
// window's first day, so has held the credential the whole window: no pro rata.
void count_over_months(const Record& rec, const CeRule& rule, RequirementProgress& r, Date start, Date end, Date issued,
                       Date as_of, UseLog& log) {
    std::optional<Date> back = look_back_start(end, r.over_months);
    r.judged = back && issued <= *back;
    Date from = back ? std::min(*back, start) : first_date;
    r.window_start = from;
    for (std::size_t i = 0; i < rec.ce.size(); ++i) {
        const CeEntry& e = rec.ce[i];
        if (e.voided || e.date > as_of || e.date < from || e.date > end || acceptance(rule, e) != UseReason::Counts) continue;
        Hours hours_before = r.counted;
        int entries_before = r.entries_counted;
        add_to_minimum(r, e);
        // An entry of a period before ("before the current period") counts for the credential here.
        if (r.counted != hours_before || r.entries_counted != entries_before) log.mark(EntryKind::Ce, i, UseReason::Counts);
    }
}

} // namespace

CeProgress count_ce(const Record& rec, const CeRule& rule, Date start, Date end, Date issued, Date as_of, UseLog& log) {
    CeProgress p;
    p.window_start = start;
    p.window_end = end;
    p.required = rule.hours;
    p.entries_required = rule.entries;
    std::vector<const CeEntry*> entries;
    for (std::size_t i = 0; i < rec.ce.size(); ++i) {
        const CeEntry& e = rec.ce[i];
        UseReason why = e.voided         ? UseReason::Void
                        : e.date > as_of ? UseReason::AfterAsOf
                        : e.date < start ? UseReason::BeforePeriod
                        : e.date > end   ? UseReason::AfterPeriod
                                         : acceptance(rule, e);
        if (why == UseReason::Counts) entries.push_back(&e);
        else if (why == UseReason::TooShort) log.mark(EntryKind::Ce, i, why, rule.min_entry_hours);
        else log.mark(EntryKind::Ce, i, why);
    }
    std::stable_sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->date < b->date; });
    for (const auto& c : rule.caps)
        p.caps.push_back({c.topic, c.delivery, c.hours, Hours(), Hours()});
    for (const auto& m : rule.minimums)
        p.requirements.push_back(
            {m.kind, m.topic, m.providers, m.hours, Hours(), m.entries, 0, m.over_months, std::nullopt, true});
    for (const CeEntry* e : entries) {
        ++p.entries;
        // An entry counts once toward the total, reduced by the per-entry cap and by what room is
        // left under each cap that applies to it (in date order, so the result is deterministic).
        Hours counted = rule.max_entry_hours ? min(e->hours, *rule.max_entry_hours) : e->hours;
        for (std::size_t i = 0; i < rule.caps.size(); ++i)
            if (cap_applies(rule.caps[i], *e)) counted = min(counted, shortfall(rule.caps[i].hours, p.caps[i].counted));
        for (std::size_t i = 0; i < rule.caps.size(); ++i)
            if (cap_applies(rule.caps[i], *e)) {
                p.caps[i].logged += e->hours;
                p.caps[i].counted += counted;
            }
        p.counted += counted;
        log.mark(EntryKind::Ce, static_cast<std::size_t>(e - rec.ce.data()),
                 counted.is_zero() ? UseReason::OverCap : UseReason::Counts);
        for (auto& r : p.requirements)
            if (!r.over_months) add_to_minimum(r, *e);
    }
    for (auto& r : p.requirements)
        if (r.over_months) count_over_months(rec, rule, r, start, end, issued, as_of, log);
    return p;
}

} // namespace peerctl
