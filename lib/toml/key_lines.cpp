#include "key_lines.hpp"

#include <vector>

namespace peerctl {

namespace {

struct Line {
    std::size_t start, end; // end before "\r\n" or "\n"
    std::size_t next;       // where the next line starts
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t nl = text.find('\n', at);
        std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
        std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        if (end > at && text[end - 1] == '\r') --end;
        out.push_back({at, end, next});
        at = next;
    }
    return out;
}

std::string_view trimmed(std::string_view s) {
    std::size_t first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// The bare key a `key = value` line sets, or empty.
std::string_view key_of(std::string_view line) {
    line = trimmed(line);
    std::size_t eq = line.find('=');
    if (line.empty() || line.front() == '#' || line.front() == '[' || eq == std::string_view::npos) return {};
    return trimmed(line.substr(0, eq));
}

bool opens_multiline(std::string_view line) {
    std::size_t eq = line.find('=');
    std::string_view value = trimmed(line.substr(eq + 1));
    return value.starts_with("\"\"\"") || value.starts_with("'''") ||
           (value.starts_with('[') && value.find(']') == std::string_view::npos) ||
           (value.starts_with('{') && value.find('}') == std::string_view::npos);
}

} // namespace

std::optional<std::string> set_key_line(std::string_view text, std::uint32_t table_line, std::string_view key,
                                        std::string_view value, std::string& error) {
    std::vector<Line> lines = lines_of(text);
    std::size_t from = table_line;                             // index of the first line after the header
    std::size_t last = table_line ? table_line - 1 : SIZE_MAX; // the line to add after
    bool in_multiline = false;
    std::string eol = !lines.empty() && lines[0].next > lines[0].end + 1 ? "\r\n" : "\n";
    for (std::size_t i = from; i < lines.size(); ++i) {
        std::string_view line = text.substr(lines[i].start, lines[i].end - lines[i].start);
        if (in_multiline) {
            // A value that spans lines ends at its closing delimiter; we only need not mistake its lines.
            if (line.find("\"\"\"") != std::string_view::npos || line.find("'''") != std::string_view::npos ||
                trimmed(line).starts_with(']') || trimmed(line).starts_with('}'))
                in_multiline = false;
            last = i;
            continue;
        }
        if (trimmed(line).starts_with('[')) break;
        std::string_view k = key_of(line);
        if (k.empty()) continue;
        if (opens_multiline(line)) {
            if (k == key) {
                error = std::string("'") + std::string(key) + "' is written over several lines; change it by hand";
                return std::nullopt;
            }
            in_multiline = true;
        }
        last = i;
        if (k != key) continue;
        std::string out(text.substr(0, lines[i].start));
        out += std::string(key) + " = " + std::string(value);
        out += text.substr(lines[i].end);
        return out;
    }
    std::string added = std::string(key) + " = " + std::string(value) + eol;
    if (last == SIZE_MAX) return added + std::string(text);
    std::string out(text.substr(0, lines[last].next));
    if (lines[last].next == lines[last].end) out += eol; // the file did not end in a newline
    out += added;
    out += text.substr(lines[last].next);
    return out;
}

} // namespace peerctl
