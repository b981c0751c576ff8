#pragma once
// One level of undo for a record: before each peerctl write, `specialists/.<id>.toml.undo` keeps
// what the record held and what peerctl wrote. Undo puts the first back only while the record
// still holds exactly the second, so that it never throws away a change made since by hand, by an
// editor or by another program. Undoing writes an undo file of its own: a second undo redoes.

#include "diagnostics.hpp"
#include "io_error.hpp"
#include "workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace peerctl {

// A record's content on either side of a write; nullopt: the file did not exist (add).
struct UndoStep {
    std::optional<std::string> before;
    std::optional<std::string> after;
};

std::filesystem::path undo_path(const std::filesystem::path& record);

std::string encode_undo(const UndoStep& step);
// nullopt when `text` is not an undo file of this format.
std::optional<UndoStep> decode_undo(std::string_view text);

// Replaces the undo file: always a new file of ours with `mode` (never one someone left there,
// never through a link), durable like the record itself.
[[nodiscard]] std::optional<IoError> save_undo(const std::filesystem::path& record, const UndoStep& step, mode_t mode);

// The undo file, if it can be trusted: a regular file (not a link) owned by us or root and
// writable by no one else. nullopt with the reason in diags (at `shown`) otherwise.
std::optional<UndoStep> load_undo(const std::filesystem::path& record, const std::string& shown, std::size_t max_record_bytes,
                                  Diagnostics& diags);

// Puts specialist `id`'s record back as it was before the last peerctl write, under its lock, if
// it still holds exactly what that write left; refuses (the reason in diags, the record as it
// was) otherwise. The undo is itself undoable: a second undo redoes.
bool undo_record(const Workspace& ws, const std::string& id, Diagnostics& diags);

} // namespace peerctl
