#include "context.hpp"

#include "output_text.hpp"
#include "time_zone.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl::cli {

namespace {
std::optional<std::string> env_var(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
}
// PEERCTL_NOW=2026-11-30T03:00:00Z fixes the instant "today" is taken from: a hook for the tests
// of time zones (docs/contract.md, "Environment"), not a setting.
std::chrono::sys_seconds now_for(const std::optional<std::string>& fixed) {
    if (!fixed) return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    std::istringstream in(*fixed);
    date::sys_seconds t;
    in >> date::parse("%Y-%m-%dT%H:%M:%SZ", t);
    if (!in || in.peek() != std::char_traits<char>::eof())
        throw UsageError{fmt::format("PEERCTL_NOW must be an instant such as 2026-11-30T03:00:00Z (got '{}')",
                                     printable(utf8_prefix(*fixed, 64)))};
    return t;
}
} // namespace

void require_valid_id(std::string_view id, std::string_view what) {
    if (!is_valid_id(id))
        throw UsageError{fmt::format("'{}' is not a valid {} ({})", printable(utf8_prefix(id, 64)), what, id_pattern)};
}

std::optional<std::string> unknown_credential(const CredentialSet& credentials, std::string_view id) {
    if (credentials.find(id)) return std::nullopt;
    std::string known;
    for (const auto& c : credentials.ids())
        known += (known.empty() ? "" : ", ") + c;
    return fmt::format("unknown credential '{}' (in force: {})", printable(utf8_prefix(id, 64)), known);
}

fs::path builtin_credentials_dir() {
    if (auto dir = env_var("PEERCTL_DATA_DIR"); dir && !dir->empty()) return fs::path(*dir) / "credentials";
    // Relocatable: an installed binary finds its data relative to its own prefix.
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / PEERCTL_INSTALL_DATA_SUBDIR / "credentials";
        if (fs::is_directory(installed, ec)) return installed;
    }
    return fs::path(PEERCTL_SOURCE_DATA_DIR) / "credentials";
}

void print_page(std::string_view text, const Style& style) {
    std::string shown = printable_lines(text, style.color);
    std::fwrite(shown.data(), 1, shown.size(), stdout);
}

void print_error(std::string_view message) { fmt::print(stderr, "peerctl: {}\n", printable(message)); }

void print_diagnostics(const Diagnostics& diags) {
    for (const auto& d : diags.items())
        fmt::print(stderr, "{}\n", printable(format(d)));
}

void print_write_error(const IoError& error) {
    print_error(fmt::format("error: cannot write {}: {}", error.path.string(), error.what));
}

void print_left_out(std::size_t files, std::string_view of_what) {
    print_error(fmt::format("{} record file{} left out of {}: {} could not be read (peerctl validate lists why)", files,
                            files == 1 ? "" : "s", of_what, files == 1 ? "it" : "they"));
}

int stdout_result(std::string_view what) {
    if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return exit_ok;
    print_error(fmt::format("cannot write {} to standard output: {}", what, std::strerror(errno)));
    return exit_data;
}

Context::Context(GlobalOptions options) : options_(std::move(options)) {
    env_.peerctl_dir = env_var("PEERCTL_DIR");
    env_.xdg_config_home = env_var("XDG_CONFIG_HOME");
    env_.xdg_cache_home = env_var("XDG_CACHE_HOME");
    env_.home = env_var("HOME");
    std::error_code ec;
    env_.cwd = fs::current_path(ec);
    if (options_.as_of) {
        auto d = parse_date(*options_.as_of);
        if (!d) throw UsageError{fmt::format("--as-of must be a date such as 2026-04-01 (got '{}')", printable(*options_.as_of))};
        as_of_option_ = *d;
    }
    tz_ = env_var("TZ");
    now_ = now_for(env_var("PEERCTL_NOW"));
    Diagnostics config;
    user_config_ = load_user_config(env_, config);
    user_config_broken_ = config.has_errors();
    diags_.append(config);
}

Style Context::out_style() const {
    if (options_.color == "always") return Style{true};
    if (options_.color == "never") return Style{false};
    auto no_color = env_var("NO_COLOR");
    if (no_color && !no_color->empty()) return Style{false};
    auto term = env_var("TERM");
    return Style{::isatty(STDOUT_FILENO) == 1 && !(term && *term == "dumb")};
}

Date Context::as_of() const {
    if (!as_of_) {
        Today today = decide_today({as_of_option_, workspace_ ? workspace_->timezone : std::nullopt, tz_, now_});
        if (!today.date) throw UsageError{today.error};
        as_of_ = today.date;
    }
    return *as_of_;
}

bool Context::open_workspace() {
    auto root = discover_workspace(options_.dir, env_, user_config_);
    if (!root) {
        diags_.error("peerctl", {},
                     "no workspace found: use --dir DIR, set PEERCTL_DIR, or run inside a directory with a peerctl.toml");
        return false;
    }
    workspace_ = load_workspace(*root, diags_);
    as_of_.reset(); // its time zone may decide another date than TZ's
    if (!workspace_) return false;
    credentials_ = load_credentials(builtin_credentials_dir(), &*workspace_, diags_);
    return !diags_.has_errors();
}

void Context::load_credentials_only() { credentials_ = load_credentials(builtin_credentials_dir(), nullptr, diags_); }

void Context::flush_diagnostics() {
    print_diagnostics(diags_);
    diags_ = Diagnostics();
}

} // namespace peerctl::cli
