// `edit [ID]`: the record in the user's editor, under its lock; saved only when valid, as visudo
// and crontab -e do.

#include "commands.hpp"

#include "editor.hpp"
#include "file_reader.hpp"
#include "private_copy.hpp"
#include "prompt.hpp"
#include "record_edit.hpp"
#include "target_id.hpp"
#include "write_support.hpp"

#include <fmt/core.h>

#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {

// Where the private copy goes: $TMPDIR (as the system gives it), else /tmp.
fs::path temp_base() {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    return ec || dir.empty() ? fs::path("/tmp") : dir;
}

// After errors, on a terminal: true to edit again, false to abandon (also at end of input).
bool ask_edit_again() {
    for (;;) {
        std::optional<std::string> line = ask_line("(e)dit again, (a)bandon? ");
        if (!line) return false;
        if (line->starts_with('e') || line->starts_with('E')) return true;
        if (line->starts_with('a') || line->starts_with('A')) return false;
    }
}

int run_edit(Context& ctx, const std::optional<std::string>& given) {
    TargetId target = target_id(ctx, given);
    if (!ctx.open_workspace() || record_missing(ctx, target)) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const Workspace& ws = *ctx.workspace();
    RecordEdit session;
    if (!session.open(ws, target.id, ctx.diags())) {
        ctx.flush_diagnostics();
        return exit_data;
    }
    const std::string& shown = session.shown();
    PrivateCopy copy;
    // Named like the record, so that the editor knows it for TOML.
    if (auto err = copy.create(temp_base(), target.id + ".toml", session.original())) {
        ctx.diags().error(shown, {}, err->what + "; nothing was written");
        ctx.flush_diagnostics();
        return exit_data;
    }
    const std::string editor = editor_command();
    for (;;) {
        EditorRun run = run_editor(editor, copy.path());
        if (!run.ok()) {
            ctx.diags().error(shown, {}, fmt::format("the editor {}; nothing was written", run.failure()));
            ctx.flush_diagnostics();
            return exit_data;
        }
        std::optional<std::string> text =
            read_text_file(copy.path(), shown + " (the edited copy)", ws.limits.max_bytes, ctx.diags(), Symlinks::Refuse);
        if (!text) {
            ctx.diags().error(shown, {}, "nothing was written");
            ctx.flush_diagnostics();
            return exit_data;
        }
        RecordEdit::Saved saved = session.save(*text, ctx.credentials(), ctx.diags());
        ctx.flush_diagnostics();
        switch (saved.outcome) {
        case RecordEdit::Outcome::Unchanged:
            print_page(fmt::format("no changes to {}; nothing was written\n", shown));
            return exit_ok;
        case RecordEdit::Outcome::Written: {
            commit_write(ctx, {record_path(ws, target.id)}, "edit " + target.id);
            SpecialistStatus s = evaluate(*saved.record, ctx.credentials(), ctx.as_of());
            print_page(fmt::format("saved {}; {}\n", shown, standing(s)));
            return exit_ok;
        }
        case RecordEdit::Outcome::Failed: return exit_data;
        case RecordEdit::Outcome::Invalid: break;
        }
        // No terminal to ask on (a script, cron): abandon, as crontab -e does at end of input.
        if (::isatty(STDIN_FILENO) != 1 || !ask_edit_again()) {
            ctx.diags().error(shown, {}, "the edited record has errors; abandoned, nothing was written");
            ctx.flush_diagnostics();
            return exit_data;
        }
    }
}

} // namespace

Runner setup_edit(CLI::App& sub) {
    auto id = std::make_shared<std::optional<std::string>>();
    sub.add_option("id", *id, "Specialist id (default: 'me' from the user config)");
    return [id](Context& ctx) { return run_edit(ctx, *id); };
}

} // namespace peerctl::cli
