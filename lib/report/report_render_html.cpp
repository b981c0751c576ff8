#include "report_render_html.hpp"

#include "terminal_text.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

constexpr std::string_view style_sheet = R"css(
*{-webkit-print-color-adjust:exact;print-color-adjust:exact;box-sizing:border-box}
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2328;margin:1.5rem;background:#fff}
header{border-bottom:2px solid #1f2328;margin-bottom:1rem;padding-bottom:.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
h3{font-size:1rem;margin:.8rem 0 .3rem}
.meta{color:#57606a;margin:0}
.summary{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:.6rem .9rem;margin:0 0 1rem}
.summary p{margin:.15rem 0;font-size:1.05rem}
ul.intro{margin:.2rem 0 .5rem;padding-left:1.2rem;color:#424a53}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .4rem;text-align:left;vertical-align:top;white-space:nowrap}
th{background:#f6f8fa;font-weight:600;white-space:normal;vertical-align:bottom}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.wrap{white-space:normal;overflow-wrap:break-word;min-width:7rem;max-width:20rem}
tbody tr:nth-child(even){background:#fbfcfd}
.tone{display:inline-block;padding:0 .5em;border-radius:1em;font-weight:600;white-space:nowrap;border:1px solid}
.good{color:#116329;background:#dafbe1;border-color:#4ac26b}
.warn{color:#7d4e00;background:#fff8c5;border-color:#d4a72c}
.urgent{color:#953800;background:#fff1e5;border-color:#fb8f44}
.bad{color:#a40e26;background:#ffebe9;border-color:#ff8182}
.info{color:#0550ae;background:#ddf4ff;border-color:#54aeff}
.muted{color:#57606a}
.bar{display:inline-block;width:4rem;height:.7rem;background:#eaeef2;border:1px solid #8c959f;border-radius:3px;vertical-align:middle;margin-right:.45rem;overflow:hidden}
.bar>span{display:block;height:100%;background:#bf8700}
.bar.done>span{background:#1a7f37}
.empty{font-style:italic;color:#57606a}
.named{display:inline-block;white-space:normal;min-width:9rem;max-width:16rem}
.legend dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.3rem 0}
.legend dt{font-weight:600}
.legend dd{margin:0}
footer{color:#57606a;font-size:.85rem;margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.4rem}
@media print{body{margin:0;font-size:10pt}tr{break-inside:avoid}thead{display:table-header-group}}
@page{size:A4 landscape;margin:12mm}
)css";

// Record text: control characters shown escaped, then HTML-escaped.
std::string h(std::string_view text) { return html_escape(printable(text)); }

std::string tone_class(Tone t) {
    switch (t) {
    case Tone::Good: return "good";
    case Tone::Warn: return "warn";
    case Tone::Urgent: return "urgent";
    case Tone::Bad: return "bad";
    case Tone::Info: return "info";
    case Tone::Muted: return "muted";
    case Tone::Struck: return "struck";
    case Tone::Plain: break;
    }
    return "";
}

std::string cell_html(const Cell& cell) {
    std::string text = h(cell.text);
    if (cell.progress) {
        auto [counted, required] = *cell.progress;
        std::int64_t pct = required.centi() <= 0 ? 100 : std::min<std::int64_t>(100, counted.centi() * 100 / required.centi());
        bool done = counted >= required;
        return fmt::format(
            R"(<span class="bar{}" role="img" aria-label="{} of {} h, {}%"><span style="width:{}%"></span></span>{})",
            done ? " done" : "", counted.str(), required.str(), pct, pct, text);
    }
    // A credential's name, with its id as the records spell it.
    if (!cell.detail.empty())
        return R"(<span class="named">)" + h(cell.detail) + R"( <span class="muted">()" + text + ")</span></span>";
    if (cell.tone == Tone::Muted) return R"(<span class="muted">)" + text + "</span>";
    if (cell.tone == Tone::Struck) return "<del>" + text + "</del>";
    if (cell.tone != Tone::Plain) return R"(<span class="tone )" + tone_class(cell.tone) + "\">" + text + "</span>";
    return text;
}

void table_html(std::string& out, const Table& t, const TextSink& write) {
    out += "<table>\n<thead><tr>";
    for (const auto& c : t.columns)
        out += std::string(c.align == Align::Right ? R"(<th scope="col" class="num">)" : R"(<th scope="col">)") + h(c.header) +
               "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for_each_row(t, [&](const std::vector<Cell>& row) {
        out += "<tr>";
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const Column& col = t.columns[c];
            std::string cls = col.align == Align::Right ? " class=\"num\"" : col.min_width > 0 ? " class=\"wrap\"" : "";
            out += "<td" + cls + ">" + (c < row.size() ? cell_html(row[c]) : "") + "</td>";
        }
        out += "</tr>\n";
        flush_chunk(out, &write);
    });
    out += "</tbody>\n</table>\n";
}

} // namespace

std::string render_html(const Document& doc) {
    std::string out;
    render_html(doc, [&](std::string_view chunk) { out += chunk; });
    return out;
}

void render_html(const Document& doc, const TextSink& write) {
    std::string date = to_string(doc.as_of);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + h(doc.title) + " - " + h(doc.workspace) + " - as of " + date + "</title>\n";
    out += "<style>" + std::string(style_sheet) + "</style>\n</head>\n<body>\n";
    // The organisation's name first: a page printed for a board says whose it is.
    out += "<header>\n<h1>" + h(doc.workspace) + ": " + h(doc.title) + "</h1>\n";
    out += "<p class=\"meta\">Workspace <strong>" + h(doc.workspace) + "</strong> &middot; as of <time datetime=\"" + date +
           "\">" + date + "</time></p>\n</header>\n";
    out += "<section class=\"summary\">\n";
    for (const auto& line : doc.summary)
        out += "<p>" + h(line) + "</p>\n";
    out += "</section>\n";
    for (const auto& sec : doc.sections) {
        out += "<section>\n";
        if (!sec.heading.empty()) out += "<h2>" + h(sec.heading) + "</h2>\n";
        if (!sec.intro.empty()) {
            out += "<ul class=\"intro\">\n";
            for (const auto& line : sec.intro)
                out += "<li>" + h(line) + "</li>\n";
            out += "</ul>\n";
        }
        if (row_count(sec.table) == 0) out += "<p class=\"empty\">" + h(sec.empty) + "</p>\n";
        else table_html(out, sec.table, write);
        if (!sec.totals.columns.empty()) {
            if (!sec.totals_heading.empty()) out += "<h3>" + h(sec.totals_heading) + "</h3>\n";
            table_html(out, sec.totals, write);
        }
        out += "</section>\n";
    }
    for (const auto& n : doc.notes)
        out += "<p>" + h(n) + "</p>\n";
    if (!doc.legend.empty()) {
        out += "<section class=\"legend\">\n<h2>Key</h2>\n<dl>\n";
        for (const auto& item : doc.legend)
            out += "<dt>" + h(item.term) + "</dt><dd>" + h(item.meaning) + "</dd>\n";
        out += "</dl>\n</section>\n";
    }
    out += "<footer>peerctl report &middot; as of " + date +
           " &middot; states are written out in words; colours only repeat them</footer>\n";
    out += "</body>\n</html>\n";
    write(out);
}

} // namespace peerctl
