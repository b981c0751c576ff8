#pragma once
// Who `remind` writes to on a day, and about what: for each specialist, the credentials whose next
// deadline is one of [remind].days away. Stateless: the days decide, not a record of what was
// sent, so a run repeated on the same day finds the same set, and a run with --since finds what
// each missed day would have.

#include "deadline.hpp"
#include "evaluation.hpp"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace peerctl {

// What a reminder is about: a certification's deadline, or the last day to pass the exam.
struct NextDeadline {
    Date date;
    DeadlineKind kind = DeadlineKind::Expiry; // a certification's (deadline.hpp)
    bool exam = false;                        // the exam's instead
    bool operator==(const NextDeadline&) const = default;
};

// The one deadline a specialist acts on next for a credential, as of `day` (`cs` evaluated on
// that day): a certification's first action date (deadline.hpp), but once a late submit-by date
// has passed the expiry, which is still ahead; in training, the exam deadline until the exam is
// passed. None once lapsed, or with nothing dated ahead.
std::optional<NextDeadline> next_deadline(const CredentialStatus& cs, Date day);

// One credential a reminder is about, as of the run's day.
struct RemindItem {
    std::string credential; // id
    std::string credential_name;
    NextDeadline deadline;
    int days_left = 0;
    std::vector<std::string> missing; // "CE: ethics 3 h", "the exam (scheduled 2027-01-05)", ...
    bool renewable = false;           // certified, and nothing is missing to renew
};

struct Reminder {
    std::string id;
    std::string name;
    std::string email; // empty: listed on stderr, not sent
    std::vector<RemindItem> items;
};

// The reminder `record` is due between `since` and `today` (both inclusive): each credential whose
// next deadline was one of `days` away on one of those days and is still its next deadline today.
// `status_on(day)` evaluates the record as of a day. Nothing for an inactive or left record.
std::optional<Reminder> plan_reminder(const Record& record, const std::function<SpecialistStatus(Date)>& status_on, Date since,
                                      Date today, std::span<const int> days);

} // namespace peerctl
