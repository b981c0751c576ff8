// `export ics`: renewal deadlines as an iCalendar file.

#include "commands.hpp"

#include "atomic_file.hpp"
#include "ics_export.hpp"
#include "target_id.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <set>

namespace peerctl::cli {

namespace {

struct ExportOptions {
    std::string output;
    std::vector<std::string> ids;
    std::string alarms = "90,30,7";
};

// "90,30,7" -> {90, 30, 7}; "none" or "" -> no alarms.
std::vector<int> parse_alarms(const std::string& text) {
    std::vector<int> out;
    if (text.empty() || text == "none") return out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        std::string_view part(text.data() + start, (comma == std::string::npos ? text.size() : comma) - start);
        int v = 0;
        auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (ec != std::errc() || p != part.data() + part.size() || v < 0 || v > 3650)
            throw UsageError{"--alarm takes days before the deadline, such as 90,30,7 (or none)"};
        out.push_back(v);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// UTC now, or $SOURCE_DATE_EPOCH for reproducible output.
std::string dtstamp() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        long long v = 0;
        auto [p, ec] = std::from_chars(epoch, epoch + std::strlen(epoch), v);
        if (ec == std::errc() && *p == '\0') t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

int run_export(Context& ctx, const ExportOptions& opts) {
    IcsOptions ics;
    ics.alarm_days = parse_alarms(opts.alarms);
    ics.dtstamp = dtstamp();
    ics.version = PEERCTL_VERSION;
    for (const auto& id : opts.ids)
        require_valid_id(id);
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    ics.calendar_name = ws.name;
    std::vector<std::filesystem::path> files;
    if (opts.ids.empty()) files = record_files(ws);
    bool missing = false;
    std::set<std::string> named; // an id named twice is one specialist, in the calendar once
    for (const auto& id : opts.ids) {
        if (!named.insert(id).second) continue;
        if (record_missing(ctx, TargetId{id})) missing = true;
        else files.push_back(record_path(ws, id));
    }
    if (missing) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    // Each record is evaluated where it loads and dropped there; the calendar keeps what its
    // events say and is written once every record is read. A file that cannot be read is left
    // out (its errors on stderr), the others still make the calendar, and the exit is 1.
    IcsStream calendar(files.size(), ics);
    auto keep = [&](std::size_t i, const Record& r) { calendar.add(i, evaluate(r, ctx.credentials(), ctx.as_of())); };
    VisitSummary visited = visit_records(files, &ws, ctx.credentials(), ctx.options().jobs, keep, /*fast=*/true);
    ctx.diags().append(visited.diags);
    std::size_t unreadable = ctx.diags().files_with_errors().size();
    ctx.flush_diagnostics();
    if (unreadable > 0) print_left_out(unreadable, "the calendar");
    int written = exit_ok;
    if (opts.output.empty() || opts.output == "-") {
        calendar.finish([](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        written = stdout_result("the calendar");
    } else {
        std::string text;
        calendar.finish([&](std::string_view chunk) { text += chunk; });
        if (auto err = write_file_atomic(opts.output, text)) {
            print_write_error(*err);
            written = exit_data;
        }
    }
    return unreadable > 0 ? exit_data : written;
}

} // namespace

Runner setup_export(CLI::App& sub) {
    auto opts = std::make_shared<ExportOptions>();
    sub.require_subcommand(1);
    CLI::App* ics = sub.add_subcommand("ics", "Renewal deadlines as an iCalendar (.ics) file");
    ics->add_option("-o,--output", opts->output, "Write to FILE (mode 0600) instead of stdout");
    ics->add_option("--id", opts->ids, "Only these specialists (repeatable)");
    ics->add_option("--alarm", opts->alarms, "Reminders, in days before each deadline (default 90,30,7; 'none')");
    return [opts](Context& ctx) { return run_export(ctx, *opts); };
}

} // namespace peerctl::cli
