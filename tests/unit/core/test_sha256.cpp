// Tests for lib/core/sha256.cpp: the examples of FIPS 180-4 (NIST's "SHA256.pdf" example values)
// and the length boundaries of its padding.

#include "sha256.hpp"

#include "test_support.hpp"

#include <string>

using namespace peerctl;

TEST_CASE("SHA-256 of the FIPS 180-4 examples") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrst"
                     "nopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    // One million 'a', fed in uneven pieces: the state carries across update() calls.
    Sha256 h;
    std::string piece(997, 'a');
    std::size_t left = 1'000'000;
    while (left > 0) {
        std::size_t n = std::min(left, piece.size());
        h.update(std::string_view(piece).substr(0, n));
        left -= n;
    }
    CHECK(h.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 across the padding boundaries (55, 56, 63, 64 bytes)") {
    // Values from coreutils' sha256sum.
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(63, 'a')) == "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("is_sha256_hex takes 64 lowercase hex digits only") {
    CHECK(is_sha256_hex(sha256_hex("abc")));
    CHECK_FALSE(is_sha256_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
    CHECK_FALSE(is_sha256_hex(sha256_hex("abc").substr(1)));
    CHECK_FALSE(is_sha256_hex(""));
}
