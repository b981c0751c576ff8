#pragma once
// A failed file operation as a value: which file, the errno (0 when the reason is not the
// system's, such as "already exists"), and the reason without the path, so that each caller
// names the file the way its user knows it ("specialists/jdoe.toml: error: ...", "out.ics: ...").

#include <filesystem>
#include <string>

namespace peerctl {

struct IoError {
    std::filesystem::path path;
    int err = 0;
    std::string what;
};

} // namespace peerctl
