-- Every way SQL calls a set-returning function of the extension gets the
-- same rows: the result's descriptor is the executor's expected one where it
-- gives one (a function scan's, a target list's), else looked up.

-- in the target list: one composite value a row, and a field of it
SELECT news_analysis.tokenize('Mr. Smith left.');
SELECT (news_analysis.sentences('Mr. Smith left. He came back.')).text;

-- ROWS FROM two functions, with ordinality
SELECT * FROM ROWS FROM (news_analysis.tokenize('Mr. Smith left.'),
                         news_analysis.sentences('Mr. Smith left. He came back.'))
  WITH ORDINALITY AS r;

-- column aliases
SELECT q.n, q.quoted FROM news_analysis.quotes('“Yes,” said Ann.') AS q(n, quoted);

-- through PL/pgSQL's RETURN QUERY
CREATE FUNCTION srf_modes_tokens(t text) RETURNS SETOF news_analysis.token
  LANGUAGE plpgsql AS $$ BEGIN RETURN QUERY SELECT * FROM news_analysis.tokenize(t); END $$;
SELECT ordinal, kind, token FROM srf_modes_tokens('“Yes,” said Ann.');
DROP FUNCTION srf_modes_tokens(text);

-- rows without a null (no null bitmap) and with long texts (4-byte headers)
SELECT ordinal, length(text) AS text_length, start, length
FROM news_analysis.sentences(repeat('word ', 40) || 'end. More more more end.');
