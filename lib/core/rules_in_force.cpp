#include "rules_in_force.hpp"

namespace peerctl {

namespace {

template <typename T>
const T* table_or_null(const std::optional<T>& table) {
    return table ? &*table : nullptr;
}

} // namespace

RulesInForce rules_in_force(const Credential& credential, Date on) {
    RulesInForce r;
    r.training = table_or_null(credential.training);
    r.experience = &credential.experience;
    r.exam = table_or_null(credential.exam);
    r.period = &credential.period;
    r.ce = table_or_null(credential.ce);
    r.renewal = table_or_null(credential.renewal);
    r.after_expiry = &credential.after_expiry;
    for (const auto& rev : credential.revisions) {
        if (rev.effective_from > on) break;
        r.revision = &rev;
        if (rev.training) r.training = &*rev.training;
        if (rev.experience) r.experience = &*rev.experience;
        if (rev.exam) r.exam = &*rev.exam;
        if (rev.period) r.period = &*rev.period;
        if (rev.ce) r.ce = &*rev.ce;
        if (rev.renewal) r.renewal = &*rev.renewal;
        if (rev.after_expiry) r.after_expiry = &*rev.after_expiry;
        if (rev.training || rev.experience || rev.exam) r.initial_revision = &rev;
        if (rev.period || rev.ce || rev.renewal || rev.after_expiry) r.period_revision = &rev;
    }
    return r;
}

} // namespace peerctl
