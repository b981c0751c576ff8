#!/usr/bin/python3
"""Nothing quadratic: 10 x the specialists must take at most 11 x the time.

usage: linearity.py PEERCTL [WORKDIR=/tmp/peerctl-bench] [SMALL=5000] [LARGE=50000]

Generates (or reuses) the two corpora of tests/bench/make_corpus.py, then times each command on
both, best of 5 wall-clock runs (process start included), and prints the ratio per command. Exits 1
when a ratio is over the limit. A measurement, not a CI step: run it on a quiet machine.
"""
import os
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
peerctl = os.path.abspath(sys.argv[1])
work = sys.argv[2] if len(sys.argv) > 2 else "/tmp/peerctl-bench"
small = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
large = int(sys.argv[4]) if len(sys.argv) > 4 else 50000
limit = 11.0 * large / small / 10.0

COMMANDS = [
    ["validate", "-q"],
    ["report", "renewals", "--format", "csv"],
    ["report", "renewals", "--format", "json"],
    ["report", "roster", "--format", "csv"],
    ["check", "--no-cache"],
]


def corpus(n):
    path = os.path.join(work, f"corpus-{n}")
    if not os.path.exists(os.path.join(path, ".complete")):
        subprocess.run(["rm", "-rf", path], check=True)
        subprocess.run([sys.executable, os.path.join(here, "make_corpus.py"), path, str(n), "1"], check=True)
        open(os.path.join(path, ".complete"), "w").close()
    return path


def best(path, args, runs=5):
    times = []
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(work, "cache"))
    cmd = [peerctl, "--dir", path, "--as-of", "2026-11-23", *args]
    if args == ["cat"]:  # the I/O floor, for reference: the file system's own growth
        cmd = ["sh", "-c", f"find '{path}/specialists' -name '*.toml' -print0 | xargs -0 cat"]
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    os.makedirs(work, exist_ok=True)
    paths = {n: corpus(n) for n in (small, large)}
    print(f"{os.cpu_count()} cores; {small} and {large} specialists; limit {limit:.1f} x")
    worst = 0.0
    for args in [["cat"]] + COMMANDS:
        t_small, t_large = best(paths[small], args), best(paths[large], args)
        ratio = t_large / t_small
        if args != ["cat"]:
            worst = max(worst, ratio)
        print(f"{' '.join(args):<32} {t_small:7.3f} s  {t_large:7.3f} s  {ratio:5.1f} x")
    print(f"worst: {worst:.1f} x ({'ok' if worst <= limit else 'OVER'} the {limit:.1f} x limit)")
    return 0 if worst <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
