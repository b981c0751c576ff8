#include "entry_use.hpp"

#include "enum_names.hpp"

#include <iterator>

namespace peerctl {

namespace {
constexpr std::string_view reasons[] = {"",
                                        "void",
                                        "after as-of",
                                        "before the current period",
                                        "after the current period",
                                        "not certified yet",
                                        "after certification",
                                        "older than the training window",
                                        "scheduled",
                                        "after the exam was passed",
                                        "over a cap",
                                        "a kind this credential does not count",
                                        "shorter than the minimum entry length",
                                        "not from a provider the credential lists",
                                        "older than the experience window"};
static_assert(std::size(reasons) == static_cast<std::size_t>(UseReason::ExperienceTooOld) + 1);
} // namespace

std::span<const std::string_view> use_reason_names() { return reasons; }
std::string to_string(UseReason r) { return enum_name(reasons, r); }

void UseLog::mark(EntryKind kind, std::size_t index, UseReason reason, std::optional<Hours> limit) {
    if (!out_) return;
    for (auto& u : *out_)
        if (u.kind == kind && u.index == index) {
            if (reason == UseReason::Counts) u = {kind, index, reason, std::nullopt};
            return;
        }
    out_->push_back({kind, index, reason, limit});
}

} // namespace peerctl
