#!/usr/bin/env bash
# scripts/report.sql over 100,000 articles: short articles written from
# templates (ten years of dates, 200 outlets, a few hundred speakers, votes
# and vetoes), tracked and analysed on insert.  The report must stay a few
# screens (at most 300 lines, every line at most 80 columns): the outlets
# beyond the top N are one "(N others)" row, ten years are summarised by
# year.  Prints the time the report took.
# Prints "report_scale: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
articles=${NA_REPORT_SCALE_ARTICLES:-100000}
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
passed=0 failed=0
check() { # check TEST-EXPRESSION MESSAGE: counts one test, never exits (set -e)
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}
out=$(mktemp /tmp/news_analysis-report-scale.XXXXXX)
trap 'rm -f "$out"' EXIT
db=na_report_scale
dropdb --if-exists "$db" 2>/dev/null; createdb "$db"
export PGDATABASE=$db

t0=$(date +%s)
psql_ -v n="$articles" >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION news_analysis;
CREATE TABLE articles (id integer PRIMARY KEY, published date, outlet text, body text);
SELECT news_analysis.track('articles', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('articles');
INSERT INTO articles
SELECT i, date '2016-01-01' + (i * 7919) % 3650, 'Outlet ' || (i % 200),
       format('“We will %s the %s,” said %s %s, the %s of %s. %s',
              (ARRAY['fight', 'back', 'review', 'fund', 'oppose'])[1 + i % 5],
              (ARRAY['plan', 'budget', 'bridge', 'treaty', 'levy', 'school'])[1 + i % 6],
              (ARRAY['Ana', 'Bo', 'Cyril', 'Dara', 'Esme', 'Femi', 'Gus', 'Hana', 'Ivo', 'Jun',
                     'Kofi', 'Lena', 'Mo'])[1 + i % 13],
              (ARRAY['Ruiz', 'Lin', 'Okafor', 'Marsh', 'Quist', 'Reddy', 'Holt', 'Nakamura',
                     'Silva', 'Brandt', 'Osei', 'Varga', 'Kerr', 'Dunn', 'Abara', 'Moss',
                     'Tanaka', 'Weiss', 'Yilmaz'])[1 + i % 19],
              (ARRAY['mayor', 'minister', 'senator', 'chair', 'spokeswoman'])[1 + i % 5],
              (ARRAY['Northgate', 'the Harbour Board', 'Unite', 'the Senate'])[1 + i % 4],
              CASE i % 4
                WHEN 0 THEN format('The council voted %s-%s to approve it.', 5 + i % 4, i % 3)
                WHEN 1 THEN 'Russia vetoed the resolution and China abstained.'
                WHEN 2 THEN 'The “reform” was a talking point, critics said.'
                ELSE 'The weather stayed dry.' END)
  FROM generate_series(1, :n) AS i;
SQL
echo "report_scale: $articles articles written and analysed in $(( $(date +%s) - t0 )) s"
psql_ -c "SELECT format('report_scale: %s quotes, %s speakers, %s vote events',
            (SELECT count(*) FROM articles_quotes), (SELECT count(*) FROM articles_speakers),
            (SELECT count(*) FROM articles_vote_events))"

t0=$(date +%s%N)
status=0
psql -X -f scripts/report.sql >"$out" 2>&1 || status=$?
ms=$((($(date +%s%N) - t0) / 1000000))
read -r lines widest < <(python3 -c '
import sys, unicodedata
ls = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
w = lambda s: sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
print(len(ls), max(map(w, ls)))' "$out")
echo "report_scale: the report: $lines lines, widest $widest columns, $ms ms"
check '[[ $status -eq 0 ]] && ! grep -q ERROR "$out"' "the report runs without error"
check '[[ $lines -le 300 ]]' "at most 300 lines over $articles articles (got $lines)"
check '[[ $widest -le 80 ]]' "every line at most 80 columns (widest $widest)"
check 'grep -qE "^ \(190 others\) +\| +" "$out"' "the outlets beyond the top 10 are one row"
check 'grep -q "2. By year" "$out" && [[ $(grep -cE "^ 20(1[6-9]|2[0-5]) +\|" "$out") -ge 10 ]]' \
  "ten years of articles are summarised by year"
check "grep -qE '^$articles articles \\($articles with quotes\\) from 200 outlets' \"\$out\"" "the headline counts every article"
if [[ $failed -gt 0 ]]; then cat "$out"; fi
dropdb "$db"
echo "report_scale: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
