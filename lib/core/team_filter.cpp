#include "team_filter.hpp"

#include <algorithm>

namespace peerctl {

namespace {

bool one_of(const std::vector<std::string>& words, std::string_view value) {
    return words.empty() || std::find(words.begin(), words.end(), value) != words.end();
}

} // namespace

bool TeamFilter::keeps(std::string_view id, std::string_view site, std::string_view supervisor) const {
    return one_of(ids, id) && one_of(sites, site) && one_of(supervisors, supervisor);
}

} // namespace peerctl
