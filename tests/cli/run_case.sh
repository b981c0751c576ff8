#!/usr/bin/env bash
# Runs one CLI case: a folder with `args` (the command line after `peerctl`), and the expected
# `rc`, `stdout` and `stderr` (a missing file means empty output, rc 0). The command runs inside
# the case folder with a private HOME and as-of date 2026-11-23, colour off.
#   run_case.sh PEERCTL CASE_DIR
set -uo pipefail
peerctl=$1
case_dir=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

args=$(cat "$case_dir/args")
if [ -f "$case_dir/setup.sh" ]; then (cd "$case_dir" && TMP="$tmp" bash ./setup.sh) || exit 1; fi
(
  cd "$case_dir" || exit 99
  export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" PEERCTL_TEST_TMP="$tmp"
  unset PEERCTL_DIR NO_COLOR COLUMNS
  as_of="--as-of 2026-11-23"
  case " $args " in *" --as-of "*) as_of="" ;; esac
  eval "\"$peerctl\" $as_of --color never $args" >"$tmp/stdout" 2>"$tmp/stderr"
  echo $? >"$tmp/rc"
)
status=0
expected_rc=$(cat "$case_dir/rc" 2>/dev/null || echo 0)
actual_rc=$(cat "$tmp/rc")
if [ "$expected_rc" != "$actual_rc" ]; then
  echo "exit code: expected $expected_rc, got $actual_rc"
  status=1
fi
for stream in stdout stderr; do
  expected="$case_dir/$stream"
  [ -f "$expected" ] || expected=/dev/null
  if ! diff -u --label "expected $stream" --label "actual $stream" "$expected" "$tmp/$stream"; then
    status=1
  fi
done
if [ -f "$case_dir/cleanup.sh" ]; then (cd "$case_dir" && TMP="$tmp" bash ./cleanup.sh); fi
exit $status
