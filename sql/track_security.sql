--
-- Security of analyse on write: hostile identifiers are quoted, a hostile
-- search_path cannot redirect the trigger or the setup functions, the
-- derived tables belong to the table's owner and give others no access.
--

-- identifiers with quotes, spaces, semicolons and upper case
CREATE SCHEMA "we;ird ""sch";
CREATE TABLE "we;ird ""sch"."Art'icles; DROP TABLE x; --" (
  "the ""key""; --" bigint PRIMARY KEY,
  "bo""dy; text" text
);
INSERT INTO "we;ird ""sch"."Art'icles; DROP TABLE x; --"
  VALUES (1, '“We,” said Ms. Day.');
SELECT news_analysis.track('"we;ird ""sch"."Art''icles; DROP TABLE x; --"', 'bo"dy; text', 'the "key"; --');
SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'we;ird "sch' ORDER BY 1;
INSERT INTO "we;ird ""sch"."Art'icles; DROP TABLE x; --" VALUES (2, '“You,” he said.');
UPDATE "we;ird ""sch"."Art'icles; DROP TABLE x; --" SET "bo""dy; text" = '“Us,” Ms. Day said.' WHERE "the ""key""; --" = 1;
SELECT article_key, text FROM "we;ird ""sch"."Art'icles; DROP TABLE x; --_quotes" ORDER BY 1;
DELETE FROM "we;ird ""sch"."Art'icles; DROP TABLE x; --" WHERE "the ""key""; --" = 2;
SELECT article_key, text FROM "we;ird ""sch"."Art'icles; DROP TABLE x; --_quotes" ORDER BY 1;
SELECT count(*) FROM news_analysis.create_views('"we;ird ""sch"."Art''icles; DROP TABLE x; --"', NULL, NULL);
SELECT speaker, quotes FROM "we;ird ""sch"."Art'icles; DROP TABLE x; --_top_speakers";
SELECT news_analysis.untrack('"we;ird ""sch"."Art''icles; DROP TABLE x; --"');
SELECT count(*) AS left_over FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'we;ird "sch';
DROP SCHEMA "we;ird ""sch" CASCADE;

-- a hostile search_path: look-alike tables, functions and operators that
-- would shout if anything resolved to them
CREATE TABLE articles (id integer PRIMARY KEY, published date, outlet text, body text);
SELECT news_analysis.track('articles', 'body', 'id');
CREATE SCHEMA evil;
CREATE TABLE evil.articles_quotes (LIKE articles_quotes);
CREATE FUNCTION evil.shout(integer, integer) RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'evil operator called'; END$$;
CREATE OPERATOR evil.= (LEFTARG = integer, RIGHTARG = integer, FUNCTION = evil.shout);
CREATE FUNCTION evil.format(text, VARIADIC text[]) RETURNS text LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'evil format called'; END$$;
CREATE FUNCTION evil.count(anyelement) RETURNS bigint LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'evil count called'; END$$;
CREATE FUNCTION evil.shout8(bigint, bigint) RETURNS bigint LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'evil bigint operator called'; END$$;
CREATE FUNCTION evil.shout8b(bigint, bigint) RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'evil bigint comparison called'; END$$;
CREATE OPERATOR evil.+ (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.shout8);
CREATE OPERATOR evil.< (LEFTARG = bigint, RIGHTARG = bigint, FUNCTION = evil.shout8b);
SET search_path = evil, public, pg_catalog;
INSERT INTO articles VALUES (1, '2026-01-05', 'Post', '“Safe,” said Ann Cole.');
-- (the tests' own comparisons name pg_catalog's operator)
UPDATE articles SET body = '“Still safe,” said Ann Cole.' WHERE id OPERATOR(pg_catalog.=) 1;
INSERT INTO articles VALUES (2, '2026-01-06', 'Post', '“Gone soon,” said Ann Cole.');
DELETE FROM articles WHERE id OPERATOR(pg_catalog.=) 2;
SELECT count(*) FROM evil.articles_quotes;
SELECT article_key, text FROM public.articles_quotes ORDER BY 1;
SELECT news_analysis.analyse_existing('public.articles');
-- the procedure cannot fix its search_path: it names pg_catalog's operators
CALL news_analysis.backfill('public.articles');
SELECT count(*) FROM news_analysis.create_views('public.articles');
SELECT speaker, quotes FROM public.articles_top_speakers;
SELECT speaker, quotes FROM news_analysis.quoted_on('public.articles', 'safe');
SELECT news_analysis.set_strict('public.articles', true);
TRUNCATE public.articles;
SELECT count(*) FROM public.articles_quotes;
SELECT news_analysis.untrack('public.articles');
SELECT news_analysis.track('public.articles', 'body', 'id');
RESET search_path;
DROP SCHEMA evil CASCADE;

-- the derived tables belong to the table's owner, and a role without rights
-- on the table cannot read its quotes through us
CREATE ROLE regress_na_owner;
CREATE ROLE regress_na_other;
GRANT CREATE, USAGE ON SCHEMA public TO regress_na_owner;
CREATE TABLE owned (id integer PRIMARY KEY, body text);
ALTER TABLE owned OWNER TO regress_na_owner;
INSERT INTO owned VALUES (1, '“Private,” said Rosa Lind.');
SET news_analysis.fail_on = 'POISON';
INSERT INTO owned VALUES (2, 'POISON');
RESET news_analysis.fail_on;
-- a superuser tracks it: the derived tables still belong to its owner
SELECT news_analysis.track('owned', 'body', 'id');
SELECT c.relname, pg_get_userbyid(c.relowner) AS owner, c.relacl
  FROM pg_class c WHERE c.relname LIKE 'owned\_%' ORDER BY 1;
SET news_analysis.fail_on = 'POISON';
UPDATE owned SET body = 'POISON again' WHERE id = 2;
RESET news_analysis.fail_on;
SET ROLE regress_na_other;
SELECT * FROM owned_quotes;
SELECT * FROM owned_speakers;
SELECT * FROM news_analysis.quoted_on('owned', 'private');
SELECT count(*) AS visible_failures FROM news_analysis.failures;
SELECT count(*) AS visible_registry FROM news_analysis.tracked WHERE source = 'owned'::regclass;
SELECT news_analysis.untrack('owned');
SELECT news_analysis.set_strict('owned', true);
SELECT news_analysis.reanalyse('owned');
SELECT news_analysis.analyse_existing('owned');
DELETE FROM news_analysis.failures;
DELETE FROM news_analysis.tracked;
INSERT INTO news_analysis.failures (source, source_table, article_key, sqlstate, message)
  VALUES ('owned', 'owned', '1', '00000', 'forged');
RESET ROLE;
SELECT count(*) AS failures, count(*) FILTER (WHERE message = 'forged') AS forged
  FROM news_analysis.failures;
-- with read access to the table a role reads its registry row and failures
GRANT SELECT ON owned TO regress_na_other;
SET ROLE regress_na_other;
SELECT count(*) AS visible_failures FROM news_analysis.failures;
SELECT * FROM owned_quotes;
RESET ROLE;
-- writing the table needs the same rights on the derived tables: without
-- them the row is refused (the owner grants them like those on the table)
GRANT INSERT ON owned TO regress_na_other;
SET ROLE regress_na_other;
\set VERBOSITY terse
INSERT INTO owned VALUES (3, '“Refused,” said Rosa Lind.');
\set VERBOSITY default
RESET ROLE;
GRANT INSERT, DELETE ON owned_quotes, owned_speakers, owned_vote_events TO regress_na_other;
-- and on the people registry the speakers table's triggers keep
GRANT SELECT, INSERT, UPDATE, DELETE ON owned_names TO regress_na_other;
SET ROLE regress_na_other;
INSERT INTO owned VALUES (3, '“Accepted,” said Rosa Lind.');
-- a writer who is not the owner records failures too
SET news_analysis.fail_on = 'POISON';
INSERT INTO owned VALUES (4, 'POISON by another hand');
RESET news_analysis.fail_on;
RESET ROLE;
SELECT article_key, text FROM owned_quotes ORDER BY 1;
SELECT article_key, failed_by = 'regress_na_other' AS by_other FROM news_analysis.failures WHERE source = 'owned'::regclass ORDER BY id;
-- the owner does everything without superuser rights
SET ROLE regress_na_owner;
SELECT article_key, text FROM owned_quotes ORDER BY 1;
SELECT news_analysis.set_strict('owned', true);
SELECT news_analysis.untrack('owned');
SELECT news_analysis.track('owned', 'body', 'id');
SELECT count(*) FROM news_analysis.create_views('owned', NULL, NULL);
SELECT article_key, quotes FROM owned_quotes_per_article ORDER BY 1;
SELECT news_analysis.untrack('owned');
RESET ROLE;
DROP TABLE owned;
REVOKE CREATE, USAGE ON SCHEMA public FROM regress_na_owner;
DROP ROLE regress_na_owner;
DROP ROLE regress_na_other;
SELECT news_analysis.untrack('articles');
DROP TABLE articles;
