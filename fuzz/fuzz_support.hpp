#pragma once
// Shared by the fuzz targets: the built-in credentials and example records (loaded once), the
// fixed evaluation date, and the invariants every target checks on top of the sanitizers. A
// broken invariant aborts, so libFuzzer keeps the input as a crash.

#include "credential_rules.hpp"
#include "dates.hpp"
#include "diagnostics.hpp"
#include "evaluation.hpp"
#include "output_text.hpp"
#include "record.hpp"
#include "toml_text.hpp"
#include "workspace.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#ifndef PEERCTL_FUZZ_DATA_DIR
#error "PEERCTL_FUZZ_DATA_DIR must name the source tree's data/ directory"
#endif

namespace peerctl::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz invariant broken: %.*s\n%.*s\n", static_cast<int>(what.size()), what.data(),
                 static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline void require(bool ok, std::string_view what, std::string_view detail = {}) {
    if (!ok) fail(what, detail);
}

inline std::string dump(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items())
        out += format(d) + "\n";
    return out;
}

// Diagnostics as peerctl prints them are terminal-safe.
void printed_diagnostics_safe(const Diagnostics& diags);

// Every diagnostic names the file, says something, and is valid UTF-8 (it is printed, and
// a truncated name must not cut a character in two).
inline void check_diagnostics(const Diagnostics& diags, const std::string& file) {
    printed_diagnostics_safe(diags);
    for (const auto& d : diags.items()) {
        require(d.file == file, "a diagnostic names another file", format(d));
        require(!d.message.empty(), "a diagnostic without a message", format(d));
        require(is_valid_utf8(d.message), "a diagnostic that is not valid UTF-8", format(d));
    }
}

// The day every target evaluates on, so that a crash reproduces on any day.
inline Date as_of() { return Date{date::year{2026}, date::month{3}, date::day{1}}; }

inline const CredentialSet& builtin_credentials() {
    static const CredentialSet set = [] {
        Diagnostics diags;
        CredentialSet s = load_credentials(PEERCTL_FUZZ_DATA_DIR "/credentials", nullptr, diags);
        if (diags.has_errors() || s.all().empty()) fail("cannot load the built-in credentials", dump(diags));
        return s;
    }();
    return set;
}

// The bundled example workspace's records, against the built-in credentials.
inline const std::vector<Record>& example_records() {
    static const std::vector<Record> records = [] {
        Diagnostics diags;
        auto ws = load_workspace(PEERCTL_FUZZ_DATA_DIR "/example", diags);
        if (!ws) fail("cannot load the example workspace", dump(diags));
        LoadedRecords loaded = load_records(record_files(*ws), &*ws, builtin_credentials(), 1);
        if (loaded.diags.has_errors() || loaded.records.empty()) fail("cannot load the example records", dump(loaded.diags));
        return std::move(loaded.records);
    }();
    return records;
}

// A record's content without source positions, for comparing two ways of loading it.
std::string describe(const Record& r);

// One way out for text (output_text.hpp): each output keeps its format's promise whatever the data.
inline void terminal_safe(std::string_view text, std::string_view what, bool styled = false) {
    require(is_terminal_safe(text, styled), what, text);
}
inline void json_safe(std::string_view text, std::string_view what) { require(is_json_safe(text), what, text); }
inline void document_safe(std::string_view text, std::string_view what) { require(is_document_safe(text), what, text); }
// status (text, styled, JSON), check (Nagios: its lines and one '|'; JSON; UNKNOWN with a reason
// taken from the data) and the iCalendar export of `statuses`, each checked for its format.
void outputs_safe(const std::vector<SpecialistStatus>& statuses);

} // namespace peerctl::fuzz
