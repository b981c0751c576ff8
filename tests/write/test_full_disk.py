#!/usr/bin/python3
"""A real full disk: a 64 KiB tmpfs holding the workspace, filled up. `peerctl log` must exit 1 with
the reason, leave the record byte-identical and leave no temporary file, whether no byte fits or
only part of the new file does; once there is room again, it works. `report -o` and `export -o`
name the file they could not write.

Needs to mount a tmpfs: as root, or in a user namespace (`unshare -Urm`) where the system allows
one. Elsewhere it prints SKIP and exits 77.

usage: test_full_disk.py PEERCTL
"""
import errno
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import SKIP, Suite, leftovers, parse_toml, read_bytes, record_file, show  # noqa: E402

NAMESPACE_FLAG = "PEERCTL_TEST_IN_NAMESPACE"
s = Suite("full-disk")
mnt = os.path.join(s.tmp, "mnt")
os.makedirs(mnt)
mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mnt], capture_output=True)
if mounted.returncode != 0:
    reason = " ".join(mounted.stderr.decode(errors="replace").split())
    unshare = shutil.which("unshare")
    if os.environ.get(NAMESPACE_FLAG) or not unshare or \
            subprocess.run([unshare, "-Urm", "true"], capture_output=True).returncode != 0:
        s.skip(f"cannot mount a tmpfs here ({reason})")
    # Try again as root of a new user and mount namespace.
    shutil.rmtree(s.tmp, ignore_errors=True)
    env = dict(os.environ, **{NAMESPACE_FLAG: "1"})
    sys.exit(subprocess.run([unshare, "-Urm", sys.executable, os.path.abspath(__file__), *sys.argv[1:]], env=env).returncode)
s.cleanups.append(lambda: subprocess.run(["umount", mnt], capture_output=True))


def fill(directory, name, keep_free=0):
    """Writes zeros to `name` until the disk is full (less `keep_free` bytes, put back at the end)."""
    spacer = os.path.join(directory, ".spacer")
    if keep_free:
        with open(spacer, "wb") as f:
            f.write(b"\0" * keep_free)
    fd = os.open(os.path.join(directory, name), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while os.write(fd, b"\0" * 4096) > 0:
            pass
    except OSError as e:
        if e.errno != errno.ENOSPC:
            raise
    finally:
        os.close(fd)
    if keep_free:
        os.unlink(spacer)
    st = os.statvfs(directory)
    return st.f_bavail * st.f_frsize


ws = s.workspace(name="mnt/ws")
path = record_file(ws, "jdoe")
specialists = os.path.dirname(path)
# About 10 KiB, so that the new file needs several pages.
for n in range(8):
    p = s.log_ce(ws, "jdoe", f"filler {n} " + "y" * 1000, date=f"2025-01-0{n + 1}")
    if p.returncode != 0:
        s.abort(f"setting up the record failed: {show(p.stderr)}")
original = read_bytes(path)
print(f"record {len(original)} bytes on a 64 KiB tmpfs")

# 1. Not a byte free.
free = fill(ws, "fill-1")
print(f"filled: {free} bytes free")
p = s.log_ce(ws, "jdoe", "on a full disk", date="2025-02-01")
s.expect(p, 1, "log on a full disk")
s.check(os.strerror(errno.ENOSPC).encode() in p.stderr, "the reason is given: no space left on device", p.stderr)
s.check(read_bytes(path) == original, "the record is byte-identical after a full disk")
s.check(leftovers(specialists) == [], "no temporary file is left after a full disk", leftovers(specialists))
s.check(not p.stdout, "nothing claims success on stdout", p.stdout)
# `add` on a full disk creates nothing.
p = s.run("add", "newp", "--name", "New Person", "--credential", "ct-rss", ws=ws)
s.expect(p, 1, "add on a full disk")
s.check(os.strerror(errno.ENOSPC).encode() in p.stderr, "add gives the reason: no space left on device", p.stderr)
s.check(not os.path.lexists(record_file(ws, "newp")), "add on a full disk creates no record")
s.check(leftovers(specialists) == [], "no temporary file is left after add", leftovers(specialists))
# A report or calendar written with -o onto the full disk names its file.
for args, name in ((("report", "renewals"), "renewals.html"), (("export", "ics"), "renewals.ics")):
    out = os.path.join(ws, name)
    p = s.run(*args, "-o", out, ws=ws)
    what = f"{' '.join(args)} -o on a full disk"
    s.expect(p, 1, what)
    s.check(f"error: cannot write {out}: {os.strerror(errno.ENOSPC)}".encode() in p.stderr,
            f"{what}: 'cannot write FILE: {os.strerror(errno.ENOSPC)}'", p.stderr)
    s.check(not [n for n in os.listdir(ws) if name in n], f"{what}: leaves no file, temporary or not", sorted(os.listdir(ws)))
os.unlink(os.path.join(ws, "fill-1"))

# 2. One page free: the new file starts to be written, then the disk is full.
free = fill(ws, "fill-2", keep_free=4096)
print(f"filled but one page: {free} bytes free")
s.check(0 < free < len(original), f"the free space ({free}) is less than the record ({len(original)})")
p = s.log_ce(ws, "jdoe", "on a nearly full disk", date="2025-02-02")
s.expect(p, 1, "log on a nearly full disk")
s.check(os.strerror(errno.ENOSPC).encode() in p.stderr, "the reason is given: no space left on device", p.stderr)
s.check(read_bytes(path) == original, "the record is byte-identical after a short write")
s.check(leftovers(specialists) == [], "no temporary file is left after a short write", leftovers(specialists))

os.unlink(os.path.join(ws, "fill-2"))

# 3. Room again: the same command works.
p = s.log_ce(ws, "jdoe", "on a nearly full disk", date="2025-02-02")
s.expect(p, 0, "log once there is room again")
after = read_bytes(path)
s.check(after.startswith(original), "the record was appended to")
doc = parse_toml(after) or {}
s.check([e.get("title") for e in doc.get("ce", [])][-1:] == ["on a nearly full disk"], "the entry is present")
s.validate(ws, "at the end")
s.finish()
