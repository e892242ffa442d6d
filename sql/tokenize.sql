-- tokenize(): kinds and offsets on a short news sentence
SELECT ordinal, sentence, paragraph, kind, token, start, length
FROM news_analysis.tokenize('Mr. Putin’s aides said “yes.” It passed 52-48 in the U.S. Senate.');

-- offsets are characters: substr() returns every token exactly
SELECT count(*) AS tokens,
       count(*) FILTER (WHERE substr(t.body, tok.start, tok.length) <> tok.token) AS mismatches
FROM (VALUES ('François Delattre, “We’re exactly on the same page. ” 東京 😀 done.')) AS t(body),
     news_analysis.tokenize(t.body) AS tok;

-- NULL and empty input
SELECT count(*) FROM news_analysis.tokenize(NULL);
SELECT count(*) FROM news_analysis.tokenize('');
