"""`me` from the user config is the default ID of log, certify and report transcript, and a `me`
that names no record says where it came from (the user config) and what to do instead."""
import os

from support import Suite, read_bytes, record_file

s = Suite("me")
ws = s.workspace(ids=("jdoe",))
config_dir = os.path.join(s.tmp, "config", "peerctl")
config = os.path.join(config_dir, "config.toml")
os.makedirs(config_dir)


def set_me(ident):
    with open(config, "w") as f:
        f.write(f'me = "{ident}"\n')


# --- with no 'me', the commands that default to it say so -----------------------------------------
for args in (["certify", "ct-rss", "--issued", "2026-01-02"], ["report", "transcript"],
             ["log", "ce", "--hours", "1", "--title", "t"]):
    p = s.run(*args, ws=ws)
    s.expect(p, 2, f"{args[0]} with no ID and no user config")
    s.check(b"no ID given and no 'me' in the user config" in p.stderr and config.encode() in p.stderr,
            f"{args[0]}: names the missing 'me' and the user config's path", p.stderr)

# --- 'me' is the default ID ------------------------------------------------------------------------
set_me("jdoe")
p = s.run("certify", "ct-rss", "--issued", "2026-01-02", "--number", "RSS-1", "--force", ws=ws)
s.expect(p, 0, "certify CREDENTIAL certifies 'me'")
s.check(b"certified jdoe for ct-rss" in p.stdout, "certify names 'me' as the one certified", p.stdout)
s.check(b"issued = 2026-01-02" in (read_bytes(record_file(ws, "jdoe")) or b""), "the record of 'me' holds the issue date")

p = s.run("report", "transcript", ws=ws)
s.expect(p, 0, "report transcript with no ID")
s.check(b"CE transcript: jdoe " in p.stdout, "the transcript is the one of 'me'", p.stdout[:400])

# An ID given still wins over 'me', for certify's two words too.
s.run("add", "mlee", "--name", "M Lee", "--credential", "ct-rss", ws=ws)
p = s.run("certify", "mlee", "ct-rss", "--issued", "2026-01-03", "--dry-run", "--force", ws=ws)
s.expect(p, 0, "certify ID CREDENTIAL")
s.check(p.stdout == b"issued = 2026-01-03\n", "certify ID CREDENTIAL prints the field for mlee", p.stdout)
p = s.run("report", "transcript", "mlee", ws=ws)
s.check(p.returncode == 0 and b"CE transcript: mlee " in p.stdout, "report transcript ID names that one", p.stdout[:400])
p = s.run("certify", "ct-rss", "--dry-run", ws=ws)
s.expect(p, 2, "certify CREDENTIAL without --issued")

# --- a 'me' that names no record -------------------------------------------------------------------
set_me("ghost")
before = sorted(os.listdir(os.path.join(ws, "specialists")))
cases = {
    "status": (["status"], b"--all"),
    "log": (["log", "ce", "--hours", "1", "--title", "t"], None),
    "certify": (["certify", "ct-rss", "--issued", "2026-01-02"], None),
    "report transcript": (["report", "transcript"], None),
}
for what, (args, extra) in cases.items():
    p = s.run(*args, ws=ws)
    s.expect(p, 1, f"{what} with 'me' naming no record")
    s.check(b"specialists/ghost.toml: error: no record for 'ghost'" in p.stderr, f"{what}: names the missing record", p.stderr)
    s.check(b"'me' in the user config " + config.encode() in p.stderr, f"{what}: says 'me' in the user config chose it",
            p.stderr)
    if extra:
        s.check(extra in p.stderr, f"{what}: offers {extra.decode()}", p.stderr)
s.check(sorted(os.listdir(os.path.join(ws, "specialists"))) == before, "nothing was created for 'ghost'")
p = s.run("status", "--all", ws=ws)
s.expect(p, 0, "status --all with 'me' naming no record")

# --- export ics --id naming no record --------------------------------------------------------------
p = s.run("export", "ics", "--id", "nobody", ws=ws)
s.expect(p, 1, "export ics --id nobody")
s.check(b"no record for 'nobody'" in p.stderr and b"cannot read" not in p.stderr,
        "export ics --id names the missing record, not a file it could not read", p.stderr)
s.finish()
