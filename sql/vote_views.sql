-- create_vote_view() / refresh_vote_view(): a materialized view of the vote
-- events of a user's table, safe with hostile names, refreshable concurrently.
\pset null '∅'
SET client_min_messages = warning;

CREATE SCHEMA "news room";
CREATE TABLE "news room"."Articles; DROP TABLE x --" (
  "article id" bigint PRIMARY KEY,
  "Body Text"  text NOT NULL,
  published    date
);
INSERT INTO "news room"."Articles; DROP TABLE x --" VALUES
  (1, 'The Kremlin vetoed a resolution drafted by France. China abstained.', '2024-03-01'),
  (2, 'The Senate voted 52 to 48 to confirm the nominee.', '2024-03-02'),
  (3, 'Arsenal won 3-1 against Everton on Saturday.', '2024-03-03');

SELECT news_analysis.create_vote_view('"news room"."Votes ""of"" articles"',
                                      '"news room"."Articles; DROP TABLE x --"',
                                      'article id', 'Body Text');

SELECT "article id", ordinal, event, actor, action, body, votes_for, votes_against, evidence
FROM "news room"."Votes ""of"" articles"
ORDER BY 1, 2;

-- the unique index that REFRESH ... CONCURRENTLY needs
SELECT indexrelid::regclass AS index, indisunique,
       pg_get_indexdef(indexrelid) AS definition
FROM pg_index WHERE indrelid = '"news room"."Votes ""of"" articles"'::regclass;

-- new and changed articles appear after a concurrent refresh
INSERT INTO "news room"."Articles; DROP TABLE x --" VALUES
  (4, 'Beijing blocked the Security Council statement on Friday.', '2024-03-04');
UPDATE "news room"."Articles; DROP TABLE x --"
   SET "Body Text" = 'The House passed the bill 230-201.' WHERE "article id" = 2;
SELECT news_analysis.refresh_vote_view('"news room"."Votes ""of"" articles"');
SELECT "article id", ordinal, actor, action, body, votes_for, votes_against
FROM "news room"."Votes ""of"" articles"
ORDER BY 1, 2;

-- a plain (blocking) refresh, and a view created without data
SELECT news_analysis.refresh_vote_view('"news room"."Votes ""of"" articles"', concurrently => false);
SELECT count(*) FROM "news room"."Votes ""of"" articles";
SELECT news_analysis.create_vote_view('"news room".empty_votes',
                                      '"news room"."Articles; DROP TABLE x --"',
                                      'article id', 'Body Text', with_data => false);
SELECT news_analysis.refresh_vote_view('"news room".empty_votes');
SELECT count(*) FROM "news room".empty_votes;

-- the view's comment says what it is and how to refresh it
SELECT obj_description('"news room"."Votes ""of"" articles"'::regclass, 'pg_class');

-- a key column with the name the view uses inside its query
CREATE TABLE odd (na_vote int PRIMARY KEY, story varchar(200));
INSERT INTO odd VALUES (7, 'Russia vetoed the resolution.');
SELECT news_analysis.create_vote_view('odd_votes', 'odd', 'na_vote', 'story');
SELECT na_vote, ordinal, actor, action FROM odd_votes;
DROP MATERIALIZED VIEW odd_votes;
DROP TABLE odd;

-- errors: a name that is not one, missing columns, a key named like a vote
-- column, a non-text column, a table that is not a view
\set SHOW_CONTEXT never
SELECT news_analysis.create_vote_view('a.b.c.d', '"news room"."Articles; DROP TABLE x --"', 'article id', 'Body Text');
SELECT news_analysis.create_vote_view('v2', '"news room"."Articles; DROP TABLE x --"', 'id', 'Body Text');
SELECT news_analysis.create_vote_view('v2', '"news room"."Articles; DROP TABLE x --"', 'article id', 'body');
SELECT news_analysis.create_vote_view('v2', '"news room"."Articles; DROP TABLE x --"', 'article id', 'published');
CREATE TABLE keyed (ordinal int PRIMARY KEY, body text);
SELECT news_analysis.create_vote_view('v2', 'keyed', 'ordinal', 'body');
SELECT news_analysis.refresh_vote_view('"news room"."Articles; DROP TABLE x --"');
SELECT news_analysis.create_vote_view(NULL, 'keyed', 'ordinal', 'body');

-- a key that is not unique: a warning now, an error when a key repeats
CREATE TABLE loose (k int, body text);
INSERT INTO loose VALUES (1, 'China abstained on the resolution.'), (1, 'Russia vetoed the resolution.');
SET client_min_messages = notice;
SELECT news_analysis.create_vote_view('loose_votes', 'loose', 'k', 'body');
RESET client_min_messages;
\set SHOW_CONTEXT errors

-- the hostile table name was only ever an identifier
SELECT count(*) FROM "news room"."Articles; DROP TABLE x --";

DROP TABLE keyed, loose;
DROP SCHEMA "news room" CASCADE;
