-- Analyse on write (src/pg/track_pg.c): track() a table and its articles' quotes,
-- speakers and vote events are kept in derived tables by a trigger.
--
-- Every function here runs with the caller's privileges and a fixed
-- search_path; identifiers are quoted with format('%I') and regclass.

-- The functions of the extension are for every user; what they may read or
-- change is decided by the privileges on their own tables.
GRANT USAGE ON SCHEMA news_analysis TO PUBLIC;

CREATE TABLE news_analysis.tracked (
  source            regclass PRIMARY KEY,
  text_column       name NOT NULL,
  key_column        name NOT NULL,
  strict_mode       boolean NOT NULL,
  quotes_table      regclass NOT NULL,
  speakers_table    regclass NOT NULL,
  vote_events_table regclass NOT NULL,
  views             regclass[] NOT NULL DEFAULT '{}',
  tracked_by        name NOT NULL DEFAULT CURRENT_USER,
  tracked_at        timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE news_analysis.tracked IS
  'tables analysed on write: the text and key columns, strict mode, and the derived tables and views news_analysis.track() and create_views() made';
COMMENT ON COLUMN news_analysis.tracked.strict_mode IS
  'true: an analysis error rejects the row; false: the row is stored and the error recorded in news_analysis.failures';
COMMENT ON COLUMN news_analysis.tracked.views IS
  'views made by news_analysis.create_views(), dropped by untrack()';

CREATE TABLE news_analysis.failures (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source       regclass NOT NULL,
  source_table text NOT NULL,
  article_key  text NOT NULL,
  sqlstate     text NOT NULL,
  message      text NOT NULL,
  detail       text,
  failed_at    timestamptz NOT NULL DEFAULT pg_catalog.clock_timestamp(),
  failed_by    name NOT NULL DEFAULT CURRENT_USER
);
CREATE INDEX ON news_analysis.failures (source, article_key);
COMMENT ON TABLE news_analysis.failures IS
  'articles stored without analysis because the analysis failed (lenient mode): the table, the article key as text, the error and when; a log, cleared by reanalyse() and untrack(); retry_failures() analyses them again';
COMMENT ON COLUMN news_analysis.failures.source_table IS
  'the tracked table''s name when the failure happened (source shows an OID once the table is dropped)';

-- Users see the registry and the failures of the tables they may read, and
-- change them only for the tables they own.
ALTER TABLE news_analysis.tracked ENABLE ROW LEVEL SECURITY;
CREATE POLICY tracked_read ON news_analysis.tracked FOR SELECT
  USING (pg_catalog.has_table_privilege(source, 'SELECT'));
CREATE POLICY tracked_insert ON news_analysis.tracked FOR INSERT
  WITH CHECK (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE'));
CREATE POLICY tracked_update ON news_analysis.tracked FOR UPDATE
  USING (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE'));
CREATE POLICY tracked_delete ON news_analysis.tracked FOR DELETE
  USING (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE')
     OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source));
GRANT SELECT, INSERT, UPDATE, DELETE ON news_analysis.tracked TO PUBLIC;

ALTER TABLE news_analysis.failures ENABLE ROW LEVEL SECURITY;
CREATE POLICY failures_read ON news_analysis.failures FOR SELECT
  USING (pg_catalog.has_table_privilege(source, 'SELECT'));
-- whoever may write the table's rows records the failures of their analysis
CREATE POLICY failures_insert ON news_analysis.failures FOR INSERT
  WITH CHECK (pg_catalog.has_table_privilege(source, 'INSERT, UPDATE'));
CREATE POLICY failures_delete ON news_analysis.failures FOR DELETE
  USING (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE')
     OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source));
GRANT SELECT, INSERT, DELETE ON news_analysis.failures TO PUBLIC;
COMMENT ON POLICY tracked_read ON news_analysis.tracked IS
  'the registry row of a table is visible to those who may read the table';
COMMENT ON POLICY tracked_insert ON news_analysis.tracked IS
  'only the owner of a table registers it (through news_analysis.track())';
COMMENT ON POLICY tracked_update ON news_analysis.tracked IS
  'only the owner of a table changes its registry row';
COMMENT ON POLICY tracked_delete ON news_analysis.tracked IS
  'the owner of a table removes its registry row; anyone removes the row of a table that no longer exists';
COMMENT ON POLICY failures_read ON news_analysis.failures IS
  'the failures of a table are visible to those who may read the table';
COMMENT ON POLICY failures_insert ON news_analysis.failures IS
  'whoever may insert into or update a table records the failures of analysing its rows';
COMMENT ON POLICY failures_delete ON news_analysis.failures IS
  'the owner of a table clears its failures; anyone clears those of a table that no longer exists';

SELECT pg_catalog.pg_extension_config_dump('news_analysis.tracked', '');
SELECT pg_catalog.pg_extension_config_dump('news_analysis.failures', '');
-- the failures' identity counter goes with its rows, or a restored database
-- would hand out their ids again
SELECT pg_catalog.pg_extension_config_dump('news_analysis.failures_id_seq', '');

CREATE FUNCTION news_analysis.analyse_trigger()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'na_analyse_trigger'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_trigger() IS
  'trigger of tracked tables: keeps the derived quotes, speakers and vote events of each row; attach it with news_analysis.track()';

CREATE FUNCTION news_analysis.analyse_ahead()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'na_analyse_ahead'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_ahead() IS
  'trigger of tracked tables, before each inserted row: a background worker analyses the rows of a large INSERT or COPY while it runs, for analyse_trigger() to write; never changes or rejects a row';

CREATE FUNCTION news_analysis.analyse_inserted()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'na_analyse_inserted'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_inserted() IS
  'trigger of tracked tables, after each inserted row: records the row for the statement''s analyse_trigger(), which analyses exactly the rows recorded (those read ahead are analysed already)';

CREATE FUNCTION news_analysis.analyse_existing(source regclass, batch_size integer DEFAULT 1000,
                                               keys text[] DEFAULT NULL,
                                               first_block bigint DEFAULT NULL,
                                               last_block bigint DEFAULT NULL)
  RETURNS bigint
  AS 'MODULE_PATHNAME', 'na_analyse_existing'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_existing(regclass, integer, text[], bigint, bigint) IS
  'analyse (again) every row of a tracked table, or those whose key as text is in keys, or those stored in blocks [first_block, last_block) (locked FOR UPDATE), replacing their derived rows; a NOTICE after each batch of rows (not for blocks); returns the number of rows';

CREATE FUNCTION news_analysis.analysis_writing()
  RETURNS boolean
  AS 'MODULE_PATHNAME', 'na_analysis_writing'
  LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION news_analysis.analysis_writing() IS
  'internal: true while this session''s analysis writes derived rows (the WHEN clause of the derived tables'' trigger news_analysis_restore)';

-- A data-only restore (pg_restore --data-only, without --disable-triggers)
-- loads the articles first: their trigger analyses them and writes their
-- derived rows, then the dump's copy of the same rows arrives.  This trigger
-- on every derived table drops a row written by anyone but the analysis when
-- a row with the same key is there already, so the restore neither fails on
-- the primary key nor doubles rows.  The analysis of the restored article
-- stands (after a restore into another version of news_analysis, reanalyse()).
CREATE FUNCTION news_analysis.skip_analysed_row()
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

-- The primary key and the restore trigger of one derived table.
CREATE FUNCTION news_analysis.key_derived_table(derived regclass, key_column name)
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

-- What DROP EXTENSION ... CASCADE leaves of a tracked table: its derived
-- tables and views, with their rows (the registry, which named them, is
-- gone).  A derived table of a table that is tracked no longer is known by
-- the comment track() gave it; track() drops it and its views.
CREATE FUNCTION news_analysis.drop_leftover(derived text, source regclass)
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
                 WHERE rel IN (t.quotes_table, t.speakers_table, t.vote_events_table)
                   AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.source)) THEN
    RETURN false;
  END IF;
  -- the registry row of a table dropped while the drop clean-up was missing
  -- (0.1.0 without enable_drop_cleanup()) names it: forget that row
  DELETE FROM news_analysis.failures f
   WHERE f.source IN (SELECT t.source FROM news_analysis.tracked t
                       WHERE rel IN (t.quotes_table, t.speakers_table, t.vote_events_table));
  DELETE FROM news_analysis.tracked t
   WHERE rel IN (t.quotes_table, t.speakers_table, t.vote_events_table);
  -- the views create_views() made on it (their comments name the table)
  SELECT string_agg(DISTINCT format('%I.%I', vn.nspname, v.relname), ', ') INTO views
    FROM pg_depend d
    JOIN pg_rewrite w ON w.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
    JOIN pg_class v ON v.oid = w.ev_class AND v.relkind = 'v'
    JOIN pg_namespace vn ON vn.oid = v.relnamespace
   WHERE d.refclassid = 'pg_class'::regclass AND d.refobjid = rel
     AND coalesce(obj_description(v.oid, 'pg_class'), '') LIKE '% of ' || source::text || '%';
  IF views IS NOT NULL THEN
    RAISE NOTICE 'dropping views %, left by an earlier news_analysis.create_views() of %', views, source;
    EXECUTE 'DROP VIEW IF EXISTS ' || views || ' CASCADE';
  END IF;
  RAISE NOTICE 'dropping table %, left by an earlier news_analysis.track() of %', derived, source
    USING DETAIL = 'DROP EXTENSION news_analysis CASCADE keeps derived tables, and so does DROP TABLE without the drop clean-up.';
  -- without CASCADE: views of the user's own on it stop the DROP with an error naming them
  EXECUTE format('DROP TABLE %s', derived);
  RETURN true;
END
$fn$;
COMMENT ON FUNCTION news_analysis.drop_leftover(text, regclass) IS
  'internal: drops a derived table of source (and the analyst views on it) left behind by DROP EXTENSION news_analysis CASCADE, or by a DROP TABLE without the drop clean-up (then with its registry row), so that track() can make it again; false if the relation is not such a leftover';

-- The owner check shared by the setup functions.
CREATE FUNCTION news_analysis.check_owner(source regclass)
  RETURNS void
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  owner oid;
BEGIN
  IF source IS NULL THEN
    RAISE EXCEPTION 'the table must not be NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  SELECT c.relowner INTO owner FROM pg_class c WHERE c.oid = source;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'relation with OID % does not exist', source::oid
      USING ERRCODE = 'undefined_table';
  END IF;
  IF NOT pg_has_role(owner, 'USAGE') THEN
    RAISE EXCEPTION 'must be owner of table %', source
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$fn$;
COMMENT ON FUNCTION news_analysis.check_owner(regclass) IS
  'raises an error unless the current user owns (or is a member of the owner of) the table';

-- What every function on a tracked table starts with: its owner's rights and its registry row.
CREATE FUNCTION news_analysis.tracked_row(source regclass)
  RETURNS news_analysis.tracked
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
BEGIN
  PERFORM news_analysis.check_owner(source);
  SELECT * INTO t FROM news_analysis.tracked r WHERE r.source = tracked_row.source;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'table % is not tracked', source
      USING ERRCODE = 'undefined_object', HINT = 'Call news_analysis.track() first.';
  END IF;
  RETURN t;
END
$fn$;
COMMENT ON FUNCTION news_analysis.tracked_row(regclass) IS
  'the registry row of a tracked table; raises an error unless the caller owns the table and it is tracked';

-- A table's schema-qualified, quoted name whatever the search_path.
CREATE FUNCTION news_analysis.qualified_name(rel regclass)
  RETURNS text
  LANGUAGE sql STABLE STRICT
  SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT format('%I.%I', n.nspname, c.relname)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = rel
$fn$;
COMMENT ON FUNCTION news_analysis.qualified_name(regclass) IS
  'schema.name of a relation, quoted as needed, independent of the search_path';

-- Drop the triggers attach_trigger() made, whichever of them exist.
CREATE FUNCTION news_analysis.detach_triggers(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  trigger_name name;
BEGIN
  FOR trigger_name IN
    SELECT g.tgname FROM pg_trigger g
     WHERE g.tgrelid = source AND g.tgname IN ('news_analysis_analyse', 'news_analysis_analyse_ahead',
                                              'news_analysis_analyse_inserted', 'news_analysis_analyse_update',
                                              'news_analysis_analyse_delete', 'news_analysis_analyse_truncate')
  LOOP
    EXECUTE format('DROP TRIGGER %I ON %s', trigger_name, source);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION news_analysis.detach_triggers(regclass) IS
  'internal: drops the triggers of a tracked table (those news_analysis.attach_trigger() makes)';

-- (Re)attach the triggers with the registry's configuration.
CREATE FUNCTION news_analysis.attach_trigger(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
  args text;
BEGIN
  SELECT * INTO t FROM news_analysis.tracked r WHERE r.source = attach_trigger.source;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'table % is not tracked', coalesce(source::text, 'NULL')
      USING ERRCODE = 'undefined_object', HINT = 'Call news_analysis.track() first.';
  END IF;
  args := format('%L, %L, %L, %L, %L, %L', t.text_column, t.key_column,
                 CASE WHEN t.strict_mode THEN 'strict' ELSE 'lenient' END,
                 news_analysis.qualified_name(t.quotes_table),
                 news_analysis.qualified_name(t.speakers_table),
                 news_analysis.qualified_name(t.vote_events_table));
  PERFORM news_analysis.detach_triggers(source);
  IF (SELECT c.relkind FROM pg_class c WHERE c.oid = source) = 'p' THEN
    -- rows written straight into a partition fire only row-level triggers
    EXECUTE format('CREATE TRIGGER news_analysis_analyse'
                   ' AFTER INSERT OR UPDATE OF %I, %I OR DELETE ON %s'
                   ' FOR EACH ROW EXECUTE FUNCTION news_analysis.analyse_trigger(%s)',
                   t.text_column, t.key_column, source, args);
  ELSE
    -- the rows an INSERT or COPY writes are analysed together, after it: a
    -- large one while it runs, by a background worker that the trigger
    -- before each row feeds; the trigger after each row records the rows
    -- inserted (no transition table: the rows read ahead are not copied)
    EXECUTE format('CREATE TRIGGER news_analysis_analyse'
                   ' AFTER INSERT ON %s'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.analyse_trigger(%s)',
                   source, args);
    EXECUTE format('CREATE TRIGGER news_analysis_analyse_ahead'
                   ' BEFORE INSERT ON %s'
                   ' FOR EACH ROW EXECUTE FUNCTION news_analysis.analyse_ahead(%s)',
                   source, args);
    EXECUTE format('CREATE TRIGGER news_analysis_analyse_inserted'
                   ' AFTER INSERT ON %s'
                   ' FOR EACH ROW EXECUTE FUNCTION news_analysis.analyse_inserted(%s)',
                   source, args);
    -- an UPDATE that does not touch the text or the key costs nothing
    EXECUTE format('CREATE TRIGGER news_analysis_analyse_update'
                   ' AFTER UPDATE OF %I, %I ON %s'
                   ' FOR EACH ROW EXECUTE FUNCTION news_analysis.analyse_trigger(%s)',
                   t.text_column, t.key_column, source, args);
    EXECUTE format('CREATE TRIGGER news_analysis_analyse_delete'
                   ' AFTER DELETE ON %s REFERENCING OLD TABLE AS news_analysis_old'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.analyse_trigger(%s)',
                   source, args);
  END IF;
  EXECUTE format('CREATE TRIGGER news_analysis_analyse_truncate'
                 ' AFTER TRUNCATE ON %s'
                 ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.analyse_trigger(%s)',
                 source, args);
END
$fn$;
COMMENT ON FUNCTION news_analysis.attach_trigger(regclass) IS
  'internal: (re)creates the triggers of a tracked table from news_analysis.tracked: a statement-level trigger for INSERT with row-level ones before (reads a large statement ahead) and after (records the rows inserted), a statement-level one with a transition table for DELETE, a row-level one for UPDATE OF the text and key (row-level ones for everything on a partitioned table), and one for TRUNCATE';

CREATE FUNCTION news_analysis.track(
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

  -- what DROP EXTENSION ... CASCADE left of the people registry (45_people.sql)
  PERFORM news_analysis.drop_people_leftover(source);
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
  PERFORM news_analysis.citus_distribute_derived(source, key_column, derived);  -- Citus (45_citus.sql)

  INSERT INTO news_analysis.tracked
    (source, text_column, key_column, strict_mode, quotes_table, speakers_table, vote_events_table)
  VALUES (source, text_column, key_column, track.strict, derived[1], derived[2], derived[3]);
  PERFORM news_analysis.attach_trigger(source);
  -- the people registry (src/sql/45_people.sql), kept by triggers on the speakers table
  PERFORM news_analysis.attach_people(source);

  -- backfill => false: the caller runs CALL news_analysis.backfill() next
  IF NOT backfill THEN
    RETURN 0;
  END IF;
  RETURN news_analysis.analyse_existing(source, batch_size);
END
$fn$;
COMMENT ON FUNCTION news_analysis.track(regclass, name, name, boolean, integer, boolean) IS
  'analyse a table''s articles on write: creates <table>_quotes, <table>_speakers and <table>_vote_events keyed by article_key (owned by the table''s owner, with no grants: grant on them what you grant on the table), attaches the trigger and analyses the rows already there (NOTICE every batch_size rows; with backfill => false it does not, for CALL news_analysis.backfill() to do it in committed batches); returns how many rows it analysed.  Renaming a tracked column or a derived table needs untrack() and track() again; TRUNCATE of a single partition leaves its derived rows (reanalyse() the parent)';

CREATE FUNCTION news_analysis.untrack(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
BEGIN
  t := news_analysis.tracked_row(source);
  -- the views first (under Citus a view's DROP must come before the
  -- parallel DDL on the shards in one transaction); one statement, so that
  -- views built on each other go together
  IF cardinality(t.views) > 0 THEN
    EXECUTE format('DROP VIEW IF EXISTS %s',
                   (SELECT string_agg(news_analysis.qualified_name(v), ', ') FROM unnest(t.views) v));
  END IF;
  -- the people registry's views depend on the speakers table (45_people.sql)
  PERFORM news_analysis.detach_people(source);
  PERFORM news_analysis.detach_triggers(source);
  EXECUTE format('DROP TABLE IF EXISTS %s, %s, %s',
                 t.quotes_table, t.speakers_table, t.vote_events_table);
  DELETE FROM news_analysis.failures f WHERE f.source = untrack.source;
  PERFORM news_analysis.citus_forget_failures(source);
  DELETE FROM news_analysis.tracked r WHERE r.source = untrack.source;
END
$fn$;
COMMENT ON FUNCTION news_analysis.untrack(regclass) IS
  'stop analysing a table on write: drops its triggers, derived tables, views made by create_views(), failures and registry row';

CREATE FUNCTION news_analysis.set_strict(source regclass, strict boolean)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  PERFORM news_analysis.tracked_row(source);
  IF strict IS NULL THEN
    RAISE EXCEPTION 'strict must be true or false, not NULL' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  UPDATE news_analysis.tracked r SET strict_mode = set_strict.strict WHERE r.source = set_strict.source;
  PERFORM news_analysis.attach_trigger(source);
END
$fn$;
COMMENT ON FUNCTION news_analysis.set_strict(regclass, boolean) IS
  'strict => true: an analysis error rejects the row; false: the row is kept and the error recorded in news_analysis.failures';

CREATE FUNCTION news_analysis.reanalyse(source regclass, batch_size integer DEFAULT 1000)
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
-- A procedure cannot fix its search_path (that would forbid COMMIT): every
-- name and operator below is schema-qualified instead.
CREATE PROCEDURE news_analysis.backfill(source regclass, batch_blocks integer DEFAULT 128)
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
COMMENT ON PROCEDURE news_analysis.backfill(regclass, integer) IS
  'analyse the rows of a tracked table batch_blocks blocks at a time, committing after each batch (a NOTICE each), so that writers are never blocked for long; use after track(..., backfill => false) on a large table';

CREATE FUNCTION news_analysis.retry_failures(source regclass, batch_size integer DEFAULT 1000)
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
COMMENT ON FUNCTION news_analysis.retry_failures(regclass, integer) IS
  'analyse again the articles of a tracked table recorded in news_analysis.failures (after fixing the cause); returns the number of rows analysed';

COMMENT ON FUNCTION news_analysis.reanalyse(regclass, integer) IS
  'analyse every row of a tracked table again (after an upgrade of the analysers, or to retry failures); returns the number of rows';

CREATE FUNCTION news_analysis.tracking_status()
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
COMMENT ON FUNCTION news_analysis.tracking_status() IS
  'the tracked tables the caller may read, with their rows, derived rows and recorded failures';

-- Dropping a tracked table drops what track() and create_views() made for it.
CREATE FUNCTION news_analysis.on_drop()
  RETURNS event_trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t news_analysis.tracked;
  names text;
BEGIN
  FOR t IN SELECT r.* FROM news_analysis.tracked r
             JOIN pg_event_trigger_dropped_objects() d
               ON d.classid = 'pg_class'::regclass AND d.objid = r.source::oid AND d.objsubid = 0
  LOOP
    BEGIN
      -- whatever the DROP took with it (CASCADE, DROP SCHEMA) is gone already
      SELECT string_agg(news_analysis.qualified_name(v), ', ') INTO names
        FROM unnest(t.views) v
       WHERE news_analysis.qualified_name(v) IS NOT NULL;
      IF names IS NOT NULL THEN
        EXECUTE format('DROP VIEW IF EXISTS %s', names);
      END IF;
      PERFORM news_analysis.detach_people(t.source);
      SELECT string_agg(news_analysis.qualified_name(v), ', ') INTO names
        FROM unnest(ARRAY[t.quotes_table, t.speakers_table, t.vote_events_table]) v
       WHERE news_analysis.qualified_name(v) IS NOT NULL;
      IF names IS NOT NULL THEN
        EXECUTE format('DROP TABLE IF EXISTS %s', names);
      END IF;
      DELETE FROM news_analysis.failures f WHERE f.source = t.source;
      DELETE FROM news_analysis.tracked r WHERE r.source = t.source;
    EXCEPTION WHEN OTHERS THEN
      -- never block the user's DROP over our clean-up
      RAISE WARNING 'news_analysis could not remove the derived tables of a dropped table: %', SQLERRM
        USING HINT = 'Drop them by hand and delete the row from news_analysis.tracked.';
    END;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION news_analysis.on_drop() IS
  'event trigger: when a tracked table is dropped, drops its derived tables and views and forgets it';

-- The clean-up is part of the extension: CREATE EXTENSION makes it, so a
-- restored database (whose CREATE EXTENSION makes it again: pg_dump does not
-- dump an extension's members) keeps it.  On Citus workers it finds no
-- tracked table and does nothing.
CREATE EVENT TRIGGER news_analysis_drop ON sql_drop
  EXECUTE FUNCTION news_analysis.on_drop();
COMMENT ON EVENT TRIGGER news_analysis_drop IS
  'drops the derived tables and views of a tracked table dropped without news_analysis.untrack()';

-- Since 0.2.0 CREATE EXTENSION makes the event trigger; this makes it again
-- if someone dropped it.
CREATE FUNCTION news_analysis.enable_drop_cleanup()
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
