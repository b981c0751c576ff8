#pragma once
// What a period needs besides CE hours (the credential's [renewal] table): experience hours dated
// within the period, and entries in each of its quarters. The types live in evaluation.hpp with
// the rest of a status; evaluation.cpp calls these once per certified period.

#include "credential_rules.hpp"
#include "entry_use.hpp"
#include "evaluation.hpp"
#include "record.hpp"

#include <vector>

namespace peerctl {

struct QuarterSpan {
    Date start;
    Date end;
};

// The quarters of the period start..expires: each starts at start + 3k months (calendar
// arithmetic from the period's start, never from the quarter before, so a clamped month end does
// not drift), ends the day before the next starts, and the last ends at `expires`.
std::vector<QuarterSpan> quarters_of(Date start, Date expires);

RenewalProgress count_renewal(const Record& rec, const RenewalRule& rule, Date start, Date expires, Date as_of, UseLog& log);

} // namespace peerctl
