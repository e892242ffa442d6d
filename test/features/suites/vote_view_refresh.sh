#!/usr/bin/env bash
# A vote view (news_analysis.create_vote_view) over sample articles we write,
# refreshed CONCURRENTLY while a second session inserts articles and a third
# keeps reading the view: the refreshes succeed, the reader is never blocked
# for long, and the final view equals vote_events() computed directly.
# Prints "vote_view_refresh: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
passed=0 failed=0
check() { # check TEST-EXPRESSION MESSAGE: counts one test, never exits (set -e)
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}

psql_ >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_analysis;
DROP TABLE IF EXISTS refresh_articles CASCADE;
CREATE TABLE refresh_articles (id bigint PRIMARY KEY, body text NOT NULL);
-- sample articles from templates: tallies, vetoes, abstentions, distractors
CREATE FUNCTION pg_temp.sample(i bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE i % 5
    WHEN 0 THEN format('The Senate voted %s to %s on Tuesday to confirm nominee number %s.', 50 + i % 7, 50 - i % 7, i)
    WHEN 1 THEN format('The Kremlin vetoed a resolution drafted by France and backed by %s other members. China abstained.', i % 12)
    WHEN 2 THEN format('The House passed the bill %s-%s late on Friday, article %s reported.', 200 + i % 30, 230 - i % 30, i)
    WHEN 3 THEN format('Arsenal won %s-1 against Everton in match %s.', i % 4 + 2, i)
    ELSE format('The Security Council adopted the text 13-0 with two abstentions. Russia did not veto it (%s).', i)
  END $$;
INSERT INTO refresh_articles SELECT i, pg_temp.sample(i) FROM generate_series(1, 2000) AS i;
SELECT news_analysis.create_vote_view('refresh_votes', 'refresh_articles', 'id', 'body');
SQL

# writer: 200 inserts in small transactions, while refreshes run
(
  for batch in $(seq 0 19); do
    first=$((10001 + batch * 10))
    psql_ -c "INSERT INTO refresh_articles SELECT i, body FROM refresh_articles a,
                generate_series($first, $((first + 9))) AS i WHERE a.id = 1 + i % 2000"
    sleep 0.05
  done
) &
writer=$!

# reader: counts the view over and over; records its slowest read
(
  slowest=0
  end=$((SECONDS + 6))
  while [[ $SECONDS -lt $end ]]; do
    t0=$(date +%s%N)
    psql_ -c 'SELECT count(*) FROM refresh_votes' >/dev/null
    t=$((($(date +%s%N) - t0) / 1000000))
    [[ $t -gt $slowest ]] && slowest=$t
    kill -0 "$writer" 2>/dev/null || break
  done
  echo "$slowest" >"${TMPDIR:-/tmp}/vote_view_refresh.$$.reader"
) &
reader=$!

refresh_failures=0
refreshes=0
while kill -0 "$writer" 2>/dev/null; do
  if psql_ -c "SELECT news_analysis.refresh_vote_view('refresh_votes')" >/dev/null; then
    refreshes=$((refreshes + 1))
  else
    refresh_failures=$((refresh_failures + 1))
  fi
done
writer_status=0
wait "$writer" || writer_status=$?
check '[[ $writer_status -eq 0 ]]' "the writer session failed"
wait "$reader" || true
slowest=$(cat "${TMPDIR:-/tmp}/vote_view_refresh.$$.reader" 2>/dev/null || echo 99999)
rm -f "${TMPDIR:-/tmp}/vote_view_refresh.$$.reader"
echo "concurrent refreshes: $refreshes ok, $refresh_failures failed; slowest read of the view: ${slowest} ms"
check '[[ $refresh_failures -eq 0 && $refreshes -ge 1 ]]' "concurrent refreshes failed ($refresh_failures) or none ran"
check '[[ $slowest -lt 5000 ]]' "a read of the view waited ${slowest} ms: the refresh blocked readers"

psql_ -c "SELECT news_analysis.refresh_vote_view('refresh_votes')" >/dev/null
diff=$(psql_ <<'SQL'
SELECT count(*) FROM (
  (SELECT a.id, v.* FROM refresh_articles a CROSS JOIN LATERAL news_analysis.vote_events(a.body) v
   EXCEPT SELECT * FROM refresh_votes)
  UNION ALL
  (SELECT * FROM refresh_votes
   EXCEPT SELECT a.id, v.* FROM refresh_articles a CROSS JOIN LATERAL news_analysis.vote_events(a.body) v)) d;
SQL
)
check '[[ $diff -eq 0 ]]' "the refreshed view differs from vote_events() in $diff rows"
articles=$(psql_ -c "SELECT count(DISTINCT id) FROM refresh_votes WHERE id > 10000")
check '[[ $articles -eq 160 ]]' "the view holds $articles of the 160 inserted articles with votes, want 160"
positions=$(psql_ -c "SELECT count(*) FROM refresh_votes")
echo "view: $positions positions"
psql_ -c "DROP TABLE refresh_articles CASCADE" >/dev/null 2>&1
echo "vote_view_refresh: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
