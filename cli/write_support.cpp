#include "write_support.hpp"

#include "git_commit.hpp"
#include "toml_text.hpp"
#include "validation.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

std::string standing(const SpecialistStatus& s) {
    std::string out;
    for (const auto& cs : s.credentials) {
        std::string part = cs.rule->id + ": ";
        if (cs.certification && cs.ce) {
            part += fmt::format("CE {}/{} h", cs.ce->counted.str(), cs.ce->required.str());
            for (const auto& r : cs.ce->requirements) {
                if (r.kind == MinimumKind::TopicHours)
                    part += fmt::format(", {} {}/{} h", r.topic, r.counted.str(), r.required.str());
                else if (r.kind == MinimumKind::TopicEntries)
                    part += fmt::format(", {} {}/{} entries", r.topic, r.entries_counted, r.entries_required);
                else part += fmt::format(", from {} {}/{} h", r.providers.front(), r.counted.str(), r.required.str());
            }
            // A credential with CE rules expires (anchor = "none" has none).
            int d = cs.certification->days_left.value_or(0);
            if (cs.state == State::Late)
                part += fmt::format(", late (submit by {} passed)", to_string(*cs.certification->submit_by));
            part += d >= 0 ? fmt::format(", {} day{} left", d, d == 1 ? "" : "s")
                           : fmt::format(", {} ({} days after expiry)", to_string(cs.state), -d);
        } else if (cs.certification) {
            const auto& expires = cs.certification->expires;
            part += expires ? fmt::format("{}, expires {}", to_string(cs.state), to_string(*expires))
                            : fmt::format("{}, does not expire", to_string(cs.state));
        } else {
            part += to_string(cs.state);
            if (cs.training) part += fmt::format(", training {}/{} h", cs.training->completed.str(), cs.training->required.str());
            if (cs.exam && cs.exam->required) part += cs.exam->passed ? ", exam passed" : ", exam not passed";
        }
        out += (out.empty() ? "" : "; ") + part;
    }
    return out;
}

std::optional<Record> load_one_record(Context& ctx, const std::string& id) {
    const Workspace& ws = *ctx.workspace();
    std::filesystem::path file = record_path(ws, id);
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(file, ec))) {
        ctx.diags().error(display_path(&ws, file), {}, fmt::format("no record for '{}'", id));
        return std::nullopt;
    }
    std::optional<Record> out;
    VisitSummary summary = visit_records({file}, &ws, ctx.credentials(), 1, [&](std::size_t, const Record& r) { out = r; });
    ctx.diags().append(summary.diags);
    return out;
}

void require_utf8(const std::string& option, const std::string& value) {
    if (!is_valid_utf8(value)) throw UsageError{option + " is not valid UTF-8 text"};
}

void commit_write(Context& ctx, const std::vector<std::filesystem::path>& files, const std::string& message) {
    if (auto complaint = commit_files(*ctx.workspace(), files, message))
        print_error("warning: the write is done but git did not commit it: " + *complaint);
}

} // namespace peerctl::cli
