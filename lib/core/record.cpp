#include "record.hpp"

#include "enum_names.hpp"

#include <charconv>
#include <cstddef>
#include <iterator>

namespace peerctl {

namespace {

constexpr std::string_view exam_results[] = {"passed", "failed", "scheduled"};
constexpr std::string_view experience_kinds[] = {"work", "volunteer", "supervision"};
constexpr std::string_view deliveries[] = {"in-person", "live-online", "self-study"};
constexpr std::string_view entry_kinds[] = {"training", "exam", "experience", "ce", "renewal"};
constexpr std::string_view employments[] = {"active", "inactive", "left"};
// Each enum's values are 0, 1, 2, ... in the order of these words; a value added needs its word.
static_assert(std::size(exam_results) == static_cast<std::size_t>(ExamResult::Scheduled) + 1);
static_assert(std::size(experience_kinds) == static_cast<std::size_t>(ExperienceKind::Supervision) + 1);
static_assert(std::size(deliveries) == static_cast<std::size_t>(Delivery::SelfStudy) + 1);
static_assert(std::size(entry_kinds) == static_cast<std::size_t>(EntryKind::Renewal) + 1);
static_assert(std::size(employments) == static_cast<std::size_t>(Employment::Left) + 1);

} // namespace

std::span<const std::string_view> exam_result_names() { return exam_results; }
std::span<const std::string_view> experience_kind_names() { return experience_kinds; }
std::span<const std::string_view> delivery_names() { return deliveries; }
std::span<const std::string_view> entry_kind_names() { return entry_kinds; }
std::span<const std::string_view> employment_names() { return employments; }

std::string to_string(ExamResult r) { return enum_name(exam_results, r); }
std::string to_string(ExperienceKind k) { return enum_name(experience_kinds, k); }
std::string to_string(Delivery d) { return enum_name(deliveries, d); }
std::string to_string(EntryKind k) { return enum_name(entry_kinds, k); }
std::string to_string(Employment e) { return enum_name(employments, e); }

std::optional<ExperienceKind> parse_experience_kind(std::string_view s) {
    return parse_enum<ExperienceKind>(experience_kinds, s);
}
std::optional<Delivery> parse_delivery(std::string_view s) { return parse_enum<Delivery>(deliveries, s); }
std::optional<ExamResult> parse_exam_result(std::string_view s) { return parse_enum<ExamResult>(exam_results, s); }
std::optional<EntryKind> parse_entry_kind(std::string_view s) { return parse_enum<EntryKind>(entry_kinds, s); }
std::optional<Employment> parse_employment(std::string_view s) { return parse_enum<Employment>(employments, s); }

std::string entry_ref(EntryKind kind, std::size_t number) { return to_string(kind) + ":" + std::to_string(number); }

std::optional<std::pair<EntryKind, std::size_t>> parse_entry_ref(std::string_view ref) {
    std::size_t colon = ref.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto kind = parse_entry_kind(ref.substr(0, colon));
    std::string_view digits = ref.substr(colon + 1);
    std::size_t n = 0;
    if (!kind || digits.empty() || digits.front() == '0') return std::nullopt;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
    return std::make_pair(*kind, n);
}

const HeldCredential* Record::credential(std::string_view id_) const {
    for (const auto& c : credentials)
        if (c.id == id_) return &c;
    return nullptr;
}

} // namespace peerctl
