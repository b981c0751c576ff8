#pragma once
// Where a specialist stands on each credential, as of a date: "How status is computed" in
// docs/contract.md. Pure: a record, the rules and a date in, a status out.

#include "credential_rules.hpp"
#include "entry_use.hpp"
#include "expiry_chain.hpp"
#include "record.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// Late: certified, after the submit-by date and on or before the expiry (a late fee may apply).
enum class State { InTraining, Eligible, Active, Late, Grace, Lapsed };
// The words of the states in every output format and filter, in the enum's order.
std::span<const std::string_view> state_names();
std::string to_string(State s);
std::optional<State> parse_state(std::string_view s);

struct DomainProgress {
    std::string domain;
    Hours required;
    Hours completed;
    std::optional<int> within_months; // the domain's own look-back, where it has one
};

struct TrainingProgress {
    Hours required;
    Hours completed;
    std::vector<DomainProgress> domains;
    bool met = true;
};

struct ExperienceProgress {
    std::vector<ExperienceKind> kinds;
    Hours required;
    Hours completed;
    std::optional<int> within_months; // counted only within this many months before the issue date
};

struct ExamProgress {
    bool required = false;
    bool passed = false;
    int attempts = 0;
    std::optional<Date> last_date;
    std::optional<ExamResult> last_result;
    std::optional<Date> scheduled;
    std::optional<int> attempts_left;
    // The last day to pass, where the rules set `within_months_of_training` and the training
    // total has been reached.
    std::optional<Date> deadline;
};

struct RequirementProgress {
    MinimumKind kind = MinimumKind::TopicHours;
    std::string topic;
    std::vector<std::string> providers;
    Hours required;
    Hours counted;
    int entries_required = 0;
    int entries_counted = 0;
    // A minimum over several periods: counted from window_start to the expiry, and judged only
    // once the holder has held the credential that long (before that, met whatever it counts).
    std::optional<int> over_months;
    std::optional<Date> window_start;
    bool judged = true;
    bool met() const;
};

struct CapApplied {
    std::string topic;
    std::optional<Delivery> delivery;
    Hours limit;
    Hours logged;  // what entries under the cap add up to
    Hours counted; // what the cap let through
};

struct CeProgress {
    Date window_start;
    Date window_end;
    Hours required;
    Hours counted;
    Hours carried_over;
    int entries = 0;
    int entries_required = 0; // [ce] entries: CE entries the period needs whatever their hours
    std::vector<RequirementProgress> requirements;
    std::vector<CapApplied> caps;
    Hours remaining() const { return shortfall(required, counted); }
    // The fewest hours that would still meet the total and every hour minimum (topic or provider):
    // the largest of their shortfalls, since one course can count to several of them at once.
    Hours hours_to_go() const;
    bool met() const;
};

// One quarter of a period, for a [[renewal.each_quarter]] rule. A quarter still running (as-of
// inside it) is pending, not missing: only a quarter that has ended short is missing.
enum class QuarterState { Met, Pending, Missing, Upcoming };
std::string to_string(QuarterState s);

struct QuarterCount {
    Date start;
    Date end;
    int counted = 0;
    QuarterState state = QuarterState::Upcoming;
};

struct QuarterProgress {
    std::string name;
    std::vector<ExperienceKind> kinds;
    int entries_required = 1;
    std::vector<QuarterCount> quarters;
    bool met() const;
};

// What the current period's [renewal] table asks, as counted within the period.
struct RenewalProgress {
    std::vector<ExperienceProgress> experience; // hours dated within the period
    std::vector<QuarterProgress> each_quarter;
    bool met() const;
};

struct Certification {
    std::string number;
    std::string level;
    Date issued;
    std::optional<Date> expires;  // none: the credential does not expire (anchor = "none")
    std::optional<int> days_left; // to the expiry, where there is one
    int renewals = 0;
    std::optional<Date> submit_by;
    std::optional<Date> submit_from; // the first day the renewal can be submitted
    std::optional<Date> grace_until; // end of the current grace rung
    // Owed now: in grace, the rung's fee; when late, the [ce] late_fee.
    std::optional<std::int64_t> late_fee_cents;
};

struct LevelProgress {
    std::string level;
    std::vector<ExperienceProgress> experience;
    // The level asks for the current period's requirements (needs_period_met), and whether they are.
    bool needs_period_met = false;
    bool period_met = false;
    // The step up is due by then (move_up_within_months_of_training of the level held).
    std::optional<Date> due;
    bool met = false;
};

struct CredentialStatus {
    const Credential* rule = nullptr;
    State state = State::InTraining;
    std::optional<Certification> certification;
    std::optional<TrainingProgress> training;
    std::vector<ExperienceProgress> experience;
    std::optional<ExamProgress> exam;
    std::optional<CeProgress> ce;
    std::optional<RenewalProgress> renewal;
    std::optional<LevelProgress> next_level;
    bool renewable = false;
    // The effective_from of the [[revision]] whose tables judged the current period (its length,
    // CE or ladder), or while not certified the training, exam and experience; none when the
    // credential's own tables did.
    std::optional<Date> revision;
    std::vector<std::string> problems;
    // Each entry the credential's rules look at, and whether it counted (only when asked for).
    std::vector<EntryUse> entry_uses;
};

struct SpecialistStatus {
    std::string id;
    std::string name;
    std::string file;
    // The record's team keys, which team reports filter and sort by.
    std::string site;
    std::string supervisor;
    std::vector<CredentialStatus> credentials;
};

// `with_entry_uses` fills each credential's entry_uses (for `entries`), which nothing else needs.
SpecialistStatus evaluate(const Record& record, const CredentialSet& credentials, Date as_of, bool with_entry_uses = false);

} // namespace peerctl
