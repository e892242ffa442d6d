-- The people registry written without its statement (people_upsert_pg.c)
-- holds what the statement writes: the same rows after new keys, keys
-- already there (spellings, roles and counts merged) and deletes, whether
-- the writer takes its own way (READ COMMITTED) or the statement's
-- (REPEATABLE READ; a trigger of the user's on the registry table).
-- Every sentence here is written for this test.
SET client_min_messages = warning;

CREATE TABLE reg_direct (id integer PRIMARY KEY, body text);
CREATE TABLE reg_statement (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('reg_direct', 'body', 'id') IS NOT NULL AS tracked;
SELECT news_analysis.track('reg_statement', 'body', 'id') IS NOT NULL AS tracked;

CREATE TABLE reg_articles (id integer PRIMARY KEY, body text);
INSERT INTO reg_articles VALUES
  (1, '“The budget is balanced,” said Helga Brandt. “Not quite,” said Tomas Fell.'),
  (2, '“We will cut the deficit,” said the finance minister, Helga Brandt, on Monday.'),
  (3, '“Taxes stay,” Mrs. Brandt told reporters. “They rise,” said Tomas Fell, a Green councillor.'),
  (4, '“I have doubts,” said Ingrid Voss. “So do I,” said Helga Marie Brandt.');

-- one statement per article: each after the first finds keys there
INSERT INTO reg_direct SELECT * FROM reg_articles WHERE id = 1;
INSERT INTO reg_direct SELECT * FROM reg_articles WHERE id = 2;
INSERT INTO reg_direct SELECT * FROM reg_articles WHERE id = 3;
INSERT INTO reg_direct SELECT * FROM reg_articles WHERE id = 4;
BEGIN ISOLATION LEVEL REPEATABLE READ;
INSERT INTO reg_statement SELECT * FROM reg_articles WHERE id = 1;
INSERT INTO reg_statement SELECT * FROM reg_articles WHERE id = 2;
COMMIT;
-- a trigger of the user's on the registry table: the statement runs, and fires it
CREATE TABLE reg_updates (n integer);
CREATE FUNCTION reg_count_update() RETURNS trigger LANGUAGE plpgsql AS
  $$BEGIN INSERT INTO public.reg_updates VALUES (1); RETURN NULL; END$$;
CREATE TRIGGER reg_count AFTER UPDATE ON reg_statement_names
  FOR EACH ROW EXECUTE FUNCTION reg_count_update();
INSERT INTO reg_statement SELECT * FROM reg_articles WHERE id = 3;
INSERT INTO reg_statement SELECT * FROM reg_articles WHERE id = 4;
SELECT count(*) > 0 AS user_trigger_fired FROM reg_updates;

SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes,
       first_seen <= last_seen AS seen_in_order
  FROM reg_direct_names ORDER BY key;
-- the same rows both ways
SELECT count(*) AS differences FROM (
  (SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_direct_names
   EXCEPT SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_statement_names)
  UNION ALL
  (SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_statement_names
   EXCEPT SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_direct_names)) d;

-- an article deleted, one updated: counts taken back, keys no article names go
DELETE FROM reg_direct WHERE id = 4;
UPDATE reg_direct SET body = '“Nothing to add,” said Tomas Fell.' WHERE id = 3;
SELECT key, name, articles, quotes FROM reg_direct_names ORDER BY key;

SELECT news_analysis.untrack('reg_direct');
SELECT news_analysis.untrack('reg_statement');
DROP TABLE reg_direct, reg_statement, reg_articles, reg_updates;
DROP FUNCTION reg_count_update();
