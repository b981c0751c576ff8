#include "toml_text.hpp"

#include <toml++/toml.h>

#include <cstdio>

namespace peerctl {

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04X", c);
                out += buf;
            } else {
                out += ch;
            }
        }
    }
    return out + "\"";
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
        if (n == 0 || i + n > text.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        unsigned char c1 = n > 1 ? static_cast<unsigned char>(text[i + 1]) : 0;
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 > 0x8F))
            return false;
        i += n;
    }
    return true;
}

std::optional<CredentialTableSite> credential_table_site(std::string_view record_text, std::string_view credential) {
    toml::table root;
    try {
        root = toml::parse(record_text, std::string_view("record"));
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
    CredentialTableSite site;
    const toml::node* creds = root.get("credentials");
    const toml::node* node = creds && creds->is_table() ? creds->as_table()->get(credential) : nullptr;
    if (!node) return site;
    site.present = true;
    site.is_table = node->is_table();
    site.certified = site.is_table && node->as_table()->contains("issued");
    site.line = node->source().begin.line;
    return site;
}

} // namespace peerctl
