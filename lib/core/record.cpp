#include "record.hpp"

#include <cstddef>
#include <iterator>

namespace peerctl {

namespace {

constexpr std::string_view exam_results[] = {"passed", "failed", "scheduled"};
constexpr std::string_view experience_kinds[] = {"work", "volunteer", "supervision"};
constexpr std::string_view deliveries[] = {"in-person", "live-online", "self-study"};
// Each enum's values are 0, 1, 2, ... in the order of these words; a value added needs its word.
static_assert(std::size(exam_results) == static_cast<std::size_t>(ExamResult::Scheduled) + 1);
static_assert(std::size(experience_kinds) == static_cast<std::size_t>(ExperienceKind::Supervision) + 1);
static_assert(std::size(deliveries) == static_cast<std::size_t>(Delivery::SelfStudy) + 1);

template <class Enum>
std::string name_of(std::span<const std::string_view> names, Enum value) {
    auto i = static_cast<std::size_t>(value);
    return i < names.size() ? std::string(names[i]) : std::string();
}

template <class Enum>
std::optional<Enum> parse_name(std::span<const std::string_view> names, std::string_view s) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == s) return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace

std::span<const std::string_view> exam_result_names() { return exam_results; }
std::span<const std::string_view> experience_kind_names() { return experience_kinds; }
std::span<const std::string_view> delivery_names() { return deliveries; }

std::string to_string(ExamResult r) { return name_of(exam_results, r); }
std::string to_string(ExperienceKind k) { return name_of(experience_kinds, k); }
std::string to_string(Delivery d) { return name_of(deliveries, d); }

std::optional<ExperienceKind> parse_experience_kind(std::string_view s) {
    return parse_name<ExperienceKind>(experience_kinds, s);
}
std::optional<Delivery> parse_delivery(std::string_view s) { return parse_name<Delivery>(deliveries, s); }
std::optional<ExamResult> parse_exam_result(std::string_view s) { return parse_name<ExamResult>(exam_results, s); }

const HeldCredential* Record::credential(std::string_view id_) const {
    for (const auto& c : credentials)
        if (c.id == id_) return &c;
    return nullptr;
}

} // namespace peerctl
