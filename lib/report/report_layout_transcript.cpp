// Layout of transcripts and audit samples: a specialist's CE entries, the way a board's audit asks
// for them, with totals per requirement.

#include "report_layout.hpp"
#include "status_text.hpp"

#include <fmt/core.h>

namespace peerctl {

namespace {

std::string void_label(const VoidMark& v) {
    return v.date ? fmt::format("[VOID {}: {}]", to_string(*v.date), v.reason) : fmt::format("[VOID: {}]", v.reason);
}

Cell evidence_cell(EvidenceState e) {
    switch (e) {
    case EvidenceState::Present: return text_cell("yes", Tone::Good);
    case EvidenceState::Missing: return text_cell("MISSING", Tone::Bad);
    case EvidenceState::None: return text_cell("none recorded", Tone::Warn);
    }
    return {};
}

std::string section_heading(const TranscriptSection& sec) {
    if (!sec.status) return "All CE entries on record";
    return sec.status->rule->id + ": " + sec.status->rule->name;
}

std::vector<std::string> section_intro(const TranscriptSection& sec, Date as_of) {
    std::vector<std::string> out;
    if (sec.status) {
        const CredentialStatus& cs = *sec.status;
        const Certification& c = *cs.certification;
        std::string cert = fmt::format("State {}; certificate {}issued {}, expires {}.", state_cell(cs.state, false).text,
                                       c.number.empty() ? "" : c.number + ", ", to_string(c.issued),
                                       c.expires ? to_string(*c.expires) : "never");
        out.push_back(cert);
        std::string window = fmt::format("CE period {} to {}", to_string(cs.ce->window_start), to_string(cs.ce->window_end));
        if (as_of < cs.ce->window_end) window += fmt::format(", entries to {}", to_string(as_of));
        out.push_back(window + ".");
    } else {
        out.push_back(fmt::format("Every CE entry dated on or before {}.", to_string(as_of)));
    }
    std::string counts = fmt::format("{}, {} h logged", count_of(sec.entries.size(), "entry", "entries"), sec.logged.str());
    if (sec.voided > 0)
        counts += fmt::format(" ({} void, not counted)", count_of(static_cast<std::size_t>(sec.voided), "entry", "entries"));
    if (sec.without_evidence > 0)
        counts += fmt::format("; {} without evidence on file",
                              count_of(static_cast<std::size_t>(sec.without_evidence), "entry", "entries"));
    out.push_back(counts + ".");
    return out;
}

Table entries_table(const TranscriptSection& sec) {
    Table t;
    t.columns = {{"Date"},
                 {"Title", Align::Left, 16},
                 {"Provider", Align::Left, 10},
                 {"Approval", Align::Left, 0, false, "", 2},
                 {"Hours", Align::Right},
                 {"Topics", Align::Left, 10, false, "", 1},
                 {"Evidence", Align::Left, 12},
                 {"On file"}};
    for (const auto& te : sec.entries) {
        const CeEntry& e = te.entry;
        t.rows.push_back({text_cell(to_string(e.date)), text_cell(e.title), text_cell(e.provider), text_cell(e.approval),
                          text_cell(e.hours.str()), text_cell(joined(e.topics, ", ")), text_cell(e.evidence),
                          evidence_cell(te.evidence)});
        if (!e.voided) continue;
        // Struck out, with the reason where a reader looks for what the entry is.
        for (auto& cell : t.rows.back())
            cell.tone = Tone::Struck;
        t.rows.back()[1].text = void_label(*e.voided) + " " + e.title;
    }
    return t;
}

Table totals_table(const TranscriptSection& sec) {
    Table t;
    if (!sec.status) {
        t.columns = {{"Topic"}, {"Entries", Align::Right}, {"Hours", Align::Right}};
        for (const auto& topic : sec.topics)
            t.rows.push_back(
                {text_cell(topic.topic), text_cell(std::to_string(topic.entries)), text_cell(topic.hours.str() + " h")});
        t.rows.push_back({text_cell("all entries"),
                          text_cell(std::to_string(sec.entries.size() - static_cast<std::size_t>(sec.voided))),
                          text_cell(sec.logged.str() + " h")});
        return t;
    }
    const CeProgress& ce = *sec.status->ce;
    auto met = [](bool v) { return v ? text_cell("yes", Tone::Good) : text_cell("no", Tone::Warn); };
    t.columns = {{"Requirement"}, {"Required", Align::Right}, {"Counted", Align::Right}, {"Missing", Align::Right}, {"Met"}};
    // CE counted in entries alone has no hour total to show.
    if (!ce.required.is_zero() || ce.entries_required == 0) {
        t.rows.push_back({text_cell("CE total"), text_cell(ce.required.str() + " h"),
                          hours_progress_cell(ce.counted, ce.required), text_cell(ce.remaining().str() + " h"),
                          met(ce.counted >= ce.required)});
        // hours_progress_cell reads "25 / 60 h"; in this table the counted column holds the count alone.
        t.rows.back()[2].text = ce.counted.str() + " h";
    }
    if (ce.entries_required > 0)
        t.rows.push_back(
            {text_cell("CE entries"), text_cell(std::to_string(ce.entries_required)), text_cell(std::to_string(ce.entries)),
             text_cell(std::to_string(std::max(0, ce.entries_required - ce.entries))), met(ce.entries >= ce.entries_required)});
    if (!ce.carried_over.is_zero())
        t.rows.push_back({text_cell("  of which carried over"), text_cell(""), text_cell(ce.carried_over.str() + " h"),
                          text_cell(""), text_cell("")});
    for (const auto& r : ce.requirements) {
        // "suicide-prevention (over 6 years)": counted across periods, not within this one.
        std::string over = r.over_months ? " (over " + months_in_words(*r.over_months) + ")" : "";
        if (r.kind == MinimumKind::TopicEntries) {
            int missing = std::max(0, r.entries_required - r.entries_counted);
            t.rows.push_back({text_cell(r.topic + " (entries)" + over), text_cell(std::to_string(r.entries_required)),
                              text_cell(std::to_string(r.entries_counted)), text_cell(std::to_string(missing)), met(r.met())});
        } else {
            std::string label = r.kind == MinimumKind::ProviderHours ? "from " + joined(r.providers, " or ") : r.topic;
            t.rows.push_back({text_cell(label + over), text_cell(r.required.str() + " h"), text_cell(r.counted.str() + " h"),
                              text_cell(shortfall(r.required, r.counted).str() + " h"), met(r.met())});
        }
    }
    for (const auto& c : ce.caps)
        if (c.logged > c.counted)
            t.rows.push_back(
                {text_cell(fmt::format("{} ({} h logged, at most {} h count)", c.delivery ? to_string(*c.delivery) : c.topic,
                                       c.logged.str(), c.limit.str())),
                 text_cell(""), text_cell(c.counted.str() + " h"), text_cell(""), text_cell("")});
    return t;
}

Section transcript_section(const TranscriptSection& sec, Date as_of, const std::string& heading_prefix) {
    Section s;
    s.heading = heading_prefix + section_heading(sec);
    s.intro = section_intro(sec, as_of);
    s.table = entries_table(sec);
    s.empty = "No CE entries in this period.";
    s.totals_heading = sec.status ? "Totals per requirement" : "Totals per topic";
    s.totals = totals_table(sec);
    return s;
}

void flat_columns(Table& f) {
    f.columns = {{"id"},
                 {"name"},
                 {"credential"},
                 {"window_start"},
                 {"window_end"},
                 {"date"},
                 {"title"},
                 {"provider"},
                 {"approval"},
                 {"delivery"},
                 {"hours", Align::Right, 0, true},
                 {"topics"},
                 {"evidence"},
                 {"evidence_status"},
                 {"void"},
                 {"voided"}};
}

void flat_rows(Table& f, const Transcript& t) {
    for (const auto& sec : t.sections) {
        std::string cred = sec.status ? sec.status->rule->id : "";
        std::string start = sec.status ? to_string(sec.status->ce->window_start) : "";
        std::string end = sec.status ? to_string(sec.status->ce->window_end) : "";
        if (sec.entries.empty()) {
            // Kept as a row so that a sampled person with nothing logged is still listed.
            f.rows.push_back({text_cell(t.id), text_cell(t.name), text_cell(cred), text_cell(start), text_cell(end)});
            f.rows.back().resize(f.columns.size());
        }
        for (const auto& te : sec.entries) {
            const CeEntry& e = te.entry;
            f.rows.push_back({text_cell(t.id), text_cell(t.name), text_cell(cred), text_cell(start), text_cell(end),
                              text_cell(to_string(e.date)), text_cell(e.title), text_cell(e.provider), text_cell(e.approval),
                              text_cell(e.delivery ? to_string(*e.delivery) : ""), text_cell(e.hours.str()),
                              text_cell(joined(e.topics, ";")), text_cell(e.evidence), text_cell(to_string(te.evidence)),
                              text_cell(e.voided ? e.voided->reason : ""),
                              text_cell(e.voided && e.voided->date ? to_string(*e.voided->date) : "")});
        }
    }
}

} // namespace

Document transcript_document(const Transcript& t, const ReportContext& ctx) {
    Document doc;
    doc.title = "CE transcript: " + t.id + " (" + t.name + ")";
    doc.workspace = ctx.workspace;
    doc.as_of = ctx.as_of;
    doc.summary.emplace_back(t.all_periods ? "Period: all CE entries on record."
                                           : "Period: the current CE period of each certified credential.");
    for (const auto& sec : t.sections)
        doc.sections.push_back(transcript_section(sec, ctx.as_of, ""));
    doc.notes = t.notes;
    if (t.sections.empty() && !t.all_periods)
        doc.notes.emplace_back("No current CE period to list; --period all lists every CE entry on record.");
    flat_columns(doc.flat);
    flat_rows(doc.flat, t);
    return doc;
}

Document audit_document(const AuditSample& a, const ReportContext& ctx) {
    Document doc;
    doc.title = "Audit sample";
    doc.workspace = ctx.workspace;
    doc.as_of = ctx.as_of;
    std::string who = a.credential ? "holding an active or in-grace " + *a.credential + " credential"
                                   : "holding an active or in-grace credential";
    if (a.population == 0) {
        doc.summary.push_back("Nobody to sample: no specialist holds an active or in-grace " +
                              (a.credential ? *a.credential + " " : std::string()) + "credential.");
    } else {
        doc.summary.push_back(fmt::format("{} of {} {}, sampled at {} % with seed {} (the same seed gives the same sample).",
                                          a.transcripts.size(), count_of(a.population, "specialist", "specialists"), who,
                                          a.percent, a.seed));
        doc.summary.push_back(a.without_evidence == 0
                                  ? std::string("Every sampled entry has its evidence on file.")
                                  : fmt::format("{} without evidence on file: flagged MISSING (the file is not there) "
                                                "or none recorded.",
                                                count_of(static_cast<std::size_t>(a.without_evidence), "entry", "entries")));
    }
    Section overview;
    overview.heading = "Sampled specialists";
    overview.empty = "Nobody sampled.";
    overview.table.columns = {
        {"ID", Align::Left, 8}, {"Name", Align::Left, 8},  {"Credential", Align::Left, 0, false, "Cred"},          {"State"},
        {"CE hours"},           {"Entries", Align::Right}, {"Without evidence", Align::Right, 0, false, "No file"}};
    for (const auto& t : a.transcripts)
        for (const auto& sec : t.sections) {
            const CredentialStatus& cs = *sec.status;
            overview.table.rows.push_back(
                {text_cell(t.id), text_cell(t.name), text_cell(cs.rule->id), state_cell(cs.state, false),
                 ce_progress_cell(*cs.ce), text_cell(std::to_string(sec.entries.size())),
                 text_cell(std::to_string(sec.without_evidence), sec.without_evidence ? Tone::Bad : Tone::Plain)});
        }
    if (!a.transcripts.empty()) doc.sections.push_back(std::move(overview));
    for (const auto& t : a.transcripts) {
        for (const auto& sec : t.sections)
            doc.sections.push_back(transcript_section(sec, ctx.as_of, t.id + " (" + t.name + "), "));
        for (const auto& n : t.notes)
            doc.notes.push_back(t.id + ": " + n);
    }
    flat_columns(doc.flat);
    for (const auto& t : a.transcripts)
        flat_rows(doc.flat, t);
    return doc;
}

} // namespace peerctl
