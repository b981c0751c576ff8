// `report renewals|roster|transcript ID|audit sample`: team reports, as a terminal table, CSV,
// JSON, Markdown or a printable HTML page. Reports read records and never change them.

#include "commands.hpp"

#include "evidence_files.hpp"

#include "atomic_file.hpp"
#include "evaluation.hpp"
#include "report_stream.hpp"
#include "report_layout.hpp"
#include "report_render_csv.hpp"
#include "report_render_html.hpp"
#include "report_render_json.hpp"
#include "report_render_markdown.hpp"
#include "report_render_table.hpp"
#include "report_render_xlsx.hpp"
#include "report_format.hpp"
#include "report_sampler.hpp"
#include "target_id.hpp"
#include "validation.hpp"
#include "xlsx_file.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

enum class Kind { Renewals, Roster, Transcript, Audit };

struct ReportOptions {
    std::optional<std::string> id;
    int within = -1;
    std::vector<std::string> states;
    std::string credential;
    std::string period = "current";
    int percent = 10;
    std::string seed;
    std::string format;
    std::string output;
    int width = -1;
    bool include_inactive = false;
    bool bom = false;
    std::vector<std::string> sites;
    std::vector<std::string> supervisors;
    std::string sort;
};

const std::vector<std::string> renewal_states = renewal_state_words();
const std::vector<std::string> all_states = filter_state_words();
const std::vector<std::string> sort_words = report_sort_words();

std::string comma_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

std::uint64_t pick_seed(const std::string& text) {
    if (text.empty()) return std::random_device{}() & max_sample_seed;
    std::uint64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || v > max_sample_seed)
        throw UsageError{fmt::format("--seed takes a whole number from 0 to {} (got '{}')", max_sample_seed, printable(text))};
    return v;
}

ReportFilter make_filter(Context& ctx, const ReportOptions& o, Kind kind) {
    ReportFilter f;
    if (o.within >= 0) f.within_days = o.within;
    for (const auto& s : o.states)
        if (kind == Kind::Renewals && std::find(renewal_states.begin(), renewal_states.end(), s) == renewal_states.end())
            throw UsageError{fmt::format("renewals lists certified specialists ({}); "
                                         "for '{}', use 'peerctl report roster --state {}'",
                                         comma_list(renewal_states), s, s)};
    f.states = o.states;
    if (!o.credential.empty()) {
        if (auto unknown = unknown_credential(ctx.credentials(), o.credential)) throw UsageError{*unknown};
        f.credential = o.credential;
    }
    f.team.sites = o.sites;
    f.team.supervisors = o.supervisors;
    if (!o.sort.empty()) f.sort = parse_report_sort(o.sort);
    return f;
}

// A report goes to its own file, never over a record, a rule file or the workspace settings.
bool writes_into_workspace_data(const Workspace& ws, const fs::path& out) {
    std::error_code ec;
    fs::path target = fs::weakly_canonical(fs::absolute(out, ec), ec);
    for (const char* dir : {"specialists", "credentials"}) {
        fs::path d = fs::weakly_canonical(ws.root / dir, ec);
        fs::path rel = target.lexically_relative(d);
        if (!rel.empty() && *rel.begin() != "..") return true;
    }
    return target == fs::weakly_canonical(ws.root / "peerctl.toml", ec);
}

std::string render(const Document& doc, const std::string& format, const TableOptions& table) {
    if (format == "csv") return render_csv(doc);
    if (format == "md") return render_markdown(doc);
    if (format == "html") return render_html(doc);
    return render_table(doc, table);
}

// A report is made in four stages: what to make (plan_report), the records loaded and each made
// into what the report keeps of it where it loads (stream_team, load_picked), the text made
// (a Producer, handing it on a piece at a time) and written (write_report).
struct Plan {
    Kind kind = Kind::Renewals;
    std::string format;
    bool to_file = false;
    std::uint64_t seed = 0;
    ReportFilter filter;
    ReportContext rc;
    std::vector<fs::path> files;
    TableOptions table;
    bool include_inactive = false;
    bool incomplete = false; // a team report left out files it could not read: exit 1 after writing
};

using Producer = std::function<void(const TextSink&)>;

// Options that do not go together, whatever the workspace holds.
void check_options(const ReportOptions& o, Kind kind) {
    // Options given before the report's name (`report --within 30 roster`) land here too.
    if (o.within >= 0 && kind != Kind::Renewals) throw UsageError{"--within applies to the renewals report only"};
    if (!o.states.empty() && kind != Kind::Renewals && kind != Kind::Roster)
        throw UsageError{"--state applies to the renewals and roster reports only"};
    if (o.include_inactive && kind == Kind::Transcript)
        throw UsageError{"--include-inactive applies to the team reports (renewals, roster, audit sample): "
                         "a transcript shows the one specialist it names"};
    if (!o.sort.empty() && kind != Kind::Renewals && kind != Kind::Roster)
        throw UsageError{"--sort applies to the renewals and roster reports only"};
    if ((!o.sites.empty() || !o.supervisors.empty()) && kind == Kind::Transcript)
        throw UsageError{"--site and --supervisor apply to the team reports (renewals, roster, audit sample): "
                         "a transcript shows the one specialist it names"};
    if (o.period == "all" && !o.credential.empty())
        throw UsageError{"--period all lists every CE entry, whatever the credential: leave out --credential"};
}

// Stage 1: what to make, from the options and the workspace. Nothing when it cannot be made (said why).
std::optional<Plan> plan_report(Context& ctx, const ReportOptions& o, Kind kind) {
    check_options(o, kind);
    Plan plan;
    plan.kind = kind;
    plan.format = report_format(o.format, o.output, kind == Kind::Renewals || kind == Kind::Roster, o.bom);
    std::optional<TargetId> target;
    if (kind == Kind::Transcript) target = target_id(ctx, o.id);
    plan.seed = kind == Kind::Audit ? pick_seed(o.seed) : 0;
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return std::nullopt;
    }
    const Workspace& ws = *ctx.workspace();
    plan.filter = make_filter(ctx, o, kind);
    plan.include_inactive = o.include_inactive || kind == Kind::Transcript;
    plan.to_file = !o.output.empty() && o.output != "-";
    if (plan.to_file && writes_into_workspace_data(ws, o.output)) {
        print_error(fmt::format("refusing to write a report to '{}': reports never change records, rules or settings", o.output));
        return std::nullopt;
    }
    if (target) {
        if (record_missing(ctx, *target)) {
            ctx.flush_diagnostics();
            return std::nullopt;
        }
        plan.files.push_back(record_path(ws, target->id));
    } else {
        plan.files = record_files(ws);
    }
    plan.rc.workspace = ws.name.empty() ? ws.root.filename().string() : ws.name;
    plan.rc.as_of = ctx.as_of();
    plan.rc.due_days = ws.warn_days;
    plan.table = TableOptions{plan.to_file ? Style{false} : ctx.out_style(), report_table_width(o.width, plan.to_file)};
    return plan;
}

// Records are evaluated as they load and dropped there, each turned into what the report keeps of
// it. A transcript or an audit is made only of records that all loaded without errors; a team
// report covers every record that could be read (`unreadable` gets the others' files). Inactive
// and left specialists are left out of team reports unless --include-inactive; those of other
// sites and supervisors are never evaluated.
bool visit_all(Context& ctx, const Plan& plan, const std::function<void(std::size_t, const SpecialistStatus&)>& keep,
               std::vector<std::string>* unreadable = nullptr) {
    const TeamFilter& team = plan.filter.team;
    auto evaluated = [&](std::size_t i, const Record& r) {
        if ((plan.include_inactive || r.active()) && team.keeps(r.id, r.site, r.supervisor))
            keep(i, evaluate(r, ctx.credentials(), ctx.as_of()));
    };
    VisitSummary visited = visit_records(plan.files, ctx.workspace(), ctx.credentials(), ctx.options().jobs, evaluated,
                                         /*fast=*/true);
    ctx.diags().append(visited.diags);
    bool failed = ctx.diags().has_errors();
    if (failed && unreadable) *unreadable = ctx.diags().files_with_errors();
    ctx.flush_diagnostics();
    if (failed && !unreadable)
        fmt::print(stderr, "peerctl: no report written: fix the errors above first ('peerctl validate' lists them all)\n");
    return !failed || unreadable;
}

StreamFormat stream_format(const std::string& format) {
    if (format == "csv") return StreamFormat::Csv;
    if (format == "json") return StreamFormat::Json;
    if (format == "md") return StreamFormat::Markdown;
    if (format == "html") return StreamFormat::Html;
    if (format == "xlsx") return StreamFormat::Xlsx;
    return StreamFormat::Table;
}

// Stage 2 of a team report: each specialist's rows made and rendered on the loading threads
// (report_stream); memory grows with the report's text, not with the records.
std::shared_ptr<TeamReportStream> load_team(Context& ctx, Plan& plan) {
    auto stream =
        std::make_shared<TeamReportStream>(plan.kind == Kind::Renewals ? TeamReport::Renewals : TeamReport::Roster,
                                           stream_format(plan.format), plan.files.size(), plan.rc, plan.filter, plan.table);
    std::vector<std::string> unreadable;
    visit_all(
        ctx, plan, [&](std::size_t i, const SpecialistStatus& s) { stream->add(i, s); }, &unreadable);
    if (!unreadable.empty()) {
        print_left_out(unreadable.size(), "the report");
        stream->set_unreadable(std::move(unreadable));
        plan.incomplete = true;
    }
    return stream;
}

std::optional<Producer> stream_team(Context& ctx, Plan& plan) {
    return Producer([stream = load_team(ctx, plan)](const TextSink& write) { stream->finish(write); });
}

// A spreadsheet holds the flat table's cells whole (a registry's is a few megabytes), as a file.
int write_xlsx(Context& ctx, const ReportOptions& o, Plan& plan) {
    SheetGrid grid = xlsx_sheet(load_team(ctx, plan)->finish_flat(), plan.kind == Kind::Renewals ? "Renewals" : "Roster");
    if (auto err = write_xlsx_atomic(o.output, grid)) {
        print_write_error(*err);
        return exit_data;
    }
    return plan.incomplete ? exit_data : exit_ok;
}

// Stage 2 of a transcript or an audit: the states of every record (for an audit, only those it is
// picked by), then the few records the report shows loaded again whole.
std::optional<Producer> load_picked(Context& ctx, const Plan& plan, const ReportOptions& o) {
    std::vector<std::optional<SpecialistStatus>> slots(plan.files.size());
    bool audit = plan.kind == Kind::Audit;
    if (!visit_all(ctx, plan, [&](std::size_t i, const SpecialistStatus& s) {
            slots[i] = audit ? audit_candidate(s, plan.filter.credential) : s;
        }))
        return std::nullopt;
    std::vector<SpecialistStatus> statuses;
    std::vector<fs::path> status_files;
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i]) {
            statuses.push_back(std::move(*slots[i]));
            status_files.push_back(plan.files[i]);
        }
    std::vector<fs::path> wanted;
    AuditSelection selection;
    if (audit) {
        selection = audit_select(statuses, o.percent, plan.seed, plan.filter.credential);
        for (std::size_t i : selection.picked)
            wanted.push_back(status_files[i]);
    } else {
        wanted = status_files;
    }
    LoadedRecords loaded = load_records(wanted, ctx.workspace(), ctx.credentials(), ctx.options().jobs);
    if (loaded.diags.has_errors() || loaded.records.size() != wanted.size()) {
        print_diagnostics(loaded.diags);
        fmt::print(stderr, "peerctl: a record changed while the report was being made; run it again\n");
        return std::nullopt;
    }
    std::vector<SpecialistStatus> picked;
    for (const auto& r : loaded.records)
        picked.push_back(evaluate(r, ctx.credentials(), ctx.as_of()));
    fs::path root = ctx.workspace()->root;
    EvidenceProbe probe = [root](const std::string& path) { return evidence_on_file(root, path); };
    // Stage 3: one specialist's or a sample's report is small; it is laid out whole.
    bool json = plan.format == "json";
    std::string text;
    Document doc;
    if (!audit) {
        Transcript t = transcript_report(loaded.records.at(0), picked.at(0), o.period == "all", plan.filter.credential,
                                         plan.rc.as_of, probe);
        if (json) text = transcript_json(t, plan.rc);
        else doc = transcript_document(t, plan.rc);
    } else {
        AuditSample a = audit_sample(selection.population, loaded.records, picked, o.percent, plan.seed, plan.filter.credential,
                                     plan.rc.as_of, probe);
        a.team = plan.filter.team;
        if (json) text = audit_json(a, plan.rc);
        else doc = audit_document(a, plan.rc);
    }
    if (!json) text = render(doc, plan.format, plan.table);
    return Producer([text = std::move(text)](const TextSink& write) { write(text); });
}

// Stage 4: to stdout as it is made, or to a file replaced atomically once whole.
int write_report(const ReportOptions& o, const Plan& plan, const Producer& produce) {
    // The UTF-8 byte order mark Excel needs to read a CSV as UTF-8 (else "GarcÃ­a").
    if (o.bom && !plan.to_file) std::fwrite("\xEF\xBB\xBF", 1, 3, stdout);
    if (!plan.to_file) {
        produce([](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        return stdout_result("the report");
    }
    std::string text = o.bom ? "\xEF\xBB\xBF" : "";
    produce([&](std::string_view chunk) { text += chunk; });
    if (auto err = write_file_atomic(o.output, text)) {
        print_write_error(*err);
        return exit_data;
    }
    return exit_ok;
}

int run_report(Context& ctx, const ReportOptions& o, Kind kind) {
    std::optional<Plan> plan = plan_report(ctx, o, kind);
    if (!plan) return exit_data;
    bool team = kind == Kind::Renewals || kind == Kind::Roster;
    if (plan->format == "xlsx") return write_xlsx(ctx, o, *plan);
    std::optional<Producer> produce = team ? stream_team(ctx, *plan) : load_picked(ctx, *plan, o);
    if (!produce) return exit_data;
    int rc = write_report(o, *plan, *produce);
    return plan->incomplete ? exit_data : rc;
}

void add_output_options(CLI::App& app, ReportOptions& o) {
    app.add_option("--format", o.format, "table, csv, json, md, html or xlsx (default: from -o's extension, else table)")
        ->check(CLI::IsMember({"table", "csv", "json", "md", "html", "xlsx"}));
    app.add_flag("--bom", o.bom, "Start CSV with a UTF-8 byte order mark (for Excel)");
    app.add_option("-o,--output", o.output, "Write to FILE (mode 0600) instead of stdout")->type_name("FILE");
    app.add_option("--width", o.width, "Fit the table to N columns (default: $COLUMNS, else the terminal's; 0: no limit)")
        ->type_name("N")
        ->check(CLI::Range(0, 10000));
}

void add_inactive_option(CLI::App& app, ReportOptions& o) {
    app.add_flag("--include-inactive", o.include_inactive, "Include specialists whose status is inactive or left");
}

void add_credential_option(CLI::App& app, ReportOptions& o) {
    app.add_option("--credential", o.credential, "Only this credential (an id, such as ct-rss)")->type_name("ID");
}

// The team reports: who is in them, by the records' `site` and `supervisor` (exact, repeatable).
void add_team_options(CLI::App& app, ReportOptions& o) {
    app.add_option("--site", o.sites, "Only specialists whose site is exactly SITE (repeatable: any of them)")->type_name("SITE");
    app.add_option("--supervisor", o.supervisors, "Only specialists whose supervisor is exactly S (repeatable: any of them)")
        ->type_name("S");
}

void add_sort_option(CLI::App& app, ReportOptions& o) {
    app.add_option("--sort", o.sort, "Order of the rows: " + comma_list(sort_words) + " (ties by id)")
        ->type_name("KEY")
        ->check(CLI::IsMember(sort_words));
}

void add_renewal_options(CLI::App& app, ReportOptions& o) {
    app.add_option("--within", o.within, "Only those whose deadline (submit-by, else expiry) is at most DAYS away, or past")
        ->type_name("DAYS")
        ->check(CLI::Range(0, 36500));
    app.add_option("--state", o.states, "Only these states: " + comma_list(renewal_states) + " (repeatable, or comma-separated)")
        ->delimiter(',')
        ->check(CLI::IsMember(all_states));
    add_credential_option(app, o);
}

} // namespace

Runner setup_report(CLI::App& sub) {
    auto opts = std::make_shared<ReportOptions>();
    sub.require_subcommand(0, 1);
    add_output_options(sub, *opts);
    add_renewal_options(sub, *opts);
    add_inactive_option(sub, *opts);
    add_team_options(sub, *opts);
    add_sort_option(sub, *opts);

    CLI::App* renewals =
        sub.add_subcommand("renewals", "Certified specialists by expiry: CE counted, what is missing, deadlines");
    add_output_options(*renewals, *opts);
    add_renewal_options(*renewals, *opts);
    add_inactive_option(*renewals, *opts);
    add_team_options(*renewals, *opts);
    add_sort_option(*renewals, *opts);

    CLI::App* roster = sub.add_subcommand("roster", "Everyone, in training or certified: training by domain, exam, state");
    add_output_options(*roster, *opts);
    roster->add_option("--state", opts->states, "Only these states: " + comma_list(all_states))
        ->delimiter(',')
        ->check(CLI::IsMember(all_states));
    add_credential_option(*roster, *opts);
    add_inactive_option(*roster, *opts);
    add_team_options(*roster, *opts);
    add_sort_option(*roster, *opts);

    CLI::App* transcript =
        sub.add_subcommand("transcript", "One specialist's CE entries for the current period, with evidence and totals");
    transcript->add_option("id", opts->id, "The specialist's id (default: 'me' from the user config)");
    transcript->add_option("--period", opts->period, "current (default) or all")->check(CLI::IsMember({"current", "all"}));
    add_credential_option(*transcript, *opts);
    add_output_options(*transcript, *opts);

    CLI::App* audit = sub.add_subcommand("audit", "Audit reports");
    audit->require_subcommand(1);
    CLI::App* sample = audit->add_subcommand("sample", "A reproducible random sample of certified specialists, with transcripts");
    sample->add_option("--percent", opts->percent, "Share to sample, 1 to 100 (default 10), rounded up to whole people")
        ->type_name("P")
        ->check(CLI::Range(1, 100));
    sample->add_option("--seed", opts->seed, "Seed: the same seed gives the same sample (default: a random one, shown)")
        ->type_name("N");
    add_credential_option(*sample, *opts);
    add_inactive_option(*sample, *opts);
    add_team_options(*sample, *opts);
    add_output_options(*sample, *opts);

    // Set last: subcommands copy their parent's footer when they are added.
    sub.footer("With no report named, renewals. Reports read records and never change them.");
    return [opts, roster, transcript, sample](Context& ctx) {
        Kind kind = Kind::Renewals;
        if (roster->parsed()) kind = Kind::Roster;
        else if (transcript->parsed()) kind = Kind::Transcript;
        else if (sample->parsed()) kind = Kind::Audit;
        return run_report(ctx, *opts, kind);
    };
}

} // namespace peerctl::cli
