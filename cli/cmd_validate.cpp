// `validate [PATH...]`: every problem in records, credential files and peerctl.toml, at once.

#include "commands.hpp"

#include "day_hours.hpp"
#include "evidence_files.hpp"
#include "file_reader.hpp"
#include "git_setup.hpp"
#include "record_files.hpp"
#include "record_loader.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_set>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> paths;
    bool quiet = false;
};

enum class FileKind { Record, Credential, Workspace };

FileKind kind_of(const fs::path& p) {
    if (p.filename() == "peerctl.toml") return FileKind::Workspace;
    if (p.parent_path().filename() == "credentials") return FileKind::Credential;
    return FileKind::Record;
}

// Files named on the command line; a directory stands for the .toml files in it.
std::vector<fs::path> expand(const std::vector<std::string>& paths, Diagnostics& diags) {
    std::vector<fs::path> out;
    for (const auto& p : paths) {
        std::error_code ec;
        fs::path path(p);
        if (fs::is_directory(path, ec) && path.extension() != ".toml") {
            std::vector<fs::path> inside;
            for (const auto& e : fs::directory_iterator(path, ec))
                if (e.path().extension() == ".toml" && !is_ignored_file_name(e.path().filename().native()))
                    inside.push_back(e.path());
            std::sort(inside.begin(), inside.end());
            if (inside.empty()) diags.warning(p, {}, "no .toml files in this directory");
            out.insert(out.end(), inside.begin(), inside.end());
        } else {
            out.push_back(path);
        }
    }
    return out;
}

// The fast reader gives the same records as toml++ but no source positions, and it hands a record
// over only when reading it found nothing to report (anything else is read again by toml++, with
// positions). What validate checks afterwards needs positions too: an id that two files share
// (possible only between directories, as ids must equal file names), entries dated after the as-of
// date, and evidence that a link leads out of the workspace. Files that share a name are read by
// toml++ alone; a record with any later finding is read again by toml++ (rarely: such entries are
// a mistake or a plan) and reported from there.
bool stems_distinct(const std::vector<fs::path>& files) {
    std::unordered_set<std::string> stems;
    for (const auto& f : files)
        if (!stems.insert(f.stem().string()).second) return false;
    return true;
}

using RecordCheck = std::function<void(const Record&, Diagnostics&)>;

void check_with_positions(const fs::path& file, const Workspace* ws, const CredentialSet& credentials, const Record& fast,
                          const RecordCheck& check, Diagnostics& out) {
    Diagnostics probe;
    check(fast, probe);
    if (probe.items().empty()) return;
    RecordLoadOptions opts;
    if (ws) opts.limits = ws->limits;
    opts.expected_id = file.stem().string();
    std::string shown = display_path(ws, file);
    Diagnostics again;
    auto text = read_text_file(file, shown, opts.limits.max_bytes, again);
    std::optional<Record> full = text ? load_record(*text, shown, credentials, opts, again) : std::nullopt;
    // A file changed since the first read: what it holds now is reported.
    if (full) check(*full, again);
    out.append(again);
}

int run_validate(Context& ctx, const ValidateOptions& opts) {
    Diagnostics& diags = ctx.diags();
    std::size_t files = 0;
    std::vector<fs::path> records;
    if (opts.paths.empty()) {
        if (!ctx.open_workspace() && !ctx.workspace()) {
            ctx.flush_diagnostics();
            return exit_data;
        }
        RecordListing listing = list_record_directory(ctx.workspace()->root / "specialists");
        records = std::move(listing.records);
        for (const auto& stray : listing.strays)
            diags.warning(display_path(ctx.workspace(), stray), {}, std::string(stray_reason(stray)));
        // peerctl.toml, and the workspace's own credential files (not the built-ins)
        files = 1 + workspace_credential_files(*ctx.workspace()).size();
        for (auto& problem : git_setup_problems(ctx.workspace()->root))
            diags.warning(".gitattributes", {}, std::move(problem));
    } else {
        // Outside a workspace, the built-in credentials still give the vocabulary.
        auto root = discover_workspace(ctx.options().dir, ctx.env(), ctx.user_config());
        if (root) ctx.open_workspace();
        else ctx.load_credentials_only();
        for (const auto& path : expand(opts.paths, diags)) {
            ++files;
            switch (kind_of(path)) {
            case FileKind::Workspace: {
                Diagnostics local;
                load_workspace(path.parent_path().empty() ? "." : path.parent_path(), local);
                for (auto d : local.items()) {
                    if (d.file == "peerctl.toml") d.file = path.string();
                    diags.add(d);
                }
                break;
            }
            case FileKind::Credential: load_credential_file(path, path.string(), diags); break;
            case FileKind::Record:
                records.push_back(path);
                --files; // counted below with the records
                break;
            }
        }
    }
    // Records are checked and dropped one by one; only their diagnostics are kept.
    std::vector<Diagnostics> per_record(records.size());
    const Workspace* ws = opts.paths.empty() ? ctx.workspace() : nullptr;
    bool fast = stems_distinct(records);
    RecordCheck check = [&](const Record& r, Diagnostics& out) {
        warn_future_entries(r, ctx.as_of(), out);
        warn_overfull_days(r, out);
        if (ctx.workspace()) {
            evidence_link_errors(r, ctx.workspace()->root, out);
            evidence_file_warnings(r, ctx.workspace()->root, out);
        }
    };
    auto keep = [&](std::size_t i, const Record& r) {
        if (fast) check_with_positions(records[i], ws, ctx.credentials(), r, check, per_record[i]);
        else check(r, per_record[i]);
    };
    VisitSummary summary = visit_records(records, ws, ctx.credentials(), ctx.options().jobs, keep, fast);
    files += summary.files;
    diags.append(summary.diags);
    for (const auto& d : per_record)
        diags.append(d);

    // A credential file named on the command line inside the workspace is read twice: say it once.
    Diagnostics unique;
    std::set<std::string> seen;
    diags.sort();
    for (const auto& d : diags.items())
        if (seen.insert(format(d)).second) unique.add(d);
    std::size_t errors = 0, warnings = 0;
    for (const auto& d : unique.items())
        (d.severity == Severity::Error ? errors : warnings)++;
    print_diagnostics(unique);
    ctx.diags() = Diagnostics();
    if (!opts.quiet)
        fmt::print(stderr, "peerctl: checked {} file{}: {} error{}, {} warning{}\n", files, files == 1 ? "" : "s", errors,
                   errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return errors > 0 ? exit_data : exit_ok;
}

} // namespace

Runner setup_validate(CLI::App& sub) {
    auto opts = std::make_shared<ValidateOptions>();
    sub.add_option("paths", opts->paths, "Files or directories to check (default: the whole workspace)");
    sub.add_flag("-q,--quiet", opts->quiet, "No summary line");
    return [opts](Context& ctx) { return run_validate(ctx, *opts); };
}

} // namespace peerctl::cli
