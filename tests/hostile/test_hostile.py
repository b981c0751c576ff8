#!/usr/bin/python3
"""Hostile records: each case is one file in a workspace of its own, read by validate, status and
check. Each must end in a clean `specialists/<file>: error: ...` line and exit 1 (check: 3,
UNKNOWN), or load correctly and exit 0, in under a second (--time-limit) and never by a signal.

usage: test_hostile.py PEERCTL [--time-limit SECONDS]
"""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import VALID, Suite  # noqa: E402

s = Suite("hostile")
MIB = 1024 * 1024
SIZE_LIMIT = "the file is larger than the limit of 1048576 bytes (max_file_size in peerctl.toml)"


def write(path, data, mode=None):
    with open(path, "wb") as f:
        if isinstance(data, str):
            data = data.encode()
        f.write(data)
    if mode is not None:
        os.chmod(path, mode)


def big(path, size, line):
    """A file of `size` bytes made of `line` repeated (written in chunks)."""
    chunk = line * (MIB // len(line))
    with open(path, "wb") as f:
        left = size
        while left > 0:
            f.write(chunk[:left])
            left -= len(chunk[:left])


def case(name, make, message=None, ok=False, settings="", user=None, file="x.toml"):
    """A workspace holding one record made by `make(path)`. With `message`, every command must
    report `specialists/<file>[:line:col]: error: <message>`; with `ok`, load it without errors."""
    ws = s.workspace(name, settings)
    path = os.path.join(ws, "specialists", file)
    make(path)
    shown = re.escape(f"specialists/{file}")
    for args, bad_rc in ((["validate"], 1), (["status"], 1), (["status", "--format", "json"], 1), (["check"], 3)):
        what = f"{name}: peerctl {' '.join(args)}"
        p = s.run(*args, ws=ws, user=user)
        err = p.stderr.decode("utf-8", "backslashreplace")
        s.check(p.returncode >= 0, f"{what}: ended by signal {-p.returncode}", err)
        s.timed(p, what)
        s.check("internal error" not in err and "Sanitizer" not in err and "runtime error" not in err,
                f"{what}: no internal error or sanitizer report", err)
        if ok:
            s.check(p.returncode == 0, f"{what}: exit {p.returncode}, expected 0", err)
            s.check(" error: " not in err, f"{what}: no error", err)
            continue
        s.check(p.returncode == bad_rc, f"{what}: exit {p.returncode}, expected {bad_rc}", err)
        lines = [line for line in err.splitlines() if " error: " in line]
        s.check(len(lines) == 1 and re.fullmatch(shown + r"(:\d+(:\d+)?)?: error: .+", lines[0]),
                f"{what}: one clean 'file: error:' line", err)
        if message:
            s.check(any(line.endswith(": error: " + message) for line in lines), f"{what}: says '{message}'", err)
        if args == ["check"]:
            s.check(p.stdout.startswith(b"PEERCTL UNKNOWN - 1 record file could not be read"), f"{what}: UNKNOWN", p.stdout)
            s.check(f"UNKNOWN specialists/{file}: could not be read\n".encode() in p.stdout, f"{what}: names the file", p.stdout)


# Sizes: the limit is checked before reading, and again while reading.
case("100mb", lambda p: big(p, 100 * MIB, b"# padding padding padding padding padding padding\n"), SIZE_LIMIT)
case("2mb-line-default-limit", lambda p: write(p, 'id = "x"\nnote = "' + "a" * (2 * MIB) + '"\n'), SIZE_LIMIT)
# Within a raised limit the long line goes through the pre-scan and toml++.
raised = f"max_file_size = {4 * MIB}\n"
case("2mb-line-note", lambda p: write(p, VALID.format(id="x") + 'note = "' + "a" * (2 * MIB) + '"\n'), ok=True,
     settings=raised)
case("2mb-line-bare", lambda p: write(p, "a" * (2 * MIB) + "\n"), settings=raised)
case("2mb-line-comment", lambda p: write(p, VALID.format(id="x") + "# " + "é" * MIB + "\n"), ok=True,
     settings=raised)
case("1m-entries", lambda p: write(p, VALID.format(id="x") + "[[ce]]\ndate = 2025-01-01\nhours = 1\ntitle = \"t\"\n"
                                     * 1_000_000), SIZE_LIMIT)
case("1m-array-elements", lambda p: write(p, 'id = "x"\nname = "T"\nx = [' + "1," * 1_000_000 + "]\n"
                                          "[credentials.ct-rss]\n"), ok=True, settings=raised)
# Nesting and dotted keys (toml++ 3.3.0 overflows its stack on deep ones).
case("10000-nested-arrays", lambda p: write(p, 'id = "x"\nx = ' + "[" * 10_000 + "]" * 10_000 + "\n"),
     "arrays and inline tables are nested more than 32 deep")
case("150000-part-dotted-key", lambda p: write(p, "a." * 149_999 + "a = 1\n"), "a dotted key has more than 16 parts")
# Bytes.
case("nul", lambda p: write(p, b'id = "x"\nname = "A\x00B"\n'), "the file contains a NUL byte")
case("invalid-utf8", lambda p: write(p, b'id = "x"\nname = "\xc3\x28"\n'), "the file is not valid UTF-8 (byte 0xC3)")
case("utf16", lambda p: write(p, 'id = "x"\n'.encode("utf-16")), "the file is not valid UTF-8 (byte 0xFF)")
case("bom", lambda p: write(p, b"\xef\xbb\xbf" + VALID.format(id="x").encode()), ok=True)
case("crlf", lambda p: write(p, VALID.format(id="x").replace("\n", "\r\n")), ok=True)
case("bom-crlf-accents", lambda p: write(p, b"\xef\xbb\xbf" + 'id = "x"\r\nname = "José Núñez"\r\n\r\n'
                                         '[credentials.ct-rss]\r\n'.encode()), ok=True)
case("cr-only", lambda p: write(p, VALID.format(id="x").replace("\n", "\r")))
case("empty", lambda p: write(p, b""), "the file is empty: a record needs at least 'id' and 'name'")
# Not regular files: nothing may block or crash.
case("fifo", lambda p: os.mkfifo(p), "expected a regular file (found a FIFO, device or socket)")
case("directory", lambda p: os.mkdir(p), "expected a file, found a directory")
# A record is never read through a symbolic link, wherever it points.
SYMLINK = "the file is a symbolic link: peerctl reads records only from regular files"
case("dangling-symlink", lambda p: os.symlink("nowhere.toml", p), SYMLINK)
case("symlink-loop", lambda p: os.symlink("x.toml", p), SYMLINK)
case("symlink-to-device", lambda p: os.symlink("/dev/zero", p), SYMLINK)
case("symlink-to-a-record", lambda p: (write(p + ".target", VALID.format(id="x")), os.symlink("x.toml.target", p)),
     SYMLINK)

# Unreadable: mode 000 stops anyone but root, so as root peerctl runs as nobody (65534).
def unreadable(p):
    write(p, VALID.format(id="x"), mode=0o000)
    os.chmod(os.path.dirname(os.path.dirname(p)), 0o755)
    os.chmod(os.path.dirname(p), 0o755)
    os.chmod(os.path.join(os.path.dirname(os.path.dirname(p)), "peerctl.toml"), 0o644)


if os.geteuid() != 0:
    case("unreadable", unreadable, "cannot read the file: Permission denied")
else:
    why_not = s.runnable_as(65534)
    if why_not is None:
        case("unreadable-as-nobody", unreadable, "cannot read the file: Permission denied", user=65534)
    else:
        print(f"note: the unreadable-file case is skipped (running as root, and cannot run as nobody: {why_not})")

s.finish()
