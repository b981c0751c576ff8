#!/usr/bin/python3
"""The script a program manager would otherwise write: CE hours per specialist in the current
window, with the standard library's tomllib. It is the Python reference for the benchmark.

usage: reference_ce_totals.py WORKSPACE [AS_OF]
"""
import calendar
import datetime
import pathlib
import sys
import tomllib

PERIOD_MONTHS = {"ct-rss": 36, "ct-cpsrp": 12, "icrc-pr": 24, "ny-crpa": 36, "pa-cps": 24, "ga-cps": 12}
CE_HOURS = {"ct-rss": 60, "ct-cpsrp": 10, "icrc-pr": 20, "ny-crpa": 28, "pa-cps": 36, "ga-cps": 12}


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return datetime.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


root = pathlib.Path(sys.argv[1])
as_of = datetime.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else datetime.date.today()
out = []
for path in sorted((root / "specialists").glob("*.toml")):
    with open(path, "rb") as f:
        rec = tomllib.load(f)
    for cid, held in rec.get("credentials", {}).items():
        if "issued" not in held:
            continue
        issued = held["issued"]
        if cid == "ga-cps":
            start, expires = datetime.date(issued.year + 1, 1, 1), datetime.date(issued.year + 1, 12, 31)
        else:
            start, expires = issued, add_months(issued, PERIOD_MONTHS[cid])
        for r in sorted((r for r in rec.get("renewal", []) if r.get("credential", cid) == cid), key=lambda r: r["date"]):
            start, expires = expires + datetime.timedelta(days=1), r.get("expires", add_months(expires, PERIOD_MONTHS[cid]))
        total = sum(round(e["hours"] * 100) for e in rec.get("ce", []) if start <= e["date"] <= min(expires, as_of))
        out.append(f'{rec["id"]},{cid},{expires},{total / 100:g},{CE_HOURS[cid]}')
sys.stdout.write("\n".join(out) + "\n")
