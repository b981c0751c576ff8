#!/usr/bin/python3
"""Writes that must not happen: through a symbolic link (exit 1, the link's target unchanged); with
--dry-run (the TOML is printed, nothing is written); a likely duplicate or a future date unless
--force (exit 1, the record byte-identical); a record that already has errors.

usage: test_refusals.py PEERCTL
"""
import datetime
import os
import stat
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import (AS_OF, Suite, leftovers, parse_toml, read_bytes, record_file, snapshot,  # noqa: E402
                     snapshot_diff, write_bytes)

s = Suite("refusals")
ws = s.workspace()
specialists = os.path.join(ws, "specialists")
RECORD = b'id = "lnk"\nname = "Linked Person"\n\n[credentials.ct-rss]\n'


def unchanged(before, what, lock_of=None):
    """No file created or changed; except, with lock_of, that record's lock file (an empty file that
    never blocks a later write) and so the mtime of its directory."""
    after = snapshot(s.tmp)
    if lock_of:
        lock = os.path.join("ws", "specialists", f".{lock_of}.lock")
        if lock not in before:
            after.pop(lock, None)
            after[os.path.join("ws", "specialists")] = before[os.path.join("ws", "specialists")]
    diff = snapshot_diff(before, after)
    return s.check(not diff, f"{what}: no file is created or changed", diff)


# --- symbolic links ----------------------------------------------------------------------------
outside = os.path.join(s.tmp, "outside")
os.makedirs(outside)
target = os.path.join(outside, "lnk.toml")
write_bytes(target, RECORD)
os.chmod(target, 0o644)
for kind, link_to in (("absolute", target), ("relative", "../../outside/lnk.toml")):
    link = record_file(ws, "lnk")
    os.symlink(link_to, link)
    for args in (["log", "ce", "lnk", "--date", "2025-01-01", "--hours", "1", "--title", "through a link"],
                 ["certify", "lnk", "ct-rss", "--issued", "2025-01-01"],
                 ["add", "lnk", "--name", "Again", "--credential", "ct-rss"]):
        before = snapshot(s.tmp)
        p = s.run(*args, ws=ws)
        what = f"{args[0]} on a record that is a symbolic link ({kind})"
        s.expect(p, 1, what)
        s.check(b"link" in p.stderr, f"{what}: the message says why", p.stderr)
        s.check(read_bytes(target) == RECORD, f"{what}: the link's target is byte-identical")
        s.check(os.path.islink(link) and os.readlink(link) == link_to, f"{what}: the link is still the same link")
        unchanged(before, what)
    os.unlink(link)

# A dangling link where a new record would go: add must not create the file it points to.
nowhere = os.path.join(outside, "nowhere.toml")
os.symlink(nowhere, record_file(ws, "dangle"))
before = snapshot(s.tmp)
p = s.run("add", "dangle", "--name", "Dangling", "--credential", "ct-rss", ws=ws)
s.expect(p, 1, "add where a dangling symbolic link is")
s.check(not os.path.lexists(nowhere), "add did not create the dangling link's target")
unchanged(before, "add where a dangling symbolic link is")
os.unlink(record_file(ws, "dangle"))

# A lock file that is a symbolic link: whatever log does, the file it points to is left alone.
victim = os.path.join(outside, "victim")
write_bytes(victim, b"keep me\n")
os.chmod(victim, 0o644)
lock = os.path.join(specialists, ".jdoe.lock")
os.unlink(lock)
os.symlink(victim, lock)
rec = record_file(ws, "jdoe")
before_rec = read_bytes(rec)
p = s.log_ce(ws, "jdoe", "lock is a link")
s.check(p.returncode in (0, 1), f"log with a symbolic link as lock file: exit {p.returncode}", p.stderr)
s.check(read_bytes(victim) == b"keep me\n" and stat.S_IMODE(os.stat(victim).st_mode) == 0o644,
        "log with a symbolic link as lock file: the link's target is unchanged (content and mode)")
s.check(read_bytes(rec) == before_rec if p.returncode else read_bytes(rec).startswith(before_rec),
        "log with a symbolic link as lock file: the record is unchanged, or appended to on success")
os.unlink(lock) if os.path.islink(lock) else None

# --- --dry-run -----------------------------------------------------------------------------------
# A record written by hand, with no lock file yet: a dry run must create nothing at all.
write_bytes(record_file(ws, "dry"), b'id = "dry"\nname = "Dry Run"\n[credentials.ct-rss]\n')
DRY = {
    "ce": (["--date", "2025-02-03", "--hours", "1.5", "--title", 'Dry "run"\n\x01', "--topic", "ethics"],
           {"date": datetime.date(2025, 2, 3), "hours": 1.5, "title": 'Dry "run"\n\x01', "topics": ["ethics"]}),
    "training": (["--date", "2025-02-03", "--hours", "8", "--title", "Core"],
                 {"date": datetime.date(2025, 2, 3), "hours": 8, "title": "Core"}),
    "exam": (["--date", "2025-02-03", "--result", "passed", "--score", "90"],
             {"date": datetime.date(2025, 2, 3), "result": "passed", "score": 90}),
    "experience": (["--date", "2025-02-03", "--hours", "40", "--kind", "volunteer"],
                   {"date": datetime.date(2025, 2, 3), "hours": 40, "kind": "volunteer"}),
}
for table, (args, want) in DRY.items():
    before = snapshot(s.tmp)
    p = s.run("log", table, "dry", "--dry-run", *args, ws=ws)
    what = f"log {table} --dry-run"
    s.expect(p, 0, what)
    doc = parse_toml(p.stdout)
    s.check(doc is not None and doc.get(table, [{}])[0] == want, f"{what}: prints the entry as TOML", p.stdout)
    s.check(p.stdout.lstrip().startswith(f"[[{table}]]".encode()), f"{what}: the TOML is the [[{table}]] entry", p.stdout)
    unchanged(before, what)
before = snapshot(s.tmp)
p = s.run("add", "newdry", "--name", "New Dry", "--credential", "ct-rss", "--dry-run", ws=ws)
s.expect(p, 0, "add --dry-run")
s.check((parse_toml(p.stdout) or {}).get("id") == "newdry", "add --dry-run prints the record", p.stdout)
unchanged(before, "add --dry-run")
p = s.run("certify", "dry", "ct-rss", "--issued", "2025-01-01", "--number", "RSS-1", "--dry-run", "--force", ws=ws)
s.expect(p, 0, "certify --dry-run")
unchanged(before, "certify --dry-run")

# --- duplicates ----------------------------------------------------------------------------------
ENTRY = ["--date", "2025-03-01", "--hours", "2", "--title", "Ethics and boundaries"]
s.expect(s.run("log", "ce", "jdoe", *ENTRY, ws=ws), 0, "log a course")
for label, args in (("the same course again", ENTRY),
                    ("the same course, hours written 2.00", ["--date", "2025-03-01", "--hours", "2.00", "--title",
                                                             "Ethics and boundaries"]),
                    ("the same course as a dry run", ENTRY + ["--dry-run"])):
    before = snapshot(s.tmp)
    p = s.run("log", "ce", "jdoe", *args, ws=ws)
    if "--dry-run" not in args:
        s.expect(p, 1, f"log {label}")
        s.check(b"duplicate" in p.stderr and b"--force" in p.stderr, f"log {label}: says it is a likely duplicate, "
                "and how to record it anyway", p.stderr)
    unchanged(before, f"log {label}")
# A matching entry written by hand in another form is a duplicate too.
text = read_bytes(rec) + b"\n[[training]]\ntitle = 'Core day 1'\nhours = 8.0\ndate = 2024-01-09\n"
write_bytes(rec, text)
before = snapshot(s.tmp)
p = s.run("log", "training", "jdoe", "--date", "2024-01-09", "--hours", "8", "--title", "Core day 1", ws=ws)
s.expect(p, 1, "log a training day already written by hand")
unchanged(before, "log a training day already written by hand")
# Not duplicates: another day, another title. (Other hours on the same date and title are:
# test_guards.py.)
for i, args in enumerate((["--date", "2025-03-02", "--hours", "2", "--title", "Ethics and boundaries"],
                          ["--date", "2025-03-01", "--hours", "2", "--title", "Ethics and boundaries, part 2"])):
    s.expect(s.run("log", "ce", "jdoe", *args, ws=ws), 0, f"log a course that is not a duplicate (#{i})")
before = read_bytes(rec)
p = s.run("log", "ce", "jdoe", *ENTRY, "--force", ws=ws)
s.expect(p, 0, "log the same course again with --force")
ce = (parse_toml(read_bytes(rec)) or {}).get("ce", [])
s.check(sum(1 for e in ce if e.get("title") == "Ethics and boundaries" and e.get("hours") == 2
            and e.get("date") == datetime.date(2025, 3, 1)) == 2, "with --force the duplicate is recorded")
s.check(read_bytes(rec).startswith(before), "with --force the record was appended to")

# --- dates in the future (as of AS_OF) -----------------------------------------------------------
today = datetime.date.fromisoformat(AS_OF)
tomorrow = (today + datetime.timedelta(days=1)).isoformat()
FUTURE = [
    ["ce", "--date", tomorrow, "--hours", "1", "--title", "Tomorrow"],
    ["training", "--date", tomorrow, "--hours", "1"],
    ["experience", "--date", "2030-01-01", "--hours", "1", "--kind", "work"],
    ["exam", "--date", tomorrow, "--result", "passed"],
]
for args in FUTURE:
    before = snapshot(s.tmp)
    p = s.run("log", args[0], "jdoe", *args[1:], ws=ws)
    what = f"log {args[0]} dated {args[2]} (after {AS_OF})"
    s.expect(p, 1, what)
    s.check(b"future" in p.stderr and b"--force" in p.stderr, f"{what}: says the date is in the future", p.stderr)
    unchanged(before, what)
    p = s.run("log", args[0], "jdoe", *args[1:], "--force", ws=ws)
    s.expect(p, 0, f"{what} with --force")
s.expect(s.run("log", "ce", "jdoe", "--date", AS_OF, "--hours", "1", "--title", "Today", ws=ws), 0, "log dated today")
s.expect(s.run("log", "exam", "jdoe", "--date", "2027-01-05", "--result", "scheduled", ws=ws), 0,
         "log a scheduled exam in the future")

# --- a record that already has errors ------------------------------------------------------------
write_bytes(record_file(ws, "broken"), b'id = "broken"\nname = "Broken"\n[credentials.ct-rss]\n'
                                       b'[[ce]]\ndate = 2025-01-01\nhours = -2\ntitle = "negative"\n')
before = snapshot(s.tmp)
p = s.log_ce(ws, "broken", "more")
s.expect(p, 1, "log to a record with errors")
s.check(b"broken.toml" in p.stderr, "log to a record with errors: names the file", p.stderr)
unchanged(before, "log to a record with errors", lock_of="broken")
write_bytes(record_file(ws, "broken"), b'id = "broken"\nname = "Broken"\n[[ce]\n')
before = snapshot(s.tmp)
s.expect(s.log_ce(ws, "broken", "more"), 1, "log to a record that does not parse")
unchanged(before, "log to a record that does not parse", lock_of="broken")
before = snapshot(s.tmp)
s.expect(s.log_ce(ws, "nobody", "more"), 1, "log to a record that does not exist")
unchanged(before, "log to a record that does not exist")

s.check(leftovers(specialists) == [], "no temporary or backup file is left", leftovers(specialists))
s.finish()
