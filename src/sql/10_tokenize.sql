-- Tokens and sentences (src/pg/tokenize_pg.c).

CREATE TYPE news_analysis.token AS (
  ordinal   integer,
  sentence  integer,
  paragraph integer,
  kind      text,
  token     text,
  start     integer,
  length    integer
);
COMMENT ON TYPE news_analysis.token IS
  'a token of a text: substr(text, start, length) = token; sentence and paragraph are 1-based';

CREATE TYPE news_analysis.sentence AS (
  ordinal   integer,
  paragraph integer,
  start     integer,
  length    integer,
  text      text
);
COMMENT ON TYPE news_analysis.sentence IS
  'a sentence of a text: substr(text, start, length) = the sentence text';

CREATE FUNCTION news_analysis.tokenize(text)
  RETURNS SETOF news_analysis.token
  AS 'MODULE_PATHNAME', 'na_tokenize'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION news_analysis.tokenize(text) IS
  'tokens of a news text: words, numbers, money, ranges, abbreviations, initials, quotes, urls, ... with 1-based character offsets';

CREATE FUNCTION news_analysis.sentences(text)
  RETURNS SETOF news_analysis.sentence
  AS 'MODULE_PATHNAME', 'na_sentences'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 30;
COMMENT ON FUNCTION news_analysis.sentences(text) IS
  'sentences of a news text; abbreviations (Mr., U.S., Jan.) and initials do not end one, paragraph breaks always do';
