// Tests for lib/report/remind_message.cpp and remind_plan.cpp: the parts of a reminder message,
// and which deadline comes next.

#include "remind_message.hpp"

#include "test_support.hpp"

using namespace peerctl;
using peerctl::test::ymd;

namespace {

std::chrono::sys_seconds at(int y, unsigned m, unsigned d, int hour) {
    return std::chrono::sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} + std::chrono::hours{hour};
}

} // namespace

TEST_CASE("rfc5322_date: English names, UTC, whatever the locale") {
    CHECK(rfc5322_date(at(2026, 11, 30, 3)) == "Mon, 30 Nov 2026 03:00:00 +0000");
    CHECK(rfc5322_date(at(2027, 1, 3, 23)) == "Sun, 03 Jan 2027 23:00:00 +0000");
}

TEST_CASE("quoted_printable") {
    CHECK(quoted_printable("plain text\n") == "plain text\n");
    CHECK(quoted_printable("a=b") == "a=3Db");
    CHECK(quoted_printable("José") == "Jos=C3=A9");
    CHECK(quoted_printable("trailing \nspace\t\n") == "trailing=20\nspace=09\n");
    SUBCASE("a line's leading dot and From are encoded") {
        CHECK(quoted_printable(".\nx\n.x\n") == "=2E\nx\n=2Ex\n");
        CHECK(quoted_printable("From here\nnot From here\n") == "=46rom here\nnot From here\n");
    }
    SUBCASE("long lines get soft breaks, each line at most 76, escapes never split") {
        std::string line(70, 'a');
        line += "ééééé";
        std::string qp = quoted_printable(line);
        std::size_t start = 0;
        while (start < qp.size()) {
            std::size_t end = std::min(qp.find('\n', start), qp.size());
            CHECK(end - start <= 76);
            start = end + 1;
        }
        CHECK(qp.find("=\n") != std::string::npos);
        std::string back;
        for (std::size_t i = 0; i < qp.size(); ++i) {
            if (qp.compare(i, 2, "=\n") == 0) ++i;
            else back += qp[i];
        }
        CHECK(back == std::string(70, 'a') + "=C3=A9=C3=A9=C3=A9=C3=A9=C3=A9");
    }
    SUBCASE("a dot that a soft break leaves at a line's start is encoded") {
        std::string line(75, 'a');
        line += ".";
        CHECK(quoted_printable(line) == std::string(75, 'a') + "=\n=2E");
    }
}

TEST_CASE("header_text: encoded words of whole characters") {
    CHECK(header_text("Reminder for Jo Doe: ct-rss expires on 2027-01-15 (30 days)", 9) ==
          "Reminder for Jo Doe: ct-rss expires on 2027-01-15 (30 days)");
    CHECK(header_text("José", 9) == "=?utf-8?b?Sm9zw6k=?=");
    // 30 two-byte letters: 22 (44 bytes) in the first word, 8 in the second.
    std::string many;
    for (int i = 0; i < 30; ++i)
        many += "é";
    std::string h = header_text(many, 9);
    std::size_t nl = h.find('\n');
    REQUIRE(nl != std::string::npos);
    CHECK(h.substr(0, nl) == "=?utf-8?b?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6k=?=");
    CHECK(h.substr(nl, 2) == "\n ");
    CHECK(h.find('\n', nl + 1) == std::string::npos);
    CHECK(nl <= 75);
}

TEST_CASE("mbox_entry: mboxrd quoting and the From line") {
    std::string e = mbox_entry("Subject: x\n\nFrom here\n>From there\nok\n", "t@example.org", at(2026, 11, 3, 7));
    CHECK(e == "From t@example.org Tue Nov  3 07:00:00 2026\nSubject: x\n\n>From here\n>>From there\nok\n\n");
}

TEST_CASE("next_deadline") {
    Credential rule;
    rule.id = "x";
    CredentialStatus cs;
    cs.rule = &rule;
    Certification c;
    c.issued = ymd(2024, 3, 10);
    c.expires = ymd(2027, 3, 10);
    c.submit_by = ymd(2027, 1, 24);
    cs.certification = c;
    cs.state = State::Active;
    CHECK(next_deadline(cs, ymd(2027, 1, 24)) == NextDeadline{ymd(2027, 1, 24), DeadlineKind::SubmitBy, false});
    SUBCASE("late: the expiry comes next") {
        cs.state = State::Late;
        CHECK(next_deadline(cs, ymd(2027, 1, 25)) == NextDeadline{ymd(2027, 3, 10), DeadlineKind::Expiry, false});
        CHECK(next_deadline(cs, ymd(2027, 3, 10)) == NextDeadline{ymd(2027, 3, 10), DeadlineKind::Expiry, false});
    }
    SUBCASE("grace: its end; lapsed: nothing") {
        cs.state = State::Grace;
        cs.certification->grace_until = ymd(2027, 3, 25);
        CHECK(next_deadline(cs, ymd(2027, 3, 11)) == NextDeadline{ymd(2027, 3, 25), DeadlineKind::GraceEnd, false});
        cs.state = State::Lapsed;
        CHECK_FALSE(next_deadline(cs, ymd(2027, 3, 26)));
    }
    SUBCASE("in training: the exam deadline until the exam is passed") {
        CredentialStatus trainee;
        trainee.rule = &rule;
        trainee.exam = ExamProgress{};
        CHECK_FALSE(next_deadline(trainee, ymd(2027, 1, 1)));
        trainee.exam->deadline = ymd(2027, 8, 1);
        CHECK(next_deadline(trainee, ymd(2027, 1, 1)) == NextDeadline{ymd(2027, 8, 1), DeadlineKind::Expiry, true});
        CHECK_FALSE(next_deadline(trainee, ymd(2027, 8, 2)));
        trainee.exam->passed = true;
        CHECK_FALSE(next_deadline(trainee, ymd(2027, 1, 1)));
    }
}
