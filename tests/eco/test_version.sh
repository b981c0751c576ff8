#!/usr/bin/env bash
# --version follows the GNU convention: one line, the program's name, the version last; the
# version is CMake's project version. Exit 0, nothing on stderr, whatever comes after it.
#   test_version.sh PEERCTL VERSION
set -uo pipefail
peerctl=$1
version=$2
failed=0
for args in "--version" "--version status" "--dir /nonexistent --version"; do
  out=$($peerctl $args 2>/tmp/peerctl-version-err.$$)
  rc=$?
  if [ "$out" != "peerctl $version" ] || [ $rc -ne 0 ] || [ -s /tmp/peerctl-version-err.$$ ]; then
    echo "FAIL: peerctl $args: rc $rc, stdout '$out', stderr '$(cat /tmp/peerctl-version-err.$$)'"
    failed=1
  fi
done
rm -f /tmp/peerctl-version-err.$$
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "FAIL: '$version' is not a project version"; failed=1; }
[ $failed -eq 0 ] && echo "peerctl --version: peerctl $version"
exit $failed
