// UniqueFd: the descriptor is closed exactly once, by whoever owns it last.

#include "unique_fd.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <fcntl.h>
#include <utility>

using namespace peerctl;

namespace {
bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1; }
} // namespace

TEST_CASE("UniqueFd closes in its destructor, and not after release()") {
    int raw = -1;
    {
        UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        REQUIRE(fd);
        raw = fd.get();
        CHECK(is_open(raw));
    }
    CHECK_FALSE(is_open(raw));

    int kept = -1;
    {
        UniqueFd fd(::open("/dev/null", O_RDONLY | O_CLOEXEC));
        kept = fd.release();
        CHECK_FALSE(fd);
    }
    CHECK(is_open(kept));
    ::close(kept);
}

TEST_CASE("UniqueFd moves ownership, and close() reports and forgets") {
    UniqueFd a(::open("/dev/null", O_RDONLY | O_CLOEXEC));
    int raw = a.get();
    UniqueFd b(std::move(a));
    CHECK_FALSE(a); // NOLINT(bugprone-use-after-move): the moved-from state is what is tested
    CHECK(b.get() == raw);
    UniqueFd c;
    c = std::move(b);
    CHECK(is_open(raw));
    CHECK(c.close() == 0);
    CHECK_FALSE(c);
    CHECK_FALSE(is_open(raw));
    CHECK(c.close() == 0); // nothing held: nothing closed twice
    CHECK(UniqueFd(-1).get() == -1);
}
