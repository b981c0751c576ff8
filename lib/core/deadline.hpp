#pragma once
// The first action date of a certification: the one date its holder must act by, which team
// reports, `check`, `remind` and the calendar count days to and sort by ("Deadlines" in
// docs/contract.md). Kept here alone so that every command means the same date.

#include "evaluation.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace peerctl {

enum class DeadlineKind { SubmitBy, Expiry, GraceEnd };
// "submit-by", "expiry", "grace-end": the words of `deadline_kind` in JSON, in the enum's order.
std::span<const std::string_view> deadline_kind_names();
std::string to_string(DeadlineKind k);

struct Deadline {
    Date date;
    DeadlineKind kind = DeadlineKind::Expiry;
    bool operator==(const Deadline&) const = default;
};

// The submit-by date where the credential sets one, else the expiry; in grace, the grace end.
// A late certification's is its submit-by date (passed), a lapsed one's its expiry (passed).
// None for a certification that does not expire: it is never due.
std::optional<Deadline> first_action_date(const Certification& cert, State state);

} // namespace peerctl
