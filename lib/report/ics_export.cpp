#include "ics_export.hpp"

#include "status_text.hpp"

#include <fmt/core.h>

namespace peerctl {

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t limit = 75; // octets on the first line; 74 after the leading space
    std::size_t used = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t n = decode_utf8(line, i).length;
        if (used + n > limit) {
            out += "\r\n ";
            used = 1;
        }
        out.append(line.substr(i, n));
        used += n;
        i += n;
    }
    out += "\r\n";
    return out;
}

namespace {

std::string ics_date(Date d) { return to_string(d).erase(7, 1).erase(4, 1); }

void event(std::string& out, const std::string& uid, Date day, const std::string& summary, const std::string& description,
           const IcsOptions& options) {
    auto line = [&](std::string_view text) { out += ics_fold(text); };
    line("BEGIN:VEVENT");
    line("UID:" + uid);
    line("DTSTAMP:" + options.dtstamp);
    line("DTSTART;VALUE=DATE:" + ics_date(day));
    // The day after is in the calendar for every evaluated date; without it the event is one day
    // long all the same (RFC 5545, 3.6.1).
    if (auto end = add_days(day, 1)) line("DTEND;VALUE=DATE:" + ics_date(*end));
    line("SUMMARY:" + ics_escape(summary));
    line("DESCRIPTION:" + ics_escape(description));
    line("CATEGORIES:peerctl");
    line("TRANSP:TRANSPARENT");
    for (int days : options.alarm_days) {
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line("DESCRIPTION:" + ics_escape(summary));
        line(fmt::format("TRIGGER:-P{}D", days));
        line("END:VALARM");
    }
    line("END:VEVENT");
}

} // namespace

std::string ics_calendar(const std::vector<SpecialistStatus>& statuses, const IcsOptions& options) {
    std::string out;
    auto line = [&](std::string_view text) { out += ics_fold(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//peerctl//peerctl " + options.version + "//EN");
    line("CALSCALE:GREGORIAN");
    if (!options.calendar_name.empty()) line("X-WR-CALNAME:" + ics_escape(options.calendar_name));
    for (const auto& s : statuses) {
        for (const auto& cs : s.credentials) {
            if (!cs.certification) continue;
            const Certification& c = *cs.certification;
            std::string who = fmt::format("{} ({})", s.name, s.id);
            std::string missing = missing_in_words(cs);
            std::string ce = cs.ce ? fmt::format(" CE {} of {} h counted{}.", cs.ce->counted.str(), cs.ce->required.str(),
                                                 missing.empty() ? "" : "; missing " + missing)
                                   : "";
            std::string what = cs.rule->name + (c.number.empty() ? "" : " " + c.number);
            event(out, fmt::format("{}.{}.expiry@peerctl", s.id, cs.rule->id), c.expires,
                  fmt::format("{}: {} expires", who, cs.rule->id),
                  fmt::format("{} expires on {}.{}", what, to_string(c.expires), ce), options);
            if (c.submit_by)
                event(out, fmt::format("{}.{}.submit-by@peerctl", s.id, cs.rule->id), *c.submit_by,
                      fmt::format("{}: {} renewal due", who, cs.rule->id),
                      fmt::format("Submit the renewal of {} by {} (expires {}).{}", what, to_string(*c.submit_by),
                                  to_string(c.expires), ce),
                      options);
        }
    }
    line("END:VCALENDAR");
    return out;
}

} // namespace peerctl
