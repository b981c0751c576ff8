// libFuzzer target: the whole path a record takes, without a workspace: load it with the
// built-in credentials, evaluate it on a fixed date, and render everything a command prints
// from it (status as text and JSON, check as text and JSON, and every report in every format).
// Output must be valid UTF-8: nlohmann::json throws on anything else, and terminals garble it.

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
#endif

using namespace peerctl;

namespace {

const std::string file = "fuzz.toml";

void utf8(const std::string& text, std::string_view what) {
    fuzz::require(is_valid_utf8(text), what, text);
}

void status_and_check(const SpecialistStatus& s) {
    Date as_of = fuzz::as_of();
    utf8(status_text(s, as_of, Style{false}), "status text is not valid UTF-8");
    (void)status_text(s, as_of, Style{true});
    (void)status_json({s}, as_of);
    CheckResult check;
    check_specialist(s, as_of, check);
    finish_check(check);
    utf8(check_text(check), "check text is not valid UTF-8");
    (void)check_json(check, as_of);
}

#if __has_include("report_layout.hpp")
void every_format(const Document& doc) {
    utf8(render_table(doc, TableOptions{Style{false}, std::nullopt}), "table is not valid UTF-8");
    utf8(render_table(doc, TableOptions{Style{false}, 40}), "narrow table is not valid UTF-8");
    (void)render_table(doc, TableOptions{Style{true}, 120});
    utf8(render_markdown(doc), "Markdown is not valid UTF-8");
    utf8(render_html(doc), "HTML is not valid UTF-8");
    utf8(render_csv(doc), "CSV is not valid UTF-8");
}

void reports(const Record& record, const SpecialistStatus& s) {
    ReportContext ctx{"fuzz", fuzz::as_of(), 60};
    std::vector<SpecialistStatus> statuses{s};
    EvidenceProbe probe = [](const std::string& path) { return path.size() % 2 == 0; };

    RenewalsReport renewals = renewals_report(statuses, ctx, ReportFilter{});
    (void)renewals_json(renewals, ctx);
    every_format(renewals_document(renewals, ctx));
    ReportFilter due;
    due.within_days = 90;
    due.states = {"due", "grace"};
    every_format(renewals_document(renewals_report(statuses, ctx, due), ctx));

    RosterReport roster = roster_report(statuses, ctx, ReportFilter{});
    (void)roster_json(roster, ctx);
    every_format(roster_document(roster, ctx));

    for (bool all : {false, true}) {
        Transcript t = transcript_report(record, s, all, std::nullopt, ctx.as_of, probe);
        (void)transcript_json(t, ctx);
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
    (void)audit_json(audit, ctx);
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
