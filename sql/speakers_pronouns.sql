-- Pronouns that respect the text (issue #16): sentences written for this
-- test, not taken from any labelled set.

-- a chain of she-sentences goes back to the person named before it, not to
-- a woman named in passing inside the chain (Anna Doyle)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'“We will not back down,” Ruth Okafor said.\n\n'
  'She has faced criticism since taking over the port authority, most recently for a dinner with Mark Doyle and his wife, the harbour commissioner Anna Doyle, at the yacht club. She has called the inquiry a distraction.\n\n'
  '“Nobody asked me about the dinner,” she said.')
WHERE part_of IS NULL
ORDER BY ordinal;

-- a description that is a sentence's subject ("The president's roots ...")
-- is a mention of the person the article titled so: "he" is the president,
-- not the aide quoted last
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'President Carl Ruden flew to the islands on Monday.\n\n'
  'Tomas Berg, one of his closest aides, recalled Mr. Ruden talking about the tides.\n\n'
  'The president''s island roots also mattered. In the capital last week, he told the island leaders that the sea was rising.')
ORDER BY ordinal;

-- but a description with the name in apposition is that name's sentence
-- (the shadow secretary is not the secretary), and "the home secretary's
-- office" is no mention of the secretary: the subject after them is whom a
-- "he" means, not the speaker quoted before (the last speaker counts more
-- only while no one else has become the subject)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Home Secretary Paul Granger said the four men would return next week.\n\n'
  'The shadow home secretary, Eric Whitlow, welcomed the news. But he said serious questions remained.\n\n'
  'The home secretary''s office said the men would be questioned. Nadia Frost, a lawyer for two of them, called that unlawful. “They have done nothing wrong,” she said.')
ORDER BY ordinal;

-- a lead's indefinite description ("A state judge ... saying") is the
-- person titled with that office in the next sentences (Judge and Justice
-- are one office: data/lexicon/role_offices.tsv); a title alone in a
-- headline ("Judge Clears ...") names no one
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Judge Clears Harbor Plan.\n\n'
  'A state judge on Monday cleared the harbor plan, saying the council had followed the law.\n\n'
  'Superior Court Justice Nora Feld ruled that the objections came too late. The judge said the council could proceed.')
WHERE part_of IS NULL
ORDER BY ordinal;

-- a title after a work's noun ("her memoir, Salt Roads") is no person a
-- pronoun can mean: with no woman named, "she" stays unresolved
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Mayor Tom Reyes spoke in Dover on Friday.\n\n'
  'In her memoir, Salt Roads, she recalls the floods of 1998. “We lost everything,” she said.')
WHERE part_of IS NULL
ORDER BY ordinal;

-- a surname alone that two people of the article share (Ruth and Paul
-- Calder, one mention each): the one a subject, possessive or reflexive
-- pronoun right after it agrees with ("Calder said her plan" is Ruth, though
-- Paul was named last; "Calder said his plan" is Paul); an object pronoun
-- never means the subject ("Calder, greeting him at the gate, said" stays
-- with the one named last, Ruth)
SELECT d, speaker, speaker_mention
FROM (VALUES
  (1, E'Ruth Calder toured the port on Monday with her husband, the former governor Paul Calder.\n\nCalder said her plan would cut the harbour fees by half.'),
  (2, E'Paul Calder toured the port on Monday with his wife, Senator Ruth Calder.\n\nCalder said his plan would cut the harbour fees by half.'),
  (3, E'Paul Calder toured the port on Monday with his wife, Senator Ruth Calder.\n\nCalder, greeting him at the gate, said the fees would fall.')) AS t(d, body),
  LATERAL news_analysis.quotes(body)
ORDER BY d, ordinal;

-- the subject of a speech verb opening its sentence ("Quill said Governor
-- Ellen Brandt never ...") is the one quoted, not the person named in what
-- she reports: a "she" after it is Quill, whose given name says nothing of
-- her gender, though the governor is named later and titled
SELECT ordinal, speaker, speaker_mention, kind
FROM news_analysis.quotes(E'Voters at the rally were split. Mara Quill, a nurse, and Dev Anand, a driver, came to hear the governor.\n\n'
  'Quill said Governor Ellen Brandt never talks about the hospitals.\n\n'
  '"It is always roads with her, never nurses," she said.')
ORDER BY ordinal;

-- a name's 's before a verb phrase is "is" or "has", the name the clause's
-- subject ("If Quill's unlikely to back", "Alder's been firm": a determiner,
-- an auxiliary's word, or an adjective or participle before a preposition,
-- "to", a determiner or the clause's end), not a possessive that only
-- qualifies a noun; "she's Alder's equal" stays a possessive (the name
-- follows a verb).  So "she" is Quill, and Alder, whom no word of the text
-- makes a woman, is not made one by it
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Senator Quill met Governor Alder in Dover on Monday.\n\n'
  'Alder wants the port to stay open. The council votes next week. The vote will be close.\n\n'
  'If Quill''s unlikely to back the tariff, she''s Alder''s equal on the budget, and she vows to block the cuts. She has also proposed a review of the port fees.')
ORDER BY ordinal;
SELECT name, gender, quotes
FROM news_analysis.speakers(E'Senator Quill met Governor Alder in Dover on Monday.\n\n'
  'Alder wants the port to stay open. The council votes next week. The vote will be close.\n\n'
  'If Quill''s unlikely to back the tariff, she''s Alder''s equal on the budget, and she vows to block the cuts. She has also proposed a review of the port fees.')
ORDER BY name;
-- but a possessive before a noun stays one ("Quill's family", "Quill's
-- proposed tariff"): the "he" after them is the subject quoted before them
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Senator Quill met Governor Alder in Dover on Monday. Alder said the port would stay open.\n\n'
  'Quill''s family, Quill''s proposed tariff and Quill''s rally in May came up too. The tariff was the main topic, he said.')
ORDER BY ordinal;

-- the pronouns already resolved to a person are evidence of gender even
-- when none was clear enough to give one (Robin is a given name of both):
-- a "he" for the woman the article's "she" went to is her last choice
-- (Burke, though only a possessive, is the one "he" means), and it makes
-- her no man, so the "she" after it is still Vale.  Known gap kept: "The
-- Republican incumbent" (row 1) is not resolved to Vale
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Robin Vale faces a hard race this fall. The seat has changed hands twice. Turnout is low. Polls are close. Money is tight.\n\n'
  'The Republican incumbent said her vote was her own. It is not as if she never backed anyone.\n\n'
  '"I was at every rally," she said.\n\n'
  'Vale has clashed with Dan Burke once, saying she was "shocked" that he would mock the veterans. For that she drew Burke''s anger - he called her "soft" and said she had "no friends" in Concord.')
WHERE part_of IS NULL
ORDER BY ordinal;
SELECT name, gender, quotes
FROM news_analysis.speakers(E'Robin Vale faces a hard race this fall. The seat has changed hands twice. Turnout is low. Polls are close. Money is tight.\n\n'
  'The Republican incumbent said her vote was her own. It is not as if she never backed anyone.\n\n'
  '"I was at every rally," she said.\n\n'
  'Vale has clashed with Dan Burke once, saying she was "shocked" that he would mock the veterans. For that she drew Burke''s anger - he called her "soft" and said she had "no friends" in Concord.')
ORDER BY name;

-- an interview's turn label ("((Omar Haddad))", as "OMAR HADDAD:") names
-- who answers, who is "I" in the answer: a he or she there is someone
-- else, never the label's person nor another guest's, and no pronoun looks
-- back past the turn's label (the landlord here is nobody named; in the
-- second, Victor Reyes)
SELECT d, ordinal, speaker, speaker_mention
FROM (VALUES
  (1, E'Wikinews spoke to two nurses, Omar Haddad and Lina Park, about the strike.\n\n'
      '((WN)) How did the strike start?\n\n'
      '((Omar Haddad)) It started in May. Nobody listened to us. We walked out on a Monday.\n\n'
      '((WN)) What happened to you after that?\n\n'
      '((Lina Park)) My landlord came by the next week. He told me to leave the flat. He said the rent had doubled.'),
  (2, E'Wikinews spoke to two nurses, Omar Haddad and Lina Park, about the strike.\n\n'
      '((WN)) What happened to you after that?\n\n'
      '((Lina Park)) My landlord, Victor Reyes, came by the next week. He told me to leave the flat.')) AS t(d, body),
  LATERAL news_analysis.quotes(body)
ORDER BY d, ordinal;

-- a he or she with no person near it goes back only to someone the text
-- surely names as a person (a title, a known given name, a gender), never to
-- a name only guessed to be one ("his Easter Vigil Mass").  Known gap
-- kept: "The bishop said" (row 6) is not resolved to the bishop, nor "The
-- head of the diocese" (row 2, named by its head noun only)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Millions spent on roads should have gone to the poor, Bishop Alan Reeve has said.\n\n'
  'The head of the diocese made the comments on local radio and will repeat them in his Easter Vigil Mass. The bishop used an Easter message to attack the cuts. He and the mayor have both spoken out about the cuts.\n\n'
  'Speaking on the radio, he criticised the fact that "millions" had been spent on roads. The bishop said 2006 should be the year for the poor. He added: "If the council were as ready to spend on people as on roads, others would listen."')
WHERE part_of IS NULL
ORDER BY ordinal;

-- a country's or a US state's name alone is no one a he or she means, even
-- when a role word after it made it look like a person's ("in Oregon,
-- Water Board Secretary Ana Ruiz"), unless a title or an honorific names
-- someone so: "he" is the governor, not Oregon
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Governor Tom Reed has clashed with farmers all year.\n\n'
  'At a rally in Salem, Oregon, on Thursday afternoon, Reed named the counties he said had wasted water. "We cannot wait another year," he said.\n\n'
  'In response to the comments in Oregon, Water Board Secretary Ana Ruiz released a statement.')
WHERE part_of IS NULL
ORDER BY ordinal;

-- someone the article names by a given name alone and quotes by it ("Bob
-- said") is a person a "he" may mean
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'A film about the siege in Harbin names the wrong man.\n\n'
  'The station chief, known only as Bob, spoke for the first time this week. Bob said the guards were brave. He said the film was wrong about the night.')
ORDER BY ordinal;

-- A chain of he-sentences that open with an adverb and its comma
-- ("Soon, he ...", "Recently, he said, ...") goes on about the man it
-- began with: the last quotation is his, not the mayor's named before him.
SELECT kind, left(text, 40) AS text, speaker, speaker_mention
FROM news_analysis.quotes(E'The city has taken in newcomers for forty years, Mayor Paul Ferris noted. "We do this every spring," Ferris said.\n\nKinan Haddad, 29, the shelter''s volunteer coordinator, came to the city from Aleppo in 2014 after two years in a camp. Haddad recalled how on his first night, all he heard was traffic. "I thought, ''This is too loud. ... Will I ever sleep?''"\n\nSoon, he found the neighbourhood friendly. He got a flat and a job at the shelter, and the city became home to him. Recently, he said, he has noticed that the suburbs are less welcoming.\n\n"People there still ask where I am really from," he said.')
WHERE kind = 'direct';
-- An adverb opening a sentence (Typically, Currently, Originally) is no
-- one's name: it is never a report's source.  (This report is itself a known
-- error: "which reports its weekly sales" is no speech; its source is the
-- relative "which", as written, that stands for the reseller.)
SELECT kind, text, speaker, speaker_mention
FROM news_analysis.quotes('Typically these tablets were first sold by a reseller which reports its weekly sales and the serial numbers of the devices back to the maker in Seoul.');

-- A pronoun inside a report's source of no name ("her government would
-- insist") is one mention of the person it means: Ana Morel is named twice
-- and meant once by "her", 3 mentions (the source was resolved twice, as
-- any source and then as a description, and "her" counted twice).
SELECT name, mentions, quotes
FROM news_analysis.speakers('President Ana Morel visited the port on Friday. Mrs Morel said that her government would insist on a new contract with the fuel suppliers.')
ORDER BY first_start;
