-- Hostile input to every SQL function of news_analysis: each gives a clear
-- error or a sane result (offsets that substr() honours, tokens in order),
-- never a crash, a hang or an offset outside the text.
-- Outputs are counts and aggregates, checked by hand.

CREATE TEMP TABLE hostile (name text PRIMARY KEY, body text);
INSERT INTO hostile VALUES
  ('empty', ''),
  ('whitespace', E' \t\n\r\n  ' || chr(160) || chr(12288) || chr(8232) || chr(8233) || E'\f' || chr(11) || ' '),
  -- C0 controls, DEL and C1 NEL between letters
  ('control', E'a\x01b\x07c d\x1be\x7ff' || chr(133) || 'g'),
  ('rtl', 'قال المتحدث «الوضع مستقر». אמר הדובר: "המצב יציב".'),
  -- bidi overrides and marks inside words
  ('bidi_controls', 'abc' || chr(8207) || chr(8238) || 'def' || chr(8236) || ' ' || chr(8206) || 'ghi'),
  ('cjk', '東京都の知事は「来年度の予算は厳しい」と述べた。'),
  ('emoji', 'Fans 😀👍🏽 👨‍👩‍👧‍👦 ❤️ cheered.'),
  -- a letter with four combining marks, a lone mark, a soft hyphen
  ('combining', 'Café Zoë a' || chr(769) || chr(770) || chr(771) || chr(772) || 'b ' || chr(769) || ' co' || chr(173) || 'op'),
  -- U+FFFD, noncharacters, the last code point, private use
  ('odd_code_points', chr(65533) || ' ' || chr(65534) || chr(65535) || ' ' || chr(1114111) || ' ' || chr(57344) || 'x'),
  ('quote_marks_100k', repeat('"', 100000)),
  ('curly_marks_100k', repeat('“', 100000)),
  ('opening_only', repeat('“Yes, ', 20000)),
  ('nested_quotes', repeat('“‘«', 10000) || 'core' || repeat('»’”', 10000)),
  ('long_token', repeat('x', 3000)),
  ('long_url', 'https://example.org/' || repeat('a/', 2000)),
  -- tallies that do not fit an integer
  ('tally_overflow', 'The council voted 99999999999999999999-1-0 to adopt the resolution. '
     'The Senate passed the bill by 2147483648 votes to 2147483647.');

-- tokenize: every token is substr(body, start, length), in order, not
-- overlapping (the floods are checked below: substr() is slow on them)
SELECT h.name,
       count(t.ordinal) AS tokens,
       count(*) FILTER (WHERE substr(h.body, t.start, t.length) IS DISTINCT FROM t.token) AS bad_offsets,
       count(*) FILTER (WHERE t.start < t.prev_end) AS overlaps,
       max(t.length) AS longest
FROM hostile h
LEFT JOIN LATERAL (
  SELECT tok.*, lag(tok.start + tok.length) OVER (ORDER BY tok.ordinal) AS prev_end
  FROM news_analysis.tokenize(h.body) tok
) t ON true
WHERE length(h.body) < 10000
GROUP BY h.name
ORDER BY h.name;

-- the floods: kinds of their tokens
SELECT h.name, t.kind, count(*) AS tokens, sum(t.length) AS characters
FROM hostile h, news_analysis.tokenize(h.body) t
WHERE length(h.body) >= 10000
GROUP BY 1, 2
ORDER BY 1, 2;

-- ... in order, not overlapping, and the last one ends the text
SELECT h.name, length(h.body) AS text_length,
       count(*) FILTER (WHERE t.start < t.prev_end) AS overlaps,
       max(t.start + t.length - 1) AS last_end
FROM hostile h,
LATERAL (
  SELECT tok.*, lag(tok.start + tok.length) OVER (ORDER BY tok.ordinal) AS prev_end
  FROM news_analysis.tokenize(h.body) tok
) t
WHERE length(h.body) >= 10000
GROUP BY h.name, h.body
ORDER BY 1;

-- sentences: each is substr(body, start, length), in order, not overlapping
SELECT h.name,
       count(s.ordinal) AS sentences,
       count(*) FILTER (WHERE substr(h.body, s.start, s.length) IS DISTINCT FROM s.text) AS bad_offsets,
       count(*) FILTER (WHERE s.start < s.prev_end) AS overlaps,
       max(s.paragraph) AS paragraphs,
       sum(s.length) AS characters
FROM hostile h
LEFT JOIN LATERAL (
  SELECT sen.*, lag(sen.start + sen.length) OVER (ORDER BY sen.ordinal) AS prev_end
  FROM news_analysis.sentences(h.body) sen
) s ON true
GROUP BY h.name
ORDER BY h.name;

-- quotes: the text inside the marks is substr(body, start, length) and the
-- speaker's mention is where it says; confidences are in [0, 1]
SELECT h.name,
       count(q.ordinal) AS quotes,
       count(*) FILTER (WHERE substr(h.body, q.start, q.length) IS DISTINCT FROM q.text) AS bad_offsets,
       count(*) FILTER (WHERE q.speaker_mention IS NOT NULL AND
                              substr(h.body, q.mention_start, q.mention_length)
                                IS DISTINCT FROM q.speaker_mention) AS bad_mentions,
       count(*) FILTER (WHERE q.confidence NOT BETWEEN 0 AND 1) AS bad_confidences
FROM hostile h
LEFT JOIN LATERAL news_analysis.quotes(h.body) q ON true
WHERE length(h.body) < 10000
GROUP BY h.name
ORDER BY h.name;

-- the floods: at most one quote per two marks, none empty, and the first
-- hundred at their offsets (substr() is slow on long texts)
SELECT h.name,
       count(q.ordinal) <= (length(h.body) - length(regexp_replace(h.body, '[“”‘’«»"]', '', 'g'))) / 2
         AS at_most_one_per_two_marks,
       count(*) FILTER (WHERE q.length < 1) AS empty_quotes,
       count(*) FILTER (WHERE q.ordinal <= 100 AND substr(h.body, q.start, q.length) <> q.text) AS bad_offsets
FROM hostile h
LEFT JOIN LATERAL news_analysis.quotes(h.body) q ON true
WHERE length(h.body) >= 10000
GROUP BY h.name, h.body
ORDER BY h.name;

-- speakers: none in these texts (no one is named), and no error
SELECT count(*) AS speakers FROM hostile h, news_analysis.speakers(h.body) s;

-- vote events: the evidence is substr(body, start, length); tallies that do
-- not fit an integer are left out, not wrapped
SELECT h.name, v.ordinal, v.action, v.outcome, v.votes_for, v.votes_against, v.abstentions,
       substr(h.body, v.start, v.length) = v.evidence AS evidence_at_offsets
FROM hostile h, news_analysis.vote_events(h.body) v
ORDER BY h.name, v.ordinal;

-- NULL: the functions are strict, no rows
SELECT count(*) FROM news_analysis.tokenize(NULL);
SELECT count(*) FROM news_analysis.sentences(NULL);
SELECT count(*) FROM news_analysis.quotes(NULL);
SELECT count(*) FROM news_analysis.speakers(NULL);
SELECT count(*) FROM news_analysis.vote_events(NULL);
SELECT to_tsvector('news_analysis.english_news', NULL::text) IS NULL AS null_tsvector;

-- a NUL character cannot reach the functions: a clear error from the server
SELECT count(*) FROM news_analysis.tokenize('a' || chr(0) || 'b');

-- a 50 MB article: 1,048,576 times a 50-byte sentence of 9 tokens
SELECT octet_length(repeat('Mr. Smith said the council voted 13-0-2 today.    ', 1048576)) AS bytes;
SELECT count(*) AS sentences, sum(length) AS characters, max(ordinal) AS last,
       count(*) FILTER (WHERE length <> 46) AS odd_lengths
FROM news_analysis.sentences(repeat('Mr. Smith said the council voted 13-0-2 today.    ', 1048576));
SELECT kind, count(*)
FROM news_analysis.tokenize(repeat('Mr. Smith said the council voted 13-0-2 today.    ', 1048576))
GROUP BY kind
ORDER BY kind;

-- 50 MB of quotations: 750,000 times a 70-byte quoted sentence, each
-- quote attributed to the one speaker
SELECT count(*) AS quotes, count(*) FILTER (WHERE speaker = 'Lena Markovic') AS by_markovic,
       count(DISTINCT text) AS distinct_texts
FROM news_analysis.quotes(repeat('“We will not back down,” said Ambassador Lena Markovic of Serbia. ', 750000));
SELECT name, role, affiliation, mentions, quotes
FROM news_analysis.speakers(repeat('“We will not back down,” said Ambassador Lena Markovic of Serbia. ', 750000));

-- 50 MB of vote reports: 620,000 times an 85-byte sentence with a vote and an abstention
SELECT action, count(*) AS positions,
       count(DISTINCT event) = max(event) AS events_numbered_from_1,
       min(votes_for) || '-' || min(votes_against) || '-' || min(abstentions) AS tally
FROM news_analysis.vote_events(repeat('The Security Council voted 13-0-2 on Tuesday to extend the mission; China abstained. ', 620000))
GROUP BY action
ORDER BY action;

-- a 50 MB single token, and 50 MB of white space
SELECT count(*), max(length) FROM news_analysis.tokenize(repeat('x', 52428800));
SELECT count(*) FROM news_analysis.sentences(repeat(' ', 52428800));

-- text search: a token over 2,047 bytes is left out of the tsvector,
-- silently; one of 2,046 bytes is indexed
SELECT to_tsvector('news_analysis.english_news', repeat('x', 3000) || ' councils voted') AS tsv;
SELECT length(to_tsvector('news_analysis.english_news', repeat('x', 2046))) AS lexemes_2046,
       length(to_tsvector('news_analysis.english_news', repeat('x', 2048))) AS lexemes_2048;
-- ... and in a query: no lexeme, a notice, an empty query
SELECT numnode(to_tsquery('news_analysis.english_news', repeat('y', 3000))) AS nodes;
-- ... and every hostile text indexes without error
SELECT h.name, length(to_tsvector('news_analysis.english_news', h.body)) AS lexemes
FROM hostile h
ORDER BY h.name;

-- the parser returns every byte exactly once: its tokens (compounds 5, 15
-- and 17 aside, whose parts follow them) rebuild each hostile text
SELECT h.name,
       coalesce(string_agg(p.token, '' ORDER BY p.n) FILTER (WHERE p.tokid NOT IN (5, 15, 17)), '')
         = h.body AS rebuilds,
       coalesce(max(octet_length(p.token)), 0) < 2047 AS tokens_under_limit
FROM hostile h
LEFT JOIN LATERAL ts_parse('news_analysis.news_parser', h.body) WITH ORDINALITY AS p(tokid, token, n) ON true
GROUP BY h.name, h.body
ORDER BY h.name;

-- ts_headline over every hostile text: an excerpt of the text, with the
-- words of the query marked where there are any
SELECT h.name, position('<b>' IN hl.headline) > 0 AS marked,
       strpos(h.body, replace(replace(hl.headline, '<b>', ''), '</b>', '')) > 0 AS excerpt
FROM hostile h,
LATERAL (SELECT ts_headline('news_analysis.english_news', h.body,
                            to_tsquery('news_analysis.english_news', 'core | yes | council | cheer'))
                  AS headline) hl
ORDER BY h.name;

-- a tracked table takes every hostile text (and NULL): the trigger stores
-- exactly what the functions return, and records no failure
CREATE TABLE hostile_articles (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('hostile_articles', 'body', 'id');
INSERT INTO hostile_articles
SELECT row_number() OVER (ORDER BY name), body FROM hostile;
INSERT INTO hostile_articles VALUES (100, NULL);
CREATE FUNCTION pg_temp.hostile_differences() RETURNS TABLE (quotes bigint, speakers bigint, vote_events bigint)
LANGUAGE sql AS $$
  -- rows stored by the trigger and rows of a fresh analysis, each side's extras
  SELECT (SELECT count(*) FROM (
            (SELECT a.id, q.* FROM hostile_articles a, news_analysis.quotes(a.body) q
             EXCEPT ALL SELECT * FROM hostile_articles_quotes)
            UNION ALL
            (SELECT * FROM hostile_articles_quotes
             EXCEPT ALL SELECT a.id, q.* FROM hostile_articles a, news_analysis.quotes(a.body) q)) d),
         (SELECT count(*) FROM (
            (SELECT a.id, s.* FROM hostile_articles a, news_analysis.speakers(a.body) s
             EXCEPT ALL SELECT * FROM hostile_articles_speakers)
            UNION ALL
            (SELECT * FROM hostile_articles_speakers
             EXCEPT ALL SELECT a.id, s.* FROM hostile_articles a, news_analysis.speakers(a.body) s)) d),
         (SELECT count(*) FROM (
            (SELECT a.id, v.* FROM hostile_articles a, news_analysis.vote_events(a.body) v
             EXCEPT ALL SELECT * FROM hostile_articles_vote_events)
            UNION ALL
            (SELECT * FROM hostile_articles_vote_events
             EXCEPT ALL SELECT a.id, v.* FROM hostile_articles a, news_analysis.vote_events(a.body) v)) d)
$$;
SELECT (SELECT count(*) > 0 FROM hostile_articles_quotes) AS has_quotes,
       (SELECT count(*) FROM hostile_articles_vote_events) AS vote_events,
       d.* AS differences
FROM pg_temp.hostile_differences() d;
-- swap the texts around, blank some, and analyse everything again
UPDATE hostile_articles SET body = reverse(body) WHERE id % 2 = 0;
UPDATE hostile_articles SET body = NULL WHERE id % 3 = 0;
SELECT news_analysis.reanalyse('hostile_articles');
SELECT d.*, (SELECT count(*) FROM news_analysis.failures) AS failures
FROM pg_temp.hostile_differences() d;
-- searching the quotes for hostile words: nothing found, no error (the
-- notices about long words depend on the plan)
SET client_min_messages = warning;
SELECT count(*) FROM news_analysis.quoted_on('hostile_articles', '');
SELECT count(*) FROM news_analysis.quoted_on('hostile_articles', '“”&|!:*()');
SELECT count(*) FROM news_analysis.quoted_on('hostile_articles', NULL);
RESET client_min_messages;
SELECT news_analysis.untrack('hostile_articles');
DROP TABLE hostile_articles;
-- a comma opening the text, before a verb of saying: nothing before it to be
-- the source (the search for an apposition read before the first token and
-- crashed the backend)
SELECT text, kind, speaker, cue FROM news_analysis.quotes(', said.');
SELECT count(*) FROM news_analysis.quotes(E', said Brill. \u201CNo.\u201D');
