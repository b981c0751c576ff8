#include "app.hpp"

#include "commands.hpp"
#include "expiry_check.hpp"
#include "prompt.hpp"
#include "usage_hints.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <map>
#include <sstream>

namespace peerctl::cli {

int run(int argc, char** argv) {
    CLI::App app{"peerctl: certification tracking for peer support specialists", "peerctl"};
    app.require_subcommand(1);
    // Set before the commands are added, which inherit it: the global options may follow the command.
    app.fallthrough();
    app.set_help_all_flag("--help-all", "Show help for every command");
    GlobalOptions global;
    app.add_option("--dir", global.dir, "Workspace directory (default: $PEERCTL_DIR, the nearest peerctl.toml, the user config)");
    app.add_option("--as-of", global.as_of, "Evaluate as of this date (YYYY-MM-DD; default today)");
    app.add_option("--color", global.color, "Colour: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("-j,--jobs", global.jobs, "Files to load in parallel (default: one per core)");
    // Given twice (before and after the command, say), the last one counts, as in most tools.
    for (const char* name : {"--dir", "--as-of", "--color", "--jobs"})
        app.get_option(name)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    app.add_flag_callback(
        "--version",
        [] {
            fmt::print("peerctl {}\n", PEERCTL_VERSION);
            throw CLI::Success();
        },
        "Print the version and exit");

    std::map<CLI::App*, Runner> runners;
    for (const auto& spec : commands) {
        CLI::App* sub = app.add_subcommand(spec.name, spec.help);
        runners[sub] = spec.setup(*sub);
    }

    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        if (auto unknown = unknown_command(app, args)) throw CLI::ParseError(*unknown, CLI::ExitCodes::ExtrasError);
        try {
            app.parse(argc, argv);
        } catch (const CLI::RequiredError&) {
            auto missing = missing_required(app);
            if (!missing) throw;
            // On a terminal, a command that takes --no-input asks for what is missing instead.
            if (!can_ask() || !leave_missing_to_questions(app)) throw CLI::RequiredError(*missing, CLI::ExitCodes::RequiredError);
            app.parse(argc, argv);
        }
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11's messages quote the arguments: they reach the terminal through the sanitiser.
        std::ostringstream out, err;
        app.exit(e, out, err);
        print_page(out.str());
        std::string message = printable_lines(err.str());
        std::fwrite(message.data(), 1, message.size(), stderr);
        // CLI11 uses 100+; docs/contract.md says 2, and 3 (UNKNOWN) for check's monitoring codes.
        if (!app.get_subcommand("check")->parsed()) return exit_usage;
        fmt::print("{}", check_unknown_text("invalid arguments (see peerctl check --help)"));
        return exit_check_unknown;
    }

    try {
        Context ctx(global);
        for (auto& [sub, runner] : runners)
            if (sub->parsed()) return runner(ctx);
        return exit_usage;
    } catch (const UsageError& e) {
        print_error(e.message());
        if (!app.get_subcommand("check")->parsed()) return exit_usage;
        fmt::print("{}", check_unknown_text(e.message()));
        return exit_check_unknown;
    } catch (const std::exception& e) {
        // Only what cannot continue reaches here (out of memory, a broken pipe).
        print_error(fmt::format("internal error: {}", e.what()));
        return exit_data;
    }
}

} // namespace peerctl::cli
