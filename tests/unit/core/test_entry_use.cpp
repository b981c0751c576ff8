// Tests for lib/core/entry_use.cpp and the uses evaluation.cpp records: a void entry counts toward
// nothing, and every entry a credential's rules look at says whether it counted, and why not.
// Records are read from inline TOML against the built-in icrc-pr rules (46 h training, 500 h
// work or volunteer and 25 h supervision, an exam, 24-month periods, 20 CE h with 6 h ethics).

#include "entry_use.hpp"

#include "evaluation.hpp"
#include "record_loader.hpp"
#include "test_support.hpp"

#include <algorithm>

using namespace peerctl;
using peerctl::test::ymd;

namespace {

const CredentialSet& rules() {
    static const CredentialSet set = test::builtin_credentials();
    return set;
}

Record record(const std::string& body, std::string_view issued = "issued = 2024-04-01\nnumber = \"PR-1\"\n") {
    std::string text = "id = \"t\"\nname = \"T\"\n[credentials.icrc-pr]\n" + std::string(issued) + body;
    Diagnostics diags;
    auto rec = load_record(text, "t.toml", rules(), {}, diags);
    INFO(test::dump(diags));
    REQUIRE(rec);
    return *rec;
}

CredentialStatus evaluated(const Record& rec, Date as_of, bool uses = true) {
    SpecialistStatus s = evaluate(rec, rules(), as_of, uses);
    REQUIRE(s.credentials.size() == 1);
    return s.credentials[0];
}

// The reason recorded for entry `index` of `kind`, or "unused" when the rules never looked at it.
std::string use_of(const CredentialStatus& cs, EntryKind kind, std::size_t index) {
    for (const auto& u : cs.entry_uses)
        if (u.kind == kind && u.index == index) return u.reason == UseReason::Counts ? "counts" : to_string(u.reason);
    return "unused";
}

} // namespace

TEST_CASE("use_reason_names") {
    CHECK(use_reason_names().size() == static_cast<std::size_t>(UseReason::ExperienceTooOld) + 1);
    CHECK(to_string(UseReason::BeforePeriod) == "before the current period");
    CHECK(to_string(UseReason::AfterAsOf) == "after as-of");
    CHECK(to_string(UseReason::Void) == "void");
}

TEST_CASE("evaluate: a void CE entry counts toward nothing") {
    const std::string ethics = "[[ce]]\ndate = 2024-06-01\nhours = 6\ntitle = \"Ethics\"\ntopics = [\"ethics\"]\n";
    Record counted = record(ethics);
    Record voided = record(ethics + "void = \"duplicate\"\nvoided = 2024-07-01\n");
    REQUIRE(voided.ce[0].voided);
    CHECK(voided.ce[0].voided->reason == "duplicate");
    CHECK(voided.ce[0].voided->date == ymd(2024, 7, 1));

    CredentialStatus with = evaluated(counted, ymd(2025, 1, 1));
    CredentialStatus without = evaluated(voided, ymd(2025, 1, 1));
    CHECK(with.ce->counted == Hours::whole(6));
    CHECK(with.ce->requirements.at(0).counted == Hours::whole(6));
    CHECK(without.ce->counted == Hours());
    CHECK(without.ce->requirements.at(0).counted == Hours());
    CHECK(without.ce->entries == 0);
    CHECK(use_of(without, EntryKind::Ce, 0) == "void");
}

TEST_CASE("evaluate: void training, exams, experience and renewals count toward nothing") {
    const std::string pursued = "";
    SUBCASE("training") {
        Record r = record("[[training]]\ndate = 2024-01-10\nhours = 46\nvoid = \"wrong person\"\n", pursued);
        CredentialStatus cs = evaluated(r, ymd(2024, 3, 1));
        CHECK(cs.training->completed == Hours());
        CHECK(use_of(cs, EntryKind::Training, 0) == "void");
    }
    SUBCASE("exam") {
        Record r = record("[[exam]]\ndate = 2024-01-10\nresult = \"passed\"\nvoid = \"typo\"\n", pursued);
        CredentialStatus cs = evaluated(r, ymd(2024, 3, 1));
        CHECK_FALSE(cs.exam->passed);
        CHECK(cs.exam->attempts == 0);
        CHECK(use_of(cs, EntryKind::Exam, 0) == "void");
    }
    SUBCASE("experience") {
        Record r = record("[[experience]]\ndate = 2024-01-10\nhours = 25\nkind = \"supervision\"\nvoid = \"x\"\n", pursued);
        CredentialStatus cs = evaluated(r, ymd(2024, 3, 1));
        CHECK(cs.experience.at(1).completed == Hours());
        CHECK(use_of(cs, EntryKind::Experience, 0) == "void");
    }
    SUBCASE("renewal: it moves no expiry, and need not follow the certification") {
        Record r = record("[[renewal]]\ndate = 2023-01-01\nvoid = \"entered by mistake\"\n");
        CredentialStatus cs = evaluated(r, ymd(2025, 1, 1));
        CHECK(cs.certification->expires == ymd(2026, 4, 1));
        CHECK(cs.certification->renewals == 0);
        CHECK(use_of(cs, EntryKind::Renewal, 0) == "void");
    }
}

TEST_CASE("evaluate: entry uses say why an entry does not count") {
    Record r = record(R"([[ce]]
date = 2023-05-01
hours = 2
title = "before the period"
[[ce]]
date = 2024-05-01
hours = 2
title = "in the period"
[[ce]]
date = 2025-06-01
hours = 2
title = "after as-of"
[[training]]
date = 2024-01-10
hours = 10
domain = "advocacy"
[[training]]
date = 2024-06-10
hours = 2
domain = "ethics"
[[exam]]
date = 2024-02-01
result = "passed"
[[exam]]
date = 2024-03-01
result = "passed"
[[experience]]
date = 2024-01-05
hours = 10
kind = "work"
)");
    CredentialStatus cs = evaluated(r, ymd(2025, 1, 1));
    CHECK(use_of(cs, EntryKind::Ce, 0) == "before the current period");
    CHECK(use_of(cs, EntryKind::Ce, 1) == "counts");
    CHECK(use_of(cs, EntryKind::Ce, 2) == "after as-of");
    CHECK(use_of(cs, EntryKind::Training, 0) == "counts");
    CHECK(use_of(cs, EntryKind::Training, 1) == "after certification");
    CHECK(use_of(cs, EntryKind::Exam, 0) == "counts");
    CHECK(use_of(cs, EntryKind::Exam, 1) == "after the exam was passed");
    CHECK(use_of(cs, EntryKind::Experience, 0) == "counts");
    // The uses agree with what status counts.
    CHECK(cs.ce->counted == Hours::whole(2));

    SUBCASE("nothing is recorded unless asked for") { CHECK(evaluated(r, ymd(2025, 1, 1), false).entry_uses.empty()); }
    SUBCASE("CE of a credential not certified counts toward nothing yet") {
        Record pursued = record("[[ce]]\ndate = 2024-05-01\nhours = 2\ntitle = \"x\"\n", "");
        CHECK(use_of(evaluated(pursued, ymd(2025, 1, 1)), EntryKind::Ce, 0) == "not certified yet");
    }
}

TEST_CASE("load_record: void and voided") {
    auto errors = [](const std::string& entry) {
        std::string text = "id = \"t\"\nname = \"T\"\n[credentials.icrc-pr]\n" + entry;
        Diagnostics diags;
        auto rec = load_record(text, "t.toml", rules(), {}, diags);
        CHECK_FALSE(rec);
        return test::dump(diags);
    };
    CHECK(errors("[[ce]]\ndate = 2024-05-01\nhours = 2\ntitle = \"x\"\nvoid = \" \"\n") ==
          "t.toml:8:8: error: 'void' needs a reason (void = \"duplicate\")\n");
    CHECK(errors("[[ce]]\ndate = 2024-05-01\nhours = 2\ntitle = \"x\"\nvoided = 2024-06-01\n") ==
          "t.toml:8:10: error: 'voided' without 'void': add void = \"<reason>\"\n");
    CHECK(errors("[[exam]]\ndate = 2024-05-01\nresult = \"passed\"\nvoid = 3\n") ==
          "t.toml:7:8: error: 'void' must be a string (got an integer)\n");
    CHECK(errors("[[renewal]]\ndate = 2024-05-01\nvoid = \"x\"\nvoided = \"2024-06-01\"\n").find("t.toml:7:10: error:") == 0);
}
