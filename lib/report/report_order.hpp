#pragma once
// The order of a team report's rows (--sort). Every order ends in the specialist's id, so that
// equal keys never leave the order to chance; rows of one specialist then keep theirs.

#include "dates.hpp"
#include "evaluation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

enum class ReportSort { Deadline, Id, Name, Site, State };
// The words --sort takes, in the enum's order.
std::vector<std::string> report_sort_words();
std::string to_string(ReportSort s);
std::optional<ReportSort> parse_report_sort(std::string_view word);

// What a row is sorted by: views into the row's own text, kept while the rows are sorted.
struct RowOrder {
    Date deadline = last_date; // the first action date; a row with no certification has none and goes last
    std::uint8_t rank = 0;     // state_rank
    std::string_view text;     // the name (Name) or the site (Site); empty otherwise
    std::string_view id;
    std::string_view credential;
};

// Most urgent first: lapsed, grace, late, due, active, eligible, in training, no credential.
std::uint8_t state_rank(std::optional<State> state, bool due);

// deadline: by the first action date, then id and credential. id: by id. name: by name (bytes),
// then id. site: by site (rows with none last), then as deadline. state: by state_rank, then as
// deadline.
bool ordered_before(ReportSort sort, const RowOrder& a, const RowOrder& b);

} // namespace peerctl
