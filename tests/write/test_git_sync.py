#!/usr/bin/python3
"""Sites sharing a workspace through git, at scale: a bare repository and four clones, each logging
50 entries to the same three records and pulling (merge, then rebase) and pushing in turns until all
are in. Every entry must then be in every clone exactly once, with no conflict marker and `validate`
clean. A record edited with `peerctl edit` on one side and appended to on the other merges. And the
driver is property-tested: for random pairs of additions and voids to a base record, `merge-file`
exits 0 and keeps every entry of both sides, once.

usage: test_git_sync.py PEERCTL
"""
import os
import random
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, read_bytes, record_file, write_bytes  # noqa: E402

s = Suite("git-sync")
if shutil.which("git") is None:
    s.skip("git is not installed")
s.env.update(GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Central", GIT_AUTHOR_EMAIL="central@example.org",
             GIT_COMMITTER_NAME="Central", GIT_COMMITTER_EMAIL="central@example.org")
IDS = ("ana", "ben", "cai")
SITES = ("north", "south", "east", "west")
PER_SITE = 50
PER_TURN = 5


def git(cwd, *args, env=None, ok=True):
    p = subprocess.run(["git", *args], cwd=cwd, env=env or s.env, capture_output=True, timeout=120)
    if ok and p.returncode != 0:
        s.abort(f"git {' '.join(args)} in {os.path.basename(cwd)} failed: {p.stderr.decode(errors='replace')}")
    return p


def site_env(name):
    env = dict(s.env)
    env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=f"{name}@example.org", GIT_COMMITTER_NAME=name,
               GIT_COMMITTER_EMAIL=f"{name}@example.org")
    return env


def titles(ws, ident):
    """Every CE title in the record, in file order (duplicates kept: they are what is tested)."""
    text = (read_bytes(record_file(ws, ident)) or b"").decode("utf-8", "replace")
    return re.findall(r'^title = "([^"]*)"', text, re.M)


# --- the shared workspace: three records, a bare repository, four clones -------------------------
central = os.path.join(s.tmp, "central")
s.expect(s.run("init", "--git", central, as_of=None), 0, "init --git")
for ident in IDS:
    s.expect(s.run("add", ident, "--name", f"Person {ident}", "--credential", "ct-rss", ws=central), 0, f"add {ident}")
    s.expect(s.run("certify", ident, "ct-rss", "--issued", "2025-01-02", "--force", ws=central), 0, f"certify {ident}")
git(central, "add", "-A")
git(central, "commit", "-q", "-m", "three records")
bare = os.path.join(s.tmp, "shared.git")
git(s.tmp, "clone", "-q", "--bare", central, bare)
clones = {}
for name in SITES:
    path = os.path.join(s.tmp, name)
    git(s.tmp, "clone", "-q", bare, path)
    s.expect(s.run("git", "setup", ws=path), 0, f"git setup in {name}")
    clones[name] = path

# --- four sites in turns: log, commit, pull (merge in the first half, rebase in the second), push --
expected = {ident: set() for ident in IDS}
turns = PER_SITE // PER_TURN
for turn in range(turns):
    pull = ["pull", "-q", "--no-rebase"] if turn < turns // 2 else ["pull", "-q", "--rebase"]
    for k, name in enumerate(SITES):
        ws, env = clones[name], site_env(name)
        for i in range(PER_TURN):
            n = turn * PER_TURN + i
            ident = IDS[(n + k) % len(IDS)]
            title = f"{name} course {n:02d}"
            # The same dates at every site: entries of one date from several sites must all stay.
            date = f"2025-{3 + n // 28:02d}-{1 + n % 28:02d}"
            p = s.log_ce(ws, ident, title, date=date, hours="1")
            if p.returncode != 0:
                s.abort(f"{name}: log {title} failed: {p.stderr.decode(errors='replace')}")
            expected[ident].add(title)
        git(ws, "add", "-A", env=env)
        git(ws, "commit", "-q", "-m", f"{name} turn {turn}", env=env)
        p = git(ws, *pull, env=env, ok=False)
        s.check(p.returncode == 0, f"{name} turn {turn}: git {' '.join(pull)} merges without a conflict",
                p.stdout + p.stderr)
        if p.returncode != 0:
            s.abort("a pull stopped; the rest would only repeat it")
        git(ws, "push", "-q", env=env)
for name, ws in clones.items():
    git(ws, "pull", "-q", "--no-rebase", env=site_env(name))

total = sum(len(v) for v in expected.values())
s.check(total == len(SITES) * PER_SITE, f"{total} distinct entries were logged", total)
for name, ws in clones.items():
    for ident in IDS:
        got = titles(ws, ident)
        s.check(sorted(got) == sorted(expected[ident]),
                f"{name}: {ident} holds every entry of every site exactly once ({len(got)} of {len(expected[ident])})",
                sorted(set(got) ^ expected[ident]) or got)
        text = read_bytes(record_file(ws, ident)) or b""
        s.check(b"<<<<<<<" not in text and b">>>>>>>" not in text, f"{name}: {ident} has no conflict marker")
    s.validate(ws, f"{name} after every site's entries are in")
heads = {git(ws, "rev-parse", "HEAD").stdout for ws in clones.values()}
s.check(len(heads) == 1, "every clone ends on the same commit", heads)

# --- edited on one side, appended to on the other ------------------------------------------------
north, south = clones["north"], clones["south"]
editor = os.path.join(s.tmp, "rename.sh")
write_bytes(editor, b'#!/bin/sh\nsed -i \'s/^name = .*/name = "Ana Q. Person"/\' "$1"\n')
os.chmod(editor, 0o755)
env = dict(s.env, EDITOR=editor)
env.pop("VISUAL", None)
p = subprocess.run(s.cmd(["edit", "ana"], north), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
s.expect(p, 0, "edit on north")
git(north, "commit", "-q", "-am", "north renames ana", env=site_env("north"))
git(north, "push", "-q", env=site_env("north"))
s.expect(s.log_ce(south, "ana", "south after the rename", date="2025-06-01"), 0, "log on south")
git(south, "commit", "-q", "-am", "south logs for ana", env=site_env("south"))
p = git(south, "pull", "-q", "--no-rebase", env=site_env("south"), ok=False)
s.check(p.returncode == 0, "an edit on one side and an append on the other merge", p.stdout + p.stderr)
text = (read_bytes(record_file(south, "ana")) or b"").decode()
s.check('name = "Ana Q. Person"' in text and "south after the rename" in titles(south, "ana"),
        "the merged record has the edit and the new entry", text)
s.validate(south, "after the edit and the append merged")

# --- the driver, property-tested: merge(base, a, b) holds every entry of a and of b -----------------
HEADER = 'id = "pat"\nname = "Pat"\n\n[credentials.ct-rss]\nissued = 2025-01-02\n'


def entry(title, day, voided=None):
    text = f'\n[[ce]]\ndate = 2025-{1 + day // 28:02d}-{1 + day % 28:02d}\nhours = 1\ntitle = "{title}"\n'
    return text + (f'void = "{voided}"\n' if voided else "")


rng = random.Random(20261130)
scratch = os.path.join(s.tmp, "prop")
os.makedirs(os.path.join(scratch, "specialists"))
write_bytes(os.path.join(scratch, "peerctl.toml"), b'name = "Property test"\n')
failures = []
for trial in range(150):
    base_entries = [(f"base {i}", rng.randrange(300)) for i in range(rng.randrange(6))]
    sides = []
    for side in ("a", "b"):
        kept = [entry(t, d, "duplicate" if rng.random() < 0.15 else None) for t, d in base_entries]
        added = [(f"{side} {trial} {i}", rng.randrange(300)) for i in range(rng.randrange(6))]
        sides.append((kept + [entry(t, d) for t, d in added], [t for t, _ in added]))
    base = HEADER + "".join(entry(t, d) for t, d in base_entries)
    paths = {}
    for name, text in (("base", base), ("a", HEADER + "".join(sides[0][0])), ("b", HEADER + "".join(sides[1][0]))):
        paths[name] = os.path.join(scratch, f"{name}.toml")
        write_bytes(paths[name], text.encode())
    p = s.run("merge-file", paths["base"], paths["a"], paths["b"], "specialists/pat.toml", ws=scratch, as_of=None)
    merged = (read_bytes(paths["a"]) or b"").decode()
    got = re.findall(r'^title = "([^"]*)"', merged, re.M)
    want = [t for t, _ in base_entries] + sides[0][1] + sides[1][1]
    if p.returncode != 0 or sorted(got) != sorted(want):
        failures.append((trial, p.returncode, sorted(set(want) ^ set(got)), merged[:400]))
s.check(not failures, f"merge-file keeps every entry of both sides once in 150 random trials ({len(failures)} failed)",
        failures[:2])

s.finish()
