#include "report_format.hpp"

#include "context.hpp"
#include "output_text.hpp"

#include <fmt/core.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/ioctl.h>
#include <unistd.h>

namespace peerctl::cli {

namespace {

std::string format_named(const std::string& format, const std::string& output) {
    if (!format.empty()) return format;
    if (output.empty() || output == "-") return "table";
    std::string ext = std::filesystem::path(output).extension().string();
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") return "csv";
    if (ext == ".json") return "json";
    if (ext == ".md" || ext == ".markdown") return "md";
    if (ext == ".html" || ext == ".htm") return "html";
    if (ext == ".txt") return "table";
    if (ext == ".xlsx") return "xlsx";
    throw UsageError{fmt::format(
        "cannot tell the format from '{}': name it .csv, .json, .md, .html, .xlsx or .txt, or use --format", printable(output))};
}

} // namespace

std::string report_format(const std::string& format, const std::string& output, bool team, bool bom) {
    std::string picked = format_named(format, output);
    // libxlsxwriter makes a file, and a spreadsheet is no text for a terminal or a pipe.
    if (picked == "xlsx" && (output.empty() || output == "-")) throw UsageError{"xlsx needs -o FILE"};
    if (picked == "xlsx" && !team) throw UsageError{"xlsx applies to the renewals and roster reports only"};
    if (bom && picked != "csv") throw UsageError{"--bom applies to CSV output only"};
    return picked;
}

std::optional<std::size_t> report_table_width(int width, bool to_file) {
    if (width >= 0) return width == 0 ? std::nullopt : std::optional<std::size_t>(static_cast<std::size_t>(width));
    if (to_file) return std::nullopt;
    if (const char* env = std::getenv("COLUMNS"); env && *env) {
        std::size_t v = 0;
        auto [p, ec] = std::from_chars(env, env + std::strlen(env), v);
        if (ec == std::errc() && *p == '\0' && v > 0) return v;
    }
    winsize ws{};
    if (::isatty(STDOUT_FILENO) == 1 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return std::nullopt;
}

} // namespace peerctl::cli
