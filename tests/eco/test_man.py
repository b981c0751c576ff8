#!/usr/bin/python3
"""The man pages: lint-clean, rendered by man(1), and complete.

  test_man.py PEERCTL SOURCE_DIR

  - `mandoc -Tlint` reports nothing on each page but references to manuals not installed here;
  - `man -l` renders each page without a message on stderr;
  - peerctl(1) names every command and option the binary has (read from its bash completion
    tables, which are generated from the command tree), and peerctl-remind(1) every option of remind;
  - peerctl-records(5) and peerctl-credentials(5) name every key of the file schemas.

Exit 77 (skipped) only when mandoc or man is not installed.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

PAGES = {"peerctl.1": None, "peerctl-remind.1": "remind", "peerctl-records.5": ["record", "workspace", "config"],
         "peerctl-credentials.5": ["credential"]}


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL: {what}")


def render(page):
    run = subprocess.run(["mandoc", "-Tascii", "-O", "width=1000", str(page)], capture_output=True, text=True)
    # -Tascii marks bold and underline by overstriking: keep the characters.
    return re.sub(r".\x08", "", run.stdout)


def schema_keys(schema):
    """Every property name in a schema, at any depth."""
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                keys.add(name)
                walk(sub)
            for k, v in node.items():
                if k != "properties":
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    return keys


def command_tree(peerctl):
    """{command path: options} from the generated bash completion."""
    script = subprocess.run([peerctl, "completion", "bash"], capture_output=True, text=True, check=True).stdout
    body = script.split("_peerctl_options() {", 1)[1].split("\n}\n", 1)[0]
    return {m[1]: m[2].split() for m in re.finditer(r"^\s*'([^']*)'\) echo '([^']*)' ;;$", body, re.M)}


def main():
    peerctl, source = sys.argv[1], Path(sys.argv[2])
    for tool in ("mandoc", "man"):
        if not shutil.which(tool):
            print(f"SKIP: {tool} is not installed (apt-get install mandoc man-db)")
            return 77
    checks = Checks()
    env = dict(os.environ, MANWIDTH="80", MANPAGER="cat", PAGER="cat", LANG="C.UTF-8")
    for name, schemas in PAGES.items():
        page = source / "man" / name
        lint = subprocess.run(["mandoc", "-Tlint", str(page)], capture_output=True, text=True)
        messages = [m for m in (lint.stdout + lint.stderr).splitlines() if "referenced manual not found" not in m]
        checks.check(lint.returncode <= 1 and not messages, f"mandoc -Tlint {name}:\n  " + "\n  ".join(messages))
        man = subprocess.run(["man", "-l", str(page)], capture_output=True, text=True, env=env)
        checks.check(man.returncode == 0 and "NAME" in man.stdout and not man.stderr.strip(),
                     f"man -l {name}: exit {man.returncode}\n{man.stderr}")
        text = render(page)
        if isinstance(schemas, str):
            # A command's own page names each of its own options (peerctl(1) has the global ones).
            tree = command_tree(peerctl)
            for opt in (o for o in tree[schemas] if o not in tree[""] and o not in ("-h", "--help", "--help-all")):
                checks.check(re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text), f"{name} does not name the option '{opt}'")
        elif schemas:
            for kind in schemas:
                keys = schema_keys(json.loads((source / "schemas" / f"{kind}.schema.json").read_text()))
                for key in sorted(keys):
                    checks.check(re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", text),
                                 f"{name} does not describe the {kind} key '{key}'")
        else:
            tree = command_tree(peerctl)
            for path, options in tree.items():
                for word in path.split():
                    checks.check(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text), f"{name} does not name the command '{path}'")
                for opt in options:
                    checks.check(re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text),
                                 f"{name} does not name the option '{opt}' of '{path or 'peerctl'}'")
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
