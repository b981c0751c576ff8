#!/usr/bin/env python3
"""check trusts its cache only where no one else could have written it.

A cache is made by a first run, then forged: every item says `active` until 2099-01-01. Kept as
peerctl made it (the user's own file, mode 0600, in the user's own 0700 directory), the forgery
is served, which proves that it would be believed. Then the cache is put where another user or a
symbolic link could have put it: the file or directory writable by group or others, owned by
another uid (as root: 65534), a symbolic link for the directory or the file. Each time `check`
must print exactly what `check --no-cache` prints and exit with its code, write one warning line
naming the path on stderr, and leave everything it was pointed at as it was: modes, owners,
contents and directory listings (the target of a linked directory is not chmod-ed or written).

usage: test_cache_trust.py PEERCTL EXAMPLE_WORKSPACE
"""
import glob
import os
import stat
import subprocess
import sys
import tempfile
import time

PEERCTL, EXAMPLE = sys.argv[1], sys.argv[2]
RACY = 2.2  # seconds after which a change is no longer "racy" (check_cache.hpp: 2 s)
AS_OF = "2026-11-23"
OTHER_UID = 65534
failures = []
passed = 0


def check(cond, what, detail=None):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL: {what}" + (f"\n  {detail}" if detail is not None else ""), flush=True)


def run(ws, cache_home, *args):
    env = dict(os.environ, XDG_CACHE_HOME=cache_home, HOME=cache_home)
    env.pop("PEERCTL_DIR", None)
    p = subprocess.run([PEERCTL, "--dir", ws, "--as-of", AS_OF, "check", *args], env=env, capture_output=True,
                       text=True)
    return p.returncode, p.stdout, p.stderr


def forged(text):
    """The cache with every item made `active` until 2099: check would say OK."""
    out = []
    for line in text.splitlines(keepends=True):
        f = line.rstrip("\n").split("\t")
        # item CREDENTIAL STATE DEADLINE DEADLINE_KIND EXPIRES SUBMIT_BY CE_REMAINING_CENTI MISSING PERIOD_MISSING
        if f[0] == "item" and len(f) == 10:
            line = "\t".join([f[0], f[1], "active", "2099-01-01", "expiry", "2099-01-01", "-", "0", "", ""]) + "\n"
        out.append(line)
    return "".join(out)


def snapshot(path):
    """Everything a run must leave alone under `path` (not following links): names, types,
    modes, owners and contents."""
    out = {}
    for root, dirs, files in os.walk(path):
        for name in [""] + dirs + files:
            p = os.path.join(root, name) if name else root
            st = os.lstat(p)
            content = None
            if stat.S_ISREG(st.st_mode):
                with open(p, "rb") as f:
                    content = f.read()
            elif stat.S_ISLNK(st.st_mode):
                content = os.readlink(p)
            out[os.path.relpath(p, path)] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_uid, content)
    return out


def wait_until_settled(paths):
    """Waits until none of `paths` has changed within the racy window: before, check would
    cache nothing, and the forgery would have nothing to forge."""
    newest = max(max(st.st_mtime, st.st_ctime) for st in map(os.stat, paths))
    time.sleep(max(0.0, newest + RACY - time.time()))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        # check only reads the workspace (its cache is under XDG_CACHE_HOME), so it reads the
        # example where it is: a copy would have to wait out the racy window, the clone's files
        # have as a rule long done so.
        ws = EXAMPLE
        inputs = [PEERCTL] + [os.path.join(d, f) for top in (EXAMPLE, os.path.join(EXAMPLE, "..", "credentials"))
                              for d, _, files in os.walk(top) for f in files]
        wait_until_settled(inputs)
        want = run(ws, os.path.join(tmp, "unused"), "--no-cache")
        check(want[2] == "", "--no-cache writes nothing on stderr", want[2])

        # The cache as peerctl makes it, and its forgery.
        made = os.path.join(tmp, "made")
        check(run(ws, made) == want, "first run, cached, is --no-cache's")
        files = glob.glob(os.path.join(made, "peerctl", "check-*.cache"))
        if len(files) != 1:
            check(False, f"expected one cache file, found {files}")
            return
        name = os.path.basename(files[0])
        with open(files[0]) as f:
            text = forged(f.read())
        check("active\t2099-01-01" in text, "the forgery changed the cache")

        def cache_home(label, dir_mode=0o700, file_mode=0o600):
            """A cache home holding peerctl/<name> with the forgery, at these modes."""
            home = os.path.join(tmp, label)
            os.makedirs(os.path.join(home, "peerctl"))
            path = os.path.join(home, "peerctl", name)
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, file_mode)
            os.chmod(os.path.join(home, "peerctl"), dir_mode)
            return home

        # Trusted, the forgery is believed: the cases below can fail.
        home = cache_home("trusted")
        got = run(ws, home)
        check(got[0] == 0 and got[1].startswith("PEERCTL OK") and got != want,
              "a forged cache of the user's own is served (the cases below are real)", got)
        check(want[0] != 0, "--no-cache is not OK on the example", want)

        def refused(label, home, named, setup=None):
            """check with `home` as its cache: --no-cache's answer, one warning naming `named`,
            and nothing under `home` changed (nor anything a link there leads to, `setup`)."""
            watched = [home] + ([setup] if setup else [])
            before = [snapshot(p) for p in watched]
            for attempt in ("first", "second"):
                code, out, err = run(ws, home)
                check((code, out) == want[:2], f"{label} ({attempt} run): the answer of --no-cache",
                      f"got {code} {out!r}, want {want[0]} {want[1]!r}")
                lines = err.splitlines()
                check(len(lines) == 1 and lines[0].startswith(named + ": warning: ")
                      and "not used as peerctl's cache" in lines[0],
                      f"{label} ({attempt} run): one warning line naming {named}", err)
                after = [snapshot(p) for p in watched]
                check(after == before, f"{label} ({attempt} run): nothing changed", (before, after))

        for label, dmode, fmode, named in (
                ("file mode 0666", 0o700, 0o666, "file"), ("file group-writable", 0o700, 0o620, "file"),
                ("file others-writable", 0o700, 0o602, "file"), ("directory mode 0777", 0o777, 0o600, "dir"),
                ("directory group-writable", 0o770, 0o600, "dir"), ("directory mode 1777", 0o1777, 0o600, "dir")):
            home = cache_home(label.replace(" ", "-"), dmode, fmode)
            path = os.path.join(home, "peerctl") + ("/" + name if named == "file" else "")
            refused(label, home, path)

        if os.geteuid() == 0:
            for label, named in (("file owned by another uid", "file"), ("directory owned by another uid", "dir")):
                home = cache_home(label.replace(" ", "-"))
                path = os.path.join(home, "peerctl") + ("/" + name if named == "file" else "")
                os.chown(path, OTHER_UID, OTHER_UID)
                refused(label, home, path)
        else:
            print(f"note: the cases of a cache owned by uid {OTHER_UID} are skipped: only root can give a file "
                  "to another user")

        # A linked file: the forgery lies in a directory of the user's own, 0700.
        home = cache_home("linked-file")
        elsewhere = os.path.join(tmp, "elsewhere")
        os.mkdir(elsewhere, 0o700)
        os.rename(os.path.join(home, "peerctl", name), os.path.join(elsewhere, name))
        os.symlink(os.path.join(elsewhere, name), os.path.join(home, "peerctl", name))
        refused("a linked cache file", home, os.path.join(home, "peerctl", name), setup=elsewhere)

        # A linked directory holding the forgery, and one to a directory of another kind (as
        # ~/.cache/peerctl -> /etc would be): neither chmod-ed nor written.
        for label, mode, content in (("a linked cache directory", 0o700, True),
                                     ("a linked cache directory to an empty 0755 one", 0o755, False)):
            home = os.path.join(tmp, label.replace(" ", "-"))
            target = os.path.join(tmp, label.replace(" ", "-") + "-target")
            os.makedirs(home)
            os.mkdir(target)
            os.chmod(target, mode)
            if content:
                with open(os.path.join(target, name), "w") as f:
                    f.write(text)
                os.chmod(os.path.join(target, name), 0o600)
            os.symlink(target, os.path.join(home, "peerctl"))
            refused(label, home, os.path.join(home, "peerctl"), setup=target)

        # A regular file where the directory should be, and a FIFO where the file should be.
        home = os.path.join(tmp, "not-a-directory")
        os.makedirs(home)
        with open(os.path.join(home, "peerctl"), "w") as f:
            f.write(text)
        refused("a file in place of the directory", home, os.path.join(home, "peerctl"))
        home = cache_home("fifo")
        os.unlink(os.path.join(home, "peerctl", name))
        os.mkfifo(os.path.join(home, "peerctl", name), 0o600)
        refused("a FIFO in place of the file", home, os.path.join(home, "peerctl", name))

        # A missing cache home is made 0700 (nothing else is touched), and then used silently.
        home = os.path.join(tmp, "new", "deeper")
        got = run(ws, home)
        check(got == want, "a new cache home: the answer of --no-cache, nothing on stderr", got)
        modes = [stat.S_IMODE(os.stat(p).st_mode) for p in (os.path.join(tmp, "new"), home, os.path.join(home, "peerctl"))]
        check(modes == [0o700] * 3, f"made directories are 0700: {[oct(m) for m in modes]}")
        made_files = glob.glob(os.path.join(home, "peerctl", "*"))
        check(len(made_files) == 1 and stat.S_IMODE(os.stat(made_files[0]).st_mode) == 0o600,
              f"one cache file, 0600: {made_files}")

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
