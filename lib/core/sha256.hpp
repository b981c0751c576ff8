#pragma once
// SHA-256 (FIPS 180-4), for the hash recorded beside a piece of evidence (`evidence_sha256`): an
// auditor's copy of a certificate can be checked against what was logged. Fed in pieces, so that a
// large file is never held whole.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace peerctl {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    // The digest as 64 lowercase hex digits; the object is spent afterwards.
    std::string hex_digest();

private:
    void block(const unsigned char* p);
    std::array<std::uint32_t, 8> h_;
    std::array<unsigned char, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0; // bytes
};

std::string sha256_hex(std::string_view bytes);

// Whether `text` is 64 lowercase hex digits, the form `evidence_sha256` takes.
bool is_sha256_hex(std::string_view text);

} // namespace peerctl
