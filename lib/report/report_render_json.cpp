#include "report_render_json.hpp"

#include "output_text.hpp"
#include "status_json.hpp"

#include <fmt/core.h>

namespace peerctl {

using json = nlohmann::ordered_json;

namespace {

json opt(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json header(std::string_view report, const ReportContext& ctx) {
    return {{"report", report}, {"as_of", to_string(ctx.as_of)}, {"workspace", ctx.workspace}};
}

json filters_json(const ReportFilter& f) {
    return {{"within_days", f.within_days ? json(*f.within_days) : json(nullptr)},
            {"states", f.states},
            {"credential", f.credential ? json(*f.credential) : json(nullptr)},
            {"sites", f.team.sites},
            {"supervisors", f.team.supervisors}};
}

std::string finish(const json& root) { return json_dump(root, 2) + "\n"; }

json entry_json(const TranscriptEntry& te) {
    const CeEntry& e = te.entry;
    return {{"date", to_string(e.date)},
            {"title", e.title},
            {"provider", opt(e.provider)},
            {"approval", opt(e.approval)},
            {"hours", hours_json(e.hours)},
            {"topics", e.topics},
            {"delivery", e.delivery ? json(to_string(*e.delivery)) : json(nullptr)},
            {"evidence", opt(e.evidence)},
            {"evidence_status", to_string(te.evidence)},
            {"void", e.voided ? json(e.voided->reason) : json(nullptr)},
            {"voided", e.voided && e.voided->date ? json(to_string(*e.voided->date)) : json(nullptr)}};
}

json section_json(const TranscriptSection& sec) {
    json j;
    if (sec.status) {
        json cred = credential_json(*sec.status);
        j["credential"] = cred["id"];
        j["credential_name"] = cred["name"];
        j["state"] = cred["state"];
        j["window_start"] = cred["ce"]["window_start"];
        j["window_end"] = cred["ce"]["window_end"];
    } else {
        j = {{"credential", nullptr},
             {"credential_name", nullptr},
             {"state", nullptr},
             {"window_start", nullptr},
             {"window_end", nullptr}};
    }
    json entries = json::array();
    for (const auto& te : sec.entries)
        entries.push_back(entry_json(te));
    j["entries"] = entries;
    json topics = json::array();
    for (const auto& t : sec.topics)
        topics.push_back({{"topic", t.topic}, {"entries", t.entries}, {"logged_hours", hours_json(t.hours)}});
    j["totals"] = {{"entries", sec.entries.size() - static_cast<std::size_t>(sec.voided)},
                   {"voided", sec.voided},
                   {"logged_hours", hours_json(sec.logged)},
                   {"without_evidence", sec.without_evidence},
                   {"topics", topics}};
    if (sec.status) {
        json cred = credential_json(*sec.status);
        j["certification"] = cred["certification"];
        j["ce"] = cred["ce"];
        j["renewable"] = cred["renewable"];
    }
    return j;
}

json transcript_body(const Transcript& t) {
    json sections = json::array();
    for (const auto& sec : t.sections)
        sections.push_back(section_json(sec));
    return {{"id", t.id}, {"name", t.name}, {"sections", sections}, {"notes", t.notes}};
}

} // namespace

namespace {

// nlohmann's dump(2) of a value nested `depth` levels deep, from its compact dump: rows are kept
// compact (half the size) and laid out only as the document is written.
void append_indented(std::string& out, std::string_view compact, int depth) {
    auto newline = [&](int d) {
        out += '\n';
        out.append(2 * static_cast<std::size_t>(d), ' ');
    };
    bool in_string = false;
    for (std::size_t i = 0; i < compact.size(); ++i) {
        char c = compact[i];
        if (in_string) {
            out += c;
            if (c == '\\' && i + 1 < compact.size()) out += compact[++i];
            else if (c == '"') in_string = false;
            continue;
        }
        switch (c) {
        case '"':
            in_string = true;
            out += c;
            break;
        case '{':
        case '[':
            if (i + 1 < compact.size() && (compact[i + 1] == '}' || compact[i + 1] == ']')) {
                out += c;
                out += compact[++i];
            } else {
                out += c;
                newline(++depth);
            }
            break;
        case '}':
        case ']':
            newline(--depth);
            out += c;
            break;
        case ',':
            out += c;
            newline(depth);
            break;
        case ':': out += ": "; break;
        default: out += c;
        }
    }
}

// The document: `root` laid out with its last member `key` holding the rows (compact, made by
// `row(i)` as they are written).
void document_with_rows(json root, const char* key, const JsonRows& rows, const JsonSink& write) {
    root[key] = json::array();
    std::string head = json_dump(root, 2);
    // The rows' array is the last member: "[]" just before the closing brace.
    std::size_t at = head.rfind("[]");
    write(std::string_view(head).substr(0, at));
    if (rows.count == 0) {
        write("[]");
    } else {
        std::string chunk;
        for (std::size_t i = 0; i < rows.count; ++i) {
            chunk = i == 0 ? "[\n    " : ",\n    ";
            append_indented(chunk, rows.row(i), 2);
            write(chunk);
        }
        write("\n  ]");
    }
    write(std::string_view(head).substr(at + 2));
    write("\n");
}

std::string collected(const std::function<void(const JsonSink&)>& make) {
    std::string out;
    make([&](std::string_view chunk) { out += chunk; });
    return out;
}

// The counts by state that both team reports' summaries end with.
template <class Summary>
void add_state_counts(json& summary, const Summary& s, const ReportContext& ctx) {
    summary["active"] = s.active;
    summary["due"] = s.due;
    summary["due_within_days"] = ctx.due_days;
    summary["late"] = s.late;
    summary["grace"] = s.grace;
    summary["lapsed"] = s.lapsed;
}

json renewals_root(const RenewalSummary& s, const ReportFilter& filter, const ReportContext& ctx) {
    json root = header("renewals", ctx);
    root["filters"] = filters_json(filter);
    root["sort"] = to_string(renewals_sort(filter));
    root["unreadable"] = ctx.unreadable;
    json summary = {{"certifications", s.certified}};
    add_state_counts(summary, s, ctx);
    root["summary"] = summary;
    return root;
}

json roster_root(const RosterSummary& s, const ReportFilter& filter, const ReportContext& ctx) {
    json root = header("roster", ctx);
    root["filters"] = filters_json(filter);
    root["sort"] = to_string(roster_sort(filter));
    root["unreadable"] = ctx.unreadable;
    json summary = {
        {"specialists", s.specialists}, {"credentials", s.credentials}, {"in_training", s.in_training}, {"eligible", s.eligible}};
    add_state_counts(summary, s, ctx);
    root["summary"] = summary;
    return root;
}

} // namespace

// The rows make only the members of credential_json they show.
std::string renewal_row_json(const RenewalRow& row) {
    const CredentialStatus& cs = row.status;
    json out = {{"id", row.id},
                {"name", row.name},
                {"credential", cs.rule->id},
                {"credential_name", cs.rule->name},
                {"state", to_string(cs.state)},
                {"due", row.due},
                {"deadline", to_string(row.deadline.date)},
                {"deadline_kind", to_string(row.deadline.kind)},
                {"deadline_days_left", row.days_left},
                {"certification", certification_json(cs)},
                {"ce", ce_json(cs)},
                {"renewable", cs.renewable},
                {"missing", row.missing},
                {"note", opt(row.note)}};
    return json_dump(out);
}

std::string roster_row_json(const RosterRow& row) {
    json out = {{"id", row.id}, {"name", row.name}};
    if (!row.status) {
        for (const char* key : {"credential", "credential_name", "state", "certification", "training", "exam"})
            out[key] = nullptr;
        out["experience"] = json::array();
        out["due"] = false;
    } else {
        const CredentialStatus& cs = *row.status;
        out["credential"] = cs.rule->id;
        out["credential_name"] = cs.rule->name;
        out["state"] = to_string(cs.state);
        out["due"] = row.due;
        out["certification"] = certification_json(cs);
        out["training"] = training_json(cs);
        out["experience"] = experience_json(cs);
        out["exam"] = exam_json(cs);
    }
    out["next"] = row.next;
    return json_dump(out);
}

void renewals_json(const RenewalSummary& summary, const ReportFilter& filter, const ReportContext& ctx, const JsonRows& rows,
                   const JsonSink& write) {
    document_with_rows(renewals_root(summary, filter, ctx), "renewals", rows, write);
}

void roster_json(const RosterSummary& summary, const ReportFilter& filter, const ReportContext& ctx, const JsonRows& rows,
                 const JsonSink& write) {
    document_with_rows(roster_root(summary, filter, ctx), "roster", rows, write);
}

std::string renewals_json(const RenewalsReport& r, const ReportContext& ctx) {
    JsonRows rows{r.rows.size(), [&](std::size_t i) { return renewal_row_json(r.rows[i]); }};
    return collected([&](const JsonSink& write) { renewals_json(r.summary, r.filter, ctx, rows, write); });
}

std::string roster_json(const RosterReport& r, const ReportContext& ctx) {
    JsonRows rows{r.rows.size(), [&](std::size_t i) { return roster_row_json(r.rows[i]); }};
    return collected([&](const JsonSink& write) { roster_json(r.summary, r.filter, ctx, rows, write); });
}

std::string transcript_json(const Transcript& t, const ReportContext& ctx) {
    json root = header("transcript", ctx);
    root["period"] = t.all_periods ? "all" : "current";
    root["specialist"] = transcript_body(t);
    return finish(root);
}

std::string audit_json(const AuditSample& a, const ReportContext& ctx) {
    json root = header("audit-sample", ctx);
    root["filters"] = {{"credential", a.credential ? json(*a.credential) : json(nullptr)},
                       {"sites", a.team.sites},
                       {"supervisors", a.team.supervisors}};
    root["percent"] = a.percent;
    root["seed"] = a.seed;
    root["population"] = a.population;
    root["sample_size"] = a.transcripts.size();
    root["without_evidence"] = a.without_evidence;
    json people = json::array();
    for (const auto& t : a.transcripts)
        people.push_back(transcript_body(t));
    root["specialists"] = people;
    return finish(root);
}

} // namespace peerctl
