#!/usr/bin/env bash
# The Spark fleet job's tests: installs the advisor from the repository root into the local Maven repository,
# then runs this module's tests (the equality test against the single-machine importer, the partitioned output).
# The scale test is left out; run it with: mvn -B test -Dgroups=scale -DexcludedGroups=none
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$root" && mvn -B -q install -DskipTests)
cd "$here"
mvn -B test "$@"
