#pragma once
// Which of a credential's rules judge a date: its own tables, replaced table by table by each
// [[revision]] in force on that date. Training, exam and experience are judged by the rules in
// force on the issue date (on the as-of date while not certified); a period's length, its CE, its
// [renewal] requirements and what happens after its expiry by the rules in force on its expiry
// date (docs/contract.md, "Credential rules through time").

#include "credential_rules.hpp"

#include <optional>
#include <vector>

namespace peerctl {

struct RulesInForce {
    // The latest revision in force on the date, whichever tables it replaced; nullptr when the
    // credential's own tables (its base rules) are all that apply.
    const RuleRevision* revision = nullptr;
    const TrainingRule* training = nullptr; // nullptr: no training asked for
    const std::vector<ExperienceRule>* experience = nullptr;
    const ExamRule* exam = nullptr; // nullptr: no exam
    const PeriodRule* period = nullptr;
    const CeRule* ce = nullptr;           // nullptr: no CE asked for
    const RenewalRule* renewal = nullptr; // nullptr: nothing but CE asked of a period
    const std::vector<LapseRung>* after_expiry = nullptr;

    // The latest revision in force that replaced one of the tables judging the initial
    // requirements (training, experience, exam), or one of those judging a period (period, ce,
    // renewal, after_expiry); nullptr where the base tables still do.
    const RuleRevision* initial_revision = nullptr;
    const RuleRevision* period_revision = nullptr;

    std::optional<Date> since() const { return date_of(revision); }
    std::optional<Date> initial_since() const { return date_of(initial_revision); }
    std::optional<Date> period_since() const { return date_of(period_revision); }

private:
    static std::optional<Date> date_of(const RuleRevision* r) {
        return r ? std::optional<Date>(r->effective_from) : std::nullopt;
    }
};

// The rules of `credential` in force on `on`. A date before the credential's effective_from gets
// its base rules: nothing older is known. The result points into `credential`.
RulesInForce rules_in_force(const Credential& credential, Date on);

} // namespace peerctl
