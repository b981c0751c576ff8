#include "report_stream.hpp"

#include "report_layout.hpp"
#include "report_render_csv.hpp"
#include "report_render_html.hpp"
#include "report_render_json.hpp"
#include "report_render_markdown.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace peerctl {

namespace {

// A row's cells in one string (a registry's rows as cells would be several times their text):
// per cell its tone, whether it has a progress bar (then counted and required hours), the length
// of its text and the text, then its detail (kept only for HTML, the one format that shows it).
template <class T>
void put(std::string& out, T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <class T>
T take(std::string_view& in) {
    T v;
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
}

void put_text(std::string& out, std::string_view text) {
    put(out, static_cast<std::uint32_t>(text.size()));
    out += text;
}

std::string_view take_text(std::string_view& in) {
    auto size = static_cast<std::size_t>(take<std::uint32_t>(in));
    std::string_view text = in.substr(0, size);
    in.remove_prefix(size);
    return text;
}

std::string pack(const std::vector<Cell>& cells, bool details = false) {
    std::string out;
    for (const Cell& c : cells) {
        put(out, static_cast<std::uint8_t>(c.tone));
        put(out, static_cast<std::uint8_t>(c.progress ? 1 : 0));
        if (c.progress) {
            put(out, c.progress->first.centi());
            put(out, c.progress->second.centi());
        }
        put(out, static_cast<std::uint64_t>(c.text.size()));
        out += c.text;
        put_text(out, details ? std::string_view(c.detail) : std::string_view());
    }
    return out;
}

// Unpacks the cells of the columns shown (`shown[i]` for the i-th packed cell).
void unpack(std::string_view in, const std::vector<bool>& shown, std::vector<Cell>& out) {
    for (std::size_t i = 0; !in.empty(); ++i) {
        Cell c;
        c.tone = static_cast<Tone>(take<std::uint8_t>(in));
        if (take<std::uint8_t>(in)) {
            Hours counted = Hours::from_centi(take<std::int64_t>(in));
            c.progress = std::pair{counted, Hours::from_centi(take<std::int64_t>(in))};
        }
        auto size = static_cast<std::size_t>(take<std::uint64_t>(in));
        std::string_view text = in.substr(0, size);
        in.remove_prefix(size);
        std::string_view detail = take_text(in);
        if (i < shown.size() && shown[i]) {
            c.text.assign(text);
            c.detail.assign(detail);
            out.push_back(std::move(c));
        }
    }
}

// A JSON row is mostly its field names (60% of a roster row): each `"name":` of a field the rows
// have is kept as two bytes, 0x01 and the field's index. Compact JSON escapes every byte below
// 0x20 inside strings and has none outside them, so 0x01 marks only these, and the row comes back
// exactly, whatever matched. (A row holding 0x01 all the same is kept as it is, after 0x02.)
constexpr char field_mark = '\x01';
constexpr char kept_as_is = '\x02';
constexpr std::string_view json_fields[] = {"attempts",
                                            "attempts_left",
                                            "caps",
                                            "carried_over_hours",
                                            "ce",
                                            "certification",
                                            "completed_hours",
                                            "counted",
                                            "counted_hours",
                                            "credential",
                                            "credential_name",
                                            "days_left",
                                            "deadline",
                                            "deadline_days_left",
                                            "deadline_kind",
                                            "domain",
                                            "domains",
                                            "due",
                                            "entries",
                                            "exam",
                                            "experience",
                                            "expires",
                                            "grace_until",
                                            "id",
                                            "issued",
                                            "kind",
                                            "kinds",
                                            "last_date",
                                            "late_fee",
                                            "level",
                                            "logged_hours",
                                            "max_hours",
                                            "met",
                                            "missing",
                                            "name",
                                            "next",
                                            "note",
                                            "number",
                                            "passed",
                                            "providers",
                                            "remaining",
                                            "remaining_hours",
                                            "renewable",
                                            "renewals",
                                            "required",
                                            "required_hours",
                                            "requirements",
                                            "scheduled",
                                            "state",
                                            "submit_by",
                                            "topic",
                                            "training",
                                            "unit",
                                            "window_end",
                                            "window_start"};

std::string shrink_json(std::string_view json) {
    if (json.find(field_mark) != std::string_view::npos) return kept_as_is + std::string(json);
    std::string out;
    out.reserve(json.size() / 2);
    for (std::size_t i = 0; i < json.size();) {
        std::size_t close = json[i] == '"' ? json.find('"', i + 1) : std::string_view::npos;
        if (close != std::string_view::npos && close + 1 < json.size() && json[close + 1] == ':') {
            std::string_view name = json.substr(i + 1, close - i - 1);
            const auto* end = std::end(json_fields);
            const auto* at = std::lower_bound(std::begin(json_fields), end, name);
            if (at != end && *at == name) {
                out += field_mark;
                out += static_cast<char>(at - std::begin(json_fields));
                i = close + 2;
                continue;
            }
        }
        out += json[i++];
    }
    return out;
}

std::string expand_json(std::string_view packed) {
    if (!packed.empty() && packed[0] == kept_as_is) return std::string(packed.substr(1));
    std::string out;
    out.reserve(packed.size() * 2);
    for (std::size_t i = 0; i < packed.size(); ++i) {
        if (packed[i] != field_mark || i + 1 == packed.size()) {
            out += packed[i];
            continue;
        }
        out += '"';
        out += json_fields[static_cast<unsigned char>(packed[++i])];
        out += "\":";
    }
    return out;
}

} // namespace

TeamReportStream::TeamReportStream(TeamReport kind, StreamFormat format, std::size_t specialists, ReportContext ctx,
                                   ReportFilter filter, TableOptions table)
    : kind_(kind), format_(format), table_(table), ctx_(std::move(ctx)), filter_(std::move(filter)), slots_(specialists) {}

void TeamReportStream::add(std::size_t index, const SpecialistStatus& status) {
    std::string& slot = slots_.at(index);
    bool csv = format_ == StreamFormat::Csv;
    bool flat = format_ == StreamFormat::Xlsx;
    bool as_json = format_ == StreamFormat::Json;
    bool html = format_ == StreamFormat::Html;
    auto keep = [&](const RowOrder& order, State state, bool due, bool counted, bool optional0, bool optional1,
                    const std::string& text) {
        put(slot, order.deadline);
        put_text(slot, order.text);
        put_text(slot, order.id);
        put_text(slot, order.credential);
        put(slot, static_cast<std::uint8_t>(state));
        put(slot, static_cast<std::uint8_t>((due ? 1 : 0) | (counted ? 2 : 0) | (optional0 ? 4 : 0) | (optional1 ? 8 : 0)));
        put_text(slot, text);
    };
    // The sections' cells are made with every optional column; finish leaves out those no row fills.
    if (kind_ == TeamReport::Renewals) {
        static const std::vector<Column> columns = renewals_flat_columns();
        ReportSort sort = renewals_sort(filter_);
        for (const auto& row : renewal_rows(status, ctx_, filter_))
            keep(row_order(row, sort), row.status.state, row.due, true, renewal_has_submit_by(row), renewal_has_grace(row),
                 csv       ? csv_row(columns, renewals_flat_row(row))
                 : flat    ? pack(renewals_flat_row(row))
                 : as_json ? shrink_json(renewal_row_json(row))
                           : pack(renewals_section_row(row, true, true), html));
    } else {
        static const std::vector<Column> columns = roster_flat_columns();
        ReportSort sort = roster_sort(filter_);
        for (const auto& row : roster_rows(status, ctx_, filter_))
            keep(row_order(row, sort), row.status ? row.status->state : State::InTraining, row.due, row.status.has_value(),
                 roster_has_domains(row), false,
                 csv       ? csv_row(columns, roster_flat_row(row))
                 : flat    ? pack(roster_flat_row(row))
                 : as_json ? shrink_json(roster_row_json(row))
                           : pack(roster_section_row(row, true), html));
    }
    // Strings grown by appending hold up to twice their size; these are kept to the end.
    slot.shrink_to_fit();
}

TeamReportStream::RowRef TeamReportStream::read_row(std::string_view& in, std::uint32_t slot) {
    RowRef r;
    r.slot = slot;
    r.order.deadline = take<Date>(in);
    r.order.text = take_text(in);
    r.order.id = take_text(in);
    r.order.credential = take_text(in);
    r.state = static_cast<State>(take<std::uint8_t>(in));
    auto flags = take<std::uint8_t>(in);
    r.due = flags & 1;
    r.counted = flags & 2;
    r.optional[0] = flags & 4;
    r.optional[1] = flags & 8;
    r.text = take_text(in);
    r.order.rank = state_rank(r.counted ? std::optional(r.state) : std::nullopt, r.due);
    return r;
}

std::string TeamReportStream::finish() {
    std::string out;
    finish([&](std::string_view chunk) { out += chunk; });
    return out;
}

std::vector<TeamReportStream::RowRef> TeamReportStream::ordered_rows(RenewalSummary& renewals, RosterSummary& roster,
                                                                     std::vector<std::uint32_t>& rows_left) {
    bool is_renewals = kind_ == TeamReport::Renewals;
    std::size_t count = 0;
    for (std::string_view in : slots_)
        for (; !in.empty(); ++count)
            read_row(in, 0);
    std::vector<RowRef> rows;
    rows.reserve(count);
    rows_left.assign(slots_.size(), 0);
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        std::string_view in = slots_[i];
        if (!in.empty()) ++roster.specialists;
        while (!in.empty()) {
            RowRef row = read_row(in, static_cast<std::uint32_t>(i));
            if (is_renewals) count_renewal(renewals, row.state, row.due);
            else if (row.counted) count_roster(roster, row.state, row.due);
            rows.push_back(row);
            ++rows_left[i];
        }
    }
    ReportSort sort = is_renewals ? renewals_sort(filter_) : roster_sort(filter_);
    std::stable_sort(rows.begin(), rows.end(),
                     [sort](const RowRef& a, const RowRef& b) { return ordered_before(sort, a.order, b.order); });
    return rows;
}

Table TeamReportStream::finish_flat() {
    RenewalSummary renewals;
    RosterSummary roster;
    std::vector<std::uint32_t> rows_left;
    std::vector<RowRef> rows = ordered_rows(renewals, roster, rows_left);
    Table t;
    t.columns = kind_ == TeamReport::Renewals ? renewals_flat_columns() : roster_flat_columns();
    std::vector<bool> shown(t.columns.size(), true);
    t.rows.reserve(rows.size());
    for (const auto& row : rows) {
        unpack(row.text, shown, t.rows.emplace_back());
        if (--rows_left[row.slot] == 0) std::string().swap(slots_[row.slot]);
    }
    return t;
}

void TeamReportStream::finish(const std::function<void(std::string_view)>& write) {
    RenewalSummary renewals;
    RosterSummary roster;
    bool by_deadline = kind_ == TeamReport::Renewals;
    std::vector<std::uint32_t> rows_left; // of each slot, not yet written
    std::vector<RowRef> rows = ordered_rows(renewals, roster, rows_left);
    // A slot is freed once its rows are written.
    auto written = [&](const RowRef& row) {
        if (--rows_left[row.slot] == 0) std::string().swap(slots_[row.slot]);
    };

    if (format_ == StreamFormat::Json) {
        JsonRows texts{rows.size(), [&](std::size_t i) {
                           std::string expanded = expand_json(rows[i].text);
                           written(rows[i]);
                           return expanded;
                       }};
        if (by_deadline) renewals_json(renewals, filter_, ctx_, texts, write);
        else roster_json(roster, filter_, ctx_, texts, write);
        return;
    }
    if (format_ == StreamFormat::Csv) {
        write(csv_header(by_deadline ? renewals_flat_columns() : roster_flat_columns()));
        for (const auto& row : rows) {
            write(row.text);
            written(row);
        }
        return;
    }
    finish_sections(rows, renewals, roster, write);
}

// The document of the whole report with no rows (its title, summary and columns), then its rows
// made from the packed cells as the renderer reaches them.
void TeamReportStream::finish_sections(const std::vector<RowRef>& rows, const RenewalSummary& renewals,
                                       const RosterSummary& roster, const std::function<void(std::string_view)>& write) {
    bool any[2] = {false, false};
    for (const auto& row : rows)
        for (int k = 0; k < 2; ++k)
            any[k] = any[k] || row.optional[k];
    Document doc;
    std::vector<bool> shown;
    if (kind_ == TeamReport::Renewals) {
        doc = renewals_document(RenewalsReport{filter_, {}, renewals}, ctx_, Parts::Sections);
        doc.sections.at(0) = renewals_section(filter_, any[0], any[1]);
        shown = {true, true, true, true, any[0], true, true, true, true, true, any[1]};
    } else {
        doc = roster_document(RosterReport{filter_, {}, roster}, ctx_, Parts::Sections);
        doc.sections.at(0) = roster_section(filter_, any[0]);
        shown = {true, true, true, true, true, any[0], true, true};
    }
    doc.sections.at(0).table.source =
        RowSource{rows.size(), [&](std::size_t i, std::vector<Cell>& cells) { unpack(rows[i].text, shown, cells); }};
    if (format_ == StreamFormat::Table) render_table(doc, table_, write);
    else if (format_ == StreamFormat::Markdown) render_markdown(doc, write);
    else render_html(doc, write);
}

} // namespace peerctl
