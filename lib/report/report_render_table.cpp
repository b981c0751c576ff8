#include "report_render_table.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <numeric>

namespace peerctl {

std::string truncate_display(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return "";
    std::string out;
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = decode_utf8(text, i).length;
        if (columns + 1 > width - 1) break;
        out.append(text.substr(i, len));
        ++columns;
        i += len;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back(); // "Avery…", not "Avery …"
    return out + "\u2026";
}

namespace {

std::string toned(const Style& s, Tone tone, std::string_view text) {
    switch (tone) {
    case Tone::Good: return s.green(text);
    case Tone::Warn: return s.yellow(text);
    case Tone::Urgent: return s.bold(s.yellow(text));
    case Tone::Bad: return s.red(text);
    case Tone::Info: return s.cyan(text);
    case Tone::Muted:
    case Tone::Struck: return s.dim(text);
    case Tone::Plain: break;
    }
    return std::string(text);
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

struct Fit {
    std::vector<std::size_t> widths; // 0 for a column left out
    bool short_headers = false;
    std::vector<std::string> dropped; // headers of the columns left out
};

std::string header_of(const Column& c, bool short_headers) {
    return short_headers && !c.short_header.empty() ? c.short_header : c.header;
}

// Fits a table to `limit`: first the widest cuttable column is cut, a column at a time, down to
// its minimum; if the row is still too wide, the short headers are tried, then the optional
// columns are left out (highest drop priority first). What cannot be fitted overflows.
// `content[c]`: the widest cell of column c.
Fit fit_table(const std::vector<Column>& cols, const std::vector<std::size_t>& content, std::optional<std::size_t> limit) {
    Fit fit;
    std::vector<bool> shown(cols.size(), true);
    for (;;) {
        std::vector<std::size_t> w(cols.size(), 0);
        std::size_t visible = 0;
        for (std::size_t c = 0; c < cols.size(); ++c) {
            if (!shown[c]) continue;
            ++visible;
            w[c] = std::max(display_width(header_of(cols[c], fit.short_headers)), content[c]);
        }
        fit.widths = w;
        if (!limit || visible == 0) return fit;
        std::size_t gaps = 2 * (visible - 1);
        auto total = [&] { return std::accumulate(w.begin(), w.end(), gaps); };
        while (total() > *limit) {
            std::size_t best = cols.size();
            for (std::size_t c = 0; c < cols.size(); ++c) {
                std::size_t floor = std::max(cols[c].min_width, display_width(header_of(cols[c], fit.short_headers)));
                if (!shown[c] || cols[c].min_width == 0 || w[c] <= floor) continue;
                if (best == cols.size() || w[c] > w[best]) best = c;
            }
            if (best == cols.size()) break;
            --w[best];
        }
        fit.widths = w;
        if (total() <= *limit) return fit;
        if (!fit.short_headers) {
            fit.short_headers = true;
            continue;
        }
        std::size_t drop = cols.size();
        for (std::size_t c = 0; c < cols.size(); ++c)
            if (shown[c] && cols[c].drop_priority > 0 &&
                (drop == cols.size() || cols[c].drop_priority > cols[drop].drop_priority))
                drop = c;
        if (drop == cols.size()) return fit; // nothing left to leave out: the lines stay wider
        shown[drop] = false;
        fit.dropped.push_back(cols[drop].header);
    }
}

// Two passes over the rows, the first for the widths, so that they need not be held as text.
void render_one(std::string& out, const Table& t, const TableOptions& o, const TextSink& write) {
    auto texts_of = [&](const std::vector<Cell>& row) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < t.columns.size(); ++c)
            line.push_back(c < row.size() ? printable(row[c].text) : "");
        return line;
    };
    std::vector<std::size_t> content(t.columns.size(), 0);
    for_each_row(t, [&](const std::vector<Cell>& row) {
        std::vector<std::string> line = texts_of(row);
        for (std::size_t c = 0; c < line.size(); ++c)
            content[c] = std::max(content[c], display_width(line[c]));
    });
    Fit fit = fit_table(t.columns, content, o.width);
    const std::vector<std::size_t>& w = fit.widths;
    std::size_t last = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        if (w[c] > 0) last = c;
    auto emit = [&](const std::vector<std::string>& texts, const std::vector<Cell>* row, bool header) {
        std::string line;
        for (std::size_t c = 0; c <= last; ++c) {
            if (w[c] == 0) continue;
            std::string text = truncate_display(texts[c], w[c]);
            std::size_t pad = w[c] - std::min(w[c], display_width(text));
            std::string styled =
                header ? o.style.bold(text) : toned(o.style, row && c < row->size() ? (*row)[c].tone : Tone::Plain, text);
            if (t.columns[c].align == Align::Right) line += std::string(pad, ' ') + styled;
            else line += styled + (c == last ? "" : std::string(pad, ' '));
            if (c != last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    };
    std::vector<std::string> headers;
    for (const auto& col : t.columns)
        headers.push_back(upper(header_of(col, fit.short_headers)));
    emit(headers, nullptr, true);
    for_each_row(t, [&](const std::vector<Cell>& row) {
        emit(texts_of(row), &row, false);
        flush_chunk(out, &write);
    });
    if (!fit.dropped.empty()) {
        std::string names;
        for (std::string d : fit.dropped) {
            // "Submit by" reads "submit by" inside the sentence; "CE hours" stays as it is.
            if (d.size() > 1 && d[0] >= 'A' && d[0] <= 'Z' && d[1] >= 'a' && d[1] <= 'z')
                d[0] = static_cast<char>(d[0] - 'A' + 'a');
            names += (names.empty() ? "" : ", ") + d;
        }
        out += o.style.dim(fmt::format("(left out to fit {} columns: {})", *o.width, names)) + "\n";
    }
}

} // namespace

std::string render_table(const Document& doc, const TableOptions& o) {
    std::string out;
    render_table(doc, o, [&](std::string_view chunk) { out += chunk; });
    return out;
}

void render_table(const Document& doc, const TableOptions& o, const TextSink& write) {
    const Style& s = o.style;
    std::string out =
        s.bold(printable(doc.title)) + " \u00b7 " + printable(doc.workspace) + " \u00b7 as of " + to_string(doc.as_of) + "\n";
    for (const auto& line : doc.summary)
        out += printable(line) + "\n";
    for (const auto& sec : doc.sections) {
        out += "\n";
        if (!sec.heading.empty()) out += s.bold(printable(sec.heading)) + "\n";
        for (const auto& line : sec.intro)
            out += printable(line) + "\n";
        if (!sec.heading.empty() || !sec.intro.empty()) out += "\n";
        if (row_count(sec.table) == 0) out += printable(sec.empty) + "\n";
        else render_one(out, sec.table, o, write);
        if (!sec.totals.columns.empty()) {
            out += "\n";
            if (!sec.totals_heading.empty()) out += printable(sec.totals_heading) + ":\n";
            render_one(out, sec.totals, o, write);
        }
    }
    if (!doc.notes.empty()) out += "\n";
    for (const auto& n : doc.notes)
        out += printable(n) + "\n";
    write(out);
}

} // namespace peerctl
