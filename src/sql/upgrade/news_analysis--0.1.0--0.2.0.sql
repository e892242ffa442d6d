-- news_analysis 0.1.0 -> 0.2.0, run by ALTER EXTENSION news_analysis UPDATE.
\echo Use "ALTER EXTENSION news_analysis UPDATE" to load this file. \quit
--
-- How this file is made.  One section per change of the SQL surface, headed
-- "-- ==== #N: what", self-contained, appended in the order the changes are
-- merged.  Together they bring a 0.1.0 database to what src/sql/*.sql makes
-- in a fresh one:
--   * functions: CREATE OR REPLACE with the body of src/sql (when two
--     sections replace the same function, the LAST one must be the merged
--     body of src/sql: scripts/upgrade-functions NAME... prints it); DROP
--     FUNCTION first when the result type changes;
--   * types: ALTER TYPE ... ADD ATTRIBUTE, at the end as in src/sql;
--   * what track() and create_views() make: loop over news_analysis.tracked
--     and change every tracked table's derived tables, triggers and views
--     (ALTER TABLE ... ADD COLUMN for a new attribute of quote, speaker or
--     vote_event; news_analysis.attach_trigger(source) remakes the triggers);
--   * comments, grants and pg_extension_config_dump() of new objects.
-- test/reliability/suites/upgrade.sh installs 0.1.0, tracks tables, runs this script and
-- compares the catalog and the derived rows with a fresh install of 0.2.0;
-- it prints every difference, i.e. what a section misses.
--
-- Existing derived rows.  ALTER EXTENSION UPDATE does not analyse articles
-- again: on a large table that takes long and would lock it for the whole
-- upgrade.  The rows 0.1.0 wrote stay (new columns NULL) until
--   SELECT news_analysis.reanalyse('table');      -- or CALL backfill() after
-- and a WARNING at the end of the upgrade names the tables.  New and changed
-- articles are analysed by the new analysers at once.

-- ==== #17: operations (drop clean-up kept by restores, keys on every
-- derived table, data-only restores, DROP EXTENSION leftovers, quoted_on
-- with several words)

COMMENT ON TABLE news_analysis.failures IS
  'articles stored without analysis because the analysis failed (lenient mode): the table, the article key as text, the error and when; a log, cleared by reanalyse() and untrack(); retry_failures() analyses them again';
SELECT pg_catalog.pg_extension_config_dump('news_analysis.failures_id_seq', '');

CREATE OR REPLACE FUNCTION news_analysis.analysis_writing()
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'na_analysis_writing'
  LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION news_analysis.analysis_writing() IS
  'internal: true while this session''s analysis writes derived rows (the WHEN clause of the derived tables'' trigger news_analysis_restore)';

CREATE OR REPLACE FUNCTION news_analysis.skip_analysed_row()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  present boolean;
BEGIN
  -- TG_ARGV[0]: the key column beside article_key (ordinal; first_start for speakers)
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I d'
                 ' WHERE d.article_key OPERATOR(pg_catalog.=) ($1).article_key'
                 ' AND d.%I OPERATOR(pg_catalog.=) ($1).%I)',
                 TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0], TG_ARGV[0])
    INTO present USING NEW;
  IF present THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$fn$;
COMMENT ON FUNCTION news_analysis.skip_analysed_row() IS
  'internal: trigger news_analysis_restore of derived tables: a row written by other than the analysis (a data-only restore) is skipped when its key is there already';

CREATE OR REPLACE FUNCTION news_analysis.key_derived_table(derived regclass, key_column name)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = derived AND i.indisprimary) THEN
    EXECUTE format('ALTER TABLE %s ADD PRIMARY KEY (article_key, %I)', derived, key_column);
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = derived
                   AND g.tgname = 'news_analysis_restore') THEN
    EXECUTE format('CREATE TRIGGER news_analysis_restore BEFORE INSERT ON %s'
                   ' FOR EACH ROW WHEN (NOT news_analysis.analysis_writing())'
                   ' EXECUTE FUNCTION news_analysis.skip_analysed_row(%L)',
                   derived, key_column);
  END IF;
END
$fn$;
COMMENT ON FUNCTION news_analysis.key_derived_table(regclass, name) IS
  'internal: gives a derived table its primary key (article_key, key_column) and the trigger news_analysis_restore, unless it has them';

CREATE OR REPLACE FUNCTION news_analysis.drop_leftover(derived text, source regclass)
  RETURNS boolean
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  rel    oid := to_regclass(derived);
  views  text;
BEGIN
  IF rel IS NULL
     OR (SELECT c.relkind FROM pg_class c WHERE c.oid = rel) <> 'r'
     OR coalesce(obj_description(rel, 'pg_class'), '') NOT LIKE '% of the articles of ' || source::text || ' (key %), kept by news_analysis.track()'
     OR EXISTS (SELECT 1 FROM news_analysis.tracked t
                 WHERE rel IN (t.quotes_table, t.speakers_table, t.vote_events_table)) THEN
    RETURN false;
  END IF;
  -- the views create_views() made on it (their comments name the table)
  SELECT string_agg(DISTINCT format('%I.%I', vn.nspname, v.relname), ', ') INTO views
    FROM pg_depend d
    JOIN pg_rewrite w ON w.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
    JOIN pg_class v ON v.oid = w.ev_class AND v.relkind = 'v'
    JOIN pg_namespace vn ON vn.oid = v.relnamespace
   WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = rel
     AND coalesce(obj_description(v.oid, 'pg_class'), '') LIKE '% of ' || source::text || '%';
  IF views IS NOT NULL THEN
    RAISE NOTICE 'dropping views % left by an earlier news_analysis', views;
    EXECUTE 'DROP VIEW IF EXISTS ' || views || ' CASCADE';
  END IF;
  RAISE NOTICE 'dropping table % left by an earlier news_analysis (DROP EXTENSION ... CASCADE keeps derived tables)', derived;
  -- without CASCADE: views of the user's own on it stop the DROP with an error naming them
  EXECUTE format('DROP TABLE %s', derived);
  RETURN true;
END
$fn$;
COMMENT ON FUNCTION news_analysis.drop_leftover(text, regclass) IS
  'internal: drops a derived table of source (and the analyst views on it) left behind by DROP EXTENSION news_analysis CASCADE, so that track() can make it again; false if the relation is not such a leftover';

CREATE OR REPLACE FUNCTION news_analysis.track(
  source      regclass,
  text_column name,
  key_column  name,
  strict      boolean DEFAULT false,
  batch_size  integer DEFAULT 1000,
  backfill    boolean DEFAULT true)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  rel       pg_class;
  nspname   name;
  owner     name;
  text_type oid;
  key_att   pg_attribute;
  key_type  text;
  suffixes  text[] := ARRAY['_quotes', '_speakers', '_vote_events'];
  types     text[] := ARRAY['quote', 'speaker', 'vote_event'];
  what      text[] := ARRAY['quotes', 'speakers', 'vote events'];
  derived   regclass[] := '{}';
  tname     text;
  qname     text;
BEGIN
  PERFORM news_analysis.check_owner(source);
  SELECT * INTO rel FROM pg_class c WHERE c.oid = source;
  IF rel.relkind NOT IN ('r', 'p') THEN
    RAISE EXCEPTION '% is not a table', source
      USING ERRCODE = 'wrong_object_type';
  END IF;
  -- rows written through the parent would not fire a partition's statement triggers
  IF rel.relispartition THEN
    RAISE EXCEPTION 'table % is a partition of %', source,
      (SELECT i.inhparent::regclass FROM pg_inherits i WHERE i.inhrelid = source)
      USING ERRCODE = 'wrong_object_type',
            HINT = 'Track the partitioned table: its triggers see the rows of every partition.';
  END IF;
  IF EXISTS (SELECT 1 FROM news_analysis.tracked t WHERE t.source = track.source) THEN
    RAISE EXCEPTION 'table % is already tracked', source
      USING ERRCODE = 'duplicate_object',
            HINT = 'Call news_analysis.untrack() first, or news_analysis.set_strict() to change the mode.';
  END IF;
  IF batch_size IS NULL OR batch_size < 1 THEN
    RAISE EXCEPTION 'batch_size must be at least 1' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF text_column = key_column THEN
    RAISE EXCEPTION 'the text column and the key column must differ'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  SELECT getbase.t INTO text_type
    FROM pg_attribute a,
         LATERAL (WITH RECURSIVE d(t) AS (
                    SELECT a.atttypid
                    UNION ALL
                    SELECT ty.typbasetype FROM pg_type ty, d
                     WHERE ty.oid = d.t AND ty.typtype = 'd')
                  SELECT d.t FROM d JOIN pg_type ty ON ty.oid = d.t
                   WHERE ty.typtype <> 'd') getbase
   WHERE a.attrelid = source AND a.attname = text_column AND a.attnum > 0 AND NOT a.attisdropped;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'column "%" of table % does not exist', text_column, source
      USING ERRCODE = 'undefined_column';
  END IF;
  IF text_type NOT IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN
    RAISE EXCEPTION 'column "%" of table % is of type %, not text', text_column, source,
      format_type(text_type, NULL)
      USING ERRCODE = 'datatype_mismatch',
            HINT = 'Track a text, varchar or char column.';
  END IF;

  SELECT * INTO key_att FROM pg_attribute a
   WHERE a.attrelid = source AND a.attname = key_column AND a.attnum > 0 AND NOT a.attisdropped;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'column "%" of table % does not exist', key_column, source
      USING ERRCODE = 'undefined_column';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_index i
                  WHERE i.indrelid = source AND i.indisunique AND i.indnkeyatts = 1
                    AND i.indkey[0] = key_att.attnum AND i.indpred IS NULL
                    AND i.indexprs IS NULL AND i.indimmediate)
     OR NOT key_att.attnotnull THEN
    RAISE EXCEPTION 'column "%" of table % is not a key', key_column, source
      USING ERRCODE = 'invalid_column_reference',
            DETAIL = 'The derived rows of an article are found by its key: it must be NOT NULL and have a unique index of its own.',
            HINT = CASE
              -- a partitioned table's unique indexes all hold its partition key
              WHEN rel.relkind = 'p' AND NOT EXISTS (
                     SELECT 1 FROM pg_partitioned_table pt
                      WHERE pt.partrelid = source AND pt.partnatts = 1
                        AND pt.partattrs[0] = key_att.attnum) THEN
                format('A unique index of a partitioned table must contain its partition key (%s), so %I cannot be a key of its own there: partition the table by %I (PARTITION BY HASH (%I) or RANGE (%I)).',
                       pg_get_partkeydef(source), key_column, key_column, key_column, key_column)
              -- a second key beside the primary key
              WHEN EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = source AND i.indisprimary) THEN
                format('CREATE UNIQUE INDEX ON %s (%I);', source, key_column) ||
                CASE WHEN NOT key_att.attnotnull
                     THEN format(' ALTER TABLE %s ALTER COLUMN %I SET NOT NULL;', source, key_column)
                     ELSE '' END
              ELSE format('ALTER TABLE %s ADD PRIMARY KEY (%I);', source, key_column)
            END;
  END IF;
  key_type := format_type(key_att.atttypid, key_att.atttypmod);

  SELECT n.nspname INTO nspname FROM pg_namespace n WHERE n.oid = rel.relnamespace;
  owner := pg_get_userbyid(rel.relowner);

  FOR i IN 1 .. 3 LOOP
    tname := rel.relname || suffixes[i];
    IF octet_length(tname) > 63 THEN
      RAISE EXCEPTION 'the name of table % is too long for its derived table "%"', source, tname
        USING ERRCODE = 'name_too_long',
              HINT = 'Derived tables are named after the table with the suffixes _quotes, _speakers and _vote_events; rename the table.';
    END IF;
    qname := format('%I.%I', nspname, tname);
    PERFORM news_analysis.drop_leftover(qname, source);
    IF to_regclass(qname) IS NOT NULL THEN
      RAISE EXCEPTION 'relation % already exists', qname
        USING ERRCODE = 'duplicate_table',
              HINT = 'news_analysis.track() creates it: drop or rename it first.';
    END IF;
    EXECUTE format('CREATE TABLE %s (article_key %s NOT NULL, LIKE news_analysis.%I)',
                   qname, key_type, types[i]);
    -- a speaker's first mention is where no other speaker's is
    PERFORM news_analysis.key_derived_table(qname::regclass,
      CASE WHEN types[i] = 'speaker' THEN 'first_start' ELSE 'ordinal' END);
    EXECUTE format('ALTER TABLE %s OWNER TO %I', qname, owner);
    EXECUTE format('COMMENT ON TABLE %s IS %L', qname,
                   format('%s of the articles of %s (key %I, text %I), kept by news_analysis.track()',
                          what[i], source, key_column, text_column));
    EXECUTE format('COMMENT ON COLUMN %s.article_key IS %L', qname,
                   format('the value of %s.%I', source, key_column));
    derived := derived || qname::regclass;
  END LOOP;

  INSERT INTO news_analysis.tracked
    (source, text_column, key_column, strict_mode, quotes_table, speakers_table, vote_events_table)
  VALUES (source, text_column, key_column, track.strict, derived[1], derived[2], derived[3]);
  PERFORM news_analysis.attach_trigger(source);

  -- backfill => false: the caller runs CALL news_analysis.backfill() next
  IF NOT backfill THEN
    RETURN 0;
  END IF;
  RETURN news_analysis.analyse_existing(source, batch_size);
END
$fn$;
COMMENT ON FUNCTION news_analysis.track(regclass, name, name, boolean, integer, boolean) IS
  'analyse a table''s articles on write: creates <table>_quotes, <table>_speakers and <table>_vote_events keyed by article_key (owned by the table''s owner, with no grants: grant on them what you grant on the table), attaches the trigger and analyses the rows already there (NOTICE every batch_size rows; with backfill => false it does not, for CALL news_analysis.backfill() to do it in committed batches); returns how many rows it analysed.  Renaming a tracked column or a derived table needs untrack() and track() again; TRUNCATE of a single partition leaves its derived rows (reanalyse() the parent)';

CREATE OR REPLACE FUNCTION news_analysis.enable_drop_cleanup()
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'news_analysis_drop') THEN
    RETURN;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'permission denied to enable news_analysis drop clean-up'
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'A superuser must run SELECT news_analysis.enable_drop_cleanup().';
  END IF;
  CREATE EVENT TRIGGER news_analysis_drop ON sql_drop
    EXECUTE FUNCTION news_analysis.on_drop();
  COMMENT ON EVENT TRIGGER news_analysis_drop IS
    'drops the derived tables and views of a tracked table dropped without news_analysis.untrack()';
  -- a member of the extension, so DROP EXTENSION removes it too
  ALTER EXTENSION news_analysis ADD EVENT TRIGGER news_analysis_drop;
END
$fn$;
COMMENT ON FUNCTION news_analysis.enable_drop_cleanup() IS
  'superuser: makes the event trigger news_analysis_drop again if it was dropped (CREATE EXTENSION makes it), so that dropping a tracked table drops its derived tables and views';

CREATE OR REPLACE FUNCTION news_analysis.quoted_on(source regclass, word text)
  RETURNS TABLE (speaker text, role text, affiliation text, quotes bigint,
                 articles bigint, example text)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t     news_analysis.tracked;
  topic tsquery;
BEGIN
  SELECT * INTO t FROM news_analysis.tracked r WHERE r.source = quoted_on.source;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'table % is not tracked', source
      USING ERRCODE = 'undefined_object', HINT = 'Call news_analysis.track() first.';
  END IF;
  IF word IS NULL OR btrim(word) = '' THEN
    RETURN;
  END IF;
  -- its stem, or any word starting with it, through the project's text
  -- search configuration (a stop word gives a NOTICE and no rows); several
  -- words are a phrase: 'climate change' is 'climat':* <-> 'chang':*
  BEGIN
    topic := to_tsquery('news_analysis.english_news', quote_literal(lower(word)) || ':*');
  EXCEPTION WHEN syntax_error THEN
    RAISE EXCEPTION 'cannot search quotes for %: not a word', quote_literal(word)
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Give one word, such as ''vote''.';
  END;
  IF numnode(topic) = 0 THEN
    RETURN;
  END IF;
  -- the articles that mention it, and in them the attributed quotes;
  -- quotes containing it come first
  RETURN QUERY EXECUTE format($q$
    WITH hits AS (
      SELECT q.speaker, s.role, s.affiliation, q.article_key, q.text,
             pg_catalog.to_tsvector('news_analysis.english_news', q.text) @@ $1 AS in_quote
        FROM %1$s a
        JOIN %2$s q ON q.article_key OPERATOR(pg_catalog.=) a.%3$I
        LEFT JOIN %4$s s ON s.article_key OPERATOR(pg_catalog.=) q.article_key
                        AND s.name OPERATOR(pg_catalog.=) q.speaker
       WHERE q.speaker IS NOT NULL
         AND pg_catalog.to_tsvector('news_analysis.english_news', a.%5$I::pg_catalog.text) @@ $1
    )
    SELECT h.speaker,
           pg_catalog.mode() WITHIN GROUP (ORDER BY h.role),
           pg_catalog.mode() WITHIN GROUP (ORDER BY h.affiliation),
           pg_catalog.count(*), pg_catalog.count(DISTINCT h.article_key),
           (pg_catalog.array_agg(h.text ORDER BY h.in_quote DESC, pg_catalog.length(h.text) DESC))[1]
      FROM hits h
     GROUP BY h.speaker
     ORDER BY pg_catalog.count(*) FILTER (WHERE h.in_quote) DESC, 4 DESC, 1$q$,
    news_analysis.qualified_name(source), news_analysis.qualified_name(t.quotes_table),
    t.key_column, news_analysis.qualified_name(t.speakers_table), t.text_column)
  USING topic;
END
$fn$;
COMMENT ON FUNCTION news_analysis.quoted_on(regclass, text) IS
  'who is quoted in the articles of a tracked table that mention a word (stemmed with news_analysis.english_news, or a word starting with it; several words are a phrase: adjacent, in that order): quotes, articles and an example quote, those who use the word themselves first; an index ON articles USING gin (to_tsvector(''news_analysis.english_news'', body)) serves it';

-- the drop clean-up: made here unless enable_drop_cleanup() made it in 0.1.0
-- (it then belongs to the extension already)
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_event_trigger WHERE evtname = 'news_analysis_drop') THEN
    CREATE EVENT TRIGGER news_analysis_drop ON sql_drop
      EXECUTE FUNCTION news_analysis.on_drop();
  END IF;
END
$do$;
COMMENT ON EVENT TRIGGER news_analysis_drop IS
  'drops the derived tables and views of a tracked table dropped without news_analysis.untrack()';

-- every tracked table: speakers keyed by (article_key, first_start) instead of
-- the index on article_key (rows a data-only restore doubled go first), and
-- the restore trigger on the three derived tables
DO $do$
DECLARE
  t   news_analysis.tracked;
  idx pg_catalog.regclass;
BEGIN
  FOR t IN SELECT * FROM news_analysis.tracked LOOP
    EXECUTE pg_catalog.format(
      'DELETE FROM %s a USING %s b WHERE a.article_key OPERATOR(pg_catalog.=) b.article_key'
      ' AND a.first_start OPERATOR(pg_catalog.=) b.first_start AND a.ctid OPERATOR(pg_catalog.>) b.ctid',
      t.speakers_table, t.speakers_table);
    FOR idx IN
      SELECT i.indexrelid::pg_catalog.regclass FROM pg_catalog.pg_index i
       WHERE i.indrelid OPERATOR(pg_catalog.=) t.speakers_table AND NOT i.indisunique
         AND i.indnatts OPERATOR(pg_catalog.=) 1
         AND i.indkey[0] OPERATOR(pg_catalog.=) (SELECT a.attnum FROM pg_catalog.pg_attribute a
                            WHERE a.attrelid OPERATOR(pg_catalog.=) t.speakers_table
                              AND a.attname OPERATOR(pg_catalog.=) 'article_key')
    LOOP
      EXECUTE pg_catalog.format('DROP INDEX %s', idx);
    END LOOP;
    PERFORM news_analysis.key_derived_table(t.quotes_table, 'ordinal');
    PERFORM news_analysis.key_derived_table(t.speakers_table, 'first_start');
    PERFORM news_analysis.key_derived_table(t.vote_events_table, 'ordinal');
  END LOOP;
END
$do$;

-- what the upgrade leaves to the user: analysing the tracked tables again
DO $do$
DECLARE
  names text;
BEGIN
  SELECT pg_catalog.string_agg(pg_catalog.format('SELECT news_analysis.reanalyse(%L);', r.source::text), ' '
                               ORDER BY r.source::text)
    INTO names FROM news_analysis.tracked r;
  IF names IS NOT NULL THEN
    -- (a WARNING: an extension script runs with client_min_messages at least warning)
    RAISE WARNING 'news_analysis 0.2.0: the derived rows of tracked tables were written by 0.1.0''s analysers'
      USING HINT = 'Analyse them again when convenient: ' || names;
  END IF;
END
$do$;
