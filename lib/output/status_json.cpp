#include "status_json.hpp"

#include "output_text.hpp"

namespace peerctl {

using json = nlohmann::ordered_json;

json hours_json(Hours h) {
    if (h.centi() % 100 == 0) return json(h.centi() / 100);
    return json(h.as_double());
}

namespace {

json date_json(const std::optional<Date>& d) { return d ? json(to_string(*d)) : json(nullptr); }

json kinds_json(const std::vector<ExperienceKind>& kinds) {
    json out = json::array();
    for (auto k : kinds)
        out.push_back(to_string(k));
    return out;
}

json experience_list_json(const std::vector<ExperienceProgress>& items) {
    json out = json::array();
    for (const auto& e : items) {
        json j = {{"kinds", kinds_json(e.kinds)},
                  {"required_hours", hours_json(e.required)},
                  {"completed_hours", hours_json(e.completed)},
                  {"remaining_hours", hours_json(shortfall(e.required, e.completed))}};
        if (e.within_months) j["within_months"] = *e.within_months;
        out.push_back(std::move(j));
    }
    return out;
}

json requirement_json(const RequirementProgress& r) {
    json j = {{"kind", to_string(r.kind)}};
    if (!r.topic.empty()) j["topic"] = r.topic;
    if (!r.providers.empty()) j["providers"] = r.providers;
    if (r.kind == MinimumKind::TopicEntries) {
        j["required"] = r.entries_required;
        j["counted"] = r.entries_counted;
        j["remaining"] = std::max(0, r.entries_required - r.entries_counted);
        j["unit"] = "entries";
    } else {
        j["required"] = hours_json(r.required);
        j["counted"] = hours_json(r.counted);
        j["remaining"] = hours_json(shortfall(r.required, r.counted));
        j["unit"] = "hours";
    }
    if (r.over_months) {
        j["over_months"] = *r.over_months;
        j["window_start"] = to_string(*r.window_start);
        j["judged"] = r.judged;
    }
    j["met"] = r.met();
    return j;
}

json renewal_json(const RenewalProgress& r) {
    json quarters = json::array();
    for (const auto& q : r.each_quarter) {
        json spans = json::array();
        for (const auto& c : q.quarters)
            spans.push_back({{"start", to_string(c.start)},
                             {"end", to_string(c.end)},
                             {"counted", c.counted},
                             {"state", to_string(c.state)}});
        quarters.push_back({{"name", q.name},
                            {"kinds", kinds_json(q.kinds)},
                            {"required_entries", q.entries_required},
                            {"met", q.met()},
                            {"quarters", spans}});
    }
    return {{"experience", experience_list_json(r.experience)}, {"each_quarter", quarters}, {"met", r.met()}};
}

} // namespace

json certification_json(const CredentialStatus& cs) {
    if (!cs.certification) return nullptr;
    const Certification& c = *cs.certification;
    json j = {{"number", c.number.empty() ? json(nullptr) : json(c.number)},
              {"issued", to_string(c.issued)},
              {"expires", date_json(c.expires)},
              {"days_left", c.days_left ? json(*c.days_left) : json(nullptr)},
              {"renewals", c.renewals},
              {"level", c.level.empty() ? json(nullptr) : json(c.level)},
              {"submit_by", date_json(c.submit_by)},
              {"grace_until", date_json(c.grace_until)}};
    // Only where the credential sets a submission window, like late_fee only where a fee is owed.
    if (c.submit_from) j["submit_from"] = to_string(*c.submit_from);
    if (c.late_fee_cents) j["late_fee"] = hours_json(Hours::from_centi(*c.late_fee_cents));
    return j;
}

json training_json(const CredentialStatus& cs) {
    if (!cs.training) return nullptr;
    const TrainingProgress& t = *cs.training;
    json domains = json::array();
    for (const auto& d : t.domains) {
        json j = {{"domain", d.domain},
                  {"required_hours", hours_json(d.required)},
                  {"completed_hours", hours_json(d.completed)},
                  {"remaining_hours", hours_json(shortfall(d.required, d.completed))}};
        if (d.within_months) j["within_months"] = *d.within_months;
        domains.push_back(std::move(j));
    }
    return {{"required_hours", hours_json(t.required)},
            {"completed_hours", hours_json(t.completed)},
            {"remaining_hours", hours_json(shortfall(t.required, t.completed))},
            {"met", t.met},
            {"domains", domains}};
}

json experience_json(const CredentialStatus& cs) { return experience_list_json(cs.experience); }

json exam_json(const CredentialStatus& cs) {
    if (!cs.exam) return {{"required", false}, {"passed", false}, {"attempts", 0}, {"last_date", nullptr}};
    const ExamProgress& e = *cs.exam;
    return {{"required", e.required},
            {"passed", e.passed},
            {"attempts", e.attempts},
            {"last_date", date_json(e.last_date)},
            {"scheduled", date_json(e.scheduled)},
            {"attempts_left", e.attempts_left ? json(*e.attempts_left) : json(nullptr)}};
}

json ce_json(const CredentialStatus& cs) {
    if (!cs.ce) return nullptr;
    const CeProgress& ce = *cs.ce;
    json reqs = json::array();
    for (const auto& r : ce.requirements)
        reqs.push_back(requirement_json(r));
    json caps = json::array();
    for (const auto& c : ce.caps) {
        json cap = {
            {"max_hours", hours_json(c.limit)}, {"logged_hours", hours_json(c.logged)}, {"counted_hours", hours_json(c.counted)}};
        if (c.delivery) cap["delivery"] = to_string(*c.delivery);
        else cap["topic"] = c.topic;
        caps.push_back(cap);
    }
    json j = {{"window_start", to_string(ce.window_start)},
              {"window_end", to_string(ce.window_end)},
              {"required_hours", hours_json(ce.required)},
              {"counted_hours", hours_json(ce.counted)},
              {"remaining_hours", hours_json(ce.remaining())},
              {"carried_over_hours", hours_json(ce.carried_over)},
              {"entries", ce.entries},
              {"requirements", reqs},
              {"caps", caps}};
    if (ce.entries_required > 0) j["required_entries"] = ce.entries_required;
    return j;
}

json credential_json(const CredentialStatus& cs) {
    json j;
    j["id"] = cs.rule->id;
    j["name"] = cs.rule->name;
    j["state"] = to_string(cs.state);
    j["revision"] = date_json(cs.revision);
    j["certification"] = certification_json(cs);
    j["training"] = training_json(cs);
    j["experience"] = experience_json(cs);
    j["exam"] = exam_json(cs);
    j["ce"] = ce_json(cs);
    // Only for a credential whose rule file has a [renewal] table.
    if (cs.renewal) j["renewal"] = renewal_json(*cs.renewal);
    if (cs.next_level) {
        const LevelProgress& next = *cs.next_level;
        j["next_level"] = {{"level", next.level}, {"met", next.met}, {"experience", experience_list_json(next.experience)}};
        if (next.needs_period_met) j["next_level"]["period_met"] = next.period_met;
        if (next.due) j["next_level"]["due"] = to_string(*next.due);
    }
    j["renewable"] = cs.renewable;
    j["problems"] = cs.problems;
    return j;
}

json specialist_json(const SpecialistStatus& s) {
    json creds = json::array();
    json problems = json::array();
    for (const auto& cs : s.credentials) {
        creds.push_back(credential_json(cs));
        for (const auto& p : cs.problems)
            problems.push_back({{"credential", cs.rule->id}, {"message", p}});
    }
    return {{"id", s.id}, {"name", s.name}, {"file", s.file}, {"credentials", creds}, {"problems", problems}};
}

std::string status_json(const std::vector<SpecialistStatus>& statuses, Date as_of) {
    json list = json::array();
    for (const auto& s : statuses)
        list.push_back(specialist_json(s));
    json root = {{"as_of", to_string(as_of)}, {"specialists", list}};
    return json_dump(root, 2) + "\n";
}

} // namespace peerctl
