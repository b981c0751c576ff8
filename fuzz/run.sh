#!/usr/bin/env bash
# Fuzzes peerctl with libFuzzer (clang; ASan + UBSan; toml++ header-only with its assertions on).
#
#   fuzz/run.sh [SECONDS] [TARGET...]      e.g. fuzz/run.sh 900, fuzz/run.sh 60 record
#
# TARGETs: record, credential, pipeline (default: all three, one after another). Each runs for
# SECONDS (default 60) on FUZZ_JOBS parallel workers (default: one per core), seeded with every
# TOML file under tests/ and data/, the toml++ regressions, fuzz/corpus-regressions and the corpus
# grown by earlier runs (build-fuzz/corpus/TARGET). FUZZ_RUNS=N stops each worker after N inputs
# instead, FUZZ_MAX_LEN=N caps the size of an input. Installs clang and libFuzzer (Debian: clang, libclang-rt-14-dev) when missing, builds
# into build-fuzz/, and prints per target the inputs run and the coverage reached. A crash,
# leak, sanitizer report or broken invariant is saved as build-fuzz/artifacts/TARGET/crash-*:
# reproduce it with build-fuzz/fuzz/fuzz_TARGET FILE; once fixed, keep it in
# fuzz/corpus-regressions/ so ctest replays it on every build. Exits 1 when anything was found.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-60}
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(record credential pipeline)
jobs=${FUZZ_JOBS:-$(nproc)}

# clang and libFuzzer (Debian 12: clang 14, whose libFuzzer is in libclang-rt-14-dev)
have_libfuzzer() {
  command -v clang++ >/dev/null || return 1
  local t; t=$(mktemp -d)
  printf '%s\n' '#include <cstdint>' '#include <cstddef>' \
    'extern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }' > "$t/f.cpp"
  clang++ -fsanitize=fuzzer,address,undefined "$t/f.cpp" -o "$t/f" 2>/dev/null
  local ok=$?
  rm -rf "$t"
  return $ok
}
if ! have_libfuzzer; then
  echo "fuzz: installing clang and libFuzzer" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-14-dev
  have_libfuzzer || { echo "fuzz: clang cannot link libFuzzer" >&2; exit 2; }
fi

build=$root/build-fuzz
CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPEERCTL_FUZZ=ON \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}"

# Seeds: every fixture, data file and regression input, flattened (libFuzzer reads one level).
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  cp "$f" "$seeds/$(printf '%05d' "$n")-$(basename "$f")"
done < <(find tests data fuzz/corpus-regressions -type f \
           \( -name '*.toml' -o -path '*corpus-regressions*' \) ! -name README.md -print0 2>/dev/null | sort -z)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
summary=""
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  artifacts=$build/artifacts/$t
  logs=$build/logs/$t
  mkdir -p "$corpus" "$artifacts"
  rm -rf "$logs"
  mkdir -p "$logs"
  limit=(-max_total_time="$seconds")
  [ -z "${FUZZ_RUNS:-}" ] || limit=(-runs="$FUZZ_RUNS")
  # FUZZ_MAX_LEN caps the input size (libFuzzer's default: the largest seed, about 6 KB here);
  # 1024 about doubles the inputs per second.
  [ -z "${FUZZ_MAX_LEN:-}" ] || limit+=(-max_len="$FUZZ_MAX_LEN")
  echo "fuzz: $t for ${FUZZ_RUNS:-$seconds s}${FUZZ_RUNS:+ inputs} on each of $jobs worker(s)" >&2
  # -jobs/-workers: independent processes sharing the corpus directory; logs in $logs/fuzz-N.log.
  (cd "$logs" && "$build/fuzz/fuzz_$t" "${limit[@]}" -jobs="$jobs" -workers="$jobs" \
     -dict="$root/fuzz/toml.dict" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
     -artifact_prefix="$artifacts/" "$corpus" "$seeds" >/dev/null 2>&1) || true
  runs=0
  for log in "$logs"/fuzz-*.log; do
    r=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -1 | awk '{print $2}' || true)
    runs=$((runs + ${r:-0}))
  done
  # the last "cov: N ft: M" of each worker (its DONE line, or where it stopped)
  cov=$(for log in "$logs"/fuzz-*.log; do grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true; done |
        awk '{if ($2 > c) c = $2; if ($4 > f) f = $4} END {printf "cov: %d ft: %d", c, f}')
  found=$(find "$artifacts" -type f | wc -l)
  if grep -q -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|fuzz invariant broken' "$logs"/fuzz-*.log \
     || [ "$found" -gt 0 ]; then
    status=1
  fi
  line="$t: $runs inputs, $cov, corpus $(find "$corpus" -type f | wc -l) files, $found finding(s) in $artifacts"
  echo "fuzz: $line" >&2
  summary+="$line"$'\n'
done
printf '%s' "$summary"
exit $status
