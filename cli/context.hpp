#pragma once
// What every command shares: the global options, and the workspace and credentials they lead to.

#include "credential_rules.hpp"
#include "dates.hpp"
#include "diagnostics.hpp"
#include "io_error.hpp"
#include "terminal_text.hpp"
#include "workspace.hpp"

#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <utility>

namespace peerctl::cli {

// Exit codes (docs/contract.md, "Exit codes").
constexpr int exit_ok = 0;
constexpr int exit_data = 1;
constexpr int exit_usage = 2;
constexpr int exit_check_unknown = 3;

struct GlobalOptions {
    std::optional<std::string> dir;
    std::optional<std::string> as_of;
    std::string color = "auto";
    unsigned jobs = 0;
};

class Context {
public:
    explicit Context(GlobalOptions options);

    const GlobalOptions& options() const { return options_; }
    // "Today": --as-of, else the date in the workspace's time zone once it is open, else in TZ's,
    // else in the machine's (time_zone.hpp). A TZ that names no zone is a UsageError.
    Date as_of() const;
    // The instant the run takes as now (PEERCTL_NOW in the tests): what a message's Date says.
    std::chrono::sys_seconds now() const { return now_; }
    // Style for stdout: colour on a terminal unless NO_COLOR or --color says otherwise.
    Style out_style() const;
    const Environment& env() const { return env_; }
    const UserConfig& user_config() const { return user_config_; }
    // The user config exists but has errors (already in diags()); commands stop on them too.
    bool user_config_broken() const { return user_config_broken_; }

    // Finds and loads the workspace and the credentials in force; reports and returns false when
    // either cannot be used.
    bool open_workspace();
    // Credentials without a workspace (for `credentials` outside one).
    void load_credentials_only();
    const Workspace* workspace() const { return workspace_ ? &*workspace_ : nullptr; }
    const CredentialSet& credentials() const { return credentials_; }

    Diagnostics& diags() { return diags_; }
    // Prints collected diagnostics to stderr and clears them.
    void flush_diagnostics();

private:
    GlobalOptions options_;
    Environment env_;
    UserConfig user_config_;
    bool user_config_broken_ = false;
    std::optional<Date> as_of_option_;
    std::optional<std::string> tz_;
    std::chrono::sys_seconds now_;
    mutable std::optional<Date> as_of_;
    std::optional<Workspace> workspace_;
    CredentialSet credentials_;
    Diagnostics diags_;
};

// Raised for a bad --as-of or similar: a usage error found after parsing. app.cpp prints it as
// "peerctl: message" and exits 2 (3 for check).
class UsageError : public std::exception {
public:
    explicit UsageError(std::string message) : message_(std::move(message)) {}
    const char* what() const noexcept override { return message_.c_str(); }
    const std::string& message() const { return message_; }

private:
    std::string message_;
};

// An id from the command line (or the user config's `me`), checked before any path is built from
// it: "'ID' is not a valid id ([a-z0-9][a-z0-9_-]{0,63})" as a UsageError otherwise. `what` names
// the kind when it is not a specialist's ("credential id").
void require_valid_id(std::string_view id, std::string_view what = "id");

std::filesystem::path builtin_credentials_dir();

// A --credential filter naming no credential in force: "unknown credential 'x' (in force: a, b)",
// else nothing.
std::optional<std::string> unknown_credential(const CredentialSet& credentials, std::string_view id);

// The ways out to the terminal (output_text.hpp has the sanitisers). Everything a command prints
// as text goes through one of these; JSON, CSV, HTML, Markdown, iCalendar and check's Nagios text
// are sanitised as they are rendered (lib/), and written as they are.
// A page on stdout: newlines and tabs kept, and Style's colours when `style` has them on.
void print_page(std::string_view text, const Style& style = Style{});
// "peerctl: message" on stderr.
void print_error(std::string_view message);
// "file:line:col: error: message" on stderr, one a line.
void print_diagnostics(const Diagnostics& diags);
// "peerctl: error: cannot write PATH: reason" on stderr (docs/contract.md, "Writes"), for a file
// the user named (-o, the workspace's peerctl.toml), named as given.
void print_write_error(const IoError& error);
// "peerctl: 2 record files left out of the report: ..." on stderr, after their errors: a team
// report or a calendar covers the records that could be read and exits 1 (docs/contract.md).
void print_left_out(std::size_t files, std::string_view of_what);
// After `what` went to stdout: exit_ok, or a full disk or a closed pipe said so and exit_data.
int stdout_result(std::string_view what);

} // namespace peerctl::cli
