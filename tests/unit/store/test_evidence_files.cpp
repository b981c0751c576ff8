// Tests for lib/store/evidence_files.cpp: evidence paths stay inside the workspace, links resolved.

#include "evidence_files.hpp"

#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace peerctl;
namespace fs = std::filesystem;

TEST_CASE("evidence_stays_inside and evidence_on_file") {
    fs::path root = fs::temp_directory_path() / ("peerctl-evidence-" + std::to_string(::getpid()));
    fs::path outside = root.string() + "-outside";
    fs::remove_all(root);
    fs::remove_all(outside);
    fs::create_directories(root / "evidence");
    fs::create_directories(outside);
    std::ofstream(root / "evidence" / "ok.pdf") << "x";
    std::ofstream(outside / "secret") << "x";
    fs::create_symlink(outside, root / "evidence" / "out");
    fs::create_symlink("ok.pdf", root / "evidence" / "alias.pdf");

    CHECK(evidence_stays_inside(root, "evidence/ok.pdf"));
    CHECK(evidence_stays_inside(root, "evidence/not-yet.pdf"));
    CHECK(evidence_stays_inside(root, "evidence/alias.pdf"));
    CHECK_FALSE(evidence_stays_inside(root, "evidence/out/secret"));
    CHECK_FALSE(evidence_stays_inside(root, "evidence/out"));
    CHECK_FALSE(evidence_stays_inside(root, "evidence/out/missing"));
    CHECK_FALSE(evidence_stays_inside(root, "evidence/out/../../x"));
    CHECK_FALSE(evidence_stays_inside(root / "missing-root", "evidence/ok.pdf"));

    CHECK(evidence_on_file(root, "evidence/ok.pdf"));
    CHECK(evidence_on_file(root, "evidence/alias.pdf"));
    CHECK_FALSE(evidence_on_file(root, "evidence/not-yet.pdf"));
    CHECK_FALSE(evidence_on_file(root, "evidence/out/secret"));
    CHECK_FALSE(evidence_on_file(root, (outside / "secret").string()));
    CHECK_FALSE(evidence_on_file(root, "../" + outside.filename().string() + "/secret"));
    CHECK_FALSE(evidence_on_file(root, "evidence"));
    CHECK_FALSE(evidence_on_file(root, ""));

    fs::remove_all(root);
    fs::remove_all(outside);
}
