#pragma once
// Renewal deadlines as an iCalendar file (RFC 5545): one all-day event per certified
// credential's expiry, and one per submit-by date, with UIDs stable across runs so that a
// re-import updates events rather than duplicating them.

#include "evaluation.hpp"
#include "output_text.hpp"

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

// TEXT values are escaped by output_text's ics_escape.
// RFC 5545 §3.1 folding: lines of at most 75 octets, continuation lines start with a space,
// never splitting a UTF-8 sequence; every line ends in CRLF.
std::string ics_fold(std::string_view line);

} // namespace peerctl
