#pragma once
// Which files of specialists/ are records. Many people and their editors work in that directory:
// Emacs leaves `.#jdoe.toml` (a dangling symlink) and `#jdoe.toml#`, Vim `.jdoe.toml.swp`, others
// `jdoe.toml~`, and peerctl its own `.jdoe.lock`. None of them may be read as a record, or one
// open editor would turn `check` UNKNOWN and stop every team report.

#include <filesystem>
#include <string_view>
#include <vector>

namespace peerctl {

enum class RecordName {
    Record,  // <id>.toml with a valid id
    Ignored, // hidden, or an editor's lock, backup or autosave file: never mentioned
    Stray,   // anything else: not read, and `validate` says so
};

// Hidden files and editors' leftovers, skipped in every directory peerctl lists (credentials/ too).
bool is_ignored_file_name(std::string_view file_name);
RecordName classify_record_name(std::string_view file_name);

struct RecordListing {
    std::vector<std::filesystem::path> records; // sorted by name
    std::vector<std::filesystem::path> strays;  // sorted by name
};

// The entries of `dir` (none if it is not a directory), by what their names make them. Whether a
// record is a regular file is for the reader to find out (file_reader.hpp), so that a record that
// cannot be read is an error rather than a specialist who silently disappears.
RecordListing list_record_directory(const std::filesystem::path& dir);

// Why a stray file is not read, for `validate`'s warning.
std::string_view stray_reason(const std::filesystem::path& stray);

} // namespace peerctl
