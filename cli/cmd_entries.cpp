// `entries [ID]`: every entry of one record, its reference, and whether it counts.

#include "commands.hpp"

#include "entry_list.hpp"
#include "report_render_csv.hpp"
#include "report_render_table.hpp"
#include "target_id.hpp"
#include "write_support.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

namespace {

struct EntriesOptions {
    std::optional<std::string> id;
    std::string kind;
    std::string format = "table";
};

int run_entries(Context& ctx, const EntriesOptions& opts) {
    const std::string id = target_id(ctx, opts.id).id;
    std::optional<EntryKind> kind;
    if (!opts.kind.empty()) kind = parse_entry_kind(opts.kind); // CLI11 checked the word
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    std::optional<Record> record = load_one_record(ctx, id);
    ctx.flush_diagnostics();
    if (!record) return exit_data;
    // The uses come from the evaluation itself: what it counted is what status shows.
    SpecialistStatus status = evaluate(*record, ctx.credentials(), ctx.as_of(), /*with_entry_uses=*/true);
    std::vector<EntryRow> rows = entry_rows(*record, status, kind);
    if (opts.format == "json") {
        fmt::print("{}", entries_json(rows, id, ctx.as_of()));
        return exit_ok;
    }
    Document doc = entries_document(rows, id, ctx.as_of());
    doc.workspace = ctx.workspace()->name;
    std::string text = opts.format == "csv" ? render_csv(doc) : render_table(doc, TableOptions{ctx.out_style(), std::nullopt});
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit_ok;
}

} // namespace

Runner setup_entries(CLI::App& sub) {
    auto opts = std::make_shared<EntriesOptions>();
    sub.add_option("id", opts->id, "Specialist id (default: 'me' from the user config)");
    std::vector<std::string> kinds(entry_kind_names().begin(), entry_kind_names().end());
    std::string words;
    for (const auto& k : kinds)
        words += (words.empty() ? "" : ", ") + k;
    sub.add_option("--kind", opts->kind, "Only entries of this kind: " + words)->check(CLI::IsMember(kinds));
    sub.add_option("--format", opts->format, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));
    return [opts](Context& ctx) { return run_entries(ctx, *opts); };
}

} // namespace peerctl::cli
