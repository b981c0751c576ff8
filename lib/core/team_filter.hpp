#pragma once
// Which specialists a team command looks at, by the record's own keys (--id, --site,
// --supervisor): exact matches, so that "North" is not "north" and a filter never guesses.

#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

struct TeamFilter {
    // Each list keeps a specialist whose key is one of its words; an empty list keeps everyone.
    std::vector<std::string> ids;
    std::vector<std::string> sites;
    std::vector<std::string> supervisors;

    bool empty() const { return ids.empty() && sites.empty() && supervisors.empty(); }
    // A specialist with no site (or supervisor) is kept only when no site (supervisor) is asked for.
    bool keeps(std::string_view id, std::string_view site, std::string_view supervisor) const;
};

} // namespace peerctl
