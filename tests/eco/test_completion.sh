#!/usr/bin/env bash
# Drives the completion script of one shell as that shell calls it, and checks what it offers:
# commands, options, option values, and the ids of a workspace (specialists, credentials,
# topics) read through the hidden `peerctl completion --list`.
#   test_completion.sh PEERCTL SOURCE_DIR bash|zsh|fish
# bash: the function that `complete -p peerctl` names is called with COMP_WORDS, COMP_CWORD and
# COMP_LINE split as readline splits them. zsh: _peerctl is called with words and CURRENT, with
# compadd, _describe, _files and compset standing in for the completion system (they filter by
# the current word as zsh would), after a real compinit has loaded the script. fish: `complete
# -C`, fish's own completion of a command line. Exit 77 when the shell is not installed.
set -uo pipefail
peerctl=$(realpath "$1")
source_dir=$(realpath "$2")
shell=$3
command -v "$shell" >/dev/null || { echo "SKIP: $shell is not installed (apt-get install $shell)"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin_dir=$(dirname "$peerctl")
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" PATH="$bin_dir:$PATH"
unset PEERCTL_DIR
mkdir -p "$HOME"
cd "$tmp" || exit 1

# A workspace: the bundled example, plus a credential and a topic of its own.
cp -r "$source_dir/data/example" ws
mkdir -p ws/credentials
cat >ws/credentials/our-cred.toml <<'EOF'
id = "our-cred"
name = "Our own peer credential"
effective_from = 2024-01-01
confidence = "high"
topics = ["ethics"]
[period]
anchor = "issue-date"
months = 24
EOF
printf 'name = "Test workspace"\ntopics = ["housing"]\n' >ws/peerctl.toml

"$peerctl" completion "$shell" >"$tmp/script" || { echo "FAIL: peerctl completion $shell"; exit 1; }

passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# Prints the candidates for command line $1 (the cursor at its end), one a line.
candidates() {
  case $shell in
    bash) bash --norc --noprofile -c '
        source "$1" || exit 1
        spec=$(complete -p peerctl) || exit 1
        fn=${spec#*-F }; fn=${fn%% *}
        line=$2
        # readline splits at blanks and at the characters of COMP_WORDBREAKS ("=" among them).
        read -ra COMP_WORDS <<<"${line//=/ = }"
        [[ $line == *" " || $line == *"=" ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )) COMP_LINE=$line COMP_POINT=${#line}
        COMPREPLY=()
        "$fn" peerctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bash "$tmp/script" "$1" ;;
    zsh) zsh -f -c '
        autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump" || exit 1
        source "$1" || exit 1
        [[ ${_comps[peerctl]} == _peerctl ]] || { print -u2 "compdef did not register _peerctl"; exit 1; }
        # The completion system, reduced to what _peerctl uses: offer the words that start
        # with the current word (PREFIX), as compadd does.
        compadd() { local w; while (( $# )); do if [[ $1 == -a ]]; then for w in ${(P)2}; do [[ $w == ${PREFIX}* ]] && print -r -- $w; done; shift 2; else shift; fi; done; }
        _describe() { local w; for w in ${${(P)4}%%:*}; do [[ $w == ${PREFIX}* ]] && print -r -- $w; done; }
        _files() { print -r -- "(files)"; }
        _message() { :; }
        compset() { [[ $1 == -P ]] && PREFIX=${PREFIX#*=}; return 0; }
        words=("${(@z)2}")
        [[ $2 == *" " ]] && words+=("")
        CURRENT=$#words PREFIX=${words[CURRENT]}
        _peerctl' zsh "$tmp/script" "$1" ;;
    fish) fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$tmp/script" "$1" | cut -f1 ;;
  esac
}

# expect LINE WORD... : the candidates for LINE are exactly these words (in any order).
expect() {
  local line=$1
  shift
  local got want
  got=$(candidates "$line" 2>"$tmp/stderr" | sed "/^$/d" | sort -u | tr '\n' ' ')
  want=$(printf '%s\n' "$@" | sed '/^$/d' | sort -u | tr '\n' ' ')
  if [ "$got" = "$want" ] && [ ! -s "$tmp/stderr" ]; then pass; else fail "[$line] expected: $want got: $got $(cat "$tmp/stderr")"; fi
}

ids=(amartin bokafor cnguyen dsantos eharris fkowalski gwashington hlee iross)
builtin_credentials=(ca-mpss ct-cpsrp ct-rss fl-crps ga-cps icrc-pr me-cipss mi-cprm naadac-ncprss nj-cprs ny-crpa oh-cprs pa-cps tx-mhps tx-rsps va-cprs wa-cps)

expect "peerctl st" status
expect "peerctl cer" certify
expect "peerctl cred" credentials
expect "peerctl --col" --color
expect "peerctl --color " auto always never
expect "peerctl log " training exam experience ce renewal
expect "peerctl log ce --del" --delivery
expect "peerctl log ce --delivery " in-person live-online self-study
expect "peerctl log exam --result " passed failed scheduled
expect "peerctl log experience --kind " work volunteer supervision
expect "peerctl log ce --no-" --no-input
expect "peerctl check --format " nagios json
expect "peerctl rem" remind
expect "peerctl remind --" --dry-run --mbox --since --dir --as-of --color --jobs --help --help-all
expect "peerctl check --include-i" --include-inactive
expect "peerctl status --format " text json
expect "peerctl completion " bash zsh fish
expect "peerctl credentials " list show
expect "peerctl --dir ws status " "${ids[@]}"
expect "peerctl --dir ws status amartin b" bokafor
expect "peerctl --dir ws certify amartin " "${builtin_credentials[@]}" our-cred
expect "peerctl --dir ws certify amartin ct-rss --iss" --issued
expect "peerctl --dir ws credentials show ou" our-cred
expect "peerctl --dir ws log ce --topic h" harm-reduction health-equity health-wellness hiv-bloodborne-pathogens housing human-trafficking
expect "peerctl --dir ws log ce amartin --hours 2 --topic eth" ethics
expect "peerctl --dir ws log ce --hours 2 a" amartin
expect "peerctl --dir ws log training --domain adv" advocacy
expect "peerctl --dir ws export ics --id a" amartin
expect "peerctl --dir ws add --credential ny" ny-crpa
expect "peerctl --dir ws add " ""
expect "peerctl --dir nowhere status " ""
expect "peerctl --dir nowhere certify x " "${builtin_credentials[@]}"
expect "peerctl -j 2 --dir ws status e" eharris
(cd ws/specialists && expect "peerctl status c" cnguyen)
(export PEERCTL_DIR=$tmp/ws && expect "peerctl status d" dsantos)

case $shell in
  bash)
    expect "peerctl --color=" auto always never
    expect "peerctl --color=al" always
    expect "peerctl --dir=ws status f" fkowalski
    expect "peerctl --dir ws validate ws/spec" ws/specialists
    expect "peerctl --dir w" ws ;;
  zsh)
    expect "peerctl --dir ws validate " "(files)" ;;
  fish)
    expect "peerctl --color=al" --color=always
    expect "peerctl --dir=ws status f" fkowalski
    expect "peerctl --dir ws validate ws/spec" ws/specialists/
    expect "peerctl --dir w" ws/ ;;
esac

# The hidden lister: ids of the workspace, and nothing at all (not even an error) without one.
out=$("$peerctl" --dir nowhere completion --list ids 2>&1) && [ -z "$out" ] && pass || fail "--list ids without a workspace printed: $out"
out=$("$peerctl" --dir ws completion --list topics) && grep -qx housing <<<"$out" && pass || fail "--list topics misses housing"
"$peerctl" completion --help | grep -q -- --list && fail "--list shows in completion --help" || pass

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
