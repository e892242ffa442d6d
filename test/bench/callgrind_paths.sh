#!/usr/bin/env bash
# Instructions of each speed path, counted by callgrind in a single-user
# backend: quotes() and vote_events() beside the regexp_matches quote
# baseline, and a COPY of the corpus into an untracked table, a tracked one
# and a tracked one without the people registry's triggers.
#
#   test/bench/callgrind_paths.sh [--corpus FILE.jsonl]
#
# Why: the speed targets (issues #13, #14, #16) are wall-clock MB/s and
# ratios, which a machine shared with other work measures with a spread of
# half their value; instruction counts are the same on every run, so a
# change's effect on each path (and where a path's time goes, with
# callgrind_annotate on the kept profiles) can be told apart from the noise.
# Instructions are not time: the analysis retires fewer instructions a
# cycle than regexp_matches does, so a ratio of instructions overstates the
# ratio of MB/s (quotes() measured 0.61 of regexp_matches's rate in
# instructions where a quiet machine timed it at 0.48).
#
# Each count covers one statement only (callgrind --toggle-collect on
# standard_ExecutorRun for the queries, DoCopy for the COPYs), after the
# server loaded the table, with no parallel workers (a single-user backend
# has none).  Needs valgrind; runs its own throwaway cluster (stopped while
# the single-user backends run), about three minutes.  KEEP=DIR keeps the
# callgrind profiles.  Skips where ../shared is absent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$root/../shared/data/corpora/bbc.jsonl
while [[ $# -gt 0 ]]; do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    *) echo "usage: $0 [--corpus FILE.jsonl]" >&2; exit 2 ;;
  esac
done
if [[ ! -f $corpus ]]; then
  echo "callgrind_paths: skipped: $corpus is absent"
  exit 0
fi
if ! command -v valgrind >/dev/null; then
  echo "callgrind_paths: skipped: valgrind is not installed"
  exit 0
fi

source "$root/scripts/lib/cluster.sh"
na_cluster_init
port=${NA_CLUSTER_PORT:-54329}
dir=$(na_cluster_create "$port")
trap 'na_cluster_remove "$dir"' EXIT INT TERM
na_cluster_start "$dir"
export PGHOST=$dir PGPORT=$port PGUSER=$NA_CLUSTER_OWNER PGDATABASE=postgres

# the corpus as a table (queries) and as COPY text the server reads (COPYs)
createdb paths
tsv=$dir/corpus.tsv
psql -X -q -d paths -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE EXTENSION news_analysis;
CREATE TEMP TABLE raw (line text);
\copy raw FROM '$(realpath "$corpus")' WITH (FORMAT csv, QUOTE E'\x01', DELIMITER E'\x02')
CREATE TABLE articles AS SELECT row_number() OVER () AS id, (line::jsonb)->>'text' AS body FROM raw;
ALTER TABLE articles ADD PRIMARY KEY (id);
VACUUM ANALYZE articles;
\copy (SELECT row_number() OVER (), j->>'id', j->>'title', j->>'text' FROM (SELECT line::jsonb AS j FROM raw) l) TO '$tsv'
CREATE TABLE plain (n integer PRIMARY KEY, id text, title text, body text);
CREATE TABLE tracked (n integer PRIMARY KEY, id text, title text, body text);
SELECT news_analysis.track('tracked', 'body', 'n') \\g /dev/null
CREATE TABLE unregistered (n integer PRIMARY KEY, id text, title text, body text);
SELECT news_analysis.track('unregistered', 'body', 'n') \\g /dev/null
ALTER TABLE unregistered_speakers DISABLE TRIGGER news_analysis_people_added,
  DISABLE TRIGGER news_analysis_people_removed, DISABLE TRIGGER news_analysis_people_truncated;
SQL
[[ $(id -u) -eq 0 ]] && chown "$NA_CLUSTER_OWNER": "$tsv"
read -r narticles bytes < <(psql -X -At -F ' ' -d paths -c "SELECT count(*), sum(octet_length(body)) FROM articles")
"${NA_AS_OWNER[@]}" "$NA_PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null

out=${KEEP:-$dir/profiles}
mkdir -p "$out"
[[ $(id -u) -eq 0 ]] && chown "$NA_CLUSTER_OWNER": "$out"

# instructions NAME TOGGLE SQL: the instructions callgrind counts inside TOGGLE
# while a single-user backend runs SQL (the statements before it prepare)
instructions() {
  local name=$1 toggle=$2 sql=$3 log
  log=$out/$name.log
  printf '%s\n' "$sql" | "${NA_AS_OWNER[@]}" valgrind --tool=callgrind --toggle-collect="$toggle" \
    --callgrind-out-file="$out/$name.callgrind" "$NA_PG_BINDIR/postgres" --single -D "$dir/data" \
    -c jit=off -c max_parallel_workers_per_gather=0 -c news_analysis.max_parallel_workers=0 paths \
    >"$log" 2>&1
  if grep -q 'ERROR' "$log"; then
    echo "callgrind_paths: $name failed:" >&2
    grep 'ERROR' "$log" >&2
    exit 1
  fi
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log" | tail -n 1
}

regexp=$(instructions regexp standard_ExecutorRun \
  "SELECT count(*) FROM articles a, regexp_matches(a.body, '[\"“]([^\"”]+)[\"”]', 'g');")
quotes=$(instructions quotes standard_ExecutorRun \
  "SELECT count(*) FROM articles a, news_analysis.quotes(a.body);")
votes=$(instructions vote_events standard_ExecutorRun \
  "SELECT count(*) FROM articles a, news_analysis.vote_events(a.body);")
plain=$(instructions copy_untracked DoCopy "TRUNCATE plain;
COPY plain FROM '$tsv';")
tracked=$(instructions copy_tracked DoCopy "TRUNCATE tracked;
COPY tracked FROM '$tsv';")
unregistered=$(instructions copy_unregistered DoCopy "TRUNCATE unregistered;
COPY unregistered FROM '$tsv';")

awk -v n="$narticles" -v b="$bytes" -v r="$regexp" -v q="$quotes" -v v="$votes" -v p="$plain" \
    -v t="$tracked" -v u="$unregistered" -v corpus="$(basename "$corpus")" 'BEGIN {
  printf "callgrind_paths: %s, %d articles, %.2f MB of text; instructions of one statement\n", corpus, n, b / 1e6
  printf "  %-41s %8.1fM  %6.1f a byte\n", "regexp_matches quotes (baseline)", r / 1e6, r / b
  printf "  %-41s %8.1fM  %6.1f a byte  (regexp/quotes %.2f)\n", "quotes()", q / 1e6, q / b, r / q
  printf "  %-41s %8.1fM  %6.1f a byte  (regexp/vote_events %.2f)\n", "vote_events()", v / 1e6, v / b, r / v
  printf "  %-41s %8.1fM\n", "COPY untracked", p / 1e6
  printf "  %-41s %8.1fM  (untracked/tracked %.2f)\n", "COPY tracked", t / 1e6, p / t
  printf "  %-41s %8.1fM  (the registry: %.1fM, %.1f%% of the %.1fM the trigger path adds)\n", \
    "COPY tracked without the people registry", u / 1e6, (t - u) / 1e6, 100 * (t - u) / (t - p), (t - p) / 1e6
}'
[[ -n ${KEEP:-} ]] && echo "callgrind_paths: profiles kept in $KEEP (callgrind_annotate FILE.callgrind)"
exit 0
