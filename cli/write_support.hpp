#pragma once
// What the writing commands share: the line that says what was recorded
// and where the specialist now stands.

#include "context.hpp"
#include "evaluation.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace peerctl::cli {

// "ct-rss: CE 42.5/60 h, ethics 3/6 h, 129 days left"
std::string standing(const SpecialistStatus& s);
// Specialist `id`'s record with its source positions, for commands about one record; nullopt
// after reporting in ctx.diags() when it is missing or does not load.
std::optional<Record> load_one_record(Context& ctx, const std::string& id);
// Rejects text that is not valid UTF-8 before it can reach a file.
void require_utf8(const std::string& option, const std::string& value);
// After a write that succeeded: with `[git] commit = true`, commits `files` with `message`
// (git_commit.hpp). A commit git refuses is a warning: the write is done, and the exit stays 0.
void commit_write(Context& ctx, const std::vector<std::filesystem::path>& files, const std::string& message);

} // namespace peerctl::cli
