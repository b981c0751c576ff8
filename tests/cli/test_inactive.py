#!/usr/bin/python3
"""Inactive and left specialists (status = "inactive" | "left") in check, its cache, export ics,
team reports and status, with and without --include-inactive, on tests/cli/fixtures/team: ana
(active), ivan (inactive), lena (left), all three ct-rss holders due on 2026-11-16.

usage: test_inactive.py PEERCTL FIXTURE
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

peerctl, fixture = sys.argv[1], sys.argv[2]
failures = []
passed = 0
scratch = tempfile.TemporaryDirectory()
root = os.path.join(scratch.name, "team")
shutil.copytree(fixture, root)
# check caches only files changed more than two seconds before it runs (git's racy rule).
time.sleep(2.1)
cache = os.path.join(scratch.name, "cache")


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)


def run(*args):
    env = {k: v for k, v in os.environ.items() if k not in ("PEERCTL_DIR", "PEERCTL_NOW")}
    env.update(HOME=scratch.name, XDG_CONFIG_HOME=os.path.join(scratch.name, "config"), XDG_CACHE_HOME=cache,
               SOURCE_DATE_EPOCH="1790000000")
    return subprocess.run([peerctl, "--dir", root, "--as-of", "2026-11-16", *args], env=env, capture_output=True, text=True)


def ids_in(text):
    return sorted(i for i in ("ana", "ivan", "lena") if i in text)


# check, through its cache both ways: the flag is one of the cache's inputs.
for flag, want in (([], ["ana"]), (["--include-inactive"], ["ana", "ivan", "lena"]), ([], ["ana"]),
                   (["--include-inactive"], ["ana", "ivan", "lena"])):
    p = run("check", *flag)
    check(p.returncode == 1 and ids_in(p.stdout) == want, f"check {flag}: {p.returncode} {ids_in(p.stdout)} {p.stdout!r}")
check(os.listdir(os.path.join(cache, "peerctl")), "check kept a cache")

p = run("export", "ics")
check(p.returncode == 0 and ids_in(p.stdout) == ["ana"], f"export ics: {ids_in(p.stdout)}")
p = run("export", "ics", "--include-inactive")
check(p.returncode == 0 and ids_in(p.stdout) == ["ana", "ivan", "lena"], f"export ics --include-inactive: {ids_in(p.stdout)}")
p = run("export", "ics", "--id", "lena")
check(p.returncode == 0 and ids_in(p.stdout) == ["lena"], f"export ics --id lena: {ids_in(p.stdout)}")

p = run("report", "--include-inactive", "audit", "sample", "--percent", "100", "--seed", "1", "--format", "csv")
check(p.returncode == 0 and ids_in(p.stdout) == ["ana", "ivan", "lena"], f"a flag before the report's name: {p.stderr!r}")
for report in (["renewals"], ["roster"], ["audit", "sample", "--percent", "100", "--seed", "1"]):
    p = run("report", *report, "--format", "csv")
    check(p.returncode == 0 and ids_in(p.stdout) == ["ana"], f"report {report}: {ids_in(p.stdout)} {p.stderr!r}")
    p = run("report", *report, "--format", "csv", "--include-inactive")
    check(p.returncode == 0 and ids_in(p.stdout) == ["ana", "ivan", "lena"],
          f"report {report} --include-inactive: {ids_in(p.stdout)} {p.stderr!r}")
p = run("report", "transcript", "lena", "--format", "csv")
check(p.returncode == 0, f"report transcript lena: {p.returncode} {p.stderr!r}")
p = run("report", "--include-inactive", "transcript", "lena")
check(p.returncode == 2 and "--include-inactive applies to the team reports" in p.stderr,
      f"report --include-inactive transcript: {p.returncode} {p.stderr!r}")

p = run("status", "lena")
check(p.returncode == 0 and "Lena Left" in p.stdout, f"status lena: {p.returncode} {p.stdout!r}")
p = run("validate")
check(p.returncode == 0 and ": warning:" not in p.stderr, f"validate: the keys for teams are known: {p.stderr!r}")

for f in failures:
    print("FAIL:", f)
print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
