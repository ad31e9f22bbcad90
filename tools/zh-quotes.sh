#!/bin/sh
# Writes each rule's simplified Chinese quote (the 'quote' key in rules/<id>/zh.properties) from its @quote:
# glosses stripped, converted with ICU4J (a test-only dependency). Idempotent: a second run changes nothing.
# Run from the project folder after any @quote changes: tools/zh-quotes.sh
set -e
cd "$(dirname "$0")/.."
mvn -q -B ${MVN_OFFLINE:--o} test -Dtest=ZhQuotesTest -Dquotes.write=true -Dsurefire.failIfNoSpecifiedTests=false
git status --short rules
