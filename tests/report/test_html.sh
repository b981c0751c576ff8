#!/usr/bin/env bash
# `report --format html`, checked as a person would look at it: headless Chromium (Debian's
# chromium package) renders each report of the fixture workspace; the screenshot must show the
# table (the header row's grey, the state pills' colours) and the DOM must hold every row, with
# the hostile names as text and no script element.
#   test_html.sh PEERCTL FIXTURES_DIR
# Exit 77 (skipped) where /usr/bin/chromium is absent. KEEP=DIR keeps the pages and screenshots.
set -uo pipefail
peerctl=$1
fixtures=$2
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium is not installed (Debian package chromium; scripts/bootstrap --with-test-tools installs it)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${KEEP:-$tmp}
mkdir -p "$out"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

chromium_run() {
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}

# name, rows expected in the first table's body, then the report's arguments
check_report() {
  local name=$1 rows=$2
  shift 2
  local page="$out/$name.html" png="$out/$name.png"
  if ! HOME="$tmp" "$peerctl" --dir "$fixtures/report" --as-of 2026-11-23 report "$@" --format html -o "$page"; then
    bad "$name: peerctl report $* failed"
    return
  fi
  local dom="$out/$name.dom.html"
  # One start of Chromium for both (a start costs more than the page): headless Chromium takes
  # --screenshot and --dump-dom together; one that does only one of them is asked again.
  chromium_run --screenshot="$png" --window-size=1200,900 --dump-dom "file://$page" >"$dom"
  [ -s "$png" ] || chromium_run --screenshot="$png" --window-size=1200,900 "file://$page" >/dev/null
  grep -q '</html>' "$dom" || chromium_run --dump-dom "file://$page" >"$dom"
  if [ ! -s "$png" ]; then
    bad "$name: no screenshot (see the chromium log below)"
    tail -5 "$tmp/chromium.log"
    return
  fi
  local size
  size=$(stat -c %s "$png")
  [ "$size" -gt 20000 ] && ok || bad "$name: screenshot of $size bytes looks blank"
  if command -v python3 >/dev/null; then
    # #f6f8fa: the table header; #dafbe1 / #ffebe9: the active and lapsed pills' backgrounds.
    local stats
    stats=$(python3 "$here/png_colours.py" "$png" '#f6f8fa' '#dafbe1' '#ffebe9')
    grep -q '^size 1200x900$' <<<"$stats" && ok || bad "$name: screenshot is not 1200x900: $stats"
    [ "$(awk '/^colours/ {print $2}' <<<"$stats")" -gt 50 ] && ok || bad "$name: too few colours, nothing drawn? $stats"
    [ "$(awk '$1 == "#f6f8fa" {print $2}' <<<"$stats")" -gt 2000 ] && ok || bad "$name: no table header to be seen: $stats"
    if [ "$name" = renewals ]; then
      [ "$(awk '$1 == "#dafbe1" {print $2}' <<<"$stats")" -gt 200 ] && ok || bad "$name: no green 'active' pill: $stats"
      [ "$(awk '$1 == "#ffebe9" {print $2}' <<<"$stats")" -gt 200 ] && ok || bad "$name: no red 'lapsed' pill: $stats"
    fi
  fi
  local got
  got=$(awk '/<tbody>/ {n++} n == 1 && /<tr>/ {c++} /<\/tbody>/ && n == 1 {n++} END {print c + 0}' "$dom")
  [ "$got" = "$rows" ] && ok || bad "$name: $got rows in the first table, expected $rows"
  grep -qi '<script' "$dom" && bad "$name: a script element in the DOM" || ok
  grep -q 'Harbor Peer Network (test fixture)' "$dom" && grep -q '2026-11-23' "$dom" && ok ||
    bad "$name: workspace name or as-of date missing from the page"
}

check_report renewals 9 renewals
check_report roster 11 roster
check_report transcript 3 transcript rchen
check_report audit 3 audit sample --percent 30 --seed 42

dom="$out/renewals.dom.html"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$dom" && ok || bad "renewals: the <script> name is not shown as text"
grep -q '=HYPERLINK(&quot;http://x&quot;)\|=HYPERLINK("http://x")' "$dom" && ok || bad "renewals: the formula name is missing"
grep -q 'a|b' "$dom" && ok || bad "renewals: the a|b name is missing"
grep -q 'José Núñez' "$out/roster.dom.html" && ok || bad "roster: José Núñez is missing"
grep -q '\\x1B\[31mRed\\x1B\[0m' "$dom" && ok || bad "renewals: the escape-sequence name is not shown escaped"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
