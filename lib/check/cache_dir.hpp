#pragma once
// peerctl's directory in the user's cache (user_cache_dir), trusted only as far as nobody else
// could have written it. peerctl runs from root's cron, where the cache path may lead anywhere a
// careless or hostile colleague pointed it: so it never follows a symbolic link into its own
// directory or files, never chmods anything, and only ever writes files it has just created
// (O_EXCL) and renames them into place. The directory and each file are opened without following
// a link (O_NOFOLLOW, relative to the directory's descriptor) and checked on the open descriptor:
// a real directory or regular file, owned by the effective user, writable by no one else. Anything
// else is refused: neither read nor written, with one warning for the whole run.

#include "diagnostics.hpp"
#include "unique_fd.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

class CacheDir {
public:
    // `dir` is peerctl's own directory; its parent (the user's cache, e.g. $XDG_CACHE_HOME) is
    // taken as it is, links and all, and made (mode 0700) only if missing. Nothing is created
    // until write(). An empty `dir` is a cache that is never there.
    explicit CacheDir(std::filesystem::path dir);

    // The content of the file `name`, or nothing when it is missing, unreadable, larger than
    // `max_bytes` or not to be trusted (refused).
    std::optional<std::string> read(const std::string& name, std::size_t max_bytes);
    // Replaces `name` with `content`: a new file (mode 0600) in the directory (made, mode 0700, if
    // missing), synced and renamed over it. False when refused or when writing failed: a cache
    // costs speed, never a result.
    bool write(const std::string& name, std::string_view content);

    // Why the cache was refused ("path: warning: ..."), once refused: to be shown on stderr.
    const std::optional<Diagnostic>& refusal() const { return refusal_; }

private:
    enum class Open { Ok, Missing, Failed };
    Open open_dir(bool create);
    void refuse(const std::filesystem::path& what, const std::string& why);

    std::filesystem::path dir_;
    UniqueFd fd_;
    std::optional<Diagnostic> refusal_;
};

} // namespace peerctl
