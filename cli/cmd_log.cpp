// `log training|exam|experience|ce|renewal [ID]`: appends one entry to a record.

#include "commands.hpp"

#include "evaluation.hpp"
#include "evidence_copy.hpp"
#include "evidence_files.hpp"
#include "evidence_path.hpp"
#include "output_text.hpp"
#include "prompt.hpp"
#include "record_update.hpp"
#include "target_id.hpp"
#include "toml_text.hpp"
#include "typed_options.hpp"
#include "write_guards.hpp"
#include "write_support.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct LogOptions {
    std::optional<std::string> id;
    std::optional<std::string> date, expires;
    std::string hours, title, provider, delivery, approval, evidence, domain, result, kind, credential;
    std::vector<std::string> topics;
    std::optional<long long> score;
    bool force = false;
    bool dry_run = false;
    bool no_input = false; // read by app.cpp, through the option: never ask
    // Required options left out, which app.cpp lets through on a terminal for run_log to ask for.
    std::vector<std::string> missing;
};

void add_text(std::vector<Field>& fields, const char* key, const std::string& value) {
    if (value.empty()) return;
    require_utf8(std::string("--") + key, value);
    fields.push_back({key, toml_string(value)});
}

void add_hours(std::vector<Field>& fields, const std::string& value) {
    fields.push_back({"hours", hours_option("--hours", value).str()});
}

std::vector<Field> fields_for(const std::string& table, const LogOptions& o, Date when, Date today) {
    std::vector<Field> f;
    if (table == "exam" || table == "renewal") add_text(f, "credential", o.credential);
    f.push_back({"date", toml_date(when)});
    if (table == "training") {
        add_hours(f, o.hours);
        add_text(f, "domain", o.domain);
        add_text(f, "title", o.title);
        add_text(f, "provider", o.provider);
    } else if (table == "exam") {
        add_text(f, "result", o.result);
        if (o.score) f.push_back({"score", std::to_string(*o.score)});
    } else if (table == "experience") {
        add_hours(f, o.hours);
        add_text(f, "kind", o.kind);
        add_text(f, "title", o.title);
    } else if (table == "ce") {
        add_hours(f, o.hours);
        add_text(f, "title", o.title);
        add_text(f, "provider", o.provider);
        if (!o.topics.empty()) {
            for (const auto& t : o.topics)
                require_utf8("--topic", t);
            f.push_back({"topics", toml_string_array(o.topics)});
        }
        add_text(f, "delivery", o.delivery);
        add_text(f, "approval", o.approval);
        add_text(f, "evidence", o.evidence);
    } else if (table == "renewal") {
        if (o.expires) f.push_back({"expires", toml_date(date_option("--expires", *o.expires, today))});
    }
    return f;
}

// "a, b" as topics of the vocabulary, or UsageError naming the first unknown one. An answer
// completes a topic as a shell completes a word: the start of exactly one topic is that topic.
std::vector<std::string> topics_answer(const std::string& answer, const CredentialSet& credentials) {
    std::vector<std::string> topics;
    for (std::string_view rest = answer; !rest.empty();) {
        std::size_t comma = std::min(rest.find(','), rest.size());
        std::string_view t = rest.substr(0, comma);
        rest.remove_prefix(std::min(comma + 1, rest.size()));
        while (!t.empty() && t.front() == ' ')
            t.remove_prefix(1);
        while (!t.empty() && t.back() == ' ')
            t.remove_suffix(1);
        if (t.empty()) continue;
        if (credentials.knows_term(t)) {
            topics.emplace_back(t);
            continue;
        }
        std::vector<std::string> starting;
        for (const auto& term : credentials.vocabulary())
            if (term.starts_with(t)) starting.push_back(term);
        if (starting.size() == 1) {
            topics.push_back(starting.front());
            continue;
        }
        if (starting.size() > 1)
            throw UsageError{fmt::format("--topic: '{}' is the start of {}: type more of it", printable(utf8_prefix(t, 40)),
                                         fmt::join(starting, ", "))};
        std::string hint = did_you_mean(std::string(t), credentials.vocabulary());
        throw UsageError{fmt::format("--topic: unknown topic '{}'{}", printable(utf8_prefix(t, 40)),
                                     hint.empty() ? "" : "; did you mean '" + hint + "'?")};
    }
    return topics;
}

// On a terminal, what the command line left out, in this order: the date (default today), the
// title, hours, kind and result when they are required, and a course's topics (default none).
// Each answer is checked as its option is. False when input ended: nothing is written.
bool ask_missing(const std::string& table, LogOptions& o, Date today, const CredentialSet& credentials) {
    auto left_out = [&](std::string_view option) { return std::ranges::find(o.missing, option) != o.missing.end(); };
    std::vector<Question> questions;
    if (!o.date)
        questions.push_back({"Date", to_string(today), [&](const std::string& a) {
                                 date_option("--date", a, today);
                                 o.date = a;
                             }});
    if (left_out("--title"))
        questions.push_back({"Title", std::nullopt, [&](const std::string& a) {
                                 require_utf8("--title", a);
                                 o.title = a;
                             }});
    if (left_out("--hours"))
        questions.push_back({"Hours", std::nullopt, [&](const std::string& a) {
                                 hours_option("--hours", a);
                                 o.hours = a;
                             }});
    if (left_out("--kind"))
        questions.push_back({fmt::format("Kind ({})", fmt::join(experience_kind_names(), ", ")), std::nullopt,
                             [&](const std::string& a) { o.kind = choice_option("--kind", experience_kind_names(), a); }});
    if (left_out("--result"))
        questions.push_back({fmt::format("Result ({})", fmt::join(exam_result_names(), ", ")), std::nullopt,
                             [&](const std::string& a) { o.result = choice_option("--result", exam_result_names(), a); }});
    if (table == "ce" && o.topics.empty())
        questions.push_back({fmt::format("Topics ({}; the start of one is enough)", fmt::join(credentials.vocabulary(), ", ")),
                             "", [&](const std::string& a) { o.topics = topics_answer(a, credentials); }});
    for (const Question& q : questions)
        if (!ask(q)) return false;
    return true;
}

struct EvidenceField {
    std::string path;   // relative to the workspace
    std::string sha256; // of the file, when it is there
    std::optional<EvidenceCopy> copy;
};

// --evidence: a path relative to the workspace and inside it, or the absolute path of a file: one
// inside the workspace is recorded relative to it, one outside is copied in (evidence_copy.hpp;
// with --dry-run, only said). nullopt after reporting in diags. The path is never quoted.
std::optional<EvidenceField> resolve_evidence(const Workspace& ws, const std::string& id, const LogOptions& opts,
                                              Diagnostics& diags) {
    EvidenceField out{opts.evidence, "", std::nullopt};
    fs::path given(opts.evidence);
    if (given.is_absolute()) {
        std::error_code ec;
        fs::path base = fs::canonical(ws.root, ec);
        fs::path full = ec ? fs::path() : fs::weakly_canonical(given, ec);
        fs::path rel = ec ? fs::path() : full.lexically_relative(base);
        if (!rel.empty() && *rel.begin() != ".." && !ec) {
            out.path = rel.generic_string();
        } else if (opts.dry_run) {
            out.path = "evidence/" + id + "/" + given.filename().string();
            if (auto sha = file_sha256(given)) out.sha256 = *sha;
            return out;
        } else {
            std::string error;
            out.copy = copy_evidence(ws.root, id, given, error);
            if (!out.copy) {
                diags.error("peerctl", {}, "--evidence: " + error + "; nothing was written");
                return std::nullopt;
            }
            out.path = out.copy->relative;
            out.sha256 = out.copy->sha256;
            return out;
        }
    }
    std::string problem = evidence_path_problem(out.path);
    if (problem.empty() && !evidence_stays_inside(ws.root, out.path)) problem = evidence_link_problem;
    if (!problem.empty()) {
        diags.error("peerctl", {}, evidence_rule("--evidence", problem) + "; nothing was written");
        return std::nullopt;
    }
    if (auto sha = file_sha256(ws.root / fs::path(out.path))) out.sha256 = *sha;
    return out;
}

// What the commit says (`[git] commit`): `log ce jdoe: 3 h "Ethics and boundaries" (ethics)`.
std::string commit_message(const std::string& table, const std::string& id, const LogOptions& o) {
    std::string what;
    auto add = [&what](std::string_view part) {
        if (part.empty()) return;
        if (!what.empty()) what += ' ';
        what += part;
    };
    add(o.credential);
    if (!o.hours.empty()) add(hours_option("--hours", o.hours).str() + " h");
    add(o.result);
    add(o.kind);
    if (!o.title.empty()) add(fmt::format("\"{}\"", o.title));
    if (!o.topics.empty()) add(fmt::format("({})", fmt::join(o.topics, ", ")));
    return fmt::format("log {} {}{}{}", table, id, what.empty() ? "" : ": ", what);
}

int run_log(Context& ctx, const std::string& table, LogOptions opts) {
    TargetId target = target_id(ctx, opts.id);
    const std::string& id = target.id;
    // Open first: the workspace's time zone decides today, and so what --date may be.
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    Date today = ctx.as_of();
    if (!opts.missing.empty()) {
        // What was typed, and the record, are checked before anything is asked.
        if (opts.date) date_option("--date", *opts.date, today);
        if (!opts.hours.empty()) hours_option("--hours", opts.hours);
        if (record_missing(ctx, target)) {
            ctx.flush_diagnostics();
            return exit_data;
        }
        if (!ask_missing(table, opts, today, ctx.credentials())) {
            print_error("abandoned at end of input; nothing was written");
            return exit_data;
        }
    }
    Date when = opts.date ? date_option("--date", *opts.date, today) : today;
    std::vector<Field> fields = fields_for(table, opts, when, today);
    const Workspace& ws = *ctx.workspace();
    if (record_missing(ctx, target)) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    std::optional<EvidenceCopy> copied;
    if (table == "ce" && !opts.evidence.empty()) {
        std::optional<EvidenceField> evidence = resolve_evidence(ws, id, opts, ctx.diags());
        if (!evidence) {
            ctx.flush_diagnostics();
            return exit_data;
        }
        for (auto& f : fields)
            if (f.key == "evidence") f.value = toml_string(evidence->path);
        if (!evidence->sha256.empty()) fields.push_back({"evidence_sha256", toml_string(evidence->sha256)});
        copied = std::move(evidence->copy);
    }
    std::string entry = entry_text(table, fields);
    UpdateOptions update;
    update.dry_run = opts.dry_run;
    update.force = opts.force;
    UpdateResult result = update_record(
        ws, ctx.credentials(), id,
        [&](std::string_view original, Diagnostics&) -> std::optional<std::string> { return append_text(original, entry); },
        [&](const Record& before, const Record& after) {
            std::vector<std::string> reasons = entry_refusals(before, after, today);
            if (auto why = renewal_ce_refusal(before, after, ctx.credentials())) reasons.push_back(*why);
            return reasons;
        },
        update, ctx.diags());
    ctx.flush_diagnostics();
    if (!result.ok) {
        // The copy was for this entry alone.
        if (copied) remove_evidence_copy(*copied);
        return exit_data;
    }
    if (opts.dry_run) {
        print_page(entry);
        return exit_ok;
    }
    std::vector<fs::path> changed{record_path(ws, id)};
    if (copied) changed.push_back(copied->file);
    commit_write(ctx, changed, commit_message(table, id, opts));
    std::string what = table;
    if (!opts.hours.empty()) what += " " + hours_option("--hours", opts.hours).str() + " h";
    SpecialistStatus s = evaluate(*result.record, ctx.credentials(), ctx.as_of());
    std::string note = table == "ce" ? uncounted_ce_note(*result.record, ctx.credentials(), ctx.as_of()) : "";
    print_page(fmt::format("recorded {} on {} in {}; {}\n{}", what, to_string(when), display_path(&ws, record_path(ws, id)),
                           standing(s), note.empty() ? "" : "note: " + note + "\n"));
    return exit_ok;
}

void common(CLI::App* sub, LogOptions& o) {
    sub->add_option("id", o.id, "Specialist id (default: 'me' from the user config)");
    sub->add_option("--date", o.date, "The day it happened: YYYY-MM-DD, today, yesterday, -3d, -2w, -1m (default today)");
    sub->add_flag("--force", o.force,
                  "Record it even if it looks like a duplicate, is dated in the future, takes a date past 24 h, or renews "
                  "with CE not met");
    sub->add_flag("--dry-run", o.dry_run, "Print the TOML that would be appended; write nothing");
    sub->add_flag("--no-input", o.no_input,
                  "Never ask: refuse when a required option is missing, even on a terminal (stdin not a terminal "
                  "never asks)");
}

} // namespace

Runner setup_log(CLI::App& sub) {
    auto opts = std::make_shared<LogOptions>();
    LogOptions& o = *opts;
    sub.require_subcommand(1);
    // Required options, by command: those left out are asked for on a terminal (app.cpp).
    auto required = std::make_shared<std::vector<std::pair<CLI::App*, CLI::Option*>>>();
    auto must = [required](CLI::App* command, CLI::Option* option) {
        option->required();
        required->emplace_back(command, option);
    };
    CLI::App* training = sub.add_subcommand("training", "Log a day of core training");
    common(training, o);
    must(training, training->add_option("--hours", o.hours, "Hours (to 0.01 h)"));
    training->add_option("--title", o.title, "What it was");
    training->add_option("--provider", o.provider, "Who gave it");
    training->add_option("--domain", o.domain, "Training domain id (e.g. ethics)");

    CLI::App* exam = sub.add_subcommand("exam", "Log an exam (passed, failed or scheduled)");
    common(exam, o);
    must(exam, exam->add_option("--result", o.result, "passed, failed or scheduled"));
    exam->add_option("--score", o.score, "Score");
    exam->add_option("--credential", o.credential, "Credential id (needed when the record names several)");

    CLI::App* experience = sub.add_subcommand("experience", "Log work, volunteer or supervision hours");
    common(experience, o);
    must(experience, experience->add_option("--hours", o.hours, "Hours (to 0.01 h)"));
    must(experience, experience->add_option("--kind", o.kind, "work, volunteer or supervision"));
    experience->add_option("--title", o.title, "What it was");

    CLI::App* ce = sub.add_subcommand("ce", "Log a continuing-education course");
    common(ce, o);
    must(ce, ce->add_option("--hours", o.hours, "Hours (to 0.01 h)"));
    must(ce, ce->add_option("--title", o.title, "Course title"));
    ce->add_option("--provider", o.provider, "Provider or sponsor");
    ce->add_option("--topic", o.topics, "Topic id (repeatable; a,b is two)")->delimiter(',');
    ce->add_option("--delivery", o.delivery, "in-person, live-online or self-study");
    ce->add_option("--approval", o.approval, "Provider approval number");
    ce->add_option("--evidence", o.evidence,
                   "Certificate file: relative to the workspace and inside it, or an absolute path (a file outside "
                   "the workspace is copied into evidence/ID/)");

    CLI::App* renewal = sub.add_subcommand("renewal", "Log a granted renewal");
    common(renewal, o);
    renewal->add_option("--credential", o.credential, "Credential id (needed when the record names several)");
    renewal->add_option("--expires", o.expires,
                        "New expiry printed on the certificate (a date as for --date; default: one period on)");

    return [opts, required, training, exam, experience, ce](Context& ctx) {
        for (auto [command, option] : *required)
            if (command->parsed() && option->count() == 0) opts->missing.push_back(option->get_name());
        std::string table = training->parsed()     ? "training"
                            : exam->parsed()       ? "exam"
                            : experience->parsed() ? "experience"
                            : ce->parsed()         ? "ce"
                                                   : "renewal";
        return run_log(ctx, table, *opts);
    };
}

} // namespace peerctl::cli
