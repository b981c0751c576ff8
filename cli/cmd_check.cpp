// `check`: expiry check for cron and monitoring (monitoring-plugin exit codes).

#include "commands.hpp"

#include "expiry_check.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

namespace {

struct CheckOptions {
    std::optional<int> warn;
    std::optional<int> crit;
    bool quiet = false;
    std::string format = "nagios";
};

int unknown(Context& ctx, const CheckOptions& opts, const std::string& reason) {
    // The reasons name files and ids only; the diagnostics behind them go to stderr.
    ctx.flush_diagnostics();
    if (opts.format == "json") fmt::print("{}", check_unknown_json(reason, ctx.as_of()));
    else fmt::print("{}", check_unknown_text(reason));
    return static_cast<int>(CheckState::Unknown);
}

int run_check(Context& ctx, const CheckOptions& opts) {
    if (!ctx.open_workspace()) return unknown(ctx, opts, ctx.workspace() ? "invalid credential rules (run peerctl validate)" : "no usable workspace");
    const Workspace& ws = *ctx.workspace();
    CheckResult result;
    result.thresholds.warn_days = opts.warn.value_or(ws.warn_days);
    result.thresholds.crit_days = opts.crit.value_or(ws.crit_days);
    if (result.thresholds.crit_days > result.thresholds.warn_days)
        return unknown(ctx, opts, fmt::format("--crit ({}) must not be more than --warn ({})", result.thresholds.crit_days, result.thresholds.warn_days));

    // Each record is evaluated and dropped on a worker; only its check result is kept.
    std::vector<std::filesystem::path> files = record_files(ws);
    std::vector<CheckResult> partial(files.size());
    VisitSummary summary = visit_records(files, &ws, ctx.credentials(), ctx.options().jobs, [&](std::size_t i, const Record& r) {
        partial[i].thresholds = result.thresholds;
        check_specialist(evaluate(r, ctx.credentials(), ctx.as_of()), ctx.as_of(), partial[i]);
    }, /*fast=*/true);
    if (summary.diags.has_errors()) {
        std::size_t bad = summary.files - summary.loaded;
        ctx.diags().append(summary.diags);
        return unknown(ctx, opts, fmt::format("{} invalid record file{} (run peerctl validate)", bad, bad == 1 ? "" : "s"));
    }
    for (auto& p : partial) merge_check(result, std::move(p));
    finish_check(result);
    if (opts.format == "json") fmt::print("{}", check_json(result, ctx.as_of()));
    else if (!(opts.quiet && result.state == CheckState::Ok)) fmt::print("{}", check_text(result));
    return static_cast<int>(result.state);
}

} // namespace

Runner setup_check(CLI::App& sub) {
    auto opts = std::make_shared<CheckOptions>();
    sub.add_option("--warn", opts->warn, "WARNING when a deadline is within this many days (default: peerctl.toml warn_days, else 60)")
        ->check(CLI::Range(0, 3650));
    sub.add_option("--crit", opts->crit, "CRITICAL when a deadline is within this many days (default: crit_days, else 14)")
        ->check(CLI::Range(0, 3650));
    sub.add_flag("-q,--quiet", opts->quiet, "Print nothing when the result is OK");
    sub.add_option("--format", opts->format, "nagios or json")->check(CLI::IsMember({"nagios", "json"}));
    return [opts](Context& ctx) { return run_check(ctx, *opts); };
}

} // namespace peerctl::cli
