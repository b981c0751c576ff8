#include "remind_plan.hpp"

#include "status_text.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

std::optional<NextDeadline> next_deadline(const CredentialStatus& cs, Date day) {
    if (cs.certification) {
        const Certification& c = *cs.certification;
        std::optional<Deadline> deadline = first_action_date(c, cs.state);
        if (!deadline || !c.expires) return std::nullopt; // it does not expire
        Deadline d = *deadline;
        // Late: the submit-by date is behind, and the expiry is what a reminder can still help with.
        if (d.kind == DeadlineKind::SubmitBy && day > d.date) d = {*c.expires, DeadlineKind::Expiry};
        if (day > d.date) return std::nullopt;
        return NextDeadline{d.date, d.kind, false};
    }
    if (cs.exam && !cs.exam->passed && cs.exam->deadline && day <= *cs.exam->deadline)
        return NextDeadline{*cs.exam->deadline, DeadlineKind::Expiry, true};
    return std::nullopt;
}

namespace {

// What is still to do for one credential, in words for its holder.
std::vector<std::string> missing_for(const CredentialStatus& cs) {
    std::vector<std::string> out;
    if (cs.certification) {
        out = period_missing_parts(cs);
        for (auto& part : ce_missing_parts(cs))
            out.push_back("CE: " + part);
        return out;
    }
    if (cs.training && !cs.training->met) {
        for (const auto& d : cs.training->domains)
            if (d.completed < d.required)
                out.push_back(fmt::format("{} h of training in {}", shortfall(d.required, d.completed).str(), d.domain));
        if (cs.training->completed < cs.training->required)
            out.push_back(
                fmt::format("{} h of training in total", shortfall(cs.training->required, cs.training->completed).str()));
    }
    for (const auto& e : cs.experience)
        if (e.completed < e.required) out.push_back(fmt::format("{} h of experience", shortfall(e.required, e.completed).str()));
    if (cs.exam && cs.exam->required && !cs.exam->passed)
        out.push_back(cs.exam->scheduled ? fmt::format("the exam (scheduled {})", to_string(*cs.exam->scheduled))
                                         : std::string("the exam"));
    return out;
}

} // namespace

std::optional<Reminder> plan_reminder(const Record& record, const std::function<SpecialistStatus(Date)>& status_on, Date since,
                                      Date today, std::span<const int> days) {
    if (!record.active() || days.empty() || since > today) return std::nullopt;
    SpecialistStatus now = status_on(today);
    Reminder out;
    for (const auto& cs : now.credentials) {
        std::optional<NextDeadline> current = next_deadline(cs, today);
        if (!current) continue;
        // Only the days `days` before today's next deadline can have sent for it; a missed one
        // counts only where that deadline was already the next one then (a renewal or an entry
        // logged since may have moved it, and then it is the new deadline's turn).
        bool due = false;
        for (int before : days) {
            std::optional<Date> day = add_days(current->date, -before);
            if (!day || *day < since || *day > today) continue;
            if (*day == today) {
                due = true;
                break;
            }
            SpecialistStatus then = status_on(*day);
            for (const auto& past : then.credentials)
                if (past.rule == cs.rule && next_deadline(past, *day) == current) due = true;
            if (due) break;
        }
        if (!due) continue;
        RemindItem item;
        item.credential = cs.rule->id;
        item.credential_name = cs.rule->name;
        item.deadline = *current;
        item.days_left = days_between(today, current->date);
        item.missing = missing_for(cs);
        item.renewable = cs.certification && cs.renewable;
        out.items.push_back(std::move(item));
    }
    if (out.items.empty()) return std::nullopt;
    out.id = record.id;
    out.name = record.name;
    out.email = record.email;
    return out;
}

} // namespace peerctl
