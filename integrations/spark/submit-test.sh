#!/usr/bin/env bash
# The fleet job as a cluster runs it: its jar for spark-submit (target/community-advisor-spark-*-job.jar, built by
# this module's `mvn package`) submitted through Spark's own entry point, org.apache.spark.deploy.SparkSubmit,
# with --master local[2], on the small fixture in src/test/resources/submit/. SparkSubmit's class path is Spark's
# own, resolved by Maven from submit/pom.xml (spark-sql and what it brings: Jackson 2.15, as a Spark 3.5
# distribution has it); no Spark install is needed. Then checks what it printed and wrote: two groups advised
# on each of two days, the group without facts refused naming the job's --groups option, and the advice of
# 2026-11-20 equal, line for line, to `./advisor import events ... | ./advisor advise --format jsonl --lean -`.
# About a minute here. Usage: integrations/spark/submit-test.sh [--no-install]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
[ "${1:-}" = "--no-install" ] || (cd "$root" && mvn -B -q install -DskipTests)
cd "$here"
mvn -B -q package -DskipTests
jar="$(ls target/community-advisor-spark-*-job.jar)"
mvn -B -q -f submit/pom.xml dependency:build-classpath -Dmdep.outputFile="$here/target/spark-classpath.txt"

fixture="$here/src/test/resources/submit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# What Spark's own spark-submit script adds on Java 17 (its launcher's JavaModuleOptions).
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)

export SPARK_LOCAL_IP=127.0.0.1 # Spark binds to loopback, not the machine's interface
start=$SECONDS
set +e
java -Xmx1g "${opens[@]}" -Dlog4j2.configurationFile="$here/src/test/resources/log4j2.properties" \
  -cp "$(cat target/spark-classpath.txt)" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' \
  --class org.communityadvisor.spark.FleetJob \
  --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.sql.shuffle.partitions=4 \
  "$jar" \
  --events "$fixture/events.jsonl" --groups "$fixture/groups.jsonl" \
  --as-of 2026-11-19..2026-11-20 --zone Asia/Shanghai \
  --out "$work/advice" --lean \
  >"$work/stdout" 2>"$work/stderr"
rc=$?
set -e
fail() {
  echo "submit-test: $*" >&2
  echo "--- SparkSubmit's stderr:" >&2
  tail -40 "$work/stderr" >&2
  echo "submit-test: 0 passed, 1 failed"
  exit 1
}
[ $rc = 0 ] || fail "SparkSubmit exited $rc"
echo "submit-test: SparkSubmit ran the job in $((SECONDS - start)) s"
grep -q '^FleetJob: 4 advised, 2 refused, in ' "$work/stderr" || fail "expected 'FleetJob: 4 advised, 2 refused'"
grep '^FleetJob: refused g3 on ' "$work/stderr" | sort -u >"$work/refused"
[ "$(wc -l <"$work/refused")" = 2 ] || fail "expected g3 refused on both days"
grep -q -- '--groups' "$work/refused" || fail "g3's refusal does not name --groups: $(head -1 "$work/refused")"
if grep -E -- '--(platform|members|created-on|id|merge)\b' "$work/refused"; then
  fail "g3's refusal names an option of ./advisor import that the job does not have"
fi

# The job's advice of 2026-11-20 against the command line's, on the same files.
cat "$work"/advice/asOf=2026-11-20/part-* | sort >"$work/job.jsonl"
[ "$(wc -l <"$work/job.jsonl")" = 2 ] || fail "expected 2 advice lines for 2026-11-20, got $(wc -l <"$work/job.jsonl")"
cat "$work"/advice/asOf=2026-11-19/part-* >"$work/job-19.jsonl"
[ "$(wc -l <"$work/job-19.jsonl")" = 2 ] || fail "expected 2 advice lines for 2026-11-19"
cd "$root"
./advisor import events "$fixture/events.jsonl" --groups "$fixture/groups.jsonl" --as-of 2026-11-20 \
  --zone Asia/Shanghai 2>/dev/null >"$work/snapshots.jsonl" || true # g3 is refused here too (exit 2)
[ "$(wc -l <"$work/snapshots.jsonl")" = 2 ] || fail "./advisor import events gave $(wc -l <"$work/snapshots.jsonl") snapshots"
./advisor advise --format jsonl --lean - <"$work/snapshots.jsonl" 2>/dev/null | sort >"$work/cli.jsonl"
diff "$work/cli.jsonl" "$work/job.jsonl" >&2 || fail "the job's advice differs from ./advisor's"
echo "submit-test: g1 and g2 advised as ./advisor advises them; g3 refused naming --groups"
echo "submit-test: 1 passed, 0 failed"
