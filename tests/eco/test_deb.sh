#!/usr/bin/env bash
# `cpack -G DEB` builds a .deb whose dependencies are Debian runtime packages (computed by
# dpkg-shlibdeps) and which holds the binary, man pages, data, schemas and completions; the
# binary unpacked from it runs and finds its credentials.
#   test_deb.sh BUILD_DIR VERSION
set -uo pipefail
build=$(realpath "$1")
version=$2
command -v dpkg-deb >/dev/null || { echo "SKIP: not a Debian system (no dpkg-deb)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
mkdir -p "$HOME"

passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log"
  echo "FAIL: cpack -G DEB (it needs dpkg-dev and file: scripts/bootstrap --with-test-tools)"
  exit 1
fi
deb=$(ls "$tmp"/pkg/peerctl_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { echo "FAIL: no peerctl_*.deb"; ls "$tmp/pkg"; exit 1; }
[ "$(basename "$deb")" = "peerctl_${version}_$(dpkg --print-architecture).deb" ] && ok || fail "file name $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
echo "$info"
field() { sed -n "s/^ $1: //p" <<<"$info"; }
[ "$(field Package)" = peerctl ] && ok || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] && ok || fail "Version: $(field Version)"
[ -n "$(field Maintainer)" ] && ok || fail "no Maintainer"
[ "$(field Section)" = utils ] && ok || fail "Section: $(field Section)"
depends=$(field Depends)
names=$(tr ',' '\n' <<<"$depends" | sed 's/(.*//; s/ //g')
for p in libc6 libstdc++6 libfmt9 libtomlplusplus3 libxlsxwriter4; do
  grep -qxF "$p" <<<"$names" && ok || fail "Depends lacks $p: $depends"
done
grep -q -- '-dev' <<<"$depends" && fail "Depends names a -dev package: $depends" || ok
# Every dependency is a package this Debian knows.
for p in $names; do
  apt-cache show "$p" >/dev/null 2>&1 || dpkg -s "$p" >/dev/null 2>&1 && ok || fail "unknown dependency $p"
done

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/peerctl ./usr/share/man/man1/peerctl.1 ./usr/share/man/man1/peerctl-remind.1 ./usr/share/man/man5/peerctl-records.5 \
         ./usr/share/man/man5/peerctl-credentials.5 ./usr/share/peerctl/credentials/ct-rss.toml \
         ./usr/share/peerctl/schemas/record.schema.json ./usr/share/peerctl/schemas/status.schema.json \
         ./usr/share/peerctl/example/peerctl.toml ./usr/share/bash-completion/completions/peerctl \
         ./usr/share/zsh/vendor-completions/_peerctl ./usr/share/fish/vendor_completions.d/peerctl.fish; do
  grep -qxF "$f" <<<"$contents" && ok || fail "the package lacks $f"
done
grep -q '^\./usr/local' <<<"$contents" && fail "files under /usr/local" || ok
dpkg-deb -c "$deb" | awk '$2 != "root/root" { bad = 1 } END { exit bad }' && ok || fail "files not owned by root"

dpkg-deb -x "$deb" "$tmp/root"
file "$tmp/root/usr/bin/peerctl" | grep -q 'stripped' && ! file "$tmp/root/usr/bin/peerctl" | grep -q 'not stripped' && ok || fail "the binary is not stripped"
out=$(cd / && "$tmp/root/usr/bin/peerctl" credentials show ct-rss 2>&1)
grep -qF "$tmp/root/usr/share/peerctl/credentials/ct-rss.toml" <<<"$out" && ok || fail "unpacked binary: $out"
[ "$("$tmp/root/usr/bin/peerctl" --version)" = "peerctl $version" ] && ok || fail "--version of the packaged binary"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
