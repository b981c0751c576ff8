#pragma once
// A TOML document cut into the pieces a three-way merge compares, as text: the top-level keys,
// then each table and each [[kind]] entry, each key with the comment and blank lines above it.
// Joining the pieces gives the document back byte for byte (with LF line ends and no BOM), so a
// merge built from them keeps every comment, key order and layout that it does not have to change.

#include "toml_guard.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

// One `key = value` statement (all its lines, for a multi-line value), with the comment and blank
// lines above it.
struct LayoutItem {
    std::string key;  // as written, without the blanks around dots ("credentials.ct-rss" stays quoted as written)
    std::string text; // the lines, each ending in "\n"

    // The statement without the lines above it.
    std::string_view statement() const;
    // The value's text on the statement's first line, without a trailing comment ("2026-03-02").
    std::string value() const;
};

enum class LayoutBlockKind { Root, Table, Entry };

struct LayoutBlock {
    LayoutBlockKind kind = LayoutBlockKind::Root;
    std::string name;   // the header's key ("credentials.ct-rss", "ce"); empty for the top-level keys
    std::string header; // the comment and blank lines above the header, and the header line
    std::vector<LayoutItem> items;
    // An entry with tables of its own ([[revision]] then [revision.ce]): the sub-headers are
    // items too, so that it is compared as a whole.
    bool compound = false;

    std::string text() const;
};

struct TomlLayout {
    std::vector<LayoutBlock> blocks; // the top-level keys first (always there, maybe with no items)
    std::string tail;                // comment and blank lines after the last statement
    bool crlf = false;               // the first line ended in CRLF
    bool bom = false;

    std::string text() const; // LF line ends, no BOM
};

// nullopt when `text` is not TOML that toml++ (behind the pre-scan) reads.
std::optional<TomlLayout> toml_layout(std::string_view text, const GuardLimits& limits = {});

// `text` with a leading BOM removed and each CRLF made LF.
std::string lf_text(std::string_view text);

} // namespace peerctl
