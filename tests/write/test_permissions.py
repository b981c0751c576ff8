#!/usr/bin/python3
"""File modes whatever the umask: `init` makes peerctl.toml 0600 and its directories 0700, `add`
makes records 0600 (0640 in a workspace with `group = true`), and `log` keeps an existing record's
mode, owner and group, but refuses a record made read-only.

usage: test_permissions.py PEERCTL
"""
import os
import stat
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, read_bytes, record_file, snapshot, snapshot_diff, write_bytes  # noqa: E402

s = Suite("permissions")


def mode(p):
    return stat.S_IMODE(os.lstat(p).st_mode)


def check_mode(p, want, what):
    got = mode(p)
    return s.check(got == want, f"{what}: mode {got:04o}, expected {want:04o}")


for umask in (0o000, 0o077, 0o022):
    os.umask(umask)
    u = f"umask {umask:03o}"

    # A private workspace.
    ws = os.path.join(s.tmp, f"private-{umask:03o}")
    s.expect(s.run("init", ws, as_of=None), 0, f"{u}: init")
    check_mode(os.path.join(ws, "peerctl.toml"), 0o600, f"{u}: init's peerctl.toml")
    for d in ("", "specialists", "credentials"):
        check_mode(os.path.join(ws, d), 0o700, f"{u}: init's directory {d or '(the workspace)'}")
    s.expect(s.run("add", "jdoe", "--name", "Jordan Doe", "--credential", "ct-rss", ws=ws), 0, f"{u}: add")
    rec = record_file(ws, "jdoe")
    check_mode(rec, 0o600, f"{u}: add's record")
    check_mode(os.path.join(ws, "specialists", ".jdoe.lock"), 0o600, f"{u}: the lock file")
    s.expect(s.log_ce(ws, "jdoe", "first"), 0, f"{u}: log")
    check_mode(rec, 0o600, f"{u}: the record after log")

    # An existing record's mode is kept, whatever it is.
    for kept in (0o644, 0o640, 0o604):
        os.chmod(rec, kept)
        s.expect(s.log_ce(ws, "jdoe", f"kept {kept:04o}"), 0, f"{u}: log to a {kept:04o} record")
        check_mode(rec, kept, f"{u}: a {kept:04o} record after log")
    # A record made read-only is refused, even to root, and nothing at all is written: not even
    # the lock file, were it missing.
    os.unlink(os.path.join(ws, "specialists", ".jdoe.lock"))
    for read_only in (0o400, 0o444):
        os.chmod(rec, read_only)
        before = snapshot(ws)
        for extra in ((), ("--dry-run",), ("--force",)):
            what = f"{u}: log {' '.join(extra)} to a {read_only:04o} record".replace("  ", " ")
            p = s.log_ce(ws, "jdoe", f"read-only {read_only:04o}", extra=extra)
            s.expect(p, 1, what)
            s.check(b"specialists/jdoe.toml: error: the record is read-only" in p.stderr, f"{what}: says why", p.stderr)
            s.check(not p.stdout, f"{what}: prints nothing on stdout", p.stdout)
            s.check(snapshot(ws) == before, f"{what}: nothing in the workspace changed",
                    snapshot_diff(before, snapshot(ws)))
    os.chmod(rec, 0o600)

    # A workspace for a group, made by init --group.
    gws = os.path.join(s.tmp, f"group-{umask:03o}")
    s.expect(s.run("init", gws, "--group", as_of=None), 0, f"{u}: init --group")
    s.check(b"group = true" in read_bytes(os.path.join(gws, "peerctl.toml")), f"{u}: init --group writes group = true")
    check_mode(os.path.join(gws, "peerctl.toml"), 0o640, f"{u}: init --group's peerctl.toml")
    for d in ("", "specialists", "credentials"):
        check_mode(os.path.join(gws, d), 0o750, f"{u}: init --group's directory {d or '(the workspace)'}")
    s.expect(s.run("add", "jdoe", "--name", "Jordan Doe", "--credential", "ct-rss", ws=gws), 0, f"{u}: add (group)")
    check_mode(record_file(gws, "jdoe"), 0o640, f"{u}: add's record in a group workspace")
    s.expect(s.log_ce(gws, "jdoe", "first"), 0, f"{u}: log (group)")
    check_mode(record_file(gws, "jdoe"), 0o640, f"{u}: the group record after log")

    # A workspace written by hand with `group = true`.
    hws = os.path.join(s.tmp, f"hand-{umask:03o}")
    os.makedirs(os.path.join(hws, "specialists"))
    write_bytes(os.path.join(hws, "peerctl.toml"), b'name = "Hand made"\ngroup = true\n')
    s.expect(s.run("add", "asmith", "--name", "A Smith", "--credential", "ct-rss", ws=hws), 0, f"{u}: add (hand-made)")
    check_mode(record_file(hws, "asmith"), 0o640, f"{u}: add's record where peerctl.toml says group = true")

os.umask(0o022)

# A lock file that is already there is used as it is: never chmod-ed (it may be someone else's).
ws = os.path.join(s.tmp, "private-022")
lock = os.path.join(ws, "specialists", ".jdoe.lock")
write_bytes(lock, b"")
os.chmod(lock, 0o644)
s.expect(s.log_ce(ws, "jdoe", "existing lock"), 0, "log with a lock file already there")
check_mode(lock, 0o644, "a lock file peerctl did not create")

# Owner and group are kept too (a record shared with a group must stay that group's).
if os.geteuid() == 0:
    ws = os.path.join(s.tmp, "private-000")
    rec = record_file(ws, "jdoe")
    os.chown(rec, 4242, 4343)
    os.chmod(rec, 0o640)
    s.expect(s.log_ce(ws, "jdoe", "chowned"), 0, "log to a record owned by another user and group")
    st = os.lstat(rec)
    s.check((st.st_uid, st.st_gid) == (4242, 4343),
            f"the record's owner and group are kept after log: {st.st_uid}:{st.st_gid}, expected 4242:4343")
    check_mode(rec, 0o640, "the chowned record after log")
else:
    print("note: not root, the owner and group checks are skipped")

s.finish()
