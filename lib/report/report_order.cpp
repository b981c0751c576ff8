#include "report_order.hpp"

#include "enum_names.hpp"

#include <array>
#include <tuple>

namespace peerctl {

namespace {

constexpr std::array<std::string_view, 5> sort_names = {"deadline", "id", "name", "site", "state"};

bool by_deadline(const RowOrder& a, const RowOrder& b) {
    if (a.deadline != b.deadline) return a.deadline < b.deadline;
    return std::tie(a.id, a.credential) < std::tie(b.id, b.credential);
}

} // namespace

std::vector<std::string> report_sort_words() { return {sort_names.begin(), sort_names.end()}; }

std::string to_string(ReportSort s) { return enum_name(sort_names, s); }

std::optional<ReportSort> parse_report_sort(std::string_view word) { return parse_enum<ReportSort>(sort_names, word); }

std::uint8_t state_rank(std::optional<State> state, bool due) {
    if (!state) return 7;
    switch (*state) {
    case State::Lapsed: return 0;
    case State::Grace: return 1;
    case State::Late: return 2;
    case State::Active: return due ? 3 : 4;
    case State::Eligible: return 5;
    case State::InTraining: return 6;
    }
    return 7;
}

bool ordered_before(ReportSort sort, const RowOrder& a, const RowOrder& b) {
    switch (sort) {
    case ReportSort::Deadline: return by_deadline(a, b);
    case ReportSort::Id: return a.id < b.id;
    case ReportSort::Name: return std::tie(a.text, a.id) < std::tie(b.text, b.id);
    case ReportSort::Site:
        if (a.text.empty() != b.text.empty()) return b.text.empty();
        if (a.text != b.text) return a.text < b.text;
        return by_deadline(a, b);
    case ReportSort::State:
        if (a.rank != b.rank) return a.rank < b.rank;
        return by_deadline(a, b);
    }
    return false;
}

} // namespace peerctl
