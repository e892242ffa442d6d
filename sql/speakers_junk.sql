-- Names that are no one's (issue #16): the classes of junk entries read by
-- eye in the per-outlet top-40 speakers of the corpora, each kept out of
-- the speakers' names.  Every sentence here is written for this test.

-- a contracted word (It's, He's, That's, Let's, Don't) opens no name and
-- ends a run of capitals: "He's Dan Holloway" is Dan Holloway, "That's"
-- and "Let's" are no one.  "That's" is no source of a report either (#13),
-- and "to change" is what is left of its cue's content once the sentence's
-- own ", Holloway added" is cut off: too short a report, no row.  "Let's
-- hope the weather holds" is a report of "let us" (row 6): the writer and
-- the readers, as "we" would be, no one by name
SELECT ordinal, speaker, speaker_mention, cue
FROM news_analysis.quotes('It''s a fair deal, the council said. He''s Dan Holloway, and he knows the harbour better than anyone, Mira Patel said. That''s expected to change, Holloway added. Let''s hope the weather holds, he said. Don’t count on it, Patel said.')
ORDER BY ordinal;
SELECT name, gender, quotes
FROM news_analysis.speakers('It''s a fair deal, the council said. He''s Dan Holloway, and he knows the harbour better than anyone, Mira Patel said. That''s expected to change, Holloway added.');
-- but a name's apostrophe stays (O'Neill), and so does a possessive
SELECT name FROM news_analysis.speakers('Cara O''Neill said the ferry was late. O''Neill’s brother said it was early.');

-- a title word before an organisation's word is the organisation's first
-- word (the State Department), no title of a person "Department"; a
-- title before a given name, or before a name that may end in a surname,
-- stays one (Housing Minister Nell Hill: a hill is no kind of organisation)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('The State Department said it would review the visas. The Justice Ministry declined to comment on the case, and the ministry said it had no record. Housing Minister Nell Hill said the homes would be built.')
ORDER BY ordinal;
SELECT name, role FROM news_analysis.speakers('The State Department said it would review the visas. He said nothing more.');
-- an organisation's word after a role's possessive runs on in its name
-- (the County Sheriff's Department), never the State Department named before
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('The State Department said it would review the visas. The Marlow County Sheriff''s Department said two deputies were at the scene.')
ORDER BY ordinal;

-- an acronym or a name that stands alone (data/lexicon/org_brand_names.tsv)
-- never joins a longer name ending in it: a sentence's first word before it
-- ("New EU tariffs") or a nickname in quotation marks is no part of its
-- name; an acronym of a kind of organisation (PAC) still ends names
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('New EU tariffs take effect on Monday. The EU said the tariffs were fair. Birders call the site “Owl Twitter.” Twitter said it welcomed them. The Harbor Alliance PAC ran its first ad on Sunday. The super PAC said the ad cost $2 million.')
ORDER BY ordinal;
-- the registry's key of an acronym, a name standing alone or a party's
-- people, alone, keeps the word as written, so that it is never counted
-- under the one longer name ending in it (a surname in capitals is none)
SELECT n, news_analysis.person_key(n) AS key, news_analysis.person_surname(news_analysis.person_key(n)) AS surname
  FROM (VALUES ('SVP'), ('EU''s'), ('Junge SVP'), ('Twitter'), ('Tories'), ('Senior Tories'),
               ('TRUMPET'), ('Donald Trumpet')) v(n);
-- a place (China) or a group (Analysts) alone keeps its word as written too,
-- and an organisation's name over "of" keeps all its words, so that the
-- place is never counted under the organisation (the Bank of China)
SELECT n, news_analysis.person_key(n) AS key, news_analysis.person_surname(news_analysis.person_key(n)) AS surname
  FROM (VALUES ('China'), ('Bank of China'), ('Analysts'), ('Institute for Coastal Studies'),
               ('Jordan')) v(n);

-- an acronym before a lower-case 's is a possessive (the WHO's report),
-- not "who is"; "report" inside the source of "according to" is no cue of
-- its own, so the report is found once
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('According to the WHO''s weekly report, cases had fallen by half.');

-- a compass word and one word the gazetteer does not know name a place
-- (North Tavania): never the person a pronoun means
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('Mira Osei grew up in North Tavania. She said the village had no school. He told me to wait at the pier, she said.')
ORDER BY ordinal;

-- a greeting opens no name (Hi Teodor), nor does a live blog's label
-- (The Latest:), nor "Real" before a name (the Real Gary Holt is Gary Holt)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('Hi Teodor. Nice to meet you. He said the road was closed.');
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('The Latest: Mayor opens the new bridge. The mayor, Ana Ruiz, said the bridge would open on Friday.')
ORDER BY ordinal;
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('Her book, The Inside Story of the Real Gary Holt, sold well. Holt said he had not read it.');

-- an interview's initials (MK:) are the one person the article names with
-- them; two people with those initials leave them as written
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Wikinews spoke with the biologist Marta Kowalczyk about penguins.\n\n((WN)) Why penguins?\n\nMK: This work started in 1990, long before I joined the lab.\n\n((WN)) What comes next?\n\nMK: We will count them again in the spring.')
ORDER BY ordinal;
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'We met Marta Kowalczyk and Mark Kane at the colony.\n\nMK: We will count them again in the spring.')
ORDER BY ordinal;

-- a country alone is never counted under an organisation named after it
-- (the Bank of Ghana): its key is no surname
CREATE TABLE clips (id integer PRIMARY KEY, body text);
SELECT news_analysis.track('clips', 'body', 'id');
INSERT INTO clips VALUES
  (1, 'The Bank of Ghana said rates would stay at 2%.'),
  (2, 'Ghana said it would not devalue.');
SELECT name, quotes, keys FROM clips_people ORDER BY name;
SELECT news_analysis.untrack('clips');
DROP TABLE clips;
