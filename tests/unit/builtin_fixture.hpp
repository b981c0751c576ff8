#pragma once
// The built-in credentials of data/credentials, loaded as the CLI loads them, and records judged
// by them: shared by the worked examples of the built-in rule files.

#include "credential_rules.hpp"
#include "dates.hpp"
#include "diagnostics.hpp"
#include "evaluation.hpp"
#include "record_loader.hpp"
#include "test_support.hpp" // doctest printers for Date, Hours, State (one definition in every TU)
#include "workspace.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace peerctl::test {

inline Date day(std::string_view text) {
    auto d = parse_date(text);
    REQUIRE_MESSAGE(d.has_value(), "bad test date ", std::string(text));
    return *d;
}

inline std::string str(Date d) { return peerctl::to_string(d); }
inline std::string str(const std::optional<Date>& d) { return d ? peerctl::to_string(*d) : std::string("none"); }

inline std::string messages(const Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items())
        out += format(d) + "\n";
    return out;
}

// The hours minimum of `topic` in a period's CE.
inline const RequirementProgress& topic_minimum(const CeProgress& ce, std::string_view topic) {
    auto it = std::find_if(ce.requirements.begin(), ce.requirements.end(),
                           [&](const RequirementProgress& r) { return r.kind == MinimumKind::TopicHours && r.topic == topic; });
    REQUIRE_MESSAGE(it != ce.requirements.end(), "no CE minimum for ", std::string(topic));
    return *it;
}

// A record's text with one more CE entry of `hours` tagged `topic`.
inline std::string with_ce(std::string text, std::string_view date, std::string_view hours, std::string_view topic) {
    return text.append("\n[[ce]]\ndate = ")
        .append(date)
        .append("\nhours = ")
        .append(hours)
        .append("\ntitle = \"Added\"\ntopics = [\"")
        .append(topic)
        .append("\"]\n");
}

// A record's text with the first `from` replaced by `to` (which must be there).
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the record: ", std::string(from));
    return text.replace(at, from.size(), to);
}

// The built-in rules, loaded exactly as the CLI loads them when there is no workspace.
struct Builtins {
    CredentialSet set;
    Builtins() {
        Diagnostics diags;
        set = load_credentials(PEERCTL_SOURCE_DATA_DIR "/credentials", nullptr, diags);
        INFO(messages(diags));
        REQUIRE(diags.items().empty());
        for (const char* id :
             {"ca-mpss", "ct-cpsrp", "ct-rss", "fl-crps", "ga-cps", "icrc-pr", "me-cipss", "mi-cprm", "naadac-ncprss", "nj-cprs",
              "ny-crpa", "oh-cprs", "pa-cps", "tx-mhps", "tx-rsps", "va-cprs", "wa-cps"})
            REQUIRE_MESSAGE(set.find(id) != nullptr, "built-in credential missing: ", id);
    }

    Record record(std::string_view text) const {
        Diagnostics diags;
        auto rec = load_record(text, "x.toml", set, {}, diags);
        INFO(messages(diags));
        REQUIRE(rec.has_value());
        REQUIRE(diags.items().empty()); // a clean record: no errors, no warnings
        return *rec;
    }

    // The status of credential `id` in `rec`, as of `as_of`.
    CredentialStatus status(const Record& rec, std::string_view id, std::string_view as_of) const {
        SpecialistStatus s = evaluate(rec, set, day(as_of));
        auto it = std::find_if(s.credentials.begin(), s.credentials.end(),
                               [&](const CredentialStatus& c) { return c.rule && c.rule->id == id; });
        REQUIRE_MESSAGE(it != s.credentials.end(), "no status for ", std::string(id));
        return *it;
    }
};

} // namespace peerctl::test
