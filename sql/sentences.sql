-- sentences(): titles, initials and months do not end a sentence; "U.S. The" does
SELECT ordinal, paragraph, start, length, text
FROM news_analysis.sentences('Ms. Haley met Vladimir V. Putin on Jan. 24 in the U.S. The next day she left. “It is a sad day,” she said. “We are done. ” Then
a new paragraph starts here.');

-- abbreviations that do not end a sentence ("v." of a case name too), and ends that follow them
SELECT ordinal, text
FROM news_analysis.sentences('He spoke at No. 10 Downing Street. The team from St. Louis won. Gen. Mattis agreed. The attacks of Sept. 11 changed it. The vote is at 10 a.m. Monday in the Senate. It ended at 9 p.m. The next day was calm. Then-Sen. Obama met then-Sen. Clinton. He lives in the U.S. He left. He works for Apple Inc. The firm grew. The justices cited Miranda v. Arizona in the ruling. It stood.');

-- quotes: ?” and !” end sentences, a quotation may span sentences
SELECT ordinal, text
FROM news_analysis.sentences('“Why now?” she asked. “Stop!” he shouted. “Is it over?” Yes. “We came. We saw. We left,” he said. He said it was "wrong." The rest followed.');

-- doubled apostrophes as double quotation marks, with a single quote inside
SELECT ordinal, text
FROM news_analysis.sentences($$''We will win.'' Then he left. ''Yell 'China bad.''' But he did not. '''Why?' he asked,'' she said. Joseph R. Biden Jr.'s decision came.$$);

-- headlines without a final stop, then a blank line; single newlines
SELECT ordinal, paragraph, start, length, text
FROM news_analysis.sentences(E'Trump Wins Nevada Caucuses\n\nBy Jane Doe\nWASHINGTON (AP) — Results came in late. Turnout was low.\n\n\nMore soon');

-- a dotted place name after a comma, and a space lost after a full stop
SELECT ordinal, text
FROM news_analysis.sentences('A rally in Fayetteville, N.C. Protesters came. In Washington, D.C., they met. He gave to the tsunami appeal.Steve will run. He uses ASP.NET daily.');

-- offsets count characters in any script
SELECT s.ordinal, s.text, substr(t.body, s.start, s.length) = s.text AS exact
FROM (VALUES ('Путин сказал «нет». 東京で会った。 François a dit « oui ». 😀 Done.')) AS t(body),
     news_analysis.sentences(t.body) AS s;

-- NULL, empty and blank input
SELECT count(*) FROM news_analysis.sentences(NULL);
SELECT count(*) FROM news_analysis.sentences(E'  \n\n ');
