#include "usage_hints.hpp"

#include "diagnostics.hpp"

#include <fmt/format.h>

namespace peerctl::cli {

namespace {

// The option `token` names in `app` or a parent it falls through to.
const CLI::Option* find_option(CLI::App* app, const std::string& token) {
    std::string name = token.substr(0, token.find('='));
    for (CLI::App* a = app; a != nullptr; a = a->get_parent())
        for (const CLI::Option* o : a->get_options())
            if (!o->get_positional() && o->check_name(name)) return o;
    return nullptr;
}

// Whether the option's value is in the next argument: an option that takes one, written without
// "=value" (or, for a short one, without the value glued on: -j4).
bool value_follows(const CLI::Option* o, const std::string& token) {
    // A flag's type size is not 0 in CLI11; the items it expects are.
    if (o == nullptr || o->get_items_expected_max() == 0 || token.find('=') != std::string::npos) return false;
    return !(token.size() > 2 && token[1] != '-');
}

std::string command_path(const CLI::App* app) {
    std::string path;
    for (const CLI::App* a = app; a != nullptr && a->get_parent() != nullptr; a = a->get_parent()) {
        if (!path.empty()) path.insert(0, " ");
        path.insert(0, a->get_name());
    }
    return path;
}

std::vector<const CLI::App*> commands_of(const CLI::App* app) {
    return app->get_subcommands([](const CLI::App*) { return true; });
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// The deepest command parsed.
CLI::App* parsed_command(CLI::App* app) {
    for (std::vector<CLI::App*> subs = app->get_subcommands(); !subs.empty(); subs = app->get_subcommands())
        app = subs.back();
    return app;
}

bool takes_positionals(const CLI::App* app) {
    return !app->get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
}

} // namespace

std::optional<std::string> unknown_command(CLI::App& app, const std::vector<std::string>& args) {
    CLI::App* at = &app;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& token = args[i];
        if (token == "--") return std::nullopt;
        if (token.size() > 1 && token[0] == '-') {
            if (value_follows(find_option(at, token), token)) ++i;
            continue;
        }
        if (commands_of(at).empty() || takes_positionals(at)) return std::nullopt;
        CLI::App* sub = nullptr;
        for (const CLI::App* s : commands_of(at))
            if (s->check_name(token)) sub = at->get_subcommand(s);
        if (sub == nullptr) {
            std::vector<std::string> names;
            for (const CLI::App* s : commands_of(at))
                names.push_back(s->get_name());
            std::string prefix = command_path(at);
            if (!prefix.empty()) prefix += " ";
            std::string hint = did_you_mean(token, names);
            if (hint.empty()) return fmt::format("unknown command '{}{}'", prefix, token);
            return fmt::format("unknown command '{}{}'; did you mean '{}{}'?", prefix, token, prefix, hint);
        }
        at = sub;
    }
    return std::nullopt;
}

std::optional<std::string> missing_required(const CLI::App& app) {
    std::vector<std::string> missing;
    const CLI::App* deepest = &app;
    for (const CLI::App* a = &app; a != nullptr;) {
        for (const CLI::Option* o : a->get_options())
            if (o->get_required() && o->count() == 0)
                missing.push_back(o->get_positional() ? upper(o->get_name()) : o->get_name());
        deepest = a;
        const CLI::App* next = nullptr;
        for (const CLI::App* s : commands_of(a))
            if (s->parsed()) next = s;
        a = next;
    }
    if (missing.empty()) return std::nullopt;
    std::string list;
    for (const auto& m : missing)
        list += (list.empty() ? "" : ", ") + m;
    std::string where = command_path(deepest);
    return "missing required " + std::string(missing.size() == 1 ? "option" : "options") +
           (where.empty() ? "" : " of '" + where + "'") + ": " + list;
}

bool leave_missing_to_questions(CLI::App& app) {
    CLI::App* command = parsed_command(&app);
    const CLI::Option* no_input = command->get_option_no_throw("--no-input");
    if (no_input == nullptr || no_input->count() > 0) return false;
    std::vector<CLI::Option*> missing;
    for (CLI::App* a = command; a != nullptr; a = a->get_parent())
        for (CLI::Option* o : a->get_options([](CLI::Option*) { return true; }))
            if (o->get_required() && o->count() == 0) {
                if (a != command || o->get_positional()) return false;
                missing.push_back(o);
            }
    for (CLI::Option* o : missing)
        o->required(false);
    return !missing.empty();
}

} // namespace peerctl::cli
