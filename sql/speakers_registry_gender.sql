-- The people registry never counts a surname alone under a full name of
-- the other gender (issue #16): a gendered title or honorific of the
-- surname alone ("Lord Thorne") or its gender evidence, against the full
-- name's evidence or its given name ("Rebecca Thorne").  A given name is
-- evidence against a merge only, never a person's gender.  Every sentence
-- here is written for this test.

-- what a name's own words say: a gendered title or honorific in front (an
-- abbreviation too: "Mr."), else the given name of a full name; a surname
-- alone, a given name of either gender (Lee) or none: NULL
SELECT n, news_analysis.name_gender(n) AS gender
  FROM (VALUES ('Lord Thorne'), ('Lady Thorne'), ('Mr. Okoro'), ('Mrs Okoro'),
               ('Congresswoman Ada Reyes'), ('President Daniel Okoro'), ('Rebecca Thorne'),
               ('Lee Marsh'), ('Thorne'), ('Okoro'), ('')) v(n);

CREATE TABLE briefs (id int PRIMARY KEY, outlet text, published date, body text);
SELECT news_analysis.track('briefs', 'body', 'id');
-- a peer spoken of by title and surname only, and a woman of that surname
-- quoted once by her full name: two people
INSERT INTO briefs VALUES
  (1, 'Courier', '2026-04-01', 'Lord Thorne said the housing bill was badly drafted. “It will not survive the committee,” he said.'),
  (2, 'Courier', '2026-04-02', '“The peers will send it back,” Lord Thorne told reporters.'),
  (3, 'Courier', '2026-04-03', '“We have filed the appeal,” said Rebecca Thorne, a solicitor in Leeds.');
SELECT key, name, gender, articles, keys FROM briefs_people WHERE key ~ 'thorne' ORDER BY key;
-- a woman of the surname alone is counted under her
INSERT INTO briefs VALUES
  (4, 'Courier', '2026-04-04', 'Ms Thorne said the appeal would be heard in May. “We are ready,” she said.');
SELECT key, name, gender, articles, keys FROM briefs_people WHERE key ~ 'thorne' ORDER BY key;

-- a president named by title and surname ("President Okoro", "Mr. Okoro")
-- beside his full name and his wife's, who has no gender evidence of her
-- own: "Mr. Okoro" is his, her given name rules her out; "Mrs. Okoro" is
-- hers; "Okoro" with no gender evidence ("President" tells none) stays its
-- own, two people of the table share it
INSERT INTO briefs VALUES
  (5, 'Ledger', '2026-04-05', 'President Daniel Okoro signed the budget on Tuesday. “This is a good day,” he said.'),
  (6, 'Ledger', '2026-04-06', '“The budget protects pensions,” Mr. Okoro said in a statement.'),
  (7, 'Ledger', '2026-04-07', '“We will not cut the schools,” President Okoro told the assembly. He left early.'),
  (8, 'Ledger', '2026-04-08', '“Children need books,” said Grace Okoro, who chairs the literacy trust.'),
  (9, 'Ledger', '2026-04-09', '“The trust opens ten libraries,” Grace Okoro said at the launch.');
SELECT key, name, gender, articles, keys FROM briefs_people WHERE key ~ 'okoro' ORDER BY key;
INSERT INTO briefs VALUES
  (10, 'Ledger', '2026-04-10', 'Mrs. Okoro said the libraries would open in June. “Every town will have one,” she said.'),
  (11, 'Ledger', '2026-04-11', '“Nothing is decided yet,” Okoro said.');
SELECT key, name, gender, articles, keys FROM briefs_people WHERE key ~ 'okoro' ORDER BY key;
SELECT article_key, speaker, key, person_name FROM briefs_speaker_people ORDER BY article_key, speaker;

SELECT news_analysis.untrack('briefs');
DROP TABLE briefs;
