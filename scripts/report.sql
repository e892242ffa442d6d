-- news_analysis analyst report, for psql (80-column terminals).
--
--   psql -X -f scripts/report.sql                       the table "articles"
--   psql -X -v source=news -v topic=election -f scripts/report.sql
--
-- Reads the views news_analysis.create_views() made for the tracked table
-- :source (default articles): <source>_top_speakers, ... and quoted_on().
-- A table outside the search_path: PGOPTIONS=-csearch_path=myschema psql ...
-- :topic (default vote) is the word of section 8.

\set ON_ERROR_STOP on
\set QUIET on
\if :{?source}
\else
  \set source articles
\endif
\if :{?topic}
\else
  \set topic vote
\endif
\set v_quoted :source _quoted
\set v_top :source _top_speakers
\set v_by_outlet :source _speakers_by_outlet
\set v_by_month :source _speakers_by_month
\set v_per_article :source _quotes_per_article
\set v_per_outlet :source _quotes_per_outlet
\set v_roles :source _speaker_roles
\set v_timeline :source _vote_timeline
\set v_vetoes :source _vetoes

-- text is clipped to fit 80 columns; wrapped is the safety net
\encoding UTF8
\pset format wrapped
\pset columns 80
\pset border 1
\pset null ''
\pset footer off
\timing off

CREATE FUNCTION pg_temp.clip(t text, n integer) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$SELECT CASE WHEN length(t) > n THEN rtrim(left(t, n - 1)) || '…' ELSE t END$$;

-- the summary heading the report
SELECT format('%s articles from %s outlets, published %s to %s',
              count(*), count(DISTINCT outlet), min(published), max(published)) AS summary1,
       format('%s quotes (%s attributed) by %s speakers; %s vote events',
              sum(quotes), sum(quotes) - sum(unattributed),
              (SELECT count(DISTINCT speaker) FROM :"v_quoted"),
              (SELECT count(*) FROM :"v_timeline")) AS summary2
  FROM :"v_per_article" \gset
\echo
\echo 'news_analysis report on table' :source
\echo :summary1
\echo :summary2
\echo

\pset title '1. Quotes per outlet'
SELECT outlet, articles AS arts, quotes, per_article AS "per art",
       unattributed AS unattr, attributed_pct AS "attr %"
  FROM :"v_per_outlet";

\pset title '2. Most-quoted speakers'
SELECT pg_temp.clip(speaker, 22) AS speaker,
       pg_temp.clip(concat_ws(', ', role, affiliation), 28) AS "role, affiliation",
       quotes, articles AS arts, outlets AS outl
  FROM :"v_top"
 LIMIT 12;

\pset title '3. Quotes by outlet and month'
SELECT outlet, to_char(published, 'YYYY-MM') AS month, sum(quotes) AS quotes,
       to_char(published, 'YYYYMM')::integer AS month_order
  FROM :"v_per_article"
 GROUP BY 1, 2, 4
 ORDER BY 1
\crosstabview outlet month quotes month_order

\pset title '4. Most-quoted speakers by month (quotes)'
SELECT pg_temp.clip(m.speaker, 24) AS speaker, m.month, m.quotes, replace(m.month, '-', '')::integer AS month_order
  FROM :"v_by_month" m
  JOIN (SELECT speaker, row_number() OVER () AS rank
          FROM (SELECT speaker FROM :"v_top" LIMIT 10) t) t USING (speaker)
 ORDER BY t.rank
\crosstabview speaker month quotes month_order

\pset title '5. Most-quoted speaker of each outlet'
SELECT DISTINCT ON (outlet) outlet, pg_temp.clip(speaker, 28) AS speaker,
       quotes, articles AS arts
  FROM :"v_by_outlet"
 ORDER BY outlet, quotes DESC, speaker;

\pset title '6. Quotes per article'
SELECT p.article_key AS key, p.published, p.outlet, p.quotes, p.direct AS dir,
       p.partial AS part, p.unattributed AS unattr, p.speakers AS spk
  FROM :"v_per_article" p
 ORDER BY p.published, p.article_key;

\pset title '7. Speakers: roles and affiliations'
SELECT pg_temp.clip(speaker, 22) AS speaker, pg_temp.clip(role, 22) AS role,
       pg_temp.clip(affiliation, 22) AS affiliation, quotes
  FROM :"v_roles"
 WHERE role IS NOT NULL OR affiliation IS NOT NULL
 ORDER BY quotes DESC, speaker
 LIMIT 15;

\set title8 '8. Who is quoted on "' :topic '"'
\pset title :title8
SELECT pg_temp.clip(speaker, 22) AS speaker, quotes, articles AS arts,
       pg_temp.clip(example, 37) AS example
  FROM news_analysis.quoted_on(:'source', :'topic')
 LIMIT 8;

\pset title '9. Vote events'
SELECT published, pg_temp.clip(body, 16) AS body, outcome, tally,
       pg_temp.clip(positions, 80 - 10 - 16 - 8 - 7 - 14) AS positions
  FROM :"v_timeline";

\pset title '10. Vetoes by country'
SELECT pg_temp.clip(country, 16) AS country, vetoes, first_veto AS first,
       last_veto AS last, pg_temp.clip(motions, 80 - 16 - 6 - 10 - 10 - 14) AS motions
  FROM :"v_vetoes";

\pset title '11. A quote from each article'
SELECT DISTINCT ON (published, article_key) published,
       pg_temp.clip(speaker, 22) AS speaker, pg_temp.clip(quote, 80 - 10 - 22 - 8) AS quote
  FROM :"v_quoted"
 WHERE kind = 'direct'
 ORDER BY published, article_key, ordinal;

SELECT count(*) > 0 AS has_failures, count(*) AS failure_count
  FROM news_analysis.failures WHERE source = :'source'::regclass \gset
\if :has_failures
\pset title '12. Articles stored without analysis (news_analysis.failures)'
SELECT pg_temp.clip(article_key, 10) AS key, sqlstate, failed_at::timestamp(0) AS failed_at,
       pg_temp.clip(message, 80 - 10 - 8 - 19 - 11) AS message
  FROM news_analysis.failures
 WHERE source = :'source'::regclass
 ORDER BY failed_at;
\else
\echo '12. Articles stored without analysis (news_analysis.failures): none'
\endif
