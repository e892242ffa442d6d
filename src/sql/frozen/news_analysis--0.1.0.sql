-- news_analysis install script, assembled from src/sql/*.sql by the Makefile.
\echo Use "CREATE EXTENSION news_analysis" to load this file. \quit

COMMENT ON SCHEMA news_analysis IS
  'news_analysis: tokens, sentences, quotes and speakers, and vote events of news articles';
-- Tokens and sentences (src/tokenize.c).

CREATE TYPE news_analysis.token AS (
  ordinal   integer,
  sentence  integer,
  paragraph integer,
  kind      text,
  token     text,
  start     integer,
  length    integer
);
COMMENT ON TYPE news_analysis.token IS
  'a token of a text: substr(text, start, length) = token; sentence and paragraph are 1-based';

CREATE TYPE news_analysis.sentence AS (
  ordinal   integer,
  paragraph integer,
  start     integer,
  length    integer,
  text      text
);
COMMENT ON TYPE news_analysis.sentence IS
  'a sentence of a text: substr(text, start, length) = the sentence text';

CREATE FUNCTION news_analysis.tokenize(text)
  RETURNS SETOF news_analysis.token
  AS 'MODULE_PATHNAME', 'na_tokenize'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION news_analysis.tokenize(text) IS
  'tokens of a news text: words, numbers, money, ranges, abbreviations, initials, quotes, urls, ... with 1-based character offsets';

CREATE FUNCTION news_analysis.sentences(text)
  RETURNS SETOF news_analysis.sentence
  AS 'MODULE_PATHNAME', 'na_sentences'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION news_analysis.sentences(text) IS
  'sentences of a news text; abbreviations (Mr., U.S., Jan.) and initials do not end one, paragraph breaks always do';
-- Text search: news_parser and the english_news configuration (src/tsparser.c).

CREATE FUNCTION news_analysis.news_parser_start(internal, integer)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'na_ts_start'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_start(internal, integer) IS
  'news_parser: scans a document (text search parser support function)';

CREATE FUNCTION news_analysis.news_parser_nexttoken(internal, internal, internal)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'na_ts_nexttoken'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_nexttoken(internal, internal, internal) IS
  'news_parser: returns the next token (text search parser support function)';

CREATE FUNCTION news_analysis.news_parser_end(internal)
  RETURNS void
  AS 'MODULE_PATHNAME', 'na_ts_end'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_end(internal) IS
  'news_parser: frees a scanned document (text search parser support function)';

CREATE FUNCTION news_analysis.news_parser_lextype(internal)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'na_ts_lextype'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_lextype(internal) IS
  'news_parser: its token types (text search parser support function)';

CREATE TEXT SEARCH PARSER news_analysis.news_parser (
  START    = news_analysis.news_parser_start,
  GETTOKEN = news_analysis.news_parser_nexttoken,
  END      = news_analysis.news_parser_end,
  LEXTYPES = news_analysis.news_parser_lextype,
  HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER news_analysis.news_parser IS
  'the news_analysis scanner as a text search parser: words (hyphenated ones with their parts), abbreviations and initials without their final full stop, numbers, money, percentages, ranges, urls, emails, handles, hashtags, quotes; every other byte is blank';

CREATE TEXT SEARCH CONFIGURATION news_analysis.english_news (PARSER = news_analysis.news_parser);
COMMENT ON TEXT SEARCH CONFIGURATION news_analysis.english_news IS
  'English news: words (names too) and the parts of hyphenated words through english_stem; abbreviations and initials lower-cased whole without their final stop (U.S. and U.S give u.s, Mr. gives mr); numbers, ranges (52-48), percentages, money (also its number and scale word), urls, emails, handles, hashtags (also their word), emoji and ideographs lower-cased whole (simple); punctuation, quotes, dashes and symbols not indexed; tokens of 2047 bytes or more not indexed';

ALTER TEXT SEARCH CONFIGURATION news_analysis.english_news
  ADD MAPPING FOR word, hword, hword_part WITH pg_catalog.english_stem;
ALTER TEXT SEARCH CONFIGURATION news_analysis.english_news
  ADD MAPPING FOR abbreviation, initial, number, range, percent, money, url, email,
                  handle, hashtag, emoji, ideograph
  WITH pg_catalog.simple;
-- Quotes and speakers (src/quotes.c, src/core/quotes.c, src/core/speakers.c).

CREATE TYPE news_analysis.quote AS (
  ordinal         integer,
  text            text,
  start           integer,
  length          integer,
  paragraph       integer,
  sentence        integer,
  kind            text,
  speaker         text,
  speaker_mention text,
  mention_start   integer,
  mention_length  integer,
  cue             text,
  attribution     text,
  confidence      real
);
COMMENT ON TYPE news_analysis.quote IS
  'a quotation: text inside the marks at substr(body, start, length); kind direct, partial or unattributed (scare quotes, titles, nicknames); speaker is the canonical name, speaker_mention the source as written at substr(body, mention_start, mention_length); cue as written (said, told, according to); attribution name, title, pronoun, continuation, colon, according_to or subject; confidence 0..1';

CREATE TYPE news_analysis.speaker AS (
  name        text,
  role        text,
  affiliation text,
  aliases     text[],
  gender      text,
  mentions    integer,
  quotes      integer,
  first_start integer
);
COMMENT ON TYPE news_analysis.speaker IS
  'a quoted person: canonical name (the fullest the text uses), role and affiliation from titles and appositions, the other spellings used, gender where an honorific or pronoun states it, mentions (names and resolved pronouns), quotes, and the 1-based character position of the first mention';

CREATE FUNCTION news_analysis.quotes(text)
  RETURNS SETOF news_analysis.quote
  AS 'MODULE_PATHNAME', 'na_quotes'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION news_analysis.quotes(text) IS
  'quotations of a news text with their speakers: “…,” X said / said X / X said: “…” / according to X / pronouns resolved to the person meant / continuation of the last speaker / partial quotes inside paraphrase; a role phrase in apposition gives the name it introduces (Britain’s ambassador, X, said); common French, Spanish, German, Italian and Portuguese cues (a déclaré, dijo, sagte, ha detto, disse, selon, según); a quote open at a paragraph end ends there';

CREATE FUNCTION news_analysis.speakers(text)
  RETURNS SETOF news_analysis.speaker
  AS 'MODULE_PATHNAME', 'na_speakers'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION news_analysis.speakers(text) IS
  'the people quoted in a news text, in order of first mention: canonical name, role, affiliation, aliases, gender, mentions, quotes';
-- Vote events (src/votes.c, src/core/votes.c) and their materialized views.

CREATE TYPE news_analysis.vote_event AS (
  ordinal       integer,
  event         integer,
  sentence      integer,
  start         integer,
  length        integer,
  evidence      text,
  actor         text,
  actor_kind    text,
  action        text,
  body          text,
  motion        text,
  outcome       text,
  votes_for     integer,
  votes_against integer,
  abstentions   integer,
  method        text,
  modality      text
);
COMMENT ON TYPE news_analysis.vote_event IS
  'a position taken in a vote: who (actor) did what (action) on which motion in which body; substr(text, start, length) = evidence';
COMMENT ON COLUMN news_analysis.vote_event.ordinal IS
  '1-based number of the position within the text, in text order';
COMMENT ON COLUMN news_analysis.vote_event.event IS
  '1-based number of the vote the position belongs to within the text ("the Kremlin vetoed a measure" and "Russia and China blocked the measure" share one); NULL for historical counts';
COMMENT ON COLUMN news_analysis.vote_event.sentence IS
  '1-based sentence of the evidence (news_analysis.sentences)';
COMMENT ON COLUMN news_analysis.vote_event.start IS
  '1-based character offset of the evidence';
COMMENT ON COLUMN news_analysis.vote_event.length IS
  'length of the evidence in characters';
COMMENT ON COLUMN news_analysis.vote_event.evidence IS
  'the words that state the position, as written';
COMMENT ON COLUMN news_analysis.vote_event.actor IS
  'who took the position, canonical where possible: a country (the Kremlin, Moscow, the Russians = Russia; Britain = United Kingdom), a party (Republican Party), a body (Senate, UN Security Council), else the name or group as written';
COMMENT ON COLUMN news_analysis.vote_event.actor_kind IS
  'country, party, person, body or group; NULL when the text names no actor (the resolution was adopted)';
COMMENT ON COLUMN news_analysis.vote_event.action IS
  'veto, vote_for, vote_against, abstain, block, sponsor, support, oppose, adopt (a body passed it), reject (a body voted it down) or vote (took part, side not stated)';
COMMENT ON COLUMN news_analysis.vote_event.body IS
  'where the vote was held: UN Security Council, UN General Assembly, Senate, House of Representatives, House of Commons, referendum, or the body as written (Iran''s parliament, Monetary Policy Committee)';
COMMENT ON COLUMN news_analysis.vote_event.motion IS
  'what was voted on, as written: a measure, the draft resolution, to confirm Amy Barrett';
COMMENT ON COLUMN news_analysis.vote_event.outcome IS
  'adopted, passed, rejected, failed or vetoed, when the text says it (shared by all positions of the vote)';
COMMENT ON COLUMN news_analysis.vote_event.votes_for IS
  'votes in favour where a tally is given (52 to 48, 13-0-2, nine in favour)';
COMMENT ON COLUMN news_analysis.vote_event.votes_against IS
  'votes against where a tally is given; 0 for a unanimous vote';
COMMENT ON COLUMN news_analysis.vote_event.abstentions IS
  'abstentions where the tally gives them (13-0 with two abstentions)';
COMMENT ON COLUMN news_analysis.vote_event.method IS
  'unanimous, show_of_hands, voice_vote, acclamation, consensus or secret_ballot, when the text says how the vote was taken';
COMMENT ON COLUMN news_analysis.vote_event.modality IS
  'asserted; negated (did not veto); expected (would defeat, threatened to veto, is expected to vote); hypothetical (could veto, if ...); historical (a count of past votes: its seventh veto)';

CREATE FUNCTION news_analysis.vote_events(text)
  RETURNS SETOF news_analysis.vote_event
  AS 'MODULE_PATHNAME', 'na_vote_events'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10000 ROWS 3;
COMMENT ON FUNCTION news_analysis.vote_events(text) IS
  'vote events of a news text: vetoes, votes for and against, abstentions, sponsors and supporters of a motion, with body, outcome, tally and modality';

-- Materialized views of the vote events of a user's article table.
--
-- Scheduled refresh with pg_cron (Debian package postgresql-15-cron; add
-- pg_cron to shared_preload_libraries, CREATE EXTENSION pg_cron in the
-- database named by cron.database_name):
--   SELECT cron.schedule('refresh article votes', '*/15 * * * *',
--     $$SELECT news_analysis.refresh_vote_view('public.article_votes')$$);
-- A concurrent refresh lets readers go on reading the view meanwhile; it
-- needs the unique index create_vote_view makes.

CREATE FUNCTION news_analysis.create_vote_view(
    view_name   text,
    source      regclass,
    key_column  name,
    text_column name,
    with_data   boolean DEFAULT true)
  RETURNS regclass
  LANGUAGE plpgsql VOLATILE
AS $fn$
DECLARE
  parts      text[];
  target     text;
  index_name text;
  key_type   oid;
  text_type  oid;
  view_oid   regclass;
  row_alias  name;
BEGIN
  IF view_name IS NULL OR source IS NULL OR key_column IS NULL OR text_column IS NULL THEN
    RAISE EXCEPTION 'view_name, source, key_column and text_column must not be null'
      USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- "schema"."view" or view: parse_ident rejects anything else
  parts := pg_catalog.parse_ident(view_name);
  IF array_length(parts, 1) > 2 THEN
    RAISE EXCEPTION 'improper view name "%"', view_name
      USING ERRCODE = 'invalid_name',
            HINT = 'Give a view name, optionally qualified with a schema: schema.view.';
  END IF;
  -- an unqualified name goes to the caller's current schema, as CREATE would
  IF array_length(parts, 1) = 1 THEN
    IF pg_catalog.current_schema() IS NULL THEN
      RAISE EXCEPTION 'no schema has been selected to create the view in'
        USING ERRCODE = 'invalid_schema_name';
    END IF;
    parts := ARRAY[pg_catalog.current_schema()::text] || parts;
  END IF;
  target := pg_catalog.array_to_string(
              ARRAY(SELECT pg_catalog.quote_ident(p) FROM pg_catalog.unnest(parts) AS p), '.');
  index_name := parts[2];
  index_name := pg_catalog.left(index_name, 52) || '_event_key';

  SELECT a.atttypid INTO key_type
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = source AND a.attname = key_column AND a.attnum > 0 AND NOT a.attisdropped;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'column "%" does not exist in %', key_column, source
      USING ERRCODE = 'undefined_column';
  END IF;
  SELECT a.atttypid INTO text_type
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid = source AND a.attname = text_column AND a.attnum > 0 AND NOT a.attisdropped;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'column "%" does not exist in %', text_column, source
      USING ERRCODE = 'undefined_column';
  END IF;
  IF text_type NOT IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN
    RAISE EXCEPTION 'column "%" of % is of type %, not text', text_column, source, text_type::regtype
      USING ERRCODE = 'datatype_mismatch';
  END IF;
  IF key_column IN ('ordinal', 'event', 'sentence', 'start', 'length', 'evidence', 'actor',
                    'actor_kind', 'action', 'body', 'motion', 'outcome', 'votes_for',
                    'votes_against', 'abstentions', 'method', 'modality') THEN
    RAISE EXCEPTION 'key column "%" has the name of a vote_event column', key_column
      USING ERRCODE = 'duplicate_column',
            HINT = 'Create a view over the table that renames the key, and pass that view as source.';
  END IF;
  IF NOT EXISTS (
      SELECT 1
        FROM pg_catalog.pg_index i
       WHERE i.indrelid = source AND i.indisunique AND i.indnkeyatts = 1
         AND i.indkey[0] = (SELECT a.attnum FROM pg_catalog.pg_attribute a
                             WHERE a.attrelid = source AND a.attname = key_column)) THEN
    RAISE WARNING 'column "%" of % has no unique index', key_column, source
      USING DETAIL = 'The view is unique on (key, ordinal); if a key repeats, creating or refreshing the view fails.';
  END IF;

  -- vote_events in the select list, not in a LATERAL join: the planner then
  -- counts its cost per article and refreshes with parallel workers (it
  -- assumes rescans of a LATERAL function scan are free)
  row_alias := CASE WHEN key_column = 'na_vote' THEN 'na_vote_row' ELSE 'na_vote' END;
  EXECUTE pg_catalog.format(
    'CREATE MATERIALIZED VIEW %s AS SELECT e.%I, (e.%I).* FROM (SELECT s.%I, news_analysis.vote_events(s.%I::text) AS %I FROM %s AS s) AS e %s',
    target, key_column, row_alias, key_column, text_column, row_alias, source,
    CASE WHEN with_data THEN 'WITH DATA' ELSE 'WITH NO DATA' END);
  view_oid := target::regclass;
  EXECUTE pg_catalog.format('CREATE UNIQUE INDEX %I ON %s (%I, ordinal)', index_name, target, key_column);
  EXECUTE pg_catalog.format('COMMENT ON MATERIALIZED VIEW %s IS %L', target,
    pg_catalog.format('vote events of %s (news_analysis.create_vote_view); refresh with news_analysis.refresh_vote_view(%L)',
                      source, view_oid::text));
  RETURN view_oid;
END
$fn$;
COMMENT ON FUNCTION news_analysis.create_vote_view(text, regclass, name, name, boolean) IS
  'create a materialized view of the vote events of table source (one row per position, with the article key) and a unique index on (key, ordinal), so it can be refreshed concurrently; returns the view';

CREATE FUNCTION news_analysis.refresh_vote_view(
    view         regclass,
    concurrently boolean DEFAULT true)
  RETURNS void
  LANGUAGE plpgsql VOLATILE
  SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  kind      "char";
  populated boolean;
BEGIN
  SELECT c.relkind, c.relispopulated INTO kind, populated
    FROM pg_catalog.pg_class c WHERE c.oid = view;
  IF kind IS DISTINCT FROM 'm' THEN
    RAISE EXCEPTION '% is not a materialized view', view
      USING ERRCODE = 'wrong_object_type';
  END IF;
  -- a view created WITH NO DATA cannot be refreshed concurrently the first time
  -- $2 is "concurrently", a keyword the expression parser does not take as a name
  IF $2 AND populated THEN
    EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW CONCURRENTLY %s', view);
  ELSE
    EXECUTE pg_catalog.format('REFRESH MATERIALIZED VIEW %s', view);
  END IF;
END
$fn$;
COMMENT ON FUNCTION news_analysis.refresh_vote_view(regclass, boolean) IS
  'refresh a vote view made by create_vote_view, concurrently by default (readers are not blocked); schedule it with pg_cron: SELECT cron.schedule(''votes'', ''*/15 * * * *'', $$SELECT news_analysis.refresh_vote_view(''my_votes'')$$)';
-- Analyse on write (src/track.c): track() a table and its articles' quotes,
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
  'articles stored without analysis because the analysis failed (lenient mode): the table, the article key as text, the error and when; a log, cleared by reanalyse() and untrack() (for tests, SET news_analysis.fail_on = ''x'' makes the analysis of texts containing x fail, and ''!x'' makes it throw an error, as an unforeseen failure would)';
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

CREATE FUNCTION news_analysis.analyse_trigger()
  RETURNS trigger
  AS 'MODULE_PATHNAME', 'na_analyse_trigger'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_trigger() IS
  'trigger of tracked tables: keeps the derived quotes, speakers and vote events of each row; attach it with news_analysis.track()';

CREATE FUNCTION news_analysis.analyse_existing(source regclass, batch_size integer DEFAULT 1000,
                                               keys text[] DEFAULT NULL,
                                               first_block bigint DEFAULT NULL,
                                               last_block bigint DEFAULT NULL)
  RETURNS bigint
  AS 'MODULE_PATHNAME', 'na_analyse_existing'
  LANGUAGE C;
COMMENT ON FUNCTION news_analysis.analyse_existing(regclass, integer, text[], bigint, bigint) IS
  'analyse (again) every row of a tracked table, or those whose key as text is in keys, or those stored in blocks [first_block, last_block) (locked FOR UPDATE), replacing their derived rows; a NOTICE after each batch of rows (not for blocks); returns the number of rows';

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
     WHERE g.tgrelid = source AND g.tgname IN ('news_analysis_analyse', 'news_analysis_analyse_update',
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
    -- the rows an INSERT or COPY writes are analysed together, from its transition table
    EXECUTE format('CREATE TRIGGER news_analysis_analyse'
                   ' AFTER INSERT ON %s REFERENCING NEW TABLE AS news_analysis_new'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION news_analysis.analyse_trigger(%s)',
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
  'internal: (re)creates the triggers of a tracked table from news_analysis.tracked: statement-level triggers with transition tables for INSERT and DELETE, a row-level one for UPDATE OF the text and key (row-level ones for everything on a partitioned table), and one for TRUNCATE';

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

CREATE FUNCTION news_analysis.untrack(source regclass)
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
  IF kind OPERATOR(pg_catalog.<>) 'r' THEN
    -- a partitioned table has no blocks of its own: one pass
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
  IF keys IS NULL THEN
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

-- The install script creates no trigger of any kind, so that Citus can
-- propagate CREATE EXTENSION to its workers; a superuser turns the clean-up on.
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
  'superuser, once per database: creates the event trigger news_analysis_drop, so that dropping a tracked table drops its derived tables and views (not done by CREATE EXTENSION, which creates no trigger, for Citus)';
-- Analyst views over the derived tables of a tracked table.
--
-- Derived tables are named after the user's table, so the views are made per
-- table by news_analysis.create_views(), next to the derived tables, with the
-- table's name as prefix (articles_top_speakers, ...).  They join the
-- article's outlet and publication date from the columns the caller names.

CREATE FUNCTION news_analysis.create_views(
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
    'every attributed quote of %s with its article''s outlet and date, and the speaker''s role and affiliation',
    'most-quoted speakers of %s: quotes, articles, outlets, first and last date quoted',
    'most-quoted speakers of %s per outlet',
    'quotes per speaker and month (YYYY-MM) in %s; \crosstabview month reads well',
    'quotes of each article of %s by kind (articles without quotes included)',
    'quotes per outlet of %s: articles, quotes, per article, share attributed',
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
       q.cue, q.text AS quote, q.confidence
  FROM %1$s q
  JOIN %4$s a ON a.%5$I OPERATOR(pg_catalog.=) q.article_key
  LEFT JOIN %6$s s ON s.article_key OPERATOR(pg_catalog.=) q.article_key
                  AND s.name OPERATOR(pg_catalog.=) q.speaker
 WHERE q.speaker IS NOT NULL$v$,
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
       pg_catalog.max(published) AS last_quoted
  FROM %1$s
 GROUP BY speaker
 ORDER BY quotes DESC, articles DESC, speaker$v$,
    -- speakers_by_outlet
    $v$
SELECT outlet, speaker, pg_catalog.count(*) AS quotes,
       pg_catalog.count(DISTINCT article_key) AS articles
  FROM %1$s
 GROUP BY outlet, speaker
 ORDER BY outlet, quotes DESC, speaker$v$,
    -- speakers_by_month
    $v$
SELECT pg_catalog.to_char(published, 'YYYY-MM') AS month, speaker,
       pg_catalog.count(*) AS quotes
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
       pg_catalog.count(DISTINCT q.speaker) AS speakers
  FROM %1$s a
  LEFT JOIN %5$s q ON q.article_key OPERATOR(pg_catalog.=) a.%2$I
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
             OPERATOR(pg_catalog./) NULLIF(pg_catalog.sum(quotes), 0)) AS attributed_pct
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

CREATE FUNCTION news_analysis.quoted_on(source regclass, word text)
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
  -- search configuration (a stop word gives a NOTICE and no rows)
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
  'who is quoted in the articles of a tracked table that mention a word (stemmed with news_analysis.english_news, or a word starting with it): quotes, articles and an example quote, those who use the word themselves first; an index ON articles USING gin (to_tsvector(''news_analysis.english_news'', body)) serves it';
