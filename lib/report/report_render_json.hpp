#pragma once
// The reports as JSON (schemas/report.schema.json), with the field names of `status --format
// json`: each credential's `state`, `certification`, `ce` and `renewable` are built by the same
// code (status_json).

#include "report_model.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace peerctl {

std::string renewals_json(const RenewalsReport& report, const ReportContext& ctx);
std::string roster_json(const RosterReport& report, const ReportContext& ctx);
// The same, a row at a time (report_stream): each row as compact JSON, then the document around
// the rows (in report order, each made by `row(i)` as it is reached), laid out as the
// whole-report functions do and handed to `write` a piece at a time.
using JsonSink = std::function<void(std::string_view)>;
struct JsonRows {
    std::size_t count = 0;
    std::function<std::string(std::size_t)> row;
};
std::string renewal_row_json(const RenewalRow& row);
std::string roster_row_json(const RosterRow& row);
void renewals_json(const RenewalSummary& summary, const ReportFilter& filter, const ReportContext& ctx, const JsonRows& rows,
                   const JsonSink& write);
void roster_json(const RosterSummary& summary, const ReportFilter& filter, const ReportContext& ctx, const JsonRows& rows,
                 const JsonSink& write);
std::string transcript_json(const Transcript& transcript, const ReportContext& ctx);
std::string audit_json(const AuditSample& sample, const ReportContext& ctx);

} // namespace peerctl
