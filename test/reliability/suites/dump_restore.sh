#!/usr/bin/env bash
# pg_dump and restore of a database with tracked tables: pg_dump -Fc with
# pg_restore (serial and -j 2), a plain dump through psql, and a schema-only
# restore followed by a data-only one (without --disable-triggers: the
# articles' trigger analyses them, the derived rows of the dump that follow
# are skipped).  After each restore: no error; the catalog
# (test/tools/catalog_snapshot.sql: the extension with its event trigger,
# tracked tables' triggers, derived tables' keys, views) and every derived
# row equal the source's (no doubled row), each people registry counts
# exactly its speakers table (#16); new articles are analysed, a new
# failure gets a fresh id, and DROP TABLE of a tracked table still drops its
# derived tables, views and registry row.
# Then DROP EXTENSION ... CASCADE: what stays is what the README says, and
# CREATE EXTENSION with track() and create_views() again works.
# Prints "dump_restore: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/../../.."
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
passed=0 failed=0
check() { # check TEST-EXPRESSION MESSAGE: counts one test, never exits (set -e)
  if eval "$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $2"; fi
}
work=$(mktemp -d /tmp/news_analysis-dump.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
src=na_dump_src dst=na_dump_dst

dropdb --if-exists "$src" 2>/dev/null; createdb "$src"
psql_ -d "$src" -c "SET client_min_messages = warning" -c "CREATE EXTENSION news_analysis"
PGDATABASE=$src scripts/load-samples dr_articles >/dev/null
psql_ -d "$src" >/dev/null 2>&1 <<'SQL'
SET client_min_messages = warning;
SELECT news_analysis.track('dr_articles', 'body', 'id');
SELECT news_analysis.create_views('dr_articles');
SELECT news_analysis.create_vote_view('dr_votes', 'dr_articles', 'id', 'body');
-- a partitioned table in a schema of its own, keyed by text
CREATE SCHEMA desk;
CREATE TABLE desk.notes (slug text PRIMARY KEY, body text) PARTITION BY RANGE (slug);
CREATE TABLE desk.notes_a PARTITION OF desk.notes FOR VALUES FROM ('a') TO ('b');
CREATE TABLE desk.notes_b PARTITION OF desk.notes DEFAULT;
SELECT news_analysis.track('desk.notes', 'body', 'slug');
INSERT INTO desk.notes SELECT CASE WHEN id % 2 = 0 THEN 'a' ELSE 'b' END || id, body FROM dr_articles;
-- a recorded failure (news_analysis.fail_on makes one, for tests)
SET news_analysis.fail_on = 'QUARANTINE';
INSERT INTO dr_articles (id, published, outlet, body)
VALUES (900, '2026-04-01', 'Wire', '“QUARANTINE ahead,” said Mia Park.');
RESET news_analysis.fail_on;
SQL
psql_ -d "$src" -f test/tools/catalog_snapshot.sql >"$work/src.catalog"
tables=$(psql_ -d "$src" -c "SELECT string_agg(v::text, ' ' ORDER BY v::text) FROM news_analysis.tracked r,
           unnest(ARRAY[r.source, r.quotes_table, r.speakers_table, r.vote_events_table]) v")
tables="$tables dr_votes news_analysis.failures"
rows() { # rows DB: every row of the tracked and derived tables, sorted
  for t in $tables; do
    psql_ -d "$1" -c "SELECT '$t ' || (r::text) FROM $t r ORDER BY 1" |
      sed -E 's/,"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.+]+",postgres\)$/,TIME)/'
  done
}
# the keys, articles, quotes and gender counts of every people registry
# against the same counted again from its speakers table: rows that differ
registry_drift=$(cat <<'SQL'
DO $$
DECLARE r record; n bigint; total bigint := 0;
BEGIN
  FOR r IN SELECT p.names_table, t.speakers_table FROM news_analysis.tracked_people p
             JOIN news_analysis.tracked t USING (source) LOOP
    EXECUTE format($q$
      SELECT count(*) FROM (
        (SELECT key, articles, quotes, male, female FROM %1$s
         EXCEPT
         SELECT k, count(*), sum(quotes), count(*) FILTER (WHERE gender = 'male'),
                count(*) FILTER (WHERE gender = 'female')
           FROM %2$s, news_analysis.person_key(name, gender) k WHERE k IS NOT NULL GROUP BY k)
        UNION ALL
        (SELECT k, count(*), sum(quotes), count(*) FILTER (WHERE gender = 'male'),
                count(*) FILTER (WHERE gender = 'female')
           FROM %2$s, news_analysis.person_key(name, gender) k WHERE k IS NOT NULL GROUP BY k
         EXCEPT
         SELECT key, articles, quotes, male, female FROM %1$s)) d$q$,
      r.names_table, r.speakers_table) INTO n;
    total := total + n;
  END LOOP;
  PERFORM set_config('dr.drift', total::text, false);
END
$$;
SELECT 'registries ' || (SELECT count(*) FROM news_analysis.tracked_people) || ' drift ' || current_setting('dr.drift');
SQL
)

rows "$src" >"$work/src.rows"
got=$(psql_ -d "$src" -c "$registry_drift")
check '[[ $got == "registries 2 drift 0" ]]' "source: each people registry counts exactly its speakers table (got: $got)"
echo "dump_restore: source: $(wc -l <"$work/src.rows") rows, catalog $(wc -l <"$work/src.catalog") lines"

pg_dump -Fc -f "$work/db.dump" "$src"
pg_dump -f "$work/db.sql" "$src"
pg_dump -Fc --schema-only -f "$work/schema.dump" "$src"
pg_dump -Fc --data-only -f "$work/data.dump" "$src"

# after_restore NAME [REANALYSED]: the restored database against the source,
# then its behaviour; REANALYSED: the key of an article the source failed to
# analyse, which a data-only restore analyses (its trigger fires)
after_restore() {
  local name=$1 reanalysed=${2:-}
  psql_ -d "$dst" -f test/tools/catalog_snapshot.sql >"$work/dst.catalog"
  if diff "$work/src.catalog" "$work/dst.catalog" >"$work/catalog.diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: the catalog differs from the source's (< source, > restored):"
    head -n 40 "$work/catalog.diff"
  fi
  # the people registry counts what the speakers tables hold, no more, no less
  local registry
  registry=$(psql_ -d "$dst" -c "$registry_drift")
  check '[[ $registry == "registries 2 drift 0" ]]' \
    "$name: each people registry counts exactly its speakers table (got: $registry)"
  rows "$dst" >"$work/dst.rows"
  if [[ -n $reanalysed ]]; then
    check 'grep -q "^dr_articles_quotes ($reanalysed," "$work/dst.rows"' \
      "$name: the article whose analysis failed in the source is analysed by the restore"
    grep -v "^dr_articles_[a-z_]* ($reanalysed," "$work/dst.rows" >"$work/dst.rows.tmp"
    mv "$work/dst.rows.tmp" "$work/dst.rows"
  fi
  if diff "$work/src.rows" "$work/dst.rows" >"$work/rows.diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: rows differ from the source's: $(grep -c '^<' "$work/rows.diff" || true) missing, $(grep -c '^>' "$work/rows.diff" || true) extra"
    head -n 10 "$work/rows.diff" | cut -c1-160
  fi
  psql_ -d "$dst" >"$work/behaviour" 2>&1 <<'SQL' || true
SET client_min_messages = error;
INSERT INTO dr_articles (id, published, outlet, body)
VALUES (901, '2026-05-02', 'Herald', '“No,” the minister, Ana Ruiz, said. The Senate voted 60-40.');
INSERT INTO desk.notes VALUES ('a901', '“Yes,” said Bo Lin.');
-- derived rows equal the analysis of the articles now there (those that
-- failed aside: a data-only restore may have analysed them since)
CREATE TEMP VIEW ok AS SELECT a.* FROM dr_articles a
 WHERE a.id::text NOT IN (SELECT article_key FROM news_analysis.failures);
SELECT 'drift ' || (SELECT count(*) FROM (
  (SELECT a.id, q.* FROM ok a, news_analysis.quotes(a.body) q
   EXCEPT ALL SELECT * FROM dr_articles_quotes)
  UNION ALL
  (SELECT * FROM dr_articles_quotes WHERE article_key IN (SELECT id FROM ok)
   EXCEPT ALL SELECT a.id, q.* FROM ok a, news_analysis.quotes(a.body) q)) x)
  + (SELECT count(*) FROM (
  (SELECT a.id, s.* FROM ok a, news_analysis.speakers(a.body) s
   EXCEPT ALL SELECT * FROM dr_articles_speakers)
  UNION ALL
  (SELECT * FROM dr_articles_speakers WHERE article_key IN (SELECT id FROM ok)
   EXCEPT ALL SELECT a.id, s.* FROM ok a, news_analysis.speakers(a.body) s)) x);
SELECT 'notes ' || count(*) FROM desk.notes_quotes WHERE article_key = 'a901';
-- a new failure: its id must not collide with the restored ones
SET news_analysis.fail_on = 'QUARANTINE';
INSERT INTO dr_articles (id, published, outlet, body)
VALUES (902, '2026-05-03', 'Wire', 'QUARANTINE again.');
RESET news_analysis.fail_on;
SELECT 'failures ' || count(DISTINCT id) FROM news_analysis.failures;
SELECT news_analysis.refresh_vote_view('dr_votes');
SELECT 'votes ' || (count(*) > 0) FROM dr_votes WHERE id = 901;
DROP VIEW ok;
DROP TABLE dr_articles CASCADE;
DROP TABLE desk.notes;
SELECT 'left ' || count(*) FROM pg_class WHERE relname LIKE 'dr\_articles%' OR relname LIKE 'notes\_%';
SELECT 'registry ' || count(*) FROM news_analysis.tracked;
SQL
  local got
  got=$(grep -vE '^(refresh_vote_view)?$' "$work/behaviour" | tr '\n' ';')
  check '[[ $got == "drift 0;notes 1;failures 2;votes true;left 0;registry 0;" ]]' \
    "$name: after the restore, writes are analysed, failures get fresh ids, DROP TABLE cleans up (got: $got)"
}

restore() { # restore NAME REANALYSED CMD...: a fresh database, CMD restores into it
  local name=$1 reanalysed=$2; shift 2
  dropdb --if-exists "$dst" 2>/dev/null; createdb "$dst"
  if "$@" >"$work/restore.log" 2>&1 && ! grep -q ERROR "$work/restore.log"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); echo "FAIL: $name: the restore failed:"; head -n 20 "$work/restore.log" | cut -c1-300
  fi
  after_restore "$name" "$reanalysed"
  echo "dump_restore: $name: done"
}

restore "pg_restore" "" pg_restore --exit-on-error -d "$dst" "$work/db.dump"
# -j 2 in two steps: in one, PostgreSQL may create a partitioned table's
# triggers (they have no table data to wait for) while its partitions' rows
# are still loading, and the analysis then collides with the restored rows
parallel_restore() {
  pg_restore --exit-on-error -j 2 --section=pre-data --section=data -d "$dst" "$work/db.dump" &&
    pg_restore --exit-on-error -j 2 --section=post-data -d "$dst" "$work/db.dump"
}
restore "pg_restore -j 2 (data, then post-data)" "" parallel_restore
restore "plain SQL through psql" "" psql -X -q -v ON_ERROR_STOP=1 -d "$dst" -f "$work/db.sql"
schema_then_data() {
  pg_restore --exit-on-error -d "$dst" "$work/schema.dump" &&
    pg_restore --exit-on-error -d "$dst" "$work/data.dump" &&
    # a data-only dump holds no materialized view's rows (PostgreSQL's rule);
    # the next scheduled refresh fills it, as this one does
    psql_ -d "$dst" -c "SELECT news_analysis.refresh_vote_view('dr_votes')" >/dev/null
}
restore "schema-only, then data-only (triggers on)" 900 schema_then_data

# DROP EXTENSION ... CASCADE: the triggers on tracked tables, the registry and
# the failures go; derived tables and views stay (README); track() replaces them
dropdb --if-exists "$dst" 2>/dev/null; createdb "$dst"
pg_restore --exit-on-error -d "$dst" "$work/db.dump"
psql_ -d "$dst" -c "SET client_min_messages = warning" -c "DROP EXTENSION news_analysis CASCADE"
check '[[ $(psql_ -d $dst -c "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal") == 0 ]]' \
  "DROP EXTENSION CASCADE drops the triggers of tracked tables"
check '[[ $(psql_ -d $dst -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = '\''news_analysis'\''") == 0 ]]' \
  "DROP EXTENSION CASCADE drops the registry and failures (the schema stays, empty, as PostgreSQL leaves it)"
left=$(psql_ -d "$dst" -c "SELECT string_agg(relname, ' ' ORDER BY relname) FROM pg_class
                            WHERE relname LIKE 'dr\_articles\_%' AND relkind IN ('r', 'v')")
echo "dump_restore: left after DROP EXTENSION CASCADE: $left"
check '[[ $left == *dr_articles_quotes* && $left == *dr_articles_quotes_per_outlet* && $left == *dr_articles_names* &&
        $left != *dr_articles_people* && $left != *dr_articles_top_speakers* && $left != *dr_articles_speaker_people* ]]' \
  "the derived tables, the people registry's table and the views that do not count by person stay, those that do go, as the README says"
if psql_ -d "$dst" >"$work/retrack.log" 2>&1 <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION news_analysis;
SELECT news_analysis.track('dr_articles', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('dr_articles');
SELECT news_analysis.track('desk.notes', 'body', 'slug');
SQL
then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL: track() again after DROP EXTENSION CASCADE:"; cat "$work/retrack.log"
fi
psql_ -d "$dst" -c "SET client_min_messages = warning" -c "DROP MATERIALIZED VIEW IF EXISTS dr_votes" -c "SELECT news_analysis.create_vote_view('dr_votes', 'dr_articles', 'id', 'body')" >/dev/null
rows "$dst" | grep -v '^news_analysis.failures ' >"$work/dst.rows"
grep -v '^news_analysis.failures ' "$work/src.rows" | grep -v '^dr_articles_.* (900,' >"$work/src.nofail.rows"
check 'diff <(grep -v "^dr_articles_.* (900," "$work/dst.rows") "$work/src.nofail.rows" >/dev/null' \
  "after CREATE EXTENSION and track() again, the derived rows equal the source's"
after_restore_retracked() {
  psql_ -d "$dst" -f test/tools/catalog_snapshot.sql >"$work/dst.catalog"
  diff "$work/src.catalog" "$work/dst.catalog"
}
if after_restore_retracked >"$work/catalog.diff"; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAIL: after track() again, the catalog differs from the source's:"
  head -n 30 "$work/catalog.diff"
fi

dropdb "$dst"; dropdb "$src"
echo "dump_restore: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
