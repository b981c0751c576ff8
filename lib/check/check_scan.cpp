#include "check_scan.hpp"

#include "unique_fd.hpp"

#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

// Far more than the cache of the largest registry measured (about 160 bytes a record).
constexpr std::size_t max_cache_bytes = 512u << 20;

// A record file's name: the cache's key (all records live in one directory).
std::string_view name_of(const fs::path& file) {
    std::string_view s = file.native();
    std::size_t slash = s.rfind('/');
    return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

} // namespace

CheckScan scan_for_check(const std::vector<fs::path>& files, const Workspace& ws, const CredentialSet& credentials, Date as_of,
                         unsigned jobs, const CheckCacheSettings& settings, bool include_inactive, const TeamFilter& team) {
    CheckScan out;
    out.files = files.size();
    out.items.resize(files.size());
    out.stamps.resize(files.size());
    out.ids.resize(files.size());
    out.id_positions.resize(files.size());
    bool use_cache = settings.dir && !settings.racy_inputs;
    CheckCache cache = use_cache ? CheckCache::read(settings.dir->read(settings.name, max_cache_bytes), settings.inputs)
                                 : CheckCache(settings.inputs);
    out.cache_entries = cache.size();

    // Record files share one directory: stamped by name in it, with no walk of the whole path each.
    std::string dir = files.empty() ? "" : files.front().parent_path().string();
    UniqueFd dir_fd(dir.empty() ? -1 : ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    auto in_dir = [&](const fs::path& f) {
        const std::string& p = f.native();
        return p.size() > dir.size() && p.compare(0, dir.size(), dir) == 0 && p[dir.size()] == '/' &&
               p.find('/', dir.size() + 1) == std::string::npos;
    };
    std::vector<std::size_t> to_read;
    std::vector<bool>& read = out.read;
    read.assign(files.size(), false);
    for (std::size_t i = 0; i < files.size(); ++i) {
        // Stamped before reading: a change while the file is read shows as a new stamp next time.
        std::string name(name_of(files[i]));
        out.stamps[i] = dir_fd && in_dir(files[i]) ? stamp_at(dir_fd.get(), name.c_str()) : stamp_of(files[i]);
        if (CachedRecord* hit = use_cache && out.stamps[i] ? cache.find(name, *out.stamps[i]) : nullptr) {
            out.items[i] = std::move(hit->items);
            out.ids[i] = std::move(hit->id);
            out.id_positions[i] = hit->id_pos;
            ++out.from_cache;
            continue;
        }
        read[i] = true;
        to_read.push_back(i);
    }
    dir_fd.reset();
    cache = CheckCache(settings.inputs); // its items are moved out; the rest is not needed

    VisitSummary summary = visit_records(
        files, &ws, credentials, jobs,
        [&](std::size_t i, const Record& r) {
            if ((include_inactive || r.active()) && team.keeps(r.id, r.site, r.supervisor))
                out.items[i] = check_items(evaluate(r, credentials, as_of));
            out.ids[i] = r.id;
            out.id_positions[i] = r.id_pos;
        },
        /*fast=*/true, &to_read);
    out.read_now = to_read.size();
    out.invalid = summary.files - summary.loaded;
    out.diags = std::move(summary.diags);
    // An id shared by a cached file and another (visit_records reported pairs of files read now).
    duplicate_id_errors(files, out.ids, out.id_positions, &ws, out.diags,
                        [&](std::size_t a, std::size_t b) { return read[a] && read[b]; });
    return out;
}

void save_check_cache(CheckScan&& scan, const std::vector<fs::path>& files, const CheckCacheSettings& settings) {
    if (!settings.dir || settings.dir->refusal() || settings.racy_inputs) return;
    auto cacheable = [&](std::size_t i) {
        return !scan.ids[i].empty() && scan.stamps[i] && !is_racy(*scan.stamps[i], settings.start_ns);
    };
    std::size_t fresh = 0;
    for (std::size_t i = 0; i < files.size() && i < scan.items.size(); ++i)
        if (scan.read[i] && cacheable(i)) ++fresh;
    // Nothing new to keep and nothing gone: the cache on disk is already this one.
    if (fresh == 0 && scan.from_cache == scan.cache_entries) return;
    // Written straight from the scan, each file's items freed once written: the cache costs its
    // text, not a second copy of the registry's items.
    std::string text = CheckCache::header(settings.inputs);
    text.reserve(text.size() + files.size() * 160);
    for (std::size_t i = 0; i < files.size() && i < scan.items.size(); ++i) {
        if (!cacheable(i)) continue;
        CachedRecord record{*scan.stamps[i], std::move(scan.ids[i]), scan.id_positions[i], std::move(scan.items[i])};
        CheckCache::append(text, name_of(files[i]), record);
    }
    (void)settings.dir->write(settings.name, text);
}

} // namespace peerctl
