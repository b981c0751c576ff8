#pragma once
// Credential rules, read from data: one TOML file per credential (format: man peerctl-credentials
// and docs/credential-format.md). Nothing about a particular credential lives in code.

#include "dates.hpp"
#include "diagnostics.hpp"
#include "hours.hpp"
#include "record.hpp"

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct Source {
    std::string key;
    std::string url;
    std::string facts;
};

struct DomainMinimum {
    std::string domain;
    Hours hours;
    // A look-back of the domain's own, as [training] within_months counts one.
    std::optional<int> within_months;
};

struct TrainingRule {
    Hours hours;
    std::optional<int> within_months;
    std::vector<DomainMinimum> domains;
};

struct ExperienceRule {
    std::vector<ExperienceKind> kinds;
    Hours hours;
    // Only experience dated within this many months before the issue date (while pursued: before
    // as_of) counts, as [training] within_months counts training. Not read in [renewal].
    std::optional<int> within_months;
};

struct ExamRule {
    bool required = true;
    std::optional<int> max_attempts;
    std::optional<int> retest_wait_days;
    std::optional<int> within_months_of_training;
};

// Where periods are counted from: the issue date; the calendar year; the holder's birthday (the
// record's `birthday`); the first day of the month of issue; or nowhere (a credential that never
// expires).
enum class Anchor { IssueDate, CalendarYear, Birthday, FirstOfIssueMonth, None };
std::span<const std::string_view> anchor_names();
std::string to_string(Anchor a);

struct PeriodRule {
    Anchor anchor = Anchor::IssueDate;
    int months = 12;
};

struct LevelRule {
    std::string id;
    std::optional<int> months;
    // How many times a certification may be renewed at this level: none means without limit,
    // 0 not at all (`renewable = false`).
    std::optional<int> max_renewals;
    bool renewable_after(int renewals) const { return !max_renewals || renewals < *max_renewals; }
    std::vector<ExperienceRule> experience;
    // Moving up to this level also needs the period's own requirements ([renewal] and [ce]) met
    // in the period of the level below: a first year kept like any year, not only hours ever.
    bool needs_period_met = false;
    // The step from this level to the next is due this many months after the date the training
    // total was reached (not the issue date).
    std::optional<int> move_up_within_months_of_training;
};

// At least `entries` experience entries of `kinds` in every quarter of a period: the quarters run
// from the period's start in 3-month steps (start + 3 months, + 6, ...), the last ending at expiry.
struct QuarterRule {
    std::string name; // how status names what is missing: "no co-supervision 2025-04-15 to 2025-07-14"
    std::vector<ExperienceKind> kinds;
    int entries = 1;
};

// What each period needs for renewal besides CE: experience hours dated within the period, and
// entries in each of its quarters. Replaced as one table by [revision.renewal].
struct RenewalRule {
    std::vector<ExperienceRule> experience;
    std::vector<QuarterRule> each_quarter;
};

enum class MinimumKind { TopicHours, TopicEntries, ProviderHours };
std::string to_string(MinimumKind k);

struct CeMinimum {
    MinimumKind kind = MinimumKind::TopicHours;
    std::string topic;
    std::vector<std::string> providers;
    Hours hours;
    int entries = 0;
    // A topic minimum counted over the months that end on the period's expiry, across periods
    // ("3 h of suicide prevention every 6 years"), rather than within the period.
    std::optional<int> over_months;
};

struct CeCap {
    std::string topic;
    std::optional<Delivery> delivery;
    Hours hours;
};

struct CeRule {
    Hours hours;
    int entries = 0; // CE entries the period needs, whatever their hours (0: no such count)
    Hours carry_over_max;
    std::optional<Hours> max_entry_hours;
    // An entry shorter than this counts for nothing toward the credential: not toward the total,
    // the minimums, the caps or the entry count.
    std::optional<Hours> min_entry_hours;
    // Only entries from one of these providers count toward the credential at all (an approved-
    // provider list for every hour); empty: any provider. Matched as [[ce.minimum]] providers are.
    std::vector<std::string> providers;
    std::optional<int> submit_before_days;
    // The renewal can be submitted from this many days before expiry, not earlier.
    std::optional<int> submit_from_days;
    // Owed when the renewal is submitted after the submit-by date and on or before expiry.
    std::optional<std::int64_t> late_fee_cents;
    std::vector<CeMinimum> minimums;
    std::vector<CeCap> caps;
};

// One rung of the ladder after expiry: until `months`/`days` after expiry, the holder is in grace.
struct LapseRung {
    int months = 0;
    int days = 0;
    std::optional<std::int64_t> fee_cents;
    std::string note;
};

// A change of rules from a date: each table it holds replaces the credential's table of the same
// name from `effective_from` on (chosen by date as `rules_in_force` says); the others stay as they
// were. An engaged optional is a replacement, even when empty (`after_expiry = []` ends a ladder).
struct RuleRevision {
    Date effective_from;
    std::string note;
    std::vector<std::string> sources; // keys of the credential's [[source]] tables
    std::optional<TrainingRule> training;
    std::optional<std::vector<ExperienceRule>> experience;
    std::optional<ExamRule> exam;
    std::optional<PeriodRule> period;
    std::optional<CeRule> ce;
    std::optional<RenewalRule> renewal;
    std::optional<std::vector<LapseRung>> after_expiry;
};

struct Credential {
    std::string file;
    bool builtin = false;
    std::string id;
    std::string name;
    std::string issuer;
    Date effective_from;
    std::optional<Date> effective_to;
    std::string confidence;
    std::string confidence_note;
    std::vector<std::string> topics;
    std::vector<std::string> domains;
    std::vector<Source> sources;
    std::optional<TrainingRule> training;
    std::vector<ExperienceRule> experience;
    std::optional<ExamRule> exam;
    PeriodRule period;
    std::vector<LevelRule> levels;
    std::string default_level;
    std::optional<CeRule> ce;
    std::optional<RenewalRule> renewal;
    std::vector<LapseRung> after_expiry;
    // In order of effective_from, each strictly later than the one before and than the
    // credential's own effective_from (the loader refuses anything else).
    std::vector<RuleRevision> revisions;

    const LevelRule* level(std::string_view id) const;
};

// The credentials in force: built-ins, then the workspace's own (which replace a built-in of the
// same id). Topic and domain ids of all of them form one vocabulary.
class CredentialSet {
public:
    void add(Credential c);
    const Credential* find(std::string_view id) const;
    const std::map<std::string, Credential, std::less<>>& all() const { return by_id_; }
    std::vector<std::string> ids() const;
    bool knows_term(std::string_view term) const { return vocabulary_.count(term) > 0; }
    std::vector<std::string> vocabulary() const { return {vocabulary_.begin(), vocabulary_.end()}; }
    void add_terms(const std::vector<std::string>& terms) { vocabulary_.insert(terms.begin(), terms.end()); }

private:
    std::map<std::string, Credential, std::less<>> by_id_;
    std::set<std::string, std::less<>> vocabulary_;
};

} // namespace peerctl
