#!/usr/bin/python3
"""Loading threads: a huge -j, threads that cannot start, and an exception on a loading thread
end in an answer or a normal error, never in std::terminate (SIGABRT).

- `-j 100000` gives what `-j 1` gives, for status, report renewals, validate and check.
- Under a process limit (RLIMIT_NPROC, which root ignores: as root the runs are made as uid 65534,
  over a copy of the binary and the example in a world-readable temporary directory) no thread,
  or only one, can start: every command still gives what it gives without the limit.
- Out of memory on a loading thread (RLIMIT_AS under a record of 400 MB that max_file_size
  allows): status, report renewals and validate exit 1 with one `peerctl: internal error: ...`
  line; check prints its UNKNOWN line (nagios and json) and exits 3.

usage: test_threads.py PEERCTL
"""
import json
import os
import resource
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import AS_OF, Suite, show  # noqa: E402

s = Suite("threads")
SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
COMMANDS = (["status"], ["status", "--format", "json"], ["report", "renewals"], ["validate"],
            ["check", "--no-cache"], ["check", "--no-cache", "--format", "json"])
OTHER_UID = 65534

# Everything a run needs, where uid 65534 can read it whatever the clone's directory allows.
bin_dir = os.path.join(s.tmp, "bin")
os.mkdir(bin_dir)
peerctl = os.path.join(bin_dir, "peerctl")
shutil.copy2(s.peerctl, peerctl)
shutil.copytree(os.path.join(SOURCE, "data", "credentials"), os.path.join(s.tmp, "data", "credentials"))
ws = os.path.join(s.tmp, "ws")
shutil.copytree(os.path.join(SOURCE, "data", "example"), ws)
for root, dirs, files in os.walk(s.tmp):
    for name in dirs + files:
        p = os.path.join(root, name)
        os.chmod(p, os.stat(p).st_mode | 0o444 | (0o111 if os.path.isdir(p) or name == "peerctl" else 0))
# Under a process limit LeakSanitizer cannot start the thread it needs (the sanitizer build runs
# this test too); leaks are checked by every other test.
env = dict(s.env, PEERCTL_DATA_DIR=os.path.join(s.tmp, "data"), XDG_CACHE_HOME=os.path.join(s.tmp, "cache"),
           ASAN_OPTIONS=":".join(filter(None, [s.env.get("ASAN_OPTIONS"), "detect_leaks=0"])))


def run(args, jobs, ws=ws, user=None, limits=()):
    def preexec():
        for which, value in limits:
            resource.setrlimit(which, (value, value))

    argv = [peerctl, "--dir", ws, "--as-of", AS_OF, "--color", "never", "-j", str(jobs)] + list(args)
    p = subprocess.run(argv, env=env, capture_output=True, timeout=60, user=user, preexec_fn=preexec)
    return p


def same(what, got, want):
    s.check(got.returncode >= 0, f"{what}: ended by signal {-got.returncode}", got.stderr)
    s.check((got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr),
            f"{what}: what -j 1 without a limit gives",
            f"got {got.returncode} {show(got.stdout, 300)!r} {show(got.stderr, 300)!r}\n"
            f"  want {want.returncode} {show(want.stdout, 300)!r} {show(want.stderr, 300)!r}")


# A huge -j.
for args in COMMANDS:
    want = run(args, 1)
    s.check(0 <= want.returncode <= 2, f"peerctl {' '.join(args)} -j 1: exit {want.returncode}", want.stderr)
    same(f"peerctl -j 100000 {' '.join(args)}", run(args, 100000), want)

# Threads that cannot start.
user = OTHER_UID if os.geteuid() == 0 else None
probe = subprocess.run(["/usr/bin/python3", "-c", "import threading; threading.Thread(target=int).start()"],
                       capture_output=True, user=user,
                       preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NPROC, (1, 1)))
s.check(probe.returncode != 0 and b"can't start new thread" in probe.stderr,
        f"test premise: under RLIMIT_NPROC=1 {'as uid 65534 ' if user else ''}no thread can start", probe.stderr)
for args in COMMANDS:
    want = run(args, 1, user=user)
    for nproc in (1, 2) if user else (1,):
        for jobs in (4, 100000):
            got = run(args, jobs, user=user, limits=[(resource.RLIMIT_NPROC, nproc)])
            same(f"peerctl -j {jobs} {' '.join(args)} under RLIMIT_NPROC={nproc}", got, want)

# Out of memory on a loading thread: a record of 400 MB (sparse) under a 256 MB address space.
big_ws = s.workspace("big", f"max_file_size = {1 << 30}\n")
for rid in ("a", "b", "c"):
    with open(os.path.join(big_ws, "specialists", f"{rid}.toml"), "w") as f:
        f.write(f'id = "{rid}"\nname = "Test Person"\n\n[credentials.ct-rss]\n')
with open(os.path.join(big_ws, "specialists", "b.toml"), "r+b") as f:
    f.seek(400 << 20)
    f.write(b"\n")
with open(s.peerctl, "rb") as f:
    sanitized = b"__asan_init" in f.read()
if sanitized:
    print("note: the out-of-memory cases are skipped: AddressSanitizer reserves terabytes of address space, "
          "so no RLIMIT_AS can be set under it")
else:
    for args, code in (((["status"], 1), (["report", "renewals"], 1), (["validate"], 1), (["check"], 3),
                        (["check", "--format", "json"], 3))):
        for jobs in (1, 3, 100000):
            what = f"peerctl -j {jobs} {' '.join(args)} out of memory"
            p = run(args, jobs, ws=big_ws, limits=[(resource.RLIMIT_AS, 256 << 20)])
            err = p.stderr.decode("utf-8", "backslashreplace")
            s.check(p.returncode == code, f"{what}: exit {p.returncode}, expected {code}", err)
            s.check(err.count("\n") == 1 and err.startswith("peerctl: internal error: "),
                    f"{what}: one 'peerctl: internal error:' line", err)
            if args == ["check"]:
                s.check(p.stdout.startswith(b"PEERCTL UNKNOWN - ") and p.stdout.count(b"\n") == 1,
                        f"{what}: the UNKNOWN line", p.stdout)
            elif args[0] == "check":
                try:
                    doc = json.loads(p.stdout)
                except ValueError:
                    doc = {}
                s.check(doc.get("state") == "UNKNOWN" and doc.get("exit_code") == 3, f"{what}: UNKNOWN in JSON",
                        p.stdout)
            else:
                s.check(p.stdout == b"", f"{what}: nothing on stdout", p.stdout)

s.finish()
