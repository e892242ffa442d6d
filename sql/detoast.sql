-- Stored text read back as the same text: the functions decode pglz
-- themselves (src/pg/detoast_pg.c) where PostgreSQL compressed a value,
-- inline or stored apart.  Every stored value, in every storage, gives the
-- rows of the same text built in memory (body || '', never compressed).
-- Runs of every period from 1 to 24 bytes exercise the decoder's matches
-- that overlap their own output.

CREATE TEMP TABLE stored (id int, body text);
INSERT INTO stored
SELECT p * 10 + v,
       repeat(substr('ab"cdefghij klmnopqrstuvwxyz, 0123456789', 1, p), n / p + 1)
       || ' The minister said: "We will not give up." '
       || repeat('Officials said the plan was "a first step". Mr Ortiz told reporters it was late. ', n / 200)
FROM generate_series(1, 24) p, (VALUES (1, 2100), (2, 9000)) v(v, n);
CREATE TEMP TABLE stored_external (LIKE stored);
ALTER TABLE stored_external ALTER body SET STORAGE EXTERNAL;
INSERT INTO stored_external SELECT id, body || '' FROM stored;
CREATE TEMP TABLE stored_main (LIKE stored);
ALTER TABLE stored_main ALTER body SET STORAGE MAIN;
INSERT INTO stored_main SELECT id, body || '' FROM stored;

-- every value of stored is compressed (the long ones stored apart), none
-- of stored_external (stored apart as they are)
SELECT count(*) AS values,
       count(*) FILTER (WHERE pg_column_size(body) < octet_length(body)) AS compressed
FROM stored;
SELECT count(*) FILTER (WHERE pg_column_size(body) < octet_length(body)) AS compressed
FROM stored_external;

-- rows that differ between the stored text and the text in memory: none
-- (each row counted as often from the stored text as from the one in memory)
WITH analysed(function, id, from_stored, r) AS (
  SELECT 'quotes', s.id, true, q::text FROM stored s, news_analysis.quotes(s.body) q
  UNION ALL
  SELECT 'quotes', s.id, false, q::text FROM stored s, news_analysis.quotes(s.body || '') q
  UNION ALL
  SELECT 'tokenize', s.id, true, t::text FROM stored s, news_analysis.tokenize(s.body) t
  UNION ALL
  SELECT 'tokenize', s.id, false, t::text FROM stored s, news_analysis.tokenize(s.body || '') t),
differing AS (
  SELECT function FROM analysed GROUP BY function, id, r
  HAVING count(*) FILTER (WHERE from_stored) <> count(*) FILTER (WHERE NOT from_stored))
SELECT f.function, count(d.function) AS differing
FROM (VALUES ('quotes'), ('tokenize')) f(function) LEFT JOIN differing d USING (function)
GROUP BY f.function ORDER BY f.function;

-- the same rows from each storage
SELECT (SELECT count(*) FROM stored s, news_analysis.quotes(s.body)) AS quotes,
       (SELECT count(*) FROM stored_external s, news_analysis.quotes(s.body)) AS quotes_external,
       (SELECT count(*) FROM stored_main s, news_analysis.quotes(s.body)) AS quotes_main,
       (SELECT sum(hashtext(t::text)) FROM stored s, news_analysis.tokenize(s.body) t) =
       (SELECT sum(hashtext(t::text)) FROM stored_external s, news_analysis.tokenize(s.body) t) AS tokens_same;
