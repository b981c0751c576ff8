#pragma once
// One specialist's record, as read from specialists/<id>.toml.

#include "dates.hpp"
#include "diagnostics.hpp"
#include "hours.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peerctl {

enum class ExamResult { Passed, Failed, Scheduled };
enum class ExperienceKind { Work, Volunteer, Supervision };
enum class Delivery { InPerson, LiveOnline, SelfStudy };
// Whether a specialist still works here: `inactive` and `left` keep their records, but are out of
// check, remind, the calendar and team reports unless asked for (--include-inactive).
enum class Employment { Active, Inactive, Left };
// The kinds of entry a record holds, each an array of tables named by its word ([[ce]], ...).
enum class EntryKind { Training, Exam, Experience, Ce, Renewal };

// The word records spell each value with, in the enum's order: to_string and the parse_
// functions read these, and so does anything that lists the choices (shell completion).
std::span<const std::string_view> exam_result_names();
std::span<const std::string_view> experience_kind_names();
std::span<const std::string_view> delivery_names();
std::span<const std::string_view> entry_kind_names();
std::span<const std::string_view> employment_names();

std::string to_string(ExamResult r);
std::string to_string(ExperienceKind k);
std::string to_string(Delivery d);
std::string to_string(EntryKind k);
std::string to_string(Employment e);
std::optional<ExperienceKind> parse_experience_kind(std::string_view s);
std::optional<Delivery> parse_delivery(std::string_view s);
std::optional<ExamResult> parse_exam_result(std::string_view s);
std::optional<EntryKind> parse_entry_kind(std::string_view s);
std::optional<Employment> parse_employment(std::string_view s);
// "ce:3" for the third [[ce]] entry in file order: how `entries` lists an entry and `void` names it.
std::string entry_ref(EntryKind kind, std::size_t number);
// KIND:N with a kind's word and N from 1; nullopt when `ref` is not one.
std::optional<std::pair<EntryKind, std::size_t>> parse_entry_ref(std::string_view ref);

// An entry kept in the file for the audit trail that counts toward nothing: `void = "reason"`,
// optionally `voided = DATE` (when it was voided). Any kind of entry may carry one.
struct VoidMark {
    std::string reason;
    std::optional<Date> date;
};

// A credential the specialist holds (issued) or pursues (no fields).
struct HeldCredential {
    Position pos;
    std::string id;
    std::optional<std::string> number;
    std::optional<Date> issued;
    std::optional<std::string> level;
    std::optional<Date> expires;
    Position issued_pos, expires_pos; // for errors in the dates computed from them
};

struct TrainingEntry {
    Position pos;
    std::optional<VoidMark> voided;
    Date date;
    Hours hours;
    std::string domain;
    std::string title;
    std::string provider;
};

struct ExamEntry {
    Position pos;
    std::optional<VoidMark> voided;
    std::string credential;
    Date date;
    ExamResult result = ExamResult::Scheduled;
    std::optional<std::int64_t> score;
};

struct ExperienceEntry {
    Position pos;
    std::optional<VoidMark> voided;
    Date date;
    Hours hours;
    ExperienceKind kind = ExperienceKind::Work;
    std::string title;
};

struct CeEntry {
    Position pos;
    std::optional<VoidMark> voided;
    Date date;
    Hours hours;
    std::string title;
    std::string provider;
    std::vector<std::string> topics;
    std::optional<Delivery> delivery;
    std::string approval;
    std::string evidence; // relative to the workspace, never leaving it (evidence_path.hpp)
    Position evidence_pos;
    std::string evidence_sha256; // 64 lowercase hex digits, or empty
    Position evidence_sha256_pos;
};

struct RenewalEntry {
    Position pos;
    std::optional<VoidMark> voided;
    std::string credential;
    Date date;
    std::optional<Date> expires;
    Position date_pos, expires_pos;
};

struct Record {
    std::string file;
    std::string id;
    Position id_pos;
    std::string name;
    // Keys for teams: where reminders go, and who the specialist works with and since when.
    std::string email; // one address (is_valid_email), or empty
    std::string site;
    std::string supervisor;
    std::optional<Date> hired;
    Employment status = Employment::Active;
    std::optional<Date> left;
    // For credentials whose periods end on the holder's birthday. Personal data: messages name
    // the key, never its value.
    std::optional<MonthDay> birthday;
    std::vector<HeldCredential> credentials;
    std::vector<TrainingEntry> training;
    std::vector<ExamEntry> exams;
    std::vector<ExperienceEntry> experience;
    std::vector<CeEntry> ce;
    std::vector<RenewalEntry> renewals;

    const HeldCredential* credential(std::string_view id) const;
    bool active() const { return status == Employment::Active; }
};

} // namespace peerctl
