-- news_parser: our token types, with descriptions
SELECT tokid, alias, description FROM ts_token_type('news_analysis.news_parser') ORDER BY tokid;

-- every byte comes back exactly once: the tokens rebuild the text
SELECT string_agg(token, '' ORDER BY n) = t.body AS rebuilt
FROM (VALUES ('Mr. Putin’s Russia-backed aides said “yes.”  It passed 52-48, $2.5 billion…' || E'\n\n' || '#Brexit 東京 😀')) AS t(body),
     LATERAL (SELECT row_number() OVER () AS n, p.tokid, p.token
              FROM ts_parse('news_analysis.news_parser', t.body) AS p) AS p
WHERE p.tokid NOT IN (5, 15, 17)   -- compounds overlap their parts
GROUP BY t.body;

-- ts_debug: words stemmed, hyphenated words with their parts, abbreviations
-- and initials without their stop, numbers whole, punctuation not indexed
SELECT alias, token, dictionaries, lexemes
FROM ts_debug('news_analysis.english_news',
  'Mr. Putin’s Russia-backed aides met Nikki R. Haley in the U.S. at 10 a.m. on Jan. 5: “No,” she said…');

SELECT alias, token, lexemes
FROM ts_debug('news_analysis.english_news',
  'Turnout rose 3.5% to 1,272, a 52-48 vote, $2.5 billion and £300m — see https://example.org/x, mail press@example.org, @NewsDesk #ClimateChange 😀 東京');

-- to_tsvector: positions, stop words dropped
SELECT to_tsvector('news_analysis.english_news',
  'The U.S. Senate voted 52-48 on Jan. 5; Sen. Smith’s Russia-backed bill costs $2.5 billion.');

-- queries through the same configuration match the same way
SELECT q, to_tsvector('news_analysis.english_news', d) @@ to_tsquery('news_analysis.english_news', q) AS matches
FROM (VALUES ('The U.S. Senate passed the Russia-backed bill on Jan. 5 by 52-48; it costs $2.5 billion. #Brexit')) AS t(d),
     (VALUES ('russia'), ('backed'), ('russia-backed'), ('U.S.'), ('U.S'), ('senates'), ('52-48'), ('billion'),
             ('2.5'), ('brexit'), ('#brexit'), ('jan'), ('passing'), ('russian'), ('52')) AS q(q);

-- a GIN index is used and finds the rows
CREATE TABLE ts_articles (id int, body text);
INSERT INTO ts_articles VALUES
  (1, 'The U.S. Senate passed the Russia-backed bill on Jan. 5.'),
  (2, 'Mr. Smith said the vote was 52-48.'),
  (3, 'Ministers met in Brussels to discuss #Brexit.');
CREATE INDEX ts_articles_fts ON ts_articles
  USING gin (to_tsvector('news_analysis.english_news', body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT id FROM ts_articles
WHERE to_tsvector('news_analysis.english_news', body) @@ to_tsquery('news_analysis.english_news', 'russia');
SELECT id FROM ts_articles
WHERE to_tsvector('news_analysis.english_news', body) @@ to_tsquery('news_analysis.english_news', 'russia | 52-48 | brexit')
ORDER BY id;
RESET enable_seqscan;
DROP TABLE ts_articles;

-- ts_headline rebuilds the text around the matches
SELECT ts_headline('news_analysis.english_news',
  'Mr. Putin’s Russia-backed aides said “yes.” The U.S. Senate passed it, 52-48, for $2.5 billion.',
  to_tsquery('news_analysis.english_news', 'russia & billion'), 'MaxWords=40, MinWords=20');

-- tokens too long for a lexeme (2047 bytes or more) are blank: no notice, no error
SELECT to_tsvector('news_analysis.english_news', 'start ' || repeat('a', 3000) || ' middle ' || repeat('é', 2000) || ' end');
SELECT ts_headline('news_analysis.english_news', 'start ' || repeat('a', 3000) || ' middle end',
                   to_tsquery('news_analysis.english_news', 'middle'), 'HighlightAll=true')
       = 'start ' || repeat('a', 3000) || ' <b>middle</b> end' AS headline_keeps_long_token;
SELECT count(*) AS tokens, sum(length(token)) AS characters, max(octet_length(token)) < 2047 AS all_short
FROM ts_parse('news_analysis.news_parser', repeat('word', 1000) || repeat(' ', 5000) || repeat('ü', 3000));

-- empty and blank input
SELECT to_tsvector('news_analysis.english_news', '');
SELECT to_tsvector('news_analysis.english_news', E' \n\t ');
