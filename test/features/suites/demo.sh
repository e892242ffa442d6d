#!/usr/bin/env bash
# The README's main command at work: scripts/demo --no-install (the extension
# is installed by the test runner) loads the sample articles, tracks them and
# prints the report; every section must be there with the facts the sample
# articles state, the report must fit 80 columns and no error may show.
set -uo pipefail
cd "$(dirname "$0")/../../.."
out=$(mktemp /tmp/na_demo.XXXXXX)
trap 'rm -f "$out"' EXIT
export NA_DEMO_DB=na_demo_suite
status=0
scripts/demo --no-install >"$out" 2>&1 || status=$?
dropdb --if-exists "$NA_DEMO_DB" || true

passed=0 failed=0
check() { # check DESCRIPTION COMMAND...
  if "${@:2}"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "demo: FAILED: $1"; fi
}
has() { grep -qF -- "$1" "$out"; }

check "scripts/demo exits 0 (exit $status)" test "$status" -eq 0
check "no ERROR in the output" bash -c "! grep -q 'ERROR' '$out'"
check "15 articles loaded" has "load-samples: 15 articles in table articles"
check "every article analysed" has "15 articles analysed, 9 views made"
for section in "1. Quotes per outlet" "2. Most-quoted speakers" "3. Quotes by outlet and month" \
  "4. Most-quoted speakers by month" "5. Most-quoted speaker of each outlet" "6. Quotes per article" \
  "7. Speakers: roles and affiliations" "8. Who is quoted on" "9. Vote events" "10. Vetoes by country" \
  "11. A quote from each article" "12. Articles stored without analysis"; do
  check "section '$section'" has "$section"
done
check "summary line" has "15 articles from 7 outlets, published 2026-01-14 to 2026-04-22"
check "an outlet row" grep -qE '^ The Meridian Post +\| +4 \|' "$out"
check "the month crosstab has its four months" grep -qE '2026-01 \| 2026-02 \| 2026-03 \| 2026-04' "$out"
check "a recurring speaker is ranked" has "Eleanor Whitcombe"
check "Russia's veto" grep -qE '^ Russia +\|' "$out"
check "the United States' veto" grep -qE '^ United States +\|' "$out"
wide=$(python3 -c 'import sys; print(sum(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8", errors="replace")))' "$out")
check "lines fit 80 columns ($wide wider)" test "$wide" -eq 0

if [[ $failed -gt 0 ]]; then
  echo "---- demo output"
  cat "$out"
fi
echo "demo: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
