#include "deadline.hpp"

#include "enum_names.hpp"

#include <iterator>

namespace peerctl {

namespace {
constexpr std::string_view deadline_kinds[] = {"submit-by", "expiry", "grace-end"};
static_assert(std::size(deadline_kinds) == static_cast<std::size_t>(DeadlineKind::GraceEnd) + 1);
} // namespace

std::span<const std::string_view> deadline_kind_names() { return deadline_kinds; }
std::string to_string(DeadlineKind k) { return enum_name(deadline_kinds, k); }

std::optional<Deadline> first_action_date(const Certification& cert, State state) {
    if (!cert.expires) return std::nullopt;
    if (state == State::Grace && cert.grace_until) return Deadline{*cert.grace_until, DeadlineKind::GraceEnd};
    if (state != State::Lapsed && cert.submit_by) return Deadline{*cert.submit_by, DeadlineKind::SubmitBy};
    return Deadline{*cert.expires, DeadlineKind::Expiry};
}

} // namespace peerctl
