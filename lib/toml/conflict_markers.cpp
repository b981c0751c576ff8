#include "conflict_markers.hpp"

#include <fmt/core.h>

#include <cstdint>
#include <optional>

namespace peerctl {

namespace {

// The marker character of `line` when it is a conflict marker line, else nothing.
std::optional<char> marker_of(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() < 7) return std::nullopt;
    char c = line[0];
    if (c != '<' && c != '|' && c != '=' && c != '>') return std::nullopt;
    if (line.substr(0, 7).find_first_not_of(c) != std::string_view::npos) return std::nullopt;
    if (line.size() > 7 && line[7] != ' ') return std::nullopt;
    return c;
}

} // namespace

std::size_t report_conflict_markers(std::string_view text, const std::string& file, Diagnostics& diags) {
    if (text.find("<<<<<<<") == std::string_view::npos) return 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t conflicts = 0;
    std::uint32_t line = 0, open = 0, middle = 0;
    auto report = [&](std::uint32_t from, std::string_view what) {
        ++conflicts;
        diags.error(file, {from, 1}, fmt::format("merge conflict marker: {}", what));
    };
    for (std::size_t at = 0; at < text.size();) {
        std::size_t nl = text.find('\n', at);
        std::string_view l = text.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
        at = nl == std::string_view::npos ? text.size() : nl + 1;
        ++line;
        std::optional<char> m = marker_of(l);
        if (!m) continue;
        if (*m == '<') {
            if (open) report(open, "a conflict opened here is not closed by a '>>>>>>>' line");
            open = line;
            middle = 0;
        } else if (*m == '=' && open) {
            middle = line;
        } else if (*m == '>' && open) {
            report(open, fmt::format("git could not merge lines {}-{}: ours (above the '=======' line {}) and theirs "
                                     "(below it) differ; keep the right one, delete the marker lines, then 'git add' "
                                     "the file",
                                     open, line, middle ? fmt::format("{}", middle) : std::string("(missing)")));
            open = 0;
        }
    }
    if (open) report(open, "a conflict opened here is not closed by a '>>>>>>>' line");
    return conflicts;
}

} // namespace peerctl
