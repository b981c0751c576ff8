#pragma once
// Deadlines as an iCalendar file (RFC 5545): all-day events on each certified credential's
// expiry, submit-by date and (in grace) grace end, and on each scheduled exam, with UIDs stable
// across runs so that a re-import updates events rather than duplicating them.

#include "evaluation.hpp"
#include "output_text.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct IcsOptions {
    std::vector<int> alarm_days{90, 30, 7};
    std::string dtstamp;       // "20261123T120000Z"
    std::string calendar_name; // the workspace's name
    std::string version;
};

std::string ics_calendar(const std::vector<SpecialistStatus>& statuses, const IcsOptions& options);

// The same calendar a specialist at a time, as `export ics` makes it for a registry: `add` runs
// on the thread that evaluated a record and keeps only what the events say (a few fields per
// certification, not the status), and `finish` makes the text in file order as it is written.
// A registry's calendar is several times larger than its records: it is never whole in memory.
class IcsStream {
public:
    IcsStream(std::size_t specialists, IcsOptions options);
    // Safe to call concurrently for distinct indices; each index at most once.
    void add(std::size_t index, const SpecialistStatus& status);
    void finish(const std::function<void(std::string_view)>& write);

private:
    // One credential's dates: those of its certification, if any, and of its next scheduled exam.
    struct Dated {
        const Credential* rule = nullptr;
        State state = State::InTraining;
        std::string number;
        std::optional<Date> expires;
        std::optional<Date> submit_by;
        std::optional<Date> grace_until;
        std::optional<Date> exam;
        std::string ce; // " CE 12 of 20 h counted; missing ..." or empty
    };
    struct Entry {
        std::string id;
        std::string name;
        std::vector<Dated> dated;
    };
    void events(std::string& out, const Entry& e, const Dated& d) const;
    IcsOptions options_;
    std::vector<Entry> slots_;
};

// TEXT values are escaped by output_text's ics_escape.
// RFC 5545 §3.1 folding: lines of at most 75 octets, continuation lines start with a space,
// never splitting a UTF-8 sequence; every line ends in CRLF.
std::string ics_fold(std::string_view line);

} // namespace peerctl
