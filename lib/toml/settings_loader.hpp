#pragma once
// The workspace's settings (peerctl.toml) and the user's config (config.toml) from their text.
// Reading the files is store/'s work; this is what their keys mean.

#include "diagnostics.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct UserConfigValues {
    std::optional<std::string> workspace; // as written: relative to the config file's folder
    std::optional<std::string> me;
};

// Problems go to diags; what could be read is returned either way.
UserConfigValues parse_user_config(std::string_view text, const std::string& shown, Diagnostics& diags);

// [remind]: when reminders go out, from whom, and through which program (peerctl remind).
struct RemindSettings {
    std::vector<int> days;         // before a deadline, each once, largest first
    std::string from;              // a mailbox (email_address.hpp), as written
    std::string command;           // as written
    std::vector<std::string> argv; // the command split at spaces: run without a shell
};

struct WorkspaceSettings {
    std::string name;
    bool group_readable = false;
    int warn_days = 60;
    int crit_days = 14;
    std::optional<std::size_t> max_bytes;
    std::vector<std::string> topics; // extra vocabulary of the organisation
    // An IANA name as written; whether the system knows it is store/'s question, asked at its line.
    std::optional<std::string> timezone;
    Position timezone_at;
    RemindSettings remind;
    bool git_commit = false; // [git] commit: every write commits the files it changed
};

// Problems go to diags; defaults stand in for what is missing or wrong.
WorkspaceSettings parse_workspace_settings(std::string_view text, const std::string& shown, Diagnostics& diags);

} // namespace peerctl
