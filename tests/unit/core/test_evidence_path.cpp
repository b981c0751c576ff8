// Tests for lib/core/evidence_path.cpp: evidence paths, as written, stay inside the workspace.

#include "evidence_path.hpp"

#include "test_support.hpp"

#include <string>

using namespace peerctl;

TEST_CASE("evidence_path_problem") {
    SUBCASE("relative paths inside the workspace are fine") {
        for (const char* p : {"evidence/jdoe/2026-03-02.pdf", "cert.pdf", "evidence/../cert.pdf", "./a/b", "a/b/.."}) {
            CAPTURE(p);
            CHECK(evidence_path_problem(p).empty());
        }
    }
    SUBCASE("absolute paths are refused") {
        for (const char* p : {"/etc/shadow", "/", "//srv/x"}) {
            CAPTURE(p);
            CHECK(evidence_path_problem(p) == "it is an absolute path");
        }
    }
    SUBCASE("climbing out with .. is refused, wherever it happens") {
        for (const char* p : {"..", "../x", "../../x", "a/../../x", "evidence/../../etc/shadow", "./.."}) {
            CAPTURE(p);
            CHECK(evidence_path_problem(p) == "'..' leads out of the workspace");
        }
    }
    SUBCASE("a NUL is refused: the system would see a shorter path than the one checked") {
        CHECK(evidence_path_problem(std::string("..\0x", 4)) == "it contains a NUL character");
        CHECK(evidence_path_problem(std::string("a\0b", 3)) == "it contains a NUL character");
    }
    SUBCASE("other control characters are names like any other") {
        CHECK(evidence_path_problem("a\nb").empty());
        CHECK(evidence_path_problem("a\x1b[2J.pdf").empty());
    }
}
