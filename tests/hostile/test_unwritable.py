"""Writes refused by the file system name what the user named: `-o FILE` into a missing or
read-only directory names FILE and its directory as given, and a record in a read-only workspace
is named as the record, never by the lock file or any other path of peerctl's own. Read-only
directories stop anyone but root, so as root peerctl runs as nobody (65534)."""
import os

from common import VALID, Suite

s = Suite("unwritable")
ws = s.workspace("ws")
record = os.path.join(ws, "specialists", "jdoe.toml")
with open(record, "w") as f:
    f.write(VALID.format(id="jdoe"))
out_dir = os.path.join(s.tmp, "out")
os.makedirs(os.path.join(out_dir, "ro"))
for d in (ws, os.path.join(ws, "specialists"), out_dir):
    os.chmod(d, 0o755)
os.chmod(record, 0o644)


def no_internal_paths(p, what):
    s.check(s.tmp.encode() not in p.stderr and b".lock" not in p.stderr and b".tmp-" not in p.stderr,
            f"{what}: names no path of peerctl's own (scratch directory, lock or temporary file)", p.stderr)


# --- -o into a directory that does not exist (anyone) ----------------------------------------------
for args, name in ((["report", "roster", "-o", "missing/out.csv"], b"missing/out.csv"),
                   (["export", "ics", "-o", "missing/out.ics"], b"missing/out.ics")):
    p = s.run(*args, ws=ws, cwd=out_dir)
    s.check(p.returncode == 1, f"{args[0]} -o into a missing directory: exit {p.returncode}, expected 1", p.stderr)
    s.check(b"cannot write " + name + b": its directory does not exist" in p.stderr,
            f"{args[0]}: names the file as given and says its directory does not exist", p.stderr)
    no_internal_paths(p, f"{args[0]} -o into a missing directory")

# --- read-only directories (as nobody when root) ---------------------------------------------------
user = None
if os.geteuid() == 0:
    why_not = s.runnable_as(65534)
    if why_not:
        print(f"note: the read-only cases are skipped (running as root, and cannot run as nobody: {why_not})")
        s.finish()
    user = 65534
    os.chown(record, 65534, 65534)  # the record is the user's own; only its directory is not writable
os.chmod(os.path.join(out_dir, "ro"), 0o555)
os.chmod(os.path.join(ws, "specialists"), 0o555)

p = s.run("report", "roster", "-o", "ro/out.csv", ws=ws, user=user, cwd=out_dir)
s.check(p.returncode == 1, f"-o into a read-only directory: exit {p.returncode}, expected 1", p.stderr)
s.check(b"cannot write ro/out.csv: its directory is not writable" in p.stderr,
        "-o into a read-only directory: names the file as given and says its directory is not writable", p.stderr)
no_internal_paths(p, "-o into a read-only directory")
s.check(os.listdir(os.path.join(out_dir, "ro")) == [], "-o into a read-only directory: nothing was created")

before = open(record, "rb").read()
p = s.run("log", "ce", "jdoe", "--date", "2026-02-01", "--hours", "1", "--title", "t", ws=ws, user=user)
s.check(p.returncode == 1, f"log in a read-only workspace: exit {p.returncode}, expected 1", p.stderr)
s.check(p.stderr.startswith(b"specialists/jdoe.toml: error: cannot lock the record: ") and
        b"(its directory is not writable); nothing was written" in p.stderr,
        "log in a read-only workspace: names the record and why it cannot be locked", p.stderr)
no_internal_paths(p, "log in a read-only workspace")
s.check(open(record, "rb").read() == before, "log in a read-only workspace: the record is unchanged")
s.check(sorted(os.listdir(os.path.join(ws, "specialists"))) == ["jdoe.toml"], "no lock file was created")
s.finish()
