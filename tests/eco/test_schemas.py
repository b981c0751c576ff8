#!/usr/bin/python3
"""The JSON Schemas in schemas/ against peerctl's own validation, so the two cannot drift apart.

  test_schemas.py PEERCTL SOURCE_DIR TAPLO

TOML files: every record, workspace and credential file among the CLI fixtures and the bundled
data is judged twice, by `peerctl validate` (its diagnostics for that file) and by Taplo's CLI
with the schema of its kind:
  - a file peerctl accepts must pass the schema;
  - a file peerctl warns about for an unknown key must fail it (additionalProperties: false is
    the schema's form of that warning, so editors flag the typo too);
  - a file peerctl rejects must fail the schema when its fault is one a schema can express
    (SCHEMA_CATCHES, which must also parse as TOML in Taplo: the schema, not the parser, catches
    it), and is listed with the reason in SCHEMA_CANNOT when not. A rejected file in neither list
    fails the test: a new invalid fixture gets classified when it is added.
The bundled files must name their schema in a first `#:schema` line, which Taplo follows.

The examples of peerctl-records(5) and peerctl-credentials(5) are validated by both too.
The user configuration, which has no fixtures, is checked on a few inline files.

JSON outputs: `status --format json` and `check --format json` on the fixtures, validated with
python3-jsonschema (Draft 4, as the schemas declare).

Exit 77 (skipped) only when Taplo or python3-jsonschema cannot be had.
"""

import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

AS_OF = "2026-11-23"

# Invalid fixtures whose fault the schema expresses: the schema must reject them.
SCHEMA_CATCHES = {
    "tests/cli/cases/bad-git-commit-setting/peerctl.toml": "[git] commit is a string, not a boolean",
    "tests/cli/cases/bad-evidence-sha256/specialists/x.toml": "evidence_sha256 in capitals (pattern), and without evidence (dependencies)",
    "tests/cli/cases/bad-bom-id-integer/specialists/x.toml": "'id' is an integer",
    "tests/cli/cases/bad-ce-missing-date/specialists/x.toml": "[[ce]] without 'date'",
    "tests/cli/cases/bad-ce-missing-title/specialists/x.toml": "[[ce]] without 'title'",
    "tests/cli/cases/bad-credential-cannot-make-sense/credentials/odd.toml": "kinds = [] (minItems), a level id that is not an id",
    "tests/cli/cases/bad-crlf-zero-hours/specialists/x.toml": "hours = 0",
    "tests/cli/cases/bad-date-time/specialists/x.toml": "a date-time where a date belongs (format: date)",
    "tests/cli/cases/entries-bad-record/specialists/x.toml": "void = \"\" (a reason must not be blank)",
    "tests/cli/cases/bad-empty-file/specialists/x.toml": "no 'id', no 'name'",
    "tests/cli/cases/bad-exam-missing-result/specialists/x.toml": "[[exam]] without 'result'",
    "tests/cli/cases/bad-exam-no-credential/specialists/x.toml": "[[exam]] without 'credential' in a record of two credentials",
    "tests/cli/cases/bad-exam-result/specialists/x.toml": "result = \"pass\" (enum)",
    "tests/cli/cases/bad-hours-nan/specialists/x.toml": "hours = nan (not a JSON number)",
    "tests/cli/cases/bad-hours-negative-training/specialists/x.toml": "hours < 0",
    "tests/cli/cases/bad-hours-string/specialists/x.toml": "hours is a string",
    "tests/cli/cases/bad-hours-zero/specialists/x.toml": "hours = 0",
    "tests/cli/cases/bad-id-invalid/specialists/x.toml": "'id' does not match the id pattern",
    "tests/cli/cases/bad-missing-id/specialists/x.toml": "no 'id'",
    "tests/cli/cases/bad-missing-name/specialists/x.toml": "no 'name'",
    "tests/cli/cases/bad-name-integer/specialists/x.toml": "'name' is an integer",
    "tests/cli/cases/bad-negative-hours/specialists/neg.toml": "hours < 0",
    "tests/cli/cases/bad-several-errors/specialists/x.toml": "'name' is an integer, hours = 0, hours < 0",
    "tests/cli/cases/bad-topics-string/specialists/x.toml": "'topics' is a string, not an array",
    "tests/cli/cases/bad-unknown-key-titel/specialists/x.toml": "[[ce]] without 'title' (and an unknown key)",
    "tests/cli/cases/bad-workspace-credential/credentials/my-cred.toml": "period.months is a string",
    "tests/cli/cases/bad-credential-period-none/credentials/never.toml": "anchor = \"none\" with months (not required)",
    "tests/cli/cases/bad-credential-window/credentials/odd.toml": "birthday months = 18 (multipleOf 12), renewable with max_renewals (not), late_fee < 0",
    "tests/cli/cases/bad-record-period-none/specialists/z.toml": "birthday = \"04-31\" (pattern)",
}

# Invalid fixtures no schema can reject, and why.
SCHEMA_CANNOT = {
    "tests/cli/cases/bad-credential-unknown/specialists/x.toml": "which credentials exist depends on the credential files in force",
    "tests/cli/cases/bad-date-nonexistent/specialists/x.toml": "2025-02-30 is not TOML: Taplo's parser rejects it before any schema",
    "tests/cli/cases/bad-date-year-zero/specialists/x.toml": "year 0000 is TOML, but Taplo's parser rejects it before any schema",
    "tests/cli/cases/bad-date-quoted/specialists/x.toml": "Taplo hands dates to the schema as strings: a quoted date looks the same",
    "tests/cli/cases/bad-domain-unknown/specialists/x.toml": "the vocabulary depends on the credential files in force",
    "tests/cli/cases/bad-hours-too-fine/specialists/x.toml": "multipleOf 0.01 is inexact in floating point and would reject valid hours such as 2.3",
    "tests/cli/cases/bad-id-mismatch/specialists/x.toml": "the file's name is not part of the document",
    "tests/cli/cases/bad-not-utf8/specialists/x.toml": "not UTF-8: not TOML text",
    "tests/cli/cases/bad-nul-byte/specialists/x.toml": "a NUL byte: not TOML text",
    "tests/cli/cases/bad-renewal-not-issued/specialists/x.toml": "needs the credential table named by the renewal to hold 'issued': a reference draft 4 cannot follow",
    "tests/cli/cases/bad-renewal-inverted-window/specialists/x.toml": "compares a renewal's expiry with the one computed before it",
    "tests/cli/fixtures/dates-out-of-range/specialists/far.toml": "the day after an expiry is computed, not written",
    "tests/cli/fixtures/dates-out-of-range/specialists/long.toml": "the expiry a renewal moves to is computed from the credential's period",
    "tests/cli/cases/bad-topic-unknown/specialists/x.toml": "the vocabulary depends on the credential files in force",
    "tests/cli/cases/bad-triple-bracket/specialists/x.toml": "not TOML",
    "tests/cli/cases/bad-truncated-header/specialists/x.toml": "not TOML",
    "tests/cli/cases/bad-workspace-credential-syntax/credentials/my-cred.toml": "not TOML",
    "tests/cli/fixtures/check-bad/specialists/broken.toml": "a quoted date (as bad-date-quoted)",
    "tests/cli/fixtures/one-bad/specialists/broken.toml": "a quoted date (as bad-date-quoted)",
    "tests/cli/cases/bad-workspace-credential/specialists/x.toml": "its fault is the workspace's credential file",
    "tests/cli/cases/bad-workspace-credential-syntax/specialists/x.toml": "its fault is the workspace's credential file",
    "tests/cli/cases/bad-git-commit-setting/specialists/x.toml": "its fault is the workspace's peerctl.toml",
    "tests/cli/cases/bad-credential-period-none/specialists/x.toml": "its fault is the workspace's credential file",
    "tests/cli/cases/bad-credential-window/specialists/x.toml": "its fault is the workspace's credential file",
    "tests/cli/cases/bad-record-period-none/specialists/x.toml": "a renewal or expiry of a credential that does not expire depends on the credential files in force",
    "tests/cli/cases/bad-record-period-none/specialists/y.toml": "a birthday is needed only by the credential files in force",
}
# Whole cases: inputs that crashed toml++ (the pre-scan's limits are not a schema's business).
SCHEMA_CANNOT_CASES = {"bad-regression-": "input that crashed toml++; caught by the pre-scan"}

SCHEMAS = {"record": "record.schema.json", "workspace": "workspace.schema.json", "credential": "credential.schema.json"}

DIAG = re.compile(r"^(?P<file>.+?)(?::\d+:\d+)?: (?P<severity>error|warning): (?P<message>.*)$")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed.append(what)
            print(f"FAIL: {what}")


def kind_of(path):
    if path.name == "peerctl.toml":
        return "workspace"
    if path.parent.name == "credentials":
        return "credential"
    return "record"


def workspace_root(path, stop):
    for parent in path.parents:
        if (parent / "peerctl.toml").is_file():
            return parent
        if parent == stop:
            break
    return None


def toml_files(source):
    """(path, workspace root to validate it in) for every fixture and bundled file."""
    out = []
    data = source / "data"
    example = data / "example"
    for f in sorted((data / "credentials").glob("*.toml")):
        out.append((f, example))
    for f in sorted(example.rglob("*.toml")):
        out.append((f, example))
    cli = source / "tests" / "cli"
    for case in sorted(list((cli / "cases").iterdir()) + list((cli / "fixtures").iterdir())):
        # Files a setup.sh makes exist only while that case runs.
        if not case.is_dir() or (case / "setup.sh").exists():
            continue
        for f in sorted(case.rglob("*.toml")):
            if f.is_file() and not f.is_symlink():
                out.append((f, workspace_root(f, case) or case))
    return out


def env_for(tmp):
    env = dict(os.environ)
    env.pop("PEERCTL_DIR", None)
    env.update(HOME=str(tmp / "home"), XDG_CONFIG_HOME=str(tmp / "config"), NO_COLOR="1")
    return env


def peerctl_verdict(peerctl, path, root, env):
    """'valid', 'unknown-key' (accepted with an unknown-key warning) or 'invalid', from the
    diagnostics peerctl gives for this file."""
    rel = os.path.relpath(path, root)
    run = subprocess.run([peerctl, "--dir", ".", "--as-of", AS_OF, "validate", rel], cwd=root, env=env,
                         capture_output=True, text=True, errors="replace")
    mine = [m for m in map(DIAG.match, run.stderr.splitlines()) if m and m["file"] == rel]
    if any(m["severity"] == "error" for m in mine):
        return "invalid", run.stderr
    if any("unknown key" in m["message"] for m in mine):
        return "unknown-key", run.stderr
    if run.returncode not in (0, 1):
        return "invalid", run.stderr
    return "valid", run.stderr


def lintable(path, tmp):
    """The file to give Taplo: Taplo 0.9 takes no UTF-8 byte order mark, which TOML allows and
    peerctl accepts, so such a file is linted as a copy without it."""
    raw = path.read_bytes()
    if not raw.startswith(b"\xef\xbb\xbf"):
        return path.resolve()
    copy = Path(tempfile.mkdtemp(dir=tmp)) / path.name
    copy.write_bytes(raw[3:])
    return copy.resolve()


def taplo_lint(taplo, paths, schema):
    """The files Taplo rejects, and its output. One run for many files: Taplo takes seconds to start."""
    args = [taplo, "lint", "--no-auto-config", "--colors", "never"]
    args += ["--schema", schema.as_uri()] if schema else ["--no-schema"]
    run = subprocess.run(args + [str(p) for p in paths], capture_output=True, text=True, errors="replace")
    failed = {Path(m) for m in re.findall(r'invalid file error=.*? path="(.*)"', run.stdout + run.stderr)}
    if run.returncode != 0 and not failed:
        raise RuntimeError(f"taplo failed without naming a file:\n{run.stdout}{run.stderr}")
    return failed, run.stdout + run.stderr


def check_toml(peerctl, source, taplo, tmp, checks, also=()):
    """Also lints the files `also` with the schema of their kind, in the same run of Taplo as the
    fixtures of that kind (Taplo takes seconds to start); returns the files Taplo rejected."""
    env = env_for(tmp)
    files = toml_files(source)
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        verdicts = list(pool.map(lambda item: peerctl_verdict(peerctl, item[0], item[1], env), files))
    linted = {f: lintable(f, tmp) for f, _ in files}
    rejected = set()
    for kind, schema in SCHEMAS.items():
        paths = [linted[f] for f, _ in files if kind_of(f) == kind] + [p for p in also if kind_of(p) == kind]
        rejected |= taplo_lint(taplo, paths, source / "schemas" / schema)[0]
    catches = [linted[f] for f, _ in files if f.relative_to(source).as_posix() in SCHEMA_CATCHES]
    unparsable = taplo_lint(taplo, catches, None)[0]

    def why(f):
        return taplo_lint(taplo, [linted[f]], source / "schemas" / SCHEMAS[kind_of(f)])[1]

    seen = set()
    for (f, _), (verdict, diags) in zip(files, verdicts):
        rel = f.relative_to(source).as_posix()
        seen.add(rel)
        passed = linted[f] not in rejected
        case = rel.split("/")[3] if rel.startswith("tests/cli/") else ""
        if verdict == "valid":
            checks.check(passed, f"{rel}: peerctl accepts it, the schema rejects it:\n{'' if passed else why(f)}")
        elif verdict == "unknown-key":
            checks.check(not passed, f"{rel}: peerctl warns of an unknown key, the schema lets it pass")
        elif rel in SCHEMA_CATCHES:
            checks.check(not passed, f"{rel}: peerctl rejects it ({SCHEMA_CATCHES[rel]}), the schema lets it pass")
            checks.check(linted[f] not in unparsable, f"{rel}: listed as caught by the schema, but Taplo cannot parse it")
        elif rel in SCHEMA_CANNOT or any(case.startswith(p) for p in SCHEMA_CANNOT_CASES):
            checks.passed += 1
        else:
            checks.check(False, f"{rel}: peerctl rejects it; classify it in tests/eco/test_schemas.py "
                                f"(SCHEMA_CATCHES or SCHEMA_CANNOT):\n{diags}")
    for rel in list(SCHEMA_CATCHES) + list(SCHEMA_CANNOT):
        checks.check(rel in seen, f"{rel}: listed in tests/eco/test_schemas.py but not found")
    print(f"toml: {len(files)} files judged by peerctl and Taplo")
    return rejected


def check_schema_lines(source, taplo, tmp, checks):
    """Bundled files name their schema by a relative path that resolves, and Taplo follows it."""
    data = source / "data"
    bundled = sorted((data / "credentials").glob("*.toml")) + sorted((data / "example").rglob("*.toml"))
    for f in bundled:
        first = f.read_text(encoding="utf-8").split("\n", 1)[0]
        m = re.fullmatch(r"#:schema (\S+)", first)
        expected = source / "schemas" / SCHEMAS[kind_of(f)]
        ok = bool(m) and (f.parent / m.group(1)).resolve() == expected.resolve()
        checks.check(ok, f"{f.relative_to(source)}: the first line must be '#:schema <relative path to "
                         f"schemas/{expected.name}>' (got {first!r})")
    run = subprocess.run([taplo, "lint", "--no-auto-config", "--colors", "never"] + [str(f) for f in bundled],
                         capture_output=True, text=True)
    checks.check(run.returncode == 0, f"taplo lint following the #:schema lines:\n{run.stdout}{run.stderr}")


def check_config(source, taplo, tmp, checks):
    """The user configuration has no fixtures: one valid file and three faults, inline."""
    cases = {"valid.toml": ('workspace = "~/peers"\nme = "jdoe"\n', True),
             "me-type.toml": ("me = 3\n", False),
             "me-id.toml": ('me = "J Doe"\n', False),
             "typo.toml": ('wrkspace = "~/peers"\n', False)}
    d = tmp / "config"
    d.mkdir(exist_ok=True)
    for name, (text, _) in cases.items():
        (d / name).write_text(text)
    rejected, output = taplo_lint(taplo, [(d / n).resolve() for n in cases], source / "schemas" / "config.schema.json")
    for name, (_, valid) in cases.items():
        checks.check(((d / name).resolve() not in rejected) == valid,
                     f"config.schema.json on {name}: expected {'pass' if valid else 'fail'}\n{output}")


def literal_after(page, lead):
    """The text of the first `.Bd -literal` display after the line `lead` in an mdoc page."""
    m = re.search(re.escape(lead) + r"\n\.Bd -literal[^\n]*\n(.*?)\n\.Ed", page, re.S)
    return m.group(1).replace("\\e", "\\") + "\n" if m else None


def man_examples(peerctl, source, tmp, checks):
    """The examples in peerctl-records(5) and peerctl-credentials(5) are valid, for peerctl and
    for the schemas: a workspace is made of them and validated by peerctl here; returns its files
    for check_toml to lint and check_man_examples to judge."""
    records = (source / "man" / "peerctl-records.5").read_text()
    credentials = (source / "man" / "peerctl-credentials.5").read_text()
    ws = tmp / "man-examples"
    files = {"peerctl.toml": literal_after(records, "A workspace file:"),
             "specialists/jdoe.toml": literal_after(records, "A record of someone certified for one credential and pursuing another:"),
             "credentials/icrc-pr.toml": literal_after(credentials, "A complete file, annotated.")}
    for rel, text in files.items():
        checks.check(text is not None, f"the man page example for {rel} is not found")
        if text is None:
            return {}
        (ws / rel).parent.mkdir(parents=True, exist_ok=True)
        (ws / rel).write_text(text)
        # The evidence the example record names is on file, as validate expects of evidence.
        for path in re.findall(r'^evidence = "([^"]+)"$', text, re.M):
            (ws / path).parent.mkdir(parents=True, exist_ok=True)
            (ws / path).write_text("certificate\n")
    run = subprocess.run([peerctl, "--dir", str(ws), "--as-of", AS_OF, "validate"], env=env_for(tmp),
                         capture_output=True, text=True)
    checks.check(run.returncode == 0 and "0 errors, 0 warnings" in run.stderr,
                 f"peerctl validate on the man pages' examples:\n{run.stderr}")
    return {rel: (ws / rel).resolve() for rel in files}


def check_man_examples(examples, rejected, source, taplo, checks):
    for rel, path in examples.items():
        ok = path not in rejected
        output = "" if ok else taplo_lint(taplo, [path], source / "schemas" / SCHEMAS[kind_of(path)])[1]
        checks.check(ok, f"the man page example {rel} fails its schema:\n{output}")


def check_json_outputs(peerctl, source, tmp, checks):
    try:
        import jsonschema
    except ImportError:
        print("SKIP: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        sys.exit(77)
    env = env_for(tmp)
    cli = source / "tests" / "cli"
    validators = {}
    for name in ("status", "check"):
        schema = json.loads((source / "schemas" / f"{name}.schema.json").read_text())
        jsonschema.Draft4Validator.check_schema(schema)
        validators[name] = jsonschema.Draft4Validator(schema)
    workspaces = [source / "data" / "example", cli / "fixtures" / "check", cli / "fixtures" / "check-bad"]
    workspaces += sorted(c for c in (cli / "cases").glob("ok-*") if (c / "peerctl.toml").is_file())
    runs = []
    for ws in workspaces:
        for as_of in ("2024-01-01", AS_OF, "2027-07-01", "2031-01-01"):
            runs.append(("status", ws, [as_of, "status", "--all", "--format", "json"]))
            runs.append(("check", ws, [as_of, "check", "--format", "json"]))
    runs.append(("check", tmp / "no-workspace", [AS_OF, "check", "--format", "json"]))
    runs.append(("check", workspaces[0], [AS_OF, "check", "--warn", "5", "--crit", "9", "--format", "json"]))
    for name, ws, args in runs:
        run = subprocess.run([peerctl, "--dir", str(ws), "--as-of"] + args, env=env, capture_output=True, text=True)
        where = f"peerctl --dir {ws.name} --as-of {' '.join(args)}"
        try:
            doc = json.loads(run.stdout)
        except json.JSONDecodeError as e:
            checks.check(False, f"{where}: not JSON ({e}):\n{run.stdout}{run.stderr}")
            continue
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validators[name].iter_errors(doc)]
        checks.check(not errors, f"{where}: does not match schemas/{name}.schema.json:\n  " + "\n  ".join(errors[:10]))
        if name == "check":
            checks.check(doc.get("exit_code") == run.returncode, f"{where}: exit_code {doc.get('exit_code')} but exit {run.returncode}")
    print(f"json: {len(runs)} outputs validated")


def main():
    peerctl, source, taplo = sys.argv[1], Path(sys.argv[2]).resolve(), sys.argv[3]
    if not os.access(taplo, os.X_OK):
        print(f"SKIP: Taplo is not installed at {taplo}: scripts/test installs it "
              f"(scripts/install-test-tools BUILD_DIR, which needs npm and the npm registry)")
        return 77
    checks = Checks()
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        check_json_outputs(peerctl, source, tmp, checks)
        check_schema_lines(source, taplo, tmp, checks)
        examples = man_examples(peerctl, source, tmp, checks)
        rejected = check_toml(peerctl, source, taplo, tmp, checks, also=examples.values())
        check_man_examples(examples, rejected, source, taplo, checks)
        check_config(source, taplo, tmp, checks)
    print(f"{checks.passed} passed, {len(checks.failed)} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
