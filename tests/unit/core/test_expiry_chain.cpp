// Tests for lib/core/expiry_chain.cpp: the periods of a held credential, and the errors the record
// loader reports, at their line, when those periods would leave 0001-01-01 .. 9999-12-31 or cannot
// make sense. Records are inline TOML read by load_record, so every position is the real one.

#include "expiry_chain.hpp"
#include "record_loader.hpp"

#include "test_support.hpp"

#include <fmt/core.h>

using namespace peerctl;
using peerctl::test::dump;
using peerctl::test::ymd;

namespace {

// t-year: 12 months from issue; t-grace: 12 months, a 6-month grace rung; t-submit: 12 months,
// renewal due 45 days before expiry; t-long: the longest period there is, 1200 months.
const CredentialSet& credentials() {
    static const CredentialSet set = [] {
        CredentialSet s;
        s.add(test::make_credential("t-year", "[period]\nanchor = \"issue-date\"\nmonths = 12\n"));
        s.add(test::make_credential("t-grace", "[period]\nanchor = \"issue-date\"\nmonths = 12\n"
                                               "[[after_expiry]]\nmonths = 6\nstate = \"grace\"\n"));
        s.add(test::make_credential("t-submit", "[period]\nanchor = \"issue-date\"\nmonths = 12\n"
                                                "[ce]\nhours = 10\nsubmit_before_days = 45\n"));
        s.add(test::make_credential("t-long", "[period]\nanchor = \"issue-date\"\nmonths = 1200\n"));
        return s;
    }();
    return set;
}

// Loads a record holding `credential` with the given lines in its table (lines 4 on), then
// `entries`; returns every diagnostic, one per line.
std::string errors(std::string_view credential, std::string_view held, std::string_view entries = "") {
    std::string text = "id = \"jdoe\"\nname = \"Jordan Doe\"\n[credentials." + std::string(credential) + "]\n" +
                       std::string(held) + std::string(entries);
    Diagnostics diags;
    std::optional<Record> rec = load_record(text, "jdoe.toml", credentials(), RecordLoadOptions{}, diags);
    CHECK(rec.has_value() == !diags.has_errors());
    return dump(diags);
}

} // namespace

TEST_CASE("check_expiry_chains: dates past 9999-12-31") {
    SUBCASE("an expiry of 9999-12-31 leaves no day after it") {
        // line 5: e1 x2 p3 i4 r5 e6 s7 ' '8 =9 ' '10 9 11
        CHECK(errors("t-year", "issued = 2020-01-01\nexpires = 9999-12-31\n") ==
              "jdoe.toml:5:11: error: the expiry of 't-year' (9999-12-31) must be before 9999-12-31, the last date peerctl "
              "handles\n");
        CHECK(errors("t-year", "issued = 2020-01-01\nexpires = 9999-12-30\n").empty());
    }
    SUBCASE("a renewal past 9999-12-31 is an error at the renewal") {
        CHECK(errors("t-year", "issued = 2020-01-01\nexpires = 9999-06-30\n", "[[renewal]]\ndate = 2026-01-01\n") ==
              "jdoe.toml:6:1: error: this renewal would move the expiry of 't-year' past 9999-12-31, the last date peerctl "
              "handles\n");
    }
    SUBCASE("an issue date whose first period ends past 9999-12-31") {
        // line 4: i1 s2 s3 u4 e5 d6 ' '7 =8 ' '9 9 10
        CHECK(errors("t-year", "issued = 9999-06-01\n") ==
              "jdoe.toml:4:10: error: 't-year' would expire after 9999-12-31, the last date peerctl handles\n");
        CHECK(errors("t-year", "issued = 9998-12-30\n").empty());
    }
    SUBCASE("a long period times many renewals: the first renewal past the end, never a wrapped year") {
        // issued 2024: the n-th renewal expires in 2024 + 100 (n + 1); the 79th would be 10024.
        std::string renewals;
        for (int i = 1; i <= 100; ++i)
            renewals += fmt::format("[[renewal]]\ndate = 2024-{:02}-{:02}\n", 1 + i / 28, 1 + i % 28);
        // renewal i starts on line 5 + 2 (i - 1)
        CHECK(errors("t-long", "issued = 2024-01-01\n", renewals) ==
              "jdoe.toml:161:1: error: this renewal would move the expiry of 't-long' past 9999-12-31, the last date peerctl "
              "handles\n");
    }
    SUBCASE("a grace period that would end past 9999-12-31") {
        CHECK(errors("t-grace", "issued = 2020-01-01\nexpires = 9999-07-01\n") ==
              "jdoe.toml:5:11: error: the grace period after the expiry of 't-grace' (9999-07-01) would end after 9999-12-31, "
              "the last date peerctl handles\n");
        CHECK(errors("t-grace", "issued = 2020-01-01\nexpires = 9999-06-30\n").empty());
    }
    SUBCASE("a submit-by date before 0001-01-01") {
        CHECK(errors("t-submit", "issued = 0001-01-01\nexpires = 0001-02-14\n") ==
              "jdoe.toml:5:11: error: the renewal of 't-submit' would be due 45 days before its expiry (0001-02-14), before "
              "0001-01-01, "
              "the first date peerctl handles\n");
        CHECK(errors("t-submit", "issued = 0001-01-01\nexpires = 0001-02-15\n").empty());
    }
}

TEST_CASE("check_expiry_chains: renewals that cannot make sense") {
    SUBCASE("an expiry before the one it renews: an inverted CE window") {
        // issued 2024-01-01 expires 2025-01-01; line 7: e1 ... =9 ' '10 2 11
        CHECK(errors("t-year", "issued = 2024-01-01\n", "[[renewal]]\ndate = 2024-12-01\nexpires = 2024-12-31\n") ==
              "jdoe.toml:7:11: error: 'expires' (2024-12-31) must be after the expiry it renews (2025-01-01)\n");
    }
    SUBCASE("an expiry equal to the one it renews: an empty window") {
        CHECK(errors("t-year", "issued = 2024-01-01\n", "[[renewal]]\ndate = 2024-12-01\nexpires = 2025-01-01\n") ==
              "jdoe.toml:7:11: error: 'expires' (2025-01-01) must be after the expiry it renews (2025-01-01)\n");
    }
    SUBCASE("after an explicit expiry, the next renewal counts from it") {
        std::string entries = "[[renewal]]\ndate = 2024-12-01\nexpires = 2026-06-30\n"
                              "[[renewal]]\ndate = 2026-06-01\nexpires = 2026-06-29\n";
        CHECK(errors("t-year", "issued = 2024-01-01\n", entries) ==
              "jdoe.toml:10:11: error: 'expires' (2026-06-29) must be after the expiry it renews (2026-06-30)\n");
        CHECK(errors("t-year", "issued = 2024-01-01\n", "[[renewal]]\ndate = 2024-12-01\nexpires = 2026-06-30\n").empty());
    }
    SUBCASE("a renewal dated before the credential was issued") {
        CHECK(errors("t-year", "issued = 2024-01-01\n", "[[renewal]]\ndate = 2023-12-31\n") ==
              "jdoe.toml:6:8: error: [[renewal]] dated 2023-12-31 is before 't-year' was issued (2024-01-01)\n");
        CHECK(errors("t-year", "issued = 2024-01-01\n", "[[renewal]]\ndate = 2024-01-01\n").empty());
    }
    SUBCASE("a renewal that expires on or before the day it was granted") {
        // granted 2026-03-01, long after the first expiry (2025-01-01), expiring before it
        CHECK(errors("t-year", "issued = 2024-01-01\n", "[[renewal]]\ndate = 2026-03-01\nexpires = 2026-03-01\n") ==
              "jdoe.toml:7:11: error: 'expires' must be after the renewal's 'date'\n");
    }
}

TEST_CASE("expiry_chain: the periods, each window starting the day after the last expiry") {
    Credential rule = *credentials().find("t-year");
    HeldCredential held;
    held.id = "t-year";
    held.issued = ymd(2024, 1, 31);
    RenewalEntry first, second;
    first.date = ymd(2024, 12, 1);
    first.expires = ymd(2025, 6, 30);
    second.date = ymd(2025, 6, 1);
    ExpiryChain chain = expiry_chain(rule, held, {&first, &second});
    CHECK(chain.fault == ChainFault::None);
    REQUIRE(chain.periods.size() == 3);
    CHECK(chain.periods[0].start == ymd(2024, 1, 31));
    CHECK(chain.periods[0].expires == ymd(2025, 1, 31));
    CHECK(chain.periods[1].start == ymd(2025, 2, 1));
    CHECK(chain.periods[1].expires == ymd(2025, 6, 30));
    CHECK(chain.periods[2].start == ymd(2025, 7, 1));
    CHECK(chain.periods[2].expires == ymd(2026, 6, 30)); // one period after the explicit expiry
}
