#!/usr/bin/env python3
"""check's cache never serves a stale result, and spares the reads it promises to.

After every kind of change (an edit, an edit that keeps the size and puts the old mtime back, a
replaced file, a removed or added record, a duplicate id, the workspace settings, a workspace
credential file, another as-of date, a damaged cache, a file changed just before the run) a
cached `check` prints exactly what `check --no-cache` prints, and the change shows. Unchanged
files are not opened again (strace), and a file changed in the two seconds before a run is.
Then a random walk of such changes, compared after each step.

usage: test_check_cache.py PEERCTL EXAMPLE_WORKSPACE
"""
import glob
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile
import time

PEERCTL, EXAMPLE = sys.argv[1], sys.argv[2]
RACY = 2.2  # seconds after which a change is no longer "racy" (check_cache.hpp: 2 s)
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def run(ws, cache_home, *args, strace=None, as_of="2026-11-23"):
    env = dict(os.environ, XDG_CACHE_HOME=cache_home, HOME=cache_home)
    env.pop("PEERCTL_DIR", None)
    cmd = [PEERCTL, "--dir", ws, "--as-of", as_of, "check", *args]
    if strace:
        cmd = ["strace", "-f", "-qq", "-e", "trace=openat", "-o", strace] + cmd
        # LeakSanitizer cannot work under ptrace (the sanitizer build runs this test too).
        env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS"), "detect_leaks=0"]))
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def opened_records(trace):
    with open(trace) as f:
        return sorted({line.split('"')[1].rsplit("/", 1)[1] for line in f
                       if "/specialists/" in line and ".toml" in line and "ENOENT" not in line})


class Workspace:
    def __init__(self, root):
        self.root = os.path.join(root, "ws")
        shutil.copytree(EXAMPLE, self.root)
        self.cache = os.path.join(root, "cache")
        self.trace = os.path.join(root, "trace")

    def record(self, rid):
        return os.path.join(self.root, "specialists", rid + ".toml")

    def cached(self, *args):
        return run(self.root, self.cache, *args)

    def uncached(self, *args):
        return run(self.root, self.cache, "--no-cache", *args)

    def same(self, what, *args):
        """Cached and uncached agree; returns the cached result."""
        got = self.cached(*args)
        want = self.uncached(*args)
        if got != want:
            fail(f"{what}: cached check differs from --no-cache\n cached: {got}\n  fresh: {want}")
        return got

    def reads(self, *args):
        shutil.rmtree(self.trace, ignore_errors=True)
        result = run(self.root, self.cache, *args, strace=self.trace)
        return result, opened_records(self.trace)


def append(path, text):
    with open(path, "a") as f:
        f.write(text)


CE = '\n[[ce]]\ndate = 2026-11-01\nhours = {h}\ntitle = "Workshop"\nprovider = "CCAR"\ntopics = ["ethics"]\n'


def main():
    have_strace = shutil.which("strace") is not None
    with tempfile.TemporaryDirectory() as tmp:
        w = Workspace(tmp)
        time.sleep(RACY)  # the copies are fresh: nothing would be cached yet

        # First run: writes the cache, private.
        first = w.same("first run")
        files = glob.glob(os.path.join(w.cache, "peerctl", "check-*.cache"))
        if len(files) != 1:
            fail(f"expected one cache file, found {files}")
        else:
            mode = stat.S_IMODE(os.stat(files[0]).st_mode)
            dmode = stat.S_IMODE(os.stat(os.path.dirname(files[0])).st_mode)
            if mode != 0o600 or dmode != 0o700:
                fail(f"cache modes {oct(mode)} / {oct(dmode)}, expected 0600 / 0700")
            with open(files[0]) as f:
                text = f.read()
            for name in ("Blessing", "Okafor", "Filip"):
                if name in text:
                    fail(f"the cache holds a name ({name})")

        if have_strace:
            result, opened = w.reads()
            if result != first:
                fail("repeated check differs")
            if opened:
                fail(f"an unchanged registry was read again: {opened}")
            result, opened = w.reads("--no-cache")
            if len(opened) != 8:
                fail(f"--no-cache should read all 8 records, read {opened}")

        # An edit that changes the result: bokafor's missing CE goes from 2.5 h to 0.5 h.
        before = w.same("before edit")
        append(w.record("bokafor"), CE.format(h=2))
        after = w.same("after an edit")
        if after == before or "0.5 h total" not in after[1]:
            fail(f"the edit does not show: {after}")
        if have_strace:
            _, opened = w.reads()
            if "bokafor.toml" not in opened:
                fail("a file changed just now (racy) was not read again")

        # Same size, old mtime put back: only ctime tells. Waited past the racy window.
        path = w.record("gwashington")
        st = os.stat(path)
        with open(path) as f:
            text = f.read()
        edited = text.replace("hours = 3\n", "hours = 6\n", 1)
        if edited == text or len(edited) != len(text):
            fail("test setup: no same-size edit found in gwashington.toml")
        time.sleep(RACY)
        w.same("before same-size edit")  # caches bokafor, read again while its edit was racy
        with open(path, "w") as f:
            f.write(edited)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        time.sleep(RACY)
        if have_strace:
            result, opened = w.reads()
            if opened != ["gwashington.toml"]:
                fail(f"after a same-size edit with the old mtime, expected only gwashington.toml read, got {opened}")
        got = w.same("same size, old mtime")
        if got == before:
            fail("the same-size edit does not show")

        # A file replaced by rename (another inode), same content and times.
        path = w.record("eharris")
        st = os.stat(path)
        tmp_path = path + ".new"
        shutil.copyfile(path, tmp_path)
        os.utime(tmp_path, ns=(st.st_atime_ns, st.st_mtime_ns))
        os.rename(tmp_path, path)
        w.same("replaced by rename")

        # Removed and added records.
        os.unlink(w.record("hlee"))
        got = w.same("a record removed")
        append(w.record("bokafor"), "")  # no change, keeps the walk honest
        shutil.copyfile(w.record("cnguyen"), w.record("cnguyen2"))
        with open(w.record("cnguyen2")) as f:
            text = f.read().replace('id = "cnguyen"', 'id = "cnguyen2"')
        with open(w.record("cnguyen2"), "w") as f:
            f.write(text)
        got = w.same("a record added")
        if "cnguyen2" not in got[1]:
            fail(f"the added record does not show: {got}")

        # A record whose id is not its file name: UNKNOWN, with the cache or without.
        shutil.copyfile(w.record("amartin"), w.record("zz-copy"))
        time.sleep(RACY)
        got = w.same("a bad record")
        if got[0] != 3 or "zz-copy" not in got[2]:
            fail(f"a bad record should be UNKNOWN (3): {got}")
        os.unlink(w.record("zz-copy"))
        w.same("bad record removed")

        # Workspace settings, workspace credential rules, the as-of date.
        time.sleep(RACY)
        w.same("settled")
        append(os.path.join(w.root, "peerctl.toml"), "warn_days = 30\n")
        got = w.same("warn_days changed")
        if "min_days_left" not in got[1] or ";@~:30;" not in got[1]:
            fail(f"warn_days does not show: {got}")
        time.sleep(RACY)
        w.same("settled again")
        os.makedirs(os.path.join(w.root, "credentials"), exist_ok=True)
        with open(os.path.join(EXAMPLE, "..", "credentials", "ct-rss.toml")) as f:
            rule = f.read()
        with open(os.path.join(w.root, "credentials", "ct-rss.toml"), "w") as f:
            f.write(rule.replace("\nhours = 60\n", "\nhours = 30\n", 1))
        settled = got
        got = w.same("a workspace credential file")
        if got == settled:
            fail("the workspace's own ct-rss rules do not show")
        time.sleep(RACY)
        w.same("settled with the credential")
        w.same("other thresholds", "--warn", "90", "--crit", "30")
        for as_of in ("2027-03-01", "2026-11-23", "2027-03-01"):
            got = run(w.root, w.cache, as_of=as_of)
            want = run(w.root, w.cache, "--no-cache", as_of=as_of)
            if got != want:
                fail(f"as-of {as_of}: {got} != {want}")

        # A damaged cache is thrown away, whatever the damage.
        files = glob.glob(os.path.join(w.cache, "peerctl", "check-*.cache"))
        if files:
            with open(files[0]) as f:
                good = f.read()
            lines = good.splitlines(keepends=True)
            header_end = next(i for i, l in enumerate(lines) if l == "end\n") + 1
            damages = [good[: len(good) // 2], "", "garbage\n", good.replace("\titem\t", "\t"),
                       "".join(lines[:header_end]) + "record\tbokafor.toml\t1\t2\t3\t4\t5\tbokafor\t1\t1\t9\n",
                       "".join(lines[:header_end]) + "record\tx\n", good.replace("active", "bogus")]
            for i, damaged in enumerate(damages):
                with open(files[0], "w") as f:
                    f.write(damaged)
                w.same(f"damaged cache {i}")

        # A random walk of changes, each compared.
        rng = random.Random(20261123)
        ids = [os.path.basename(p)[:-5] for p in glob.glob(os.path.join(w.root, "specialists", "*.toml"))]
        for step in range(24):
            rid = rng.choice(ids)
            path = w.record(rid)
            op = rng.choice(["ce", "same-size", "touch-old", "remove-add", "nothing"])
            if os.path.exists(path):
                st = os.stat(path)
                with open(path) as f:
                    text = f.read()
                if op == "ce":
                    append(path, CE.format(h=rng.choice([1, 2.5, 10])))
                elif op == "same-size":
                    digits = [i for i, c in enumerate(text) if c.isdigit() and text[i - 1] == " "]
                    if digits:
                        i = rng.choice(digits)
                        with open(path, "w") as f:
                            f.write(text[:i] + rng.choice("123456789") + text[i + 1:])
                        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
                elif op == "touch-old":
                    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - 10**12))
                elif op == "remove-add":
                    os.unlink(path)
                    w.same(f"step {step}: {rid} removed")
                    with open(path, "w") as f:
                        f.write(text)
            if step % 6 == 5:
                time.sleep(RACY)
            w.same(f"step {step}: {op} {rid}")

    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("check cache: cached == --no-cache after every change" + ("" if have_strace else " (no strace: reads not counted)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
