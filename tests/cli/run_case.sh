#!/usr/bin/env bash
# Runs one CLI case: a folder with `args` (the command line after `peerctl`), and the expected
# `rc`, `stdout` and `stderr` (a missing file means empty output, rc 0). The command runs inside
# the case folder with a private HOME and as-of date 2026-11-23, colour off.
#   run_case.sh PEERCTL CASE_DIR
# With PEERCTL_UPDATE_GOLDEN=1 the case's expected files are rewritten from this run (an empty
# stream or rc 0 removes its file), for a behaviour change that is meant; review `git diff` after:
#   PEERCTL_UPDATE_GOLDEN=1 ctest -R cli/   (or tests/cli/update-golden PEERCTL)
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
if [ "${PEERCTL_UPDATE_GOLDEN:-0}" = 1 ]; then
  # Exit 3 tells update-golden that a file was rewritten.
  updated=0
  rc_now=$(cat "$tmp/rc")
  # 126/127: the binary could not be run at all, which is never an expected result.
  case $rc_now in 126|127) cat "$tmp/stderr" >&2; exit 1 ;; esac
  if [ "$rc_now" != "$(cat "$case_dir/rc" 2>/dev/null || echo 0)" ]; then
    if [ "$rc_now" = 0 ]; then rm -f "$case_dir/rc"; else cp "$tmp/rc" "$case_dir/rc"; fi
    updated=1
  fi
  for stream in stdout stderr; do
    expected="$case_dir/$stream"
    [ -f "$expected" ] || expected=/dev/null
    if ! cmp -s "$expected" "$tmp/$stream"; then
      if [ -s "$tmp/$stream" ]; then cp "$tmp/$stream" "$case_dir/$stream"; else rm -f "$case_dir/$stream"; fi
      updated=1
    fi
  done
  [ $updated = 0 ] || exit 3
fi
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
