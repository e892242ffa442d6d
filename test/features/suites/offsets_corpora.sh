#!/usr/bin/env bash
# substr(body, start, length) = token for every token of every article of
# ../shared/data/corpora/*.jsonl, and likewise for every sentence; tokens in
# order without overlap, sentences likewise.  Skips where shared/ is absent.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
shopt -s nullglob
corpora=(../shared/data/corpora/*.jsonl)
if [[ ${#corpora[@]} -eq 0 ]]; then
  echo "offsets_corpora: skipped: ../shared/data/corpora/*.jsonl is absent (shared/ is not beside the project)"
  exit 0
fi
if [[ -z "${PGHOST:-}${PGPORT:-}${PGUSER:-}${PGDATABASE:-}" ]]; then
  exec scripts/with-cluster "$root/test/features/suites/offsets_corpora.sh" "$@"
fi

db=news_analysis_offsets
psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
  -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true' EXIT
psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_analysis"

passed=0 failed=0
check() {
  local what=$1 got=$2
  if [[ $got == ok* ]]; then
    passed=$((passed + 1)); echo "ok   $what: $got"
  else
    failed=$((failed + 1)); echo "FAIL $what: $got"
  fi
}

for corpus in "${corpora[@]}"; do
  name=$(basename "$corpus" .jsonl)
  out=$(psql -X -q -A -t -F '|' -d "$db" -v ON_ERROR_STOP=1 -v corpus="$corpus" <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS raw, articles;
CREATE TABLE raw (line text);
\set copy '\\copy raw FROM ' :'corpus' ' (FORMAT csv, QUOTE e''\\x01'', DELIMITER e''\\x02'')'
:copy
CREATE TABLE articles AS
  SELECT row_number() OVER () AS id, coalesce(j->>'text', j->>'body') AS body
  FROM (SELECT line::jsonb AS j FROM raw) AS r;
-- tokens: exact offsets, in order, no overlap
SELECT count(*),
       count(*) FILTER (WHERE substr(a.body, t.start, t.length) IS DISTINCT FROM t.token),
       count(*) FILTER (WHERE t.length < 1 OR t.start < 1),
       (SELECT count(*) FROM (
          SELECT t2.start, lag(t2.start + t2.length) OVER (PARTITION BY a2.id ORDER BY t2.ordinal) AS prev_end
          FROM articles a2, news_analysis.tokenize(a2.body) t2) x WHERE start < prev_end)
FROM articles a, news_analysis.tokenize(a.body) t;
-- sentences: exact offsets, in order, no overlap
SELECT count(*),
       count(*) FILTER (WHERE substr(a.body, s.start, s.length) IS DISTINCT FROM s.text),
       count(*) FILTER (WHERE s.length < 1 OR s.start < 1),
       (SELECT count(*) FROM (
          SELECT s2.start, lag(s2.start + s2.length) OVER (PARTITION BY a2.id ORDER BY s2.ordinal) AS prev_end
          FROM articles a2, news_analysis.sentences(a2.body) s2) x WHERE start < prev_end)
FROM articles a, news_analysis.sentences(a.body) s;
SQL
  )
  { read -r tline; read -r sline; } <<<"$out"
  IFS='|' read -r n bad empty overlap <<<"$tline"
  if [[ $bad -eq 0 && $empty -eq 0 && $overlap -eq 0 && $n -gt 0 ]]; then r="ok ($n tokens)"; else r="$n tokens, $bad wrong text, $empty empty, $overlap overlapping"; fi
  check "$name tokens" "$r"
  IFS='|' read -r n bad empty overlap <<<"$sline"
  if [[ $bad -eq 0 && $empty -eq 0 && $overlap -eq 0 && $n -gt 0 ]]; then r="ok ($n sentences)"; else r="$n sentences, $bad wrong text, $empty empty, $overlap overlapping"; fi
  check "$name sentences" "$r"
done
echo "offsets_corpora: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
