#!/usr/bin/python3
"""`peerctl import roster` with files as Google Sheets writes them (UTF-8 without a BOM, commas,
CRLF, quotes only where needed, dates as the sheet shows them), hostile cells (NUL and ESC refused
at their line; formula prefixes kept as text, then inert in the CSV and the spreadsheet a report
writes), and ten thousand rows imported, then imported again without a byte or a time changed.

usage: test_import_sheets.py PEERCTL
"""
import csv
import io
import os
import re
import shutil
import sys
import tempfile
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from support import Suite, parse_toml, read_bytes, record_file, snapshot, write_bytes  # noqa: E402

s = Suite("import_sheets")
ws = s.workspace(ids=(), credential="ct-rss")
sheet = os.path.join(s.tmp, "roster.csv")

# --- Google Sheets' "Download as CSV": no BOM, CRLF, quoted only where a cell needs it -----------
google = ("Employee ID,Name,Email,Site,Supervisor,Hire date,Credential,Certificate #,Issue date,Expiration date,Notes\r\n"
          "gs1,\"Lee, Sam\",sam@example.org,north,mlopez,3/7/2026,ct-rss,RSS-1,3/7/2026,,\"first line\r\nsecond line\"\r\n"
          "gs2,Ana Núñez,,south,,12/31/2025,,,,,\r\n")
write_bytes(sheet, google.encode())
p = s.run("import", "roster", sheet, ws=ws)
s.expect(p, 0, "a Google Sheets roster")
gs1 = parse_toml(read_bytes(record_file(ws, "gs1")))
s.check(gs1["name"] == "Lee, Sam" and gs1["site"] == "north" and gs1["supervisor"] == "mlopez"
        and str(gs1["hired"]) == "2026-03-07", "gs1's keys, 3/7/2026 as March 7", gs1)
s.check(str(gs1["credentials"]["ct-rss"]["issued"]) == "2026-03-07", "the issue date", gs1)
s.check(parse_toml(read_bytes(record_file(ws, "gs2")))["name"] == "Ana Núñez", "UTF-8 without a BOM")
s.validate(ws, "after the Google Sheets roster")

# --- NUL and ESC in a cell: an error at the row's line; nothing written ----------------------------
for byte, label in ((b"\x00", "NUL"), (b"\x1b", "ESC")):
    write_bytes(sheet, b"ID,Name\r\nok1,Fine\r\nbad1,\"Bad" + byte + b"[31m\"\r\n")
    before = snapshot(ws)
    p = s.run("import", "roster", sheet, ws=ws)
    err = p.stderr.decode(errors="replace")
    s.check(p.returncode == 1 and f"{sheet}:3: error:" in err, f"{label}: an error at line 3", p.stderr)
    s.check(snapshot(ws) == before, f"{label}: nothing written")
    s.check(byte not in p.stderr and byte not in p.stdout, f"{label}: never printed raw", p.stderr)

# --- formula prefixes: text in the record, inert in the report's CSV and spreadsheet ---------------
hostile = {"f1": '=HYPERLINK("http://evil.example","x")', "f2": "+1+cmd|' /C calc'!A0", "f3": "-2+3",
           "f4": "@SUM(1+1)*cmd|' /C calc'!A0"}
buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(["ID", "Name", "Credential", "Issue date"])
for ident, name in hostile.items():
    w.writerow([ident, name, "ct-rss", "1/10/2026"])
write_bytes(sheet, buf.getvalue().encode())
s.expect(s.run("import", "roster", sheet, ws=ws), 0, "formula-like names")
for ident, name in hostile.items():
    s.check(parse_toml(read_bytes(record_file(ws, ident)))["name"] == name, f"{ident}: the name as text")
p = s.run("report", "roster", "--format", "csv", ws=ws)
s.expect(p, 0, "report roster --format csv")
names = {row["id"]: row["name"] for row in csv.DictReader(io.StringIO(p.stdout.decode()))}
for ident, name in hostile.items():
    s.check(names.get(ident) == "'" + name, f"{ident}: CSV starts with ' (inert)", names.get(ident))
xlsx = os.path.join(s.tmp, "roster.xlsx")
s.expect(s.run("report", "roster", "-o", xlsx, ws=ws), 0, "report roster -o roster.xlsx")
with zipfile.ZipFile(xlsx) as z:
    parts = {n: z.read(n).decode() for n in z.namelist() if n.startswith("xl/")}
sheet_xml = "".join(v for k, v in parts.items() if k.startswith("xl/worksheets/"))
s.check("<f>" not in sheet_xml and "<f " not in sheet_xml, "no formula in the worksheet")
strings = "".join(parts.get("xl/sharedStrings.xml", "")) + sheet_xml
texts = {re.sub(r"&quot;", '"', re.sub(r"&amp;", "&", re.sub(r"&apos;", "'", t)))
         for t in re.findall(r"<t[^>]*>([^<]*)</t>", strings)}
for ident, name in hostile.items():
    s.check("'" + name in texts, f"{ident}: a text cell holding the CSV's text", sorted(texts))

# --- ten thousand rows, then the same file again: no byte and no time changes --------------------
# Ten thousand durable writes are 40,000 fsyncs, which on a shared disk set the whole suite's pace
# (two minutes). What is tested here is the import at scale, not the disk (write/crash and
# write/faults test durability), so these rows go to a workspace in memory where there is one.
if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK | os.X_OK):
    memory = tempfile.mkdtemp(prefix="peerctl-import-", dir="/dev/shm")
    s.cleanups.append(lambda: shutil.rmtree(memory, ignore_errors=True))
else:
    memory = s.tmp
ws = os.path.join(memory, "ten-thousand")
s.expect(s.run("init", ws, as_of=None), 0, "init in memory")
sheet = os.path.join(memory, "roster.csv")
rows = ["Employee ID,Name,Email,Site,Supervisor,Hire date,Credential,Certificate #,Issue date"]
for i in range(10000):
    rows.append(f"p{i:05},Person {i},p{i}@example.org,site{i % 7},sup{i % 13},{1 + i % 12}/{1 + i % 28}/2024,"
                f"ct-rss,RSS-{i},{1 + i % 12}/{1 + i % 28}/2025")
write_bytes(sheet, ("\r\n".join(rows) + "\r\n").encode())
p = s.run("import", "roster", sheet, ws=ws, timeout=300)
s.expect(p, 0, "ten thousand rows")
s.check(p.stdout.endswith(b"10000 records written\n"), "every row written", p.stdout[-200:])
bad = []
for i in (0, 1, 4999, 9998, 9999):
    r = parse_toml(read_bytes(record_file(ws, f"p{i:05}")))
    if (r["name"] != f"Person {i}" or r["email"] != f"p{i}@example.org" or r["site"] != f"site{i % 7}"
            or r["supervisor"] != f"sup{i % 13}" or r["credentials"]["ct-rss"]["number"] != f"RSS-{i}"):
        bad.append(r)
s.check(not bad, "each record with its keys", bad)
s.check(sum(1 for n in os.listdir(os.path.join(ws, "specialists")) if re.fullmatch(r"p\d{5}\.toml", n)) == 10000,
        "ten thousand record files")
before = snapshot(ws)
times = {n: os.stat(os.path.join(ws, "specialists", n)).st_mtime_ns for n in os.listdir(os.path.join(ws, "specialists"))}
p = s.run("import", "roster", sheet, ws=ws, timeout=300)
s.expect(p, 0, "the same ten thousand rows again")
s.check(p.stdout == b"nothing to change\n", "nothing to change", p.stdout[-200:])
s.check(snapshot(ws) == before, "no byte changed")
s.check(times == {n: os.stat(os.path.join(ws, "specialists", n)).st_mtime_ns
                  for n in os.listdir(os.path.join(ws, "specialists"))}, "no time changed")
s.validate(ws, "at the end")
s.finish()
