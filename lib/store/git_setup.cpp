#include "git_setup.hpp"

#include "atomic_file.hpp"
#include "file_reader.hpp"
#include "git_process.hpp"

#include <fmt/core.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

constexpr std::string_view hook_mark = "# peerctl pre-commit hook";

// "path/x.toml: merge: peerctl" from git check-attr.
bool routed_to_driver(const fs::path& root) {
    GitRun run = run_git(root, {"check-attr", "merge", "--", "specialists/x.toml"});
    return run.ok() && run.line().ends_with(": merge: peerctl");
}

bool driver_configured(const fs::path& root) {
    GitRun run = run_git(root, {"config", "--get", "merge.peerctl.driver"});
    return run.ok() && !run.line().empty();
}

std::string git_failure(const GitRun& run) {
    if (!run.started) return run.error;
    std::string err = run.err.substr(0, run.err.find('\n'));
    return err.empty() ? fmt::format("git exited with {}", run.status) : err;
}

} // namespace

std::string git_attributes_text() {
    return "# Records and credential files are merged by peerctl, entry by entry ('peerctl git setup'\n"
           "# configures the driver in each clone; git does not carry it).\n"
           "specialists/*.toml merge=peerctl\n"
           "credentials/*.toml merge=peerctl\n";
}

std::string git_ignore_text() {
    return "# peerctl's own files beside the records: locks, a write's temporary files, undo.\n"
           ".*.lock\n"
           ".*.tmp-*\n"
           ".*.bak-*\n"
           ".*.toml.undo\n";
}

std::string shell_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string merge_driver_command(const std::string& peerctl) { return shell_quoted(peerctl) + " merge-file %O %A %B %P"; }

std::string pre_commit_hook_text(const std::string& peerctl, const std::string& prefix) {
    return fmt::format(R"(#!/bin/sh
{} (written by 'peerctl git setup', which may replace it):
# the staged versions of the records and credential files must pass 'peerctl validate'.
# 'git commit --no-verify' skips it.
set -eu
peerctl={}
prefix={}
files=$(git diff --cached --name-only --diff-filter=ACMR -- "${{prefix}}specialists/*.toml" "${{prefix}}credentials/*.toml")
[ -n "$files" ] || exit 0
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# What the commit will hold, not what the work tree holds.
printf '%s\n' "$files" | git checkout-index --stdin --prefix="$tmp/"
cd "$tmp/$prefix"
set --
for f in $files; do set -- "$@" "${{f#"$prefix"}}"; done
"$peerctl" --dir "$top/$prefix" validate -q "$@"
)",
                       hook_mark, shell_quoted(peerctl), shell_quoted(prefix));
}

bool is_peerctl_hook(std::string_view text) { return text.find(hook_mark) != std::string_view::npos; }

GitSetupResult setup_git_clone(const fs::path& root, const fs::path& top, const std::string& peerctl, const std::string& shown,
                               Diagnostics& diags) {
    GitSetupResult out;
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{"merge.peerctl.name", "peerctl: records, entry by entry"},
          {"merge.peerctl.driver", merge_driver_command(peerctl)}}) {
        GitRun run = run_git(root, {"config", key, value});
        if (!run.ok()) {
            diags.error(shown, {}, fmt::format("cannot configure git's {}: {}", key, git_failure(run)));
            return out;
        }
    }
    out.driver = true;
    out.attributes = routed_to_driver(root);

    GitRun where = run_git(root, {"rev-parse", "--git-path", "hooks/pre-commit"});
    if (!where.ok()) {
        diags.error(shown, {}, fmt::format("cannot find git's hooks: {}", git_failure(where)));
        return out;
    }
    out.hook_path = fs::path(where.line()).is_absolute() ? fs::path(where.line()) : root / where.line();
    std::error_code ec;
    fs::path rel = fs::relative(fs::weakly_canonical(root, ec), fs::weakly_canonical(top, ec), ec);
    std::string prefix = rel.empty() || rel == "." ? "" : rel.generic_string() + "/";
    std::string text = pre_commit_hook_text(peerctl, prefix);
    Diagnostics quiet;
    std::optional<std::string> existing;
    if (fs::exists(fs::symlink_status(out.hook_path, ec))) {
        existing = read_text_file(out.hook_path, out.hook_path.string(), 1 << 20, quiet, Symlinks::Refuse);
        if (!existing || !is_peerctl_hook(*existing)) {
            out.hook = HookOutcome::NotOurs;
            return out;
        }
        if (*existing == text) {
            out.hook = HookOutcome::Unchanged;
            return out;
        }
    }
    fs::create_directories(out.hook_path.parent_path(), ec);
    AtomicWriteOptions write;
    write.create_mode = 0755;
    if (auto err = write_file_atomic(out.hook_path, text, write)) {
        diags.error(shown, {}, fmt::format("cannot install the pre-commit hook {}: {}", out.hook_path.string(), err->what));
        return out;
    }
    out.hook = existing ? HookOutcome::Updated : HookOutcome::Installed;
    return out;
}

std::vector<std::string> git_setup_problems(const fs::path& root) {
    std::vector<std::string> out;
    fs::path top = git_top_level(root);
    if (top.empty()) return out;
    bool routed = routed_to_driver(root);
    std::error_code ec;
    // A workspace somewhere inside a larger repository (a project's test fixtures) is not asked
    // for attributes; one at the top of its own is, as `init --git` makes it.
    if (!routed && !fs::equivalent(root, top, ec)) return out;
    if (!routed)
        out.emplace_back("the workspace is a git repository, but .gitattributes does not give specialists/*.toml the "
                         "'peerctl' merge driver (merge=peerctl): merging two sites' entries would conflict");
    if (!driver_configured(root))
        out.emplace_back("this git clone has no 'peerctl' merge driver configured (git does not carry it from clone to "
                         "clone): run 'peerctl git setup'");
    return out;
}

} // namespace peerctl
