--
-- The Citus helpers of analysis on write (src/sql/45_citus.sql, src/citus.c)
-- where Citus is absent: every table is "not Citus", and the per-row
-- analysis the workers of a Citus cluster run works on a plain table too.
CREATE TABLE wire (id integer PRIMARY KEY, body text);
INSERT INTO wire VALUES (1, '"We are ready," the minister said.'),
                        (2, 'The Senate voted 52 to 48 to pass the bill.'),
                        (3, 'Nothing quoted here.');
SELECT news_analysis.track('wire', 'body', 'id');
SELECT news_analysis.citus_method('wire') IS NULL AS not_citus,
       news_analysis.citus_check_source('wire', 'id') AS distributed,
       news_analysis.citus_failure_keys('wire') AS worker_failure_keys,
       news_analysis.citus_failure_count('wire') AS worker_failures;
-- the triggers keep their names: only Citus appends a shard id
SELECT tgname FROM pg_trigger WHERE tgrelid = 'wire'::regclass ORDER BY 1;
-- analyse_shard_row: the row of one key analysed again, its derived rows replaced once
DELETE FROM wire_quotes;
SELECT news_analysis.analyse_shard_row('wire', 1), news_analysis.analyse_shard_row('wire', 99);
SELECT article_key, speaker, text FROM wire_quotes ORDER BY 1, 2;
SELECT news_analysis.analyse_shard_row('wire', 1);
SELECT count(*) AS quotes_of_1 FROM wire_quotes WHERE article_key = 1;
-- its failure is recorded, and replaced when it is analysed again
SET news_analysis.fail_on = 'minister';
SELECT news_analysis.analyse_shard_row('wire', 1);
SELECT article_key, sqlstate FROM news_analysis.cluster_failures('wire');
RESET news_analysis.fail_on;
SELECT news_analysis.analyse_shard_row('wire', 1);
SELECT count(*) AS failures FROM news_analysis.cluster_failures('wire');
-- the key's type must be the key column's
SELECT news_analysis.analyse_shard_row('wire', 'x'::text);
-- a map of colocated shards names shards: none here
SELECT news_analysis.analyse_shard_row('wire', 1, '{{1,a,b,c}}');
-- backfill walks the blocks of a plain table as before
CALL news_analysis.backfill('wire');
SELECT news_analysis.untrack('wire');
DROP TABLE wire;
