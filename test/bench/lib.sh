# test/bench/lib.sh - what the benchmark scripts share; source it.

# bench_database DB CORPUS: a fresh database DB, dropped when the script exits,
# with news_analysis and a table articles(id, body) holding the "text" field of
# every JSON line of CORPUS (loaded once, so every function reads the same rows).
bench_database() {
  local db=$1 corpus=$2
  psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
    -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  # shellcheck disable=SC2064  # the name is fixed now, on purpose
  trap "psql -X -q -d postgres -c 'DROP DATABASE IF EXISTS $db' >/dev/null 2>&1 || true" EXIT
  psql -X -q -d "$db" -v ON_ERROR_STOP=1 -v corpus="$corpus" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION news_analysis;
CREATE TEMP TABLE raw (line text);
\set copy '\\copy raw FROM ' :'corpus' ' (FORMAT csv, QUOTE e''\\x01'', DELIMITER e''\\x02'')'
:copy
CREATE TABLE articles AS SELECT row_number() OVER () AS id, (line::jsonb)->>'text' AS body FROM raw;
ALTER TABLE articles ADD PRIMARY KEY (id);
ANALYZE articles;
SQL
}
