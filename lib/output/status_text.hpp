#pragma once
// The text `status`: a short progress page per specialist — what is done, what is left, the
// deadline and days left, in aligned lines.

#include "evaluation.hpp"
#include "terminal_text.hpp"

#include <string>
#include <vector>

namespace peerctl {

std::string status_text(const SpecialistStatus& s, Date as_of, const Style& style);
// What is still missing for renewal, in words: "ethics 3 h, 14.5 h total".
std::string missing_in_words(const CredentialStatus& cs);
// The same, one part each: {"ethics 3 h", "14.5 h total"}.
std::vector<std::string> missing_parts(const CredentialStatus& cs);
// Days to a deadline in words: "12 days left", "1 day left", "0 days left"; once past, "overdue 3 days".
std::string days_left_in_words(int days_left);

} // namespace peerctl
