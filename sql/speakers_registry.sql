-- Speakers a researcher can count (issue #16): the right person for each
-- quote, names that are names, and one person under one name across a
-- tracked table.  Every sentence here is written for this test.
SET client_min_messages = warning;

-- a pronoun means the person just named as the subject, not a minister named earlier
SELECT text, speaker, speaker_mention FROM news_analysis.quotes(
  'The health minister, Sarah Pike, defended the plan on Monday. Aid groups were unconvinced. Opposition MP David Okafor was scathing. “It is a shambles,” he said.');
SELECT name, gender FROM news_analysis.speakers(
  'The health minister, Sarah Pike, defended the plan on Monday. Aid groups were unconvinced. Opposition MP David Okafor was scathing. “It is a shambles,” he said.');

-- a role in apposition after the cue gives the name it introduces, never a cut of the role
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  '“The figures are clear,” said the work and pensions secretary, Helen Carter.');

-- he/she mean people, not events, places or organisations
SELECT speaker FROM news_analysis.quotes(
  'Rafael Soto won the Grand Slam in Paris on Sunday. “I am very tired,” he said.');
SELECT speaker FROM news_analysis.quotes(
  'Mr. Hale hopes other states, led by North Dakota, will follow. “We will see,” he said.');
SELECT speaker FROM news_analysis.quotes(
  'Lena Ortiz spoke at a Retired Nurses Alliance dinner in Denver. “Staffing is the crisis,” she said.');

-- gender agreement: she is not the man named last
SELECT speaker FROM news_analysis.quotes(
  'Laura Finch met Marcus Webb in Leeds. “We agreed on very little,” she said.');
SELECT speaker FROM news_analysis.quotes(
  'Laura Finch met Marcus Webb in Leeds. “We agreed on very little,” he said.');

-- the person of a source phrase is its named person, not the organisation in its apposition
SELECT speaker FROM news_analysis.quotes(
  '“Class sizes keep growing,” said Karen Doyle, president of the Federation of School Staff.');

-- a titled name that qualifies a role is no source (and no endless loop)
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  '“We disagree,” said President Tom Reyes spokesman Carl Diaz.');
SELECT speaker FROM news_analysis.quotes(
  '“We disagree,” a Governor Ann Hill spokesman said.');

-- party, state and descriptive words, weekdays and headings are no part of a name
SELECT name FROM news_analysis.speakers(
  'Republican Gary Holt called the bill “a disgrace.” “We will repeal it,” Holt said.');
SELECT name FROM news_analysis.speakers(
  'Texas Mark Ruiz said the vote was “rigged from the start.”');
SELECT name FROM news_analysis.speakers(
  'Rival Anna Berg answered: “That is simply false.”');
SELECT name FROM news_analysis.speakers(
  'Senator Holt Wednesday called the plan “reckless.”');
SELECT name FROM news_analysis.speakers(
  E'Harbour Plan Divides Coastal Town:\n“We were never asked,” said Rita Moss.');
SELECT name FROM news_analysis.speakers(
  'Neither Holt nor Pike would say more. “No comment,” Pike said.');
-- a surname alone is never filed under a longer name of a place or a business
SELECT name FROM news_analysis.speakers(
  'Guests queued outside the Holt Tower Grill. “It was lovely,” said Greg Holt. “Come back,” Holt added.');

-- the key a person is counted under across a corpus
SELECT n, g, news_analysis.person_key(n, g) AS key
  FROM (VALUES ('President Gary J. Holt', NULL), ('Gary Holt''s', NULL), ('Republican Gary Holt', NULL),
               ('Mrs. Marlow', 'female'), ('Marlow', NULL), ('Jane Rodham Marlow', NULL),
               ('Holt Wednesday', NULL), ('Sen. Ed Rees Jr.', NULL), ('Élodie Brunet', NULL),
               ('Mr.', 'male'), ('', NULL), (NULL, 'male'),
               -- a son is not his father; an organisation keeps its words
               ('Gary Holt Jr.', NULL), ('Gary Holt', NULL), ('the Dunmore Evening Post', NULL),
               ('the Carlow Evening Post''s', NULL), ('Kent County Labour Party', NULL),
               -- a paper named by one word after "the" keeps it, no surname;
               -- a title after "the" is none
               ('The Hill', NULL), ('the Hill', NULL), ('Hill', NULL), ('the Senator', NULL)) v(n, g);

-- a surname's particles are part of it, run together, so that a full name
-- and its surname alone share the surname (Mayor Ada van Dyke, Van Dyke,
-- VanDyke); a particle opening a name is a given name when it is one (Al
-- Moreno)
SELECT n, g, news_analysis.person_key(n, g) AS key
  FROM (VALUES ('Mayor Ada van Dyke', NULL), ('Van Dyke', 'female'), ('VanDyke', 'female'),
               ('Luis de la Fuente''s', NULL), ('De la Fuente', 'male'), ('Al Moreno', NULL)) v(n, g);

-- the surname a key is merged under: its last word, before a gender tag and
-- without a generational suffix
SELECT k, news_analysis.person_surname(k) AS surname
  FROM (VALUES ('gary holt'), ('holt (male)'), ('gary holt jr'), ('ed rees iii'), ('ed rees ii'),
               ('marlow (female)'), ('élodie brunet'), ('dunmore evening post'), ('holt'),
               ('jr'), (''), (NULL)) v(k);

-- the people registry of a tracked table
CREATE TABLE stories (id integer PRIMARY KEY, outlet text, published date, body text);
SELECT news_analysis.track('stories', 'body', 'id');
INSERT INTO stories VALUES
  (1, 'Herald', '2026-03-01', '“We will build it,” Jane Marlow said. “On time,” she added.'),
  (2, 'Herald', '2026-03-02', '“It is late,” Mrs. Marlow said.'),
  (3, 'Courier', '2026-03-03', '“I am proud of her,” Tom Marlow said. “Very proud,” Mr. Marlow added.'),
  (4, 'Courier', '2026-03-04', '“The budget holds,” President Gary J. Holt said.'),
  (5, 'Courier', '2026-03-05', '“No more delays,” Holt said.');
SELECT key, name, aliases, gender, articles, quotes, keys FROM stories_people ORDER BY key;
SELECT article_key, speaker, key, person, person_name FROM stories_speaker_people ORDER BY 1, 2;
SELECT * FROM news_analysis.create_views('stories', 'outlet', 'published');
SELECT speaker, quotes, articles, outlets FROM stories_top_speakers;
SELECT speaker, quotes FROM news_analysis.quoted_on('stories', 'budget');
-- a surname alone that two people of the corpus share stays apart from both
INSERT INTO stories VALUES (6, 'Herald', '2026-03-06', '“Ask the council,” Marlow said.');
SELECT key, name, articles FROM stories_people ORDER BY key;
-- updates and deletes keep the registry right
UPDATE stories SET body = '“Not yet,” said Gary Holt.' WHERE id = 5;
DELETE FROM stories WHERE id IN (3, 6);
SELECT key, name, articles, quotes FROM stories_names ORDER BY key;
SELECT key, name, gender, articles, quotes FROM stories_people ORDER BY key;
-- no person has two genders, whatever the articles say: the evidence of
-- most articles wins, none or a tie gives NULL
INSERT INTO stories VALUES
  (7, 'Herald', '2026-03-07', '“Fine,” Ms. Kim Lowe said.'),
  (9, 'Herald', '2026-03-08', '“Agreed,” Ms. Kim Lowe said.'),
  (10, 'Courier', '2026-03-09', 'Kim Lowe spoke first. “Enough,” he said.');
SELECT key, name, male, female FROM stories_names WHERE surname = 'lowe';
SELECT key, gender, articles FROM stories_people WHERE key = 'kim lowe';
-- a paper named by one word after "the" is no one's surname: The Hill's
-- reports stay its own, not counted under the one person surnamed Hill
INSERT INTO stories VALUES
  (11, 'Herald', '2026-03-10', '“The pier needs work,” said Dana Hill, a ferry captain.'),
  (12, 'Courier', '2026-03-11', 'The ferry fares will rise in spring, The Hill reported.'),
  (13, 'Courier', '2026-03-12', 'Harbour dues fell again, the Hill said.');
SELECT article_key, speaker, key, person_name FROM stories_speaker_people WHERE article_key > 10 ORDER BY 1;
SELECT key, name, articles, keys FROM stories_people WHERE key ~* 'hill' ORDER BY key;
TRUNCATE stories;
SELECT count(*) AS names_after_truncate FROM stories_names;
-- reanalyse() starts the registry again from the articles
INSERT INTO stories VALUES (8, 'Herald', '2026-03-08', '“Again,” said Gary Holt.');
SELECT news_analysis.reanalyse('stories');
SELECT key, articles FROM stories_names ORDER BY key;
SELECT news_analysis.untrack('stories');
SELECT count(*) AS left_behind FROM pg_class
 WHERE relname ~ '^stories_(names|people|speaker_people|quotes|speakers|vote_events|quoted)$';
SELECT count(*) AS registries FROM news_analysis.tracked_people;
DROP TABLE stories;

-- a role in apposition before the source is no content of a report: the report follows the cue
SELECT text, kind, speaker, cue FROM news_analysis.quotes(
  'The transport secretary, Owen Blake, said the bridge would reopen in spring.');
SELECT text, kind, speaker, cue FROM news_analysis.quotes(
  'Kenya''s finance minister, Ruth Wanjiru, warned that the deficit was growing.');
-- ", said X" inverts only when X ends there: "said the bridge would reopen" names no source
SELECT text, kind, speaker, cue FROM news_analysis.quotes(
  'Owen Blake, the transport secretary, said the bridge would reopen in spring.');
SELECT text, kind, speaker, cue FROM news_analysis.quotes(
  'The bridge will reopen in spring, said Owen Blake on Tuesday.');
-- a quote after ", but … and as X went on about" is X's, not the earlier "she said"'s
SELECT text, speaker FROM news_analysis.quotes(
  'Tess Moran sat by the radio. “Is he done?” she asked, but the dog barked again, and as Tom Reyes went on about “the hard road ahead,” she turned it off.');

-- a description is the person the article titled with that office, or nobody
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  'Harbour City Mayor Ines Vale opened the new ferry terminal on Friday. The mayor also said the old pier would close in May.');
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  'Sen. Owen Tarrant (R-Idaho) opposed the bill. “It spends money we do not have,” the Idaho senator said.');
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  'The firm reported a loss. “We expected worse,” the spokesman said.');
-- a name's verb is no part of it; the subject before a phrase like "in an interview" is the source
SELECT speaker, speaker_mention, cue FROM news_analysis.quotes(
  'Rita Calloway chimed in on the radio, saying that the council should publish the report.');
SELECT speaker, speaker_mention, cue FROM news_analysis.quotes(
  'On Monday Calloway in a long interview appeared to blame the contractors for the delay.');
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  'Others in the fishing community said the quota was far too low.');
-- an adverb opening a sentence or a quotation is no part of a name
SELECT name FROM news_analysis.speakers(
  'Interestingly Rita Calloway said the plan was late. “Certainly Tom Reyes knows the answer,” Ann Ode said. “We will see,” Reyes said.');
-- a run of capitals with a capitalised preposition is a headline in title case, no name
SELECT speaker FROM news_analysis.quotes(
  'Posted 9:12PMMayor Reyes Cheered After Thanking Ann Ode For Her Work. “We did it together,” Ann Ode said. “Thank you,” Reyes said.');
-- a transcript label hands the next paragraph to the next speaker
SELECT speaker, text FROM news_analysis.quotes(E'"HOST: Will the minister be there?\n\n"OKAFOR: He will not attend.\n\n"HOST: Thank you.');
-- a particle and a surname opening a sentence are the surname of the person named before
SELECT speaker, speaker_mention FROM news_analysis.quotes(
  'City Councillor Anna van Dijk spoke first. Van Dijk said the budget would pass.');
