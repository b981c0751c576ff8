// libFuzzer target: the credential loader on arbitrary bytes. A credential that loads is then
// applied to the example workspace's records (each made to hold it) and the result rendered, so
// that rules the loader lets through cannot crash evaluation or output, nor put into any output a
// byte its format forbids (a provider name cannot add a line to check's Nagios text).

#include "credential_loader.hpp"
#include "evaluation.hpp"
#include "expiry_check.hpp"
#include "fuzz_support.hpp"
#include "status_json.hpp"
#include "status_text.hpp"
#include "validation.hpp"

using namespace peerctl;

namespace {

const std::string file = "fuzz.toml";

// The record, holding `id` wherever it held a credential.
Record holding(const Record& r, const std::string& id) {
    Record out = r;
    for (auto& c : out.credentials)
        c.id = id;
    for (auto& e : out.exams)
        e.credential = id;
    for (auto& e : out.renewals)
        e.credential = id;
    return out;
}

void apply(const Credential& credential) {
    CredentialSet set;
    set.add(credential);
    std::vector<SpecialistStatus> statuses;
    for (const Record& example : fuzz::example_records()) {
        statuses.push_back(evaluate(holding(example, credential.id), set, fuzz::as_of()));
    }
    fuzz::outputs_safe(statuses);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = fuzz::as_text(data, size);
    Diagnostics diags;
    std::optional<Credential> credential = load_credential(text, file, "", diags);
    fuzz::check_diagnostics(diags, file);
    if (!credential) {
        fuzz::require(diags.has_errors(), "no credential and no error", fuzz::dump(diags));
        return 0;
    }
    fuzz::require(!diags.has_errors(), "a credential came back with errors", fuzz::dump(diags));
    fuzz::require(is_valid_id(credential->id), "a credential came back with an invalid id", credential->id);
    apply(*credential);
    return 0;
}
