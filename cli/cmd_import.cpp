// `import roster` and `import attendance`: records from the spreadsheets program managers keep.
// Every row is checked (and every write tried with --dry-run) before anything is written.

#include "commands.hpp"

#include "csv_table.hpp"
#include "record_update.hpp"
#include "roster_import.hpp"
#include "toml_text.hpp"
#include "typed_options.hpp"
#include "validation.hpp"
#include "write_support.hpp"

#include <fmt/format.h>

#include <array>
#include <map>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct ImportOptions {
    std::string file;
    std::vector<std::string> maps;
    bool dry_run = false;
    bool skip_invalid = false;
    // attendance
    std::string date, hours, title, kind = "ce";
    std::vector<std::string> topics;
};

// The records of the workspace by id; ids whose file did not load map to nullopt.
std::map<std::string, std::optional<Record>> records_by_id(Context& ctx) {
    const Workspace& ws = *ctx.workspace();
    std::vector<fs::path> files = record_files(ws);
    std::vector<std::optional<Record>> slots(files.size());
    visit_records(files, &ws, ctx.credentials(), ctx.options().jobs, [&](std::size_t i, const Record& r) { slots[i] = r; });
    std::map<std::string, std::optional<Record>> out;
    for (std::size_t i = 0; i < files.size(); ++i)
        out[files[i].stem().string()] = std::move(slots[i]);
    return out;
}

// Tries `edit` on `id`'s record with nothing written (dry_run) or for real; false after its reason
// went to diags at the sheet's `line`.
bool write_row(Context& ctx, const std::string& id, const EditFn& edit, const RefusalFn& refusals, bool create, bool dry_run,
               const std::string& shown, std::uint32_t line, const LeftoverIndex* leftovers = nullptr) {
    UpdateOptions update;
    update.dry_run = dry_run;
    update.create = create;
    update.leftovers = leftovers;
    Diagnostics diags;
    UpdateResult result = update_record(*ctx.workspace(), ctx.credentials(), id, edit, refusals, update, diags);
    for (const Diagnostic& d : diags.items())
        if (d.severity == Severity::Error && d.message != "nothing was written")
            ctx.diags().error(shown, {line, 0}, fmt::format("{}: {}", id, d.message));
    return result.ok;
}

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

int finish(Context& ctx, bool errors, std::size_t written, bool dry_run) {
    ctx.flush_diagnostics();
    if (!dry_run && errors && written == 0) print_error("nothing was written");
    return errors ? exit_data : exit_ok;
}

int run_roster(Context& ctx, const ImportOptions& opts) {
    std::vector<std::pair<std::string, RosterKey>> extra;
    for (const std::string& m : opts.maps) {
        std::size_t eq = m.rfind('=');
        auto key = eq == std::string::npos ? std::nullopt : parse_roster_key(m.substr(eq + 1));
        if (!key)
            throw UsageError{"--map takes COLUMN=KEY, KEY one of id, name, email, site, supervisor, hired, status, credential, "
                             "number, issued, expires"};
        extra.emplace_back(m.substr(0, eq), *key);
    }
    if (!ctx.open_workspace()) return finish(ctx, true, 0, true);
    const std::string& shown = opts.file;
    std::optional<CsvTable> table = read_csv_file(opts.file, shown, ctx.diags());
    if (!table || table->rows.empty()) {
        if (table) ctx.diags().error(shown, {}, "no header row");
        return finish(ctx, true, 0, opts.dry_run);
    }
    std::optional<ColumnMap> map = map_columns(table->rows.front(), extra, shown, ctx.diags());
    if (!map) return finish(ctx, true, 0, opts.dry_run);
    if (!map->ignored.empty())
        print_error(fmt::format("note: columns ignored: {}", printable(fmt::format("{}", fmt::join(map->ignored, ", ")))));
    std::vector<ImportRow> rows = roster_rows(*table, *map, shown, ctx.diags());
    auto records = records_by_id(ctx);
    struct Planned {
        const ImportRow* row;
        RosterPlan plan;
    };
    std::vector<Planned> plans;
    auto no_refusals = [](const Record&, const Record&) { return std::vector<std::string>{}; };
    for (const ImportRow& row : rows) {
        auto found = records.find(row.id);
        if (found != records.end() && !found->second) {
            ctx.diags().error(shown, {row.line, 0},
                              fmt::format("the record of '{}' does not load: see peerctl validate", row.id));
            continue;
        }
        std::string error;
        std::optional<RosterPlan> plan = plan_row(row, found == records.end() ? nullptr : &*found->second, error);
        if (!plan) {
            ctx.diags().error(shown, {row.line, 0}, error);
            continue;
        }
        if (!plan->empty()) {
            EditFn edit = [&row, p = *plan](std::string_view original, Diagnostics& diags) -> std::optional<std::string> {
                std::string why;
                auto text = apply_plan(original, row, p, why);
                if (!text) diags.error("peerctl", {}, why);
                return text;
            };
            if (!write_row(ctx, row.id, edit, no_refusals, plan->create, true, shown, row.line)) continue;
        }
        plans.push_back({&row, std::move(*plan)});
    }
    bool errors = ctx.diags().has_errors();
    std::string out;
    std::size_t written = 0;
    for (const Planned& p : plans) {
        for (const std::string& note : p.plan.notes)
            out += fmt::format("{}: note: {}\n", p.row->id, note);
        if (p.plan.empty()) {
            if (opts.dry_run) out += fmt::format("{}: no change\n", p.row->id);
            continue;
        }
        for (const std::string& line : describe_plan(p.plan))
            out += fmt::format("{}: {}\n", p.row->id, line);
    }
    if (opts.dry_run || (errors && !opts.skip_invalid)) {
        if (opts.dry_run) print_page(out);
        return finish(ctx, errors, 0, opts.dry_run);
    }
    std::vector<std::filesystem::path> changed;
    LeftoverIndex leftovers(records_dir(*ctx.workspace()));
    for (const Planned& p : plans) {
        if (p.plan.empty()) continue;
        const ImportRow& row = *p.row;
        EditFn edit = [&row, &p](std::string_view original, Diagnostics& diags) -> std::optional<std::string> {
            std::string why;
            auto text = apply_plan(original, row, p.plan, why);
            if (!text) diags.error("peerctl", {}, why);
            return text;
        };
        if (write_row(ctx, row.id, edit, no_refusals, p.plan.create, false, shown, row.line, &leftovers)) {
            ++written;
            changed.push_back(record_path(*ctx.workspace(), row.id));
        } else {
            errors = true;
        }
    }
    // Under [git] commit, the import is one commit of the records it wrote.
    if (written)
        commit_write(ctx, changed,
                     fmt::format("import roster {}: {} record{}", std::filesystem::path(shown).filename().string(), written,
                                 written == 1 ? "" : "s"));
    print_page(written ? out + fmt::format("{} record{} written\n", written, written == 1 ? "" : "s") : "nothing to change\n");
    return finish(ctx, errors, written, false);
}

// The record each row names, by id or by the `email` of a record; an error at the row otherwise.
std::vector<std::pair<std::string, std::uint32_t>> attendees(Context& ctx, const CsvTable& table, const std::string& shown) {
    std::vector<std::pair<std::string, std::uint32_t>> out;
    const CsvRow& header = table.rows.front();
    std::optional<std::size_t> id_col, email_col;
    for (std::size_t c = 0; c < header.cells.size(); ++c) {
        auto key = known_header(header.cells[c]);
        if (key == RosterKey::Id && !id_col) id_col = c;
        if (key == RosterKey::Email && !email_col) email_col = c;
    }
    if (!id_col && !email_col) {
        ctx.diags().error(shown, {header.line, 0}, "no column of ids (\"ID\", \"Employee ID\") or emails (\"Email\")");
        return out;
    }
    auto records = records_by_id(ctx);
    std::map<std::string, std::vector<std::string>> by_email;
    for (const auto& [id, rec] : records)
        if (rec && !rec->email.empty()) by_email[lower_ascii(rec->email)].push_back(id);
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const CsvRow& row = table.rows[r];
        auto cell = [&](std::optional<std::size_t> c) { return c && *c < row.cells.size() ? row.cells[*c] : std::string(); };
        std::string id = cell(id_col), email = cell(email_col);
        if (id.empty() && !email.empty()) {
            auto found = by_email.find(lower_ascii(email));
            if (found == by_email.end() || found->second.size() != 1) {
                ctx.diags().error(shown, {row.line, 0},
                                  found == by_email.end() ? "no record has this row's email"
                                                          : "several records have this row's email");
                continue;
            }
            id = found->second.front();
        }
        if (id.empty()) ctx.diags().error(shown, {row.line, 0}, "no id or email");
        else if (!records.contains(id))
            ctx.diags().error(shown, {row.line, 0},
                              is_valid_id(id) ? fmt::format("no record for '{}'", id)
                                              : "not a valid id (" + std::string(id_pattern) + ")");
        else out.emplace_back(id, row.line);
    }
    return out;
}

int run_attendance(Context& ctx, const ImportOptions& opts) {
    if (!ctx.open_workspace()) return finish(ctx, true, 0, true);
    Date today = ctx.as_of();
    Date when = date_option("--date", opts.date, today);
    require_utf8("--title", opts.title);
    for (const auto& t : opts.topics)
        require_utf8("--topic", t);
    std::string table_name = choice_option("--kind", std::array<std::string_view, 2>{"ce", "training"}, opts.kind);
    std::vector<Field> fields{
        {"date", toml_date(when)}, {"hours", hours_option("--hours", opts.hours).str()}, {"title", toml_string(opts.title)}};
    if (table_name == "ce" && !opts.topics.empty()) fields.push_back({"topics", toml_string_array(opts.topics)});
    std::string entry = entry_text(table_name, fields);
    const std::string& shown = opts.file;
    std::optional<CsvTable> table = read_csv_file(opts.file, shown, ctx.diags());
    if (!table || table->rows.empty()) {
        if (table) ctx.diags().error(shown, {}, "no header row");
        return finish(ctx, true, 0, opts.dry_run);
    }
    auto people = attendees(ctx, *table, shown);
    EditFn edit = [&](std::string_view original, Diagnostics&) -> std::optional<std::string> {
        return append_text(original, entry);
    };
    RefusalFn refusals = [&](const Record& before, const Record& after) { return entry_refusals(before, after, today); };
    std::map<std::string, std::uint32_t> seen;
    for (const auto& [id, line] : people) {
        if (!seen.emplace(id, line).second) ctx.diags().error(shown, {line, 0}, fmt::format("'{}' is on an earlier row too", id));
        else write_row(ctx, id, edit, refusals, false, true, shown, line);
    }
    if (ctx.diags().has_errors() || opts.dry_run) {
        if (opts.dry_run && !ctx.diags().has_errors())
            for (const auto& [id, line] : seen)
                print_page(fmt::format("{}: {} {} h on {}\n", id, table_name, hours_option("--hours", opts.hours).str(),
                                       to_string(when)));
        return finish(ctx, ctx.diags().has_errors(), 0, opts.dry_run);
    }
    std::size_t written = 0;
    std::vector<std::filesystem::path> changed;
    LeftoverIndex leftovers(records_dir(*ctx.workspace()));
    for (const auto& [id, line] : people)
        if (write_row(ctx, id, edit, refusals, false, false, shown, line, &leftovers)) {
            ++written;
            changed.push_back(record_path(*ctx.workspace(), id));
        }
    if (written)
        commit_write(ctx, changed,
                     fmt::format("import attendance {}: {} {} h on {} \"{}\" for {} specialist{}",
                                 std::filesystem::path(shown).filename().string(), table_name,
                                 hours_option("--hours", opts.hours).str(), to_string(when), opts.title, written,
                                 written == 1 ? "" : "s"));
    print_page(fmt::format("recorded {} {} h on {} for {} specialist{}\n", table_name, hours_option("--hours", opts.hours).str(),
                           to_string(when), written, written == 1 ? "" : "s"));
    return finish(ctx, written != people.size(), written, false);
}

} // namespace

Runner setup_import(CLI::App& sub) {
    auto opts = std::make_shared<ImportOptions>();
    ImportOptions& o = *opts;
    sub.require_subcommand(1);
    CLI::App* roster = sub.add_subcommand("roster", "Create and update records from a roster spreadsheet (CSV)");
    roster->add_option("file", o.file, "The CSV file (UTF-8, comma or semicolon)")->required();
    roster->add_option("--map", o.maps, "COLUMN=KEY: read column COLUMN as KEY (id, name, email, site, ...); repeatable");
    roster->add_flag("--dry-run", o.dry_run, "Print what would change for each specialist; write nothing");
    roster->add_flag("--skip-invalid", o.skip_invalid, "Write the valid rows even when some are in error (exit 1)");
    CLI::App* attendance = sub.add_subcommand("attendance", "Log one CE or training event for everyone a CSV lists");
    attendance->add_option("file", o.file, "The CSV file: a column of ids (\"ID\") or of emails (\"Email\")")->required();
    attendance->add_option("--date", o.date, "The day it happened (YYYY-MM-DD, today, yesterday, -3d)")->required();
    attendance->add_option("--hours", o.hours, "Hours (to 0.01 h)")->required();
    attendance->add_option("--title", o.title, "What it was")->required();
    attendance->add_option("--topic", o.topics, "Topic id, for CE (repeatable; a,b is two)")->delimiter(',');
    attendance->add_option("--kind", o.kind, "ce (default) or training")->check(CLI::IsMember({"ce", "training"}));
    attendance->add_flag("--dry-run", o.dry_run, "Check every row and print who would get the entry; write nothing");
    return [opts, roster](Context& ctx) { return roster->parsed() ? run_roster(ctx, *opts) : run_attendance(ctx, *opts); };
}

} // namespace peerctl::cli
