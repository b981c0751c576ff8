#pragma once
// A report as aligned text columns for a terminal or a .txt file: fitted to a width by cutting
// the long text columns (names, titles) with an ellipsis, coloured only when the style says so.

#include "report_document.hpp"
#include "terminal_text.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace peerctl {

struct TableOptions {
    Style style;
    std::optional<std::size_t> width; // none: no limit, nothing is cut
};

std::string render_table(const Document& doc, const TableOptions& options);
// The same, handed to `write` a piece at a time.
void render_table(const Document& doc, const TableOptions& options, const TextSink& write);

// `text` cut to `width` display columns, ending in an ellipsis when cut; never splits a
// UTF-8 sequence.
std::string truncate_display(std::string_view text, std::size_t width);

} // namespace peerctl
