#pragma once
// Shell completion: the command tree read from the CLI11 app (CLI11 2.1.2 has no completion of
// its own), and the bash, zsh and fish scripts rendered from it.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace peerctl::cli {

// What a value completes to: "@dir", "@file", "@ids" (specialists in the workspace),
// "@credentials", "@topics" (topic and domain ids), "" (anything: nothing to offer), or a
// comma-separated list of words ("auto,always,never").
using ValueKind = std::string;

struct CompletionOption {
    std::vector<std::string> names; // "-o", "--output"
    std::string help;
    bool takes_value = false;
    ValueKind values;
};

struct CompletionCommand {
    std::string path; // "" for peerctl itself, "log training" for a nested command
    std::string help;
    std::vector<CompletionOption> options;
    std::vector<std::pair<std::string, std::string>> subcommands; // name, help
    std::vector<ValueKind> positionals;                           // in order
    bool last_positional_repeats = false;
};

// Every command reachable from `root`, root first, parents before their subcommands. Options
// and subcommands in no help group (hidden) are left out.
std::vector<CompletionCommand> completion_tree(const CLI::App& root);

std::string bash_completion(const std::vector<CompletionCommand>& tree, const std::string& version);
std::string zsh_completion(const std::vector<CompletionCommand>& tree, const std::string& version);
std::string fish_completion(const std::vector<CompletionCommand>& tree, const std::string& version);

} // namespace peerctl::cli
