#!/usr/bin/env bash
# Load test of `./advisor serve` with wrk (docs/PERFORMANCE.md, "HTTP service under load").
#
#   scripts/loadtest.sh            # 10 s a run: single requests at 1, 8 and 64 connections, 100-line batches,
#                                  # then single requests at 8 connections while the rules are reloaded 20 times
#   scripts/loadtest.sh --short    # 3 s a run, still 20 reloads (CI)
#
# Prints requests/s, advices/s and p50/p99 latency of each run; exits 1 if any request got a non-2xx answer or a
# socket error, or any reload failed. Needs wrk and curl (it installs nothing: `apt-get install -y wrk curl`).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=10
reloads=20
case "${1:-}" in
  --short) duration=3; reloads=20 ;;
  "") ;;
  *) echo "usage: scripts/loadtest.sh [--short]" >&2; exit 2 ;;
esac
batch_duration=$((duration < 10 ? 10 : duration)) # a batch of 100 takes seconds on a busy machine
for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "loadtest: $tool is missing; install it with: apt-get install -y $tool" >&2
    exit 2
  fi
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Bodies: each bundled scenario file as it is (the server advises its base snapshot), and a batch of 100 JSON lines
# cycling over them (a JSON document joined onto one line is still the same document: strings hold no raw newlines).
files=("$here"/scenarios/*.json)
for i in "${!files[@]}"; do
  cp "${files[$i]}" "$work/single-$i.json"
  tr -d '\r\n' < "${files[$i]}" > "$work/line-$i.json"
done
: > "$work/batch.jsonl"
for n in $(seq 0 99); do
  cat "$work/line-$((n % ${#files[@]})).json" >> "$work/batch.jsonl"
  echo >> "$work/batch.jsonl"
done

# wrk script: POST the bodies round-robin (each thread starts at a different one)
cat > "$work/post.lua" <<'LUA'
local bodies = {}
local path = "/v1/advice"
local counter = 0
function init(args)
  path = args[1]
  for i = 2, #args do
    local f = assert(io.open(args[i], "rb"))
    bodies[#bodies + 1] = f:read("*a")
    f:close()
  end
  counter = math.random(#bodies)
end
function request()
  counter = counter % #bodies + 1
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, bodies[counter])
end
LUA

# The server: the optimizing JIT for a long run (./advisor starts short runs with C1 only)
export ADVISOR_JAVA_OPTS="${ADVISOR_JAVA_OPTS:--XX:TieredStopAtLevel=4}"
start_server() { # log file, extra options...; sets base and server_pid
  local log="$1"; shift
  "$here/advisor" serve --port 0 "$@" >/dev/null 2>"$log" &
  server_pid=$!
  pids+=("$server_pid")
  for _ in $(seq 1 600); do
    if grep -q "serving on" "$log"; then
      base="$(sed -n 's/.*serving on \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)"
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$log" >&2
      echo "loadtest: the server did not start" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "loadtest: the server did not start within 300 s" >&2
  exit 1
}
stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  pids=()
}

failures=0
summary=()
# Runs wrk and checks its report: no non-2xx answer, no socket error.
run() { # label, advices per request, wrk options..., --, lua args...
  local label="$1" per="$2"; shift 2
  local opts=() ; while [ "$1" != "--" ]; do opts+=("$1"); shift; done; shift
  local out="$work/wrk.out"
  wrk "${opts[@]}" --timeout 30s --latency -s "$work/post.lua" "$base" -- "$@" > "$out" 2>&1 || true
  report "$label" "$per" "$out"
}
report() { # label, advices per request, wrk output file
  local label="$1" per="$2" out="$3"
  local rps p50 p99 total
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p50="$(awk '$1 == "50%" {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  total="$(awk '/requests in/ {print $1}' "$out")"
  local advices
  advices="$(awk -v r="${rps:-0}" -v p="$per" 'BEGIN {printf "%.0f", r * p}')"
  summary+=("$(printf '%-34s %10s %10s %10s %10s %10s' "$label" "${total:-?}" "${rps:-?}" "$advices" "${p50:-?}" "${p99:-?}")")
  # wrk leaves out what is still in flight when the time is up; anything else not answered 2xx fails the run
  if [ -z "$rps" ] || [ "${total:-0}" = 0 ] || grep -q -E "Non-2xx|Socket errors" "$out"; then
    echo "loadtest: FAILED: $label" >&2
    cat "$out" >&2
    failures=$((failures + 1))
  fi
}

singles=("$work"/single-*.json)
echo "loadtest: starting ./advisor serve ..." >&2
start_server "$work/serve.log"
echo "loadtest: $base; ${duration}s a run; $(nproc) cores" >&2
curl -fsS "$base/healthz" >/dev/null

# warm-up (not reported): the JIT and Drools compile the hot paths in the first ~10 s of advising
wrk -t2 -c8 -d"$((duration < 10 ? 5 : 10))s" -s "$work/post.lua" "$base" -- /v1/advice "${singles[@]}" >/dev/null 2>&1 || true

run "single, 1 connection" 1 -t1 -c1 -d"${duration}s" -- /v1/advice "${singles[@]}"
run "single, 8 connections" 1 -t2 -c8 -d"${duration}s" -- /v1/advice "${singles[@]}"
run "single, 64 connections" 1 -t2 -c64 -d"${duration}s" -- /v1/advice "${singles[@]}"
run "single lean, 8 connections" 1 -t2 -c8 -d"${duration}s" -- "/v1/advice?lean=true" "${singles[@]}"
run "batch of 100, 4 connections" 100 -t2 -c4 -d"${batch_duration}s" -- /v1/advice:batch "$work/batch.jsonl"
run "batch of 100 lean, 4 connections" 100 -t2 -c4 -d"${batch_duration}s" -- "/v1/advice:batch?lean=true" "$work/batch.jsonl"
metrics="$(curl -fsS "$base/metrics")"
stop_server

# Reloads under load: a server that reloads rules/ on POST /v1/admin/reload; single requests at 8 connections
# all the while (wrk runs until the reloads are done, then is stopped with SIGINT and prints its report).
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/token"
echo "loadtest: starting ./advisor serve --rules rules --admin-token-file ... (compiles the DRL) ..." >&2
start_server "$work/serve-reload.log" --rules "$here/rules" --admin-token-file "$work/token"
wrk -t2 -c8 -d600s --timeout 30s --latency -s "$work/post.lua" "$base" -- /v1/advice "${singles[@]}" > "$work/wrk-reload.out" 2>&1 &
wrk_pid=$!
sleep 1
reload_failures=0
reload_started=$(date +%s.%N)
for i in $(seq 1 "$reloads"); do
  code="$(curl -sS -o "$work/reload.out" -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$work/token")" \
    "$base/v1/admin/reload" || echo 000)"
  if [ "$code" != 200 ]; then
    echo "loadtest: reload $i answered $code: $(cat "$work/reload.out" 2>/dev/null)" >&2
    reload_failures=$((reload_failures + 1))
  fi
done
reload_secs="$(awk -v a="$reload_started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')"
sleep 1
kill -INT "$wrk_pid"; wait "$wrk_pid" 2>/dev/null || true
report "single, 8 conn., $reloads reloads" 1 "$work/wrk-reload.out"
stop_server
if [ "$reload_failures" -gt 0 ]; then
  echo "loadtest: FAILED: $reload_failures of $reloads reloads" >&2
  failures=$((failures + 1))
fi

echo
printf '%-34s %10s %10s %10s %10s %10s\n' "run (${duration}s each, batches ${batch_duration}s)" requests "req/s" "advices/s" p50 p99
printf '%s\n' "${summary[@]}"
echo
echo "$reloads reloads of rules/ in ${reload_secs}s under load, $reload_failures failed"
echo "$metrics" | grep -E '^advisor_(requests_total|request_errors_total|advices_total)' || true
if [ "$failures" -gt 0 ]; then
  echo "loadtest: FAILED ($failures)" >&2
  exit 1
fi
echo "loadtest: passed"
