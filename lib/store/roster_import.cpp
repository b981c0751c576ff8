#include "roster_import.hpp"

#include "credential_rules.hpp"
#include "email_address.hpp"
#include "key_lines.hpp"
#include "output_text.hpp"
#include "record_update.hpp"
#include "toml_text.hpp"
#include "validation.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

namespace peerctl {

namespace {

constexpr std::array<std::string_view, 11> key_words = {"id",     "name",       "email",  "site",   "supervisor", "hired",
                                                        "status", "credential", "number", "issued", "expires"};

// Lower case, spaces, '-' and '_' left out: "E-mail", "Employee ID" and "employee_id" alike.
std::string folded(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '-' && c != '_' && c != '\t') out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string word(RosterKey k) { return std::string(key_words[static_cast<std::size_t>(k)]); }

bool has_control(std::string_view s) {
    return std::ranges::any_of(s, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::optional<int> number_of(std::string_view s) {
    int v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

} // namespace

std::optional<RosterKey> parse_roster_key(std::string_view w) {
    for (std::size_t i = 0; i < key_words.size(); ++i)
        if (key_words[i] == w) return static_cast<RosterKey>(i);
    return std::nullopt;
}

std::optional<RosterKey> known_header(std::string_view header) {
    static const std::pair<std::string_view, RosterKey> known[] = {
        {"employeeid", RosterKey::Id},
        {"id", RosterKey::Id},
        {"name", RosterKey::Name},
        {"fullname", RosterKey::Name},
        {"email", RosterKey::Email},
        {"site", RosterKey::Site},
        {"location", RosterKey::Site},
        {"supervisor", RosterKey::Supervisor},
        {"manager", RosterKey::Supervisor},
        {"hiredate", RosterKey::Hired},
        {"hired", RosterKey::Hired},
        {"status", RosterKey::Status},
        {"credential", RosterKey::Credential},
        {"certificate#", RosterKey::Number},
        {"certificatenumber", RosterKey::Number},
        {"issuedate", RosterKey::Issued},
        {"issued", RosterKey::Issued},
        {"expirationdate", RosterKey::Expires},
        {"expires", RosterKey::Expires},
    };
    std::string f = folded(header);
    for (const auto& [h, k] : known)
        if (f == h) return k;
    return std::nullopt;
}

std::optional<ColumnMap> map_columns(const CsvRow& header, const std::vector<std::pair<std::string, RosterKey>>& extra,
                                     const std::string& shown, Diagnostics& diags) {
    ColumnMap map;
    bool ok = true;
    std::set<RosterKey> seen;
    for (const std::string& cell : header.cells) {
        std::optional<RosterKey> key;
        for (const auto& [column, k] : extra)
            if (folded(column) == folded(cell)) key = k;
        if (!key) key = known_header(cell);
        if (key && !seen.insert(*key).second) {
            diags.error(shown, {header.line, 0}, fmt::format("two columns for '{}': map one with --map", word(*key)));
            ok = false;
        }
        if (!key) map.ignored.push_back(cell);
        map.columns.push_back(key);
    }
    if (!seen.contains(RosterKey::Id)) {
        diags.error(shown, {header.line, 0}, "no column of ids (\"Employee ID\" or \"ID\"; or --map \"COLUMN=id\")");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return map;
}

std::optional<Date> parse_sheet_date(std::string_view text) {
    if (text.find('/') == std::string_view::npos) return text.size() == 10 ? parse_date(text) : std::nullopt;
    std::size_t a = text.find('/'), b = text.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    auto m = number_of(text.substr(0, a)), d = number_of(text.substr(a + 1, b - a - 1)), y = number_of(text.substr(b + 1));
    if (!m || !d || !y || text.size() - b - 1 != 4 || *m < 1 || *m > 12 || *d < 1 || *d > 31) return std::nullopt;
    return parse_date(fmt::format("{:04}-{:02}-{:02}", *y, *m, *d));
}

std::vector<ImportRow> roster_rows(const CsvTable& table, const ColumnMap& map, const std::string& shown, Diagnostics& diags) {
    std::vector<ImportRow> out;
    std::set<std::string> ids;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const CsvRow& row = table.rows[r];
        ImportRow got;
        got.line = row.line;
        std::vector<std::string> problems;
        for (std::size_t c = 0; c < row.cells.size() && c < map.columns.size(); ++c) {
            if (!map.columns[c]) continue;
            const std::string& cell = row.cells[c];
            if (cell.empty()) continue;
            RosterKey key = *map.columns[c];
            if (has_control(cell)) {
                problems.push_back(fmt::format("'{}' holds a control character (a line break, a tab)", word(key)));
                continue;
            }
            auto date = [&](std::optional<Date>& into) {
                if (!(into = parse_sheet_date(cell)))
                    problems.push_back(fmt::format("'{}' is not a date (YYYY-MM-DD or M/D/YYYY)", word(key)));
            };
            switch (key) {
            case RosterKey::Id: got.id = cell; break;
            case RosterKey::Name: got.name = cell; break;
            case RosterKey::Email:
                if (is_valid_email(cell)) got.email = cell;
                else problems.emplace_back("'email' is not one address");
                break;
            case RosterKey::Site: got.site = cell; break;
            case RosterKey::Supervisor: got.supervisor = cell; break;
            case RosterKey::Hired: date(got.hired); break;
            case RosterKey::Status: {
                std::string s = lowered(cell);
                if (parse_employment(s)) got.status = s;
                else problems.emplace_back("'status' must be active, inactive or left");
                break;
            }
            case RosterKey::Credential: got.credential = lowered(cell); break;
            case RosterKey::Number: got.number = cell; break;
            case RosterKey::Issued: date(got.issued); break;
            case RosterKey::Expires: date(got.expires); break;
            }
        }
        if (got.id.empty()) problems.emplace_back("no id");
        else if (!is_valid_id(got.id))
            problems.push_back(fmt::format("id '{}' must match {}", printable(utf8_prefix(got.id, 64)), id_pattern));
        else if (!ids.insert(got.id).second) problems.push_back(fmt::format("'{}' is on an earlier row too", got.id));
        if (!got.credential.empty() && !is_valid_id(got.credential))
            problems.push_back(
                fmt::format("credential '{}' must match {}", printable(utf8_prefix(got.credential, 64)), id_pattern));
        if (got.credential.empty() && (got.number || got.issued || got.expires))
            problems.emplace_back("a certificate number or date without a credential");
        if (got.credential.empty() == false && !got.issued && (got.number || got.expires))
            problems.emplace_back("a certificate number or expiry without an issue date");
        for (const std::string& p : problems)
            diags.error(shown, {row.line, 0}, p);
        if (problems.empty()) out.push_back(std::move(got));
    }
    return out;
}

namespace {

void change(RosterPlan& plan, const std::string& credential, const std::string& key, const std::string& before,
            const std::optional<std::string>& after, std::string value) {
    if (!after || *after == before) return;
    plan.keys.push_back({credential, key, before, *after, std::move(value)});
}

void change_text(RosterPlan& plan, const std::string& key, const std::string& before, const std::optional<std::string>& after) {
    if (after) change(plan, "", key, before, after, toml_string(*after));
}

void change_date(RosterPlan& plan, const std::string& credential, const std::string& key, const std::optional<Date>& before,
                 const std::optional<Date>& after) {
    if (after) change(plan, credential, key, before ? to_string(*before) : "", to_string(*after), toml_date(*after));
}

} // namespace

std::optional<RosterPlan> plan_row(const ImportRow& row, const Record* existing, std::string& error) {
    RosterPlan plan;
    Record none;
    if (!existing) {
        if (!row.name) {
            error = fmt::format("no record for '{}' and no name to create it with", row.id);
            return std::nullopt;
        }
        plan.create = true;
        existing = &none;
    } else {
        change_text(plan, "name", existing->name, row.name);
    }
    change_text(plan, "email", existing->email, row.email);
    change_text(plan, "site", existing->site, row.site);
    change_text(plan, "supervisor", existing->supervisor, row.supervisor);
    change_date(plan, "", "hired", existing->hired, row.hired);
    change_text(plan, "status", plan.create ? "" : to_string(existing->status), row.status);
    if (plan.create) // a new record states only what the sheet says
        std::erase_if(plan.keys, [](const KeyChange& k) { return k.key == "status" && k.after == "active"; });
    if (row.credential.empty()) return plan;
    const HeldCredential* held = existing->credential(row.credential);
    if (!held || !held->issued) {
        if (held && !row.issued) return plan;
        plan.certify = true;
        plan.credential = row.credential;
        if (row.number) plan.certify_fields.emplace_back("number", toml_string(*row.number));
        if (row.issued) plan.certify_fields.emplace_back("issued", toml_date(*row.issued));
        if (row.expires) plan.certify_fields.emplace_back("expires", toml_date(*row.expires));
        return plan;
    }
    if (row.issued && *row.issued != *held->issued)
        plan.notes.push_back(fmt::format("{} issued {} in the record, {} in the sheet: left as it is (a renewal is 'peerctl log "
                                         "renewal')",
                                         row.credential, to_string(*held->issued), to_string(*row.issued)));
    if (row.number) change(plan, row.credential, "number", held->number.value_or(""), row.number, toml_string(*row.number));
    change_date(plan, row.credential, "expires", held->expires, row.expires);
    return plan;
}

std::optional<std::string> apply_plan(std::string_view original, const ImportRow& row, const RosterPlan& plan,
                                      std::string& error) {
    std::string text(original);
    if (plan.create) text = "id = " + toml_string(row.id) + "\nname = " + toml_string(*row.name) + "\n";
    for (const KeyChange& k : plan.keys) {
        std::uint32_t line = 0;
        if (!k.credential.empty()) {
            auto site = credential_table_site(text, k.credential);
            if (!site || !site->is_table || site->line == 0) {
                error = fmt::format("[credentials.{}] is not written as a table header; change it by hand", k.credential);
                return std::nullopt;
            }
            line = site->line;
        }
        auto next = set_key_line(text, line, k.key, k.value, error);
        if (!next) return std::nullopt;
        text = std::move(*next);
    }
    if (plan.certify) {
        std::vector<Field> fields;
        for (const auto& [key, value] : plan.certify_fields)
            fields.push_back({key, value});
        auto next = certify_text(text, row.credential, fields, error);
        if (!next) return std::nullopt;
        text = std::move(*next);
    }
    return text;
}

std::vector<std::string> describe_plan(const RosterPlan& plan) {
    std::vector<std::string> out;
    if (plan.create) out.emplace_back("create");
    for (const KeyChange& k : plan.keys) {
        std::string what = k.credential.empty() ? k.key : k.credential + " " + k.key;
        if (plan.create) out.push_back(fmt::format("{} \"{}\"", what, printable(k.after)));
        else if (k.before.empty()) out.push_back(fmt::format("{} \"{}\" (new)", what, printable(k.after)));
        else out.push_back(fmt::format("{} \"{}\" -> \"{}\"", what, printable(k.before), printable(k.after)));
    }
    if (plan.certify) {
        std::string fields;
        for (const auto& [key, value] : plan.certify_fields)
            fields += " " + key + " " + printable(value);
        out.push_back((fields.empty() ? "pursue " : "certify ") + plan.credential + fields);
    }
    return out;
}

} // namespace peerctl
