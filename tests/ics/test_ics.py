#!/usr/bin/python3
"""export ics, checked with a real iCalendar parser (Debian's python3-icalendar) and byte by byte.

usage: test_ics.py PEERCTL WORKSPACE [WORKSPACE...]

The first workspace is checked in depth; each checks its events against its status.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import icalendar
except ImportError:
    print("SKIP: python3-icalendar is not installed")
    sys.exit(77)

peerctl, workspace = sys.argv[1], sys.argv[2]
AS_OF = "2026-11-23"
env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000", HOME=tempfile.mkdtemp())
env.pop("PEERCTL_DIR", None)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args, ws=None):
    return subprocess.run([peerctl, "--dir", ws or workspace, "--as-of", AS_OF, *args], env=env,
                          capture_output=True, check=True).stdout


def events_match_status(ws):
    """The calendar of `ws` against its status; returns the kinds of event it checked."""
    ics = run("export", "ics", ws=ws)
    status = json.loads(run("status", "--all", "--format", "json", ws=ws))
    # Every certified credential has one expiry event, one submit-by event where it has one and
    # one grace-end event in grace; every credential with an exam scheduled has one exam event.
    expected = {}
    for s in status["specialists"]:
        for c in s["credentials"]:
            if c["exam"].get("scheduled"):
                expected[f'{s["id"]}.{c["id"]}.exam@peerctl'] = c["exam"]["scheduled"]
            cert = c["certification"]
            if cert is None:
                continue
            expected[f'{s["id"]}.{c["id"]}.expiry@peerctl'] = cert["expires"]
            if cert["submit_by"]:
                expected[f'{s["id"]}.{c["id"]}.submit-by@peerctl'] = cert["submit_by"]
            if cert["grace_until"]:
                expected[f'{s["id"]}.{c["id"]}.grace-end@peerctl'] = cert["grace_until"]

    cal = icalendar.Calendar.from_ical(ics)
    check(cal["VERSION"] == "2.0", "VERSION is 2.0")
    check("PRODID" in cal, "PRODID present")
    events = [e for e in cal.walk("VEVENT")]
    found = {}
    for e in events:
        uid = str(e["UID"])
        day = e.decoded("DTSTART")
        found[uid] = day.isoformat()
        check(e.decoded("DTEND").toordinal() == day.toordinal() + 1, f"{uid}: all-day event lasts one day")
        check(str(e["DTSTAMP"].to_ical().decode()) == "20261118T110640Z", f"{uid}: DTSTAMP from SOURCE_DATE_EPOCH")
        alarms = sorted(a.decoded("TRIGGER").days for a in e.walk("VALARM"))
        check(alarms == [-90, -30, -7], f"{uid}: alarms at 90, 30 and 7 days (got {alarms})")
        check(str(e["SUMMARY"]), f"{uid}: has a summary")
    check(found == expected, f"{ws}: events match status: {found} != {expected}")
    check(len(events) == len(expected), f"{ws}: no duplicate events")
    return ics, {uid.split(".")[-1].split("@")[0] for uid in expected}


ics, kinds = events_match_status(workspace)
for ws in sys.argv[3:]:
    kinds |= events_match_status(ws)[1]
# Between them the workspaces have every kind of event, so that each is checked against the status.
for kind in ("expiry", "submit-by", "grace-end", "exam"):
    check(kind in kinds, f"a {kind} event is checked")

# Stable UIDs: a second run is byte-identical (same DTSTAMP source).
check(run("export", "ics") == ics, "output is reproducible")

# Lines: CRLF only, at most 75 octets, never splitting a UTF-8 sequence.
check(ics.endswith(b"\r\n"), "ends with CRLF")
for raw in ics.split(b"\r\n")[:-1]:
    check(b"\n" not in raw and b"\r" not in raw, "no bare LF or CR")
    check(len(raw) <= 75, f"line of {len(raw)} octets: {raw[:30]!r}")
    raw.decode("utf-8")  # raises on a split sequence

# --id limits to one person; --alarm changes the reminders.
one = icalendar.Calendar.from_ical(run("export", "ics", "--id", "bokafor", "--alarm", "14"))
uids = [str(e["UID"]) for e in one.walk("VEVENT")]
check(uids == ["bokafor.ct-rss.expiry@peerctl"], f"--id bokafor gives its event only ({uids})")
check([a.decoded("TRIGGER").days for a in one.walk("VALARM")] == [-14], "--alarm 14")

# Escaping and folding of a long non-ASCII name, byte by byte.
with tempfile.TemporaryDirectory() as ws:
    os.makedirs(f"{ws}/specialists")
    open(f"{ws}/peerctl.toml", "w").write('name = "Équipe; pairs, \\\\ et «aidants»"\n')
    name = "Zoë Ñúñez-Łukasiewicz, dite «la Pêcheuse»; 日本語の名前も長く続きます"
    open(f"{ws}/specialists/zoe.toml", "w", encoding="utf-8").write(
        f'id = "zoe"\nname = "{name}"\n[credentials.ct-rss]\nissued = 2025-01-31\n')
    out = subprocess.run([peerctl, "--dir", ws, "--as-of", AS_OF, "export", "ics", "--alarm", "none"],
                         env=env, capture_output=True, check=True).stdout
    lines = out.split(b"\r\n")
    summary = [i for i, l in enumerate(lines) if l.startswith(b"SUMMARY:")][0]
    folded = [lines[summary]]
    for l in lines[summary + 1:]:
        if not l.startswith(b" "):
            break
        folded.append(l)
    check(len(folded) > 1, "the long summary is folded")
    for part in folded:
        check(len(part) <= 75, f"folded line of {len(part)} octets")
        part.decode("utf-8")
    unfolded = folded[0] + b"".join(p[1:] for p in folded[1:])
    want = ("SUMMARY:" + f"{name} (zoe): ct-rss expires".replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")).encode()
    check(unfolded == want, f"unfolded summary {unfolded!r} != {want!r}")
    # The first line takes exactly 75 octets unless a UTF-8 sequence would cross the limit.
    check(len(folded[0]) >= 72, "folding uses the whole line")
    cal = icalendar.Calendar.from_ical(out)
    ev = list(cal.walk("VEVENT"))[0]
    check(str(ev["SUMMARY"]) == f"{name} (zoe): ct-rss expires", "the parser reads the name back")
    check(ev.decoded("DTSTART").isoformat() == "2028-01-31", "2025-01-31 + 36 months")
    check(str(cal["X-WR-CALNAME"]) == "Équipe; pairs, \\ et «aidants»", "calendar name escaped and read back")
    check(not list(ev.walk("VALARM")), "--alarm none")

for f in failures:
    print("FAIL:", f)
print(f"{1 if not failures else 0} passed, {1 if failures else 0} failed")
sys.exit(1 if failures else 0)
