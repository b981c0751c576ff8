#include "evidence_files.hpp"

#include "evidence_path.hpp"

#include <string>

namespace fs = std::filesystem;

namespace peerctl {

bool evidence_stays_inside(const fs::path& root, std::string_view path) {
    std::error_code ec;
    fs::path base = fs::canonical(root, ec);
    if (ec) return false;
    // Resolves every link in the part that exists; the rest is only normalised.
    fs::path full = fs::weakly_canonical(base / fs::path{std::string(path)}, ec);
    if (ec) return false;
    fs::path rel = full.lexically_relative(base);
    return !rel.empty() && *rel.begin() != "..";
}

void evidence_link_errors(const Record& record, const fs::path& root, Diagnostics& diags) {
    for (const auto& e : record.ce)
        if (!e.evidence.empty() && evidence_path_problem(e.evidence).empty() && !evidence_stays_inside(root, e.evidence))
            diags.error(record.file, e.evidence_pos, evidence_rule("'evidence'", evidence_link_problem));
}

bool evidence_on_file(const fs::path& root, std::string_view path) {
    if (path.empty() || !evidence_path_problem(path).empty() || !evidence_stays_inside(root, path)) return false;
    std::error_code ec;
    return fs::is_regular_file(root / fs::path{std::string(path)}, ec);
}

} // namespace peerctl
