#pragma once
// A copy of a record for a person to edit (`peerctl edit`): in a directory of its own, made by
// mkdtemp (0700), as a file made exclusively with mode 0600, so that no one else can read the
// record through it or swap it for a link while the editor has it. Both go when the copy does,
// with whatever the editor left beside the file (swap and backup files).

#include "io_error.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

class PrivateCopy {
public:
    PrivateCopy() = default;
    PrivateCopy(const PrivateCopy&) = delete;
    PrivateCopy& operator=(const PrivateCopy&) = delete;
    ~PrivateCopy();

    // Makes `<base>/peerctl-edit-XXXXXX/<file_name>` holding `content`; nothing on success.
    [[nodiscard]] std::optional<IoError> create(const std::filesystem::path& base, const std::string& file_name,
                                                std::string_view content);
    const std::filesystem::path& path() const { return file_; }

private:
    std::filesystem::path dir_;
    std::filesystem::path file_;
};

} // namespace peerctl
