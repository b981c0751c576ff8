#pragma once
// `log ce --evidence FILE` with a file outside the workspace: the certificate is copied in, to
// `evidence/<id>/`, so that the record never names a file elsewhere (docs/contract.md, "Record keys
// for teams"). The directories peerctl makes are 0700 and the copy 0600, whatever the umask; an
// existing `evidence/` or `evidence/<id>/` that is a symbolic link is refused, never followed, and
// a name already taken gets "-2", "-3"... rather than replacing anything.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace peerctl {

struct EvidenceCopy {
    std::string relative; // "evidence/jdoe/certificate.pdf", as the record names it
    std::string sha256;
    std::filesystem::path file;                   // the copy, to remove should the record not be written
    std::vector<std::filesystem::path> made_dirs; // the directories made for it, innermost first
};

// Copies the regular file `source` into `<root>/evidence/<id>/`, durably (the file and its
// directory fsync'd). nullopt with the reason in `error` (never naming the file: it may say whose
// certificate it is) when it cannot.
std::optional<EvidenceCopy> copy_evidence(const std::filesystem::path& root, const std::string& id,
                                          const std::filesystem::path& source, std::string& error);

// Removes what copy_evidence made, for a write that then failed or was refused.
void remove_evidence_copy(const EvidenceCopy& copy);

} // namespace peerctl
