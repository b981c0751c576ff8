#include "expiry_check.hpp"

#include "output_text.hpp"
#include "status_json.hpp"
#include "status_text.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace peerctl {

std::string to_string(CheckState s) {
    switch (s) {
    case CheckState::Ok: return "OK";
    case CheckState::Warning: return "WARNING";
    case CheckState::Critical: return "CRITICAL";
    case CheckState::Unknown: return "UNKNOWN";
    }
    return "";
}

std::vector<CheckItem> check_items(const SpecialistStatus& s) {
    std::vector<CheckItem> items;
    for (const auto& cs : s.credentials) {
        if (!cs.certification) continue;
        const Certification& cert = *cs.certification;
        // A certification that does not expire has no deadline to watch.
        std::optional<Deadline> deadline = first_action_date(cert, cs.state);
        if (!deadline || !cert.expires) continue;
        CheckItem item;
        item.id = s.id;
        item.credential = cs.rule->id;
        item.state = cs.state;
        item.deadline = *deadline;
        item.expires = *cert.expires;
        item.submit_by = cert.submit_by;
        if (cs.ce) item.ce_remaining = cs.ce->hours_to_go();
        item.missing = ce_missing_in_words(cs);
        item.period_missing = period_missing_in_words(cs);
        items.push_back(std::move(item));
    }
    return items;
}

void tally(const CheckItem& item, Date as_of, CheckResult& result) {
    int days_left = days_between(as_of, item.deadline.date);
    CheckState level = CheckState::Ok;
    switch (item.state) {
    case State::Late:
        ++result.late;
        level = CheckState::Critical;
        break;
    case State::Grace:
        ++result.grace;
        level = CheckState::Critical;
        break;
    case State::Lapsed:
        ++result.lapsed;
        level = CheckState::Critical;
        break;
    default:
        ++result.active;
        // "Within N days" includes the N-th day: days left equal to the threshold alerts.
        if (days_left <= result.thresholds.crit_days) level = CheckState::Critical;
        else if (days_left <= result.thresholds.warn_days) level = CheckState::Warning;
        if (level != CheckState::Ok) ++result.due;
        if (!result.min_days_left || days_left < *result.min_days_left) result.min_days_left = days_left;
        break;
    }
    if (level == CheckState::Ok) return;
    // Only the alerting items are copied: a registry is mostly quiet.
    CheckItem& kept = result.items.emplace_back(item);
    kept.days_left = days_left;
    kept.level = level;
}

void check_specialist(const SpecialistStatus& s, Date as_of, CheckResult& result) {
    for (const auto& item : check_items(s))
        tally(item, as_of, result);
}

void merge_check(CheckResult& result, CheckResult&& part) {
    result.active += part.active;
    result.due += part.due;
    result.late += part.late;
    result.grace += part.grace;
    result.lapsed += part.lapsed;
    if (part.min_days_left && (!result.min_days_left || *part.min_days_left < *result.min_days_left))
        result.min_days_left = part.min_days_left;
    for (auto& item : part.items)
        result.items.push_back(std::move(item));
}

void finish_check(CheckResult& result) {
    // CRITICAL first: in grace the deadline is the grace end, which may be further off than a warning's.
    std::stable_sort(result.items.begin(), result.items.end(), [](const CheckItem& a, const CheckItem& b) {
        if (a.level != b.level) return a.level > b.level;
        if (a.days_left != b.days_left) return a.days_left < b.days_left;
        return std::tie(a.id, a.credential) < std::tie(b.id, b.credential);
    });
    result.state = CheckState::Ok;
    for (const auto& item : result.items)
        result.state = std::max(result.state, item.level);
    // What cannot be read may hide a deadline, but never hides one that is known to be critical.
    if (!result.unreadable.empty() && result.state != CheckState::Critical) result.state = CheckState::Unknown;
}

namespace {

std::string alerts(const CheckResult& r);

std::string summary(const CheckResult& r) {
    std::string readable = r.state == CheckState::Ok ? std::string() : alerts(r);
    if (readable.empty()) {
        std::string next = r.min_days_left ? fmt::format("; next deadline in {} days", *r.min_days_left) : "";
        readable = fmt::format("{} active, none due within {} days{}", r.active, r.thresholds.warn_days, next);
    }
    if (r.checked) readable += fmt::format("; {} specialist{} checked", *r.checked, *r.checked == 1 ? "" : "s");
    if (r.unreadable.empty()) return readable;
    std::size_t n = r.unreadable.size();
    std::string unreadable = fmt::format("{} record file{} could not be read (run peerctl validate)", n, n == 1 ? "" : "s");
    return r.state == CheckState::Unknown ? unreadable + "; " + readable : readable + "; " + unreadable;
}

// The alerts in words, most urgent first; empty when there are none.
std::string alerts(const CheckResult& r) {
    int crit_due = 0;
    for (const auto& i : r.items)
        if (i.level == CheckState::Critical && (i.state == State::Active)) ++crit_due;
    std::vector<std::string> parts;
    if (crit_due) parts.push_back(fmt::format("{} due within {} days", crit_due, r.thresholds.crit_days));
    if (r.due - crit_due) parts.push_back(fmt::format("{} due within {} days", r.due - crit_due, r.thresholds.warn_days));
    if (r.late) parts.push_back(fmt::format("{} late", r.late));
    if (r.grace) parts.push_back(fmt::format("{} in grace", r.grace));
    if (r.lapsed) parts.push_back(fmt::format("{} lapsed", r.lapsed));
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? "" : ", ") + p;
    return out;
}

// Plugin perfdata; the days threshold uses range syntax "@~:N" (alert when at most N), which
// is exactly the rule applied.
std::string perfdata(const CheckResult& r) {
    std::string out = fmt::format("active={} due={};;; late={} grace={} lapsed={}", r.active, r.due, r.late, r.grace, r.lapsed);
    if (r.min_days_left)
        out += fmt::format(" min_days_left={};@~:{};@~:{}", *r.min_days_left, r.thresholds.warn_days, r.thresholds.crit_days);
    return out;
}

std::string days(int n, std::string_view after) { return fmt::format("{} day{} {}", n, n == 1 ? "" : "s", after); }

std::string item_line(const CheckItem& i) {
    std::string date = to_string(i.deadline.date);
    std::string left = days_left_in_words(i.days_left);
    std::string when;
    if (i.state == State::Grace) when = fmt::format("in grace until {} ({}), expired {}", date, left, to_string(i.expires));
    else if (i.state == State::Lapsed) when = fmt::format("lapsed, expired {} ({})", date, days(-i.days_left, "ago"));
    else if (i.state == State::Late) when = fmt::format("late, submit by {} ({}), expires {}", date, left, to_string(i.expires));
    else if (i.deadline.kind == DeadlineKind::SubmitBy)
        when = fmt::format("submit by {} ({}), expires {}", date, left, to_string(i.expires));
    else when = fmt::format("expires {} ({})", date, left);
    // Ids, topics and providers come from files others edit: none may add a line or perfdata.
    std::string ce = i.missing.empty() ? "CE complete" : "CE missing " + nagios_field(i.missing);
    // A quarter missing or still to do is named where the CE is, so a mail tells it in the quarter.
    if (!i.period_missing.empty()) ce += "; " + nagios_field(i.period_missing);
    return fmt::format("{} {}: {} {}, {}", to_string(i.level), nagios_field(i.id), nagios_field(i.credential), when, ce);
}

} // namespace

std::string check_text(const CheckResult& r) {
    std::string out = fmt::format("PEERCTL {} - {} | {}\n", to_string(r.state), summary(r), perfdata(r));
    for (const auto& i : r.items)
        out += item_line(i) + "\n";
    for (const auto& file : r.unreadable)
        out += fmt::format("UNKNOWN {}: could not be read\n", nagios_field(file));
    return out;
}

std::string check_json(const CheckResult& r, Date as_of) {
    using json = nlohmann::ordered_json;
    json items = json::array();
    for (const auto& i : r.items)
        items.push_back({{"id", i.id},
                         {"credential", i.credential},
                         {"level", to_string(i.level)},
                         {"state", to_string(i.state)},
                         // As in the renewals report: an active certification whose deadline alerts.
                         {"due", i.state == State::Active && i.level != CheckState::Ok},
                         {"deadline", to_string(i.deadline.date)},
                         {"deadline_kind", to_string(i.deadline.kind)},
                         {"days_left", i.days_left},
                         {"expires", to_string(i.expires)},
                         {"submit_by", i.submit_by ? json(to_string(*i.submit_by)) : json(nullptr)},
                         {"ce_remaining_hours", hours_json(i.ce_remaining)},
                         {"missing", join_missing(i.period_missing, i.missing)}});
    json root = {{"as_of", to_string(as_of)},
                 {"state", to_string(r.state)},
                 {"exit_code", static_cast<int>(r.state)},
                 {"summary", summary(r)},
                 {"thresholds", {{"warn_days", r.thresholds.warn_days}, {"crit_days", r.thresholds.crit_days}}},
                 {"counts", {{"active", r.active}, {"due", r.due}, {"late", r.late}, {"grace", r.grace}, {"lapsed", r.lapsed}}},
                 {"min_days_left", r.min_days_left ? json(*r.min_days_left) : json(nullptr)},
                 {"specialists", items},
                 {"unreadable", r.unreadable}};
    return json_dump(root, 2) + "\n";
}

std::string check_unknown_text(const std::string& reason) { return fmt::format("PEERCTL UNKNOWN - {}\n", nagios_field(reason)); }

std::string check_unknown_json(const std::string& reason, Date as_of) {
    nlohmann::ordered_json root = {{"as_of", to_string(as_of)}, {"state", "UNKNOWN"}, {"exit_code", 3}, {"summary", reason}};
    return json_dump(root, 2) + "\n";
}

} // namespace peerctl
