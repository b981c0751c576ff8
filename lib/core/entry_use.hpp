#pragma once
// What one entry of a record does for one credential: it counts, or the reason it does not. The
// evaluation decides it while it counts (evaluation.hpp), so `entries` shows what status counted.

#include "record.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

enum class UseReason {
    Counts,
    Void,             // the entry carries `void = "reason"`
    AfterAsOf,        // dated after the day the status is computed for
    BeforePeriod,     // CE (or experience a [renewal] rule counts) before the current period's first day
    AfterPeriod,      // the same after the expiry, while no renewal is recorded
    NotCertified,     // CE or a renewal of a credential not certified (as of that day)
    AfterIssue,       // initial training (or experience under within_months) dated after the certification
    TooOld,           // initial training older than the credential accepts
    Scheduled,        // an exam not taken yet
    AfterPass,        // an exam attempt after the one that passed
    OverCap,          // CE that a cap lets no hour of through
    KindNotCounted,   // experience of a kind the credential's rules do not ask for
    TooShort,         // CE shorter than the credential's [ce] min_entry_hours
    OtherProvider,    // CE from a provider not in the credential's [ce] providers
    ExperienceTooOld, // experience older than an [[experience]] within_months accepts
};

// The words `entries` shows, in the enum's order ("" for Counts).
std::span<const std::string_view> use_reason_names();
std::string to_string(UseReason r);

struct EntryUse {
    EntryKind kind = EntryKind::Ce;
    std::size_t index = 0; // in the record's entries of that kind, in file order
    UseReason reason = UseReason::Counts;
    // The rule's figure behind the reason, where it has one (TooShort: the shortest entry that
    // counts), so `entries` can say "shorter than the 1 h minimum".
    std::optional<Hours> limit;
};

// Records uses as the evaluation meets entries; does nothing without a target. An entry that any
// rule of the credential counts, counts; otherwise the first reason given stands.
class UseLog {
public:
    explicit UseLog(std::vector<EntryUse>* out = nullptr) : out_(out) {}
    bool on() const { return out_ != nullptr; }
    void mark(EntryKind kind, std::size_t index, UseReason reason, std::optional<Hours> limit = std::nullopt);

private:
    std::vector<EntryUse>* out_;
};

} // namespace peerctl
