-- speakers(): the people quoted, with role, affiliation, aliases and gender
SELECT name, role, affiliation, aliases, gender, mentions, quotes, first_start
FROM news_analysis.speakers(E'“We will not back down,” Mayor Elena Ruiz said on Monday. “The budget is fair.”\n\n'
  'The council’s treasurer, Tom Becker, said: “The numbers do not add up.” He called the plan “reckless.”\n\n'
  '“It is a sad day for the city,” said Ms. Ruiz.\n\n'
  'The French ambassador, Jean-Luc Moreau, said he was surprised. “We expected more,” he said.\n\n'
  'Canada’s envoy, Sarah Lin, told reporters: “Nobody wants this fight.”\n\n'
  '“This is not about trade,” said President Omar Haddad of Jordan.\n\n'
  'Dana Price, the communications director of the Harbor Workers Union, said: “We are ready.”\n\n'
  'Mr. Becker was not convinced.');

-- people who are only mentioned are not speakers; the row agrees with quotes()
SELECT s.name, s.quotes, (SELECT count(*) FROM news_analysis.quotes(t.body) q WHERE q.speaker = s.name) AS counted
FROM (VALUES ('Senator Hugh Blake criticized Dr. Mara Field. “She is wrong,” Mr. Blake said.')) AS t(body),
     news_analysis.speakers(t.body) AS s;

SELECT count(*) FROM news_analysis.speakers(NULL);
SELECT count(*) FROM news_analysis.speakers('“A quote nobody says.”');

-- roles from titles and appositions: before an honorific, with the role's
-- modifiers (the housing secretary), in other languages (la consejera de
-- Medio Ambiente), and never a possessive pronoun as affiliation (Its)
SELECT name, role, affiliation, aliases, gender
FROM news_analysis.speakers(E'The housing secretary, Ms. Priya Raman, said the plan was “fully funded”.\n\n'
  'Its chief executive, Ms. Joanne Pike, called the cuts “a hammer blow”.\n\n'
  '“The roads are safe,” Councillor Dana Whitfield said.\n\n'
  '“It is a mistake,” Britain’s ambassador, Eleanor Whitcombe, told the council.\n\n'
  '«El agua es de todos», afirmó la consejera de Medio Ambiente, Lucía Ferrer.\n\n'
  '« Nous paierons tous », a dit M. Dupuis.\n\n'
  '“Nobody won,” said M. Dane Waters.\n\n'
  'The chair of the talks, Ambassador Kofi Mensah of Ghana, was blunt: “Nobody agrees.”');

-- a surname with its particle written before the full name ("Van Dyke
-- says ..." in a lead, then Judge Ada van Dyke) is the same person: one
-- speaker under the fullest name
SELECT name, aliases, quotes
FROM news_analysis.speakers(E'Van Dyke says the ruling will stand.\n\n'
  'Judge Ada van Dyke told reporters on Tuesday that the appeal had no merit.\n\n'
  '“We are done here,” Van Dyke said.');

-- a party and a parliamentary title before a name are neither part of it
-- (Labour MP, Lib Dem MP, Green MEP, Liberal Democrat): the name is the
-- person's, the title a role; the party's members as a group keep their
-- name (the Lib Dems)
SELECT name, role, aliases, quotes
FROM news_analysis.speakers(E'Labour MP Joan Pettifer said the vote had been rushed.\n\n'
  '“It is a shambles,” said Lib Dem MP Owen Carrick.\n\n'
  'Green MEP Ilse Brandt said the rules were too weak.\n\n'
  'Liberal Democrat Tessa Morland said the cuts went too far.\n\n'
  'The Lib Dems said they would vote against the bill.')
ORDER BY first_start;

-- a surname mistyped after the full name (a letter dropped or changed, a
-- capital missed) is the same person; a short name (Rush after Bush) is no
-- slip, and a slip two people could be (Bergem: Bergen or Berger) is left
-- alone
SELECT name, aliases, quotes
FROM news_analysis.speakers(E'The surgeon Marta Kowalczyk reviewed the records with Dr. Ruth Pellegrino.\n\n'
  'Kowalczk said the records were incomplete.\n\n'
  'Pelegrino told the board the hospital would reply.\n\n'
  'A friend, Josh Bush, was there too. Rush said the board had been unfair.\n\n'
  'The analyst Omar Delacroix-Vane and his colleague, Ivo Hartmann, wrote the report. '
  'Hartman said the figures were sound.\n\n'
  'The coach, Rosa DeAngelo, was asked about the injury. Deangelo said it was minor.')
ORDER BY first_start;
SELECT name, aliases
FROM news_analysis.speakers(E'Hanna Bergen and Lena Berger arrived. Bergem said the deal was done.')
ORDER BY first_start;

-- a date before a description and a name ("said 9/11 widow Dana Perlow")
-- is a modifier of the source, not its end; "a think tank" is a noun, no
-- report of "a liberal" who thinks
SELECT kind, text, speaker, speaker_mention
FROM news_analysis.quotes(E'“The rules do not hold. They are wrong,” said 9/11 widow Dana Perlow.\n\n'
  '“The plan punishes renters,” said Omar Haddad, a fellow at the Harbor Institute, a liberal think tank.')
ORDER BY ordinal;
