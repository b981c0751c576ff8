#pragma once
// Evidence paths (`evidence = "evidence/jdoe/2026-03-02-ethics.pdf"` in a [[ce]] entry) name files
// inside the workspace, relative to its root. A record is text that many people edit: a path to
// /etc/shadow, or one that climbs out with `..`, must never be reported as evidence on file, nor
// lead peerctl to look outside the workspace. This is the rule on the text; store/evidence_files
// applies it to the file system, where symbolic links may lead out too.

#include <string>
#include <string_view>

namespace peerctl {

// Why the path as written cannot name a file inside the workspace (absolute, climbing out with
// `..`, holding a NUL), as the end of evidence_rule's sentence; empty when it can.
// The path itself is never quoted: it may say whose certificate it is.
std::string evidence_path_problem(std::string_view path);
// The reason a symbolic link gives, in the same form.
inline constexpr std::string_view evidence_link_problem = "a symbolic link leads out of the workspace";
// "must be a path relative to the workspace and inside it", which `what` ('evidence', --evidence) starts.
std::string evidence_rule(std::string_view what, std::string_view problem);

} // namespace peerctl
