#!/usr/bin/python3
"""`peerctl import roster` and `peerctl import attendance`: spreadsheets as Excel and HR systems
write them (BOM, CRLF, ';', quoted newlines, US dates) become records that validate clean; every
row is checked before anything is written, and a second import of the same file changes nothing.

usage: test_import.py PEERCTL
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, parse_toml, read_bytes, record_file, snapshot, write_bytes  # noqa: E402

s = Suite("import")
ws = s.workspace(ids=("ana",), credential="ct-rss")
sheet = os.path.join(s.tmp, "roster.csv")

# --- a roster from Excel: BOM, ';', CRLF, US dates, a quoted newline in an ignored column ---------
excel = ("\ufeffEmployee ID;Full Name;E-mail;Location;Manager;Hire Date;Credential;Certificate #;Issue Date;"
         "Expiration Date;Notes\r\n"
         "jdoe;\"Doe; Jane\";jdoe@example.org;north;mlopez;2/3/2025;ct-rss;A-1;3/1/2025;3/1/2027;\"two\r\nlines\"\r\n"
         "mlopez;\"Maria \"\"M\"\" Lopez\";ml@example.org;south;;1/15/2024;;;;;\r\n"
         "ana;Person ana;;north;;;;;;;\r\n")
write_bytes(sheet, excel.encode())
before = snapshot(ws)
p = s.run("import", "roster", sheet, "--dry-run", ws=ws)
s.expect(p, 0, "dry run")
out = p.stdout.decode()
s.check("jdoe: create\n" in out and "mlopez: create\n" in out, "dry run: jdoe and mlopez are created", out)
s.check('ana: site "north" (new)\n' in out, "dry run: ana's new site", out)
s.check("jdoe: certify ct-rss number \"A-1\" issued 2025-03-01 expires 2027-03-01\n" in out, "dry run: the certification", out)
s.check(b"columns ignored: Notes" in p.stderr, "one note names the ignored column", p.stderr)
s.check(snapshot(ws) == before, "dry run writes nothing")

p = s.run("import", "roster", sheet, ws=ws)
s.expect(p, 0, "import")
jdoe = parse_toml(read_bytes(record_file(ws, "jdoe")))
s.check(jdoe["name"] == "Doe; Jane" and jdoe["email"] == "jdoe@example.org" and jdoe["site"] == "north"
        and jdoe["supervisor"] == "mlopez" and str(jdoe["hired"]) == "2025-02-03", "jdoe's keys", jdoe)
cert = jdoe["credentials"]["ct-rss"]
s.check(cert["number"] == "A-1" and str(cert["issued"]) == "2025-03-01" and str(cert["expires"]) == "2027-03-01",
        "jdoe's certification as certify writes it", cert)
s.check(parse_toml(read_bytes(record_file(ws, "mlopez")))["name"] == 'Maria "M" Lopez', "doubled quotes")
s.validate(ws, "after the import")

# --- a second import of the same file changes nothing ----------------------------------------------
before = snapshot(ws)
p = s.run("import", "roster", sheet, ws=ws)
s.expect(p, 0, "second import")
s.check(p.stdout == b"nothing to change\n", "second import: nothing to change", p.stdout)
s.check(snapshot(ws) == before, "second import writes nothing")
p = s.run("import", "roster", sheet, "--dry-run", ws=ws)
s.check("ana: no change\n" in p.stdout.decode(), "dry run: no change", p.stdout)

# --- an update: the key's line changes in place, nothing else --------------------------------------
ana_before = read_bytes(record_file(ws, "ana"))
write_bytes(sheet, b"ID,Site,Status\nana,south,inactive\n")
p = s.run("import", "roster", sheet, "--dry-run", ws=ws)
s.check('ana: site "north" -> "south"\n' in p.stdout.decode(), "dry run: the change from and to", p.stdout)
s.expect(s.run("import", "roster", sheet, ws=ws), 0, "update")
ana_after = read_bytes(record_file(ws, "ana"))
s.check(ana_after == ana_before.replace(b'site = "north"', b'site = "south\"\nstatus = "inactive"'), "in place", ana_after)

# --- a bad row blocks everything, each reported at its line -----------------------------------------
write_bytes(sheet, b"ID,Name,Email,Hired\nnew1,New One,n1@example.org,2025-01-01\n"
                   b"Bad Id,X,,\n\"new2\",\"Two\nlines\",not-an-address,13/45/2025\nnew3,Three,,\n")
before = snapshot(ws)
p = s.run("import", "roster", sheet, ws=ws)
s.expect(p, 1, "bad rows")
err = p.stderr.decode()
s.check(f"{sheet}:3: error: id 'Bad Id'" in err, "the bad id at line 3", err)
s.check(f"{sheet}:4: error: 'email'" in err and f"{sheet}:4: error: 'hired'" in err, "every problem at line 4", err)
s.check("nothing was written" in err and snapshot(ws) == before, "nothing written", err)
s.check("Two" not in err, "no names in errors", err)

# --- --skip-invalid writes the valid rows and exits 1 ----------------------------------------------
p = s.run("import", "roster", sheet, "--skip-invalid", ws=ws)
s.expect(p, 1, "--skip-invalid")
s.check(all(os.path.exists(record_file(ws, i)) for i in ("new1", "new3")), "valid rows written")
s.check(not os.path.exists(record_file(ws, "new2")), "the bad row is not")

# --- --map and an unterminated quote --------------------------------------------------------------
write_bytes(sheet, b"Badge No,Full name,Region\nb7,Badge Seven,east\n")
s.expect(s.run("import", "roster", sheet, "--map", "Badge No=id", "--map", "region=site", ws=ws), 0, "--map")
s.check(parse_toml(read_bytes(record_file(ws, "b7"))).get("site") == "east", "--map read the columns")
write_bytes(sheet, b"ID,Name\nq1,ok\nq2,\"open\n\n")
p = s.run("import", "roster", sheet, ws=ws)
s.check(p.returncode == 1 and f"{sheet}:3: error:".encode() in p.stderr, "an open quote is an error at its line", p.stderr)

# --- hostile cells: a control character is an error at its row; a formula is kept as text -------
write_bytes(sheet, b'ID,Name\nh1,"bell\x07"\nh2,"=HYPERLINK(""http://x"")"\n')
p = s.run("import", "roster", sheet, ws=ws)
s.check(p.returncode == 1 and f"{sheet}:2: error: 'name' holds a control character".encode() in p.stderr,
        "a control character is refused at its row", p.stderr)
s.expect(s.run("import", "roster", sheet, "--skip-invalid", ws=ws), 1, "--skip-invalid past the control character")
s.check(parse_toml(read_bytes(record_file(ws, "h2")))["name"] == '=HYPERLINK("http://x")', "a formula is only text")

# --- attendance by id and by email; an unknown email blocks all ------------------------------------
att = os.path.join(s.tmp, "attendance.csv")
write_bytes(att, b"\xef\xbb\xbfE-mail\r\nJDOE@example.org\r\nml@example.org\r\n")
args = ["--date", "2026-10-01", "--hours", "2.5", "--title", "Ethics day", "--topic", "ethics"]
s.expect(s.run("import", "attendance", att, *args, ws=ws), 0, "attendance by email")
for i in ("jdoe", "mlopez"):
    ce = parse_toml(read_bytes(record_file(ws, i))).get("ce", [])
    s.check(len(ce) == 1 and ce[0]["hours"] == 2.5 and ce[0]["topics"] == ["ethics"], f"{i} has the CE entry", ce)
write_bytes(att, b"ID\nana\n")
s.expect(s.run("import", "attendance", att, "--kind", "training", *args[:6], ws=ws), 0, "attendance by id")
s.check(len(parse_toml(read_bytes(record_file(ws, "ana"))).get("training", [])) == 1, "ana has the training entry")
write_bytes(att, b"Email\njdoe@example.org\nnobody@example.org\n")
before = snapshot(ws)
p = s.run("import", "attendance", att, "--date", "2026-10-02", "--hours", "1", "--title", "Other", ws=ws)
s.expect(p, 1, "an unknown email")
s.check(f"{att}:3: error: no record has this row's email".encode() in p.stderr, "named at its row", p.stderr)
s.check(snapshot(ws) == before, "an unknown email blocks every row")
s.validate(ws, "at the end")
s.finish()
