#include "evidence_copy.hpp"

#include "evidence_path.hpp"
#include "sha256.hpp"
#include "unique_fd.hpp"
#include "write_all.hpp"

#include <fmt/core.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

// `name` under `parent`, made 0700 when missing; never through a link.
UniqueFd open_dir(int parent, const std::string& name, const fs::path& path, EvidenceCopy& copy, std::string& error) {
    bool made = ::mkdirat(parent, name.c_str(), 0700) == 0;
    if (!made && errno != EEXIST) {
        error = fmt::format("cannot make {}: {}", name, std::strerror(errno));
        return UniqueFd();
    }
    UniqueFd fd(::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!fd) {
        error = fmt::format("{} is not a directory of the workspace (a symbolic link?); nothing was copied", name);
        return fd;
    }
    if (made) {
        ::fchmod(fd.get(), 0700); // whatever the umask
        copy.made_dirs.insert(copy.made_dirs.begin(), path);
        ::fsync(parent);
    }
    return fd;
}

// "name.pdf", then "name-2.pdf", "name-3.pdf"...
std::string candidate(const fs::path& name, int n) {
    if (n == 1) return name.string();
    return fmt::format("{}-{}{}", name.stem().string(), n, name.extension().string());
}

bool copy_bytes(int from, int to, Sha256& hash, std::string& error) {
    std::array<char, 65536> buffer{};
    for (;;) {
        ssize_t n = ::read(from, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = fmt::format("cannot read the evidence file: {}", std::strerror(errno));
            return false;
        }
        if (n == 0) return true;
        std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
        hash.update(chunk);
        int err = 0;
        if (!write_all(to, chunk, err)) {
            error = fmt::format("cannot write the copy: {}", std::strerror(err));
            return false;
        }
    }
}

} // namespace

std::optional<EvidenceCopy> copy_evidence(const fs::path& root, const std::string& id, const fs::path& source,
                                          std::string& error) {
    EvidenceCopy copy;
    UniqueFd from(::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    struct stat st {};
    if (!from || ::fstat(from.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        error = from ? "the evidence file is not a regular file"
                     : fmt::format("cannot read the evidence file: {}", std::strerror(errno));
        return std::nullopt;
    }
    fs::path name = source.filename();
    if (name.empty() || name.string().front() == '.' || !evidence_path_problem("evidence/" + id + "/" + name.string()).empty()) {
        error = "the evidence file's name cannot name a file of the workspace (it starts with a dot?); rename it first";
        return std::nullopt;
    }
    UniqueFd top(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!top) {
        error = fmt::format("cannot open the workspace: {}", std::strerror(errno));
        return std::nullopt;
    }
    UniqueFd evidence = open_dir(top.get(), "evidence", root / "evidence", copy, error);
    if (!evidence) return std::nullopt;
    UniqueFd dir = open_dir(evidence.get(), id, root / "evidence" / id, copy, error);
    if (!dir) {
        remove_evidence_copy(copy);
        return std::nullopt;
    }
    UniqueFd to;
    std::string chosen;
    for (int n = 1; n < 100 && !to; ++n) {
        chosen = candidate(name, n);
        to = UniqueFd(::openat(dir.get(), chosen.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!to && errno != EEXIST) break;
    }
    if (!to) {
        error = fmt::format("cannot make the copy: {}", std::strerror(errno));
        remove_evidence_copy(copy);
        return std::nullopt;
    }
    copy.file = root / "evidence" / id / chosen;
    Sha256 hash;
    bool ok = ::fchmod(to.get(), 0600) == 0 && copy_bytes(from.get(), to.get(), hash, error);
    if (ok && (::fsync(to.get()) != 0 || to.close() != 0 || ::fsync(dir.get()) != 0)) {
        error = fmt::format("cannot write the copy: {}", std::strerror(errno));
        ok = false;
    }
    if (!ok) {
        if (error.empty()) error = fmt::format("cannot write the copy: {}", std::strerror(errno));
        remove_evidence_copy(copy);
        return std::nullopt;
    }
    copy.relative = "evidence/" + id + "/" + chosen;
    copy.sha256 = hash.hex_digest();
    return copy;
}

void remove_evidence_copy(const EvidenceCopy& copy) {
    std::error_code ec;
    if (!copy.file.empty()) fs::remove(copy.file, ec);
    for (const auto& dir : copy.made_dirs)
        fs::remove(dir, ec); // only while empty
}

} // namespace peerctl
