#pragma once
// The reports as JSON (schemas/report.schema.json), with the field names of `status --format
// json`: each credential's `state`, `certification`, `ce` and `renewable` are built by the same
// code (status_json).

#include "report_model.hpp"

#include <string>

namespace peerctl {

std::string renewals_json(const RenewalsReport& report, const ReportContext& ctx);
std::string roster_json(const RosterReport& report, const ReportContext& ctx);
std::string transcript_json(const Transcript& transcript, const ReportContext& ctx);
std::string audit_json(const AuditSample& sample, const ReportContext& ctx);

// JSON text with raw C1 controls (U+0080..U+009F) and DEL written as \u escapes: the same value,
// but harmless when printed on a terminal.
std::string terminal_safe_json(std::string_view dumped);

} // namespace peerctl
