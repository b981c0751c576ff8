#include "file_reader.hpp"

#include "unique_fd.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace peerctl {

std::optional<std::string> read_text_file(const std::filesystem::path& path, const std::string& shown, std::size_t max_bytes,
                                          Diagnostics& diags, Symlinks symlinks, const OwnFileOnly* own_only) {
    // O_NONBLOCK so that opening a FIFO returns at once instead of waiting for a writer.
    int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (symlinks == Symlinks::Refuse ? O_NOFOLLOW : 0);
    UniqueFd f(::open(path.c_str(), flags));
    if (!f) {
        int err = errno;
        struct stat st {};
        if (symlinks == Symlinks::Refuse && err == ELOOP && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            diags.error(shown, {}, "the file is a symbolic link: peerctl reads records only from regular files");
        else if (err == ENOENT && ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
            diags.error(shown, {}, "cannot read the file: it is a symbolic link to nothing");
        else diags.error(shown, {}, fmt::format("cannot read the file: {}", std::strerror(err)));
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(f.get(), &st) != 0) {
        diags.error(shown, {}, fmt::format("cannot read the file: {}", std::strerror(errno)));
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        diags.error(shown, {}, "expected a file, found a directory");
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        diags.error(shown, {}, "expected a regular file (found a FIFO, device or socket)");
        return std::nullopt;
    }
    if (own_only && ((st.st_uid != ::geteuid() && st.st_uid != 0) || (st.st_mode & 022) != 0)) {
        diags.error(shown, {}, own_only->refusal);
        return std::nullopt;
    }
    if (static_cast<std::size_t>(st.st_size) > max_bytes) {
        diags.error(shown, {},
                    fmt::format("the file is larger than the limit of {} bytes (max_file_size in peerctl.toml)", max_bytes));
        return std::nullopt;
    }
    std::string text;
    text.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (true) {
        if (got == text.size()) text.resize(got + 4096); // the file may have grown since fstat
        ssize_t n = ::read(f.get(), text.data() + got, text.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            diags.error(shown, {}, fmt::format("cannot read the file: {}", std::strerror(errno)));
            return std::nullopt;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
        if (got > max_bytes) {
            diags.error(shown, {},
                        fmt::format("the file is larger than the limit of {} bytes (max_file_size in peerctl.toml)", max_bytes));
            return std::nullopt;
        }
    }
    text.resize(got);
    return text;
}

} // namespace peerctl
