#include "settings_loader.hpp"

#include "toml_guard.hpp"
#include "toml_reader.hpp"
#include "validation.hpp"

#include <fmt/core.h>

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
    r.warn_unknown();
    return ws;
}

} // namespace peerctl
