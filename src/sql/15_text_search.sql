-- Text search: news_parser and the english_news configuration (src/pg/tsparser_pg.c).

CREATE FUNCTION news_analysis.news_parser_start(internal, integer)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'na_ts_start'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_start(internal, integer) IS
  'news_parser: scans a document (text search parser support function)';

CREATE FUNCTION news_analysis.news_parser_nexttoken(internal, internal, internal)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'na_ts_nexttoken'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_nexttoken(internal, internal, internal) IS
  'news_parser: returns the next token (text search parser support function)';

CREATE FUNCTION news_analysis.news_parser_end(internal)
  RETURNS void
  AS 'MODULE_PATHNAME', 'na_ts_end'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_end(internal) IS
  'news_parser: frees a scanned document (text search parser support function)';

CREATE FUNCTION news_analysis.news_parser_lextype(internal)
  RETURNS internal
  AS 'MODULE_PATHNAME', 'na_ts_lextype'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION news_analysis.news_parser_lextype(internal) IS
  'news_parser: its token types (text search parser support function)';

CREATE TEXT SEARCH PARSER news_analysis.news_parser (
  START    = news_analysis.news_parser_start,
  GETTOKEN = news_analysis.news_parser_nexttoken,
  END      = news_analysis.news_parser_end,
  LEXTYPES = news_analysis.news_parser_lextype,
  HEADLINE = pg_catalog.prsd_headline
);
COMMENT ON TEXT SEARCH PARSER news_analysis.news_parser IS
  'the news_analysis scanner as a text search parser: words (hyphenated ones with their parts), abbreviations and initials without their final full stop, numbers, money, percentages, ranges, urls, emails, handles, hashtags, quotes; every other byte is blank';

CREATE TEXT SEARCH CONFIGURATION news_analysis.english_news (PARSER = news_analysis.news_parser);
COMMENT ON TEXT SEARCH CONFIGURATION news_analysis.english_news IS
  'English news: words (names too) and the parts of hyphenated words through english_stem; abbreviations and initials lower-cased whole without their final stop (U.S. and U.S give u.s, Mr. gives mr); numbers, ranges (52-48), percentages, money (also its number and scale word), urls, emails, handles, hashtags (also their word), emoji and ideographs lower-cased whole (simple); punctuation, quotes, dashes and symbols not indexed; tokens of 2047 bytes or more not indexed';

ALTER TEXT SEARCH CONFIGURATION news_analysis.english_news
  ADD MAPPING FOR word, hword, hword_part WITH pg_catalog.english_stem;
ALTER TEXT SEARCH CONFIGURATION news_analysis.english_news
  ADD MAPPING FOR abbreviation, initial, number, range, percent, money, url, email,
                  handle, hashtag, emoji, ideograph
  WITH pg_catalog.simple;
