--
-- Reported speech: every attribution with its kind, content, cue, cue class
-- and speaker.  Sentences written for this test, one pattern each.
--

CREATE FUNCTION pg_temp.attributions(body text)
  RETURNS TABLE (ordinal integer, kind text, content text, speaker text, mention text,
                 cue text, cue_class text, part_of integer)
  LANGUAGE sql AS $$
  SELECT q.ordinal, q.kind, q.text, q.speaker, q.speaker_mention, q.cue, q.cue_class, q.part_of
    FROM news_analysis.quotes(body) q ORDER BY q.ordinal
$$;

-- X said (that) CLAUSE; X said on Tuesday that CLAUSE; X has said CLAUSE
SELECT * FROM pg_temp.attributions(
  'Mayor Tessa Grund said that the bridge would reopen in June. '
  'Grund said on Tuesday that repairs had cost less than planned. '
  'The transport board has said the tolls will stay.');

-- X told Y (that) CLAUSE; X says CLAUSE
SELECT * FROM pg_temp.attributions(
  'Pilar Nkemelu told reporters the strike was over. '
  'She told the committee that wages must rise. '
  'The union says its members accepted the offer.');

-- CLAUSE, X said / CLAUSE, said X / a cue inside the content
SELECT * FROM pg_temp.attributions(
  'The harvest will be late this year, farmer Ivo Brandt said. '
  'Prices for grain are rising fast, said Lena Okafor, a trader in Lyon. '
  'The deal, she said, is dead.');

-- According to X, CLAUSE / CLAUSE, according to X
SELECT * FROM pg_temp.attributions(
  'According to the city auditor, the budget has a gap of $4 million. '
  'The hospital will close its night clinic, according to two nurses.');

-- reporting verbs beyond "said", their class; content over several clauses
SELECT * FROM pg_temp.attributions(
  'Senator Ola Veit warned that the plan would fail, and she insisted the vote be delayed. '
  'Economist Rui Falk predicted inflation would ease because fuel prices fell and wages stalled. '
  'Mr. Falk denied that he had advised the ministry.');

-- thought and intention cues; findings of polls, studies and records
SELECT * FROM pg_temp.attributions(
  'Governor Abel Strand believes the port can double its trade. '
  'Strand wants to build a second terminal. '
  'The poll shows most voters oppose the new tax. '
  'A study by the health institute found that sleep improves memory.');

-- a finding that an opening "In" phrase gives to a poll, survey or study
-- (its participle's aside included); a clause with a cue of its own is that
-- cue's report; "In polling terms" names no document
SELECT * FROM pg_temp.attributions(
  'In a Harbour Gazette poll, conducted May 3-5, 52 percent of residents backed the ferry levy. '
  'In the council''s own survey, the curfew came last of eleven concerns. '
  'In a memo sent on Friday, the mayor conceded that the levy was unpopular. '
  'In polling terms, the levy is safe for now.');

-- mixed: reported speech with quoted words in it, and its quoted pieces
SELECT * FROM pg_temp.attributions(
  'Coach Mara Lind said the team played “like strangers” in the final.');

-- pronoun and description sources
SELECT * FROM pg_temp.attributions(
  'Ambassador Jonas Petrakis arrived late. He said the talks had stalled. '
  'A spokesman for the ministry said the visit would go ahead.');

-- doubled apostrophes as quotation marks (NYT style), not in a measurement
SELECT * FROM pg_temp.attributions(
  '''''We are not finished,'''' said Dora Keel, the union''s lawyer. '
  'The board called the offer ''''an insult.'''' '
  'The shelf is 12'''' wide and the table 30'''' long.');

-- no attribution: "the said company", "that said", no source, a noun
SELECT * FROM pg_temp.attributions(
  'The said company was sold in May. '
  'That said, the market remains weak. '
  'Having said that, the firm kept its staff. '
  'His claims about the budget were false. '
  'It is said to be the oldest bridge in the city.');

-- no reported speech after a phrasal verb (showed up, called up) or a cue
-- used alone before a clause of time (said as she left, continued until);
-- a number's bound after the cue opens content (expect up to 2,000)
SELECT * FROM pg_temp.attributions(
  'Hundreds of farmers showed up outside the ministry. '
  'The coach called up a young winger for the final. '
  '“We stay,” the mayor said as she left the hall. '
  'The strike continued until the spring. '
  'Organisers expect up to 2,000 walkers on Sunday.');

-- offsets: content, mention and cue are substr() of the text
WITH t(body) AS (VALUES (
  'Après la réunion, Mayor Zoë Ørsted said the café would stay open. '
  'The plan, she added, needs money.'))
SELECT q.ordinal, q.kind,
       substr(t.body, q.start, q.length) = q.text AS content_ok,
       substr(t.body, q.mention_start, q.mention_length) = q.speaker_mention AS mention_ok,
       substr(t.body, q.cue_start, q.cue_length) = q.cue AS cue_ok
  FROM t, news_analysis.quotes(t.body) q ORDER BY q.ordinal;

-- speakers() counts quotations and reported speech
SELECT name, quotes FROM news_analysis.speakers(
  '“We will win,” said Carla Moss. Moss said the polls were wrong. She added that turnout would be high.');

-- X, a long description, said CLAUSE: the noun phrase after the cue starts
-- the content (a verb follows it), it is no inverted source; the inverted
-- CLAUSE, said X still holds
SELECT * FROM pg_temp.attributions(
  'Karin Holt, a lecturer in maritime law at the city university, said the new ruling went too far. '
  'Water levels in the old harbour are falling, said the harbour master.');

-- X is expected to …: no source, the clause (subject included) is the content
SELECT * FROM pg_temp.attributions(
  'In the spring, the new ferry line is widely expected to open, ending years of delays. '
  'The mayor expected the works to end soon.');

-- object cues: what is endorsed or praised is the noun phrase, not the time
-- and place after it; the noun (support for, 38 percent support) is no cue
SELECT * FROM pg_temp.attributions(
  'The teachers'' union endorsed Maria Lopez on Friday. '
  'Senator Bo Dahl praised the harbour plan during a debate in Bergen. '
  'Support for the harbour plan has grown. Dahl won with 38 percent support. '
  'About 40 percent support the new tax.');

-- the content ends before a relative clause or a participle of the sentence
SELECT * FROM pg_temp.attributions(
  'Officials said the old dam held through the storm, which surprised the engineers. '
  'Mayor Ines Berg said the coast road will reopen in June, ending weeks of detours.');

-- an opening phrase before the source is no content: the report follows the
-- cue; a noun phrase and a verb after an inverted cue are a clause
SELECT * FROM pg_temp.attributions(
  'In a short statement, the council rejected the harbour plan outright. '
  'Olga Brin, a fisher from Vardø, said the dispute over the quotas was settled.');

-- an opening "Instead of …," "Rather than …," "Along with …," or a subordinate
-- clause ("Unless …," "Lest …,") is neither the content nor part of the
-- source: the report follows the cue, the source is the main clause's subject
-- (a pronoun too)
SELECT * FROM pg_temp.attributions(
  'Instead of waiting for the ferry, the harbour master said the crossing would close at noon. '
  'Along with the dispute over wages, the tribunal this week rejected a claim from the dockers. '
  'Rather than raise the fares, the board said it would cut the night sailings. '
  'Unless the ledgers turn up, the auditor said the accounts could not be signed. '
  'Lest anyone doubt the figures, the treasurer wrote that every receipt had been checked. '
  'Lest the board think otherwise, I can say that the ledgers were found on Friday.');

-- X called for a demand (its noun phrase) / X called on Y to act
SELECT * FROM pg_temp.attributions(
  'The dockers'' union called for a strike on Monday. '
  'Mayor Ines Berg called on residents to save water during the drought.');

-- more verbs of saying: pointed out, suggest, decried (its object)
SELECT * FROM pg_temp.attributions(
  'Analysts pointed out that the harbour had lost money for years. '
  'The minister decried the strike at a press conference. '
  'Some traders suggest the port will be sold next year.');

-- the progressive is active speech (is telling, was claiming); the passive
-- "is being criticised as" reports nothing
SELECT * FROM pg_temp.attributions(
  'Minister Alva Rosk is telling voters that the ferry tax will fall. '
  'The ferry tax is being criticised as unfair.');

-- verbs of praise, blame and account take their object as what is reported
-- (hailed the deal, derided the plan, recounted her trip); clause verbs
-- (mused, implied, proclaimed) take the clause after them
SELECT * FROM pg_temp.attributions(
  'The port director hailed the new ferry timetable on Tuesday. '
  'Councillor Edda Moe derided the parking fees at the town meeting. '
  'The captain recounted his long night on the ice. '
  'Mayor Ines Berg implied that the ferry tax would rise again. '
  'The old fisherman mused that the fjord had never been so warm.');

-- a capitalised cue after a capitalised preposition is a headline in title
-- case, no report
SELECT * FROM pg_temp.attributions(
  'Harbour Chief Resigns After Thanking Crew For Years Of Service. '
  'The harbour chief thanked the crew for years of service.');

-- a noun of saying or thinking reports the clause after its "that": the
-- possessor is the source (Smith's claim, her fear), a claim of no one's has
-- none; "claims that" after its subject is the verb; a phrase that is the
-- sentence's subject runs into its verb and is left alone
SELECT * FROM pg_temp.attributions(
  'The council doubted Olaf Smith''s claim that the pier was unsafe. '
  'Anna Lind spoke at the dock, where few shared her fear that the ferry would stop. '
  'Nobody heeded the warning that the ice was thin. '
  'The warning that the ice was thin came too late. '
  'Olaf Smith claims that the pier was never inspected.');

-- a subject and its apposition before the cue ("X, a veteran, said he …",
-- "X, who …, said") is no inverted "CLAUSE, said X": the clause follows; a
-- clause after "that" may open with a phrase ("said that in 1998, …"); "via
-- email" is the cue's, not the content's; an aside between two dashes stays
-- inside the content
SELECT * FROM pg_temp.attributions(
  'Lena Holm, a veteran skipper, said she had crossed the bay in worse storms. '
  'Nils Aas, who ran the ferry for years, said that in 2009, the pier nearly collapsed. '
  'The harbour office said via email that the timetable would change. '
  'The port authority predicted that the busiest routes - those to the islands - will need new boats.');

-- "said that was …": the pronoun "that" is the clause's subject and stays in
-- the content; "said that the …" drops the conjunction
SELECT * FROM pg_temp.attributions(
  'The skipper said that was the worst storm in years. '
  'The skipper said that the storm had passed.');

-- "…, but could not …": the same subject's verb goes on in the content (a
-- new subject after "but" still ends it); "- including …" belongs to the
-- content; "called Friday for" reports its demand
SELECT * FROM pg_temp.attributions(
  'The skippers said they disliked the new quota, but could not afford to stop fishing. '
  'The skippers said the quota was too low, but the ministry disagreed. '
  'Officials said the port lost money on every route - including the island ferries. '
  'The union called Friday for a new round of talks.');

-- "said as much" / "has said the same thing": the pro-form is the content,
-- not the time and place after it; "as much as 40 percent" is a clause's
SELECT * FROM pg_temp.attributions(
  'The harbour master said as much in a radio interview on Monday. '
  'Several skippers have said the same thing, including the oldest of them. '
  'The ministry said as much as 40 percent of the catch was wasted.');

-- a report inside a clause that opens the sentence (While X said …, Main
-- clause) ends at that clause's comma
SELECT * FROM pg_temp.attributions(
  'While the skippers have argued the quota is too low, the ministry plans to cut it again. '
  'When the mayor announced the pier would close, nobody in the harbour was surprised.');

-- an order reports its object; "questioning whether …" its clause
SELECT * FROM pg_temp.attributions(
  'The governor ordered a review of the ferry contracts on Monday. '
  'Councillor Edda Moe is questioning whether the pier can be saved.');

-- every form of a reporting verb is a cue (ask, predict, refuse, respond,
-- note, blame in the present); a noun of the same spelling is none (a note,
-- a call)
SELECT * FROM pg_temp.attributions(
  'The fishermen ask that the quota be lifted before winter. '
  'The ferry owners predict the route will close by spring. '
  'Most skippers refuse to sign the new contract. '
  'The port authorities respond that the pier is safe for cargo. '
  'The inspectors note that the hull was repaired twice. '
  'Local traders blame the council for the empty stalls. '
  'A note on the door said nothing. They made a call to the harbour.');

-- a contracted pronoun is the source (he’s claiming, she's arguing: "is",
-- not a possessive), and the report holding quoted words is mixed
SELECT * FROM pg_temp.attributions(
  'He’s claiming that the harbour is “a big problem for the town” but “nobody wants to fix it.” '
  'She''s arguing that the pier is unsafe.');

-- a partial quotation that closes the speaker's clause before the cue after
-- it: the clause from the sentence's start is the (mixed) attribution, the
-- quotation its piece; not when the words before it are no clause
SELECT * FROM pg_temp.attributions(
  'Not paying the harbour fee “makes me smart,” the skipper said. '
  'With so many boats in the bay, “there is no room for one more,” he said. '
  'However noble the goal, closing the pier “is a mistake,” said Ada Lind. '
  'Port 😀 “Never,” Ada Lind said.');

-- "When asked whether …, X …" / "Asked by Y if …, X …": the question is the
-- content, up to the clause's comma; its source is the asker of a "by"
-- phrase, or none (the subject answers)
SELECT * FROM pg_temp.attributions(
  'When asked whether the ferry would run in winter, the harbour master shrugged. '
  'Asked by reporters if he would resign, Mayor Olaf Berg laughed. '
  'Asked on Radio Nord what he would change, Berg smiled.');

-- a report in a relative clause ("X, who said …, said …") ends at the
-- clause's comma; a bare answer is a whole content (said yes / said so)
SELECT * FROM pg_temp.attributions(
  'Ivo Brandt, who said he usually votes for the Greens, said the harbour plan was a mistake. '
  'The skipper, who said the quota was too low, left early. '
  'Asked if the pier should close, 61 percent said yes, while 20 percent said so in March.');

-- a stance is no report: "support" reports only a poll's share (40 percent
-- support …), not "The skippers support the plan"; "backing", "attacking",
-- "knew" and "maintained" are no cues (wrong more often than right)
SELECT * FROM pg_temp.attributions(
  'The skippers support the new harbour plan. '
  'Senator Bo Dahl is backing the ferry levy. '
  'About 30 percent support the levy.');

-- a transcript's turn: a paragraph opening with a speaker and a colon
-- reports the rest of the paragraph; not a kicker (UPDATE:, an editor's
-- CLARIFICATION:) nor an interview's Q:
SELECT * FROM pg_temp.attributions(
  E'Harbour master Olaf Berg spoke to the council on Monday.\n\n' ||
  E'MOE: Will the pier be ready for the summer ferries this year?\n\n' ||
  E'UPDATE: The pier was closed on Tuesday after the storm.\n\n' ||
  E'CLARIFICATION: The pier is owned by the city, not by the ferry company.\n\n' ||
  E'Q: Is the ferry still running on Sundays this year?');

-- a desk's label opening a later paragraph (the seventh here, past the
-- five where a lead's kicker is looked for) is no name: the reports after
-- it keep their own subject and pronoun, not "CLARIFICATION"
SELECT * FROM pg_temp.attributions(
  E'Former chairman Don Olsen wants a plan for the leadership.\n\n' ||
  E'The party meets in March.\n\n' ||
  E'Delegates will travel from every county.\n\n' ||
  E'Berit Lunde argues that the question is moot because the delegates decide.\n\n' ||
  E'Still, Olsen''s allies are working hard to end any talk of a contest.\n\n' ||
  E'“The party will be ready by Friday,” spokeswoman Ada Lind said on Monday.\n\n' ||
  E'CLARIFICATION: Olsen is calling for new rules for the contest. He is not calling '
  'for a vote this spring, as an earlier version of this story said.');

-- "X, who has in the past described …" / "X, who on Tuesday endorsed …" /
-- "64 percent who say …": the relative pronoun is the source as written,
-- past the aside before the cue, and its antecedent the speaker
SELECT * FROM pg_temp.attributions(
  'Ada Lind, who has in the past described the pier as unsafe, spoke on Monday. '
  'Olaf Berg, who on Tuesday endorsed the levy, said more. '
  'Among the 64 percent who say the pier is unsafe, most live nearby.');

-- "X seems to …" / "X appeared to …": an impression no one holds by name;
-- the subject is what seems, no source
SELECT * FROM pg_temp.attributions(
  'The new ferry seems to be running late again. '
  'Mayor Ines Vale appeared to reject the levy on Monday.');

-- a time is no source: "A survey in late August found …", "Prosecutors in
-- April charged …" are the survey's and the prosecutors'
SELECT * FROM pg_temp.attributions(
  'A harbour survey in late August found most skippers want the levy. '
  'Federal prosecutors in April charged two ferry owners with fraud.');

-- a verb after "than" has a subject of its own: no report of the sentence's
-- subject ("rather than criticize him")
SELECT * FROM pg_temp.attributions(
  'Berg said that if skippers dislike the levy, they should vote rather than criticize him.');

-- "X, which reported …": the relative pronoun of an organisation or a
-- document is the source as written, as "who" is a person's
SELECT * FROM pg_temp.attributions(
  'On Friday the harbour board released an audit, which found that the pier needs new pilings. '
  'The plan went to the Coast Gazette, which reported that two ferries would stop in May.');

-- cues of several words (data/lexicon/reporting_phrases.tsv) whose first
-- word is no cue alone: a clause after "made it clear (to Y) that", a noun
-- phrase after "spoke about", "took issue with", "laid out"; not the
-- passive ("was made clear") nor a noun ("the talks about")
SELECT * FROM pg_temp.attributions(
  'Mayor Ines Vale made it clear to the skippers on Monday that the pier would stay shut. '
  'The harbour master spoke about the storm damage at length. '
  'Ada Lind, who took issue with the levy, left early. '
  'Berg laid out a plan for two new ferries in the spring. '
  'The cost was made clear by the audit. '
  'The talks about the levy ended on Friday.');

-- a given name tells a gender as a title does: "Helen Ruden" is not the
-- "Mr. Ruden" named before her, so his later quotes stay his
SELECT ordinal, kind, content, speaker, mention FROM pg_temp.attributions(
  'President Ruden spoke at the pier on Monday. “We will rebuild it,” Mr. Ruden said. '
  'The first lady, Helen Ruden, stood beside him. '
  'Mr. Ruden made the case for a new ferry.');

-- a thought or a finding inside someone else's report is a word of its
-- content, no attribution of its own (Berg said the survey shows …); the
-- same speaker's ("Vale said she believes …") stays one; ", but that …"
-- is the cue's second clause, ", and Y said …" a report of Y's
SELECT * FROM pg_temp.attributions(
  'Harbour master Olaf Berg said the new survey shows the pier is unsafe. '
  'Mayor Ines Vale said she believes the pier can reopen by June. '
  'Vale said the levy was fair, but that it would rise in May. '
  'Berg said the ferry was late, and two skippers said the crossing was rough.');

-- the passive with its agent: the agent after "by" is the source, the
-- clause's subject what was reported; with no agent the report is there and
-- its source unsaid (a row without a speaker); a relative "that": no row
SELECT * FROM pg_temp.attributions(
  'The pier closure was first reported by the Coast Gazette. '
  'On Monday the new levy was criticised by two skipper unions. '
  'The ferry that was praised by Berg sank. '
  'The levy was criticised on Monday.');

-- a contraction of a word that is no person (It's, That's) is no source:
-- the report stands with no speaker ("That's expected to be settled" is an
-- expectation no one is named for, as in "X is expected to"); Let's (let
-- us) is the writer's and the readers' own, as "we" would be.  A report
-- inside a statement that ends in the sentence's own cue (", Berg added on
-- Monday", ", the mayor said") ends before that comma
SELECT * FROM pg_temp.attributions(
  'It''s widely believed that the ferry will be sold. '
  'That''s expected to be settled, the mayor said. '
  'Let''s hope the new pier lasts longer than the old one, the mayor said. '
  'Vale thinks the tolls are too high, Berg added on Monday.');

-- a cue word inside the source of "according to" is part of that source
-- (the port's annual report); a relative clause on the source has a cue
-- of its own, and its "who" is the source as written
SELECT * FROM pg_temp.attributions(
  'According to the port''s annual report, cargo rose by a tenth. '
  'The pier was closed, according to an inspector who asked not to be named by the port.');

-- where the content ends: a report inside a clause that opens the sentence
-- (When X said …, the council …) at that clause's comma; a closing
-- apposition with no verb of its own (", a plan the council rejected") is
-- the writer's, not what was said; ", and" with a subject and a finite
-- verb of its own opens a clause of the writer's, while ", and that …"
-- goes on with what was said
SELECT * FROM pg_temp.attributions(
  'When the harbour master said the pier was unsafe in the storm, the council closed it. '
  'Berg said the levy would rise in May, a plan the council rejected. '
  'Vale said the ferry was late again, and the skippers were angry about it. '
  'Vale said the ferry was late, and that the fares would rise.');

-- a reporting word that opens a compound noun is no cue
-- (data/lexicon/cue_compound_nouns.tsv): pledged delegates, a show host;
-- the verb stays one ("Berg pledged to …")
SELECT * FROM pg_temp.attributions(
  'Vale widened her lead in pledged delegates over Berg on Tuesday. '
  'The radio show host Ada Lind said the ferry was late again. '
  'Berg pledged to lower the tolls by June.');

-- a headline "Name: Title Case Words" is the named person's statement when
-- the article names that person (the title case hides the name from the
-- speakers' pass, the article's later mention does not); a place before a
-- list of names ("Harbour Ward: Ada Lind, Olaf Berg, …") is no one's
SELECT * FROM pg_temp.attributions(
  E'Vale: The Ferry Tolls Will Not Rise This Year.\n\n' ||
  E'Mayor Ines Vale said on Monday that the tolls would stay. The new board members are listed below.\n\n' ||
  'Harbour Ward: Ada Lind, Olaf Berg, Nils Aas, Lena Holm.');

-- a restrictive "who" with no comma is the source of its clause, and names
-- its antecedent when that is a name (Mayor Ines Vale who said …), never
-- the sentence's subject (Olaf Berg criticised a skipper who said …)
SELECT * FROM pg_temp.attributions(
  'The skippers met Mayor Ines Vale who said the ferry would be sold. '
  'Olaf Berg criticised a skipper who said the pier was unsafe.');
