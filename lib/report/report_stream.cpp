#include "report_stream.hpp"

#include "report_layout.hpp"
#include "report_render_csv.hpp"
#include "report_render_json.hpp"

#include <algorithm>

namespace peerctl {

TeamReportStream::TeamReportStream(TeamReport kind, StreamFormat format, std::size_t specialists, ReportContext ctx,
                                   ReportFilter filter)
    : kind_(kind), format_(format), ctx_(std::move(ctx)), filter_(std::move(filter)), slots_(specialists) {}

void TeamReportStream::add(std::size_t index, const SpecialistStatus& status) {
    auto& slot = slots_.at(index);
    bool csv = format_ == StreamFormat::Csv;
    if (kind_ == TeamReport::Renewals) {
        static const std::vector<Column> columns = renewals_flat_columns();
        for (const auto& row : renewal_rows(status, ctx_, filter_))
            slot.push_back({renewal_key(row), row.status.state, row.due, true,
                            csv ? csv_row(columns, renewals_flat_row(row)) : renewal_row_json(row)});
    } else {
        static const std::vector<Column> columns = roster_flat_columns();
        for (const auto& row : roster_rows(status, ctx_, filter_))
            slot.push_back({{},
                            row.status ? row.status->state : State::InTraining,
                            row.due,
                            row.status.has_value(),
                            csv ? csv_row(columns, roster_flat_row(row)) : roster_row_json(row)});
    }
    // Strings grown by appending hold up to twice their size; these are kept to the end.
    for (auto& row : slot)
        row.text.shrink_to_fit();
    slot.shrink_to_fit();
}

std::string TeamReportStream::finish() {
    std::string out;
    finish([&](std::string_view chunk) { out += chunk; });
    return out;
}

void TeamReportStream::finish(const std::function<void(std::string_view)>& write) {
    RenewalSummary renewals;
    RosterSummary roster;
    std::vector<Row> rows;
    std::size_t count = 0;
    for (const auto& slot : slots_)
        count += slot.size();
    rows.reserve(count);
    for (auto& slot : slots_) {
        if (!slot.empty()) ++roster.specialists;
        for (auto& row : slot) {
            if (kind_ == TeamReport::Renewals) count_renewal(renewals, row.state, row.due);
            else if (row.counted) count_roster(roster, row.state, row.due);
            rows.push_back(std::move(row));
        }
        std::vector<Row>().swap(slot);
    }
    if (kind_ == TeamReport::Renewals)
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });

    if (format_ == StreamFormat::Json) {
        std::vector<std::string> texts;
        texts.reserve(rows.size());
        for (auto& row : rows)
            texts.push_back(std::move(row.text));
        std::vector<Row>().swap(rows);
        if (kind_ == TeamReport::Renewals) renewals_json(renewals, filter_, ctx_, std::move(texts), write);
        else roster_json(roster, filter_, ctx_, std::move(texts), write);
        return;
    }
    write(csv_header(kind_ == TeamReport::Renewals ? renewals_flat_columns() : roster_flat_columns()));
    for (auto& row : rows) {
        write(row.text);
        std::string().swap(row.text);
    }
}

} // namespace peerctl
