#pragma once
// `entries`: every entry of one record with its reference (`ce:3`, the third [[ce]] in file
// order), and for each credential whether it counts and why not, as the evaluation decided
// (entry_use.hpp); laid out as a table or CSV, or as JSON.

#include "evaluation.hpp"
#include "record.hpp"
#include "report_document.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace peerctl {

struct NotCounted {
    std::string credential;
    std::string reason; // "before the current period", "void: duplicate"
};

struct EntryRow {
    EntryKind kind = EntryKind::Ce;
    std::size_t number = 0; // from 1, within its kind, in file order
    Position pos;
    Date date;
    std::optional<Hours> hours;
    std::string title;               // for exams and renewals, what they are ("ct-rss exam, passed")
    std::vector<std::string> topics; // CE topics; a training entry's domain
    std::optional<VoidMark> voided;
    std::vector<std::string> counts_for; // credential ids, in the record's order
    std::vector<NotCounted> not_counted;
};

// The record's entries in file order (only those of `kind` when given). `status` must have been
// evaluated with its entry uses.
std::vector<EntryRow> entry_rows(const Record& record, const SpecialistStatus& status, std::optional<EntryKind> kind);

// For a table: COUNTS (the credentials) and WHY NOT ("before the current period" when every
// credential that does not count it says the same, else "ct-rss: ...; ny-crpa: ...").
Document entries_document(const std::vector<EntryRow>& rows, const std::string& id, Date as_of);
// Follows schemas/entries.schema.json.
std::string entries_json(const std::vector<EntryRow>& rows, const std::string& id, Date as_of);

} // namespace peerctl
