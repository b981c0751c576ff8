#!/usr/bin/env bash
# `cmake --install` into a staging directory (DESTDIR), then the installed binary is run from
# there, and again after the installed tree has been moved: it finds its built-in credentials
# relative to its own location, never in the source tree.
#   test_install.sh BUILD_DIR
set -uo pipefail
build=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
unset PEERCTL_DIR PEERCTL_DATA_DIR
mkdir -p "$HOME"

passed=0 failed=0
check() { # description command...
  local what=$1
  shift
  if "$@" >"$tmp/out" 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; sed 's/^/  /' "$tmp/out"; fi
}

# Every installed file in its GNU place.
installed_files() { # root
  local r=$1 f missing=0
  for f in bin/peerctl share/man/man1/peerctl.1 share/man/man1/peerctl-remind.1 share/man/man5/peerctl-records.5 share/man/man5/peerctl-credentials.5 \
           share/peerctl/credentials/{ca-mpss,ct-cpsrp,ct-rss,fl-crps,ga-cps,icrc-pr,me-cipss,mi-cprm,naadac-ncprss,nj-cprs,ny-crpa,oh-cprs,pa-cps,tx-mhps,tx-rsps,va-cprs,wa-cps}.toml \
           share/peerctl/schemas/{record,workspace,credential,config,status,check}.schema.json \
           share/peerctl/example/peerctl.toml share/peerctl/example/specialists/amartin.toml \
           share/bash-completion/completions/peerctl share/zsh/vendor-completions/_peerctl \
           share/fish/vendor_completions.d/peerctl.fish; do
    [ -f "$r/$f" ] || { echo "missing: $f"; missing=1; }
  done
  [ -x "$r/bin/peerctl" ] || { echo "bin/peerctl is not executable"; missing=1; }
  return $missing
}

# The binary under $1 lists the 17 built-in credentials, read from $1/share/peerctl.
finds_credentials() { # root
  local r=$1 out
  out=$(cd / && "$r/bin/peerctl" credentials list) || return 1
  echo "$out"
  [ "$(grep -cE '^(ca-mpss|ct-cpsrp|ct-rss|fl-crps|ga-cps|icrc-pr|me-cipss|mi-cprm|naadac-ncprss|nj-cprs|ny-crpa|oh-cprs|pa-cps|tx-mhps|tx-rsps|va-cprs|wa-cps) ' <<<"$out")" -eq 17 ] || return 1
  out=$(cd / && "$r/bin/peerctl" credentials show ct-rss) || return 1
  echo "$out"
  grep -qF "$r/share/peerctl/credentials/ct-rss.toml" <<<"$out"
}

# Installed data names the installed schemas: each #:schema line resolves.
schema_lines_resolve() { # root
  local f line bad=0
  while IFS= read -r f; do
    line=$(head -n 1 "$f")
    [[ $line == "#:schema "* ]] && [ -f "$(dirname "$f")/${line#\#:schema }" ] || { echo "$f: $line"; bad=1; }
  done < <(find "$1/share/peerctl/credentials" "$1/share/peerctl/example" -name '*.toml')
  return $bad
}

example_validates() { # root
  (cd / && "$1/bin/peerctl" --dir "$1/share/peerctl/example" --as-of 2026-11-23 validate)
}

completion_loads() { # root
  bash --norc --noprofile -c 'source "$1" && complete -p peerctl' bash "$1/share/bash-completion/completions/peerctl"
}

man_finds_pages() { # root
  command -v man >/dev/null || return 0
  local p
  for p in peerctl peerctl-records peerctl-credentials; do
    # the page read whole: grep -q leaving the pipe early would fail man, and pipefail the test
    grep -q NAME <<<"$(MANPAGER=cat MANWIDTH=80 man -M "$1/share/man" "$p")" || { echo "man -M ... $p"; return 1; }
  done
}

# 1. The Debian layout: --prefix /usr under DESTDIR.
check "cmake --install (DESTDIR, --prefix /usr)" env DESTDIR="$tmp/stage" cmake --install "$build" --prefix /usr
root=$tmp/stage/usr
check "installed files under /usr" installed_files "$root"
check "the installed binary finds its credentials" finds_credentials "$root"
check "installed #:schema lines resolve" schema_lines_resolve "$root"
check "the installed example workspace validates" example_validates "$root"
check "the installed bash completion loads" completion_loads "$root"
check "man finds the installed pages" man_finds_pages "$root"

# 2. Relocated: the installed tree moved elsewhere still finds its data.
mkdir -p "$tmp/moved"
mv "$root" "$tmp/moved/usr"
check "the moved binary finds its credentials" finds_credentials "$tmp/moved/usr"

# 3. Another prefix.
check "cmake --install (DESTDIR, --prefix /opt/peerctl)" env DESTDIR="$tmp/opt" cmake --install "$build" --prefix /opt/peerctl
check "installed files under /opt/peerctl" installed_files "$tmp/opt/opt/peerctl"
check "the /opt binary finds its credentials" finds_credentials "$tmp/opt/opt/peerctl"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
