-- Vote events (src/pg/votes_pg.c, src/core/votes.c) and their materialized views.

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
  'by the vote codebook: veto, vote_for, vote_against, abstain, block, sponsor, support, oppose, adopt (a body adopted it), pass (a body passed a bill), approve (a body approved it or voted to do it), confirm (a nominee), reject (a body voted it down), override (a veto), elect (an electorate chose), win (an election, a seat; negated for a loser), schedule (a vote set for later) or vote (took part, side not stated)';
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
  'asserted; negated (did not veto, lost); planned (will vote, is expected to vote); hypothetical (would defeat, threatened to veto, could veto, if ...); historical (a past vote recalled: a year, previously, its seventh veto)';

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
