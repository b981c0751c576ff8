#!/usr/bin/python3
"""One way out for text: whatever a record, a credential file, a file name or an argument holds,
nothing peerctl prints carries a raw control character (C0 but the newline and tab a format lays
out with, DEL, C1, ESC), a bidi control (U+061C, U+200E/F, U+202A..U+202E, U+2066..U+2069) or a
byte that is not UTF-8; and check's Nagios text keeps exactly its lines and its one '|'.

Every command that prints data is driven over workspaces whose credential file forges a status
line and perfdata through a provider name, puts ESC, U+009B and bidi overrides in names, ids,
titles and providers, and whose file and directory names are not UTF-8.

usage: test_output_sanitised.py PEERCTL [--time-limit SECONDS]
"""
import json
import os
import sys
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Suite  # noqa: E402

s = Suite("sanitised")

# Written as TOML escapes, so the files themselves are valid TOML; peerctl reads the raw characters.
EVIL = r"Ev\u001B[2J\u001B]0;pwned\u0007il\u009B31m\u202Egnp.exe\u2066x\u2069\u200F\u007F\u0085"
FORGED = r"Prov | fake=1\nPEERCTL OK - all good"
BAD = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + [chr(0x7F)] + [chr(c) for c in range(0x80, 0xA0)] \
    + ["\u061C", "\u200E", "\u200F"] + [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]

CREDENTIAL = f'''id = "ev-cred"
name = "{EVIL} credential"
issuer = "{EVIL}"
effective_from = 2000-01-01
confidence = "low"
confidence_note = "{EVIL}"
topics = ["ethics"]
domains = []

[[source]]
key = "K"
url = "https://example.org/{EVIL}"
facts = "none"

[period]
anchor = "issue-date"
months = 36

[ce]
hours = 12
carry_over_max = 0

[[ce.minimum]]
providers = ["{FORGED}"]
hours = 6

[[after_expiry]]
days = 30
state = "grace"
fee = 0
note = "{EVIL}"
'''

# The same credential with levels whose ids carry ESC and U+009B (a record holds one of them).
LEVELS = CREDENTIAL.replace('id = "ev-cred"', 'id = "ev-lvl"') + '''
[[level]]
id = "L\\u001B[2J\\u009B1"
months = 12
renewable = false

[[level]]
id = "F\\u202Eull"
'''

# Certified 2023-04-01: expires 2026-04-01, 31 days after AS_OF, so check warns and prints a line.
PERSON = f'''id = "ana"
name = "{EVIL}"

[credentials.ev-cred]
number = "{EVIL}"
issued = 2023-04-01

[[ce]]
date = 2025-05-01
hours = 2
title = "{EVIL}"
provider = "{EVIL}"
approval = "{EVIL}"
evidence = "{EVIL}.pdf"
topics = ["ethics"]
'''

LEVELLED = '''id = "lev"
name = "Lev"

[credentials.ev-lvl]
issued = 2023-04-01
level = "L\\u001B[2J\\u009B1"
'''


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def workspace(name, files, settings=""):
    ws = s.workspace(name, settings)
    for rel, data in files.items():
        write(os.path.join(os.fsencode(ws), os.fsencode(rel)), data)
    return ws


def raw_problem(data, allowed):
    """The first thing in `data` (bytes) that no output may carry raw, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"invalid UTF-8 at byte {e.start}"
    for i, ch in enumerate(text):
        if ch in BAD and ch not in allowed:
            return f"raw U+{ord(ch):04X} at character {i}"
    return None


def safe(p, what, out_allowed="\n\t", err_allowed="\n"):
    for name, data, allowed in (("stdout", p.stdout, out_allowed), ("stderr", p.stderr, err_allowed)):
        problem = raw_problem(data, allowed)
        s.check(problem is None, f"{what}: {problem} on {name}", data)
    s.check(p.returncode >= 0 and p.returncode != -999, f"{what}: ended by a signal or timed out ({p.returncode})", p.stderr)
    return p


def nagios(p, what, lines):
    safe(p, what, out_allowed="\n", err_allowed="\n")
    out = p.stdout.decode("utf-8", "replace")
    got = out.split("\n")
    s.check(out.endswith("\n") and len(got) - 1 == lines, f"{what}: {len(got) - 1} lines, expected {lines}", p.stdout)
    # Perfdata after one '|', except on an UNKNOWN line that could count nothing.
    counted = not got[0].startswith("PEERCTL UNKNOWN") or "could not be read" in got[0]
    s.check(got[0].count("|") == (1 if counted else 0), f"{what}: the first line's '|'", p.stdout)
    s.check(all("|" not in line for line in got[1:]), f"{what}: a '|' after the first line (forged perfdata)", p.stdout)
    s.check(all(not line.startswith("PEERCTL") for line in got[1:]), f"{what}: a forged status line", p.stdout)


def json_out(p, what):
    safe(p, what, out_allowed="\n")
    if p.returncode != 0 and not p.stdout:
        return  # the input was refused (its error went through `safe` on stderr); no JSON to read
    try:
        json.loads(p.stdout)
    except ValueError as e:
        s.check(False, f"{what}: not JSON ({e})", p.stdout)


def xlsx_out(ws, report, what):
    """A spreadsheet: every XML part of the file as text, besides what the command prints."""
    path = os.path.join(s.tmp, "out.xlsx")
    p = safe(s.run("report", report, "-o", path, ws=ws), what)
    # A workspace whose credential file is refused makes no report at all.
    s.check(p.returncode != 0 or zipfile.is_zipfile(path), f"{what}: wrote an xlsx", p.stderr)
    if os.path.exists(path):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                problem = raw_problem(z.read(name), "\n\t\r")
                s.check(problem is None, f"{what}: {problem} in {name}", name)
        os.unlink(path)


def every_command(ws, label, ident, credential, alerting):
    """Every command that prints data, over workspace `ws`."""
    for fmt in ("text", "json"):
        p = s.run("status", "--all", "--format", fmt, ws=ws)
        (json_out if fmt == "json" else safe)(p, f"{label}: status --format {fmt}")
        safe(s.run("status", ident, "--format", fmt, ws=ws), f"{label}: status {ident} --format {fmt}", out_allowed="\n\t")
    for extra in ([], ["--no-cache"], []):  # the second plain run reads the cache
        nagios(s.run("check", *extra, ws=ws), f"{label}: check {' '.join(extra)}", 1 + alerting)
        json_out(s.run("check", "--format", "json", *extra, ws=ws), f"{label}: check --format json {' '.join(extra)}")
    safe(s.run("credentials", "list", ws=ws), f"{label}: credentials list")
    safe(s.run("credentials", "show", credential, ws=ws), f"{label}: credentials show")
    for report in (["renewals"], ["roster"], ["transcript", ident], ["transcript", ident, "--period", "all"],
                   ["audit", "sample", "--percent", "100", "--seed", "1"]):
        for fmt in ("table", "csv", "json", "md", "html"):
            p = s.run("report", *report, "--format", fmt, ws=ws)
            what = f"{label}: report {' '.join(report)} --format {fmt}"
            if fmt == "json":
                json_out(p, what)
            else:
                safe(p, what, out_allowed="\n\t\r" if fmt == "csv" else "\n\t")
    for report in ("renewals", "roster"):
        xlsx_out(ws, report, f"{label}: report {report} --format xlsx")
    safe(s.run("export", "ics", ws=ws), f"{label}: export ics", out_allowed="\r\n")
    safe(s.run("validate", ws=ws), f"{label}: validate")


# 1. A workspace credential file whose texts forge a status line and perfdata, or hold controls.
forged = workspace("forged", {"credentials/ev-cred.toml": CREDENTIAL, "specialists/ana.toml": PERSON,
                             "specialists/bo.toml": f'id = "bo"\nname = "{EVIL}"\n\n[credentials.ev-cred]\n'},
                   settings='topics = ["ethics"]\n')
p = s.run("validate", ws=forged)
s.check(p.returncode == 0, "the forging credential file and record validate (so that every command prints them)", p.stderr)
every_command(forged, "forged provider", "ana", "ev-cred", alerting=1)
out = s.run("check", ws=forged).stdout.decode("utf-8", "replace")
s.check("fake=1" not in out.split("\n")[0] and out.count("\n") == 2, "check: the provider name stays inside its item line", out)

# 2. Level ids with ESC, U+009B and a bidi override (whether or not validate accepts such ids).
levels = workspace("levels", {"credentials/ev-lvl.toml": LEVELS, "specialists/lev.toml": LEVELLED})
every_command(levels, "level ids", "lev", "ev-lvl", alerting=1 if s.run("validate", ws=levels).returncode == 0 else 0)

# 3. --dry-run prints the TOML it would write: the record text in it is escaped.
evil_arg = "T\x1b[2J\u009b1m\u202eA\x7f\u0085"
for args in (["log", "ce", "ana", "--hours", "1", "--topic", "ethics", "--title", evil_arg, "--provider", evil_arg, "--dry-run"],
             ["log", "training", "ana", "--hours", "1", "--title", evil_arg, "--provider", evil_arg, "--dry-run"],
             ["add", "newbie", "--name", evil_arg, "--dry-run"],
             ["certify", "bo", "ev-cred", "--issued", "2026-02-01", "--number", evil_arg, "--dry-run"]):
    p = safe(s.run(*args, ws=forged), " ".join(args[:2]) + " --dry-run")
    s.check(p.returncode == 0, f"{' '.join(args[:2])} --dry-run succeeds", p.stderr)
    s.check(b"\\u001B" in p.stdout, f"{' '.join(args[:2])} --dry-run shows ESC as a TOML escape", p.stdout)

# 4. Usage errors that echo an argument.
for args in (["check", "--format", "X\x1b[2J\u009b\u202e"], ["status", "--format", "X\x1b[2J"],
             ["report", "renewals", "--format", "X\x1b]0;t\x07"], ["--as-of", "2026\x1b[2J"],
             ["status", "a\x1b[2J\u202e"], ["log", "ce", "ana", "--hours", "1\x1b[2J", "--title", "t"],
             ["credentials", "show", "x\x1b[2J\u009b"], ["check", "--warn", "1\x1b[2J"],
             ["--bogus\x1b[2J"], ["report", "renewals", "-o", "/nonexistent\x1b[2J/r.csv"],
             ["report", "renewals", "--seed", "1\u202e", "--format", "csv"], ["export", "ics", "-o", "/nonexistent/\x1b[2J\u202e.ics"]):
    p = s.run(*args, ws=forged)
    what = "usage error: " + repr(args)
    if args[0] == "check":
        nagios(p, what, 1)
    else:
        safe(p, what)
    s.check(p.returncode != 0, f"{what} fails", p.stderr)

# 5. File and directory names that are not UTF-8, or hold ESC and bidi overrides.
names = workspace("names", {"specialists/ana.toml": PERSON.replace("ev-cred", "ct-rss"),
                            b"specialists/\xff\x1b[2J.toml": b'id = "x"\nname = "X"\n',
                            "specialists/b\x1b[2J\u202eb.toml": 'name = "\\u001B"\n',
                            b"credentials/\xfe\x9b.toml": b'id = 1\n'})
for args in (["validate"], ["status", "--all"], ["status", "--all", "--format", "json"], ["check"], ["check", "--format", "json"],
             ["report", "renewals"], ["report", "roster", "--format", "json"], ["export", "ics"], ["credentials", "list"]):
    p = s.run(*args, ws=names)
    what = "file names: " + " ".join(args)
    if args == ["check"]:
        nagios(p, what, 1)
    else:
        safe(p, what, out_allowed="\r\n\t")
weird = os.path.join(os.fsencode(s.tmp), b"ws\x1b[2J\xff\xe2\x80\xae")
os.makedirs(os.path.join(weird, b"specialists"))
write(os.path.join(weird, b"peerctl.toml"), b'name = "w\\u001B[2J"\n')
write(os.path.join(weird, b"specialists", b"ana.toml"), b"id = \n")
for args in (["validate"], ["status", "--all"], ["check"], ["report", "renewals", "--format", "html"]):
    p = s.run(*args, ws=os.fsdecode(weird))
    if args == ["check"]:
        nagios(p, "workspace path: check", 2)  # the UNKNOWN line and the one naming ana.toml
    else:
        safe(p, "workspace path: " + " ".join(args))
p = safe(s.run("--dir", os.fsdecode(weird + b"-missing"), "status"), "a missing workspace path")
s.check(p.returncode != 0, "a missing workspace path fails", p.stderr)
p = safe(s.run("init", os.fsdecode(weird)), "init over an existing workspace with an ESC in its path")
s.check(p.returncode != 0, "init over an existing workspace fails", p.stderr)

s.finish()
