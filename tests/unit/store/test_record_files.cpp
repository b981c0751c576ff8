// Tests for lib/record_files.cpp: which names in specialists/ are records.

#include "record_files.hpp"

#include "test_support.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <unistd.h>

using namespace peerctl;
namespace fs = std::filesystem;

TEST_CASE("classify_record_name") {
    SUBCASE("<id>.toml with a valid id is a record") {
        for (const std::string& name :
             std::vector<std::string>{"jdoe.toml", "a.toml", "0.toml", "j_doe-2.toml", std::string(64, 'z') + ".toml"}) {
            CAPTURE(name);
            CHECK(classify_record_name(name) == RecordName::Record);
        }
    }
    SUBCASE("editors' files and hidden files are ignored") {
        for (const std::string& name :
             std::vector<std::string>{".#jdoe.toml", "jdoe.toml~", ".jdoe.toml.swp", "#jdoe.toml#", ".jdoe.lock",
                                      ".jdoe.toml.tmp-12-00ff", ".hidden.toml", ".toml", "~"}) {
            CAPTURE(name);
            CHECK(classify_record_name(name) == RecordName::Ignored);
            CHECK(is_ignored_file_name(name));
        }
    }
    SUBCASE("anything else is stray") {
        for (const std::string& name :
             std::vector<std::string>{"Bad Name.toml", "JDOE.toml", "notes.txt", "jdoe.toml.bak", "jdoe.TOML", "jdoe",
                                      "-jdoe.toml", std::string(65, 'z') + ".toml", "jdoe.toml.orig", "#jdoe.toml"}) {
            CAPTURE(name);
            CHECK(classify_record_name(name) == RecordName::Stray);
            CHECK_FALSE(is_ignored_file_name(name));
        }
    }
}

TEST_CASE("list_record_directory") {
    fs::path dir = fs::temp_directory_path() / ("peerctl-record-files-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"b.toml", "a.toml", "jdoe.toml~", "#a.toml#", ".a.toml.swp", "notes.txt", "Bad Name.toml"})
        std::ofstream(dir / name) << "id = \"x\"\n";
    fs::create_symlink("nowhere", dir / ".#a.toml");
    RecordListing l = list_record_directory(dir);
    CHECK(l.records == std::vector<fs::path>{dir / "a.toml", dir / "b.toml"});
    CHECK(l.strays == std::vector<fs::path>{dir / "Bad Name.toml", dir / "notes.txt"});
    CHECK(stray_reason(dir / "Bad Name.toml").find("not a valid id") != std::string_view::npos);
    CHECK(stray_reason(dir / "notes.txt").find("<id>.toml") != std::string_view::npos);
    fs::remove_all(dir);
    CHECK(list_record_directory(dir).records.empty());
}
