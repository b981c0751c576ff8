#include "workspace.hpp"

#include "file_reader.hpp"
#include "time_zone.hpp"
#include "credential_loader.hpp"
#include "record_files.hpp"
#include "record_loader.hpp"
#include "settings_loader.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <mutex>
#include <unordered_map>
#include <set>
#include <system_error>
#include <thread>

namespace fs = std::filesystem;

namespace peerctl {

namespace {
// Loading is bound by I/O and a few cores long before this; a larger -j only costs stacks.
constexpr unsigned max_jobs = 256;
} // namespace

fs::path user_config_path(const Environment& env) {
    if (env.xdg_config_home && !env.xdg_config_home->empty() && fs::path(*env.xdg_config_home).is_absolute())
        return fs::path(*env.xdg_config_home) / "peerctl" / "config.toml";
    if (env.home && !env.home->empty()) return fs::path(*env.home) / ".config" / "peerctl" / "config.toml";
    return {};
}

UserConfig load_user_config(const Environment& env, Diagnostics& diags) {
    UserConfig cfg;
    fs::path path = user_config_path(env);
    std::error_code ec;
    if (path.empty() || !fs::exists(path, ec)) return cfg;
    std::string shown = path.string();
    auto text = read_text_file(path, shown, GuardLimits{}.max_bytes, diags);
    if (!text) return cfg;
    UserConfigValues values = parse_user_config(*text, shown, diags);
    if (values.workspace) {
        fs::path p(*values.workspace);
        if (p.is_relative()) p = path.parent_path() / p;
        cfg.workspace = p;
    }
    cfg.me = std::move(values.me);
    return cfg;
}

std::optional<fs::path> discover_workspace(const std::optional<std::string>& dir_flag, const Environment& env,
                                           const UserConfig& config) {
    if (dir_flag) return fs::path(*dir_flag);
    if (env.peerctl_dir && !env.peerctl_dir->empty()) return fs::path(*env.peerctl_dir);
    std::error_code ec;
    for (fs::path p = env.cwd; !p.empty(); p = p.parent_path()) {
        if (fs::is_regular_file(p / "peerctl.toml", ec)) return p;
        if (p == p.parent_path()) break;
    }
    if (config.workspace) return *config.workspace;
    return std::nullopt;
}

std::optional<Workspace> load_workspace(const fs::path& root, Diagnostics& diags) {
    Workspace ws;
    ws.root = root;
    fs::path file = root / "peerctl.toml";
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        bool exists = fs::exists(root, ec);
        diags.error(root.string(), {},
                    exists ? "not a workspace: this is a file, not a directory" : "the workspace directory does not exist");
        return std::nullopt;
    }
    if (!fs::exists(file, ec)) {
        diags.error(root.string(), {}, "not a workspace: there is no peerctl.toml (create one with 'peerctl init')");
        return std::nullopt;
    }
    const std::string shown = "peerctl.toml";
    auto text = read_text_file(file, shown, GuardLimits{}.max_bytes, diags);
    if (!text) return std::nullopt;
    Diagnostics local;
    WorkspaceSettings settings = parse_workspace_settings(*text, shown, local);
    ws.name = std::move(settings.name);
    ws.group_readable = settings.group_readable;
    ws.warn_days = settings.warn_days;
    ws.crit_days = settings.crit_days;
    if (settings.max_bytes) ws.limits.max_bytes = *settings.max_bytes;
    ws.topics = std::move(settings.topics);
    ws.remind = std::move(settings.remind);
    ws.git_commit = settings.git_commit;
    if (settings.timezone) {
        if (is_known_zone(*settings.timezone)) ws.timezone = std::move(settings.timezone);
        else
            local.error(shown, settings.timezone_at,
                        fmt::format("unknown time zone '{}': timezone must be an IANA name such as America/New_York",
                                    utf8_prefix(*settings.timezone, 64)));
    }
    local.sort(); // in position order, as the contract promises, whichever check found each
    bool ok = !local.has_errors();
    diags.append(local);
    if (!ok) return std::nullopt;
    return ws;
}

std::optional<Credential> load_credential_file(const fs::path& path, const std::string& shown, Diagnostics& diags) {
    auto text = read_text_file(path, shown, GuardLimits{}.max_bytes, diags);
    if (!text) return std::nullopt;
    return load_credential(*text, shown, path.stem().string(), diags);
}

std::vector<fs::path> toml_files(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml" && !is_ignored_file_name(entry.path().filename().native()))
            out.push_back(entry.path());
    // By name: in one directory, the same order as comparing paths, without splitting them.
    std::sort(out.begin(), out.end(), [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
    return out;
}

CredentialSet load_credentials(const fs::path& builtin_dir, const Workspace* ws, Diagnostics& diags) {
    CredentialSet set;
    for (const auto& f : toml_files(builtin_dir))
        if (auto c = load_credential_file(f, f.string(), diags)) {
            c->builtin = true;
            set.add(std::move(*c));
        }
    if (ws) {
        for (const auto& f : workspace_credential_files(*ws))
            if (auto c = load_credential_file(f, display_path(ws, f), diags)) set.add(std::move(*c));
        set.add_terms(ws->topics);
    }
    return set;
}

std::vector<fs::path> workspace_credential_files(const Workspace& ws) { return toml_files(ws.root / "credentials"); }

std::vector<fs::path> record_files(const Workspace& ws) { return list_record_directory(ws.root / "specialists").records; }

fs::path records_dir(const Workspace& ws) { return ws.root / "specialists"; }

fs::path record_path(const Workspace& ws, std::string_view id) { return records_dir(ws) / (std::string(id) + ".toml"); }

fs::path user_cache_dir(const Environment& env) {
    if (env.xdg_cache_home && !env.xdg_cache_home->empty() && fs::path(*env.xdg_cache_home).is_absolute())
        return fs::path(*env.xdg_cache_home) / "peerctl";
    if (env.home && !env.home->empty()) return fs::path(*env.home) / ".cache" / "peerctl";
    return {};
}

std::string display_path(const Workspace* ws, const fs::path& path) {
    if (ws) {
        fs::path rel = path.lexically_relative(ws->root);
        if (!rel.empty() && *rel.begin() != "..") return rel.string();
    }
    return path.string();
}

VisitSummary visit_records(const std::vector<fs::path>& files, const Workspace* ws, const CredentialSet& credentials,
                           unsigned jobs, const std::function<void(std::size_t, const Record&)>& fn, bool fast,
                           const std::vector<std::size_t>* only) {
    VisitSummary out;
    std::size_t count = only ? only->size() : files.size();
    out.files = count;
    if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>({jobs, max_jobs, std::max<std::size_t>(1, count)}));
    RecordLoadOptions base;
    if (ws) base.limits = ws->limits;
    base.fast = fast;

    // Per file, only what is needed after the record is dropped: its id and its diagnostics.
    std::vector<std::string> ids(files.size());
    std::vector<Position> id_positions(files.size());
    std::vector<Diagnostics> diag_slots(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> loaded{0};
    auto worker = [&] {
        RecordLoadOptions opts = base;
        for (std::size_t k = next++; k < count; k = next++) {
            std::size_t i = only ? only->at(k) : k;
            std::string shown = display_path(ws, files[i]);
            auto text = read_text_file(files[i], shown, base.limits.max_bytes, diag_slots[i], Symlinks::Refuse);
            if (!text) continue;
            opts.expected_id = files[i].stem().string();
            std::optional<Record> rec = load_record(*text, shown, credentials, opts, diag_slots[i]);
            text.reset();
            if (!rec) continue;
            ids[i] = rec->id;
            id_positions[i] = rec->id_pos;
            ++loaded;
            fn(i, *rec);
        }
    };
    // An exception on a worker (out of memory, one thrown by `fn`) stops the others and is thrown
    // again here, on the caller's thread, once every worker has been joined.
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto guarded = [&] {
        try {
            worker();
        } catch (...) {
            std::lock_guard lock(failure_mutex);
            if (!failure) failure = std::current_exception();
            next = count;
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(jobs - 1);
    try {
        for (unsigned t = 1; t < jobs; ++t)
            threads.emplace_back(guarded);
    } catch (const std::system_error&) {
        // A thread that cannot start (a process limit, no memory for its stack) leaves its share
        // to those that did and to this one: fewer threads, the same result.
    }
    guarded();
    for (auto& t : threads)
        t.join();
    if (failure) std::rethrow_exception(failure);
    out.loaded = loaded;

    for (std::size_t i = 0; i < files.size(); ++i)
        out.diags.append(diag_slots[i]);
    duplicate_id_errors(files, ids, id_positions, ws, out.diags);
    return out;
}

void duplicate_id_errors(const std::vector<fs::path>& files, const std::vector<std::string>& ids,
                         const std::vector<Position>& positions, const Workspace* ws, Diagnostics& diags,
                         const std::function<bool(std::size_t, std::size_t)>& already_reported) {
    std::unordered_map<std::string_view, std::size_t> seen; // id -> first file
    for (std::size_t i = 0; i < files.size() && i < ids.size(); ++i) {
        if (ids[i].empty()) continue;
        auto [it, fresh] = seen.emplace(ids[i], i);
        if (!fresh && !(already_reported && already_reported(it->second, i)))
            diags.error(display_path(ws, files[i]), positions.at(i),
                        fmt::format("duplicate id '{}' (also in {})", ids[i], display_path(ws, files[it->second])));
    }
}

LoadedRecords load_records(const std::vector<fs::path>& files, const Workspace* ws, const CredentialSet& credentials,
                           unsigned jobs) {
    std::vector<std::optional<Record>> slots(files.size());
    VisitSummary summary = visit_records(files, ws, credentials, jobs, [&](std::size_t i, const Record& r) { slots[i] = r; });
    LoadedRecords out;
    out.files = summary.files;
    out.diags = std::move(summary.diags);
    std::set<std::string> seen;
    for (auto& slot : slots)
        if (slot && seen.insert(slot->id).second) out.records.push_back(std::move(*slot));
    return out;
}

} // namespace peerctl
