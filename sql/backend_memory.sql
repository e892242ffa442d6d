-- The memory a backend keeps for the analysis (src/pg/arena_pg.c): one
-- block reused from document to document, grown for a long document up to
-- 8 MB inside its transaction, and cut back when the transaction ends, so
-- that an idle connection keeps about 1 MB at most.
CREATE TEMP TABLE top_at_start AS
SELECT total_bytes FROM pg_backend_memory_contexts WHERE name = 'TopMemoryContext';
CREATE TEMP TABLE long_text AS
SELECT repeat('The minister said: "We will not give up." Officials said the plan was late. ', 20000) AS body;
-- a long document, then another in one transaction: the block grows
SELECT count(*) FROM long_text, news_analysis.quotes(body);
BEGIN;
SELECT count(*) FROM long_text, news_analysis.quotes(body);
SELECT t.total_bytes - s.total_bytes > 4 * 1024 * 1024 AS grown_in_transaction
FROM pg_backend_memory_contexts t, top_at_start s WHERE t.name = 'TopMemoryContext';
COMMIT;
-- after the transaction, and after a short document in the next one
SELECT t.total_bytes - s.total_bytes < 2 * 1024 * 1024 AS cut_back
FROM pg_backend_memory_contexts t, top_at_start s WHERE t.name = 'TopMemoryContext';
SELECT count(*) FROM news_analysis.quotes('He said: "Yes." She agreed.');
SELECT t.total_bytes - s.total_bytes < 2 * 1024 * 1024 AS kept_small
FROM pg_backend_memory_contexts t, top_at_start s WHERE t.name = 'TopMemoryContext';
-- a long document's rows do not depend on where the memory came from:
-- read from the table and built in memory, the same
SELECT (SELECT md5(string_agg(q::text, ',' ORDER BY q.ordinal)) FROM long_text, news_analysis.quotes(body) q) =
       (SELECT md5(string_agg(q::text, ',' ORDER BY q.ordinal)) FROM (SELECT body || '' AS body FROM long_text) l, news_analysis.quotes(l.body) q) AS same_rows;
