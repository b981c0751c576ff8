#pragma once
// `[git] commit = true`: each peerctl write becomes one small commit of exactly the files it
// changed, under the user's own git identity. Whatever else is staged stays staged and out of the
// commit (`git commit --only`), so that peerctl never sweeps up someone's unfinished work.

#include "workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// `text` fit for a commit message's one line: control characters (C0, DEL and C1) become spaces,
// so that a title cannot add lines, trailers or terminal escapes to the history.
std::string commit_message_line(std::string_view text);

// Commits `files` (inside the workspace) with `message` (made one line by commit_message_line),
// running git in the workspace's directory. Does nothing, and returns nullopt, unless the
// workspace asks for commits. Otherwise nullopt once committed, or git's complaint (the first line
// it wrote) when it could not commit: the write stands either way.
std::optional<std::string> commit_files(const Workspace& ws, const std::vector<std::filesystem::path>& files,
                                        const std::string& message);

} // namespace peerctl
