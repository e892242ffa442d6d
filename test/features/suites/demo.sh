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
for section in "1. Outlets" "2. By month" "3. Most-quoted speakers" \
  "4. Most-quoted speaker of each outlet" "5. Articles by number of quotes" "6. Most-quoted articles" \
  "7. Roles and affiliations of speakers" "8. Quoted in articles that mention \"vote\"" \
  "9. Vote events: actions and outcomes" "10. Latest vote events" "11. Vetoes by actor" \
  "12. The most-quoted speakers in their own words" "13. Articles stored without analysis"; do
  check "section '$section'" has "$section"
done
check "summary lines" has "15 articles (15 with quotes) from 7 outlets"
check "the dates" has "published 2026-01-14 to 2026-04-22"
check "honest quote counts" grep -qE '^[0-9]+ quotes: [0-9]+ with a speaker \([0-9]+%\), [0-9]+ attributed without one,$' "$out"
check "an outlet row" grep -qE '^ The Meridian Post +\| +4 \|' "$out"
check "the months, each a row" bash -c "grep -cE '^ 2026-0[1-4] +\|' '$out' | grep -qx 4"
check "a recurring speaker is ranked" has "Eleanor Whitcombe"
check "Russia's veto" grep -qE '^ Russia +\|' "$out"
check "the United States' veto" grep -qE '^ United States +\|' "$out"
check "scripts/demo --help prints its usage and exits 0" bash -c "scripts/demo --help | grep -q '^usage: scripts/demo'"
check "scripts/demo with an unknown argument exits 2 with the usage" bash -c \
  "scripts/demo --bogus 2>&1 >/dev/null | grep -q '^usage:'; test \${PIPESTATUS[0]} -eq 2"
wide=$(python3 -c 'import sys; print(sum(len(l.rstrip("\n")) > 80 for l in open(sys.argv[1], encoding="utf-8", errors="replace")))' "$out")
check "lines fit 80 columns ($wide wider)" test "$wide" -eq 0

if [[ $failed -gt 0 ]]; then
  echo "---- demo output"
  cat "$out"
fi
echo "demo: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
