#include "expiry_chain.hpp"

#include "rules_in_force.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

namespace {

// A level may have its own validity, for every period the certification holds at that level.
std::optional<int> level_months(const Credential& rule, const HeldCredential& held) {
    if (const LevelRule* level = rule.level(held.level.value_or(rule.default_level)); level && level->months)
        return *level->months;
    return std::nullopt;
}

// Expiries counted in whole months from `from` (the issue date, or the last expiry fixed by a
// date), never chained, so a clamped month end does not drift (issued Jan 31: Feb 28, then Mar
// 31). Each period lasts the months of the [period] in force on its expiry: the latest revision
// whose own months make the period end on or after its effective_from (a revision that shortens
// the period does not end one that would have ended before it). A level's own months replace
// them all; with a birthday, each expiry is the birthday of its year (Feb 29 in leap years).
struct PeriodWalk {
    PeriodWalk(const Credential& r, Date start, std::optional<int> level = std::nullopt,
               std::optional<MonthDay> on_birthday = std::nullopt)
        : rule(&r), from(start), fixed_months(level), birthday(on_birthday) {
        settled = fixed_months.has_value();
    }

    const Credential* rule;
    Date from;
    long long months = 0;            // counted from `from` so far
    std::optional<int> fixed_months; // a level's own validity: every period, whatever the revisions
    std::optional<MonthDay> birthday;
    bool settled = false; // the last [period] judged the last step, so it judges every later one

    std::optional<Date> at(long long total) const {
        std::optional<Date> d = add_months(from, total);
        return d && birthday ? in_year(*birthday, static_cast<int>(d->year())) : d;
    }

    std::optional<Date> next() {
        if (fixed_months) return at(months += *fixed_months);
        for (std::size_t i = rule->revisions.size() + 1; i-- > 0;) {
            const PeriodRule& period =
                i == 0 ? rule->period : *rules_in_force(*rule, rule->revisions[i - 1].effective_from).period;
            std::optional<Date> end = at(months + period.months);
            // Past the calendar's end is on or after every revision: that revision it is.
            if (!end) return std::nullopt;
            if (i == 0 || *end >= rule->revisions[i - 1].effective_from) {
                months += period.months;
                settled = i == rule->revisions.size();
                return end;
            }
        }
        return std::nullopt; // not reached: i == 0 always returns
    }

    // The expiry `periods` periods on, once settled, without walking them one by one.
    std::optional<Date> skip(long long periods) const {
        const PeriodRule& last =
            rule->revisions.empty() ? rule->period : *rules_in_force(*rule, rule->revisions.back().effective_from).period;
        return at(months + periods * fixed_months.value_or(last.months));
    }
};

// The first expiry of a birthday-anchored credential: the holder's birthday in the year `months`
// later when issued on or after that year's birthday, else the year before. That is the last
// birthday within `months` of the issue date, so the first period is short to meet the birthday
// (more than months - 12, at most months), and an issue on the birthday gets the whole period.
std::optional<Date> first_birthday_expiry(Date issued, MonthDay birthday, int months) {
    int year = static_cast<int>(issued.year());
    std::optional<Date> this_year = in_year(birthday, year);
    int years = months / 12 - (this_year && issued < *this_year ? 1 : 0);
    return in_year(birthday, year + years);
}

// The walk from the certification, and the first expiry; nothing when it cannot be computed
// (past the calendar, or a birthday credential without a birthday: `birthday_missing`).
PeriodWalk first_period(const Credential& rule, const HeldCredential& held, std::optional<MonthDay> birthday,
                        std::optional<Date>& expires, bool& birthday_missing) {
    std::optional<int> own = level_months(rule, held);
    // A level's own months count from the issue date, not from a birthday.
    std::optional<MonthDay> snap = rule.period.anchor == Anchor::Birthday && !own ? birthday : std::nullopt;
    if (held.expires) {
        expires = *held.expires;
        return PeriodWalk(rule, *held.expires, own, snap);
    }
    switch (rule.period.anchor) {
    case Anchor::CalendarYear: {
        PeriodWalk walk(rule, Date{held.issued->year(), date::December, date::day{31}});
        expires = walk.next();
        return walk;
    }
    case Anchor::FirstOfIssueMonth: {
        PeriodWalk walk(rule, Date{held.issued->year(), held.issued->month(), date::day{1}}, own);
        expires = walk.next();
        return walk;
    }
    case Anchor::Birthday:
        if (own) break;
        if (!birthday) {
            birthday_missing = true;
            return PeriodWalk(rule, *held.issued);
        }
        expires = first_birthday_expiry(*held.issued, *birthday, rule.period.months);
        return PeriodWalk(rule, expires.value_or(*held.issued), std::nullopt, snap);
    case Anchor::IssueDate:
    case Anchor::None: break;
    }
    PeriodWalk walk(rule, *held.issued, own);
    expires = walk.next();
    return walk;
}

std::optional<Date> first_window_start(const Credential& rule, const HeldCredential& held) {
    if (rule.period.anchor == Anchor::CalendarYear) return add_months(Date{held.issued->year(), date::January, date::day{1}}, 12);
    return *held.issued;
}

// The most days before expiry a [ce] puts a date: the submit-by date, or the day the window opens.
int submit_days(const CeRule* ce) {
    return ce ? std::max(ce->submit_before_days.value_or(0), ce->submit_from_days.value_or(0)) : 0;
}

// Every date an expiry brings with it must be in the calendar too: the next period's first day
// (and a calendar event's end), the end of each grace rung, the submit-by date, by the rules in
// force on that expiry.
ChainFault check_followers(const Credential& rule, Date expires) {
    if (!add_days(expires, 1)) return ChainFault::NoNextDay;
    RulesInForce rules = rules_in_force(rule, expires);
    for (const auto& rung : *rules.after_expiry)
        if (!grace_end(rung, expires)) return ChainFault::GracePastCalendar;
    if (!add_days(expires, -submit_days(rules.ce))) return ChainFault::SubmitBeforeCalendar;
    return ChainFault::None;
}

} // namespace

std::optional<Date> grace_end(const LapseRung& rung, Date expires) {
    return rung.months ? add_months(expires, rung.months) : add_days(expires, rung.days);
}

std::optional<Date> nth_expiry(const Credential& rule, const HeldCredential& held, long long renewals,
                               std::optional<MonthDay> birthday) {
    std::optional<Date> expires;
    bool no_birthday = false;
    PeriodWalk walk = first_period(rule, held, birthday, expires, no_birthday);
    for (long long step = 1; expires && step <= renewals; ++step) {
        if (walk.settled) return walk.skip(renewals - step + 1);
        expires = walk.next();
    }
    return expires;
}

ExpiryChain expiry_chain(const Credential& rule, const HeldCredential& held, const std::vector<const RenewalEntry*>& renewals,
                         std::optional<MonthDay> birthday) {
    ExpiryChain chain;
    auto fail = [&](ChainFault fault, std::size_t step, std::optional<Date> expires) {
        chain.fault = fault;
        chain.fault_step = step;
        chain.fault_expiry = expires;
    };
    if (rule.period.anchor == Anchor::None) {
        fail(ChainFault::NeverExpires, 0, std::nullopt);
        return chain;
    }
    std::optional<Date> start = first_window_start(rule, held);
    std::optional<Date> expires;
    bool no_birthday = false;
    PeriodWalk walk = first_period(rule, held, birthday, expires, no_birthday);
    if (no_birthday) {
        fail(ChainFault::NoBirthday, 0, std::nullopt);
        return chain;
    }
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
            walk = PeriodWalk(rule, *r.expires, walk.fixed_months, walk.birthday);
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
    return expires ? submit_days(rules_in_force(rule, *expires).ce) : 0;
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
    case ChainFault::NoBirthday:
        return fmt::format("'{}' expires on the holder's birthday: add birthday = \"MM-DD\" to the record", rule.id);
    case ChainFault::NeverExpires:
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
        if (rule->period.anchor == Anchor::None) {
            // Nothing to renew and no expiry to print: each is a mistake where it is written.
            if (held.expires)
                diags.error(record.file, held.expires_pos,
                            fmt::format("'{}' does not expire (anchor = \"none\"): remove 'expires'", held.id));
            for (const RenewalEntry* r : renewals)
                diags.error(record.file, r->pos,
                            fmt::format("'{}' does not expire (anchor = \"none\"): it cannot be renewed", held.id));
            continue;
        }
        ExpiryChain chain = expiry_chain(*rule, held, renewals, record.birthday);
        // An expiry on or before the issue date is reported where the record is read.
        if (chain.fault == ChainFault::None || (chain.fault == ChainFault::NotLater && chain.fault_step == 0)) continue;
        const RenewalEntry* renewal = chain.fault_step ? renewals[chain.fault_step - 1] : nullptr;
        Position at = renewal ? (renewal->expires ? renewal->expires_pos : renewal->pos)
                              : (held.expires ? held.expires_pos : held.issued_pos);
        diags.error(record.file, at, chain_message(*rule, chain, renewal));
    }
}

} // namespace peerctl
