#!/usr/bin/python3
"""The files around the records, as colleagues and their editors leave them, and as someone who may
edit the workspace could plant them:

- only specialists/<id>.toml is a record: an editor's lock, backup, swap or autosave file is ignored
  by every command, and other stray files are warnings of `validate` only;
- a record that is a symbolic link is not read (it could point root's cron at another file);
- evidence paths stay inside the workspace: absolute, `..` and symlinked escapes are errors at their
  line, `log --evidence` refuses them, and the transcript never calls such a file present;
- a broken user config is reported as itself, by `check` too.

usage: test_files.py PEERCTL [--time-limit SECONDS]
"""
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import VALID, Suite  # noqa: E402

s = Suite("files")
SECRET = "SECRETMARK"


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def text(p):
    return (p.stdout + p.stderr).decode("utf-8", "backslashreplace")


# Every command that reads the records, with the exit code of a clean run.
COMMANDS = (
    (["validate"], 0), (["status"], 0), (["status", "jdoe"], 0), (["status", "--format", "json"], 0), (["check"], 0),
    (["report", "renewals"], 0), (["report", "roster", "--format", "csv"], 0), (["report", "transcript", "jdoe"], 0),
    (["report", "audit", "sample", "--seed", "1"], 0), (["export", "ics"], 0), (["completion", "--list", "ids"], 0),
)

# --- 1. Editors' files are not records --------------------------------------------------------------
EDITOR_FILES = {
    ".#jdoe.toml": None,                         # Emacs lock: a dangling symlink
    "#jdoe.toml#": "id = \"jdoe\"\nname = [\n",  # Emacs autosave, mid-edit
    "jdoe.toml~": VALID.format(id="jdoe"),       # backup: a duplicate id if it were read
    ".jdoe.toml.swp": b"b0VIM 9.0\x00\x00\xff",  # Vim swap file
    ".hidden.toml": "not toml at all [[[\n",
    ".jdoe.toml.tmp-1-00": "partial",            # a killed writer's temporary file
}
ws = s.workspace("editors")
write(os.path.join(ws, "specialists", "jdoe.toml"), VALID.format(id="jdoe"))
for name, content in EDITOR_FILES.items():
    path = os.path.join(ws, "specialists", name)
    if content is None:
        os.symlink("jdoe@host.12345:1700000000", path)
    else:
        write(path, content)
for args, rc in COMMANDS:
    what = f"editor files: peerctl {' '.join(args)}"
    p = s.run(*args, ws=ws)
    out = text(p)
    s.check(p.returncode == rc, f"{what}: exit {p.returncode}, expected {rc}", out)
    s.check(not any(name in out for name in EDITOR_FILES), f"{what}: no editor file is mentioned", out)
    if args == ["check"]:
        s.check(p.stdout.startswith(b"PEERCTL OK"), f"{what}: OK", p.stdout)
    if args[:2] == ["completion", "--list"]:
        s.check(p.stdout == b"jdoe\n", f"{what}: the one id", p.stdout)
p = s.run("validate", ws=ws)
s.check(b"checked 2 files: 0 errors, 0 warnings" in p.stderr, "editor files: validate counts the record alone", p.stderr)
p = s.run("log", "ce", "jdoe", "--hours", "1", "--title", "A course", "--date", "2026-02-01", ws=ws)
s.check(p.returncode == 0, "editor files: log beside them works", text(p))
# In credentials/ too: an editor open on a credential file must not stop every command.
write(os.path.join(ws, "credentials", "#org.toml#"), "id = [\n")
os.symlink("jdoe@host.1:1", os.path.join(ws, "credentials", ".#org.toml"))
p = s.run("check", ws=ws)
s.check(p.returncode == 0 and p.stdout.startswith(b"PEERCTL OK"), "editor files in credentials/: check is OK", text(p))

# --- 2. Other stray files: warnings of validate, ignored by the rest ---------------------------------
STRAYS = ("Bad Name.toml", "notes.txt", "JDOE.toml", "jdoe.toml.orig")
ws = s.workspace("strays")
write(os.path.join(ws, "specialists", "jdoe.toml"), VALID.format(id="jdoe"))
for name in STRAYS:
    write(os.path.join(ws, "specialists", name), "id = \"x\"\n")
p = s.run("validate", ws=ws)
s.check(p.returncode == 0, f"strays: validate exit {p.returncode}, expected 0 (warnings only)", text(p))
for name in STRAYS:
    s.check(re.search(rf"^specialists/{re.escape(name)}: warning: .+$", p.stderr.decode(), re.M),
            f"strays: validate warns about {name}", p.stderr)
s.check(b" error: " not in p.stderr, "strays: validate reports no error", p.stderr)
for args, rc in COMMANDS[1:]:
    p = s.run(*args, ws=ws)
    s.check(p.returncode == rc and not any(name in text(p) for name in STRAYS),
            f"strays: peerctl {' '.join(args)} exits {rc} without mentioning them", text(p))

# --- 3. A record that is a symbolic link is not read ---------------------------------------------------
outside = os.path.join(s.tmp, "outside")
write(os.path.join(outside, "x.toml"), f'id = "x"\nname = "{SECRET}"\n\n[credentials.ct-rss]\nissued = 2025-01-01\n')
ws = s.workspace("symlinked-record")
os.symlink(os.path.join(outside, "x.toml"), os.path.join(ws, "specialists", "x.toml"))
before = read(os.path.join(outside, "x.toml"))
for args, rc in ((["validate"], 1), (["status"], 1), (["status", "x"], 1), (["check"], 3),
                 (["report", "roster"], 1), (["report", "transcript", "x"], 1)):
    what = f"symlinked record: peerctl {' '.join(args)}"
    p = s.run(*args, ws=ws)
    s.check(p.returncode == rc, f"{what}: exit {p.returncode}, expected {rc}", text(p))
    s.check(SECRET not in text(p), f"{what}: nothing of the linked file is shown", text(p))
    s.check(b"specialists/x.toml: error: the file is a symbolic link" in p.stderr, f"{what}: says why", p.stderr)
p = s.run("log", "ce", "x", "--hours", "1", "--title", "t", "--date", "2026-02-01", ws=ws)
s.check(p.returncode == 1 and read(os.path.join(outside, "x.toml")) == before
        and os.path.islink(os.path.join(ws, "specialists", "x.toml")),
        "symlinked record: log refuses it and changes neither the link nor its target", text(p))

# --- 4. Evidence stays inside the workspace --------------------------------------------------------------
ws = s.workspace("evidence")
rec = os.path.join(ws, "specialists", "jdoe.toml")
secret_dir = os.path.join(s.tmp, "secret-dir")
write(os.path.join(secret_dir, "certificate.pdf"), "%PDF secret")
write(os.path.join(ws, "evidence", "jdoe", "ok.pdf"), "%PDF")
os.symlink(secret_dir, os.path.join(ws, "evidence", "out"))
secret_rel = os.path.relpath(os.path.join(secret_dir, "certificate.pdf"), ws)  # ../secret-dir/certificate.pdf
ENTRY = '\n[[ce]]\ndate = 2026-01-0{n}\nhours = 1\ntitle = "Course {n}"\nevidence = "{path}"\n'
base = VALID.format(id="jdoe") + ENTRY.format(n=1, path="evidence/jdoe/ok.pdf")
for label, path in (("absolute", os.path.join(secret_dir, "certificate.pdf")), ("absolute /etc", "/etc/passwd"),
                    ("dot-dot", secret_rel), ("dot-dot inside first", "evidence/../../x")):
    write(rec, base + ENTRY.format(n=2, path=path))
    for args, rc in ((["validate"], 1), (["status", "jdoe"], 1), (["check"], 3), (["report", "transcript", "jdoe"], 1)):
        what = f"evidence {label}: peerctl {' '.join(args)}"
        p = s.run(*args, ws=ws)
        s.check(p.returncode == rc, f"{what}: exit {p.returncode}, expected {rc}", text(p))
        s.check(re.search(rb"^specialists/jdoe\.toml:16:12: error: 'evidence' must be a path relative to the workspace "
                          rb"and inside it", p.stderr, re.M), f"{what}: an error at the evidence line", p.stderr)
# Through a symbolic link: the text is fine, the file is elsewhere.
write(rec, base + ENTRY.format(n=2, path="evidence/out/certificate.pdf"))
p = s.run("validate", ws=ws)
s.check(p.returncode == 1 and re.search(rb"^specialists/jdoe\.toml:16:12: error: .*a symbolic link leads out of the "
                                        rb"workspace$", p.stderr, re.M), "evidence through a link: validate", p.stderr)
p = s.run("report", "transcript", "jdoe", "--format", "json", "--period", "all", ws=ws)
s.check(p.returncode == 0, "evidence through a link: the transcript runs", text(p))
try:
    entries = [e for sec in json.loads(p.stdout)["specialist"]["sections"] for e in sec["entries"]]
except (ValueError, KeyError, TypeError):
    entries = []
states = {e.get("evidence"): e.get("evidence_status") for e in entries}
s.check(states == {"evidence/jdoe/ok.pdf": "present", "evidence/out/certificate.pdf": "missing"},
        "evidence through a link: the transcript calls the file inside present and the one outside missing", states)

# log --evidence refuses the relative ones and writes nothing (an absolute path is a file to copy
# in: below, and tests/write/test_evidence.py).
write(rec, base)
original = read(rec)
for path in (secret_rel, "../../x", "evidence/out/certificate.pdf", "evidence/out/../../x"):
    for extra in ((), ("--dry-run",)):
        what = f"log --evidence {path} {' '.join(extra)}".strip()
        p = s.run("log", "ce", "jdoe", "--hours", "1", "--title", "t", "--date", "2026-02-01", "--evidence", path, *extra,
                  ws=ws)
        s.check(p.returncode == 1, f"{what}: exit {p.returncode}, expected 1", text(p))
        s.check(b"error: --evidence must be a path relative to the workspace and inside it" in p.stderr,
                f"{what}: says why", p.stderr)
        s.check(read(rec) == original and not p.stdout, f"{what}: nothing written or printed", text(p))
p = s.run("log", "ce", "jdoe", "--hours", "1", "--title", "t", "--date", "2026-02-01", "--evidence", "evidence/jdoe/2.pdf",
          ws=ws)
s.check(p.returncode == 0, "log --evidence inside the workspace works", text(p))
# A file outside named by its absolute path is copied in: the record never names it where it is.
p = s.run("log", "ce", "jdoe", "--hours", "1", "--title", "t2", "--date", "2026-02-01", "--evidence",
          os.path.join(secret_dir, "certificate.pdf"), ws=ws)
s.check(p.returncode == 0 and secret_dir.encode() not in read(rec) and b'"evidence/jdoe/certificate.pdf"' in read(rec)
        and secret_dir.encode() not in p.stdout + p.stderr,
        "log --evidence of a file outside records the copy in the workspace, and never names the original", text(p))

# --- 5. A broken user config names itself ------------------------------------------------------------------
ws = s.workspace("config")
write(os.path.join(ws, "specialists", "jdoe.toml"), VALID.format(id="jdoe"))
config = os.path.join(s.tmp, "config", "peerctl", "config.toml")
write(config, "me = \n")
p = s.run("check", ws=ws)
s.check(p.returncode == 3, f"broken config: check exit {p.returncode}, expected 3", text(p))
s.check(p.stdout == f"PEERCTL UNKNOWN - invalid user config {config}\n".encode(),
        "broken config: check's UNKNOWN names the config, not the credential rules", p.stdout)
s.check(re.search(rb"^" + re.escape(config.encode()) + rb":1:\d+: error: ", p.stderr, re.M),
        "broken config: the error is at its place in the config", p.stderr)
p = s.run("check", "--format", "json", ws=ws)
s.check(p.returncode == 3 and b'"summary": "invalid user config ' in p.stdout, "broken config: check --format json",
        p.stdout)
os.unlink(config)

s.finish()
