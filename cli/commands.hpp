#pragma once
// The command table: each command adds its options to its CLI11 subcommand and returns the
// function that runs it once the arguments are parsed.

#include "context.hpp"

#include <CLI/CLI.hpp>

#include <functional>

namespace peerctl::cli {

using Runner = std::function<int(Context&)>;

struct CommandSpec {
    const char* name;
    const char* help;
    Runner (*setup)(CLI::App& sub);
};

Runner setup_validate(CLI::App& sub);
Runner setup_status(CLI::App& sub);
Runner setup_report(CLI::App& sub);
Runner setup_credentials(CLI::App& sub);
Runner setup_check(CLI::App& sub);
Runner setup_export(CLI::App& sub);
Runner setup_init(CLI::App& sub);
Runner setup_add(CLI::App& sub);
Runner setup_certify(CLI::App& sub);
Runner setup_log(CLI::App& sub);
Runner setup_completion(CLI::App& sub);
Runner setup_entries(CLI::App& sub);
Runner setup_void(CLI::App& sub);
Runner setup_undo(CLI::App& sub);
Runner setup_merge_file(CLI::App& sub);
Runner setup_git(CLI::App& sub);
Runner setup_history(CLI::App& sub);
Runner setup_edit(CLI::App& sub);
Runner setup_remind(CLI::App& sub);
Runner setup_import(CLI::App& sub);

inline const CommandSpec commands[] = {
    {"init", "Create a workspace", setup_init},
    {"add", "Create a specialist's record", setup_add},
    {"log", "Append one entry to a record: training, exam, experience, ce or renewal", setup_log},
    {"certify", "Record a certification", setup_certify},
    {"import", "Records from spreadsheets: 'import roster FILE.csv', 'import attendance FILE.csv'", setup_import},
    {"entries", "List a record's entries (ce:3, ...) and whether each counts, for which credential, or why not", setup_entries},
    {"edit", "Edit a record in $VISUAL or $EDITOR, under its lock; saved only when valid", setup_edit},
    {"void", "Mark one entry void (it stays in the file and counts toward nothing)", setup_void},
    {"undo", "Put a record back as it was before the last peerctl write, if nothing changed it since", setup_undo},
    {"status", "Show where specialists stand: training, exam, CE and deadlines", setup_status},
    {"report", "Team reports: renewals, roster, transcript ID, audit sample (table, csv, json, md, html)", setup_report},
    {"validate", "Check records and credential files; report every problem", setup_validate},
    {"credentials", "List or show the credential rules in force", setup_credentials},
    {"export", "Export renewal deadlines (ics)", setup_export},
    {"remind", "Mail each specialist whose next deadline is one of [remind].days away what is still missing", setup_remind},
    {"check", "Expiry check for cron and monitoring (exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN)", setup_check},
    {"history", "Who wrote what to a record and when, from git log", setup_history},
    {"git", "Git for teams across sites: 'git setup' configures this clone's merge driver for records", setup_git},
    {"merge-file", "Git's merge driver for record files: merge BASE OURS THEIRS into OURS (exit 0 merged, 1 conflict)",
     setup_merge_file},
    {"completion", "Print a shell completion script: bash, zsh or fish", setup_completion},
};

} // namespace peerctl::cli
