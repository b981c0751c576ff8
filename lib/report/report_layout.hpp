#pragma once
// From a report model to a format-independent document: which columns, in what words, with what
// tone. What a person reads is decided here, once for the table, Markdown and HTML formats.

#include "report_document.hpp"
#include "report_model.hpp"

namespace peerctl {

// Which tables a team report fills: CSV reads only the flat one, the other formats only the
// sections, and a registry's worth of cells is worth not making twice.
enum class Parts { All, Sections, Flat };

Document renewals_document(const RenewalsReport& report, const ReportContext& ctx, Parts parts = Parts::All);
Document roster_document(const RosterReport& report, const ReportContext& ctx, Parts parts = Parts::All);
Document transcript_document(const Transcript& transcript, const ReportContext& ctx);
Document audit_document(const AuditSample& sample, const ReportContext& ctx);

// The flat (CSV) table of a team report, a row at a time: a registry's CSV is made on the
// threads that evaluate its records (report_csv_stream).
std::vector<Column> renewals_flat_columns();
std::vector<Cell> renewals_flat_row(const RenewalRow& row);
std::vector<Column> roster_flat_columns();
std::vector<Cell> roster_flat_row(const RosterRow& row);

// The section of a team report, a row at a time (report_stream): its columns, with the optional
// ones that some row needs (submit-by and grace dates, training by domain), and each row's cells.
Section renewals_section(const ReportFilter& filter, bool submit_by, bool grace);
std::vector<Cell> renewals_section_row(const RenewalRow& row, bool submit_by, bool grace);
bool renewal_has_submit_by(const RenewalRow& row);
bool renewal_has_grace(const RenewalRow& row);
Section roster_section(const ReportFilter& filter, bool domains);
std::vector<Cell> roster_section_row(const RosterRow& row, bool domains);
bool roster_has_domains(const RosterRow& row);

// What the team reports' states and "renewable" mean (report_layout_legend), with the
// workspace's due window.
std::vector<LegendItem> team_legend(int due_days);
// A credential's id, with its name as the cell's detail.
Cell credential_cell(const Credential& rule);

// Plain text in a cell, toned.
Cell text_cell(std::string s, Tone tone = Tone::Plain);
// A state in words ("in training", "due", "lapsed"), toned.
Cell state_cell(State s, bool due);
// "25 / 60 h", with its progress bar.
Cell hours_progress_cell(Hours counted, Hours required);
// A period's CE: "25 / 60 h", or "1 / 2 entries" where it is counted in entries alone.
Cell ce_progress_cell(const CeProgress& ce);
// "1 specialist", "3 specialists".
std::string count_of(std::size_t n, std::string_view one, std::string_view many);
// The items with `sep` between them ("ethics, advocacy").
std::string joined(const std::vector<std::string>& items, std::string_view sep);

} // namespace peerctl
