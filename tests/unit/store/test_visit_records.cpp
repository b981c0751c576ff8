// visit_records: whatever goes wrong on a loading thread comes back to the caller as an exception
// on its own thread (never std::terminate), and any -j visits every file once.

#include "workspace.hpp"

#include "test_support.hpp"

#include <atomic>
#include <stdexcept>
#include <vector>

using namespace peerctl;
using namespace peerctl::test;

namespace {

struct Example {
    Workspace ws;
    CredentialSet credentials;
    std::vector<std::filesystem::path> files;
};

Example example() {
    Diagnostics diags;
    std::filesystem::path data = PEERCTL_SOURCE_DATA_DIR;
    auto ws = load_workspace(data / "example", diags);
    REQUIRE_MESSAGE(ws, dump(diags));
    Example out{*ws, load_credentials(data / "credentials", &*ws, diags), record_files(*ws)};
    REQUIRE_MESSAGE(!diags.has_errors(), dump(diags));
    REQUIRE(out.files.size() >= 4);
    return out;
}

} // namespace

TEST_CASE("visit_records: an exception on a worker reaches the caller") {
    Example ex = example();
    for (unsigned jobs : {1u, 2u, 4u, 100000u}) {
        CAPTURE(jobs);
        std::atomic<int> calls{0};
        CHECK_THROWS_WITH_AS(visit_records(ex.files, &ex.ws, ex.credentials, jobs,
                                           [&](std::size_t i, const Record&) {
                                               ++calls;
                                               if (i == 2) throw std::runtime_error("worker failed");
                                           }),
                             "worker failed", std::runtime_error);
        CHECK(calls >= 1);
    }
}

TEST_CASE("visit_records: every file once, whatever -j") {
    Example ex = example();
    for (unsigned jobs : {0u, 1u, 3u, 256u, 100000u}) {
        CAPTURE(jobs);
        std::vector<std::atomic<int>> seen(ex.files.size());
        VisitSummary summary =
            visit_records(ex.files, &ex.ws, ex.credentials, jobs, [&](std::size_t i, const Record&) { ++seen.at(i); });
        CHECK(summary.loaded == ex.files.size());
        for (const auto& n : seen)
            CHECK(n == 1);
    }
}
