#include "target_id.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

TargetId target_id(const Context& ctx, const std::optional<std::string>& given) {
    TargetId target{given.value_or(""), !given};
    if (target.from_me) {
        if (!ctx.user_config().me)
            throw UsageError{"no ID given and no 'me' in the user config (" + user_config_path(ctx.env()).string() + ")"};
        target.id = *ctx.user_config().me;
    }
    // Checked before any path is built from it: no "../x", "/etc/passwd", empty id or NUL.
    require_valid_id(target.id);
    return target;
}

std::string no_record_message(const Context& ctx, const TargetId& target, std::string_view everyone_option) {
    std::string message = fmt::format("no record for '{}'", target.id);
    if (!target.from_me) return message + " (create it with 'peerctl add')";
    return message + fmt::format(", named by 'me' in the user config {} (name an ID{}, or correct 'me')",
                                 user_config_path(ctx.env()).string(),
                                 everyone_option.empty() ? "" : fmt::format(", use {} for everyone", everyone_option));
}

bool record_missing(Context& ctx, const TargetId& target, std::string_view everyone_option) {
    const Workspace& ws = *ctx.workspace();
    std::filesystem::path f = record_path(ws, target.id);
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(f, ec))) return false;
    ctx.diags().error(display_path(&ws, f), {}, no_record_message(ctx, target, everyone_option));
    return true;
}

} // namespace peerctl::cli
