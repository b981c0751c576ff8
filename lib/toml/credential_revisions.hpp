#pragma once
// Reads a credential file's [[revision]] tables: the rule tables that replace the credential's own
// from a date (docs/credential-format.md, "Rules through time").

#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "toml_reader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// `credential` must already hold its effective_from, [[source]] tables, [period] and [[level]]
// tables, against which each revision is checked. Every problem is reported at its position.
std::vector<RuleRevision> read_revisions(TableReader& root, const Credential& credential, Diagnostics& diags);

// Under anchor = "none" nothing is renewed: [ce], [renewal] and [[after_expiry]] (named with
// `prefix`, "revision." in a revision) are each an error where they are.
void reject_periodic_tables(TableReader& r, Anchor anchor, std::string_view prefix, const std::string& file, Diagnostics& diags);

} // namespace peerctl
