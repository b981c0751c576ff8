#include "report_csv_stream.hpp"

#include "report_layout.hpp"
#include "report_render_csv.hpp"

#include <algorithm>

namespace peerctl {

CsvReportStream::CsvReportStream(TeamReport kind, std::size_t specialists, ReportContext ctx, ReportFilter filter)
    : kind_(kind), ctx_(std::move(ctx)), filter_(std::move(filter)), slots_(specialists) {}

void CsvReportStream::add(std::size_t index, const SpecialistStatus& status) {
    auto& slot = slots_.at(index);
    if (kind_ == TeamReport::Renewals) {
        static const std::vector<Column> columns = renewals_flat_columns();
        for (const auto& row : renewal_rows(status, ctx_, filter_))
            slot.emplace_back(renewal_key(row), csv_row(columns, renewals_flat_row(row)));
    } else {
        // The roster keeps the order of the files; its key stays empty.
        static const std::vector<Column> columns = roster_flat_columns();
        for (const auto& row : roster_rows(status, ctx_, filter_)) slot.emplace_back(RenewalKey{}, csv_row(columns, roster_flat_row(row)));
    }
}

std::string CsvReportStream::finish() {
    std::vector<std::pair<RenewalKey, std::string>> lines;
    std::size_t bytes = 0, count = 0;
    for (const auto& slot : slots_) {
        count += slot.size();
        for (const auto& [key, line] : slot) bytes += line.size();
    }
    lines.reserve(count);
    for (auto& slot : slots_) {
        std::move(slot.begin(), slot.end(), std::back_inserter(lines));
        std::vector<std::pair<RenewalKey, std::string>>().swap(slot);
    }
    if (kind_ == TeamReport::Renewals)
        std::stable_sort(lines.begin(), lines.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = csv_header(kind_ == TeamReport::Renewals ? renewals_flat_columns() : roster_flat_columns());
    out.reserve(out.size() + bytes);
    for (auto& [key, line] : lines) {
        out += line;
        std::string().swap(line);
    }
    return out;
}

} // namespace peerctl
