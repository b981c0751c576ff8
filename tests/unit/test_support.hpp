#pragma once
// Helpers shared by the unit tests: readable dates and hours, doctest printers for the library's
// value types, and loaders for inline TOML that fail the test with every diagnostic shown.

#include "credential_loader.hpp"
#include "dates.hpp"
#include "diagnostics.hpp"
#include "evaluation.hpp"
#include "hours.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace doctest {
template <>
struct StringMaker<peerctl::Date> {
    static String convert(const peerctl::Date& d) { return peerctl::to_string(d).c_str(); }
};
template <>
struct StringMaker<peerctl::Hours> {
    static String convert(const peerctl::Hours& h) { return (h.str() + " h").c_str(); }
};
template <>
struct StringMaker<peerctl::State> {
    static String convert(const peerctl::State& s) { return peerctl::to_string(s).c_str(); }
};
template <>
struct StringMaker<peerctl::Severity> {
    static String convert(const peerctl::Severity& s) { return s == peerctl::Severity::Error ? "error" : "warning"; }
};
} // namespace doctest

namespace peerctl::test {

inline Date ymd(int y, unsigned m, unsigned d) { return Date{date::year{y}, date::month{m}, date::day{d}}; }

// Hours written as hundredths, so every expected value is exact: centi(250) is 2.5 h.
inline Hours centi(std::int64_t c) { return Hours::from_centi(c); }
inline Hours hours(std::int64_t h) { return Hours::whole(h); }

// A CE entry titled "course".
inline CeEntry ce_entry(Date d, Hours h, std::vector<std::string> topics = {}, std::string provider = "") {
    CeEntry e;
    e.date = d;
    e.hours = h;
    e.title = "course";
    e.topics = std::move(topics);
    e.provider = std::move(provider);
    return e;
}

// A record (t.toml, id "t") holding the one credential `id`, certified on `issued` (none: pursued).
inline Record holder(std::string id, std::optional<Date> issued, std::optional<std::string> level = {},
                     std::optional<Date> expires = {}) {
    Record r;
    r.file = "t.toml";
    r.id = "t";
    r.name = "T";
    HeldCredential h;
    h.id = std::move(id);
    h.issued = issued;
    h.level = std::move(level);
    h.expires = expires;
    if (issued) h.number = "N-1";
    r.credentials.push_back(std::move(h));
    return r;
}

// What a status (evaluated with entry uses) says of entry `index` of `kind`.
inline const EntryUse& use_of_entry(const CredentialStatus& cs, EntryKind kind, std::size_t index) {
    auto it = std::find_if(cs.entry_uses.begin(), cs.entry_uses.end(),
                           [&](const EntryUse& u) { return u.kind == kind && u.index == index; });
    REQUIRE(it != cs.entry_uses.end());
    return *it;
}

// Every diagnostic, one per line, for failure messages.
inline std::string dump(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items())
        out += format(d) + "\n";
    return out;
}

// A credential from inline TOML with the required header keys filled in; `body` holds the
// remaining top-level keys first, then the tables.
inline std::string credential_toml(std::string_view id, std::string_view body) {
    std::string text = "id = \"" + std::string(id) + "\"\n";
    text += "name = \"Test credential " + std::string(id) + "\"\n";
    text += "effective_from = 2020-01-01\n";
    text += "confidence = \"high\"\n";
    text += body;
    return text;
}

inline Credential make_credential(std::string_view id, std::string_view body) {
    Diagnostics diags;
    auto c = load_credential(credential_toml(id, body), std::string(id) + ".toml", std::string(id), diags);
    INFO(dump(diags));
    REQUIRE(c.has_value());
    REQUIRE(diags.items().empty());
    return *c;
}

// The status of the one credential `rec` holds, with `c` the only rules in force.
inline CredentialStatus status_of(const Credential& c, const Record& rec, Date as_of) {
    CredentialSet set;
    set.add(c);
    SpecialistStatus s = evaluate(rec, set, as_of);
    REQUIRE(s.credentials.size() == 1);
    return s.credentials[0];
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The built-in credential files in data/credentials.
inline CredentialSet builtin_credentials() {
    CredentialSet set;
    for (const char* id :
         {"ca-mpss", "ct-cpsrp", "ct-rss", "fl-crps", "ga-cps", "icrc-pr", "me-cipss", "mi-cprm", "naadac-ncprss", "nj-cprs",
          "ny-crpa", "oh-cprs", "pa-cps", "tx-mhps", "tx-rsps", "va-cprs", "wa-cps"}) {
        std::string path = std::string(PEERCTL_SOURCE_DATA_DIR "/credentials/") + id + ".toml";
        Diagnostics diags;
        auto c = load_credential(read_file(path), path, id, diags);
        INFO(dump(diags));
        REQUIRE(c.has_value());
        set.add(std::move(*c));
    }
    return set;
}

} // namespace peerctl::test
