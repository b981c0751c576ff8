#pragma once
// `peerctl edit`: a record held under its lock (the lock every writer takes, so a `log` meanwhile
// waits for it or gives up) while a person edits a copy, then replaced by the copy only when the
// copy is valid and different. The editor and the questions are the command's; this is the file
// side of it.

#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "file_lock.hpp"
#include "record.hpp"
#include "workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

class RecordEdit {
public:
    // Takes specialist `id`'s lock and reads the record, which need not be valid (editing is how
    // it is mended). False, with the reason in diags, when it is missing, a link, read-only,
    // locked by another writer for too long or unreadable.
    bool open(const Workspace& ws, const std::string& id, Diagnostics& diags);

    const std::string& original() const { return original_; }
    // The record as users know it ("specialists/jdoe.toml"), the name every message uses.
    const std::string& shown() const { return shown_; }

    enum class Outcome {
        Unchanged, // `text` is the record as it was: nothing written
        Invalid,   // the errors are in diags, named by the record's path: nothing written
        Written,   // replaced atomically and durably, with an undo file as every write keeps
        Failed,    // could not be written (the reason in diags); the record is as it was
    };
    struct Saved {
        Outcome outcome = Outcome::Failed;
        std::optional<Record> record; // when Written
    };
    // `text` checked by the rules of `validate` (its warnings in diags too); refused should the
    // record have changed on disk since open, which the lock keeps peerctl from doing, though not
    // an editor opened on the record itself.
    Saved save(std::string_view text, const CredentialSet& credentials, Diagnostics& diags);

private:
    const Workspace* ws_ = nullptr;
    std::string id_;
    std::filesystem::path path_;
    std::string shown_;
    std::string original_;
    FileLock lock_;
};

} // namespace peerctl
