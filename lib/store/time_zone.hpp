#pragma once
// What "today" is: --as-of, else the date in the workspace's time zone, else in TZ's, else in the
// machine's (/etc/localtime). Zones come from the system's IANA database (/usr/share/zoneinfo),
// which is why this lives in store/ and not in core/.

#include "dates.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace peerctl {

// Whether the system's time zone database has `name` ("Europe/Berlin"); false when the database
// cannot be read.
bool is_known_zone(const std::string& name);

struct TodayInputs {
    std::optional<Date> as_of;                 // --as-of
    std::optional<std::string> workspace_zone; // peerctl.toml's `timezone`, already known to exist
    std::optional<std::string> tz;             // the TZ environment variable, when it is set
    std::chrono::sys_seconds now;
};

struct Today {
    std::optional<Date> date;
    std::string error; // why there is no date: TZ names no zone, or the machine's zone is unknown
};

Today decide_today(const TodayInputs& in);

} // namespace peerctl
