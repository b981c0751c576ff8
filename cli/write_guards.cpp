#include "write_guards.hpp"

#include "evaluation.hpp"
#include "report_model.hpp"
#include "status_text.hpp"

#include <fmt/core.h>

namespace peerctl::cli {

namespace {

// The credential a renewal or exam names, or the record's only one where it names none.
std::string credential_of(const std::string& named, const Record& record) {
    if (!named.empty() || record.credentials.size() != 1) return named;
    return record.credentials.front().id;
}

const CredentialStatus* status_of(const SpecialistStatus& s, const std::string& credential) {
    for (const auto& cs : s.credentials)
        if (cs.rule && cs.rule->id == credential) return &cs;
    return nullptr;
}

std::string missing(const std::string& words) { return words.empty() ? "" : ": missing " + words; }

} // namespace

std::optional<std::string> renewal_ce_refusal(const Record& before, const Record& after, const CredentialSet& credentials) {
    if (after.renewals.size() != before.renewals.size() + 1) return std::nullopt;
    const RenewalEntry& renewal = after.renewals.back();
    std::string credential = credential_of(renewal.credential, before);
    // The period the renewal closes is the one current on its date, judged without the renewal.
    SpecialistStatus s = evaluate(before, credentials, renewal.date);
    const CredentialStatus* cs = status_of(s, credential);
    // Only a credential that expires has CE rules.
    if (!cs || !cs->certification || !cs->certification->expires || !cs->ce || cs->ce->met()) return std::nullopt;
    return fmt::format("the CE of {} for the period ending {} is not met on {}{}", credential,
                       to_string(*cs->certification->expires), to_string(renewal.date), missing(missing_in_words(*cs)));
}

std::optional<std::string> certify_refusal(const Record& after, const std::string& credential, Date issued,
                                           const CredentialSet& credentials) {
    // The record as it would stand had the certification not been recorded, on its issue date.
    Record probe = after;
    for (auto& held : probe.credentials)
        if (held.id == credential) {
            held.issued.reset();
            held.expires.reset();
            held.number.reset();
        }
    SpecialistStatus s = evaluate(probe, credentials, issued);
    const CredentialStatus* cs = status_of(s, credential);
    if (!cs || cs->state != State::InTraining) return std::nullopt;
    return fmt::format("the initial requirements of {} are not met on {}{}", credential, to_string(issued),
                       missing(initial_missing_in_words(*cs)));
}

std::string uncounted_ce_note(const Record& record, const CredentialSet& credentials, Date as_of) {
    if (record.ce.empty()) return "";
    const std::size_t index = record.ce.size() - 1;
    SpecialistStatus s = evaluate(record, credentials, as_of, true);
    std::string why;
    for (const auto& cs : s.credentials)
        for (const auto& use : cs.entry_uses) {
            if (use.kind != EntryKind::Ce || use.index != index) continue;
            if (use.reason == UseReason::Counts) return "";
            why += fmt::format("{}{}: {}", why.empty() ? "" : "; ", cs.rule->id, to_string(use.reason));
        }
    return fmt::format("it counts toward nothing ({})", why.empty() ? "no credential on the record counts CE" : why);
}

} // namespace peerctl::cli
