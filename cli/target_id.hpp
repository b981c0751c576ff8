#pragma once
// The specialist a command is about: the ID given, else `me` from the user config. One rule for
// every command that takes an optional ID (log, certify, report transcript), so each says the same
// when `me` is missing or names no record.

#include "context.hpp"

#include <optional>
#include <string>

namespace peerctl::cli {

struct TargetId {
    std::string id;
    bool from_me = false; // chosen by the user config, not typed
};

// The id given (even an empty one, which is refused), else `me` from the user config; throws
// UsageError when neither or when the id is not valid.
TargetId target_id(const Context& ctx, const std::optional<std::string>& given);

// "no record for 'ghost'", and where `me` chose it, the user config's path and what to do instead
// (`everyone_option`, such as "--all", where the command has one).
std::string no_record_message(const Context& ctx, const TargetId& target, std::string_view everyone_option = {});

// Whether the open workspace has no record for `target`; if so, says so in ctx.diags() with
// no_record_message, named by the record's path.
bool record_missing(Context& ctx, const TargetId& target, std::string_view everyone_option = {});

} // namespace peerctl::cli
