// `completion bash|zsh|fish`: a completion script for the commands and options of this binary,
// and the hidden `completion --list ids|credentials|topics` the scripts run for the ids of the
// current workspace.

#include "commands.hpp"

#include "completion.hpp"
#include "record_files.hpp"
#include "validation.hpp"

#include <fmt/core.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct CompletionOptions {
    std::string shell;
    std::string list;
};

// Specialist ids are the record files' names: listing them reads no record.
std::vector<std::string> record_ids(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& file : list_record_directory(root / "specialists").records)
        out.push_back(file.stem().string());
    return out;
}

// Prints one id a line; problems are the other commands' to report, so none is printed here.
int run_list(Context& ctx, const std::string& kind) {
    auto root = discover_workspace(ctx.options().dir, ctx.env(), ctx.user_config());
    std::vector<std::string> items;
    if (kind == "ids") {
        if (root) items = record_ids(*root);
    } else {
        Diagnostics quiet;
        std::optional<Workspace> ws;
        if (root) ws = load_workspace(*root, quiet);
        CredentialSet set = load_credentials(builtin_credentials_dir(), ws ? &*ws : nullptr, quiet);
        items = kind == "credentials" ? set.ids() : set.vocabulary();
    }
    std::string out;
    for (const auto& item : items)
        if (is_valid_id(item)) out += item + "\n";
    fmt::print("{}", out);
    return exit_ok;
}

int run_completion(Context& ctx, const CLI::App& root, const CompletionOptions& opts) {
    if (!opts.list.empty()) return run_list(ctx, opts.list);
    if (opts.shell.empty()) throw UsageError{"completion needs a shell: bash, zsh or fish"};
    auto tree = completion_tree(root);
    if (opts.shell == "bash") fmt::print("{}", bash_completion(tree, PEERCTL_VERSION));
    else if (opts.shell == "zsh") fmt::print("{}", zsh_completion(tree, PEERCTL_VERSION));
    else fmt::print("{}", fish_completion(tree, PEERCTL_VERSION));
    return exit_ok;
}

} // namespace

Runner setup_completion(CLI::App& sub) {
    auto opts = std::make_shared<CompletionOptions>();
    sub.add_option("shell", opts->shell, "bash, zsh or fish")->check(CLI::IsMember({"bash", "zsh", "fish"}));
    // For the scripts, not for people: hidden (no group), so not in --help or the completions.
    sub.add_option("--list", opts->list, "Print the ids of the workspace: ids, credentials or topics")
        ->check(CLI::IsMember({"ids", "credentials", "topics"}))
        ->group("");
    // The whole command tree hangs from the parent of this subcommand.
    CLI::App* self = &sub;
    return [opts, self](Context& ctx) { return run_completion(ctx, *self->get_parent(), *opts); };
}

} // namespace peerctl::cli
