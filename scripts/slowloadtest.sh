#!/usr/bin/env bash
# Slow-body attack on `./advisor serve` (docs/RELIABILITY.md, "HTTP service under slow clients"), beside
# scripts/loadtest.sh. About a minute:
#
#   scripts/slowloadtest.sh            # 200 connections, each sending a request body one byte every 10 s, for 60 s
#   scripts/slowloadtest.sh --short    # 200 connections for 20 s (CI)
#
# Meanwhile /healthz is asked every second with a one-second limit; the script exits 1 if one answer is late or not
# 200, and prints how many slow requests were cut (408), refused (503) or still open. Needs curl and bash's /dev/tcp.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration=60
connections=200
case "${1:-}" in
  --short) duration=20 ;;
  "") ;;
  *) echo "usage: scripts/slowloadtest.sh [--short]" >&2; exit 2 ;;
esac
if ! command -v curl >/dev/null 2>&1; then
  echo "slowloadtest: curl is missing; install it with: apt-get install -y curl" >&2
  exit 2
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

"$here/advisor" serve --port 0 >/dev/null 2>"$work/serve.log" &
server_pid=$!
pids+=("$server_pid")
base=""
for _ in $(seq 1 600); do
  if grep -q "serving on" "$work/serve.log"; then
    base="$(sed -n 's/.*serving on \(http:[^ ]*\).*/\1/p' "$work/serve.log" | head -n 1)"
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$base" ] || { echo "slowloadtest: the server did not start" >&2; exit 1; }
hostport="${base#http://}"
host="${hostport%:*}"
port="${hostport##*:}"
# One answer before the attack: the first request of a fresh server loads its classes (slow on a busy host).
curl -s -o /dev/null --max-time 30 "$base/healthz" || true

# One slow client: a request announcing 100,000 bytes, then one byte every 10 s until the server answers or closes.
slow() { # index
  local out="$work/slow-$1"
  exec 3<>"/dev/tcp/$host/$port" || { echo "connect-failed" > "$out"; return; }
  printf 'POST /v1/advice HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{' >&3
  : > "$work/conn-$1"
  while true; do
    rc=0
    IFS= read -r -t 10 status <&3 2>/dev/null || rc=$?
    if [ "$rc" -eq 0 ]; then
      echo "$status" > "$out"
      break
    fi
    if [ "$rc" -le 128 ]; then # not the timeout: the server closed or reset the connection (after a 503, say)
      echo "closed" > "$out"
      break
    fi
    printf ' ' >&3 2>/dev/null || { echo "closed" > "$out"; break; }
  done
  exec 3>&-
}
for i in $(seq 1 "$connections"); do
  slow "$i" &
  pids+=("$!")
done

# The attack is in place once every slow client has sent its headers (200 shells and their connections take a few
# seconds to start on a busy 2-core host); the one-second promise is measured from then on.
settle_start=$SECONDS
while [ "$(find "$work" -maxdepth 1 -name 'conn-*' | wc -l)" -lt "$connections" ] && [ $((SECONDS - settle_start)) -lt 60 ]; do
  sleep 0.2
done
echo "slowloadtest: $(find "$work" -maxdepth 1 -name 'conn-*' | wc -l) slow clients connected in $((SECONDS - settle_start))s"
sleep 1

late=0
asked=0
worst=0
end=$((SECONDS + duration))
while [ "$SECONDS" -lt "$end" ]; do
  asked=$((asked + 1))
  if t="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 1 "$base/healthz")" && [ "${t%% *}" = 200 ]; then
    ms="$(awk -v s="${t#* }" 'BEGIN { printf "%d", s * 1000 }')"
    [ "$ms" -gt "$worst" ] && worst="$ms"
  else
    late=$((late + 1))
    echo "slowloadtest: /healthz late or failed at ${SECONDS}s: ${t:-no answer}" >&2
  fi
  sleep 1
done

cut=$(cat "$work"/slow-* 2>/dev/null | grep -c " 408" || true)
refused=$(cat "$work"/slow-* 2>/dev/null | grep -c " 503" || true)
closed=$(cat "$work"/slow-* 2>/dev/null | grep -c "^closed" || true)
other=$(cat "$work"/slow-* 2>/dev/null | grep -v "^closed" | grep -vc " 408\| 503" || true)
answered=$(ls "$work"/slow-* 2>/dev/null | wc -l)
echo "slow clients: $connections, answered 408 (too slow): $cut, 503 (over the cap): $refused," \
  "closed by the server before its answer was read: $closed, other: $other," \
  "still open after ${duration}s: $((connections - answered))"
echo "/healthz: $asked asked, $late late (over 1 s) or failed, slowest answer ${worst} ms"
[ "$late" -eq 0 ]
