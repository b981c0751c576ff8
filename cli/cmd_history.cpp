// `history [ID]`: who wrote what to a record and when, from git log.

#include "commands.hpp"

#include "output_text.hpp"
#include "record_history.hpp"
#include "report_layout.hpp"
#include "report_render_table.hpp"
#include "target_id.hpp"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

namespace peerctl::cli {

namespace {

struct HistoryOptions {
    std::optional<std::string> id;
    std::string format = "table";
};

int run_history(Context& ctx, const HistoryOptions& opts) {
    TargetId target = target_id(ctx, opts.id);
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    std::string shown = display_path(&ws, record_path(ws, target.id));
    std::string error;
    auto commits = record_history(ws.root, std::filesystem::path("specialists") / (target.id + ".toml"), error);
    if (!commits) {
        print_error(fmt::format("{}: no history from git: {}", shown, error));
        return exit_data;
    }
    if (commits->empty() && record_missing(ctx, target)) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    if (opts.format == "json") {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& c : *commits)
            list.push_back({{"commit", c.commit},
                            {"date", c.date},
                            {"author", c.author},
                            {"email", c.email},
                            {"subject", c.subject},
                            {"added", c.added},
                            {"removed", c.removed}});
        nlohmann::ordered_json doc = {{"id", target.id}, {"file", shown}, {"commits", std::move(list)}};
        fmt::print("{}\n", json_dump(doc, 2));
        return exit_ok;
    }
    Document doc;
    doc.title = "History: " + target.id;
    doc.workspace = ws.name;
    doc.as_of = ctx.as_of();
    Section s;
    s.empty = fmt::format("No commit has changed {}.", shown);
    s.table.columns = {{"Date"}, {"Commit"}, {"Author", Align::Left, 10}, {"Lines", Align::Right}, {"Message", Align::Left, 16}};
    for (const auto& c : *commits)
        s.table.rows.push_back({text_cell(c.date.substr(0, 10) + " " + c.date.substr(11, 5)), text_cell(c.short_hash),
                                text_cell(c.author), text_cell(fmt::format("+{} -{}", c.added, c.removed)),
                                text_cell(c.subject)});
    doc.sections.push_back(std::move(s));
    std::string text = render_table(doc, TableOptions{ctx.out_style(), std::nullopt});
    std::fwrite(text.data(), 1, text.size(), stdout);
    return exit_ok;
}

} // namespace

Runner setup_history(CLI::App& sub) {
    auto opts = std::make_shared<HistoryOptions>();
    sub.add_option("id", opts->id, "Specialist id (default: 'me' from the user config)");
    sub.add_option("--format", opts->format, "table or json")->check(CLI::IsMember({"table", "json"}));
    return [opts](Context& ctx) { return run_history(ctx, *opts); };
}

} // namespace peerctl::cli
