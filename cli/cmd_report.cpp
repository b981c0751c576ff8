// `report renewals|roster|transcript ID|audit sample`: team reports, as a terminal table, CSV,
// JSON, Markdown or a printable HTML page. Reports read records and never change them.

#include "commands.hpp"

#include "atomic_file.hpp"
#include "evaluation.hpp"
#include "evidence_files.hpp"
#include "report_stream.hpp"
#include "report_layout.hpp"
#include "report_render_csv.hpp"
#include "report_render_html.hpp"
#include "report_render_json.hpp"
#include "report_render_markdown.hpp"
#include "report_render_table.hpp"
#include "report_sampler.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <random>
#include <sys/ioctl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

enum class Kind { Renewals, Roster, Transcript, Audit };

struct ReportOptions {
    std::string id;
    int within = -1;
    std::vector<std::string> states;
    std::string credential;
    std::string period = "current";
    int percent = 10;
    std::string seed;
    std::string format;
    std::string output;
    int width = -1;
};

const std::vector<std::string> renewal_states = {"active", "due", "grace", "lapsed"};
const std::vector<std::string> all_states = {"in-training", "eligible", "active", "due", "grace", "lapsed"};

// The format: --format, else the -o file's extension, else a table.
std::string pick_format(const ReportOptions& o) {
    if (!o.format.empty()) return o.format;
    if (o.output.empty() || o.output == "-") return "table";
    std::string ext = fs::path(o.output).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return "csv";
    if (ext == ".json") return "json";
    if (ext == ".md" || ext == ".markdown") return "md";
    if (ext == ".html" || ext == ".htm") return "html";
    if (ext == ".txt") return "table";
    throw UsageError{fmt::format("cannot tell the format from '{}': name it .csv, .json, .md, .html or .txt, or use --format",
                                 printable(o.output))};
}

// Columns for the table: --width, else $COLUMNS, else the terminal's width; none for a file or a pipe.
std::optional<std::size_t> table_width(const ReportOptions& o, bool to_file) {
    if (o.width >= 0) return o.width == 0 ? std::nullopt : std::optional<std::size_t>(static_cast<std::size_t>(o.width));
    if (to_file) return std::nullopt;
    if (const char* env = std::getenv("COLUMNS"); env && *env) {
        std::size_t v = 0;
        auto [p, ec] = std::from_chars(env, env + std::strlen(env), v);
        if (ec == std::errc() && *p == '\0' && v > 0) return v;
    }
    winsize ws{};
    if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return std::nullopt;
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
            throw UsageError{fmt::format("renewals lists certified specialists (active, due, grace, lapsed); "
                                         "for '{}', use 'peerctl report roster --state {}'",
                                         s, s)};
    f.states = o.states;
    if (!o.credential.empty()) {
        if (!ctx.credentials().find(o.credential)) {
            std::string known;
            for (const auto& id : ctx.credentials().ids())
                known += (known.empty() ? "" : ", ") + id;
            throw UsageError{fmt::format("unknown credential '{}' (in force: {})", printable(o.credential), known)};
        }
        f.credential = o.credential;
    }
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

// After the report went to stdout: a full disk or a closed pipe is an error, said so.
int stdout_result() {
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return exit_ok;
    fmt::print(stderr, "peerctl: cannot write the report to standard output: {}\n", std::strerror(errno));
    return exit_data;
}

int run_report(Context& ctx, const ReportOptions& o, Kind kind) {
    // Options given before the report's name (`report --within 30 roster`) land here too.
    if (o.within >= 0 && kind != Kind::Renewals) throw UsageError{"--within applies to the renewals report only"};
    if (!o.states.empty() && kind != Kind::Renewals && kind != Kind::Roster)
        throw UsageError{"--state applies to the renewals and roster reports only"};
    if (o.period == "all" && !o.credential.empty())
        throw UsageError{"--period all lists every CE entry, whatever the credential: leave out --credential"};
    std::string format = pick_format(o);
    if (kind == Kind::Transcript) require_valid_id(o.id);
    std::uint64_t seed = kind == Kind::Audit ? pick_seed(o.seed) : 0;
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    ReportFilter filter = make_filter(ctx, o, kind);
    bool to_file = !o.output.empty() && o.output != "-";
    if (to_file && writes_into_workspace_data(ws, o.output)) {
        print_error(fmt::format("refusing to write a report to '{}': reports never change records, rules or settings", o.output));
        return exit_data;
    }

    std::vector<fs::path> files;
    if (kind == Kind::Transcript) {
        fs::path f = record_path(ws, o.id);
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(f, ec))) {
            ctx.diags().error(display_path(&ws, f), {}, fmt::format("no record for '{}'", o.id));
            ctx.flush_diagnostics();
            return exit_data;
        }
        files.push_back(f);
    } else {
        files = record_files(ws);
    }
    ReportContext rc;
    rc.workspace = ws.name.empty() ? ws.root.filename().string() : ws.name;
    rc.as_of = ctx.as_of();
    rc.due_days = ws.warn_days;

    // Records are evaluated as they load and dropped there, each turned into what the report
    // keeps of it: its rows, or for an audit the states it is picked by (the few picked records
    // are loaded again below). Memory grows with the rows, not with the records.
    // A team report in CSV or JSON goes further: its rows are rendered there too (report_stream).
    bool team = kind == Kind::Renewals || kind == Kind::Roster;
    std::optional<TeamReportStream> stream;
    if (team && (format == "csv" || format == "json"))
        stream.emplace(kind == Kind::Renewals ? TeamReport::Renewals : TeamReport::Roster,
                       format == "csv" ? StreamFormat::Csv : StreamFormat::Json, files.size(), rc, filter);
    std::vector<std::vector<RenewalRow>> renewal_slots(kind == Kind::Renewals && !stream ? files.size() : 0);
    std::vector<std::vector<RosterRow>> roster_slots(kind == Kind::Roster && !stream ? files.size() : 0);
    std::vector<std::optional<SpecialistStatus>> slots(team ? 0 : files.size());
    auto keep = [&](std::size_t i, const Record& r) {
        SpecialistStatus s = evaluate(r, ctx.credentials(), ctx.as_of());
        if (stream) return stream->add(i, s);
        switch (kind) {
        case Kind::Renewals: renewal_slots[i] = renewal_rows(s, rc, filter); break;
        case Kind::Roster: roster_slots[i] = roster_rows(s, rc, filter); break;
        case Kind::Audit: slots[i] = audit_candidate(s, filter.credential); break;
        case Kind::Transcript: slots[i] = std::move(s); break;
        }
    };
    VisitSummary visited = visit_records(files, &ws, ctx.credentials(), ctx.options().jobs, keep, /*fast=*/true);
    ctx.diags().append(visited.diags);
    bool failed = ctx.diags().has_errors();
    ctx.flush_diagnostics();
    if (failed) {
        fmt::print(stderr, "peerctl: no report written: fix the errors above first ('peerctl validate' lists them all)\n");
        return exit_data;
    }
    std::vector<SpecialistStatus> statuses;
    std::vector<fs::path> status_files;
    for (std::size_t i = 0; i < slots.size(); ++i)
        if (slots[i]) {
            statuses.push_back(std::move(*slots[i]));
            status_files.push_back(files[i]);
        }

    fs::path root = ws.root;
    EvidenceProbe probe = [root](const std::string& path) { return evidence_on_file(root, path); };

    std::string text;
    Document doc;
    bool streamed = stream.has_value();
    if (streamed && !to_file) {
        // To stdout a piece at a time: a registry's report is never whole in memory.
        stream->finish([](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        return stdout_result();
    }
    if (streamed) {
        text = stream->finish();
        stream.reset();
    } else switch (kind) {
        case Kind::Renewals: {
            RenewalsReport r = renewals_report(std::move(renewal_slots), filter);
            if (format == "json") text = renewals_json(r, rc);
            else doc = renewals_document(r, rc, format == "csv" ? Parts::Flat : Parts::Sections);
            break;
        }
        case Kind::Roster: {
            RosterReport r = roster_report(std::move(roster_slots), filter);
            if (format == "json") text = roster_json(r, rc);
            else doc = roster_document(r, rc, format == "csv" ? Parts::Flat : Parts::Sections);
            break;
        }
        case Kind::Transcript:
        case Kind::Audit: {
            std::vector<fs::path> wanted;
            AuditSelection selection;
            if (kind == Kind::Audit) {
                selection = audit_select(statuses, o.percent, seed, filter.credential);
                for (std::size_t i : selection.picked)
                    wanted.push_back(status_files[i]);
            } else {
                wanted = status_files;
            }
            LoadedRecords loaded = load_records(wanted, &ws, ctx.credentials(), ctx.options().jobs);
            if (loaded.diags.has_errors() || loaded.records.size() != wanted.size()) {
                print_diagnostics(loaded.diags);
                fmt::print(stderr, "peerctl: a record changed while the report was being made; run it again\n");
                return exit_data;
            }
            std::vector<SpecialistStatus> picked;
            for (const auto& r : loaded.records)
                picked.push_back(evaluate(r, ctx.credentials(), ctx.as_of()));
            if (kind == Kind::Transcript) {
                Transcript t =
                    transcript_report(loaded.records.at(0), picked.at(0), o.period == "all", filter.credential, rc.as_of, probe);
                if (format == "json") text = transcript_json(t, rc);
                else doc = transcript_document(t, rc);
            } else {
                AuditSample a = audit_sample(selection.population, loaded.records, picked, o.percent, seed, filter.credential,
                                             rc.as_of, probe);
                if (format == "json") text = audit_json(a, rc);
                else doc = audit_document(a, rc);
            }
            break;
        }
        }
    if (format != "json" && !streamed) {
        TableOptions table{to_file ? Style{false} : ctx.out_style(), table_width(o, to_file)};
        text = render(doc, format, table);
    }
    if (!to_file) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return stdout_result();
    }
    if (auto err = write_file_atomic(o.output, text)) {
        print_write_error(*err);
        return exit_data;
    }
    return exit_ok;
}

void add_output_options(CLI::App& app, ReportOptions& o) {
    app.add_option("--format", o.format, "table, csv, json, md or html (default: from -o's extension, else table)")
        ->check(CLI::IsMember({"table", "csv", "json", "md", "html"}));
    app.add_option("-o,--output", o.output, "Write to FILE (mode 0600) instead of stdout")->type_name("FILE");
    app.add_option("--width", o.width, "Fit the table to N columns (default: $COLUMNS, else the terminal's; 0: no limit)")
        ->type_name("N")
        ->check(CLI::Range(0, 10000));
}

void add_credential_option(CLI::App& app, ReportOptions& o) {
    app.add_option("--credential", o.credential, "Only this credential (an id, such as ct-rss)")->type_name("ID");
}

void add_renewal_options(CLI::App& app, ReportOptions& o) {
    app.add_option("--within", o.within, "Only those whose deadline (submit-by, else expiry) is at most DAYS away, or past")
        ->type_name("DAYS")
        ->check(CLI::Range(0, 36500));
    app.add_option("--state", o.states, "Only these states: active, due, grace, lapsed (repeatable, or comma-separated)")
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

    CLI::App* renewals =
        sub.add_subcommand("renewals", "Certified specialists by expiry: CE counted, what is missing, deadlines");
    add_output_options(*renewals, *opts);
    add_renewal_options(*renewals, *opts);

    CLI::App* roster = sub.add_subcommand("roster", "Everyone, in training or certified: training by domain, exam, state");
    add_output_options(*roster, *opts);
    roster->add_option("--state", opts->states, "Only these states: in-training, eligible, active, due, grace, lapsed")
        ->delimiter(',')
        ->check(CLI::IsMember(all_states));
    add_credential_option(*roster, *opts);

    CLI::App* transcript =
        sub.add_subcommand("transcript", "One specialist's CE entries for the current period, with evidence and totals");
    transcript->add_option("id", opts->id, "The specialist's id")->required();
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
