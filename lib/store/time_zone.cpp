#include "time_zone.hpp"

#include <date/tz.h>

#include <fmt/core.h>

#include <exception>

namespace peerctl {

namespace {

// The tz library throws for a name it does not know and for a database it cannot read.
const date::time_zone* find_zone(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

Date date_in(const date::time_zone& zone, std::chrono::sys_seconds now) {
    return Date{date::floor<date::days>(zone.to_local(now))};
}

} // namespace

bool is_known_zone(const std::string& name) { return find_zone(name) != nullptr; }

Today decide_today(const TodayInputs& in) {
    if (in.as_of) return {in.as_of, {}};
    if (in.workspace_zone) {
        if (const auto* zone = find_zone(*in.workspace_zone)) return {date_in(*zone, in.now), {}};
        return {std::nullopt, fmt::format("the time zone '{}' is not in the system's time zone database", *in.workspace_zone)};
    }
    if (in.tz) {
        // As in glibc: an empty TZ is UTC, and a leading ':' only says "a file of the database".
        std::string name = in.tz->empty() ? "UTC" : *in.tz;
        if (name.front() == ':') name.erase(0, 1);
        if (const auto* zone = find_zone(name)) return {date_in(*zone, in.now), {}};
        // Not UTC, as the C library would silently take: a wrong date is worse than none.
        return {std::nullopt, fmt::format("TZ='{}' names no time zone: set it to an IANA name such as Europe/Berlin, "
                                          "or set `timezone` in peerctl.toml, or unset TZ",
                                          *in.tz)};
    }
    try {
        return {date_in(*date::current_zone(), in.now), {}};
    } catch (const std::exception&) {
        return {std::nullopt, "cannot tell the machine's time zone (/etc/localtime): set `timezone` in peerctl.toml or TZ"};
    }
}

} // namespace peerctl
