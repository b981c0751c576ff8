#!/usr/bin/python3
"""`peerctl void [ID] REF --reason TEXT`: the entry stays, with `void` and `voided` inserted under
its own [[kind]] header line and not a byte else changed; it counts toward nothing (status,
entries, transcripts); every refusal leaves the record byte-identical and names no note.

usage: test_void.py PEERCTL
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import AS_OF, Suite, parse_toml, read_bytes, record_file, write_bytes  # noqa: E402

s = Suite("void")
ws = s.workspace(ids=("jdoe",), credential="icrc-pr")
path = record_file(ws, "jdoe")


def ce_counted(ident="jdoe"):
    p = s.run("status", ident, "--format", "json", ws=ws)
    return json.loads(p.stdout)["specialists"][0]["credentials"][0]["ce"]["counted_hours"] if p.returncode == 0 else None


s.expect(s.run("certify", "jdoe", "icrc-pr", "--issued", "2025-01-01", "--force", ws=ws), 0, "certify")
for title, hours in (("Ethics one", "2"), ("Private note title", "3"), ("Ethics three", "1.5")):
    s.expect(s.log_ce(ws, "jdoe", title, date="2025-06-01", hours=hours, extra=["--topic", "ethics"]), 0, f"log {title}")
s.check(ce_counted() == 6.5, "before: 6.5 h counted", ce_counted())

# --- the entry is voided in place ----------------------------------------------------------------
before = read_bytes(path)
p = s.run("void", "jdoe", "ce:2", "--reason", "duplicate", ws=ws)
s.expect(p, 0, "void jdoe ce:2")
s.check(b"voided ce:2" in p.stdout, "the line printed says what was voided", p.stdout)
after = read_bytes(path)
lines_before, lines_after = before.split(b"\n"), after.split(b"\n")
headers = [i for i, line in enumerate(lines_before) if line == b"[[ce]]"]
at = headers[1] + 1
s.check(lines_after[:at] + lines_after[at + 2:] == lines_before, "only two lines are added", after)
s.check(lines_after[at:at + 2] == [b'void = "duplicate"', f"voided = {AS_OF}".encode()],
        "they are void and voided, right under the second [[ce]] header", lines_after[at:at + 2])
doc = parse_toml(after)
s.check(doc and doc["ce"][1].get("void") == "duplicate" and "void" not in doc["ce"][0], "the TOML reads back", doc)
s.validate(ws, "after void")
s.check(ce_counted() == 3.5, "a void entry counts toward nothing: 3.5 h counted", ce_counted())
p = s.run("entries", "jdoe", "--format", "json", ws=ws)
rows = {r["ref"]: r for r in json.loads(p.stdout)["entries"]} if p.returncode == 0 else {}
s.check(rows.get("ce:2", {}).get("void") == "duplicate" and rows["ce:2"]["counts_for"] == []
        and rows["ce:2"]["not_counted"] == [{"credential": "icrc-pr", "reason": "void: duplicate"}],
        "entries shows it void, counting toward nothing", rows.get("ce:2"))
s.check(rows.get("ce:1", {}).get("counts_for") == ["icrc-pr"], "the others still count", rows.get("ce:1"))
p = s.run("report", "transcript", "jdoe", ws=ws)
s.check(b"[VOID " + AS_OF.encode() + b": duplicate] Private note title" in p.stdout, "the transcript shows it struck out",
        p.stdout)

# --- refusals: exit code, the reason, the record byte-identical, no note in the message ----------
REFUSALS = [
    (["void", "jdoe", "ce:2", "--reason", "again"], 1, b"ce:2 is already void"),
    (["void", "jdoe", "ce:9", "--reason", "x"], 1, b"no entry ce:9"),
    (["void", "jdoe", "exam:1", "--reason", "x"], 1, b"no entry exam:1"),
    (["void", "jdoe", "ce:0", "--reason", "x"], 2, b"not an entry reference"),
    (["void", "jdoe", "course:1", "--reason", "x"], 2, b"not an entry reference"),
    (["void", "jdoe", "ce:1", "--reason", "  "], 2, b"must not be blank"),
    (["void", "jdoe", "ce:1"], 2, b"--reason"),
    (["void", "nobody", "ce:1", "--reason", "x"], 1, b"no record for 'nobody'"),
    (["void", "../x", "ce:1", "--reason", "x"], 2, b"not a valid id"),
]
for args, rc, said in REFUSALS:
    before = read_bytes(path)
    p = s.run(*args, ws=ws)
    what = " ".join(args)
    s.expect(p, rc, what)
    s.check(said in p.stderr, f"{what}: says {said!r}", p.stderr)
    s.check(read_bytes(path) == before, f"{what}: the record is byte-identical")
    s.check(b"Private note" not in p.stderr and b"Person jdoe" not in p.stderr, f"{what}: no title or name in the message")

# Comments, CRLF line ends and the other entries stay as written.
crlf = (b'id = "crlf"\r\nname = "Crlf Person"\r\n\r\n[credentials.icrc-pr]\r\nissued = 2025-01-01\r\n\r\n'
        b'# a comment the user wrote\r\n[[ce]]   # trailing comment\r\ndate = 2025-06-01\r\nhours = 1\r\ntitle = "x"\r\n')
write_bytes(record_file(ws, "crlf"), crlf)
s.expect(s.run("void", "crlf", "ce:1", "--reason", "wrong day", ws=ws), 0, "void in a CRLF file")
s.check(read_bytes(record_file(ws, "crlf")) == crlf.replace(b"# trailing comment\r\n", b'# trailing comment\r\nvoid = "wrong day"\r\nvoided = '
                                                            + AS_OF.encode() + b"\r\n"),
        "CRLF: the two lines are inserted with CRLF, the comments kept", read_bytes(record_file(ws, "crlf")))

# An entry not written as a [[ce]] header line cannot be extended by inserting lines.
inline = b'id = "inl"\nname = "Inline Person"\nce = [{date = 2025-06-01, hours = 1, title = "x"}]\n[credentials.icrc-pr]\n'
write_bytes(record_file(ws, "inl"), inline)
p = s.run("void", "inl", "ce:1", "--reason", "x", ws=ws)
s.expect(p, 1, "void of an inline-table entry")
s.check(b"not written as a [[ce]] table header line" in p.stderr, "says why", p.stderr)
s.check(read_bytes(record_file(ws, "inl")) == inline, "the inline record is byte-identical")

# A record with errors is not written to.
broken = b'id = "brk"\nname = "Broken Person"\n[credentials.icrc-pr]\n[[ce]]\ndate = 2025-06-01\nhours = -1\ntitle = "x"\n'
write_bytes(record_file(ws, "brk"), broken)
p = s.run("void", "brk", "ce:1", "--reason", "x", ws=ws)
s.expect(p, 1, "void on a record with errors")
s.check(b"specialists/brk.toml:6:9: error:" in p.stderr, "the error is reported at its position", p.stderr)
s.check(read_bytes(record_file(ws, "brk")) == broken, "the broken record is byte-identical")

# ID defaults to `me`.
cfg = os.path.join(s.tmp, "config", "peerctl")
os.makedirs(cfg, exist_ok=True)
write_bytes(os.path.join(cfg, "config.toml"), 'me = "jdoe"\n')
p = s.run("void", "ce:3", "--reason", "me default", ws=ws)
s.expect(p, 0, "void ce:3 with me = jdoe")
s.check(parse_toml(read_bytes(path))["ce"][2].get("void") == "me default", "me's ce:3 is void")
s.finish()
