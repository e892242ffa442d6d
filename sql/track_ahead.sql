-- The rows of a large INSERT or COPY are analysed while the statement runs,
-- by a background worker that the BEFORE INSERT row trigger
-- news_analysis_analyse_ahead feeds (src/pg/ahead_pg.c); the statement's
-- AFTER trigger then writes what the worker made.  Whatever happens, the
-- derived rows must be those of the rows inserted: drift() compares them
-- with the analysis functions.  The DEBUG lines say which path analysed a
-- statement.
CREATE TABLE dispatches (id integer PRIMARY KEY, desk text, body text);
SELECT news_analysis.track('dispatches', 'body', 'id');
SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger
 WHERE tgrelid = 'dispatches'::regclass AND tgname = 'news_analysis_analyse_ahead';

CREATE FUNCTION pg_temp.drift()
  RETURNS TABLE (derived text, missing bigint, extra bigint, total bigint)
  LANGUAGE sql AS $$
  WITH q AS (SELECT a.id AS article_key, f.* FROM dispatches a, news_analysis.quotes(a.body) f),
       s AS (SELECT a.id AS article_key, f.* FROM dispatches a, news_analysis.speakers(a.body) f),
       v AS (SELECT a.id AS article_key, f.* FROM dispatches a, news_analysis.vote_events(a.body) f)
  SELECT 'quotes', (SELECT count(*) FROM (SELECT * FROM q EXCEPT ALL SELECT * FROM dispatches_quotes) x),
         (SELECT count(*) FROM (SELECT * FROM dispatches_quotes EXCEPT ALL SELECT * FROM q) x),
         (SELECT count(*) FROM dispatches_quotes)
  UNION ALL
  SELECT 'speakers', (SELECT count(*) FROM (SELECT * FROM s EXCEPT ALL SELECT * FROM dispatches_speakers) x),
         (SELECT count(*) FROM (SELECT * FROM dispatches_speakers EXCEPT ALL SELECT * FROM s) x),
         (SELECT count(*) FROM dispatches_speakers)
  UNION ALL
  SELECT 'vote events', (SELECT count(*) FROM (SELECT * FROM v EXCEPT ALL SELECT * FROM dispatches_vote_events) x),
         (SELECT count(*) FROM (SELECT * FROM dispatches_vote_events EXCEPT ALL SELECT * FROM v) x),
         (SELECT count(*) FROM dispatches_vote_events)
$$;

-- 500 dispatches of about 1.4 kB each: more than the 256 kB a statement
-- gives before its worker starts
CREATE TEMP TABLE batch AS
  SELECT i AS id, CASE i % 2 WHEN 0 THEN 'metro' ELSE 'world' END AS desk,
         repeat(format('“Pier %s reopens on Monday,” said harbour master Tomas Reyes. '
                       'The port council voted %s-3 to fund the repairs. ', i, i % 7 + 4), 10) AS body
    FROM generate_series(1, 500) i;
SELECT count(*) AS dispatches, pg_size_pretty(sum(octet_length(body))) AS text FROM batch;

SET client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
-- one row: too little to start a worker for
INSERT INTO dispatches VALUES (501, 'metro', '“We are ready,” said Ines Duarte.');
RESET client_min_messages;
SELECT * FROM pg_temp.drift();
TRUNCATE dispatches;

-- a statement just past the threshold ends before its worker has done
-- much: the backend then analyses articles from the end itself (how many
-- varies from run to run; the rows do not)
INSERT INTO dispatches SELECT id + 1000, desk, body FROM batch WHERE id <= 260;
SELECT * FROM pg_temp.drift();
DELETE FROM dispatches WHERE id > 1000;

-- COPY, the case the read-ahead is for
SELECT format('/tmp/news_analysis_ahead_%s.tsv', pg_backend_pid()) AS copy_file,
       format('cat /tmp/news_analysis_ahead_%1$s.tsv && rm -f /tmp/news_analysis_ahead_%1$s.tsv',
              pg_backend_pid()) AS copy_program \gset
COPY batch TO :'copy_file';
SET client_min_messages = debug1;
COPY dispatches FROM PROGRAM :'copy_program';
RESET client_min_messages;
SELECT * FROM pg_temp.drift();

-- ON CONFLICT DO NOTHING: the worker was given rows that are not inserted
-- (495 of the 500 here); from the first of them the AFTER trigger analyses
-- the rows itself (too few for a DEBUG line), and the rows already there
-- keep their analysis
DELETE FROM dispatches WHERE id % 100 = 0;
SET client_min_messages = debug1;
INSERT INTO dispatches
  SELECT id, desk, CASE WHEN id % 100 = 0 THEN body ELSE 'Replaced, never inserted.' END FROM batch
  ON CONFLICT (id) DO NOTHING;
RESET client_min_messages;
SELECT count(*) AS dispatches, count(*) FILTER (WHERE body LIKE 'Replaced%') AS replaced FROM dispatches;
SELECT * FROM pg_temp.drift();
TRUNCATE dispatches;

-- a BEFORE trigger that fires after the read-ahead's (its name sorts
-- after it) may change the row: then nothing is read ahead
CREATE FUNCTION pg_temp.mark_embargo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.body := replace(NEW.body, 'reopens on Monday', 'stays shut, pending an inquiry');
  RETURN NEW;
END $$;
CREATE TRIGGER zz_embargo BEFORE INSERT ON dispatches
  FOR EACH ROW EXECUTE FUNCTION pg_temp.mark_embargo();
SET client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
RESET client_min_messages;
SELECT count(*) FILTER (WHERE text LIKE '%stays shut%') AS changed_quotes,
       count(*) FILTER (WHERE text LIKE '%reopens%') AS stale_quotes
  FROM dispatches_quotes;
SELECT * FROM pg_temp.drift();
TRUNCATE dispatches;
-- one that fires before it is read ahead as it leaves the row
ALTER TRIGGER zz_embargo ON dispatches RENAME TO aa_embargo;
SET client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
RESET client_min_messages;
SELECT count(*) FILTER (WHERE text LIKE '%stays shut%') AS changed_quotes,
       count(*) FILTER (WHERE text LIKE '%reopens%') AS stale_quotes
  FROM dispatches_quotes;
SELECT * FROM pg_temp.drift();
DROP TRIGGER aa_embargo ON dispatches;
TRUNCATE dispatches;

-- a failed article (news_analysis.fail_on, a test setting) is recorded as
-- the AFTER trigger records it, the others keep their rows
DELETE FROM news_analysis.failures;
SET news_analysis.fail_on = 'Pier 77 ';
SET client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
RESET client_min_messages;
SELECT source, article_key, sqlstate, message FROM news_analysis.failures;
SELECT count(DISTINCT article_key) AS dispatches_with_quotes FROM dispatches_quotes;
TRUNCATE dispatches;
-- an error the analysis throws ('!' in news_analysis.fail_on asks for one,
-- as an unforeseen failure would) stops the worker: the backend analyses
-- what it left, meets the error too, and the chunk is analysed again
-- article by article, as any chunk that fails; the next chunk (a statement
-- of 5,000 rows has two) is analysed from its texts read back
DELETE FROM news_analysis.failures;
SET news_analysis.fail_on = '!Pier 77 ';
INSERT INTO dispatches
  SELECT i, 'metro', format('“Pier %s reopens on Monday,” said harbour master Tomas Reyes. ', i)
    FROM generate_series(1, 5000) i;
RESET news_analysis.fail_on;
SELECT article_key, sqlstate, message FROM news_analysis.failures;
SELECT count(DISTINCT article_key) AS dispatches_with_quotes, count(*) AS quotes FROM dispatches_quotes;
TRUNCATE dispatches;
DELETE FROM news_analysis.failures;
SET news_analysis.fail_on = 'Pier 77 ';

-- in strict mode it rejects the statement, naming the article
SELECT news_analysis.set_strict('dispatches', true);
INSERT INTO dispatches SELECT * FROM batch;
SELECT count(*) FROM dispatches;
SELECT news_analysis.set_strict('dispatches', false);
RESET news_analysis.fail_on;
DELETE FROM news_analysis.failures;

-- a statement that fails while its worker analyses leaves nothing behind:
-- the next one reads ahead again
INSERT INTO dispatches VALUES (450, 'metro', 'Already here.');
INSERT INTO dispatches SELECT * FROM batch;
SELECT count(*) FROM dispatches;
DELETE FROM dispatches;
BEGIN;
SAVEPOINT before_batch;
INSERT INTO dispatches SELECT * FROM batch WHERE id <= 400;
ROLLBACK TO SAVEPOINT before_batch;
SET LOCAL client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
COMMIT;
SELECT * FROM pg_temp.drift();
TRUNCATE dispatches;

-- no worker when the setting allows none, nor where the texts would pass
-- temp_file_limit: the backend analyses alone, with the same rows
SET news_analysis.max_parallel_workers = 0;
SET client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
RESET client_min_messages;
RESET news_analysis.max_parallel_workers;
SELECT * FROM pg_temp.drift();
TRUNCATE dispatches;
SET temp_file_limit = 1000;
SET client_min_messages = debug1;
INSERT INTO dispatches SELECT * FROM batch;
RESET client_min_messages;
RESET temp_file_limit;
SELECT * FROM pg_temp.drift();

-- ON CONFLICT DO UPDATE: the rows there are updated (their UPDATE trigger
-- analyses them again), the others inserted
TRUNCATE dispatches;
INSERT INTO dispatches SELECT * FROM batch WHERE id % 2 = 0;
INSERT INTO dispatches
  SELECT id, desk, replace(body, 'harbour master', 'deputy harbour master') FROM batch
  ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body;
SELECT count(*) FILTER (WHERE speaker_mention LIKE 'deputy %') AS by_the_deputy, count(*) AS quotes
  FROM dispatches_quotes;
SELECT * FROM pg_temp.drift();

-- a text key: the row the BEFORE trigger sees has its key with a 4-byte
-- header, the row inserted with a 1-byte one; they are the same key
CREATE TABLE bulletins (slug text PRIMARY KEY, body varchar);
SELECT news_analysis.track('bulletins', 'body', 'slug');
SET client_min_messages = debug1;
INSERT INTO bulletins SELECT 'pier-' || id, body FROM batch;
RESET client_min_messages;
SELECT count(*) AS quotes,
       (SELECT count(*) FROM (SELECT b.slug, q.* FROM bulletins b, news_analysis.quotes(b.body) q
                              EXCEPT ALL SELECT * FROM bulletins_quotes) x) AS missing
  FROM bulletins_quotes;
SELECT news_analysis.untrack('bulletins');
DROP TABLE bulletins;

-- char(n): analysed without its padding, as a cast to text drops it
CREATE TABLE briefs (id integer PRIMARY KEY, body char(80));
SELECT news_analysis.track('briefs', 'body', 'id');
INSERT INTO briefs VALUES (1, '“The ferry sails at noon,” said Ines Duarte.'),
                          (2, 'No quote here.');
SELECT article_key, text, speaker, start, length FROM briefs_quotes;
SELECT count(*) AS differ
  FROM (SELECT b.id, q.* FROM briefs b, news_analysis.quotes(b.body::text) q
        EXCEPT ALL SELECT * FROM briefs_quotes) x;
SELECT news_analysis.untrack('briefs');
DROP TABLE briefs;

-- the triggers refuse to run as anything but BEFORE (analyse_ahead) and
-- AFTER (analyse_inserted) INSERT FOR EACH ROW
CREATE TABLE misfired (id integer PRIMARY KEY, body text);
CREATE TRIGGER misfired_ahead AFTER INSERT ON misfired
  FOR EACH ROW EXECUTE FUNCTION news_analysis.analyse_ahead('body', 'id', 'lenient', 'a', 'b', 'c');
INSERT INTO misfired VALUES (1, 'x');
DROP TRIGGER misfired_ahead ON misfired;
CREATE TRIGGER misfired_inserted BEFORE INSERT ON misfired
  FOR EACH ROW EXECUTE FUNCTION news_analysis.analyse_inserted('body', 'id', 'lenient', 'a', 'b', 'c');
INSERT INTO misfired VALUES (1, 'x');
DROP TABLE misfired;

SELECT news_analysis.untrack('dispatches');
DROP TABLE dispatches;
