#pragma once
// From a report model to a format-independent document: which columns, in what words, with what
// tone. What a person reads is decided here, once for the table, Markdown and HTML formats.

#include "report_document.hpp"
#include "report_model.hpp"

namespace peerctl {

Document renewals_document(const RenewalsReport& report, const ReportContext& ctx);
Document roster_document(const RosterReport& report, const ReportContext& ctx);
Document transcript_document(const Transcript& transcript, const ReportContext& ctx);
Document audit_document(const AuditSample& sample, const ReportContext& ctx);

// A state in words ("in training", "due", "lapsed"), toned.
Cell state_cell(State s, bool due);
// "25 / 60 h", with its progress bar.
Cell hours_progress_cell(Hours counted, Hours required);
// "1 specialist", "3 specialists".
std::string count_of(std::size_t n, std::string_view one, std::string_view many);

} // namespace peerctl
