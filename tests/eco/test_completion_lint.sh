#!/usr/bin/env bash
# The completion script of one shell passes that shell's own checker, both as the file in
# cli/completion/ and as `peerctl completion SHELL` prints it (the file with the command tree's
# tables filled in): shellcheck for bash, `zsh -n` and `fish --no-execute` (parse only) for the
# others, which shellcheck does not read.
#   test_completion_lint.sh PEERCTL SOURCE_DIR bash|zsh|fish
# Exit 77 when the checker is not installed.
set -uo pipefail
peerctl=$(realpath "$1")
source_dir=$(realpath "$2")
shell=$3
case $shell in
  bash) checker=shellcheck package=shellcheck ;;
  *) checker=$shell package=$shell ;;
esac
command -v "$checker" >/dev/null || { echo "SKIP: $checker is not installed (apt-get install $package)"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# check FILE: the checker's verdict on FILE, its findings printed when there are any.
check() {
  case $shell in
    bash) shellcheck -s bash "$1" ;;
    zsh) zsh -n "$1" ;;
    fish) fish --no-execute "$1" ;;
  esac
}

script=$source_dir/cli/completion/peerctl.$shell
if check "$script"; then pass; else fail "$script does not pass $checker"; fi

"$peerctl" completion "$shell" >"$tmp/peerctl.$shell" || { echo "FAIL: peerctl completion $shell"; exit 1; }
if check "$tmp/peerctl.$shell"; then pass; else fail "peerctl completion $shell does not pass $checker"; fi
# Every placeholder of the file is filled.
if grep -n '@PEERCTL_' "$tmp/peerctl.$shell"; then fail "peerctl completion $shell left a placeholder"; else pass; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
