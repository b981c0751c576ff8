#include "completion.hpp"

#include "record.hpp"

#include <algorithm>
#include <span>
#include <string_view>

namespace peerctl::cli {

namespace {

// Values named by an option's long name. Options checked with CLI::IsMember list their own words.
constexpr std::pair<std::string_view, std::string_view> option_values[] = {
    {"dir", "@dir"}, {"output", "@file"},  {"evidence", "@file"}, {"mbox", "@file"}, {"credential", "@credentials"},
    {"id", "@ids"},  {"topic", "@topics"}, {"domain", "@topics"},
};

// Options whose values are a record's words, as lib spells them (`log exam --result`, ...).
std::string record_words(std::string_view option) {
    std::span<const std::string_view> names;
    if (option == "result") names = exam_result_names();
    else if (option == "kind") names = experience_kind_names();
    else if (option == "delivery") names = delivery_names();
    std::string out;
    for (auto name : names)
        out += (out.empty() ? "" : ",") + std::string(name);
    return out;
}

// Positionals whose meaning depends on the command, then those named alike everywhere.
constexpr std::pair<std::string_view, std::string_view> positional_values_in[] = {
    {"add id", ""}, // a new id: nothing to offer
    {"credentials show id", "@credentials"},
};
constexpr std::pair<std::string_view, std::string_view> positional_values[] = {
    {"id", "@ids"},    {"ids", "@ids"},     {"credential", "@credentials"},
    {"dir", "@dir"},   {"paths", "@file"},  {"base", "@file"},
    {"ours", "@file"}, {"theirs", "@file"}, {"path", "@file"},
    {"file", "@file"},
};

// The value for `key` in `table`; `found` says whether there was one ("" is a value).
std::string_view lookup(const auto& table, std::string_view key, bool& found) {
    found = false;
    for (const auto& [k, v] : table)
        if (k == key) {
            found = true;
            return v;
        }
    return {};
}

// "TEXT:{auto,always,never}" -> "auto,always,never"; words that a shell would need quoted are
// dropped rather than escaped (no command takes such a value).
std::string member_words(const std::string& type_name) {
    auto open = type_name.find('{');
    auto close = type_name.find('}', open);
    if (open == std::string::npos || close == std::string::npos) return "";
    std::string words = type_name.substr(open + 1, close - open - 1);
    bool plain = std::all_of(words.begin(), words.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
               c == ',';
    });
    return plain ? words : "";
}

ValueKind option_kind(const CLI::Option& opt) {
    if (std::string words = member_words(opt.get_type_name()); !words.empty()) return words;
    bool found = false;
    for (const auto& name : opt.get_lnames()) {
        if (auto v = lookup(option_values, name, found); found) return std::string(v);
        if (std::string words = record_words(name); !words.empty()) return words;
    }
    return "";
}

ValueKind positional_kind(const std::string& path, const CLI::Option& opt) {
    if (std::string words = member_words(opt.get_type_name()); !words.empty()) return words;
    bool found = false;
    if (auto v = lookup(positional_values_in, path + " " + opt.get_name(), found); found) return std::string(v);
    if (auto v = lookup(positional_values, opt.get_name(), found); found) return std::string(v);
    return "";
}

void walk(const CLI::App& app, const std::string& path, std::vector<CompletionCommand>& out) {
    CompletionCommand cmd;
    cmd.path = path;
    cmd.help = app.get_description();
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty()) continue; // hidden
        if (opt->get_positional() && !opt->nonpositional()) {
            // `certify [ID] CREDENTIAL` is one positional of one or two words: an id, then a credential.
            if (path == "certify" && opt->get_name() == "credential") cmd.positionals.emplace_back("@ids");
            cmd.positionals.push_back(positional_kind(path, *opt));
            cmd.last_positional_repeats = opt->get_items_expected_max() > 1 && path != "certify";
            continue;
        }
        CompletionOption o;
        for (const auto& s : opt->get_snames())
            o.names.push_back("-" + s);
        for (const auto& l : opt->get_lnames())
            o.names.push_back("--" + l);
        o.help = opt->get_description();
        o.takes_value = opt->get_items_expected_max() > 0;
        if (o.takes_value) o.values = option_kind(*opt);
        cmd.options.push_back(std::move(o));
    }
    std::vector<const CLI::App*> subs = app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); });
    for (const CLI::App* sub : subs)
        cmd.subcommands.emplace_back(sub->get_name(), sub->get_description());
    // The global options are taken after any command too (they fall through to peerctl itself).
    if (!path.empty())
        for (const auto& o : out.front().options)
            if (o.takes_value) cmd.options.push_back(o);
    out.push_back(std::move(cmd));
    for (const CLI::App* sub : subs)
        walk(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

} // namespace

std::vector<CompletionCommand> completion_tree(const CLI::App& root) {
    std::vector<CompletionCommand> out;
    walk(root, "", out);
    return out;
}

} // namespace peerctl::cli
