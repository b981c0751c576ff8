#pragma once
// The three-way merge of record files behind `peerctl merge-file`, git's merge driver for
// specialists/*.toml and credentials/*.toml: two sites that append entries to the same record
// are not in conflict, and neither is a key changed on one side only.
//
// It merges text, not data: each side is cut into blocks (the top-level keys, then each table and
// each [[kind]] entry, toml_layout.hpp) and each block into its keys, and the result is put
// together from the sides' own lines. Re-serialising parsed TOML would lose comments, key order
// and layout on every merge; working on blocks keeps every line that neither side changed exactly
// as it was, which is also what people reading `git diff` after a merge expect.
//
// Tables are matched by name. Entries have no ids: an entry is what it says (its lines but for
// `void` and `voided`), so a base entry is the side's entry that says the same, or failing that,
// the side's entry of the same kind and date (`effective_from` for a credential's [[revision]]):
// the same entry, edited. Then, key by key: a change
// on one side is taken, the same change on both is taken once, different changes are a conflict
// (markers around both versions, as git writes them). Entries added on either side are all kept,
// once each (the same entry added on both sides is one entry), after the others, in date order.

#include "toml_guard.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct MergeOutcome {
    std::string text;          // what git is to keep: the merge, with conflict markers where it could not
    std::size_t conflicts = 0; // regions between markers
    bool whole_file = false;   // the markers hold the whole of each side (see `reason`)
    std::string reason;        // why the whole file: a side that does not parse, a merge that would not be valid
};

// The errors `text` has when read as what the file is (a record, a credential), as messages
// without positions; none when it is valid.
using MergeCheck = std::function<std::vector<std::string>(std::string_view text)>;

// Line ends follow ours (CRLF stays CRLF). A merge without conflicts is accepted only when
// `check` finds in it no error that ours or theirs did not have already (so valid sides give a
// valid merge); otherwise, and when ours or theirs does not parse, the result is the whole of
// each side between markers: nothing is ever dropped silently. A base that does not parse (or is
// empty: the file was added on both sides) counts as an empty file.
MergeOutcome merge_record_text(std::string_view base, std::string_view ours, std::string_view theirs, const MergeCheck& check,
                               const GuardLimits& limits = {});

// The conflict markers this merge writes.
inline constexpr std::string_view conflict_open = "<<<<<<< ours";
inline constexpr std::string_view conflict_middle = "=======";
inline constexpr std::string_view conflict_close = ">>>>>>> theirs";

} // namespace peerctl
