// `void [ID] REF --reason TEXT`: marks one entry void, in place; it stays for the audit trail.

#include "commands.hpp"

#include "entry_list.hpp"
#include "record_loader.hpp"
#include "record_update.hpp"
#include "target_id.hpp"
#include "write_support.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

namespace {

struct VoidOptions {
    std::vector<std::string> args; // [ID] REF
    std::string reason;
};

int run_void(Context& ctx, const VoidOptions& opts) {
    std::optional<std::string> given;
    if (opts.args.size() == 2) given = opts.args[0];
    const std::string& ref_text = opts.args.back();
    const std::string id = target_id(ctx, given).id;
    auto ref = parse_entry_ref(ref_text);
    if (!ref)
        throw UsageError{fmt::format("'{}' is not an entry reference such as ce:3 (KIND:N; peerctl entries lists them)",
                                     printable(ref_text.substr(0, 40)))};
    require_utf8("--reason", opts.reason);
    if (opts.reason.find_first_not_of(" \t") == std::string::npos) throw UsageError{"--reason must not be blank"};
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    std::string shown = display_path(&ws, record_path(ws, id));
    RecordLoadOptions load;
    load.expected_id = id;
    load.limits = ws.limits;
    auto edit = [&](std::string_view original, Diagnostics& diags) -> std::optional<std::string> {
        // update_record has checked that the original loads; read again here for the positions.
        Diagnostics quiet;
        std::optional<Record> before = load_record(original, shown, ctx.credentials(), load, quiet);
        std::string error;
        std::optional<std::string> out =
            before ? void_text(original, *before, ref->first, ref->second, opts.reason, ctx.as_of(), error) : std::nullopt;
        if (!out) diags.error(shown, {}, (error.empty() ? "the record does not load" : error) + "; nothing was written");
        return out;
    };
    UpdateResult result = update_record(
        ws, ctx.credentials(), id, edit, [](const Record&, const Record&) { return std::vector<std::string>{}; }, {},
        ctx.diags());
    ctx.flush_diagnostics();
    if (!result.ok) return exit_data;
    commit_write(ctx, {record_path(ws, id)}, fmt::format("void {} {}: {}", id, entry_ref(ref->first, ref->second), opts.reason));
    SpecialistStatus s = evaluate(*result.record, ctx.credentials(), ctx.as_of());
    print_page(fmt::format("voided {} in {}; {}\n", entry_ref(ref->first, ref->second), shown, standing(s)));
    return exit_ok;
}

} // namespace

Runner setup_void(CLI::App& sub) {
    auto opts = std::make_shared<VoidOptions>();
    sub.add_option("args", opts->args, "[ID] REF: the specialist (default: 'me' from the user config) and the entry (ce:3)")
        ->expected(1, 2)
        ->required();
    sub.add_option("--reason", opts->reason, "Why the entry is void (recorded as void = \"...\")")->required();
    return [opts](Context& ctx) { return run_void(ctx, *opts); };
}

} // namespace peerctl::cli
