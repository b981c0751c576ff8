#pragma once
// A fast reader for the plain subset of TOML that records are written in (bare keys, one-line
// strings, integers, decimals, dates, string arrays, [table.name] and [[array]] headers). For bulk
// reads of a large registry, toml++ 3.3.0 spends most of the time decoding; this reads bytes.
//
// It answers only when it is sure: any construct outside the subset, and anything invalid, gives
// nullopt, and the caller parses with toml++, which also gives the positioned diagnostics. The
// tables it builds carry no source positions, so callers use it only where positions are not
// shown. A differential test checks it against toml++ on every fixture and on mutated inputs.

#include <toml++/toml.h>

#include <optional>
#include <string_view>

namespace peerctl {

// `text` must have passed prescan_toml (valid UTF-8, no control characters).
std::optional<toml::table> parse_plain_toml(std::string_view text);

} // namespace peerctl
