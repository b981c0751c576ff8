#!/usr/bin/env bash
# Benchmark: peerctl against the I/O floor (cat) and a Python tomllib reference, on one corpus,
# in one run. Prints each time, the ratios, and peak memory: validate, check, status, export ics
# and the renewals and roster reports in every format.
#
# Each run of a command follows a run of cat, and its ratio to cat is that of the pair: on a
# machine shared with other work the load drifts, and a cat timed minutes earlier says little.
# Times and ratios are the medians of the runs; memory is the highest peak of any run.
#
#   tests/bench/bench.sh [N=50000] [PEERCTL=build/peerctl] [WORKDIR=/tmp/peerctl-bench] [RUNS=3]
#
# The full-size run is a documented command, not a CI step; ctest runs it with N=500 and RUNS=1
# as a smoke test (bench/smoke) so it keeps working.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
n=${1:-50000}
peerctl=$(realpath "${2:-$here/../../build/peerctl}")
work=${3:-/tmp/peerctl-bench}
runs=${4:-3}
as_of=2026-11-23
corpus=$work/corpus-$n
python=/usr/bin/python3

if [ ! -f "$corpus/.complete" ]; then
  rm -rf "$corpus"
  "$python" "$here/make_corpus.py" "$corpus" "$n" 1
  touch "$corpus/.complete"
fi
# check's cache, private to this run.
export XDG_CACHE_HOME=$work/cache
rm -rf "$XDG_CACHE_HOME"
# cat through xargs: 50,000 names do not fit one command line.
cat_all() { find "$corpus/specialists" -name '*.toml' -print0 | xargs -0 cat; }
# The floor of a cached check: a stat of each file.
stat_all() { find "$corpus/specialists" -name '*.toml' -printf '%s %T@ %C@ %i\n'; }
export -f cat_all stat_all; export corpus
bytes=$(cat_all | wc -c)
echo "corpus: $n specialists, $((bytes / 1024)) KiB, $(nproc) cores"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
# Wall time and peak RSS of one run of a command, as "seconds kilobytes".
timed() {
  /usr/bin/time -o "$work/time.out" -f '%e %M' "$@" >/dev/null 2>&1 || true
  tail -1 "$work/time.out"
}
# For a command: the median wall time of $runs runs, the median ratio to the run of cat just
# before each, and the highest peak RSS.
measure() {
  local times=() ratios=() rss=0 t_floor t m
  for _ in $(seq "$runs"); do
    read -r t_floor _ < <(timed bash -c cat_all)
    read -r t m < <(timed "$@")
    times+=("$t")
    ratios+=("$(awk -v t="$t" -v c="$t_floor" 'BEGIN { printf "%.4f", (c > 0 ? t / c : 0) }')")
    if [ "$m" -gt "$rss" ]; then rss=$m; fi
  done
  echo "$(median "${times[@]}") $(median "${ratios[@]}") $rss"
}

read -r t_cat _ m_cat < <(measure bash -c cat_all)
read -r t_py r_py m_py < <(measure "$python" "$here/reference_ce_totals.py" "$corpus" "$as_of")
read -r t_val r_val m_val < <(measure "$peerctl" --dir "$corpus" --as-of "$as_of" validate -q)
read -r t_chk r_chk m_chk < <(measure "$peerctl" --dir "$corpus" --as-of "$as_of" check --no-cache)
read -r t_stat r_stat m_stat < <(measure bash -c stat_all)
# Files changed in the last 2 s are never cached (check_cache.hpp): the cached check waits until
# the corpus is 3 s old (by now, as a rule, it is).
sleep "$(awk -v made="$(stat -c %.9Y "$corpus/.complete")" -v now="$(date +%s.%N)" \
  'BEGIN { s = made + 3 - now; print (s > 0 ? s : 0) }')"
"$peerctl" --dir "$corpus" --as-of "$as_of" check >/dev/null 2>&1 || true  # fills the cache
read -r t_chc r_chc m_chc < <(measure "$peerctl" --dir "$corpus" --as-of "$as_of" check)
read -r t_one r_one m_one < <(measure "$peerctl" --dir "$corpus" --as-of "$as_of" status s000002)

row() { awk -v name="$1" -v t="$2" -v r="$3" -v m="$4" -v p="$t_py" \
  'BEGIN { printf "%-32s %8.3f s  %6.1f x cat  %6.2f x python  %7.1f MB peak\n", name, t, r, (p > 0 ? t / p : 0), m / 1024 }'; }
row "cat (I/O floor)" "$t_cat" 1 "$m_cat"
row "python tomllib reference" "$t_py" "$r_py" "$m_py"
row "peerctl validate" "$t_val" "$r_val" "$m_val"
row "peerctl check --no-cache" "$t_chk" "$r_chk" "$m_chk"
row "stat of each file" "$t_stat" "$r_stat" "$m_stat"
row "peerctl check, repeated" "$t_chc" "$r_chc" "$m_chc"
row "peerctl status (one person)" "$t_one" "$r_one" "$m_one"
# Everything that reads the whole registry streams: each is held to 5 x cat and 64 MB at 50,000.
export SOURCE_DATE_EPOCH=0
read -r t r m < <(measure "$peerctl" --dir "$corpus" --as-of "$as_of" export ics)
row "peerctl export ics" "$t" "$r" "$m"
for report in renewals roster; do
  for format in table csv json md html; do
    read -r t r m < <(measure "$peerctl" --dir "$corpus" --as-of "$as_of" report "$report" --format "$format")
    row "peerctl report $report $format" "$t" "$r" "$m"
  done
done
awk -v t="$t_chc" -v s="$t_stat" 'BEGIN { printf "repeated check: %.1f x a stat of each file\n", (s > 0 ? t / s : 0) }'
