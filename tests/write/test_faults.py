#!/usr/bin/python3
"""Each step of a write made to fail in turn, with strace's fault injection (Debian's strace):
`strace -f -e inject=SYSCALL:error=ERR:when=N peerctl ...`. N, the invocation to fail, is found by
tracing the same command once on a copy of the workspace. Every failure must exit 1 with the
reason on stderr, leave the record byte-identical (or, for `add`, absent), leave no temporary or
backup file, and not block the next write.

usage: test_faults.py PEERCTL
"""
import errno
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, leftovers, read_bytes, record_file, show, write_bytes  # noqa: E402

s = Suite("faults")
strace = shutil.which("strace")
if not strace:
    s.skip("strace is not installed (Debian package strace)")
if subprocess.run([strace, "-f", "-qq", "-o", "/dev/null", "true"], capture_output=True).returncode != 0:
    s.skip("strace cannot trace here (ptrace not permitted)")

TRACED = "openat,read,fchmod,write,fsync,close,flock,linkat,rename,renameat,renameat2,unlinkat"
LINE = re.compile(r"^(?:\d+\s+)?(\w+)\((.*)\)\s+=\s+(-?\d+|\?)(.*)$")


def calls(trace_text):
    """(name, nth invocation of that name, args, result, rest) for each completed call."""
    seen = {}
    for line in trace_text.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        yield name, seen[name], m.group(2), m.group(3), m.group(4)


def first_arg(args):
    return args.split(",", 1)[0].strip()


def find_steps(trace_text, ident):
    """Locates each step of writing `<ident>.toml` in a trace: label -> (line as seen, syscall, n)."""
    rec, lock, tmp = f'{ident}.toml"', f'.{ident}.lock"', f".{ident}.toml.tmp-"
    steps = {}
    tmp_fd = dir_fd = rec_fd = None
    renamed = False

    def take(label, name, n, args):
        steps.setdefault(label, (f"{name}({args[:70]})", name, n))

    for name, n, args, ret, _ in calls(trace_text):
        if name == "openat" and lock in args:
            take("openat of the lock file", name, n, args)
        elif name == "flock":
            take("flock of the lock file", name, n, args)
        elif name == "openat" and f"/specialists/{rec}" in args and "O_RDONLY" in args:
            rec_fd = ret
        elif name == "read" and rec_fd is not None and first_arg(args) == rec_fd and tmp_fd is None:
            take("read of the record", name, n, args)
        elif name == "close" and rec_fd is not None and first_arg(args) == rec_fd:
            rec_fd = None
        elif name == "openat" and tmp in args:
            take("openat of the temporary file", name, n, args)
            tmp_fd, dir_fd = ret, first_arg(args)
        elif tmp_fd is not None and first_arg(args) == tmp_fd and name in ("fchmod", "write", "fsync", "close"):
            take(f"{name} of the temporary file", name, n, args)
            if name == "close":
                tmp_fd = None
        elif name == "linkat" and ".bak-" in args:
            take("linkat of the backup", name, n, args)
        elif name == "linkat" and tmp in args:
            take("linkat of the new record", name, n, args)
            renamed = True
        elif name.startswith("rename") and tmp in args:
            take("rename over the record", name, n, args)
            renamed = True
        elif name == "fsync" and renamed and first_arg(args) == dir_fd:
            take("fsync of the directory", name, n, args)
    return steps


# The error each step is made to fail with, and the message it must show.
ERRORS = {
    "openat of the lock file": errno.EACCES, "flock of the lock file": errno.ENOLCK, "read of the record": errno.EIO,
    "openat of the temporary file": errno.EDQUOT, "fchmod of the temporary file": errno.EPERM,
    "write of the temporary file": errno.ENOSPC, "fsync of the temporary file": errno.EIO,
    "close of the temporary file": errno.EIO, "linkat of the backup": errno.EMLINK,
    "linkat of the new record": errno.ENOSPC, "rename over the record": errno.EIO, "fsync of the directory": errno.EIO,
}
REQUIRED_LOG = ["openat of the temporary file", "fchmod of the temporary file", "write of the temporary file",
                "fsync of the temporary file", "close of the temporary file", "linkat of the backup",
                "rename over the record", "fsync of the directory", "openat of the lock file", "flock of the lock file",
                "read of the record"]
REQUIRED_ADD = ["openat of the temporary file", "fchmod of the temporary file", "write of the temporary file",
                "fsync of the temporary file", "close of the temporary file", "linkat of the new record",
                "fsync of the directory"]

ws = s.workspace()
for n in range(3):
    s.log_ce(ws, "jdoe", f"existing {n}", date=f"2025-01-0{n + 1}")
path = record_file(ws, "jdoe")
specialists = os.path.dirname(path)
original = read_bytes(path)


def traced(args, trace_file, inject=None, workspace=ws):
    prefix = [strace, "-f", "-qq", "-s", "80", "-o", trace_file, "-e", f"trace={TRACED}"]
    if inject:
        prefix += ["-e", f"inject={inject}"]
    return s.run(*args, ws=workspace, prefix=prefix)


def probe(args, ident, what):
    """Traces `args` once on a copy of the workspace; returns the steps found."""
    copy = os.path.join(s.tmp, "probe")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ws, copy, symlinks=True)
    trace_file = os.path.join(s.tmp, "probe.trace")
    p = traced(args, trace_file, workspace=copy)
    if p.returncode != 0:
        s.abort(f"{what} under strace failed: {show(p.stderr)}")
    steps = find_steps(open(trace_file, errors="replace").read(), ident)
    return steps


def inject(args, ident, label, step, what):
    """Runs `args` with `step` failing; returns the process, and checks the injection hit `label`."""
    _, name, n = step
    err = ERRORS[label]
    trace_file = os.path.join(s.tmp, "inject.trace")
    p = traced(args, trace_file, inject=f"{name}:error={errno.errorcode[err]}:when={n}")
    text = open(trace_file, errors="replace").read()
    hit = find_steps(text, ident).get(label)
    injected = [line for line in text.splitlines() if "(INJECTED)" in line]
    s.check(hit is not None and len(injected) == 1 and hit[2] == n and f"{name}(" in injected[0],
            f"{what}: strace failed the intended call ({name} #{n})", injected)
    return p, err


# --- log: every step, in turn --------------------------------------------------------------------
LOG = ["log", "ce", "jdoe", "--date", "2025-02-02", "--hours", "2.5", "--title", "fault probe"]
steps = probe(LOG, "jdoe", "log")
for label in REQUIRED_LOG:
    s.check(label in steps, f"log: the trace shows the {label}", sorted(steps))
for label, step in steps.items():
    what = f"log, failing the {label} ({step[0]})"
    p, err = inject(LOG, "jdoe", label, step, what)
    print(f"{step[1]} #{step[2]:<3} {label:30} -> exit {p.returncode}: {p.stderr.decode(errors='replace').strip()}")
    s.expect(p, 1, what)
    s.check(os.strerror(err).encode() in p.stderr, f"{what}: stderr gives the reason ({os.strerror(err)})", p.stderr)
    s.check(b"jdoe" in p.stderr, f"{what}: stderr names the record or its lock", p.stderr)
    s.check(read_bytes(path) == original, f"{what}: the record is byte-identical")
    s.check(leftovers(specialists) == [], f"{what}: no temporary or backup file is left", leftovers(specialists))
    s.check(not p.stdout, f"{what}: nothing claims success on stdout", p.stdout)
s.validate(ws, "after the injected failures of log")

# Two faults: the directory fsync fails, and so does putting the original back. The record may then
# hold the new entry (whole: the rename is atomic), but the message must not say it is unchanged.
if "fsync of the directory" in steps and "rename over the record" in steps:
    _, fs_name, fs_n = steps["fsync of the directory"]
    _, rn_name, rn_n = steps["rename over the record"]
    what = "log, failing the directory fsync and then the restore of the original"
    p = s.run(*LOG, ws=ws, prefix=[strace, "-f", "-qq", "-o", "/dev/null",
                                   "-e", f"inject={fs_name}:error=EIO:when={fs_n}",
                                   "-e", f"inject={rn_name}:error=EIO:when={rn_n + 1}"])
    s.expect(p, 1, what)
    now = read_bytes(path)
    s.check(now == original or b"unchanged" not in p.stderr,
            f"{what}: stderr does not claim the record is unchanged when it changed", p.stderr)
    s.check(now == original or (now is not None and now.startswith(original) and b"fault probe" in now[len(original):]),
            f"{what}: the record is either the original or the original plus the whole entry")
    # Put the original back (the next write would refuse the entry as a duplicate anyway).
    with open(path, "wb") as f:
        f.write(original)
    for name in leftovers(specialists):
        os.unlink(os.path.join(specialists, name))

p = s.run(*LOG, ws=ws)
s.expect(p, 0, "log with no fault after all the injected failures")
now = read_bytes(path) or b""
s.check(now.startswith(original) and len(now) > len(original), "that log appended its entry")

# --- add (creating a record): every step, in turn ------------------------------------------------
ADD = ["add", "newp", "--name", "New Person", "--credential", "ct-rss"]
new_path = record_file(ws, "newp")
# The first add leaves its lock file, which later ones open without setting its mode: start every
# run, the probe's too, from that state, so each sees the same calls.
write_bytes(os.path.join(specialists, ".newp.lock"), b"")
steps = probe(ADD, "newp", "add")
for label in REQUIRED_ADD:
    s.check(label in steps, f"add: the trace shows the {label}", sorted(steps))
for label, step in steps.items():
    if label not in REQUIRED_ADD:
        continue
    what = f"add, failing the {label} ({step[0]})"
    p, err = inject(ADD, "newp", label, step, what)
    print(f"{step[1]} #{step[2]:<3} {label:30} -> exit {p.returncode}: {p.stderr.decode(errors='replace').strip()}")
    s.expect(p, 1, what)
    s.check(os.strerror(err).encode() in p.stderr, f"{what}: stderr gives the reason ({os.strerror(err)})", p.stderr)
    s.check(not os.path.lexists(new_path), f"{what}: no record was created")
    s.check(leftovers(specialists) == [], f"{what}: no temporary file is left", leftovers(specialists))
p = s.run(*ADD, ws=ws)
s.expect(p, 0, "add with no fault after all the injected failures")
s.validate(ws, "at the end")

s.finish()
