#include "xlsx_file.hpp"

#include "unique_fd.hpp"

#include <xlsxwriter.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace peerctl {

namespace {

// The state colours of the HTML report, light enough to read black text on.
constexpr lxw_color_t due_fill = 0xFFF2CC;
constexpr lxw_color_t urgent_fill = 0xFCE4D6;
constexpr lxw_color_t lapsed_fill = 0xF8CBAD;

// Spreadsheets read "_xHHHH_" in a string as the character U+HHHH (OOXML's escape for what XML
// cannot hold): a name holding "_x001B_" would come back as ESC. Excel's own escape of the
// underscore, "_x005F", keeps such text as it was written.
std::string ooxml_text(const std::string& text) {
    auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "_x") == 0 && i + 6 < text.size() && hex(text[i + 2]) && hex(text[i + 3]) && hex(text[i + 4]) &&
            hex(text[i + 5]) && text[i + 6] == '_')
            out += "_x005F";
        out += text[i];
    }
    return out;
}

struct Formats {
    lxw_format* header = nullptr;
    // Per fill (SheetFill's order): text and numbers, then dates.
    lxw_format* plain[4] = {};
    lxw_format* date[4] = {};
};

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    const lxw_color_t fills[4] = {0, due_fill, urgent_fill, lapsed_fill};
    for (int i = 0; i < 4; ++i) {
        f.plain[i] = workbook_add_format(wb);
        f.date[i] = workbook_add_format(wb);
        format_set_num_format(f.date[i], "yyyy-mm-dd");
        if (i == 0) continue;
        for (lxw_format* x : {f.plain[i], f.date[i]}) {
            format_set_pattern(x, LXW_PATTERN_SOLID);
            format_set_bg_color(x, fills[i]);
        }
    }
    return f;
}

lxw_error fill_sheet(lxw_workbook* wb, const SheetGrid& grid) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, grid.name.c_str());
    if (!ws) return LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
    Formats f = make_formats(wb);
    auto cols = static_cast<lxw_col_t>(grid.header.size());
    for (lxw_col_t c = 0; c < cols; ++c) {
        if (lxw_error e = worksheet_write_string(ws, 0, c, ooxml_text(grid.header[c]).c_str(), f.header)) return e;
        if (c < grid.widths.size())
            if (lxw_error e = worksheet_set_column(ws, c, c, grid.widths[c], nullptr)) return e;
    }
    lxw_row_t r = 1;
    for (const SheetRow& row : grid.rows) {
        auto fill = static_cast<std::size_t>(row.fill);
        for (lxw_col_t c = 0; c < cols && c < row.cells.size(); ++c) {
            const SheetCell& cell = row.cells[c];
            lxw_error e = LXW_NO_ERROR;
            switch (cell.kind) {
            case SheetCell::Kind::Empty: e = fill ? worksheet_write_blank(ws, r, c, f.plain[fill]) : LXW_NO_ERROR; break;
            case SheetCell::Kind::Text: e = worksheet_write_string(ws, r, c, ooxml_text(cell.text).c_str(), f.plain[fill]); break;
            case SheetCell::Kind::Number: e = worksheet_write_number(ws, r, c, cell.number, f.plain[fill]); break;
            case SheetCell::Kind::Day: {
                lxw_datetime dt{static_cast<int>(cell.date.year()),
                                static_cast<int>(static_cast<unsigned>(cell.date.month())),
                                static_cast<int>(static_cast<unsigned>(cell.date.day())),
                                0,
                                0,
                                0};
                e = worksheet_write_datetime(ws, r, c, &dt, f.date[fill]);
                break;
            }
            }
            if (e) return e;
        }
        ++r;
    }
    worksheet_freeze_panes(ws, 1, 0);
    if (cols > 0) return worksheet_autofilter(ws, 0, 0, r - 1, cols - 1);
    return LXW_NO_ERROR;
}

std::optional<std::string> read_private(const fs::path& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0) return std::nullopt;
    std::string out;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return std::nullopt;
        if (n == 0) return out;
        out.append(buf, static_cast<std::size_t>(n));
    }
}

// The private directory and what is in it, removed however the write ends.
struct PrivateDir {
    std::string path;
    ~PrivateDir() {
        if (path.empty()) return;
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

} // namespace

std::optional<IoError> write_xlsx_atomic(const fs::path& path, const SheetGrid& grid) {
    auto error = [&](int err, std::string what) { return IoError{path, err, std::move(what)}; };
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::string pattern = (dir / ".peerctl-xlsx-XXXXXX").string();
    PrivateDir tmp;
    if (!::mkdtemp(pattern.data())) {
        int e = errno;
        return error(e, std::string(std::strerror(e)) + "; nothing was created");
    }
    tmp.path = pattern;
    std::string book = tmp.path + "/report.xlsx";
    lxw_workbook_options options{};
    options.tmpdir = tmp.path.data();
    // Rows go out to a temporary file as they are written (in order, as here), not held as cells:
    // a registry's sheet would otherwise cost several times its grid.
    options.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(book.c_str(), &options);
    if (!wb) return error(0, "cannot start the spreadsheet; nothing was created");
    lxw_error filled = fill_sheet(wb, grid);
    lxw_error closed = workbook_close(wb);
    if (filled || closed)
        return error(0, std::string(lxw_strerror(filled ? filled : closed)) + "; the file is unchanged if it existed");
    std::optional<std::string> bytes = read_private(book);
    if (!bytes) return error(errno, std::string(std::strerror(errno)) + "; the file is unchanged if it existed");
    return write_file_atomic(path, *bytes);
}

} // namespace peerctl
