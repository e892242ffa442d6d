--
-- How the trigger writes derived rows (src/pg/track_write_pg.c): straight
-- into the derived tables as COPY does, or by an INSERT statement where
-- only a statement writes what it would (a trigger of the user's that may
-- change rows, row security, a column the user added).  Either way the
-- derived tables hold what an INSERT would have put there: the user's
-- AFTER triggers fire, constraints hold, a duplicate key is an error.
--
CREATE TABLE wr (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('wr', 'body', 'id');

-- an AFTER ROW trigger of the user's on a derived table sees every row
CREATE TABLE wr_log (article_key integer, ordinal integer, speaker text);
CREATE FUNCTION pg_temp.log_quote() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO wr_log VALUES (NEW.article_key, NEW.ordinal, NEW.speaker);
  RETURN NULL;
END $$;
CREATE TRIGGER log_quote AFTER INSERT ON wr_quotes FOR EACH ROW EXECUTE FUNCTION pg_temp.log_quote();
-- and a statement trigger with a transition table counts them
CREATE TABLE wr_counts (rows bigint);
CREATE FUNCTION pg_temp.count_quotes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO wr_counts SELECT count(*) FROM new_quotes;
  RETURN NULL;
END $$;
CREATE TRIGGER count_quotes AFTER INSERT ON wr_quotes REFERENCING NEW TABLE AS new_quotes
  FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.count_quotes();
INSERT INTO wr VALUES
  (1, '“The bridge opens in May,” said Tomas Berg, the city engineer. Berg added that it was “on budget”.'),
  (2, 'Nobody spoke.'),
  (3, '“No,” she said. Councillor Ines Moro said the vote would wait.');
SELECT * FROM wr_log ORDER BY 1, 2;
SELECT * FROM wr_counts;
SELECT article_key, ordinal, text, speaker FROM wr_quotes ORDER BY 1, 2;
SELECT key, name, articles, quotes FROM wr_names ORDER BY key;

-- a CHECK constraint of the user's holds: the statement fails on a row that breaks it
ALTER TABLE wr_quotes ADD CONSTRAINT short_quotes CHECK (length(text) < 30) NOT VALID;
\set VERBOSITY terse
INSERT INTO wr VALUES (4, '“This sentence is far too long for the check,” said Ada Pell.');
\set VERBOSITY default
SELECT count(*) AS article_4 FROM wr WHERE id = 4;
ALTER TABLE wr_quotes DROP CONSTRAINT short_quotes;

-- a NOT NULL of the user's holds too (read from each row's null bitmap): a
-- quotation with a cue is written, one that nobody says (no cue) fails
ALTER TABLE wr_quotes ALTER COLUMN cue SET NOT NULL;
INSERT INTO wr VALUES (4, '“Soon,” said Ada Pell.');
SELECT article_key, ordinal, text, cue FROM wr_quotes WHERE article_key = 4;
\set VERBOSITY terse
INSERT INTO wr VALUES (12, 'The sign on the door read “Closed for repairs” all week.');
\set VERBOSITY default
SELECT count(*) AS article_12 FROM wr WHERE id = 12;
ALTER TABLE wr_quotes ALTER COLUMN cue DROP NOT NULL;
DELETE FROM wr WHERE id = 4;
DELETE FROM wr_log WHERE article_key = 4;

-- derived rows left under a key the table does not have: the new row's are a duplicate
INSERT INTO wr_quotes (article_key, ordinal, text) VALUES (5, 1, 'left over');
\set VERBOSITY terse
INSERT INTO wr VALUES (5, '“Again,” said Ada Pell.');
\set VERBOSITY default
DELETE FROM wr_quotes WHERE article_key = 5;
DELETE FROM wr_log WHERE article_key = 5;
INSERT INTO wr VALUES (5, '“Again,” said Ada Pell.');
SELECT article_key, ordinal, text, speaker FROM wr_quotes WHERE article_key = 5;

-- a BEFORE ROW trigger of the user's that changes rows: the INSERT statement writes
CREATE FUNCTION pg_temp.shout() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.speaker := upper(NEW.speaker);
  RETURN NEW;
END $$;
CREATE TRIGGER shout BEFORE INSERT ON wr_quotes FOR EACH ROW EXECUTE FUNCTION pg_temp.shout();
INSERT INTO wr VALUES (6, '“Louder,” said Ada Pell.');
SELECT article_key, ordinal, text, speaker FROM wr_quotes WHERE article_key = 6;
DROP TRIGGER shout ON wr_quotes;

-- a column the user added, with its default
ALTER TABLE wr_speakers ADD COLUMN checked boolean DEFAULT false;
INSERT INTO wr VALUES (7, '“Quiet,” said Ada Pell.');
SELECT article_key, name, checked FROM wr_speakers WHERE article_key = 7;
ALTER TABLE wr_speakers DROP COLUMN checked;
-- (a dropped column stays in the table's row: still the statement)
INSERT INTO wr VALUES (8, '“Later,” said Ada Pell.');
SELECT article_key, name, quotes FROM wr_speakers WHERE article_key = 8;

-- row security on a derived table: its policies apply to a writer (not the owner)
CREATE ROLE regress_na_writer;
GRANT SELECT, INSERT ON wr, wr_log, wr_counts TO regress_na_writer;
GRANT SELECT, INSERT, DELETE ON wr_quotes, wr_speakers, wr_vote_events TO regress_na_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON wr_names TO regress_na_writer;
ALTER TABLE wr_vote_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY no_senate ON wr_vote_events FOR INSERT WITH CHECK (body IS DISTINCT FROM 'Senate');
CREATE POLICY readable ON wr_vote_events FOR SELECT USING (true);
SET ROLE regress_na_writer;
\set VERBOSITY terse
INSERT INTO wr VALUES (9, 'The Senate voted 60-40 on Friday to pass the farm bill.');
\set VERBOSITY default
INSERT INTO wr VALUES (10, 'The House voted 230-190 on Friday to pass the farm bill.');
RESET ROLE;
ALTER TABLE wr_vote_events DISABLE ROW LEVEL SECURITY;
-- and without policies the writer's rights are the INSERT's
SET ROLE regress_na_writer;
INSERT INTO wr VALUES (11, 'The Senate voted 60-40 on Monday to pass the water bill. “Good,” said Ada Pell.');
RESET ROLE;
SELECT article_key, event, body, outcome FROM wr_vote_events ORDER BY 1, 2;

-- the log saw every quote the table holds, once
SELECT (SELECT count(*) FROM wr_log) AS logged, (SELECT count(*) FROM wr_quotes) AS quotes;
SELECT key, name, articles, quotes FROM wr_names ORDER BY key;
SELECT news_analysis.untrack('wr');
DROP TABLE wr, wr_log, wr_counts;
DROP ROLE regress_na_writer;

-- quote rows are written from their columns' bytes (na_pg_cols_tuple) for
-- integer, bigint and text keys: a bigint beyond 32 bits, a text key too
-- long for a 1-byte header; the rows equal quotes() of the text
CREATE TABLE wr_big (k bigint PRIMARY KEY, body text);
SELECT news_analysis.track('wr_big', 'body', 'k');
INSERT INTO wr_big VALUES (5000000001, '“Yes,” said Ada Pell. “No,” said Tomas Berg.');
SELECT article_key, ordinal, text, speaker FROM wr_big_quotes ORDER BY 1, 2;
CREATE TABLE wr_text (k text PRIMARY KEY, body text);
SELECT news_analysis.track('wr_text', 'body', 'k');
INSERT INTO wr_text VALUES ('short', '“Yes,” said Ada Pell.'),
  (repeat('long', 50), '“No,” said Tomas Berg. “Maybe,” he added.');
SELECT length(article_key) AS key_length, ordinal, text, speaker FROM wr_text_quotes ORDER BY 1, 2;
SELECT (SELECT count(*) FROM (
          (SELECT * FROM wr_text_quotes EXCEPT SELECT k, q.* FROM wr_text, news_analysis.quotes(body) q)
          UNION ALL
          (SELECT k, q.* FROM wr_text, news_analysis.quotes(body) q EXCEPT SELECT * FROM wr_text_quotes)) d)
     + (SELECT count(*) FROM (
          (SELECT * FROM wr_big_quotes EXCEPT SELECT k, q.* FROM wr_big, news_analysis.quotes(body) q)
          UNION ALL
          (SELECT k, q.* FROM wr_big, news_analysis.quotes(body) q EXCEPT SELECT * FROM wr_big_quotes)) d)
       AS differing;
SELECT news_analysis.untrack('wr_big'), news_analysis.untrack('wr_text');
DROP TABLE wr_big, wr_text;
