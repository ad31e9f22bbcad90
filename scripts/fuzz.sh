#!/usr/bin/env bash
# Coverage-guided fuzzing with Jazzer (docs/RELIABILITY.md, "Coverage-guided fuzzing").
#
#   scripts/fuzz.sh                        # every target, 1,000,000 inputs each (13 targets: 13 million inputs)
#   scripts/fuzz.sh --runs 200000          # N inputs per target
#   scripts/fuzz.sh --time 600             # at most S seconds of fuzzing per target (whichever comes first)
#   scripts/fuzz.sh --runs 50000 advise wechat   # only the named targets
#   scripts/fuzz.sh --jobs 2 --time 850    # the 10-million-input run: two targets at a time, one per core,
#                                          # 850 s each (with --time and no --runs, inputs are not capped)
#
# Each target is a @FuzzTest method of src/test/java/org/communityadvisor/fuzz/{Json,Importer}FuzzTests.java,
# run by standalone Jazzer (libFuzzer) in one JVM pinned to one core (FUZZ_CPU, default 1; FUZZ_HEAP, default
# 1g), one target after another. With --jobs N, N workers share the targets (worker K takes every Nth target,
# pinned to core FUZZ_CPU+K modulo the cores there are), each target still in one JVM on one core. It starts
# from the committed corpus in
# src/test/resources/org/communityadvisor/fuzz/<Class>Inputs/<method>/, which `mvn test` replays (regression
# mode), and then merges the new inputs into it with libFuzzer's -merge=1: only inputs that add coverage of
# org.communityadvisor code are kept. Files named finding-* in a corpus folder (inputs that once failed) are
# always kept. A crash (an exception other than the documented one) is left in target/fuzz/findings/<target>/
# and fuzzing goes on up to 20 distinct crashes; a timeout (60 s) ends the target; the script exits 1 at the
# end. libFuzzer also leaves its slowest input there as slow-unit-* when one took 10 s or more (usually the
# first, while the JVM warms up): reported, not a finding.
#
# Prints, and writes to target/fuzz/summary.tsv, each target's executions, seconds and executions per second,
# as libFuzzer reports them ("Done N runs in S second(s)"); the logs are in target/fuzz/logs/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

runs=""
time=0
jobs=1
targets=()
usage="usage: scripts/fuzz.sh [--runs N] [--time SECONDS] [--jobs N] [TARGET...]"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs|--time|--jobs) [ $# -ge 2 ] || { echo "fuzz: $1 needs a value" >&2; echo "$usage" >&2; exit 2; } ;;
  esac
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --time) time="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "$usage" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done

for n in "$time" "$jobs" ${runs:+"$runs"}; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "fuzz: not a whole number: $n" >&2; echo "$usage" >&2; exit 2; }
done
[ "$jobs" -ge 1 ] || { echo "fuzz: --jobs must be at least 1" >&2; exit 2; }
if [ -z "$runs" ]; then # inputs per target: 1,000,000 unless a time limit alone is given
  if [ "$time" != 0 ]; then runs=-1; else runs=1000000; fi
fi

json=(readSnapshot advise profile)
importers=(telegram discord slack slackAnalytics wechat qq wecom events sheetCsv sheetXlsx)
if [ ${#targets[@]} -eq 0 ]; then
  targets=("${json[@]}" "${importers[@]}")
fi

class_of() {
  local t
  for t in "${json[@]}"; do [ "$t" = "$1" ] && { echo JsonFuzzTests; return; }; done
  for t in "${importers[@]}"; do [ "$t" = "$1" ] && { echo ImporterFuzzTests; return; }; done
  echo "fuzz: unknown target $1 (targets: ${json[*]} ${importers[*]})" >&2
  exit 2
}
for t in "${targets[@]}"; do class_of "$t" >/dev/null; done

mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/fuzz-classpath.txt >/dev/null
cp="target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)"
mkdir -p target/fuzz/logs

jazzer() {
  taskset -c "$FUZZ_CPU" java -Xmx"${FUZZ_HEAP:-1g}" -XX:ActiveProcessorCount=1 -cp "$cp" \
    com.code_intelligence.jazzer.Jazzer --target_class="org.communityadvisor.fuzz.$1" --target_method="$2" \
    --instrumentation_includes='org.communityadvisor.**' --custom_hook_includes='org.communityadvisor.**' \
    -max_len=65536 -timeout=60 --reproducer_path=target/fuzz/findings "${@:3}"
}

rm -f target/fuzz/summary*.tsv
header='target\texecutions\tseconds\texec/s\tcorpus files\tcorpus bytes\tfindings\n'

# fuzz_one TARGET SUMMARY: fuzz one target, merge what it found into its corpus, add a row to SUMMARY; 1 when it
# found something or the merge failed
fuzz_one() {
  local t="$1" summary="$2"
  class="$(class_of "$t")"
  corpus="src/test/resources/org/communityadvisor/fuzz/${class}Inputs/$t"
  generated="target/fuzz/generated/$t"
  findings="target/fuzz/findings/$t"
  mkdir -p "$corpus" "$generated" "$findings"
  local limit=() says="$runs inputs"
  if [ "$time" != 0 ]; then
    limit=(-max_total_time="$time")
    says="$([ "$runs" = -1 ] || echo "$runs inputs or ")$time s"
  fi
  echo "fuzz: $t: fuzzing (at most $says)" >&2
  local status=0 findings_failed=0
  jazzer "$class" "$t" --keep_going=20 -runs="$runs" "${limit[@]}" -artifact_prefix="$findings/" \
    "$generated" "$corpus" > "target/fuzz/logs/$t.log" 2>&1 || status=$?
  done_line="$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "target/fuzz/logs/$t.log" | tail -1 || true)"
  execs="$(echo "$done_line" | awk '{print $2}')"
  secs="$(echo "$done_line" | awk '{print $5}')"
  if [ -z "$execs" ]; then # stopped by a finding: the last status line counts the executions
    execs="$(grep -oE '^#[0-9]+' "target/fuzz/logs/$t.log" | tail -1 | tr -d '#')"
    secs="?"
  fi
  nfind="$(find "$findings" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) \
    | wc -l)"
  nslow="$(find "$findings" -type f -name 'slow-unit-*' | wc -l)"
  [ "$nslow" != 0 ] && echo "fuzz: $t: slowest input kept in $findings/ (slow-unit-*)" >&2
  if [ "$status" != 0 ] || [ "$nfind" != 0 ]; then
    findings_failed=1
    echo "fuzz: $t: FINDINGS (exit $status): see $findings/ and target/fuzz/logs/$t.log" >&2
  fi

  echo "fuzz: $t: merging new coverage into $corpus" >&2
  merged="target/fuzz/merged/$t"
  rm -rf "$merged" && mkdir -p "$merged"
  if ! jazzer "$class" "$t" -merge=1 "$merged" "$corpus" "$generated" > "target/fuzz/logs/$t.merge.log" 2>&1 \
      || [ -z "$(ls -A "$merged")" ]; then
    echo "fuzz: $t: merge failed (target/fuzz/logs/$t.merge.log); the corpus is left as it was" >&2
    return 1
  fi
  find "$corpus" -maxdepth 1 -type f -name 'finding-*' -exec cp {} "$merged/" \;
  find "$corpus" -maxdepth 1 -type f -delete
  cp "$merged"/* "$corpus/"
  files="$(find "$corpus" -type f | wc -l)"
  bytes="$(du -sb "$corpus" | cut -f1)"
  rate="?"
  [ -n "$execs" ] && [ "$secs" != "?" ] && [ "$secs" != 0 ] && rate=$((execs / secs))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "${execs:-0}" "$secs" "$rate" "$files" "$bytes" "$nfind" \
    >> "$summary"
  echo "fuzz: $t: ${execs:-0} inputs in ${secs} s ($rate/s); corpus $files files, $bytes bytes; $nfind findings" >&2
  return $findings_failed
}

# worker K: every jobs-th target from the Kth, on its own core
worker() {
  local k="$1" i failed=0
  local FUZZ_CPU="$(( (first_cpu + k) % $(nproc) ))"
  for ((i = k; i < ${#targets[@]}; i += jobs)); do
    fuzz_one "${targets[$i]}" "target/fuzz/summary.$k.tsv" || failed=1
  done
  return $failed
}

first_cpu="${FUZZ_CPU:-1}"
failed=0
pids=()
for ((k = 0; k < jobs; k++)); do
  if [ "$jobs" = 1 ]; then worker 0 || failed=1; else worker "$k" & pids+=($!); fi
done
for p in "${pids[@]}"; do wait "$p" || failed=1; done
{ printf "$header"; for t in "${targets[@]}"; do awk -F'\t' -v t="$t" '$1 == t' target/fuzz/summary.*.tsv; done; } \
  > target/fuzz/summary.tsv 2>/dev/null
rm -f target/fuzz/summary.*.tsv
total="$(awk -F'\t' 'NR > 1 { s += $2 } END { print s + 0 }' target/fuzz/summary.tsv)"
echo "fuzz: total $total inputs" >&2
column -t -s $'\t' target/fuzz/summary.tsv
exit $failed
