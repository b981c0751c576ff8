#pragma once
// A reminder as an Internet message (RFC 5322, MIME): headers with the recipient's name and the
// subject as RFC 2047 encoded words where they are not plain ASCII, a UTF-8 text/plain body in
// quoted-printable. Lines end in LF, as the sendmail interface (sendmail -t, msmtp -t, Postfix's
// sendmail) and mbox files take a message on a Unix system; the mail system turns them into CRLF
// on the wire. The message names its recipient only: no other specialist's name or id.

#include "email_address.hpp"
#include "remind_plan.hpp"

#include <chrono>
#include <string>
#include <string_view>

namespace peerctl {

struct MessageContext {
    Mailbox from;
    std::string workspace;        // the workspace's name, for the sign-off (may be empty)
    std::chrono::sys_seconds now; // the Date header
    Date today;                   // what "N days" counts from
};

// The whole message, headers and body; `r.email` must be a valid address.
std::string reminder_message(const Reminder& r, const MessageContext& ctx);

// The parts, for the tests.
// "Mon, 30 Nov 2026 14:56:07 +0000".
std::string rfc5322_date(std::chrono::sys_seconds t);
// `text` as it may stand in a header: as it is when short printable ASCII of words, else as
// RFC 2047 "B" encoded words of whole UTF-8 characters, each at most 75 characters, folded
// onto lines of their own. `used` is how much of the first line the header name takes.
std::string header_text(std::string_view text, std::size_t used);
// Quoted-printable (RFC 2045 §6.7) of UTF-8 text with LF line breaks: lines at most 76
// characters, '=' and bytes outside printable ASCII as =XX, trailing spaces encoded, and a
// line's leading '.' or "From " encoded too, so that neither sendmail without -i nor an mbox
// reader can take a line of the body for something else.
std::string quoted_printable(std::string_view text);
// The message as one mbox entry: a "From sender date" line, lines that begin with "From " or
// ">From " quoted with one more '>' (mboxrd), and a blank line after.
std::string mbox_entry(std::string_view message, std::string_view sender, std::chrono::sys_seconds t);

} // namespace peerctl
