#!/usr/bin/python3
"""`log` on a terminal asks for what the command line left out, as hledger's `add` does: the date
(default today, in brackets), then the required options missing, then a course's topics (the
vocabulary listed, checked); a refused answer is asked again with the option's own message; end of
input (Ctrl-D) abandons, exit 1, nothing written. With --no-input, or when stdin or stderr is not a
terminal, the one refusal naming every missing option, exit 2, as before. Run on a real
pseudo-terminal (stdin, stdout and stderr on its slave side, its controlling terminal).

usage: test_prompt.py PEERCTL
"""
import datetime
import fcntl
import os
import pty
import select
import subprocess
import sys
import termios
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import AS_OF, Suite, parse_toml, read_bytes, record_file  # noqa: E402

s = Suite("prompt")
ws = s.workspace(ids=("jdoe",))
path = record_file(ws, "jdoe")
REFUSAL = b"missing required options of 'log ce': --hours, --title"


class Terminal:
    """peerctl with a pseudo-terminal for stdin, stdout and stderr, as a person at a terminal runs it."""

    def __init__(self, *args):
        self.master, slave = pty.openpty()
        # A session of its own with the terminal as its controlling one, so that Ctrl-C is SIGINT to it.
        self.proc = subprocess.Popen(s.cmd(args, ws), env=s.env, stdin=slave, stdout=slave, stderr=slave,
                                     start_new_session=True,
                                     preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        self.seen = b""  # everything the terminal showed (the answers echoed too), \r\n for newlines

    def read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:  # EIO: the slave side is closed, peerctl has exited
            data = b""
        self.seen += data
        return bool(data)

    def expect(self, text, timeout=20):
        """Waits until the terminal shows `text` after what was expected before; True when it did."""
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0 or not self.read(left):
                return False
        self.seen = self.seen[self.seen.index(text) + len(text):]
        return True

    def answer(self, question, line):
        shown = s.check(self.expect(question), f"asks {question!r}", self.seen)
        os.write(self.master, line)
        return shown

    def finish(self):
        """The exit status and what the terminal showed since the last question."""
        try:
            rc = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        while self.read(1):
            pass
        os.close(self.master)
        return rc, self.seen


# --- a course, every question answered, a bad hours value asked again -------------------------------
before = read_bytes(path)
t = Terminal("log", "ce", "jdoe")
t.answer(f"Date [{AS_OF}]: ".encode(), b"-3d\n")
t.answer(b"Title: ", b"Ethics in practice\n")
t.answer(b"Hours: ", b"2 hours\n")
s.check(t.expect(b"peerctl: --hours must be hours (got '2 hours'); hours are written"),
        "a bad hours value: the message --hours gives", t.seen)
t.answer(b"Hours: ", b"1h30m\n")
t.answer(b"Topics (", b"")
s.check(t.expect(b"ethics, harm-reduction,"), "the topics question lists the vocabulary", t.seen)
s.check(t.expect(b") []: "), "no topic is the default", t.seen)
os.write(t.master, b"ethics, ehtics\n")
s.check(t.expect(b"unknown topic 'ehtics'; did you mean 'ethics'?"), "an unknown topic is refused, with a suggestion",
        t.seen)
t.answer(b"Topics (", b"c\n")
s.check(t.expect(b"'c' is the start of "), "the start of several topics is refused, naming them", t.seen)
t.answer(b"Topics (", b"eth, cultural-c\n")
rc, shown = t.finish()
s.check(rc == 0, f"all answered: exit {rc}", shown)
s.check(b"recorded ce 1.5 h on 2026-11-20 in specialists/jdoe.toml" in shown, "says what was recorded", shown)
doc = parse_toml(read_bytes(path)) or {}
s.check(doc.get("ce") == [{"date": datetime.date(2026, 11, 20), "hours": 1.5, "title": "Ethics in practice",
                           "topics": ["ethics", "cultural-competence"]}],
        "the entry holds the answers", read_bytes(path))
s.validate(ws, "after the answers")

# --- empty answers take the defaults; what was typed is not asked --------------------------------
t = Terminal("log", "ce", "jdoe", "--hours", "2", "--topic", "ethics")
t.answer(f"Date [{AS_OF}]: ".encode(), b"\n")
t.answer(b"Title: ", b"\n")
s.check(t.expect(b"an answer is needed"), "an empty title is asked again", t.seen)
t.answer(b"Title: ", b"Second course\n")
rc, shown = t.finish()
s.check(rc == 0, f"date by default: exit {rc}", shown)
s.check(b"Hours" not in shown and b"Topics" not in shown, "options given are not asked for", shown)
doc = parse_toml(read_bytes(path)) or {}
last = (doc.get("ce") or [{}])[-1]
s.check(str(last.get("date")) == AS_OF and last.get("title") == "Second course" and last.get("hours") == 2,
        "an empty date answer is today (the as-of day)", last)

# --- experience: the kind, refused with the choices, and the date as for --date ---------------------
t = Terminal("log", "experience", "jdoe")
t.answer(b"Date [", b"2026-02-30\n")
s.check(t.expect(b"peerctl: --date must be a date (got '2026-02-30')"), "a bad date: the message --date gives", t.seen)
t.answer(b"Date [", b"yesterday\n")
t.answer(b"Hours: ", b"4\n")
t.answer(b"Kind (work, volunteer, supervision): ", b"paid\n")
s.check(t.expect(b"--kind must be one of work, volunteer, supervision (got 'paid')"), "a bad kind names the choices",
        t.seen)
t.answer(b"Kind (", b"volunteer\n")
rc, shown = t.finish()
s.check(rc == 0, f"experience answered: exit {rc}", shown)
doc = parse_toml(read_bytes(path)) or {}
s.check([(str(e.get("date")), e.get("hours"), e.get("kind")) for e in doc.get("experience", [])] ==
        [("2026-11-22", 4, "volunteer")], "the experience entry holds the answers", doc.get("experience"))

# --- exam: the result, and --dry-run asks too but writes nothing -----------------------------------
before = read_bytes(path)
t = Terminal("log", "exam", "jdoe", "--dry-run", "--date", "2026-11-02")
t.answer(b"Result (passed, failed, scheduled): ", b"pass\n")
s.check(t.expect(b"--result must be one of passed, failed, scheduled (got 'pass')"), "a bad result names the choices",
        t.seen)
t.answer(b"Result (", b"passed\n")
rc, shown = t.finish()
s.check(rc == 0 and b"[[exam]]" in shown and b'result = "passed"' in shown, f"exam --dry-run answered: exit {rc}",
        shown)
s.check(read_bytes(path) == before, "--dry-run: the record is byte-identical")

# --- end of input (Ctrl-D) at any question: exit 1, nothing written ---------------------------------
for answers, at in (([], b"Date ["), ([(b"Date [", b"\n"), (b"Title: ", b"A title\n")], b"Hours: ")):
    before = read_bytes(path)
    t = Terminal("log", "ce", "jdoe")
    for question, line in answers:
        t.answer(question, line)
    s.check(t.expect(at), f"asks {at!r}", t.seen)
    os.write(t.master, b"\x04")
    rc, shown = t.finish()
    what = f"Ctrl-D after {len(answers)} answers"
    s.check(rc == 1, f"{what}: exit {rc}, expected 1", shown)
    s.check(b"abandoned at end of input; nothing was written" in shown, f"{what}: says so", shown)
    s.check(read_bytes(path) == before, f"{what}: the record is byte-identical")
    s.check(not [n for n in os.listdir(os.path.dirname(path)) if n.startswith(".jdoe.toml.")
                 and not n.endswith(".undo")], f"{what}: nothing left beside the record")

# --- Ctrl-C at a question: the default signal, and nothing written ----------------------------------
before = read_bytes(path)
t = Terminal("log", "ce", "jdoe", "--date", "2026-11-01")
t.answer(b"Title: ", b"Interrupted\n")
t.answer(b"Hours: ", b"\x03")
rc, shown = t.finish()
s.check(rc == -2, f"Ctrl-C: killed by SIGINT, rc {rc}", shown)
s.check(read_bytes(path) == before, "Ctrl-C: the record is byte-identical")

# --- never asked: --no-input, stdin or stderr not a terminal ----------------------------------------
before = read_bytes(path)
t = Terminal("log", "ce", "jdoe", "--no-input")
rc, shown = t.finish()
s.check(rc == 2 and REFUSAL in shown, f"--no-input on a terminal: the refusal, exit {rc}", shown)
s.check(b"Date [" not in shown, "--no-input: nothing is asked", shown)
p = s.run("log", "ce", "jdoe", ws=ws)
s.check(p.returncode == 2 and REFUSAL in p.stderr and b"Date" not in p.stderr,
        f"stdin not a terminal: the refusal, exit {p.returncode}", p.stderr)
master, slave = pty.openpty()
p = subprocess.run(s.cmd(["log", "ce", "jdoe"], ws), env=s.env, stdin=slave, capture_output=True, timeout=30)
os.close(slave)
os.close(master)
s.check(p.returncode == 2 and REFUSAL in p.stderr, f"stdin a terminal, stderr not: the refusal, exit {p.returncode}",
        p.stderr)
s.check(read_bytes(path) == before, "refused: the record is byte-identical")

# --- what was typed is checked before anything is asked ---------------------------------------------
t = Terminal("log", "ce", "jdoe", "--hours", "lots")
rc, shown = t.finish()
s.check(rc == 2 and b"--hours must be" in shown and b"Date [" not in shown,
        f"a bad --hours with --title missing: refused before asking, exit {rc}", shown)
t = Terminal("log", "ce", "jdoe", "surplus")
rc, shown = t.finish()
s.check(rc == 2 and b"surplus" in shown and b"Date [" not in shown,
        f"a surplus argument with --title missing: refused before asking, exit {rc}", shown)
t = Terminal("log", "ce", "ghost")
rc, shown = t.finish()
s.check(rc == 1 and b"no record for 'ghost'" in shown and b"Date [" not in shown,
        f"no such record: said before asking, exit {rc}", shown)
s.check(read_bytes(path) == before, "the record is byte-identical")

s.finish()
