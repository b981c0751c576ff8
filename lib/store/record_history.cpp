#include "record_history.hpp"

#include "git_process.hpp"

#include <charconv>
#include <string_view>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    for (std::size_t at = 0;;) {
        std::size_t end = text.find(sep, at);
        out.push_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
        if (end == std::string_view::npos) return out;
        at = end + 1;
    }
}

long count(std::string_view s) {
    long n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n); // "-" (a binary file) stays 0
    return n;
}

} // namespace

std::optional<std::vector<HistoryCommit>> record_history(const fs::path& root, const fs::path& file, std::string& error) {
    // Fields apart by US, commits by RS: neither can be in a name or a subject git prints.
    GitRun run = run_git(root, {"log", "--follow", "--no-color", "--format=%x1e%H%x1f%h%x1f%aI%x1f%an%x1f%ae%x1f%s", "--numstat",
                                "--", file.generic_string()});
    if (!run.ok()) {
        error = run.started ? std::string(split(run.err, '\n').front()) : run.error;
        if (error.empty()) error = "git log failed";
        return std::nullopt;
    }
    std::vector<HistoryCommit> out;
    for (std::string_view chunk : split(run.out, '\x1e')) {
        if (chunk.empty()) continue;
        std::vector<std::string_view> lines = split(chunk, '\n');
        std::vector<std::string_view> f = split(lines.front(), '\x1f');
        if (f.size() < 6) continue;
        HistoryCommit c{std::string(f[0]),
                        std::string(f[1]),
                        std::string(f[2]),
                        std::string(f[3]),
                        std::string(f[4]),
                        std::string(f[5]),
                        0,
                        0};
        for (std::size_t i = 1; i < lines.size(); ++i) {
            std::vector<std::string_view> stat = split(lines[i], '\t');
            if (stat.size() < 3) continue;
            c.added += count(stat[0]);
            c.removed += count(stat[1]);
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace peerctl
