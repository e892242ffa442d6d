-- Real-world layouts (issue 15): hard-wrapped wire copy, CRLF, verse and
-- lists, HTML character references, the NYT's ABSTRACT / FULL TEXT labels.
-- Every text here is written for this test.

-- A wire story hard-wrapped at 66 columns with a dateline: a line break
-- inside a paragraph is a space, a blank line ends a paragraph.
CREATE TEMP TABLE wire AS SELECT E'BRUSSELS, March 3 - Farm ministers from the bloc agreed on Tuesday\nto cap the price of fertiliser for two more years, after a night\nof talks that nearly collapsed over subsidies for dairy farmers.\n\n"We have bought our farmers time, and time is what they asked for,\nand we will not let them down again," said Marta Lindqvist, the\nSwedish minister, who chaired the meeting. She added that the cap\nwould be reviewed every six months.\n\nAcross the Atlantic, lawmakers were no less busy. The Senate voted\n61 to 38 to extend the farm credit program for a year, sending the\nbill to the House.'::text AS body;

SELECT ordinal, paragraph, start, length, replace(text, E'\n', '/') AS text
FROM wire, news_analysis.sentences(body);

-- the quote runs over two lines and is one quote, with its speaker
SELECT replace(text, E'\n', '/') AS text, paragraph, kind, speaker, cue, attribution
FROM wire, news_analysis.quotes(body);

-- "The Senate voted\n61 to 38 to extend ...": a tally across a line break
SELECT actor, action, votes_for, votes_against, replace(evidence, E'\n', '/') AS evidence
FROM wire, news_analysis.vote_events(body);

-- tokenize numbers paragraphs the same way
SELECT paragraph, count(*) AS tokens, min(start) AS first_start
FROM wire, news_analysis.tokenize(body) GROUP BY paragraph ORDER BY paragraph;

-- offsets count every character: substr gives back each sentence
SELECT bool_and(substr(body, s.start, s.length) = s.text) AS substr_exact
FROM wire, news_analysis.sentences(body) s;

-- The same story with CRLF line ends: the same sentences, quotes and votes,
-- offsets counting the CR characters too.
CREATE TEMP TABLE wire_crlf AS SELECT replace(body, E'\n', E'\r\n') AS body FROM wire;

SELECT ordinal, paragraph, start, length
FROM wire_crlf, news_analysis.sentences(body);

SELECT (SELECT count(*) FROM wire_crlf, news_analysis.sentences(body)) AS sentences,
       (SELECT string_agg(speaker || ':' || kind, ', ') FROM wire_crlf, news_analysis.quotes(body)) AS quotes,
       (SELECT string_agg(actor || ' ' || votes_for || '-' || votes_against, ', ')
        FROM wire_crlf, news_analysis.vote_events(body)) AS votes,
       (SELECT bool_and(substr(body, s.start, s.length) = s.text)
        FROM wire_crlf, news_analysis.sentences(body) s) AS substr_exact;

-- A quotation's lead-in in wrapped CRLF text: the attribution after the
-- closing mark (", Ms\r\nKarlstrom continued") is as near as with LF, so the
-- mixed attribution "the new hull design "..."" is found with either line end.
CREATE TEMP TABLE yard AS SELECT E'The shipyard on the north quay will build four ferries for the\nisland routes, the first of them due in the spring of next\nyear. But the new hull design "is the future of this yard", Ms\nKarlstrom continued, adding that more work could follow within\na year. The yard employs three hundred people and hopes to\nhire forty more welders and fitters before the first keel is\nlaid in May.'::text AS lf;
SELECT q.kind, replace(replace(q.text, E'\r', ''), E'\n', '/') AS text, q.speaker, q.cue
FROM yard, news_analysis.quotes(replace(lf, E'\n', E'\r\n')) q;
SELECT count(*) AS rows_differing FROM (
  (SELECT kind, replace(text, E'\r', ''), speaker, cue FROM yard, news_analysis.quotes(lf)
   EXCEPT SELECT kind, replace(text, E'\r', ''), speaker, cue FROM yard, news_analysis.quotes(replace(lf, E'\n', E'\r\n')))
  UNION ALL
  (SELECT kind, replace(text, E'\r', ''), speaker, cue FROM yard, news_analysis.quotes(replace(lf, E'\n', E'\r\n'))
   EXCEPT SELECT kind, replace(text, E'\r', ''), speaker, cue FROM yard, news_analysis.quotes(lf))) d;

-- Old Mac line ends (CR alone) are line breaks too.
SELECT ordinal, paragraph, replace(text, E'\r', '/') AS text
FROM news_analysis.sentences(replace((SELECT body FROM wire), E'\n', E'\r'))
WHERE paragraph = 3;

-- Verse keeps its line breaks: short lines of uneven length, not a wrap.
SELECT ordinal, paragraph, text FROM news_analysis.sentences(
E'the harbour lights go out at four\nand gulls come in to find\nthe nets we mended yesterday\nstill tangled, left behind');

-- A list keeps its items, and so does a one-sentence-a-line text.
SELECT ordinal, paragraph, text FROM news_analysis.sentences(
E'The council approved three measures:\n- a new bus lane on Quay Street\n- longer library hours\n- a ban on idling engines near schools');

SELECT ordinal, paragraph, text FROM news_analysis.sentences(
E'Turnout was the highest in twenty years.\nThe mayor conceded before midnight.\nHer rival thanked the volunteers.');

-- HTML character references are read as the characters they stand for;
-- offsets still point into the text as written.
CREATE TEMP TABLE html AS SELECT
  'The ministry&#8217;s spokesman, Tomas Berg, said: &#8220;The talks are over.&#8221; Farmers &amp; fishers were not consulted,&nbsp;he added. &quot;Nothing is settled,&quot; said Ana Ruiz.'::text AS body;

SELECT text, kind, speaker, cue, start, length FROM html, news_analysis.quotes(body);
SELECT bool_and(substr(body, q.start, q.length) = q.text) AS substr_exact
FROM html, news_analysis.quotes(body) q;
SELECT token, kind FROM html, news_analysis.tokenize(body) WHERE token LIKE '%&%';

-- A soft hyphen (U+00AD) inside a word is nothing; a no-break space is a space.
SELECT token, kind, start, length FROM news_analysis.tokenize(
  U&'The com\00ADmittee met on 3\00A0May.');

-- The NYT layout of PolNeAR: headline, ABSTRACT., summary, FULL TEXT., body.
-- The labels are sentences of their own and glue onto nothing.
SELECT ordinal, paragraph, text FROM news_analysis.sentences(
E'Port strike ends after nine days; \nDockers accept a pay offer that unions had rejected twice.\n\nABSTRACT.\n\nThe strike that closed the port for nine days ended on Friday.\n\nFULL TEXT.\n\nDockers voted to accept the offer on Friday. \x27\x27It was the best we could get,\x27\x27 said Ruth Mbeki, a union steward.');

SELECT text, speaker, attribution FROM news_analysis.quotes(
E'Port strike ends after nine days; \nDockers accept a pay offer that unions had rejected twice.\n\nABSTRACT.\n\nThe strike that closed the port for nine days ended on Friday.\n\nFULL TEXT.\n\nDockers voted to accept the offer on Friday. \u201CIt was the best we could get,\u201D said Ruth Mbeki, a union steward.');

-- The text search parser reads the same layout: a wrapped name is one phrase.
SELECT to_tsvector('news_analysis.english_news', E'said Marta\nLindqvist') @@
       phraseto_tsquery('news_analysis.english_news', 'Marta Lindqvist') AS phrase_across_line;

-- A byline and a dateline: the byline's author is no antecedent for "she";
-- the dateline opens the lead sentence's text (as hand-annotated news counts
-- sentences) but no analyser reads it: no subject, and its "May" is no modal
-- verb (read as one, the vote turned hypothetical and lost its tally).
SELECT ordinal, paragraph, text FROM news_analysis.sentences(
E'Ferry service resumes\n\nBy Clara Quist\n\nLISBON (Reuters) - Ferries crossed the river again on Monday. "We are back," she said.');
SELECT text, speaker, speaker_mention, attribution FROM news_analysis.quotes(
E'Ferry service resumes\n\nBy Clara Quist\n\nLISBON (Reuters) - Ferries crossed the river again on Monday. "We are back," she said.');
SELECT ordinal, text FROM news_analysis.sentences(
E'WASHINGTON, May 2 \u2014 The Senate voted 61 to 38 to approve the budget.');
SELECT actor, action, outcome, votes_for, votes_against, modality FROM news_analysis.vote_events(
E'WASHINGTON, May 2 \u2014 The Senate voted 61 to 38 to approve the budget.');

-- Web text a paragraph a line, hard-wrapped at 64 columns with no blank
-- lines: a kicker ("EXCLUSIVE:") opens the lead sentence but is no part of
-- the report; a name wrapped over two lines ("Henrike\nVollmer") is one
-- name, given on one line; a paragraph whose last line is full ends at its
-- "&nbsp;" (U+00A0); a dash after a line break is a dash, and the report of
-- speech ends at it as it does unwrapped.
CREATE TEMP TABLE web AS SELECT E'EXCLUSIVE: The harbour authority will sell two of its three\nferries to a private operator before the summer, according to\na letter seen by this newspaper. The sale was approved by the\nboard on Thursday, said its chair, the economist Henrike\nVollmer, who called it the only way to keep the crossings open.\n"We looked at every other option and none of them paid for the\nfuel," Ms Vollmer said at the terminal, where the ferries were\ntied up for the night. Unions criticised the plan, which cuts\ncrew jobs, and the city council will vote on it next Tuesday.\u00A0\nThe council voted 31 to 12 last year to keep the ferries public\n- a vote the new plan would undo - and its leader said on Friday\nthat she expected the same majority to stand by that decision.'::text AS body;
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM web, news_analysis.sentences(body);
SELECT replace(text, E'\n', '/') AS text, kind, speaker, replace(speaker_mention, E'\n', '/') AS mention
FROM web, news_analysis.quotes(body);
SELECT name, aliases, gender, mentions, quotes FROM web, news_analysis.speakers(body);
SELECT actor, action, votes_for, votes_against FROM web, news_analysis.vote_events(body);
-- the same rows as the text unwrapped (a space for each soft line break)
CREATE TEMP TABLE web_flat AS
SELECT regexp_replace(body, E'\n(?!The council)', ' ', 'g') AS body FROM web;
SELECT (SELECT count(*) FROM (SELECT ordinal, paragraph, start, length FROM web, news_analysis.sentences(body)
        EXCEPT SELECT ordinal, paragraph, start, length FROM web_flat, news_analysis.sentences(body)) d) AS sentences_differing,
       (SELECT count(*) FROM (SELECT start, length, kind, speaker, cue FROM web, news_analysis.quotes(body)
        EXCEPT SELECT start, length, kind, speaker, cue FROM web_flat, news_analysis.quotes(body)) d) AS quotes_differing,
       (SELECT count(*) FROM (SELECT name, aliases, mentions FROM web, news_analysis.speakers(body)
        EXCEPT SELECT name, aliases, mentions FROM web_flat, news_analysis.speakers(body)) d) AS speakers_differing;

-- Paragraphs on lines of their own, no blank line between them, wrapped at
-- 64 columns: where a paragraph's last line happens to be full, the wrap
-- alone cannot tell its end from running text, the text's habits can.  In a
-- text whose paragraphs end at single line breaks, a paragraph ends after a
-- quotation closing a sentence ("out loud.”") and after an attribution
-- ("Tom Brill said."); a quotation signed with a dash ("― Maren Holt") ends
-- before the next quotation; a headline's trailing "; " ends it; but a line
-- opening with the attribution of the quotation before it ("Brill said.")
-- goes on with it.  Every row is the one of the text unwrapped.
CREATE TEMP TABLE pier AS SELECT E'Board shuts Kestrel Point ferry pier after ninety-four years; \nThe harbour board voted on Thursday to close the old ferry pier\nat Kestrel Point, ending a service that ran for more than ninety\nyears.\n\u201CWe could not keep patching a pier the sea is slowly taking\nback, and nobody wanted to be the one to say it out loud.\u201D\nMembers said repairs would have cost twice the board''s yearly\nbudget.\nFares on the two remaining routes will rise by four percent in\nApril to pay for a new landing stage, the chair Tom Brill said.\nVillagers gathered at the pier on Friday evening to mark its\nlast crossing.\n\u201CThe pier was the heart of this village for as long as anyone\ncan remember, long before anyone built the road.\u201D \u2015 Maren Holt\n\u201CMy father fished from it every day.\u201D \u2015 Dan Ruiz\n\u201CWho would have thought we would see this happen on our bay?\u201D\nBrill said. \u201CIt is a loss for every family here.\u201D\nThe board will meet again in May to decide what becomes of the\nland.'::text AS body;
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM pier, news_analysis.sentences(body);
SELECT paragraph, replace(text, E'\n', '/') AS text, kind, speaker, cue, attribution
FROM pier, news_analysis.quotes(body);
CREATE TEMP TABLE pier_flat AS SELECT E'Board shuts Kestrel Point ferry pier after ninety-four years; \nThe harbour board voted on Thursday to close the old ferry pier at Kestrel Point, ending a service that ran for more than ninety years.\n\u201CWe could not keep patching a pier the sea is slowly taking back, and nobody wanted to be the one to say it out loud.\u201D\nMembers said repairs would have cost twice the board''s yearly budget.\nFares on the two remaining routes will rise by four percent in April to pay for a new landing stage, the chair Tom Brill said.\nVillagers gathered at the pier on Friday evening to mark its last crossing.\n\u201CThe pier was the heart of this village for as long as anyone can remember, long before anyone built the road.\u201D \u2015 Maren Holt\n\u201CMy father fished from it every day.\u201D \u2015 Dan Ruiz\n\u201CWho would have thought we would see this happen on our bay?\u201D Brill said. \u201CIt is a loss for every family here.\u201D\nThe board will meet again in May to decide what becomes of the land.'::text AS body;
SELECT (SELECT count(*) FROM (SELECT ordinal, paragraph, start, length FROM pier, news_analysis.sentences(body)
        EXCEPT SELECT ordinal, paragraph, start, length FROM pier_flat, news_analysis.sentences(body)) d) AS sentences_differing,
       (SELECT count(*) FROM (SELECT start, length, paragraph, kind, speaker, cue FROM pier, news_analysis.quotes(body)
        EXCEPT SELECT start, length, paragraph, kind, speaker, cue FROM pier_flat, news_analysis.quotes(body)) d) AS quotes_differing,
       (SELECT count(*) FROM pier_flat, news_analysis.sentences(body)) AS sentences;
-- with CRLF line ends: the same sentences in the same paragraphs
SELECT count(*) AS sentences_differing_crlf FROM (
  SELECT ordinal, paragraph, replace(text, E'\r', '') FROM pier, news_analysis.sentences(replace(body, E'\n', E'\r\n'))
  EXCEPT SELECT ordinal, paragraph, text FROM pier, news_analysis.sentences(body)) d;
-- The same line in a text whose paragraphs are set apart by blank lines: a
-- quotation closing at a full line is the middle of a paragraph.
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM news_analysis.sentences(
E'The council voted on Monday to close the old swimming baths on\nQuay Street. \u201CWe could not keep patching a roof that the rain is\nslowly taking back, and nobody wanted to say it out loud.\u201D\nMembers said repairs would have cost more than a new pool on the\nedge of town.\n\nA public meeting on the plans will be held at the library in\nJune, and the council said it would publish the full costs\nbefore it.');
-- A wrapped text with a web address longer than its lines: a line of one
-- word that overflows says nothing of the width (taken as the width, every
-- line read as short and every line break as a paragraph's end).
SELECT ordinal, paragraph, length, replace(text, E'\n', '/') AS text FROM news_analysis.sentences(
E'The city library will stay open until ten on weekdays from\nMarch, the council said on Monday, after a petition signed\nby more than four thousand students asked for longer hours\nduring the exam season. The plan was published at\nhttps://council.example.org/library/opening-hours-consultation-2026\nalong with the cost of the extra staff, which the council\nput at about ninety thousand a year. Librarians welcomed the\nchange but said the reading rooms on the top floor would\nstill close at six, because the heating there is switched\noff in the evening to save money.\nStudents who use the library late at night will need to show\na card at the door after eight, and the cafe on the ground\nfloor will not change its hours, a spokesman said.');
-- Paragraphs on lines of their own, wrapped at 64 columns, where a
-- paragraph's last line ends a sentence and happens to be full ("... end of
-- June.") and neither a quotation nor an attribution ends it: read as
-- running text, the paragraph would run on into the next one and be longer
-- than nine in ten of the paragraphs the text shows (one to three lines
-- here), so from its third line on such a line ends the paragraph.  Every
-- sentence keeps the paragraph it has in the text unwrapped.
CREATE TEMP TABLE terminal AS SELECT E'Harbour board agrees to sell the old ferry terminal\nThe harbour board voted on Monday to sell the old ferry terminal\nto the city.\nThe sale ends a dispute that lasted six years.\nMembers said the building had cost too much to heat and to\ninsure, and that the money would pay for a new pier.\nThe chair, Ines Varga, said the vote was close.\nThe city will pay four million for the site.\nIt plans to turn the hall into a covered market with room for\nsixty stalls, a cafe and a small museum of the crossings. Work\non the roof will begin in the spring. The council expects the\nfirst of the traders to move in well before the end of June.\nTraders who sold fish on the quay for decades welcomed the plan,\nthough several asked for lower rents in the first year.\nThe board will meet again in May.\nIts next task is the winter timetable, which the ferry crews\nhave asked to see by March.\nFerries will run every hour until October, and every two hours\nfrom then on.\nAfter that, the last boat of the day will leave the island at\nnine in the evening.\nA public meeting on the plans for the terminal is set for the\nsecond week of April.'::text AS body;
CREATE TEMP TABLE terminal_flat AS SELECT E'Harbour board agrees to sell the old ferry terminal\nThe harbour board voted on Monday to sell the old ferry terminal to the city.\nThe sale ends a dispute that lasted six years.\nMembers said the building had cost too much to heat and to insure, and that the money would pay for a new pier.\nThe chair, Ines Varga, said the vote was close.\nThe city will pay four million for the site.\nIt plans to turn the hall into a covered market with room for sixty stalls, a cafe and a small museum of the crossings. Work on the roof will begin in the spring. The council expects the first of the traders to move in well before the end of June.\nTraders who sold fish on the quay for decades welcomed the plan, though several asked for lower rents in the first year.\nThe board will meet again in May.\nIts next task is the winter timetable, which the ferry crews have asked to see by March.\nFerries will run every hour until October, and every two hours from then on.\nAfter that, the last boat of the day will leave the island at nine in the evening.\nA public meeting on the plans for the terminal is set for the second week of April.'::text AS body;
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM terminal, news_analysis.sentences(body);
SELECT count(*) AS sentences_differing FROM (
  SELECT ordinal, paragraph, start, length FROM terminal, news_analysis.sentences(body)
  EXCEPT SELECT ordinal, paragraph, start, length FROM terminal_flat, news_analysis.sentences(body)) d;
-- "Sen." at the end of a full line is a title, not a sentence's end: the
-- name goes on on the next line, however long the paragraph has run.
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM news_analysis.sentences(
  replace((SELECT body FROM terminal), 'first of the traders to move in well before the end of June.',
          E'first traders to move in well before the end of June, said Sen.\nOwen Tarrant.'))
WHERE paragraph BETWEEN 7 AND 8;
-- A wrapped text that ends most paragraphs at single line breaks but sets
-- a few apart with blank lines (the headline, a block quotation): where a
-- paragraph's last line is full, an attribution ending it ("..., the board
-- chair Tom Brill said."), white space after its sentence where the text's
-- wraps leave none ("... in May. "), and, from its third line on, a
-- paragraph that would run longer than nine in ten of the text's
-- paragraphs ("... end of June.") end it, as in a text of single-break
-- paragraphs.  Each sentence here is a paragraph of its own, as written.
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM news_analysis.sentences(
E'Harbour board closes the old ferry pier at Kestrel Point\n\nThe harbour board voted on Thursday to close the old ferry pier\nat Kestrel Point, ending a service that ran for almost a\ncentury.\nRepairs would have cost twice the board''s yearly budget, members\nsaid.\nFares on the two remaining routes will rise by four percent in\nApril to pay for a landing stage, the board chair Tom Brill said.\nVillagers gathered at the pier on Friday evening to watch the\nlast boat leave.\nFishermen asked the board whether they could still moor at the\npier in winter, and were told to ask the harbour master in May. \nTheir boats will stay at the old quay until the new stage opens.\n\n\u201CWe could not keep patching a pier the sea is slowly taking\nback.\u201D\n\nThe board will meet again in May to decide what becomes of the\nland.\nSome members want a park there; others would sell it to pay for\nthe new stage.\n');
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM news_analysis.sentences(
  replace(replace(replace(replace(replace((SELECT body FROM terminal),
    E'terminal\nThe harbour', E'terminal\n\nThe harbour'),
    E'close.\nThe city', E'close.\n\nThe city'),
    E'year.\nThe board', E'year.\n\nThe board'),
    E'March.\nFerries', E'March.\n\nFerries'),
    E'evening.\nA public', E'evening.\n\nA public'))
WHERE paragraph BETWEEN 5 AND 8;
-- A newsletter's items set with a hyphen against a capital ("-Analysts
-- warn ..."), wrapped at 64 columns: after a line ending a sentence, a
-- source in brackets or a colon, such a line is a list item, even after a
-- full line; the sentence inside an item wraps as usual.
CREATE TEMP TABLE letter AS SELECT E'Polls this week: the race tightens\nThree new surveys of the city''s voters came out on Tuesday, and\nall of them show the gap between the two leading candidates\nclosing fast. [Courier]\nHere is what else caught our eye in the numbers this week:\n-One survey finds that most voters under thirty have not yet\ndecided whom to back, and that many of them may stay at home.\n[Herald]\n-Turnout among older voters is expected to match the record set\nfour years ago, according to the election office. [Gazette]\n-Analysts warn that small samples make the weekly polls swing\nmore than the race itself does. [Courier]\nThe next edition of this letter will come out on Friday, a day\nbefore the polls open.'::text AS body;
CREATE TEMP TABLE letter_flat AS SELECT E'Polls this week: the race tightens\nThree new surveys of the city''s voters came out on Tuesday, and all of them show the gap between the two leading candidates closing fast. [Courier]\nHere is what else caught our eye in the numbers this week:\n-One survey finds that most voters under thirty have not yet decided whom to back, and that many of them may stay at home. [Herald]\n-Turnout among older voters is expected to match the record set four years ago, according to the election office. [Gazette]\n-Analysts warn that small samples make the weekly polls swing more than the race itself does. [Courier]\nThe next edition of this letter will come out on Friday, a day before the polls open.'::text AS body;
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM letter, news_analysis.sentences(body);
SELECT count(*) AS sentences_differing FROM (
  SELECT ordinal, paragraph, start, length FROM letter, news_analysis.sentences(body)
  EXCEPT SELECT ordinal, paragraph, start, length FROM letter_flat, news_analysis.sentences(body)) d;
-- A text that sets quotations apart after a colon (paragraphs between blank
-- lines, the quotation on a line of its own after "... wrote:"), wrapped at
-- 64 columns: where the colon ends a full line ("... put it plainly:"), the
-- quotation still starts a paragraph, as it does three times in the text at
-- short lines.  In running text ('said: "We ...') a wrap after a colon is
-- only a wrap.
CREATE TEMP TABLE letters AS SELECT E'The water board published its letters to the council on Friday,\na week after the vote on the new reservoir was put off.\n\nIn the first, sent in March, the board''s chair wrote:\n"We cannot guarantee supply through another dry summer unless\nwork on the reservoir begins this year."\n\nThe council''s reply, signed by its leader, was short:\n"The council will decide when it has seen the full costs."\n\nA second letter from the board, sent in May after the council\nasked for more time to consider the costs, said:\n"Every month of delay adds to the bill, and the bill is already\nlarger than the council was told."\n\nResidents who spoke at Friday''s meeting were less patient. One\nof the farmers whose cattle drink from the river put it plainly:\n"We were promised this in the last election and in the one\nbefore that."\n\nThe council will vote again next month.'::text AS body;
CREATE TEMP TABLE letters_flat AS SELECT E'The water board published its letters to the council on Friday, a week after the vote on the new reservoir was put off.\n\nIn the first, sent in March, the board''s chair wrote:\n"We cannot guarantee supply through another dry summer unless work on the reservoir begins this year."\n\nThe council''s reply, signed by its leader, was short:\n"The council will decide when it has seen the full costs."\n\nA second letter from the board, sent in May after the council asked for more time to consider the costs, said:\n"Every month of delay adds to the bill, and the bill is already larger than the council was told."\n\nResidents who spoke at Friday''s meeting were less patient. One of the farmers whose cattle drink from the river put it plainly:\n"We were promised this in the last election and in the one before that."\n\nThe council will vote again next month.'::text AS body;
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM letters, news_analysis.sentences(body)
WHERE paragraph >= 8;
SELECT count(*) AS sentences_differing FROM (
  SELECT ordinal, paragraph, start, length FROM letters, news_analysis.sentences(body)
  EXCEPT SELECT ordinal, paragraph, start, length FROM letters_flat, news_analysis.sentences(body)) d;
SELECT ordinal, paragraph, replace(text, E'\n', '/') AS text FROM news_analysis.sentences(
E'The water board published its letters to the council on Friday,\nafter the vote was put off. In the first, the chair of the board:\n"We cannot guarantee supply through another dry summer." The\ncouncil replied that it would decide when it had seen the costs.');
-- A text that sets its paragraphs apart with blank lines and breaks a line
-- once after a sentence (here after a quotation closing it): the single
-- break is a line break inside the paragraph, as Markdown and wiki text
-- read it, in the text as written and wrapped at 62 columns, where the
-- break falls at a full line and no wrap could show it.  Both give the same
-- sentences in the same paragraphs, and the same quotes.
CREATE TEMP TABLE ferry_flat AS SELECT E'The ferry company said on Monday that it would cut the winter timetable to four crossings a day from November, blaming the price of fuel and a shortage of crews.\n\nIts chief executive, Aldo Renn, told the harbour board that the company had lost money on every winter crossing for three years. \u201CWe cannot go on paying for empty boats,\u201D he said, calling the old timetable \u201Cthe most generous on the coast.\u201D\nIslanders who cross to work every morning said the cut would leave them stranded.\n\nThe board asked the company to keep the first boat of the day, which carries most of the workers, and to publish the numbers behind its decision before the board meets again.\n\nA spokesman for the islanders'' association said it would ask the council to pay for the early crossing if the company refused.\n\nThe new timetable starts on the first Monday of November.'::text AS body;
CREATE TEMP TABLE ferry AS SELECT E'The ferry company said on Monday that it would cut the winter\ntimetable to four crossings a day from November, blaming the\nprice of fuel and a shortage of crews.\n\nIts chief executive, Aldo Renn, told the harbour board that\nthe company had lost money on every winter crossing for three\nyears. \u201CWe cannot go on paying for empty boats,\u201D he said,\ncalling the old timetable \u201Cthe most generous on the coast.\u201D\nIslanders who cross to work every morning said the cut would\nleave them stranded.\n\nThe board asked the company to keep the first boat of the day,\nwhich carries most of the workers, and to publish the numbers\nbehind its decision before the board meets again.\n\nA spokesman for the islanders'' association said it would ask\nthe council to pay for the early crossing if the company\nrefused.\n\nThe new timetable starts on the first Monday of November.'::text AS body;
SELECT ordinal, paragraph, left(replace(text, E'\n', '/'), 60) AS text FROM ferry_flat, news_analysis.sentences(body);
SELECT count(*) AS sentences_differing FROM (
  SELECT ordinal, paragraph, start, length FROM ferry, news_analysis.sentences(body)
  EXCEPT SELECT ordinal, paragraph, start, length FROM ferry_flat, news_analysis.sentences(body)) d;
SELECT paragraph, kind, text, speaker FROM ferry, news_analysis.quotes(body) WHERE kind <> 'indirect';
SELECT count(*) AS quotes_differing FROM (
  SELECT start, length, paragraph, kind, speaker, cue FROM ferry, news_analysis.quotes(body)
  EXCEPT SELECT start, length, paragraph, kind, speaker, cue FROM ferry_flat, news_analysis.quotes(body)) d;
-- The same text with a second single break, before its last paragraph: two
-- single breaks against three blank lines, so every line break counts; and
-- verse in stanzas keeps every line.
SELECT ordinal, paragraph, left(text, 40) AS text FROM news_analysis.sentences(
  replace((SELECT body FROM ferry_flat), E'refused.\n\nThe new', E'refused.\nThe new'));
SELECT ordinal, paragraph, text FROM news_analysis.sentences(
E'The tide goes out.\nThe gulls come in.\n\nThe boats lie still.\nThe nets are thin.\n\nThe lamps are lit.\nThe day is done.\n\nThe harbour sleeps.\nWe wait for sun.');
