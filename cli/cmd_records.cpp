// `init`, `add` and `certify`: creating workspaces and records, and recording a certification.

#include "commands.hpp"

#include "atomic_file.hpp"
#include "evaluation.hpp"
#include "git_process.hpp"
#include "git_setup.hpp"
#include "git_support.hpp"
#include "record_update.hpp"
#include "target_id.hpp"
#include "toml_text.hpp"
#include "typed_options.hpp"
#include "validation.hpp"
#include "write_guards.hpp"
#include "write_support.hpp"

#include <fmt/core.h>

#include <sys/stat.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

struct InitOptions {
    std::string dir = ".";
    std::string name;
    bool group = false;
    bool git = false;
};

// `init --git`: the workspace made a git repository (or the one it is in used), .gitattributes and
// .gitignore written where there are none, and this clone configured. A file already there is
// left as it is: peerctl writes only what it creates.
int init_git(Context& ctx, const fs::path& root, mode_t file_mode) {
    std::error_code ec;
    fs::path top = git_top_level(root);
    if (top.empty()) {
        GitRun init = run_git(root, {"init", "-q"});
        if (!init.ok()) {
            print_error(fmt::format("cannot make {} a git repository: {}", root.string(),
                                    init.started ? init.err.substr(0, init.err.find('\n')) : init.error));
            return exit_data;
        }
        top = git_top_level(root);
    }
    std::string made;
    for (const auto& [file, text] :
         {std::pair<std::string, std::string>{".gitattributes", git_attributes_text()}, {".gitignore", git_ignore_text()}}) {
        AtomicWriteOptions write;
        write.create_mode = file_mode;
        write.must_not_exist = true;
        if (fs::exists(fs::symlink_status(root / file, ec))) {
            print_error(fmt::format("{} exists: left as it is (peerctl's lines: peerctl init --git in an empty directory "
                                    "shows them)",
                                    (root / file).string()));
            continue;
        }
        if (auto err = write_file_atomic(root / file, text, write)) {
            print_write_error(*err);
            return exit_data;
        }
        made += (made.empty() ? "" : ", ") + file;
    }
    print_page(fmt::format("git repository {}{}\n", top.string(), made.empty() ? "" : "; wrote " + made));
    return configure_clone(ctx, root, top) ? exit_ok : exit_data;
}

int run_init(Context& ctx, const InitOptions& opts) {
    fs::path root(opts.dir);
    std::error_code ec;
    if (fs::exists(root / "peerctl.toml", ec)) {
        print_error(fmt::format("{} is already a workspace", (root / "peerctl.toml").string()));
        return exit_data;
    }
    mode_t dir_mode = opts.group ? 0750 : 0700;
    for (const fs::path& d : {root, root / "specialists", root / "credentials"}) {
        if (fs::is_directory(d, ec)) continue;
        if (::mkdir(d.c_str(), dir_mode) != 0 && errno != EEXIST) {
            print_error(fmt::format("cannot create {}: {}", d.string(), std::strerror(errno)));
            return exit_data;
        }
        ::chmod(d.c_str(), dir_mode); // whatever the umask
    }
    std::string name = opts.name;
    if (name.empty()) name = fs::absolute(root, ec).lexically_normal().filename().string();
    if (name.empty()) name = fs::absolute(root, ec).lexically_normal().parent_path().filename().string();
    require_utf8("--name", name);
    std::string text = "# A peerctl workspace: one record per specialist in specialists/<id>.toml,\n"
                       "# the organisation's own credential rules (if any) in credentials/<id>.toml.\n"
                       "name = " +
                       toml_string(name) + "\n";
    if (opts.group) text += "group = true  # new records are readable by the group (0640)\n";
    AtomicWriteOptions write;
    write.create_mode = opts.group ? 0640 : 0600;
    write.must_not_exist = true;
    if (auto err = write_file_atomic(root / "peerctl.toml", text, write)) {
        print_write_error(*err);
        return exit_data;
    }
    print_page(fmt::format("created workspace {}\n", root.string()));
    return opts.git ? init_git(ctx, root, write.create_mode) : exit_ok;
}

struct AddOptions {
    std::optional<std::string> id;
    std::string name;
    std::vector<std::string> credentials;
    bool dry_run = false;
};

int run_add(Context& ctx, const AddOptions& opts) {
    std::string id = target_id(ctx, opts.id).id; // required: never defaults to 'me'
    require_utf8("--name", opts.name);
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    std::string text = "id = " + toml_string(id) + "\nname = " + toml_string(opts.name) + "\n";
    for (const auto& c : opts.credentials) {
        require_valid_id(c, "credential id");
        text += fmt::format("\n[credentials.{}]\n", c);
    }
    UpdateOptions update;
    update.create = true;
    update.dry_run = opts.dry_run;
    UpdateResult result = update_record(
        *ctx.workspace(), ctx.credentials(), id,
        [&](std::string_view, Diagnostics&) -> std::optional<std::string> { return text; },
        [](const Record&, const Record&) { return std::vector<std::string>{}; }, update, ctx.diags());
    ctx.flush_diagnostics();
    if (!result.ok) return exit_data;
    if (opts.dry_run) {
        print_page(text);
        return exit_ok;
    }
    const Workspace& ws = *ctx.workspace();
    commit_write(ctx, {record_path(ws, id)}, "add " + id);
    print_page(fmt::format("created {}; {}\n", display_path(&ws, record_path(ws, id)),
                           standing(evaluate(*result.record, ctx.credentials(), ctx.as_of()))));
    return exit_ok;
}

struct CertifyOptions {
    std::vector<std::string> words; // [ID] CREDENTIAL
    std::string credential;
    std::string issued;
    std::string number;
    std::string level;
    std::optional<std::string> expires;
    bool dry_run = false;
    bool force = false;
};

int run_certify(Context& ctx, CertifyOptions opts) {
    // `certify [ID] CREDENTIAL`: one word is the credential of 'me'.
    std::optional<std::string> given_id;
    if (opts.words.size() == 2) given_id = opts.words.front();
    opts.credential = opts.words.back();
    TargetId target = target_id(ctx, given_id);
    const std::string& id = target.id;
    // Open first: the workspace's time zone decides today, which relative dates count from.
    if (!ctx.open_workspace()) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    Date issued = date_option("--issued", opts.issued, ctx.as_of());
    std::vector<Field> fields;
    if (!opts.number.empty()) {
        require_utf8("--number", opts.number);
        fields.push_back({"number", toml_string(opts.number)});
    }
    fields.push_back({"issued", toml_date(issued)});
    if (!opts.level.empty()) {
        require_utf8("--level", opts.level);
        fields.push_back({"level", toml_string(opts.level)});
    }
    if (opts.expires) fields.push_back({"expires", toml_date(date_option("--expires", *opts.expires, ctx.as_of()))});
    require_valid_id(opts.credential, "credential id");
    const Workspace& ws = *ctx.workspace();
    if (record_missing(ctx, target)) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    if (!ctx.credentials().find(opts.credential)) {
        std::string hint = did_you_mean(opts.credential, ctx.credentials().ids());
        print_error(fmt::format("unknown credential '{}'{}", utf8_prefix(opts.credential, 64),
                                hint.empty() ? "" : "; did you mean '" + hint + "'?"));
        return exit_data;
    }
    std::string added;
    UpdateOptions update;
    update.dry_run = opts.dry_run;
    update.force = opts.force;
    Date today = ctx.as_of();
    UpdateResult result = update_record(
        ws, ctx.credentials(), id,
        [&](std::string_view original, Diagnostics& diags) -> std::optional<std::string> {
            std::string error;
            auto text = certify_text(original, opts.credential, fields, error);
            if (!text) diags.error(display_path(&ws, record_path(ws, id)), {}, error);
            return text;
        },
        [&](const Record&, const Record& after) {
            std::vector<std::string> out;
            if (issued > today) out.push_back(fmt::format("the issue date {} is in the future", to_string(issued)));
            if (auto why = certify_refusal(after, opts.credential, issued, ctx.credentials())) out.push_back(*why);
            return out;
        },
        update, ctx.diags());
    ctx.flush_diagnostics();
    if (!result.ok) return exit_data;
    if (opts.dry_run) {
        std::string text;
        for (const auto& f : fields)
            text += f.key + " = " + f.value + "\n";
        print_page(text);
        return exit_ok;
    }
    commit_write(ctx, {record_path(ws, id)}, fmt::format("certify {} {}", id, opts.credential));
    print_page(fmt::format("certified {} for {} in {}; {}\n", id, opts.credential, display_path(&ws, record_path(ws, id)),
                           standing(evaluate(*result.record, ctx.credentials(), ctx.as_of()))));
    return exit_ok;
}

} // namespace

Runner setup_init(CLI::App& sub) {
    auto opts = std::make_shared<InitOptions>();
    sub.add_option("dir", opts->dir, "Directory to make a workspace (default: here)");
    sub.add_option("--name", opts->name, "The organisation's name (default: the directory's)");
    sub.add_flag("--group", opts->group, "New files readable by the group (0640 instead of 0600)");
    sub.add_flag("--git", opts->git, "Also a git repository, with records merged by peerctl (see 'peerctl git setup')");
    return [opts](Context& ctx) { return run_init(ctx, *opts); };
}

Runner setup_add(CLI::App& sub) {
    auto opts = std::make_shared<AddOptions>();
    sub.add_option("id", opts->id, fmt::format("New specialist id ({})", id_pattern))->required();
    sub.add_option("--name", opts->name, "Full name")->required();
    sub.add_option("--credential", opts->credentials, "Credential held or pursued (repeatable)");
    sub.add_flag("--dry-run", opts->dry_run, "Print the record; write nothing");
    return [opts](Context& ctx) { return run_add(ctx, *opts); };
}

Runner setup_certify(CLI::App& sub) {
    auto opts = std::make_shared<CertifyOptions>();
    sub.add_option("credential", opts->words,
                   "[ID] CREDENTIAL: the specialist (default: 'me' from the user config) and the credential")
        ->expected(1, 2)
        ->required();
    sub.add_option("--issued", opts->issued, "Date of certification (YYYY-MM-DD, today, yesterday, -3d, -2w, -1m)")->required();
    sub.add_option("--number", opts->number, "Certificate number");
    sub.add_option("--level", opts->level, "Level, for credentials that have levels");
    sub.add_option("--expires", opts->expires, "Expiry printed on the certificate, where it differs from the computed one");
    sub.add_flag("--dry-run", opts->dry_run, "Print the fields that would be added; write nothing");
    sub.add_flag("--force", opts->force, "Record it even if the initial requirements are not met or the date is in the future");
    return [opts](Context& ctx) { return run_certify(ctx, *opts); };
}

} // namespace peerctl::cli
