#pragma once
// Mail addresses as records and peerctl.toml write them: checked strictly enough that an address
// can go into a message header as it is, never adding a recipient, a header or a line.

#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

// An address as `local@domain.tld`, in ASCII: the local part of letters, digits and
// ! # $ % & ' * + - / = ? ^ _ ` { | } ~ with single dots between them; a domain of labels of
// letters, digits and inner hyphens, at least two, at most 254 characters in all. Quoted local
// parts, comments, IP literals and internationalised addresses are refused.
bool is_valid_email(std::string_view address);

// A mailbox: `Display Name <addr>` or a bare `addr`, as `[remind].from` holds it.
struct Mailbox {
    std::string display; // UTF-8, trimmed; may be empty
    std::string address;
};
// Nullopt when the address is not valid, or the display name holds a control character, `<`,
// `>` or a double quote.
std::optional<Mailbox> parse_mailbox(std::string_view text);

} // namespace peerctl
