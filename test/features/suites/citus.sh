#!/usr/bin/env bash
# news_analysis on a real Citus 13.2 cluster: a coordinator and two workers on
# loopback (127.0.0.1, ports NA_CLUSTER_PORT+1..+3, private directories, the
# postgres user when root), started here and removed by a trap however the
# suite ends.  Citus is built from ../shared/vendor/citus (its build script
# installs into the PostgreSQL of $PG_CONFIG); the suite skips where that
# directory is absent.
#
# It checks: the extension on every node; push-down (EXPLAIN shows the
# analysis in the worker tasks, pg_stat_user_functions counts the calls on
# the workers and none on the coordinator); a distributed tracked table
# receiving COPY, INSERT, multi-row INSERT, INSERT ... SELECT, UPDATE of the
# text, DELETE and TRUNCATE, after each of which the derived rows equal a
# fresh analysis exactly once each; a vote view over it; reanalyse, backfill,
# retry_failures (failures recorded on the workers) and untrack there; the
# order for a table distributed after track(); CREATE EXTENSION pg_cron on
# the coordinator.  Measures rows per second of a COPY into a tracked
# distributed table and a tracked single-node table (BBC corpus).
# Prints "citus: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
vendor=../shared/vendor/citus
corpus=../shared/data/corpora/bbc.jsonl

if [[ ! -f $vendor/build ]]; then
  echo "citus: skipped: $vendor is absent (shared/ is not beside the project)"
  exit 0
fi
# the same call as in CI: it builds into the PostgreSQL of $PG_CONFIG once
bash "$vendor/build" | tail -n 1

source scripts/lib/cluster.sh
na_cluster_init
base=${NA_CLUSTER_PORT:-54329}
coord_port=$((base + 1))
worker_ports=($((base + 2)) $((base + 3)))
# pg_cron (if installed) on the coordinator only, as a scheduler of refreshes is usually set up
cron=0
[[ -f "$("${PG_CONFIG:-pg_config}" --pkglibdir)/pg_cron.so" ]] && cron=1
conf() { # conf PRELOAD: the settings of a node
  printf "shared_preload_libraries = '%s'\ntrack_functions = all\nmax_connections = 200\n%s" "$1" \
    "$([[ $1 == *pg_cron* ]] && echo "cron.database_name = 'postgres'")"
}

dirs=()
cleanup() {
  for d in "${dirs[@]}"; do na_cluster_remove "$d"; done
  rm -f "${tsv:-}"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
for port in "$coord_port" "${worker_ports[@]}"; do
  preload=citus
  [[ $port == "$coord_port" && $cron -eq 1 ]] && preload=citus,pg_cron
  d=$(na_cluster_create "$port" 127.0.0.1 "$(conf "$preload")")
  dirs+=("$d")
  na_cluster_start "$d"
done
coord_dir=${dirs[0]}

# every psql names its server: this suite runs inside scripts/with-cluster's PG*
unset PGHOST PGPORT PGDATABASE PGSERVICE
export PGUSER=$NA_CLUSTER_OWNER
on() { # on PORT psql-args...: a query on one node (TCP on loopback)
  local port=$1; shift
  psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -d postgres "$@"
}
sql() { on "$coord_port" "$@"; }

passed=0 failed=0
check() { # check NAME GOT WANT: counts one test
  if [[ "$2" == "$3" ]]; then
    passed=$((passed + 1)); echo "ok: $1"
  else
    failed=$((failed + 1)); echo "FAIL: $1: got [$2], want [$3]"
  fi
}

# ---- the cluster: Citus on every node, the workers added to the coordinator
for port in "${worker_ports[@]}"; do on "$port" -c 'CREATE EXTENSION citus'; done
sql >/dev/null <<SQL
CREATE EXTENSION citus;
SELECT citus_set_coordinator_host('127.0.0.1', $coord_port);
SELECT citus_add_node('127.0.0.1', ${worker_ports[0]});
SELECT citus_add_node('127.0.0.1', ${worker_ports[1]});
SQL
check "two active workers" "$(sql -c 'SELECT count(*) FROM citus_get_active_worker_nodes()')" 2

# ---- the extension: created on the coordinator, propagated to the workers
sql -c 'CREATE EXTENSION news_analysis'
version=$(sql -c "SELECT extversion FROM pg_extension WHERE extname = 'news_analysis'")
for port in "${worker_ports[@]}"; do
  check "news_analysis $version on the worker on port $port" \
    "$(on "$port" -c "SELECT extversion FROM pg_extension WHERE extname = 'news_analysis'")" "$version"
done

# ---- the corpus: BBC if present, else generated articles
tsv=$(mktemp /tmp/na_citus.XXXXXX.tsv)
chmod 644 "$tsv"
if [[ -f $corpus ]]; then
  sql <<SQL
CREATE TEMP TABLE lines (line text);
\copy lines FROM '$(realpath "$corpus")' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
\copy (SELECT row_number() OVER (), j->>'id', j->>'title', j->>'text' FROM (SELECT line::jsonb AS j FROM lines) l) TO '$tsv'
SQL
  corpus_name="BBC corpus"
else
  sql -c "\\copy (SELECT i, 'gen-' || i, 'title ' || i, format('\"We will vote %s to %s,\" the minister said on day %s. The Senate voted 52 to 48. Russia vetoed the resolution.', i % 9, i % 7, i) FROM generate_series(1, 2000) i) TO '$tsv'"
  corpus_name="generated articles (the BBC corpus is absent)"
fi
rows=$(wc -l <"$tsv")
echo "corpus: $corpus_name, $rows articles"

# ---- exactly once: the derived rows of a tracked table against a fresh analysis
sql <<'SQL'
CREATE FUNCTION public.derived_mismatch(source regclass) RETURNS text
LANGUAGE plpgsql AS $fn$
DECLARE
  t news_analysis.tracked;
  r text;
BEGIN
  SELECT * INTO t FROM news_analysis.tracked WHERE tracked.source = derived_mismatch.source;
  -- missing/extra rows of each derived table (EXCEPT ALL counts duplicates), and its size
  EXECUTE format($q$
    WITH q AS (SELECT a.%1$I AS article_key, f.* FROM %2$s a, news_analysis.quotes(a.%3$I) f),
         s AS (SELECT a.%1$I AS article_key, f.* FROM %2$s a, news_analysis.speakers(a.%3$I) f),
         v AS (SELECT a.%1$I AS article_key, f.* FROM %2$s a, news_analysis.vote_events(a.%3$I) f),
         dq AS (SELECT * FROM %4$s), ds AS (SELECT * FROM %5$s), dv AS (SELECT * FROM %6$s)
    SELECT format('quotes %%s/%%s/%%s speakers %%s/%%s/%%s vote_events %%s/%%s/%%s',
      (SELECT count(*) FROM (SELECT * FROM q EXCEPT ALL SELECT * FROM dq) x),
      (SELECT count(*) FROM (SELECT * FROM dq EXCEPT ALL SELECT * FROM q) x),
      (SELECT count(*) FROM dq),
      (SELECT count(*) FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM ds) x),
      (SELECT count(*) FROM (SELECT * FROM ds EXCEPT ALL SELECT * FROM s) x),
      (SELECT count(*) FROM ds),
      (SELECT count(*) FROM (SELECT * FROM v EXCEPT ALL SELECT * FROM dv) x),
      (SELECT count(*) FROM (SELECT * FROM dv EXCEPT ALL SELECT * FROM v) x),
      (SELECT count(*) FROM dv))$q$,
    t.key_column, news_analysis.qualified_name(t.source), t.text_column,
    news_analysis.qualified_name(t.quotes_table), news_analysis.qualified_name(t.speakers_table),
    news_analysis.qualified_name(t.vote_events_table)) INTO r;
  RETURN r;
END $fn$;
SQL
# exact NAME TABLE: one test: no derived row missing or doubled (prints the counts)
exact() {
  local got
  got=$(sql -c "SELECT derived_mismatch('$2')")
  echo "   $1: $got   (missing/extra/rows)"
  check "$1: derived rows of $2 equal a fresh analysis, exactly once each" \
    "$(sed -E 's/ ([0-9]+)\/([0-9]+)\/[0-9]+/ \1\/\2/g' <<<"$got")" \
    "quotes 0/0 speakers 0/0 vote_events 0/0"
}

# ---- push-down of the analysis to the workers
sql >/dev/null <<'SQL'
CREATE TABLE articles (n integer PRIMARY KEY, id text, title text, body text);
SELECT create_distributed_table('articles', 'n');
CREATE TABLE local_articles (n integer PRIMARY KEY, id text, title text, body text);
SQL
sql -c "\\copy articles FROM '$tsv'"
explain=$(sql -c 'EXPLAIN (COSTS OFF) SELECT count(*) FROM articles a, news_analysis.quotes(a.body) q')
echo "$explain" | sed 's/^/   /'
check "EXPLAIN: the quotes are analysed in the worker tasks" \
  "$(awk '/Custom Scan \(Citus Adaptive\)/ {c = 1} c && /Node: host=/ {n = 1} n && /Function Scan on quotes/ {print "yes"; exit}' <<<"$explain")" yes
stat_calls() { # stat_calls PORT: calls of news_analysis.quotes counted on a node
  on "$1" -c "SELECT coalesce(sum(calls), 0) FROM pg_stat_user_functions WHERE schemaname = 'news_analysis' AND funcname = 'quotes'"
}
# no cached connections: the workers' sessions end, and their statistics are flushed
quotes_total=$(sql -c 'SET citus.max_cached_conns_per_worker = 0' \
  -c 'SELECT count(*) FROM articles a, news_analysis.quotes(a.body) q')
worker_calls=0
for i in $(seq 1 20); do
  worker_calls=$(( $(stat_calls "${worker_ports[0]}") + $(stat_calls "${worker_ports[1]}") ))
  [[ $worker_calls -ge $rows ]] && break
  sleep 0.5
done
echo "   quotes found: $quotes_total; quotes() calls: workers $worker_calls, coordinator $(stat_calls "$coord_port")"
check "pg_stat_user_functions: the workers called quotes() once per article" "$worker_calls" "$rows"
check "pg_stat_user_functions: the coordinator called quotes() never" "$(stat_calls "$coord_port")" 0
check "the distributed query finds the quotes a single node finds" \
  "$(sql -c "\\copy local_articles FROM '$tsv'" -c 'SELECT count(*) FROM local_articles a, news_analysis.quotes(a.body) q')" \
  "$quotes_total"

# ---- track() on the distributed table: derived tables distributed, colocated
sql -c 'TRUNCATE articles, local_articles'
sql -c "SELECT news_analysis.track('articles', 'body', 'n')" >/dev/null
sql -c "SELECT news_analysis.track('local_articles', 'body', 'n')" >/dev/null
check "the derived tables are distributed by article_key, colocated with the articles" \
  "$(sql -c "SELECT string_agg(logicalrelid::text || ':' || column_to_column_name(logicalrelid, partkey), ' ' ORDER BY logicalrelid::text)
             FROM pg_dist_partition WHERE colocationid = (SELECT colocationid FROM pg_dist_partition WHERE logicalrelid = 'articles'::regclass)")" \
  "articles:n articles_quotes:article_key articles_speakers:article_key articles_vote_events:article_key"
shards=$(sql -c "SELECT count(*) FROM pg_dist_shard WHERE logicalrelid = 'articles'::regclass")
triggers=0
for port in "${worker_ports[@]}"; do
  triggers=$((triggers + $(on "$port" -c "SELECT count(*) FROM pg_trigger WHERE tgname ~ '^news_analysis_analyse(_update|_delete|_truncate)?_[0-9]+$'")))
done
# Citus copies no TRUNCATE trigger to shards: the distributed table's own truncates the derived tables
check "every shard has the insert, update and delete triggers (named with its shard id)" "$triggers" $((shards * 3))

# ---- writes of every kind, with the exactly-once check after each
rounds=${NA_CITUS_ROUNDS:-3}
# copy_ms TABLE: milliseconds of each of $rounds \copy of the corpus into the emptied
# table in one session (psql \timing), keeping the connections to the workers
copy_ms() {
  { echo 'SET citus.max_cached_conns_per_worker = 64;'; echo '\timing on'
    for ((r = 1; r <= rounds; r++)); do echo "TRUNCATE $1;"; echo "\\copy $1 FROM '$tsv'"; done; } |
    sql | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk 'NR % 2 == 0' | tr '\n' ' '
}
rate() { # rate MS...: "first round N rows/s, best N rows/s"
  awk -v r="$rows" '{best = $1; for (i = 1; i <= NF; i++) if ($i < best) best = $i;
    printf "%.0f rows/s (first %.0f ms), best of %d rounds %.0f rows/s (%.0f ms)", r / ($1 / 1000), $1, NF, r / (best / 1000), best}'
}
sql -c 'CREATE TABLE untracked (LIKE articles)' -c "SELECT create_distributed_table('untracked', 'n')" >/dev/null
sql -c 'CREATE TABLE four_shards (LIKE articles INCLUDING INDEXES)' \
    -c "SELECT create_distributed_table('four_shards', 'n', shard_count => 4)" \
    -c "SELECT news_analysis.track('four_shards', 'body', 'n')" >/dev/null 2>&1
dist_ms=$(copy_ms articles)
local_ms=$(copy_ms local_articles)
untracked_ms=$(copy_ms untracked)
four_ms=$(copy_ms four_shards)
echo "   COPY of $rows articles into a tracked distributed table (32 shards): $(rate <<<"$dist_ms")"
echo "   COPY of $rows articles into a tracked distributed table (4 shards):  $(rate <<<"$four_ms")"
echo "   COPY of $rows articles into a tracked single-node table:             $(rate <<<"$local_ms")"
echo "   COPY of $rows articles into an untracked distributed table:          $(rate <<<"$untracked_ms")"
exact "COPY (4 shards)" four_shards
exact "COPY" articles
exact "COPY (single node, for comparison)" local_articles
sql -c 'TRUNCATE articles' -c 'TRUNCATE local_articles'
check "TRUNCATE: no derived rows left" \
  "$(sql -c 'SELECT (SELECT count(*) FROM articles_quotes) + (SELECT count(*) FROM articles_speakers) + (SELECT count(*) FROM articles_vote_events)')" 0
exact "TRUNCATE" articles
sql -c "\\copy articles FROM '$tsv'"
sql >/dev/null <<'SQL'
INSERT INTO articles VALUES (100001, 'one', 'one', '"We will not back down," the prime minister said on Monday. The Senate voted 61 to 39 to pass it.');
SQL
exact "INSERT of one row" articles
sql >/dev/null <<'SQL'
INSERT INTO articles VALUES
  (100002, 'm2', 'm', '"It is a good day for the city," said the mayor, Jane Doe.'),
  (100003, 'm3', 'm', 'Russia vetoed the draft resolution; China abstained. "We regret it," the ambassador said.'),
  (100004, 'm4', 'm', 'No quotes here at all, only a plain sentence about the weather.'),
  (100005, 'm5', 'm', NULL),
  (100006, 'm6', 'm', '"Prices will rise," he warned. "Nobody is ready," she replied.');
SQL
exact "multi-row INSERT" articles
sql -c "INSERT INTO articles SELECT n + 200000, id, title, body FROM articles WHERE n <= 300" >/dev/null
exact "INSERT ... SELECT" articles
sql -c "UPDATE articles SET body = body || ' \"That is the end of it,\" a spokesman said.' WHERE n % 7 = 0" >/dev/null
exact "UPDATE of the text" articles
sql -c "UPDATE articles SET title = title || ' (updated)' WHERE n % 3 = 0" >/dev/null
exact "UPDATE of another column" articles
sql -c "UPDATE articles SET body = 'The council voted 7-2 to close the pool.' WHERE n = 100005" >/dev/null
exact "UPDATE of a NULL text" articles
sql -c "DELETE FROM articles WHERE n % 5 = 0" >/dev/null
exact "DELETE" articles
sql -c "BEGIN" -c "INSERT INTO articles VALUES (100010, 'r', 'r', '\"Rolled back,\" she said.')" -c "ROLLBACK" >/dev/null
exact "INSERT rolled back" articles

# ---- a vote view over the distributed table
sql -c "SELECT news_analysis.create_vote_view('articles_votes', 'articles', 'n', 'body')" >/dev/null
votes_direct() { sql -c 'SELECT count(*) FROM articles a, news_analysis.vote_events(a.body) v'; }
check "create_vote_view: the view equals vote_events() over the table" \
  "$(sql -c 'SELECT count(*) FROM articles_votes')" "$(votes_direct)"
sql -c "INSERT INTO articles VALUES (100020, 'v', 'v', 'The House voted 220 to 210 to pass the bill. The Senate voted 50 to 50.')" >/dev/null
sql -c "SELECT news_analysis.refresh_vote_view('articles_votes')" >/dev/null
check "refresh_vote_view: the view follows the table" \
  "$(sql -c 'SELECT count(*) FROM articles_votes')" "$(votes_direct)"

# ---- reanalyse, retry_failures (failures recorded on the workers), backfill
sql -c "DELETE FROM articles_quotes WHERE article_key % 3 = 0" -c "DELETE FROM articles_speakers WHERE article_key % 4 = 0" >/dev/null
check "reanalyse returns the rows analysed" \
  "$(sql -c "SELECT news_analysis.reanalyse('articles')" 2>/dev/null)" "$(sql -c 'SELECT count(*) FROM articles WHERE body IS NOT NULL')"
exact "reanalyse" articles
# a failure of the analysis on the workers: the setting goes with SET LOCAL
sql 2>/dev/null >/dev/null <<'SQL'
BEGIN;
SET LOCAL citus.propagate_set_commands = 'local';
SET LOCAL news_analysis.fail_on = 'POISON';
INSERT INTO articles VALUES (100031, 'p1', 'p', '"POISON one," he said.'), (100032, 'p2', 'p', 'POISON two.'),
                            (100033, 'p3', 'p', '"Fine," she said.');
COMMIT;
SQL
check "lenient: the rows whose analysis failed are stored" "$(sql -c 'SELECT count(*) FROM articles WHERE n IN (100031, 100032, 100033)')" 3
check "the failures are recorded on the workers (cluster_failures)" \
  "$(sql -c "SELECT string_agg(article_key, ',' ORDER BY article_key) FROM news_analysis.cluster_failures('articles')")" "100031,100032"
check "tracking_status counts them" "$(sql -c "SELECT failures FROM news_analysis.tracking_status() WHERE source = 'articles'::regclass")" 2
check "retry_failures analyses them again" "$(sql -c "SELECT news_analysis.retry_failures('articles')" 2>/dev/null)" 2
check "retry_failures: no failure left" "$(sql -c "SELECT count(*) FROM news_analysis.cluster_failures('articles')")" 0
exact "retry_failures" articles
sql >/dev/null <<SQL
CREATE TABLE preloaded (n integer PRIMARY KEY, id text, title text, body text);
SELECT create_distributed_table('preloaded', 'n');
\\copy preloaded FROM '$tsv'
SELECT news_analysis.track('preloaded', 'body', 'n', backfill => false);
SQL
check "track(backfill => false): nothing analysed yet" "$(sql -c 'SELECT count(*) FROM preloaded_quotes')" 0
sql -c "CALL news_analysis.backfill('preloaded')" 2>/dev/null
exact "CALL backfill" preloaded
sql -c "SELECT news_analysis.untrack('preloaded')" -c "SELECT news_analysis.track('preloaded', 'body', 'n')" >/dev/null 2>&1
exact "track() of a distributed table with rows" preloaded

# ---- a table distributed after track(): the documented order
sql >/dev/null <<SQL
CREATE TABLE later (n integer PRIMARY KEY, id text, title text, body text);
\\copy later FROM '$tsv'
SELECT news_analysis.track('later', 'body', 'n');
SQL
check "create_distributed_table of a tracked table is refused" \
  "$(sql -c "SELECT create_distributed_table('later', 'n')" 2>&1 | grep -c 'because it has triggers')" 1
sql >/dev/null 2>&1 <<'SQL'
SELECT news_analysis.untrack('later');
SELECT create_distributed_table('later', 'n');
SELECT news_analysis.track('later', 'body', 'n');
SQL
exact "untrack, create_distributed_table, track" later
# Citus wants the distribution column in every unique index: only it can be the key
check "track() refuses a table distributed by a column other than the key" \
  "$(sql -c "CREATE TABLE by_title (n integer, title text, body text, PRIMARY KEY (n, title))" \
        -c "SELECT create_distributed_table('by_title', 'title')" -c "SELECT news_analysis.track('by_title', 'body', 'n')" 2>&1 |
     grep -c 'column "n" of table public.by_title is not a key')" 1

# ---- untrack
sql -c "SELECT news_analysis.untrack('articles')" >/dev/null
check "untrack: the derived tables are gone" "$(sql -c "SELECT to_regclass('articles_quotes') IS NULL")" t
triggers=0
for port in "${worker_ports[@]}"; do
  triggers=$((triggers + $(on "$port" -c "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE 'news_analysis%' AND c.relname LIKE 'articles%'")))
done
check "untrack: no trigger left on the shards" "$triggers" 0
check "untrack: writes go on" "$(sql -c "INSERT INTO articles VALUES (100040, 'u', 'u', '\"Done,\" he said.') RETURNING n")" 100040

# ---- pg_cron on a Citus coordinator
if [[ $cron -eq 1 ]]; then
  # Citus propagates CREATE EXTENSION to the workers, where pg_cron is not preloaded
  plain=$(sql -c 'CREATE EXTENSION pg_cron' 2>&1 || true)
  echo "   CREATE EXTENSION pg_cron (propagated): $(head -n 2 <<<"${plain:-created}" | tr '\n' ' ')"
  check "CREATE EXTENSION pg_cron on the coordinator fails when Citus propagates it" \
    "$(sql -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")" 0
  check "CREATE EXTENSION pg_cron with SET citus.enable_ddl_propagation = off" \
    "$(sql -c 'SET citus.enable_ddl_propagation = off' -c 'CREATE EXTENSION pg_cron' -c "SELECT extname FROM pg_extension WHERE extname = 'pg_cron'")" pg_cron
  check "pg_cron schedules a vote view refresh on the coordinator" \
    "$(sql -c "SELECT count(*) FROM (SELECT cron.schedule('refresh votes', '*/15 * * * *', \$\$SELECT news_analysis.refresh_vote_view('articles_votes')\$\$)) s")" 1
else
  echo "citus: pg_cron is not installed: its check is left out"
fi

echo "citus: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
