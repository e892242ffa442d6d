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

-- tables dropped while 0.1.0 had no drop clean-up (enable_drop_cleanup() was
-- never run, or a restore lost it) left their registry rows, derived tables
-- and views: what the event trigger does now, done once for them
DO $do$
DECLARE
  t     news_analysis.tracked;
  names text;
BEGIN
  FOR t IN SELECT r.* FROM news_analysis.tracked r
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) r.source)
  LOOP
    SELECT pg_catalog.string_agg(news_analysis.qualified_name(v), ', ') INTO names
      FROM pg_catalog.unnest(t.views) v WHERE news_analysis.qualified_name(v) IS NOT NULL;
    IF names IS NOT NULL THEN
      EXECUTE 'DROP VIEW IF EXISTS ' OPERATOR(pg_catalog.||) names;
    END IF;
    SELECT pg_catalog.string_agg(news_analysis.qualified_name(v), ', ') INTO names
      FROM pg_catalog.unnest(ARRAY[t.quotes_table, t.speakers_table, t.vote_events_table]) v
     WHERE news_analysis.qualified_name(v) IS NOT NULL;
    IF names IS NOT NULL THEN
      RAISE WARNING 'news_analysis 0.2.0: dropping % (derived tables of a dropped table)', names;
      EXECUTE 'DROP TABLE IF EXISTS ' OPERATOR(pg_catalog.||) names;
    END IF;
    DELETE FROM news_analysis.failures f WHERE f.source OPERATOR(pg_catalog.=) t.source;
    DELETE FROM news_analysis.tracked r WHERE r.source OPERATOR(pg_catalog.=) t.source;
  END LOOP;
END
$do$;

-- ==== #13: reported speech (every attribution: mixed and indirect beside
-- direct and partial quotations; the cue's span and class; part_of)
--
-- quotes() returns reported speech as rows of the quote type, which gains
-- cue_start, cue_length, cue_class and part_of; the derived quote tables of
-- tracked tables gain the same columns (rows of 0.1.0 keep NULL there until
-- reanalysed, see the WARNING at the end); the analyst views count reported
-- speech apart and together, so the views create_views() made are made
-- again with the outlet and date columns they were made with; quoted_on()
-- counts each attribution once.

ALTER TYPE news_analysis.quote
  ADD ATTRIBUTE cue_start integer,
  ADD ATTRIBUTE cue_length integer,
  ADD ATTRIBUTE cue_class text,
  ADD ATTRIBUTE part_of integer;
COMMENT ON TYPE news_analysis.quote IS
  'an attribution: what is said at substr(body, start, length) (for a quotation the text inside the marks); kind direct or partial (quotations), mixed (reported speech holding quoted words), indirect (reported speech without quotation marks) or unattributed (scare quotes, titles, nicknames: nobody says them); speaker is the canonical name, speaker_mention the source as written at substr(body, mention_start, mention_length); cue as written (said, told, according to) at substr(body, cue_start, cue_length), cue_class speech, thought (beliefs, intentions) or finding (of a poll, study or document); attribution name, title, pronoun, continuation, colon, according_to or subject; confidence 0..1; part_of the ordinal of the row this one is a piece of (a partial quote inside a mixed attribution, the second piece of content split by its cue), NULL for a whole attribution';
COMMENT ON FUNCTION news_analysis.quotes(text) IS
  'every attribution of a news text with its speaker, in text order: quotations (“…,” X said / said X / X said: “…” / according to X / ''''…'''' as the New York Times writes them / partial quotes inside paraphrase) and reported speech without marks or with quoted words inside (X said (that) …; X told Y …; …, X said; According to X, …; The deal, she said, is dead), with the cue and its class (speech, thought, finding); pronouns resolved to the person meant; continuation of the last speaker; a role phrase in apposition gives the name it introduces (Britain’s ambassador, X, said); common French, Spanish, German, Italian and Portuguese cues (a déclaré, dijo, sagte, ha detto, disse, selon, según); a quote open at a paragraph end ends there';
COMMENT ON FUNCTION news_analysis.speakers(text) IS
  'the people quoted in a news text, directly or in reported speech, in order of first mention: canonical name, role, affiliation, aliases, gender, mentions, quotes (their attributions of every kind, a piece of another counted with it)';

DO $do$
DECLARE
  t news_analysis.tracked;
BEGIN
  FOR t IN SELECT * FROM news_analysis.tracked LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN IF NOT EXISTS cue_start integer,'
                              ' ADD COLUMN IF NOT EXISTS cue_length integer,'
                              ' ADD COLUMN IF NOT EXISTS cue_class text,'
                              ' ADD COLUMN IF NOT EXISTS part_of integer', t.quotes_table);
  END LOOP;
END
$do$;

CREATE OR REPLACE FUNCTION news_analysis.create_views(
  source           regclass,
  outlet_column    name DEFAULT 'outlet',
  published_column name DEFAULT 'published')
  RETURNS SETOF regclass
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t        news_analysis.tracked;
  nspname  name;
  relname  name;
  owner    name;
  outlet   text;
  pub      text;
  made     regclass[] := '{}';
  vname    text;
  qv       text;
  i        integer;
  names    text[] := ARRAY['quoted', 'top_speakers', 'speakers_by_outlet', 'speakers_by_month',
                           'quotes_per_article', 'quotes_per_outlet', 'speaker_roles',
                           'vote_timeline', 'vetoes'];
  comments text[] := ARRAY[
    'every attribution of %s with a speaker, once (a piece of another left out), direct and partial quotations and reported speech (reported: mixed or indirect), with its article''s outlet and date, and the speaker''s role and affiliation',
    'most-quoted speakers of %s: attributions (quotes), of them quotations (direct and partial) and reported speech (mixed and indirect), articles, outlets, first and last date quoted',
    'most-quoted speakers of %s per outlet: attributions, quotations and reported speech',
    'attributions per speaker and month (YYYY-MM) in %s, quotations and reported speech apart; \crosstabview month reads well',
    'attributions of each article of %s by kind, each once (articles without any included); reported = mixed + indirect',
    'attributions per outlet of %s: articles, attributions, per article, share attributed, quotations and reported speech',
    'roles and affiliations the articles of %s give their speakers',
    'vote events of %s in date order: body, motion, outcome, tally and positions',
    'vetoes cast per country in the vote events of %s (asserted vetoes only)'];
  bodies   text[];
BEGIN
  t := news_analysis.tracked_row(source);
  SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) INTO nspname, relname, owner
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = source;

  -- no outlet or date column (NULL): the views show NULL for it
  IF outlet_column IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = source
                     AND a.attname = outlet_column AND a.attnum > 0 AND NOT a.attisdropped) THEN
      RAISE EXCEPTION 'column "%" of table % does not exist', outlet_column, source
        USING ERRCODE = 'undefined_column', HINT = 'Pass outlet_column => NULL if the table has none.';
    END IF;
    outlet := format('a.%I::pg_catalog.text', outlet_column);
  ELSE
    outlet := 'NULL::pg_catalog.text';
  END IF;
  IF published_column IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = source
                     AND a.attname = published_column AND a.attnum > 0 AND NOT a.attisdropped) THEN
      RAISE EXCEPTION 'column "%" of table % does not exist', published_column, source
        USING ERRCODE = 'undefined_column', HINT = 'Pass published_column => NULL if the table has none.';
    END IF;
    pub := format('a.%I::pg_catalog.date', published_column);
  ELSE
    pub := 'NULL::pg_catalog.date';
  END IF;

  -- views made earlier are replaced
  IF cardinality(t.views) > 0 THEN
    EXECUTE format('DROP VIEW IF EXISTS %s',
                   (SELECT string_agg(news_analysis.qualified_name(v), ', ') FROM unnest(t.views) v));
  END IF;

  bodies := ARRAY[
    -- quoted
    format($v$
SELECT q.article_key, %2$s AS published, %3$s AS outlet,
       q.ordinal, q.speaker, s.role, s.affiliation, q.kind, q.attribution,
       q.cue, q.text AS quote, q.confidence, q.cue_class,
       q.kind OPERATOR(pg_catalog.=) ANY ('{mixed,indirect}'::pg_catalog.text[]) AS reported
  FROM %1$s q
  JOIN %4$s a ON a.%5$I OPERATOR(pg_catalog.=) q.article_key
  LEFT JOIN %6$s s ON s.article_key OPERATOR(pg_catalog.=) q.article_key
                  AND s.name OPERATOR(pg_catalog.=) q.speaker
 WHERE q.speaker IS NOT NULL AND q.part_of IS NULL$v$,
      news_analysis.qualified_name(t.quotes_table), pub, outlet,
      news_analysis.qualified_name(source), t.key_column,
      news_analysis.qualified_name(t.speakers_table)),
    -- top_speakers
    $v$
SELECT speaker,
       pg_catalog.mode() WITHIN GROUP (ORDER BY role) AS role,
       pg_catalog.mode() WITHIN GROUP (ORDER BY affiliation) AS affiliation,
       pg_catalog.count(*) AS quotes,
       pg_catalog.count(DISTINCT article_key) AS articles,
       pg_catalog.count(DISTINCT outlet) AS outlets,
       pg_catalog.min(published) AS first_quoted,
       pg_catalog.max(published) AS last_quoted,
       pg_catalog.count(*) FILTER (WHERE NOT reported) AS quotations,
       pg_catalog.count(*) FILTER (WHERE reported) AS reported
  FROM %1$s
 GROUP BY speaker
 ORDER BY quotes DESC, articles DESC, speaker$v$,
    -- speakers_by_outlet
    $v$
SELECT outlet, speaker, pg_catalog.count(*) AS quotes,
       pg_catalog.count(DISTINCT article_key) AS articles,
       pg_catalog.count(*) FILTER (WHERE NOT reported) AS quotations,
       pg_catalog.count(*) FILTER (WHERE reported) AS reported
  FROM %1$s
 GROUP BY outlet, speaker
 ORDER BY outlet, quotes DESC, speaker$v$,
    -- speakers_by_month
    $v$
SELECT pg_catalog.to_char(published, 'YYYY-MM') AS month, speaker,
       pg_catalog.count(*) AS quotes,
       pg_catalog.count(*) FILTER (WHERE NOT reported) AS quotations,
       pg_catalog.count(*) FILTER (WHERE reported) AS reported
  FROM %1$s
 GROUP BY 1, speaker
 ORDER BY month, quotes DESC, speaker$v$,
    -- quotes_per_article
    format($v$
SELECT a.%2$I AS article_key, %3$s AS published, %4$s AS outlet,
       pg_catalog.count(q.ordinal) AS quotes,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'direct') AS direct,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'partial') AS partial,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'unattributed') AS unattributed,
       pg_catalog.count(DISTINCT q.speaker) AS speakers,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'mixed') AS mixed,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'indirect') AS indirect,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) ANY ('{mixed,indirect}'::pg_catalog.text[])) AS reported
  FROM %1$s a
  LEFT JOIN %5$s q ON q.article_key OPERATOR(pg_catalog.=) a.%2$I
                  AND q.part_of IS NULL
 GROUP BY a.%2$I, 2, 3
 ORDER BY 2, 1$v$,
      news_analysis.qualified_name(source), t.key_column, pub, outlet,
      news_analysis.qualified_name(t.quotes_table)),
    -- quotes_per_outlet
    $v$
SELECT outlet,
       pg_catalog.count(*) AS articles,
       pg_catalog.sum(quotes)::bigint AS quotes,
       pg_catalog.round(pg_catalog.avg(quotes), 1) AS per_article,
       pg_catalog.sum(direct)::bigint AS direct,
       pg_catalog.sum(partial)::bigint AS partial,
       pg_catalog.sum(unattributed)::bigint AS unattributed,
       pg_catalog.round(100 * (pg_catalog.sum(quotes) OPERATOR(pg_catalog.-) pg_catalog.sum(unattributed))
             OPERATOR(pg_catalog./) NULLIF(pg_catalog.sum(quotes), 0)) AS attributed_pct,
       pg_catalog.sum(reported)::bigint AS reported
  FROM %2$s
 GROUP BY outlet
 ORDER BY quotes DESC, outlet$v$,
    -- speaker_roles
    format($v$
SELECT s.name AS speaker, s.role, s.affiliation,
       pg_catalog.count(*) AS articles, pg_catalog.sum(s.quotes)::bigint AS quotes
  FROM %1$s s
 GROUP BY s.name, s.role, s.affiliation
 ORDER BY quotes DESC, speaker, role$v$,
      news_analysis.qualified_name(t.speakers_table)),
    -- vote_timeline
    format($v$
SELECT %2$s AS published, %3$s AS outlet, v.article_key, v.event,
       pg_catalog.max(v.body) AS body,
       pg_catalog.max(v.motion) AS motion,
       pg_catalog.max(v.outcome) AS outcome,
       pg_catalog.max(pg_catalog.concat_ws('-', v.votes_for, v.votes_against, v.abstentions))
         FILTER (WHERE v.votes_for IS NOT NULL) AS tally,
       pg_catalog.string_agg(DISTINCT pg_catalog.concat(v.actor, ': ', v.action), '; ')
         FILTER (WHERE v.actor IS NOT NULL) AS positions,
       pg_catalog.max(v.modality) AS modality
  FROM %1$s v
  JOIN %4$s a ON a.%5$I OPERATOR(pg_catalog.=) v.article_key
 WHERE v.event IS NOT NULL
 GROUP BY 1, 2, v.article_key, v.event
 ORDER BY 1, v.article_key, v.event$v$,
      news_analysis.qualified_name(t.vote_events_table), pub, outlet,
      news_analysis.qualified_name(source), t.key_column),
    -- vetoes
    format($v$
SELECT v.actor AS country,
       pg_catalog.count(DISTINCT (v.article_key, v.event)) AS vetoes,
       pg_catalog.min(%2$s) AS first_veto,
       pg_catalog.max(%2$s) AS last_veto,
       pg_catalog.string_agg(DISTINCT v.motion, '; ') AS motions
  FROM %1$s v
  JOIN %3$s a ON a.%4$I OPERATOR(pg_catalog.=) v.article_key
 WHERE v.action OPERATOR(pg_catalog.=) 'veto'
   AND v.modality OPERATOR(pg_catalog.=) 'asserted'
   AND v.actor IS NOT NULL
 GROUP BY v.actor
 ORDER BY vetoes DESC, country$v$,
      news_analysis.qualified_name(t.vote_events_table), pub,
      news_analysis.qualified_name(source), t.key_column)];

  FOR i IN 1 .. pg_catalog.array_length(names, 1) LOOP
    vname := relname || '_' || names[i];
    IF octet_length(vname) > 63 THEN
      RAISE EXCEPTION 'the name of table % is too long for its view "%"', source, vname
        USING ERRCODE = 'name_too_long';
    END IF;
    qv := format('%I.%I', nspname, vname);
    IF to_regclass(qv) IS NOT NULL THEN
      RAISE EXCEPTION 'relation % already exists', qv
        USING ERRCODE = 'duplicate_table',
              HINT = 'news_analysis.create_views() makes it: drop or rename it first.';
    END IF;
    -- views over views name the first one, quoted
    EXECUTE format('CREATE VIEW %s AS %s', qv,
                   CASE WHEN i IN (2, 3, 4) THEN format(bodies[i], made[1]::text)
                        WHEN i = 6 THEN format(bodies[i], NULL, made[5]::text)
                        ELSE bodies[i] END);
    EXECUTE format('ALTER VIEW %s OWNER TO %I', qv, owner);
    EXECUTE format('COMMENT ON VIEW %s IS %L', qv, format(comments[i], source));
    made := made || qv::regclass;
  END LOOP;

  UPDATE news_analysis.tracked r SET views = made WHERE r.source = create_views.source;
  RETURN QUERY SELECT unnest(made);
END
$fn$;
COMMENT ON FUNCTION news_analysis.create_views(regclass, name, name) IS
  'analyst views next to a tracked table''s derived tables: <table>_quoted, _top_speakers, _speakers_by_outlet, _speakers_by_month, _quotes_per_article, _quotes_per_outlet, _speaker_roles, _vote_timeline, _vetoes; outlet and date come from the named columns (NULL: none)';
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
       WHERE q.speaker IS NOT NULL AND q.part_of IS NULL
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
  'who is quoted, directly or in reported speech, in the articles of a tracked table that mention a word (stemmed with news_analysis.english_news, or a word starting with it; several words are a phrase: adjacent, in that order): quotes, articles and an example quote, those who use the word themselves first; an index ON articles USING gin (to_tsvector(''news_analysis.english_news'', body)) serves it';

-- the views of 0.1.0's create_views(), made again with their outlet and
-- date columns (read back from the first view: "a.col AS outlet" or NULL)
DO $do$
DECLARE
  t       news_analysis.tracked;
  def     text;
  lines   text[];
  outlet  name;
  pub     name;
  m       text[];
BEGIN
  FOR t IN SELECT * FROM news_analysis.tracked WHERE pg_catalog.cardinality(views) > 0 LOOP
    def := pg_catalog.pg_get_viewdef(t.views[1]);
    lines := pg_catalog.regexp_split_to_array(def, E'\n');
    -- the target list: article_key, then the date, then the outlet
    m := pg_catalog.regexp_match(lines[2], '^\s*\(?a\.("(?:[^"]|"")+"|[^ ,)]+)');
    pub := CASE WHEN m IS NULL THEN NULL
                WHEN m[1] LIKE '"%' THEN pg_catalog.replace(pg_catalog.btrim(m[1], '"'), '""', '"')
                ELSE m[1] END;
    m := pg_catalog.regexp_match(lines[3], '^\s*\(?a\.("(?:[^"]|"")+"|[^ ,)]+)');
    outlet := CASE WHEN m IS NULL THEN NULL
                   WHEN m[1] LIKE '"%' THEN pg_catalog.replace(pg_catalog.btrim(m[1], '"'), '""', '"')
                   ELSE m[1] END;
    PERFORM news_analysis.create_views(t.source, outlet, pub);
    -- made inside this script they would belong to the extension: they are
    -- the user's, as create_views() makes them
    EXECUTE (SELECT pg_catalog.string_agg(pg_catalog.format('ALTER EXTENSION news_analysis DROP VIEW %s', v), '; ')
               FROM news_analysis.tracked r, pg_catalog.unnest(r.views) v
              WHERE r.source OPERATOR(pg_catalog.=) t.source);
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

-- ==== #18: analysis on write under Citus (branch citus)
-- Everything of src/sql/45_citus.sql (the Citus helpers, analyse_shard_row,
-- cluster_failures, SET citus.enable_unsafe_triggers on attach_trigger and
-- detach_triggers), and one or two lines each in track(), untrack(),
-- reanalyse(), backfill(), retry_failures() and tracking_status() of
-- src/sql/40_track.sql, replaced here whole with the bodies of src/sql (so
-- this section must stay after any other that replaces one of them).

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
COMMENT ON FUNCTION news_analysis.track(regclass, name, name, boolean, integer, boolean) IS
  'analyse a table''s articles on write: creates <table>_quotes, <table>_speakers and <table>_vote_events keyed by article_key (owned by the table''s owner, with no grants: grant on them what you grant on the table), attaches the trigger and analyses the rows already there (NOTICE every batch_size rows; with backfill => false it does not, for CALL news_analysis.backfill() to do it in committed batches); returns how many rows it analysed.  Renaming a tracked column or a derived table needs untrack() and track() again; TRUNCATE of a single partition leaves its derived rows (reanalyse() the parent)';

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

-- ==== #14: vote events by the codebook (new actions pass, approve, confirm,
-- override, elect, win, schedule; modality expected split into planned and
-- hypothetical).  The type is unchanged; its comments follow.  Existing
-- derived vote rows keep 0.1.0's actions until reanalysed (the WARNING above).

COMMENT ON COLUMN news_analysis.vote_event.action IS
  'by the vote codebook: veto, vote_for, vote_against, abstain, block, sponsor, support, oppose, adopt (a body adopted it), pass (a body passed a bill), approve (a body approved it or voted to do it), confirm (a nominee), reject (a body voted it down), override (a veto), elect (an electorate chose), win (an election, a seat; negated for a loser), schedule (a vote set for later) or vote (took part, side not stated)';
COMMENT ON COLUMN news_analysis.vote_event.modality IS
  'asserted; negated (did not veto, lost); planned (will vote, is expected to vote); hypothetical (would defeat, threatened to veto, could veto, if ...); historical (a past vote recalled: a year, previously, its seventh veto)';

-- ==== #16: speakers a researcher can count (the people registry of tracked
-- tables: person_key(), <table>_names kept by triggers on <table>_speakers,
-- the views <table>_people and <table>_speaker_people; the analyst views and
-- quoted_on() count by person).
--
-- The registry of every table tracked before the upgrade is made and filled
-- from its speakers (as track() makes it); the views create_views() made
-- are made again with the outlet and date columns they were made with, so
-- that they count by person; track(), untrack(), the drop clean-up,
-- create_views() and quoted_on() are the merged bodies of src/sql (this
-- section comes after #13's and #18's, which replaced them too).

CREATE FUNCTION news_analysis.person_key(name text, gender text DEFAULT NULL)
  RETURNS text
  AS 'MODULE_PATHNAME', 'na_person_key_sql'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.person_key(text, text) IS
  'the key under which the people registry counts a speaker''s name: lower case, without titles, honorifics, party, state and descriptive words in front, initials, possessives and middle names ("President Donald J. Trump" is "donald trump"), a generational suffix kept ("Donald Trump Jr." is "donald trump jr"), a surname''s particles part of it ("Bill de Blasio" is "bill deblasio"); the name of an organisation (ending in Times, Party, Department, ...) keeps all its words ("the New York Times" is "new york times"); a surname alone carries the gender given (''male'', ''female''): "clinton (female)"; an acronym, a name standing alone, a place, a party''s people or a group named alone keeps its word as written ("EU", "Twitter", "China", "Tories"), so that it is no surname of a longer name; NULL when the name holds no name';

-- The surname of a name key: its last word before a gender tag and a
-- generational suffix ("donald trump jr" and "trump (male)": "trump").
CREATE FUNCTION news_analysis.person_surname(key text)
  RETURNS text
  AS 'MODULE_PATHNAME', 'na_person_surname_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.person_surname(text) IS
  'internal: the surname of a name key of news_analysis.person_key(): its last word, without a gender tag or a generational suffix';

-- No foreign key to news_analysis.tracked: both are configuration tables
-- (pg_dump dumps their rows), and a parallel pg_restore (-j) loads the two
-- in either order, so a key checked on load fails now and then.  Every way
-- a tracked row goes (untrack(), the drop clean-up) calls detach_people(),
-- which deletes this row first.
CREATE TABLE news_analysis.tracked_people (
  source              regclass PRIMARY KEY,
  names_table         regclass NOT NULL,
  people_view         regclass NOT NULL,
  speaker_people_view regclass NOT NULL
);
COMMENT ON TABLE news_analysis.tracked_people IS
  'the people registry of each tracked table: <table>_names (one row per name key, kept by triggers on <table>_speakers), the views <table>_people (one row per person) and <table>_speaker_people (each article''s speaker with its person)';
ALTER TABLE news_analysis.tracked_people ENABLE ROW LEVEL SECURITY;
CREATE POLICY tracked_people_read ON news_analysis.tracked_people FOR SELECT
  USING (pg_catalog.has_table_privilege(source, 'SELECT'));
CREATE POLICY tracked_people_write ON news_analysis.tracked_people FOR ALL
  USING (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE')
     OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source))
  WITH CHECK (pg_catalog.pg_has_role(
    (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid OPERATOR(pg_catalog.=) source), 'USAGE'));
GRANT SELECT, INSERT, UPDATE, DELETE ON news_analysis.tracked_people TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('news_analysis.tracked_people', '');

-- Triggers on <table>_speakers; TG_ARGV[0] is the names table.

CREATE FUNCTION news_analysis.people_added()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  -- one statement for the whole chunk of speakers, in key order
  EXECUTE format($q$
    WITH n AS (
      SELECT k.key, s.name, s.role, s.affiliation, s.gender, s.quotes
        FROM news_analysis_people_new s,
             LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
       WHERE k.key IS NOT NULL),
    counted AS (
      SELECT n.key,
             (array_agg(n.name ORDER BY lower(n.name) = split_part(n.key, ' (', 1) DESC,
                                        length(n.name) DESC, n.name))[1] AS name,
             (array_agg(DISTINCT n.name ORDER BY n.name))[1:32] AS aliases,
             count(*) FILTER (WHERE n.gender OPERATOR(pg_catalog.=) 'male') AS male,
             count(*) FILTER (WHERE n.gender OPERATOR(pg_catalog.=) 'female') AS female,
             coalesce(array_agg(DISTINCT n.role) FILTER (WHERE n.role IS NOT NULL), '{}') AS roles,
             coalesce(array_agg(DISTINCT n.affiliation) FILTER (WHERE n.affiliation IS NOT NULL), '{}')
               AS affiliations,
             count(*) AS articles, sum(n.quotes) AS quotes
        FROM n GROUP BY n.key)
    INSERT INTO %s AS p (key, surname, name, aliases, male, female, roles, affiliations,
                         articles, quotes, first_seen, last_seen)
    SELECT c.key, news_analysis.person_surname(c.key), c.name, c.aliases,
           c.male, c.female, c.roles, c.affiliations, c.articles, c.quotes, now(), now()
      FROM counted c
     ORDER BY c.key
    ON CONFLICT (key) DO UPDATE SET
      -- the spelling of the key itself (Hillary Clinton, not Hillary Rodham
      -- Clinton), else the longest
      name = CASE WHEN lower(p.name) = split_part(p.key, ' (', 1) THEN p.name
                  WHEN lower(EXCLUDED.name) = split_part(p.key, ' (', 1) THEN EXCLUDED.name
                  WHEN length(EXCLUDED.name) > length(p.name) THEN EXCLUDED.name ELSE p.name END,
      aliases = CASE WHEN EXCLUDED.aliases <@ p.aliases THEN p.aliases
                     ELSE (SELECT array_agg(DISTINCT x ORDER BY x)
                             FROM unnest(p.aliases OPERATOR(pg_catalog.||) EXCLUDED.aliases) x) END,
      male = p.male + EXCLUDED.male,
      female = p.female + EXCLUDED.female,
      roles = CASE WHEN EXCLUDED.roles <@ p.roles THEN p.roles
                   ELSE (SELECT array_agg(DISTINCT x ORDER BY x)
                           FROM unnest(p.roles OPERATOR(pg_catalog.||) EXCLUDED.roles) x) END,
      affiliations = CASE WHEN EXCLUDED.affiliations <@ p.affiliations THEN p.affiliations
                          ELSE (SELECT array_agg(DISTINCT x ORDER BY x)
                                  FROM unnest(p.affiliations OPERATOR(pg_catalog.||) EXCLUDED.affiliations) x) END,
      articles = p.articles + EXCLUDED.articles,
      quotes = p.quotes + EXCLUDED.quotes,
      last_seen = EXCLUDED.last_seen$q$, TG_ARGV[0]);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.people_added() IS
  'internal: trigger after INSERT on <table>_speakers: adds the new speakers to the people registry <table>_names, one upsert in key order';

CREATE FUNCTION news_analysis.people_removed()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  keys text[];
BEGIN
  SELECT array_agg(DISTINCT k.key ORDER BY k.key) INTO keys
    FROM news_analysis_people_old s,
         LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
   WHERE k.key IS NOT NULL;
  IF keys IS NULL THEN
    RETURN NULL;
  END IF;
  -- the keys locked in key order (as the upserts of people_added take
  -- them), then their counts taken back; a key no article names any more goes
  EXECUTE format($q$
    SELECT 1 FROM %1$s p WHERE p.key OPERATOR(pg_catalog.=) ANY ($1) ORDER BY p.key FOR UPDATE$q$,
    TG_ARGV[0]) USING keys;
  EXECUTE format($q$
    WITH o AS (
      SELECT k.key, count(*) AS articles, sum(s.quotes) AS quotes,
             count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'male') AS male,
             count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'female') AS female
        FROM news_analysis_people_old s,
             LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
       WHERE k.key IS NOT NULL
       GROUP BY k.key)
    UPDATE %1$s p
       SET articles = p.articles - o.articles, quotes = p.quotes - o.quotes,
           male = greatest(p.male - o.male, 0), female = greatest(p.female - o.female, 0)
      FROM o
     WHERE p.key OPERATOR(pg_catalog.=) o.key$q$, TG_ARGV[0]);
  EXECUTE format($q$
    DELETE FROM %1$s p WHERE p.key OPERATOR(pg_catalog.=) ANY ($1) AND p.articles OPERATOR(pg_catalog.<=) 0$q$,
    TG_ARGV[0]) USING keys;
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.people_removed() IS
  'internal: trigger after DELETE on <table>_speakers: the counts of the deleted speakers are taken back from their keys (locked in key order); a key no article names any more goes';

CREATE FUNCTION news_analysis.people_truncated()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  EXECUTE format('TRUNCATE %s', TG_ARGV[0]);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.people_truncated() IS
  'internal: trigger after TRUNCATE on <table>_speakers: empties the people registry <table>_names';

-- A data-only restore (pg_restore --data-only, without --disable-triggers)
-- loads the speakers with their triggers on, and those triggers count every
-- speaker row that arrives in <table>_names; the dump's copy of
-- <table>_names would count them twice, or collide with the keys already
-- counted.  So the registry's table takes rows from its triggers only
-- (pg_trigger_depth() > 0): any other INSERT is skipped.  A full restore
-- creates this trigger after the data, as every trigger, and loads the
-- dump's rows as they were.
CREATE FUNCTION news_analysis.skip_people_row()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.skip_people_row() IS
  'internal: trigger news_analysis_people_restore of a people registry''s <table>_names: a row not written by the registry''s triggers (a data-only restore) is skipped, the triggers on <table>_speakers count the restored speakers themselves';

-- What DROP EXTENSION ... CASCADE leaves of a people registry: the table
-- <table>_names (it uses no function of the extension; the views
-- <table>_people, which calls name_gender(), and <table>_speaker_people,
-- which calls person_key(), go with it; a view <table>_people of an earlier
-- version stays), or what a DROP TABLE without the drop clean-up leaves.  They are known by the
-- comments attach_people() gave them and by no registry row of a table that
-- exists naming them; track() drops them before it makes its derived tables
-- (the view <table>_speaker_people depends on <table>_speakers).
CREATE FUNCTION news_analysis.drop_people_leftover(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  nspname name;
  relname name;
  names   text;
  people  text;
  links   text;
  rel     oid;
  views   text;
BEGIN
  SELECT n.nspname, c.relname INTO nspname, relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = source;
  names := format('%I.%I', nspname, relname || '_names');
  people := format('%I.%I', nspname, relname || '_people');
  links := format('%I.%I', nspname, relname || '_speaker_people');
  -- the views first: they depend on the table
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ') INTO views
    FROM unnest(ARRAY[links, people]) v(name)
    JOIN pg_class c ON c.oid = to_regclass(v.name) AND c.relkind = 'v'
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE (coalesce(obj_description(c.oid, 'pg_class'), '') LIKE 'the people quoted in ' || source::text || ', one row per person%'
          OR coalesce(obj_description(c.oid, 'pg_class'), '') LIKE 'each speaker of each article of ' || source::text || ' with its name key%')
     AND NOT EXISTS (SELECT 1 FROM news_analysis.tracked_people p
                      WHERE c.oid IN (p.people_view, p.speaker_people_view)
                        AND EXISTS (SELECT 1 FROM pg_class s WHERE s.oid = p.source));
  IF views IS NOT NULL THEN
    RAISE NOTICE 'dropping views %, left by an earlier news_analysis.track() of %', views, source;
    -- without CASCADE: views of the user's own on them stop the DROP with an error naming them
    EXECUTE 'DROP VIEW ' || views;
  END IF;
  rel := to_regclass(names);
  IF rel IS NOT NULL
     AND (SELECT c.relkind FROM pg_class c WHERE c.oid = rel) = 'r'
     AND coalesce(obj_description(rel, 'pg_class'), '') LIKE 'the people registry of ' || source::text || ': %'
     AND NOT EXISTS (SELECT 1 FROM news_analysis.tracked_people p
                      WHERE p.names_table = rel AND EXISTS (SELECT 1 FROM pg_class s WHERE s.oid = p.source)) THEN
    RAISE NOTICE 'dropping table %, left by an earlier news_analysis.track() of %', names, source
      USING DETAIL = 'DROP EXTENSION news_analysis CASCADE keeps the people registry''s table, and so does DROP TABLE without the drop clean-up.';
    EXECUTE format('DROP TABLE %s', names);
  END IF;
END
$fn$;
COMMENT ON FUNCTION news_analysis.drop_people_leftover(regclass) IS
  'internal: drops the table <table>_names and the views <table>_people and <table>_speaker_people of source left behind by DROP EXTENSION news_analysis CASCADE (or a DROP TABLE without the drop clean-up), so that track() can make the people registry again';

-- The gender a name's own words imply (a gendered title or honorific in
-- front, else the given name of a full name): evidence against a merge of
-- the people registry, never a person's gender.
CREATE FUNCTION news_analysis.name_gender(name text)
  RETURNS text
  AS 'MODULE_PATHNAME', 'na_name_gender_sql'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.name_gender(text) IS
  'internal: ''male'' or ''female'' when a gendered title or honorific in front of the name ("Lord Falconer") or the given name of a full name ("Rebecca Falconer", data/lexicon/first_names.tsv) implies it, else NULL; the people registry reads it as evidence against counting a surname alone under a full name, never as a person''s gender';

-- The keys of <names> with the person each is counted under: a full name is
-- its own person; a surname alone is the full name of that surname that
-- holds at least 80% of the articles of the full names it can be, or stays
-- its own.  A full name it can be has the same surname and nothing against
-- the gender of the surname alone (its evidence, else a gendered title or
-- honorific of its spellings: "Lord Falconer"): neither the full name's
-- evidence nor its given name (name_gender(): "Rebecca Falconer") is of
-- the other gender.  A given name is evidence against a merge only, never
-- a person's gender.
CREATE FUNCTION news_analysis.people_resolution_sql(names regclass)
  RETURNS text
  LANGUAGE sql IMMUTABLE
  SET search_path = pg_catalog, pg_temp
AS $fn$
SELECT format($q$
  WITH n AS (
    SELECT p.*,
           CASE WHEN p.male OPERATOR(pg_catalog.>) p.female THEN 'male'
                WHEN p.female OPERATOR(pg_catalog.>) p.male THEN 'female' END AS gender,
           pg_catalog.strpos(pg_catalog.split_part(p.key, ' (', 1), ' ') OPERATOR(pg_catalog.>) 0
             AS full_name
      FROM %1$s p),
  -- each surname alone with the gender its evidence or its spellings' titles give it
  s AS (
    SELECT n.key, n.surname,
           coalesce(n.gender,
                    (SELECT pg_catalog.min(g.g) FROM pg_catalog.unnest(n.aliases) a,
                            LATERAL (SELECT news_analysis.name_gender(a) AS g) g
                      HAVING pg_catalog.count(DISTINCT g.g) OPERATOR(pg_catalog.=) 1)) AS gender
      FROM n WHERE NOT n.full_name),
  -- with the full names it can be: same surname, nothing of the other gender
  c AS (
    SELECT s.key, f.key AS candidate, f.articles,
           pg_catalog.row_number() OVER (PARTITION BY s.key
                                         ORDER BY f.articles DESC, f.quotes DESC, f.key) AS rank,
           pg_catalog.sum(f.articles) OVER (PARTITION BY s.key) AS total
      FROM s
      JOIN n f ON f.surname OPERATOR(pg_catalog.=) s.surname AND f.full_name
     WHERE s.gender IS NULL
        OR ((f.gender IS NULL OR f.gender OPERATOR(pg_catalog.=) s.gender)
            AND coalesce(news_analysis.name_gender(f.name) OPERATOR(pg_catalog.=) s.gender, true)))
  SELECT n.*, coalesce(c.candidate, n.key) AS person
    FROM n
    LEFT JOIN c ON c.key OPERATOR(pg_catalog.=) n.key AND c.rank OPERATOR(pg_catalog.=) 1
               AND c.articles OPERATOR(pg_catalog.>=) (0.8 OPERATOR(pg_catalog.*) c.total)$q$, names)
$fn$;
COMMENT ON FUNCTION news_analysis.people_resolution_sql(regclass) IS
  'internal: the query of the keys of a people registry with the person each is counted under (see attach_people)';

-- Make the registry of a tracked table (track() calls it).
CREATE FUNCTION news_analysis.attach_people(source regclass)
  RETURNS regclass
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t        news_analysis.tracked;
  rel      pg_class;
  nspname  name;
  owner    name;
  names    text;
  people   text;
  links    text;
  resolved text;
  distributed boolean;
BEGIN
  t := news_analysis.tracked_row(source);
  SELECT * INTO rel FROM pg_class c WHERE c.oid = source;
  SELECT n.nspname INTO nspname FROM pg_namespace n WHERE n.oid = rel.relnamespace;
  owner := pg_get_userbyid(rel.relowner);
  IF octet_length(rel.relname || '_speaker_people') > 63 THEN
    RAISE EXCEPTION 'the name of table % is too long for its people registry "%"', source,
      rel.relname || '_speaker_people'
      USING ERRCODE = 'name_too_long',
            HINT = 'The people registry is named after the table with the suffixes _names, _people and _speaker_people; rename the table.';
  END IF;
  names := format('%I.%I', nspname, rel.relname || '_names');
  people := format('%I.%I', nspname, rel.relname || '_people');
  links := format('%I.%I', nspname, rel.relname || '_speaker_people');
  IF to_regclass(names) IS NOT NULL OR to_regclass(people) IS NOT NULL OR to_regclass(links) IS NOT NULL THEN
    RAISE EXCEPTION 'relation % or % or % already exists', names, people, links
      USING ERRCODE = 'duplicate_table',
            HINT = 'news_analysis.track() creates them: drop or rename them first.';
  END IF;
  distributed := news_analysis.citus_method(t.speakers_table) IS NOT NULL;
  IF distributed THEN
    -- Citus: a distributed table takes no statement triggers, and its rows
    -- live on the workers; the registry is counted when read
    EXECUTE format($q$
      CREATE VIEW %1$s AS
      SELECT k.key, news_analysis.person_surname(k.key) AS surname,
             (pg_catalog.array_agg(s.name ORDER BY pg_catalog.lower(s.name) OPERATOR(pg_catalog.=) pg_catalog.split_part(k.key, ' (', 1) DESC,
                                   pg_catalog.length(s.name) DESC, s.name))[1] AS name,
             (pg_catalog.array_agg(DISTINCT s.name ORDER BY s.name))[1:32] AS aliases,
             pg_catalog.count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'male')::integer AS male,
             pg_catalog.count(*) FILTER (WHERE s.gender OPERATOR(pg_catalog.=) 'female')::integer AS female,
             coalesce(pg_catalog.array_agg(DISTINCT s.role) FILTER (WHERE s.role IS NOT NULL), '{}') AS roles,
             coalesce(pg_catalog.array_agg(DISTINCT s.affiliation) FILTER (WHERE s.affiliation IS NOT NULL), '{}')
               AS affiliations,
             pg_catalog.count(*)::integer AS articles, pg_catalog.sum(s.quotes)::integer AS quotes,
             NULL::timestamptz AS first_seen, NULL::timestamptz AS last_seen
        FROM %2$s s, LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
       WHERE k.key IS NOT NULL
       GROUP BY k.key$q$, names, news_analysis.qualified_name(t.speakers_table));
    EXECUTE format('ALTER VIEW %s OWNER TO %I', names, owner);
    EXECUTE format('COMMENT ON VIEW %s IS %L', names,
                   format('the people registry of %s: one row per name key (news_analysis.person_key), counted from %s when read (a Citus distributed table keeps no registry triggers; first_seen and last_seen are NULL); see the view %s',
                          source, t.speakers_table, people));
  ELSE
    EXECUTE format($q$
      CREATE TABLE %s (
        key          text COLLATE "C" PRIMARY KEY,
        surname      text NOT NULL,
        name         text NOT NULL,
        aliases      text[] NOT NULL DEFAULT '{}',
        male         integer NOT NULL DEFAULT 0,
        female       integer NOT NULL DEFAULT 0,
        roles        text[] NOT NULL DEFAULT '{}',
        affiliations text[] NOT NULL DEFAULT '{}',
        articles     integer NOT NULL,
        quotes       integer NOT NULL,
        first_seen   timestamptz NOT NULL,
        last_seen    timestamptz NOT NULL)$q$, names);
    EXECUTE format('ALTER TABLE %s OWNER TO %I', names, owner);
    EXECUTE format('COMMENT ON TABLE %s IS %L', names,
                   format('the people registry of %s: one row per name key (news_analysis.person_key), kept by triggers on %s; see the view %s',
                          source, t.speakers_table, people));
    EXECUTE format('CREATE TRIGGER news_analysis_people_added AFTER INSERT ON %s'
                   ' REFERENCING NEW TABLE AS news_analysis_people_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.people_added(%L)',
                   t.speakers_table, names);
    EXECUTE format('CREATE TRIGGER news_analysis_people_removed AFTER DELETE ON %s'
                   ' REFERENCING OLD TABLE AS news_analysis_people_old'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.people_removed(%L)',
                   t.speakers_table, names);
    EXECUTE format('CREATE TRIGGER news_analysis_people_truncated AFTER TRUNCATE ON %s'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.people_truncated(%L)',
                   t.speakers_table, names);
  END IF;

  resolved := news_analysis.people_resolution_sql(names::regclass);
  EXECUTE format($q$
    CREATE VIEW %1$s AS
    WITH r AS (%2$s),
    p AS (
      SELECT r.person,
             (pg_catalog.array_agg(r.name ORDER BY r.full_name DESC, r.articles DESC, r.name))[1] AS name,
             pg_catalog.sum(r.male) AS male, pg_catalog.sum(r.female) AS female,
             pg_catalog.sum(r.articles)::bigint AS articles, pg_catalog.sum(r.quotes)::bigint AS quotes,
             pg_catalog.min(r.first_seen) AS first_seen, pg_catalog.max(r.last_seen) AS last_seen,
             pg_catalog.array_agg(r.key ORDER BY r.key) AS keys
        FROM r GROUP BY r.person),
    al AS (SELECT r.person, pg_catalog.array_agg(DISTINCT x ORDER BY x) AS aliases
             FROM r, pg_catalog.unnest(r.aliases) x GROUP BY r.person),
    ro AS (SELECT r.person, pg_catalog.array_agg(DISTINCT x ORDER BY x) AS roles
             FROM r, pg_catalog.unnest(r.roles) x GROUP BY r.person),
    af AS (SELECT r.person, pg_catalog.array_agg(DISTINCT x ORDER BY x) AS affiliations
             FROM r, pg_catalog.unnest(r.affiliations) x GROUP BY r.person)
    SELECT p.person AS key, p.name,
           pg_catalog.array_remove(coalesce(al.aliases, '{}'), p.name) AS aliases,
           CASE WHEN p.male OPERATOR(pg_catalog.>) p.female THEN 'male'
                WHEN p.female OPERATOR(pg_catalog.>) p.male THEN 'female' END AS gender,
           coalesce(ro.roles, '{}') AS roles, coalesce(af.affiliations, '{}') AS affiliations,
           p.articles, p.quotes, p.first_seen, p.last_seen, p.keys
      FROM p
      LEFT JOIN al ON al.person OPERATOR(pg_catalog.=) p.person
      LEFT JOIN ro ON ro.person OPERATOR(pg_catalog.=) p.person
      LEFT JOIN af ON af.person OPERATOR(pg_catalog.=) p.person$q$, people, resolved);
  EXECUTE format('ALTER VIEW %s OWNER TO %I', people, owner);
  EXECUTE format('COMMENT ON VIEW %s IS %L', people,
                 format('the people quoted in %s, one row per person: key, canonical name, other spellings, gender (from honorifics and pronouns across the corpus; NULL when none or as much for each), roles and affiliations seen, articles and quotes, first and last seen (analysed), and the name keys counted under it',
                        source));
  EXECUTE format($q$
    CREATE VIEW %1$s AS
    WITH r AS (%2$s),
    pn AS (
      SELECT r.person,
             (pg_catalog.array_agg(r.name ORDER BY r.full_name DESC, r.articles DESC, r.name))[1] AS name
        FROM r GROUP BY r.person)
    SELECT s.article_key, s.name AS speaker, k.key, r.person,
           coalesce(pn.name, s.name) AS person_name
      FROM %3$s s
      CROSS JOIN LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
      LEFT JOIN r ON r.key OPERATOR(pg_catalog.=) k.key
      LEFT JOIN pn ON pn.person OPERATOR(pg_catalog.=) r.person$q$,
    links, resolved, news_analysis.qualified_name(t.speakers_table));
  EXECUTE format('ALTER VIEW %s OWNER TO %I', links, owner);
  EXECUTE format('COMMENT ON VIEW %s IS %L', links,
                 format('each speaker of each article of %s with its name key and the person it is counted under in %s (person_name: that person''s canonical name)',
                        source, people));
  INSERT INTO news_analysis.tracked_people (source, names_table, people_view, speaker_people_view)
  VALUES (source, names::regclass, people::regclass, links::regclass);
  IF distributed THEN
    RETURN names::regclass;
  END IF;
  -- the speakers already there
  EXECUTE format($q$
    INSERT INTO %1$s AS p (key, surname, name, aliases, male, female, roles, affiliations,
                           articles, quotes, first_seen, last_seen)
    SELECT k.key, news_analysis.person_surname(k.key),
           (array_agg(s.name ORDER BY lower(s.name) = split_part(k.key, ' (', 1) DESC,
                                      length(s.name) DESC, s.name))[1],
           (array_agg(DISTINCT s.name ORDER BY s.name))[1:32],
           count(*) FILTER (WHERE s.gender = 'male'), count(*) FILTER (WHERE s.gender = 'female'),
           coalesce(array_agg(DISTINCT s.role) FILTER (WHERE s.role IS NOT NULL), '{}'),
           coalesce(array_agg(DISTINCT s.affiliation) FILTER (WHERE s.affiliation IS NOT NULL), '{}'),
           count(*), sum(s.quotes), now(), now()
      FROM %2$s s, LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k
     WHERE k.key IS NOT NULL
     GROUP BY k.key$q$, names, news_analysis.qualified_name(t.speakers_table));
  -- from now on only the triggers above write it (see skip_people_row)
  EXECUTE format('CREATE TRIGGER news_analysis_people_restore BEFORE INSERT ON %s'
                 ' FOR EACH ROW WHEN (pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.=) 0)'
                 ' EXECUTE FUNCTION news_analysis.skip_people_row()', names);
  RETURN names::regclass;
END
$fn$;
COMMENT ON FUNCTION news_analysis.attach_people(regclass) IS
  'internal: makes the people registry of a tracked table (<table>_names, its triggers on <table>_speakers, the views <table>_people and <table>_speaker_people) and fills it from the speakers already there (for a Citus distributed table <table>_names is a view counting the speakers when read); news_analysis.track() calls it';

-- Remove it (untrack() and the drop clean-up call it): the views first, they
-- depend on the speakers table.
CREATE FUNCTION news_analysis.detach_people(source regclass)
  RETURNS void
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  r     news_analysis.tracked_people;
  t     news_analysis.tracked;
  views text;
  counted_on_read boolean;
BEGIN
  SELECT * INTO r FROM news_analysis.tracked_people p WHERE p.source = detach_people.source;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- whatever a DROP ... CASCADE took with it is gone already
  SELECT string_agg(news_analysis.qualified_name(v), ', ') INTO views
    FROM unnest(ARRAY[r.speaker_people_view, r.people_view]) v
   WHERE news_analysis.qualified_name(v) IS NOT NULL;
  IF views IS NOT NULL THEN
    EXECUTE format('DROP VIEW IF EXISTS %s', views);
  END IF;
  -- a view for a Citus distributed table, which has no triggers of the
  -- registry (see attach_people)
  counted_on_read := (SELECT c.relkind FROM pg_class c WHERE c.oid = r.names_table) = 'v';
  IF news_analysis.qualified_name(r.names_table) IS NOT NULL THEN
    EXECUTE format(CASE WHEN counted_on_read THEN 'DROP VIEW IF EXISTS %s' ELSE 'DROP TABLE IF EXISTS %s' END,
                   news_analysis.qualified_name(r.names_table));
  END IF;
  SELECT * INTO t FROM news_analysis.tracked x WHERE x.source = detach_people.source;
  IF FOUND AND NOT coalesce(counted_on_read, false)
     AND news_analysis.qualified_name(t.speakers_table) IS NOT NULL THEN
    EXECUTE format('DROP TRIGGER IF EXISTS news_analysis_people_added ON %1$s;'
                   ' DROP TRIGGER IF EXISTS news_analysis_people_removed ON %1$s;'
                   ' DROP TRIGGER IF EXISTS news_analysis_people_truncated ON %1$s',
                   news_analysis.qualified_name(t.speakers_table));
  END IF;
  DELETE FROM news_analysis.tracked_people p WHERE p.source = detach_people.source;
END
$fn$;
COMMENT ON FUNCTION news_analysis.detach_people(regclass) IS
  'internal: drops the people registry of a tracked table (its views, <table>_names and the triggers that keep it)';

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
CREATE OR REPLACE FUNCTION news_analysis.untrack(source regclass)
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
CREATE OR REPLACE FUNCTION news_analysis.on_drop()
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
CREATE OR REPLACE FUNCTION news_analysis.create_views(
  source           regclass,
  outlet_column    name DEFAULT 'outlet',
  published_column name DEFAULT 'published')
  RETURNS SETOF regclass
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  t        news_analysis.tracked;
  nspname  name;
  relname  name;
  owner    name;
  outlet   text;
  pub      text;
  made     regclass[] := '{}';
  vname    text;
  qv       text;
  links    text;
  i        integer;
  names    text[] := ARRAY['quoted', 'top_speakers', 'speakers_by_outlet', 'speakers_by_month',
                           'quotes_per_article', 'quotes_per_outlet', 'speaker_roles',
                           'vote_timeline', 'vetoes'];
  comments text[] := ARRAY[
    'every attribution of %s with a speaker, once (a piece of another left out), direct and partial quotations and reported speech (reported: mixed or indirect), with its article''s outlet and date, the speaker as the people registry names the person (speaker_in_article: as the article does; person: the registry key) and the speaker''s role and affiliation',
    'most-quoted people of %s (one person under one name: the people registry): attributions (quotes), of them quotations (direct and partial) and reported speech (mixed and indirect), articles, outlets, first and last date quoted',
    'most-quoted speakers of %s per outlet (one person under one name): attributions, quotations and reported speech',
    'attributions per speaker (one person under one name) and month (YYYY-MM) in %s, quotations and reported speech apart; \crosstabview month reads well',
    'attributions of each article of %s by kind, each once (articles without any included); reported = mixed + indirect',
    'attributions per outlet of %s: articles, attributions, per article, share attributed, quotations and reported speech',
    'roles and affiliations the articles of %s give their speakers',
    'vote events of %s in date order: body, motion, outcome, tally and positions',
    'vetoes cast by countries in the vote events of %s (asserted vetoes only; a president''s or governor''s veto is in vote_timeline)'];
  bodies   text[];
BEGIN
  t := news_analysis.tracked_row(source);
  -- the people registry links each article's speaker to a person (45_people.sql)
  SELECT news_analysis.qualified_name(p.speaker_people_view) INTO links
    FROM news_analysis.tracked_people p WHERE p.source = create_views.source;
  IF links IS NULL THEN
    RAISE EXCEPTION 'table % has no people registry', source
      USING ERRCODE = 'undefined_object', HINT = 'Call news_analysis.untrack() and news_analysis.track() again.';
  END IF;
  SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) INTO nspname, relname, owner
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = source;

  -- no outlet or date column (NULL): the views show NULL for it
  IF outlet_column IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = source
                     AND a.attname = outlet_column AND a.attnum > 0 AND NOT a.attisdropped) THEN
      RAISE EXCEPTION 'column "%" of table % does not exist', outlet_column, source
        USING ERRCODE = 'undefined_column', HINT = 'Pass outlet_column => NULL if the table has none.';
    END IF;
    outlet := format('a.%I::pg_catalog.text', outlet_column);
  ELSE
    outlet := 'NULL::pg_catalog.text';
  END IF;
  IF published_column IS NOT NULL THEN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = source
                     AND a.attname = published_column AND a.attnum > 0 AND NOT a.attisdropped) THEN
      RAISE EXCEPTION 'column "%" of table % does not exist', published_column, source
        USING ERRCODE = 'undefined_column', HINT = 'Pass published_column => NULL if the table has none.';
    END IF;
    pub := format('a.%I::pg_catalog.date', published_column);
  ELSE
    pub := 'NULL::pg_catalog.date';
  END IF;

  -- views made earlier are replaced
  IF cardinality(t.views) > 0 THEN
    EXECUTE format('DROP VIEW IF EXISTS %s',
                   (SELECT string_agg(news_analysis.qualified_name(v), ', ') FROM unnest(t.views) v));
  END IF;

  bodies := ARRAY[
    -- quoted
    format($v$
SELECT q.article_key, %2$s AS published, %3$s AS outlet,
       q.ordinal, COALESCE(sp.person_name, q.speaker) AS speaker, s.role, s.affiliation,
       q.kind, q.attribution, q.cue, q.text AS quote, q.confidence, q.cue_class,
       q.kind OPERATOR(pg_catalog.=) ANY ('{mixed,indirect}'::pg_catalog.text[]) AS reported,
       q.speaker AS speaker_in_article, sp.person
  FROM %1$s q
  JOIN %4$s a ON a.%5$I OPERATOR(pg_catalog.=) q.article_key
  LEFT JOIN %6$s s ON s.article_key OPERATOR(pg_catalog.=) q.article_key
                  AND s.name OPERATOR(pg_catalog.=) q.speaker
  LEFT JOIN %7$s sp ON sp.article_key OPERATOR(pg_catalog.=) q.article_key
                   AND sp.speaker OPERATOR(pg_catalog.=) q.speaker
 WHERE q.speaker IS NOT NULL AND q.part_of IS NULL$v$,
      news_analysis.qualified_name(t.quotes_table), pub, outlet,
      news_analysis.qualified_name(source), t.key_column,
      news_analysis.qualified_name(t.speakers_table), links),
    -- top_speakers
    $v$
SELECT speaker,
       pg_catalog.mode() WITHIN GROUP (ORDER BY role) AS role,
       pg_catalog.mode() WITHIN GROUP (ORDER BY affiliation) AS affiliation,
       pg_catalog.count(*) AS quotes,
       pg_catalog.count(DISTINCT article_key) AS articles,
       pg_catalog.count(DISTINCT outlet) AS outlets,
       pg_catalog.min(published) AS first_quoted,
       pg_catalog.max(published) AS last_quoted,
       pg_catalog.count(*) FILTER (WHERE NOT reported) AS quotations,
       pg_catalog.count(*) FILTER (WHERE reported) AS reported
  FROM %1$s
 GROUP BY COALESCE(person, speaker), speaker
 ORDER BY quotes DESC, articles DESC, speaker$v$,
    -- speakers_by_outlet
    $v$
SELECT outlet, speaker, pg_catalog.count(*) AS quotes,
       pg_catalog.count(DISTINCT article_key) AS articles,
       pg_catalog.count(*) FILTER (WHERE NOT reported) AS quotations,
       pg_catalog.count(*) FILTER (WHERE reported) AS reported
  FROM %1$s
 GROUP BY outlet, speaker
 ORDER BY outlet, quotes DESC, speaker$v$,
    -- speakers_by_month
    $v$
SELECT pg_catalog.to_char(published, 'YYYY-MM') AS month, speaker,
       pg_catalog.count(*) AS quotes,
       pg_catalog.count(*) FILTER (WHERE NOT reported) AS quotations,
       pg_catalog.count(*) FILTER (WHERE reported) AS reported
  FROM %1$s
 GROUP BY 1, speaker
 ORDER BY month, quotes DESC, speaker$v$,
    -- quotes_per_article
    format($v$
SELECT a.%2$I AS article_key, %3$s AS published, %4$s AS outlet,
       pg_catalog.count(q.ordinal) AS quotes,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'direct') AS direct,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'partial') AS partial,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'unattributed') AS unattributed,
       pg_catalog.count(DISTINCT q.speaker) AS speakers,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'mixed') AS mixed,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) 'indirect') AS indirect,
       pg_catalog.count(q.ordinal) FILTER (WHERE q.kind OPERATOR(pg_catalog.=) ANY ('{mixed,indirect}'::pg_catalog.text[])) AS reported
  FROM %1$s a
  LEFT JOIN %5$s q ON q.article_key OPERATOR(pg_catalog.=) a.%2$I
                  AND q.part_of IS NULL
 GROUP BY a.%2$I, 2, 3
 ORDER BY 2, 1$v$,
      news_analysis.qualified_name(source), t.key_column, pub, outlet,
      news_analysis.qualified_name(t.quotes_table)),
    -- quotes_per_outlet
    $v$
SELECT outlet,
       pg_catalog.count(*) AS articles,
       pg_catalog.sum(quotes)::bigint AS quotes,
       pg_catalog.round(pg_catalog.avg(quotes), 1) AS per_article,
       pg_catalog.sum(direct)::bigint AS direct,
       pg_catalog.sum(partial)::bigint AS partial,
       pg_catalog.sum(unattributed)::bigint AS unattributed,
       pg_catalog.round(100 * (pg_catalog.sum(quotes) OPERATOR(pg_catalog.-) pg_catalog.sum(unattributed))
             OPERATOR(pg_catalog./) NULLIF(pg_catalog.sum(quotes), 0)) AS attributed_pct,
       pg_catalog.sum(reported)::bigint AS reported
  FROM %2$s
 GROUP BY outlet
 ORDER BY quotes DESC, outlet$v$,
    -- speaker_roles
    format($v$
SELECT s.name AS speaker, s.role, s.affiliation,
       pg_catalog.count(*) AS articles, pg_catalog.sum(s.quotes)::bigint AS quotes
  FROM %1$s s
 GROUP BY s.name, s.role, s.affiliation
 ORDER BY quotes DESC, speaker, role$v$,
      news_analysis.qualified_name(t.speakers_table)),
    -- vote_timeline
    format($v$
SELECT %2$s AS published, %3$s AS outlet, v.article_key, v.event,
       pg_catalog.max(v.body) AS body,
       pg_catalog.max(v.motion) AS motion,
       pg_catalog.max(v.outcome) AS outcome,
       pg_catalog.max(pg_catalog.concat_ws('-', v.votes_for, v.votes_against, v.abstentions))
         FILTER (WHERE v.votes_for IS NOT NULL) AS tally,
       pg_catalog.string_agg(DISTINCT pg_catalog.concat(v.actor, ': ', v.action), '; ')
         FILTER (WHERE v.actor IS NOT NULL) AS positions,
       pg_catalog.max(v.modality) AS modality
  FROM %1$s v
  JOIN %4$s a ON a.%5$I OPERATOR(pg_catalog.=) v.article_key
 WHERE v.event IS NOT NULL
 GROUP BY 1, 2, v.article_key, v.event
 ORDER BY 1, v.article_key, v.event$v$,
      news_analysis.qualified_name(t.vote_events_table), pub, outlet,
      news_analysis.qualified_name(source), t.key_column),
    -- vetoes
    format($v$
SELECT v.actor AS country,
       pg_catalog.count(DISTINCT (v.article_key, v.event)) AS vetoes,
       pg_catalog.min(%2$s) AS first_veto,
       pg_catalog.max(%2$s) AS last_veto,
       pg_catalog.string_agg(DISTINCT v.motion, '; ') AS motions
  FROM %1$s v
  JOIN %3$s a ON a.%4$I OPERATOR(pg_catalog.=) v.article_key
 WHERE v.action OPERATOR(pg_catalog.=) 'veto'
   AND v.modality OPERATOR(pg_catalog.=) 'asserted'
   AND v.actor_kind OPERATOR(pg_catalog.=) 'country'
 GROUP BY v.actor
 ORDER BY vetoes DESC, country$v$,
      news_analysis.qualified_name(t.vote_events_table), pub,
      news_analysis.qualified_name(source), t.key_column)];

  FOR i IN 1 .. pg_catalog.array_length(names, 1) LOOP
    vname := relname || '_' || names[i];
    IF octet_length(vname) > 63 THEN
      RAISE EXCEPTION 'the name of table % is too long for its view "%"', source, vname
        USING ERRCODE = 'name_too_long';
    END IF;
    qv := format('%I.%I', nspname, vname);
    IF to_regclass(qv) IS NOT NULL THEN
      RAISE EXCEPTION 'relation % already exists', qv
        USING ERRCODE = 'duplicate_table',
              HINT = 'news_analysis.create_views() makes it: drop or rename it first.';
    END IF;
    -- views over views name the first one, quoted
    EXECUTE format('CREATE VIEW %s AS %s', qv,
                   CASE WHEN i IN (2, 3, 4) THEN format(bodies[i], made[1]::text)
                        WHEN i = 6 THEN format(bodies[i], NULL, made[5]::text)
                        ELSE bodies[i] END);
    EXECUTE format('ALTER VIEW %s OWNER TO %I', qv, owner);
    EXECUTE format('COMMENT ON VIEW %s IS %L', qv, format(comments[i], source));
    made := made || qv::regclass;
  END LOOP;

  UPDATE news_analysis.tracked r SET views = made WHERE r.source = create_views.source;
  RETURN QUERY SELECT unnest(made);
END
$fn$;
COMMENT ON FUNCTION news_analysis.create_views(regclass, name, name) IS
  'analyst views next to a tracked table''s derived tables: <table>_quoted, _top_speakers, _speakers_by_outlet, _speakers_by_month, _quotes_per_article, _quotes_per_outlet, _speaker_roles, _vote_timeline, _vetoes; outlet and date come from the named columns (NULL: none)';
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
      SELECT COALESCE(sp.person_name, q.speaker) AS speaker,
             COALESCE(sp.person, q.speaker) AS person,
             s.role, s.affiliation, q.article_key, q.text,
             pg_catalog.to_tsvector('news_analysis.english_news', q.text) @@ $1 AS in_quote
        FROM %1$s a
        JOIN %2$s q ON q.article_key OPERATOR(pg_catalog.=) a.%3$I
        LEFT JOIN %4$s s ON s.article_key OPERATOR(pg_catalog.=) q.article_key
                        AND s.name OPERATOR(pg_catalog.=) q.speaker
        LEFT JOIN %6$s sp ON sp.article_key OPERATOR(pg_catalog.=) q.article_key
                         AND sp.speaker OPERATOR(pg_catalog.=) q.speaker
       WHERE q.speaker IS NOT NULL AND q.part_of IS NULL
         AND pg_catalog.to_tsvector('news_analysis.english_news', a.%5$I::pg_catalog.text) @@ $1
    )
    SELECT h.speaker,
           pg_catalog.mode() WITHIN GROUP (ORDER BY h.role),
           pg_catalog.mode() WITHIN GROUP (ORDER BY h.affiliation),
           pg_catalog.count(*), pg_catalog.count(DISTINCT h.article_key),
           (pg_catalog.array_agg(h.text ORDER BY h.in_quote DESC, pg_catalog.length(h.text) DESC))[1]
      FROM hits h
     GROUP BY h.person, h.speaker
     ORDER BY pg_catalog.count(*) FILTER (WHERE h.in_quote) DESC, 4 DESC, 1$q$,
    news_analysis.qualified_name(source), news_analysis.qualified_name(t.quotes_table),
    t.key_column, news_analysis.qualified_name(t.speakers_table), t.text_column,
    (SELECT news_analysis.qualified_name(p.speaker_people_view)
       FROM news_analysis.tracked_people p WHERE p.source = quoted_on.source))
  USING topic;
END
$fn$;
COMMENT ON FUNCTION news_analysis.quoted_on(regclass, text) IS
  'who is quoted, directly or in reported speech (one person under one name: the people registry), in the articles of a tracked table that mention a word (stemmed with news_analysis.english_news, or a word starting with it; several words are a phrase: adjacent, in that order): quotes, articles and an example quote, those who use the word themselves first; an index ON articles USING gin (to_tsvector(''news_analysis.english_news'', body)) serves it';

-- the registry of every table tracked before the upgrade, filled from its
-- speakers; what attach_people() makes here belongs to the user's table, not
-- to the extension (an extension script would make it a member)
DO $do$
DECLARE
  r news_analysis.tracked_people;
BEGIN
  PERFORM news_analysis.attach_people(t.source) FROM news_analysis.tracked t
    WHERE NOT EXISTS (SELECT 1 FROM news_analysis.tracked_people p WHERE p.source OPERATOR(pg_catalog.=) t.source);
  FOR r IN SELECT * FROM news_analysis.tracked_people LOOP
    EXECUTE pg_catalog.format('ALTER EXTENSION news_analysis DROP VIEW %s', r.speaker_people_view);
    EXECUTE pg_catalog.format('ALTER EXTENSION news_analysis DROP VIEW %s', r.people_view);
    EXECUTE pg_catalog.format(CASE WHEN (SELECT c.relkind FROM pg_catalog.pg_class c
                                          WHERE c.oid OPERATOR(pg_catalog.=) r.names_table) OPERATOR(pg_catalog.=) 'v'
                                   THEN 'ALTER EXTENSION news_analysis DROP VIEW %s'
                                   ELSE 'ALTER EXTENSION news_analysis DROP TABLE %s' END, r.names_table);
  END LOOP;
END
$do$;

-- the views create_views() made, made again to count by person, with their
-- outlet and date columns (read back from the first view: "a.col AS
-- published" or NULL, then the outlet)
DO $do$
DECLARE
  t       news_analysis.tracked;
  def     text;
  lines   text[];
  outlet  name;
  pub     name;
  m       text[];
BEGIN
  FOR t IN SELECT * FROM news_analysis.tracked WHERE pg_catalog.cardinality(views) > 0 LOOP
    def := pg_catalog.pg_get_viewdef(t.views[1]);
    lines := pg_catalog.regexp_split_to_array(def, E'\n');
    m := pg_catalog.regexp_match(lines[2], '^\s*\(?a\.("(?:[^"]|"")+"|[^ ,)]+)');
    pub := CASE WHEN m IS NULL THEN NULL
                WHEN m[1] LIKE '"%' THEN pg_catalog.replace(pg_catalog.btrim(m[1], '"'), '""', '"')
                ELSE m[1] END;
    m := pg_catalog.regexp_match(lines[3], '^\s*\(?a\.("(?:[^"]|"")+"|[^ ,)]+)');
    outlet := CASE WHEN m IS NULL THEN NULL
                   WHEN m[1] LIKE '"%' THEN pg_catalog.replace(pg_catalog.btrim(m[1], '"'), '""', '"')
                   ELSE m[1] END;
    PERFORM news_analysis.create_views(t.source, outlet, pub);
    EXECUTE (SELECT pg_catalog.string_agg(pg_catalog.format('ALTER EXTENSION news_analysis DROP VIEW %s', v), '; ')
               FROM news_analysis.tracked r, pg_catalog.unnest(r.views) v
              WHERE r.source OPERATOR(pg_catalog.=) t.source);
  END LOOP;
END
$do$;

-- ==== #16 (speed, branch ops): the people registry's upkeep without a sort per
-- key and aggregate for keys of one speaker row, and person_key computed once
-- per speaker row (the body of src/sql/45_people.sql)

CREATE OR REPLACE FUNCTION news_analysis.people_added()
  RETURNS trigger
  LANGUAGE plpgsql
  SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  -- one statement for the whole chunk of speakers, in key order; a key
  -- of one speaker row (most keys of a chunk) takes that row's values as
  -- the aggregates would give them, without their sorts (a sort per key
  -- and aggregate); the rows without a key are dropped after the window,
  -- not in n, where the filter would compute person_key a second time
  EXECUTE format($q$
    WITH n AS (
      SELECT k.key, s.name, s.role, s.affiliation, s.gender, s.quotes,
             count(*) OVER (PARTITION BY k.key) AS rows_of_key
        FROM news_analysis_people_new s,
             LATERAL (SELECT news_analysis.person_key(s.name, s.gender) AS key) k),
    counted AS (
      SELECT n.key, n.name, ARRAY[n.name] AS aliases,
             CASE WHEN n.gender OPERATOR(pg_catalog.=) 'male' THEN 1::bigint ELSE 0::bigint END AS male,
             CASE WHEN n.gender OPERATOR(pg_catalog.=) 'female' THEN 1::bigint ELSE 0::bigint END AS female,
             CASE WHEN n.role IS NULL THEN '{}'::text[] ELSE ARRAY[n.role] END AS roles,
             CASE WHEN n.affiliation IS NULL THEN '{}'::text[] ELSE ARRAY[n.affiliation] END AS affiliations,
             1::bigint AS articles, n.quotes::bigint AS quotes
        FROM n WHERE n.key IS NOT NULL AND n.rows_of_key OPERATOR(pg_catalog.=) 1
      UNION ALL
      SELECT n.key,
             (array_agg(n.name ORDER BY lower(n.name) = split_part(n.key, ' (', 1) DESC,
                                        length(n.name) DESC, n.name))[1] AS name,
             (array_agg(DISTINCT n.name ORDER BY n.name))[1:32] AS aliases,
             count(*) FILTER (WHERE n.gender OPERATOR(pg_catalog.=) 'male') AS male,
             count(*) FILTER (WHERE n.gender OPERATOR(pg_catalog.=) 'female') AS female,
             coalesce(array_agg(DISTINCT n.role) FILTER (WHERE n.role IS NOT NULL), '{}') AS roles,
             coalesce(array_agg(DISTINCT n.affiliation) FILTER (WHERE n.affiliation IS NOT NULL), '{}')
               AS affiliations,
             count(*) AS articles, sum(n.quotes) AS quotes
        FROM n WHERE n.key IS NOT NULL AND n.rows_of_key OPERATOR(pg_catalog.>) 1 GROUP BY n.key)
    INSERT INTO %s AS p (key, surname, name, aliases, male, female, roles, affiliations,
                         articles, quotes, first_seen, last_seen)
    SELECT c.key, news_analysis.person_surname(c.key), c.name, c.aliases,
           c.male, c.female, c.roles, c.affiliations, c.articles, c.quotes, now(), now()
      FROM counted c
     ORDER BY c.key
    ON CONFLICT (key) DO UPDATE SET
      -- the spelling of the key itself (Hillary Clinton, not Hillary Rodham
      -- Clinton), else the longest
      name = CASE WHEN lower(p.name) = split_part(p.key, ' (', 1) THEN p.name
                  WHEN lower(EXCLUDED.name) = split_part(p.key, ' (', 1) THEN EXCLUDED.name
                  WHEN length(EXCLUDED.name) > length(p.name) THEN EXCLUDED.name ELSE p.name END,
      aliases = CASE WHEN EXCLUDED.aliases <@ p.aliases THEN p.aliases
                     ELSE (SELECT array_agg(DISTINCT x ORDER BY x)
                             FROM unnest(p.aliases OPERATOR(pg_catalog.||) EXCLUDED.aliases) x) END,
      male = p.male + EXCLUDED.male,
      female = p.female + EXCLUDED.female,
      roles = CASE WHEN EXCLUDED.roles <@ p.roles THEN p.roles
                   ELSE (SELECT array_agg(DISTINCT x ORDER BY x)
                           FROM unnest(p.roles OPERATOR(pg_catalog.||) EXCLUDED.roles) x) END,
      affiliations = CASE WHEN EXCLUDED.affiliations <@ p.affiliations THEN p.affiliations
                          ELSE (SELECT array_agg(DISTINCT x ORDER BY x)
                                  FROM unnest(p.affiliations OPERATOR(pg_catalog.||) EXCLUDED.affiliations) x) END,
      articles = p.articles + EXCLUDED.articles,
      quotes = p.quotes + EXCLUDED.quotes,
      last_seen = EXCLUDED.last_seen$q$, TG_ARGV[0]);
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION news_analysis.people_added() IS
  'internal: trigger after INSERT on <table>_speakers: adds the new speakers to the people registry <table>_names, one upsert in key order';

-- ==== #13/#16 (speed, branch ops): the people registry's trigger
-- people_added() in C (src/pg/people_registry_pg.c), the same rows in
-- news_analysis.<table>_names; see src/sql/45_people.sql
CREATE OR REPLACE FUNCTION news_analysis.people_added()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'na_people_added'
  LANGUAGE C
  SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION news_analysis.people_added() IS
  'internal: trigger after INSERT on <table>_speakers: adds the new speakers to the people registry <table>_names, one upsert in key order';

-- ==== #13/#16 (speed, branch ahead): a large INSERT or COPY is analysed
-- while it runs: a BEFORE INSERT row trigger news_analysis_analyse_ahead
-- feeds a background worker (src/pg/ahead_pg.c), and an AFTER INSERT row
-- trigger news_analysis_analyse_inserted records the rows inserted in place
-- of the INSERT trigger's transition table; attach_trigger() makes them,
-- detach_triggers() drops them, and every tracked table gets them here
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
CREATE OR REPLACE FUNCTION news_analysis.detach_triggers(source regclass)
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
CREATE OR REPLACE FUNCTION news_analysis.attach_trigger(source regclass)
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
ALTER FUNCTION news_analysis.attach_trigger(regclass) SET citus.enable_unsafe_triggers = on;
ALTER FUNCTION news_analysis.detach_triggers(regclass) SET citus.enable_unsafe_triggers = on;
SELECT news_analysis.attach_trigger(t.source) FROM news_analysis.tracked t;
