#pragma once
// What the writing commands share: the line that says what was recorded
// and where the specialist now stands.

#include "context.hpp"
#include "evaluation.hpp"

#include <optional>
#include <string>

namespace peerctl::cli {

// "ct-rss: CE 42.5/60 h, ethics 3/6 h, 129 days left"
std::string standing(const SpecialistStatus& s);
// Specialist `id`'s record with its source positions, for commands about one record; nullopt
// after reporting in ctx.diags() when it is missing or does not load.
std::optional<Record> load_one_record(Context& ctx, const std::string& id);
// Rejects text that is not valid UTF-8 before it can reach a file.
void require_utf8(const std::string& option, const std::string& value);

} // namespace peerctl::cli
