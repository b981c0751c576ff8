#include "record_files.hpp"

#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <string>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

constexpr std::string_view toml_suffix = ".toml";

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

} // namespace

bool is_ignored_file_name(std::string_view name) {
    // Hidden files cover Emacs locks (.#x.toml), Vim swap files (.x.toml.swp), peerctl's own locks
    // and the temporary files of an interrupted write.
    if (name.empty() || name.front() == '.') return true;
    if (name.back() == '~') return true;                                  // backups
    return name.size() >= 2 && name.front() == '#' && name.back() == '#'; // Emacs autosave
}

RecordName classify_record_name(std::string_view name) {
    if (is_ignored_file_name(name)) return RecordName::Ignored;
    if (ends_with(name, toml_suffix) && is_valid_id(name.substr(0, name.size() - toml_suffix.size()))) return RecordName::Record;
    return RecordName::Stray;
}

RecordListing list_record_directory(const fs::path& dir) {
    RecordListing out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        switch (classify_record_name(entry.path().filename().native())) {
        case RecordName::Record: out.records.push_back(entry.path()); break;
        case RecordName::Stray: out.strays.push_back(entry.path()); break;
        case RecordName::Ignored: break;
        }
    }
    // By name: in one directory, the same order as comparing paths, without splitting them.
    auto by_name = [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); };
    std::sort(out.records.begin(), out.records.end(), by_name);
    std::sort(out.strays.begin(), out.strays.end(), by_name);
    return out;
}

std::string_view stray_reason(const fs::path& stray) {
    static const std::string bad_id =
        fmt::format("not read as a record: the name before .toml is not a valid id ({})", id_pattern);
    if (stray.extension() == toml_suffix) return bad_id;
    return "not read: records are named <id>.toml";
}

} // namespace peerctl
