#include "fuzz_support.hpp"

#include <fmt/core.h>

namespace peerctl::fuzz {

namespace {
std::string opt(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "-"; }
std::string opt(const std::optional<Date>& d) { return d ? to_string(*d) : "-"; }
} // namespace

std::string describe(const Record& r) {
    std::string out = fmt::format("id '{}' name '{}'\n", r.id, r.name);
    for (const auto& c : r.credentials)
        out += fmt::format("credential {} number {} issued {} level {} expires {}\n", c.id, opt(c.number), opt(c.issued),
                           opt(c.level), opt(c.expires));
    for (const auto& e : r.training)
        out += fmt::format("training {} {} '{}' '{}' '{}'\n", to_string(e.date), e.hours.str(), e.domain, e.title, e.provider);
    for (const auto& e : r.exams)
        out += fmt::format("exam {} {} {} {}\n", e.credential, to_string(e.date), to_string(e.result), e.score ? *e.score : -1);
    for (const auto& e : r.experience)
        out += fmt::format("experience {} {} {}\n", to_string(e.date), e.hours.str(), to_string(e.kind));
    for (const auto& e : r.ce) {
        out += fmt::format("ce {} {} '{}' '{}' {} '{}' '{}' topics", to_string(e.date), e.hours.str(), e.title, e.provider,
                           e.delivery ? to_string(*e.delivery) : "-", e.approval, e.evidence);
        for (const auto& t : e.topics) out += " '" + t + "'";
        out += "\n";
    }
    for (const auto& e : r.renewals)
        out += fmt::format("renewal {} {} {}\n", e.credential, to_string(e.date), opt(e.expires));
    return out;
}

} // namespace peerctl::fuzz
