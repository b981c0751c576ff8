// Tests for lib/core/record.cpp: the words each enum is spelled with, one list for printing, parsing
// and completion alike.

#include "evaluation.hpp"
#include "record.hpp"

#include "test_support.hpp"

#include <cstddef>
#include <string>
#include <vector>

using namespace peerctl;

namespace {

template <class Enum, class Parse>
void check_round_trip(std::span<const std::string_view> names, Parse parse) {
    REQUIRE_FALSE(names.empty());
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto value = static_cast<Enum>(i);
        CHECK(to_string(value) == names[i]);
        auto parsed = parse(names[i]);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == value);
    }
    CHECK_FALSE(parse("").has_value());
    CHECK_FALSE(parse(std::string(names[0]) + " ").has_value());
}

std::vector<std::string> words(std::span<const std::string_view> names) { return {names.begin(), names.end()}; }

} // namespace

TEST_CASE("Each enum's names are what records spell") {
    CHECK(words(exam_result_names()) == std::vector<std::string>{"passed", "failed", "scheduled"});
    CHECK(words(experience_kind_names()) == std::vector<std::string>{"work", "volunteer", "supervision"});
    CHECK(words(delivery_names()) == std::vector<std::string>{"in-person", "live-online", "self-study"});
    CHECK(words(entry_kind_names()) == std::vector<std::string>{"training", "exam", "experience", "ce", "renewal"});
    CHECK(words(state_names()) == std::vector<std::string>{"in-training", "eligible", "active", "late", "grace", "lapsed"});
}

TEST_CASE("to_string and parse read the same names") {
    check_round_trip<ExamResult>(exam_result_names(), parse_exam_result);
    check_round_trip<ExperienceKind>(experience_kind_names(), parse_experience_kind);
    check_round_trip<Delivery>(delivery_names(), parse_delivery);
    check_round_trip<EntryKind>(entry_kind_names(), parse_entry_kind);
    check_round_trip<State>(state_names(), parse_state);
}

TEST_CASE("Parsing is exact") {
    CHECK_FALSE(parse_exam_result("Passed").has_value());
    CHECK_FALSE(parse_experience_kind("volunteering").has_value());
    CHECK_FALSE(parse_delivery("in person").has_value());
}

TEST_CASE("parse_entry_ref") {
    auto ref = parse_entry_ref("ce:3");
    REQUIRE(ref);
    CHECK(ref->first == EntryKind::Ce);
    CHECK(ref->second == 3);
    CHECK(parse_entry_ref("renewal:12")->second == 12);
    for (const char* bad : {"ce", "ce:", "ce:0", "ce:03", "ce:-1", "ce:1x", "course:1", ":1", "CE:1", "ce:99999999999999999999"})
        CHECK_MESSAGE(!parse_entry_ref(bad), bad);
    CHECK(entry_ref(EntryKind::Experience, 2) == "experience:2");
}
