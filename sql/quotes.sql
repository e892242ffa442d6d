-- quotes(): who said what, on texts written for these tests

-- “…,” X said / continuation / X said: “…” / partial quotes and pronouns /
-- said X / role phrases / told reporters / according to / scare quotes and
-- titles / a quote over two paragraphs / nested single quotes / a mark that
-- never closes (it ends with its paragraph)
SELECT ordinal, kind, speaker, speaker_mention, cue, attribution, paragraph, text
FROM news_analysis.quotes(E'“We will not back down,” Mayor Elena Ruiz said on Monday. “The budget is fair.”\n\n'
  'The council’s treasurer, Tom Becker, said: “The numbers do not add up.” He called the plan “reckless” and “a gamble.”\n\n'
  '“It is a sad day for the city,” said Ms. Ruiz. She told reporters that the vote was “a victory for common sense.”\n\n'
  'The French ambassador, Jean-Luc Moreau, said he was surprised. “We expected more,” he said.\n\n'
  'Canada’s envoy, Sarah Lin, told reporters: “Nobody wants this fight.”\n\n'
  'The fire was “clearly accidental,” according to Fire Chief Dan Ortiz.\n\n'
  'The so-called “miracle diet” was sold on the show “Healthy Today” for years.\n\n'
  '“First, we cut the waste.\n\n'
  '“Second, we keep the parks open,” Ms. Ruiz said.\n\n'
  '“They wrote ‘no new taxes’ on every wall,” Mr. Becker said.\n\n'
  '“This paragraph opens a quote and never closes it\n\n'
  'Life went on as usual in the next paragraph, Mr. Becker said.');

-- offsets: substr() of the text gives the quote and the mention exactly
SELECT q.ordinal, substr(t.body, q.start, q.length) = q.text AS text_ok,
       substr(t.body, q.mention_start, q.mention_length) = q.speaker_mention AS mention_ok,
       q.start, q.length, q.mention_start, q.mention_length
FROM (VALUES (E'Ünïcödé first: “Prices will rise,” Anna Kowalski, who runs a bakery on Main Street, said. 😀 “Then we close.”')) AS t(body),
     news_analysis.quotes(t.body) AS q;

-- he and she: the most recent person of that gender, not the one inside the quote
SELECT ordinal, speaker, speaker_mention, attribution
FROM news_analysis.quotes('Ms. Ada Novak met Peter Quinn on Friday. “Robert Hale agrees with us,” she said. '
  '“I do not,” he said. Novak later added, “We will see.”');

-- a pronoun after a sentence naming several people means its subject
SELECT ordinal, speaker, speaker_mention, cue, attribution
FROM news_analysis.quotes('Coach Dan Reyes praised winger Sam Ortiz and striker Lee Park. '
  'He added: “We were sharp today.”');

-- straight marks, a byline dash, an X-said-in-a-statement cue
SELECT ordinal, kind, speaker, cue, text
FROM news_analysis.quotes(E'"Enough is enough," Gov. Ray Dunn said in a statement.\n\n'
  '"We stand with the workers." ― Lena Ortiz\n\n'
  'Critics called it a "stunt."');

-- X, who …, said / said one of … / a byline paragraph / the outer attribution
-- of a reported quote / a transcript line / a source named before a colon
SELECT ordinal, speaker, speaker_mention, cue, attribution, text
FROM news_analysis.quotes(E'“Rents are too high,” Maria Lopez, who runs a shelter downtown, said.

'
  '“We need more time,” said one of the council aides.

'
  '“Nobody asked us.”

'
  '- Karen Webb, Riverside

'
  'Mayor Ruiz said she called the plan “a good start” on Monday.

'
  '“HOST: Welcome back to the program.”

'
  'Economist Li Wei: “Wages lag prices.”');

-- no quotes, NULL and empty input
SELECT count(*) FROM news_analysis.quotes('No one is quoted in this sentence.');
SELECT count(*) FROM news_analysis.quotes(NULL);
SELECT count(*) FROM news_analysis.quotes('');
SELECT count(*) FROM news_analysis.quotes('“');

-- a role phrase in apposition after the quote names the speaker, whatever
-- the cue and order: Britain’s ambassador, X, told / the French ambassador,
-- X, said / added China’s deputy ambassador, X
SELECT ordinal, speaker, speaker_mention, cue, attribution
FROM news_analysis.quotes(E'“The convoys must move tonight,” Britain’s ambassador, Eleanor Whitcombe, told the council.\n\n'
  '“We will not wait,” the French ambassador, Marc Lavigne, said after the vote.\n\n'
  '“This text is unbalanced,” added China’s deputy ambassador, Wang Lei, on Friday.\n\n'
  '“It was a long night,” said the Irish envoy, Siobhan Kerr.\n\n'
  '“Nobody won,” said Florida’s Rick Dunmore, a veteran strategist.');

-- a capitalized first word of a quote-and-cue paragraph is no headline:
-- “Private,” said Rosa Lind. has a speaker, as every quote naming a person must
SELECT ordinal, speaker, speaker_mention, attribution
FROM news_analysis.quotes(E'“Private,” said Rosa Lind.\n\n“Closed,” Tom Hale said.');
SELECT count(*) AS person_mentions_without_speaker
FROM news_analysis.quotes(E'“Private,” said Rosa Lind.\n\nThe mayor, Ann Ivo, said it was “fine”.\n\n“Yes,” said Dr. Omar Ali.') q
WHERE q.speaker_mention IS NOT NULL AND q.speaker IS NULL AND q.attribution IN ('name', 'according_to');

-- French, Spanish, German, Italian and Portuguese cues and honorifics;
-- a sentence-initial function word (Pour, El) is never part of a name
SELECT ordinal, speaker, speaker_mention, cue, attribution, text
FROM news_analysis.quotes(E'« Les pistes seront prêtes en mai », a déclaré la maire, Claire Vasseur, après le vote.\n\n'
  'Pour Bernard Lemaire, chef du groupe d’opposition, « le projet est mal financé ».\n\n'
  '«El agua es de todos», afirmó la consejera de Medio Ambiente, Lucía Ferrer, durante el debate.\n\n'
  'El portavoz de la oposición, Andrés Molina, calificó la norma de «un impuesto disfrazado».\n\n'
  '„Wir brauchen mehr Zeit“, sagte die Bürgermeisterin, Anna Keller.\n\n'
  '«Il bilancio è in ordine», ha detto il sindaco, Paolo Russo.\n\n'
  '«A obra começa em junho», disse a prefeita, Ana Costa.\n\n'
  'Le budget sera tenu, selon M. Dupuis. « Nous paierons tous », a dit M. Dupuis.\n\n'
  '«Hay que esperar», dijo el Sr. Ruiz, según el diario.');

-- a title before a name is the role, not part of the canonical name; the
-- relative "who" after an apposition means the named person
SELECT ordinal, speaker, speaker_mention, attribution
FROM news_analysis.quotes(E'“The roads are safe,” Councillor Dana Whitfield said. Whitfield added, “We checked them twice.”\n\n'
  '“Aid must move now,” according to Amara Diallo, the office’s spokesperson, who said the trucks would leave “the moment the guns stop”.\n\n'
  'The chair of the talks, Ambassador Kofi Mensah of Ghana, was blunt: “Nobody yet agrees on who pays.”');

-- sources the attribution after or around a quote names in other shapes:
-- two people joined by "and" (the first keeps the row), four appositions,
-- the hearer after a participle, a time phrase before the subject, and
-- "as X put it" beside the quote or before a colon
SELECT ordinal, speaker, speaker_mention, cue, attribution, text
FROM news_analysis.quotes(E'“The levee held,” hydrologists Paula Grant and Omar Reyes of the river authority wrote.\n\n'
  '“Rents doubled,” Maria Lopez, 41, of Dayton, Ohio, who rents a flat near the river, said.\n\n'
  'Mayor Ines Ortega hailed the vote as “historic,” telling the crowd that the port would hire.\n\n'
  'Two days later, Governor Tess Alvarez reversed course, telling a host the curfew was “over and done with.”\n\n'
  '“The storm is over,” as the harbour master put it.\n\n'
  'Of course, as Tom Reyes of the Valley Post observed, the winner was the format:\n\n'
  '“The clear winner of the night was the network.”')
WHERE kind IN ('direct', 'partial');

-- no one's words: a quoted term the sentence goes on to talk about, a stage
-- direction in brackets; a scare quote goes to a subject named by role
SELECT ordinal, kind, speaker, speaker_mention, attribution, text
FROM news_analysis.quotes(E'“The pier opens in June,” said Mayor Ines Ruiz.\n\n'
  '"(LAUGHTER.)\n\n'
  '“Ferryfall” is what islanders call a cancelled crossing.\n\n'
  'Many residents are expected to skip the “slow boat” this winter.');
