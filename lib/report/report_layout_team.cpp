// Layout of the renewals and roster reports.

#include "report_layout.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <span>

namespace peerctl {

Cell text_cell(std::string s, Tone tone) { return {std::move(s), tone, {}}; }

Cell state_cell(State s, bool due) {
    switch (s) {
    case State::Active: return due ? Cell{"due", Tone::Warn, {}} : Cell{"active", Tone::Good, {}};
    case State::Late: return {"late", Tone::Urgent, {}};
    case State::Grace: return {"grace", Tone::Urgent, {}};
    case State::Lapsed: return {"lapsed", Tone::Bad, {}};
    case State::Eligible: return {"eligible", Tone::Info, {}};
    case State::InTraining: return {"in training", Tone::Info, {}};
    }
    return {};
}

Cell hours_progress_cell(Hours counted, Hours required) {
    return {fmt::format("{} / {} h", counted.str(), required.str()), Tone::Plain, std::pair{counted, required}};
}

Cell ce_progress_cell(const CeProgress& ce) {
    if (!ce.required.is_zero() || ce.entries_required == 0) return hours_progress_cell(ce.counted, ce.required);
    // The bar is a ratio: whole "hours" draw entries against entries.
    return {fmt::format("{} / {} entries", ce.entries, ce.entries_required), Tone::Plain,
            std::pair{Hours::whole(ce.entries), Hours::whole(ce.entries_required)}};
}

std::string joined(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : std::string(sep)) + i;
    return out;
}

std::string count_of(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

namespace {

// Above the rows, so that a report handed on never looks whole when it is not; the list is cut
// short (standard error names every file).
void unreadable_lines(const ReportContext& ctx, std::vector<std::string>& summary) {
    const auto& files = ctx.unreadable;
    if (files.empty()) return;
    constexpr std::size_t shown = 5;
    std::string list;
    for (std::size_t i = 0; i < files.size() && i < shown; ++i) {
        if (i) list += ", ";
        list += files[i];
    }
    if (files.size() > shown) list += fmt::format(" and {} more", files.size() - shown);
    summary.push_back(fmt::format("Not in this report: {} that could not be read ({}); peerctl validate says why.",
                                  count_of(files.size(), "record file", "record files"), list));
}

// The rows laid out in the sections: none when only the flat table is wanted.
template <class Row>
std::span<const Row> section_rows(const std::vector<Row>& rows, Parts parts) {
    return parts == Parts::Flat ? std::span<const Row>() : std::span<const Row>(rows);
}

Cell yes_no(bool v) { return v ? text_cell("yes", Tone::Good) : text_cell("no", Tone::Warn); }
std::string yes_no_text(bool v) { return v ? "yes" : "no"; }
std::string opt_date(const std::optional<Date>& d) { return d ? to_string(*d) : ""; }

// "state grace", "states late, grace or lapsed".
std::string one_of_words(const std::string& one, const std::string& many, const std::vector<std::string>& words) {
    std::string out = words.size() == 1 ? one + " " : many + " ";
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return out;
}

// The filters in words, for the summary: " (credential ct-rss, states grace or lapsed, deadline within 90 days)".
std::string filter_words(const ReportFilter& f) {
    std::vector<std::string> parts;
    if (f.credential) parts.push_back("credential " + *f.credential);
    if (!f.states.empty()) parts.push_back(one_of_words("state", "states", f.states));
    if (f.within_days) parts.push_back(fmt::format("deadline within {} days", *f.within_days));
    if (!f.team.sites.empty()) parts.push_back(one_of_words("site", "sites", f.team.sites));
    if (!f.team.supervisors.empty()) parts.push_back(one_of_words("supervisor", "supervisors", f.team.supervisors));
    std::string out;
    for (const auto& p : parts)
        out += (out.empty() ? " (" : ", ") + p;
    return out.empty() ? out : out + ")";
}

template <class Summary>
std::string state_counts(const Summary& s, int due_days) {
    std::string out = fmt::format("{} active", s.active);
    if (s.due) out += fmt::format(" ({} due within {} days)", s.due, due_days);
    out += fmt::format(", {} late, {} in grace, {} lapsed", s.late, s.grace, s.lapsed);
    return out;
}

// A date of a renewals row: red once past, and where it is the row's deadline, toned as its days.
Tone date_tone(const RenewalRow& r, Date d) {
    int days = r.days_left + days_between(r.deadline.date, d);
    if (days < 0) return Tone::Bad;
    if (d != r.deadline.date) return Tone::Plain;
    return r.status.state == State::Grace ? Tone::Urgent : r.due ? Tone::Warn : Tone::Plain;
}

Cell date_cell(const RenewalRow& r, const std::optional<Date>& d) {
    return d ? text_cell(to_string(*d), date_tone(r, *d)) : text_cell("");
}

} // namespace

std::vector<Column> renewals_flat_columns() {
    return {Column{"id"},
            {"name"},
            {"credential"},
            {"state"},
            {"due"},
            date_column("deadline"),
            {"deadline_kind"},
            {"deadline_days_left", Align::Right, 0, true},
            {"number"},
            date_column("issued"),
            date_column("expires"),
            {"days_left", Align::Right, 0, true},
            date_column("submit_by"),
            date_column("grace_until"),
            {"ce_required_hours", Align::Right, 0, true},
            {"ce_counted_hours", Align::Right, 0, true},
            {"ce_remaining_hours", Align::Right, 0, true},
            {"missing"},
            {"renewable"},
            {"note"}};
}

std::vector<Cell> renewals_flat_row(const RenewalRow& r) {
    const Certification& c = *r.status.certification;
    const auto& ce = r.status.ce;
    return {text_cell(r.id),
            text_cell(r.name),
            text_cell(r.status.rule->id),
            text_cell(to_string(r.status.state), state_cell(r.status.state, r.due).tone),
            text_cell(yes_no_text(r.due)),
            text_cell(to_string(r.deadline.date)),
            text_cell(to_string(r.deadline.kind)),
            text_cell(std::to_string(r.days_left)),
            text_cell(c.number),
            text_cell(to_string(c.issued)),
            text_cell(opt_date(c.expires)),
            text_cell(c.days_left ? std::to_string(*c.days_left) : ""),
            text_cell(opt_date(c.submit_by)),
            text_cell(opt_date(c.grace_until)),
            text_cell(ce ? ce->required.str() : ""),
            text_cell(ce ? ce->counted.str() : ""),
            text_cell(ce ? ce->hours_to_go().str() : ""),
            text_cell(r.missing),
            text_cell(yes_no_text(r.status.renewable)),
            text_cell(r.note)};
}

bool renewal_has_submit_by(const RenewalRow& r) { return r.status.certification->submit_by.has_value(); }
bool renewal_has_grace(const RenewalRow& r) { return r.status.certification->grace_until.has_value(); }

Section renewals_section(const ReportFilter& filter, bool submit_by, bool grace) {
    Section sec;
    sec.empty = filter.credential || !filter.states.empty() || filter.within_days || !filter.team.empty()
                    ? "No certification matches."
                    : "No certified specialists in this workspace.";
    Table& t = sec.table;
    // Short headers and the columns left out first serve narrow terminals (report_render_table).
    // Both dates stay: the submit-by date is the deadline where a credential has one.
    t.columns = {{"ID", Align::Left, 8}, {"Name", Align::Left, 8}, {"Credential", Align::Left, 0, false, "Cred"}, {"State"}};
    if (submit_by) t.columns.push_back({"Submit by"});
    t.columns.insert(t.columns.end(), {{"Expires"},
                                       {"Days left", Align::Right, 0, false, "Days"},
                                       {"CE hours", Align::Left, 0, false, "CE"},
                                       {"Missing", Align::Left, 10},
                                       {"Renewable", Align::Left, 0, false, "Renew", 1}});
    if (grace) t.columns.push_back({"Grace until", Align::Left, 0, false, "Grace to", 2});
    return sec;
}

std::vector<Cell> renewals_section_row(const RenewalRow& r, bool submit_by, bool grace) {
    const Certification& c = *r.status.certification;
    std::vector<Cell> row = {text_cell(r.id), text_cell(r.name), credential_cell(*r.status.rule),
                             state_cell(r.status.state, r.due)};
    if (submit_by) row.push_back(date_cell(r, c.submit_by));
    // Days to the deadline: a person reads "overdue 3", never "-3 days left".
    std::string days = r.days_left < 0 ? fmt::format("overdue {}", -r.days_left) : std::to_string(r.days_left);
    row.insert(row.end(), {date_cell(r, c.expires), text_cell(days, date_tone(r, r.deadline.date)),
                           r.status.ce ? ce_progress_cell(*r.status.ce) : text_cell("-"),
                           text_cell(r.note.empty()      ? r.missing
                                     : r.missing.empty() ? r.note
                                                         : r.note + "; " + r.missing),
                           yes_no(r.status.renewable)});
    if (grace) row.push_back(date_cell(r, c.grace_until));
    return row;
}

Document renewals_document(const RenewalsReport& report, const ReportContext& ctx, Parts parts) {
    Document doc;
    doc.title = "Renewals";
    doc.workspace = ctx.workspace;
    doc.as_of = ctx.as_of;
    const RenewalSummary& s = report.summary;
    if (s.certified == 0) doc.summary.push_back("No certifications" + filter_words(report.filter) + ".");
    else
        doc.summary.push_back(fmt::format("{}{}: {}",
                                          count_of(static_cast<std::size_t>(s.certified), "certification", "certifications"),
                                          filter_words(report.filter), state_counts(s, ctx.due_days)));
    unreadable_lines(ctx, doc.summary);
    doc.legend = team_legend(ctx.due_days);

    bool any_submit_by = std::any_of(report.rows.begin(), report.rows.end(), renewal_has_submit_by);
    bool any_grace = std::any_of(report.rows.begin(), report.rows.end(), renewal_has_grace);
    Section sec = renewals_section(report.filter, any_submit_by, any_grace);
    for (const auto& r : section_rows(report.rows, parts))
        sec.table.rows.push_back(renewals_section_row(r, any_submit_by, any_grace));
    doc.sections.push_back(std::move(sec));
    if (parts == Parts::Sections) return doc;

    doc.flat.columns = renewals_flat_columns();
    for (const auto& r : report.rows)
        doc.flat.rows.push_back(renewals_flat_row(r));
    return doc;
}

namespace {

// Certified holders often have no initial training or exam on record (it predates the records):
// that is shown as such, never as "0 / 80 h" or "not taken".
bool certified_without(const CredentialStatus& cs, bool recorded) { return cs.certification && !recorded; }

Cell training_cell(const CredentialStatus& cs) {
    if (!cs.training || cs.training->required.is_zero()) return text_cell("-");
    const TrainingProgress& t = *cs.training;
    if (certified_without(cs, !t.completed.is_zero())) return text_cell("not on record", Tone::Muted);
    return text_cell(fmt::format("{} / {} h", t.completed.str(), t.required.str()), t.met ? Tone::Plain : Tone::Warn);
}

std::string domains_text(const CredentialStatus& cs, std::string_view sep) {
    std::string out;
    if (!cs.training || certified_without(cs, !cs.training->completed.is_zero())) return out;
    for (const auto& d : cs.training->domains)
        out += fmt::format("{}{} {}/{}", out.empty() ? "" : sep, d.domain, d.completed.str(), d.required.str());
    return out;
}

Cell exam_cell(const CredentialStatus& cs) {
    if (!cs.exam || !cs.exam->required) return text_cell("not required", Tone::Muted);
    const ExamProgress& x = *cs.exam;
    if (x.passed) return text_cell("passed " + to_string(*x.last_date), Tone::Good);
    if (certified_without(cs, x.attempts > 0)) return text_cell("not on record", Tone::Muted);
    std::string out = x.attempts == 0
                          ? "not taken"
                          : fmt::format("failed ({})", count_of(static_cast<std::size_t>(x.attempts), "attempt", "attempts"));
    if (x.scheduled) out += ", scheduled " + to_string(*x.scheduled);
    return text_cell(out, x.attempts > 0 ? Tone::Warn : Tone::Plain);
}

} // namespace

std::vector<Column> roster_flat_columns() {
    return {Column{"id"},
            {"name"},
            {"credential"},
            {"state"},
            {"due"},
            {"training_required_hours", Align::Right, 0, true},
            {"training_completed_hours", Align::Right, 0, true},
            {"training_remaining_hours", Align::Right, 0, true},
            {"training_domains"},
            {"exam_required"},
            {"exam_passed"},
            {"exam_attempts", Align::Right, 0, true},
            date_column("exam_last_date"),
            date_column("exam_scheduled"),
            date_column("expires"),
            date_column("submit_by"),
            {"next"}};
}

std::vector<Cell> roster_flat_row(const RosterRow& r) {
    static const std::size_t columns = roster_flat_columns().size();
    std::vector<Cell> row = {text_cell(r.id), text_cell(r.name)};
    if (!r.status) {
        for (std::size_t i = 2; i + 1 < columns; ++i)
            row.push_back(text_cell(""));
    } else {
        const CredentialStatus& cs = *r.status;
        const auto& tr = cs.training;
        bool exam = cs.exam && cs.exam->required;
        row.insert(row.end(),
                   {text_cell(cs.rule->id), text_cell(to_string(cs.state), state_cell(cs.state, r.due).tone),
                    text_cell(yes_no_text(r.due)), text_cell(tr ? tr->required.str() : ""),
                    text_cell(tr ? tr->completed.str() : ""), text_cell(tr ? shortfall(tr->required, tr->completed).str() : ""),
                    text_cell(domains_text(cs, "; ")), text_cell(yes_no_text(exam)),
                    text_cell(exam ? yes_no_text(cs.exam->passed) : ""), text_cell(exam ? std::to_string(cs.exam->attempts) : ""),
                    text_cell(exam ? opt_date(cs.exam->last_date) : ""), text_cell(exam ? opt_date(cs.exam->scheduled) : ""),
                    text_cell(cs.certification ? opt_date(cs.certification->expires) : ""),
                    text_cell(cs.certification ? opt_date(cs.certification->submit_by) : "")});
    }
    row.push_back(text_cell(r.next));
    return row;
}

bool roster_has_domains(const RosterRow& r) { return r.status && !domains_text(*r.status, ", ").empty(); }

Section roster_section(const ReportFilter& filter, bool domains) {
    Section sec;
    sec.empty = filter.credential || !filter.states.empty() || !filter.team.empty()
                    ? "No specialist matches."
                    : "No specialists in this workspace (add one with 'peerctl add').";
    Table& t = sec.table;
    t.columns = {
        {"ID", Align::Left, 8}, {"Name", Align::Left, 8}, {"Credential", Align::Left, 0, false, "Cred"}, {"State"}, {"Training"}};
    if (domains) t.columns.push_back({"Training by domain", Align::Left, 16, false, "Domains", 2});
    t.columns.push_back({"Exam", Align::Left, 12, false, "", 1});
    t.columns.push_back({"Next", Align::Left, 16});
    return sec;
}

std::vector<Cell> roster_section_row(const RosterRow& r, bool domains) {
    std::vector<Cell> row = {text_cell(r.id), text_cell(r.name)};
    if (!r.status) {
        row.push_back(text_cell("-"));
        row.push_back(text_cell("none", Tone::Muted));
        row.push_back(text_cell("-"));
        if (domains) row.push_back(text_cell(""));
        row.push_back(text_cell("-"));
    } else {
        row.push_back(credential_cell(*r.status->rule));
        row.push_back(state_cell(r.status->state, r.due));
        row.push_back(training_cell(*r.status));
        if (domains) row.push_back(text_cell(domains_text(*r.status, ", ")));
        row.push_back(exam_cell(*r.status));
    }
    row.push_back(text_cell(r.next));
    return row;
}

Document roster_document(const RosterReport& report, const ReportContext& ctx, Parts parts) {
    Document doc;
    doc.title = "Roster";
    doc.workspace = ctx.workspace;
    doc.as_of = ctx.as_of;
    const RosterSummary& s = report.summary;
    if (s.specialists == 0) doc.summary.push_back("No specialists" + filter_words(report.filter) + ".");
    else
        doc.summary.push_back(fmt::format("{}, {}{}: {} in training, {} eligible, {}",
                                          count_of(static_cast<std::size_t>(s.specialists), "specialist", "specialists"),
                                          count_of(static_cast<std::size_t>(s.credentials), "credential", "credentials"),
                                          filter_words(report.filter), s.in_training, s.eligible, state_counts(s, ctx.due_days)));
    unreadable_lines(ctx, doc.summary);
    doc.legend = team_legend(ctx.due_days);
    bool any_domains = std::any_of(report.rows.begin(), report.rows.end(), roster_has_domains);
    Section sec = roster_section(report.filter, any_domains);
    for (const auto& r : section_rows(report.rows, parts))
        sec.table.rows.push_back(roster_section_row(r, any_domains));
    doc.sections.push_back(std::move(sec));
    if (parts == Parts::Sections) return doc;

    doc.flat.columns = roster_flat_columns();
    for (const auto& r : report.rows)
        doc.flat.rows.push_back(roster_flat_row(r));
    return doc;
}

} // namespace peerctl
