#include "entry_list.hpp"

#include "output_text.hpp"
#include "report_layout.hpp"
#include "status_json.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

namespace {

std::string reason_text(const EntryUse& use, const std::optional<VoidMark>& voided) {
    if (use.reason == UseReason::Void && voided) return "void: " + voided->reason;
    if (use.reason == UseReason::TooShort && use.limit) return fmt::format("shorter than the {} h minimum", use.limit->str());
    return to_string(use.reason);
}

template <class Entry, class Fill>
void add_rows(std::vector<EntryRow>& out, EntryKind kind, const std::vector<Entry>& entries, const SpecialistStatus& status,
              Fill fill) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        EntryRow row;
        row.kind = kind;
        row.number = i + 1;
        row.pos = e.pos;
        row.date = e.date;
        row.voided = e.voided;
        fill(e, row);
        for (const auto& cs : status.credentials)
            for (const auto& use : cs.entry_uses) {
                if (use.kind != kind || use.index != i) continue;
                if (use.reason == UseReason::Counts) row.counts_for.push_back(cs.rule->id);
                else row.not_counted.push_back({cs.rule->id, reason_text(use, e.voided)});
            }
        out.push_back(std::move(row));
    }
}

std::string why_not(const EntryRow& row) {
    if (row.not_counted.empty()) {
        if (row.voided) return "void: " + row.voided->reason;
        return row.counts_for.empty() ? "no credential uses it" : "";
    }
    bool same = std::all_of(row.not_counted.begin(), row.not_counted.end(),
                            [&](const NotCounted& n) { return n.reason == row.not_counted.front().reason; });
    if (same && row.counts_for.empty()) return row.not_counted.front().reason;
    std::string out;
    for (const auto& n : row.not_counted)
        out += (out.empty() ? "" : "; ") + n.credential + ": " + n.reason;
    return out;
}

std::string hours_text(const EntryRow& row) { return row.hours ? row.hours->str() : ""; }

} // namespace

std::vector<EntryRow> entry_rows(const Record& record, const SpecialistStatus& status, std::optional<EntryKind> kind) {
    std::vector<EntryRow> rows;
    auto wanted = [&](EntryKind k) { return !kind || *kind == k; };
    if (wanted(EntryKind::Training))
        add_rows(rows, EntryKind::Training, record.training, status, [](const TrainingEntry& e, EntryRow& r) {
            r.hours = e.hours;
            r.title = e.title;
            if (!e.domain.empty()) r.topics.push_back(e.domain);
        });
    if (wanted(EntryKind::Exam))
        add_rows(rows, EntryKind::Exam, record.exams, status, [](const ExamEntry& e, EntryRow& r) {
            r.title = fmt::format("{} exam, {}", e.credential, to_string(e.result));
        });
    if (wanted(EntryKind::Experience))
        add_rows(rows, EntryKind::Experience, record.experience, status, [](const ExperienceEntry& e, EntryRow& r) {
            r.hours = e.hours;
            r.title = e.title.empty() ? to_string(e.kind) : fmt::format("{} ({})", e.title, to_string(e.kind));
        });
    if (wanted(EntryKind::Ce))
        add_rows(rows, EntryKind::Ce, record.ce, status, [](const CeEntry& e, EntryRow& r) {
            r.hours = e.hours;
            r.title = e.title;
            r.topics = e.topics;
        });
    if (wanted(EntryKind::Renewal))
        add_rows(rows, EntryKind::Renewal, record.renewals, status,
                 [](const RenewalEntry& e, EntryRow& r) { r.title = fmt::format("{} renewal", e.credential); });
    std::stable_sort(rows.begin(), rows.end(), [](const EntryRow& a, const EntryRow& b) {
        return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    return rows;
}

Document entries_document(const std::vector<EntryRow>& rows, const std::string& id, Date as_of) {
    Document doc;
    doc.title = "Entries: " + id;
    doc.as_of = as_of;
    Section s;
    s.empty = "No entries.";
    s.table.columns = {{"Ref"},
                       {"Date"},
                       {"Hours", Align::Right},
                       {"Title", Align::Left, 16},
                       {"Topics", Align::Left, 10, false, "", 2},
                       {"Counts for"},
                       {"Why not", Align::Left, 16}};
    doc.flat.columns = {{"ref"},     {"kind"}, {"date"},  {"hours", Align::Right, 0, true}, {"title"}, {"topics"}, {"counts_for"},
                        {"why_not"}, {"void"}, {"voided"}};
    for (const auto& r : rows) {
        Tone tone = r.voided ? Tone::Struck : Tone::Plain;
        std::string counts = r.counts_for.empty() ? "no" : joined(r.counts_for, ", ");
        s.table.rows.push_back({text_cell(entry_ref(r.kind, r.number), tone), text_cell(to_string(r.date), tone),
                                text_cell(hours_text(r), tone), text_cell(r.title, tone), text_cell(joined(r.topics, ", "), tone),
                                text_cell(counts, r.counts_for.empty() ? Tone::Muted : tone), text_cell(why_not(r), tone)});
        doc.flat.rows.push_back({text_cell(entry_ref(r.kind, r.number)), text_cell(to_string(r.kind)),
                                 text_cell(to_string(r.date)), text_cell(hours_text(r)), text_cell(r.title),
                                 text_cell(joined(r.topics, ";")), text_cell(joined(r.counts_for, ";")), text_cell(why_not(r)),
                                 text_cell(r.voided ? r.voided->reason : ""),
                                 text_cell(r.voided && r.voided->date ? to_string(*r.voided->date) : "")});
    }
    doc.sections.push_back(std::move(s));
    return doc;
}

std::string entries_json(const std::vector<EntryRow>& rows, const std::string& id, Date as_of) {
    using json = nlohmann::ordered_json;
    json list = json::array();
    for (const auto& r : rows) {
        json not_counted = json::array();
        for (const auto& n : r.not_counted)
            not_counted.push_back({{"credential", n.credential}, {"reason", n.reason}});
        list.push_back({{"ref", entry_ref(r.kind, r.number)},
                        {"kind", to_string(r.kind)},
                        {"date", to_string(r.date)},
                        {"hours", r.hours ? hours_json(*r.hours) : json(nullptr)},
                        {"title", r.title},
                        {"topics", r.topics},
                        {"void", r.voided ? json(r.voided->reason) : json(nullptr)},
                        {"voided", r.voided && r.voided->date ? json(to_string(*r.voided->date)) : json(nullptr)},
                        {"counts_for", r.counts_for},
                        {"not_counted", not_counted}});
    }
    json root = {{"id", id}, {"as_of", to_string(as_of)}, {"entries", list}};
    return json_dump(root, 2) + "\n";
}

} // namespace peerctl
