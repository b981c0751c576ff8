#!/usr/bin/python3
"""`peerctl edit [ID]`: the record in $VISUAL/$EDITOR (a scripted editor here, given arguments as
"code --wait" is), on a private copy (0600, in a 0700 directory of its own outside the workspace,
gone afterwards), under the record's lock. A valid change is written with an undo file; an invalid
one is reported at the record's path and abandoned when stdin is not a terminal (edited again or
abandoned on the answer when it is); an editor that fails or is killed, an unchanged file and a
record changed on disk meanwhile write nothing; a `log` run while the editor is open waits for
the lock and lands after the edit, or gives up saying so: never lost.

usage: test_edit.py PEERCTL
"""
import os
import pty
import stat
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import AS_OF, Suite, parse_toml, read_bytes, record_file, write_bytes  # noqa: E402

s = Suite("edit")
ws = s.workspace(ids=("jdoe",))
path = record_file(ws, "jdoe")
undo_file = os.path.join(ws, "specialists", ".jdoe.toml.undo")
info = os.path.join(s.tmp, "editor-info")
editor = os.path.join(s.tmp, "editor.sh")
write_bytes(editor, r'''#!/bin/sh
# editor.sh MODE FILE: what a person would do to FILE, by MODE.
mode=$1
file=$2
rename() { sed -i "s/^name = .*/name = \"Person ${1:-Edited}\"/" "$file"; }
concurrent_log() {
  ( "$PEERCTL" --dir "$WS" --as-of "$AS_OF" --color never log ce jdoe --date 2025-05-05 --hours 2 \
      --title "Logged meanwhile" >"$INFO.log-out" 2>"$INFO.log-err"; echo $? >"$INFO.log-rc" ) &
}
case $mode in
  valid) { echo "$file"; stat -c %a "$file" "$(dirname "$file")"; } >"$INFO"; rename ;;
  invalid) sed -i 's/^name = .*/name = 42/' "$file" ;;
  killed) rename; kill -KILL $$ ;;
  fail) rename; exit 1 ;;
  none) : ;;
  concurrent) concurrent_log; sleep 1; rename ;;
  concurrent-slow) concurrent_log; sleep 7; rename ;;
  outside) printf '# by hand\n' >>"$RECORD"; rename Outside ;;
  twice)
    if [ -e "$INFO.once" ]; then rename Twice; else touch "$INFO.once"; sed -i 's/^name = .*/name = 42/' "$file"; fi ;;
esac
''')
os.chmod(editor, 0o755)
s.env.pop("VISUAL", None)
s.env.update(PEERCTL=s.peerctl, WS=ws, AS_OF=AS_OF, INFO=info, RECORD=path)


def edit(mode, *args, variable="EDITOR"):
    env = dict(s.env)
    env.pop("EDITOR", None)
    env[variable] = f"{editor} {mode}"
    return subprocess.run(s.cmd(["edit", *args], ws), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)


def unchanged(what, before, p):
    s.check(read_bytes(path) == before, f"{what}: the record is byte-identical", read_bytes(path))
    s.check(b"nothing was written" in p.stderr + p.stdout, f"{what}: says nothing was written", p.stderr)
    s.check(b"peerctl-edit-" not in p.stderr, f"{what}: the private copy's path is not shown", p.stderr)


# --- a valid change ---------------------------------------------------------------------------------
original = read_bytes(path)
p = edit("valid", "jdoe")
s.expect(p, 0, "edit with a valid change")
s.check(p.stdout.startswith(b"saved specialists/jdoe.toml; ct-rss: "), "says what was saved and where it stands", p.stdout)
edited = read_bytes(path)
s.check(edited == original.replace(b'name = "Person jdoe"', b'name = "Person Edited"') and edited != original,
        "the record holds the edit and nothing else changed", edited)
s.check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, "the record keeps its mode", oct(os.stat(path).st_mode))
lines = (read_bytes(info) or b"").decode().split("\n")
copy = lines[0]
s.check(lines[1:3] == ["600", "700"], "the copy is 0600 in a 0700 directory", lines)
s.check(not copy.startswith(os.path.realpath(ws) + "/") and not copy.startswith(ws + "/"),
        "the copy is not in the workspace", copy)
s.check(os.path.basename(copy) == "jdoe.toml", "the copy is named like the record", copy)
s.check(not os.path.exists(os.path.dirname(copy)), "the copy and its directory are gone afterwards", copy)
s.validate(ws, "after edit")

# --- undo after edit, then redo; an outside change since is never undone ------------------------
s.expect(s.run("undo", "jdoe", ws=ws), 0, "undo after edit")
s.check(read_bytes(path) == original, "undo after edit puts the record back", read_bytes(path))
s.expect(s.run("undo", "jdoe", ws=ws), 0, "redo after edit")
s.check(read_bytes(path) == edited, "a second undo redoes the edit", read_bytes(path))
by_hand = edited + b"# by hand\n"
write_bytes(path, by_hand)
p = s.run("undo", "jdoe", ws=ws)
s.expect(p, 1, "undo after an outside change that followed an edit")
s.check(b"changed since peerctl last wrote it" in p.stderr and read_bytes(path) == by_hand,
        "refused, the outside change kept", p.stderr)
write_bytes(path, edited)

# VISUAL wins over EDITOR, as for git and crontab.
env = dict(s.env, VISUAL=f"{editor} none", EDITOR=f"{editor} fail")
p = subprocess.run(s.cmd(["edit", "jdoe"], ws), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
s.expect(p, 0, "VISUAL is used before EDITOR")

# --- unchanged: no write at all -----------------------------------------------------------------------
before_stat, undo_before = os.stat(path), read_bytes(undo_file)
p = edit("none", "jdoe")
s.expect(p, 0, "edit without a change")
s.check(b"no changes" in p.stdout, "says there were no changes", p.stdout)
after_stat = os.stat(path)
s.check((after_stat.st_ino, after_stat.st_mtime_ns) == (before_stat.st_ino, before_stat.st_mtime_ns),
        "an unchanged record is not rewritten")
s.check(read_bytes(undo_file) == undo_before, "nor its undo file")

# --- an invalid change, stdin not a terminal: abandoned --------------------------------------------
before = read_bytes(path)
p = edit("invalid", "jdoe")
s.expect(p, 1, "edit with an invalid change")
unchanged("invalid change", before, p)
name_line = before.split(b"\n").index(b'name = "Person Edited"') + 1
s.check(f"specialists/jdoe.toml:{name_line}:".encode() in p.stderr and b"error:" in p.stderr,
        "the error is at the record's path, line and column", p.stderr)
s.check(b"abandoned" in p.stderr, "says it was abandoned", p.stderr)
s.check(b"(e)dit again" not in p.stderr, "no question without a terminal", p.stderr)
s.check(read_bytes(undo_file) == undo_before, "the undo file is untouched")


# --- on a terminal: the question; (e)dit again reopens the copy as it was left, (a)bandon stops ---
def on_terminal(mode, answer):
    master, slave = pty.openpty()
    env = dict(s.env, EDITOR=f"{editor} {mode}")
    proc = subprocess.Popen(s.cmd(["edit", "jdoe"], ws), env=env, stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    os.close(slave)
    os.write(master, answer)
    out, err = proc.communicate(timeout=60)
    os.close(master)
    return proc.returncode, out, err


before = read_bytes(path)
rc, out, err = on_terminal("twice", b"e\n")
s.check(rc == 0, f"invalid, then (e)dit again and a valid change: exit {rc}", err)
s.check(b"(e)dit again, (a)bandon" in err and b"error:" in err, "the errors, then the question", err)
s.check(read_bytes(path) == before.replace(b"Person Edited", b"Person Twice"), "the second, valid edit is saved",
        read_bytes(path))
os.unlink(info + ".once")
write_bytes(path, before)
rc, out, err = on_terminal("invalid", b"a\n")
s.check(rc == 1 and b"abandoned" in err, f"invalid, then (a)bandon: exit {rc}", err)
s.check(read_bytes(path) == before, "abandoned: the record is byte-identical")

# --- an editor that fails or is killed: nothing written, even after it changed the copy ------------
p = edit("fail", "jdoe")
s.expect(p, 1, "an editor that exits 1")
s.check(b"the editor exited with status 1" in p.stderr, "says the editor failed", p.stderr)
unchanged("editor exit 1", before, p)
p = edit("killed", "jdoe")
s.expect(p, 1, "an editor killed by SIGKILL")
s.check(b"killed by signal 9" in p.stderr, "says the editor was killed", p.stderr)
unchanged("killed editor", before, p)
env = dict(s.env, EDITOR=os.path.join(s.tmp, "no-such-editor"))
p = subprocess.run(s.cmd(["edit", "jdoe"], ws), env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
s.expect(p, 1, "an editor that does not exist")
unchanged("missing editor", before, p)

# --- the record changed on disk meanwhile (by something that takes no lock): refused -------------
p = edit("outside", "jdoe")
s.expect(p, 1, "a record changed on disk while editing")
s.check(b"changed on disk while it was being edited" in p.stderr, "says why", p.stderr)
s.check(read_bytes(path) == before + b"# by hand\n", "the outside change is kept", read_bytes(path))
write_bytes(path, before)


# --- a log while the editor is open: it waits for the lock and lands after the edit --------------
def log_result():
    deadline = time.time() + 30
    while not os.path.exists(info + ".log-rc") and time.time() < deadline:
        time.sleep(0.1)
    time.sleep(0.1)
    rc = (read_bytes(info + ".log-rc") or b"").strip()
    err = read_bytes(info + ".log-err") or b""
    for f in (".log-rc", ".log-out", ".log-err"):
        if os.path.exists(info + f):
            os.unlink(info + f)
    return rc, err


write_bytes(path, original)
p = edit("concurrent", "jdoe")
s.expect(p, 0, "edit while a log waits")
rc, err = log_result()
doc = parse_toml(read_bytes(path))
titles = [e.get("title") for e in (doc or {}).get("ce", [])]
s.check(rc == b"0", f"the log waited for the lock and succeeded: exit {rc}", err)
s.check(doc and doc["name"] == "Person Edited" and titles == ["Logged meanwhile"],
        "the record holds both the edit and the logged entry", read_bytes(path))
s.validate(ws, "after a log during edit")

# An editor open longer than a writer waits: the log gives up, saying so; the edit is still saved.
write_bytes(path, original)
p = edit("concurrent-slow", "jdoe")
s.expect(p, 0, "edit while a log gives up")
rc, err = log_result()
s.check(rc == b"1" and b"another peerctl is writing this record" in err, f"the log failed clearly: exit {rc}", err)
doc = parse_toml(read_bytes(path))
s.check(doc and doc["name"] == "Person Edited" and "ce" not in doc, "the edit is saved, the refused log is not",
        read_bytes(path))

# --- ids: 'me' by default; a missing record ---------------------------------------------------------
p = edit("none")
s.expect(p, 2, "edit without an ID or 'me'")
os.makedirs(os.path.join(s.tmp, "config", "peerctl"), exist_ok=True)
write_bytes(os.path.join(s.tmp, "config", "peerctl", "config.toml"), 'me = "jdoe"\n')
write_bytes(path, original)
p = edit("valid")
s.expect(p, 0, "edit with no ID edits 'me'")
s.check(b'name = "Person Edited"' in read_bytes(path), "the record of 'me' is edited")
p = edit("valid", "ghost")
s.expect(p, 1, "edit of a missing record")
s.check(b"no record for 'ghost'" in p.stderr, "says there is no such record", p.stderr)
s.finish()
