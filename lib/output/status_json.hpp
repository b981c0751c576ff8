#pragma once
// `status --format json`: the shape docs/contract.md states, built with nlohmann::ordered_json
// (never by hand).

#include "evaluation.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace peerctl {

// Hours as a JSON number: an integer when whole (46), else the exact decimal (12.5).
nlohmann::ordered_json hours_json(Hours h);
nlohmann::ordered_json credential_json(const CredentialStatus& cs);
// Members of credential_json, for reports that show only some of them.
nlohmann::ordered_json certification_json(const CredentialStatus& cs);
nlohmann::ordered_json training_json(const CredentialStatus& cs);
nlohmann::ordered_json experience_json(const CredentialStatus& cs);
nlohmann::ordered_json exam_json(const CredentialStatus& cs);
nlohmann::ordered_json ce_json(const CredentialStatus& cs);
nlohmann::ordered_json specialist_json(const SpecialistStatus& s);
std::string status_json(const std::vector<SpecialistStatus>& statuses, Date as_of);

} // namespace peerctl
