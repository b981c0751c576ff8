#!/usr/bin/env bash
# `report -o FILE`: the format follows the extension, the file is written whole with mode 0600,
# a report never lands on a record, a rule file or the settings, and the workspace is byte for
# byte the same after every report.
#   test_output.sh PEERCTL FIXTURES_DIR
set -uo pipefail
peerctl=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
cp -r "$fixtures/report" "$tmp/ws"
mkdir -p "$tmp/out"
export HOME="$tmp/home"
unset PEERCTL_DIR NO_COLOR COLUMNS
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
pc() { "$peerctl" --dir "$tmp/ws" --as-of 2026-11-23 "$@"; }
# The widest table line (from the 4th line on: after the title, the summary and a blank line), in characters.
widest() { python3 -c 'import sys; print(max([len(l.rstrip("\n")) for l in list(sys.stdin)[3:]] or [0]))'; }
snapshot() { (cd "$tmp/ws" && find . -type f -print0 | sort -z | xargs -0 sha256sum; find . -printf '%m %p\n' | sort); }
before=$(snapshot)

# A report that cannot be written to stdout (a full disk) is an error, said so, in every format.
if [ -w /dev/full ]; then
  for format in csv json table md html; do
    for report in renewals roster; do
      pc report $report --format $format >/dev/full 2>"$tmp/err"
      rc=$?
      [ "$rc" = 1 ] && grep -q 'cannot write the report to standard output: No space left on device' "$tmp/err" && ok ||
        bad "$report --format $format to /dev/full: rc $rc, $(cat "$tmp/err")"
    done
  done
fi

# The extension picks the format; the file equals what stdout would show, plain.
for pair in csv:csv json:json md:md markdown:md html:html htm:html txt:table; do
  ext=${pair%%:*}
  format=${pair##*:}
  file="$tmp/out/renewals.$ext"
  pc report -o "$file" 2>"$tmp/err" && ok || bad "-o renewals.$ext failed: $(cat "$tmp/err")"
  [ "$(stat -c %a "$file" 2>/dev/null)" = 600 ] && ok || bad "renewals.$ext: mode $(stat -c %a "$file" 2>/dev/null), expected 600"
  cmp -s "$file" <(pc report --format "$format") && ok || bad "renewals.$ext differs from --format $format on stdout"
done

# A table in a file is plain and uncut, whatever the terminal or --color say.
COLUMNS=40 pc --color always report roster -o "$tmp/out/roster.txt" && ok || bad "roster -o roster.txt failed"
grep -q $'\x1b' "$tmp/out/roster.txt" && bad "roster.txt holds escape sequences" || ok
grep -q 'needs training 16 h, recovery-wellness 10 h, ethics 6 h, experience 300 h, supervision 25 h' "$tmp/out/roster.txt" &&
  ok || bad "roster.txt was cut to a width"
# ... unless --width says otherwise.
pc report roster --width 80 -o "$tmp/out/roster80.txt" && ok || bad "--width 80 -o failed"
# (Each cut column keeps its minimum width, so 80 columns is not reached: the roster stops at 100.)
[ "$(widest <"$tmp/out/roster80.txt")" -le 100 ] && ok || bad "--width 80 did not narrow the table"

# On stdout, COLUMNS fits the table and --color always colours it.
[ "$(COLUMNS=100 pc report | widest)" -le 100 ] && ok || bad "COLUMNS=100 did not fit the table"
[ "$(pc report | widest)" -gt 300 ] && ok || bad "without COLUMNS, a pipe should get the whole table"
# (the report read whole: grep -q leaving a pipe early fails the writer, and pipefail the line)
grep -q $'\x1b\\[31mlapsed' <<<"$(pc --color always report)" && ok || bad "--color always did not colour 'lapsed'"
NO_COLOR=1 pc report | grep -q $'\x1b' && bad "NO_COLOR was not honoured" || ok

# --format wins over the extension; an unknown extension needs --format.
pc report --format csv -o "$tmp/out/renewals.data" && head -c 3 "$tmp/out/renewals.data" | grep -q '^id,' && ok ||
  bad "--format csv -o renewals.data did not write CSV"
pc report -o "$tmp/out/renewals.pdf" 2>/dev/null
[ $? -eq 2 ] && ok || bad "-o renewals.pdf: expected exit 2"
[ -e "$tmp/out/renewals.pdf" ] && bad "renewals.pdf was written" || ok

# Never onto workspace data, even through a symlink or a path with '..'.
ln -s "$tmp/ws/specialists/avery.toml" "$tmp/out/link.csv"
for target in "$tmp/ws/specialists/avery.toml" "$tmp/ws/specialists/new.csv" "$tmp/ws/peerctl.toml" \
  "$tmp/ws/credentials/x.csv" "$tmp/out/../ws/specialists/avery.toml" "$tmp/out/link.csv"; do
  pc report --format csv -o "$target" 2>"$tmp/err"
  rc=$?
  [ $rc -eq 1 ] && grep -q 'refusing to write a report' "$tmp/err" && ok || bad "-o $target: exit $rc, $(cat "$tmp/err")"
done
[ -e "$tmp/ws/specialists/new.csv" ] && bad "specialists/new.csv was created" || ok

# A directory that cannot be written: exit 1, a message, nothing left behind.
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
  pc report -o "$tmp/ro/r.csv" 2>"$tmp/err"
  [ $? -eq 1 ] && [ -s "$tmp/err" ] && ok || bad "-o into a read-only directory: expected exit 1 and a message"
  [ -z "$(ls -A "$tmp/ro")" ] && ok || bad "files left in the read-only directory"
fi

# Every report, every format: the workspace is unchanged.
for args in "report" "report roster" "report transcript rchen" "report transcript rchen --period all" \
  "report audit sample --percent 50 --seed 3"; do
  for format in table csv json md html; do
    # shellcheck disable=SC2086
    pc $args --format $format >/dev/null 2>&1 || bad "$args --format $format failed"
  done
done
[ "$(snapshot)" = "$before" ] && ok || bad "the workspace changed: $(diff <(echo "$before") <(snapshot))"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
