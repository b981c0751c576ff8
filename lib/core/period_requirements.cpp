#include "period_requirements.hpp"

#include "enum_names.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

namespace peerctl {

namespace {
constexpr std::string_view quarter_states[] = {"met", "pending", "missing", "upcoming"};
static_assert(std::size(quarter_states) == static_cast<std::size_t>(QuarterState::Upcoming) + 1);

bool counts_kind(const std::vector<ExperienceKind>& kinds, ExperienceKind k) {
    return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

// Why an experience entry does or does not count toward a rule over start..end.
UseReason use_of(const ExperienceEntry& e, const std::vector<ExperienceKind>& kinds, Date start, Date end, Date as_of) {
    return e.voided                      ? UseReason::Void
           : !counts_kind(kinds, e.kind) ? UseReason::KindNotCounted
           : e.date > as_of              ? UseReason::AfterAsOf
           : e.date < start              ? UseReason::BeforePeriod
           : e.date > end                ? UseReason::AfterPeriod
                                         : UseReason::Counts;
}

QuarterState state_of(const QuarterCount& q, int required, Date as_of) {
    if (q.counted >= required) return QuarterState::Met;
    if (as_of > q.end) return QuarterState::Missing;
    return as_of >= q.start ? QuarterState::Pending : QuarterState::Upcoming;
}

} // namespace

std::string to_string(QuarterState s) { return enum_name(quarter_states, s); }

bool QuarterProgress::met() const {
    return std::all_of(quarters.begin(), quarters.end(), [](const auto& q) { return q.state == QuarterState::Met; });
}

bool RenewalProgress::met() const {
    return std::all_of(experience.begin(), experience.end(), [](const auto& e) { return e.completed >= e.required; }) &&
           std::all_of(each_quarter.begin(), each_quarter.end(), [](const auto& q) { return q.met(); });
}

std::vector<QuarterSpan> quarters_of(Date start, Date expires) {
    std::vector<QuarterSpan> out;
    for (long long k = 0;; ++k) {
        Date from = *add_months(start, 3 * k); // on or before expires, so in the calendar
        auto next = add_months(start, 3 * (k + 1));
        // The expiry is the period's last day and often start + 12 months itself: the quarter
        // that reaches it is the last (a next start past the calendar is past any expiry).
        if (!next || *next >= expires) {
            out.push_back({from, expires});
            return out;
        }
        out.push_back({from, *add_days(*next, -1)});
    }
}

RenewalProgress count_renewal(const Record& rec, const RenewalRule& rule, Date start, Date expires, Date as_of, UseLog& log) {
    RenewalProgress p;
    // Each entry's reason over all the rules: a rule whose kinds take it says more ("before the
    // current period") than one that does not, whatever their order.
    std::vector<std::optional<UseReason>> why(rec.experience.size());
    auto judge = [&](std::size_t i, const std::vector<ExperienceKind>& kinds) {
        UseReason r = use_of(rec.experience[i], kinds, start, expires, as_of);
        if (!why[i] || *why[i] == UseReason::KindNotCounted || r == UseReason::Counts) why[i] = r;
        return r == UseReason::Counts;
    };
    for (const auto& r : rule.experience) {
        ExperienceProgress e{r.kinds, r.hours, Hours(), std::nullopt};
        for (std::size_t i = 0; i < rec.experience.size(); ++i)
            if (judge(i, r.kinds)) e.completed += rec.experience[i].hours;
        p.experience.push_back(std::move(e));
    }
    std::vector<QuarterSpan> spans = rule.each_quarter.empty() ? std::vector<QuarterSpan>{} : quarters_of(start, expires);
    for (const auto& r : rule.each_quarter) {
        QuarterProgress q{r.name, r.kinds, r.entries, {}};
        for (const auto& span : spans)
            q.quarters.push_back({span.start, span.end, 0, QuarterState::Upcoming});
        for (std::size_t i = 0; i < rec.experience.size(); ++i) {
            if (!judge(i, r.kinds)) continue;
            // Quarters are in order and cover the period: the last that starts on or before the entry.
            auto it = std::upper_bound(q.quarters.begin(), q.quarters.end(), rec.experience[i].date,
                                       [](Date d, const QuarterCount& c) { return d < c.start; });
            ++std::prev(it)->counted;
        }
        for (auto& c : q.quarters)
            c.state = state_of(c, r.entries, as_of);
        p.each_quarter.push_back(std::move(q));
    }
    for (std::size_t i = 0; i < why.size(); ++i)
        if (why[i]) log.mark(EntryKind::Experience, i, *why[i]);
    return p;
}

} // namespace peerctl
