#pragma once
// A report as one self-contained, printable HTML page: no external assets and no scripts (a
// Content-Security-Policy forbids both), the workspace and as-of date in the header, the summary,
// then the tables, with a progress bar for CE hours and states in colour and in words.

#include "report_document.hpp"

#include <string>
#include <string_view>

namespace peerctl {

// & < > " ' as character references.
std::string html_escape(std::string_view text);

std::string render_html(const Document& doc);
// The same, handed to `write` a piece at a time.
void render_html(const Document& doc, const TextSink& write);

} // namespace peerctl
