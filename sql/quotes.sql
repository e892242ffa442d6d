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
