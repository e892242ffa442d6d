-- news_analysis analyst report, for psql in an 80-column terminal.
--
--   psql -X -f scripts/report.sql                         table "articles"
--   psql -X -v table=news -v top=20 -v from=2024-01-01 -v to=2024-06-30 \
--        -v outlet=Herald -v topic=election -f scripts/report.sql
--
-- Variables (all optional):
--   table   the tracked table (default articles; may be schema-qualified)
--   top     rows of each top list (default 10)
--   from    first publication date to include (YYYY-MM-DD; default: all)
--   to      last publication date to include (default: all)
--   outlet  one outlet only (default: all)
--   topic   the word of section 8 (default vote)
-- It reads what news_analysis.track() and create_views() made for the table
-- (the registry news_analysis.tracked names them).  Top lists and per-outlet
-- and per-period summaries keep it to a few screens whatever the number of
-- articles; a table without an outlet or date column gets "(none)" rows, not
-- empty sections.  A date range leaves out articles without a date.

\set ON_ERROR_STOP on
\set QUIET on
\if :{?table}
\elif :{?source}
  \set table :source
\else
  \set table articles
\endif
\if :{?top}
\else
  \set top 10
\endif
\if :{?from}
\else
  \set from ''
\endif
\if :{?to}
\else
  \set to ''
\endif
\if :{?outlet}
\else
  \set outlet ''
\endif
\if :{?topic}
\else
  \set topic vote
\endif

\encoding UTF8
\pset format wrapped
\pset columns 80
\pset border 1
\pset null ''
\pset footer off
\timing off

-- the derived tables and views of the table, from the registry
SELECT count(*) = 1 AS na_tracked FROM news_analysis.tracked
 WHERE source = to_regclass(:'table') \gset
\if :na_tracked
\else
  \echo 'report: table' :table 'is not tracked: SELECT news_analysis.track(...) first'
  \quit
\endif
SELECT cardinality(views) = 9 AS na_views, quotes_table AS na_quotes,
       speakers_table AS na_speakers, vote_events_table AS na_votes,
       views[5] AS na_per_article
  FROM news_analysis.tracked WHERE source = to_regclass(:'table') \gset
\if :na_views
\else
  \echo 'report: no views: SELECT news_analysis.create_views(' :'table' ') first'
  \quit
\endif

CREATE FUNCTION pg_temp.clip(t text, n integer) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$SELECT CASE WHEN length(t) > n THEN rtrim(left(t, n - 1)) || '…' ELSE t END$$;
CREATE FUNCTION pg_temp.pct(part numeric, whole numeric) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $$SELECT CASE WHEN whole > 0 THEN round(100 * part / whole) || '%' END$$;

-- the articles in the report (computed once: every section joins them), and
-- their quotes, speakers and vote events
CREATE TEMP TABLE r_articles AS
SELECT article_key, published, coalesce(outlet, '(none)') AS outlet,
       quotes, direct, partial, unattributed, speakers
  FROM :na_per_article
 WHERE (:'from' = '' OR published >= nullif(:'from', '')::date)
   AND (:'to' = '' OR published <= nullif(:'to', '')::date)
   AND (:'outlet' = '' OR outlet = :'outlet');
ALTER TABLE r_articles ADD PRIMARY KEY (article_key);
ANALYZE r_articles;
CREATE TEMP VIEW r_quotes AS
SELECT q.*, a.published, a.outlet
  FROM :na_quotes q JOIN r_articles a USING (article_key);
CREATE TEMP VIEW r_speakers AS
SELECT s.*, a.published, a.outlet
  FROM :na_speakers s JOIN r_articles a USING (article_key);
CREATE TEMP VIEW r_votes AS
SELECT v.*, a.published, a.outlet
  FROM :na_votes v JOIN r_articles a USING (article_key);
-- one row per speaker: quotes, articles, outlets, and the role and
-- affiliation the articles give them most often
CREATE TEMP TABLE r_top AS
WITH d AS (
  SELECT name, mode() WITHIN GROUP (ORDER BY role) AS role,
         mode() WITHIN GROUP (ORDER BY affiliation) AS affiliation
    FROM r_speakers GROUP BY name)
SELECT q.speaker, count(*) AS quotes, count(DISTINCT q.article_key) AS articles,
       count(DISTINCT q.outlet) AS outlets, concat_ws(', ', d.role, d.affiliation) AS described
  FROM r_quotes q LEFT JOIN d ON d.name = q.speaker
 WHERE q.speaker IS NOT NULL
 GROUP BY q.speaker, d.role, d.affiliation;
ANALYZE r_top;

-- the headline: honest counts of what was found
SELECT count(*) AS n_articles,
       count(*) FILTER (WHERE quotes > 0) AS n_quoting,
       count(DISTINCT outlet) FILTER (WHERE outlet <> '(none)') AS n_outlets,
       coalesce(min(published)::text, '-') AS first_date,
       coalesce(max(published)::text, '-') AS last_date,
       count(*) FILTER (WHERE published IS NULL) AS n_undated
  FROM r_articles \gset
SELECT count(*) AS n_quotes,
       count(*) FILTER (WHERE speaker IS NOT NULL) AS n_speaker,
       count(*) FILTER (WHERE speaker IS NULL AND kind <> 'unattributed') AS n_nospeaker,
       count(*) FILTER (WHERE kind = 'unattributed') AS n_unattributed,
       count(DISTINCT speaker) AS n_speakers
  FROM r_quotes \gset
SELECT count(DISTINCT (article_key, event)) AS n_votes,
       count(*) FILTER (WHERE actor IS NOT NULL) AS n_positions
  FROM r_votes WHERE event IS NOT NULL \gset
SELECT count(*) AS n_failures, count(*) > 0 AS has_failures FROM news_analysis.failures
 WHERE source = to_regclass(:'table') \gset

\echo
\echo 'news_analysis report on' :table
SELECT format('selection: %s', concat_ws(', ',
         CASE WHEN :'from' <> '' THEN 'from ' || :'from' END,
         CASE WHEN :'to' <> '' THEN 'to ' || :'to' END,
         CASE WHEN :'outlet' <> '' THEN 'outlet ' || :'outlet' END,
         'top ' || :'top')) AS line \gset
\echo :line
SELECT format('%s articles (%s with quotes) from %s outlets', :n_articles, :n_quoting,
              CASE WHEN :n_outlets = 0 THEN 'no named' ELSE :n_outlets::text END) AS line \gset
\echo :line
SELECT CASE WHEN :'first_date' = '-' THEN 'published: no dates'
            ELSE format('published %s to %s%s', :'first_date', :'last_date',
                        CASE WHEN :n_undated > 0 THEN format(' (%s undated)', :n_undated) ELSE '' END)
       END AS line \gset
\echo :line
SELECT format('%s quotes: %s with a speaker (%s), %s attributed without one,',
              :n_quotes, :n_speaker, pg_temp.pct(:n_speaker, :n_quotes), :n_nospeaker) AS line \gset
\echo :line
SELECT format('  %s unattributed (scare quotes, titles); %s speakers',
              :n_unattributed, :n_speakers) AS line \gset
\echo :line
SELECT format('%s vote events with %s positions; %s articles stored unanalysed',
              :n_votes, :n_positions, :n_failures) AS line \gset
\echo :line
\echo

\pset title '1. Outlets (the top by articles)'
WITH o AS (
  SELECT outlet, count(*) AS articles, sum(quotes) AS quotes,
         sum(quotes) - sum(unattributed) AS attributed, sum(unattributed) AS unattributed,
         row_number() OVER (ORDER BY count(*) DESC, outlet) AS rank
    FROM r_articles GROUP BY outlet),
s AS (
  SELECT outlet, count(*) FILTER (WHERE speaker IS NOT NULL) AS with_speaker
    FROM r_quotes GROUP BY outlet),
b AS (
  SELECT CASE WHEN rank <= :top THEN o.outlet END AS name, rank, articles, quotes,
         unattributed, coalesce(with_speaker, 0) AS with_speaker
    FROM o LEFT JOIN s USING (outlet))
SELECT coalesce(pg_temp.clip(name, 24), format('(%s others)', count(*))) AS outlet,
       sum(articles) AS articles, sum(quotes) AS quotes,
       round(sum(quotes)::numeric / sum(articles), 1) AS "per art",
       pg_temp.pct(sum(with_speaker), sum(quotes)) AS "speaker",
       sum(unattributed) AS unattr
  FROM b
 GROUP BY name
 ORDER BY min(rank);

-- by month when the dates span three years or less, else by year
SELECT CASE WHEN max(published) - min(published) <= 3 * 366 THEN 'month' ELSE 'year' END AS period
  FROM r_articles \gset
\set title2 '2. By ' :period ' (top speaker of each)'
\pset title :title2
WITH a AS (
  SELECT article_key, quotes,
         coalesce(to_char(date_trunc(:'period', published), CASE :'period' WHEN 'month' THEN 'YYYY-MM' ELSE 'YYYY' END),
                  '(no date)') AS period
    FROM r_articles),
p AS (
  SELECT period, count(*) AS articles, sum(quotes) AS quotes FROM a GROUP BY period),
v AS (
  SELECT a.period, count(DISTINCT (v.article_key, v.event)) AS votes
    FROM r_votes v JOIN a USING (article_key) WHERE v.event IS NOT NULL GROUP BY a.period),
t AS (
  SELECT DISTINCT ON (a.period) a.period, q.speaker, count(*) AS n
    FROM r_quotes q JOIN a USING (article_key)
   WHERE q.speaker IS NOT NULL
   GROUP BY a.period, q.speaker
   ORDER BY a.period, count(*) DESC, q.speaker)
SELECT p.period, p.articles, p.quotes, coalesce(v.votes, 0) AS votes,
       pg_temp.clip(t.speaker || ' (' || t.n || ')', 34) AS "top speaker (quotes)"
  FROM p LEFT JOIN v USING (period) LEFT JOIN t USING (period)
 ORDER BY p.period = '(no date)', p.period;

\set title3 '3. Most-quoted speakers (top ' :top ')'
\pset title :title3
SELECT pg_temp.clip(speaker, 24) AS speaker, pg_temp.clip(described, 28) AS "role, affiliation",
       quotes, articles AS arts, outlets AS outl
  FROM r_top
 ORDER BY quotes DESC, articles DESC, speaker
 LIMIT :top;

\pset title '4. Most-quoted speaker of each outlet (top outlets)'
WITH o AS (
  SELECT outlet FROM r_articles GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT :top),
s AS (
  SELECT DISTINCT ON (q.outlet) q.outlet, q.speaker, count(*) AS quotes,
         count(DISTINCT q.article_key) AS articles
    FROM r_quotes q JOIN o USING (outlet)
   WHERE q.speaker IS NOT NULL
   GROUP BY q.outlet, q.speaker
   ORDER BY q.outlet, count(*) DESC, q.speaker)
SELECT pg_temp.clip(o.outlet, 24) AS outlet, pg_temp.clip(s.speaker, 28) AS speaker,
       s.quotes, s.articles AS arts
  FROM o LEFT JOIN s USING (outlet)
 ORDER BY o.outlet;

\pset title '5. Articles by number of quotes'
SELECT CASE WHEN quotes = 0 THEN 'none' WHEN quotes <= 2 THEN '1-2'
            WHEN quotes <= 5 THEN '3-5' WHEN quotes <= 10 THEN '6-10'
            WHEN quotes <= 20 THEN '11-20' ELSE 'more' END AS quotes,
       count(*) AS articles, pg_temp.pct(count(*), :n_articles) AS share,
       sum(direct) AS direct, sum(partial) AS partial, sum(unattributed) AS unattr
  FROM r_articles
 GROUP BY 1
 ORDER BY min(quotes);

\set title6 '6. Most-quoted articles (top ' :top ')'
\pset title :title6
SELECT pg_temp.clip(article_key::text, 18) AS key, published,
       pg_temp.clip(outlet, 14) AS outlet, quotes, direct AS dir,
       unattributed AS unattr, speakers AS spk
  FROM r_articles
 ORDER BY quotes DESC, published, article_key::text
 LIMIT :top;

\set title7 '7. Roles and affiliations of speakers (top ' :top ')'
\pset title :title7
SELECT pg_temp.clip(name, 22) AS speaker, pg_temp.clip(role, 22) AS role,
       pg_temp.clip(affiliation, 20) AS affiliation, sum(quotes) AS quotes
  FROM r_speakers
 WHERE role IS NOT NULL OR affiliation IS NOT NULL
 GROUP BY name, role, affiliation
 ORDER BY sum(quotes) DESC, name, role
 LIMIT :top;

\set title8 '8. Quoted in articles that mention "' :topic '"'
\pset title :title8
\echo 'Who is quoted in the articles that use the word (any form of it, or a word'
\echo 'starting with it; several words: as a phrase): quotes are the speaker''s in'
\echo 'those articles, on any subject; those who say the word themselves come first.'
\echo 'Over the whole table (the selection above does not apply).'
SELECT pg_temp.clip(speaker, 22) AS speaker, quotes, articles AS arts,
       pg_temp.clip(example, 38) AS "example quote"
  FROM news_analysis.quoted_on(to_regclass(:'table'), :'topic')
 LIMIT :top;

\pset title '9. Vote events: actions and outcomes (positions)'
SELECT coalesce(action, '-') AS action, count(*) AS positions,
       count(*) FILTER (WHERE modality = 'asserted') AS asserted,
       count(*) FILTER (WHERE outcome IN ('adopted', 'passed')) AS passed,
       count(*) FILTER (WHERE outcome IN ('rejected', 'failed', 'vetoed')) AS failed,
       count(DISTINCT article_key) AS articles
  FROM r_votes
 GROUP BY action
 ORDER BY count(*) DESC, action
 LIMIT :top;

\set title10 '10. Latest vote events (' :top ')'
\pset title :title10
SELECT published, pg_temp.clip(body, 16) AS body, outcome,
       max(concat_ws('-', votes_for, votes_against, abstentions))
         FILTER (WHERE votes_for IS NOT NULL) AS tally,
       pg_temp.clip(string_agg(DISTINCT actor || ': ' || action, '; '), 26) AS positions
  FROM r_votes
 WHERE event IS NOT NULL
 GROUP BY published, article_key, event, body, outcome
 ORDER BY published DESC NULLS LAST, article_key DESC, event
 LIMIT :top;

\set title11 '11. Vetoes by actor (top ' :top ')'
\pset title :title11
SELECT pg_temp.clip(actor, 18) AS actor, count(DISTINCT (article_key, event)) AS vetoes,
       min(published) AS first, max(published) AS last,
       pg_temp.clip(string_agg(DISTINCT motion, '; '), 22) AS motions
  FROM r_votes
 WHERE action = 'veto' AND modality = 'asserted' AND actor IS NOT NULL
 GROUP BY actor
 ORDER BY 2 DESC, actor
 LIMIT :top;

\set title12 '12. The most-quoted speakers in their own words (top ' :top ')'
\pset title :title12
SELECT DISTINCT ON (t.quotes, t.speaker) pg_temp.clip(t.speaker, 20) AS speaker,
       published, pg_temp.clip(q.text, 44) AS quote
  FROM (SELECT * FROM r_top ORDER BY quotes DESC, articles DESC, speaker LIMIT :top) t
  JOIN r_quotes q ON q.speaker = t.speaker AND q.kind = 'direct'
 ORDER BY t.quotes DESC, t.speaker, length(q.text) BETWEEN 40 AND 200 DESC, q.published DESC NULLS LAST;

\if :has_failures
\set title13 '13. Articles stored without analysis (news_analysis.failures; first ' :top ')'
\pset title :title13
SELECT pg_temp.clip(article_key, 12) AS key, sqlstate, failed_at::timestamp(0) AS failed_at,
       pg_temp.clip(message, 80 - 12 - 8 - 19 - 11) AS message
  FROM news_analysis.failures
 WHERE source = to_regclass(:'table')
 ORDER BY failed_at
 LIMIT :top;
\else
\echo '13. Articles stored without analysis (news_analysis.failures): none'
\endif
