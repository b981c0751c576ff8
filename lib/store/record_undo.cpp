#include "record_undo.hpp"

#include "atomic_file.hpp"
#include "file_reader.hpp"
#include "record_update.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

constexpr std::string_view magic = "peerctl-undo 1\n";

// "-" for a file that did not exist, else its length.
std::string size_field(const std::optional<std::string>& s) { return s ? std::to_string(s->size()) : "-"; }

bool read_size(std::string_view field, std::optional<std::size_t>& out) {
    if (field == "-") {
        out.reset();
        return true;
    }
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), n);
    if (ec != std::errc() || end != field.data() + field.size() || field.empty()) return false;
    out = n;
    return true;
}

} // namespace

fs::path undo_path(const fs::path& record) { return record.parent_path() / ("." + record.filename().string() + ".undo"); }

std::string encode_undo(const UndoStep& step) {
    std::string out(magic);
    out += size_field(step.before) + " " + size_field(step.after) + "\n";
    if (step.before) out += *step.before;
    if (step.after) out += *step.after;
    return out;
}

std::optional<UndoStep> decode_undo(std::string_view text) {
    if (text.substr(0, magic.size()) != magic) return std::nullopt;
    text.remove_prefix(magic.size());
    std::size_t eol = text.find('\n');
    if (eol == std::string_view::npos) return std::nullopt;
    std::string_view sizes = text.substr(0, eol);
    text.remove_prefix(eol + 1);
    std::size_t space = sizes.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    std::optional<std::size_t> before, after;
    if (!read_size(sizes.substr(0, space), before) || !read_size(sizes.substr(space + 1), after)) return std::nullopt;
    std::size_t total = before.value_or(0) + after.value_or(0);
    if (total < before.value_or(0) || total != text.size()) return std::nullopt;
    UndoStep step;
    if (before) step.before = std::string(text.substr(0, *before));
    if (after) step.after = std::string(text.substr(before.value_or(0)));
    return step;
}

std::optional<IoError> save_undo(const fs::path& record, const UndoStep& step, mode_t mode) {
    fs::path path = undo_path(record);
    // Whatever is there goes first, so that the new file takes neither the mode nor the owner of
    // one that someone else left in its place. unlink removes a link itself, never its target.
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return IoError{path, errno, std::strerror(errno)};
    AtomicWriteOptions options;
    options.create_mode = mode;
    options.must_not_exist = true;
    return write_file_atomic(path, encode_undo(step), options);
}

std::optional<UndoStep> load_undo(const fs::path& record, const std::string& shown, std::size_t max_record_bytes,
                                  Diagnostics& diags) {
    fs::path path = undo_path(record);
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        diags.error(shown, {}, "nothing to undo: no peerctl write to this record is on file");
        return std::nullopt;
    }
    const OwnFileOnly own{"the undo file is not one peerctl made for you (a link, another owner, or writable by others); "
                          "nothing was undone"};
    // A link is refused here as well as by O_NOFOLLOW, so that it gets the same message.
    if (!S_ISREG(st.st_mode)) {
        diags.error(shown, {}, own.refusal);
        return std::nullopt;
    }
    std::size_t limit = 2 * max_record_bytes + 64;
    std::optional<std::string> text = read_text_file(path, shown, limit, diags, Symlinks::Refuse, &own);
    if (!text) return std::nullopt;
    std::optional<UndoStep> step = decode_undo(*text);
    if (!step) diags.error(shown, {}, "the undo file is damaged; nothing was undone");
    return step;
}

bool undo_record(const Workspace& ws, const std::string& id, Diagnostics& diags) {
    fs::path path = record_path(ws, id);
    std::string shown = display_path(&ws, path);
    struct stat st {};
    bool exists = ::lstat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        diags.error(shown, {}, "the record is not a regular file (a link?); peerctl does not write through links");
        return false;
    }
    if (exists && is_read_only(path)) {
        diags.error(shown, {}, fmt::format("the record is read-only (mode {:04o}); nothing was undone", st.st_mode & 07777));
        return false;
    }
    FileLock lock;
    if (!lock_record(lock, ws, path, id, shown, diags)) return false;
    std::optional<UndoStep> step = load_undo(path, display_path(&ws, undo_path(path)), ws.limits.max_bytes, diags);
    if (!step) return false;
    std::optional<std::string> now;
    if (::lstat(path.c_str(), &st) == 0) {
        now = read_text_file(path, shown, ws.limits.max_bytes * 2, diags, Symlinks::Refuse);
        if (!now) return false;
    }
    if (now != step->after) {
        diags.error(shown, {},
                    "the record changed since peerctl last wrote it (by hand, an editor or another program); "
                    "undo would lose that change, so nothing was undone");
        return false;
    }
    if (step->before) {
        AtomicWriteOptions write;
        write.create_mode = static_cast<mode_t>(file_mode(ws));
        if (auto err = write_file_atomic(path, *step->before, write)) {
            diags.error(shown, {}, err->what);
            return false;
        }
    } else {
        // The write made the record (add): undoing it removes the file, durably.
        if (::unlink(path.c_str()) != 0) {
            diags.error(shown, {}, fmt::format("cannot remove the record: {}; nothing was undone", std::strerror(errno)));
            return false;
        }
        if (int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }
    // Only after the record is back: a failure here leaves an undo file that no longer matches.
    if (auto err = save_undo(path, UndoStep{step->after, step->before}, static_cast<mode_t>(file_mode(ws))))
        diags.warning(shown, {}, fmt::format("the record is back, but cannot keep a copy for redo ({})", err->what));
    return true;
}

} // namespace peerctl
