#include "settings_loader.hpp"

#include "email_address.hpp"
#include "toml_guard.hpp"
#include "toml_reader.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

UserConfigValues parse_user_config(std::string_view text, const std::string& shown, Diagnostics& diags) {
    UserConfigValues out;
    if (!prescan_toml(text, shown, GuardLimits{}, diags)) return out;
    auto table = parse_toml(text, shown, diags);
    if (!table) return out;
    TableReader r(*table, shown, diags, "the user config");
    out.workspace = r.string("workspace");
    out.me = r.string("me");
    r.warn_unknown();
    return out;
}

namespace {

// The words of a command run without a shell: split at spaces and tabs, nothing else read. What a
// shell would make of quotes, variables, globs or redirections cannot happen, so they are refused
// rather than passed on as literal words.
std::optional<std::vector<std::string>> command_words(std::string_view command) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < command.size()) {
        if (command[i] == ' ' || command[i] == '\t') {
            ++i;
            continue;
        }
        std::size_t end = command.find_first_of(" \t", i);
        if (end == std::string_view::npos) end = command.size();
        words.emplace_back(command.substr(i, end - i));
        i = end;
    }
    for (const auto& w : words)
        for (char c : w)
            if (static_cast<unsigned char>(c) < 0x20 ||
                std::string_view("'\"\\$`|;&<>()*?[]{}~#").find(c) != std::string_view::npos)
                return std::nullopt;
    if (words.empty() || words.front().front() != '/') return std::nullopt;
    return words;
}

RemindSettings remind_settings(TableReader& root, const std::string& shown, Diagnostics& diags) {
    RemindSettings out;
    const toml::table* table = root.table("remind");
    if (!table) return out;
    TableReader r(*table, shown, diags, "[remind]");
    for (auto [days, at] : r.integers_at("days", 1, 3650)) {
        if (std::find(out.days.begin(), out.days.end(), days) != out.days.end())
            diags.error(shown, at, fmt::format("'days' holds {} twice", days));
        else out.days.push_back(static_cast<int>(days));
    }
    std::sort(out.days.rbegin(), out.days.rend());
    if (auto from = r.string("from")) {
        if (parse_mailbox(*from)) out.from = std::move(*from);
        else
            diags.error(shown, r.pos("from"),
                        "'from' must be an address, or a name and an address: \"Peer Services <training@example.org>\"");
    }
    if (auto command = r.string("command")) {
        if (auto words = command_words(*command)) {
            out.command = std::move(*command);
            out.argv = std::move(*words);
        } else {
            diags.error(shown, r.pos("command"),
                        "'command' is run without a shell: an absolute path and its arguments separated by spaces, "
                        "without quotes or any of $ ` | ; & < > ( ) * ? [ ] { } ~ # \\ (\"/usr/sbin/sendmail -t -i\")");
        }
    }
    r.warn_unknown();
    return out;
}

// [git]: whether every write commits what it changed (git_commit.hpp).
bool git_commit_setting(TableReader& root, const std::string& shown, Diagnostics& diags) {
    const toml::table* table = root.table("git");
    if (!table) return false;
    TableReader r(*table, shown, diags, "[git]");
    bool commit = r.boolean("commit").value_or(false);
    r.warn_unknown();
    return commit;
}

} // namespace

WorkspaceSettings parse_workspace_settings(std::string_view text, const std::string& shown, Diagnostics& diags) {
    WorkspaceSettings ws;
    if (!prescan_toml(text, shown, GuardLimits{}, diags)) return ws;
    auto table = parse_toml(text, shown, diags);
    if (!table) return ws;
    TableReader r(*table, shown, diags, "peerctl.toml");
    ws.name = r.string("name").value_or("");
    ws.group_readable = r.boolean("group").value_or(false);
    ws.warn_days = static_cast<int>(r.integer("warn_days", 0, 3650).value_or(60));
    ws.crit_days = static_cast<int>(r.integer("crit_days", 0, 3650).value_or(14));
    if (auto m = r.integer("max_file_size", 1024, 1024LL * 1024 * 1024)) ws.max_bytes = static_cast<std::size_t>(*m);
    for (auto& [topic, at] : r.strings_at("topics")) {
        if (is_valid_id(topic)) ws.topics.push_back(std::move(topic));
        else diags.error(shown, at, fmt::format("topic ids must match {}", id_pattern));
    }
    ws.timezone = r.string("timezone");
    ws.timezone_at = r.pos("timezone");
    ws.remind = remind_settings(r, shown, diags);
    ws.git_commit = git_commit_setting(r, shown, diags);
    r.warn_unknown();
    return ws;
}

} // namespace peerctl
