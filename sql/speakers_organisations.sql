-- Organisations as sources (issue #16): a source that is an organisation
-- comes out as the organisation, under the name the article gives it, never
-- as a person named inside the phrase and never as nobody when the article
-- names it.  Every sentence here is written for this test.

-- a name and a noun of data/lexicon/org_heads_after_name.tsv: the campaign,
-- the administration, the police of a place; not the person or the place
SELECT ordinal, kind, speaker, speaker_mention
FROM news_analysis.quotes(E'Senator Rosa Harlow toured three mills in Ohio on Friday.\n\n'
  'The Harlow campaign said the tour had drawn large crowds.\n\n'
  '“We are not worried about the polls,” the Harlow campaign said in a statement.\n\n'
  'Dayton police said two people were arrested outside the mill.\n\n'
  'The Harlow administration would raise the minimum wage, Ms. Harlow said.')
ORDER BY ordinal;

-- a possessive is no part of such a name: Harlow's campaign stays undecided
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Rosa Harlow spoke in Dayton.\n\nHarlow’s campaign said the crowd was the largest yet.');

-- a description resolves to the organisation of its kind
-- (data/lexicon/org_kinds.tsv) the article named before it; an indefinite
-- one, or a headline's, to the one named after it; "Of"/"For" inside an
-- organisation's name keep it whole (Guild of Hospital Porters)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Porters'' union backs hospital strike.\n\n'
  'A union representing hospital porters said on Tuesday that its members would strike next month.\n\n'
  'The Guild of Hospital Porters has 12,000 members in the north of England.\n\n'
  '“Our members have waited long enough for a fair offer,” the union said.\n\n'
  'The Kelso Gazette reported that two hospitals had already hired agency staff. '
  'The newspaper said the trusts had set aside money for the dispute.')
ORDER BY ordinal;

-- no organisation of that kind named: the description stays undecided; a
-- description with another noun after its noun is someone else (the
-- committee chairmen are people), and "The Committee" alone names no
-- committee to resolve to
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'The company said its profits had fallen by a third.\n\n'
  'The Committee met on Monday. The Budget Committee of the Ashford council debated the plan.\n\n'
  'The committee chairmen said they would not sign the report.')
ORDER BY ordinal;

-- a document's author: a name inside the phrase (a Larkspur survey) or
-- after "by"; not a place (a Florida poll), not a party word alone
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Voters in the county favour the levy, according to a recent Larkspur survey of 900 residents.\n\n'
  'A new report by Meridian Analytics found that rents rose by 9 percent last year.\n\n'
  'A Florida poll found the race was tied.')
ORDER BY ordinal;

-- he and she mean people, never an organisation quoted under a full name
-- (the Centre for Coastal Studies); a name does not run on over "for" into
-- a person the article named (the Coalition for Harlow), and a surname
-- alone is the person, not an organisation named after her
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Dr. Mira Castell leads the research group at the port.\n\n'
  'The Centre for Coastal Studies said the sea wall had failed twice.\n\n'
  '“The defences are too old,” she said.\n\n'
  'Rosa Harlow visited the harbour. The Coalition for Harlow said it had raised $40,000.\n\n'
  '“She listens,” Harlow told reporters.')
ORDER BY ordinal;

SELECT name, quotes, first_start
FROM news_analysis.speakers(E'Senator Rosa Harlow toured three mills in Ohio on Friday.\n\n'
  'The Harlow campaign said the tour had drawn large crowds, Ms. Harlow said.');

-- a surname alone that two people of the article take is the one the
-- article names most (the article is about Carla Denton, her husband is
-- named once), not merely the one named last
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Carla Denton opened her campaign in Leeds on Monday. Carla Denton spoke for an hour.\n\n'
  'Her husband, Paul Denton, sat in the front row.\n\n'
  'Denton said the city needed new trams.')
ORDER BY ordinal;

-- a name before "campaign" or "administration" qualifies the organisation:
-- she is the woman quoted before, not the candidate whose campaign it is
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Carla Denton spoke in Orlando on Monday.\n\n'
  '“The turnout is too low,” said Nadia Perrin, who runs a voter drive in Tampa.\n\n'
  'Volunteers say the Denton campaign has ignored the city.\n\n'
  '“They have not knocked on a single door here,” she said.')
ORDER BY ordinal;

-- a typewriter and a curly apostrophe spell one name: O'Brien is Dermot O’Brien
SELECT name, aliases, quotes
FROM news_analysis.speakers(E'“We are ready,” Commissioner Dermot O’Brien said.\n\n'
  '“Nobody was hurt,” O''Brien said.');
SELECT news_analysis.person_key('Dermot O’Brien') = news_analysis.person_key('Dermot O''Brien') AS same_key;

-- a party named by one word is the party, under its full name
-- (data/lexicon/party_names.tsv); a party's adjective or member alone is
-- someone unnamed, no speaker; the plural is the group as written
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Labour said the new rail fares were unfair to commuters.\n\n'
  'One Tory said the rise had been inevitable.\n\n'
  'Republicans said the budget should be balanced first.')
ORDER BY ordinal;

-- an outlet's own name in capitals is counted under its usual spelling
-- (data/lexicon/name_respellings.tsv)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('POLITICO reported that the senator would retire next year.');

-- a dateline after a headline and the archive's labels, its lead opening
-- with a title (Sen.), is no speaker
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Senate Passes Farm Bill.\n\nABSTRACT.\n\nThe bill passed narrowly.\n\nFULL TEXT.\n\n'
  'HARTFORD — Sen. Ellen Marsh defended the farm bill on Friday, saying it would keep small dairies open.');

-- a headline's names are not collected, but the person it names as the
-- source is the one the article names: Gina Holt, not nobody; a capital
-- that only qualifies the source (the Saturday debate) names no one
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Gina Holt Says The Port Deal Is Dead.\n\n'
  'Mayor Gina Holt told reporters on Friday that the port deal had collapsed.\n\n'
  'The Saturday debate showed that the council was split.')
ORDER BY ordinal;

-- "it" is the organisation quoted just before it, never a person
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'The Kelso Harbour Association said the pier would reopen in June.\n\n'
  '“We have repaired every beam,” it said.\n\n'
  'Engineer Ana Lind said the beams were sound.\n\n'
  '“They will hold for fifty years,” it said.')
ORDER BY ordinal;

-- "it" after a source named by one word: a company the text capitalises in
-- mid sentence (Brakwell) is that company; a word capitalised only where a
-- sentence starts (Bondholders) is no name "it" can mean
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Shares in Brakwell rose 4% on Monday.\n\n'
  'Brakwell said sales of its garden tools had doubled. It said a second factory would open in May.\n\n'
  'Bondholders said the offer was too low. It said the talks would go on.')
ORDER BY ordinal;

-- police as a source, bare or "the police", is the police force the
-- article named (org_kinds.tsv: police); a name's head word gives its kind
-- too (the Kelso Police Federation is "the federation" as well as police)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Officers of the Kelso Valley Police arrested two men on Sunday.\n\n'
  'The men had been seen near the depot, police said.')
ORDER BY ordinal;
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'The Kelso Police Federation criticised the cuts on Monday.\n\n'
  'Staff were stretched, the federation said.')
ORDER BY ordinal;

-- a place named where the source is ("surveys in Ohio and Iowa", "officials
-- in Lisbon") is not who speaks: no speaker; a name after "and" that
-- follows no such list stays the source (Nationwide)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Recent surveys in Ohio and Iowa have shown the senator gaining ground.\n\n'
  'Officials in Lisbon said the bridge would reopen in May.\n\n'
  'House prices fell in January, and Nationwide said the fall would last.')
ORDER BY ordinal;

-- a source found at the organisation of someone's role ("X, president of
-- the Guild, which represents ..., said") is the person whose role it is
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes('Ines Marchetti, president of the Harbor Pilots Guild, which represents 400 pilots, said the strike would go ahead.')
ORDER BY ordinal;

-- a poll or study made by partners joined with a slash is one source
-- named by both (the Herald/WKTV poll); a participle after the document's
-- noun (conducted, released) is no part of the source; the author of "a
-- study by X and Y" is X, the first, and a study by a description of an
-- organisation or by a role holder ("by Dunmore Law School professor Ann
-- Reyes") is by the name the description leads to
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'According to a Portland Herald/WKTV News poll released on Monday, the mayor leads by six points.\n\n'
  'A Lakeside College/Daily Courier survey conducted last month found that most renters expect higher rents.\n\n'
  'A 2015 study by Fenwick University and the University of Tromso at Narvik found that winter births are rising.\n\n'
  'A 2019 study by Dunmore Law School professor Ann Reyes found that 12 of the cases were real.\n\n'
  'A report by the conservative watchdog group Civic Ledger found that the governor got twice the airtime.')
ORDER BY ordinal;
-- names joined by a slash but leading to no poll or study stay two names
SELECT name FROM news_analysis.speakers(E'Senator Ada Vance met Governor Luis Ortega on Monday.\n\n'
  'The Vance/Ortega plan would cost too much, the Ortega campaign said.')
ORDER BY first_start;

-- "her campaign", "his administration" as a source: the organisation of
-- the person the pronoun means, as the article names it (the Vance
-- campaign); where the article never names it so, the organisation of
-- the person's surname and the noun (Ortega administration), never the
-- person himself
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Senator Ada Vance was treated for a cold, her campaign said on Sunday.\n\n'
  'The Vance campaign cancelled two events. Later her campaign disclosed that she had pneumonia.\n\n'
  'Governor Luis Ortega visited the flooded towns. His administration said that the repairs would take a year.')
ORDER BY ordinal;

-- "his campaign", "her administration" when the article never writes the
-- organisation after one of the person's names: the organisation named by
-- the person's surname and the noun (Okafor campaign, Lindqvist
-- administration), one speaker for both of its reports; a possessive after
-- a preposition ("throughout his campaign promised") is no source of its
-- own, and a pronoun that means no one named leaves it unnamed
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'David Okafor toured three mills in the valley on Friday. His campaign said that he would return in May.\n\n'
  'Later his campaign announced that the tour had raised $2 million.\n\n'
  'Governor Petra Lindqvist met the farmers at noon. Her administration said that the subsidy would stay.\n\n'
  'The mayor, a veteran of six races, has throughout his campaign promised that taxes would fall.')
ORDER BY ordinal;

SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'The rally in the square ended early. His campaign said that the rain had kept people away.')
ORDER BY ordinal;

SELECT name, gender, quotes
FROM news_analysis.speakers(E'David Okafor toured three mills in the valley on Friday. His campaign said that he would return in May.\n\n'
  'Later his campaign announced that the tour had raised $2 million.')
ORDER BY first_start;

-- the makers of a document listed after the source ("The authors of the
-- paper, which include the U.S. Harbor Education Fund and ...") are its
-- first organisation, a country before the name skipped; people listed
-- ("The sponsors, including Dr. Ann Reyes") are examples of a group, and
-- the source stays unnamed
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'The authors of the paper, which include the U.S. Harbor Education Fund and Citizens for Fair Tax, read the accounts of 300 firms and found that 40 percent ''paid nothing at all.''\n\n'
  'The sponsors, including Dr. Ann Reyes and Tom Hale, said that the trial would continue.')
WHERE kind <> 'partial'
ORDER BY ordinal;

-- an organisation named in full and by its acronym (the Coastal Research
-- Council ... the CRC) is one speaker under the acronym, the full name an
-- alias; a joint name (Harbor News-Ipsos) is no spelling of an acronym
SELECT name, aliases, quotes
FROM news_analysis.speakers(E'The Coastal Research Council cut its estimate of the storm season on Tuesday.\n\n'
  'The CRC expects nine named storms. Overall, the council predicted that two would reach land.\n\n'
  'A Harbor News-Ipsos poll found that most residents want a sea wall, and HN said the poll would be repeated.')
ORDER BY first_start;

-- "it" opening a main clause after a subordinate clause that opens the
-- sentence means that clause's subject when it can be an organisation
-- (the NRDC); not a place, not a person, and not the "it" of a passive
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Although the NRDC did not name the mine, it warned that the river was "badly polluted" this spring.\n\n'
  'When Governor Ana Ruiz spoke, it was clear that the budget would pass.\n\n'
  'Because the Kestrel Group had studied the plan, it was said to be sound by the council.')
ORDER BY ordinal;

-- police as a source when the article names the force only through a
-- role ("the Dunmore-Lake police chief"), later: that force
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Officers stopped the van near the bridge. According to police, the driver had a knife.\n\n'
  'Kerr Dale, the Dunmore-Lake police chief, said that the video did not settle the question.')
ORDER BY ordinal;

-- "the state" as a source is the US state named last before it (in its
-- paragraph or the one before); an adverb of manner in -ly between the
-- source and its cue ("the state wrongly stated") is no part of the source
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Advocates recall the 1998 count in Nevada, when the state wrongly stated that 9,000 voters had moved.\n\n'
  'Officials in Oregon were calmer. The state said that it would appeal the ruling.\n\n'
  'The family said that the farm would be sold.')
ORDER BY ordinal;

-- a party's people in the plural ("Republicans", "Democrats") are counted
-- as written: never under a longer name that ends in them ("Budget
-- Committee Republicans", or "Plus Democrats", a sentence's first word
-- read into a name)
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Budget Committee Republicans said that the deficit would grow.\n\n'
  'Republicans said that the vote would be close. Plus Democrats argued that the bill was unfair.\n\n'
  'Democrats said that they would try again next year.')
ORDER BY ordinal;

-- a name after a word that lists members ("including Ms. Ortiz") is one
-- example of the group that is the source, no speaker of its own; with a
-- relative clause of its own ("campaigners, including Councillor Ana Ruiz, who
-- says") it is the source
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'As many lawyers, including Ms. Ortiz, have pointed out, the firm is free to publish the letters.\n\n'
  'The plan was criticised by road campaigners, including Councillor Ana Ruiz, who says it will cost lives.')
ORDER BY ordinal;

-- a candidate's advertisement speaks for the campaign: "a narrator in the
-- Okafor ad", "The Okafor ad" are the Okafor campaign, one speaker with
-- "Her campaign"; an ad of an organisation's name ("A Harbor Fund ad")
-- stays unnamed
SELECT ordinal, speaker, speaker_mention
FROM news_analysis.quotes(E'Senator Ada Okafor released a new ad on Monday, her third this month.\n\n'
  '"Jobs come first," a narrator in the Okafor ad says.\n\n'
  'The Okafor ad also says that taxes will fall.\n\n'
  'A Harbor Fund ad says that the port is unsafe. Her campaign said the ad was false.')
ORDER BY ordinal;
