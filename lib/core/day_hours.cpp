#include "day_hours.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace peerctl {

std::vector<OverfullDay> overfull_days(const Record& record) {
    // Training first, then CE, each in file order: the entry named is the first past the limit.
    std::map<Date, OverfullDay> days;
    auto add = [&](const auto& entries, EntryKind kind) {
        for (const auto& e : entries) {
            if (e.voided) continue;
            OverfullDay& day = days.try_emplace(e.date, OverfullDay{e.date, Hours(), kind, e.pos}).first->second;
            bool was_over = day.total > hours_in_a_day;
            day.total += e.hours;
            if (!was_over && day.total > hours_in_a_day) {
                day.kind = kind;
                day.pos = e.pos;
            }
        }
    };
    add(record.training, EntryKind::Training);
    add(record.ce, EntryKind::Ce);
    std::vector<OverfullDay> out;
    for (const auto& [date, day] : days)
        if (day.total > hours_in_a_day) out.push_back(day);
    return out;
}

std::string describe(const OverfullDay& day) {
    return fmt::format("training and CE on {} add up to {} h, more than the 24 h a day holds", to_string(day.date),
                       day.total.str());
}

void warn_overfull_days(const Record& record, Diagnostics& diags) {
    for (const auto& day : overfull_days(record))
        diags.warning(record.file, day.pos,
                      describe(day) + " (a typo, an entry logged twice, or several days logged as one: log one entry a day)");
}

} // namespace peerctl
