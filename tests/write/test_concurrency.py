#!/usr/bin/python3
"""Several processes write the same record at once: every entry whose command succeeded is there,
exactly once, in each writer's own order; a command that did not succeed failed only with the
clear lock time-out (exit 1) and wrote nothing. Also: racing `add`s of one new id, and a lock held
by another process.

usage: test_concurrency.py PEERCTL
"""
import fcntl
import os
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, leftovers, parse_toml, read_bytes, record_file  # noqa: E402

WRITERS = 4
APPENDS = 50
LOCK_TIMEOUT_TEXT = b"another peerctl is writing"

s = Suite("concurrency")
ws = s.workspace(ids=("jdoe", "asmith"))
path = record_file(ws, "jdoe")
specialists = os.path.dirname(path)
initial = read_bytes(path)

results = {}  # (writer, n) -> (rc, stderr)


def held_lock(held_ws, out):
    """A lock held by another live process: `log` waits, then gives up with exit 1 and a clear
    message. peerctl waits seconds for a lock, so this runs in a workspace of its own, alongside
    the rest; `out` gets what the checks at the end look at."""
    path = record_file(held_ws, "jdoe")
    out["before"] = read_bytes(path)
    with open(os.path.join(os.path.dirname(path), ".jdoe.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        t0 = time.monotonic()
        out["locked"] = s.run("log", "ce", "jdoe", "--date", "2025-07-01", "--hours", "1", "--title", "while locked",
                              ws=held_ws, timeout=60)
        out["waited"] = time.monotonic() - t0
    out["after"] = read_bytes(path)
    out["unlocked"] = s.run("log", "ce", "jdoe", "--date", "2025-07-01", "--hours", "1", "--title", "after unlock",
                            ws=held_ws)


held = {}
held_thread = threading.Thread(target=held_lock, args=(s.workspace("held"), held))
held_thread.start()


def writer(w, ident, count):
    start.wait()
    for n in range(count):
        # --force: many one-hour entries on one date; this test races writers, not the 24 h guard.
        p = subprocess.run(s.cmd(["log", "ce", ident, "--date", "2025-06-01", "--hours", "1", "--title", f"w{w}-n{n:03d}", "--force"],
                                 ws), env=s.env, capture_output=True, timeout=60)
        results[(w, n)] = (p.returncode, p.stderr)


threads = [threading.Thread(target=writer, args=(w, "jdoe", APPENDS)) for w in range(WRITERS)]
# One more writer on another record of the same workspace, which must not disturb jdoe.
threads.append(threading.Thread(target=writer, args=(WRITERS, "asmith", 20)))
start = threading.Barrier(len(threads) + 1)
t0 = time.monotonic()
for t in threads:
    t.start()
start.wait()
for t in threads:
    t.join()
elapsed = time.monotonic() - t0

ok = {k for k, (rc, _) in results.items() if rc == 0 and k[0] < WRITERS}
timeouts = [k for k, (rc, err) in results.items() if rc == 1 and LOCK_TIMEOUT_TEXT in err]
other = {k: v for k, v in results.items() if v[0] != 0 and k not in timeouts}
print(f"{WRITERS} writers x {APPENDS} appends in {elapsed:.1f} s: {len(ok)} succeeded, {len(timeouts)} lock time-outs")
s.check(len(results) == WRITERS * APPENDS + 20, f"every command ran ({len(results)})")
s.check(not other, f"{len(other)} commands failed other than by the lock time-out",
        "\n".join(f"writer {k[0]} #{k[1]}: exit {rc}: {err.decode(errors='replace').strip()}"
                  for k, (rc, err) in list(other.items())[:5]))
for w in range(WRITERS):
    s.check(any((w, n) in ok for n in range(APPENDS)), f"writer {w} recorded at least one entry")

after = read_bytes(path)
s.check(after.startswith(initial), "the record's first bytes are unchanged")
doc = parse_toml(after)
if s.check(doc is not None, "the record parses as TOML after the concurrent appends"):
    titles = [e.get("title") for e in doc.get("ce", [])]
    want = {f"w{w}-n{n:03d}" for (w, n) in ok}
    s.check(len(titles) == len(set(titles)), "no entry is recorded twice",
            sorted({t for t in titles if titles.count(t) > 1})[:10])
    missing = sorted(want - set(titles))
    s.check(not missing, f"every successful append is present ({len(missing)} missing)", missing[:10])
    extra = sorted(set(titles) - want)
    s.check(not extra, f"no entry from a command that failed ({len(extra)} extra)", extra[:10])
    for w in range(WRITERS):
        mine = [t for t in titles if t.startswith(f"w{w}-")]
        s.check(mine == sorted(mine), f"writer {w}'s entries are in the order it wrote them")
other_doc = parse_toml(read_bytes(record_file(ws, "asmith"))) or {}
s.check(sorted(e["title"] for e in other_doc.get("ce", [])) ==
        sorted(f"w{WRITERS}-n{n:03d}" for n in range(20) if results.get((WRITERS, n), (1,))[0] == 0),
        "the other record holds exactly its own successful entries")
s.validate(ws, "after the concurrent appends")
s.check(leftovers(specialists) == [], "no temporary or backup file is left", leftovers(specialists))

# Racing creation: several `add`s of the same new id; exactly one wins, the others say it exists.
for round_ in range(5):
    ident = f"race{round_}"
    procs = [subprocess.Popen(s.cmd(["add", ident, "--name", f"Racer {k}", "--credential", "ct-rss"], ws), env=s.env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for k in range(WRITERS)]
    outs = [(p.wait(timeout=60), p.communicate()[1]) for p in procs]
    winners = [k for k, (rc, _) in enumerate(outs) if rc == 0]
    s.check(len(winners) == 1, f"add {ident} x{WRITERS}: exactly one succeeds", outs)
    s.check(all(rc == 1 and err for rc, err in outs if rc != 0), f"add {ident}: the losers exit 1 with a reason", outs)
    doc = parse_toml(read_bytes(record_file(ws, ident)))
    s.check(doc is not None and len(winners) == 1 and doc.get("name") == f"Racer {winners[0]}",
            f"add {ident}: the record is the winner's", doc)
s.check(leftovers(specialists) == [], "no temporary file is left after the racing adds", leftovers(specialists))

held_thread.join()
if not s.check("unlocked" in held, "the case of a held lock ran to its end"):
    s.abort("the case of a held lock stopped (its exception is above)")
p = held["locked"]
s.expect(p, 1, "log while another process holds the lock")
s.check(LOCK_TIMEOUT_TEXT in p.stderr, "the lock time-out says another peerctl is writing", p.stderr)
s.check(1 <= held["waited"] <= 30, f"it waited a while for the lock, then gave up ({held['waited']:.1f} s)")
s.check(held["after"] == held["before"], "the record is byte-identical after the lock time-out")
s.expect(held["unlocked"], 0, "log once the lock is released")

s.finish()
