// write_file_atomic: success is no error; a refusal is an IoError naming the file it was given,
// with the reason apart from the path, and the file left as it was.

#include "atomic_file.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace peerctl;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string tmpl = (fs::temp_directory_path() / "peerctl-atomic-XXXXXX").string();
        REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
        path = tmpl;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("write_file_atomic: nothing on success, the content in place") {
    TempDir dir;
    fs::path f = dir.path / "out.txt";
    CHECK_FALSE(write_file_atomic(f, "one\n").has_value());
    CHECK(slurp(f) == "one\n");
    CHECK_FALSE(write_file_atomic(f, "two\n").has_value());
    CHECK(slurp(f) == "two\n");
}

TEST_CASE("write_file_atomic: an error carries the path given, the errno and the reason alone") {
    TempDir dir;
    fs::path f = dir.path / "out.txt";
    REQUIRE_FALSE(write_file_atomic(f, "kept\n").has_value());

    AtomicWriteOptions create;
    create.must_not_exist = true;
    auto exists = write_file_atomic(f, "new\n", create);
    REQUIRE(exists.has_value());
    CHECK(exists->path == f);
    CHECK(exists->err == EEXIST);
    CHECK(exists->what == "already exists");
    CHECK(slurp(f) == "kept\n");

    fs::path link = dir.path / "link.txt";
    fs::create_symlink(f, link);
    auto through = write_file_atomic(link, "new\n");
    REQUIRE(through.has_value());
    CHECK(through->path == link);
    CHECK(through->what == "refusing to write through a symbolic link");
    CHECK(slurp(f) == "kept\n");

    fs::permissions(f, fs::perms::owner_read);
    auto read_only = write_file_atomic(f, "new\n");
    REQUIRE(read_only.has_value());
    CHECK(read_only->path == f);
    CHECK(read_only->what == "the file is read-only (mode 0400); the file is unchanged");
    CHECK(slurp(f) == "kept\n");

    fs::path nowhere = dir.path / "missing" / "out.txt";
    auto missing = write_file_atomic(nowhere, "x");
    REQUIRE(missing.has_value());
    CHECK(missing->path == nowhere);
    CHECK(missing->err == ENOENT);
    CHECK(missing->what == "its directory does not exist (" + std::string(std::strerror(ENOENT)) + "); nothing was created");
    CHECK(missing->what.find(nowhere.string()) == std::string::npos);
}
