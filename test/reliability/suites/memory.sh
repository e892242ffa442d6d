#!/usr/bin/env bash
# Memory: analysing many articles in one query keeps the backend's memory
# flat (per-document and per-row contexts are reset).  For each analysing
# function, one fresh backend analyses SMALL articles and another LARGE
# articles (generated with SQL, about 700 bytes each, every one different);
# the peak resident size of the backend (VmHWM, read from /proc/<pid>/status
# by the shell: the server may run as another user), less the shared memory it
# has touched (RssShmem: the shared buffers a write fills), must not grow by
# more than MEMORY_TOLERANCE_KB between the two.  A leak of 100 bytes an article would
# show as 18 MB at the default sizes.
#   scripts/with-cluster bash test/reliability/suites/memory.sh
set -uo pipefail
cd "$(dirname "$0")/../../.."

SMALL=${MEMORY_SMALL:-10000}
LARGE=${MEMORY_LARGE:-200000}
TRACK_SMALL=${MEMORY_TRACK_SMALL:-120000}
TOLERANCE_KB=${MEMORY_TOLERANCE_KB:-8192}
db=na_reliability_memory
passed=0 failed=0 baseline_growth=0

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || { echo "memory: cannot create database $db"; echo "memory: 0 passed, 1 failed"; exit 1; }
trap 'dropdb --if-exists "$db" >/dev/null 2>&1' EXIT

# articles(n): n different news articles of about 700 bytes, made on the fly
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL' || { echo "memory: setup failed"; echo "memory: 0 passed, 1 failed"; exit 1; }
CREATE EXTENSION news_analysis;
CREATE FUNCTION articles(n integer) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format(
    E'The Security Council voted %s-%s-%s on %s to extend the mission in %s, with %s abstaining. '
    '“We cannot accept a text that ignores the facts,” said Ambassador %s of %s. '
    'Mr. %s told reporters the vote was “a serious mistake” and said his government would respond.\n\n'
    'The Senate passed the bill %s-%s on Thursday; %s lawmakers opposed it. '
    '“This is a dark day,” the French envoy, %s, said. According to %s, talks resume at 10:30 a.m. '
    'Prices rose %s%% to $%s.%s billion. See https://example.org/news/%s for details.',
    10 + g % 5, g % 3, 15 - (10 + g % 5) - g % 3,
    (ARRAY['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])[1 + g % 5],
    (ARRAY['Kestrava', 'Tavarua', 'Valdoria', 'Norvask'])[1 + g % 4],
    (ARRAY['China', 'Russia', 'India', 'Brazil'])[1 + (g / 4) % 4],
    'Lena ' || substr(md5(g::text), 1, 6), (ARRAY['Serbia', 'Chile', 'Norway'])[1 + g % 3],
    initcap(substr(md5(g::text), 7, 7)),
    40 + g % 20, 60 - g % 20, g % 7,
    'Nicolas ' || initcap(substr(md5(g::text), 14, 6)), 'Dr. ' || initcap(substr(md5(g::text), 20, 5)),
    g % 10, g % 100, g % 10, g)
  FROM generate_series(1, n) AS g
$$;
SQL

exists() {
  [[ $(psql -X -At -d "$db" -c "SELECT to_regprocedure('$1') IS NOT NULL") == t ]]
}

# name|SQL (:N stands for the number of articles)
# the baseline generates the articles and analyses nothing: what the query itself takes
cases=(
  "baseline|SELECT sum(length(body)) FROM articles(:N) a(body)"
  "tokenize|SELECT count(*) FROM articles(:N) a(body), news_analysis.tokenize(body)"
  "sentences|SELECT count(*) FROM articles(:N) a(body), news_analysis.sentences(body)"
)
[[ $(psql -X -At -d "$db" -c "SELECT count(*) FROM pg_ts_config WHERE cfgname = 'english_news'") == 1 ]] &&
  cases+=("to_tsvector|SELECT sum(length(to_tsvector('news_analysis.english_news', body))) FROM articles(:N) a(body)")
exists 'news_analysis.quotes(text)' &&
  cases+=("quotes|SELECT count(*) FROM articles(:N) a(body), news_analysis.quotes(body)")
exists 'news_analysis.speakers(text)' &&
  cases+=("speakers|SELECT count(*) FROM articles(:N) a(body), news_analysis.speakers(body)")
exists 'news_analysis.vote_events(text)' &&
  cases+=("vote_events|SELECT count(*) FROM articles(:N) a(body), news_analysis.vote_events(body)")

# analysis on write: one INSERT of all the articles into a tracked table (the
# trigger reads the statement's first 64 MB of text ahead, about 112,000 of
# these articles, and analyses the rest in chunks, with parallel workers,
# writing each chunk).  Its small run is TRACK_SMALL articles, past the
# steps before which memory is still being taken and not leaked: the
# read-ahead's 24 bytes a row up to its 64 MB, the store of the rows after
# them (1 MB in memory), and the people registry's aggregate, which fills its
# share of work_mem by about 100,000 (measured before the read-ahead: 50,000
# to 200,000 grew 8.3 MB, 50,000 to 400,000 8.3 MB, a plateau).  What grows
# past them is PostgreSQL's queue of AFTER row trigger events, 16 bytes a
# row (a table with one AFTER row trigger of its own: 1.1 MB from 100,000
# to 200,000 rows), 1.3 MB here.  (Measured: 100,000 to 200,000 grew 8.8
# MB, the steps; 120,000 to 200,000 1.7 MB.)
exists 'news_analysis.track(regclass,name,name,boolean,integer,boolean)' &&
  cases+=("track|SET client_min_messages = warning;
\\o /dev/null
SELECT news_analysis.untrack(source) FROM news_analysis.tracked WHERE source = to_regclass('mem_tracked');
DROP TABLE IF EXISTS mem_tracked;
CREATE TABLE mem_tracked (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text);
SELECT news_analysis.track('mem_tracked', 'body', 'id');
INSERT INTO mem_tracked (body) SELECT body FROM articles(:N) a(body);
\\o
SELECT count(*) FROM mem_tracked_quotes")

# peak N SQL: the backend's VmHWM less RssShmem (kB) after running SQL on N articles, and the row count
peak() {
  local n=$1 sql=${2//:N/$1}
  psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" <<SQL
-- JIT would map LLVM (50 MB) into the backend once the query is costly enough
SET jit = off;
SELECT pg_backend_pid() AS pid \gset
\setenv NA_PID :pid
$sql;
\! awk '/^VmHWM:/ {peak = \$2} /^RssShmem:/ {shared = \$2} END {print peak - shared}' /proc/\$NA_PID/status
SQL
}

for c in "${cases[@]}"; do
  fn=${c%%|*} sql=${c#*|}
  start=$(date +%s)
  n_small=$SMALL
  [[ $fn == track ]] && n_small=$TRACK_SMALL
  if ! small=$(peak "$n_small" "$sql" 2>&1) || ! large=$(peak "$LARGE" "$sql" 2>&1); then
    failed=$((failed + 1))
    echo "FAILED $fn: the query failed: $small $large" | head -5
    continue
  fi
  rows_small=$(sed -n 1p <<<"$small") hwm_small=$(sed -n 2p <<<"$small")
  rows_large=$(sed -n 1p <<<"$large") hwm_large=$(sed -n 2p <<<"$large")
  secs=$(($(date +%s) - start))
  if [[ -z $hwm_small || -z $hwm_large ]]; then
    failed=$((failed + 1))
    echo "FAILED $fn: could not read VmHWM of the backend"
    continue
  fi
  growth=$((hwm_large - hwm_small))
  [[ $fn == baseline ]] && baseline_growth=$growth
  line="$fn: $n_small articles (result $rows_small) peak RSS $hwm_small kB, $LARGE articles (result $rows_large) peak RSS $hwm_large kB, growth $growth kB, net of the baseline $((growth - ${baseline_growth:-0})) kB (${secs} s)"
  if ((growth <= TOLERANCE_KB)); then
    passed=$((passed + 1)); echo "ok     $line"
  else
    failed=$((failed + 1)); echo "FAILED $line: more than $TOLERANCE_KB kB"
  fi
done
echo "memory: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
