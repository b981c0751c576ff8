#include "record_loader.hpp"

#include "email_address.hpp"
#include "evidence_path.hpp"
#include "sha256.hpp"
#include "expiry_chain.hpp"
#include "plain_reader.hpp"
#include "toml_reader.hpp"
#include "validation.hpp"

#include <fmt/core.h>

namespace peerctl {

namespace {

// Reads a record through a TableReader (toml++, with positions) or a PlainReader (fast_toml).
template <class Reader>
class RecordParser {
public:
    using Table = typename Reader::Table;

    RecordParser(const std::string& file, const CredentialSet& credentials, Diagnostics& diags)
        : file_(file), credentials_(credentials), diags_(diags) {}

    Record parse(const Table& root_table, const std::string& expected_id) {
        Reader root(root_table, file_, diags_, "the record");
        Record rec;
        rec.file = file_;
        if (auto id = root.string("id", true)) {
            if (!is_valid_id(*id)) diags_.error(file_, root.pos("id"), fmt::format("'id' must match {}", id_pattern));
            else if (!expected_id.empty() && *id != expected_id)
                diags_.error(file_, root.pos("id"), fmt::format("'id' must equal the file name ('{}')", expected_id));
            rec.id = *id;
            rec.id_pos = root.pos("id");
        }
        rec.name = root.string("name", true).value_or("");
        root.string("note");
        team_keys(root, rec);
        credentials(root, rec);
        for (const Table* t : root.tables(to_string(EntryKind::Training)))
            rec.training.push_back(training(*t));
        for (const Table* t : root.tables(to_string(EntryKind::Exam)))
            rec.exams.push_back(exam(*t, rec));
        for (const Table* t : root.tables(to_string(EntryKind::Experience)))
            rec.experience.push_back(experience(*t));
        for (const Table* t : root.tables(to_string(EntryKind::Ce)))
            rec.ce.push_back(ce(*t));
        for (const Table* t : root.tables(to_string(EntryKind::Renewal)))
            rec.renewals.push_back(renewal(*t, rec));
        check_expiry_chains(rec, credentials_, diags_);
        root.warn_unknown();
        return rec;
    }

private:
    // email, site, supervisor, hired, status and left: both readers read them here alike.
    void team_keys(Reader& root, Record& rec) {
        if (auto email = root.string("email")) {
            if (is_valid_email(*email)) rec.email = std::move(*email);
            else
                diags_.error(file_, root.pos("email"),
                             "'email' must be one address such as jdoe@example.org (no name, no second address)");
        }
        rec.site = root.string("site").value_or("");
        rec.supervisor = root.string("supervisor").value_or("");
        rec.hired = root.date("hired");
        if (auto status = root.choice("status", employment_names())) rec.status = *parse_employment(*status);
        rec.left = root.date("left");
        // Personal data: the message never repeats the value.
        if (auto birthday = root.string("birthday")) {
            rec.birthday = parse_month_day(*birthday);
            if (!rec.birthday)
                diags_.error(file_, root.pos("birthday"),
                             "'birthday' must be a month and day that exists, written MM-DD (such as \"04-17\"; "
                             "\"02-29\" falls on 02-28 in common years)");
        }
        bool gone = rec.status == Employment::Left;
        // A date without the status would leave the specialist in every report: say which to fix.
        if (rec.left && !gone)
            diags_.error(file_, root.pos("left"), "'left' is set but 'status' is not \"left\": add status = \"left\"");
        if (gone && !rec.left)
            diags_.warning(file_, root.pos("status"), "status = \"left\" without a 'left' date: add left = <the last day>");
        if (rec.hired && rec.left && *rec.left < *rec.hired)
            diags_.error(file_, root.pos("left"), "'left' must not be before 'hired'");
    }

    void credentials(Reader& root, Record& rec) {
        const Table* creds = root.table("credentials");
        auto members = creds ? Reader::members(*creds) : std::vector<TableMember<Table>>{};
        if (members.empty()) {
            diags_.warning(file_, root.pos(), "the record names no credential: add a [credentials.<id>] table");
            return;
        }
        for (const auto& member : members) {
            std::string id(member.key);
            Position pos = member.key_pos;
            const Credential* rule = credentials_.find(id);
            if (!rule) {
                std::string hint = did_you_mean(id, credentials_.ids());
                diags_.error(file_, pos,
                             fmt::format("unknown credential '{}'{}", utf8_prefix(id, 64),
                                         hint.empty() ? "" : "; did you mean '" + hint + "'?"));
                continue;
            }
            if (!member.table) {
                diags_.error(file_, member.pos, fmt::format("'credentials.{}' must be a table (got {})", id, member.type));
                continue;
            }
            Reader r(*member.table, file_, diags_, fmt::format("[credentials.{}]", id));
            HeldCredential held;
            held.pos = pos;
            held.id = id;
            held.number = r.string("number");
            held.issued = r.date("issued");
            held.level = r.string("level");
            held.expires = r.date("expires");
            held.issued_pos = r.pos("issued");
            held.expires_pos = r.pos("expires");
            if (held.level && !rule->level(*held.level)) {
                std::vector<std::string> levels;
                for (const auto& l : rule->levels)
                    levels.push_back(l.id);
                if (levels.empty()) diags_.error(file_, r.pos("level"), fmt::format("credential '{}' has no levels", id));
                else
                    diags_.error(file_, r.pos("level"),
                                 fmt::format("unknown level for '{}'{}", id, suggest(*held.level, levels)));
            }
            if (!held.issued && (held.number || held.expires || held.level))
                diags_.error(file_, r.pos(), fmt::format("[credentials.{}] has certification details but no 'issued' date", id));
            if (held.issued && held.expires && *held.expires <= *held.issued)
                diags_.error(file_, r.pos("expires"), "'expires' must be after 'issued'");
            r.warn_unknown();
            rec.credentials.push_back(std::move(held));
        }
    }

    std::string suggest(const std::string& word, const std::vector<std::string>& options) {
        std::string hint = did_you_mean(word, options);
        return hint.empty() ? "" : "; did you mean '" + hint + "'?";
    }

    // Topics and domains are checked against the vocabulary of every credential in force.
    void check_term(Position at, const std::string& term, std::string_view what) {
        if (credentials_.knows_term(term)) return;
        std::string shown = term.size() <= 40 ? term : utf8_prefix(term, 40) + "...";
        diags_.error(file_, at, fmt::format("unknown {} '{}'{}", what, shown, suggest(term, credentials_.vocabulary())));
    }

    // `void = "reason"` and `voided = DATE`, on any entry.
    std::optional<VoidMark> void_mark(Reader& r) {
        std::optional<std::string> reason = r.string("void");
        std::optional<Date> on = r.date("voided");
        if (reason && reason->find_first_not_of(" \t") == std::string::npos)
            diags_.error(file_, r.pos("void"), "'void' needs a reason (void = \"duplicate\")");
        if (on && !reason) diags_.error(file_, r.pos("voided"), "'voided' without 'void': add void = \"<reason>\"");
        if (!reason) return std::nullopt;
        return VoidMark{*reason, on};
    }

    TrainingEntry training(const Table& t) {
        Reader r(t, file_, diags_, "[[training]]");
        TrainingEntry e;
        e.pos = r.pos();
        e.voided = void_mark(r);
        e.date = r.date("date", true).value_or(Date{});
        e.hours = r.hours("hours", true).value_or(Hours());
        if (auto d = r.string("domain")) {
            check_term(r.pos("domain"), *d, "domain");
            e.domain = *d;
        }
        e.title = r.string("title").value_or("");
        e.provider = r.string("provider").value_or("");
        r.string("note");
        r.warn_unknown();
        return e;
    }

    // The credential an exam or renewal belongs to: named, or the record's only one.
    std::string owner(Reader& r, const Record& rec, std::string_view what) {
        if (auto c = r.string("credential")) {
            if (!rec.credential(*c)) {
                std::vector<std::string> held;
                for (const auto& h : rec.credentials)
                    held.push_back(h.id);
                diags_.error(file_, r.pos("credential"),
                             fmt::format("{} names credential '{}', which the record does not hold or pursue{}", what,
                                         utf8_prefix(*c, 64), suggest(*c, held)));
            }
            return *c;
        }
        if (rec.credentials.size() == 1) return rec.credentials.front().id;
        diags_.error(file_, r.pos(), fmt::format("{} needs 'credential' when the record names more than one credential", what));
        return "";
    }

    ExamEntry exam(const Table& t, const Record& rec) {
        Reader r(t, file_, diags_, "[[exam]]");
        ExamEntry e;
        e.pos = r.pos();
        e.voided = void_mark(r);
        e.credential = owner(r, rec, "[[exam]]");
        e.date = r.date("date", true).value_or(Date{});
        if (auto res = r.choice("result", exam_result_names(), true)) e.result = *parse_exam_result(*res);
        e.score = r.integer("score", 0, 1000);
        r.string("note");
        r.warn_unknown();
        return e;
    }

    ExperienceEntry experience(const Table& t) {
        Reader r(t, file_, diags_, "[[experience]]");
        ExperienceEntry e;
        e.pos = r.pos();
        e.voided = void_mark(r);
        e.date = r.date("date", true).value_or(Date{});
        e.hours = r.hours("hours", true).value_or(Hours());
        if (auto k = r.choice("kind", experience_kind_names(), true)) e.kind = *parse_experience_kind(*k);
        e.title = r.string("title").value_or("");
        r.string("note");
        r.warn_unknown();
        return e;
    }

    CeEntry ce(const Table& t) {
        Reader r(t, file_, diags_, "[[ce]]");
        CeEntry e;
        e.pos = r.pos();
        e.voided = void_mark(r);
        e.date = r.date("date", true).value_or(Date{});
        e.hours = r.hours("hours", true).value_or(Hours());
        e.title = r.string("title", true).value_or("");
        e.provider = r.string("provider").value_or("");
        for (auto& [topic, at] : r.strings_at("topics")) {
            check_term(at, topic, "topic");
            e.topics.push_back(std::move(topic));
        }
        if (auto d = r.choice("delivery", delivery_names())) e.delivery = parse_delivery(*d);
        e.approval = r.string("approval").value_or("");
        e.evidence = r.string("evidence").value_or("");
        e.evidence_pos = r.pos("evidence");
        if (std::string problem = evidence_path_problem(e.evidence); !problem.empty())
            diags_.error(file_, e.evidence_pos, evidence_rule("'evidence'", problem));
        e.evidence_sha256 = r.string("evidence_sha256").value_or("");
        e.evidence_sha256_pos = r.pos("evidence_sha256");
        if (!e.evidence_sha256.empty() && !is_sha256_hex(e.evidence_sha256))
            diags_.error(file_, e.evidence_sha256_pos, "'evidence_sha256' must be a SHA-256: 64 lowercase hexadecimal digits");
        else if (!e.evidence_sha256.empty() && e.evidence.empty())
            diags_.error(file_, e.evidence_sha256_pos, "'evidence_sha256' needs 'evidence', the file it is the hash of");
        r.string("note");
        r.warn_unknown();
        return e;
    }

    RenewalEntry renewal(const Table& t, const Record& rec) {
        Reader r(t, file_, diags_, "[[renewal]]");
        RenewalEntry e;
        e.pos = r.pos();
        e.voided = void_mark(r);
        e.credential = owner(r, rec, "[[renewal]]");
        e.date = r.date("date", true).value_or(Date{});
        e.expires = r.date("expires");
        e.date_pos = r.pos("date");
        e.expires_pos = r.pos("expires");
        // A void renewal is kept for the record only: it need not fit the certification.
        if (const HeldCredential* held = rec.credential(e.credential); held && !held->issued && !e.voided)
            diags_.error(file_, r.pos(),
                         fmt::format("[[renewal]] of '{}', which the record does not show as issued", e.credential));
        r.string("note");
        r.warn_unknown();
        return e;
    }

    const std::string& file_;
    const CredentialSet& credentials_;
    Diagnostics& diags_;
};

} // namespace

std::optional<Record> load_record(std::string_view text, const std::string& file, const CredentialSet& credentials,
                                  const RecordLoadOptions& options, Diagnostics& diags) {
    if (text.empty() || text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.error(file, {}, "the file is empty: a record needs at least 'id' and 'name'");
        return std::nullopt;
    }
    // The fast reader answers only for text that prescan_toml passes (it checks the same bytes,
    // and the nesting and dotted keys it reads are within any limits but the smallest).
    bool plain_within_limits =
        text.size() <= options.limits.max_bytes && options.limits.max_nesting >= 1 && options.limits.max_dotted_parts >= 2;
    if (options.fast && plain_within_limits) {
        // One document per thread, its memory reused from one record to the next.
        thread_local PlainDoc plain;
        if (plain.parse(text)) {
            Diagnostics quiet;
            Record rec = RecordParser<PlainReader>(file, credentials, quiet).parse(plain.root(), options.expected_id);
            if (quiet.items().empty()) return rec;
            // Anything to report is reported by the full parser, with its positions.
        }
    }
    Diagnostics local;
    if (!prescan_toml(text, file, options.limits, local)) {
        diags.append(local);
        return std::nullopt;
    }
    auto table = parse_toml(text, file, local);
    if (!table) {
        diags.append(local);
        return std::nullopt;
    }
    Record rec = RecordParser<TableReader>(file, credentials, local).parse(*table, options.expected_id);
    local.sort();
    bool ok = !local.has_errors();
    diags.append(local);
    if (!ok) return std::nullopt;
    return rec;
}

void warn_future_entries(const Record& record, Date as_of, Diagnostics& diags) {
    auto check = [&](const auto& entries, std::string_view what) {
        for (const auto& e : entries)
            if (e.date > as_of && !e.voided)
                diags.warning(record.file, e.pos,
                              fmt::format("{} dated {} is in the future; it is not counted until then", what, to_string(e.date)));
    };
    check(record.training, "[[training]]");
    check(record.experience, "[[experience]]");
    check(record.ce, "[[ce]]");
    check(record.renewals, "[[renewal]]");
    for (const auto& e : record.exams)
        if (e.date > as_of && e.result != ExamResult::Scheduled && !e.voided)
            diags.warning(record.file, e.pos,
                          fmt::format("[[exam]] dated {} is in the future but has a result", to_string(e.date)));
}

} // namespace peerctl
