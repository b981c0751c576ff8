#pragma once
// The workspace: where it is, its settings (peerctl.toml), the credentials in force and the
// records it holds.

#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "record.hpp"
#include "settings_loader.hpp"
#include "toml_guard.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// $XDG_CONFIG_HOME/peerctl/config.toml: the user's defaults.
struct UserConfig {
    std::optional<std::filesystem::path> workspace;
    std::optional<std::string> me;
};

struct Environment {
    std::optional<std::string> peerctl_dir;     // $PEERCTL_DIR
    std::optional<std::string> xdg_config_home; // $XDG_CONFIG_HOME
    std::optional<std::string> xdg_cache_home;  // $XDG_CACHE_HOME
    std::optional<std::string> home;            // $HOME
    std::filesystem::path cwd;
};

std::filesystem::path user_config_path(const Environment& env);
// Where peerctl keeps caches: $XDG_CACHE_HOME/peerctl, else ~/.cache/peerctl; empty if neither.
std::filesystem::path user_cache_dir(const Environment& env);
// A missing config is not an error; a broken one is.
UserConfig load_user_config(const Environment& env, Diagnostics& diags);

// The workspace root: --dir, $PEERCTL_DIR, the nearest ancestor of the working directory with a
// peerctl.toml, the user config's `workspace`. Empty when none is found.
std::optional<std::filesystem::path> discover_workspace(const std::optional<std::string>& dir_flag, const Environment& env,
                                                        const UserConfig& config);

struct Workspace {
    std::filesystem::path root;
    std::string name;
    GuardLimits limits;
    bool group_readable = false;
    int warn_days = 60;
    int crit_days = 14;
    std::vector<std::string> topics;     // extra vocabulary of the organisation
    std::optional<std::string> timezone; // decides "today" (time_zone.hpp); known to the system
    RemindSettings remind;
    bool git_commit = false; // [git] commit: each write commits the files it changed (git_commit.hpp)
};

// Reads root/peerctl.toml. Errors are added to diags; the defaults stand in for what is missing.
std::optional<Workspace> load_workspace(const std::filesystem::path& root, Diagnostics& diags);

// Built-in credential files from `builtin_dir`, then the workspace's credentials/ over them.
CredentialSet load_credentials(const std::filesystem::path& builtin_dir, const Workspace* workspace, Diagnostics& diags);
// One credential file, for validate.
std::optional<Credential> load_credential_file(const std::filesystem::path& path, const std::string& shown, Diagnostics& diags);

// The .toml files of a directory, sorted by name (none if it is not a directory), but for hidden
// files and editors' leftovers (record_files.hpp).
std::vector<std::filesystem::path> toml_files(const std::filesystem::path& dir);
// The workspace's own credential files, sorted by name.
std::vector<std::filesystem::path> workspace_credential_files(const Workspace& ws);
// The record files of a workspace, specialists/<id>.toml, sorted by name (record_files.hpp).
std::vector<std::filesystem::path> record_files(const Workspace& ws);
// How a file is named in messages: relative to the workspace root where it is inside it.
std::string display_path(const Workspace* ws, const std::filesystem::path& path);
// The record file of specialist `id`, specialists/<id>.toml: the one place that path is built.
// The id must already be valid (is_valid_id), so that it cannot lead out of specialists/.
std::filesystem::path record_path(const Workspace& ws, std::string_view id);
// The folder record_path's files are in.
std::filesystem::path records_dir(const Workspace& ws);

// Calls `fn(index, record)` for each file that loads without errors, on `jobs` worker threads
// (0: one per core), so that a caller can evaluate each record and drop it: memory stays bounded
// by what `fn` keeps, whatever the number of files. `fn` must be safe to call concurrently (for
// instance, writing only to its own slot of a vector sized to the files). Returns the
// diagnostics of all files in file order, including duplicate ids across files.
struct VisitSummary {
    Diagnostics diags;
    std::size_t files = 0;
    std::size_t loaded = 0;
};
// With `fast`, records come without source positions (see RecordLoadOptions::fast). With `only`,
// just the files at those indices (in increasing order) are read; `index` stays one into `files`.
VisitSummary visit_records(const std::vector<std::filesystem::path>& files, const Workspace* ws, const CredentialSet& credentials,
                           unsigned jobs, const std::function<void(std::size_t, const Record&)>& fn, bool fast = false,
                           const std::vector<std::size_t>* only = nullptr);

// An error for each file whose id an earlier file (in `files` order) holds too; `ids[i]` is empty
// for a file that did not load. `already_reported(first, dup)` skips pairs reported elsewhere.
void duplicate_id_errors(const std::vector<std::filesystem::path>& files, const std::vector<std::string>& ids,
                         const std::vector<Position>& positions, const Workspace* ws, Diagnostics& diags,
                         const std::function<bool(std::size_t, std::size_t)>& already_reported = {});

struct LoadedRecords {
    std::vector<Record> records; // in file-name order; only those without errors
    Diagnostics diags;
    std::size_t files = 0;
};

// Loads record files in parallel on `jobs` threads (0: one per core), checking ids against file
// names and duplicates across files.
LoadedRecords load_records(const std::vector<std::filesystem::path>& files, const Workspace* ws, const CredentialSet& credentials,
                           unsigned jobs);

} // namespace peerctl
