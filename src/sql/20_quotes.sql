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
  confidence      real,
  cue_start       integer,
  cue_length      integer,
  cue_class       text,
  part_of         integer
);
COMMENT ON TYPE news_analysis.quote IS
  'an attribution: what is said at substr(body, start, length) (for a quotation the text inside the marks); kind direct or partial (quotations), mixed (reported speech holding quoted words), indirect (reported speech without quotation marks) or unattributed (scare quotes, titles, nicknames: nobody says them); speaker is the canonical name, speaker_mention the source as written at substr(body, mention_start, mention_length); cue as written (said, told, according to) at substr(body, cue_start, cue_length), cue_class speech, thought (beliefs, intentions) or finding (of a poll, study or document); attribution name, title, pronoun, continuation, colon, according_to or subject; confidence 0..1; part_of the ordinal of the row this one is a piece of (a partial quote inside a mixed attribution, the second piece of content split by its cue), NULL for a whole attribution';

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
  'every attribution of a news text with its speaker, in text order: quotations (“…,” X said / said X / X said: “…” / according to X / ''''…'''' as the New York Times writes them / partial quotes inside paraphrase) and reported speech without marks or with quoted words inside (X said (that) …; X told Y …; …, X said; According to X, …; The deal, she said, is dead), with the cue and its class (speech, thought, finding); pronouns resolved to the person meant; continuation of the last speaker; a role phrase in apposition gives the name it introduces (Britain’s ambassador, X, said); common French, Spanish, German, Italian and Portuguese cues (a déclaré, dijo, sagte, ha detto, disse, selon, según); a quote open at a paragraph end ends there';

CREATE FUNCTION news_analysis.speakers(text)
  RETURNS SETOF news_analysis.speaker
  AS 'MODULE_PATHNAME', 'na_speakers'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION news_analysis.speakers(text) IS
  'the people quoted in a news text, directly or in reported speech, in order of first mention: canonical name, role, affiliation, aliases, gender, mentions, quotes (their attributions of every kind, a piece of another counted with it)';
