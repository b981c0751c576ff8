// Tests for lib/toml/settings_loader.cpp: peerctl.toml's [remind] table, each mistake at its
// line and column.

#include "settings_loader.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::dump;

namespace {

struct Parsed {
    WorkspaceSettings settings;
    Diagnostics diags;
    std::string text() const { return dump(diags); }
};

Parsed parse(std::string_view text) {
    Parsed p;
    p.settings = parse_workspace_settings(text, "peerctl.toml", p.diags);
    p.diags.sort(); // as every command shows them
    return p;
}

} // namespace

TEST_CASE("[remind] is read whole") {
    Parsed p = parse(R"(name = "Riverbend"
[remind]
days = [7, 90, 30]
from = "Peer Services <training@example.org>"
command = "/usr/sbin/sendmail  -t -i"
)");
    INFO(p.text());
    CHECK(p.diags.items().empty());
    CHECK(p.settings.remind.days == std::vector<int>{90, 30, 7});
    CHECK(p.settings.remind.from == "Peer Services <training@example.org>");
    CHECK(p.settings.remind.command == "/usr/sbin/sendmail  -t -i");
    CHECK(p.settings.remind.argv == std::vector<std::string>{"/usr/sbin/sendmail", "-t", "-i"});
}

TEST_CASE("no [remind]: nothing set, nothing said") {
    Parsed p = parse("name = \"x\"\n");
    CHECK(p.diags.items().empty());
    CHECK(p.settings.remind.days.empty());
    CHECK(p.settings.remind.argv.empty());
}

TEST_CASE("[remind] mistakes, each at its place") {
    SUBCASE("days not positive, not whole, twice") {
        Parsed p = parse("[remind]\ndays = [30, 0, 7.5, 30, -1]\n");
        CHECK(p.text() == "peerctl.toml:2:13: error: 'days' must hold numbers from 1 to 3650 (got 0)\n"
                          "peerctl.toml:2:16: error: 'days' must hold only whole numbers (got a number)\n"
                          "peerctl.toml:2:21: error: 'days' holds 30 twice\n"
                          "peerctl.toml:2:25: error: 'days' must hold numbers from 1 to 3650 (got -1)\n");
        CHECK(p.settings.remind.days == std::vector<int>{30});
    }
    SUBCASE("days not an array") {
        Parsed p = parse("[remind]\ndays = 30\n");
        CHECK(p.text().find("peerctl.toml:2:8: error: 'days' must be an array of whole numbers") == 0);
    }
    SUBCASE("from that is not a mailbox") {
        for (std::string_view bad :
             {"training", "Peer <training@example.org", "a@example.org, b@example.org", "\\\"Quoted\\\" <t@example.org>"}) {
            CAPTURE(bad);
            Parsed p = parse("[remind]\nfrom = \"" + std::string(bad) + "\"\n");
            CHECK(p.text() == "peerctl.toml:2:8: error: 'from' must be an address, or a name and an address: \"Peer "
                              "Services <training@example.org>\"\n");
            CHECK(p.settings.remind.from.empty());
        }
    }
    SUBCASE("a command a shell would be needed for") {
        for (std::string_view bad : {"sendmail -t", "/usr/sbin/sendmail -t | tee log", "/bin/mail $USER", "/x 'a b'", ""}) {
            CAPTURE(bad);
            Parsed p = parse("[remind]\ncommand = \"" + std::string(bad) + "\"\n");
            CHECK(p.text().find("peerctl.toml:2:11: error: 'command' is run without a shell") == 0);
            CHECK(p.settings.remind.argv.empty());
        }
    }
    SUBCASE("an unknown key") {
        Parsed p = parse("[remind]\nday = [7]\n");
        CHECK(p.text() == "peerctl.toml:2:1: warning: unknown key 'day' in [remind]; did you mean 'days'?\n");
    }
}
