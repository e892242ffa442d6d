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

-- a statement with enough text for parallel workers: the backend writes
-- the speakers as the analysis makes them and keeps the registry up itself
-- (people_added does not fire for them); the registry holds what the
-- backend alone writes (through people_added), also when the registry
-- has a trigger of the user's (the upsert statement runs), and nothing
-- new while people_added is disabled
CREATE TABLE reg_parallel (id integer PRIMARY KEY, body text);
CREATE TABLE reg_serial (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('reg_parallel', 'body', 'id') IS NOT NULL AS tracked;
SELECT news_analysis.track('reg_serial', 'body', 'id') IS NOT NULL AS tracked;
-- rows of one registry and not of the other, both ways
CREATE FUNCTION pg_temp.reg_differences() RETURNS bigint LANGUAGE sql AS $$
  SELECT count(*) FROM (
    (SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_parallel_names
     EXCEPT SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_serial_names)
    UNION ALL
    (SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_serial_names
     EXCEPT SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_parallel_names)) d
$$;
CREATE TEMP TABLE reg_many AS
  SELECT i AS id,
         format('“Budget %s is ready,” said the %s, %s %s, on Monday. “We will not support it,” '
                'said %s %s, who leads the %s group. Later %s %s told reporters: “It passes.” '
                '%s said %s would vote for it. ',
                i, (ARRAY['finance minister', 'council leader', 'mayor', 'party spokeswoman'])[i % 4 + 1],
                (ARRAY['Helga', 'Tomas', 'Ingrid', 'Piet', 'Amara', 'Joon'])[i % 6 + 1],
                (ARRAY['Brandt', 'Fell', 'Voss', 'Okoro', 'Lindqvist', 'Marsh', 'Calder'])[i % 7 + 1],
                (ARRAY['Nadia', 'Oskar', 'Liv'])[i % 3 + 1],
                (ARRAY['Berg', 'Holm', 'Strand', 'Dahl', 'Moe'])[i % 5 + 1],
                (ARRAY['Green', 'Labour', 'Liberal'])[i % 3 + 1],
                (ARRAY['Mr.', 'Mrs.', 'Ms.'])[i % 3 + 1],
                (ARRAY['Brandt', 'Fell', 'Voss', 'Okoro', 'Lindqvist', 'Marsh', 'Calder'])[i % 7 + 1],
                (ARRAY['She', 'He'])[i % 2 + 1], (ARRAY['she', 'he'])[i % 2 + 1]) AS body
    FROM generate_series(1, 500) i;
UPDATE reg_many SET body = repeat(body, 3);
SELECT pg_size_pretty(sum(octet_length(body))) AS text FROM reg_many;
INSERT INTO reg_parallel SELECT * FROM reg_many;
SET news_analysis.max_parallel_workers = 0;
INSERT INTO reg_serial SELECT * FROM reg_many;
RESET news_analysis.max_parallel_workers;
SELECT (SELECT count(*) FROM reg_parallel_speakers) AS speakers, count(*) AS keys,
       sum(articles) AS articles, sum(male) AS male, sum(female) AS female,
       pg_temp.reg_differences() AS differences
  FROM reg_parallel_names;
-- again, keys there: the user's trigger on the registry makes the upsert a statement
CREATE TRIGGER reg_count AFTER UPDATE ON reg_parallel_names
  FOR EACH ROW EXECUTE FUNCTION reg_count_update();
TRUNCATE reg_updates;
DELETE FROM reg_parallel WHERE id > 250;
DELETE FROM reg_serial WHERE id > 250;
INSERT INTO reg_parallel SELECT * FROM reg_many WHERE id > 250;
SET news_analysis.max_parallel_workers = 0;
INSERT INTO reg_serial SELECT * FROM reg_many WHERE id > 250;
RESET news_analysis.max_parallel_workers;
SELECT count(*) > 0 AS user_trigger_fired FROM reg_updates;
SELECT count(*) AS keys, sum(articles) AS articles,
       pg_temp.reg_differences() AS differences
  FROM reg_parallel_names;
-- people_added disabled: the speakers are written, the registry gets nothing
DELETE FROM reg_parallel;
ALTER TABLE reg_parallel_speakers DISABLE TRIGGER news_analysis_people_added;
INSERT INTO reg_parallel SELECT * FROM reg_many;
SELECT (SELECT count(*) FROM reg_parallel_speakers) AS speakers,
       (SELECT count(*) FROM reg_parallel_names) AS keys;
ALTER TABLE reg_parallel_speakers ENABLE TRIGGER news_analysis_people_added;
-- a statement whose articles name far more people than the backend's key
-- cache makes room for (two names an article): it grows as they come,
-- and the registry still holds what the backend alone writes
TRUNCATE reg_parallel, reg_serial;
CREATE TEMP TABLE reg_crowd AS
  SELECT i AS id,
         string_agg(format('“Item %s of the plan holds,” said %s %s. ', j,
                           (ARRAY['Anna', 'Boris', 'Carla', 'Dmitri', 'Elif'])[j % 5 + 1],
                           initcap(translate(substr(md5(i || '/' || j), 1, 8), '0123456789', 'aeiouyrstl'))),
                    '' ORDER BY j) AS body
    FROM generate_series(1, 40) i, generate_series(1, 160) j GROUP BY i;
SELECT count(*) AS articles, pg_size_pretty(sum(octet_length(body))) AS text FROM reg_crowd;
INSERT INTO reg_parallel SELECT * FROM reg_crowd;
SET news_analysis.max_parallel_workers = 0;
INSERT INTO reg_serial SELECT * FROM reg_crowd;
RESET news_analysis.max_parallel_workers;
SELECT (SELECT count(*) FROM reg_parallel_speakers) AS speakers, count(*) AS keys,
       sum(articles) AS articles, pg_temp.reg_differences() AS differences
  FROM reg_parallel_names;
-- both registries were empty: their keys went in bulk, each entry aimed
-- at the rightmost leaf of the primary key (btree_aim_pg.c), as were the
-- derived rows' entries, article after article; the indexes split many
-- times, and amcheck finds each row's entry in them, in order, from the
-- root down
CREATE EXTENSION amcheck;
SELECT c.relname, (SELECT count(*) FROM bt_index_parent_check(i.indexrelid, true, true)) = 1 AS checked,
       pg_relation_size(i.indexrelid) / current_setting('block_size')::integer > 10 AS many_pages
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
 WHERE i.indrelid IN ('reg_parallel_names'::regclass, 'reg_serial_names'::regclass,
                      'reg_parallel_quotes'::regclass, 'reg_serial_quotes'::regclass,
                      'reg_parallel_speakers'::regclass)
 ORDER BY c.relname;
-- articles whose keys fall: no entry goes to the right, the writer stops
-- aiming after a few misses, and the indexes are as sound
CREATE TABLE reg_falling (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('reg_falling', 'body', 'id') IS NOT NULL AS tracked;
INSERT INTO reg_falling SELECT 1000 - id, body FROM reg_crowd ORDER BY id;
SELECT c.relname, (SELECT count(*) FROM bt_index_parent_check(i.indexrelid, true, true)) = 1 AS checked,
       (SELECT count(*) FROM reg_falling_quotes) AS quotes
  FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
 WHERE i.indrelid IN ('reg_falling_quotes'::regclass, 'reg_falling_speakers'::regclass)
 ORDER BY c.relname;
SELECT news_analysis.untrack('reg_falling');
DROP TABLE reg_falling;
DROP EXTENSION amcheck;
SELECT news_analysis.untrack('reg_parallel');
SELECT news_analysis.untrack('reg_serial');
DROP TABLE reg_parallel, reg_serial;

SELECT news_analysis.untrack('reg_direct');
SELECT news_analysis.untrack('reg_statement');
DROP TABLE reg_direct, reg_statement, reg_articles, reg_updates;
DROP FUNCTION reg_count_update();

-- a statement naming at least 64 keys (a loader's) writes them in bulk
-- while no other transaction writes the registry (people_upsert_pg.c's
-- bulk_begin): new keys' rows many at a time without speculative
-- insertion, a key there updated as ON CONFLICT does.  Into an empty
-- registry, then with half of its keys there, it holds what the statement
-- (REPEATABLE READ) writes; the lock that kept other writers out goes with
-- the statement, the row lock every writer takes stays to the end
CREATE TABLE reg_bulk (id integer PRIMARY KEY, body text);
CREATE TABLE reg_bulk_statement (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('reg_bulk', 'body', 'id') IS NOT NULL AS tracked;
SELECT news_analysis.track('reg_bulk_statement', 'body', 'id') IS NOT NULL AS tracked;
-- eight speakers an article: the odd ones shared by articles i and i + 10
CREATE TEMP TABLE reg_loads AS
  SELECT i AS id,
         string_agg(format('“Clause %s of the harbour bill stands,” said %s %s%s. ', j,
                           (ARRAY['Aino', 'Bram', 'Cleo', 'Dag', 'Edda', 'Finn', 'Greta', 'Hugo'])[j],
                           initcap(translate(substr(md5(CASE WHEN j % 2 = 1 THEN i % 10 ELSE i END || '/' || j), 1, 7),
                                             '0123456789', 'aeiouyrstl')),
                           CASE WHEN j = 3 THEN ', the port manager' ELSE '' END),
                    '' ORDER BY j) AS body
    FROM generate_series(1, 20) i, generate_series(1, 8) j GROUP BY i;
INSERT INTO reg_bulk SELECT * FROM reg_loads WHERE id <= 10;
SELECT count(*) AS keys, sum(articles) AS articles FROM reg_bulk_names;
BEGIN;
INSERT INTO reg_bulk SELECT * FROM reg_loads WHERE id > 10;
SELECT mode, granted FROM pg_locks
 WHERE relation = 'reg_bulk_names'::regclass AND pid = pg_backend_pid() ORDER BY mode;
COMMIT;
BEGIN ISOLATION LEVEL REPEATABLE READ;
INSERT INTO reg_bulk_statement SELECT * FROM reg_loads WHERE id <= 10;
INSERT INTO reg_bulk_statement SELECT * FROM reg_loads WHERE id > 10;
COMMIT;
SELECT count(*) AS keys, sum(articles) AS articles, count(*) FILTER (WHERE articles = 2) AS named_twice,
       count(*) FILTER (WHERE roles <> '{}') AS with_a_role,
       (SELECT count(*) FROM (
          (SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_bulk_names
           EXCEPT SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_bulk_statement_names)
          UNION ALL
          (SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_bulk_statement_names
           EXCEPT SELECT key, surname, name, aliases, male, female, roles, affiliations, articles, quotes FROM reg_bulk_names)) d)
         AS differences
  FROM reg_bulk_names;
SELECT news_analysis.untrack('reg_bulk');
SELECT news_analysis.untrack('reg_bulk_statement');
DROP TABLE reg_bulk, reg_bulk_statement;

-- a key's name is the spelling of the key itself, else the longest, else
-- the first in the collation's order, whichever statements the spellings
-- came in: one order of two articles and the other give one name, written
-- by the registry's own writer and by its statement (REPEATABLE READ), as
-- a registry made again from all the speakers at once gives it
CREATE TABLE reg_one_order (id integer PRIMARY KEY, body text);
CREATE TABLE reg_other_order (id integer PRIMARY KEY, body text);
CREATE TABLE reg_by_statement (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('reg_one_order', 'body', 'id') IS NOT NULL AS tracked;
SELECT news_analysis.track('reg_other_order', 'body', 'id') IS NOT NULL AS tracked;
SELECT news_analysis.track('reg_by_statement', 'body', 'id') IS NOT NULL AS tracked;
INSERT INTO reg_one_order VALUES (1, '“The ferry timetable is final,” said Ewan Mcallister.');
INSERT INTO reg_one_order VALUES (2, '“The ferry timetable may change,” said Ewan McAllister.');
INSERT INTO reg_other_order VALUES (2, '“The ferry timetable may change,” said Ewan McAllister.');
INSERT INTO reg_other_order VALUES (1, '“The ferry timetable is final,” said Ewan Mcallister.');
BEGIN ISOLATION LEVEL REPEATABLE READ;
INSERT INTO reg_by_statement VALUES (1, '“The ferry timetable is final,” said Ewan Mcallister.');
INSERT INTO reg_by_statement VALUES (2, '“The ferry timetable may change,” said Ewan McAllister.');
COMMIT;
SELECT a.key, a.name AS one_order, b.name AS other_order, c.name AS by_statement, a.aliases, a.articles
  FROM reg_one_order_names a JOIN reg_other_order_names b USING (key) JOIN reg_by_statement_names c USING (key);
SELECT news_analysis.reanalyse('reg_one_order') AS reanalysed;
SELECT key, name FROM reg_one_order_names;
SELECT news_analysis.untrack('reg_one_order');
SELECT news_analysis.untrack('reg_other_order');
SELECT news_analysis.untrack('reg_by_statement');
DROP TABLE reg_one_order, reg_other_order, reg_by_statement;
