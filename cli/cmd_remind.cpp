// `remind`: one message to each specialist whose next deadline is one of [remind].days away, piped
// to [remind].command, appended to an mbox file, or printed (--dry-run).

#include "commands.hpp"

#include "mail_delivery.hpp"
#include "remind_message.hpp"
#include "typed_options.hpp"

#include <fmt/core.h>

#include <csignal>
#include <cstdio>

namespace peerctl::cli {

namespace {

// How far back --since may reach: a year of missed days is a catch-up; more is a mistake.
constexpr int max_catch_up_days = 366;

struct RemindOptions {
    bool dry_run = false;
    std::string mbox;
    std::string since;
};

// Says why [remind] cannot be used for this run; empty when it can.
std::string settings_problem(const RemindSettings& settings, const RemindOptions& opts) {
    if (settings.days.empty()) return "peerctl.toml has no [remind] 'days': add days = [90, 30, 7] under [remind]";
    if (settings.from.empty())
        return "peerctl.toml has no [remind] 'from': add from = \"Peer Services <training@example.org>\" under [remind]";
    if (!opts.dry_run && opts.mbox.empty() && settings.argv.empty())
        return "peerctl.toml has no [remind] 'command': add command = \"/usr/sbin/sendmail -t -i\" under [remind], "
               "or use --mbox FILE or --dry-run";
    return "";
}

std::string id_list(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "" : ", ") + id;
    return out;
}

int run_remind(Context& ctx, const RemindOptions& opts) {
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    Date today = ctx.as_of();
    Date since = today;
    if (!opts.since.empty()) {
        since = date_option("--since", opts.since, today);
        if (since > today) throw UsageError{fmt::format("--since {} is after today ({})", to_string(since), to_string(today))};
        if (days_between(since, today) > max_catch_up_days)
            throw UsageError{fmt::format("--since reaches back at most {} days (to {})", max_catch_up_days,
                                         to_string(*add_days(today, -max_catch_up_days)))};
    }
    if (std::string problem = settings_problem(ws.remind, opts); !problem.empty()) {
        print_error("error: " + problem);
        return exit_data;
    }
    std::vector<std::filesystem::path> files = record_files(ws);
    std::vector<std::optional<Reminder>> planned(files.size());
    const std::vector<int>& days = ws.remind.days;
    VisitSummary visited = visit_records(
        files, &ws, ctx.credentials(), ctx.options().jobs,
        [&](std::size_t i, const Record& r) {
            auto status_on = [&](Date day) { return evaluate(r, ctx.credentials(), day); };
            planned[i] = plan_reminder(r, status_on, since, today, days);
        },
        /*fast=*/true);
    ctx.diags().append(visited.diags);
    bool unreadable = ctx.diags().has_errors();
    ctx.flush_diagnostics();

    MessageContext mc{*parse_mailbox(ws.remind.from), ws.name, ctx.now(), today};
    std::vector<std::string> no_email;
    std::vector<std::pair<std::string, std::string>> not_sent; // id, why
    std::string mbox;
    // A mail program that exits early must not end peerctl with it.
    std::signal(SIGPIPE, SIG_IGN);
    for (const auto& r : planned) {
        if (!r) continue;
        if (r->email.empty()) {
            no_email.push_back(r->id);
            continue;
        }
        std::string message = reminder_message(*r, mc);
        if (opts.dry_run || !opts.mbox.empty()) {
            mbox += mbox_entry(message, mc.from.address, mc.now);
        } else if (auto why = pipe_to_command(ws.remind.argv, message)) {
            not_sent.emplace_back(r->id, *why);
        }
    }
    int rc = unreadable ? exit_data : exit_ok;
    if (opts.dry_run) {
        std::fwrite(mbox.data(), 1, mbox.size(), stdout);
    } else if (!opts.mbox.empty() && !mbox.empty()) {
        if (auto err = append_to_mbox(opts.mbox, mbox)) {
            print_write_error(*err);
            rc = exit_data;
        }
    }
    if (!no_email.empty())
        print_error(fmt::format("warning: no email in the record of {}: not reminded (add email = \"...\")", id_list(no_email)));
    for (const auto& [id, why] : not_sent)
        print_error(fmt::format("error: the reminder to {} was not sent: {}", id, why));
    if (!not_sent.empty()) rc = exit_data;
    if (unreadable)
        print_error("error: records with errors were not read, and their specialists not reminded (run peerctl validate)");
    return rc;
}

} // namespace

Runner setup_remind(CLI::App& sub) {
    auto opts = std::make_shared<RemindOptions>();
    auto* dry = sub.add_flag("--dry-run", opts->dry_run, "Print the messages (as an mbox) instead of sending them");
    sub.add_option("--mbox", opts->mbox, "Append the messages to FILE (an mbox, made 0600) instead of sending them")
        ->type_name("FILE")
        ->excludes(dry);
    sub.add_option("--since", opts->since,
                   "Also send what each day from DATE to today would have sent (after missed runs; at most a year back)")
        ->type_name("DATE");
    return [opts](Context& ctx) { return run_remind(ctx, *opts); };
}

} // namespace peerctl::cli
