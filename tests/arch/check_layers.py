#!/usr/bin/env python3
"""Checks the layering of lib/ that the build alone cannot (ARCHITECTURE.md):

- a folder includes first-party headers only from itself and the folders it may use;
- toml++ is included only in lib/toml/, and headers of lib/toml/ that expose it are not included
  from any other folder;
- libxlsxwriter is included only in lib/store/ (report/ lays a spreadsheet out, store/ writes it);
- core/ and output/ do no I/O: no file, stream, process or thread headers, no printing.

    check_layers.py SOURCE_DIR        prints every breach as FILE:LINE: error: ..., exit 1 if any
"""
import os
import re
import sys

# What each folder may include besides itself (the transitive closure of lib/CMakeLists.txt).
USES = {
    "core": set(),
    "output": {"core"},
    "toml": {"output", "core"},
    "store": {"toml", "output", "core"},
    "check": {"store", "toml", "core", "output"},
    "report": {"output", "core"},
}
NO_IO = {"core", "output"}
IO_HEADERS = {"fstream", "iostream", "filesystem", "thread", "fcntl.h", "unistd.h", "dirent.h", "sys/stat.h",
              "sys/file.h", "sys/types.h", "cstdio", "stdio.h", "ctime", "date/tz.h"}
# snprintf is formatting, not I/O: allowed with <cstdio> only when nothing else from it is used.
IO_CALLS = re.compile(r"\b(std::cout|std::cerr|std::clog|fmt::print|printf|fprintf|puts|fopen|fwrite|fread|"
                      r"::open|::read|::write|getenv|std::getenv)\s*\(|std::c(out|err)\b")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip())
    lib = os.path.join(sys.argv[1], "lib")
    owner = {}  # header name -> folder
    for folder in USES:
        for name in os.listdir(os.path.join(lib, folder)):
            if name.endswith(".hpp"):
                if name in owner:
                    print(f"lib/{folder}/{name}: error: a header of this name is also in lib/{owner[name]}/")
                owner[name] = folder
    unknown = sorted(d for d in os.listdir(lib) if os.path.isdir(os.path.join(lib, d)) and d not in USES)
    errors = [f"lib/{d}/: error: a folder that lib/CMakeLists.txt and this check do not know" for d in unknown]
    stray = sorted(f for f in os.listdir(lib) if f.endswith((".cpp", ".hpp")))
    errors += [f"lib/{f}: error: every source belongs to a folder" for f in stray]

    exposes_toml = set()
    for name, folder in owner.items():
        with open(os.path.join(lib, folder, name), encoding="utf-8") as f:
            if any((m := INCLUDE.match(line)) and m.group(2).startswith("toml++/") for line in f):
                exposes_toml.add(name)

    for folder in USES:
        for name in sorted(os.listdir(os.path.join(lib, folder))):
            if not name.endswith((".cpp", ".hpp")):
                continue
            path = f"lib/{folder}/{name}"
            with open(os.path.join(lib, folder, name), encoding="utf-8") as f:
                lines = f.read().split("\n")
            for n, line in enumerate(lines, 1):
                m = INCLUDE.match(line)
                code = line.split("//", 1)[0]
                if folder in NO_IO and IO_CALLS.search(code):
                    errors.append(f"{path}:{n}: error: lib/{folder}/ does no I/O: {code.strip()}")
                if not m:
                    continue
                quoted, header = m.group(1) == '"', m.group(2)
                if quoted:
                    home = owner.get(header)
                    if home is None:
                        errors.append(f"{path}:{n}: error: \"{header}\" is no header of lib/")
                    elif home != folder and home not in USES[folder]:
                        errors.append(f"{path}:{n}: error: lib/{folder}/ may not use lib/{home}/ ({header})")
                    elif home == "toml" and folder != "toml" and header in exposes_toml:
                        errors.append(f"{path}:{n}: error: {header} exposes toml++, which only lib/toml/ may use")
                else:
                    if header.startswith("toml++/") and folder != "toml":
                        errors.append(f"{path}:{n}: error: only lib/toml/ may include toml++")
                    if header.startswith("xlsxwriter") and folder != "store":
                        errors.append(f"{path}:{n}: error: only lib/store/ may include libxlsxwriter")
                    if folder in NO_IO and header in IO_HEADERS and header not in ("cstdio",):
                        errors.append(f"{path}:{n}: error: lib/{folder}/ does no I/O (<{header}>)")
    for e in errors:
        print(e)
    print(f"check_layers: {len(errors)} breach{'es' if len(errors) != 1 else ''}")
    sys.exit(1 if errors else 0)


main()
