#!/usr/bin/python3
"""`log ce --evidence FILE`: a file outside the workspace is copied to `evidence/<id>/` (0600, the
directories peerctl makes 0700, whatever the umask; a taken name gets "-2"; never through a link)
and the record names the copy with its `evidence_sha256`; an absolute path inside the workspace is
recorded relative to it; a path in the workspace gets its hash when the file is there; a refused
log leaves no copy behind; `validate` warns when the file changes afterwards.

usage: test_evidence.py PEERCTL
"""
import hashlib
import os
import stat
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, parse_toml, read_bytes, record_file, write_bytes  # noqa: E402

s = Suite("evidence")
ws = s.workspace(ids=("jdoe", "mlee"))
path = record_file(ws, "jdoe")
downloads = os.path.join(s.tmp, "downloads")
os.makedirs(downloads)
cert = os.path.join(downloads, "ethics-certificate.pdf")
content = b"%PDF-1.4 certificate of completion\n"
write_bytes(cert, content)
sha = hashlib.sha256(content).hexdigest()


def last_ce(ident="jdoe"):
    doc = parse_toml(read_bytes(record_file(ws, ident))) or {}
    return (doc.get("ce") or [{}])[-1]


def mode(p):
    return stat.S_IMODE(os.lstat(p).st_mode)


# --- a file outside the workspace is copied in ----------------------------------------------------
old_umask = os.umask(0)  # the modes hold whatever the umask
p = s.log_ce(ws, "jdoe", "Ethics", extra=["--evidence", cert])
os.umask(old_umask)
s.expect(p, 0, "log --evidence with a file outside the workspace")
copy = os.path.join(ws, "evidence", "jdoe", "ethics-certificate.pdf")
s.check(read_bytes(copy) == content, "the file is copied to evidence/jdoe/", read_bytes(copy))
s.check(last_ce().get("evidence") == "evidence/jdoe/ethics-certificate.pdf" and last_ce().get("evidence_sha256") == sha,
        "the record names the copy and its SHA-256", last_ce())
s.check(mode(copy) == 0o600, "the copy is 0600", oct(mode(copy)))
s.check(mode(os.path.join(ws, "evidence")) == 0o700 and mode(os.path.join(ws, "evidence", "jdoe")) == 0o700,
        "the directories made for it are 0700")
s.check(read_bytes(cert) == content, "the original is untouched")
s.check(str(downloads).encode() not in p.stdout + p.stderr, "the original's path is not shown", p.stdout + p.stderr)
s.validate(ws, "after a copied evidence file")

# The same name again: a copy of its own, never over the first.
write_bytes(cert, content + b"page 2\n")
s.expect(s.log_ce(ws, "jdoe", "Ethics, part 2", extra=["--evidence", cert]), 0, "a second file of the same name")
s.check(last_ce().get("evidence") == "evidence/jdoe/ethics-certificate-2.pdf", "it is named -2", last_ce())
s.check(read_bytes(copy) == content, "the first copy is unchanged")

# --- a refused log leaves no copy; --dry-run makes none ---------------------------------------------
before = read_bytes(path)
p = s.log_ce(ws, "jdoe", "Ethics", extra=["--evidence", cert])
s.expect(p, 1, "a duplicate with --evidence is refused")
s.check(read_bytes(path) == before and not os.path.exists(os.path.join(ws, "evidence", "jdoe", "ethics-certificate-3.pdf")),
        "the refused log leaves neither an entry nor a copy", sorted(os.listdir(os.path.join(ws, "evidence", "jdoe"))))
p = s.log_ce(ws, "mlee", "Dry", extra=["--evidence", cert, "--dry-run"])
s.expect(p, 0, "--dry-run with a file outside")
s.check(b'evidence = "evidence/mlee/ethics-certificate.pdf"' in p.stdout and b"evidence_sha256" in p.stdout,
        "--dry-run prints where the copy would go and its hash", p.stdout)
s.check(not os.path.exists(os.path.join(ws, "evidence", "mlee")), "--dry-run copies nothing")

# --- never through a link -----------------------------------------------------------------------------
elsewhere = os.path.join(s.tmp, "elsewhere")
os.makedirs(elsewhere)
os.symlink(elsewhere, os.path.join(ws, "evidence", "mlee"))
before = read_bytes(record_file(ws, "mlee"))
p = s.log_ce(ws, "mlee", "Linked", extra=["--evidence", cert])
s.expect(p, 1, "evidence/mlee is a symbolic link")
s.check(os.listdir(elsewhere) == [] and read_bytes(record_file(ws, "mlee")) == before,
        "nothing is written through the link, nor to the record", os.listdir(elsewhere))
os.unlink(os.path.join(ws, "evidence", "mlee"))
p = s.log_ce(ws, "mlee", "A directory", extra=["--evidence", downloads])
s.expect(p, 1, "--evidence naming a directory")
s.check(not os.path.exists(os.path.join(ws, "evidence", "mlee")), "the refused copy leaves no directory behind")

# --- inside the workspace: recorded relative, with its hash when the file is there ---------------------
inside = os.path.join(ws, "evidence", "jdoe", "scan.txt")
write_bytes(inside, b"scan\n")
s.expect(s.log_ce(ws, "jdoe", "Inside", extra=["--evidence", inside]), 0, "an absolute path inside the workspace")
s.check(last_ce().get("evidence") == "evidence/jdoe/scan.txt"
        and last_ce().get("evidence_sha256") == hashlib.sha256(b"scan\n").hexdigest(),
        "recorded relative to the workspace, with its hash, and not copied", last_ce())
s.expect(s.log_ce(ws, "jdoe", "Relative", extra=["--evidence", "evidence/jdoe/later.pdf"]), 0, "a file to come")
s.check(last_ce().get("evidence") == "evidence/jdoe/later.pdf" and "evidence_sha256" not in last_ce(),
        "a file not there yet gets no hash", last_ce())

# --- validate: a changed copy, and the file still to come ---------------------------------------------
write_bytes(copy, b"replaced\n")
p = s.run("validate", ws=ws)
out = p.stdout + p.stderr
s.check(p.returncode == 0 and b"does not match 'evidence_sha256'" in out and b"the evidence file is not there" in out,
        "validate warns about the changed copy and the missing file", out)
s.finish()
