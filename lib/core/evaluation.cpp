#include "evaluation.hpp"

#include "enum_names.hpp"
#include "ce_count.hpp"
#include "period_requirements.hpp"
#include "rules_in_force.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <iterator>

namespace peerctl {

namespace {
constexpr std::string_view states[] = {"in-training", "eligible", "active", "late", "grace", "lapsed"};
static_assert(std::size(states) == static_cast<std::size_t>(State::Lapsed) + 1);
} // namespace

std::span<const std::string_view> state_names() { return states; }
std::string to_string(State s) { return enum_name(states, s); }
std::optional<State> parse_state(std::string_view s) { return parse_enum<State>(states, s); }

namespace {

// Experience toward one rule. With a look-back, only entries from `reference` - within_months to
// `reference` count, as training does; without, every entry up to as_of.
Hours experience_hours(const Record& rec, const ExperienceRule& rule, Date reference, Date as_of, UseLog& log) {
    std::optional<Date> earliest = look_back_start(reference, rule.within_months);
    const auto& kinds = rule.kinds;
    Hours sum;
    for (std::size_t i = 0; i < rec.experience.size(); ++i) {
        const ExperienceEntry& e = rec.experience[i];
        UseReason why = e.voided                                                       ? UseReason::Void
                        : std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end() ? UseReason::KindNotCounted
                        : e.date > as_of                                               ? UseReason::AfterAsOf
                        : rule.within_months && e.date > reference                     ? UseReason::AfterIssue
                        : earliest && e.date < *earliest                               ? UseReason::ExperienceTooOld
                                                                                       : UseReason::Counts;
        log.mark(EntryKind::Experience, i, why);
        if (why == UseReason::Counts) sum += e.hours;
    }
    return sum;
}

// `reference`: the issue date, or as_of while the credential (or the level) is pursued.
std::vector<ExperienceProgress> experience_progress(const Record& rec, const std::vector<ExperienceRule>& rules, Date reference,
                                                    Date as_of, UseLog& log) {
    std::vector<ExperienceProgress> out;
    out.reserve(rules.size());
    for (const auto& r : rules)
        out.push_back({r.kinds, r.hours, experience_hours(rec, r, reference, as_of, log), r.within_months});
    return out;
}

bool all_met(const std::vector<ExperienceProgress>& items) {
    return std::all_of(items.begin(), items.end(), [](const auto& e) { return e.completed >= e.required; });
}

TrainingProgress training_progress(const Record& rec, const TrainingRule& rule, Date reference, Date as_of, UseLog& log) {
    TrainingProgress p;
    p.required = rule.hours;
    std::optional<Date> earliest = look_back_start(reference, rule.within_months);
    std::vector<std::optional<Date>> domain_earliest;
    for (const auto& d : rule.domains) {
        p.domains.push_back({d.domain, d.hours, Hours(), d.within_months});
        domain_earliest.push_back(look_back_start(reference, d.within_months));
    }
    for (std::size_t i = 0; i < rec.training.size(); ++i) {
        const TrainingEntry& e = rec.training[i];
        UseReason why = e.voided                         ? UseReason::Void
                        : e.date > as_of                 ? UseReason::AfterAsOf
                        : e.date > reference             ? UseReason::AfterIssue
                        : earliest && e.date < *earliest ? UseReason::TooOld
                                                         : UseReason::Counts;
        log.mark(EntryKind::Training, i, why);
        if (why != UseReason::Counts) continue;
        p.completed += e.hours;
        // An entry older than a domain's own look-back still counts toward the total.
        for (std::size_t k = 0; k < p.domains.size(); ++k)
            if (p.domains[k].domain == e.domain && !(domain_earliest[k] && e.date < *domain_earliest[k]))
                p.domains[k].completed += e.hours;
    }
    p.met = p.completed >= p.required &&
            std::all_of(p.domains.begin(), p.domains.end(), [](const auto& d) { return d.completed >= d.required; });
    return p;
}

// The date the training total was first reached, for exam deadlines; with no total in the rules,
// the date of the last training entry.
std::optional<Date> training_completed_on(const Record& rec, Hours required) {
    if (required.is_zero()) {
        std::optional<Date> last;
        for (const auto& e : rec.training)
            if (!e.voided && (!last || e.date > *last)) last = e.date;
        return last;
    }
    std::vector<const TrainingEntry*> sorted;
    for (const auto& e : rec.training)
        if (!e.voided) sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->date < b->date; });
    Hours sum;
    for (const auto* e : sorted) {
        sum += e->hours;
        if (sum >= required) return e->date;
    }
    return std::nullopt;
}

ExamProgress exam_progress(const Record& rec, const Credential& rule, const RulesInForce& rules, Date as_of,
                           std::vector<std::string>& problems, UseLog& log) {
    const ExamRule& er = *rules.exam;
    ExamProgress p;
    p.required = er.required;
    std::vector<const ExamEntry*> attempts;
    for (std::size_t i = 0; i < rec.exams.size(); ++i) {
        const ExamEntry& e = rec.exams[i];
        if (e.credential != rule.id) continue;
        if (e.voided) {
            log.mark(EntryKind::Exam, i, UseReason::Void);
            continue;
        }
        if (e.result == ExamResult::Scheduled) {
            log.mark(EntryKind::Exam, i, UseReason::Scheduled);
            if (e.date >= as_of && (!p.scheduled || e.date < *p.scheduled)) p.scheduled = e.date;
            continue;
        }
        if (e.date > as_of) {
            log.mark(EntryKind::Exam, i, UseReason::AfterAsOf);
            continue;
        }
        attempts.push_back(&e);
    }
    std::stable_sort(attempts.begin(), attempts.end(), [](auto* a, auto* b) { return a->date < b->date; });
    std::optional<Date> last_failure;
    for (const auto* a : attempts) {
        auto index = static_cast<std::size_t>(a - rec.exams.data());
        // Attempts after a pass do not count against the limit.
        log.mark(EntryKind::Exam, index, p.passed ? UseReason::AfterPass : UseReason::Counts);
        if (p.passed) continue;
        ++p.attempts;
        if (last_failure && er.retest_wait_days) {
            int waited = days_between(*last_failure, a->date);
            if (waited < *er.retest_wait_days)
                problems.push_back(fmt::format("exam on {} was {} days after a failed attempt; {} requires {}",
                                               to_string(a->date), waited, rule.id, *er.retest_wait_days));
        }
        p.last_date = a->date;
        p.last_result = a->result;
        if (a->result == ExamResult::Passed) p.passed = true;
        else last_failure = a->date;
    }
    if (er.max_attempts) {
        p.attempts_left = std::max(0, *er.max_attempts - p.attempts);
        if (p.attempts > *er.max_attempts)
            problems.push_back(fmt::format("{} exam attempts recorded; {} allows {}", p.attempts, rule.id, *er.max_attempts));
        else if (!p.passed && p.attempts == *er.max_attempts)
            problems.push_back(fmt::format("all {} exam attempts used without a pass", *er.max_attempts));
    }
    if (er.within_months_of_training && !rec.training.empty()) {
        auto done = training_completed_on(rec, rules.training ? rules.training->hours : Hours());
        // A deadline past the calendar's last day cannot have passed.
        if (auto deadline_day = done ? add_months(*done, *er.within_months_of_training) : std::nullopt) {
            Date deadline = *deadline_day;
            p.deadline = deadline;
            if (p.passed && p.last_date && *p.last_date > deadline)
                problems.push_back(fmt::format("exam passed on {}, after the deadline of {} ({} months after training)",
                                               to_string(*p.last_date), to_string(deadline), *er.within_months_of_training));
            else if (!p.passed && as_of > deadline)
                problems.push_back(
                    fmt::format("the exam deadline {} ({} months after training) has passed; the training must be repeated",
                                to_string(deadline), *er.within_months_of_training));
        }
    }
    return p;
}

} // namespace

namespace {

// [renewal]: what the period needs besides CE (hours within it, entries in each quarter); the
// period is not renewable while any of it is short.
void judge_period_renewal(const Record& rec, const RulesInForce& rules, const CertPeriod& period, Date as_of,
                          CredentialStatus& out, UseLog& log) {
    if (!rules.renewal) return;
    out.renewal = count_renewal(rec, *rules.renewal, period.start, period.expires, as_of, log);
    if (!out.renewal->met()) out.renewable = false;
}

// The step up from `level` is due a number of months after the training total was reached (by
// the training rules in force on the issue date); past that date, still at the level, a problem.
void judge_move_up(const Record& rec, const Credential& rule, const LevelRule& level, Date issued, Date as_of, LevelProgress& lp,
                   std::vector<std::string>& problems) {
    if (!level.move_up_within_months_of_training) return;
    const TrainingRule* training = rules_in_force(rule, issued).training;
    auto done = training_completed_on(rec, training ? training->hours : Hours());
    // No training on record, or a deadline past the calendar's last day: no date to show.
    lp.due = done ? add_months(*done, *level.move_up_within_months_of_training) : std::nullopt;
    if (lp.due && as_of > *lp.due)
        problems.push_back(fmt::format("the step up to level {} was due on {} ({} months after training)", lp.level,
                                       to_string(*lp.due), *level.move_up_within_months_of_training));
}

// The next level up from `level`, and what it still needs.
void judge_next_level(const Record& rec, const Credential& rule, const LevelRule* level, Date issued, Date as_of, bool period_met,
                      CredentialStatus& out, UseLog& log) {
    if (!level) return;
    auto it = std::find_if(rule.levels.begin(), rule.levels.end(), [&](const auto& l) { return l.id == level->id; });
    if (it == rule.levels.end() || std::next(it) == rule.levels.end()) return;
    LevelProgress lp;
    lp.level = std::next(it)->id;
    lp.experience = experience_progress(rec, std::next(it)->experience, as_of, as_of, log);
    lp.needs_period_met = std::next(it)->needs_period_met;
    lp.period_met = period_met;
    lp.met = all_met(lp.experience) && (!lp.needs_period_met || period_met);
    judge_move_up(rec, rule, *level, issued, as_of, lp, out.problems);
    out.next_level = std::move(lp);
}

void evaluate_certified(const Record& rec, const Credential& rule, const HeldCredential& held, Date as_of, CredentialStatus& out,
                        UseLog& log) {
    Certification cert;
    cert.number = held.number.value_or("");
    cert.level = held.level.value_or(rule.default_level);
    cert.issued = *held.issued;

    // Renewals granted by as_of, in date order, each moving the expiry one period on or to its own date.
    std::vector<const RenewalEntry*> renewals;
    for (std::size_t i = 0; i < rec.renewals.size(); ++i) {
        const RenewalEntry& r = rec.renewals[i];
        if (r.credential != rule.id) continue;
        UseReason why = r.voided ? UseReason::Void : r.date > as_of ? UseReason::AfterAsOf : UseReason::Counts;
        log.mark(EntryKind::Renewal, i, why);
        if (why == UseReason::Counts) renewals.push_back(&r);
    }
    std::stable_sort(renewals.begin(), renewals.end(), [](auto* a, auto* b) { return a->date < b->date; });

    cert.renewals = static_cast<int>(renewals.size());
    const LevelRule* level = rule.level(cert.level);
    if (rule.period.anchor == Anchor::None) {
        // Valid from its issue date on, with nothing to renew.
        out.state = State::Active;
        out.renewable = true;
        judge_next_level(rec, rule, level, cert.issued, as_of, true, out, log);
        out.certification = cert;
        return;
    }

    ExpiryChain chain = expiry_chain(rule, held, renewals, rec.birthday);
    if (chain.fault == ChainFault::NoBirthday) {
        out.problems.push_back(fmt::format(
            "the expiry of {} cannot be computed: it expires on the holder's birthday and the record has no 'birthday'",
            rule.id));
        return;
    }
    if (chain.fault != ChainFault::None) {
        // The record loader refuses such a record; a status must still never show a date outside
        // the calendar or an inverted window.
        out.problems.push_back(fmt::format("the expiry of {} cannot be computed (run peerctl validate)", rule.id));
        return;
    }
    const CertPeriod& period = chain.periods.back();
    Date window_start = period.start;
    Date expires = period.expires;
    // The period, its CE and what follows its expiry: by the rules in force on that expiry.
    RulesInForce rules = rules_in_force(rule, expires);
    out.revision = rules.period_since();
    cert.expires = expires;
    cert.days_left = days_between(as_of, expires);

    const CeRule* ce_rule = rules.ce;
    // expiry_chain has checked that both dates are in the calendar.
    if (ce_rule && ce_rule->submit_before_days) cert.submit_by = add_days(expires, -*ce_rule->submit_before_days);
    if (ce_rule && ce_rule->submit_from_days) cert.submit_from = add_days(expires, -*ce_rule->submit_from_days);
    if (as_of <= expires) {
        out.state = cert.submit_by && as_of > *cert.submit_by ? State::Late : State::Active;
        if (out.state == State::Late) cert.late_fee_cents = ce_rule->late_fee_cents;
    } else {
        out.state = State::Lapsed;
        for (const auto& rung : *rules.after_expiry) {
            std::optional<Date> end = grace_end(rung, expires); // in the calendar: expiry_chain checked it
            if (end && as_of <= *end) {
                out.state = State::Grace;
                cert.grace_until = end;
                cert.late_fee_cents = rung.fee_cents;
                break;
            }
        }
    }

    if (ce_rule) {
        CeProgress ce = count_ce(rec, *ce_rule, window_start, expires, cert.issued, as_of, log);
        if (chain.periods.size() > 1 && ce_rule->carry_over_max > Hours()) {
            // The surplus of the period before, as the rules of that period counted it.
            const CertPeriod& before_period = chain.periods[chain.periods.size() - 2];
            if (const CeRule* before_rule = rules_in_force(rule, before_period.expires).ce) {
                UseLog none;
                CeProgress before =
                    count_ce(rec, *before_rule, before_period.start, before_period.expires, cert.issued, as_of, none);
                Hours surplus = before.counted > before.required ? before.counted - before.required : Hours();
                ce.carried_over = min(surplus, ce_rule->carry_over_max);
                ce.counted += ce.carried_over;
            }
        }
        out.renewable = ce.met();
        out.ce = std::move(ce);
    } else {
        out.renewable = true;
    }
    judge_period_renewal(rec, rules, period, as_of, out, log);
    bool period_met = out.renewable;
    if (level && !level->renewable_after(cert.renewals)) out.renewable = false;
    judge_next_level(rec, rule, level, cert.issued, as_of, period_met, out, log);
    out.certification = cert;
}

} // namespace

namespace {

// CE and renewals of a credential not certified count toward nothing yet.
void mark_uncertified(const Record& rec, const Credential& rule, UseLog& log) {
    if (!log.on()) return;
    if (rule.ce)
        for (std::size_t i = 0; i < rec.ce.size(); ++i)
            log.mark(EntryKind::Ce, i, rec.ce[i].voided ? UseReason::Void : UseReason::NotCertified);
    for (std::size_t i = 0; i < rec.renewals.size(); ++i)
        if (rec.renewals[i].credential == rule.id)
            log.mark(EntryKind::Renewal, i, rec.renewals[i].voided ? UseReason::Void : UseReason::NotCertified);
}

} // namespace

SpecialistStatus evaluate(const Record& record, const CredentialSet& credentials, Date as_of, bool with_entry_uses) {
    SpecialistStatus s;
    s.id = record.id;
    s.name = record.name;
    s.file = record.file;
    s.site = record.site;
    s.supervisor = record.supervisor;
    for (const auto& held : record.credentials) {
        const Credential* rule = credentials.find(held.id);
        if (!rule) continue; // the loader has already reported it
        CredentialStatus cs;
        cs.rule = rule;
        UseLog log(with_entry_uses ? &cs.entry_uses : nullptr);
        bool certified = held.issued && *held.issued <= as_of;
        // Training, exam and experience: by the rules in force on the issue date, or today's.
        Date reference = certified ? *held.issued : as_of;
        RulesInForce initial = rules_in_force(*rule, reference);
        cs.revision = initial.initial_since();
        if (initial.training) cs.training = training_progress(record, *initial.training, reference, as_of, log);
        cs.experience = experience_progress(record, *initial.experience, reference, as_of, log);
        if (initial.exam) cs.exam = exam_progress(record, *rule, initial, as_of, cs.problems, log);
        // effective_to ends new certifications; those already issued keep their status and renewals.
        if (rule->effective_to && held.issued && *held.issued > *rule->effective_to)
            cs.problems.push_back(fmt::format("{} was issued on {}, after {} stopped new certifications on {}", rule->id,
                                              to_string(*held.issued), rule->id, to_string(*rule->effective_to)));
        else if (rule->effective_to && !held.issued && as_of > *rule->effective_to)
            cs.problems.push_back(fmt::format("{} stopped new certifications on {}", rule->id, to_string(*rule->effective_to)));
        if (certified) {
            evaluate_certified(record, *rule, held, as_of, cs, log);
        } else {
            mark_uncertified(record, *rule, log);
            bool met = (!cs.training || cs.training->met) && all_met(cs.experience) &&
                       (!cs.exam || !cs.exam->required || cs.exam->passed);
            cs.state = met ? State::Eligible : State::InTraining;
        }
        s.credentials.push_back(std::move(cs));
    }
    return s;
}

} // namespace peerctl
