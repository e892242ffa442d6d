#!/usr/bin/env bash
# The read-ahead of a tracked INSERT (src/pg/ahead_pg.c) when its background
# worker goes away or the statement is cancelled, on a statement long
# enough to act while it runs (about 30 MB of text, several seconds):
#   - the worker terminated (SIGTERM, as pg_ctl stop or an administrator
#     would: it has no database, so pg_stat_activity does not show it) while the statement
#     runs: the statement succeeds, in a lenient and in a strict table, and
#     its derived rows equal a fresh analysis (the backend analysed what
#     the worker left);
#   - the statement cancelled while the worker runs: it fails with the
#     cancel, and the worker and its temporary files go with it;
#   - no read-ahead worker and no temporary file is left after either.
#   scripts/with-cluster bash test/reliability/suites/read_ahead.sh
set -uo pipefail
cd "$(dirname "$0")/../../.."

ARTICLES=${READ_AHEAD_ARTICLES:-20000}
db=na_reliability_read_ahead
passed=0 failed=0
work=$(mktemp -d /tmp/na-read-ahead.XXXXXX)

cleanup() {
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
q() { psql -X -At -d "$db" -v ON_ERROR_STOP=1 "$@"; }

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db" || { echo "read_ahead: cannot create database $db"; echo "read_ahead: 0 passed, 1 failed"; exit 1; }
q -q >/dev/null <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION news_analysis;
CREATE TABLE wires (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('wires', 'body', 'id');
-- about 1.5 kB each, a quote, a speaker and a vote in every one
CREATE TABLE feed AS
  SELECT i AS id,
         repeat(format('“Terminal %s opens in spring,” said airport director Ana Ruiz. '
                       'The county board voted %s-4 to lend it the money. ', i, i % 5 + 5), 10) AS body
    FROM generate_series(1, 1) i;
SQL
q -q -c "TRUNCATE feed" -c "INSERT INTO feed SELECT i, repeat(format('“Terminal %s opens in spring,” said airport director Ana Ruiz. The county board voted %s-4 to lend it the money. ', i, i % 5 + 5), 10) FROM generate_series(1, $ARTICLES) i"

# derived rows against a fresh analysis: missing + extra rows of the three tables
drift() {
  q <<'SQL'
WITH q AS (SELECT a.id AS article_key, f.* FROM wires a, news_analysis.quotes(a.body) f),
     s AS (SELECT a.id AS article_key, f.* FROM wires a, news_analysis.speakers(a.body) f),
     v AS (SELECT a.id AS article_key, f.* FROM wires a, news_analysis.vote_events(a.body) f)
SELECT (SELECT count(*) FROM (SELECT * FROM q EXCEPT ALL SELECT * FROM wires_quotes) x)
     + (SELECT count(*) FROM (SELECT * FROM wires_quotes EXCEPT ALL SELECT * FROM q) x)
     + (SELECT count(*) FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM wires_speakers) x)
     + (SELECT count(*) FROM (SELECT * FROM wires_speakers EXCEPT ALL SELECT * FROM s) x)
     + (SELECT count(*) FROM (SELECT * FROM v EXCEPT ALL SELECT * FROM wires_vote_events) x)
     + (SELECT count(*) FROM (SELECT * FROM wires_vote_events EXCEPT ALL SELECT * FROM v) x);
SQL
}
# the read-ahead workers are background workers without a database: the
# process title names them (this suite runs beside the server)
workers() { pgrep -f 'news_analysis read-ahead' | wc -l; }
datadir=$(psql -X -At -d postgres -c 'SHOW data_directory')
temp_files() { find "$datadir/base/pgsql_tmp" -mindepth 1 2>/dev/null | wc -l; }
# wait up to 20 s for a read-ahead worker; its pid, or nothing
worker_pid() {
  for _ in $(seq 1 400); do
    local pid
    pid=$(pgrep -f 'news_analysis read-ahead' | head -n 1)
    [[ -n $pid ]] && { echo "$pid"; return; }
    sleep 0.05
  done
}
# wait up to 10 s for no read-ahead worker to be left
settle() {
  for _ in $(seq 1 200); do
    [[ $(workers) == 0 ]] && return
    sleep 0.05
  done
}

for mode in lenient strict; do
  q -q -c "TRUNCATE wires" -c "SELECT news_analysis.set_strict('wires', $([[ $mode == strict ]] && echo true || echo false))" >/dev/null
  q -q -c "SET client_min_messages = debug1" -c "INSERT INTO wires SELECT * FROM feed" >"$work/insert.out" 2>&1 &
  insert=$!
  pid=$(worker_pid)
  killed=no
  [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && killed=yes
  wait "$insert"; status=$?
  check "$mode: a read-ahead worker ran and was terminated" "$killed" yes
  check "$mode: the INSERT succeeds without its worker" "$status $(grep -c 'ERROR' "$work/insert.out")" "0 0"
  check "$mode: the backend analysed what the worker left" \
    "$(grep -c 'the read-ahead worker stopped after [0-9]* articles: the backend analyses the rest' "$work/insert.out")" 1
  check "$mode: every article is there" "$(q -c 'SELECT count(*) FROM wires')" "$ARTICLES"
  check "$mode: the derived rows equal a fresh analysis" "$(drift)" 0
  check "$mode: no failure recorded" "$(q -c 'SELECT count(*) FROM news_analysis.failures')" 0
  settle
  check "$mode: no read-ahead worker left" "$(workers)" 0
  check "$mode: no temporary file left" "$(temp_files)" 0
done
q -q -c "SELECT news_analysis.set_strict('wires', false)" >/dev/null

# the statement cancelled while its worker reads ahead
q -q -c "TRUNCATE wires"
q -q -c "INSERT INTO wires SELECT * FROM feed" >"$work/insert.out" 2>&1 &
insert=$!
pid=$(worker_pid)
psql -X -At -d postgres -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity
                             WHERE datname = '$db' AND query LIKE 'INSERT INTO wires%'" >/dev/null
wait "$insert"; status=$?
check "cancel: a read-ahead worker ran" "$([[ -n $pid ]] && echo yes || echo no)" yes
check "cancel: the INSERT was cancelled" "$status $(grep -c 'canceling statement due to user request' "$work/insert.out")" "1 1"
check "cancel: nothing was inserted" "$(q -c 'SELECT count(*) FROM wires') $(q -c 'SELECT count(*) FROM wires_quotes')" "0 0"
settle
check "cancel: the worker went with the statement" "$(workers)" 0
check "cancel: no temporary file left" "$(temp_files)" 0

# and the next statement reads ahead again
q -q -c "INSERT INTO wires SELECT * FROM feed WHERE id <= 2000"
check "after them: the derived rows equal a fresh analysis" "$(drift)" 0

echo "read_ahead: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
