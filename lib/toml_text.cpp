#include "toml_text.hpp"

namespace peerctl {

std::string toml_string(std::string_view text) { return "\"" + toml_escaped(text) + "\""; }

} // namespace peerctl
