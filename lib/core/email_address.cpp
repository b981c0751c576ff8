#include "email_address.hpp"

#include <algorithm>

namespace peerctl {

namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// RFC 5322 atext, without the characters that would need quoting.
bool atext(char c) { return alnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos; }

bool valid_local(std::string_view local) {
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.') return false;
    for (std::size_t i = 0; i < local.size(); ++i) {
        if (local[i] == '.') {
            if (local[i + 1] == '.') return false;
        } else if (!atext(local[i])) {
            return false;
        }
    }
    return true;
}

bool valid_domain(std::string_view domain) {
    if (domain.empty() || domain.size() > 253) return false;
    int labels = 0;
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t dot = std::min(domain.find('.', start), domain.size());
        std::string_view label = domain.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        if (!std::all_of(label.begin(), label.end(), [](char c) { return alnum(c) || c == '-'; })) return false;
        ++labels;
        start = dot + 1;
    }
    return labels >= 2;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

bool is_valid_email(std::string_view address) {
    if (address.size() > 254) return false;
    std::size_t at = address.find('@');
    if (at == std::string_view::npos || address.find('@', at + 1) != std::string_view::npos) return false;
    return valid_local(address.substr(0, at)) && valid_domain(address.substr(at + 1));
}

std::optional<Mailbox> parse_mailbox(std::string_view text) {
    text = trim(text);
    Mailbox box;
    std::size_t open = text.find('<');
    if (open == std::string_view::npos) {
        if (!is_valid_email(text)) return std::nullopt;
        box.address = std::string(text);
        return box;
    }
    if (text.back() != '>') return std::nullopt;
    std::string_view display = trim(text.substr(0, open));
    std::string_view address = text.substr(open + 1, text.size() - open - 2);
    bool plain = std::none_of(display.begin(), display.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7f || c == '<' || c == '>' || c == '"';
    });
    if (!plain || !is_valid_email(address)) return std::nullopt;
    box.display = std::string(display);
    box.address = std::string(address);
    return box;
}

} // namespace peerctl
