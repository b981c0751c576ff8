#include "fuzz_support.hpp"

#include "expiry_check.hpp"
#include "ics_export.hpp"
#include "status_json.hpp"
#include "status_text.hpp"

#include <fmt/core.h>

namespace peerctl::fuzz {

namespace {
std::string opt(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "-"; }
std::string opt(const std::optional<Date>& d) { return d ? to_string(*d) : "-"; }
} // namespace

std::string describe(const Record& r) {
    std::string out = fmt::format("id '{}' name '{}'\n", r.id, r.name);
    for (const auto& c : r.credentials)
        out += fmt::format("credential {} number {} issued {} level {} expires {}\n", c.id, opt(c.number), opt(c.issued),
                           opt(c.level), opt(c.expires));
    for (const auto& e : r.training)
        out += fmt::format("training {} {} '{}' '{}' '{}'\n", to_string(e.date), e.hours.str(), e.domain, e.title, e.provider);
    for (const auto& e : r.exams)
        out += fmt::format("exam {} {} {} {}\n", e.credential, to_string(e.date), to_string(e.result), e.score ? *e.score : -1);
    for (const auto& e : r.experience)
        out += fmt::format("experience {} {} {}\n", to_string(e.date), e.hours.str(), to_string(e.kind));
    for (const auto& e : r.ce) {
        out += fmt::format("ce {} {} '{}' '{}' {} '{}' '{}' topics", to_string(e.date), e.hours.str(), e.title, e.provider,
                           e.delivery ? to_string(*e.delivery) : "-", e.approval, e.evidence);
        for (const auto& t : e.topics)
            out += " '" + t + "'";
        out += "\n";
    }
    for (const auto& e : r.renewals)
        out += fmt::format("renewal {} {} {}\n", e.credential, to_string(e.date), opt(e.expires));
    return out;
}

void printed_diagnostics_safe(const Diagnostics& diags) {
    for (const auto& d : diags.items())
        terminal_safe(printable(format(d)), "a printed diagnostic is not terminal-safe");
}

void outputs_safe(const std::vector<SpecialistStatus>& statuses) {
    Date as_of = fuzz::as_of();
    CheckResult check;
    for (const auto& s : statuses) {
        terminal_safe(status_text(s, as_of, Style{false}), "status text is not terminal-safe");
        terminal_safe(status_text(s, as_of, Style{true}), "coloured status text is not terminal-safe", true);
        check_specialist(s, as_of, check);
        require(is_nagios_safe(check_unknown_text(s.name), 1), "an UNKNOWN reason broke the Nagios line",
                check_unknown_text(s.name));
    }
    finish_check(check);
    std::string nagios = check_text(check);
    require(is_nagios_safe(nagios, 1 + check.items.size()), "check text gained a line or a '|'", nagios);
    json_safe(check_json(check, as_of), "check JSON is not terminal-safe");
    json_safe(status_json(statuses, as_of), "status JSON is not terminal-safe");
    IcsOptions ics;
    ics.dtstamp = "20260301T000000Z";
    ics.version = "fuzz";
    ics.calendar_name = statuses.empty() ? "" : statuses.front().name;
    std::string calendar = ics_calendar(statuses, ics);
    require(is_ics_safe(calendar), "the calendar is not safe iCalendar text", calendar);
}

} // namespace peerctl::fuzz
