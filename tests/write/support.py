"""What the write tests share: a scratch directory, running peerctl, counting checks.

Each test script is run as `/usr/bin/python3 tests/write/test_X.py PEERCTL`, builds its workspaces
under a fresh `mktemp -d` style directory (removed at the end), prints one line per failed check
and a final `N passed, M failed`, and exits 1 when anything failed (77 when it cannot run here).
"""
import atexit
import datetime
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import tomllib

AS_OF = "2026-11-23"
SKIP = 77

# Temporary and backup files a writer leaves beside `<id>.toml` (and its undo file) while it works.
def leftovers(directory):
    return sorted(n for n in os.listdir(directory)
                  if n.startswith(".") and any(m in n for m in (".toml.tmp-", ".toml.bak-", ".toml.undo.tmp-")))


def show(data, limit=400):
    text = data.decode("utf-8", "backslashreplace") if isinstance(data, bytes) else str(data)
    return text if len(text) <= limit else text[:limit] + "..."


def read_bytes(path):
    """The file's bytes; None when it does not exist (so a lost file fails a comparison)."""
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def parse_toml(data):
    """The parsed document, or None when `data` is not valid UTF-8 TOML."""
    try:
        return tomllib.loads(data.decode("utf-8") if isinstance(data, bytes) else data)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None


def snapshot(root):
    """Every path under root with its type, mode, owner, size, content or link target, and for
    directories their mtime (which changes when an entry is created, even if it is then removed)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [""] + dirnames + filenames:
            p = os.path.join(dirpath, name) if name else dirpath
            if name == "" and dirpath != root:
                continue
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                desc = ("link", os.readlink(p))
            elif stat.S_ISDIR(st.st_mode):
                desc = ("dir", stat.S_IMODE(st.st_mode), st.st_mtime_ns)
            else:
                desc = ("file", stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid, read_bytes(p))
            out[os.path.relpath(p, root)] = desc
    return out


def snapshot_diff(before, after):
    lines = []
    for k in sorted(set(before) | set(after)):
        if k not in after:
            lines.append(f"  removed {k}")
        elif k not in before:
            lines.append(f"  created {k}")
        elif before[k] != after[k]:
            lines.append(f"  changed {k}")
    return "\n".join(lines)


class Suite:
    def __init__(self, name):
        if len(sys.argv) < 2:
            print(f"usage: {sys.argv[0]} PEERCTL", file=sys.stderr)
            sys.exit(2)
        self.name = name
        self.peerctl = os.path.abspath(sys.argv[1])
        self.tmp = tempfile.mkdtemp(prefix=f"peerctl-write-{name}-")
        self.passed = 0
        self.failed = 0
        self.cleanups = []  # run before the scratch directory is removed (e.g. unmount)
        atexit.register(self.remove_tmp)  # also after an unexpected exception
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        self.env = {k: v for k, v in os.environ.items() if k not in ("PEERCTL_DIR", "NO_COLOR", "XDG_CONFIG_HOME")}
        self.env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(self.tmp, "config"), LC_ALL="C.UTF-8")

    def check(self, cond, what, detail=None):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}" + (f"\n  {show(detail, 2000)}" if detail is not None else ""), flush=True)
        return bool(cond)

    def cmd(self, args, ws=None, as_of=AS_OF):
        """The command line: peerctl [--dir WS] [--as-of DATE] --color never ARGS."""
        argv = [self.peerctl]
        if ws is not None:
            argv += ["--dir", ws]
        if as_of:
            argv += ["--as-of", as_of]
        return argv + ["--color", "never"] + list(args)

    def run(self, *args, ws=None, as_of=AS_OF, timeout=60, prefix=(), cwd=None):
        return subprocess.run(list(prefix) + self.cmd(args, ws, as_of), env=self.env, capture_output=True,
                              timeout=timeout, cwd=cwd)

    def expect(self, proc, rc, what):
        """Checks the exit code; prints the command's stderr when it is not `rc`."""
        return self.check(proc.returncode == rc, f"{what}: exit {proc.returncode}, expected {rc}",
                          proc.stderr if proc.returncode != rc else None)

    def workspace(self, name="ws", ids=("jdoe",), credential="ct-rss", group=False):
        """A workspace made by `peerctl init` and `peerctl add`; returns its path."""
        ws = os.path.join(self.tmp, name)
        p = self.run("init", ws, *(["--group"] if group else []), as_of=None)
        if p.returncode != 0:
            self.abort(f"peerctl init {ws} failed: {show(p.stderr)}")
        for i in ids:
            p = self.run("add", i, "--name", f"Person {i}", "--credential", credential, ws=ws)
            if p.returncode != 0:
                self.abort(f"peerctl add {i} failed: {show(p.stderr)}")
        return ws

    def log_ce(self, ws, ident, title, date="2025-01-01", hours="1", extra=(), **kw):
        return self.run("log", "ce", ident, "--date", date, "--hours", hours, "--title", title, *extra, ws=ws, **kw)

    def validate(self, ws, what):
        p = self.run("validate", ws=ws)
        return self.check(p.returncode == 0, f"{what}: peerctl validate exit {p.returncode}, expected 0",
                          p.stderr + p.stdout if p.returncode else None)

    def abort(self, message):
        print(f"ERROR: {message}")
        self.failed += 1
        self.finish()

    def finish(self):
        print(f"{self.passed} passed, {self.failed} failed")
        self.remove_tmp()
        sys.exit(1 if self.failed else 0)

    def skip(self, why):
        print(f"SKIP: {why}")
        self.remove_tmp()
        sys.exit(SKIP)

    def remove_tmp(self):
        for f in reversed(self.cleanups):
            f()
        self.cleanups = []
        shutil.rmtree(self.tmp, ignore_errors=True)


def record_file(ws, ident):
    return os.path.join(ws, "specialists", f"{ident}.toml")


def day(offset, start=datetime.date(2025, 1, 1)):
    return (start + datetime.timedelta(days=offset)).isoformat()
