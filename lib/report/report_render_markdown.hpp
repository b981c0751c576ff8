#pragma once
// A report as Markdown (GitHub-flavoured tables), for pasting into an email or a wiki: the title,
// the summary, then each section's table.

#include "report_document.hpp"

#include <string>
#include <string_view>

namespace peerctl {

// Text safe inside a Markdown table cell or paragraph: | and the characters that start
// emphasis, code, links or HTML are backslash-escaped; line breaks become <br>.
std::string markdown_escape(std::string_view text);

std::string render_markdown(const Document& doc);
// The same, handed to `write` a piece at a time.
void render_markdown(const Document& doc, const TextSink& write);

} // namespace peerctl
