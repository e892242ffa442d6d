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
