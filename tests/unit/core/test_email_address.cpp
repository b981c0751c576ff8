// Tests for lib/core/email_address.cpp: addresses strict enough to stand in a header as they are.

#include "email_address.hpp"

#include <doctest/doctest.h>

using namespace peerctl;

TEST_CASE("is_valid_email") {
    for (const char* good : {"jdoe@example.org", "j.doe+peer@mail.example.org", "o'brien@example.co.uk", "x@a-b.example"})
        CHECK_MESSAGE(is_valid_email(good), good);
    for (const char* bad : {"", "jdoe", "@example.org", "jdoe@", "jdoe@localhost", "jdoe@@example.org", "j doe@example.org",
                            ".jdoe@example.org", "jdoe.@example.org", "j..doe@example.org", "jdoe@-x.org", "jdoe@x-.org",
                            "jdoe@x..org", "jdoe@example.org\n", "jdoe@example.org,b@example.org", "<jdoe@example.org>",
                            "\"j doe\"@example.org", "jösé@example.org", "jdoe@[192.0.2.1]"})
        CHECK_MESSAGE(!is_valid_email(bad), bad);
}

TEST_CASE("parse_mailbox") {
    auto box = parse_mailbox("  Peer Sérvices <training@example.org> ");
    REQUIRE(box);
    CHECK(box->display == "Peer Sérvices");
    CHECK(box->address == "training@example.org");
    box = parse_mailbox("training@example.org");
    REQUIRE(box);
    CHECK(box->display.empty());
    for (const char* bad : {"training", "Peer <training@example.org", "\"Peer\" <t@example.org>", "A\nBcc: x <t@example.org>",
                            "a@example.org, b@example.org", "Peer <a@example.org> x"})
        CHECK_MESSAGE(!parse_mailbox(bad), bad);
}
