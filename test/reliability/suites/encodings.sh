#!/usr/bin/env bash
# tokenize, sentences and the text search parser in a LATIN1 and an SQL_ASCII
# database (with bytes that are not UTF-8): exact offsets, or a clear error,
# never a crash.  Prints "encodings: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
if [[ -z "${PGHOST:-}${PGPORT:-}${PGUSER:-}${PGDATABASE:-}" ]]; then
  exec scripts/with-cluster "$root/test/reliability/suites/encodings.sh" "$@"
fi

passed=0 failed=0
dbs=(news_analysis_latin1 news_analysis_sql_ascii)
cleanup() {
  for db in "${dbs[@]}"; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
cleanup
createdb -E LATIN1 -T template0 --locale=C news_analysis_latin1
createdb -E SQL_ASCII -T template0 --locale=C news_analysis_sql_ascii

# check DB NAME SQL: SQL returns one boolean
check() {
  local db=$1 name=$2 sql=$3 got
  if got=$(psql -X -q -A -t -d "$db" -v ON_ERROR_STOP=1 \
             -c "SET client_min_messages = warning" -c "SET client_encoding = 'UTF8'" -c "$sql" 2>&1) &&
     [[ $(tail -n 1 <<<"$got") == t ]]; then
    passed=$((passed + 1)); echo "ok   $db: $name"
  else
    failed=$((failed + 1)); echo "FAIL $db: $name: $got"
  fi
}

# check_raw DB NAME SQL: as check, but the client sends bytes as they are
check_raw() {
  local db=$1 name=$2 sql=$3 got
  if got=$(psql -X -q -A -t -d "$db" -v ON_ERROR_STOP=1 \
             -c "SET client_min_messages = warning" -c "$sql" 2>&1) &&
     [[ $(tail -n 1 <<<"$got") == t ]]; then
    passed=$((passed + 1)); echo "ok   $db: $name"
  else
    failed=$((failed + 1)); echo "FAIL $db: $name: $got"
  fi
}

for db in "${dbs[@]}"; do
  psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_analysis"
done

# ---- LATIN1: the server text is converted to UTF-8 and offsets come back in characters
db=news_analysis_latin1
latin1_text="'François Müller, née Zoë, paid £300m for «the» café. Mr. Åberg said: \"Ça va.\" The end.'"
check $db "tokenize: substr(body, start, length) = token for every token" \
  "SELECT bool_and(substr(b, t.start, t.length) = t.token) AND count(*) = 26
   FROM (SELECT $latin1_text AS b) x, news_analysis.tokenize(b) t"
check $db "tokenize: François starts at 1 and is 8 characters, café at 48" \
  "SELECT array_agg(start || ':' || length ORDER BY ordinal) = '{1:8,48:4}'
   FROM news_analysis.tokenize($latin1_text) WHERE token IN ('François', 'café')"
check $db "tokenize: money, quotes and abbreviations in LATIN1" \
  "SELECT array_agg(kind || ' ' || token ORDER BY ordinal) =
          '{\"money £300m\",\"open_quote «\",\"close_quote »\",\"abbreviation Mr.\"}'
   FROM news_analysis.tokenize($latin1_text) WHERE kind IN ('money', 'open_quote', 'close_quote', 'abbreviation') AND token <> '\"'"
check $db "sentences: three, each substr(body, start, length) = text" \
  "SELECT bool_and(substr(b, s.start, s.length) = s.text) AND count(*) = 3
   FROM (SELECT $latin1_text AS b) x, news_analysis.sentences(b) s"
check $db "news_parser: the tokens rebuild the text" \
  "SELECT string_agg(token, '' ORDER BY n) = $latin1_text
   FROM (SELECT row_number() OVER () AS n, * FROM ts_parse('news_analysis.news_parser', $latin1_text)) p
   WHERE tokid NOT IN (5, 15, 17)"
check $db "to_tsvector english_news indexes the LATIN1 words" \
  "SELECT to_tsvector('news_analysis.english_news', $latin1_text) @@ to_tsquery('news_analysis.english_news', 'François & Müller & café & Åberg & £300m')"
check $db "ts_headline marks a LATIN1 word" \
  "SELECT ts_headline('news_analysis.english_news', $latin1_text, to_tsquery('news_analysis.english_news', 'café')) LIKE '%<b>café</b>%'"

# ---- SQL_ASCII: bytes are read as UTF-8 where they are, offsets count bytes (as substr does)
db=news_analysis_sql_ascii
# caf\xe9 (a LATIN1 byte, not UTF-8), \xff, and Fran\xc3\xa7ois in UTF-8 (9 bytes)
ascii_text="E'Le caf\\xe9 est ouvert. Fran\\xc3\\xa7ois paid \\xff\\xfe 5%. M\\xfcller \"left\" at 9 a.m. Then \\xe2\\x80\\x9cok\\xe2\\x80\\x9d.'"
check_raw $db "tokenize: substr(body, start, length) = token for every token" \
  "SELECT bool_and(substr(b, t.start, t.length) = t.token) AND count(*) > 15
   FROM (SELECT $ascii_text AS b) x, news_analysis.tokenize(b) t"
check_raw $db "tokenize: UTF-8 François is 9 bytes long, at byte 21" \
  "SELECT bool_or(t.start = 21 AND t.length = 9 AND t.token = E'Fran\\xc3\\xa7ois')
   FROM news_analysis.tokenize($ascii_text) t"
check_raw $db "tokenize: the tokens and gaps cover every byte once" \
  "SELECT bool_and(t.start >= coalesce(prev_end, 1)) FROM (
     SELECT start, lag(start + length) OVER (ORDER BY ordinal) AS prev_end
     FROM news_analysis.tokenize($ascii_text)) t"
check_raw $db "sentences: substr(body, start, length) = text" \
  "SELECT bool_and(substr(b, s.start, s.length) = s.text) AND count(*) = 4
   FROM (SELECT $ascii_text AS b) x, news_analysis.sentences(b) s"
check_raw $db "news_parser: the tokens rebuild the text" \
  "SELECT string_agg(token, '' ORDER BY n) = $ascii_text
   FROM (SELECT row_number() OVER () AS n, * FROM ts_parse('news_analysis.news_parser', $ascii_text)) p
   WHERE tokid NOT IN (5, 15, 17)"
check_raw $db "to_tsvector english_news does not fail on invalid bytes" \
  "SELECT to_tsvector('news_analysis.english_news', $ascii_text) @@ to_tsquery('news_analysis.english_news', 'ouvert & paid')"
check_raw $db "every byte 1..255 alone, and in runs: tokenize and sentences exact" \
  "SELECT (SELECT bool_and(substr(b, t.start, t.length) = t.token) FROM news_analysis.tokenize(b) t) AND
          (SELECT bool_and(substr(b, s.start, s.length) = s.text) FROM news_analysis.sentences(b) s)
   FROM (SELECT string_agg(chr(i), ' ') || ' x. Y ' || string_agg(repeat(chr(i), 3), '') || chr(195) AS b
         FROM generate_series(1, 255) i) x"

echo "encodings: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
