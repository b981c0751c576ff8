#pragma once
// Training and CE hours attended on one date, together: more than a day holds is a slip (25 for
// 2.5) or a course logged twice, never a day of learning. `validate` warns about it and `log`
// refuses it without --force.

#include "diagnostics.hpp"
#include "hours.hpp"
#include "record.hpp"

#include <optional>
#include <vector>

namespace peerctl {

inline constexpr Hours hours_in_a_day = Hours::whole(24);

struct OverfullDay {
    Date date;
    Hours total;                    // training and CE on that date, void entries left out
    EntryKind kind = EntryKind::Ce; // the entry, in file order, that takes the date past 24 h
    Position pos;
};

// Each date whose training and CE add up to more than 24 h, by date.
std::vector<OverfullDay> overfull_days(const Record& record);

// "training and CE on 2026-03-02 add up to 25 h, more than a day holds"
std::string describe(const OverfullDay& day);

// A warning at each overfull date's entry, for `validate`.
void warn_overfull_days(const Record& record, Diagnostics& diags);

} // namespace peerctl
