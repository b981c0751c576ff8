#!/usr/bin/python3
"""`peerctl undo [ID]`: after `add`, `log`, `certify`, `void` (and `edit`, in test_edit.py) the
record is back byte for byte as it was before that write; a second undo redoes it; a change made
since by anything but peerctl is never thrown away (refused, the record byte-identical); the undo
file is peerctl's own (0600, replaced rather than written through, never trusted when it is a link,
someone else's or writable by others).

usage: test_undo.py PEERCTL
"""
import os
import stat
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, read_bytes, record_file, write_bytes  # noqa: E402

s = Suite("undo")
ws = s.workspace(ids=())
path = record_file(ws, "jdoe")
undo_file = os.path.join(ws, "specialists", ".jdoe.toml.undo")


def undo_and_redo(what, before, after):
    """After a write that took the record from `before` to `after` (None: no file)."""
    p = s.run("undo", "jdoe", ws=ws)
    s.expect(p, 0, f"undo after {what}")
    s.check(read_bytes(path) == before, f"undo after {what}: the record is as it was before", read_bytes(path))
    p = s.run("undo", "jdoe", ws=ws)
    s.expect(p, 0, f"undo of the undo after {what}")
    s.check(read_bytes(path) == after, f"a second undo after {what} redoes it", read_bytes(path))


s.expect(s.run("add", "jdoe", "--name", "Person jdoe", "--credential", "ct-rss", ws=ws), 0, "add")
created = read_bytes(path)
undo_and_redo("add", None, created)
st = os.lstat(undo_file)
s.check(stat.S_IMODE(st.st_mode) == 0o600 and stat.S_ISREG(st.st_mode), "the undo file is a regular file, 0600",
        oct(st.st_mode))

steps = [
    ("log", ["log", "ce", "jdoe", "--date", "2025-03-01", "--hours", "2", "--title", "Course one"]),
    ("certify", ["certify", "jdoe", "ct-rss", "--issued", "2025-01-01", "--force"]),
    ("void", ["void", "jdoe", "ce:1", "--reason", "duplicate"]),
]
for what, args in steps:
    before = read_bytes(path)
    s.expect(s.run(*args, ws=ws), 0, what)
    after = read_bytes(path)
    s.check(after != before, f"{what} changed the record")
    undo_and_redo(what, before, after)
    s.validate(ws, f"after undo and redo of {what}")

# --- an outside change since the last peerctl write: refused, nothing lost ---------------------
s.expect(s.log_ce(ws, "jdoe", "Course two", date="2025-03-02"), 0, "log course two")
by_hand = read_bytes(path) + b"# added by hand\n"
write_bytes(path, by_hand)
p = s.run("undo", "jdoe", ws=ws)
s.expect(p, 1, "undo after an outside change")
s.check(b"changed since peerctl last wrote it" in p.stderr, "says why", p.stderr)
s.check(read_bytes(path) == by_hand, "the record keeps the outside change")
s.check(b"Course" not in p.stderr and b"Person" not in p.stderr, "no title or name in the message", p.stderr)

# A failed write leaves the last undo in place; a refused one too.
before = read_bytes(path)
s.expect(s.log_ce(ws, "jdoe", "Course three", date="2025-03-03"), 0, "log course three")
p = s.log_ce(ws, "jdoe", "Course three", date="2025-03-03")
s.expect(p, 1, "a duplicate log is refused")
s.expect(s.run("undo", "jdoe", ws=ws), 0, "undo after a refused write undoes the last write that happened")
s.check(read_bytes(path) == before, "the record is as before 'Course three'")

# --- nothing to undo -----------------------------------------------------------------------------
write_bytes(record_file(ws, "hand"), b'id = "hand"\nname = "Hand Made"\n[credentials.ct-rss]\n')
p = s.run("undo", "hand", ws=ws)
s.expect(p, 1, "undo of a record peerctl never wrote")
s.check(b"nothing to undo" in p.stderr, "says there is nothing to undo", p.stderr)

# --- the undo file is never trusted unless it is peerctl's own ----------------------------------
outside = os.path.join(s.tmp, "outside.txt")
write_bytes(outside, b"not yours\n")
os.chmod(outside, 0o644)
s.expect(s.log_ce(ws, "jdoe", "Course four", date="2025-03-04"), 0, "log course four")
os.unlink(undo_file)
os.symlink(outside, undo_file)
current = read_bytes(path)
p = s.run("undo", "jdoe", ws=ws)
s.expect(p, 1, "undo through an undo file that is a link")
s.check(read_bytes(path) == current, "the record is unchanged")
s.expect(s.log_ce(ws, "jdoe", "Course five", date="2025-03-05"), 0, "log with a link for an undo file")
s.check(read_bytes(outside) == b"not yours\n" and stat.S_IMODE(os.stat(outside).st_mode) == 0o644,
        "the link's target is neither written nor chmod-ed")
s.check(not os.path.islink(undo_file) and stat.S_IMODE(os.lstat(undo_file).st_mode) == 0o600,
        "the link is replaced by a new undo file of peerctl's, 0600")
os.chmod(undo_file, 0o666)
p = s.run("undo", "jdoe", ws=ws)
s.expect(p, 1, "undo with an undo file writable by others")
s.check(b"not one peerctl made for you" in p.stderr, "says why", p.stderr)
os.chmod(undo_file, 0o600)
if os.geteuid() == 0:
    os.chown(undo_file, 65534, 65534)
    p = s.run("undo", "jdoe", ws=ws)
    s.expect(p, 1, "undo with an undo file of another user's")
    s.check(b"not one peerctl made for you" in p.stderr, "says why (another owner)", p.stderr)
    os.chown(undo_file, 0, 0)
write_bytes(undo_file, b"garbage")
p = s.run("undo", "jdoe", ws=ws)
s.expect(p, 1, "undo with a damaged undo file")
s.check(b"damaged" in p.stderr, "says it is damaged", p.stderr)

# A group workspace: the undo file follows the records' mode.
gws = s.workspace(name="gws", ids=("gina",), group=True)
s.expect(s.log_ce(gws, "gina", "Group course"), 0, "log in a group workspace")
mode = stat.S_IMODE(os.lstat(os.path.join(gws, "specialists", ".gina.toml.undo")).st_mode)
s.check(mode == 0o640, "with group = true the undo file is 0640", oct(mode))
s.finish()
