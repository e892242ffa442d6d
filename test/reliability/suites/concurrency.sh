#!/usr/bin/env bash
# Concurrency: a bounded pgbench run (2 clients, CONCURRENCY_TRANSACTIONS
# transactions each: inserts, updates and deletes of articles, and now and
# then a load of 40 articles, whose keys the people registry writes in bulk,
# the two clients' loads naming the same people) on a tracked
# table while REFRESH MATERIALIZED VIEW CONCURRENTLY of its vote view runs in a
# loop; then a consistency check: every article's derived quotes, speakers
# and vote events exist exactly once and equal a fresh analysis, no derived
# row outlives its article, nothing was recorded as a failure, the people
# registry counts exactly the speakers table, and the vote view, refreshed
# once more, equals a fresh analysis too.
#   scripts/with-cluster bash test/reliability/suites/concurrency.sh
set -uo pipefail
cd "$(dirname "$0")/../../.."

TRANSACTIONS=${CONCURRENCY_TRANSACTIONS:-5000}
CLIENTS=2
SEED_ARTICLES=1000
db=na_reliability_concurrency
passed=0 failed=0
work=$(mktemp -d /tmp/na-concurrency.XXXXXX)

cleanup() {
  [[ -n ${refresher:-} ]] && kill "$refresher" 2>/dev/null
  dropdb --if-exists "$db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

check() {
  local name=$1 got=$2 want=$3
  if [[ "$got" == "$want" ]]; then
    passed=$((passed + 1)); echo "ok     $name"
  else
    failed=$((failed + 1)); echo "FAILED $name: got '$got', want '$want'"
  fi
}

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || { echo "concurrency: cannot create database $db"; echo "concurrency: 0 passed, 1 failed"; exit 1; }

# article_text(n): a news text with quotes, speakers and a vote, different for each n
psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<SQL || { echo "concurrency: setup failed"; echo "concurrency: 0 passed, 1 failed"; exit 1; }
CREATE EXTENSION news_analysis;
CREATE FUNCTION article_text(n integer) RETURNS text
LANGUAGE sql IMMUTABLE AS \$\$
  SELECT format(
    E'The Security Council voted %s-%s-%s on %s to extend the mission in %s; %s abstained.\n\n'
    '“We cannot accept a text that ignores the facts,” said Ambassador %s of %s. '
    '“It is a %s day,” she added. Mr. %s told reporters the vote was “a mistake”.',
    10 + n % 5, n % 3, 15 - (10 + n % 5) - n % 3,
    (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[1 + n % 5],
    (ARRAY['Kestrava', 'Tavarua', 'Valdoria'])[1 + n % 3],
    (ARRAY['China', 'Russia', 'India', 'Brazil'])[1 + n % 4],
    'Lena ' || initcap(substr(md5(n::text), 1, 6)), (ARRAY['Serbia', 'Chile', 'Norway'])[1 + n % 3],
    (ARRAY['sad', 'good', 'dark'])[1 + n % 3], initcap(substr(md5(n::text), 7, 7)))
\$\$;
CREATE TABLE articles (id serial PRIMARY KEY, body text);
INSERT INTO articles (body) SELECT article_text(g) FROM generate_series(1, $SEED_ARTICLES) g;
SET client_min_messages = warning;
SELECT news_analysis.track('articles', 'body', 'id');
SELECT news_analysis.create_vote_view('article_votes', 'articles', 'id', 'body');
SQL

# 40% inserts (one in twenty a load of 40 articles), 40% updates (a new
# text, or NULL now and then), 20% deletes
cat >"$work/ops.sql" <<'SQL'
\set r random(1, 100)
\set id random(1, :maxid)
\set n random(1, 1000000)
\set load random(1, 200)
\if :r <= 2
INSERT INTO articles (body) SELECT article_text(:load * 10 + g) FROM generate_series(1, 40) g;
\elif :r <= 40
INSERT INTO articles (body) VALUES (article_text(:n));
\elif :r <= 78
UPDATE articles SET body = article_text(:n) WHERE id = :id;
\elif :r <= 80
UPDATE articles SET body = NULL WHERE id = :id;
\else
DELETE FROM articles WHERE id = :id;
\endif
SQL

# refresh the vote view concurrently, again and again, until pgbench is done
touch "$work/running"
(
  n=0
  while [[ -e "$work/running" ]]; do
    if psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" \
         -c "SELECT news_analysis.refresh_vote_view('article_votes', true)" >/dev/null 2>>"$work/refresh.err"; then
      n=$((n + 1))
    else
      echo "refresh failed" >>"$work/refresh.err"
    fi
  done
  echo "$n" >"$work/refreshes"
) &
refresher=$!

start=$SECONDS
# ids up to what the inserts reach, so that updates and deletes hit new articles too
maxid=$((SEED_ARTICLES + CLIENTS * TRANSACTIONS * (38 + 2 * 40) / 100))
pgbench -n -c $CLIENTS -j $CLIENTS -t "$TRANSACTIONS" -D maxid=$maxid -f "$work/ops.sql" "$db" >"$work/pgbench.out" 2>&1
bench_status=$?
rm -f "$work/running"
wait "$refresher"
refresher=
secs=$((SECONDS - start))

grep -E 'number of transactions actually processed|number of failed|tps' "$work/pgbench.out" | sed 's/^/       pgbench: /'
check "pgbench finished ($CLIENTS clients x $TRANSACTIONS transactions, ${secs} s)" "$bench_status" 0
processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench.out")
check "every transaction processed" "${processed:-0}" $((CLIENTS * TRANSACTIONS))
refreshes=$(cat "$work/refreshes" 2>/dev/null || echo 0)
echo "       $refreshes concurrent refreshes of the vote view during the run"
check "concurrent refreshes ran and none failed" \
  "$([[ $refreshes -gt 0 && ! -s $work/refresh.err ]] && echo yes || { head -3 "$work/refresh.err"; echo no; })" yes

q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$1" 2>&1; }

echo "       $(q "SELECT count(*) || ' articles, ' || count(body) || ' with text' FROM articles")"
# stored and fresh rows, each side's extras: 0 means equal as multisets
for t in quotes speakers vote_events; do
  check "$t: stored rows equal a fresh analysis of every article" "$(q "
    SELECT count(*) FROM (
      (SELECT a.id, x.* FROM articles a, news_analysis.$t(a.body) x
       EXCEPT ALL SELECT * FROM articles_$t)
      UNION ALL
      (SELECT * FROM articles_$t
       EXCEPT ALL SELECT a.id, x.* FROM articles a, news_analysis.$t(a.body) x)) d")" 0
  check "$t: no rows of deleted articles" \
    "$(q "SELECT count(*) FROM articles_$t d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_key)")" 0
done
check "quotes and vote events: each (article, ordinal) once" "$(q "
  SELECT (SELECT count(*) - count(DISTINCT (article_key, ordinal)) FROM articles_quotes) +
         (SELECT count(*) - count(DISTINCT (article_key, ordinal)) FROM articles_vote_events)")" 0
check "articles with text have derived rows" "$(q "
  SELECT count(*) FROM articles a WHERE a.body IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM articles_quotes q WHERE q.article_key = a.id)")" 0
check "no failures recorded" "$(q "SELECT count(*) FROM news_analysis.failures")" 0
# the people registry (#16), kept by statement triggers of concurrent
# writers, counts exactly what the speakers table holds
check "people registry: each key's articles, quotes and gender counts equal the speakers table's" "$(q "
  SELECT count(*) FROM (
    (SELECT key, articles, quotes, male, female FROM articles_names
     EXCEPT ALL
     SELECT k, count(*), sum(quotes), count(*) FILTER (WHERE gender = 'male'),
            count(*) FILTER (WHERE gender = 'female')
       FROM articles_speakers, news_analysis.person_key(name, gender) k WHERE k IS NOT NULL GROUP BY k)
    UNION ALL
    (SELECT k, count(*), sum(quotes), count(*) FILTER (WHERE gender = 'male'),
            count(*) FILTER (WHERE gender = 'female')
       FROM articles_speakers, news_analysis.person_key(name, gender) k WHERE k IS NOT NULL GROUP BY k
     EXCEPT ALL
     SELECT key, articles, quotes, male, female FROM articles_names)) d")" 0
# a load's bulk write meets a key another transaction holds locked (FOR
# UPDATE, as people_removed() locks keys, then an UPDATE of the registry):
# the load gives up its lock on the registry and waits for the row as
# ON CONFLICT does, so both finish, no deadlock
# load_text(g): an article naming two people of their own (letters only)
q "CREATE FUNCTION load_text(g integer) RETURNS text LANGUAGE sql IMMUTABLE AS \$\$
     SELECT format('“The harbour levy stays,” said Lena %s. “It will rise,” said Mr. Oskar %s.',
                   initcap(translate(substr(md5(g::text), 1, 7), '0123456789', 'aeiouyrstl')),
                   initcap(translate(substr(md5(g::text), 8, 7), '0123456789', 'aeiouyrstl')))
   \$\$" >/dev/null
q "INSERT INTO articles (body) VALUES (load_text(1))" >/dev/null
key=$(q "SELECT news_analysis.person_key(s.name, s.gender) FROM articles_speakers s JOIN articles a ON a.id = s.article_key
          WHERE a.body = load_text(1) AND s.name LIKE 'Lena %'")
psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" >"$work/locker.out" 2>&1 <<SQL &
BEGIN;
SELECT key FROM articles_names WHERE key = '$key' FOR UPDATE;
SELECT pg_sleep(2);
UPDATE articles_names SET quotes = quotes WHERE key = '$key';
COMMIT;
SQL
locker=$!
sleep 0.5
load_start=$(date +%s%N)
load=$(q "WITH l AS (INSERT INTO articles (body) SELECT load_text(g) FROM generate_series(1, 40) g RETURNING 1)
          SELECT count(*) FROM l")
load_ms=$((($(date +%s%N) - load_start) / 1000000))
wait "$locker"; locker_status=$?
check "a load waits for a locked registry key and finishes, and so does the locker (no deadlock)" \
  "$load/$locker_status/$(grep -c ERROR "$work/locker.out")/$((load_ms > 1000))/$([[ -n $key ]] && echo key)" "40/0/0/1/key"
check "people registry: still equal to the speakers table" "$(q "
  SELECT count(*) FROM (
    (SELECT key, articles, quotes, male, female FROM articles_names
     EXCEPT ALL
     SELECT news_analysis.person_key(name, gender), count(*), sum(quotes),
            count(*) FILTER (WHERE gender = 'male'), count(*) FILTER (WHERE gender = 'female')
       FROM articles_speakers WHERE news_analysis.person_key(name, gender) IS NOT NULL GROUP BY 1)
    UNION ALL
    (SELECT news_analysis.person_key(name, gender), count(*), sum(quotes),
            count(*) FILTER (WHERE gender = 'male'), count(*) FILTER (WHERE gender = 'female')
       FROM articles_speakers WHERE news_analysis.person_key(name, gender) IS NOT NULL GROUP BY 1
     EXCEPT ALL
     SELECT key, articles, quotes, male, female FROM articles_names)) d")" 0
q "SELECT news_analysis.refresh_vote_view('article_votes', true)" >/dev/null
check "vote view after a last refresh equals a fresh analysis" "$(q "
  SELECT count(*) FROM (
    (SELECT a.id, v.* FROM articles a, news_analysis.vote_events(a.body) v
     EXCEPT ALL SELECT * FROM article_votes)
    UNION ALL
    (SELECT * FROM article_votes
     EXCEPT ALL SELECT a.id, v.* FROM articles a, news_analysis.vote_events(a.body) v)) d")" 0

echo "concurrency: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
