#pragma once
// A workspace kept in git: the files `init --git` writes (.gitattributes, .gitignore), and what
// `git setup` configures in a clone, which git never carries from one clone to another: the
// `peerctl` merge driver and a pre-commit hook that validates the staged records.

#include "diagnostics.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// Records and credential files go to the `peerctl` merge driver.
std::string git_attributes_text();
// peerctl's own files beside the records: locks, a write's temporary files, undo.
std::string git_ignore_text();

// `text` quoted for sh, which is how git runs a merge driver and a hook.
std::string shell_quoted(std::string_view text);

// What this clone runs to merge records: `'PEERCTL' merge-file %O %A %B %P`.
std::string merge_driver_command(const std::string& peerctl);

// The hook: the staged versions of the records and credential files of the workspace at `prefix`
// (its path in the work tree, "" at the top, else ending in '/') must pass `peerctl validate`.
std::string pre_commit_hook_text(const std::string& peerctl, const std::string& prefix);
// Whether a hook file is one peerctl wrote (and may replace).
bool is_peerctl_hook(std::string_view text);

enum class HookOutcome { Installed, Updated, Unchanged, NotOurs, Failed };

struct GitSetupResult {
    bool driver = false; // merge.peerctl.name and .driver are set
    HookOutcome hook = HookOutcome::Failed;
    std::filesystem::path hook_path;
    bool attributes = false; // .gitattributes gives records the driver
};

// Configures the clone whose work tree holds the workspace at `root` (top: git_top_level(root)),
// and installs the hook where there is none or ours. Problems go to diags at `shown`.
GitSetupResult setup_git_clone(const std::filesystem::path& root, const std::filesystem::path& top, const std::string& peerctl,
                               const std::string& shown, Diagnostics& diags);

// For `validate`: what a workspace under git lacks for merging records (none outside git).
std::vector<std::string> git_setup_problems(const std::filesystem::path& root);

} // namespace peerctl
