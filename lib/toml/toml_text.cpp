#include "toml_text.hpp"

#include <toml++/toml.h>

namespace peerctl {

std::string toml_string(std::string_view text) { return "\"" + toml_escaped(text) + "\""; }

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
