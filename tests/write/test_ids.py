#!/usr/bin/python3
"""Ids that are not [a-z0-9][a-z0-9_-]{0,63} are refused before any path is built from them: every
writing command exits 2 with a message, and no file anywhere is created or changed (the whole
scratch tree is compared, directory mtimes included, and the absolute paths an id could reach).

usage: test_ids.py PEERCTL
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, record_file, snapshot, snapshot_diff, write_bytes  # noqa: E402

s = Suite("ids")
ws = s.workspace()
os.makedirs(os.path.join(ws, "specialists", "a"))  # so that "a/b" would have somewhere to go

# (An id holding a NUL cannot be passed through argv; "a\x01" stands in for control characters.)
BAD = ["../x", "../../x", "/etc/passwd", "/tmp/x", "a/b", "", "X", "Jdoe", "a" * 65, "a\x01", "a\x7f", "a\n",
       ".", "..", ".hidden", "_a", "a.b", "a b", "a\\b", "ünï", "jdoe/../jdoe", "jdoe.toml", "-a", "a\x1b[31m"]
# Each writing command, with BAD standing for the id.
COMMANDS = [
    ["add", None, "--name", "N", "--credential", "ct-rss"],
    ["log", "ce", None, "--date", "2025-01-01", "--hours", "1", "--title", "t"],
    ["log", "training", None, "--date", "2025-01-01", "--hours", "1"],
    ["log", "exam", None, "--date", "2025-01-01", "--result", "passed"],
    ["log", "experience", None, "--date", "2025-01-01", "--hours", "1", "--kind", "work"],
    ["log", "renewal", None, "--date", "2025-01-01"],
    ["certify", None, "ct-rss", "--issued", "2025-01-01"],
]
OUTSIDE = ["/x.toml", "/etc/passwd.toml", "/tmp/x.toml", os.path.join(s.tmp, "x.toml"), os.path.join(ws, "x.toml")]
outside_before = {p: os.path.lexists(p) for p in OUTSIDE}


def refused(args, what):
    before = snapshot(s.tmp)
    p = s.run(*args, ws=ws)
    s.expect(p, 2, what)
    s.check(p.stderr.strip(), f"{what}: a message on stderr")
    s.check(b"\x01" not in p.stderr and b"\x1b" not in p.stderr and b"\x7f" not in p.stderr,
            f"{what}: the message shows control characters escaped", p.stderr)
    diff = snapshot_diff(before, snapshot(s.tmp))
    s.check(not diff, f"{what}: no file is created or changed", diff)
    return p


for bad in BAD:
    for template in COMMANDS:
        args = [bad if a is None else a for a in template]
        if bad.startswith("-"):  # after `--`, so that it is read as the id, not an option
            args = [a for a in template if a is not None]
            args = args[:args.index("ct-rss")] + args[args.index("ct-rss") + 1:] + ["--", bad, "ct-rss"] \
                if template[0] == "certify" else args + ["--", bad]
        p = refused(args, f"{' '.join(template[:2] if template[1] else template[:1])} {bad!r}")
        if bad and not bad.startswith("-"):  # else "no ID given" or the option parser's own message
            s.check(b"not a valid id" in p.stderr, f"{args[0]} {bad!r}: the message says the id is not valid", p.stderr)

# An empty id must not fall back to `me` (a script's empty variable would write to someone else).
config = os.path.join(s.tmp, "config", "peerctl")
os.makedirs(config)
write_bytes(os.path.join(config, "config.toml"), b'me = "jdoe"\n')
for template in COMMANDS[1:]:
    args = ["" if a is None else a for a in template]
    refused(args, f"{' '.join(a for a in template[:2] if a)} '' with me = \"jdoe\" in the user config")

# A `me` in the user config that is not a valid id is refused the same way.
write_bytes(os.path.join(config, "config.toml"), b'me = "../x"\n')
for template in COMMANDS[1:6]:
    args = [a for a in template if a is not None]
    refused(args, f"{' '.join(a for a in template[:2] if a)} with me = \"../x\" in the user config")

# Credential ids are checked as well.
refused(["add", "newp", "--name", "N", "--credential", "../x"], "add --credential '../x'")
refused(["certify", "jdoe", "../x", "--issued", "2025-01-01"], "certify jdoe '../x'")

for p, existed in outside_before.items():
    s.check(os.path.lexists(p) == existed, f"{p} was not created")
# The valid id still works (the refusals above are not a broken command line).
s.expect(s.run("log", "ce", "jdoe", "--date", "2025-01-02", "--hours", "1", "--title", "valid", ws=ws), 0,
         "log ce jdoe")
s.expect(s.run("add", "a" * 64, "--name", "Sixty Four", "--credential", "ct-rss", ws=ws), 0, "add with a 64-character id")
s.expect(s.run("add", "0-a_b", "--name", "Digits First", "--credential", "ct-rss", ws=ws), 0, "add '0-a_b'")
s.check(os.path.isfile(record_file(ws, "0-a_b")), "the record for '0-a_b' exists")

s.finish()
