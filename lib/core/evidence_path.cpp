#include "evidence_path.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace peerctl {

std::string evidence_path_problem(std::string_view path) {
    // A NUL ends the path the system sees ("..\0x" would be checked as one name and opened as ".."). Other
    // control characters are legal in file names; showing them safely is the output's business.
    if (path.find('\0') != std::string_view::npos) return "it contains a NUL character";
    if (!path.empty() && path.front() == '/') return "it is an absolute path";
    // Lexically, component by component: `evidence/../x` stays inside, `evidence/../../x` does not.
    int depth = 0;
    for (std::size_t start = 0; start <= path.size();) {
        std::size_t end = std::min(path.find('/', start), path.size());
        std::string_view part = path.substr(start, end - start);
        if (part == "..") --depth;
        else if (!part.empty() && part != ".") ++depth;
        if (depth < 0) return "'..' leads out of the workspace";
        start = end + 1;
    }
    return {};
}

std::string evidence_rule(std::string_view what, std::string_view problem) {
    return fmt::format("{} must be a path relative to the workspace and inside it (such as evidence/jdoe/certificate.pdf): {}",
                       what, problem);
}

} // namespace peerctl
