#!/usr/bin/env bash
# ALTER EXTENSION news_analysis UPDATE from 0.1.0 equals a fresh install.
#
# One database gets 0.1.0 (src/sql/frozen), tracked tables with articles and
# analyst views, and then ALTER EXTENSION news_analysis UPDATE; another gets
# the new version and the same tables.  test/tools/catalog_snapshot.sql lists
# in each the extension's objects (functions with signature, volatility,
# parallel safety, strictness and body; types and their attributes; tables,
# policies, comments, grants, the event trigger) and what track() and
# create_views() made (triggers, derived tables' columns, keys and indexes,
# views' definitions, registry rows); every line that differs is printed, so a
# section missing from src/sql/upgrade/news_analysis--0.1.0--0.2.0.sql shows.
# Then the derived rows: the upgrade keeps 0.1.0's rows (its NOTICE says to
# reanalyse); after news_analysis.reanalyse() they equal the fresh database's.
# Prints "upgrade: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
passed=0 failed=0
check() { # check TEST-EXPRESSION MESSAGE: counts one test, never exits (set -e)
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}
work=$(mktemp -d /tmp/news_analysis-upgrade.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
old=na_upgrade_old new=na_upgrade_new
from=0.1.0
to=$(sed -n "s/^default_version = '\(.*\)'/\1/p" news_analysis.control)

# the same tables, articles, tracking and views in a database; with 0.1.0,
# a build whose analysers no longer write 0.1.0's row types tracks without
# analysing (the rows then come from reanalyse() after the upgrade)
setup() { # setup DB VERSION [CLEANUP]: CLEANUP=yes runs enable_drop_cleanup()
  local db=$1 version=$2 cleanup=${3:-no}
  dropdb --if-exists "$db" 2>/dev/null; createdb "$db"
  psql_ -d "$db" -c "SET client_min_messages = warning" \
    -c "CREATE EXTENSION news_analysis VERSION '$version'"
  PGDATABASE=$db scripts/load-samples up_articles >/dev/null
  # 0.1.0 made the drop clean-up only when asked (many never did)
  if [[ $cleanup == yes ]]; then
    psql_ -d "$db" -c "SELECT news_analysis.enable_drop_cleanup()" >/dev/null
  fi
  psql_ -d "$db" >/dev/null <<'SQL'
SET client_min_messages = warning;
-- a partitioned table and a table keyed by text, tracked strict
CREATE TABLE up_parted (id bigint PRIMARY KEY, body text) PARTITION BY RANGE (id);
CREATE TABLE up_parted_1 PARTITION OF up_parted FOR VALUES FROM (0) TO (1000);
CREATE TABLE up_parted_2 PARTITION OF up_parted FOR VALUES FROM (1000) TO (MAXVALUE);
INSERT INTO up_parted SELECT id * 97, body FROM up_articles;
CREATE TABLE up_notes (slug text PRIMARY KEY, body varchar(4000));
INSERT INTO up_notes SELECT 'note-' || id, left(body, 600) FROM up_articles WHERE id % 3 = 0;
DO $$
BEGIN
  PERFORM news_analysis.track('up_articles', 'body', 'id');
  PERFORM news_analysis.track('up_parted', 'body', 'id');
  PERFORM news_analysis.track('up_notes', 'body', 'slug', strict => true);
EXCEPTION WHEN object_not_in_prerequisite_state THEN
  RAISE WARNING 'this build cannot analyse into % types: tracking without analysing (%)',
    (SELECT extversion FROM pg_extension WHERE extname = 'news_analysis'), SQLERRM;
  PERFORM news_analysis.track('up_articles', 'body', 'id', backfill => false);
  PERFORM news_analysis.track('up_parted', 'body', 'id', backfill => false);
  PERFORM news_analysis.track('up_notes', 'body', 'slug', strict => true, backfill => false);
END
$$;
-- a table dropped: 0.1.0 without its clean-up left the derived tables and
-- registry row behind (0.2.0 drops them, or the upgrade does)
CREATE TABLE up_gone (id integer PRIMARY KEY, body text);
INSERT INTO up_gone VALUES (1, '“Gone soon,” said Ana Ruiz.');
DO $$
BEGIN
  PERFORM news_analysis.track('up_gone', 'body', 'id');
EXCEPTION WHEN object_not_in_prerequisite_state THEN
  -- (as above: this build's rows no longer fit 0.1.0's types)
  PERFORM news_analysis.track('up_gone', 'body', 'id', backfill => false);
END
$$;
SELECT news_analysis.create_views('up_gone', NULL, NULL);
DROP TABLE up_gone CASCADE;
SELECT news_analysis.create_views('up_articles');
SELECT news_analysis.create_views('up_notes', NULL, NULL);
DO $$
BEGIN
  PERFORM news_analysis.create_vote_view('up_votes', 'up_articles', 'id', 'body');
EXCEPTION WHEN OTHERS THEN
  -- (as above: a build whose vote_events() no longer fits 0.1.0's type)
  RAISE WARNING 'vote view made without data: %', SQLERRM;
  PERFORM news_analysis.create_vote_view('up_votes', 'up_articles', 'id', 'body', with_data => false);
END
$$;
SQL
}

setup "$old" "$from" 2>"$work/old-setup.err" || { cat "$work/old-setup.err"; exit 1; }
grep -h WARNING "$work/old-setup.err" || true
# and one where it was asked for: the upgrade keeps that event trigger
old2=na_upgrade_old2
setup "$old2" "$from" yes 2>/dev/null
psql_ -d "$old2" -c "SET client_min_messages = error" -c "ALTER EXTENSION news_analysis UPDATE"
check '[[ $(psql_ -d $old2 -c "SELECT count(*) FROM pg_event_trigger e JOIN pg_depend d
          ON d.classid = '\''pg_event_trigger'\''::regclass AND d.objid = e.oid AND d.deptype = '\''e'\''") == 1 ]]' \
  "an event trigger enable_drop_cleanup() made in $from stays, one, a member of the extension"
psql_ -d "$old2" -f test/tools/catalog_snapshot.sql >"$work/upgraded2.catalog"
dropdb "$old2"
# what 0.1.0 let happen: a data-only restore doubled speakers rows (no key)
psql_ -d "$old" -c "INSERT INTO up_articles_speakers SELECT * FROM up_articles_speakers WHERE article_key <= 3"
setup "$new" "$to"

check '[[ $(psql_ -d $old -c "SELECT extversion FROM pg_extension WHERE extname = '\''news_analysis'\''") == $from ]]' \
  "the old database runs $from before the upgrade"
if psql_ -d "$old" -c "ALTER EXTENSION news_analysis UPDATE" >"$work/update.out" 2>&1; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL: ALTER EXTENSION news_analysis UPDATE:"; cat "$work/update.out"
fi
sed 's/^/upgrade: /' "$work/update.out"
check '[[ $(psql_ -d $old -c "SELECT extversion FROM pg_extension WHERE extname = '\''news_analysis'\''") == $to ]]' \
  "the upgraded database runs $to"
check 'grep -q "news_analysis.reanalyse(" "$work/update.out"' \
  "the upgrade tells which tables to analyse again"

# the catalogs: every difference printed
psql_ -d "$old" -f test/tools/catalog_snapshot.sql >"$work/upgraded.catalog"
psql_ -d "$new" -f test/tools/catalog_snapshot.sql >"$work/fresh.catalog"
echo "upgrade: catalog snapshot: $(wc -l <"$work/fresh.catalog") lines"
for upgraded in upgraded upgraded2; do
  if diff "$work/$upgraded.catalog" "$work/fresh.catalog" >"$work/catalog.diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: the upgraded catalog ($upgraded) differs from a fresh $to install (< upgraded, > fresh):"
    head -n 80 "$work/catalog.diff"
  fi
done

# the derived rows
derived_tables=$(psql_ -d "$new" -c "SELECT string_agg(v::text, ' ' ORDER BY v::text) FROM news_analysis.tracked r,
                   unnest(ARRAY[r.quotes_table, r.speakers_table, r.vote_events_table]) v")
rows_differ() { # rows_differ: prints the derived rows that differ, returns 1 if any
  local status=0
  for t in $derived_tables up_votes; do
    psql_ -d "$old" -c "SELECT r::text FROM $t r ORDER BY 1" >"$work/old.rows"
    psql_ -d "$new" -c "SELECT r::text FROM $t r ORDER BY 1" >"$work/new.rows"
    if ! diff "$work/old.rows" "$work/new.rows" >"$work/rows.diff"; then
      echo "  $t: $(grep -c '^<' "$work/rows.diff" || true) rows only in the upgraded database, $(grep -c '^>' "$work/rows.diff" || true) only in the fresh one"
      head -n 6 "$work/rows.diff" | cut -c1-200 | sed 's/^/    /'
      status=1
    fi
  done
  return $status
}
echo "upgrade: derived rows right after the upgrade (0.1.0's analysis, before reanalyse):"
rows_differ || true
psql_ -d "$old" -c "SET client_min_messages = warning" \
  -c "SELECT news_analysis.reanalyse(source) FROM news_analysis.tracked" \
  -c "SELECT news_analysis.refresh_vote_view('up_votes')" >/dev/null
psql_ -d "$new" -c "SELECT news_analysis.refresh_vote_view('up_votes')" >/dev/null
echo "upgrade: derived rows after news_analysis.reanalyse():"
if rows_differ; then
  echo "  equal"; passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL: after reanalyse() the derived rows differ from a fresh install"
fi

# the upgraded database works as a fresh one: writes, drop clean-up, restores
for db in "$old" "$new"; do
  psql_ -d "$db" >"$work/$db.after" <<'SQL'
SET client_min_messages = warning;
INSERT INTO up_articles (id, published, outlet, body)
VALUES (1001, '2026-06-01', 'Herald', '“We will vote no,” the senator, Ana Ruiz, said. The Senate voted 51-49.');
UPDATE up_notes SET body = '“Changed,” said Bo Lin.' WHERE slug = 'note-3';
DELETE FROM up_parted WHERE id = 97;
INSERT INTO up_articles_speakers SELECT * FROM up_articles_speakers;
SELECT count(*) FROM up_articles_quotes WHERE article_key = 1001;
SELECT string_agg(speaker, ',') FROM up_notes_quotes WHERE article_key = 'note-3';
SELECT count(*) FROM up_parted_quotes WHERE article_key = 97;
SELECT count(*) FROM up_articles_speakers;
DROP TABLE up_parted;
SELECT count(*) FROM pg_class WHERE relname LIKE 'up_parted%';
SELECT count(*) FROM news_analysis.tracked;
SQL
done
check 'diff "$work/$old.after" "$work/$new.after"' \
  "after the upgrade, writes, the restore trigger and the drop clean-up behave as in a fresh install"
check '[[ $(sed -n 1p "$work/$old.after") -gt 0 && $(sed -n 5p "$work/$old.after") == 0 ]]' \
  "the upgraded database analyses a new article and the DROP TABLE clean-up runs"

dropdb "$old"; dropdb "$new"
echo "upgrade: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
