-- ==== #18: analysis on write under Citus (branch citus)
-- Everything of src/sql/45_citus.sql (the Citus helpers, analyse_shard_row,
-- cluster_failures, SET citus.enable_unsafe_triggers on attach_trigger and
-- detach_triggers), and one or two lines each in track(), untrack(),
-- reanalyse(), backfill(), retry_failures() and tracking_status() of
-- src/sql/40_track.sql, replaced here whole: when another section replaces
-- one of them too, the LAST one must be the merged body of src/sql.

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
            HINT = format('ALTER TABLE %s ADD PRIMARY KEY (%I);', source, key_column);
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
    IF to_regclass(qname) IS NOT NULL THEN
      RAISE EXCEPTION 'relation % already exists', qname
        USING ERRCODE = 'duplicate_table',
              HINT = 'news_analysis.track() creates it: drop or rename it first.';
    END IF;
    EXECUTE format('CREATE TABLE %s (article_key %s NOT NULL, LIKE news_analysis.%I)',
                   qname, key_type, types[i]);
    IF types[i] = 'speaker' THEN
      EXECUTE format('CREATE INDEX ON %s (article_key)', qname);
    ELSE
      EXECUTE format('ALTER TABLE %s ADD PRIMARY KEY (article_key, ordinal)', qname);
    END IF;
    EXECUTE format('ALTER TABLE %s OWNER TO %I', qname, owner);
    EXECUTE format('COMMENT ON TABLE %s IS %L', qname,
                   format('%s of the articles of %s (key %I, text %I), kept by news_analysis.track()',
                          what[i], source, key_column, text_column));
    EXECUTE format('COMMENT ON COLUMN %s.article_key IS %L', qname,
                   format('the value of %s.%I', source, key_column));
    derived := derived || qname::regclass;
  END LOOP;
  PERFORM news_analysis.citus_distribute_derived(source, key_column, derived);  -- Citus (45_citus.sql)

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

CREATE OR REPLACE FUNCTION news_analysis.untrack(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
BEGIN
  t := news_analysis.tracked_row(source);
  PERFORM news_analysis.detach_triggers(source);
  -- one statement, so that views built on each other go together
  IF cardinality(t.views) > 0 THEN
    EXECUTE format('DROP VIEW IF EXISTS %s',
                   (SELECT string_agg(news_analysis.qualified_name(v), ', ') FROM unnest(t.views) v));
  END IF;
  EXECUTE format('DROP TABLE IF EXISTS %s, %s, %s',
                 t.quotes_table, t.speakers_table, t.vote_events_table);
  DELETE FROM news_analysis.failures f WHERE f.source = untrack.source;
  PERFORM news_analysis.citus_forget_failures(source);
  DELETE FROM news_analysis.tracked r WHERE r.source = untrack.source;
END
$fn$;

CREATE OR REPLACE FUNCTION news_analysis.reanalyse(source regclass, batch_size integer DEFAULT 1000)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
BEGIN
  t := news_analysis.tracked_row(source);
  EXECUTE format('TRUNCATE %s, %s, %s', t.quotes_table, t.speakers_table, t.vote_events_table);
  DELETE FROM news_analysis.failures f WHERE f.source = reanalyse.source;
  PERFORM news_analysis.citus_forget_failures(source);
  RETURN news_analysis.analyse_existing(source, batch_size);
END
$fn$;

CREATE OR REPLACE PROCEDURE news_analysis.backfill(source regclass, batch_blocks integer DEFAULT 128)
  LANGUAGE plpgsql
AS $fn$
DECLARE
  blocks   bigint;
  first    bigint := 0;
  analysed bigint := 0;
  kind     pg_catalog."char";
BEGIN
  PERFORM news_analysis.tracked_row(source);
  IF batch_blocks IS NULL OR batch_blocks OPERATOR(pg_catalog.<) 1 THEN
    RAISE EXCEPTION 'batch_blocks must be at least 1' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT c.relkind INTO kind FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source;
  IF kind OPERATOR(pg_catalog.<>) 'r' OR news_analysis.citus_method(source) IS NOT NULL THEN
    -- a partitioned or Citus distributed table has no blocks of its own: one pass
    analysed := news_analysis.analyse_existing(source);
    RETURN;
  END IF;
  -- the blocks there now; rows written later are the trigger's
  blocks := pg_catalog.pg_relation_size(source)
            OPERATOR(pg_catalog./) pg_catalog.current_setting('block_size')::pg_catalog.int8;
  WHILE first OPERATOR(pg_catalog.<) blocks LOOP
    analysed := analysed OPERATOR(pg_catalog.+)
      news_analysis.analyse_existing(source, 1000, NULL, first,
                                     first OPERATOR(pg_catalog.+) batch_blocks);
    first := first OPERATOR(pg_catalog.+) batch_blocks;
    COMMIT;
    RAISE NOTICE 'analysed % rows of % (% of % blocks)', analysed, source,
      LEAST(first, blocks), blocks;
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION news_analysis.retry_failures(source regclass, batch_size integer DEFAULT 1000)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  keys text[];
BEGIN
  PERFORM news_analysis.tracked_row(source);
  WITH retried AS (
    DELETE FROM news_analysis.failures f WHERE f.source = retry_failures.source
    RETURNING f.article_key)
  SELECT array_agg(DISTINCT r.article_key) INTO keys FROM retried r;
  -- Citus: those recorded on the workers (analysing a row there replaces its failures)
  keys := ARRAY(SELECT DISTINCT k FROM unnest(coalesce(keys, '{}') || news_analysis.citus_failure_keys(source)) k);
  IF cardinality(keys) = 0 THEN
    RETURN 0;
  END IF;
  -- those that fail again are recorded again
  RETURN news_analysis.analyse_existing(source, batch_size, keys);
END
$fn$;

CREATE OR REPLACE FUNCTION news_analysis.tracking_status()
  RETURNS TABLE (source regclass, strict_mode boolean, articles bigint,
                 quotes bigint, speakers bigint, vote_events bigint, failures bigint)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
BEGIN
  -- the tables the caller may read (the registry's policy hides the others)
  FOR t IN SELECT * FROM news_analysis.tracked r
            WHERE has_table_privilege(r.source, 'SELECT')
              AND has_table_privilege(r.quotes_table, 'SELECT')
              AND has_table_privilege(r.speakers_table, 'SELECT')
              AND has_table_privilege(r.vote_events_table, 'SELECT')
            ORDER BY r.source::text
  LOOP
    source := t.source;
    strict_mode := t.strict_mode;
    EXECUTE format('SELECT (SELECT count(*) FROM %s), (SELECT count(*) FROM %s),
                           (SELECT count(*) FROM %s), (SELECT count(*) FROM %s)',
                   news_analysis.qualified_name(t.source), news_analysis.qualified_name(t.quotes_table),
                   news_analysis.qualified_name(t.speakers_table),
                   news_analysis.qualified_name(t.vote_events_table))
      INTO articles, quotes, speakers, vote_events;
    SELECT count(*) INTO failures FROM news_analysis.failures f WHERE f.source = t.source;
    failures := failures + news_analysis.citus_failure_count(t.source);
    RETURN NEXT;
  END LOOP;
END
$fn$;

-- Analysis on write under Citus (src/pg/citus_pg.c, README "Scaling out").
--
-- Citus is found at run time: nothing here needs it installed, and without
-- it every helper answers "not a Citus table".  On a hash-distributed table
-- track() distributes the derived tables by article_key, colocated with the
-- table, and Citus copies the triggers onto every shard; the shard triggers
-- write into the colocated shards of the derived tables, on the worker.
-- news_analysis.tracked stays on the node where track() ran (the
-- coordinator); news_analysis.failures is a plain table on every node, and
-- the failures of a shard's articles are recorded on the node holding the
-- shard (a trigger on a shard may not write to other nodes).

-- The triggers of a distributed table are created and dropped through Citus,
-- which allows it only with this setting; SET here applies to the call only.
ALTER FUNCTION news_analysis.attach_trigger(regclass) SET citus.enable_unsafe_triggers = on;
ALTER FUNCTION news_analysis.detach_triggers(regclass) SET citus.enable_unsafe_triggers = on;

CREATE FUNCTION news_analysis.analyse_shard_row(shard regclass, key anyelement, map text[] DEFAULT NULL)
  RETURNS integer
  AS 'MODULE_PATHNAME', 'na_analyse_shard_row'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_shard_row(regclass, anyelement, text[]) IS
  'internal: analyse again the row with this key of a tracked table or shard, replacing its derived rows and failures (1 if found); analyse_existing() calls it on the workers for a Citus distributed table, with map the rows {shard id, quotes shard, speakers shard, vote events shard} of its colocated shards';

-- The Citus distribution method of a table ('h' hash, 'n' reference or
-- Citus local, ...), NULL for a table Citus does not manage or without Citus.
CREATE FUNCTION news_analysis.citus_method(source regclass)
  RETURNS "char"
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  method "char";
BEGIN
  IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
    RETURN NULL;
  END IF;
  EXECUTE 'SELECT p.partmethod FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1'
    INTO method USING source;
  RETURN method;
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_method(regclass) IS
  'internal: the Citus distribution method of a table (''h'' for hash-distributed), NULL when Citus does not manage it';

-- track() on a Citus table: only a table distributed by its key can keep its
-- derived rows beside its articles.  Returns whether the table is distributed.
CREATE FUNCTION news_analysis.citus_check_source(source regclass, key_column name)
  RETURNS boolean
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  method "char" := news_analysis.citus_method(source);
  column_name text;
BEGIN
  IF method IS NULL THEN
    RETURN false;
  END IF;
  IF method <> 'h' THEN
    RAISE EXCEPTION 'table % is a Citus reference or local table', source
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'news_analysis tracks plain tables and hash-distributed Citus tables.',
            HINT = format('SELECT undistribute_table(%L); then track it, or distribute it with create_distributed_table(%L, %L).',
                          source::text, source::text, key_column);
  END IF;
  EXECUTE 'SELECT pg_catalog.column_to_column_name(p.logicalrelid, p.partkey)
             FROM pg_catalog.pg_dist_partition p WHERE p.logicalrelid = $1'
    INTO column_name USING source;
  IF column_name IS DISTINCT FROM key_column::text THEN
    RAISE EXCEPTION 'table % is distributed by column "%", not by its key column "%"',
      source, column_name, key_column
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'The derived rows of an article are kept in the shard of its article: the table must be distributed by the key.',
            HINT = format('SELECT alter_distributed_table(%L, distribution_column => %L);', source::text, key_column);
  END IF;
  RETURN true;
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_check_source(regclass, name) IS
  'internal: raises an error unless a Citus table is hash-distributed by the key column; true for such a table, false for a table Citus does not manage';

-- The derived tables of a distributed table: distributed by article_key,
-- colocated with it, so that an article's derived rows are in the shard
-- beside the article's, on the same node.  Nothing for other tables.
CREATE FUNCTION news_analysis.citus_distribute_derived(source regclass, key_column name, derived regclass[])
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
  -- a derived table with triggers of its own is distributed only so
  SET citus.enable_unsafe_triggers = on
AS $fn$
DECLARE
  d regclass;
BEGIN
  IF NOT news_analysis.citus_check_source(source, key_column) THEN
    RETURN;
  END IF;
  FOREACH d IN ARRAY derived LOOP
    EXECUTE 'SELECT pg_catalog.create_distributed_table($1, $2, colocate_with => $3)'
      USING d, 'article_key'::text, news_analysis.qualified_name(source);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_distribute_derived(regclass, name, regclass[]) IS
  'internal: for a Citus distributed table (which must be distributed by its key), distributes its derived tables by article_key, colocated with it';

-- Run a query on every worker of the Citus cluster (the coordinator's own
-- rows are read locally by the caller); each must return one value.
CREATE FUNCTION news_analysis.citus_on_workers(command text)
  RETURNS SETOF text
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  r record;
BEGIN
  FOR r IN EXECUTE 'SELECT w.nodename, w.nodeport, w.success, w.result
                      FROM pg_catalog.run_command_on_workers($1) w' USING command
  LOOP
    IF NOT r.success THEN
      RAISE EXCEPTION 'news_analysis could not read the failure log of worker %:%: %',
        r.nodename, r.nodeport, r.result
        USING ERRCODE = 'connection_failure';
    END IF;
    RETURN NEXT r.result;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_on_workers(text) IS
  'internal: the result of a command on every Citus worker (run_command_on_workers), raising an error if one fails';

-- The failures of a distributed table are recorded on the workers that hold
-- its shards: the keys of those recorded anywhere but here.
CREATE FUNCTION news_analysis.citus_failure_keys(source regclass)
  RETURNS text[]
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  keys text[];
BEGIN
  IF news_analysis.citus_method(source) IS NULL THEN
    RETURN '{}';
  END IF;
  SELECT coalesce(array_agg(DISTINCT k), '{}') INTO keys
    FROM news_analysis.citus_on_workers(format(
           'SELECT coalesce(array_agg(f.article_key), ''{}'') FROM news_analysis.failures f WHERE f.source = %L::regclass',
           news_analysis.qualified_name(source))) r,
         unnest(r::text[]) k;
  RETURN keys;
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_failure_keys(regclass) IS
  'internal: the article keys of a Citus distributed table whose failures are recorded on its workers';

CREATE FUNCTION news_analysis.citus_failure_count(source regclass)
  RETURNS bigint
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF news_analysis.citus_method(source) IS NULL THEN
    RETURN 0;
  END IF;
  RETURN (SELECT coalesce(sum(r::bigint), 0)
            FROM news_analysis.citus_on_workers(format(
                   'SELECT count(*) FROM news_analysis.failures f WHERE f.source = %L::regclass',
                   news_analysis.qualified_name(source))) r);
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_failure_count(regclass) IS
  'internal: how many failures of a Citus distributed table are recorded on its workers';

-- untrack(): the workers' failures of the table go too.  (Citus runs this in
-- a transaction of its own on each worker: it is not undone if the caller's
-- transaction is.)
CREATE FUNCTION news_analysis.citus_forget_failures(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  IF news_analysis.citus_method(source) IS NULL THEN
    RETURN;
  END IF;
  PERFORM news_analysis.citus_on_workers(format(
            'DELETE FROM news_analysis.failures f WHERE f.source = %L::regclass',
            news_analysis.qualified_name(source)));
END
$fn$;
COMMENT ON FUNCTION news_analysis.citus_forget_failures(regclass) IS
  'internal: deletes the failures of a Citus distributed table recorded on its workers';

-- The failures of a distributed table, wherever they are recorded.
CREATE FUNCTION news_analysis.cluster_failures(source regclass)
  RETURNS TABLE (article_key text, sqlstate text, message text, detail text, failed_at timestamptz)
  LANGUAGE plpgsql STRICT
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  -- what each node shows is decided there by the failure log's row-level security
  RETURN QUERY
    SELECT f.article_key, f.sqlstate, f.message, f.detail, f.failed_at
      FROM news_analysis.failures f WHERE f.source = cluster_failures.source;
  IF news_analysis.citus_method(source) IS NOT NULL THEN
    RETURN QUERY
      SELECT j.article_key, j.sqlstate, j.message, j.detail, j.failed_at
        FROM news_analysis.citus_on_workers(format(
               'SELECT coalesce(json_agg(f), ''[]'') FROM news_analysis.failures f WHERE f.source = %L::regclass',
               news_analysis.qualified_name(source))) r,
             json_to_recordset(r::json) AS j(article_key text, sqlstate text, message text, detail text,
                                             failed_at timestamptz);
  END IF;
END
$fn$;
COMMENT ON FUNCTION news_analysis.cluster_failures(regclass) IS
  'the recorded analysis failures of a tracked table (those the caller may see): those in news_analysis.failures and, for a Citus distributed table, those recorded on the workers holding its shards';
