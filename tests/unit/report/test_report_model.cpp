// Tests for lib/report/report_model.cpp: the rows of the renewals and roster reports, transcripts and
// audit selection, from records written inline against the built-in credentials. As of
// 2026-11-23 unless said otherwise.

#include "report_model.hpp"

#include "report_render_json.hpp"
#include "report_stream.hpp"
#include "report_layout.hpp"
#include "report_render_csv.hpp"
#include "report_render_html.hpp"
#include "report_render_markdown.hpp"
#include "report_render_table.hpp"

#include "record_loader.hpp"
#include "test_support.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace peerctl;
using peerctl::test::centi;
using peerctl::test::hours;
using peerctl::test::ymd;

namespace {

const Date as_of = ymd(2026, 11, 23);

const CredentialSet& builtins() {
    static const CredentialSet set = peerctl::test::builtin_credentials();
    return set;
}

Record record(const std::string& text) {
    Diagnostics diags;
    auto r = load_record(text, "x.toml", builtins(), {}, diags);
    INFO(peerctl::test::dump(diags));
    REQUIRE(r.has_value());
    return *r;
}

std::string certified(const std::string& id, const std::string& credential, const std::string& issued,
                      const std::string& extra = "") {
    return "id = \"" + id + "\"\nname = \"" + id + " name\"\n[credentials." + credential + "]\nissued = " + issued + "\n" + extra;
}

std::vector<SpecialistStatus> statuses(const std::vector<Record>& records) {
    std::vector<SpecialistStatus> out;
    for (const auto& r : records)
        out.push_back(evaluate(r, builtins(), as_of));
    return out;
}

ReportContext context() { return {"W", as_of, 60, {}}; }

} // namespace

TEST_CASE("renewals_report") {
    // ct-rss 36 months: 2023-10-01 -> 2026-10-01 (lapsed); 2024-01-10 -> 2027-01-10 (48 days: due);
    // 2025-06-01 -> 2028-06-01 (active). pa-cps 24 months: 2024-08-01 -> 2026-08-01, grace to 2027-02-01.
    // ny-crpa: 2024-02-20 -> 2027-02-20, submit by 2027-01-06 (44 days: due by its submit-by date).
    std::vector<Record> records = {
        record(certified("late", "ct-rss", "2023-10-01")),    record(certified("soon", "ct-rss", "2024-01-10")),
        record(certified("fine", "ct-rss", "2025-06-01")),    record(certified("grace", "pa-cps", "2024-08-01")),
        record(certified("submit", "ny-crpa", "2024-02-20")), record("id = \"new\"\nname = \"New\"\n[credentials.ct-rss]\n")};
    auto all = statuses(records);

    SUBCASE("certified only, by the first action date, with the summary") {
        RenewalsReport r = renewals_report(all, context(), {});
        std::vector<std::string> ids;
        for (const auto& row : r.rows)
            ids.push_back(row.id);
        // late 2026-10-01 (lapsed: its expiry), submit 2027-01-06 (its submit-by date), soon 2027-01-10,
        // grace 2027-02-01 (its grace end), fine 2028-06-01.
        CHECK(ids == std::vector<std::string>{"late", "submit", "soon", "grace", "fine"});
        CHECK(r.summary.certified == 5);
        CHECK(r.summary.active == 3);
        CHECK(r.summary.due == 2);
        CHECK(r.summary.grace == 1);
        CHECK(r.summary.lapsed == 1);
    }
    SUBCASE("the deadline is the submit-by date while active") {
        RenewalsReport r = renewals_report(all, context(), {});
        const RenewalRow& submit = r.rows[1];
        CHECK(submit.deadline.kind == DeadlineKind::SubmitBy);
        CHECK(submit.deadline.date == ymd(2027, 1, 6));
        CHECK(submit.days_left == 44);
        CHECK(submit.due);
        CHECK(submit.missing == "ethics 4 h, 28 h total");
    }
    SUBCASE("--within keeps deadlines at most N days away, and those past") {
        ReportFilter f;
        f.within_days = 45;
        RenewalsReport r = renewals_report(all, context(), f);
        std::vector<std::string> ids;
        for (const auto& row : r.rows)
            ids.push_back(row.id);
        CHECK(ids == std::vector<std::string>{"late", "submit", "grace"});
    }
    SUBCASE("--state due and --credential") {
        ReportFilter f;
        f.states = {"due"};
        CHECK(renewals_report(all, context(), f).rows.size() == 2);
        f.credential = "ny-crpa";
        RenewalsReport r = renewals_report(all, context(), f);
        REQUIRE(r.rows.size() == 1);
        CHECK(r.rows[0].id == "submit");
    }
    SUBCASE("after its submit-by date a certification is late: counted as such, never due") {
        // ny-crpa 2023-12-01 -> 2026-12-01, submit by 2026-10-17: 37 days overdue on 2026-11-23.
        auto s = statuses({record(certified("tardy", "ny-crpa", "2023-12-01"))});
        RenewalsReport r = renewals_report(s, context(), {});
        REQUIRE(r.rows.size() == 1);
        CHECK(r.rows[0].status.state == State::Late);
        CHECK(r.rows[0].deadline == Deadline{ymd(2026, 10, 17), DeadlineKind::SubmitBy});
        CHECK(r.rows[0].days_left == -37);
        CHECK_FALSE(r.rows[0].due);
        CHECK(r.summary.late == 1);
        CHECK(r.summary.active == 0);
        CHECK(r.summary.due == 0);
        ReportFilter f;
        f.states = {"late"};
        CHECK(renewals_report(s, context(), f).rows.size() == 1);
        f.states = {"due", "active"};
        CHECK(renewals_report(s, context(), f).rows.empty());
        RosterReport roster = roster_report(s, context(), {});
        REQUIRE(roster.rows.size() == 1);
        CHECK(roster.rows[0].next == "submit by 2026-10-17 overdue 37 days, expires 2026-12-01");
        CHECK(roster.summary.late == 1);
    }
    SUBCASE("a level that cannot renew says so") {
        auto s = statuses({record(certified("prov", "ct-cpsrp", "2026-03-01", "level = \"provisional\"\n"))});
        RenewalsReport r = renewals_report(s, context(), {});
        REQUIRE(r.rows.size() == 1);
        // issued 2026-03-01, 12 months: the step up is due by the expiry, 2027-03-01
        CHECK(r.rows[0].note == "level provisional is not renewable: move up to full by 2027-03-01");
    }
}

TEST_CASE("roster_report lists everyone, with what comes next") {
    std::vector<Record> records = {record("id = \"a\"\nname = \"A\"\n[credentials.icrc-pr]\n"
                                          "[[training]]\ndate = 2026-01-05\nhours = 10\ndomain = \"advocacy\"\ntitle = \"t\"\n"),
                                   record("id = \"b\"\nname = \"B\"\n"), record(certified("c", "ct-rss", "2025-06-01"))};
    RosterReport r = roster_report(statuses(records), context(), {});
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].next == "needs training 36 h, mentoring-education 10 h, recovery-wellness 10 h, ethics 16 h, "
                            "experience 500 h, supervision 25 h, exam");
    CHECK_FALSE(r.rows[1].status.has_value());
    CHECK(r.rows[1].next == "no credential on record");
    CHECK(r.rows[2].next == "expires 2028-06-01");
    CHECK(r.summary.specialists == 3);
    CHECK(r.summary.credentials == 2);
    CHECK(r.summary.in_training == 1);
    CHECK(r.summary.active == 1);

    SUBCASE("a state filter leaves out records without a credential") {
        ReportFilter f;
        f.states = {"in-training"};
        RosterReport only = roster_report(statuses(records), context(), f);
        REQUIRE(only.rows.size() == 1);
        CHECK(only.rows[0].id == "a");
        CHECK(only.summary.specialists == 1);
    }
}

TEST_CASE("transcript_report") {
    // icrc-pr issued 2025-05-01: the window runs to 2027-05-01; entries before it, and after as_of,
    // are left out of the current period.
    Record r = record(
        certified("t", "icrc-pr", "2025-05-01",
                  "[[ce]]\ndate = 2025-04-30\nhours = 1\ntitle = \"before\"\n"
                  "[[ce]]\ndate = 2026-02-01\nhours = 2.5\ntitle = \"on file\"\ntopics = [\"ethics\"]\nevidence = \"e/yes.pdf\"\n"
                  "[[ce]]\ndate = 2025-05-01\nhours = 3\ntitle = \"missing\"\ntopics = [\"ethics\", \"advocacy\"]\nevidence = "
                  "\"e/no.pdf\"\n"
                  "[[ce]]\ndate = 2026-12-01\nhours = 4\ntitle = \"future\"\n"));
    SpecialistStatus s = evaluate(r, builtins(), as_of);
    EvidenceProbe probe = [](const std::string& path) { return path == "e/yes.pdf"; };

    SUBCASE("the current period, by date, with evidence checked") {
        Transcript t = transcript_report(r, s, false, std::nullopt, as_of, probe);
        REQUIRE(t.sections.size() == 1);
        const TranscriptSection& sec = t.sections[0];
        REQUIRE(sec.entries.size() == 2);
        CHECK(sec.entries[0].entry.title == "missing");
        CHECK(sec.entries[0].evidence == EvidenceState::Missing);
        CHECK(sec.entries[1].entry.title == "on file");
        CHECK(sec.entries[1].evidence == EvidenceState::Present);
        CHECK(sec.logged == centi(550));
        CHECK(sec.without_evidence == 1);
        REQUIRE(sec.topics.size() == 2);
        CHECK(sec.topics[0].topic == "advocacy");
        CHECK(sec.topics[1].topic == "ethics");
        CHECK(sec.topics[1].hours == centi(550));
        CHECK(sec.topics[1].entries == 2);
    }
    SUBCASE("--period all: every entry up to as_of") {
        Transcript t = transcript_report(r, s, true, std::nullopt, as_of, probe);
        REQUIRE(t.sections.size() == 1);
        CHECK_FALSE(t.sections[0].status.has_value());
        CHECK(t.sections[0].entries.size() == 3);
        CHECK(t.sections[0].entries[0].entry.title == "before");
        CHECK(t.sections[0].entries[0].evidence == EvidenceState::None);
        CHECK(t.sections[0].without_evidence == 2);
    }
    SUBCASE("a credential not certified yet gets a note instead of a section") {
        Record pursued = record("id = \"p\"\nname = \"P\"\n[credentials.ct-rss]\n");
        Transcript t = transcript_report(pursued, evaluate(pursued, builtins(), as_of), false, std::nullopt, as_of, probe);
        CHECK(t.sections.empty());
        CHECK(t.notes == std::vector<std::string>{"ct-rss is not certified yet (in-training): no CE period to list"});
    }
}

TEST_CASE("audit_select samples, in id order, those active or in grace") {
    std::vector<Record> records = {record(certified("e", "ct-rss", "2025-06-01")), record(certified("a", "ct-rss", "2025-06-01")),
                                   record(certified("lapsed", "ct-rss", "2023-01-01")),
                                   record(certified("g", "pa-cps", "2024-08-01")),
                                   record("id = \"t\"\nname = \"T\"\n[credentials.ct-rss]\n")};
    auto s = statuses(records);
    AuditSelection all = audit_select(s, 100, 1, std::nullopt);
    CHECK(all.population == 3);
    std::vector<std::string> ids;
    for (auto i : all.picked)
        ids.push_back(s[i].id);
    CHECK(ids == std::vector<std::string>{"a", "e", "g"});

    CHECK(audit_select(s, 100, 1, std::string("pa-cps")).population == 1);
    CHECK(audit_select(s, 10, 5, std::nullopt).picked.size() == 1);
    CHECK(audit_select(s, 10, 5, std::nullopt).picked == audit_select(s, 10, 5, std::nullopt).picked);
}

TEST_CASE("TeamReportStream makes the whole report in every format, whatever order specialists arrive in") {
    std::vector<Record> records = {
        record(certified("late", "ct-rss", "2023-10-01")),
        record(certified("same", "ct-rss", "2023-10-01")), // ties on expiry: by id
        record(certified("soon", "ct-rss", "2024-01-10")),
        record(certified("grace", "pa-cps", "2024-08-01")),
        record(certified("submit", "ny-crpa", "2024-02-20")),
        record(certified("tardy", "ny-crpa", "2023-12-01")), // late
        record("id = \"new\"\nname = \"New, \\\"Jr\\\" [{,:}] \\\\ |*<b> \\\"id\\\":\\\\\"\n[credentials.ct-rss]\n"),
        record("id = \"none\"\nname = \"=cmd\"\n"),
        record("id = \"zed\"\nname = \"Aaron\"\nsite = \"north\"\nsupervisor = \"kim\"\n[credentials.ct-rss]\nissued = "
               "2025-01-10\n"),
        record("id = \"amy\"\nname = \"Aaron\"\nsite = \"south\"\n[credentials.ct-rss]\nissued = 2024-03-01\n")};
    auto all = statuses(records);
    ReportFilter filter;
    // The optional columns (submit-by, grace) come and go with the rows that fill them.
    SUBCASE("no filter") {}
    SUBCASE("a state filter") { filter.states = {"due", "lapsed"}; }
    SUBCASE("a filter no row passes") { filter.states = {"eligible"}; }
    SUBCASE("a site filter") { filter.team.sites = {"north", "south"}; }
    SUBCASE("a supervisor filter") { filter.team.supervisors = {"kim"}; }
    SUBCASE("sorted by deadline") { filter.sort = ReportSort::Deadline; }
    SUBCASE("sorted by id") { filter.sort = ReportSort::Id; }
    SUBCASE("sorted by name") { filter.sort = ReportSort::Name; }
    SUBCASE("sorted by site") { filter.sort = ReportSort::Site; }
    SUBCASE("sorted by state") { filter.sort = ReportSort::State; }
    TableOptions narrow{Style{true}, 60};
    for (TeamReport kind : {TeamReport::Renewals, TeamReport::Roster})
        for (StreamFormat format : {StreamFormat::Csv, StreamFormat::Json, StreamFormat::Table, StreamFormat::Markdown,
                                    StreamFormat::Html, StreamFormat::Xlsx}) {
            CAPTURE(static_cast<int>(kind));
            CAPTURE(static_cast<int>(format));
            std::string json;
            Document doc;
            if (kind == TeamReport::Renewals) {
                RenewalsReport r = renewals_report(all, context(), filter);
                json = renewals_json(r, context());
                doc = renewals_document(r, context());
            } else {
                RosterReport r = roster_report(all, context(), filter);
                json = roster_json(r, context());
                doc = roster_document(r, context());
            }
            if (format == StreamFormat::Xlsx) {
                // The CSV's rows, as cells: the same text, in the same order, with the state's tone.
                TeamReportStream stream(kind, format, all.size(), context(), filter);
                for (std::size_t i = all.size(); i-- > 0;)
                    stream.add(i, all[i]);
                Table flat = stream.finish_flat();
                CHECK(csv_header(flat.columns) == csv_header(doc.flat.columns));
                REQUIRE(flat.rows.size() == doc.flat.rows.size());
                for (std::size_t r = 0; r < flat.rows.size(); ++r) {
                    CHECK(csv_row(flat.columns, flat.rows[r]) == csv_row(doc.flat.columns, doc.flat.rows[r]));
                    for (std::size_t c = 0; c < flat.rows[r].size(); ++c)
                        CHECK(flat.rows[r][c].tone == doc.flat.rows[r][c].tone);
                }
                continue;
            }
            std::string whole;
            switch (format) {
            case StreamFormat::Csv: whole = render_csv(doc); break;
            case StreamFormat::Json: whole = json; break;
            case StreamFormat::Table: whole = render_table(doc, narrow); break;
            case StreamFormat::Markdown: whole = render_markdown(doc); break;
            case StreamFormat::Html: whole = render_html(doc); break;
            case StreamFormat::Xlsx: break; // above
            }
            TeamReportStream stream(kind, format, all.size(), context(), filter, narrow);
            for (std::size_t i = all.size(); i-- > 0;)
                stream.add(i, all[i]);
            std::string streamed = stream.finish();
            CHECK(streamed == whole);
            CHECK(!streamed.empty());
            if (format == StreamFormat::Json) {
                // Laid out exactly as nlohmann lays out the whole document.
                CHECK(nlohmann::ordered_json::parse(streamed).dump(2) + "\n" == streamed);
            }
        }
}

TEST_CASE("TeamReportStream hands a long report on in pieces, the same text as whole") {
    std::vector<Record> records;
    for (int i = 0; i < 1500; ++i)
        records.push_back(
            record(certified(fmt::format("p{:04}", i), i % 2 ? "ct-rss" : "pa-cps", i % 3 ? "2023-10-01" : "2024-08-01")));
    auto all = statuses(records);
    for (StreamFormat format : {StreamFormat::Table, StreamFormat::Markdown, StreamFormat::Html}) {
        CAPTURE(static_cast<int>(format));
        RenewalsReport r = renewals_report(all, context(), {});
        Document doc = renewals_document(r, context());
        std::string whole = format == StreamFormat::Table      ? render_table(doc, {})
                            : format == StreamFormat::Markdown ? render_markdown(doc)
                                                               : render_html(doc);
        TeamReportStream stream(TeamReport::Renewals, format, all.size(), context(), {});
        for (std::size_t i = 0; i < all.size(); ++i)
            stream.add(i, all[i]);
        std::string streamed;
        std::size_t pieces = 0;
        stream.finish([&](std::string_view chunk) {
            streamed += chunk;
            ++pieces;
        });
        CHECK(streamed == whole);
        CHECK(whole.size() > 100000);
        CHECK(pieces > 1);
    }
}

TEST_CASE("renewal rows keep only what the report shows") {
    Record r =
        record(certified("soon", "ct-rss", "2024-01-10", "[[training]]\ndate = 2023-05-01\ntitle = \"Core\"\nhours = 80\n"));
    SpecialistStatus s = evaluate(r, builtins(), as_of);
    REQUIRE(s.credentials.at(0).training.has_value());
    auto rows = renewal_rows(s, context(), {});
    REQUIRE(rows.size() == 1);
    CHECK_FALSE(rows[0].status.training.has_value());
    CHECK(rows[0].status.ce.has_value());
    CHECK(rows[0].status.certification->expires == ymd(2027, 1, 10));
    CHECK(rows[0].due);
}

TEST_CASE("filter_state_words: each state's word, with due after active; renewals only a certification's") {
    CHECK(filter_state_words() ==
          std::vector<std::string>{"in-training", "eligible", "active", "due", "late", "grace", "lapsed"});
    CHECK(renewal_state_words() == std::vector<std::string>{"active", "due", "late", "grace", "lapsed"});
}

TEST_CASE("team reports sort by deadline, id, name, site or state, ties by id, and filter by site and supervisor") {
    std::vector<Record> records = {
        record("id = \"b\"\nname = \"Sam\"\nsite = \"south\"\n[credentials.ct-rss]\nissued = 2025-01-10\n"),
        record("id = \"a\"\nname = \"Sam\"\nsite = \"north\"\nsupervisor = \"kim\"\n[credentials.ct-rss]\n"),
        record("id = \"c\"\nname = \"Ann\"\n[credentials.ct-rss]\nissued = 2023-10-01\n"),                    // lapsed, no site
        record("id = \"d\"\nname = \"Zoe\"\nsite = \"north\"\n[credentials.ct-rss]\nissued = 2024-01-10\n")}; // due
    auto all = statuses(records);
    auto roster_ids = [&](std::optional<ReportSort> sort, TeamFilter team = {}) {
        ReportFilter f;
        f.sort = sort;
        f.team = std::move(team);
        std::string ids;
        for (const auto& row : roster_report(all, context(), f).rows)
            ids += row.id;
        return ids;
    };
    CHECK(roster_ids(std::nullopt) == "abcd");
    CHECK(roster_ids(ReportSort::Id) == "abcd");
    CHECK(roster_ids(ReportSort::Deadline) == "cdba"); // in training: no deadline, last
    CHECK(roster_ids(ReportSort::Name) == "cabd");     // Ann, Sam (a), Sam (b), Zoe
    CHECK(roster_ids(ReportSort::Site) == "dabc");     // north by deadline (d, then a with none), south, none last
    CHECK(roster_ids(ReportSort::State) == "cdba");    // lapsed, due, active, in training
    CHECK(roster_ids(std::nullopt, TeamFilter{{}, {"north"}, {}}) == "ad");
    CHECK(roster_ids(std::nullopt, TeamFilter{{}, {"North"}, {}}).empty()); // exact
    CHECK(roster_ids(std::nullopt, TeamFilter{{}, {"north", "south"}, {"kim"}}) == "a");
    CHECK(roster_ids(std::nullopt, TeamFilter{{}, {""}, {}}) == "c"); // an empty site: those with none
    ReportFilter by_name;
    by_name.sort = ReportSort::Name;
    std::string ids;
    for (const auto& row : renewals_report(all, context(), by_name).rows)
        ids += row.id;
    CHECK(ids == "cbd");
}
