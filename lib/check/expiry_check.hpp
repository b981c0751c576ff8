#pragma once
// `check`: expiry warnings for cron and monitoring systems, with the monitoring-plugin result
// codes. The output names ids and credential ids only, never names: it ends up in mail and logs.

#include "deadline.hpp"
#include "evaluation.hpp"

#include <string>
#include <vector>

namespace peerctl {

enum class CheckState { Ok = 0, Warning = 1, Critical = 2, Unknown = 3 };
std::string to_string(CheckState s);

struct CheckThresholds {
    int warn_days = 60;
    int crit_days = 14;
};

struct CheckItem {
    std::string id;
    std::string credential;
    State state = State::Active;
    CheckState level = CheckState::Ok;
    Deadline deadline; // the first action date
    Date expires;
    std::optional<Date> submit_by;
    int days_left = 0; // to the deadline
    Hours ce_remaining;
    std::string missing;        // CE in words, e.g. "ethics 3 h, 14.5 h total"
    std::string period_missing; // [renewal] in words, e.g. "no co-supervision 2026-07-16 to 2026-10-15"
};

struct CheckResult {
    CheckState state = CheckState::Ok;
    CheckThresholds thresholds;
    int active = 0;
    int due = 0; // certified and within the warning window (or critical window)
    int late = 0;
    int grace = 0;
    int lapsed = 0;
    std::optional<int> min_days_left;
    std::vector<CheckItem> items; // the affected ones, most urgent first
    // Record files that could not be read: UNKNOWN, unless a readable record is CRITICAL.
    std::vector<std::string> unreadable;
    // With --id, --credential, --site or --supervisor: the specialists they kept that hold a
    // certification (summary: "; N specialists checked"), so that a filter matching nobody says so.
    std::optional<int> checked;
};

// One specialist's certified credentials as check items, before any threshold applies (level and
// days_left unset): what the check cache keeps.
std::vector<CheckItem> check_items(const SpecialistStatus& s);
// Counts an item into the result, with its days left and level under the result's thresholds.
void tally(const CheckItem& item, Date as_of, CheckResult& result);
// Adds one specialist's certified credentials to the result.
void check_specialist(const SpecialistStatus& s, Date as_of, CheckResult& result);
// Adds the counts and items of `part` (one specialist's) to `result`.
void merge_check(CheckResult& result, CheckResult&& part);
// Sorts the items and settles the overall state.
void finish_check(CheckResult& result);

// "PEERCTL WARNING - ... | perfdata" and a line per affected specialist.
std::string check_text(const CheckResult& result);
std::string check_json(const CheckResult& result, Date as_of);
// For bad data or usage: the UNKNOWN line with its reason.
std::string check_unknown_text(const std::string& reason);
std::string check_unknown_json(const std::string& reason, Date as_of);

} // namespace peerctl
