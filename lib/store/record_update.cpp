#include "record_update.hpp"

#include "atomic_file.hpp"
#include "day_hours.hpp"
#include "file_lock.hpp"
#include "file_reader.hpp"
#include "record_loader.hpp"
#include "record_undo.hpp"
#include "toml_text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace peerctl {

std::string toml_date(Date d) { return to_string(d); }

std::string toml_string_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ", " : "") + toml_string(items[i]);
    return out + "]";
}

std::string entry_text(std::string_view table, const std::vector<Field>& fields) {
    std::string out = fmt::format("[[{}]]\n", table);
    for (const auto& f : fields)
        out += fmt::format("{} = {}\n", f.key, f.value);
    return out;
}

namespace {

// A file written with CRLF line ends (Windows editors) gets CRLF lines from us too: one file, one style.
std::string_view line_end_of(std::string_view original) {
    std::size_t nl = original.find('\n');
    return nl != std::string_view::npos && nl > 0 && original[nl - 1] == '\r' ? "\r\n" : "\n";
}

// `lines` ("a\nb\n") with each newline written as `eol`.
std::string with_line_ends(std::string_view lines, std::string_view eol) {
    if (eol == "\n") return std::string(lines);
    std::string out;
    for (char c : lines) {
        if (c == '\n') out += eol;
        else out += c;
    }
    return out;
}

} // namespace

std::string append_text(std::string_view original, std::string_view entry) {
    std::string_view eol = line_end_of(original);
    std::string out(original);
    if (!out.empty() && out.back() != '\n') out += eol;
    if (!out.empty()) out += eol;
    out += with_line_ends(entry, eol);
    return out;
}

namespace {

// Where 1-based `line` starts and ends (before its newline) in `text`; nullopt past the end.
std::optional<std::pair<std::size_t, std::size_t>> line_span(std::string_view text, std::uint32_t line) {
    std::size_t start = 0;
    for (std::uint32_t l = 1; l < line; ++l) {
        start = text.find('\n', start);
        if (start == std::string_view::npos) return std::nullopt;
        ++start;
    }
    if (line == 0 || start > text.size()) return std::nullopt;
    std::size_t end = text.find('\n', start);
    return std::pair(start, end == std::string_view::npos ? text.size() : end);
}

// `lines` (each ending in "\n") inserted after line `span`, with the line's own line end (CRLF
// stays CRLF).
std::string insert_after(std::string_view text, std::pair<std::size_t, std::size_t> span, std::string lines) {
    if (span.second > span.first && text[span.second - 1] == '\r')
        for (std::size_t at = 0; (at = lines.find('\n', at)) != std::string::npos; at += 2)
            lines.insert(at, 1, '\r');
    std::string out(text.substr(0, span.second));
    out += '\n';
    out += lines;
    if (span.second < text.size()) out += text.substr(span.second + 1);
    return out;
}

// The header line text without indentation or a trailing comment and blanks.
std::string_view header_of(std::string_view line) {
    std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    line.remove_prefix(first);
    std::size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    std::size_t last = line.find_last_not_of(" \t\r");
    return last == std::string_view::npos ? std::string_view{} : line.substr(0, last + 1);
}

} // namespace

std::optional<std::string> certify_text(std::string_view original, const std::string& credential,
                                        const std::vector<Field>& fields, std::string& error) {
    std::string lines;
    for (const auto& f : fields)
        lines += fmt::format("{} = {}\n", f.key, f.value);
    auto site = credential_table_site(original, credential);
    if (!site) {
        error = "the record does not parse";
        return std::nullopt;
    }
    if (!site->present) return append_text(original, fmt::format("[credentials.{}]\n{}", credential, lines));
    if (site->certified) {
        error = fmt::format("'{}' is already certified; record a renewal with 'peerctl log renewal'", credential);
        return std::nullopt;
    }

    // Insert right under the table's own header line, the only form we can extend by appending lines.
    auto span = site->is_table ? line_span(original, site->line) : std::nullopt;
    std::string_view header = span ? header_of(original.substr(span->first, span->second - span->first)) : std::string_view{};
    if (header.empty() || header.front() != '[' || header.substr(0, 2) == "[[") {
        error = fmt::format("[credentials.{}] is not written as a table header; add the fields by hand", credential);
        return std::nullopt;
    }
    return insert_after(original, *span, lines);
}

std::optional<std::string> void_text(std::string_view original, const Record& before, EntryKind kind, std::size_t number,
                                     const std::string& reason, Date date, std::string& error) {
    std::string ref = entry_ref(kind, number);
    std::optional<Position> pos;
    bool already = false;
    auto find = [&](const auto& entries) {
        if (number == 0 || number > entries.size()) return;
        pos = entries[number - 1].pos;
        already = entries[number - 1].voided.has_value();
    };
    switch (kind) {
    case EntryKind::Training: find(before.training); break;
    case EntryKind::Exam: find(before.exams); break;
    case EntryKind::Experience: find(before.experience); break;
    case EntryKind::Ce: find(before.ce); break;
    case EntryKind::Renewal: find(before.renewals); break;
    }
    if (!pos) {
        error = fmt::format("no entry {} in the record (peerctl entries lists them)", ref);
        return std::nullopt;
    }
    if (already) {
        error = fmt::format("{} is already void", ref);
        return std::nullopt;
    }
    auto span = line_span(original, pos->line);
    std::string_view header = span ? header_of(original.substr(span->first, span->second - span->first)) : std::string_view{};
    if (header != fmt::format("[[{}]]", to_string(kind))) {
        error = fmt::format("{} is not written as a [[{}]] table header line; add 'void' to it by hand", ref, to_string(kind));
        return std::nullopt;
    }
    return insert_after(original, *span, fmt::format("void = {}\nvoided = {}\n", toml_string(reason), toml_date(date)));
}

unsigned file_mode(const Workspace& ws) { return ws.group_readable ? 0640u : 0600u; }

bool lock_record(FileLock& lock, const Workspace& ws, const fs::path& path, const std::string& id, const std::string& shown,
                 Diagnostics& diags, const LeftoverIndex* leftovers) {
    fs::path lock_path = path.parent_path() / ("." + id + ".lock");
    if (auto err = lock.acquire(lock_path, std::chrono::seconds(5), file_mode(ws))) {
        // Named by the record, as the user knows it; the lock file's own path is ours.
        diags.error(shown, {}, err->what + "; nothing was written");
        return false;
    }
    // Safe under the lock: a killed writer's temporary files are never the record itself.
    std::error_code ec;
    std::optional<LeftoverIndex> listed;
    const LeftoverIndex& index = leftovers ? *leftovers : listed.emplace(path.parent_path());
    for (const fs::path& file : {path, undo_path(path)})
        for (const auto& leftover : index.of(file))
            fs::remove(leftover, ec);
    return true;
}

bool record_writable(const fs::path& path, const std::string& shown, Diagnostics& diags) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return true;
    if (S_ISLNK(st.st_mode)) {
        diags.error(shown, {}, "the record is a symbolic link; peerctl does not write through links");
        return false;
    }
    if (is_read_only(path)) {
        diags.error(shown, {}, fmt::format("the record is read-only (mode {:04o}); nothing was written", st.st_mode & 07777));
        return false;
    }
    return true;
}

bool replace_record(const Workspace& ws, const fs::path& path, const std::string& shown, const std::optional<std::string>& before,
                    const std::string& after, Diagnostics& diags) {
    AtomicWriteOptions write;
    write.create_mode = static_cast<mode_t>(file_mode(ws));
    write.must_not_exist = !before;
    if (auto err = write_file_atomic(path, after, write)) {
        diags.error(shown, {}, err->what);
        return false;
    }
    // Once the record is replaced: should this fail, or peerctl die first, the undo file left (if
    // any) describes an earlier write, which cannot match the record now, so undo refuses rather
    // than losing anything.
    if (auto err = save_undo(path, UndoStep{before, after}, static_cast<mode_t>(file_mode(ws))))
        diags.warning(shown, {},
                      fmt::format("cannot keep a copy for 'peerctl undo' ({}: {})", err->path.filename().string(), err->what));
    return true;
}

UpdateResult update_record(const Workspace& ws, const CredentialSet& credentials, const std::string& id, const EditFn& edit,
                           const RefusalFn& refusals, const UpdateOptions& options, Diagnostics& diags) {
    UpdateResult result;
    fs::path path = record_path(ws, id);
    std::string shown = display_path(&ws, path);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);

    struct stat st {};
    bool exists = ::lstat(path.c_str(), &st) == 0;
    // Before the lock file is made: a refused write writes nothing at all.
    if (!record_writable(path, shown, diags)) return result;
    if (options.create && exists) {
        diags.error(shown, {}, fmt::format("a record for '{}' already exists", id));
        return result;
    }
    if (!options.create && !exists) {
        diags.error(shown, {}, fmt::format("no record for '{}' (create it with 'peerctl add')", id));
        return result;
    }

    FileLock lock;
    if (!options.dry_run && !lock_record(lock, ws, path, id, shown, diags, options.leftovers)) return result;

    std::string original;
    std::optional<Record> before;
    RecordLoadOptions load_options;
    load_options.expected_id = id;
    load_options.limits = ws.limits;
    if (!options.create) {
        auto text = read_text_file(path, shown, ws.limits.max_bytes, diags, Symlinks::Refuse);
        if (!text) return result;
        original = std::move(*text);
        Diagnostics check;
        before = load_record(original, shown, credentials, load_options, check);
        if (!before) {
            diags.append(check);
            diags.error(shown, {}, "the record has errors; fix them first (peerctl validate), nothing was written");
            return result;
        }
    }

    std::optional<std::string> updated = edit(original, diags);
    if (!updated) return result;
    Diagnostics check;
    std::optional<Record> after = load_record(*updated, shown, credentials, load_options, check);
    if (!after) {
        // Positions past the original's end are in text that was never written: name the entry instead.
        auto original_lines = static_cast<std::uint32_t>(std::count(original.begin(), original.end(), '\n') + 1);
        for (auto d : check.items()) {
            if (d.severity != Severity::Error) continue;
            if (d.pos.line > original_lines || options.create) {
                d.pos = {};
                d.message = "in the new entry: " + d.message;
            }
            diags.add(d);
        }
        diags.error(shown, {}, "nothing was written");
        return result;
    }
    if (!options.force) {
        std::vector<std::string> reasons = refusals(before.value_or(Record{}), *after);
        for (const auto& r : reasons)
            diags.error(shown, {}, r + " (use --force to record it anyway)");
        if (!reasons.empty()) return result;
    }
    result.added_text = updated->size() >= original.size() && updated->compare(0, original.size(), original) == 0
                            ? updated->substr(original.size())
                            : *updated;
    if (!options.dry_run &&
        !replace_record(ws, path, shown, options.create ? std::nullopt : std::optional(original), *updated, diags))
        return result;
    result.ok = true;
    result.record = std::move(after);
    return result;
}

namespace {

// Titles as a person reads them: case and runs of blanks do not make another course.
std::string title_key(std::string_view title) {
    std::string out;
    bool blank = false;
    for (char c : title) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            blank = !out.empty();
            continue;
        }
        if (blank) out += ' ';
        blank = false;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// `match(recorded, added)` says how the new entry matches one recorded ("a matching [[ce]]
// entry"), or "" when it does not.
template <typename Entry, typename Match>
void duplicates(const std::vector<Entry>& before, const std::vector<Entry>& after, Match match, std::vector<std::string>& out) {
    if (after.size() != before.size() + 1) return;
    const Entry& added = after.back();
    // A void entry was recorded wrongly: the same entry logged again replaces it, it does not repeat it.
    for (const auto& e : before)
        if (std::string how = e.voided ? std::string() : match(e, added); !how.empty()) {
            out.push_back(fmt::format("{} is already recorded at line {}: likely a duplicate", how, e.pos.line));
            return;
        }
}

// Training and CE: the same date and title, whatever the case and spacing; with other hours too,
// which is how a correction logged as a new entry looks (the old one is to be voided or edited).
auto same_course(EntryKind kind) {
    return [kind](const auto& recorded, const auto& added) -> std::string {
        if (recorded.date != added.date || title_key(recorded.title) != title_key(added.title)) return {};
        if (recorded.hours == added.hours) return fmt::format("a matching [[{}]] entry", to_string(kind));
        if (title_key(added.title).empty()) return {};
        return fmt::format("a [[{}]] entry of the same date and title with {} h (to correct its hours, 'peerctl edit' it "
                           "or 'peerctl void' it first)",
                           to_string(kind), recorded.hours.str());
    };
}

// For the other kinds: a match is `same` holding.
template <typename Same>
auto matching(EntryKind kind, Same same) {
    return [kind, same](const auto& recorded, const auto& added) -> std::string {
        return same(recorded, added) ? fmt::format("a matching [[{}]] entry", to_string(kind)) : std::string();
    };
}

template <typename Entry>
void future(const std::vector<Entry>& before, const std::vector<Entry>& after, Date today, std::vector<std::string>& out) {
    if (after.size() == before.size() + 1 && after.back().date > today)
        out.push_back(fmt::format("the date {} is in the future", to_string(after.back().date)));
}

} // namespace

std::vector<std::string> entry_refusals(const Record& before, const Record& after, Date today) {
    std::vector<std::string> out;
    duplicates(before.ce, after.ce, same_course(EntryKind::Ce), out);
    duplicates(before.training, after.training, same_course(EntryKind::Training), out);
    duplicates(before.experience, after.experience,
               matching(EntryKind::Experience,
                        [](const ExperienceEntry& a, const ExperienceEntry& b) {
                            return a.date == b.date && a.hours == b.hours && a.kind == b.kind;
                        }),
               out);
    duplicates(before.exams, after.exams,
               matching(EntryKind::Exam,
                        [](const ExamEntry& a, const ExamEntry& b) {
                            return a.date == b.date && a.credential == b.credential && a.result == b.result;
                        }),
               out);
    duplicates(
        before.renewals, after.renewals,
        matching(EntryKind::Renewal,
                 [](const RenewalEntry& a, const RenewalEntry& b) { return a.date == b.date && a.credential == b.credential; }),
        out);
    // More than a day holds, on the new entry's date.
    std::optional<Date> added;
    if (after.ce.size() == before.ce.size() + 1) added = after.ce.back().date;
    if (after.training.size() == before.training.size() + 1) added = after.training.back().date;
    if (added)
        for (const auto& day : overfull_days(after))
            if (day.date == *added) out.push_back(describe(day));
    future(before.ce, after.ce, today, out);
    future(before.training, after.training, today, out);
    future(before.experience, after.experience, today, out);
    future(before.renewals, after.renewals, today, out);
    // A scheduled exam is naturally in the future; a result is not.
    if (after.exams.size() == before.exams.size() + 1 && after.exams.back().date > today &&
        after.exams.back().result != ExamResult::Scheduled)
        out.push_back(fmt::format("the exam date {} is in the future but has a result", to_string(after.exams.back().date)));
    return out;
}

} // namespace peerctl
