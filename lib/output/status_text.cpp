#include "status_text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <vector>

namespace peerctl {

namespace {

constexpr std::size_t label_width = 16;
constexpr std::size_t amount_width = 14;
constexpr std::size_t name_width = 50;

std::string state_label(State s, const Style& style) {
    switch (s) {
    case State::Active: return style.green("active");
    case State::Late: return style.yellow("late");
    case State::Grace: return style.yellow("grace");
    case State::Lapsed: return style.red("lapsed");
    case State::Eligible: return style.cyan("eligible");
    case State::InTraining: return style.cyan("in training");
    }
    return "";
}

std::string plural(long n, std::string_view one, std::string_view many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

// "GMHCN or CCAR": any one of the listed providers counts.
std::string providers_text(const std::vector<std::string>& providers) {
    std::string out;
    for (const auto& p : providers)
        out += (out.empty() ? "" : " or ") + p;
    return out;
}

std::string kinds_label(const std::vector<ExperienceKind>& kinds) {
    std::string out;
    for (auto k : kinds)
        out += (out.empty() ? "" : "+") + to_string(k);
    return out;
}

// ", within 24 months": a look-back, where the rule has one.
std::string within_label(std::optional<int> months) {
    return months ? fmt::format(", within {} months", *months) : std::string();
}

// A specialist's page. Rows are laid out when the page is done: the label column is as wide as the
// longest label ("mentoring-education") and the name column as the longest credential name, so
// that a long one moves the column for every row instead of pushing its own row out of line.
class Page {
public:
    explicit Page(const Style& style) : style_(style) {}

    // "    label         12 / 20 h     8 h left"
    void row(std::size_t indent, std::string_view label, std::string_view amount, std::string_view rest = {}) {
        lines_.push_back({Line::Row, indent, std::string(label), std::string(amount), std::string(rest)});
        // Relative to a label at indent 4, with at least one space after it.
        label_column_ = std::max(label_column_, indent - 4 + display_width(label) + 1);
    }
    // "  ct-rss      Connecticut Recovery Support Specialist (RSS)     active"
    void heading(std::string id, std::string name, std::string state) {
        lines_.push_back({Line::Heading, 0, std::move(id), std::move(name), std::move(state)});
        name_column_ = std::max(name_column_, display_width(lines_.back().amount) + 2);
    }
    void raw(std::string line) { lines_.push_back({Line::Raw, 0, std::move(line), {}, {}}); }
    std::string left(Hours required, Hours done) const {
        Hours missing = shortfall(required, done);
        return missing.is_zero() ? style_.green("done") : style_.yellow(missing.str() + " h left");
    }
    std::string text() const {
        std::string out;
        for (const auto& l : lines_) {
            if (l.kind == Line::Raw) {
                out += l.label + "\n";
                continue;
            }
            if (l.kind == Line::Heading) {
                out += "  " + pad_right(l.label, 12) + pad_right(l.amount, name_column_) + l.rest + "\n";
                continue;
            }
            std::string line(l.indent, ' ');
            line += pad_right(l.label, label_column_ - (l.indent - 4));
            if (l.rest.empty()) line += l.amount;
            // An amount as wide as its column ("2 / 4 quarters") still keeps a space before the rest.
            else line += pad_right(l.amount, amount_width) + (display_width(l.amount) >= amount_width ? " " : "") + l.rest;
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out += line + "\n";
        }
        return out;
    }

private:
    struct Line {
        enum Kind { Raw, Row, Heading } kind;
        std::size_t indent;
        std::string label, amount, rest;
    };
    const Style& style_;
    std::vector<Line> lines_;
    std::size_t label_column_ = label_width;
    std::size_t name_column_ = name_width;
};

std::string fee_text(const Certification& c) {
    return c.late_fee_cents && *c.late_fee_cents > 0 ? fmt::format("late fee {}", Hours::from_centi(*c.late_fee_cents).str())
                                                     : "";
}

void certification_lines(Page& page, const CredentialStatus& cs, Date as_of, const Style& style) {
    const Certification& c = *cs.certification;
    std::string details = "issued " + to_string(c.issued);
    if (!c.number.empty()) details = printable(c.number) + ", " + details;
    if (!c.level.empty()) details += ", level " + printable(c.level);
    if (c.renewals > 0) details += ", " + plural(c.renewals, "renewal", "renewals");
    if (!c.expires || !c.days_left) {
        page.row(4, "expires", "never", style.green("does not expire") + "  " + style.dim("(" + details + ")"));
        return;
    }
    int days_left = *c.days_left;
    std::string when;
    if (days_left > 0) when = style.bold(plural(days_left, "day left", "days left"));
    else if (days_left == 0) when = style.yellow("expires today");
    else when = style.red(plural(-days_left, "day ago", "days ago"));
    page.row(4, "expires", to_string(*c.expires), when + "  " + style.dim("(" + details + ")"));
    std::string fee = fee_text(c);
    if (c.submit_by && cs.state == State::Late)
        page.row(4, "submit by", to_string(*c.submit_by),
                 style.red(days_left_in_words(days_between(as_of, *c.submit_by))) + ", " +
                     (fee.empty() ? "a late fee may apply" : fee + " applies"));
    else if (c.submit_by) page.row(4, "submit by", to_string(*c.submit_by), "renewal due before expiry");
    // Before the window opens, a period whose requirements are met can only wait.
    if (c.submit_from && as_of < *c.submit_from && cs.renewable)
        page.row(4, "renewal opens", to_string(*c.submit_from),
                 plural(days_between(as_of, *c.submit_from), "day", "days") + " from now");
    if (c.grace_until)
        page.row(4, "grace until", to_string(*c.grace_until), "renew before then" + (fee.empty() ? "" : ", " + fee));
}

std::string entries_left(int required, int counted, const Style& style) {
    int missing = std::max(0, required - counted);
    return missing == 0 ? style.green("done") : style.yellow(plural(missing, "entry", "entries") + " left");
}

// A minimum over several periods: "suicide-prevention  1 / 3 h  2 h left  over 6 years from
// 2025-01-01"; before the holder has held the credential that long, not due yet.
void over_months_row(Page& page, const RequirementProgress& r, const Style& style) {
    bool entries = r.kind == MinimumKind::TopicEntries;
    std::string value = entries ? fmt::format("{} / {}", r.entries_counted, plural(r.entries_required, "entry", "entries"))
                                : fmt::format("{} / {} h", r.counted.str(), r.required.str());
    std::string left = !r.judged ? style.dim("not due yet")
                       : entries ? entries_left(r.entries_required, r.entries_counted, style)
                                 : page.left(r.required, r.counted);
    std::string span = "over " + months_in_words(*r.over_months);
    span +=
        r.judged ? " from " + to_string(*r.window_start) : fmt::format(", asked once held {}", months_in_words(*r.over_months));
    page.row(6, printable(r.topic), value, left + "  " + style.dim(span));
}

void ce_lines(Page& page, const CeProgress& ce, const Style& style) {
    std::string window = style.dim("window " + to_string(ce.window_start) + " to " + to_string(ce.window_end));
    // CE counted in entries alone ("2 CE classes a year") shows entries where hours would be.
    if (ce.required.is_zero() && ce.entries_required > 0)
        page.row(4, "CE", fmt::format("{} / {}", ce.entries, plural(ce.entries_required, "entry", "entries")),
                 entries_left(ce.entries_required, ce.entries, style) + "  " + window);
    else
        page.row(4, "CE", fmt::format("{} / {} h", ce.counted.str(), ce.required.str()),
                 page.left(ce.required, ce.counted) + "  " + window);
    if (!ce.required.is_zero() && ce.entries_required > 0)
        page.row(6, "entries", fmt::format("{} / {}", ce.entries, ce.entries_required),
                 entries_left(ce.entries_required, ce.entries, style));
    if (!ce.carried_over.is_zero()) page.row(6, "carried over", ce.carried_over.str() + " h");
    for (const auto& r : ce.requirements) {
        if (r.over_months) {
            over_months_row(page, r, style);
        } else if (r.kind == MinimumKind::TopicEntries) {
            page.row(6, printable(r.topic),
                     fmt::format("{} / {}", r.entries_counted, plural(r.entries_required, "entry", "entries")),
                     entries_left(r.entries_required, r.entries_counted, style));
        } else {
            std::string label = printable(r.kind == MinimumKind::ProviderHours ? "from " + providers_text(r.providers) : r.topic);
            page.row(6, label, fmt::format("{} / {} h", r.counted.str(), r.required.str()), page.left(r.required, r.counted));
        }
    }
    for (const auto& c : ce.caps)
        if (c.logged > c.counted)
            page.row(6, c.delivery ? to_string(*c.delivery) : printable(c.topic),
                     fmt::format("{} of {} h", c.counted.str(), c.logged.str()),
                     style.dim(fmt::format("counted (at most {} h)", c.limit.str())));
}

std::string span_text(const QuarterCount& q) { return to_string(q.start) + " to " + to_string(q.end); }

// The period's [renewal] requirements: hours within it, then each quarter rule quarter by quarter.
void renewal_lines(Page& page, const RenewalProgress& r, const Style& style) {
    for (const auto& e : r.experience)
        page.row(4, "experience", fmt::format("{} / {} h", e.completed.str(), e.required.str()),
                 page.left(e.required, e.completed) + "  " + style.dim(kinds_label(e.kinds) + ", this period"));
    for (const auto& q : r.each_quarter) {
        auto met =
            std::count_if(q.quarters.begin(), q.quarters.end(), [](const auto& c) { return c.state == QuarterState::Met; });
        auto missing =
            std::count_if(q.quarters.begin(), q.quarters.end(), [](const auto& c) { return c.state == QuarterState::Missing; });
        std::string state =
            q.met()   ? style.green("done")
            : missing ? style.red(plural(missing, "quarter missing", "quarters missing"))
                      : style.yellow(plural(static_cast<long>(q.quarters.size()) - met, "quarter", "quarters") + " to go");
        page.row(4, printable(q.name), fmt::format("{} / {} quarters", met, q.quarters.size()),
                 state + "  " + style.dim(kinds_label(q.kinds) + ", each quarter"));
        for (std::size_t i = 0; i < q.quarters.size(); ++i) {
            const QuarterCount& c = q.quarters[i];
            std::string word;
            switch (c.state) {
            case QuarterState::Met: word = style.green("done"); break;
            case QuarterState::Missing: word = style.red("missing"); break;
            case QuarterState::Pending: word = style.yellow("to do by " + to_string(c.end)); break;
            case QuarterState::Upcoming: word = style.dim("to come"); break;
            }
            page.row(6, fmt::format("quarter {}", i + 1),
                     fmt::format("{} / {}", c.counted, plural(q.entries_required, "entry", "entries")),
                     word + "  " + style.dim(span_text(c)));
        }
    }
}

void initial_lines(Page& page, const CredentialStatus& cs, const Style& style) {
    if (cs.training) {
        const TrainingProgress& t = *cs.training;
        page.row(4, "training", fmt::format("{} / {} h", t.completed.str(), t.required.str()),
                 page.left(t.required, t.completed));
        for (const auto& d : t.domains)
            page.row(6, printable(d.domain), fmt::format("{} / {} h", d.completed.str(), d.required.str()),
                     page.left(d.required, d.completed) +
                         (d.within_months ? "  " + style.dim(fmt::format("within {} months", *d.within_months)) : ""));
    }
    for (const auto& e : cs.experience)
        page.row(4, e.kinds.size() == 1 && e.kinds[0] == ExperienceKind::Supervision ? "supervision" : "experience",
                 fmt::format("{} / {} h", e.completed.str(), e.required.str()),
                 page.left(e.required, e.completed) + "  " + style.dim(kinds_label(e.kinds) + within_label(e.within_months)));
    if (cs.exam && cs.exam->required) {
        const ExamProgress& x = *cs.exam;
        std::string detail;
        if (x.attempts > 0)
            detail = fmt::format("{}, last {}", plural(x.attempts, "attempt", "attempts"), to_string(*x.last_date));
        if (x.scheduled) detail += (detail.empty() ? "" : ", ") + ("scheduled " + to_string(*x.scheduled));
        if (x.attempts_left && !x.passed)
            detail += (detail.empty() ? "" : ", ") + plural(*x.attempts_left, "attempt left", "attempts left");
        page.row(4, "exam", x.passed ? style.green("passed") : style.yellow("not passed"), detail);
    }
}

} // namespace

namespace {

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += ", ";
        out += part;
    }
    return out;
}

} // namespace

std::vector<std::string> period_missing_parts(const CredentialStatus& cs) {
    std::vector<std::string> out;
    if (!cs.renewal) return out;
    auto add = [&](std::string part) { out.push_back(std::move(part)); };
    for (const auto& q : cs.renewal->each_quarter) {
        int to_come = 0;
        for (const auto& c : q.quarters) {
            if (c.state == QuarterState::Missing)
                add(c.counted == 0 ? fmt::format("no {} {}", q.name, span_text(c))
                                   : fmt::format("{} {} of {} entries {}", q.name, c.counted, q.entries_required, span_text(c)));
            else if (c.state == QuarterState::Pending) add(fmt::format("{} to do by {}", q.name, to_string(c.end)));
            else if (c.state == QuarterState::Upcoming) ++to_come;
        }
        if (to_come > 0) add(fmt::format("{} in {} to come", q.name, plural(to_come, "more quarter", "more quarters")));
    }
    for (const auto& e : cs.renewal->experience)
        if (e.completed < e.required)
            add(fmt::format("{} {} h this period", kinds_label(e.kinds), shortfall(e.required, e.completed).str()));
    return out;
}

std::string period_missing_in_words(const CredentialStatus& cs) { return joined(period_missing_parts(cs)); }

std::string ce_missing_in_words(const CredentialStatus& cs) { return joined(ce_missing_parts(cs)); }

std::string join_missing(const std::string& first, const std::string& second) {
    if (first.empty()) return second;
    if (second.empty()) return first;
    return first + ", " + second;
}

std::string missing_in_words(const CredentialStatus& cs) {
    return join_missing(period_missing_in_words(cs), ce_missing_in_words(cs));
}

std::vector<std::string> ce_missing_parts(const CredentialStatus& cs) {
    std::vector<std::string> out;
    if (!cs.ce) return out;
    auto add = [&](std::string part) { out.push_back(std::move(part)); };
    for (const auto& r : cs.ce->requirements) {
        if (r.met()) continue;
        std::string over = r.over_months ? " over " + months_in_words(*r.over_months) : "";
        if (r.kind == MinimumKind::TopicEntries)
            add(fmt::format("{} {}{}", r.topic, plural(r.entries_required - r.entries_counted, "entry", "entries"), over));
        else if (r.kind == MinimumKind::ProviderHours)
            add(fmt::format("{} h from {}", shortfall(r.required, r.counted).str(), providers_text(r.providers)));
        else add(fmt::format("{} {} h{}", r.topic, shortfall(r.required, r.counted).str(), over));
    }
    if (!cs.ce->remaining().is_zero()) add(cs.ce->remaining().str() + " h total");
    if (cs.ce->entries < cs.ce->entries_required) add(plural(cs.ce->entries_required - cs.ce->entries, "CE entry", "CE entries"));
    return out;
}

std::string level_limit_in_words(const CredentialStatus& cs) {
    const Certification& c = *cs.certification;
    const LevelRule* level = cs.rule->level(c.level);
    if (!level || level->renewable_after(c.renewals)) return "";
    std::string out = *level->max_renewals == 0
                          ? fmt::format("level {} is not renewable", level->id)
                          : fmt::format("level {} renewed {} of {} times", level->id, c.renewals, *level->max_renewals);
    if (cs.next_level) {
        out += ": move up to " + cs.next_level->level;
        // The step up is due by its own deadline where the level sets one, else before the expiry.
        std::optional<Date> by = cs.next_level->due ? cs.next_level->due : c.expires;
        if (by) out += " by " + to_string(*by);
    }
    return out;
}

std::string months_in_words(int months) {
    return months % 12 == 0 ? plural(months / 12, "year", "years") : plural(months, "month", "months");
}

std::string days_left_in_words(int days_left) {
    return days_left < 0 ? "overdue " + plural(-days_left, "day", "days") : plural(days_left, "day left", "days left");
}

std::string status_text(const SpecialistStatus& s, Date as_of, const Style& style) {
    Page page(style);
    page.raw(style.bold(printable(s.id)) + "  " + printable(s.name));
    if (s.credentials.empty()) page.raw("  no credential on record");
    for (const auto& cs : s.credentials) {
        page.heading(style.bold(printable(cs.rule->id)), printable(cs.rule->name), state_label(cs.state, style));
        // Which rules judged it, when not the credential's own: a reader comparing with the
        // board's current page sees why the figures differ.
        if (cs.revision) page.row(4, "rules", "as revised from " + to_string(*cs.revision));
        if (cs.certification) {
            certification_lines(page, cs, as_of, style);
            if (cs.ce) ce_lines(page, *cs.ce, style);
            if (cs.renewal) renewal_lines(page, *cs.renewal, style);
            if (cs.next_level) {
                const LevelProgress& next = *cs.next_level;
                page.raw("    " + style.dim("toward level " + printable(next.level) + ":"));
                if (next.due) page.row(6, "due by", to_string(*next.due), style.dim("the step up, counted from training"));
                if (next.needs_period_met)
                    page.row(6, "this period", next.period_met ? style.green("done") : style.yellow("not yet"),
                             style.dim("the requirements above"));
                for (const auto& e : cs.next_level->experience)
                    page.row(6, "experience", fmt::format("{} / {} h", e.completed.str(), e.required.str()),
                             page.left(e.required, e.completed) + "  " +
                                 style.dim(kinds_label(e.kinds) + within_label(e.within_months)));
            }
            std::string why = printable(missing_in_words(cs));
            if (!why.empty()) why.insert(0, "missing ");
            std::string level = printable(level_limit_in_words(cs));
            if (!level.empty()) why = fmt::format("{}{}{}", level, why.empty() ? "" : "; ", why);
            // Nothing to renew where nothing expires: "expires never" has said it.
            if (cs.certification->expires) {
                if (cs.renewable) page.row(4, "renewable", style.green("yes"));
                else page.row(4, "renewable", style.yellow("no"), why);
            }
        } else {
            initial_lines(page, cs, style);
            page.row(4, "next step",
                     cs.state == State::Eligible ? "record the certification (peerctl certify)"
                                                 : "complete the requirements above");
        }
        for (const auto& p : cs.problems)
            page.raw("    " + style.red("problem: ") + printable(p));
    }
    return page.text();
}

} // namespace peerctl
