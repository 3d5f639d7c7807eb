#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for FUZZ_SECONDS (default 60), seeded
# with the test fixtures. A crash, a leak-free ASan report or a hang (an input taking more than
# FUZZ_TIMEOUT seconds) stops that target, leaves the input in Fuzz/artifacts/, and makes the
# script exit 1. Prints, per target, the executions, the seconds and the executions per second.
#   FUZZ_SECONDS=60 FUZZ_TARGETS="FuzzCSV FuzzConfig" scripts/fuzz.sh
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
TIMEOUT=${FUZZ_TIMEOUT:-10}
TARGETS=${FUZZ_TARGETS:-"FuzzCSV FuzzNativeXML FuzzFPDS FuzzWatchlist FuzzConfig"}
SWIFT=${SWIFT:-swift}

$SWIFT build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address || exit 2
BIN=Fuzz/.build/release

# seeds TARGET DIR: copies the fixtures that seed TARGET into DIR.
seeds() {
  local dir=$2
  case $1 in
    FuzzCSV) cp Datasets/demo/*.csv Tests/ImportersTests/Fixtures/*.csv Tests/HostileInputTests/Corpus/*.csv "$dir" ;;
    FuzzNativeXML) cp Tests/HostileInputTests/Corpus/*.xml "$dir"
      [ -f Tests/ImportersTests/Fixtures/native.xml ] && cp Tests/ImportersTests/Fixtures/native*.xml "$dir" ;;
    FuzzFPDS) cp Tests/ImportersTests/Fixtures/*.xml Tests/HostileInputTests/Corpus/*fpds*.xml "$dir" ;;
    FuzzWatchlist) cp Fuzz/Seeds/watchlist/* Tests/HostileInputTests/Corpus/ftm_hostile.json Tests/HostileInputTests/Corpus/watchlist_hostile.csv "$dir" ;;
    FuzzConfig) cp Fuzz/Seeds/config/* "$dir" ;;
  esac
  # Regression inputs found by earlier runs.
  if [ -d "Tests/HostileInputTests/Corpus/fuzz/$1" ]; then cp Tests/HostileInputTests/Corpus/fuzz/"$1"/* "$dir" 2>/dev/null; fi
  return 0
}

mkdir -p Fuzz/artifacts Fuzz/logs
status=0
printf '%-14s %12s %8s %10s  %s\n' target executions seconds execs/s result > Fuzz/logs/summary.txt
for target in $TARGETS; do
  corpus=Fuzz/corpus/$target
  mkdir -p "$corpus"
  seeds "$target" "$corpus"
  log=Fuzz/logs/$target.log
  start=$(date +%s)
  ASAN_OPTIONS=detect_leaks=0 "$BIN/$target" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" \
    -rss_limit_mb=2048 -max_len=${FUZZ_MAX_LEN:-4096} -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$target-" >"$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  result=ok
  if [ $rc -ne 0 ]; then result="FAILED (exit $rc; see $log and Fuzz/artifacts/)"; status=1; fi
  printf '%-14s %12s %8s %10s  %s\n' "$target" "${runs:-?}" "$elapsed" "${speed:-?}" "$result" >> Fuzz/logs/summary.txt
done
cat Fuzz/logs/summary.txt
exit $status
