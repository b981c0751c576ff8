#!/usr/bin/python3
"""peerctl remind: the messages a fake sendmail captures, read back by Python's email package.

A seeded workspace (five specialists: one deadline kind each, one without email, one inactive)
is run day by day for a year, with --as-of and PEERCTL_NOW naming the day; each threshold must be
sent exactly once per person and deadline, on the day computed here from the credentials' rules.
Then: a failing mail program, a missing one, --since catch-up, --dry-run, and --mbox (0600 whatever
the umask, appended, never through a symbolic link nor into a file others can write).

usage: test_remind.py PEERCTL
"""
import datetime
import email
import email.policy
import mailbox
import os
import re
import stat
import subprocess
import sys
import tempfile

peerctl = sys.argv[1]
failures = []
passed = 0
scratch = tempfile.TemporaryDirectory()
DAYS = (90, 30, 7)


def check(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)


# The fake sendmail: each message to a file of its own in $FAKE_SENDMAIL_DIR, its arguments beside
# it; exit 75 (EX_TEMPFAIL) for a recipient whose address starts with "fail".
FAKE = """#!/bin/sh
out=$(mktemp "$FAKE_SENDMAIL_DIR/msg.XXXXXXXX") || exit 71
printf '%s\\n' "$@" >"$out.args"
cat >"$out"
if grep -q '^To: .*<fail' "$out"; then rm -f "$out" "$out.args"; exit 75; fi
exit 0
"""
fake = os.path.join(scratch.name, "fake-sendmail")
with open(fake, "w") as f:
    f.write(FAKE)
os.chmod(fake, 0o755)

# id -> (name, email, record body). Names with non-ASCII letters, so that headers must be encoded.
PEOPLE = {
    "jose": ("José Díaz-Núñez", "jose@example.org", """
[credentials.ct-rss]
issued = 2024-01-15
[[ce]]
date = 2025-03-01
hours = 20
title = "Peer ethics"
topics = ["ethics"]
"""),
    "kim": ("Kim Åström", "kim.astrom@example.org", """
[credentials.ny-crpa]
issued = 2024-03-10
[[ce]]
date = 2025-06-01
hours = 10
title = "Harm reduction basics"
topics = ["harm-reduction"]
"""),
    "gina": ("Gina Oyelaran", "gina@example.org", """
[credentials.ga-cps]
issued = 2025-05-10
"""),
    "tara": ("Tara Ó Briain", "tara@example.org", """
[credentials.ga-cps]
[[training]]
date = 2026-08-01
hours = 40
title = "CPS course"
"""),
    "noemail": ("Nomail Person", None, """
[credentials.ct-rss]
issued = 2024-01-15
"""),
    "ivan": ("Ivan Inactive", "ivan@example.org", """status = "inactive"
[credentials.ct-rss]
issued = 2024-01-15
"""),
}

D = datetime.date
# The deadlines, worked out here from the rules (data/credentials): (id, kind, deadline, first day it
# is the next one).
DEADLINES = [
    ("jose", "expiry", D(2027, 1, 15), None),            # ct-rss: 36 months from 2024-01-15
    ("noemail", "expiry", D(2027, 1, 15), None),
    ("kim", "submit-by", D(2027, 1, 24), None),          # ny-crpa: expires 2027-03-10, submit 45 days before
    ("kim", "expiry", D(2027, 3, 10), D(2027, 1, 25)),   # the next deadline once submit-by has passed
    ("gina", "expiry", D(2026, 12, 31), None),           # ga-cps: calendar year after the year of issue
    ("gina", "grace", D(2027, 1, 15), D(2027, 1, 1)),    # first rung: 15 days
    ("gina", "grace", D(2027, 1, 31), D(2027, 1, 16)),   # second rung: 31 days
    ("tara", "exam", D(2027, 8, 1), None),               # 12 months after the last training entry
]
START, END = D(2026, 7, 1), D(2027, 6, 30)


def expected_sends(start, end, since=None):
    """{(id, day): deadline}: the days a threshold falls on while that deadline is the next one."""
    out = {}
    for who, kind, deadline, from_day in DEADLINES:
        for n in DAYS:
            day = deadline - datetime.timedelta(days=n)
            if start <= day <= end and (from_day is None or day >= from_day):
                out[(who, day)] = deadline
    return out


def workspace(people, remind_lines):
    root = tempfile.mkdtemp(dir=scratch.name)
    with open(os.path.join(root, "peerctl.toml"), "w") as f:
        f.write('name = "Riverbend Peer Services"\n' + remind_lines)
    os.mkdir(os.path.join(root, "specialists"))
    for pid in people:
        name, address, body = PEOPLE[pid]
        with open(os.path.join(root, "specialists", pid + ".toml"), "w") as f:
            f.write(f'id = "{pid}"\nname = "{name}"\n' + (f'email = "{address}"\n' if address else "") + body)
    return root


REMIND = f'[remind]\ndays = [90, 30, 7]\nfrom = "Peer Sérvices <training@example.org>"\ncommand = "{fake} -t -i"\n'


def run(root, day, *args, capture=None, umask=None):
    env = {k: v for k, v in os.environ.items() if k not in ("TZ", "PEERCTL_DIR", "PEERCTL_NOW")}
    env.update(HOME=scratch.name, XDG_CONFIG_HOME=os.path.join(scratch.name, "config"),
               XDG_CACHE_HOME=os.path.join(scratch.name, "cache"), PEERCTL_NOW=f"{day}T07:00:00Z",
               FAKE_SENDMAIL_DIR=capture or scratch.name)
    pre = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run([peerctl, "--dir", root, "--as-of", str(day), "remind", *args], env=env, capture_output=True,
                          preexec_fn=pre)


def captured(capture):
    """The messages in a capture directory, as (raw bytes, args), oldest first."""
    out = []
    names = sorted((n for n in os.listdir(capture) if not n.endswith(".args")),
                   key=lambda n: os.stat(os.path.join(capture, n)).st_mtime_ns)
    for n in names:
        with open(os.path.join(capture, n), "rb") as f, open(os.path.join(capture, n + ".args")) as a:
            out.append((f.read(), a.read().split("\n")[:-1]))
        os.remove(os.path.join(capture, n))
        os.remove(os.path.join(capture, n + ".args"))
    return out


def check_message(raw, day, where):
    """Checks one message as a mail reader would; returns (recipient id, deadline date) or None."""
    check(all(b < 128 for b in raw), f"{where}: the message is 7-bit ASCII on the wire")
    check(b"\r" not in raw, f"{where}: LF line ends, as sendmail's standard input takes them")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check(not msg.defects, f"{where}: the parser found no defects: {msg.defects}")
    for h in ("Date", "From", "To", "Subject", "Message-ID"):
        check(len(msg.get_all(h) or []) == 1, f"{where}: one {h} header")
    check(msg.get_all("Cc") is None and msg.get_all("Bcc") is None, f"{where}: no Cc or Bcc")
    to = msg["To"].addresses
    check(len(to) == 1, f"{where}: exactly one recipient ({msg['To']})")
    sender = msg["From"].addresses
    check(len(sender) == 1 and sender[0].addr_spec == "training@example.org" and sender[0].display_name == "Peer Sérvices",
          f"{where}: From decodes to the configured sender: {msg['From']}")
    who = next((pid for pid, (_, address, _) in PEOPLE.items() if address == to[0].addr_spec), None)
    check(who is not None, f"{where}: the recipient is a specialist's email: {to[0].addr_spec}")
    if who is None:
        return None
    name = PEOPLE[who][0]
    check(to[0].display_name == name, f"{where}: To names {name!r}: {to[0].display_name!r}")
    check(msg["Subject"].startswith(f"Reminder for {name}: "), f"{where}: the subject decodes: {msg['Subject']!r}")
    check(msg.get_content_type() == "text/plain" and msg.get_content_charset() == "utf-8", f"{where}: text/plain; utf-8")
    check(msg["Content-Transfer-Encoding"] in ("quoted-printable", "base64"), f"{where}: a transfer encoding mail takes")
    check(msg["Date"].datetime.date() == day, f"{where}: Date is the run's: {msg['Date']}")
    body = msg.get_content()
    check(body.startswith(f"Hello {name},\n"), f"{where}: the body decodes to the name: {body[:60]!r}")
    check(f"peerctl status {who}\n" in body, f"{where}: the body gives the command that shows it")
    # No other specialist's name, id or address, in the raw message or decoded.
    text = raw.decode("ascii", "replace") + "\n" + msg["Subject"] + "\n" + body + "\n" + str(msg["To"])
    for other, (other_name, other_address, _) in PEOPLE.items():
        if other == who:
            continue
        named = [t for t in (other_name, other_address) if t and t in text]
        named += [other] if re.search(rf"(?<![\w.-]){re.escape(other)}(?![\w-])", text) else []
        check(not named, f"{where}: the message to {who} names {named}")
    deadline = None
    for line in body.splitlines():
        if "from today." in line:
            deadline = D.fromisoformat(line.split(", ")[-2].split()[-1])
    check(deadline is not None, f"{where}: the body states the deadline: {body!r}")
    return who, deadline


# --- A year, day by day ------------------------------------------------------------------------
# The sanitizer build (PEERCTL_TEST_SIZE=small) runs the same code on fewer days: every day a
# reminder is due and the days either side, and every fortnight between, rather than 365 runs.
year = [START + datetime.timedelta(days=n) for n in range((END - START).days + 1)]
if os.environ.get("PEERCTL_TEST_SIZE") == "small":
    near = {d + datetime.timedelta(days=k) for (_, d) in expected_sends(START, END) for k in (-1, 0, 1)}
    year = [d for n, d in enumerate(year) if d in near or n % 14 == 0 or d == END]
root = workspace(PEOPLE, REMIND)
capture = tempfile.mkdtemp(dir=scratch.name)
got = {}
no_email_days = []
for day in year:
    p = run(root, day, capture=capture)
    check(p.returncode == 0, f"{day}: rc {p.returncode}: {p.stderr!r}")
    check(p.stdout == b"", f"{day}: nothing on stdout: {p.stdout!r}")
    if b"noemail" in p.stderr:
        no_email_days.append(day)
        check(b"Nomail" not in p.stderr, f"{day}: stderr names ids, never names: {p.stderr!r}")
    for raw, args in captured(capture):
        check(args == ["-t", "-i"], f"{day}: the command's arguments: {args}")
        r = check_message(raw, day, f"{day}")
        if r:
            key = (r[0], day)
            check(key not in got, f"{day}: {r[0]} got two messages in one run")
            got[key] = r[1]
want = expected_sends(START, END)
want_sent = {k: v for k, v in want.items() if k[0] != "noemail"}
check(got == want_sent, "the year's messages:\n  extra   " + str(sorted(set(got.items()) - set(want_sent.items())))
      + "\n  missing " + str(sorted(set(want_sent.items()) - set(got.items()))))
check(no_email_days == sorted(d for (w, d) in want if w == "noemail"), f"no-email days: {no_email_days}")
check(len(want_sent) == 14, f"the seeded year holds 14 reminders to send (has {len(want_sent)})")
# Repeatable: the same day again sends the same message, Message-ID included.
first = next(iter(sorted(want_sent)))
ids = []
for _ in range(2):
    run(root, first[1], capture=capture)
    ids.append([email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"] for raw, _ in captured(capture)])
check(len(ids[0]) == 1 and ids[0] == ids[1], f"a run repeated on {first[1]} sends the same message: {ids}")

# --- --since: the days missed -------------------------------------------------------------------
for since, today, expect in ((D(2026, 12, 10), D(2026, 12, 20), {"jose"}),
                              (D(2026, 11, 25), D(2026, 12, 20), {"jose", "gina"}),
                              (D(2026, 12, 20), D(2026, 12, 20), set())):
    p = run(root, today, "--since", str(since), capture=capture)
    msgs = captured(capture)
    whom = {check_message(raw, today, f"--since {since}")[0] for raw, _ in msgs}
    check(p.returncode == 0 and whom == expect and len(msgs) == len(expect),
          f"--since {since} on {today}: {sorted(whom)} (want {sorted(expect)}), rc {p.returncode} {p.stderr!r}")
    if "jose" in whom:
        body = next(email.message_from_bytes(raw, policy=email.policy.default).get_content() for raw, _ in msgs
                    if b"jose@" in raw)
        check("26 days from today" in body, f"--since counts the days left from today: {body!r}")
p = run(root, D(2026, 12, 20), "--since", "2026-12-21", capture=capture)
check(p.returncode == 2 and b"--since" in p.stderr, f"--since after today: {p.returncode} {p.stderr!r}")
p = run(root, D(2026, 12, 20), "--since", "2025-01-01", capture=capture)
check(p.returncode == 2 and b"at most 366 days" in p.stderr, f"--since too far back: {p.returncode} {p.stderr!r}")
captured(capture)

# --- A failing mail program: the others are still sent ------------------------------------------
PEOPLE["failer"] = ("Fay Failer", "fail@example.org", PEOPLE["jose"][2])
both = workspace(["jose", "failer", "noemail"], REMIND)
p = run(both, D(2026, 12, 16), capture=capture)
msgs = captured(capture)
check(p.returncode == 1, f"a failing command: rc {p.returncode}")
check(b"the reminder to failer was not sent" in p.stderr and b"exited with status 75" in p.stderr,
      f"a failing command names who was not reached: {p.stderr!r}")
check(b"Fay" not in p.stderr and b"jose" not in p.stderr, f"stderr names the failed id only: {p.stderr!r}")
check(b"no email in the record of noemail" in p.stderr, f"no email is listed: {p.stderr!r}")
check([check_message(raw, D(2026, 12, 16), "failing")[0] for raw, _ in msgs] == ["jose"], "jose was still reached")
missing = workspace(["jose"], REMIND.replace(fake, os.path.join(scratch.name, "no-such-sendmail")))
p = run(missing, D(2026, 12, 16), capture=capture)
check(p.returncode == 1 and b"the reminder to jose was not sent: cannot run" in p.stderr,
      f"a command that cannot run: {p.returncode} {p.stderr!r}")
del PEOPLE["failer"]

# --- Settings the run needs ---------------------------------------------------------------------
p = run(workspace(["jose"], ""), D(2026, 12, 16), capture=capture)
check(p.returncode == 1 and b"no [remind] 'days'" in p.stderr, f"no [remind]: {p.returncode} {p.stderr!r}")
p = run(workspace(["jose"], '[remind]\ndays = [30]\nfrom = "t@example.org"\n'), D(2026, 12, 16), capture=capture)
check(p.returncode == 1 and b"no [remind] 'command'" in p.stderr, f"no command: {p.returncode} {p.stderr!r}")
p = run(workspace(["jose"], '[remind]\ndays = [30, 0]\n'), D(2026, 12, 16), capture=capture)
check(p.returncode == 1 and b"peerctl.toml:3:13: error: 'days' must hold numbers from 1 to 3650 (got 0)" in p.stderr,
      f"days = [30, 0]: {p.returncode} {p.stderr!r}")

# --- --dry-run and --mbox ------------------------------------------------------------------------
p = run(root, D(2026, 12, 16), "--dry-run", capture=capture)
check(p.returncode == 0 and captured(capture) == [], f"--dry-run sends nothing: {p.returncode} {p.stderr!r}")
dry = os.path.join(scratch.name, "dry.mbox")
with open(dry, "wb") as f:
    f.write(p.stdout)
box = mailbox.mbox(dry)
check(len(box) == 1 and "jose@" in box[0]["To"], f"--dry-run prints the day's message as an mbox: {len(box)}")

out = os.path.join(tempfile.mkdtemp(dir=scratch.name), "reminders.mbox")
for n in (1, 2):
    p = run(root, D(2026, 12, 16), "--mbox", out, capture=capture, umask=0)
    check(p.returncode == 0 and captured(capture) == [], f"--mbox run {n}: {p.returncode} {p.stderr!r}")
mode = stat.S_IMODE(os.lstat(out).st_mode) if os.path.exists(out) else None
check(mode == 0o600, f"--mbox makes the file 0600 whatever the umask: {oct(mode) if mode else 'no file'}")
if mode is not None:
    box = mailbox.mbox(out)
    check(len(box) == 2, f"--mbox appends: {len(box)} messages")
    for key in box.keys():
        check_message(box.get_bytes(key), D(2026, 12, 16), "--mbox")

target = os.path.join(scratch.name, "target")
with open(target, "w") as f:
    f.write("untouched\n")
link = os.path.join(scratch.name, "link.mbox")
os.symlink(target, link)
p = run(root, D(2026, 12, 16), "--mbox", link, capture=capture)
with open(target) as f:
    check(p.returncode == 1 and f.read() == "untouched\n" and b"symbolic link" in p.stderr,
          f"--mbox through a symbolic link is refused: {p.returncode} {p.stderr!r}")
shared = os.path.join(scratch.name, "shared.mbox")
with open(shared, "w") as f:
    f.write("")
os.chmod(shared, 0o662)
p = run(root, D(2026, 12, 16), "--mbox", shared, capture=capture)
check(p.returncode == 1 and os.path.getsize(shared) == 0 and b"writable by no one else" in p.stderr,
      f"--mbox into a file others can write is refused: {p.returncode} {p.stderr!r}")
p = run(root, D(2026, 12, 16), "--mbox", out, "--dry-run", capture=capture)
check(p.returncode == 2, f"--mbox with --dry-run is a usage error: {p.returncode}")

for f in failures:
    print("FAIL:", f)
print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
