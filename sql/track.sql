--
-- Analyse on write: news_analysis.track() and the trigger keep the derived
-- tables equal to what the SQL functions say about the current rows, through
-- INSERT, UPDATE, DELETE, TRUNCATE and COPY.
--
CREATE TABLE articles (id integer PRIMARY KEY, outlet text, body text);
INSERT INTO articles VALUES
  (1, 'Herald', '“We will not back down,” the mayor, Ana Ruiz, said on Monday. She added that the budget was “final”.'),
  (2, 'Herald', NULL),
  (3, 'Post', ''),
  (4, 'Post', 'The council voted 7-2 on Tuesday to close the pool.');
-- the rows already there are analysed in batches, with a NOTICE per batch
SELECT news_analysis.track('articles', 'body', 'id', batch_size => 3);
SELECT source, text_column, key_column, strict_mode, quotes_table, speakers_table,
       vote_events_table, views
  FROM news_analysis.tracked;
SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger
 WHERE tgrelid = 'articles'::regclass ORDER BY tgname;
\d articles_quotes
\d articles_speakers
SELECT obj_description('articles_quotes'::regclass, 'pg_class');

-- what the derived tables must hold: the SQL functions over the current rows
CREATE FUNCTION pg_temp.drift()
  RETURNS TABLE (derived text, missing bigint, extra bigint, total bigint)
  LANGUAGE sql AS $$
  WITH q AS (SELECT a.id AS article_key, f.* FROM articles a, news_analysis.quotes(a.body) f),
       s AS (SELECT a.id AS article_key, f.* FROM articles a, news_analysis.speakers(a.body) f),
       v AS (SELECT a.id AS article_key, f.* FROM articles a, news_analysis.vote_events(a.body) f)
  SELECT 'quotes', (SELECT count(*) FROM (SELECT * FROM q EXCEPT ALL SELECT * FROM articles_quotes) x),
         (SELECT count(*) FROM (SELECT * FROM articles_quotes EXCEPT ALL SELECT * FROM q) x),
         (SELECT count(*) FROM articles_quotes)
  UNION ALL
  SELECT 'speakers', (SELECT count(*) FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM articles_speakers) x),
         (SELECT count(*) FROM (SELECT * FROM articles_speakers EXCEPT ALL SELECT * FROM s) x),
         (SELECT count(*) FROM articles_speakers)
  UNION ALL
  SELECT 'vote events', (SELECT count(*) FROM (SELECT * FROM v EXCEPT ALL SELECT * FROM articles_vote_events) x),
         (SELECT count(*) FROM (SELECT * FROM articles_vote_events EXCEPT ALL SELECT * FROM v) x),
         (SELECT count(*) FROM articles_vote_events)
$$;

SELECT * FROM pg_temp.drift();
SELECT article_key, ordinal, text, kind, speaker, cue FROM articles_quotes ORDER BY 1, 2;
SELECT article_key, name, role, quotes FROM articles_speakers ORDER BY 1, 2;
SELECT article_key, ordinal, actor, action, votes_for, votes_against FROM articles_vote_events ORDER BY 1, 2;

-- INSERT
INSERT INTO articles VALUES
  (5, 'Post', '“It is a good day for swimmers,” said Tom Hale, who runs the club.'),
  (6, 'Post', 'No quotation marks here at all.');
SELECT * FROM pg_temp.drift();
SELECT article_key, ordinal, text, speaker FROM articles_quotes WHERE article_key IN (5, 6) ORDER BY 1, 2;

-- UPDATE of the text replaces the article's rows
UPDATE articles SET body = '“Two words,” he said.' WHERE id = 5;
SELECT * FROM pg_temp.drift();
SELECT article_key, ordinal, text FROM articles_quotes WHERE article_key = 5 ORDER BY 2;
-- from NULL and empty text to some text, and back
UPDATE articles SET body = '“Now,” said Ms. Lee.' WHERE id IN (2, 3);
SELECT article_key, ordinal, text, speaker FROM articles_quotes WHERE article_key IN (2, 3) ORDER BY 1, 2;
UPDATE articles SET body = NULL WHERE id = 2;
UPDATE articles SET body = '' WHERE id = 3;
SELECT count(*) AS rows_of_2_and_3 FROM articles_quotes WHERE article_key IN (2, 3);
SELECT * FROM pg_temp.drift();

-- SET body = body, or an update of other columns, leaves the rows alone
CREATE TEMP TABLE quotes_before AS SELECT ctid AS row_ctid, xmin::text AS row_xmin FROM articles_quotes WHERE article_key = 1;
UPDATE articles SET body = body WHERE id = 1;
UPDATE articles SET outlet = 'The Herald' WHERE id = 1;
SELECT count(*) AS rows_before, count(q.ctid) AS rows_untouched
  FROM quotes_before b LEFT JOIN articles_quotes q ON q.ctid = b.row_ctid AND q.xmin::text = b.row_xmin;

-- UPDATE of the key moves the rows; an update of another column keeps them
UPDATE articles SET id = 10 WHERE id = 1;
SELECT article_key, count(*) FROM articles_quotes WHERE article_key IN (1, 10) GROUP BY 1 ORDER BY 1;
UPDATE articles SET outlet = 'Daily Herald' WHERE id = 10;
SELECT * FROM pg_temp.drift();

-- one UPDATE that moves a key, changes a text and leaves a third row alone
INSERT INTO articles VALUES (11, 'Post', '“Eleven,” said Ann Cole.'), (12, 'Post', '“Twelve,” said Bo Diaz.');
UPDATE articles SET id = CASE id WHEN 11 THEN 21 ELSE id END,
                    body = CASE id WHEN 12 THEN '“Twelve again,” said Bo Diaz.' ELSE body END
 WHERE id IN (5, 11, 12);
SELECT article_key, ordinal, text, speaker FROM articles_quotes
 WHERE article_key IN (5, 11, 12, 21) ORDER BY 1, 2;
SELECT * FROM pg_temp.drift();
-- INSERT ... ON CONFLICT DO UPDATE: the insert trigger sees 13, the update trigger 12
INSERT INTO articles VALUES (12, 'Post', '“Twelve, third time,” said Bo Diaz.'),
                            (13, 'Post', '“Thirteen,” said Cy Ng.')
  ON CONFLICT (id) DO UPDATE SET body = excluded.body;
SELECT article_key, ordinal, text FROM articles_quotes WHERE article_key IN (12, 13) ORDER BY 1, 2;
SELECT * FROM pg_temp.drift();
DELETE FROM articles WHERE id IN (12, 13, 21);
-- MERGE: its inserts, updates and deletes each fire their trigger
CREATE TEMP TABLE incoming (id integer, body text);
INSERT INTO incoming VALUES (5, '“Merged,” said Ann Cole.'), (14, '“Fourteen,” said Cy Ng.'), (4, NULL);
MERGE INTO articles a USING incoming i ON a.id = i.id
  WHEN MATCHED AND i.body IS NULL THEN DELETE
  WHEN MATCHED THEN UPDATE SET body = i.body
  WHEN NOT MATCHED THEN INSERT VALUES (i.id, 'Post', i.body);
SELECT article_key, ordinal, text, speaker FROM articles_quotes WHERE article_key IN (4, 5, 14) ORDER BY 1, 2;
SELECT count(*) AS vote_events_of_4 FROM articles_vote_events WHERE article_key = 4;
SELECT * FROM pg_temp.drift();
INSERT INTO articles VALUES (4, 'Post', 'The council voted 7-2 on Tuesday to close the pool.');
UPDATE articles SET body = '“Two words,” he said.' WHERE id = 5;
DELETE FROM articles WHERE id = 14;

-- DELETE
DELETE FROM articles WHERE id = 10;
SELECT count(*) AS rows_of_10 FROM articles_quotes WHERE article_key = 10;
SELECT * FROM pg_temp.drift();

-- TRUNCATE empties the derived tables too
TRUNCATE articles;
SELECT (SELECT count(*) FROM articles_quotes) AS quotes,
       (SELECT count(*) FROM articles_speakers) AS speakers,
       (SELECT count(*) FROM articles_vote_events) AS vote_events;

-- a statement that is rolled back leaves no derived rows either
BEGIN;
INSERT INTO articles VALUES (7, 'Post', '“Gone,” she said.');
SELECT count(*) FROM articles_quotes;
ROLLBACK;
SELECT count(*) FROM articles_quotes;

-- COPY of thousands of rows (written to a server file first)
SELECT format('/tmp/news_analysis_track_%s.tsv', pg_backend_pid()) AS copy_file,
       format('cat /tmp/news_analysis_track_%1$s.tsv && rm -f /tmp/news_analysis_track_%1$s.tsv',
              pg_backend_pid()) AS copy_program \gset
COPY (SELECT i, CASE i % 3 WHEN 0 THEN 'Herald' ELSE 'Post' END,
             CASE i % 4
               WHEN 0 THEN format('“Item %s is ready,” said Kim Park. “Ship it.”', i)
               WHEN 1 THEN format('The board voted %s-2 to approve plan %s.', i % 9 + 3, i)
               WHEN 2 THEN NULL
               ELSE format('Plain text %s without quotes.', i) END
        FROM generate_series(1, 3000) i) TO :'copy_file';
COPY articles FROM PROGRAM :'copy_program';
SELECT count(*) AS articles FROM articles;
SELECT * FROM pg_temp.drift();
SELECT count(DISTINCT article_key) AS articles_with_quotes FROM articles_quotes;
SELECT count(*) AS failures FROM news_analysis.failures;

-- the check can fail: a derived row removed behind the trigger's back shows
DELETE FROM articles_quotes WHERE article_key = 4;
SELECT * FROM pg_temp.drift();

-- an UPDATE of every row
UPDATE articles SET body = replace(body, 'ready', 'late') WHERE id <= 1000;
SELECT * FROM pg_temp.drift();

-- a statement with enough text is analysed by parallel workers as well as
-- the backend (news_analysis.max_parallel_workers); the rows are the same
CREATE TEMP TABLE long_texts AS
  SELECT i AS id, 'Post' AS outlet,
         repeat(format('“Part %s is done,” said Kim Park. The board voted %s-2 to approve it. ',
                       i, i % 9 + 3), 12) AS body
    FROM generate_series(3001, 3600) i;
SELECT pg_size_pretty(sum(octet_length(body))) AS text FROM long_texts;
SHOW news_analysis.max_parallel_workers;
INSERT INTO articles SELECT * FROM long_texts;
SELECT * FROM pg_temp.drift();
CREATE TEMP TABLE parallel_rows AS SELECT * FROM articles_quotes WHERE article_key > 3000;
DELETE FROM articles WHERE id > 3000;
SET news_analysis.max_parallel_workers = 0;
INSERT INTO articles SELECT * FROM long_texts;
RESET news_analysis.max_parallel_workers;
SELECT count(*) AS quotes,
       (SELECT count(*) FROM (TABLE parallel_rows EXCEPT ALL
                              SELECT * FROM articles_quotes WHERE article_key > 3000) x) AS differ
  FROM parallel_rows;
SELECT * FROM pg_temp.drift();
DELETE FROM articles WHERE id > 3000;

-- the workers read the texts from a temporary file: where temp_file_limit
-- leaves no room for it, the backend analyses them alone, even in strict
-- mode (no error, the same rows)
SELECT news_analysis.set_strict('articles', true);
SET temp_file_limit = 0;
INSERT INTO articles SELECT * FROM long_texts;
RESET temp_file_limit;
SELECT news_analysis.set_strict('articles', false);
SELECT count(*) AS quotes,
       (SELECT count(*) FROM (TABLE parallel_rows EXCEPT ALL
                              SELECT * FROM articles_quotes WHERE article_key > 3000) x) AS differ
  FROM parallel_rows;
DELETE FROM articles WHERE id > 3000;

-- while the workers analyse, the backend writes the rows that come; a
-- quotation too long to stay in its row is moved out of line by the
-- toaster, which PostgreSQL refuses until the workers are done: its row is
-- written after them
CREATE TEMP TABLE long_quote AS
  SELECT 3601 AS id, 'Post' AS outlet,
         'The board met. “' || string_agg(md5(i::text), ' ') || ',” said Kim Park.' AS body
    FROM generate_series(1, 1800) i;
INSERT INTO articles SELECT * FROM long_texts UNION ALL SELECT * FROM long_quote;
SELECT article_key, ordinal, octet_length(text) AS quote_bytes, speaker
  FROM articles_quotes WHERE article_key = 3601;
SELECT count(*) AS quotes,
       (SELECT count(*) FROM (TABLE parallel_rows EXCEPT ALL
                              SELECT * FROM articles_quotes WHERE article_key BETWEEN 3001 AND 3600) x) AS differ
  FROM parallel_rows;
SELECT * FROM pg_temp.drift();
DELETE FROM articles WHERE id > 3000;

-- analyse_existing() redoes every row (idempotent)
SELECT news_analysis.analyse_existing('articles', 2000);
SELECT * FROM pg_temp.drift();

SELECT * FROM news_analysis.tracking_status();

-- errors of the setup functions
SELECT news_analysis.track('articles', 'body', 'id');
CREATE TABLE "a_table_name_that_is_long_enough_to_overflow_with_a_suffix_x" (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('a_table_name_that_is_long_enough_to_overflow_with_a_suffix_x', 'body', 'id');
DROP TABLE "a_table_name_that_is_long_enough_to_overflow_with_a_suffix_x";
CREATE TABLE nokey (id integer, body text);
SELECT news_analysis.track('nokey', 'body', 'id');
CREATE TABLE notext (id integer PRIMARY KEY, body integer);
SELECT news_analysis.track('notext', 'body', 'id');
SELECT news_analysis.track('notext', 'nobody', 'id');
SELECT news_analysis.track('notext', 'id', 'id');
CREATE VIEW a_view AS SELECT * FROM articles;
SELECT news_analysis.track('a_view', 'body', 'id');
CREATE TABLE clash (id integer PRIMARY KEY, body text);
CREATE TABLE clash_speakers (x integer);
SELECT news_analysis.track('clash', 'body', 'id');
SELECT count(*) FROM pg_class WHERE relname = 'clash_quotes';  -- nothing half-made
SELECT news_analysis.untrack('clash');
SELECT news_analysis.set_strict('nokey', true);
-- the trigger refuses to be called another way
SELECT news_analysis.analyse_trigger();
CREATE TRIGGER by_hand BEFORE INSERT ON clash FOR EACH ROW
  EXECUTE FUNCTION news_analysis.analyse_trigger('body', 'id', 'lenient', 'a', 'b', 'c');
INSERT INTO clash VALUES (1, 'x');
DROP TRIGGER by_hand ON clash;
CREATE TRIGGER by_hand AFTER INSERT ON clash FOR EACH ROW
  EXECUTE FUNCTION news_analysis.analyse_trigger('body');
INSERT INTO clash VALUES (1, 'x');
DROP TRIGGER by_hand ON clash;
CREATE TRIGGER by_hand AFTER INSERT ON clash FOR EACH STATEMENT
  EXECUTE FUNCTION news_analysis.analyse_trigger('body', 'id', 'lenient', 'a', 'b', 'c');
INSERT INTO clash VALUES (1, 'x');

-- a data-only restore loads the articles (their trigger analyses them), then
-- the dump's copy of the derived rows: rows already there are skipped, so the
-- restore neither fails on the primary keys nor doubles rows
CREATE TEMP TABLE restored_quotes AS SELECT * FROM articles_quotes;
CREATE TEMP TABLE restored_speakers AS SELECT * FROM articles_speakers;
CREATE TEMP TABLE restored_votes AS SELECT * FROM articles_vote_events;
INSERT INTO articles_quotes SELECT * FROM restored_quotes;
INSERT INTO articles_speakers SELECT * FROM restored_speakers;
INSERT INTO articles_vote_events SELECT * FROM restored_votes;
SELECT * FROM pg_temp.drift();
-- rows of an article the analysis has not written are stored
DELETE FROM articles_speakers WHERE article_key = (SELECT min(article_key) FROM restored_speakers);
INSERT INTO articles_speakers SELECT * FROM restored_speakers;
SELECT * FROM pg_temp.drift();
-- the analysis itself replaces an article's rows as before
UPDATE articles SET body = body || ' ' WHERE id = (SELECT min(article_key) FROM restored_quotes);
SELECT * FROM pg_temp.drift();

-- untrack removes triggers, derived tables and the registry row
SELECT news_analysis.untrack('articles');
SELECT count(*) AS tracked FROM news_analysis.tracked;
SELECT relname FROM pg_class WHERE relname LIKE 'articles%' ORDER BY 1;
SELECT count(*) AS triggers FROM pg_trigger WHERE tgrelid = 'articles'::regclass;
INSERT INTO articles VALUES (9999, 'Post', '“Untracked,” she said.');
-- and the table can be tracked again
SELECT news_analysis.track('articles', 'body', 'id', batch_size => 5000);
SELECT * FROM pg_temp.drift();
SELECT news_analysis.untrack('articles');
DROP TABLE articles, nokey, notext, clash, clash_speakers CASCADE;

-- a large table: track without backfill (the trigger is attached at once),
-- then backfill in committed batches of blocks
CREATE TABLE big (id integer PRIMARY KEY, body text);
INSERT INTO big SELECT i, format('“Line %s,” said Ann Lee. The council voted 5-2.', i)
  FROM generate_series(1, 2000) i;
SELECT news_analysis.track('big', 'body', 'id', backfill => false);
SELECT count(*) FROM big_quotes;
INSERT INTO big VALUES (2001, '“Late,” said Ann Lee.');
SELECT count(*) FROM big_quotes;
CALL news_analysis.backfill('big', batch_blocks => 10);
SELECT count(*) AS quotes, count(DISTINCT article_key) AS articles FROM big_quotes;
SELECT count(*) AS vote_events FROM big_vote_events;
-- blocks beyond the table are nothing to do; a reversed range is refused
SELECT news_analysis.analyse_existing('big', 1000, NULL, 100000, 100010);
SELECT news_analysis.analyse_existing('big', 1000, NULL, 10, 5);
CALL news_analysis.backfill('big', batch_blocks => 0);
SELECT news_analysis.untrack('big');
DROP TABLE big;

-- a partitioned table keeps row-level triggers, which rows written straight
-- into a partition fire too
CREATE TABLE parted (id integer PRIMARY KEY, body text) PARTITION BY RANGE (id);
CREATE TABLE parted_low PARTITION OF parted FOR VALUES FROM (0) TO (100);
CREATE TABLE parted_high PARTITION OF parted FOR VALUES FROM (100) TO (200);
INSERT INTO parted VALUES (1, '“Low,” said Ann Lee.');
SELECT news_analysis.track('parted', 'body', 'id');
SELECT tgname, tgtype & 1 = 1 AS for_each_row FROM pg_trigger
 WHERE tgrelid = 'parted'::regclass AND NOT tgisinternal ORDER BY 1;
INSERT INTO parted VALUES (150, '“High,” said Bo Diaz.');
INSERT INTO parted_low VALUES (2, '“Straight in,” said Cy Ng.');
UPDATE parted SET id = 160 WHERE id = 1;   -- moves to the other partition
UPDATE parted_low SET body = '“Changed,” said Cy Ng.' WHERE id = 2;
DELETE FROM parted_high WHERE id = 150;
SELECT q.article_key, q.text, q.speaker FROM parted_quotes q ORDER BY 1;
SELECT (SELECT count(*) FROM parted, news_analysis.quotes(body)) AS expected,
       (SELECT count(*) FROM parted_quotes) AS stored;
SELECT news_analysis.untrack('parted');
DROP TABLE parted;
-- a key of two columns: the hint says what would make one column a key
CREATE TABLE parted2 (id integer, published date, body text, PRIMARY KEY (id, published))
  PARTITION BY RANGE (published);
CREATE TABLE parted2_2026 PARTITION OF parted2 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
SELECT news_analysis.track('parted2', 'body', 'id');
SELECT news_analysis.track('parted2_2026', 'body', 'id');
CREATE TABLE twokey (id integer, lang text, body text, PRIMARY KEY (id, lang));
SELECT news_analysis.track('twokey', 'body', 'id');
DROP TABLE parted2, twokey;

-- the extension dropped and made again in the same session: the trigger
-- prepares its statements again for the new types
CREATE TABLE again (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('again', 'body', 'id');
INSERT INTO again VALUES (1, '“First,” said Ann Lee.');
SELECT news_analysis.untrack('again');
DROP EXTENSION news_analysis;
CREATE EXTENSION news_analysis;
SELECT news_analysis.track('again', 'body', 'id');
INSERT INTO again VALUES (2, '“Second,” said Ann Lee.');
SELECT article_key, text FROM again_quotes ORDER BY 1;
SELECT news_analysis.untrack('again');
DROP TABLE again;

-- CREATE EXTENSION makes the drop clean-up, an event trigger that belongs
-- to the extension (so a restore's CREATE EXTENSION makes it again);
-- enable_drop_cleanup() makes it again if it was taken out and dropped
SELECT evtname, evtevent, evtenabled FROM pg_event_trigger;
SELECT count(*) AS extension_members FROM pg_depend
 WHERE classid = 'pg_event_trigger'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'news_analysis');
SELECT news_analysis.enable_drop_cleanup();
ALTER EXTENSION news_analysis DROP EVENT TRIGGER news_analysis_drop;
DROP EVENT TRIGGER news_analysis_drop;
SELECT count(*) AS event_triggers FROM pg_event_trigger;
SELECT news_analysis.enable_drop_cleanup();
SELECT news_analysis.enable_drop_cleanup();
SELECT evtname, evtevent, evtenabled FROM pg_event_trigger;
SELECT count(*) AS extension_members FROM pg_depend
 WHERE classid = 'pg_event_trigger'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'news_analysis');

-- dropping a tracked table drops its derived tables too
CREATE TABLE dropped (id integer PRIMARY KEY, body text);
INSERT INTO dropped VALUES (1, '“Soon gone,” said Ann Lee.');
SELECT news_analysis.track('dropped', 'body', 'id');
DROP TABLE dropped;
SELECT count(*) AS registry FROM news_analysis.tracked;
SELECT relname FROM pg_class WHERE relname LIKE 'dropped%';
-- the views depend on the table: DROP refuses, DROP ... CASCADE takes them along
CREATE TABLE dropped (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('dropped', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('dropped', NULL, NULL);
\set VERBOSITY terse
DROP TABLE dropped;
\set VERBOSITY default
DROP TABLE dropped CASCADE;
SELECT count(*) AS registry FROM news_analysis.tracked;
SELECT relname FROM pg_class WHERE relname LIKE 'dropped%';
-- dropped while the clean-up was off: the derived tables and registry row
-- stay until the table is tracked again, and track() then replaces them
ALTER EVENT TRIGGER news_analysis_drop DISABLE;
CREATE TABLE dropped (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('dropped', 'body', 'id');
DROP TABLE dropped;
SELECT relname FROM pg_class WHERE relname LIKE 'dropped%' ORDER BY 1;
ALTER EVENT TRIGGER news_analysis_drop ENABLE;
CREATE TABLE dropped (id integer PRIMARY KEY, body text);
INSERT INTO dropped VALUES (1, '“Back again,” said Ann Lee.');
SELECT news_analysis.track('dropped', 'body', 'id');
SELECT count(*) AS registry FROM news_analysis.tracked;
SELECT article_key, text FROM dropped_quotes;
SELECT news_analysis.untrack('dropped');
DROP TABLE dropped;
-- and with its schema
CREATE SCHEMA gone;
CREATE TABLE gone.dropped (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('gone.dropped', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('gone.dropped', NULL, NULL);
\set VERBOSITY terse
DROP SCHEMA gone CASCADE;
\set VERBOSITY default
SELECT count(*) AS registry FROM news_analysis.tracked;
