--
-- Analyst views: news_analysis.create_views() over a tracked table, and
-- quoted_on().  The articles are short and written for this test.
--
CREATE TABLE articles (id integer PRIMARY KEY, published date, outlet text, body text);
INSERT INTO articles VALUES
  (1, '2026-01-10', 'Harbour Post',
   'The harbour board voted 5-2 on Monday to dredge the north channel. “The ships are getting bigger and we have to keep up,” the board’s chair, Ms. Nora Quist, said after the vote. She added that work would start in May.'),
  (2, '2026-01-24', 'Harbour Post',
   'Fishermen are angry about the dredging plan. “Nobody asked us,” said Colm Reddy, who leads the fishermen’s cooperative. “The silt will wreck the oyster beds.”'),
  (3, '2026-02-03', 'Valley News',
   'Russia vetoed a Security Council resolution on the Varn river dam on Tuesday. The draft received 13 votes in favour, with Russia against and China abstaining. “This is a sad day for the people of the valley,” Britain’s ambassador, Hugh Marsh, told the council.'),
  (4, '2026-02-17', 'Valley News',
   '“We will dredge carefully,” Ms. Quist told Valley News. The chair said the board had hired divers to survey the oyster beds. “Nobody will lose a livelihood over this,” she said.'),
  (5, '2026-02-20', 'Valley News',
   'The weather stayed dry across the valley all week.');
SELECT news_analysis.track('articles', 'body', 'id');
SELECT * FROM news_analysis.create_views('articles');
SELECT views FROM news_analysis.tracked;
SELECT obj_description('articles_top_speakers'::regclass, 'pg_class');

SELECT article_key, published, outlet, ordinal, speaker, role, kind, quote
  FROM articles_quoted ORDER BY article_key, ordinal;
SELECT * FROM articles_top_speakers;
SELECT * FROM articles_speakers_by_outlet;
SELECT * FROM articles_speakers_by_month;
SELECT * FROM articles_quotes_per_article;
SELECT * FROM articles_quotes_per_outlet;
SELECT * FROM articles_speaker_roles;
SELECT * FROM articles_vote_timeline;
SELECT * FROM articles_vetoes;

-- who is quoted in articles that mention a word (or a word starting with it)
SELECT * FROM news_analysis.quoted_on('articles', 'oyster');
SELECT * FROM news_analysis.quoted_on('articles', 'DREDG');
SELECT * FROM news_analysis.quoted_on('articles', 'nothing-like-this');
SELECT * FROM news_analysis.quoted_on('articles', '');
-- punctuation alone, or only stop words, finds nothing
SELECT * FROM news_analysis.quoted_on('articles', 'it''s & | !');
SELECT * FROM news_analysis.quoted_on('articles', 'the');
-- the stem finds other forms of the word
SELECT speaker, quotes FROM news_analysis.quoted_on('articles', 'dredging');
-- several words are a phrase: adjacent and in that order, each a stem or prefix
SELECT speaker, quotes, articles FROM news_analysis.quoted_on('articles', 'oyster beds');
SELECT speaker, quotes, articles FROM news_analysis.quoted_on('articles', 'Security  Council,');
SELECT speaker, quotes, articles FROM news_analysis.quoted_on('articles', 'beds oyster');
SELECT speaker, quotes, articles FROM news_analysis.quoted_on('articles', 'north chan');

-- the views follow the table as it changes
UPDATE articles SET body = 'The dredging was postponed.' WHERE id = 4;
SELECT speaker, quotes, articles FROM articles_top_speakers;
DELETE FROM articles WHERE id = 3;
SELECT count(*) FROM articles_vetoes;
-- vetoes by country count countries only: a governor's veto is a person's
INSERT INTO articles VALUES (6, '2026-03-02', 'Valley News',
  'Governor Ana Ruiz vetoed the school funding bill on Friday. Later that day Russia vetoed the ceasefire resolution.');
SELECT actor, actor_kind, action, modality FROM news_analysis.vote_events(
  (SELECT body FROM articles WHERE id = 6)) ORDER BY ordinal;
SELECT country, vetoes, first_veto, motions FROM articles_vetoes;
DELETE FROM articles WHERE id = 6;

-- making the views again replaces them; without outlet or date columns they are NULL
SELECT count(*) FROM news_analysis.create_views('articles', outlet_column => NULL, published_column => NULL);
SELECT outlet, articles, quotes FROM articles_quotes_per_outlet;
SELECT count(*) FROM news_analysis.create_views('articles', outlet_column => 'nope');
SELECT count(*) FROM news_analysis.create_views('articles');
CREATE TABLE untracked (id integer PRIMARY KEY, body text);
SELECT news_analysis.create_views('untracked');
SELECT news_analysis.quoted_on('untracked', 'x');

-- untrack drops the views with the derived tables
SELECT news_analysis.untrack('articles');
SELECT relname FROM pg_class WHERE relname LIKE 'articles\_%' ORDER BY 1;
DROP TABLE articles, untracked;
