#pragma once
// The evidence rule (core/evidence_path.hpp) on the file system: a path that reads as inside the
// workspace may still lead out of it through a symbolic link.

#include "diagnostics.hpp"
#include "record.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

// Whether `path` (relative, without a problem on its text) still lies inside `root` once every
// symbolic link in it is resolved. Needs not exist; false when `root` cannot be resolved.
bool evidence_stays_inside(const std::filesystem::path& root, std::string_view path);

// An error at each evidence path of `record` that a symbolic link leads out of `root`, for
// `validate` (loading a record checks the text alone, and never touches the file system for it).
void evidence_link_errors(const Record& record, const std::filesystem::path& root, Diagnostics& diags);

// Warnings at each evidence file of `record` that is not there, and each whose content no longer
// matches its `evidence_sha256`, for `validate`. The path is never quoted (it may say whose
// certificate it is): the position names the entry.
void evidence_file_warnings(const Record& record, const std::filesystem::path& root, Diagnostics& diags);

// The SHA-256 of the regular file `path` (never a FIFO or a device, which could block or never
// end); nullopt when it cannot be read as one.
std::optional<std::string> file_sha256(const std::filesystem::path& path);

// A regular file inside the workspace: what the transcript calls evidence on file.
bool evidence_on_file(const std::filesystem::path& root, std::string_view path);

} // namespace peerctl
