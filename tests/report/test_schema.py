#!/usr/bin/python3
"""`report ... --format json` against schemas/report.schema.json (Draft 4, with references into
status.schema.json), on the report fixtures: every report, with and without filters; and
`entries --format json` against schemas/entries.schema.json.

  test_schema.py PEERCTL SOURCE_DIR

Exit 77 (skipped) when python3-jsonschema is not installed.
"""
import json
import warnings
import os
import subprocess
import sys
import tempfile
from pathlib import Path

warnings.simplefilter("ignore", DeprecationWarning)
try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed")
    sys.exit(77)

peerctl, source = sys.argv[1], Path(sys.argv[2])
schemas = source / "schemas"
fixtures = source / "tests" / "cli" / "fixtures"


def validator_for(name):
    schema = json.loads((schemas / name).read_text())
    resolver = jsonschema.RefResolver(base_uri=schemas.as_uri() + "/", referrer=schema)
    return jsonschema.Draft4Validator(schema, resolver=resolver)


validators = {"report": validator_for("report.schema.json"), "entries": validator_for("entries.schema.json")}
env = dict(os.environ, HOME=tempfile.mkdtemp())
env.pop("PEERCTL_DIR", None)

RUNS = [
    ("report", ["report"]),
    ("report", ["report", "renewals", "--within", "60", "--state", "grace,due"]),
    ("report", ["report", "renewals", "--credential", "ny-crpa"]),
    ("report", ["report", "roster"]),
    ("report", ["report", "roster", "--state", "in-training"]),
    ("report", ["report", "transcript", "rchen"]),
    ("report", ["report", "transcript", "rchen", "--period", "all"]),
    ("report", ["report", "transcript", "ansi"]),
    ("report", ["report", "transcript", "jose"]),
    ("report", ["report", "audit", "sample", "--percent", "30", "--seed", "42"]),
    ("report", ["report", "audit", "sample", "--percent", "100", "--seed", "1"]),
    ("report-empty", ["report"]),
    ("report-empty", ["report", "roster"]),
    ("report-empty", ["report", "audit", "sample", "--seed", "1"]),
    ("report-one", ["report", "transcript", "jdoe"]),
    ("entries", ["report", "transcript", "vdoe"]),
    ("entries", ["report", "transcript", "vdoe", "--period", "all"]),
    ("entries", ["entries", "vdoe"]),
    ("entries", ["entries", "vdoe", "--kind", "ce"]),
    ("report", ["entries", "rchen"]),
    ("sites", ["report", "renewals", "--site", "north", "--site", "south", "--sort", "state"]),
    ("sites", ["report", "roster", "--supervisor", "mlopez", "--sort", "name"]),
    ("sites", ["report", "roster", "--site", "nowhere", "--sort", "site"]),
    ("sites", ["report", "audit", "sample", "--site", "south", "--percent", "100", "--seed", "1"]),
    ("late", ["report"]),
    ("late", ["report", "renewals", "--state", "late"]),
    ("late", ["report", "roster"]),
    ("late", ["report", "audit", "sample", "--percent", "100", "--seed", "1"]),
    ("../../../data/example", ["report", "roster"]),
    ("../../../data/example", ["report"]),
]

failures = 0
for workspace, args in RUNS:
    cmd = [peerctl, "--dir", str(fixtures / workspace), "--as-of", "2026-11-23", *args, "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    what = " ".join(args) + " on " + workspace
    if done.returncode != 0:
        print(f"FAIL {what}: exit {done.returncode}: {done.stderr}")
        failures += 1
        continue
    errors = sorted(validators[args[0]].iter_errors(json.loads(done.stdout)), key=lambda e: list(e.absolute_path))
    for e in errors[:5]:
        print(f"FAIL {what}: {'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
    failures += bool(errors)
    if not errors:
        print(f"ok   {what}")
print(f"{len(RUNS) - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
