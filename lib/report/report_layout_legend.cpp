// The words a team report uses that a director reading it may not know: each state as the
// report writes it, and "renewable". Said once here for every format that shows a legend.

#include "report_layout.hpp"

#include <fmt/core.h>

namespace peerctl {

std::vector<LegendItem> team_legend(int due_days) {
    auto term = [](State s, bool due = false) { return state_cell(s, due).text; };
    return {
        {term(State::InTraining), "not certified yet: training, supervised experience or the exam still to complete"},
        {term(State::Eligible), "not certified yet, every initial requirement met: the certification can be applied for"},
        {term(State::Active), fmt::format("certified, the next deadline more than {} days away", due_days)},
        {term(State::Active, true),
         fmt::format("certified, the next deadline (the date to submit the renewal by, else the expiry) at most {} days away",
                     due_days)},
        {term(State::Late), "certified, past the date to submit the renewal by and not yet expired: a late fee may apply"},
        {term(State::Grace), "expired, within the time the credential allows to renew after expiry"},
        {term(State::Lapsed), "expired, past any time allowed to renew: the credential is no longer held"},
        {"overdue N", "N days past the deadline"},
        {"renewable", "yes when everything the current period requires (CE hours, topics and any other renewal "
                      "requirement) is met, so the renewal can be submitted; no otherwise, with what is missing"},
    };
}

Cell credential_cell(const Credential& rule) {
    Cell c{rule.id, Tone::Plain, {}};
    if (rule.name != rule.id) c.detail = rule.name;
    return c;
}

} // namespace peerctl
