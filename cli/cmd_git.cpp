// `git setup`: this clone's merge driver for records and its pre-commit hook (git carries neither
// from clone to clone; .gitattributes, which it does carry, asks for the driver).

#include "commands.hpp"

#include "git_process.hpp"
#include "git_setup.hpp"
#include "git_support.hpp"

#include <fmt/core.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

std::string peerctl_program() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("peerctl") : exe.string();
}

bool configure_clone(Context& ctx, const fs::path& root, const fs::path& top) {
    GitSetupResult r = setup_git_clone(root, top, peerctl_program(), root.string(), ctx.diags());
    ctx.flush_diagnostics();
    if (!r.driver) return false;
    std::string out = "configured git's 'peerctl' merge driver for records in this clone\n";
    switch (r.hook) {
    case HookOutcome::Installed: out += fmt::format("installed the pre-commit hook {}\n", r.hook_path.string()); break;
    case HookOutcome::Updated: out += fmt::format("updated the pre-commit hook {}\n", r.hook_path.string()); break;
    case HookOutcome::Unchanged: break;
    case HookOutcome::NotOurs:
        print_error(fmt::format("{} is not peerctl's: left as it is (add 'peerctl validate' of the staged records to it "
                                "yourself)",
                                r.hook_path.string()));
        break;
    case HookOutcome::Failed: return false;
    }
    print_page(out);
    if (!r.attributes)
        print_error("note: .gitattributes does not give specialists/*.toml 'merge=peerctl' here, so git will not use the "
                    "driver (peerctl init --git writes one)");
    return true;
}

namespace {

int run_git_setup(Context& ctx) {
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const fs::path& root = ctx.workspace()->root;
    fs::path top = git_top_level(root);
    if (top.empty()) {
        print_error(
            fmt::format("{} is not in a git work tree (peerctl init --git makes one; or git is not installed)", root.string()));
        return exit_data;
    }
    return configure_clone(ctx, root, top) ? exit_ok : exit_data;
}

} // namespace

Runner setup_git(CLI::App& sub) {
    sub.require_subcommand(1);
    CLI::App* setup = sub.add_subcommand("setup", "Configure this clone's merge driver for records and its pre-commit hook");
    return [setup](Context& ctx) { return setup->parsed() ? run_git_setup(ctx) : exit_usage; };
}

} // namespace peerctl::cli
