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
};

struct TrainingRule {
    Hours hours;
    std::optional<int> within_months;
    std::vector<DomainMinimum> domains;
};

struct ExperienceRule {
    std::vector<ExperienceKind> kinds;
    Hours hours;
};

struct ExamRule {
    bool required = true;
    std::optional<int> max_attempts;
    std::optional<int> retest_wait_days;
    std::optional<int> within_months_of_training;
};

enum class Anchor { IssueDate, CalendarYear };

struct PeriodRule {
    Anchor anchor = Anchor::IssueDate;
    int months = 12;
};

struct LevelRule {
    std::string id;
    std::optional<int> months;
    bool renewable = true;
    std::vector<ExperienceRule> experience;
};

enum class MinimumKind { TopicHours, TopicEntries, ProviderHours };
std::string to_string(MinimumKind k);

struct CeMinimum {
    MinimumKind kind = MinimumKind::TopicHours;
    std::string topic;
    std::vector<std::string> providers;
    Hours hours;
    int entries = 0;
};

struct CeCap {
    std::string topic;
    std::optional<Delivery> delivery;
    Hours hours;
};

struct CeRule {
    Hours hours;
    Hours carry_over_max;
    std::optional<Hours> max_entry_hours;
    std::optional<int> submit_before_days;
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
