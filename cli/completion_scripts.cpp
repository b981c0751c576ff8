// The scripts share one design: a generated table of the command tree (subcommands, options,
// what each value and positional completes to), and a hand-written walk over the words before
// the cursor that finds the command path. The hand-written part is cli/completion/peerctl.SHELL,
// embedded at build time; this file writes the tables into its placeholders. Ids come from
// `peerctl completion --list KIND`, run with the --dir of the command line being completed.

#include "completion.hpp"

#include <fmt/core.h>

#include <stdexcept>
#include <string_view>

namespace peerctl::cli {

// cli/completion/peerctl.{bash,zsh,fish}, as cmake/embed_text.cmake writes them into the build.
extern const std::string_view bash_script;
extern const std::string_view zsh_script;
extern const std::string_view fish_script;

namespace {

// POSIX shells: 'text', with ' written as '\''.
std::string sh_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// fish: 'text', with \ and ' escaped by a backslash.
std::string fish_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string joined(const std::vector<std::string>& words, std::string_view sep = " ") {
    std::string out;
    for (const auto& w : words)
        out += (out.empty() ? "" : std::string(sep)) + w;
    return out;
}

// `script` with its placeholders filled: "@PEERCTL_VERSION@" wherever it stands, and each line
// that starts with "# @NAME@" (a comment, so the file stays a script its shell can check) by the
// text for NAME.
std::string fill(std::string_view script, const std::string& version,
                 std::initializer_list<std::pair<std::string_view, std::string>> parts) {
    std::string out(script);
    for (const auto& [name, text] : parts) {
        std::string mark = fmt::format("\n# @{}@", name);
        auto at = out.find(mark);
        if (at == std::string::npos) throw std::logic_error(fmt::format("completion script without {}", name));
        auto end = out.find('\n', at + 1);
        out.replace(at + 1, end == std::string::npos ? std::string::npos : end + 1 - (at + 1), text);
    }
    constexpr std::string_view mark = "@PEERCTL_VERSION@";
    for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at + version.size()))
        out.replace(at, mark.size(), version);
    return out;
}

// The shell functions both bash and zsh use for options' values and positionals: the same case
// tables in both syntaxes.
std::string value_function(const std::vector<CompletionCommand>& tree) {
    std::string out = "# What the value of option $2 of command path $1 completes to; fails for a flag.\n"
                      "_peerctl_value() {\n    case $1 in\n";
    for (const auto& cmd : tree) {
        std::string inner;
        for (const auto& o : cmd.options)
            if (o.takes_value) inner += fmt::format("                {}) echo {} ;;\n", joined(o.names, "|"), sh_quote(o.values));
        if (inner.empty()) continue;
        out += fmt::format("        {})\n            case $2 in\n{}                *) return 1 ;;\n            esac ;;\n",
                           sh_quote(cmd.path), inner);
    }
    out += "        *) return 1 ;;\n    esac\n}\n\n";
    out += "# Sets kinds (what each positional of command path $1 completes to) and repeats (1 when the\n"
           "# last one repeats).\n"
           "_peerctl_positionals() {\n    kinds=()\n    repeats=0\n    case $1 in\n";
    for (const auto& cmd : tree) {
        if (cmd.positionals.empty()) continue;
        std::vector<std::string> kinds;
        for (const auto& k : cmd.positionals)
            kinds.push_back(sh_quote(k));
        out += fmt::format("        {}) kinds=({}); repeats={} ;;\n", sh_quote(cmd.path), joined(kinds),
                           cmd.last_positional_repeats ? 1 : 0);
    }
    out += "    esac\n}\n\n";
    return out;
}

} // namespace

std::string bash_completion(const std::vector<CompletionCommand>& tree, const std::string& version) {
    std::string out = "# The subcommands of a command path ('' is peerctl itself).\n_peerctl_subcommands() {\n    case $1 in\n";
    for (const auto& cmd : tree) {
        if (cmd.subcommands.empty()) continue;
        std::vector<std::string> names;
        for (const auto& [name, help] : cmd.subcommands)
            names.push_back(name);
        out += fmt::format("        {}) echo {} ;;\n", sh_quote(cmd.path), sh_quote(joined(names)));
    }
    out += "    esac\n}\n\n# The options of a command path.\n_peerctl_options() {\n    case $1 in\n";
    for (const auto& cmd : tree) {
        std::vector<std::string> names;
        for (const auto& o : cmd.options)
            names.insert(names.end(), o.names.begin(), o.names.end());
        out += fmt::format("        {}) echo {} ;;\n", sh_quote(cmd.path), sh_quote(joined(names)));
    }
    out += "    esac\n}\n\n";
    out += value_function(tree);
    return fill(bash_script, version, {{"PEERCTL_TABLES", out}});
}

std::string zsh_completion(const std::vector<CompletionCommand>& tree, const std::string& version) {
    std::string out = "# The subcommands of a command path ('' is peerctl itself), as name:description lines.\n"
                      "_peerctl_subcommands() {\n    case $1 in\n";
    for (const auto& cmd : tree) {
        if (cmd.subcommands.empty()) continue;
        std::vector<std::string> lines;
        for (const auto& [name, help] : cmd.subcommands)
            lines.push_back(sh_quote(fmt::format("{}:{}", name, help)));
        out += fmt::format("        {}) print -rl -- {} ;;\n", sh_quote(cmd.path), joined(lines, " \\\n            "));
    }
    out += "    esac\n}\n\n# The options of a command path, as name:description lines.\n_peerctl_options() {\n    case $1 in\n";
    for (const auto& cmd : tree) {
        std::vector<std::string> lines;
        for (const auto& o : cmd.options)
            for (const auto& n : o.names)
                lines.push_back(sh_quote(n + ":" + o.help));
        out += fmt::format("        {}) print -rl -- {} ;;\n", sh_quote(cmd.path), joined(lines, " \\\n            "));
    }
    out += "    esac\n}\n\n";
    out += value_function(tree);
    return fill(zsh_script, version, {{"PEERCTL_TABLES", out}});
}

std::string fish_completion(const std::vector<CompletionCommand>& tree, const std::string& version) {
    std::string tables =
        "# The subcommands of a command path ('' is peerctl itself).\nfunction __peerctl_subcommands -a path\n    switch $path\n";
    for (const auto& cmd : tree) {
        if (cmd.subcommands.empty()) continue;
        std::vector<std::string> names;
        for (const auto& [name, help] : cmd.subcommands)
            names.push_back(name);
        tables += fmt::format("        case {}\n            printf '%s\\n' {}\n", fish_quote(cmd.path), joined(names));
    }
    tables += "    end\nend\n\n# Succeeds when option $opt of command path $path takes a value.\n"
              "function __peerctl_takes_value -a path opt\n    switch \"$path|$opt\"\n";
    std::vector<std::string> valued;
    for (const auto& cmd : tree)
        for (const auto& o : cmd.options)
            if (o.takes_value)
                for (const auto& n : o.names)
                    valued.push_back(fish_quote(cmd.path + "|" + n));
    if (!valued.empty()) tables += fmt::format("        case {}\n            return 0\n", joined(valued));
    tables += "    end\n    return 1\nend\n\n";
    auto arguments = [](const ValueKind& kind) -> std::string {
        if (kind.empty()) return "-x";
        if (kind == "@file") return "-r -F";
        if (kind == "@dir") return "-x -a '(__fish_complete_directories (commandline -ct))'";
        if (kind[0] == '@') return fmt::format("-x -a '(__peerctl_list {})'", kind.substr(1));
        std::string words = kind;
        for (char& c : words)
            if (c == ',') c = ' ';
        return "-x -a " + fish_quote(words);
    };
    std::string out;
    for (const auto& cmd : tree) {
        out += fmt::format("\n# {}\n", cmd.path.empty() ? "peerctl" : "peerctl " + cmd.path);
        for (const auto& [name, help] : cmd.subcommands)
            out += fmt::format("complete -c peerctl -n {} -a {} -d {}\n", fish_quote("__peerctl_at " + fish_quote(cmd.path)),
                               name, fish_quote(help));
        for (const auto& o : cmd.options) {
            std::string names;
            for (const auto& n : o.names)
                names += n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1);
            out += fmt::format("complete -c peerctl -n {}{}{} -d {}\n", fish_quote("__peerctl_in " + fish_quote(cmd.path)), names,
                               o.takes_value ? " " + arguments(o.values) : "", fish_quote(o.help));
        }
        for (std::size_t i = 0; i < cmd.positionals.size(); ++i) {
            const ValueKind& kind = cmd.positionals[i];
            if (kind.empty()) continue;
            bool more = cmd.last_positional_repeats && i + 1 == cmd.positionals.size();
            std::string cond = fmt::format("__peerctl_pos {} {}{}", fish_quote(cmd.path), i, more ? " +" : "");
            std::string args = arguments(kind);
            if (kind == "@file") args = "-F";
            else args = args.substr(3); // a positional: no -x
            out += fmt::format("complete -c peerctl -n {} {}\n", fish_quote(cond), args);
        }
    }
    return fill(fish_script, version, {{"PEERCTL_TABLES", tables}, {"PEERCTL_COMPLETIONS", out}});
}

} // namespace peerctl::cli
