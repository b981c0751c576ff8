#!/usr/bin/python3
"""Guards that say why: `certify` before the initial requirements are met and `log renewal` before
the period's CE is, refused with what is missing unless --force; a CE entry that counts toward
nothing is recorded with a note saying why; more than 24 h of training and CE on one date is
refused by `log` without --force and warned about by `validate`; a likely duplicate is also one
whose title differs only in case and spacing, or that has other hours on the same date and title.

usage: test_guards.py PEERCTL
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, parse_toml, read_bytes, record_file  # noqa: E402

s = Suite("guards")
ws = s.workspace(ids=("pat", "lee", "old"))
pat = record_file(ws, "pat")


def refused(p, what, path, before, *says):
    s.expect(p, 1, what)
    for text in says + (b"(use --force to record it anyway)",):
        s.check(text in p.stderr, f"{what}: says {text!r}", p.stderr)
    s.check(read_bytes(path) == before, f"{what}: the record is byte-identical")


# --- certify before the initial requirements are met ---------------------------------------------
before = read_bytes(pat)
p = s.run("certify", "pat", "ct-rss", "--issued", "2025-01-01", ws=ws)
refused(p, "certify with no training and no exam", pat, before,
        b"the initial requirements of ct-rss are not met on 2025-01-01: missing training 80 h, exam")
p = s.run("certify", "pat", "ct-rss", "--issued", "2025-01-01", "--dry-run", ws=ws)
s.expect(p, 1, "certify --dry-run is refused the same way")
for i, day in enumerate(("2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04")):
    s.expect(s.run("log", "training", "pat", "--date", day, "--hours", "20", "--title", f"RSS day {i + 1}", ws=ws), 0,
             f"training day {i + 1}")
p = s.run("certify", "pat", "ct-rss", "--issued", "2025-01-01", ws=ws)
refused(p, "certify with training but no exam", pat, read_bytes(pat), b"missing exam")
s.expect(s.run("log", "exam", "pat", "--date", "2024-12-01", "--result", "passed", ws=ws), 0, "exam passed")
p = s.run("certify", "pat", "ct-rss", "--issued", "2025-01-01", ws=ws)
s.expect(p, 0, "certify once training and exam are done")
p = s.run("certify", "lee", "ct-rss", "--issued", "2025-01-01", "--force", ws=ws)
s.expect(p, 0, "certify --force with nothing done")

# --- log renewal before the period's CE is met ---------------------------------------------------
before = read_bytes(pat)
p = s.run("log", "renewal", "pat", "--date", "2026-11-01", ws=ws)
refused(p, "renewal with no CE", pat, before,
        b"the CE of ct-rss for the period ending 2028-01-01 is not met on 2026-11-01: missing 60 h total")
for i, day in enumerate(("2025-03-01", "2025-03-02", "2025-03-03")):
    s.expect(s.log_ce(ws, "pat", f"CE course {i + 1}", date=day, hours="15"), 0, f"CE course {i + 1}")
p = s.run("log", "renewal", "pat", "--date", "2026-11-01", ws=ws)
refused(p, "renewal with 45 of 60 h", pat, read_bytes(pat), b"missing 15 h total")
p = s.run("log", "renewal", "pat", "--date", "2026-11-01", "--force", ws=ws)
s.expect(p, 0, "renewal --force")
s.expect(s.run("undo", "pat", ws=ws), 0, "undo the forced renewal")
s.expect(s.log_ce(ws, "pat", "CE course 4", date="2025-03-04", hours="15"), 0, "CE course 4")
p = s.run("log", "renewal", "pat", "--date", "2026-11-01", ws=ws)
s.expect(p, 0, "renewal once the CE is met")

# --- a CE entry that counts toward nothing: recorded, with why ------------------------------------
p = s.log_ce(ws, "lee", "Before the period", date="2024-06-01")
s.expect(p, 0, "CE before the current period is recorded")
s.check(b"note: it counts toward nothing (ct-rss: before the current period)" in p.stdout, "and says why", p.stdout)
p = s.log_ce(ws, "lee", "In the period", date="2025-06-01")
s.expect(p, 0, "CE in the period")
s.check(b"counts toward nothing" not in p.stdout, "a CE entry that counts has no note", p.stdout)
s.expect(s.run("certify", "old", "ct-rss", "--issued", "2022-01-01", "--force", ws=ws), 0, "certify 'old' (lapsed since)")
p = s.log_ce(ws, "old", "After expiry", date="2025-06-01")
s.expect(p, 0, "CE after the expiry, with no renewal, is recorded")
s.check(b"note: it counts toward nothing (ct-rss: after the current period)" in p.stdout, "and says why", p.stdout)
p = s.log_ce(ws, "old", "After expiry, ethics", date="2025-06-02", extra=["--dry-run"])
s.check(p.returncode == 0 and b"counts toward nothing" not in p.stdout, "--dry-run prints the TOML only", p.stdout)

# --- more than 24 h on one date -------------------------------------------------------------------
lee = record_file(ws, "lee")
s.expect(s.run("log", "training", "lee", "--date", "2025-07-01", "--hours", "20", "--title", "Long day", ws=ws), 0,
         "20 h of training")
before = read_bytes(lee)
p = s.log_ce(ws, "lee", "Evening course", date="2025-07-01", hours="5")
refused(p, "5 h of CE on the same date", lee, before,
        b"training and CE on 2025-07-01 add up to 25 h, more than the 24 h a day holds")
p = s.run("log", "training", "lee", "--date", "2025-07-01", "--hours", "4.5", "--title", "Night", ws=ws)
refused(p, "4.5 h more training on the same date", lee, before, b"add up to 24.5 h")
s.expect(s.run("log", "training", "lee", "--date", "2025-07-01", "--hours", "4", "--title", "Night", ws=ws), 0,
         "24 h in all is a (long) day")
s.expect(s.log_ce(ws, "lee", "Evening course", date="2025-07-01", hours="5", extra=["--force"]), 0, "--force records it")
p = s.run("validate", ws=ws)
s.expect(p, 0, "validate: a warning, not an error")
s.check(b"training and CE on 2025-07-01 add up to 29 h" in p.stdout + p.stderr
        and b"specialists/lee.toml:" in p.stdout + p.stderr, "validate warns at the record", p.stdout + p.stderr)

# --- likely duplicates ------------------------------------------------------------------------------
s.expect(s.log_ce(ws, "lee", "Ethics and Boundaries", date="2025-08-01", hours="2"), 0, "a course")
before = read_bytes(lee)
p = s.log_ce(ws, "lee", "  ethics   AND boundaries ", date="2025-08-01", hours="2")
refused(p, "the same course in other case and spacing", lee, before, b"a matching [[ce]] entry is already recorded")
p = s.log_ce(ws, "lee", "Ethics and boundaries", date="2025-08-01", hours="3")
refused(p, "the same date and title with other hours", lee, before,
        b"a [[ce]] entry of the same date and title with 2 h", b"likely a duplicate")
p = s.run("log", "training", "lee", "--date", "2025-07-01", "--hours", "2", "--title", "long  DAY", ws=ws)
s.expect(p, 1, "training: the same date and title with other hours")
s.expect(s.log_ce(ws, "lee", "Ethics and boundaries, part 2", date="2025-08-01", hours="3"), 0, "another title is fine")
s.expect(s.run("log", "training", "lee", "--date", "2025-09-01", "--hours", "2", ws=ws), 0, "training without a title")
s.expect(s.run("log", "training", "lee", "--date", "2025-09-01", "--hours", "3", ws=ws), 0,
         "training without a title, other hours: not a duplicate")
s.expect(s.log_ce(ws, "lee", "ethics and boundaries", date="2025-08-01", hours="3", extra=["--force"]), 0,
         "--force records a likely duplicate")
doc = parse_toml(read_bytes(lee))
s.check(doc and len(doc["ce"]) == 6, "every CE entry that was not refused is there", doc and doc.get("ce"))
s.finish()
