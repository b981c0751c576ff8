#pragma once
// Who wrote what to a record and when: the commits that changed its file, from `git log --follow`
// (renames included), newest first.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace peerctl {

struct HistoryCommit {
    std::string commit;     // the full hash
    std::string short_hash; // git's abbreviation
    std::string date;       // the author date, ISO 8601 with its offset
    std::string author;
    std::string email;
    std::string subject;
    long added = 0, removed = 0; // lines of the record
};

// The commits of `file` (relative to `root`, the workspace in a git work tree); nullopt with
// `error` when git cannot say (not a repository, git missing).
std::optional<std::vector<HistoryCommit>> record_history(const std::filesystem::path& root, const std::filesystem::path& file,
                                                         std::string& error);

} // namespace peerctl
