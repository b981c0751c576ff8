#!/usr/bin/python3
"""`peerctl log` appends: the old bytes are a prefix of the new file, the file parses (by Python's
own TOML parser and by `peerctl validate`), and the entry reads back equal, whatever its text holds.

usage: test_append.py PEERCTL
"""
import datetime
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, day, leftovers, parse_toml, read_bytes, record_file, show, write_bytes  # noqa: E402

s = Suite("append")
ws = s.workspace()
path = record_file(ws, "jdoe")

HOSTILE = [
    'He said "hello"',
    "back\\slash, \\n and \\u0041 stay literal",
    "C:\\temp\\new\\table",
    "ends with a backslash \\",
    "line one\nline two",
    "tab\there",
    "crlf\r\nand lone cr\r",
    "control \x01 \x02 \x1f end",
    "del \x7f end",
    "bell \x07 bs \x08 ff \x0c vt \x0b esc \x1b[31mred",
    "ünïcödé – “quotes” — ½ ß",
    "emoji 🎉 👩🏽‍⚕️ 🏳️‍🌈",
    "漢字 and a zero-width no-break space \ufeff inside",
    "\u2028 line separator, \u2029 paragraph, \u0085 NEL",
    '"""triple quotes"""',
    "'''literal''' and 'single'",
    "# not a comment",
    'x"\n[[ce]]\ndate = 2020-01-01\nhours = 99\ntitle = "injected',
    "]]\n[credentials.ny-crpa]\n",
    "   leading and trailing spaces   ",
    "=" * 10 + " " + "long " * 200,
]
HOURS = ["1", "0.5", "1.25", "2.75", "0.01", "12"]

entries = 1  # the record starts with no [[ce]]; counted from 1 below
for i, title in enumerate(HOSTILE):
    before = read_bytes(path)
    date = day(i)
    hours = HOURS[i % len(HOURS)]
    provider = HOSTILE[(i + 7) % len(HOSTILE)]
    p = s.log_ce(ws, "jdoe", title, date=date, hours=hours, extra=["--provider", provider, "--approval", title[:40]])
    what = f"title #{i} {title[:30]!r}"
    if not s.expect(p, 0, f"log {what}"):
        continue
    after = read_bytes(path)
    s.check(after.startswith(before), f"{what}: the old bytes are a prefix of the new file")
    s.check(after.endswith(b"\n"), f"{what}: the file ends with a newline")
    doc = parse_toml(after)
    if not s.check(doc is not None, f"{what}: the file parses as TOML", after[len(before):]):
        continue
    ce = doc.get("ce", [])
    s.check(len(ce) == i + 1, f"{what}: {len(ce)} [[ce]] entries, expected {i + 1} (one added, no injection)")
    last = ce[-1] if ce else {}
    s.check(last.get("title") == title, f"{what}: the title reads back equal", repr(last.get("title")))
    s.check(last.get("provider") == provider, f"{what}: the provider reads back equal", repr(last.get("provider")))
    s.check(last.get("approval") == title[:40], f"{what}: the approval reads back equal", repr(last.get("approval")))
    s.check(last.get("date") == datetime.date.fromisoformat(date), f"{what}: the date reads back equal", last.get("date"))
    s.check(last.get("hours") == float(hours) and type(last.get("hours")) is (int if "." not in hours else float),
            f"{what}: hours {hours} read back equal", repr(last.get("hours")))
    if i % 5 == 0 or i == len(HOSTILE) - 1:
        s.validate(ws, f"after {what}")

# The entry printed on success names it; nothing else in the file changed.
s.validate(ws, "after all hostile titles")
s.check(leftovers(os.path.dirname(path)) == [], "no temporary or backup file is left", leftovers(os.path.dirname(path)))

# Text that is not UTF-8 is refused before it reaches the file.
before = read_bytes(path)
p = s.run("log", "ce", "jdoe", "--date", "2025-02-01", "--hours", "1", "--title", b"bad \xff\xfe utf-8", ws=ws)
s.expect(p, 2, "log with a title that is not UTF-8")
s.check(b"UTF-8" in p.stderr, "the refusal says the title is not UTF-8", p.stderr)
s.check(read_bytes(path) == before, "the record is byte-identical after a non-UTF-8 title")

# Other tables, with their own keys.
OTHERS = [
    (["training", "jdoe", "--date", "2024-01-09", "--hours", "8", "--title", 'RSS "core"\nday 1', "--provider", "AU\\x",
      "--domain", "ethics"], "training", {"hours": 8, "title": 'RSS "core"\nday 1', "provider": "AU\\x", "domain": "ethics"}),
    (["exam", "jdoe", "--date", "2024-03-02", "--result", "passed", "--score", "81", "--credential", "ct-rss"], "exam",
     {"result": "passed", "score": 81, "credential": "ct-rss"}),
    (["experience", "jdoe", "--date", "2024-02-28", "--hours", "40.5", "--kind", "work", "--title", "ward\t7 🏥"],
     "experience", {"hours": 40.5, "kind": "work", "title": "ward\t7 🏥"}),
    (["ce", "jdoe", "--date", "2025-03-01", "--hours", "3", "--title", "Topics", "--topic", "ethics",
      "--delivery", "live-online", "--evidence", "evidence/jdoe/a b.pdf"], "ce",
     {"hours": 3, "topics": ["ethics"], "delivery": "live-online", "evidence": "evidence/jdoe/a b.pdf"}),
]
for args, table, want in OTHERS:
    before = read_bytes(path)
    p = s.run("log", *args, ws=ws)
    if not s.expect(p, 0, f"log {table}"):
        continue
    after = read_bytes(path)
    s.check(after.startswith(before), f"log {table}: the old bytes are a prefix of the new file")
    doc = parse_toml(after) or {}
    entry = (doc.get(table) or [{}])[-1]
    got = {k: entry.get(k) for k in want}
    s.check(got == want, f"log {table}: the entry reads back equal", f"{got} != {want}")
    s.check(entry.get("date") == datetime.date.fromisoformat(args[args.index("--date") + 1]), f"log {table}: the date reads back")
s.validate(ws, "after the other tables")

# Records written by hand: no final newline, a comment on the last line, CRLF line ends.
HAND = {
    "nonl": b'id = "nonl"\nname = "No Newline"\n[credentials.ct-rss]',
    "comment": b'id = "comment"\nname = "Ends In A Comment"\n\n[credentials.ct-rss]\n# the last line is a comment',
    "crlf": b'# written on Windows\r\nid = "crlf"\r\nname = "Crlf Person"\r\n\r\n[credentials.ct-rss]\r\n\r\n'
            b'[[ce]]\r\ndate = 2024-05-05\r\nhours = 2\r\ntitle = "First"\r\n',
    "literal": b"id = 'literal'\nname = '''Multi\nline'''\n[credentials]\nct-rss = {}\n[[ce]] # trailing comment\n"
               b"date = 2024-05-05\nhours = 2\ntitle = 'C:\\path'\n\n\n",
}
for ident, text in HAND.items():
    p = record_file(ws, ident)
    write_bytes(p, text)
    os.chmod(p, 0o600)
    before_doc = parse_toml(text)
    r = s.log_ce(ws, ident, f"after {ident}", date="2025-04-01", hours="1.5")
    if not s.expect(r, 0, f"log to the hand-written record '{ident}'"):
        continue
    after = read_bytes(p)
    s.check(after.startswith(text), f"'{ident}': the old bytes are a prefix of the new file", after)
    doc = parse_toml(after)
    if not s.check(doc is not None, f"'{ident}': the file parses as TOML", after):
        continue
    old_ce = before_doc.get("ce", [])
    s.check(doc.get("ce", [])[:-1] == old_ce, f"'{ident}': the earlier entries read the same")
    s.check(len(doc.get("ce", [])) == len(old_ce) + 1, f"'{ident}': exactly one entry was added", doc.get("ce"))
    s.check(doc.get("ce", [{}])[-1].get("title") == f"after {ident}", f"'{ident}': the new entry reads back", after[len(text):])
    s.check({k: v for k, v in doc.items() if k != "ce"} == {k: v for k, v in before_doc.items() if k != "ce"},
            f"'{ident}': the other keys read the same")
s.validate(ws, "after the hand-written records")

# A CRLF record stays CRLF: the appended lines (and the lines certify inserts) end in CRLF too,
# no bare LF anywhere.
p = record_file(ws, "crlf")
added = (read_bytes(p) or b"")[len(HAND["crlf"]):]
s.check(added and b"\n" not in added.replace(b"\r\n", b""), "'crlf': the appended lines end in CRLF", added)
r = s.run("certify", "crlf", "ct-rss", "--issued", "2025-04-02", "--force", ws=ws)
s.expect(r, 0, "certify the CRLF record")
after = read_bytes(p) or b""
s.check(b"[credentials.ct-rss]\r\nissued = 2025-04-02\r\n" in after, "'crlf': certify inserts CRLF lines", after)
s.check(b"\n" not in after.replace(b"\r\n", b""), "'crlf': no bare LF in the file after log and certify", after)

s.finish()
