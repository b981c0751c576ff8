#pragma once
// The certification periods of one held credential: the first from its issue date (or the expiry
// printed on the certificate), then one per renewal. Evaluation walks the renewals granted by its
// as-of date; the record loader walks all of them, so a chain whose dates leave the calendar, or
// that cannot make sense, is an error at the line that caused it rather than a wrong date on
// screen.

#include "credential_rules.hpp"
#include "diagnostics.hpp"
#include "record.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace peerctl {

// One period: its CE window runs from `start` to `expires`, both inclusive.
struct CertPeriod {
    Date start;
    Date expires;
};

enum class ChainFault {
    None,
    ExpiryPastCalendar,   // the expiry itself would fall after 9999-12-31
    NoNextDay,            // the expiry is 9999-12-31: no next period (or calendar end date) can follow
    GracePastCalendar,    // a grace rung would end after 9999-12-31
    SubmitBeforeCalendar, // the submit-by date would fall before 0001-01-01
    NotLater,             // a renewal's own 'expires' is on or before the expiry it renews
    NoBirthday,           // a birthday-anchored credential on a record without `birthday`
    NeverExpires,         // anchor = "none": there are no periods
};

struct ExpiryChain {
    // [0] the certification's period, [i] the period after the i-th renewal; only periods whose
    // every date (expiry, next day, grace ends, submit-by) lies in the calendar.
    std::vector<CertPeriod> periods;
    ChainFault fault = ChainFault::None;
    std::size_t fault_step = 0;       // 0: the certification itself; i: the i-th renewal
    std::optional<Date> fault_expiry; // the expiry at fault, when it is itself in the calendar
};

// `renewals` in the order they apply (by date); `birthday` is the record's, for birthday anchors.
ExpiryChain expiry_chain(const Credential& rule, const HeldCredential& held, const std::vector<const RenewalEntry*>& renewals,
                         std::optional<MonthDay> birthday = std::nullopt);

// The end of a grace rung after `expires`; nothing past 9999-12-31.
std::optional<Date> grace_end(const LapseRung& rung, Date expires);

// The expiry after `renewals` renewals with no explicit dates; nothing past 9999-12-31.
std::optional<Date> nth_expiry(const Credential& rule, const HeldCredential& held, long long renewals,
                               std::optional<MonthDay> birthday = std::nullopt);

// Errors for every held credential of `record` whose periods cannot be computed or cannot make
// sense, at the key or entry that caused it.
void check_expiry_chains(const Record& record, const CredentialSet& credentials, Diagnostics& diags);

} // namespace peerctl
