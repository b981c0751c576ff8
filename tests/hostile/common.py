"""What the hostile-input and privacy tests share: a scratch directory, small workspaces, running
peerctl with a time limit, counting checks.

Each script is run as `/usr/bin/python3 tests/hostile/test_X.py PEERCTL [--time-limit SECONDS] [-v]`,
prints one line per failed check and a final `N passed, M failed`, and exits 1 when anything
failed (77 when it cannot run here).
"""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time

AS_OF = "2026-03-01"
SKIP = 77
# A record that loads without errors or warnings.
VALID = 'id = "{id}"\nname = "Test Person"\n\n[credentials.ct-rss]\n'


def show(data, limit=600):
    text = data.decode("utf-8", "backslashreplace") if isinstance(data, bytes) else str(data)
    return text if len(text) <= limit else text[:limit] + "..."


class Suite:
    def __init__(self, name):
        args = sys.argv[1:]
        self.time_limit = 1.0
        if "-v" in args:  # print every timing
            args.remove("-v")
        if "--time-limit" in args:
            i = args.index("--time-limit")
            self.time_limit = float(args[i + 1])
            del args[i:i + 2]
        if len(args) != 1:
            print(f"usage: {sys.argv[0]} PEERCTL [--time-limit SECONDS]", file=sys.stderr)
            sys.exit(2)
        self.peerctl = os.path.abspath(args[0])
        # Always under the system's temporary directory, whatever TMPDIR says: some cases run
        # peerctl as another user, who must be able to reach the workspaces.
        self.tmp = tempfile.mkdtemp(prefix=f"peerctl-{name}-", dir="/tmp")
        os.chmod(self.tmp, 0o755)
        atexit.register(lambda: shutil.rmtree(self.tmp, ignore_errors=True))
        self.as_user = {}  # uid -> (binary, extra environment), see runnable_as
        self.passed = 0
        self.failed = 0
        self.timings = []  # (what, seconds)
        self.env = {k: v for k, v in os.environ.items() if k not in ("PEERCTL_DIR", "NO_COLOR", "XDG_CONFIG_HOME")}
        self.env.update(HOME=os.path.join(self.tmp, "home"), XDG_CONFIG_HOME=os.path.join(self.tmp, "config"),
                        LC_ALL="C.UTF-8")

    def check(self, cond, what, detail=None):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}" + (f"\n  {show(detail, 2000)}" if detail is not None else ""), flush=True)
        return bool(cond)

    def workspace(self, name, settings=""):
        """An empty workspace: peerctl.toml (with `settings`) and specialists/."""
        ws = os.path.join(self.tmp, name)
        os.makedirs(os.path.join(ws, "specialists"))
        with open(os.path.join(ws, "peerctl.toml"), "w") as f:
            f.write(f'name = "{name}"\n{settings}')
        return ws

    def runnable_as(self, uid):
        """Whether peerctl can run as `uid` (root only), with workspaces under self.tmp; None if it can,
        else the reason. The build may sit where that user cannot go (a clone in a 0700 `mktemp -d`):
        then a copy of the binary and of its built-in credentials, in a directory of our own that
        anyone may read, runs instead."""
        if uid in self.as_user:
            return None
        probe_ws = self.workspace(f"probe-as-{uid}")
        for path, mode in ((probe_ws, 0o755), (os.path.join(probe_ws, "specialists"), 0o755),
                           (os.path.join(probe_ws, "peerctl.toml"), 0o644)):
            os.chmod(path, mode)  # whatever the umask
        self.as_user[uid] = (self.peerctl, {})
        reason = self._probe(uid, probe_ws)
        if reason is None:
            return None
        copy = os.path.join(self.tmp, f"peerctl-for-{uid}")
        os.makedirs(copy)
        os.chmod(copy, 0o755)
        shutil.copy(self.peerctl, os.path.join(copy, "peerctl"))
        os.chmod(os.path.join(copy, "peerctl"), 0o755)
        data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "credentials")
        shutil.copytree(data, os.path.join(copy, "data", "credentials"))
        for dirpath, dirnames, filenames in os.walk(os.path.join(copy, "data")):
            os.chmod(dirpath, 0o755)
            for f in filenames:
                os.chmod(os.path.join(dirpath, f), 0o644)
        self.as_user[uid] = (os.path.join(copy, "peerctl"), {"PEERCTL_DATA_DIR": os.path.join(copy, "data")})
        copied = self._probe(uid, probe_ws)
        if copied is None:
            print(f"note: the build cannot be run as uid {uid} ({reason}); a copy in {copy} runs instead")
            return None
        del self.as_user[uid]
        return f"{reason}; a copy of the binary cannot run either: {copied}"

    def _probe(self, uid, ws):
        p = self.run("validate", ws=ws, user=uid)
        return None if p.returncode == 0 else f"exit {p.returncode}: {show(p.stderr, 200).strip()}"

    def run(self, *args, ws=None, user=None, timeout=30, cwd=None):
        """Runs peerctl (as `user`, a uid, when given: call runnable_as first); returns the process
        with `.seconds`."""
        binary, extra = self.as_user.get(user, (self.peerctl, {})) if user is not None else (self.peerctl, {})
        argv = [binary] + (["--dir", ws] if ws else []) + ["--as-of", AS_OF, "--color", "never"] + list(args)
        env = dict(self.env, **extra)
        if user is not None:  # check's cache: where that user may write, never the build tree
            env["XDG_CACHE_HOME"] = os.path.join(self.tmp, f"cache-{user}")
        start = time.monotonic()
        try:
            p = subprocess.run(argv, env=env, capture_output=True, timeout=timeout, user=user, cwd=cwd)
        except OSError as e:  # the binary cannot be executed by that user at all
            p = subprocess.CompletedProcess(argv, -998, b"", f"cannot run {binary} as {user}: {e}".encode())
        except subprocess.TimeoutExpired as e:
            p = subprocess.CompletedProcess(argv, -999, e.stdout or b"", (e.stderr or b"") + b"\n(timed out)")
        p.seconds = time.monotonic() - start
        return p

    def timed(self, p, what):
        self.timings.append((what, p.seconds))
        return self.check(p.seconds < self.time_limit, f"{what}: took {p.seconds:.3f} s (limit {self.time_limit} s)")

    def finish(self):
        if self.timings:
            if "-v" in sys.argv:
                for what, seconds in self.timings:
                    print(f"{seconds:7.3f} s  {what}")
            slowest = max(self.timings, key=lambda t: t[1])
            print(f"{len(self.timings)} runs timed, slowest {slowest[1]:.3f} s ({slowest[0]})")
        print(f"{self.passed} passed, {self.failed} failed")
        sys.exit(1 if self.failed else 0)
