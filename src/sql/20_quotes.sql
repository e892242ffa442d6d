-- Quotes and speakers (src/pg/quotes_pg.c, src/core/quotes.c, src/core/speakers.c).

CREATE TYPE news_analysis.quote AS (
  ordinal         integer,
  text            text,
  start           integer,
  length          integer,
  paragraph       integer,
  sentence        integer,
  kind            text,
  speaker         text,
  speaker_mention text,
  mention_start   integer,
  mention_length  integer,
  cue             text,
  attribution     text,
  confidence      real
);
COMMENT ON TYPE news_analysis.quote IS
  'a quotation: text inside the marks at substr(body, start, length); kind direct, partial or unattributed (scare quotes, titles, nicknames); speaker is the canonical name, speaker_mention the source as written at substr(body, mention_start, mention_length); cue as written (said, told, according to); attribution name, title, pronoun, continuation, colon, according_to or subject; confidence 0..1';

CREATE TYPE news_analysis.speaker AS (
  name        text,
  role        text,
  affiliation text,
  aliases     text[],
  gender      text,
  mentions    integer,
  quotes      integer,
  first_start integer
);
COMMENT ON TYPE news_analysis.speaker IS
  'a quoted person: canonical name (the fullest the text uses), role and affiliation from titles and appositions, the other spellings used, gender where an honorific or pronoun states it, mentions (names and resolved pronouns), quotes, and the 1-based character position of the first mention';

CREATE FUNCTION news_analysis.quotes(text)
  RETURNS SETOF news_analysis.quote
  AS 'MODULE_PATHNAME', 'na_quotes'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 20;
COMMENT ON FUNCTION news_analysis.quotes(text) IS
  'quotations of a news text with their speakers: “…,” X said / said X / X said: “…” / according to X / pronouns resolved to the person meant / continuation of the last speaker / partial quotes inside paraphrase; a role phrase in apposition gives the name it introduces (Britain’s ambassador, X, said); common French, Spanish, German, Italian and Portuguese cues (a déclaré, dijo, sagte, ha detto, disse, selon, según); a quote open at a paragraph end ends there';

CREATE FUNCTION news_analysis.speakers(text)
  RETURNS SETOF news_analysis.speaker
  AS 'MODULE_PATHNAME', 'na_speakers'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION news_analysis.speakers(text) IS
  'the people quoted in a news text, in order of first mention: canonical name, role, affiliation, aliases, gender, mentions, quotes';
