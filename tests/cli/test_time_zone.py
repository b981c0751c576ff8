#!/usr/bin/python3
"""Which day "today" is: --as-of, else peerctl.toml's timezone, else TZ, else the machine's zone.

One instant, 2026-11-30T03:00:00Z, pinned with the test hook PEERCTL_NOW: it is still
2026-11-29 in America/New_York and already 2026-11-30 in Europe/Berlin.

usage: test_time_zone.py PEERCTL
"""
import json
import os
import subprocess
import sys
import tempfile

peerctl = sys.argv[1]
NOW = "2026-11-30T03:00:00Z"
failures = []
passed = 0
scratch = tempfile.TemporaryDirectory()


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)


def workspace(timezone_line=""):
    root = tempfile.mkdtemp(dir=scratch.name)
    with open(os.path.join(root, "peerctl.toml"), "w") as f:
        f.write('name = "Time zones"\n' + timezone_line)
    os.mkdir(os.path.join(root, "specialists"))
    with open(os.path.join(root, "specialists", "jdoe.toml"), "w") as f:
        f.write('id = "jdoe"\nname = "J. Doe"\n')
    return root


def run(root, *args, tz=None, now=NOW):
    env = {k: v for k, v in os.environ.items() if k not in ("TZ", "PEERCTL_DIR", "PEERCTL_NOW")}
    env.update(HOME=tempfile.mkdtemp(dir=scratch.name), XDG_CONFIG_HOME=tempfile.mkdtemp(dir=scratch.name), XDG_CACHE_HOME=tempfile.mkdtemp(dir=scratch.name))
    if tz is not None:
        env["TZ"] = tz
    if now is not None:
        env["PEERCTL_NOW"] = now
    return subprocess.run([peerctl, "--dir", root, *args], env=env, capture_output=True, text=True)


def today(root, tz=None, extra=()):
    p = run(root, *extra, "report", "renewals", "--format", "json", tz=tz)
    if p.returncode != 0:
        return f"rc {p.returncode}: {p.stderr.strip()}"
    return json.loads(p.stdout)["as_of"]


plain = workspace()
new_york = workspace('timezone = "America/New_York"\n')
berlin = workspace('timezone = "Europe/Berlin"\n')

# TZ decides when the workspace does not.
check(today(plain, tz="America/New_York") == "2026-11-29", f"TZ=America/New_York: {today(plain, tz='America/New_York')}")
check(today(plain, tz="Europe/Berlin") == "2026-11-30", f"TZ=Europe/Berlin: {today(plain, tz='Europe/Berlin')}")
check(today(plain, tz=":Europe/Berlin") == "2026-11-30", "TZ=:Europe/Berlin")
# The workspace's zone wins over TZ, whichever way round.
check(today(new_york, tz="Europe/Berlin") == "2026-11-29", f"timezone New York, TZ Berlin: {today(new_york, tz='Europe/Berlin')}")
check(today(berlin, tz="America/New_York") == "2026-11-30", f"timezone Berlin, TZ New York: {today(berlin, tz='America/New_York')}")
# --as-of wins over both.
check(today(new_york, tz="Europe/Berlin", extra=("--as-of", "2027-01-05")) == "2027-01-05", "--as-of wins")

# Without TZ, the machine's zone (/etc/localtime), as date(1) reads it.
env = {k: v for k, v in os.environ.items() if k != "TZ"}
machine = subprocess.run(["date", "-d", NOW, "+%F"], env=env, capture_output=True, text=True, check=True).stdout.strip()
check(today(plain) == machine, f"TZ unset: {today(plain)}, date(1) says {machine}")

# A TZ that names no zone is an error naming TZ, not UTC; the workspace's zone makes it moot.
p = run(plain, "report", "renewals", "--format", "json", tz="Nowhere/Bogus")
check(p.returncode == 2 and p.stdout == "", f"TZ=Nowhere/Bogus: rc {p.returncode}, stdout {p.stdout[:80]!r}")
check("TZ='Nowhere/Bogus' names no time zone" in p.stderr, f"TZ=Nowhere/Bogus: stderr {p.stderr!r}")
check(today(berlin, tz="Nowhere/Bogus") == "2026-11-30", "a bogus TZ is not read when the workspace has a zone")
p = run(plain, "check", tz="Nowhere/Bogus")
check(p.returncode == 3 and "TZ='Nowhere/Bogus'" in p.stdout, f"check with TZ=Nowhere/Bogus: rc {p.returncode}, {p.stdout!r}")

# An unknown zone in peerctl.toml is an error at its line and column.
bad = workspace('timezone = "Mars/Olympus"\n')
p = run(bad, "report", "renewals", "--format", "json", tz="Europe/Berlin")
check(p.returncode == 1, f"unknown timezone: rc {p.returncode}")
check(p.stderr.startswith("peerctl.toml:2:12: error: unknown time zone 'Mars/Olympus'"), f"unknown timezone: {p.stderr!r}")
bad = workspace("timezone = 5\n")
p = run(bad, "report", "renewals", "--format", "json")
check(p.returncode == 1 and p.stderr.startswith("peerctl.toml:2:12: error:"), f"timezone = 5: {p.returncode} {p.stderr!r}")

# log --date: what is "in the future" is decided in the workspace's zone. At 22:00 on the 29th in
# New York the 30th is tomorrow, though it is already the 30th in UTC and in Berlin.
log = ["log", "ce", "jdoe", "--hours", "1", "--title", "Ethics", "--date", "2026-11-30", "--dry-run"]
p = run(new_york, *log, tz="Europe/Berlin")
check(p.returncode == 1 and "the date 2026-11-30 is in the future" in p.stderr, f"log in New York: {p.returncode} {p.stderr!r}")
p = run(berlin, *log, tz="America/New_York")
check(p.returncode == 0, f"log in Berlin: {p.returncode} {p.stderr!r}")

# The hook itself refuses what is not an instant.
p = run(plain, "report", "renewals", now="2026-11-30")
check(p.returncode == 2 and "PEERCTL_NOW" in p.stderr, f"PEERCTL_NOW=2026-11-30: {p.returncode} {p.stderr!r}")

for f in failures:
    print("FAIL:", f)
print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
