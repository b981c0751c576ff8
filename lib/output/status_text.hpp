#pragma once
// The text `status`: a short progress page per specialist — what is done, what is left, the
// deadline and days left, in aligned lines.

#include "evaluation.hpp"
#include "terminal_text.hpp"

#include <string>
#include <vector>

namespace peerctl {

std::string status_text(const SpecialistStatus& s, Date as_of, const Style& style);
// What is still missing for renewal, in words: "no co-supervision 2025-04-15 to 2025-07-14,
// ethics 3 h, 14.5 h total": the period's [renewal] requirements, then its CE.
std::string missing_in_words(const CredentialStatus& cs);
// The [renewal] part alone: quarters missing or still to do, hours still needed in the period.
std::string period_missing_in_words(const CredentialStatus& cs);
std::vector<std::string> period_missing_parts(const CredentialStatus& cs);
// The CE part alone: "ethics 3 h, 14.5 h total", or one part each: {"ethics 3 h", "14.5 h total"}.
std::string ce_missing_in_words(const CredentialStatus& cs);
std::vector<std::string> ce_missing_parts(const CredentialStatus& cs);
// "a, b" of two parts of the words above, either of which may be empty.
std::string join_missing(const std::string& first, const std::string& second);
// Why the level held stops renewal, or nothing: "level initial renewed 1 of 1 times: move up to
// full by 2027-01-10", "level provisional is not renewable: move up to full by 2026-04-01".
std::string level_limit_in_words(const CredentialStatus& cs);
// A minimum's span in words: "6 years" for 72 months, "1 year", "30 months".
std::string months_in_words(int months);
// Days to a deadline in words: "12 days left", "1 day left", "0 days left"; once past, "overdue 3 days".
std::string days_left_in_words(int days_left);

} // namespace peerctl
