#!/usr/bin/python3
"""Privacy: errors, warnings, `check` output and `validate` output name files, ids, keys and
positions, never what a record says about a person. Every name, note, title, provider, email,
certificate number, approval and evidence path below holds a marker; many commands are made to
fail on those records, and the marker must not appear on stderr, nor in check's or validate's
stdout. (Short vocabulary values such as an unknown `result` or topic are echoed on purpose: they
are tokens, not free text, and are not marked here.)

usage: test_privacy.py PEERCTL [--time-limit SECONDS]
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Suite  # noqa: E402

MARK = "PRIVMARK"
s = Suite("privacy")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def person(ident, extra="", issued="2023-04-01"):
    """A record in which every free-text field holds the marker."""
    return f'''id = "{ident}"
name = "Ana {MARK} Ruiz"
note = "Lives at 12 {MARK} Street"
email = "{MARK.lower()}@example.org"
phone = "555-{MARK}"

[credentials.ct-rss]
number = "RSS-{MARK}"
issued = {issued}

[[training]]
date = 2023-01-10
hours = 8
title = "Day one, {MARK} cohort"
provider = "{MARK} Academy"
note = "{MARK} was late"

[[exam]]
date = 2023-03-01
result = "passed"
note = "{MARK} passed"

[[ce]]
date = 2025-05-01
hours = 2
title = "Ethics with {MARK}"
provider = "{MARK} Institute"
approval = "APP-{MARK}"
evidence = "certs/{MARK}.pdf"
topics = ["ethics"]
note = "{MARK} paid"
{extra}'''


ws = s.workspace("ws", settings=f'# {MARK}\n')
sp = os.path.join(ws, "specialists")
# Certified and due soon: check reports them (WARNING / CRITICAL items with ids).
write(os.path.join(sp, "good.toml"), person("good"))
write(os.path.join(sp, "soon.toml"), person("soon", issued="2023-03-20"))
# Errors of every kind, in records full of the marker.
bad = {
    "types": f'[[ce]]\ndate = "{MARK}"\nhours = "{MARK}"\ntitle = ["{MARK}"]\nprovider = 42\ntopics = "{MARK}"\n'
             f'[[training]]\ndate = 2023-01-11\nhours = -{len(MARK)}\ntitle = {{ x = "{MARK}" }}\n',
    "unknown": f'[[ce]]\ndate = 2025-05-02\nhours = 1\ntitel = "{MARK}"\ncomment = "{MARK}"\nprovidr = "{MARK}"\n',
    "missing": f'[[ce]]\nnote = "{MARK}"\nprovider = "{MARK}"\n[[exam]]\nnote = "{MARK}"\n',
    "future": f'[[ce]]\ndate = 2027-01-01\nhours = 1\ntitle = "{MARK} later"\n',
    "dates": f'[[ce]]\ndate = 2025-02-30\nhours = 1\ntitle = "{MARK}"\n[[renewal]]\ndate = "2025-01-01"\nnote = "{MARK}"\n',
}
for ident, extra in bad.items():
    write(os.path.join(sp, f"{ident}.toml"), person(ident, extra))
write(os.path.join(sp, "wrongid.toml"), person("other"))
write(os.path.join(sp, "syntax.toml"), f'id = "syntax"\nname = {MARK} Unquoted\n')
write(os.path.join(sp, "syntax2.toml"), f'id = "syntax2"\nname = "{MARK}\nnote = "{MARK}"\n')
write(os.path.join(sp, "syntax3.toml"), f'id = "syntax3"\nname = "{MARK}"\nname = "{MARK} again"\n')
write(os.path.join(sp, "nonascii.toml"), f'id = "nonascii"\nname = "{MARK}" {MARK}é\n')
write(os.path.join(sp, "bytes.toml"), f'id = "bytes"\nname = "{MARK}\x00"\n')
write(os.path.join(sp, "badtype.toml"), f'id = "badtype"\nname = 42\nnote = ["{MARK}"]\n')
# The same id in two files (validate with paths).
write(os.path.join(s.tmp, "a", "dup.toml"), person("dup"))
write(os.path.join(s.tmp, "b", "dup.toml"), person("dup"))
# A workspace credential full of the marker, with errors (in a workspace of its own: with broken
# rules, commands stop before reading records).
rules = s.workspace("rules")
write(os.path.join(rules, "specialists", "good.toml"), person("good"))
write(os.path.join(rules, "credentials", "org-x.toml"),
      f'id = "org-x"\nname = "{MARK} credential"\nissuer = "{MARK} Board"\neffective_from = 2020-01-01\n'
      f'confidence = "high"\nconfidence_note = "{MARK}"\n[[source]]\nkey = "K"\nfacts = "{MARK}"\n'
      f'[period]\nanchor = "issue-date"\nmonths = "{MARK}"\n')
# A clean workspace: only good records, so that check and the writing commands get that far.
clean = s.workspace("clean", settings="warn_days = 400\n")
write(os.path.join(clean, "specialists", "good.toml"), person("good"))
write(os.path.join(clean, "specialists", "soon.toml"), person("soon", issued="2023-03-20"))


def private(what, p, stdout_too=False):
    err = p.stderr.decode("utf-8", "backslashreplace")
    out = p.stdout.decode("utf-8", "backslashreplace")
    s.check(p.returncode >= 0, f"{what}: ended by signal {-p.returncode}", err)
    s.timed(p, what)
    s.check(MARK.lower() not in err.lower(), f"{what}: stderr shows no private text", err)
    if stdout_too:
        s.check(MARK.lower() not in out.lower(), f"{what}: stdout shows no private text", out)
    return p


def expect(p, rc, what):
    return s.check(p.returncode == rc, f"{what}: exit {p.returncode}, expected {rc}", p.stderr)


# Reading.
p = private("validate", s.run("validate", ws=ws), stdout_too=True)
expect(p, 1, "validate")
s.check(p.stderr.count(b": error: ") >= 15, "validate: reports the many errors", p.stderr)
p = private("validate with paths (duplicate ids)",
            s.run("validate", os.path.join(s.tmp, "a", "dup.toml"), os.path.join(s.tmp, "b", "dup.toml")),
            stdout_too=True)
s.check(b"duplicate id 'dup'" in p.stderr, "validate with paths: the duplicate is reported", p.stderr)
for args in (["status"], ["status", "--format", "json"], ["status", "good", "nobody"], ["export", "ics"],
             ["report", "roster"], ["report", "renewals", "--format", "json"], ["report", "transcript", "types"],
             ["credentials", "list"]):
    private(" ".join(args), s.run(*args, ws=ws))
for args in (["check"], ["check", "--format", "json"]):
    p = private(" ".join(args), s.run(*args, ws=ws), stdout_too=True)
    expect(p, 3, " ".join(args))
    s.check(b"could not be read" in p.stdout, f"{' '.join(args)}: UNKNOWN for the invalid records", p.stdout)
for args in (["validate"], ["status"], ["check"], ["credentials", "show", "org-x"], ["report", "roster"]):
    what = " ".join(args) + " (broken credential rules)"
    p = private(what, s.run(*args, ws=rules), stdout_too=args[0] in ("validate", "check"))
    s.check(b"credentials/org-x.toml:" in p.stderr, f"{what}: names the rule file", p.stderr)
for args in (["check"], ["check", "--format", "json"], ["check", "--warn", "3650", "--crit", "3650"]):
    what = " ".join(args) + " (clean workspace)"
    p = private(what, s.run(*args, ws=clean), stdout_too=True)
    s.check(p.returncode in (1, 2) and b"soon" in p.stdout, f"{what}: names the specialists due, by id", p.stdout)

# Writing: refusals and errors.
private("log ce on a record with errors", s.run("log", "ce", "types", "--date", "2025-06-01", "--hours", "1",
                                                "--title", f"{MARK} course", ws=ws))
dup = ["log", "ce", "good", "--date", "2025-05-01", "--hours", "2", "--title", f"Ethics with {MARK}",
       "--provider", f"{MARK} Institute", "--topic", "ethics"]
p = private("log ce, a likely duplicate", s.run(*dup, ws=clean))
expect(p, 1, "log ce, a likely duplicate")
p = private("log ce, in the future", s.run("log", "ce", "good", "--date", "2027-01-01", "--hours", "1", "--title",
                                           f"{MARK} later", ws=clean))
expect(p, 1, "log ce, in the future")
private("log ce, bad hours", s.run("log", "ce", "good", "--hours", "lots", "--title", f"{MARK} course", ws=clean))
private("log ce, invalid UTF-8", s.run("log", "ce", "good", "--hours", "1", "--title", f"{MARK}\udcff", ws=clean))
private("log ce, unknown topic", s.run("log", "ce", "good", "--hours", "1", "--title", f"{MARK}", "--topic",
                                       "no-such-topic", ws=clean))
private("log exam, future result", s.run("log", "exam", "good", "--date", "2027-01-01", "--result", "passed",
                                         ws=clean))
private("log training, bad domain", s.run("log", "training", "good", "--hours", "1", "--title", MARK,
                                          "--provider", MARK, "--domain", "no-such-domain", ws=clean))
private("add over an existing record", s.run("add", "good", "--name", f"{MARK} Again", ws=clean))
private("add with an unknown credential", s.run("add", "newone", "--name", f"{MARK} New", "--credential", "nope",
                                                ws=clean))
private("certify, already certified", s.run("certify", "good", "ct-rss", "--issued", "2024-01-01", "--number",
                                            f"N-{MARK}", ws=clean))
private("certify, a record with errors", s.run("certify", "types", "ct-rss", "--issued", "2024-01-01", "--number",
                                               f"N-{MARK}", ws=ws))
s.finish()
