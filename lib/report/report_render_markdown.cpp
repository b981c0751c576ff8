#include "report_render_markdown.hpp"

#include "terminal_text.hpp"

namespace peerctl {

std::string markdown_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "<br>";
            continue;
        }
        if (std::string_view("\\`*_[]<>|&~#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

namespace {

// Record text: control characters shown escaped, then Markdown-escaped.
std::string md(std::string_view text) { return markdown_escape(printable(text)); }

void table(std::string& out, const Table& t, const TextSink* write) {
    out += "|";
    for (const auto& c : t.columns)
        out += " " + md(c.header) + " |";
    out += "\n|";
    for (const auto& c : t.columns)
        out += c.align == Align::Right ? " ---: |" : " --- |";
    out += "\n";
    for_each_row(t, [&](const std::vector<Cell>& row) {
        out += "|";
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            std::string text = c < row.size() ? md(row[c].text) : "";
            out += text.empty() ? " |" : " " + text + " |";
        }
        out += "\n";
        // The last bytes stay for the trimming of blank lines at the end.
        flush_chunk(out, write, 2);
    });
}

} // namespace

std::string render_markdown(const Document& doc) {
    std::string out;
    render_markdown(doc, [&](std::string_view chunk) { out += chunk; });
    return out;
}

void render_markdown(const Document& doc, const TextSink& write) {
    std::string out = "# " + md(doc.title) + "\n\n";
    out += "Workspace: " + md(doc.workspace) + " · as of " + to_string(doc.as_of) + "\n\n";
    for (const auto& line : doc.summary)
        out += "**" + md(line) + "**\n\n";
    for (const auto& sec : doc.sections) {
        if (!sec.heading.empty()) out += "## " + md(sec.heading) + "\n\n";
        for (const auto& line : sec.intro)
            out += "- " + md(line) + "\n";
        if (!sec.intro.empty()) out += "\n";
        if (row_count(sec.table) == 0) out += "_" + md(sec.empty) + "_\n\n";
        else {
            table(out, sec.table, &write);
            out += "\n";
        }
        if (!sec.totals.columns.empty()) {
            if (!sec.totals_heading.empty()) out += "**" + md(sec.totals_heading) + "**\n\n";
            table(out, sec.totals, &write);
            out += "\n";
        }
    }
    for (const auto& n : doc.notes)
        out += md(n) + "\n\n";
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
        out.pop_back();
    write(out);
}

} // namespace peerctl
