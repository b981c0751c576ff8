#include "toml_layout.hpp"

#include "toml_guard.hpp"
#include "toml_reader.hpp"

namespace peerctl {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_blank(s.front()) || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (is_blank(s.back()) || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// Where a line's lexing leaves off, for the next line of the same statement. The text is known to
// be valid TOML (toml++ read it first), so this only needs to know strings, comments and brackets.
struct LexState {
    enum { Code, MultiBasic, MultiLiteral } mode = Code;
    int depth = 0; // arrays and inline tables open

    bool at_statement_end() const { return mode == Code && depth <= 0; }
};

// Index just past the closing `quote` x3 (and up to two more quotes, which TOML counts as content).
std::size_t close_multi(std::string_view line, std::size_t i, char quote, bool escapes, LexState& st) {
    while (i < line.size()) {
        if (escapes && line[i] == '\\') {
            i += 2;
            continue;
        }
        if (line.compare(i, 3, std::string(3, quote)) == 0) {
            i += 3;
            for (int extra = 0; extra < 2 && i < line.size() && line[i] == quote; ++extra)
                ++i;
            st.mode = LexState::Code;
            return i;
        }
        ++i;
    }
    return i;
}

// Lexes line[i..] (a value, or the rest of one) and updates `st`.
void lex_value(std::string_view line, std::size_t i, LexState& st) {
    while (i < line.size()) {
        if (st.mode == LexState::MultiBasic) {
            i = close_multi(line, i, '"', true, st);
            continue;
        }
        if (st.mode == LexState::MultiLiteral) {
            i = close_multi(line, i, '\'', false, st);
            continue;
        }
        char c = line[i];
        if (c == '#') return;
        if (c == '"' || c == '\'') {
            if (line.compare(i, 3, std::string(3, c)) == 0) {
                st.mode = c == '"' ? LexState::MultiBasic : LexState::MultiLiteral;
                i += 3;
                continue;
            }
            for (++i; i < line.size() && line[i] != c; ++i)
                if (c == '"' && line[i] == '\\') ++i;
            ++i;
            continue;
        }
        if (c == '[' || c == '{') ++st.depth;
        if (c == ']' || c == '}') --st.depth;
        ++i;
    }
}

// The key text up to `stop` ('=' for a statement, ']' for a header), blanks outside quotes
// dropped; `end` is left at the stop character.
std::string key_until(std::string_view line, std::size_t& i, char stop) {
    std::string key;
    while (i < line.size() && line[i] != stop) {
        char c = line[i];
        if (c == '"' || c == '\'') {
            std::size_t start = i;
            for (++i; i < line.size() && line[i] != c; ++i)
                if (c == '"' && line[i] == '\\') ++i;
            ++i;
            key += line.substr(start, i - start);
            continue;
        }
        if (!is_blank(c)) key += c;
        ++i;
    }
    return key;
}

class Splitter {
public:
    explicit Splitter(TomlLayout& out) : out_(out) { out_.blocks.emplace_back(); }

    void line(std::string_view l) { // with its "\n"
        if (!st_.at_statement_end()) {
            current_item().text += l;
            lex_value(l, 0, st_);
            return;
        }
        std::string_view t = trim(l);
        if (t.empty() || t.front() == '#') {
            pending_ += l;
            return;
        }
        if (t.front() == '[') return header(l, t);
        std::size_t i = 0;
        std::string key = key_until(t, i, '=');
        LayoutBlock& block = out_.blocks.back();
        block.items.push_back({std::move(key), pending_ + std::string(l)});
        pending_.clear();
        st_ = {};
        lex_value(t, i + 1, st_);
    }

    void finish() { out_.tail = std::move(pending_); }

private:
    void header(std::string_view l, std::string_view t) {
        bool array = t.substr(0, 2) == "[[";
        std::size_t i = array ? 2 : 1;
        std::string name = key_until(t, i, ']');
        LayoutBlock& last = out_.blocks.back();
        // A table of the entry just opened ([[revision]], then [revision.ce]) belongs to that entry.
        if (last.kind == LayoutBlockKind::Entry && name.size() > last.name.size() &&
            name.compare(0, last.name.size(), last.name) == 0 && name[last.name.size()] == '.') {
            last.compound = true;
            last.items.push_back({(array ? "[[" : "[") + name, pending_ + std::string(l)});
        } else {
            LayoutBlock block;
            block.kind = array ? LayoutBlockKind::Entry : LayoutBlockKind::Table;
            block.name = std::move(name);
            block.header = pending_ + std::string(l);
            out_.blocks.push_back(std::move(block));
        }
        pending_.clear();
        st_ = {};
    }

    LayoutItem& current_item() {
        LayoutBlock& block = out_.blocks.back();
        if (block.items.empty()) block.items.push_back({});
        return block.items.back();
    }

    TomlLayout& out_;
    std::string pending_;
    LexState st_;
};

} // namespace

std::string_view LayoutItem::statement() const {
    // The lines above are blank or comments; the statement is the first line that is neither.
    std::string_view t = text;
    while (!t.empty()) {
        std::size_t nl = t.find('\n');
        std::string_view line = trim(t.substr(0, nl));
        if (!line.empty() && line.front() != '#') break;
        t.remove_prefix(nl == std::string_view::npos ? t.size() : nl + 1);
    }
    return t;
}

std::string LayoutItem::value() const {
    std::string_view s = statement();
    s = s.substr(0, s.find('\n'));
    std::size_t i = 0;
    key_until(s, i, '=');
    if (i >= s.size()) return {};
    s.remove_prefix(i + 1);
    // A date, number or word: nothing that could hold a '#' before its comment.
    return std::string(trim(s.substr(0, s.find('#'))));
}

std::string LayoutBlock::text() const {
    std::string out = header;
    for (const auto& item : items)
        out += item.text;
    return out;
}

std::string TomlLayout::text() const {
    std::string out;
    for (const auto& b : blocks)
        out += b.text();
    return out + tail;
}

std::string lf_text(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += text[i];
    return out;
}

std::optional<TomlLayout> toml_layout(std::string_view text, const GuardLimits& limits) {
    Diagnostics quiet;
    if (!prescan_toml(text, "merge", limits, quiet) || !parse_toml(text, "merge", quiet)) return std::nullopt;
    TomlLayout out;
    out.bom = text.substr(0, 3) == "\xEF\xBB\xBF";
    std::size_t nl = text.find('\n');
    out.crlf = nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r';
    std::string lf = lf_text(text);
    if (!lf.empty() && lf.back() != '\n') lf += '\n';
    Splitter split(out);
    for (std::size_t at = 0; at < lf.size();) {
        std::size_t end = lf.find('\n', at) + 1;
        split.line(std::string_view(lf).substr(at, end - at));
        at = end;
    }
    split.finish();
    return out;
}

} // namespace peerctl
