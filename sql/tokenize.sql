-- tokenize(): kinds and offsets on a short news sentence
SELECT ordinal, sentence, paragraph, kind, token, start, length
FROM news_analysis.tokenize('Mr. Putin’s aides said “yes.” It passed 52-48 in the U.S. Senate.');

-- offsets are characters: substr() returns every token exactly
SELECT count(*) AS tokens,
       count(*) FILTER (WHERE substr(t.body, tok.start, tok.length) <> tok.token) AS mismatches
FROM (VALUES ('François Lemaire, “We’re wholly of the same mind. ” 東京 😀 done.')) AS t(body),
     news_analysis.tokenize(t.body) AS tok;

-- NULL and empty input
SELECT count(*) FROM news_analysis.tokenize(NULL);
SELECT count(*) FROM news_analysis.tokenize('');

-- quotes, apostrophes, dashes and ellipses: curly and straight
SELECT ordinal, kind, token, start, length
FROM news_analysis.tokenize(E'The Kremlin’s envoy isn''t sure — rock ’n’ roll… "Fine," he said; ''no'' -- the Russians’ plan... 2014–15');

-- abbreviations and initials: titles, months, dotted, hyphenated titles
SELECT ordinal, kind, token
FROM news_analysis.tokenize('Mr. Ms. Mrs. Dr. Sen. Rep. Gov. Gen. Lt. St. Jan. Feb. Sept. U.S. U.N. U.K. E.U. a.m. p.m. Nikki R. Haley, W. M. D. s, then-Sen. Obama, No. 10');

-- numbers, money, percentages, ranges and tallies are single tokens
SELECT ordinal, kind, token, start, length
FROM news_analysis.tokenize('1,272 votes, 3.5% growth, $2.5 billion, £300m, €5, 52-48, 13-0-2, the 1980s, 21st, 10:30, 12 percent, 1.5m people, a 20-year-old, 5G');

-- urls, e-mail addresses, handles, hashtags, symbols and emoji
SELECT ordinal, kind, token, start, length
FROM news_analysis.tokenize('See https://example.org/a_(b)?x=1, www.example.com. Mail press@example.org or @NewsDesk #Brexit & AT&T 👍🏽 👨‍👩‍👧 ±');

-- any script: offsets count characters, tokens never split a character
SELECT ordinal, kind, token, start, length
FROM news_analysis.tokenize('François and António met Путин in 東京, said مرحبا café́ 😀!');

SELECT count(*) AS tokens,
       count(*) FILTER (WHERE substr(t.body, tok.start, tok.length) <> tok.token) AS mismatches,
       max(tok.start + tok.length - 1) = length(t.body) AS reaches_end
FROM (VALUES ('Ελληνικά, עברית, हिन्दी, ไทยภาษา, 한국어 and 😀👍🏽 “quoted” ‘single’ «angle» 「corner」 x')) AS t(body),
     news_analysis.tokenize(t.body) AS tok
GROUP BY t.body;

-- paragraphs: blank lines and single newlines
SELECT ordinal, sentence, paragraph, token
FROM news_analysis.tokenize(E'Headline without a stop\n\nFirst paragraph.\nSecond one\r\nThird.');

-- a very long token is one token, with exact offsets
SELECT kind, length, start FROM news_analysis.tokenize('x ' || repeat('a', 5000) || ' y');
