#!/usr/bin/python3
"""A workspace shared through git: `init --git`, `git setup`, the `merge-file` driver and `history`,
with real git in a scratch directory. Two clones log different entries to the same record and merge:
both entries, a valid record, exit 0. A name changed two ways stops with exit 1, markers, and
`validate` naming their lines. `history` says who committed what. The pre-commit hook refuses an invalid staged record and is never
written over someone else's. With `[git] commit = true` each write is one commit of only the files it
changed, leaving other staged work alone; a commit git refuses is a warning, the write done.

usage: test_git.py PEERCTL
"""
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, parse_toml, read_bytes, record_file, write_bytes  # noqa: E402

s = Suite("git")
if shutil.which("git") is None:
    s.skip("git is not installed")
# Never the machine's or the user's git configuration: a known identity, nothing else.
s.env.update(GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="Site North", GIT_AUTHOR_EMAIL="north@example.org",
             GIT_COMMITTER_NAME="Site North", GIT_COMMITTER_EMAIL="north@example.org")


def git(cwd, *args, env=None, ok=True):
    p = subprocess.run(["git", *args], cwd=cwd, env=env or s.env, capture_output=True, timeout=60)
    if ok and p.returncode != 0:
        s.abort(f"git {' '.join(args)} failed: {p.stderr.decode(errors='replace')}")
    return p


def as_site(name):
    env = dict(s.env)
    env.update(GIT_AUTHOR_NAME=f"Site {name}", GIT_AUTHOR_EMAIL=f"{name.lower()}@example.org",
               GIT_COMMITTER_NAME=f"Site {name}", GIT_COMMITTER_EMAIL=f"{name.lower()}@example.org")
    return env


# --- init --git -------------------------------------------------------------------------------
north = os.path.join(s.tmp, "north")
p = s.run("init", "--git", north, as_of=None)
s.expect(p, 0, "init --git")
s.check(os.path.isdir(os.path.join(north, ".git")), "init --git makes a git repository")
attributes = (read_bytes(os.path.join(north, ".gitattributes")) or b"").decode()
s.check("specialists/*.toml merge=peerctl" in attributes and "credentials/*.toml merge=peerctl" in attributes,
        ".gitattributes routes records and credential files to the driver", attributes)
driver = git(north, "config", "--get", "merge.peerctl.driver").stdout.decode().strip()
s.check(driver.endswith(" merge-file %O %A %B %P") and s.peerctl in driver, "the clone's merge driver is configured", driver)
s.check(os.access(os.path.join(north, ".git", "hooks", "pre-commit"), os.X_OK), "init --git installs the pre-commit hook")
s.expect(s.run("add", "jdoe", "--name", "Jordan Doe", "--credential", "ct-rss", ws=north), 0, "add")
s.expect(s.run("certify", "jdoe", "ct-rss", "--issued", "2025-04-01", "--force", ws=north), 0, "certify")
git(north, "add", "-A")
git(north, "commit", "-q", "-m", "jdoe")
status = git(north, "status", "--porcelain", "--ignored").stdout.decode()
s.check(status == "!! specialists/.jdoe.lock\n!! specialists/.jdoe.toml.undo\n",
        ".gitignore keeps peerctl's lock and undo files out of git", status)

# --- a second site: a clone, without the driver until `git setup` -------------------------------
south = os.path.join(s.tmp, "south")
git(s.tmp, "clone", "-q", north, south)
p = s.run("validate", ws=south)
s.expect(p, 0, "validate in a clone without the driver (a warning, not an error)")
s.check(b".gitattributes: warning: this git clone has no 'peerctl' merge driver configured" in p.stderr
        and b"peerctl git setup" in p.stderr, "validate warns that the clone lacks the merge driver", p.stderr)
p = s.run("git", "setup", ws=south, as_of=None)
s.expect(p, 0, "git setup")
p = s.run("validate", ws=south)
s.check(p.returncode == 0 and b": warning:" not in p.stderr, "after git setup, validate is clean", p.stderr)

# --- both sites log to the same record, then merge ----------------------------------------------
s.expect(s.log_ce(north, "jdoe", "Ethics and boundaries", date="2026-03-05", hours="3", extra=["--topic", "ethics"]),
         0, "log at north")
git(north, "commit", "-q", "-am", "north: ethics", env=as_site("North"))
s.expect(s.log_ce(south, "jdoe", "Trauma-informed care", date="2026-02-20", hours="2", extra=["--topic", "ethics"]),
         0, "log at south")
s.expect(s.log_ce(south, "jdoe", "Advocacy", date="2026-03-09", hours="1", extra=["--topic", "advocacy"]),
         0, "second log at south")
git(south, "commit", "-q", "-am", "south: two courses", env=as_site("South"))
p = git(south, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD", ok=False)
s.expect(p, 0, "git pull merges two sites' entries to one record")
text = read_bytes(record_file(south, "jdoe")) or b""
doc = parse_toml(text) or {}
titles = [e.get("title") for e in doc.get("ce", [])]
s.check(titles == ["Trauma-informed care", "Ethics and boundaries", "Advocacy"],
        "the merged record has every entry once, in date order", text)
s.check(b"<<<<<<<" not in text, "no conflict markers after a clean merge", text)
s.validate(south, "the merged workspace")
s.check(git(south, "status", "--porcelain").stdout == b"", "the merge is committed, nothing left over")

# --- history: who wrote what to the record, and when -----------------------------------------------
p = s.run("history", "jdoe", "--format", "json", ws=south)
s.expect(p, 0, "history --format json")
import json  # noqa: E402
commits = json.loads(p.stdout or b"{}").get("commits", [])
s.check([(c["author"], c["subject"]) for c in commits if c["added"] or c["removed"]] ==
        [("Site South", "south: two courses"), ("Site North", "north: ethics"), ("Site North", "jdoe")],
        "history names each commit's author and message, newest first", p.stdout)
try:
    import jsonschema  # noqa: E402
    schema_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas", "history.schema.json")
    with open(schema_path) as f:
        errors = [e.message for e in jsonschema.Draft4Validator(json.load(f)).iter_errors(json.loads(p.stdout))]
    s.check(not errors, "history --format json follows schemas/history.schema.json", errors)
except ImportError:  # python3-jsonschema is a test tool (scripts/bootstrap --with-test-tools)
    pass
s.check(all(len(c["commit"]) == 40 and c["date"][:4] >= "2024" for c in commits), "with hashes and dates", p.stdout)
s.check(commits and commits[-1]["added"] > 0 and commits[-1]["removed"] == 0, "and the lines each added", p.stdout)
p = s.run("history", "jdoe", ws=south)
s.expect(p, 0, "history as a table")
s.check(b"south: two courses" in p.stdout and b"Site North" in p.stdout and b"+6 -0" in p.stdout,
        "the table shows author, message and lines", p.stdout)
p = s.run("history", "ghost", ws=south)
s.expect(p, 1, "history of a record that does not exist")

# --- a true conflict: the name changed two ways ---------------------------------------------------
git(north, "pull", "-q", "--no-rebase", "--no-edit", south, "HEAD")
for site, name in ((north, "Jordan A. Doe"), (south, "Jordan B. Doe")):
    path = record_file(site, "jdoe")
    write_bytes(path, (read_bytes(path) or b"").replace(b'name = "Jordan Doe"', f'name = "{name}"'.encode()))
    git(site, "commit", "-q", "-am", f"rename at {os.path.basename(site)}")
s.expect(s.log_ce(south, "jdoe", "Recovery planning", date="2026-03-12", hours="2", extra=["--topic", "ethics"]),
         0, "log at south beside the rename")
git(south, "commit", "-q", "-am", "south: recovery planning")
p = git(south, "pull", "-q", "--no-rebase", "--no-edit", "origin", "HEAD", ok=False)
s.check(p.returncode != 0, "a name changed two ways stops the merge", p.stdout + p.stderr)
text = (read_bytes(record_file(south, "jdoe")) or b"").decode()
lines = text.split("\n")
s.check('<<<<<<< ours\nname = "Jordan B. Doe"\n=======\nname = "Jordan A. Doe"\n>>>>>>> theirs\n' in text,
        "conflict markers around both names", text)
s.check("Recovery planning" in text and "Advocacy" in text, "the rest of the record is merged all the same", text)
opening = lines.index("<<<<<<< ours") + 1
p = s.run("validate", ws=south)
s.expect(p, 1, "validate of a record with conflict markers")
s.check(f"specialists/jdoe.toml:{opening}:1: error: merge conflict marker: git could not merge lines "
        f"{opening}-{opening + 4}".encode() in p.stderr, "validate names the conflict's lines", p.stderr)

# --- merge-file alone: an unparsable side is a whole-file conflict, never a loss -----------------
d = os.path.join(s.tmp, "merge-file")
os.makedirs(os.path.join(d, "specialists"))
base = b'id = "x"\nname = "X"\n\n[credentials.ct-rss]\n'
write_bytes(os.path.join(d, "base"), base)
write_bytes(os.path.join(d, "ours"), base + b"\n[[ce]]\ndate = 2026-01-01\nhours = 1\ntitle = \"A\"\ntopics = [\"ethics\"]\n")
write_bytes(os.path.join(d, "theirs"), base + b"\n[[ce]\n")
p = s.run("merge-file", "base", "ours", "theirs", "specialists/x.toml", as_of=None, cwd=d)
s.expect(p, 1, "merge-file with a side that does not parse")
merged = read_bytes(os.path.join(d, "ours")) or b""
s.check(merged.startswith(b"<<<<<<< ours\n") and b'title = "A"' in merged and b"[[ce]\n>>>>>>> theirs\n" in merged,
        "both sides whole between the markers", merged)
s.check(b"theirs does not parse as TOML" in p.stderr, "merge-file says why", p.stderr)

# --- the pre-commit hook ----------------------------------------------------------------------------
git(north, "reset", "-q", "--hard")
path = record_file(north, "jdoe")
good = read_bytes(path)
write_bytes(path, good + b"\n[[ce]]\ndate = 2026-04-01\nhours = -2\ntitle = \"Bad\"\ntopics = [\"ethics\"]\n")
git(north, "add", "specialists/jdoe.toml")
write_bytes(path, good)  # the work tree is fine; what is staged is not
p = git(north, "commit", "-q", "-m", "bad", ok=False)
s.check(p.returncode != 0 and b"specialists/jdoe.toml:" in p.stderr and b"hours" in p.stderr,
        "the hook refuses a commit whose staged record is invalid", p.stdout + p.stderr)
git(north, "reset", "-q", "--hard")
hook = os.path.join(north, ".git", "hooks", "pre-commit")
write_bytes(hook, b"#!/bin/sh\nexit 0\n")
p = s.run("git", "setup", ws=north, as_of=None)
s.expect(p, 0, "git setup beside someone else's hook")
s.check(read_bytes(hook) == b"#!/bin/sh\nexit 0\n", "git setup leaves a hook that is not peerctl's as it is")
s.check(b"is not peerctl's: left as it is" in p.stderr, "and says so", p.stderr)

# --- [git] commit = true: each write is one commit of exactly the files it changed ----------------
central = os.path.join(s.tmp, "central")
s.expect(s.run("init", "--git", central, as_of=None), 0, "init --git central")
s.expect(s.run("add", "jdoe", "--name", "Jordan Doe", "--credential", "ct-rss", ws=central), 0, "add, commit unset")
s.check(git(central, "rev-list", "--all", "--count", ok=False).stdout.strip() in (b"", b"0"),
        "without [git] commit (false by default) a write commits nothing")
with open(os.path.join(central, "peerctl.toml"), "a") as f:
    f.write("\n[git]\ncommit = true\n")
git(central, "add", "-A")
git(central, "commit", "-q", "-m", "central")
write_bytes(os.path.join(central, "notes.txt"), b"unfinished work\n")
git(central, "add", "notes.txt")


def last_commit(what, message, files):
    """Checks that HEAD is one new commit with `message` touching exactly `files`."""
    subject = git(central, "log", "-1", "--format=%B").stdout.decode().rstrip("\n")
    changed = git(central, "show", "--name-only", "--format=", "HEAD").stdout.decode().split()
    s.check(subject == message, f"{what}: the commit says what", subject)
    s.check(sorted(changed) == sorted(files), f"{what}: the commit holds exactly the files it changed", changed)
    s.check(git(central, "status", "--porcelain").stdout == b"A  notes.txt\n",
            f"{what}: the other staged file stays staged and out of the commit",
            git(central, "status", "--porcelain").stdout)


def commits():
    return int(git(central, "rev-list", "--count", "HEAD").stdout)


certificate = os.path.join(s.tmp, "certificate.pdf")
write_bytes(certificate, b"%PDF-1.4 certificate\n")
before = commits()
p = s.log_ce(central, "jdoe", "Ethics and boundaries", date="2026-03-05", hours="3",
             extra=["--topic", "ethics", "--evidence", certificate])
s.expect(p, 0, "log with [git] commit = true")
s.check(commits() == before + 1, "log makes one commit")
last_commit("log", 'log ce jdoe: 3 h "Ethics and boundaries" (ethics)',
            ["specialists/jdoe.toml", "evidence/jdoe/certificate.pdf"])
before = commits()
s.expect(s.log_ce(central, "jdoe", "Line one\nLine two", date="2026-03-06", extra=["--topic", "ethics", "--dry-run"]),
         0, "log --dry-run")
s.check(commits() == before, "--dry-run commits nothing")
s.expect(s.log_ce(central, "jdoe", "Line one\nLine two\x1b[31m", date="2026-03-06", extra=["--topic", "ethics"]),
         0, "log a title with control characters")
last_commit("a title with control characters", 'log ce jdoe: 1 h "Line one Line two [31m" (ethics)',
            ["specialists/jdoe.toml"])
s.expect(s.run("void", "jdoe", "ce:2", "--reason", "duplicate", ws=central), 0, "void")
last_commit("void", "void jdoe ce:2: duplicate", ["specialists/jdoe.toml"])
editor = os.path.join(s.tmp, "rename.sh")
write_bytes(editor, b'#!/bin/sh\nsed -i \'s/^name = .*/name = "Jordan Q. Doe"/\' "$1"\n')
os.chmod(editor, 0o755)
env = dict(s.env, EDITOR=editor)
env.pop("VISUAL", None)
p = subprocess.run(s.cmd(["edit", "jdoe"], central), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
s.expect(p, 0, "edit")
last_commit("edit", "edit jdoe", ["specialists/jdoe.toml"])
before = commits()
s.expect(s.run("undo", "jdoe", ws=central), 0, "undo")
s.check(commits() == before + 1 and b'name = "Jordan Doe"' in (read_bytes(record_file(central, "jdoe")) or b""),
        "undo is a new commit that puts the record back")
last_commit("undo", "undo jdoe", ["specialists/jdoe.toml"])
s.expect(s.run("add", "asmith", "--name", "Alex Smith", "--credential", "ct-rss", ws=central), 0, "add")
last_commit("add", "add asmith", ["specialists/asmith.toml"])
s.expect(s.run("certify", "asmith", "ct-rss", "--issued", "2025-04-01", "--force", ws=central), 0, "certify")
last_commit("certify", "certify asmith ct-rss", ["specialists/asmith.toml"])
sheet = os.path.join(s.tmp, "sign-in.csv")
write_bytes(sheet, b"ID\njdoe\nasmith\n")
before = commits()
s.expect(s.run("import", "attendance", sheet, "--date", "2026-03-10", "--hours", "2", "--title", "Team ethics day",
               "--topic", "ethics", ws=central), 0, "import attendance")
s.check(commits() == before + 1, "an import is one commit")
last_commit("import attendance", 'import attendance sign-in.csv: ce 2 h on 2026-03-10 "Team ethics day" for 2 specialists',
            ["specialists/jdoe.toml", "specialists/asmith.toml"])
s.check(git(central, "log", "--format=%an", "-1").stdout == b"Site North\n", "the commit is the user's own identity")
with open(os.path.join(central, ".gitignore"), "a") as f:
    f.write("evidence/\n")
git(central, "commit", "-q", "--only", "-m", "certificates stay out of git", "--", ".gitignore")
s.expect(s.log_ce(central, "asmith", "Boundaries", date="2026-03-04", extra=["--topic", "ethics", "--evidence", certificate]),
         0, "log with an evidence copy that git ignores")
last_commit("an ignored evidence copy", 'log ce asmith: 1 h "Boundaries" (ethics)', ["specialists/asmith.toml"])
hook = os.path.join(central, ".git", "hooks", "pre-commit")
peerctl_hook = read_bytes(hook)
write_bytes(hook, b"#!/bin/sh\necho 'refused by site policy' >&2\nexit 1\n")
before = commits()
p = s.log_ce(central, "asmith", "Refused by the hook", date="2026-03-05", extra=["--topic", "ethics"])
write_bytes(hook, peerctl_hook)
s.expect(p, 0, "log when a hook refuses the commit")
s.check(commits() == before and b"Refused by the hook" in (read_bytes(record_file(central, "asmith")) or b""),
        "a refused commit leaves the write done and commits nothing")
s.check(p.stderr == b"peerctl: warning: the write is done but git did not commit it: refused by site policy\n",
        "and says so, with the hook's first line", p.stderr)
git(central, "commit", "-q", "--only", "-m", "by hand", "--", "specialists/asmith.toml")
s.check(git(central, "log", "--all", "--format=%h", "--", "notes.txt").stdout == b"",
        "the unrelated staged file is in no commit")

# --- a commit git refuses: the write is done, a warning, exit 0 -------------------------------------
plain = s.workspace("plain")
with open(os.path.join(plain, "peerctl.toml"), "a") as f:
    f.write("\n[git]\ncommit = true\n")
s.env["GIT_CEILING_DIRECTORIES"] = s.tmp  # never a repository the scratch directory happens to be in
p = s.log_ce(plain, "jdoe", "Outside git", date="2026-03-05", extra=["--topic", "ethics"])
del s.env["GIT_CEILING_DIRECTORIES"]
s.expect(p, 0, "log in a workspace outside git")
s.check(b"Outside git" in (read_bytes(record_file(plain, "jdoe")) or b""), "the entry is written all the same")
s.check(p.stderr.startswith(b"peerctl: warning: the write is done but git did not commit it: fatal: not a git repository"),
        "and the warning gives git's reason", p.stderr)

s.finish()
