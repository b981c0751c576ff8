#pragma once
// Changing a record safely: under the record's lock, read it, edit the text (appending, never
// re-serialising), check the result by the same rules as `validate`, then replace the file
// atomically. Anything that fails leaves the file as it was.

#include "atomic_file.hpp"
#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "file_lock.hpp"
#include "record.hpp"
#include "workspace.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// A TOML value already rendered as text ("2026-11-23", "2.5", "\"Ethics\"", "[\"ethics\"]").
struct Field {
    std::string key;
    std::string value;
};

std::string toml_date(Date d);
std::string toml_string_array(const std::vector<std::string>& items);

// "[[ce]]\ndate = ...\n" for an array-of-tables entry.
std::string entry_text(std::string_view table, const std::vector<Field>& fields);
// The original bytes, a newline if the file did not end in one, a blank line, then the entry; the
// new lines end in CRLF where the file's first line does.
std::string append_text(std::string_view original, std::string_view entry);
// Inserts `fields` under an existing `[credentials.<id>]` header, or appends a new table.
// Returns nullopt (with `error`) where the table is written in a form we cannot extend safely.
std::optional<std::string> certify_text(std::string_view original, const std::string& credential,
                                        const std::vector<Field>& fields, std::string& error);

// Entry `number` (from 1, in file order) of `kind` marked void: `void = "reason"` and `voided =
// DATE` inserted under its [[kind]] header line, nothing else touched. nullopt (with `error`) when
// there is no such entry, it is void already, or it is not written as a plain [[kind]] header line.
std::optional<std::string> void_text(std::string_view original, const Record& before, EntryKind kind, std::size_t number,
                                     const std::string& reason, Date date, std::string& error);

// Mode for new files: 0600, or 0640 when the workspace asks for a group.
unsigned file_mode(const Workspace& ws);

// Takes the record's lock (`specialists/.<id>.lock`, waiting up to 5 seconds) as every writer
// does, and removes what a killed writer left; false with the reason in diags when it cannot.
// `leftovers`, a listing of the records' directory made before, spares listing it again.
bool lock_record(FileLock& lock, const Workspace& ws, const std::filesystem::path& path, const std::string& id,
                 const std::string& shown, Diagnostics& diags, const LeftoverIndex* leftovers = nullptr);

// Whether a write may replace the record at `path` (named `shown`): not when it is a symbolic link
// or read-only (atomic_file.hpp's is_read_only); a missing record may be created. The reason in
// diags when not.
bool record_writable(const std::filesystem::path& path, const std::string& shown, Diagnostics& diags);

// Under the record's lock: `after` replaces the record atomically and durably (created when
// `before` is nullopt), then the undo file keeps `before` and `after` (record_undo.hpp). False
// with the reason in diags when the record could not be written (it is then as it was).
bool replace_record(const Workspace& ws, const std::filesystem::path& path, const std::string& shown,
                    const std::optional<std::string>& before, const std::string& after, Diagnostics& diags);

struct UpdateOptions {
    bool dry_run = false;
    bool force = false;  // accept refusals that are only warnings (future dates, duplicates)
    bool create = false; // the record must not exist yet (add)
    // For writers of many records: the records' directory listed once for killed writers' files.
    const LeftoverIndex* leftovers = nullptr;
};

struct UpdateResult {
    bool ok = false;
    std::string added_text;       // what was (or, with dry_run, would be) written
    std::optional<Record> record; // the record as it now reads
};

// `edit` turns the original text (empty when creating) into the new text, or returns nullopt
// after adding its reason to diags. `refusals` looks at the new record and returns reasons to
// refuse that --force may override.
using EditFn = std::function<std::optional<std::string>(std::string_view original, Diagnostics& diags)>;
using RefusalFn = std::function<std::vector<std::string>(const Record& before, const Record& after)>;

UpdateResult update_record(const Workspace& ws, const CredentialSet& credentials, const std::string& id, const EditFn& edit,
                           const RefusalFn& refusals, const UpdateOptions& options, Diagnostics& diags);

// Likely duplicates and entries dated after `today`, for `log`.
std::vector<std::string> entry_refusals(const Record& before, const Record& after, Date today);

} // namespace peerctl
