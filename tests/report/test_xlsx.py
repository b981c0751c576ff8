#!/usr/bin/python3
"""report renewals|roster as .xlsx, read back cell by cell with Debian's python3-openpyxl.

usage: test_xlsx.py PEERCTL WORKSPACE

The sheet holds the CSV's header and rows: dates as dates, numbers as numbers, text as the CSV has
it; the header is frozen, an autofilter spans the table, a lapsed row is filled and an active one
is not, every column has a width. The file is 0600, never written through a symbolic link, and
nothing is left beside it.
"""
import csv
import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    print("SKIP: python3-openpyxl is not installed")
    sys.exit(77)

peerctl, workspace = sys.argv[1], sys.argv[2]
env = dict(os.environ, HOME=tempfile.mkdtemp())
env.pop("PEERCTL_DIR", None)
out_dir = tempfile.mkdtemp()
failures = []
checked = 0


def check(cond, what):
    global checked
    checked += 1
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([peerctl, "--dir", workspace, "--as-of", "2026-11-23", "--color", "never", *args], env=env,
                          capture_output=True)


def expected_value(text, header, date_columns, numeric_columns):
    if text == "":
        return None
    if header in date_columns:
        return datetime.datetime.combine(datetime.date.fromisoformat(text), datetime.time())
    if header in numeric_columns:
        return float(text)
    return text


DATES = {"deadline", "issued", "expires", "submit_by", "grace_until", "exam_last_date", "exam_scheduled"}
NUMBERS = {"deadline_days_left", "days_left", "ce_required_hours", "ce_counted_hours", "ce_remaining_hours",
           "training_required_hours", "training_completed_hours", "training_remaining_hours", "exam_attempts"}

for report in ("renewals", "roster"):
    csv_run = run("report", report, "--format", "csv")
    check(csv_run.returncode == 0, f"{report}: csv exit {csv_run.returncode}")
    rows = list(csv.reader(io.StringIO(csv_run.stdout.decode("utf-8"), newline="")))
    path = os.path.join(out_dir, f"{report}.xlsx")
    # -o FILE.xlsx alone picks the format.
    old = os.umask(0o022)
    xlsx_run = run("report", report, "-o", path)
    os.umask(old)
    check(xlsx_run.returncode == 0, f"{report}: xlsx exit {xlsx_run.returncode}: {xlsx_run.stderr!r}")
    check(xlsx_run.stdout == b"", f"{report}: xlsx wrote to stdout")
    if not os.path.exists(path):
        check(False, f"{report}: no {path}")
        continue
    check(os.stat(path).st_mode & 0o7777 == 0o600, f"{report}: mode {os.stat(path).st_mode & 0o7777:o}, not 0600")
    ws = openpyxl.load_workbook(path).active
    got = [list(r) for r in ws.iter_rows(values_only=True)]
    check(len(rows) > 2, f"{report}: the fixture has rows")
    check(got[0] == rows[0], f"{report}: header {got[0]} != CSV {rows[0]}")
    check(len(got) == len(rows), f"{report}: {len(got)} rows, CSV {len(rows)}")
    header = rows[0]
    check(DATES & set(header) and NUMBERS & set(header), f"{report}: typed columns present")
    for n, (want_row, got_row) in enumerate(zip(rows[1:], got[1:]), 2):
        for h, text, value in zip(header, want_row, got_row):
            want = expected_value(text, h, DATES, NUMBERS)
            if isinstance(want, float):
                ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value == want
            else:
                ok = value == want and type(value) is type(want)
            check(ok, f"{report}: row {n} {h}: {value!r}, CSV {text!r}")
    dated = [ws.cell(row=r, column=header.index("expires") + 1) for r in range(2, ws.max_row + 1)]
    check(any(c.is_date for c in dated), f"{report}: expires is date-typed")
    check(all(c.number_format == "yyyy-mm-dd" for c in dated if c.value is not None),
          f"{report}: dates in a date format")
    check(ws.freeze_panes == "A2", f"{report}: freeze panes {ws.freeze_panes}")
    last = f"{get_column_letter(len(header))}{len(rows)}"
    check(ws.auto_filter.ref == f"A1:{last}", f"{report}: autofilter {ws.auto_filter.ref}, want A1:{last}")
    for i in range(1, len(header) + 1):
        dim = ws.column_dimensions.get(get_column_letter(i))
        check(dim is not None and dim.width and dim.width > 2, f"{report}: column {i} has a width")
    state = header.index("state")
    fills = {}
    for r in range(2, ws.max_row + 1):
        fills.setdefault(ws.cell(row=r, column=state + 1).value, set()).add(
            ws.cell(row=r, column=1).fill.fgColor.rgb if ws.cell(row=r, column=1).fill.fill_type == "solid" else None)
    check(fills.get("lapsed") and None not in fills["lapsed"], f"{report}: a lapsed row is filled: {fills}")
    check(fills.get("grace") and None not in fills["grace"] and fills["grace"] != fills["lapsed"],
          f"{report}: a grace row has its own fill: {fills}")
    check("active" in fills, f"{report}: the fixture has an active row")
    check(ws.cell(row=1, column=1).font.b, f"{report}: the header is bold")

# A formula stays text (the CSV's guard), never a formula cell.
roster_path = os.path.join(out_dir, "roster.xlsx")
if os.path.exists(roster_path):
    ws = openpyxl.load_workbook(roster_path).active
    names = [ws.cell(row=r, column=2) for r in range(2, ws.max_row + 1)]
    check(any(str(c.value).startswith("'=") for c in names), "the fixture has a formula-like name")
    check(all(c.data_type == "s" for c in names), "names are string cells")

# Spreadsheets read "_xHHHH_" in a string as U+HHHH: a name holding it must come back as written
# (escaped as Excel does, "_x005F"), never as the control character.
escape_ws = os.path.join(out_dir, "ws")
shutil.copytree(workspace, escape_ws)
with open(os.path.join(escape_ws, "specialists", "avery.toml"), encoding="utf-8") as f:
    text = f.read()
with open(os.path.join(escape_ws, "specialists", "avery.toml"), "w", encoding="utf-8") as f:
    f.write(text.replace('name = "Avery Martin"', 'name = "Avery_x001B_Martin"'))
escaped = os.path.join(out_dir, "escaped.xlsx")
r = subprocess.run([peerctl, "--dir", escape_ws, "--as-of", "2026-11-23", "report", "roster", "-o", escaped], env=env,
                   capture_output=True)
check(r.returncode == 0, f"_x escape: {r.stderr!r}")
if os.path.exists(escaped):
    from openpyxl.utils.escape import unescape
    names = [c.value for c in openpyxl.load_workbook(escaped).active["B"]]
    check([unescape(n) for n in names if n and n.startswith("Avery")] == ["Avery_x001B_Martin"],
          f"_x escape: read back as {[n for n in names if n and n.startswith('Avery')]}")
shutil.rmtree(escape_ws)
os.unlink(escaped)

# A symbolic link at -o is refused and what it points at is left alone.
victim = os.path.join(out_dir, "victim")
with open(victim, "w") as f:
    f.write("keep")
link = os.path.join(out_dir, "link.xlsx")
os.symlink(victim, link)
r = run("report", "renewals", "-o", link)
check(r.returncode != 0, "a symlink at -o: refused")
check(b"symbolic link" in r.stderr, f"a symlink at -o: says why: {r.stderr!r}")
check(open(victim).read() == "keep" and os.path.islink(link), "a symlink at -o: nothing changed")

# Replacing an existing report; nothing left beside it.
r = run("report", "renewals", "--format", "xlsx", "-o", os.path.join(out_dir, "renewals.xlsx"))
check(r.returncode == 0, "replacing an xlsx")
left = sorted(n for n in os.listdir(out_dir) if n.startswith("."))
check(left == [], f"nothing left beside the report: {left}")

# Never to stdout; only the team reports.
r = run("report", "renewals", "--format", "xlsx")
check(r.returncode == 2 and b"xlsx needs -o FILE" in r.stderr, f"xlsx to stdout: {r.returncode} {r.stderr!r}")
r = run("report", "transcript", "avery", "-o", os.path.join(out_dir, "t.xlsx"))
check(r.returncode == 2 and not os.path.exists(os.path.join(out_dir, "t.xlsx")), f"xlsx transcript: {r.stderr!r}")

shutil.rmtree(out_dir)
shutil.rmtree(env["HOME"])
for f in failures:
    print("FAIL:", f)
print(f"{checked - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
