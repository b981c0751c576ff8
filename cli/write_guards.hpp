#pragma once
// Guards that need the evaluation, for the writing commands: each says what is missing, so that
// the refusal reads as advice (and --force records it all the same).

#include "credential_rules.hpp"
#include "dates.hpp"
#include "record.hpp"

#include <optional>
#include <string>

namespace peerctl::cli {

// When `after` adds a renewal whose period's CE, as of the renewal's date, is not met: "the CE of
// ct-rss for the period ending 2027-01-15 is not met on 2027-01-10: missing ethics 3 h, 10 h total".
std::optional<std::string> renewal_ce_refusal(const Record& before, const Record& after, const CredentialSet& credentials);

// When `after` certifies `credential` on `issued` while its initial requirements were not met
// then: "the initial requirements of ct-rss are not met on 2026-04-01: missing training 40 h, exam".
std::optional<std::string> certify_refusal(const Record& after, const std::string& credential, Date issued,
                                           const CredentialSet& credentials);

// For the last [[ce]] entry of `record` (the one just logged), when it counts toward nothing as of
// `as_of`: "it counts toward nothing (ct-rss: before the current period)"; empty when it counts.
std::string uncounted_ce_note(const Record& record, const CredentialSet& credentials, Date as_of);

} // namespace peerctl::cli
