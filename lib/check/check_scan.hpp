#pragma once
// What `check` reads: each record file's check items, from the check cache where the file is
// unchanged (check_cache.hpp), else read, evaluated and dropped on a worker (visit_records).

#include "cache_dir.hpp"
#include "check_cache.hpp"
#include "team_filter.hpp"
#include "workspace.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace peerctl {

struct CheckCacheSettings {
    CacheDir* dir = nullptr;   // null: no cache
    std::string name;          // the cache file's name in `dir` (check_cache_name)
    std::string inputs;        // what results depend on besides the records (CheckCache)
    bool racy_inputs = false;  // an input changed too recently: neither use nor update the cache
    std::int64_t start_ns = 0; // when the run started, before anything was read
};

struct CheckScan {
    std::vector<std::vector<CheckItem>> items; // per file, in file order
    Diagnostics diags;
    std::size_t files = 0;
    std::size_t invalid = 0; // files that did not load
    std::size_t from_cache = 0;
    // For save_check_cache: per file, its stamp (taken before reading), id and whether it was read now.
    std::vector<std::optional<FileStamp>> stamps;
    std::vector<std::string> ids;
    std::vector<Position> id_positions;
    std::vector<bool> read;
    std::size_t cache_entries = 0; // in the cache as it was read
    std::size_t read_now = 0;
};

// Records whose status is inactive or left give no items unless `include_inactive` (which the
// cache's inputs must then say); nor do those `team` leaves out (by site or supervisor, which
// the cache does not keep: a scan with such a filter must be given no cache).
CheckScan scan_for_check(const std::vector<std::filesystem::path>& files, const Workspace& ws, const CredentialSet& credentials,
                         Date as_of, unsigned jobs, const CheckCacheSettings& cache, bool include_inactive = false,
                         const TeamFilter& team = {});

// Writes the cache for the next run (when it would change), moving the scan's items into it:
// every file that loaded and was not changed too recently. A cache that cannot be written
// costs speed, never a result: failures are ignored (a refused one is in the CacheDir's refusal).
void save_check_cache(CheckScan&& scan, const std::vector<std::filesystem::path>& files, const CheckCacheSettings& cache);

} // namespace peerctl
