#pragma once
// Crash-safe file replacement: a temporary file in the same directory (O_EXCL), written in full,
// fsync'd, renamed over the target, and the directory fsync'd. Any failure removes the temporary
// file and leaves the original byte-identical. A failed fsync is never retried: after one, the
// kernel may have dropped the dirty pages, so a retry could report success for lost data.

#include "io_error.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <sys/types.h>

namespace peerctl {

struct AtomicWriteOptions {
    // Mode of a new file, applied whatever the umask; an existing file keeps its own.
    mode_t create_mode = 0600;
    // Refuse to replace an existing file (for creating records).
    bool must_not_exist = false;
};

// The temporary and backup files that writers killed mid-way left beside the files of a
// directory, listed once; `of` gives those of one file. Only to be removed while holding that
// file's lock: the file itself is always whole (rename is atomic). A writer of many
// records (an import of 10,000 rows) sweeps each record's leftovers from one listing: listing the
// directory again for every record made the import quadratic. A file listed here and still there
// once its record's lock is held was left by a killed writer, since a live one holds that lock;
// one left after the listing waits for the next writer.
class LeftoverIndex {
public:
    explicit LeftoverIndex(const std::filesystem::path& dir);
    std::vector<std::filesystem::path> of(const std::filesystem::path& target) const;

private:
    std::map<std::string, std::vector<std::filesystem::path>, std::less<>> by_target_;
};

// Whether an existing file was made read-only for us: no write permission for this user, or, for
// root (whom permissions do not stop), no write bit at all. Replacing the file by rename would
// get round that, so writers refuse instead.
bool is_read_only(const std::filesystem::path& path);

// Nothing on success, else the error: its `what` is the reason, starting with the system's own
// words and saying whether the file is unchanged; the caller names the file. A read-only target
// (is_read_only) is refused.
[[nodiscard]] std::optional<IoError> write_file_atomic(const std::filesystem::path& path, std::string_view content,
                                                       const AtomicWriteOptions& options = {});

} // namespace peerctl
