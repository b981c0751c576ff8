#pragma once
// A pre-scan that runs before toml++ sees a file. toml++ 3.3.0 (Debian 12) crashes or reaches
// undefined behaviour on some inputs (see tests/fixtures/regressions): non-ASCII bytes outside strings,
// very deep dotted keys or nesting, and odd array-of-tables headers. Rejecting those shapes here,
// with a position, keeps every input a clean error.

#include "diagnostics.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace peerctl {

struct GuardLimits {
    std::size_t max_bytes = 1024 * 1024;
    unsigned max_nesting = 32;      // arrays and inline tables inside one another
    unsigned max_dotted_parts = 16; // a.b.c... in one key
};

// Adds an error for each problem; returns true when the text may be given to toml++.
bool prescan_toml(std::string_view text, const std::string& file, const GuardLimits& limits, Diagnostics& diags);

} // namespace peerctl
