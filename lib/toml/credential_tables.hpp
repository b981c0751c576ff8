#pragma once
// Reads the rule tables of a credential file ([training], [exam], [[experience]], [period],
// [[level]], [ce], [renewal], [[after_expiry]]), each mistake a positioned diagnostic. Shared by the
// credential's own tables and those of its [[revision]] tables, which name them with `prefix`.

#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "toml_reader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct CredentialParser {
    const std::string& file;
    Diagnostics& diags;
    // The `kinds` of an experience minimum or a quarter rule: at least one, each a known kind.
    std::vector<ExperienceKind> kinds(TableReader& r, const toml::table& t);
    // `parent_name` ("renewal.") names the tables in messages where they are not top-level.
    std::vector<ExperienceRule> experience(TableReader& parent, std::string_view key, std::string_view parent_name = {});
    std::optional<RenewalRule> renewal(TableReader& root);
    // `within_months`: a look-back in months before the issue date, 1 to 1200.
    std::optional<int> look_back(TableReader& r);
    std::optional<TrainingRule> training(TableReader& root);
    std::optional<ExamRule> exam(TableReader& root);
    PeriodRule period(TableReader& root);
    std::vector<LevelRule> levels(TableReader& root, const PeriodRule& period);
    // `shortest_period_days`: the fewest days any period of the credential can last;
    // `longest_period_months`: the most months one can (a minimum over fewer says nothing more).
    std::optional<CeRule> ce(TableReader& root, int shortest_period_days, int longest_period_months);
    // submit_from_days and late_fee, beside submit_before_days (read first).
    void submit_window(TableReader& r, const toml::table& t, CeRule& rule, int shortest_period_days);
    // 0 is a valid carry-over ("none"), unlike an entry's hours.
    Hours non_negative_hours(TableReader& r, std::string_view key);
    // `providers` of [ce] or a [[ce.minimum]]: at least one name.
    std::vector<std::string> providers(TableReader& r, const toml::table& t);
    CeMinimum minimum(const toml::table& t, int longest_period_months);
    CeCap cap(const toml::table& t);
    std::vector<LapseRung> after_expiry(TableReader& root);
    std::string prefix; // "revision." inside a [[revision]], so messages name the table as written

    // A table's name as the file spells it: "[[ce.minimum]]" is "[[revision.ce.minimum]]" in a revision.
    std::string named(std::string_view brackets) const;
};

// The fewest days a period can last: the period's months, or a level's own, the first period
// counted from its anchor.
int shortest_period_days(const PeriodRule& period, const std::vector<LevelRule>& levels);
int shortest_period_days(Anchor anchor, int months);
// The most months a period can last: the period's months, or a level's own.
int longest_period_months(const PeriodRule& period, const std::vector<LevelRule>& levels);

} // namespace peerctl
