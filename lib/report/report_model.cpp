#include "report_model.hpp"

#include "report_sampler.hpp"
#include "status_text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace peerctl {

std::vector<std::string> filter_state_words() {
    std::vector<std::string> out;
    for (std::string_view s : state_names()) {
        out.emplace_back(s);
        if (s == to_string(State::Active)) out.emplace_back("due");
    }
    return out;
}

std::vector<std::string> renewal_state_words() {
    std::vector<std::string> out = filter_state_words();
    for (State uncertified : {State::InTraining, State::Eligible})
        out.erase(std::remove(out.begin(), out.end(), to_string(uncertified)), out.end());
    return out;
}

namespace {

// None for a certification that does not expire: it is never due.
std::optional<int> days_to_deadline(const CredentialStatus& cs, Date as_of) {
    std::optional<Deadline> d = first_action_date(*cs.certification, cs.state);
    return d ? std::optional<int>(days_between(as_of, d->date)) : std::nullopt;
}

bool is_due(const CredentialStatus& cs, const ReportContext& ctx) {
    if (cs.state != State::Active || !cs.certification) return false;
    std::optional<int> days = days_to_deadline(cs, ctx.as_of);
    return days && *days <= ctx.due_days;
}

bool wanted(const ReportFilter& f, const SpecialistStatus& s) { return f.team.keeps(s.id, s.site, s.supervisor); }

bool wanted(const ReportFilter& f, const CredentialStatus& cs, bool due) {
    if (f.credential && cs.rule->id != *f.credential) return false;
    if (!f.states.empty()) {
        bool hit = std::any_of(f.states.begin(), f.states.end(),
                               [&](const std::string& s) { return s == to_string(cs.state) || (s == "due" && due); });
        if (!hit) return false;
    }
    return true;
}

// Past a deadline (late, in grace, lapsed) is always within: a grace end months away must not
// hide someone whose certification has expired.
bool within(const ReportFilter& f, const CredentialStatus& cs, Date as_of) {
    if (!f.within_days) return true;
    if (!cs.certification) return false;
    std::optional<int> days = days_to_deadline(cs, as_of);
    return days && (cs.state != State::Active || *days <= *f.within_days);
}

void count_state(State s, bool due, int& active, int& dues, int& late, int& grace, int& lapsed) {
    switch (s) {
    case State::Active:
        ++active;
        if (due) ++dues;
        break;
    case State::Late: ++late; break;
    case State::Grace: ++grace; break;
    case State::Lapsed: ++lapsed; break;
    default: break;
    }
}

// Beside the row's state: why the level stops renewal, and a late fee owed now.
std::string level_note(const CredentialStatus& cs) {
    std::string out = level_limit_in_words(cs);
    const Certification& c = *cs.certification;
    if (cs.state == State::Late && c.late_fee_cents && *c.late_fee_cents > 0)
        out += (out.empty() ? "" : "; ") + fmt::format("late fee {} applies", Hours::from_centi(*c.late_fee_cents).str());
    return out;
}

std::string roster_next(const CredentialStatus& cs, Date as_of) {
    switch (cs.state) {
    case State::InTraining: {
        std::string missing = initial_missing_in_words(cs);
        return missing.empty() ? "complete the requirements" : "needs " + missing;
    }
    case State::Eligible: return "record the certification";
    case State::Active: {
        const Certification& c = *cs.certification;
        if (!c.expires) return "does not expire";
        std::string out = "expires " + to_string(*c.expires);
        if (c.submit_by) out += ", submit by " + to_string(*c.submit_by);
        return out;
    }
    case State::Late: {
        const Certification& c = *cs.certification;
        return fmt::format("submit by {} {}, expires {}", to_string(*c.submit_by),
                           days_left_in_words(days_between(as_of, *c.submit_by)), to_string(*c.expires));
    }
    case State::Grace: return "grace until " + to_string(*cs.certification->grace_until);
    case State::Lapsed: return "expired " + to_string(*cs.certification->expires);
    }
    return "";
}

} // namespace

void count_renewal(RenewalSummary& sum, State state, bool due) {
    ++sum.certified;
    count_state(state, due, sum.active, sum.due, sum.late, sum.grace, sum.lapsed);
}

void count_roster(RosterSummary& sum, State state, bool due) {
    ++sum.credentials;
    if (state == State::InTraining) ++sum.in_training;
    if (state == State::Eligible) ++sum.eligible;
    count_state(state, due, sum.active, sum.due, sum.late, sum.grace, sum.lapsed);
}

ReportSort renewals_sort(const ReportFilter& f) { return f.sort.value_or(ReportSort::Deadline); }
ReportSort roster_sort(const ReportFilter& f) { return f.sort.value_or(ReportSort::Id); }

namespace {

std::string_view order_text(ReportSort sort, const std::string& name, const std::string& site) {
    if (sort == ReportSort::Name) return name;
    if (sort == ReportSort::Site) return site;
    return {};
}

} // namespace

RowOrder row_order(const RenewalRow& row, ReportSort sort) {
    return {row.deadline.date, state_rank(row.status.state, row.due), order_text(sort, row.name, row.site), row.id,
            row.status.rule->id};
}

RowOrder row_order(const RosterRow& row, ReportSort sort) {
    RowOrder o{last_date, state_rank(row.status ? std::optional(row.status->state) : std::nullopt, row.due),
               order_text(sort, row.name, row.site), row.id, row.status ? std::string_view(row.status->rule->id) : ""};
    if (row.status && row.status->certification) {
        // one that does not expire keeps the last place
        if (auto deadline = first_action_date(*row.status->certification, row.status->state)) o.deadline = deadline->date;
    }
    return o;
}

namespace {

// Both reports' rows in the order `sort` asks, as the streamed reports order them (row_order).
template <class Row>
void sort_rows(std::vector<Row>& rows, ReportSort sort) {
    std::stable_sort(rows.begin(), rows.end(),
                     [sort](const Row& a, const Row& b) { return ordered_before(sort, row_order(a, sort), row_order(b, sort)); });
}

} // namespace

std::vector<RenewalRow> renewal_rows(const SpecialistStatus& s, const ReportContext& ctx, const ReportFilter& filter) {
    std::vector<RenewalRow> rows;
    if (!wanted(filter, s)) return rows;
    for (const auto& cs : s.credentials) {
        // A certification that does not expire is never to renew.
        if (!cs.certification || !cs.certification->expires) continue;
        bool due = is_due(cs, ctx);
        if (!wanted(filter, cs, due) || !within(filter, cs, ctx.as_of)) continue;
        CredentialStatus shown;
        shown.rule = cs.rule;
        shown.state = cs.state;
        shown.certification = cs.certification;
        shown.ce = cs.ce;
        shown.renewable = cs.renewable;
        Deadline deadline = *first_action_date(*cs.certification, cs.state); // it expires
        rows.push_back({s.id, s.name, s.site, std::move(shown), deadline, days_between(ctx.as_of, deadline.date), due,
                        missing_in_words(cs), level_note(cs)});
    }
    return rows;
}

RenewalsReport renewals_report(const std::vector<SpecialistStatus>& statuses, const ReportContext& ctx,
                               const ReportFilter& filter) {
    RenewalsReport report;
    report.filter = filter;
    for (const auto& s : statuses)
        for (auto& row : renewal_rows(s, ctx, filter)) {
            count_renewal(report.summary, row.status.state, row.due);
            report.rows.push_back(std::move(row));
        }
    sort_rows(report.rows, renewals_sort(filter));
    return report;
}

std::string initial_missing_in_words(const CredentialStatus& cs) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (cs.training) {
        Hours left = shortfall(cs.training->required, cs.training->completed);
        if (!left.is_zero()) add("training " + left.str() + " h");
        for (const auto& d : cs.training->domains)
            if (d.completed < d.required) add(d.domain + " " + shortfall(d.required, d.completed).str() + " h");
    }
    for (const auto& e : cs.experience) {
        if (e.completed >= e.required) continue;
        bool supervision = e.kinds.size() == 1 && e.kinds[0] == ExperienceKind::Supervision;
        add((supervision ? "supervision " : "experience ") + shortfall(e.required, e.completed).str() + " h");
    }
    if (cs.exam && cs.exam->required && !cs.exam->passed)
        add(cs.exam->scheduled ? "exam (scheduled " + to_string(*cs.exam->scheduled) + ")" : "exam");
    return out;
}

std::vector<RosterRow> roster_rows(const SpecialistStatus& s, const ReportContext& ctx, const ReportFilter& filter) {
    std::vector<RosterRow> rows;
    if (!wanted(filter, s)) return rows;
    for (const auto& cs : s.credentials) {
        bool due = is_due(cs, ctx);
        if (wanted(filter, cs, due)) rows.push_back({s.id, s.name, s.site, cs, due, roster_next(cs, ctx.as_of)});
    }
    bool filtered = filter.credential || !filter.states.empty();
    if (s.credentials.empty() && !filtered)
        rows.push_back({s.id, s.name, s.site, std::nullopt, false, "no credential on record"});
    return rows;
}

RosterReport roster_report(const std::vector<SpecialistStatus>& statuses, const ReportContext& ctx, const ReportFilter& filter) {
    RosterReport report;
    report.filter = filter;
    for (const auto& s : statuses) {
        std::vector<RosterRow> rows = roster_rows(s, ctx, filter);
        if (!rows.empty()) ++report.summary.specialists;
        for (auto& row : rows) {
            if (row.status) count_roster(report.summary, row.status->state, row.due);
            report.rows.push_back(std::move(row));
        }
    }
    sort_rows(report.rows, roster_sort(filter));
    return report;
}

std::string to_string(EvidenceState e) {
    switch (e) {
    case EvidenceState::None: return "none";
    case EvidenceState::Present: return "present";
    case EvidenceState::Missing: return "missing";
    }
    return "";
}

namespace {

TranscriptSection section_of(const Record& record, std::optional<CredentialStatus> status, Date from, Date to,
                             const EvidenceProbe& probe) {
    TranscriptSection sec;
    sec.status = std::move(status);
    std::map<std::string, TopicTotal> topics;
    for (const auto& e : record.ce) {
        if (e.date < from || e.date > to) continue;
        TranscriptEntry te{e, EvidenceState::None};
        if (!e.evidence.empty()) te.evidence = probe && probe(e.evidence) ? EvidenceState::Present : EvidenceState::Missing;
        // Shown, struck out, for the audit trail; it adds to no total.
        if (e.voided) {
            ++sec.voided;
            sec.entries.push_back(std::move(te));
            continue;
        }
        if (te.evidence != EvidenceState::Present) ++sec.without_evidence;
        sec.logged += e.hours;
        for (const auto& t : e.topics) {
            TopicTotal& total = topics[t];
            total.topic = t;
            total.hours += e.hours;
            ++total.entries;
        }
        sec.entries.push_back(std::move(te));
    }
    std::stable_sort(sec.entries.begin(), sec.entries.end(),
                     [](const TranscriptEntry& a, const TranscriptEntry& b) { return a.entry.date < b.entry.date; });
    for (auto& [topic, total] : topics)
        sec.topics.push_back(total);
    return sec;
}

} // namespace

Transcript transcript_report(const Record& record, const SpecialistStatus& status, bool all_periods,
                             const std::optional<std::string>& credential, Date as_of, const EvidenceProbe& probe) {
    Transcript t;
    t.id = status.id;
    t.name = status.name;
    t.all_periods = all_periods;
    if (all_periods) {
        t.sections.push_back(section_of(record, std::nullopt, Date{date::year{1}, date::January, date::day{1}}, as_of, probe));
        return t;
    }
    for (const auto& cs : status.credentials) {
        if (credential && cs.rule->id != *credential) continue;
        if (!cs.certification) {
            t.notes.push_back(
                fmt::format("{} is not certified yet ({}): no CE period to list", cs.rule->id, to_string(cs.state)));
            continue;
        }
        if (!cs.ce) {
            t.notes.push_back(fmt::format("{} asks for no CE", cs.rule->id));
            continue;
        }
        Date to = std::min(cs.ce->window_end, as_of);
        t.sections.push_back(section_of(record, cs, cs.ce->window_start, to, probe));
    }
    if (credential && t.sections.empty() && t.notes.empty())
        t.notes.push_back(fmt::format("{} is not on this record", *credential));
    return t;
}

namespace {

bool auditable(const CredentialStatus& cs, const std::optional<std::string>& credential) {
    return (!credential || cs.rule->id == *credential) &&
           (cs.state == State::Active || cs.state == State::Late || cs.state == State::Grace);
}

} // namespace

AuditSelection audit_select(const std::vector<SpecialistStatus>& statuses, int percent, std::uint64_t seed,
                            const std::optional<std::string>& credential) {
    // The population in id order, so that a seed always picks the same people.
    std::vector<std::size_t> population;
    for (std::size_t i = 0; i < statuses.size(); ++i)
        if (std::any_of(statuses[i].credentials.begin(), statuses[i].credentials.end(),
                        [&](const auto& cs) { return auditable(cs, credential); }))
            population.push_back(i);
    std::stable_sort(population.begin(), population.end(),
                     [&](std::size_t a, std::size_t b) { return statuses[a].id < statuses[b].id; });
    AuditSelection out;
    out.population = population.size();
    for (std::size_t k : sample_indices(population.size(), sample_size(population.size(), percent), seed))
        out.picked.push_back(population[k]);
    return out;
}

SpecialistStatus audit_candidate(const SpecialistStatus& s, const std::optional<std::string>& credential) {
    SpecialistStatus out;
    out.id = s.id;
    for (const auto& cs : s.credentials)
        if (auditable(cs, credential)) {
            CredentialStatus kept;
            kept.rule = cs.rule;
            kept.state = cs.state;
            out.credentials.push_back(std::move(kept));
        }
    return out;
}

AuditSample audit_sample(std::size_t population, const std::vector<Record>& records,
                         const std::vector<SpecialistStatus>& statuses, int percent, std::uint64_t seed,
                         const std::optional<std::string>& credential, Date as_of, const EvidenceProbe& probe) {
    AuditSample out;
    out.percent = percent;
    out.seed = seed;
    out.credential = credential;
    out.population = population;
    for (std::size_t i = 0; i < records.size() && i < statuses.size(); ++i) {
        SpecialistStatus held = statuses[i];
        std::erase_if(held.credentials, [&](const CredentialStatus& cs) { return !auditable(cs, credential); });
        Transcript t = transcript_report(records[i], held, false, credential, as_of, probe);
        for (const auto& sec : t.sections)
            out.without_evidence += sec.without_evidence;
        out.transcripts.push_back(std::move(t));
    }
    return out;
}

} // namespace peerctl
