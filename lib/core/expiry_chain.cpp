#include "expiry_chain.hpp"

#include "rules_in_force.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

namespace {

// A level may have its own validity for the first period.
std::optional<int> level_months(const Credential& rule, const HeldCredential& held) {
    if (const LevelRule* level = rule.level(held.level.value_or(rule.default_level)); level && level->months)
        return *level->months;
    return std::nullopt;
}

// Expiries counted in whole months from `from` (the issue date, or the last expiry fixed by a
// date), never chained, so a clamped month end does not drift (issued Jan 31: Feb 28, then Mar
// 31). Each period lasts the months of the [period] in force on its expiry: the latest revision
// whose own months make the period end on or after its effective_from (a revision that shortens
// the period does not end one that would have ended before it).
struct PeriodWalk {
    PeriodWalk(const Credential& r, Date start, std::optional<int> first = std::nullopt)
        : rule(&r), from(start), first_months(first) {}

    const Credential* rule;
    Date from;
    long long months = 0;            // counted from `from` so far
    std::optional<int> first_months; // a level's own validity, for the next period only
    bool settled = false;            // the last [period] judged the last step, so it judges every later one

    std::optional<Date> next() {
        for (std::size_t i = rule->revisions.size() + 1; i-- > 0;) {
            const PeriodRule& period =
                i == 0 ? rule->period : *rules_in_force(*rule, rule->revisions[i - 1].effective_from).period;
            long long m = first_months.value_or(period.months);
            std::optional<Date> end = add_months(from, months + m);
            // Past the calendar's end is on or after every revision: that revision it is.
            if (!end) return std::nullopt;
            if (i == 0 || *end >= rule->revisions[i - 1].effective_from) {
                months += m;
                settled = i == rule->revisions.size() && !first_months;
                first_months.reset();
                return end;
            }
        }
        return std::nullopt; // not reached: i == 0 always returns
    }

    // The expiry `periods` periods on, once settled, without walking them one by one.
    std::optional<Date> skip(long long periods) const {
        const PeriodRule& last =
            rule->revisions.empty() ? rule->period : *rules_in_force(*rule, rule->revisions.back().effective_from).period;
        return add_months(from, months + periods * last.months);
    }
};

// The walk from the certification, and the first expiry.
PeriodWalk first_period(const Credential& rule, const HeldCredential& held, std::optional<Date>& expires) {
    if (held.expires) {
        expires = *held.expires;
        return PeriodWalk(rule, *held.expires);
    }
    if (rule.period.anchor == Anchor::CalendarYear) {
        PeriodWalk walk(rule, Date{held.issued->year(), date::December, date::day{31}});
        expires = walk.next();
        return walk;
    }
    PeriodWalk walk(rule, *held.issued, level_months(rule, held));
    expires = walk.next();
    return walk;
}

std::optional<Date> first_window_start(const Credential& rule, const HeldCredential& held) {
    if (rule.period.anchor == Anchor::CalendarYear) return add_months(Date{held.issued->year(), date::January, date::day{1}}, 12);
    return *held.issued;
}

// Every date an expiry brings with it must be in the calendar too: the next period's first day
// (and a calendar event's end), the end of each grace rung, the submit-by date, by the rules in
// force on that expiry.
ChainFault check_followers(const Credential& rule, Date expires) {
    if (!add_days(expires, 1)) return ChainFault::NoNextDay;
    RulesInForce rules = rules_in_force(rule, expires);
    for (const auto& rung : *rules.after_expiry)
        if (!grace_end(rung, expires)) return ChainFault::GracePastCalendar;
    if (rules.ce && rules.ce->submit_before_days && !add_days(expires, -*rules.ce->submit_before_days))
        return ChainFault::SubmitBeforeCalendar;
    return ChainFault::None;
}

} // namespace

std::optional<Date> grace_end(const LapseRung& rung, Date expires) {
    return rung.months ? add_months(expires, rung.months) : add_days(expires, rung.days);
}

std::optional<Date> nth_expiry(const Credential& rule, const HeldCredential& held, long long renewals) {
    std::optional<Date> expires;
    PeriodWalk walk = first_period(rule, held, expires);
    for (long long step = 1; expires && step <= renewals; ++step) {
        if (walk.settled) return walk.skip(renewals - step + 1);
        expires = walk.next();
    }
    return expires;
}

ExpiryChain expiry_chain(const Credential& rule, const HeldCredential& held, const std::vector<const RenewalEntry*>& renewals) {
    ExpiryChain chain;
    auto fail = [&](ChainFault fault, std::size_t step, std::optional<Date> expires) {
        chain.fault = fault;
        chain.fault_step = step;
        chain.fault_expiry = expires;
    };
    std::optional<Date> start = first_window_start(rule, held);
    std::optional<Date> expires;
    PeriodWalk walk = first_period(rule, held, expires);
    if (!start || !expires) {
        fail(ChainFault::ExpiryPastCalendar, 0, std::nullopt);
        return chain;
    }
    if (*expires <= *held.issued) {
        fail(ChainFault::NotLater, 0, expires);
        return chain;
    }
    if (ChainFault f = check_followers(rule, *expires); f != ChainFault::None) {
        fail(f, 0, expires);
        return chain;
    }
    chain.periods.push_back({*start, *expires});
    for (std::size_t step = 1; step <= renewals.size(); ++step) {
        const RenewalEntry& r = *renewals[step - 1];
        Date previous = chain.periods.back().expires;
        std::optional<Date> next;
        if (r.expires) {
            if (*r.expires <= previous) {
                fail(ChainFault::NotLater, step, r.expires);
                return chain;
            }
            // Later periods count from the date the renewal fixed.
            next = r.expires;
            walk = PeriodWalk(rule, *r.expires);
        } else {
            next = walk.next();
        }
        if (!next) {
            fail(ChainFault::ExpiryPastCalendar, step, std::nullopt);
            return chain;
        }
        if (ChainFault f = check_followers(rule, *next); f != ChainFault::None) {
            fail(f, step, next);
            return chain;
        }
        // check_followers has made sure the day after the previous expiry exists.
        chain.periods.push_back({add_days(previous, 1).value_or(previous), *next});
    }
    return chain;
}

namespace {

int submit_days(const Credential& rule, std::optional<Date> expires) {
    const CeRule* ce = expires ? rules_in_force(rule, *expires).ce : nullptr;
    return ce ? ce->submit_before_days.value_or(0) : 0;
}

std::string chain_message(const Credential& rule, const ExpiryChain& chain, const RenewalEntry* renewal) {
    const std::string last = to_string(last_date), first = to_string(first_date);
    std::string at = chain.fault_expiry ? to_string(*chain.fault_expiry) : "";
    switch (chain.fault) {
    case ChainFault::ExpiryPastCalendar:
        if (renewal)
            return fmt::format("this renewal would move the expiry of '{}' past {}, the last date peerctl handles", rule.id,
                               last);
        return fmt::format("'{}' would expire after {}, the last date peerctl handles", rule.id, last);
    case ChainFault::NoNextDay:
        return fmt::format("the expiry of '{}' ({}) must be before {}, the last date peerctl handles", rule.id, at, last);
    case ChainFault::GracePastCalendar:
        return fmt::format("the grace period after the expiry of '{}' ({}) would end after {}, the last date peerctl handles",
                           rule.id, at, last);
    case ChainFault::SubmitBeforeCalendar:
        return fmt::format(
            "the renewal of '{}' would be due {} days before its expiry ({}), before {}, the first date peerctl handles", rule.id,
            submit_days(rule, chain.fault_expiry), at, first);
    case ChainFault::NotLater:
        return fmt::format("'expires' ({}) must be after the expiry it renews ({})", at,
                           chain.periods.empty() ? "" : to_string(chain.periods.back().expires));
    case ChainFault::None: break;
    }
    return "";
}

} // namespace

void check_expiry_chains(const Record& record, const CredentialSet& credentials, Diagnostics& diags) {
    for (const auto& held : record.credentials) {
        const Credential* rule = credentials.find(held.id);
        if (!rule || !held.issued) continue;
        std::vector<const RenewalEntry*> renewals;
        bool dated = true; // a missing or wrong date is reported where it is read
        for (const auto& r : record.renewals)
            if (r.credential == held.id && !r.voided) {
                renewals.push_back(&r);
                dated = dated && in_range(r.date);
            }
        if (!dated) continue;
        std::stable_sort(renewals.begin(), renewals.end(), [](auto* a, auto* b) { return a->date < b->date; });
        for (const RenewalEntry* r : renewals) {
            if (r->date < *held.issued)
                diags.error(record.file, r->date_pos,
                            fmt::format("[[renewal]] dated {} is before '{}' was issued ({})", to_string(r->date), held.id,
                                        to_string(*held.issued)));
            if (r->expires && *r->expires <= r->date)
                diags.error(record.file, r->expires_pos, "'expires' must be after the renewal's 'date'");
        }
        ExpiryChain chain = expiry_chain(*rule, held, renewals);
        // An expiry on or before the issue date is reported where the record is read.
        if (chain.fault == ChainFault::None || (chain.fault == ChainFault::NotLater && chain.fault_step == 0)) continue;
        const RenewalEntry* renewal = chain.fault_step ? renewals[chain.fault_step - 1] : nullptr;
        Position at = renewal ? (renewal->expires ? renewal->expires_pos : renewal->pos)
                              : (held.expires ? held.expires_pos : held.issued_pos);
        diags.error(record.file, at, chain_message(*rule, chain, renewal));
    }
}

} // namespace peerctl
