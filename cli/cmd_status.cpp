// `status [ID...]`: where each specialist stands.

#include "commands.hpp"

#include "evaluation.hpp"
#include "status_json.hpp"
#include "status_text.hpp"
#include "target_id.hpp"
#include "validation.hpp"

#include <fmt/core.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct StatusOptions {
    std::vector<std::string> ids;
    bool all = false;
    std::string format = "text";
};

int run_status(Context& ctx, const StatusOptions& opts) {
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    std::vector<TargetId> ids;
    for (const auto& id : opts.ids)
        ids.push_back(target_id(ctx, id));
    if (ids.empty() && !opts.all && ctx.user_config().me) ids.push_back(target_id(ctx, std::nullopt));

    std::vector<fs::path> files;
    bool missing = false;
    if (ids.empty()) {
        files = record_files(ws);
    } else {
        for (const auto& target : ids) {
            if (record_missing(ctx, target, "--all")) missing = true;
            else files.push_back(record_path(ws, target.id));
        }
    }
    // Evaluated on the workers; the records themselves are dropped as they go.
    std::vector<std::optional<SpecialistStatus>> slots(files.size());
    VisitSummary summary = visit_records(
        files, &ws, ctx.credentials(), ctx.options().jobs,
        [&](std::size_t i, const Record& r) { slots[i] = evaluate(r, ctx.credentials(), ctx.as_of()); },
        /*fast=*/true);
    ctx.diags().append(summary.diags);
    std::vector<SpecialistStatus> statuses;
    for (auto& slot : slots)
        if (slot) statuses.push_back(std::move(*slot));
    bool failed = missing || ctx.diags().has_errors();
    ctx.flush_diagnostics();

    if (opts.format == "json") {
        fmt::print("{}", status_json(statuses, ctx.as_of()));
    } else {
        Style style = ctx.out_style();
        std::string out;
        for (const auto& s : statuses)
            out += (out.empty() ? "" : "\n") + status_text(s, ctx.as_of(), style);
        if (statuses.empty() && !failed) out = "no specialists in this workspace (add one with 'peerctl add')\n";
        print_page(out, style);
    }
    return failed ? exit_data : exit_ok;
}

} // namespace

Runner setup_status(CLI::App& sub) {
    auto opts = std::make_shared<StatusOptions>();
    sub.add_option("ids", opts->ids, "Specialist ids (default: 'me' from the user config, else everyone)");
    sub.add_flag("--all", opts->all, "Everyone in the workspace, even when the user config names 'me'");
    sub.add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    return [opts](Context& ctx) { return run_status(ctx, *opts); };
}

} // namespace peerctl::cli
