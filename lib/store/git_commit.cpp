#include "git_commit.hpp"

#include "git_process.hpp"

#include <algorithm>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

// What git said first: its error output, else its standard output, else its exit status.
std::string complaint(const GitRun& run) {
    if (!run.started) return run.error;
    for (const std::string* text : {&run.err, &run.out}) {
        std::size_t start = text->find_first_not_of(" \t\r\n");
        if (start == std::string::npos) continue;
        std::size_t end = text->find_first_of("\r\n", start);
        return commit_message_line(text->substr(start, end == std::string::npos ? std::string::npos : end - start));
    }
    return run.status < 0 ? "git was killed by a signal" : "git exited with status " + std::to_string(run.status);
}

// Takes out of `present` and `all` the files git is told to ignore: evidence/ may be kept out of
// git on purpose. Asking first also finds out, before anything is staged, whether `root` is in a
// work tree at all: git's complaint when it is not.
std::optional<std::string> leave_out_ignored(const fs::path& root, std::vector<std::string>& present,
                                             std::vector<std::string>& all) {
    // One file a run (a write changes one or two): the exit status answers, no output to parse.
    std::vector<std::string> ignored;
    for (const auto& file : present) {
        GitRun check = run_git(root, {"check-ignore", "--quiet", "--", file});
        if (check.started && check.status == 0) ignored.push_back(file);
        else if (!check.started || check.status != 1) return complaint(check); // 1: not ignored
    }
    for (const auto& file : ignored) {
        std::erase(present, file);
        std::erase(all, file);
    }
    return std::nullopt;
}

} // namespace

std::string commit_message_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0u;
        if (c < 0x20 || c == 0x7f) {
            out += ' ';
        } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) { // U+0080..U+009F in UTF-8
            out += ' ';
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::optional<std::string> commit_files(const Workspace& ws, const std::vector<fs::path>& files, const std::string& message) {
    if (!ws.git_commit || files.empty()) return std::nullopt;
    // Paths relative to the workspace, where git runs, and never read as pathspec magic (":(glob)").
    std::vector<std::string> present, all;
    for (const auto& file : files) {
        fs::path rel = file.lexically_relative(ws.root);
        std::string shown = rel.empty() ? file.string() : rel.string();
        std::error_code ec;
        if (fs::exists(fs::symlink_status(file, ec))) present.push_back(shown);
        all.push_back(std::move(shown));
    }
    if (!present.empty())
        if (auto problem = leave_out_ignored(ws.root, present, all)) return problem;
    if (all.empty()) return std::nullopt;
    // A new file must be known to the index for `commit --only` to take it; intent-to-add stages
    // nothing else of it, so that a commit that then fails leaves the index almost as it was.
    if (!present.empty()) {
        std::vector<std::string> args{"--literal-pathspecs", "add", "--intent-to-add", "--"};
        args.insert(args.end(), present.begin(), present.end());
        GitRun add = run_git(ws.root, args);
        if (!add.ok()) return complaint(add);
    }
    std::vector<std::string> args{"--literal-pathspecs", "commit", "--quiet", "--only", "-m", commit_message_line(message), "--"};
    args.insert(args.end(), all.begin(), all.end());
    GitRun commit = run_git(ws.root, args);
    if (!commit.ok()) return complaint(commit);
    return std::nullopt;
}

} // namespace peerctl
