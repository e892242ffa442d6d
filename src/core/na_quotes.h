/*
 * na_quotes.h - quotations and their speakers: who said what.
 *
 * na_quotes_analyse reads a scanned na_doc (never the text again, apart from
 * comparing token spellings) and finds every attribution: each quotation
 * (the span inside the marks, whether someone says it, direct or partial,
 * or not: scare quotes, titles, nicknames) and each report of speech,
 * thought or finding without marks (indirect) or with quoted words inside
 * (mixed); with the cue and its class, the source mention and the speaker
 * it resolves to within the article ("Ms. Haley", "she" -> "Nikki R. Haley").
 * Speakers carry role ("ambassador"), affiliation ("France") and gender when
 * the text states them.
 *
 * Everything in a result is addressed by byte spans of doc->text (plus
 * character offsets for SQL), so a binding can slice and convert the server
 * text itself; the only strings the core owns are static ones (kind and
 * attribution names, canonical country names).
 */
#ifndef NA_QUOTES_H
#define NA_QUOTES_H

#include <stdint.h>

#include "na_mem.h"
#include "na_scan.h"

/* A piece of doc->text: bytes and characters (0-based, like na_token). */
typedef struct na_quote_span
{
	uint32_t	start;			/* byte offset */
	uint32_t	len;			/* bytes; 0 = absent */
	uint32_t	cstart;			/* character offset */
	uint32_t	clen;			/* characters */
} na_quote_span;

/* What a quotation is; na_quote_kind_name gives the SQL spelling. */
typedef enum na_quote_kind
{
	NA_QK_DIRECT = 1,			/* a quoted sentence or more: “It is a sad day,” she said */
	NA_QK_PARTIAL,				/* a quoted phrase inside paraphrase: called it “barbaric” */
	NA_QK_UNATTRIBUTED,			/* no one says it: scare quotes, titles, nicknames */
	NA_QK_MIXED,				/* reported speech holding quoted words: she called the plan “a disaster” */
	NA_QK_INDIRECT,				/* reported speech, no quotation marks: X said the deal is dead */
	NA_QK_COUNT
} na_quote_kind;

/* How the speaker was found; na_quote_attribution_name gives the SQL spelling. */
typedef enum na_quote_attribution
{
	NA_QA_NONE = 0,				/* no speaker */
	NA_QA_NAME,					/* a person's name: “…,” Ms. Haley said */
	NA_QA_TITLE,				/* a role or group: “…,” the spokesman said */
	NA_QA_PRONOUN,				/* “…,” he said: resolved to a named person if possible */
	NA_QA_CONTINUATION,			/* a following quote with no cue of its own */
	NA_QA_COLON,				/* X said: “…” (the cue precedes the quote) */
	NA_QA_ACCORDING_TO,			/* …, according to X */
	NA_QA_SUBJECT,				/* a partial quote: the subject of the sentence quoting it */
	NA_QA_COUNT
} na_quote_attribution;

/* What a cue reports; na_cue_class_name gives the SQL spelling. */
typedef enum na_cue_class
{
	NA_CUE_NONE = 0,
	NA_CUE_SPEECH,				/* said, told, according to, wrote, tweeted */
	NA_CUE_THOUGHT,				/* believes, thinks, wants, hopes, fears, expects, plans */
	NA_CUE_FINDING,				/* the poll shows, a study found, records indicate */
	NA_CUE_COUNT
} na_cue_class;

typedef enum na_gender
{
	NA_GENDER_UNKNOWN = 0,
	NA_GENDER_FEMALE,
	NA_GENDER_MALE
} na_gender;

typedef struct na_quote
{
	na_quote_span text;			/* inside the marks; a quote running over
								 * paragraphs gives one quote per paragraph,
								 * all attributed to its speaker */
	uint32_t	first_token;	/* tokens inside the marks */
	uint32_t	ntokens;
	uint32_t	paragraph;		/* 0-based, of the opening mark */
	uint32_t	sentence;		/* 0-based, of the opening mark */
	uint8_t		kind;			/* na_quote_kind */
	uint8_t		attribution;	/* na_quote_attribution */
	int32_t		speaker;		/* index into na_quote_result.speakers, -1 = none */
	na_quote_span mention;		/* the source as written (len 0 = none) */
	na_quote_span cue;			/* the cue as written: said, told, according to (len 0 = none) */
	float		confidence;		/* 0..1 */
	uint8_t		cue_class;		/* na_cue_class (NA_CUE_NONE when no cue) */
	int32_t		part_of;		/* index of the quote this one is a piece of: a
								 * partial quote inside a mixed attribution's
								 * content, the second piece of content split
								 * by its cue; -1 = none */
} na_quote;

typedef struct na_speaker
{
	na_quote_span name;			/* canonical name: the fullest name the article uses */
	const char *name_static;	/* the canonical name when it is no spelling of
								 * the text (UTF-8, static or held by the
								 * result): a party named by one word
								 * ("Labour" -> "Labour Party"), a name an
								 * outlet writes in capitals ("POLITICO" ->
								 * "Politico"), a person's organisation the
								 * text writes apart ("her campaign" ->
								 * "Clinton campaign"); NULL: name */
	na_quote_span role;			/* "ambassador", "secretary general" (len 0 = none) */
	const char *affiliation;	/* canonical country ("United Kingdom"), or NULL */
	na_quote_span affiliation_span; /* an organisation as written, when affiliation is NULL */
	uint32_t	first_alias;	/* aliases[first_alias .. first_alias + naliases) */
	uint32_t	naliases;		/* other spellings used: "Ms. Haley", "Haley" */
	uint8_t		gender;			/* na_gender */
	uint32_t	mentions;		/* name, alias and resolved pronoun mentions */
	uint32_t	quotes;			/* quotes attributed to this speaker */
	uint32_t	first_cstart;	/* character offset of the first mention */
	uint32_t	first_start;	/* byte offset of the first mention */
} na_speaker;

typedef struct na_quote_result
{
	na_quote   *quotes;			/* quotations and reported speech, in text order
								 * of their content */
	uint32_t	nquotes;
	na_speaker *speakers;		/* people who are quoted, in order of first mention */
	uint32_t	nspeakers;
	na_quote_span *aliases;		/* shared by all speakers */
	uint32_t	naliases;
	char	   *made_names;		/* the speakers' name_static strings made from
								 * the text ("Clinton campaign"), NULL = none */
} na_quote_result;

/*
 * Find the quotations of a scanned document and their speakers.  On NA_OK,
 * out holds arrays allocated through mem (free with na_quote_result_free);
 * on error out is left empty.
 */
na_status	na_quotes_analyse(const na_doc *doc, const na_mem *mem, na_quote_result *out);

/* Options of na_quotes_analyse_with. */
#define NA_QUOTES_NAMES_ONLY 0x0001 /* speakers with their names, gender and
									 * counts only: no role, affiliation or
									 * alias (what quotes() shows; the quotes
									 * are the same) */

/* na_quotes_analyse with options (NA_QUOTES_*); na_quotes_analyse is options 0. */
na_status	na_quotes_analyse_with(const na_doc *doc, unsigned options, const na_mem *mem,
								   na_quote_result *out);

void		na_quote_result_free(na_quote_result *result, const na_mem *mem);

/*
 * The key under which a speaker's canonical name is counted across a corpus
 * ("Donald J. Trump", "President Donald Trump" and "Donald Trump's" are all
 * "donald trump"): titles, honorifics, party, state and descriptive words in
 * front, initials, possessives and middle names dropped, lower case; a
 * generational suffix kept ("Donald Trump Jr." is "donald trump jr", his
 * father's son, not his father); a surname's particles part of the surname,
 * run together ("Bill de Blasio" is "bill deblasio", "De Blasio" alone
 * "deblasio"); the name of an organisation (its last word
 * in data/lexicon/quote_org_words.tsv) keeps all its words ("the New York
 * Times" is "new york times"); a curly apostrophe is a typewriter one
 * ("O’Neill" is "o'neill").  A single remaining word (a surname alone: "Mrs. Clinton") carries
 * the gender the article gives it, as "clinton (female)", so that it can be
 * matched with the one person of that name and gender.  Writes a NUL-ended
 * UTF-8 key to out and returns its length; 0 when the name holds no name
 * (NA_ERR_NOMEM from the scanner is returned through *status).
 */
size_t		na_person_key(const char *name, size_t len, int gender, const na_mem *mem,
						  char *out, size_t cap, na_status *status);

/*
 * The gender a name's own words imply (NA_GENDER_*): a gendered title or
 * honorific in front (Lord Falconer: male), else the given name of a full
 * name (data/lexicon/first_names.tsv: Rebecca Falconer, female).  Evidence
 * against merging two names in the people registry, never a person's
 * gender.  NA_ERR_NOMEM from the scanner through *status.
 */
int			na_name_gender(const char *name, size_t len, const na_mem *mem, na_status *status);

/* SQL spellings: "direct"/"partial"/"unattributed"/"mixed"/"indirect";
 * "name"/"title"/...; "speech"/"thought"/"finding" (NULL for none);
 * "female"/"male" (NULL for unknown). */
const char *na_quote_kind_name(int kind);
const char *na_quote_attribution_name(int attribution);
const char *na_cue_class_name(int cue_class);
const char *na_gender_name(int gender);

#endif							/* NA_QUOTES_H */
