#include "evidence_files.hpp"

#include "evidence_path.hpp"
#include "sha256.hpp"
#include "unique_fd.hpp"

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

std::optional<std::string> file_sha256(const fs::path& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    Sha256 hash;
    std::array<char, 65536> buffer{};
    for (;;) {
        ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) break;
        hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
    return hash.hex_digest();
}

void evidence_file_warnings(const Record& record, const fs::path& root, Diagnostics& diags) {
    for (const auto& e : record.ce) {
        if (e.voided || e.evidence.empty() || !evidence_path_problem(e.evidence).empty() ||
            !evidence_stays_inside(root, e.evidence))
            continue;
        std::optional<std::string> sha = file_sha256(root / fs::path{std::string(e.evidence)});
        if (!sha) diags.warning(record.file, e.evidence_pos, "the evidence file is not there (or not a regular file)");
        else if (!e.evidence_sha256.empty() && *sha != e.evidence_sha256)
            diags.warning(record.file, e.evidence_sha256_pos,
                          "the evidence file does not match 'evidence_sha256': it changed or was replaced since it was logged");
    }
}

bool evidence_on_file(const fs::path& root, std::string_view path) {
    if (path.empty() || !evidence_path_problem(path).empty() || !evidence_stays_inside(root, path)) return false;
    std::error_code ec;
    return fs::is_regular_file(root / fs::path{std::string(path)}, ec);
}

} // namespace peerctl
