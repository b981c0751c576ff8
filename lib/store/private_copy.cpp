#include "private_copy.hpp"

#include "unique_fd.hpp"
#include "write_all.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

PrivateCopy::~PrivateCopy() {
    // The directory is ours alone (0700, made by mkdtemp): everything in it is the editor's or
    // ours, and remove_all removes links without following them.
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
}

std::optional<IoError> PrivateCopy::create(const fs::path& base, const std::string& file_name, std::string_view content) {
    std::string pattern = (base / "peerctl-edit-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        return IoError{base, errno, std::string("cannot make a private directory for the copy: ") + std::strerror(errno)};
    dir_ = pattern;
    file_ = dir_ / file_name;
    UniqueFd fd(::open(file_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    auto fail = [&](int err) { return IoError{file_, err, std::string("cannot write the copy: ") + std::strerror(err)}; };
    if (!fd) return fail(errno);
    // Whatever the umask: the editor's user, and only that user, reads and writes it.
    if (::fchmod(fd.get(), 0600) != 0) return fail(errno);
    int err = 0;
    if (!write_all(fd.get(), content, err)) return fail(err);
    if (fd.close() != 0) return fail(errno);
    return std::nullopt;
}

} // namespace peerctl
