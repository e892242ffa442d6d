--
-- Nothing lost: an analysis error keeps the article (lenient mode, the
-- default), raises a WARNING and is recorded in news_analysis.failures;
-- strict mode rejects the row instead.
--
-- news_analysis.fail_on is a setting for tests: a text containing its value
-- makes the analysis fail.
CREATE TABLE news (key text PRIMARY KEY, body text);
INSERT INTO news VALUES ('a', '“Before,” she said.'), ('b', 'Broken POISON text.');
SET news_analysis.fail_on = 'POISON';
-- an existing row that fails: tracked anyway, with a warning
SELECT news_analysis.track('news', 'body', 'key');
SELECT source, source_table, article_key, sqlstate, message, detail, failed_by = current_user AS by_me,
       failed_at <= clock_timestamp() AS dated
  FROM news_analysis.failures;

-- lenient: the row is stored, without derived rows
INSERT INTO news VALUES ('c', '“Fine,” he said.'), ('d', '“POISON,” he said.'), ('e', '“Also fine,” he said.');
SELECT key FROM news ORDER BY key;
SELECT article_key, count(*) FROM news_quotes GROUP BY 1 ORDER BY 1;
SELECT article_key, message FROM news_analysis.failures ORDER BY id;

-- an UPDATE that fails drops the article's old rows (they no longer match its text)
UPDATE news SET body = '“POISON again,” she said.' WHERE key = 'a';
SELECT article_key, count(*) FROM news_quotes GROUP BY 1 ORDER BY 1;
-- fixing the text brings them back
UPDATE news SET body = '“Mended,” she said.' WHERE key = 'a';
SELECT article_key, text FROM news_quotes WHERE article_key = 'a';

-- the failure is contained: the rest of the transaction goes on
BEGIN;
INSERT INTO news VALUES ('f', 'POISON');
INSERT INTO news VALUES ('g', '“Later,” she said.');
COMMIT;
SELECT key FROM news WHERE key IN ('f', 'g') ORDER BY key;
SELECT article_key FROM news_quotes WHERE article_key IN ('f', 'g');

-- COPY goes on past failing rows
COPY news FROM STDIN;
h	“One,” he said.
i	POISON one
j	“Three,” he said.
k	POISON two
\.
SELECT key FROM news WHERE key >= 'h' ORDER BY key;
SELECT count(*) AS failures FROM news_analysis.failures;

-- a statement large enough for parallel workers: the failures are recorded
-- the same way, in the order of the rows
INSERT INTO news
  SELECT format('p%s', i), repeat(CASE WHEN i % 100 = 7 THEN 'POISON. ' ELSE '“Fine,” she said. ' END, 80)
    FROM generate_series(100, 399) i;
SELECT count(*) AS stored FROM news WHERE key LIKE 'p%';
SELECT count(DISTINCT article_key) AS analysed FROM news_quotes WHERE article_key LIKE 'p%';
DELETE FROM news WHERE key LIKE 'p%';
DELETE FROM news_analysis.failures WHERE article_key LIKE 'p%';

-- an unforeseen error (here thrown on purpose, "!x") in a parallel worker:
-- the chunk is analysed again by the backend, then article by article in
-- subtransactions, so that only the failing articles lose their analysis
SET news_analysis.fail_on = '!BOOM';
INSERT INTO news
  SELECT format('u%s', i), repeat(CASE WHEN i IN (150, 360) THEN 'BOOM. ' ELSE '“Fine,” she said. ' END, 80)
    FROM generate_series(100, 399) i;
SELECT count(*) AS stored FROM news WHERE key LIKE 'u%';
SELECT count(DISTINCT article_key) AS analysed FROM news_quotes WHERE article_key LIKE 'u%';
SELECT article_key, sqlstate, message FROM news_analysis.failures WHERE article_key LIKE 'u%' ORDER BY 1;
DELETE FROM news WHERE key LIKE 'u%';
DELETE FROM news_analysis.failures WHERE article_key LIKE 'u%';
SET news_analysis.fail_on = 'POISON';

-- failures are a log: fixing an article (a, i) leaves its record, and
-- retry_failures() analyses the recorded articles again; those that still
-- fail (b, d, f, k) are recorded again, the others lose their record
UPDATE news SET body = '“Cured,” she said.' WHERE key = 'i';
SELECT article_key FROM news_analysis.failures ORDER BY id;
\set VERBOSITY terse
SELECT news_analysis.retry_failures('news');
\set VERBOSITY default
SELECT article_key FROM news_analysis.failures ORDER BY article_key;
SELECT article_key, text FROM news_quotes WHERE article_key IN ('i', 'k') ORDER BY 1;
-- with no failure left to retry nothing is analysed
DELETE FROM news_analysis.failures;
SELECT news_analysis.retry_failures('news');
SELECT news_analysis.analyse_existing('news', keys => '{}');

-- strict mode: the error rejects the row (and the statement)
SELECT news_analysis.set_strict('news', true);
SELECT strict_mode FROM news_analysis.tracked WHERE source = 'news'::regclass;
INSERT INTO news VALUES ('l', '“POISON,” he said.');
SELECT count(*) FROM news WHERE key = 'l';
COPY news FROM STDIN;
m	“Fine,” he said.
n	POISON
\.
SELECT count(*) FROM news WHERE key IN ('m', 'n');
UPDATE news SET body = 'POISON' WHERE key = 'c';
SELECT body FROM news WHERE key = 'c';
-- with parallel workers too; the error names the first failing row
INSERT INTO news
  SELECT format('q%s', i), repeat(CASE WHEN i IN (250, 390) THEN 'POISON. ' ELSE '“Fine,” she said. ' END, 80)
    FROM generate_series(100, 399) i;
SELECT count(*) FROM news WHERE key LIKE 'q%';
-- a savepoint catches it like any error
BEGIN;
SAVEPOINT s;
INSERT INTO news VALUES ('o', 'POISON');
ROLLBACK TO SAVEPOINT s;
INSERT INTO news VALUES ('p', '“Fine,” he said.');
COMMIT;
SELECT key FROM news WHERE key IN ('o', 'p');
-- strict tracking of a table with a bad row fails as a whole
SELECT news_analysis.untrack('news');
SELECT news_analysis.track('news', 'body', 'key', strict => true);
SELECT count(*) FROM news_analysis.tracked;
SELECT count(*) FROM pg_class WHERE relname LIKE 'news\_%' AND relkind = 'r';

-- without the test setting nothing fails
RESET news_analysis.fail_on;
SELECT news_analysis.track('news', 'body', 'key', strict => true);
SELECT count(DISTINCT article_key) AS with_quotes FROM news_quotes;
-- reanalyse() redoes everything and clears the failures
SELECT news_analysis.set_strict('news', false);
SELECT news_analysis.reanalyse('news');
SELECT count(*) AS failures FROM news_analysis.failures;
-- a cancel is not a failure of the article: it stops the statement, lenient
-- mode or not (16 MB dense with quotes and votes: storing it takes under a
-- tenth of a second, analysing it seconds, so the timeout falls in the analysis)
INSERT INTO news VALUES ('big', NULL);
ALTER TABLE news ALTER body SET STORAGE EXTERNAL;
SET statement_timeout = '200ms';
\set VERBOSITY terse
UPDATE news SET body = repeat('“We will see,” said Ann Lee. The council voted 7-2. ', 300000)
 WHERE key = 'big';
\set VERBOSITY default
RESET statement_timeout;
SELECT body IS NULL AS unchanged FROM news WHERE key = 'big';
SELECT count(*) AS failures FROM news_analysis.failures;

-- a cancel caught between articles, before the analysis of one begins, names
-- no article (once it printed the key not yet set, a null pointer to the
-- output of a text key, and the server crashed: a statement_timeout that
-- fell there).  Here the session cancels itself in a trigger that fires just
-- before the table's own: the expression of its RETURN is evaluated without
-- a check for interrupts, so the table's trigger is the first to see it.
CREATE FUNCTION cancel_self() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN CASE WHEN pg_catalog.pg_cancel_backend(pg_catalog.pg_backend_pid()) THEN NULL END;
END $$;
CREATE TRIGGER a_cancel_self AFTER UPDATE ON news FOR EACH ROW EXECUTE FUNCTION cancel_self();
UPDATE news SET body = '“Cancelled,” she said.' WHERE key = 'c';
DROP TRIGGER a_cancel_self ON news;
DROP FUNCTION cancel_self();
SELECT body FROM news WHERE key = 'c';
SELECT count(*) AS failures FROM news_analysis.failures;

-- untrack clears the failures of the table
SET news_analysis.fail_on = 'POISON';
INSERT INTO news VALUES ('q', 'POISON');
SELECT count(*) AS failures FROM news_analysis.failures;
SELECT news_analysis.untrack('news');
SELECT count(*) AS failures FROM news_analysis.failures;
RESET news_analysis.fail_on;
DROP TABLE news;

-- NULL and malformed arguments give clear errors, not internal ones
CREATE TABLE args (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('args', 'body', 'id');
\set VERBOSITY terse
SELECT news_analysis.track(NULL, 'body', 'id');
SELECT news_analysis.set_strict(NULL, true);
SELECT news_analysis.set_strict('args', NULL);
SELECT news_analysis.attach_trigger(NULL);
SELECT * FROM news_analysis.quoted_on('args', E'“”&|!:*()''\\');
\set VERBOSITY default
SELECT news_analysis.untrack('args');
DROP TABLE args;
