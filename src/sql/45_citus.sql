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
