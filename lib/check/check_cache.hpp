#pragma once
// A cache for `check` that can never serve a stale result: a record file's check items are reused
// only while its stat (size, mtime, ctime, inode, device) is exactly what it was when the file was
// read, and under the same inputs (the as-of date, the workspace settings, every credential file,
// the peerctl binary). As git does for its index, a file changed in the two seconds before a run
// started is "racy" (a later change could leave the same timestamps on a coarse file system) and
// is never cached; nor is anything when an input is racy. The cache holds ids, credential ids,
// dates and hours, never names.

#include "diagnostics.hpp"
#include "expiry_check.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool operator==(const FileStamp&) const = default;
};

// stat(2) of a path (symbolic links followed, as when the file is read); with `dir_fd`, of a
// name in that directory (fstatat: no walk of the whole path for each of many files).
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);
std::optional<FileStamp> stamp_at(int dir_fd, const char* name);
// Now, on the clock file systems stamp files with (CLOCK_REALTIME), in nanoseconds.
std::int64_t realtime_now_ns();
// Changed too close to `start_ns` (or after it) for its stamp to prove the content unchanged.
bool is_racy(const FileStamp& stamp, std::int64_t start_ns);

// What one record file contributed to a check: its id and certified credentials (check_items).
struct CachedRecord {
    FileStamp stamp;
    std::string id;
    Position id_pos;
    std::vector<CheckItem> items;
};

class CheckCache {
public:
    // `inputs` describes everything but the record files that results depend on; a cache made
    // under other inputs is empty (parse), and so is a missing or malformed one (read).
    static CheckCache read(const std::optional<std::string>& text, const std::string& inputs);
    explicit CheckCache(std::string inputs) : inputs_(std::move(inputs)) {}

    // The entry for a record file (by its name in specialists/) if its stamp is unchanged; the
    // caller may move its items out.
    CachedRecord* find(std::string_view name, const FileStamp& stamp);
    // Entries are put in name order (the order of record_files).
    void put(std::string name, CachedRecord record);
    std::size_t size() const { return records_.size(); }

    std::string serialize() const;
    // serialize() a record at a time, for a writer that frees each as it goes: the header, then
    // each record, in increasing name order.
    static std::string header(const std::string& inputs);
    static void append(std::string& out, std::string_view name, const CachedRecord& record);
    static std::optional<CheckCache> parse(std::string_view text, const std::string& inputs);

private:
    std::string inputs_;
    std::vector<std::pair<std::string, CachedRecord>> records_; // by name
};

// The line describing an input file for CheckCache's `inputs`: its path and stamp ("missing"
// when it is not there); sets `racy` when the file changed too recently to be trusted.
std::string input_line(const std::filesystem::path& path, std::int64_t start_ns, bool& racy);

// The name of a workspace's cache file in peerctl's cache directory (CacheDir, user_cache_dir).
std::string check_cache_name(const std::filesystem::path& workspace_root);

} // namespace peerctl
