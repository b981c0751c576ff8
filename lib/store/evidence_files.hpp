#pragma once
// The evidence rule (core/evidence_path.hpp) on the file system: a path that reads as inside the
// workspace may still lead out of it through a symbolic link.

#include "diagnostics.hpp"
#include "record.hpp"

#include <filesystem>
#include <string_view>

namespace peerctl {

// Whether `path` (relative, without a problem on its text) still lies inside `root` once every
// symbolic link in it is resolved. Needs not exist; false when `root` cannot be resolved.
bool evidence_stays_inside(const std::filesystem::path& root, std::string_view path);

// An error at each evidence path of `record` that a symbolic link leads out of `root`, for
// `validate` (loading a record checks the text alone, and never touches the file system for it).
void evidence_link_errors(const Record& record, const std::filesystem::path& root, Diagnostics& diags);

// A regular file inside the workspace: what the transcript calls evidence on file.
bool evidence_on_file(const std::filesystem::path& root, std::string_view path);

} // namespace peerctl
