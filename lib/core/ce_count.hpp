#pragma once
// What the CE entries of one period count toward a credential's [ce] rules: the total (with the
// per-entry limit and the caps), the entry count and each minimum, the ones over several periods
// (over_months) too; and which entries the credential takes at all (min_entry_hours, providers).
// The rules for the counting are docs/contract.md, "Counting CE".

#include "credential_rules.hpp"
#include "entry_use.hpp"
#include "evaluation.hpp"
#include "record.hpp"

namespace peerctl {

// What the entries dated `start` to `end` count toward `rule` (before carry-over). `issued`: the
// certification's date, which says whether a minimum over several periods is judged yet.
CeProgress count_ce(const Record& rec, const CeRule& rule, Date start, Date end, Date issued, Date as_of, UseLog& log);

} // namespace peerctl
