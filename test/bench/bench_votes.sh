#!/usr/bin/env bash
# Throughput of vote_events and the refresh time of a vote view.
#
#   test/bench/bench_votes.sh [--corpus FILE.jsonl] [--rounds 3] [--articles 100000] [--no-refresh]
#
# 1. the core alone (test/tools/na_votes --bench: the scan alone, scan + vote
#    analysis, and the analyser's own MB/s from the two; one core)
# 2. SELECT count(*) FROM articles, LATERAL news_analysis.vote_events(body) on one
#    backend (max_parallel_workers_per_gather = 0, jit off): MB/s of body bytes,
#    best of --rounds; the issue's target is >= 40 MB/s on bbc.jsonl
# 3. the corpus replicated to --articles rows, a vote view over it
#    (news_analysis.create_vote_view ... WITH NO DATA), then
#    REFRESH MATERIALIZED VIEW serial (0 workers), with 2 parallel workers,
#    and CONCURRENTLY (2 workers) on unchanged data
# Runs against a throwaway cluster unless PGHOST names a server.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [[ -z "${PGHOST:-}" && -z "${NA_BENCH_IN_CLUSTER:-}" ]]; then
  export NA_BENCH_IN_CLUSTER=1
  exec "$root/scripts/with-cluster" "$0" "$@"
fi

corpus=$root/../shared/data/corpora/bbc.jsonl
rounds=3
articles=100000
refresh=1
while [[ $# -gt 0 ]]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --articles) articles=$2; shift 2 ;;
    --no-refresh) refresh=0; shift ;;
    *) echo "usage: $0 [--corpus FILE.jsonl] [--rounds N] [--articles N] [--no-refresh]" >&2; exit 2 ;;
  esac
done
if [[ ! -f $corpus ]]; then
  echo "bench_votes: skipped: $corpus is absent (shared/ is not beside the project)"
  exit 0
fi

make -s -C "$root" test/tools/bin/na_votes >/dev/null
# the scanner alone, then scanner + vote analysis; the difference is the analyser's cost
scan=$("$root/test/tools/bin/na_votes" --jsonl --bench "$rounds" --scan-only "$corpus")
both=$("$root/test/tools/bin/na_votes" --jsonl --bench "$rounds" "$corpus")
echo "core:  $scan"
echo "core:  $both"
awk -v s="${scan#*: }" -v b="${both#*: }" 'BEGIN { s += 0; b += 0;
  if (s > b) printf "core:  votes alone %.1f MB/s (1 / (1/scan+votes - 1/scan))\n", 1 / (1 / b - 1 / s) }'

db=news_analysis_bench_votes
. "$here/lib.sh"
bench_database "$db" "$corpus"

q() { psql -X -q -A -t -d "$db" -v ON_ERROR_STOP=1 "$@"; }
q -v corpus="$corpus" <<'SQL'
SET client_min_messages = warning;
-- seconds a query takes on the server, without client round trips
CREATE FUNCTION bench_secs(query text, workers int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz;
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', workers::text, true);
  PERFORM set_config('jit', 'off', true);
  t0 := clock_timestamp();
  EXECUTE query;
  RETURN extract(epoch FROM clock_timestamp() - t0);
END $$;
-- CPU seconds (user + system) of this backend: fields 14 and 15 of /proc/self/stat
-- (counted after "pid (comm) "), in clock ticks of 1/100 s
CREATE FUNCTION backend_cpu() RETURNS float8 LANGUAGE sql AS $$
  SELECT (f[12]::bigint + f[13]::bigint) / 100.0
  FROM (SELECT string_to_array(split_part(pg_read_file('/proc/self/stat'), ') ', 2), ' ') AS f) s
$$;
-- the query N times: wall and CPU seconds of the backend
CREATE FUNCTION bench_cpu(query text, rounds int, OUT wall float8, OUT cpu float8) LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; c0 float8;
BEGIN
  PERFORM set_config('max_parallel_workers_per_gather', '0', true);
  PERFORM set_config('jit', 'off', true);
  c0 := backend_cpu();
  t0 := clock_timestamp();
  FOR r IN 1 .. rounds LOOP
    EXECUTE query;
  END LOOP;
  wall := extract(epoch FROM clock_timestamp() - t0);
  cpu := backend_cpu() - c0;
END $$;
SQL

bytes=$(q -c "SELECT sum(octet_length(body)) FROM articles")
narticles=$(q -c "SELECT count(*) FROM articles")
positions=$(q -c "SELECT count(*) FROM articles, LATERAL news_analysis.vote_events(body)")
best=
for r in $(seq "$rounds"); do
  t=$(q -c "SELECT bench_secs('SELECT count(*) FROM articles, LATERAL news_analysis.vote_events(body)', 0)")
  best=$(awk -v a="$t" -v b="${best:-1e9}" 'BEGIN {print (a < b ? a : b)}')
done
echo "sql:   vote_events $(awk -v b="$bytes" -v t="$best" 'BEGIN {printf "%.1f", b / t / 1e6}') MB/s on one backend ($narticles articles, $bytes bytes, $positions positions, best of $rounds: ${best} s)"
base=$(q -c "SELECT bench_secs('SELECT sum(octet_length(body)) FROM articles', 0)")
echo "       (reading the bodies alone: ${base} s)"
# CPU time of the backend, independent of other load on the machine
read -r wall cpu <<<"$(q -F ' ' -c "SELECT wall, cpu FROM bench_cpu('SELECT count(*) FROM articles, LATERAL news_analysis.vote_events(body)', $((rounds * 3)))")"
echo "sql:   vote_events $(awk -v b="$bytes" -v n=$((rounds * 3)) -v t="$cpu" 'BEGIN {printf "%.1f", b * n / t / 1e6}') MB/s of backend CPU time ($((rounds * 3)) passes: ${cpu} s CPU, ${wall} s wall)"

[[ $refresh -eq 1 ]] || exit 0
q <<SQL
SET client_min_messages = warning;
CREATE TABLE big AS
  SELECT (r * 1000000 + a.id) AS id, a.body
  FROM generate_series(0, ($articles - 1) / $narticles) AS r, articles a
  ORDER BY r, a.id LIMIT $articles;
ALTER TABLE big ADD PRIMARY KEY (id);
VACUUM ANALYZE big;
SELECT news_analysis.create_vote_view('big_votes', 'big', 'id', 'body', with_data => false);
SQL
bigbytes=$(q -c "SELECT pg_size_pretty(sum(octet_length(body))) FROM big")
nbig=$(q -c "SELECT count(*) FROM big")
echo "refresh of a vote view over $nbig articles ($bigbytes of text):"
for workers in 0 2; do
  # REFRESH takes the session's max_parallel_workers_per_gather
  t=$(q -c "SELECT bench_secs('REFRESH MATERIALIZED VIEW big_votes', $workers)")
  echo "       REFRESH, $workers parallel workers: ${t} s"
done
plan=$(q -c "SET max_parallel_workers_per_gather = 2; EXPLAIN SELECT e.id, (e.na_vote).* FROM (SELECT s.id, news_analysis.vote_events(s.body) AS na_vote FROM big s) e" | head -5 | sed 's/  */ /g' | tr '\n' ' ')
echo "       plan with 2 workers: $plan"
t=$(q -c "SELECT bench_secs('REFRESH MATERIALIZED VIEW CONCURRENTLY big_votes', 2)")
echo "       REFRESH CONCURRENTLY (unchanged data), 2 parallel workers: ${t} s"
t=$(q -c "SELECT bench_secs('REFRESH MATERIALIZED VIEW CONCURRENTLY big_votes', 0)")
echo "       REFRESH CONCURRENTLY (unchanged data), 0 parallel workers: ${t} s"
echo "       $(q -c "SELECT count(*) FROM big_votes") positions"
