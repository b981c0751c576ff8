#include "credential_rules.hpp"

#include "enum_names.hpp"

#include <iterator>

namespace peerctl {

namespace {
constexpr std::string_view anchors[] = {"issue-date", "calendar-year", "birthday", "first-of-issue-month", "none"};
static_assert(std::size(anchors) == static_cast<std::size_t>(Anchor::None) + 1);
} // namespace

std::span<const std::string_view> anchor_names() { return anchors; }
std::string to_string(Anchor a) { return enum_name(anchors, a); }

std::string to_string(MinimumKind k) {
    switch (k) {
    case MinimumKind::TopicHours: return "topic-hours";
    case MinimumKind::TopicEntries: return "topic-entries";
    case MinimumKind::ProviderHours: return "provider-hours";
    }
    return "";
}

const LevelRule* Credential::level(std::string_view level_id) const {
    for (const auto& l : levels)
        if (l.id == level_id) return &l;
    return nullptr;
}

void CredentialSet::add(Credential c) {
    vocabulary_.insert(c.topics.begin(), c.topics.end());
    vocabulary_.insert(c.domains.begin(), c.domains.end());
    std::string id = c.id;
    by_id_.insert_or_assign(std::move(id), std::move(c));
}

const Credential* CredentialSet::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &it->second;
}

std::vector<std::string> CredentialSet::ids() const {
    std::vector<std::string> out;
    for (const auto& [id, c] : by_id_)
        out.push_back(id);
    return out;
}

} // namespace peerctl
