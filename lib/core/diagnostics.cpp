#include "diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace peerctl {

void Diagnostics::error(const std::string& file, Position pos, std::string message) {
    items_.push_back({Severity::Error, file, pos, std::move(message)});
    ++errors_;
}

void Diagnostics::warning(const std::string& file, Position pos, std::string message) {
    items_.push_back({Severity::Warning, file, pos, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    errors_ += other.errors_;
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.pos.line, a.pos.column) < std::tie(b.file, b.pos.line, b.pos.column);
    });
}

std::vector<std::string> Diagnostics::files_with_errors() const {
    std::vector<std::string> files;
    for (const auto& d : items_)
        if (d.severity == Severity::Error) files.push_back(d.file);
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

std::string format(const Diagnostic& d) {
    std::string out = d.file;
    if (d.pos.line > 0) {
        out += ':' + std::to_string(d.pos.line);
        if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
    }
    out += d.severity == Severity::Error ? ": error: " : ": warning: ";
    out += d.message;
    return out;
}

namespace {
// Optimal string alignment distance: a swap of two neighbouring letters ("titel") is one edit.
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
        d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
        d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j) {
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}
} // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    // Words are short ids; very long input is not a typo of one.
    if (word.empty() || word.size() > 64) return {};
    std::string best;
    std::size_t best_distance = 0;
    for (const auto& c : candidates)
        if (word.size() >= 3 && c.size() > word.size() && c.compare(0, word.size(), word) == 0) return c;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (best.empty() || d < best_distance) {
            best = c;
            best_distance = d;
        }
    }
    // A third of the word's length, at least 1 and at most 3 edits, reads as a typo.
    std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    return !best.empty() && best_distance <= limit ? best : std::string();
}

std::string utf8_prefix(std::string_view text, std::size_t max) {
    if (text.size() <= max) return std::string(text);
    std::size_t n = max; // text[n] is the first byte left out: back up to the start of its sequence
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return std::string(text.substr(0, n));
}

} // namespace peerctl
