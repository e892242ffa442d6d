#!/usr/bin/env bash
# quotes, speakers, vote_events and the analyse-on-write trigger in a LATIN1
# and an SQL_ASCII database (with bytes that are not UTF-8): offsets that
# substr() honours in the database's own terms, names found in the text, and
# stored rows equal to a fresh analysis.  test/reliability/suites/encodings.sh covers
# tokenize, sentences and the text search parser the same way.
# Prints "encodings_hostile: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../../.."

passed=0 failed=0
dbs=(na_reliability_latin1 na_reliability_sql_ascii)
cleanup() {
  for db in "${dbs[@]}"; do dropdb --if-exists "$db" >/dev/null 2>&1; done
}
trap cleanup EXIT
cleanup
createdb -E LATIN1 -T template0 --locale=C na_reliability_latin1 &&
  createdb -E SQL_ASCII -T template0 --locale=C na_reliability_sql_ascii ||
  { echo "encodings_hostile: cannot create the databases"; echo "encodings_hostile: 0 passed, 1 failed"; exit 1; }

# check DB NAME SQL [CLIENT_ENCODING]: SQL returns one boolean, true to pass
check() {
  local db=$1 name=$2 sql=$3 enc=${4:-} got
  local setenc=()
  [[ -n $enc ]] && setenc=(-c "SET client_encoding = '$enc'")
  if got=$(psql -X -q -A -t -d "$db" -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
             "${setenc[@]}" -c "$sql" 2>&1) && [[ $(tail -n 1 <<<"$got") == t ]]; then
    passed=$((passed + 1)); echo "ok     $db: $name"
  else
    failed=$((failed + 1)); echo "FAILED $db: $name: $got"
  fi
}

# the checks for one database; $1 = db, $2 = the text as an SQL literal, $3 = client encoding
checks() {
  local db=$1 text=$2 enc=$3
  check "$db" "quotes: two or more, each substr(body, start, length) = text" \
    "SELECT count(*) >= 2 AND bool_and(substr(b, q.start, q.length) = q.text)
     FROM (SELECT $text AS b) x, news_analysis.quotes(b) q" "$enc"
  check "$db" "quotes: every speaker mention at its offsets" \
    "SELECT coalesce(bool_and(substr(b, q.mention_start, q.mention_length) = q.speaker_mention), true)
     FROM (SELECT $text AS b) x, news_analysis.quotes(b) q WHERE q.speaker_mention IS NOT NULL" "$enc"
  check "$db" "speakers: found, names and aliases spelled as in the text" \
    "SELECT count(*) >= 1 AND bool_and(strpos(b, s.name) > 0)
            AND bool_and(NOT EXISTS (SELECT 1 FROM unnest(s.aliases) a WHERE strpos(b, a) = 0))
     FROM (SELECT $text AS b) x, news_analysis.speakers(b) s" "$enc"
  check "$db" "vote_events: found, each substr(body, start, length) = evidence" \
    "SELECT count(*) >= 1 AND bool_and(substr(b, v.start, v.length) = v.evidence)
     FROM (SELECT $text AS b) x, news_analysis.vote_events(b) v" "$enc"
  check "$db" "trigger: stored rows equal a fresh analysis" \
    "CREATE TABLE art (id integer PRIMARY KEY, body text);
     SELECT news_analysis.track('art', 'body', 'id');
     INSERT INTO art VALUES (1, $text), (2, NULL), (3, '');
     SELECT (SELECT count(*) FROM (
               (SELECT a.id, q.* FROM art a, news_analysis.quotes(a.body) q EXCEPT ALL SELECT * FROM art_quotes)
               UNION ALL
               (SELECT * FROM art_quotes EXCEPT ALL SELECT a.id, q.* FROM art a, news_analysis.quotes(a.body) q)) d) = 0
        AND (SELECT count(*) FROM (
               (SELECT a.id, v.* FROM art a, news_analysis.vote_events(a.body) v EXCEPT ALL SELECT * FROM art_vote_events)
               UNION ALL
               (SELECT * FROM art_vote_events EXCEPT ALL SELECT a.id, v.* FROM art a, news_analysis.vote_events(a.body) v)) d) = 0
        AND (SELECT count(*) FROM art_quotes) >= 2
        AND (SELECT count(*) FROM news_analysis.failures) = 0" "$enc"
}

for db in "${dbs[@]}"; do
  psql -X -q -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_analysis" >/dev/null ||
    { failed=$((failed + 1)); echo "FAILED $db: CREATE EXTENSION"; }
done

# LATIN1: only marks LATIN1 has (straight quotes, guillemets); accented names
checks na_reliability_latin1 \
  "'\"We will not back down,\" said Ambassador François Léger of Côte d''Ivoire. « Nous ne céderons pas », a déclaré Hélène Müller. The Security Council voted 13-0-2 on Tuesday; Russia abstained.'" UTF8

# SQL_ASCII: LATIN1 bytes and stray bytes that are not UTF-8, inside names and quotes
checks na_reliability_sql_ascii \
  "E'\"We will not back down,\" said Ambassador Fran\\xe7ois L\\xe9ger of Serbia. \"\\xff\\xfe \\xc3\\xa7a va \\xe2\\x80,\" Mr. L\\xe9ger added. The Security Council voted 13-0-2 on Tuesday; \\xfe China abstained.'" ""

echo "encodings_hostile: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
