#pragma once
// The one way out for text. Everything peerctl prints that came from data (records, credential
// files, file names, arguments, the environment) passes the sanitiser of its output's format
// here, so that no value can move the cursor, clear or retitle a terminal, reorder what is shown
// (bidi overrides), forge a line or perfdata in monitoring output, or break a JSON, CSV, HTML or
// iCalendar reader with bytes that are not UTF-8. The checkers say whether a rendered output keeps
// its format's promise; the fuzz targets and the tests hold every renderer to them.

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace peerctl {

// UTF-8, decoded in this one place. A sequence that is overlong, a surrogate, beyond U+10FFFF,
// cut short or a stray continuation byte is invalid, one byte long.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
    bool valid = false;
};
CodePoint decode_utf8(std::string_view text, std::size_t at);
bool is_valid_utf8(std::string_view text);

// What no output may carry raw: C0 controls, DEL, C1 controls (U+0080..U+009F, which include the
// 8-bit CSI U+009B) and the bidirectional marks, embeddings, overrides and isolates (U+061C,
// U+200E, U+200F, U+202A..U+202E, U+2066..U+2069).
bool is_control(char32_t c);
bool is_bidi_control(char32_t c);

// Terminal text, one value: C0 controls (tab and newline too) and DEL as \x1B-style escapes, C1
// and bidi controls as \u009B-style escapes, each byte of invalid UTF-8 as \xFF. Idempotent.
std::string printable(std::string_view text);
// Terminal text, a whole page: as printable, but newlines and tabs stay, and with `keep_style` the
// colour sequences that Style writes (bold, dim, four colours, reset) stay too.
std::string printable_lines(std::string_view text, bool keep_style = false);
// A value in a Nagios/monitoring line: as printable, and '|' (where perfdata begins) as \x7C.
std::string nagios_field(std::string_view text);
// JSON text as a serialiser wrote it, made harmless on a terminal without changing its value: DEL,
// C1 and bidi controls as \u escapes, invalid UTF-8 as U+FFFD.
std::string json_text(std::string_view serialised);
// nlohmann's dump (invalid UTF-8 replaced instead of throwing), passed through json_text.
std::string json_dump(const nlohmann::ordered_json& value, int indent = -1);
// A TOML basic string's body characters: what toml_string writes between its quotes.
std::string toml_escaped(std::string_view text);
// iCalendar TEXT (RFC 5545 §3.3.11): line breaks as \n, tabs as spaces, other controls and invalid
// UTF-8 as printable shows them (their backslash escaped), then '\\', ';' and ','.
std::string ics_escape(std::string_view text);

// The promises, checked on rendered output. A terminal page may hold newlines and tabs, and ESC only
// at the start of a Style colour sequence when `styled`.
bool is_terminal_safe(std::string_view text, bool styled = false);
// check's Nagios text: terminal-safe, `lines` lines each ending in a newline, exactly one '|' (on
// the first line, after "PEERCTL STATE - ") and no other.
bool is_nagios_safe(std::string_view text, std::size_t lines);
// Valid UTF-8 with no raw control but layout newlines, no DEL, C1 or bidi control.
bool is_json_safe(std::string_view text);
// CSV, HTML and Markdown: terminal-safe pages (CSV rows end in CRLF).
bool is_document_safe(std::string_view text);
// iCalendar: terminal-safe but for the CRLF line ends, and no line longer than 75 octets.
bool is_ics_safe(std::string_view text);

} // namespace peerctl
