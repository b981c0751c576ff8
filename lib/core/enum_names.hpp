#pragma once
// An enum spelled by a list of words in the enum's order (its values are 0, 1, 2, ...): the one
// place each vocabulary is written, read by to_string, the parsers and whatever lists the choices.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace peerctl {

template <class Enum>
std::string enum_name(std::span<const std::string_view> names, Enum value) {
    auto i = static_cast<std::size_t>(value);
    return i < names.size() ? std::string(names[i]) : std::string();
}

template <class Enum>
std::optional<Enum> parse_enum(std::span<const std::string_view> names, std::string_view s) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == s) return static_cast<Enum>(i);
    return std::nullopt;
}

} // namespace peerctl
