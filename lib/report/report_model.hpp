#pragma once
// The team reports' content, computed from statuses (and, for transcripts, the records): who must
// renew, where everyone stands, one specialist's CE entries, an audit sample. Pure: nothing here
// reads files or knows a format; renderers lay these out (report_layout, report_render_*).

#include "deadline.hpp"
#include "evaluation.hpp"
#include "report_order.hpp"
#include "team_filter.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace peerctl {

// What a report is about: the workspace's name and the as-of date.
struct ReportContext {
    std::string workspace;
    Date as_of;
    int due_days = 60; // "due": active with the deadline at most this many days away (warn_days)
    // Record files a team report leaves out because they could not be read: it says so above its rows.
    std::vector<std::string> unreadable;
};

// Which credentials a report keeps, and in which order. Empty members keep everything.
struct ReportFilter {
    std::optional<int> within_days;  // deadline at most this many days away; late, grace and lapsed included
    std::vector<std::string> states; // words of filter_state_words()
    std::optional<std::string> credential;
    TeamFilter team;                // by site and supervisor (a report takes no ids)
    std::optional<ReportSort> sort; // none: the report's own (renewals by deadline, roster by id)
};

// The order a report's rows are in: the one asked for, else the report's own.
ReportSort renewals_sort(const ReportFilter& f);
ReportSort roster_sort(const ReportFilter& f);

// The words a state filter takes: each state's, with "due" (active, its deadline at most due_days
// away) after "active"; renewals lists certifications, so it takes only the words of those.
std::vector<std::string> filter_state_words();
std::vector<std::string> renewal_state_words();

struct RenewalRow {
    std::string id;
    std::string name;
    std::string site;
    CredentialStatus status; // certified: `certification` is set
    Deadline deadline;       // its first action date
    int days_left = 0;       // to the deadline; negative once past
    bool due = false;
    std::string missing; // CE still missing, in words ("ethics 3 h, 14.5 h total")
    std::string note;    // why a level cannot renew ("level provisional is not renewable; move up to full")
};

struct RenewalSummary {
    int certified = 0;
    int active = 0; // includes the due ones
    int due = 0;
    int late = 0;
    int grace = 0;
    int lapsed = 0;
};

struct RenewalsReport {
    ReportFilter filter;
    std::vector<RenewalRow> rows; // in renewals_sort's order
    RenewalSummary summary;       // of the rows
};

// Counts a row into a summary (a roster row that names a credential).
void count_renewal(RenewalSummary& sum, State state, bool due);
struct RosterSummary;
void count_roster(RosterSummary& sum, State state, bool due);

// What a row is sorted by (report_order); the views are into the row.
RowOrder row_order(const RenewalRow& row, ReportSort sort);
struct RosterRow;
RowOrder row_order(const RosterRow& row, ReportSort sort);

// One specialist's rows, made on the thread that loaded the record so that its status can be
// dropped there: a row keeps only what the report shows (no training, exam or experience), and
// a whole registry's rows fit in a few tens of megabytes.
std::vector<RenewalRow> renewal_rows(const SpecialistStatus& s, const ReportContext& ctx, const ReportFilter& filter);
// The whole report at once: the rows of every specialist, sorted and counted. `report` makes a
// registry's report a row at a time (report_stream); the fuzz target and the unit tests check that
// against this.
RenewalsReport renewals_report(const std::vector<SpecialistStatus>& statuses, const ReportContext& ctx,
                               const ReportFilter& filter);

struct RosterRow {
    std::string id;
    std::string name;
    std::string site;
    std::optional<CredentialStatus> status; // none: the record names no credential
    bool due = false;
    std::string next; // what comes next, in words ("training 24 h, exam"; "expires 2027-06-15")
};

struct RosterSummary {
    int specialists = 0;
    int credentials = 0;
    int in_training = 0;
    int eligible = 0;
    int active = 0; // includes the due ones
    int due = 0;
    int late = 0;
    int grace = 0;
    int lapsed = 0;
};

struct RosterReport {
    ReportFilter filter;
    std::vector<RosterRow> rows; // in roster_sort's order
    RosterSummary summary;
};

// As for renewals: one specialist's rows, then the whole report of every specialist's, in that order.
std::vector<RosterRow> roster_rows(const SpecialistStatus& s, const ReportContext& ctx, const ReportFilter& filter);
RosterReport roster_report(const std::vector<SpecialistStatus>& statuses, const ReportContext& ctx, const ReportFilter& filter);

// What is still missing for initial certification, in words: "training 24 h, advocacy 4 h, exam".
std::string initial_missing_in_words(const CredentialStatus& cs);

enum class EvidenceState { None, Present, Missing };
std::string to_string(EvidenceState e);

// Whether an evidence path (as written in the record, relative to the workspace) names a file.
using EvidenceProbe = std::function<bool(const std::string& path)>;

struct TranscriptEntry {
    CeEntry entry;
    EvidenceState evidence = EvidenceState::None;
};

struct TopicTotal {
    std::string topic;
    Hours hours;
    int entries = 0;
};

// One credential's current CE period, or (with no credential) every CE entry on record.
struct TranscriptSection {
    std::optional<CredentialStatus> status;
    std::vector<TranscriptEntry> entries; // by date
    Hours logged;
    std::vector<TopicTotal> topics; // logged per topic, by topic id
    int without_evidence = 0;       // entries with no evidence file, or one that is not there
    int voided = 0;                 // void entries: listed, counted in no total
};

struct Transcript {
    std::string id;
    std::string name;
    bool all_periods = false;
    std::vector<TranscriptSection> sections;
    std::vector<std::string> notes; // why a credential has no section
};

// CE entries dated after as_of are left out, as in the status.
Transcript transcript_report(const Record& record, const SpecialistStatus& status, bool all_periods,
                             const std::optional<std::string>& credential, Date as_of, const EvidenceProbe& probe);

// Who an audit samples: of the specialists holding a credential that is active or in grace (the
// population, in id order), a share picked by report_sampler with `seed`.
struct AuditSelection {
    std::size_t population = 0;
    std::vector<std::size_t> picked; // indices into the statuses, by id
};
AuditSelection audit_select(const std::vector<SpecialistStatus>& statuses, int percent, std::uint64_t seed,
                            const std::optional<std::string>& credential);
// What audit_select needs of a status: its id and the states of the credentials it could be
// audited for, nothing else (kept for every specialist while the registry loads).
SpecialistStatus audit_candidate(const SpecialistStatus& s, const std::optional<std::string>& credential);

struct AuditSample {
    int percent = 10;
    std::uint64_t seed = 0;
    std::optional<std::string> credential;
    TeamFilter team; // the population was of these sites and supervisors only (the caller's filter)
    std::size_t population = 0;
    std::vector<Transcript> transcripts; // the sample, by id: current period of each such credential
    int without_evidence = 0;
};

// The sampled specialists' transcripts; `records` and `statuses` are those of the picked ones,
// parallel (statuses[i] = evaluate(records[i])).
AuditSample audit_sample(std::size_t population, const std::vector<Record>& records,
                         const std::vector<SpecialistStatus>& statuses, int percent, std::uint64_t seed,
                         const std::optional<std::string>& credential, Date as_of, const EvidenceProbe& probe);

} // namespace peerctl
