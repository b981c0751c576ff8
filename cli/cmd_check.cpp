// `check`: expiry check for cron and monitoring (monitoring-plugin exit codes).

#include "commands.hpp"

#include "check_scan.hpp"
#include "expiry_check.hpp"
#include "target_id.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct CheckOptions {
    std::optional<int> warn;
    std::optional<int> crit;
    bool quiet = false;
    std::string format = "nagios";
    bool no_cache = false;
    bool include_inactive = false;
    std::vector<std::string> ids;
    std::string credential;
    std::vector<std::string> sites;
    std::vector<std::string> supervisors;
};

bool filtered(const CheckOptions& o) {
    return !o.ids.empty() || !o.credential.empty() || !o.sites.empty() || !o.supervisors.empty();
}

// What --id and --credential keep of the scan's items: taken from the cache as well as from files
// read now, since the cache keeps ids and credential ids. Sets `checked`.
void tally_kept(const CheckOptions& o, const CheckScan& scan, Date as_of, CheckResult& result) {
    int checked = 0;
    TeamFilter by_id{o.ids, {}, {}};
    for (const auto& items : scan.items) {
        bool any = false;
        for (const auto& item : items) {
            if (!by_id.keeps(item.id, {}, {})) continue;
            if (!o.credential.empty() && item.credential != o.credential) continue;
            tally(item, as_of, result);
            any = true;
        }
        if (any) ++checked;
    }
    if (filtered(o)) result.checked = checked;
}

// A filter that names what is not there is a mistake, not "all is well": UNKNOWN, with the reason.
std::optional<std::string> filter_mistake(Context& ctx, const CheckOptions& o) {
    if (!o.credential.empty())
        if (auto unknown = unknown_credential(ctx.credentials(), o.credential)) return unknown;
    for (const auto& id : o.ids)
        if (record_missing(ctx, TargetId{id})) return fmt::format("--id {}: no such specialist", id);
    return std::nullopt;
}

// Everything but the record files that a check result depends on (check_cache.hpp). `racy` is set
// when one of them changed too recently to be trusted.
std::string cache_inputs(const Context& ctx, const CheckOptions& opts, const Workspace& ws, std::int64_t start, bool& racy) {
    // Whether inactive records count decides what their files contribute: an input like the date.
    std::string out = fmt::format("version\t{}\nas-of\t{}\nworkspace\t{}\nmax-bytes\t{}\ninclude-inactive\t{}\n", PEERCTL_VERSION,
                                  to_string(ctx.as_of()), ws.root.string(), ws.limits.max_bytes, opts.include_inactive ? 1 : 0);
    std::error_code ec;
    out += input_line(fs::read_symlink("/proc/self/exe", ec), start, racy);
    out += input_line(ws.root / "peerctl.toml", start, racy);
    for (const auto& f : toml_files(builtin_credentials_dir()))
        out += input_line(f, start, racy);
    for (const auto& f : workspace_credential_files(ws))
        out += input_line(f, start, racy);
    return out;
}

int unknown(Context& ctx, const CheckOptions& opts, const std::string& reason) {
    // The reasons name files and ids only; the diagnostics behind them go to stderr.
    ctx.flush_diagnostics();
    if (opts.format == "json") fmt::print("{}", check_unknown_json(reason, ctx.as_of()));
    else fmt::print("{}", check_unknown_text(reason));
    return static_cast<int>(CheckState::Unknown);
}

int run_check(Context& ctx, const CheckOptions& opts) {
    std::int64_t start = realtime_now_ns(); // before anything is read (check_cache.hpp)
    for (const auto& id : opts.ids)
        require_valid_id(id);
    if (!ctx.open_workspace()) {
        // The user config's errors stop every command, whatever else loaded: name it, not what it stopped.
        if (ctx.user_config_broken())
            return unknown(ctx, opts, fmt::format("invalid user config {}", user_config_path(ctx.env()).string()));
        return unknown(ctx, opts, ctx.workspace() ? "invalid credential rules (run peerctl validate)" : "no usable workspace");
    }
    if (auto mistake = filter_mistake(ctx, opts)) return unknown(ctx, opts, *mistake);
    const Workspace& ws = *ctx.workspace();
    CheckResult result;
    result.thresholds.warn_days = opts.warn.value_or(ws.warn_days);
    result.thresholds.crit_days = opts.crit.value_or(ws.crit_days);
    if (result.thresholds.crit_days > result.thresholds.warn_days)
        return unknown(ctx, opts,
                       fmt::format("--crit ({}) must not be more than --warn ({})", result.thresholds.crit_days,
                                   result.thresholds.warn_days));

    std::vector<fs::path> files = record_files(ws);
    CheckCacheSettings cache;
    cache.start_ns = start;
    // The cache keeps no sites or supervisors (nor names, which a supervisor may be): a check by
    // them reads every record, and leaves the cache as it was.
    bool by_team = !opts.sites.empty() || !opts.supervisors.empty();
    bool use_cache = !opts.no_cache && !by_team;
    CacheDir cache_dir(use_cache ? user_cache_dir(ctx.env()) : fs::path());
    if (use_cache) {
        cache.dir = &cache_dir;
        cache.name = check_cache_name(fs::weakly_canonical(ws.root));
        cache.inputs = cache_inputs(ctx, opts, ws, start, cache.racy_inputs);
    }
    CheckScan scan = scan_for_check(files, ws, ctx.credentials(), ctx.as_of(), ctx.options().jobs, cache, opts.include_inactive,
                                    TeamFilter{{}, opts.sites, opts.supervisors});
    tally_kept(opts, scan, ctx.as_of(), result);
    Diagnostics diags = std::move(scan.diags);
    std::size_t bad = std::max<std::size_t>(scan.invalid, 1);
    save_check_cache(std::move(scan), files, cache);
    if (const auto& refusal = cache_dir.refusal()) {
        // One line, and the check goes on without the cache.
        Diagnostics warning;
        warning.add(*refusal);
        print_diagnostics(warning);
    }
    if (diags.has_errors()) {
        ctx.diags().append(diags);
        result.unreadable = diags.files_with_errors();
        // An error that names no file is not one file left out: nothing can be said of the rest.
        if (result.unreadable.empty() || result.unreadable.front().empty())
            return unknown(ctx, opts, fmt::format("{} invalid record file{} (run peerctl validate)", bad, bad == 1 ? "" : "s"));
        ctx.flush_diagnostics();
    }
    finish_check(result);
    if (opts.quiet && result.state == CheckState::Ok) return exit_ok; // cron mails nothing, in any format
    if (opts.format == "json") fmt::print("{}", check_json(result, ctx.as_of()));
    else fmt::print("{}", check_text(result));
    return static_cast<int>(result.state);
}

} // namespace

Runner setup_check(CLI::App& sub) {
    auto opts = std::make_shared<CheckOptions>();
    sub.add_option("--warn", opts->warn,
                   "WARNING when a deadline is within this many days (default: peerctl.toml warn_days, else 60)")
        ->check(CLI::Range(0, 3650));
    sub.add_option("--crit", opts->crit, "CRITICAL when a deadline is within this many days (default: crit_days, else 14)")
        ->check(CLI::Range(0, 3650));
    sub.add_flag("-q,--quiet", opts->quiet, "Print nothing when the result is OK");
    sub.add_flag("--include-inactive", opts->include_inactive, "Check specialists whose status is inactive or left too");
    sub.add_flag("--no-cache", opts->no_cache, "Read every record, and neither use nor update the cache of unchanged files");
    sub.add_option("--format", opts->format, "nagios or json")->check(CLI::IsMember({"nagios", "json"}));
    sub.add_option("--id", opts->ids, "Only these specialists (repeatable)")->type_name("ID");
    sub.add_option("--credential", opts->credential, "Only this credential (an id, such as ct-rss)")->type_name("ID");
    sub.add_option("--site", opts->sites, "Only specialists whose site is exactly SITE (repeatable: any of them)")
        ->type_name("SITE");
    sub.add_option("--supervisor", opts->supervisors, "Only specialists whose supervisor is exactly S (repeatable: any of them)")
        ->type_name("S");
    return [opts](Context& ctx) {
        try {
            return run_check(ctx, *opts);
        } catch (const UsageError&) {
            throw; // app.cpp reports it, with check's UNKNOWN line
        } catch (const std::exception& e) {
            // Whatever stopped the check (out of memory, a failure on a loading thread), monitoring
            // still gets its UNKNOWN line and code: exit 1 would read as WARNING.
            fmt::print(stderr, "peerctl: internal error: {}\n", printable(e.what()));
            return unknown(ctx, *opts, "internal error (see standard error)");
        }
    };
}

} // namespace peerctl::cli
