#include "record_edit.hpp"

#include "day_hours.hpp"
#include "evidence_files.hpp"
#include "file_reader.hpp"
#include "record_loader.hpp"
#include "record_update.hpp"

#include <fmt/core.h>

#include <sys/stat.h>

namespace peerctl {

bool RecordEdit::open(const Workspace& ws, const std::string& id, Diagnostics& diags) {
    ws_ = &ws;
    id_ = id;
    path_ = record_path(ws, id);
    shown_ = display_path(&ws, path_);
    struct stat st {};
    if (::lstat(path_.c_str(), &st) != 0) {
        diags.error(shown_, {}, fmt::format("no record for '{}' (create it with 'peerctl add')", id));
        return false;
    }
    // Refused before the lock file is made, and before anyone spends time in an editor.
    if (!record_writable(path_, shown_, diags)) return false;
    if (!lock_record(lock_, ws, path_, id, shown_, diags)) return false;
    auto text = read_text_file(path_, shown_, ws.limits.max_bytes, diags, Symlinks::Refuse);
    if (!text) return false;
    original_ = std::move(*text);
    return true;
}

RecordEdit::Saved RecordEdit::save(std::string_view text, const CredentialSet& credentials, Diagnostics& diags) {
    Saved saved;
    if (text == original_) {
        saved.outcome = Outcome::Unchanged;
        return saved;
    }
    RecordLoadOptions load;
    load.expected_id = id_;
    load.limits = ws_->limits;
    Diagnostics check;
    std::optional<Record> record = load_record(text, shown_, credentials, load, check);
    // What validate adds to loading: evidence that a link leads out of the workspace.
    if (record) {
        evidence_link_errors(*record, ws_->root, check);
        warn_overfull_days(*record, check);
    }
    diags.append(check);
    if (!record || check.has_errors()) {
        saved.outcome = Outcome::Invalid;
        return saved;
    }
    // The whole content, not a hash of it: what was read at open is still here to compare.
    Diagnostics quiet;
    std::optional<std::string> now = read_text_file(path_, shown_, ws_->limits.max_bytes, quiet, Symlinks::Refuse);
    if (!now || *now != original_) {
        diags.error(shown_, {},
                    "the record changed on disk while it was being edited (by a program that does not take peerctl's "
                    "lock); nothing was written, so that the other change is not lost");
        return saved;
    }
    if (!record_writable(path_, shown_, diags) || !replace_record(*ws_, path_, shown_, original_, std::string(text), diags))
        return saved;
    saved.outcome = Outcome::Written;
    saved.record = std::move(record);
    return saved;
}

} // namespace peerctl
