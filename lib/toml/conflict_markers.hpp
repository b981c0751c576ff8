#pragma once
// Git's conflict markers left in a file (`<<<<<<< ours`, `=======`, `>>>>>>> theirs`, as git and
// `peerctl merge-file` write them): found before the TOML parser, which would only say it "saw
// '<'", so that `validate` can say what happened and what to do, line by line.

#include "diagnostics.hpp"

#include <string>
#include <string_view>

namespace peerctl {

// The marker lines ("<<<<<<<", "|||||||", "=======", ">>>>>>>", each at the start of a line and
// followed by a space or the line's end). Only a file with a "<<<<<<<" line is looked at, so a
// note that underlines a heading with "=======" is never mistaken for one. Adds an error at each
// conflict's opening line and returns how many conflicts there are.
std::size_t report_conflict_markers(std::string_view text, const std::string& file, Diagnostics& diags);

} // namespace peerctl
