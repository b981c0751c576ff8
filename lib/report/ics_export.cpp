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

// Folds onto `out` (ics_fold without a string of its own per line).
void fold_onto(std::string& out, std::string_view line) {
    if (line.size() <= 75) {
        out.append(line);
        out += "\r\n";
        return;
    }
    out += ics_fold(line);
}

void event(std::string& out, const std::string& uid, Date day, const std::string& summary, const std::string& description,
           const IcsOptions& options) {
    auto line = [&](std::string_view text) { fold_onto(out, text); };
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

// Text handed on in pieces of about this size: large enough for few writes, small enough to
// keep memory flat.
constexpr std::size_t chunk_bytes = 1 << 16;

} // namespace

IcsStream::IcsStream(std::size_t specialists, IcsOptions options) : options_(std::move(options)), slots_(specialists) {}

void IcsStream::add(std::size_t index, const SpecialistStatus& s) {
    Entry& e = slots_.at(index);
    for (const auto& cs : s.credentials) {
        Dated d;
        d.rule = cs.rule;
        d.state = cs.state;
        if (cs.exam) d.exam = cs.exam->scheduled;
        if (const auto& c = cs.certification) {
            std::string missing = missing_in_words(cs);
            // A CE counted in entries alone has no hour total to count against.
            if (cs.ce && cs.ce->required.is_zero() && cs.ce->entries_required > 0)
                d.ce = fmt::format(" CE {} of {} entries counted", cs.ce->entries, cs.ce->entries_required);
            else if (cs.ce) d.ce = fmt::format(" CE {} of {} h counted", cs.ce->counted.str(), cs.ce->required.str());
            if (cs.ce) d.ce += (missing.empty() ? "" : "; missing " + missing) + ".";
            d.number = c->number;
            d.expires = c->expires;
            d.submit_by = c->submit_by;
            d.grace_until = c->grace_until;
        }
        if (d.expires || d.exam) e.dated.push_back(std::move(d));
    }
    if (e.dated.empty()) return;
    e.id = s.id;
    e.name = s.name;
    e.dated.shrink_to_fit();
}

void IcsStream::events(std::string& out, const Entry& e, const Dated& d) const {
    std::string who = fmt::format("{} ({})", e.name, e.id);
    std::string what = d.rule->name + (d.number.empty() ? "" : " " + d.number);
    auto uid = [&](std::string_view kind) { return fmt::format("{}.{}.{}@peerctl", e.id, d.rule->id, kind); };
    if (d.expires)
        event(out, uid("expiry"), *d.expires, fmt::format("{}: {} expires", who, d.rule->id),
              fmt::format("{} expires on {}.{}", what, to_string(*d.expires), d.ce), options_);
    if (d.expires && d.submit_by) {
        if (d.state == State::Late)
            event(out, uid("submit-by"), *d.submit_by, fmt::format("{}: {} renewal late", who, d.rule->id),
                  fmt::format("The renewal of {} was due by {} and is late: a late fee may apply (expires {}).{}", what,
                              to_string(*d.submit_by), to_string(*d.expires), d.ce),
                  options_);
        else
            event(out, uid("submit-by"), *d.submit_by, fmt::format("{}: {} renewal due", who, d.rule->id),
                  fmt::format("Submit the renewal of {} by {} (expires {}).{}", what, to_string(*d.submit_by),
                              to_string(*d.expires), d.ce),
                  options_);
    }
    if (d.expires && d.grace_until)
        event(out, uid("grace-end"), *d.grace_until, fmt::format("{}: {} grace ends", who, d.rule->id),
              fmt::format("{} expired on {}; its grace period ends on {}.{}", what, to_string(*d.expires),
                          to_string(*d.grace_until), d.ce),
              options_);
    if (d.exam)
        event(out, uid("exam"), *d.exam, fmt::format("{}: {} exam", who, d.rule->id),
              fmt::format("{} exam scheduled on {}.", d.rule->name, to_string(*d.exam)), options_);
}

void IcsStream::finish(const std::function<void(std::string_view)>& write) {
    std::string out;
    auto line = [&](std::string_view text) { fold_onto(out, text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//peerctl//peerctl " + options_.version + "//EN");
    line("CALSCALE:GREGORIAN");
    if (!options_.calendar_name.empty()) line("X-WR-CALNAME:" + ics_escape(options_.calendar_name));
    for (Entry& e : slots_) {
        for (const Dated& d : e.dated)
            events(out, e, d);
        e = Entry(); // written: dropped
        if (out.size() >= chunk_bytes) {
            write(out);
            out.clear();
        }
    }
    line("END:VCALENDAR");
    write(out);
}

std::string ics_calendar(const std::vector<SpecialistStatus>& statuses, const IcsOptions& options) {
    IcsStream stream(statuses.size(), options);
    for (std::size_t i = 0; i < statuses.size(); ++i)
        stream.add(i, statuses[i]);
    std::string out;
    stream.finish([&](std::string_view chunk) { out += chunk; });
    return out;
}

} // namespace peerctl
