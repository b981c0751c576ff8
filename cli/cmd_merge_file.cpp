// `merge-file BASE OURS THEIRS [PATH]`: git's merge driver for record and credential files (git
// runs it as `peerctl merge-file %O %A %B %P`, .gitattributes `merge=peerctl`). The merge is
// lib/store/record_merge; this reads the three files, judges the result by the workspace's
// credentials and leaves it in OURS, as git expects: exit 0 merged, 1 conflict (markers in OURS).

#include "commands.hpp"

#include "atomic_file.hpp"
#include "credential_loader.hpp"
#include "file_reader.hpp"
#include "record_loader.hpp"
#include "record_merge.hpp"
#include "toml_layout.hpp"
#include "validation.hpp"

#include <fmt/core.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct MergeFileOptions {
    std::string base, ours, theirs, path;
};

// The credentials a merged record is judged by: the workspace's that holds PATH (git runs the
// driver at the top of the work tree), else the one --dir or the usual search finds, else the
// built-in ones alone.
CredentialSet merge_credentials(Context& ctx, const fs::path& shown, GuardLimits& limits) {
    Diagnostics diags;
    fs::path root = shown.parent_path().parent_path();
    if (root.empty()) root = ".";
    std::error_code ec;
    std::optional<Workspace> ws;
    if (fs::exists(root / "peerctl.toml", ec)) ws = load_workspace(root, diags);
    else if (ctx.open_workspace() && ctx.workspace()) ws = *ctx.workspace();
    if (ws) limits = ws->limits;
    CredentialSet set = load_credentials(builtin_credentials_dir(), ws ? &*ws : nullptr, diags);
    if (diags.has_errors())
        print_error(fmt::format("{}: the workspace's settings or credentials have errors (peerctl validate); the merge is "
                                "judged by what could be read",
                                shown.string()));
    ctx.diags() = Diagnostics();
    return set;
}

std::vector<std::string> error_messages(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items())
        if (d.severity == Severity::Error) out.push_back(d.message);
    return out;
}

int run_merge_file(Context& ctx, const MergeFileOptions& opts) {
    fs::path shown = opts.path.empty() ? fs::path(opts.ours) : fs::path(opts.path);
    std::string stem = shown.stem().string();
    std::string folder = shown.parent_path().filename().string();
    GuardLimits limits;
    CredentialSet credentials = merge_credentials(ctx, shown, limits);
    MergeCheck check = [&](std::string_view text) {
        Diagnostics diags;
        if (folder == "specialists") {
            RecordLoadOptions load;
            load.expected_id = is_valid_id(stem) ? stem : "";
            load.limits = limits;
            load_record(text, shown.string(), credentials, load, diags);
        } else if (folder == "credentials") {
            load_credential(text, shown.string(), is_valid_id(stem) ? stem : "", diags);
        } else if (!toml_layout(text, limits)) {
            diags.error(shown.string(), {}, "the file does not parse as TOML");
        }
        return error_messages(diags);
    };

    Diagnostics diags;
    std::optional<std::string> texts[3];
    const std::string* files[3] = {&opts.base, &opts.ours, &opts.theirs};
    for (int i = 0; i < 3; ++i)
        texts[i] = read_text_file(*files[i], *files[i], limits.max_bytes, diags, Symlinks::Refuse);
    if (diags.has_errors()) {
        print_diagnostics(diags);
        print_error(fmt::format("{}: not merged; {} is as it was", shown.string(), opts.ours));
        return exit_data;
    }
    MergeOutcome merged = merge_record_text(*texts[0], *texts[1], *texts[2], check, limits);
    if (merged.text != *texts[1]) {
        if (auto err = write_file_atomic(opts.ours, merged.text)) {
            print_write_error(*err);
            return exit_data;
        }
    }
    if (merged.conflicts == 0) return exit_ok;
    if (merged.whole_file)
        print_error(fmt::format("{}: conflict: {}; both versions are in the file between conflict markers", shown.string(),
                                merged.reason));
    else
        print_error(fmt::format("{}: {} conflict{} (a key changed both ways): keep one version between the markers "
                                "('peerctl validate' shows their lines), then 'git add' the file",
                                shown.string(), merged.conflicts, merged.conflicts == 1 ? "" : "s"));
    return exit_data;
}

} // namespace

Runner setup_merge_file(CLI::App& sub) {
    auto opts = std::make_shared<MergeFileOptions>();
    sub.add_option("base", opts->base, "The common ancestor (git's %O)")->required();
    sub.add_option("ours", opts->ours, "Our version, replaced by the merge (git's %A)")->required();
    sub.add_option("theirs", opts->theirs, "Their version (git's %B)")->required();
    sub.add_option("path", opts->path, "The file's path in the repository (git's %P), for messages and its kind");
    return [opts](Context& ctx) { return run_merge_file(ctx, *opts); };
}

} // namespace peerctl::cli
