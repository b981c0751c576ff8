#include "remind_message.hpp"

#include "output_text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>

namespace peerctl {

namespace {

constexpr std::string_view weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The calendar fields of an instant in UTC, named in English whatever the locale.
struct Instant {
    std::string_view weekday, month;
    int year = 0;
    unsigned day = 0;
    long hours = 0, minutes = 0, seconds = 0;
};

Instant instant(std::chrono::sys_seconds t) {
    auto day = std::chrono::floor<date::days>(t);
    date::year_month_day ymd(day);
    date::hh_mm_ss<std::chrono::seconds> time(t - day);
    return {weekdays[date::weekday(day).c_encoding()],
            months[static_cast<unsigned>(ymd.month()) - 1],
            static_cast<int>(ymd.year()),
            static_cast<unsigned>(ymd.day()),
            time.hours().count(),
            time.minutes().count(),
            static_cast<long>(time.seconds().count())};
}

constexpr char base64_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        auto byte = [&](std::size_t k) {
            return k < bytes.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k])) : 0u;
        };
        std::uint32_t n = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
        out += base64_digits[(n >> 18) & 63];
        out += base64_digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? base64_digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? base64_digits[n & 63] : '=';
    }
    return out;
}

// Characters an unstructured header (Subject) may hold as they are. Not '=' or '?': "=?" would
// read as the start of an encoded word.
bool plain_header_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
           std::string_view("!#$%&'*+-/^_`{|}~.,:()").find(c) != std::string_view::npos;
}

// RFC 2047 "B" encoded words of whole UTF-8 characters, one a line after the first. 45 bytes make
// 60 base64 characters: with "=?utf-8?b?" and "?=", 72, within the 75 a word may have.
std::string encoded_words(std::string_view text) {
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        out += (out.empty() ? "" : "\n ") + ("=?utf-8?b?" + base64(word) + "?=");
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = decode_utf8(text, i).length;
        if (word.size() + len > 45) flush();
        word.append(text.substr(i, len));
        i += len;
    }
    flush();
    return out;
}

// A display name in an address: plain atext words as they are (but '=' and '?', as in a Subject),
// else encoded words, which, "B" encoded, carry any text, specials included.
std::string display_phrase(std::string_view name, std::size_t used) {
    bool atext = std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
               std::string_view("!#$%&'*+-/^_`{|}~").find(c) != std::string_view::npos;
    });
    if (atext && name.size() + used <= 70 && name.find("  ") == std::string_view::npos) return std::string(name);
    return encoded_words(name);
}

std::string mailbox_text(std::string_view display, std::string_view address, std::size_t used) {
    if (display.empty()) return std::string(address);
    std::string phrase = display_phrase(display, used);
    return phrase + " <" + std::string(address) + ">";
}

std::string plural_days(int n) { return fmt::format("{} day{}", n, n == 1 ? "" : "s"); }

std::string_view deadline_phrase(const NextDeadline& d) {
    if (d.exam) return "pass the exam by";
    switch (d.kind) {
    case DeadlineKind::SubmitBy: return "submit your renewal by";
    case DeadlineKind::Expiry: return "your certification expires on";
    case DeadlineKind::GraceEnd: return "your grace period ends on";
    }
    return "";
}

std::string_view deadline_noun(const NextDeadline& d) {
    if (d.exam) return "exam due by";
    switch (d.kind) {
    case DeadlineKind::SubmitBy: return "renewal due by";
    case DeadlineKind::Expiry: return "expires on";
    case DeadlineKind::GraceEnd: return "grace period ends on";
    }
    return "";
}

std::string subject(const Reminder& r) {
    const RemindItem& first = r.items.front();
    std::string what = r.items.size() == 1
                           ? fmt::format("{} {} {} ({})", printable(first.credential), deadline_noun(first.deadline),
                                         to_string(first.deadline.date), plural_days(first.days_left))
                           : fmt::format("{} deadlines, the first on {}", r.items.size(), to_string(first.deadline.date));
    return fmt::format("Reminder for {}: {}", printable(r.name), what);
}

std::string body(const Reminder& r, const MessageContext& ctx) {
    std::string out = fmt::format("Hello {},\n\n", printable(r.name));
    for (const auto& item : r.items) {
        out += fmt::format("{} ({}): {} {}, {} from today.\n", printable(item.credential_name), printable(item.credential),
                           deadline_phrase(item.deadline), to_string(item.deadline.date), plural_days(item.days_left));
        if (!item.missing.empty()) {
            out += "Still missing:\n";
            for (const auto& m : item.missing)
                out += "  - " + printable(m) + "\n";
        } else if (item.renewable) {
            out += "Nothing is missing: you can submit your renewal now.\n";
        }
        out += "\n";
    }
    out += fmt::format("To see where you stand, run:\n\n    peerctl status {}\n\n", r.id);
    out += fmt::format("-- \n{}\n", ctx.workspace.empty() ? std::string("peerctl") : printable(ctx.workspace));
    return out;
}

// The same text gives the same id: a run repeated on a day sends the messages it sent before,
// and a mail system that keeps ids sees them as the same.
std::string message_id(const Reminder& r, const MessageContext& ctx) {
    std::uint64_t h = 14695981039346656037ULL;
    auto mix = [&](std::string_view s) {
        for (char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        h ^= 0xff;
        h *= 1099511628211ULL;
    };
    for (const auto& item : r.items) {
        mix(item.credential);
        mix(to_string(item.deadline.date));
    }
    std::string day = to_string(ctx.today);
    day.erase(std::remove(day.begin(), day.end(), '-'), day.end());
    std::string_view address = ctx.from.address;
    return fmt::format("<remind.{}.{}.{:016x}{}>", day, r.id, h, address.substr(address.find('@')));
}

} // namespace

std::string rfc5322_date(std::chrono::sys_seconds t) {
    Instant i = instant(t);
    return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000", i.weekday, i.day, i.month, i.year, i.hours, i.minutes,
                       i.seconds);
}

std::string header_text(std::string_view text, std::size_t used) {
    bool plain = std::all_of(text.begin(), text.end(), plain_header_char);
    if (plain && used + text.size() <= 78) return std::string(text);
    return encoded_words(text);
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t column = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += '\n';
            column = 0;
            continue;
        }
        bool line_end = i + 1 == text.size() || text[i + 1] == '\n';
        bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !line_end);
        // A soft break keeps each line within 76 characters, its '=' included.
        std::size_t width = literal ? 1 : 3;
        if (column + width > 75) {
            out += "=\n";
            column = 0;
        }
        // At the start of a line (a soft break's too): a lone '.' would end sendmail's input
        // without -i, and "From " starts a new message in an mbox.
        if (column == 0 && (c == '.' || text.substr(i, 5) == "From ")) literal = false;
        if (literal) out += static_cast<char>(c);
        else out += fmt::format("={:02X}", c);
        column += literal ? 1 : 3;
    }
    return out;
}

std::string reminder_message(const Reminder& r, const MessageContext& ctx) {
    std::string out;
    out += "Date: " + rfc5322_date(ctx.now) + "\n";
    out += "From: " + mailbox_text(printable(ctx.from.display), ctx.from.address, 6) + "\n";
    out += "To: " + mailbox_text(printable(r.name), r.email, 4) + "\n";
    out += "Subject: " + header_text(subject(r), 9) + "\n";
    out += "Message-ID: " + message_id(r, ctx) + "\n";
    out += "Auto-Submitted: auto-generated\n";
    out += "MIME-Version: 1.0\n";
    out += "Content-Type: text/plain; charset=utf-8\n";
    out += "Content-Transfer-Encoding: quoted-printable\n";
    out += "\n";
    out += quoted_printable(body(r, ctx));
    if (out.back() != '\n') out += '\n';
    return out;
}

std::string mbox_entry(std::string_view message, std::string_view sender, std::chrono::sys_seconds t) {
    Instant i = instant(t);
    std::string out = fmt::format("From {} {} {} {:2} {:02}:{:02}:{:02} {:04}\n", sender, i.weekday, i.month, i.day, i.hours,
                                  i.minutes, i.seconds, i.year);
    std::size_t start = 0;
    while (start < message.size()) {
        std::size_t end = message.find('\n', start);
        end = end == std::string_view::npos ? message.size() : end + 1;
        std::string_view line = message.substr(start, end - start);
        std::size_t quotes = line.find_first_not_of('>');
        if (quotes != std::string_view::npos && line.substr(quotes, 5) == "From ") out += '>';
        out += line;
        start = end;
    }
    if (out.back() != '\n') out += '\n';
    out += '\n';
    return out;
}

} // namespace peerctl
