#!/usr/bin/env bash
# scripts/report.sql over real news: the three corpora of ../shared (BBC,
# Wikinews, PolNeAR train and dev) tracked together in one table, outlets and
# dates as the data has them (BBC: no date; PolNeAR: the date in its id).
# The report must stay short and narrow (at most 300 lines, every line at most
# 80 columns), show every section, and count quotes honestly (with a speaker +
# attributed without one + unattributed = all).  Also with a selection (one
# outlet, one year) and on a table without outlet and date columns.
# Skips where ../shared is absent.  Prints "report_corpora: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
shared=${NA_SHARED:-../shared}
files=("$shared/data/corpora/bbc.jsonl" "$shared/data/corpora/wikinews.jsonl"
       "$shared/data/polnear/train.jsonl" "$shared/data/polnear/dev.jsonl")
for f in "${files[@]}"; do
  if [[ ! -r $f ]]; then
    echo "report_corpora: skipped: $f is absent (the corpora of ../shared)"
    exit 0
  fi
done
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
passed=0 failed=0
check() { # check TEST-EXPRESSION MESSAGE: counts one test, never exits (set -e)
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}
work=$(mktemp -d /tmp/news_analysis-report.XXXXXX)
trap 'rm -rf "$work"' EXIT
db=na_report_corpora
dropdb --if-exists "$db" 2>/dev/null; createdb "$db"
export PGDATABASE=$db

{
  echo "SET client_min_messages = warning;"
  echo "CREATE EXTENSION news_analysis;"
  echo "CREATE TEMP TABLE lines (corpus text, line text);"
  for f in "${files[@]}"; do
    # one JSON document a line, read as CSV with bytes JSON never holds
    echo "\\copy lines (line) FROM '$(realpath "$f")' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
    echo "UPDATE lines SET corpus = '$(basename "$(dirname "$f")")/$(basename "$f" .jsonl)' WHERE corpus IS NULL;"
  done
  cat <<'SQL'
CREATE TABLE corpus (id text PRIMARY KEY, published date, outlet text, body text NOT NULL);
INSERT INTO corpus
SELECT j->>'id',
       coalesce((j->>'date')::date,
                (substring(j->>'id' FROM '_(\d{4}-\d{2}-\d{2})_'))::date),
       coalesce(j->>'publisher',
                CASE corpus WHEN 'corpora/bbc' THEN 'BBC News'
                            WHEN 'corpora/wikinews' THEN 'Wikinews' END),
       j->>'text'
  FROM (SELECT corpus, line::jsonb AS j FROM lines WHERE btrim(line) <> '') l;
SELECT news_analysis.track('corpus', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('corpus');
-- the same articles without outlet and date columns
CREATE TABLE bare AS SELECT id, body FROM corpus;
ALTER TABLE bare ADD PRIMARY KEY (id);
SELECT news_analysis.track('bare', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('bare', NULL, NULL);
SQL
} | psql_ >/dev/null
psql_ -c "SELECT format('report_corpora: %s articles, %s MB, %s outlets, %s undated',
            count(*), round(sum(octet_length(body)) / 1e6, 1), count(DISTINCT outlet),
            count(*) FILTER (WHERE published IS NULL)) FROM corpus"

measure() { # measure FILE: "LINES WIDEST"
  python3 - "$1" <<'PY'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
if lines and lines[-1] == '':
    lines.pop()
print(len(lines), max((width(l) for l in lines), default=0))
PY
}
sections=("1. Outlets" "2. By " "3. Most-quoted speakers" "4. Most-quoted speaker of each outlet"
          "5. Articles by number of quotes" "6. Most-quoted articles" "7. Roles and affiliations"
          "8. Quoted in articles that mention" "9. Vote events" "10. Latest vote events"
          "11. Vetoes by actor" "12. The most-quoted speakers in their own words"
          "13. Articles stored without analysis")
report() { # report NAME PSQL-ARGS...: runs the report, checks it
  local name=$1; shift
  local out=$work/report.out status=0 lines widest missing=()
  psql -X "$@" -f scripts/report.sql >"$out" 2>&1 || status=$?
  read -r lines widest < <(measure "$out")
  echo "report_corpora: $name: $lines lines, widest $widest columns"
  check '[[ $status -eq 0 ]] && ! grep -q ERROR "$out"' "$name: the report runs without error"
  check '[[ $lines -le 300 ]]' "$name: at most 300 lines (got $lines)"
  check '[[ $widest -le 80 ]]' "$name: every line at most 80 columns (widest $widest)"
  for s in "${sections[@]}"; do
    grep -qF -- "$s" "$out" || missing+=("$s")
  done
  check '[[ ${#missing[@]} -eq 0 ]]' "$name: sections missing: ${missing[*]:-}"
  # section 2 has a header and rows even without dates
  check '[[ $(sed -n "/2\. By /,/^$/p" "$out" | grep -c "|") -ge 2 ]]' "$name: section 2 has rows"
  cp "$out" "$work/$name.out"
}

report all -v table=corpus
grep -E '^(news_analysis report|selection|[0-9]+ articles|published|[0-9]+ quotes|  [0-9]+ unattributed|[0-9]+ vote)' \
  "$work/all.out" | sed 's/^/report_corpora:   /'
# honest counts: with a speaker + attributed without one + unattributed = all
read -r total with without unattributed < <(
  sed -nE 's/^([0-9]+) quotes: ([0-9]+) with a speaker .*, ([0-9]+) attributed without one,$/\1 \2 \3/p' "$work/all.out" | tr '\n' ' '
  sed -nE 's/^  ([0-9]+) unattributed .*/\1/p' "$work/all.out")
expected=$(psql_ -c "SELECT count(*) || ' ' || count(*) FILTER (WHERE speaker IS NOT NULL) || ' ' ||
                      count(*) FILTER (WHERE speaker IS NULL AND kind <> 'unattributed') || ' ' ||
                      count(*) FILTER (WHERE kind = 'unattributed') FROM corpus_quotes")
check '[[ "$total $with $without $unattributed" == "$expected" && $((with + without + unattributed)) -eq $total ]]' \
  "headline counts equal the quotes table ($total $with $without $unattributed vs $expected)"
check 'grep -qE "^ BBC News +\|" "$work/all.out" && grep -qE "^ Wikinews +\|" "$work/all.out"' \
  "section 1 lists the outlets"
check 'grep -qE "^ \(no date\) +\|" "$work/all.out"' "section 2 counts the undated BBC articles"

report selection -v table=corpus -v outlet=Wikinews -v from=2020-01-01 -v to=2020-12-31 -v top=5
check 'grep -q "^selection: from 2020-01-01, to 2020-12-31, outlet Wikinews, top 5" "$work/selection.out"' \
  "the selection is stated"
check '[[ $(sed -nE "s/^([0-9]+) articles.*/\1/p" "$work/selection.out") == $(psql_ -c "SELECT count(*) FROM corpus
        WHERE outlet = '\''Wikinews'\'' AND published BETWEEN '\''2020-01-01'\'' AND '\''2020-12-31'\''") ]]' \
  "the selection counts the articles of that outlet and year"
check 'grep -qE "^ 2020-[0-9]{2} +\|" "$work/selection.out"' "a one-year selection is summarised by month"

report bare -v table=bare
check 'grep -qE "^ \(none\) +\|" "$work/bare.out" && grep -q "published: no dates" "$work/bare.out"' \
  "without outlet and date columns, sections say (none) and no dates"

echo "---- the report over the three corpora (psql -v table=corpus -f scripts/report.sql)"
cat "$work/all.out"
echo "----"
dropdb "$db"
echo "report_corpora: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
