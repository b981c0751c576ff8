#pragma once
// What `init --git` and `git setup` share: configuring a clone for records, and saying what was done.

#include "context.hpp"

#include <filesystem>
#include <string>

namespace peerctl::cli {

// This program's own path, which the clone's merge driver and hook run (git runs them through sh,
// with whatever PATH the user has then).
std::string peerctl_program();

// Configures the clone at `top` for the workspace at `root` (merge driver, pre-commit hook) and
// prints what it did; false after printing why when it could not.
bool configure_clone(Context& ctx, const std::filesystem::path& root, const std::filesystem::path& top);

} // namespace peerctl::cli
