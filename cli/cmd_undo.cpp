// `undo [ID]`: the record as it was before the last peerctl write, if nothing changed it since.

#include "commands.hpp"

#include "record_undo.hpp"
#include "target_id.hpp"
#include "write_support.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

namespace {

int run_undo(Context& ctx, const std::optional<std::string>& given) {
    const std::string id = target_id(ctx, given).id;
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    bool ok = undo_record(ws, id, ctx.diags());
    ctx.flush_diagnostics();
    if (!ok) return exit_data;
    commit_write(ctx, {record_path(ws, id)}, "undo " + id);
    print_page(fmt::format("undid the last peerctl write to {} (peerctl undo again redoes it)\n",
                           display_path(&ws, record_path(ws, id))));
    return exit_ok;
}

} // namespace

Runner setup_undo(CLI::App& sub) {
    auto id = std::make_shared<std::optional<std::string>>();
    sub.add_option("id", *id, "Specialist id (default: 'me' from the user config)");
    return [id](Context& ctx) { return run_undo(ctx, *id); };
}

} // namespace peerctl::cli
