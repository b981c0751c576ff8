#include "check_cache.hpp"

#include "enum_names.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

// Bumped whenever the format or what an item means changes.
constexpr std::string_view magic = "peerctl-check-cache 3";

// A changed file can keep its timestamps if the file system's clock ticks coarsely (2 s on FAT):
// anything stamped this close to the start of a run may change again unseen.
constexpr std::int64_t racy_window_ns = 2'000'000'000;

std::int64_t ns_of(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

// Fields are tab-separated; text fields escape the backslash, tab, CR and LF.
std::string escaped(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

std::optional<std::string> unescaped(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i == s.size()) return std::nullopt;
        switch (s[i]) {
        case '\\': out += '\\'; break;
        case 't': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        default: return std::nullopt;
        }
    }
    return out;
}

std::vector<std::string_view> fields(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) return out;
        start = tab + 1;
    }
}

template <class Int>
bool number(std::string_view s, Int& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

std::string stamp_fields(const FileStamp& s) {
    return fmt::format("{}\t{}\t{}\t{}\t{}", s.size, s.mtime_ns, s.ctime_ns, s.inode, s.device);
}

bool parse_stamp(const std::vector<std::string_view>& f, std::size_t at, FileStamp& s) {
    return f.size() >= at + 5 && number(f[at], s.size) && number(f[at + 1], s.mtime_ns) && number(f[at + 2], s.ctime_ns) &&
           number(f[at + 3], s.inode) && number(f[at + 4], s.device);
}

// record NAME size mtime ctime inode device ID LINE COLUMN ITEMS
// item CREDENTIAL STATE DEADLINE DEADLINE_KIND EXPIRES SUBMIT_BY(or -) CE_REMAINING_CENTI MISSING PERIOD_MISSING
void append_record(std::string& out, std::string_view name, const CachedRecord& r) {
    out += fmt::format("record\t{}\t{}\t{}\t{}\t{}\t{}\n", escaped(name), stamp_fields(r.stamp), escaped(r.id), r.id_pos.line,
                       r.id_pos.column, r.items.size());
    for (const auto& item : r.items)
        out += fmt::format("item\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", escaped(item.credential), to_string(item.state),
                           to_string(item.deadline.date), to_string(item.deadline.kind), to_string(item.expires),
                           item.submit_by ? to_string(*item.submit_by) : "-", item.ce_remaining.centi(), escaped(item.missing),
                           escaped(item.period_missing));
}

std::optional<CheckItem> parse_item(std::string_view line, const std::string& id) {
    auto f = fields(line);
    if (f.size() != 10 || f[0] != "item") return std::nullopt;
    CheckItem item;
    item.id = id;
    auto credential = unescaped(f[1]);
    auto state = parse_state(f[2]);
    auto deadline = parse_date(f[3]);
    auto kind = parse_enum<DeadlineKind>(deadline_kind_names(), f[4]);
    auto expires = parse_date(f[5]);
    auto submit_by = parse_date(f[6]);
    std::int64_t centi = 0;
    auto missing = unescaped(f[8]);
    auto period_missing = unescaped(f[9]);
    if (!credential || !state || !deadline || !kind || !expires || (!submit_by && f[6] != "-") || !number(f[7], centi) ||
        !missing || !period_missing)
        return std::nullopt;
    item.credential = *credential;
    item.state = *state;
    item.deadline = {*deadline, *kind};
    item.expires = *expires;
    item.submit_by = submit_by;
    item.ce_remaining = Hours::from_centi(centi);
    item.missing = *missing;
    item.period_missing = *period_missing;
    return item;
}

} // namespace

namespace {
FileStamp stamp_from(const struct stat& st) {
    return FileStamp{static_cast<std::uint64_t>(st.st_size), ns_of(st.st_mtim), ns_of(st.st_ctim),
                     static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_dev)};
}
} // namespace

std::optional<FileStamp> stamp_of(const fs::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return stamp_from(st);
}

std::optional<FileStamp> stamp_at(int dir_fd, const char* name) {
    struct stat st {};
    if (::fstatat(dir_fd, name, &st, 0) != 0) return std::nullopt;
    return stamp_from(st);
}

std::int64_t realtime_now_ns() {
    timespec t{};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return ns_of(t);
}

bool is_racy(const FileStamp& stamp, std::int64_t start_ns) {
    return stamp.mtime_ns >= start_ns - racy_window_ns || stamp.ctime_ns >= start_ns - racy_window_ns;
}

std::string input_line(const fs::path& path, std::int64_t start_ns, bool& racy) {
    auto stamp = stamp_of(path);
    if (stamp && is_racy(*stamp, start_ns)) racy = true;
    return fmt::format("input\t{}\t{}\n", escaped(path.string()), stamp ? stamp_fields(*stamp) : "missing");
}

std::string check_cache_name(const fs::path& workspace_root) {
    // FNV-1a of the workspace's path: one file per workspace. A collision only costs a rebuild,
    // since the inputs (which name the workspace) must match too.
    std::uint64_t h = 14695981039346656037ull;
    for (char c : workspace_root.string())
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return fmt::format("check-{:016x}.cache", h);
}

CachedRecord* CheckCache::find(std::string_view name, const FileStamp& stamp) {
    auto it = std::lower_bound(records_.begin(), records_.end(), name,
                               [](const auto& entry, std::string_view n) { return entry.first < n; });
    return it != records_.end() && it->first == name && it->second.stamp == stamp ? &it->second : nullptr;
}

void CheckCache::put(std::string name, CachedRecord record) { records_.emplace_back(std::move(name), std::move(record)); }

std::string CheckCache::serialize() const {
    std::string out = header(inputs_);
    std::vector<const std::pair<std::string, CachedRecord>*> order;
    for (const auto& entry : records_)
        order.push_back(&entry);
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    for (std::size_t i = 0; i < order.size(); ++i)
        if (i == 0 || order[i - 1]->first != order[i]->first) append(out, order[i]->first, order[i]->second);
    return out;
}

std::string CheckCache::header(const std::string& inputs) { return std::string(magic) + "\n" + inputs + "end\n"; }

void CheckCache::append(std::string& out, std::string_view name, const CachedRecord& record) { append_record(out, name, record); }

std::optional<CheckCache> CheckCache::parse(std::string_view text, const std::string& inputs) {
    std::string head = header(inputs);
    if (text.substr(0, head.size()) != head) return std::nullopt;
    text.remove_prefix(head.size());
    CheckCache cache(inputs);
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        if (nl == std::string_view::npos) return std::nullopt; // cut short
        auto f = fields(text.substr(0, nl));
        text.remove_prefix(nl + 1);
        CachedRecord r;
        std::size_t items = 0;
        auto name = f.size() == 11 && f[0] == "record" ? unescaped(f[1]) : std::nullopt;
        auto id = f.size() == 11 ? unescaped(f[7]) : std::nullopt;
        if (!name || !id || !parse_stamp(f, 2, r.stamp) || !number(f[8], r.id_pos.line) || !number(f[9], r.id_pos.column) ||
            !number(f[10], items) || items > 1000)
            return std::nullopt;
        r.id = *id;
        for (std::size_t i = 0; i < items; ++i) {
            nl = text.find('\n');
            if (nl == std::string_view::npos) return std::nullopt;
            auto item = parse_item(text.substr(0, nl), r.id);
            if (!item) return std::nullopt;
            text.remove_prefix(nl + 1);
            r.items.push_back(std::move(*item));
        }
        // In name order, each name once: find() searches by halves.
        if (!cache.records_.empty() && !(cache.records_.back().first < *name)) return std::nullopt;
        cache.records_.emplace_back(std::move(*name), std::move(r));
    }
    return cache;
}

CheckCache CheckCache::read(const std::optional<std::string>& text, const std::string& inputs) {
    // A cache is ours to throw away: any problem with it just means starting afresh.
    auto cache = text ? parse(*text, inputs) : std::nullopt;
    return cache ? std::move(*cache) : CheckCache(inputs);
}

} // namespace peerctl
