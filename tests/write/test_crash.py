#!/usr/bin/python3
"""Writers killed with SIGKILL at random moments, many times, two at a time on the same record:
afterwards the record parses (`peerctl validate` exit 0), every entry whose command exited 0 is
there, and nothing left behind blocks the next write, which also removes stale temporary files.

usage: test_crash.py PEERCTL [SEED]
"""
import os
import random
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, leftovers, parse_toml, read_bytes, record_file, write_bytes  # noqa: E402

KILLS = 600
ADD_KILLS = 100
AT_ONCE = 2
LOCK_TIMEOUT_TEXT = b"another peerctl is writing"

seed = int(sys.argv[2]) if len(sys.argv) > 2 else random.randrange(1 << 32)
rng = random.Random(seed)
s = Suite("crash")
print(f"seed {seed} (rerun with: test_crash.py PEERCTL {seed})")
ws = s.workspace()
path = record_file(ws, "jdoe")
specialists = os.path.dirname(path)
initial = read_bytes(path)


# --force: many one-hour entries on one date; this test kills writers, not the 24 h guard.
def log_cmd(title):
    return s.cmd(["log", "ce", "jdoe", "--date", "2025-01-01", "--hours", "1", "--title", title, "--force"], ws)


# Give the record some bulk, so that a write takes long enough to be interrupted, and time a run.
durations = []
for n in range(40):
    t0 = time.monotonic()
    p = subprocess.run(log_cmd(f"warm-up {n:02d} " + "x" * 200), env=s.env, capture_output=True)
    durations.append(time.monotonic() - t0)
    if p.returncode != 0:
        s.abort(f"warm-up log failed: {p.stderr.decode(errors='replace')}")
typical = statistics.median(durations[-10:])
print(f"a log takes about {typical * 1000:.1f} ms; killing at 0..{1.3 * typical * 1000:.1f} ms")

succeeded = {f"warm-up {n:02d} " + "x" * 200 for n in range(40)}
killed = 0
finished = 0
seen_leftovers = 0
problems = {"parse": [], "missing": [], "exit": [], "twice": []}
n = 0
for round_ in range(KILLS // AT_ONCE):
    procs = []
    for _ in range(AT_ONCE):
        title = f"crash {n:04d}"
        n += 1
        procs.append((title, subprocess.Popen(log_cmd(title), env=s.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)))
    for title, p in procs:
        time.sleep(rng.uniform(0, 1.3 * typical / AT_ONCE))
        p.kill()  # a no-op when it has already exited
    for title, p in procs:
        err = p.communicate()[1]
        if p.returncode == 0:
            succeeded.add(title)
            finished += 1
        elif p.returncode == -9:
            killed += 1
        elif not (p.returncode == 1 and LOCK_TIMEOUT_TEXT in err):
            problems["exit"].append(f"{title}: exit {p.returncode}: {err.decode(errors='replace').strip()}")
    if leftovers(specialists):
        seen_leftovers += 1
    data = read_bytes(path)
    doc = parse_toml(data)
    if doc is None:
        problems["parse"].append(f"after round {round_}: {len(data)} bytes")
        continue
    titles = [e.get("title") for e in doc.get("ce", [])]
    lost = succeeded - set(titles)
    if lost:
        problems["missing"].append(f"after round {round_}: {sorted(lost)[:5]}")
    if len(titles) != len(set(titles)):
        problems["twice"].append(f"after round {round_}")
    if not data.startswith(initial):
        problems["parse"].append(f"after round {round_}: the record's first bytes changed")
    if round_ % 25 == 24:
        s.validate(ws, f"after round {round_}")

print(f"{killed} writers killed, {finished} finished before the kill; temporary files seen after "
      f"{seen_leftovers} of {KILLS // AT_ONCE} rounds")
s.check(killed >= KILLS // 4, f"at least a quarter of the writers were killed mid-way ({killed})")
s.check(not problems["parse"], "the record parses after every round", problems["parse"][:5])
s.check(not problems["missing"], "every entry whose command exited 0 is present after every round", problems["missing"][:5])
s.check(not problems["twice"], "no entry is recorded twice", problems["twice"][:5])
s.check(not problems["exit"], "writers exit 0, or 1 only for the lock time-out", problems["exit"][:5])
s.validate(ws, "after the kills")

# Stale files such as a killed writer leaves (one pid long gone, with content, one empty), and
# whatever the kills left: the next write succeeds and removes them.
write_bytes(os.path.join(specialists, ".jdoe.toml.tmp-999999-00000000deadbeef"), b'id = "jdoe"\nname = "half')
write_bytes(os.path.join(specialists, ".jdoe.toml.tmp-999998-00000000cafef00d"), b"")
os.link(path, os.path.join(specialists, ".jdoe.toml.bak-999999-0000000012345678"))
before = read_bytes(path)
p = subprocess.run(log_cmd("after the crashes"), env=s.env, capture_output=True, timeout=60)
s.expect(p, 0, "log after the crashes and stale files")
after = read_bytes(path)
s.check(after.startswith(before), "the write after the crashes appended to the record as it was")
doc = parse_toml(after) or {}
s.check("after the crashes" in [e.get("title") for e in doc.get("ce", [])], "the entry after the crashes is present")
s.check(leftovers(specialists) == [], "the next write removed the stale temporary and backup files", leftovers(specialists))
s.check(sorted(os.listdir(specialists)) == [".jdoe.lock", ".jdoe.toml.undo", "jdoe.toml"],
        "only the record, its lock file and its undo file remain", sorted(os.listdir(specialists)))
p = subprocess.run(s.cmd(["undo", "jdoe"], ws), env=s.env, capture_output=True, timeout=60)
s.expect(p, 0, "undo after the crashes")
s.check(read_bytes(path) == before, "undo after the crashes puts back the record as it was before the last log")

# Killed while creating records: each record is either absent or whole, and the next command on
# that id (add where it is absent, log where it is present) succeeds.
add_problems = []
created = 0
for k in range(ADD_KILLS):
    ident = f"new{k:03d}"
    p = subprocess.Popen(s.cmd(["add", ident, "--name", f"New {k}", "--credential", "ct-rss"], ws), env=s.env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(rng.uniform(0, 1.3 * typical))
    p.kill()
    err = p.communicate()[1]
    rec = record_file(ws, ident)
    exists = os.path.lexists(rec)
    if p.returncode == 0 and not exists:
        add_problems.append(f"{ident}: add exited 0 but the record is absent")
    if p.returncode not in (0, -9):
        add_problems.append(f"{ident}: add exit {p.returncode}: {err.decode(errors='replace').strip()}")
    if exists:
        created += 1
        doc = parse_toml(read_bytes(rec))
        if doc is None or doc.get("id") != ident or doc.get("name") != f"New {k}":
            add_problems.append(f"{ident}: the record is not whole: {read_bytes(rec)[:80]!r}")
        nxt = subprocess.run(s.cmd(["log", "ce", ident, "--date", "2025-01-01", "--hours", "1", "--title", "next", "--force"], ws),
                             env=s.env, capture_output=True)
    else:
        nxt = subprocess.run(s.cmd(["add", ident, "--name", f"New {k}", "--credential", "ct-rss"], ws), env=s.env,
                             capture_output=True)
    if nxt.returncode != 0:
        add_problems.append(f"{ident}: the next command after the kill failed: {nxt.stderr.decode(errors='replace').strip()}")
print(f"{ADD_KILLS} adds killed at random: {created} had created the record")
s.check(not add_problems, "records killed while being created are absent or whole, and never block", add_problems[:5])
s.check(leftovers(specialists) == [], "no temporary file is left once each id was written again", leftovers(specialists))
s.validate(ws, "at the end")

s.finish()
