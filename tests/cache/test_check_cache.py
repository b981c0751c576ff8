#!/usr/bin/env python3
"""check's cache never serves a stale result, and spares the reads it promises to.

After every kind of change (an edit, an edit that keeps the size and puts the old mtime back, a
replaced file, a removed or added record, a duplicate id, the workspace settings, a workspace
credential file, another as-of date, a damaged cache, a file changed just before the run) a
cached `check` prints exactly what `check --no-cache` prints, and the change shows. Unchanged
files are not opened again (strace), and a file changed in the two seconds before a run is.
Then random walks of such changes, compared after each step.

A file is cached only once it is two seconds old (check_cache.hpp), so a scenario must often
wait. Each scenario has a workspace of its own and marks each wait with `yield`; all of them run
side by side and share every wait (settle_together), which keeps the test to two waits in all.

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
checks = 0


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg, file=sys.stderr)


def expect(cond, msg):
    global checks
    checks += 1
    if not cond:
        fail(msg)


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
    """A copy of the example workspace with a cache home of its own."""

    def __init__(self, tmp, name):
        base = os.path.join(tmp, name)
        self.root = os.path.join(base, "ws")
        shutil.copytree(EXAMPLE, self.root)
        self.cache = os.path.join(base, "cache")
        self.trace = os.path.join(base, "trace")

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
        expect(got == want, f"{what}: cached check differs from --no-cache\n cached: {got}\n  fresh: {want}")
        return got

    def reads(self, *args):
        shutil.rmtree(self.trace, ignore_errors=True)
        result = run(self.root, self.cache, *args, strace=self.trace)
        return result, opened_records(self.trace)

    def cache_files(self):
        return glob.glob(os.path.join(self.cache, "peerctl", "check-*.cache"))

    def set_warn_days(self):
        append(os.path.join(self.root, "peerctl.toml"), "warn_days = 30\n")

    def add_credential_file(self):
        """The workspace's own ct-rss rules, asking 30 h of training rather than 60."""
        os.makedirs(os.path.join(self.root, "credentials"), exist_ok=True)
        with open(os.path.join(EXAMPLE, "..", "credentials", "ct-rss.toml")) as f:
            rule = f.read()
        with open(os.path.join(self.root, "credentials", "ct-rss.toml"), "w") as f:
            f.write(rule.replace("\nhours = 60\n", "\nhours = 30\n", 1))


def append(path, text):
    with open(path, "a") as f:
        f.write(text)


CE = '\n[[ce]]\ndate = 2026-11-01\nhours = {h}\ntitle = "Workshop"\nprovider = "CCAR"\ntopics = ["ethics"]\n'


def first_run(tmp, have_strace):
    """The first run writes a private cache without names; an unchanged registry is not read
    again; an edit shows, and a file changed just now is read again (racy)."""
    w = Workspace(tmp, "first")
    yield  # the copies are fresh: nothing would be cached yet

    first = w.same("first run")
    files = w.cache_files()
    expect(len(files) == 1, f"expected one cache file, found {files}")
    if len(files) == 1:
        mode = stat.S_IMODE(os.stat(files[0]).st_mode)
        dmode = stat.S_IMODE(os.stat(os.path.dirname(files[0])).st_mode)
        expect(mode == 0o600 and dmode == 0o700, f"cache modes {oct(mode)} / {oct(dmode)}, expected 0600 / 0700")
        with open(files[0]) as f:
            text = f.read()
        for name in ("Blessing", "Okafor", "Filip"):
            expect(name not in text, f"the cache holds a name ({name})")

    if have_strace:
        result, opened = w.reads()
        expect(result == first, "repeated check differs")
        expect(not opened, f"an unchanged registry was read again: {opened}")
        result, opened = w.reads("--no-cache")
        every = len([n for n in os.listdir(os.path.join(w.root, "specialists")) if n.endswith(".toml")])
        expect(len(opened) == every, f"--no-cache should read all {every} records, read {opened}")

    # An edit that changes the result: bokafor's missing CE goes from 2.5 h to 0.5 h.
    before = w.same("before edit")
    append(w.record("bokafor"), CE.format(h=2))
    after = w.same("after an edit")
    expect(after != before and "0.5 h total" in after[1], f"the edit does not show: {after}")
    if have_strace:
        _, opened = w.reads()
        expect("bokafor.toml" in opened, "a file changed just now (racy) was not read again")


def same_size_edit(tmp, have_strace):
    """Same size, old mtime put back, past the racy window: only ctime tells."""
    w = Workspace(tmp, "same-size")
    path = w.record("gwashington")
    with open(path) as f:
        text = f.read()
    # 3 h more of this cycle's CE completes gwashington's: a stale result would differ.
    edited = text.replace("hours = 4\n", "hours = 7\n", 1)
    expect(edited != text and len(edited) == len(text), "test setup: no same-size edit found in gwashington.toml")
    yield

    before = w.same("before same-size edit")
    st = os.stat(path)
    with open(path, "w") as f:
        f.write(edited)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    yield

    if have_strace:
        result, opened = w.reads()
        expect(opened == ["gwashington.toml"],
               f"after a same-size edit with the old mtime, expected only gwashington.toml read, got {opened}")
    got = w.same("same size, old mtime")
    expect(got != before, "the same-size edit does not show")


def records_come_and_go(tmp, have_strace):
    """A replaced file, removed and added records, and a record whose id is not its file name."""
    w = Workspace(tmp, "records")
    yield
    w.cached()  # every record in the cache

    # A file replaced by rename (another inode), same content and times.
    path = w.record("eharris")
    st = os.stat(path)
    tmp_path = path + ".new"
    shutil.copyfile(path, tmp_path)
    os.utime(tmp_path, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.rename(tmp_path, path)
    w.same("replaced by rename")

    os.unlink(w.record("hlee"))
    w.same("a record removed")
    append(w.record("bokafor"), "")  # no change, keeps the walk honest
    shutil.copyfile(w.record("cnguyen"), w.record("cnguyen2"))
    with open(w.record("cnguyen2")) as f:
        text = f.read().replace('id = "cnguyen"', 'id = "cnguyen2"')
    with open(w.record("cnguyen2"), "w") as f:
        f.write(text)
    got = w.same("a record added")
    expect("cnguyen2" in got[1], f"the added record does not show: {got}")

    # A record whose id is not its file name is left out and named, with the cache or without:
    # CRITICAL still, as the readable records are (else it would be UNKNOWN).
    shutil.copyfile(w.record("amartin"), w.record("zz-copy"))
    yield
    got = w.same("a bad record")
    expect(got[0] == 2 and "zz-copy" in got[2] and "UNKNOWN specialists/zz-copy.toml: could not be read" in got[1],
           f"a bad record should be named, the state CRITICAL (2): {got}")
    os.unlink(w.record("zz-copy"))
    w.same("bad record removed")


def workspace_settings(tmp, have_strace):
    w = Workspace(tmp, "settings")
    yield
    w.same("settled")
    w.set_warn_days()
    got = w.same("warn_days changed")
    expect("min_days_left" in got[1] and ";@~:30;" in got[1], f"warn_days does not show: {got}")


def workspace_credential(tmp, have_strace):
    w = Workspace(tmp, "credential")
    w.set_warn_days()
    yield
    settled = w.same("settled again")
    w.add_credential_file()
    got = w.same("a workspace credential file")
    expect(got != settled, "the workspace's own ct-rss rules do not show")


def thresholds_dates_damage(tmp, have_strace):
    """Other thresholds and as-of dates over one cache, then a damaged cache, whatever the damage."""
    w = Workspace(tmp, "inputs")
    w.set_warn_days()
    w.add_credential_file()
    yield
    w.same("settled with the credential")
    w.same("other thresholds", "--warn", "90", "--crit", "30")
    for as_of in ("2027-03-01", "2026-11-23", "2027-03-01"):
        got = run(w.root, w.cache, as_of=as_of)
        want = run(w.root, w.cache, "--no-cache", as_of=as_of)
        expect(got == want, f"as-of {as_of}: {got} != {want}")

    # Damaged copies of a cache made under the date they are then read with: one of another
    # date would be refused by its header alone, and the damage never looked at.
    w.cached()
    files = w.cache_files()
    expect(len(files) == 1, f"expected one cache file to damage, found {files}")
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


def random_walk(tmp, part, have_strace):
    """Six random changes to a settled cache, each compared at once (while it is racy); the
    sixth compared again once the window has passed, so that the cache holds what came before."""
    w = Workspace(tmp, f"walk-{part}")
    rng = random.Random(20261123 + part)
    ids = sorted(os.path.basename(p)[:-5] for p in glob.glob(os.path.join(w.root, "specialists", "*.toml")))
    yield
    w.cached()  # every record in the cache
    for step in range(6 * part, 6 * part + 6):
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
            yield
        w.same(f"step {step}: {op} {rid}")


def settle_together(scenarios):
    """Runs each scenario up to its next `yield`, then waits out the racy window once for all
    of them, until every one has finished. A scenario runs without a pause between two yields,
    so what it changed there is still racy when it checks it."""
    done = object()
    live = list(scenarios)
    waits = 0
    while live:
        live = [s for s in live if next(s, done) is not done]
        if live:
            time.sleep(RACY)
            waits += 1
    return waits


def main():
    have_strace = shutil.which("strace") is not None
    with tempfile.TemporaryDirectory() as tmp:
        scenarios = [first_run(tmp, have_strace), same_size_edit(tmp, have_strace),
                     records_come_and_go(tmp, have_strace), workspace_settings(tmp, have_strace),
                     workspace_credential(tmp, have_strace), thresholds_dates_damage(tmp, have_strace)]
        # The sanitizer build (PEERCTL_TEST_SIZE=small) walks one part of the random walk, not four.
        walks = 1 if os.environ.get("PEERCTL_TEST_SIZE") == "small" else 4
        scenarios += [random_walk(tmp, part, have_strace) for part in range(walks)]
        waits = settle_together(scenarios)

    if failures:
        print(f"{len(failures)} failure(s) of {checks} checks", file=sys.stderr)
        return 1
    print(f"check cache: cached == --no-cache after every change, {checks} checks, {waits} waits of {RACY} s"
          + ("" if have_strace else " (no strace: reads not counted)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
