// libFuzzer target: the whole path a record takes, without a workspace: load it with the
// built-in credentials, evaluate it on a fixed date, and render everything a command prints
// from it (status as text and JSON, check as text and JSON, and every report in every format).
// Every output keeps its format's promise (output_text.hpp): no raw control, bidi control or invalid
// UTF-8 where it would reach a terminal, and check's Nagios text has exactly its lines and one '|'.
// Reports made a row at a time (report_stream) must equal the whole-report ones, JSON must be laid
// out exactly as nlohmann lays it out, and the check cache must give back the items it was given.

#include "check_cache.hpp"
#include "evaluation.hpp"
#include "expiry_check.hpp"
#include "fuzz_support.hpp"
#include "record_loader.hpp"
#include "status_json.hpp"
#include "status_text.hpp"

#if __has_include("report_layout.hpp")
#include "report_layout.hpp"
#include "report_render_csv.hpp"
#include "report_render_html.hpp"
#include "report_render_json.hpp"
#include "report_render_markdown.hpp"
#include "report_render_table.hpp"
#include "report_stream.hpp"

#include <nlohmann/json.hpp>
#endif

using namespace peerctl;

namespace {

const std::string file = "fuzz.toml";

void status_and_check(const SpecialistStatus& s) {
    fuzz::outputs_safe({s});

    CheckCache cache("inputs\n");
    std::vector<CheckItem> items = check_items(s);
    cache.put("fuzz.toml", CachedRecord{FileStamp{1, 2, 3, 4, 5}, s.id, {1, 1}, items});
    auto back = CheckCache::parse(cache.serialize(), "inputs\n");
    fuzz::require(back.has_value(), "the check cache cannot read what it wrote", cache.serialize());
    CachedRecord* hit = back->find("fuzz.toml", FileStamp{1, 2, 3, 4, 5});
    fuzz::require(hit && hit->id == s.id && hit->items.size() == items.size(), "the check cache lost a record");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const CheckItem& a = items[i];
        const CheckItem& b = hit->items[i];
        fuzz::require(a.id == b.id && a.credential == b.credential && a.state == b.state && a.deadline == b.deadline &&
                          a.expires == b.expires && a.submit_by == b.submit_by && a.ce_remaining == b.ce_remaining &&
                          a.missing == b.missing,
                      "the check cache changed an item", a.missing + " / " + b.missing);
    }
}

#if __has_include("report_layout.hpp")
void every_format(const Document& doc) {
    fuzz::terminal_safe(render_table(doc, TableOptions{Style{false}, std::nullopt}), "table is not terminal-safe");
    fuzz::terminal_safe(render_table(doc, TableOptions{Style{false}, 40}), "narrow table is not terminal-safe");
    fuzz::terminal_safe(render_table(doc, TableOptions{Style{true}, 120}), "coloured table is not terminal-safe", true);
    fuzz::document_safe(render_markdown(doc), "Markdown is not terminal-safe");
    fuzz::document_safe(render_html(doc), "HTML is not terminal-safe");
    fuzz::document_safe(render_csv(doc), "CSV is not terminal-safe");
}

void json_laid_out(const std::string& text) {
    fuzz::json_safe(text, "report JSON is not terminal-safe");
    // (with DEL, C1 and bidi controls escaped, as json_dump does to every report)
    fuzz::require(json_dump(nlohmann::ordered_json::parse(text), 2) + "\n" == text, "JSON laid out otherwise than nlohmann does",
                  text);
}

// The same report made a row at a time, as `report` makes it for a registry.
std::string streamed(TeamReport kind, StreamFormat format, const std::vector<SpecialistStatus>& statuses,
                     const ReportContext& ctx, const ReportFilter& filter, const TableOptions& table = {}) {
    TeamReportStream stream(kind, format, statuses.size(), ctx, filter, table);
    for (std::size_t i = 0; i < statuses.size(); ++i)
        stream.add(i, statuses[i]);
    return stream.finish();
}

// The terminal table, Markdown and HTML as `report` makes them a row at a time, against the
// whole-report renderers.
void same_when_streamed(TeamReport kind, const Document& doc, const std::vector<SpecialistStatus>& statuses,
                        const ReportContext& ctx, const ReportFilter& filter) {
    for (const TableOptions& table : {TableOptions{Style{false}, std::nullopt}, TableOptions{Style{true}, 40}})
        fuzz::require(streamed(kind, StreamFormat::Table, statuses, ctx, filter, table) == render_table(doc, table),
                      "streamed table differs");
    fuzz::require(streamed(kind, StreamFormat::Markdown, statuses, ctx, filter) == render_markdown(doc),
                  "streamed Markdown differs");
    fuzz::require(streamed(kind, StreamFormat::Html, statuses, ctx, filter) == render_html(doc), "streamed HTML differs");
}

void reports(const Record& record, const SpecialistStatus& s) {
    ReportContext ctx{s.name, fuzz::as_of(), 60, {}}; // a workspace name is data too
    std::vector<SpecialistStatus> statuses{s, s};
    statuses[1].id += "-2";
    EvidenceProbe probe = [](const std::string& path) { return path.size() % 2 == 0; };

    ReportFilter due;
    due.within_days = 90;
    due.states = {"due", "grace"};
    for (const ReportFilter& filter : {ReportFilter{}, due}) {
        RenewalsReport renewals = renewals_report(statuses, ctx, filter);
        std::string json = renewals_json(renewals, ctx);
        json_laid_out(json);
        Document doc = renewals_document(renewals, ctx);
        every_format(doc);
        fuzz::require(streamed(TeamReport::Renewals, StreamFormat::Json, statuses, ctx, filter) == json,
                      "streamed renewals JSON differs");
        fuzz::require(streamed(TeamReport::Renewals, StreamFormat::Csv, statuses, ctx, filter) == render_csv(doc),
                      "streamed renewals CSV differs");
        same_when_streamed(TeamReport::Renewals, doc, statuses, ctx, filter);

        RosterReport roster = roster_report(statuses, ctx, filter);
        json = roster_json(roster, ctx);
        json_laid_out(json);
        doc = roster_document(roster, ctx);
        every_format(doc);
        fuzz::require(streamed(TeamReport::Roster, StreamFormat::Json, statuses, ctx, filter) == json,
                      "streamed roster JSON differs");
        fuzz::require(streamed(TeamReport::Roster, StreamFormat::Csv, statuses, ctx, filter) == render_csv(doc),
                      "streamed roster CSV differs");
        same_when_streamed(TeamReport::Roster, doc, statuses, ctx, filter);
    }

    for (bool all : {false, true}) {
        Transcript t = transcript_report(record, s, all, std::nullopt, ctx.as_of, probe);
        fuzz::json_safe(transcript_json(t, ctx), "transcript JSON is not terminal-safe");
        every_format(transcript_document(t, ctx));
    }

    AuditSelection picked = audit_select(statuses, 100, 42, std::nullopt);
    std::vector<Record> records;
    std::vector<SpecialistStatus> sampled;
    for (std::size_t i : picked.picked) {
        records.push_back(record);
        sampled.push_back(statuses.at(i));
    }
    AuditSample audit = audit_sample(picked.population, records, sampled, 100, 42, std::nullopt, ctx.as_of, probe);
    fuzz::json_safe(audit_json(audit, ctx), "audit JSON is not terminal-safe");
    every_format(audit_document(audit, ctx));
}
#else
// TODO: render the reports here once lib/report_* exists.
void reports(const Record&, const SpecialistStatus&) {}
#endif

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Diagnostics diags;
    std::optional<Record> record =
        load_record(fuzz::as_text(data, size), file, fuzz::builtin_credentials(), RecordLoadOptions{}, diags);
    fuzz::check_diagnostics(diags, file);
    if (!record) return 0;
    SpecialistStatus s = evaluate(*record, fuzz::builtin_credentials(), fuzz::as_of());
    status_and_check(s);
    reports(*record, s);
    return 0;
}
