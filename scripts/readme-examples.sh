#!/usr/bin/env bash
# Runs every README.md code block marked ```sh runnable, as pasted, from the project's root, each in its own
# bash with -e and pipefail: a block passes when it exits 0. Files the blocks write in the root (advice.jsonl,
# report.html, snapshots.jsonl) are removed afterwards. Exit 1 names each failing block by its first line.
set -uo pipefail
cd "$(dirname "$0")/.."
readme="${1:-README.md}"
before="$(mktemp)"; ls -A > "$before"
blocks=0; failed=0; block=""; start=0; inside=0; n=0
run_block() {
  blocks=$((blocks + 1))
  local log; log="$(mktemp)"
  local rc=0
  bash -eo pipefail -c "$block" >"$log" 2>&1 || rc=$?
  if [ $rc = 0 ]; then
    echo "ok    $readme:$start"
  else
    failed=$((failed + 1))
    echo "FAIL  $readme:$start (exit $rc): $(printf '%s\n' "$block" | head -n 1)"
    tail -n 20 "$log" | sed 's/^/      /'
  fi
  rm -f "$log"
}
while IFS= read -r line || [ -n "$line" ]; do
  n=$((n + 1))
  if [ $inside = 0 ] && [[ "$line" =~ ^\`\`\`sh\ runnable[[:space:]]*$ ]]; then
    inside=1; block=""; start=$n
  elif [ $inside = 1 ] && [[ "$line" =~ ^\`\`\`[[:space:]]*$ ]]; then
    inside=0; run_block
  elif [ $inside = 1 ]; then
    block+="$line"$'\n'
  fi
done < "$readme"
# what the blocks wrote in the root, and only that, goes
comm -13 <(sort "$before") <(ls -A | sort) | while IFS= read -r made; do rm -rf -- "$made"; done
rm -f "$before"
echo "$blocks runnable blocks, $failed failed"
[ "$blocks" -gt 0 ] && [ "$failed" = 0 ]
