// `credentials list|show ID`: the rules in force, built-in or the workspace's own.

#include "commands.hpp"
#include "rules_in_force.hpp"
#include "status_text.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

namespace peerctl::cli {

namespace {

struct CredentialsOptions {
    std::string id;
};

// Credentials come from the workspace where there is one, else the built-ins alone.
bool load(Context& ctx) {
    if (discover_workspace(ctx.options().dir, ctx.env(), ctx.user_config())) {
        if (!ctx.open_workspace()) {
            ctx.flush_diagnostics();
            return false;
        }
    } else {
        ctx.load_credentials_only();
    }
    bool ok = !ctx.diags().has_errors();
    ctx.flush_diagnostics();
    return ok;
}

// "10 h", "2 entries", or both: what a period's CE is counted in.
std::string ce_words(const std::optional<CeRule>& ce) {
    if (!ce) return "-";
    std::string entries = fmt::format("{} entr{}", ce->entries, ce->entries == 1 ? "y" : "ies");
    if (ce->entries == 0) return ce->hours.str() + " h";
    return ce->hours.is_zero() ? entries : ce->hours.str() + " h, " + entries;
}

std::string period_words(const PeriodRule& p) {
    return p.anchor == Anchor::CalendarYear ? "calendar year" : fmt::format("{} months", p.months);
}

// The list's PERIOD cell: the months, and what they end on where that is not the issue date's day.
std::string period_cell(const PeriodRule& p) {
    if (p.anchor == Anchor::None) return "does not expire";
    if (p.anchor == Anchor::Birthday) return period_words(p) + ", to a birthday";
    if (p.anchor == Anchor::FirstOfIssueMonth) return period_words(p) + ", to a 1st";
    return period_words(p);
}

std::string anchor_words(Anchor a) {
    switch (a) {
    case Anchor::IssueDate: return " from the issue date";
    case Anchor::CalendarYear: return ", from the January after certification";
    case Anchor::Birthday: return ", ending on the holder's birthday (the first period shorter, to meet it)";
    case Anchor::FirstOfIssueMonth: return " from the 1st of the month of issue, ending on a 1st";
    case Anchor::None: break;
    }
    return "";
}

int run_list(Context& ctx) {
    if (!load(ctx)) return exit_data;
    Style style = ctx.out_style();
    // Columns as wide as their longest cell, so that a long name (a workspace's own credential)
    // moves the columns after it instead of pushing its own row out of line.
    std::vector<std::vector<std::string>> rows{{"ID", "NAME", "PERIOD", "CE", "CONFIDENCE", "SOURCE"}};
    for (const auto& [id, c] : ctx.credentials().all())
        rows.push_back({printable(id), printable(c.name), period_cell(c.period), ce_words(c.ce), printable(c.confidence),
                        c.builtin ? "built-in" : "workspace"});
    std::vector<std::size_t> widths(rows.front().size(), 0);
    for (const auto& row : rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string line;
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            const std::string& cell = rows[r][i];
            if (i + 1 == rows[r].size()) line += cell;
            else if (i == 3) line += std::string(widths[i] - display_width(cell), ' ') + cell + "  "; // CE: right-aligned
            else line += pad_right(cell, widths[i]) + " ";
        }
        out += (r == 0 ? style.bold(line) : line) + "\n";
    }
    print_page(out, style);
    return exit_ok;
}

std::string providers_words(const std::vector<std::string>& providers) {
    return printable(fmt::format("{}", fmt::join(providers, " or ")));
}

// " within 24 months": a look-back before the issue date, where a rule has one.
std::string within_words(std::optional<int> months) { return months ? fmt::format(" within {} months", *months) : std::string(); }

std::string hours_list(const std::vector<ExperienceKind>& kinds) {
    std::string out;
    for (auto k : kinds)
        out += (out.empty() ? "" : " or ") + to_string(k);
    return out;
}

// "label          value": a label longer than its column ("level provisional") still keeps a space
// before its value.
void labelled(std::string& out, std::string_view label, const std::string& value) {
    out += fmt::format("{:<15} {}\n", label, value);
}

// One line per rule of the tables `rules` points to (a revision's: only those it replaces), each
// label indented by `indent`.
void rule_lines(std::string& out, const RulesInForce& rules, const std::vector<LevelRule>& levels, std::size_t indent) {
    auto line = [&](std::string_view label, const std::string& value) {
        labelled(out, std::string(indent, ' ') + std::string(label), value);
    };
    if (const TrainingRule* t = rules.training) {
        std::string domains;
        for (const auto& d : t->domains)
            domains += fmt::format("{}{} {} h{}", domains.empty() ? "" : ", ", printable(d.domain), d.hours.str(),
                                   within_words(d.within_months));
        line("training", t->hours.str() + " h" + within_words(t->within_months) + (domains.empty() ? "" : " (" + domains + ")"));
    }
    if (rules.experience) {
        if (indent && rules.experience->empty()) line("experience", "none");
        for (const auto& e : *rules.experience)
            line("experience", fmt::format("{} h {}{}", e.hours.str(), hours_list(e.kinds), within_words(e.within_months)));
    }
    if (const ExamRule* x = rules.exam) {
        std::string exam = x->required ? "required" : "optional";
        if (x->max_attempts) exam += fmt::format(", at most {} attempts", *x->max_attempts);
        if (x->retest_wait_days) exam += fmt::format(", {} days between attempts", *x->retest_wait_days);
        if (x->within_months_of_training) exam += fmt::format(", within {} months of training", *x->within_months_of_training);
        line("exam", exam);
    }
    bool expires = !rules.period || rules.period->anchor != Anchor::None;
    if (const PeriodRule* p = rules.period)
        line("period", expires ? period_words(*p) + anchor_words(p->anchor) : "does not expire");
    for (const auto& l : levels) {
        std::string desc = l.months ? fmt::format("valid {} months", *l.months) : expires ? "standard period" : "does not expire";
        if (l.max_renewals)
            desc += *l.max_renewals == 0
                        ? ", not renewable"
                        : fmt::format(", renewable at most {} time{}", *l.max_renewals, *l.max_renewals == 1 ? "" : "s");
        if (l.move_up_within_months_of_training)
            desc += fmt::format(", next level due {} months after training", *l.move_up_within_months_of_training);
        if (l.needs_period_met) desc += ", needs the period's renewal and CE requirements met";
        for (const auto& e : l.experience)
            desc += fmt::format(", needs {} h {}{}", e.hours.str(), hours_list(e.kinds), within_words(e.within_months));
        line("level " + printable(l.id), desc);
    }
    if (const CeRule* ce = rules.ce) {
        line("CE", ce_words(*ce) + " per period");
        for (const auto& m : ce->minimums) {
            std::string over = m.over_months ? " over " + months_in_words(*m.over_months) + ", across periods" : "";
            if (m.kind == MinimumKind::TopicEntries)
                line("  minimum",
                     fmt::format("{} {} entr{}{}", m.entries, printable(m.topic), m.entries == 1 ? "y" : "ies", over));
            else if (m.kind == MinimumKind::ProviderHours)
                line("  minimum", fmt::format("{} h from {}", m.hours.str(), providers_words(m.providers)));
            else line("  minimum", fmt::format("{} h {}{}", m.hours.str(), printable(m.topic), over));
        }
        for (const auto& cap : ce->caps)
            line("  cap",
                 fmt::format("at most {} h {}", cap.hours.str(), cap.delivery ? to_string(*cap.delivery) : printable(cap.topic)));
        if (ce->max_entry_hours) line("  cap", fmt::format("at most {} h from one entry", ce->max_entry_hours->str()));
        if (!ce->providers.empty())
            line("  providers", fmt::format("only entries from {} count", providers_words(ce->providers)));
        if (ce->min_entry_hours)
            line("  per entry", fmt::format("at least {} h, or it counts for nothing", ce->min_entry_hours->str()));
        line("  carry-over", ce->carry_over_max.is_zero() ? "none" : "up to " + ce->carry_over_max.str() + " h");
        if (ce->submit_from_days) line("  submit from", fmt::format("{} days before expiry", *ce->submit_from_days));
        if (ce->submit_before_days) line("  submit by", fmt::format("{} days before expiry", *ce->submit_before_days));
        if (ce->late_fee_cents)
            line("  late fee", fmt::format("{} after the submit-by date", Hours::from_centi(*ce->late_fee_cents).str()));
    }
    if (const RenewalRule* renewal = rules.renewal) {
        if (renewal->experience.empty() && renewal->each_quarter.empty()) line("renewal", "nothing besides CE");
        for (const auto& e : renewal->experience)
            line("renewal", fmt::format("{} h {} within each period", e.hours.str(), hours_list(e.kinds)));
        for (const auto& q : renewal->each_quarter)
            line("each quarter", fmt::format("{}: {} {} entr{} (quarters from the period's start)", printable(q.name), q.entries,
                                             hours_list(q.kinds), q.entries == 1 ? "y" : "ies"));
    }
    if (rules.after_expiry && expires) {
        if (rules.after_expiry->empty()) line("after expiry", "lapsed the next day");
        for (const auto& r : *rules.after_expiry) {
            std::string span = r.months ? fmt::format("{} months", r.months) : fmt::format("{} days", r.days);
            std::string fee = r.fee_cents ? fmt::format(", fee {}", Hours::from_centi(*r.fee_cents).str()) : "";
            line("after expiry",
                 fmt::format("grace for {}{}{}", span, fee, r.note.empty() ? "" : " (" + printable(r.note) + ")"));
        }
    }
}

// What a revision replaces, and nothing else.
RulesInForce replaced_by(const RuleRevision& rev) {
    RulesInForce r;
    r.training = rev.training ? &*rev.training : nullptr;
    r.experience = rev.experience ? &*rev.experience : nullptr;
    r.exam = rev.exam ? &*rev.exam : nullptr;
    r.period = rev.period ? &*rev.period : nullptr;
    r.ce = rev.ce ? &*rev.ce : nullptr;
    r.renewal = rev.renewal ? &*rev.renewal : nullptr;
    r.after_expiry = rev.after_expiry ? &*rev.after_expiry : nullptr;
    return r;
}

int run_show(Context& ctx, const CredentialsOptions& opts) {
    if (!load(ctx)) return exit_data;
    const Credential* c = ctx.credentials().find(opts.id);
    if (!c) {
        std::string hint = did_you_mean(opts.id, ctx.credentials().ids());
        print_error(fmt::format("unknown credential '{}'{}", utf8_prefix(opts.id, 64),
                                hint.empty() ? "" : "; did you mean '" + hint + "'?"));
        return exit_data;
    }
    Style style = ctx.out_style();
    std::string out;
    auto line = [&](std::string_view label, const std::string& value) { labelled(out, label, value); };
    out += style.bold(printable(c->id)) + "  " + printable(c->name) + "\n";
    if (!c->issuer.empty()) line("issuer", printable(c->issuer));
    line("rules from", printable(c->file) + (c->builtin ? " (built-in)" : " (workspace)"));
    line("effective", to_string(c->effective_from) +
                          (c->effective_to ? " to " + to_string(*c->effective_to) + " (no new certifications after)" : ""));
    line("confidence", printable(c->confidence) + (c->confidence_note.empty() ? "" : ": " + printable(c->confidence_note)));
    // The credential's own rules: those in force before its first revision.
    RulesInForce base;
    base.training = c->training ? &*c->training : nullptr;
    base.experience = &c->experience;
    base.exam = c->exam ? &*c->exam : nullptr;
    base.period = &c->period;
    base.ce = c->ce ? &*c->ce : nullptr;
    base.renewal = c->renewal ? &*c->renewal : nullptr;
    base.after_expiry = &c->after_expiry;
    rule_lines(out, base, c->levels, 0);
    for (const auto& rev : c->revisions) {
        std::string cited;
        for (const auto& key : rev.sources)
            cited += " [" + printable(key) + "]";
        line("revision", "from " + to_string(rev.effective_from) + (rev.note.empty() ? "" : ": " + printable(rev.note)) + cited);
        rule_lines(out, replaced_by(rev), {}, 2);
    }
    for (const auto& s : c->sources)
        line("source", fmt::format("[{}] {}", printable(s.key), printable(s.url)));
    print_page(out, style);
    return exit_ok;
}

} // namespace

Runner setup_credentials(CLI::App& sub) {
    auto opts = std::make_shared<CredentialsOptions>();
    sub.require_subcommand(1);
    CLI::App* list = sub.add_subcommand("list", "List the credentials in force");
    CLI::App* show = sub.add_subcommand("show", "Show one credential's rules");
    show->add_option("id", opts->id, "Credential id")->required();
    return [opts, list](Context& ctx) { return list->parsed() ? run_list(ctx) : run_show(ctx, *opts); };
}

} // namespace peerctl::cli
