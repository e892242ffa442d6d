/*
 * quote_internal.h - what the quote analyser (quotes.c, quote_sources.c,
 * quote_reports.c, behind quote_attr.h) and the layers below it share:
 * the speaker files (speaker_names.c, speaker_pronouns.c,
 * speaker_descriptions.c, speakers.c: names, entities, pronouns,
 * descriptions, roles; speakers_internal.h) and quote_lex.c (the word
 * lists as token masks, token helpers).  The dependencies run one way:
 * quotes -> speakers -> lexicon; nothing here calls into the quote files.
 * Not part of the core's API.
 */
#ifndef QUOTE_INTERNAL_H
#define QUOTE_INTERNAL_H

#include <string.h>

#include "lexicon_ids.h"
#include "na_lexicon.h"
#include "na_quotes.h"

#define QNONE UINT32_MAX
#define Q_KEY_BUCKETS 256		/* qctx.key_heads; a power of two */

/*
 * The word lists of the quote analyser, data/lexicon/quote_*.tsv,
 * reporting_cues.tsv and reporting_nouns.tsv; q_in(q, i, LEX_...) tests token i.  The generator
 * numbers the lists in file name order, so these are one run of its list
 * identifiers and a token's lists come out of its entry with one shift
 * (quote_lex.c); a list of another subsystem sorted among them only costs
 * an unused bit.
 */
#define Q_LEX_BASE NA_LEX_QUOTE_ACCORDING
typedef enum q_lex
{
	LEX_SPEECH_VERBS = NA_LEX_QUOTE_SPEECH_VERBS - Q_LEX_BASE,
	LEX_PHRASE_VERBS = NA_LEX_QUOTE_PHRASE_VERBS - Q_LEX_BASE,
	LEX_TAIL_PREPOSITIONS = NA_LEX_QUOTE_TAIL_PREPOSITIONS - Q_LEX_BASE,
	LEX_SPEECH_NOUNS = NA_LEX_QUOTE_SPEECH_NOUNS - Q_LEX_BASE,
	LEX_NP_BLOCKERS = NA_LEX_QUOTE_NP_BLOCKERS - Q_LEX_BASE,
	LEX_DETERMINERS = NA_LEX_QUOTE_DETERMINERS - Q_LEX_BASE,
	LEX_PRONOUNS_HE = NA_LEX_QUOTE_PRONOUNS_HE - Q_LEX_BASE,
	LEX_PRONOUNS_SHE = NA_LEX_QUOTE_PRONOUNS_SHE - Q_LEX_BASE,
	LEX_PRONOUNS_OTHER = NA_LEX_QUOTE_PRONOUNS_OTHER - Q_LEX_BASE,
	LEX_AUX_ADVERBS = NA_LEX_QUOTE_AUX_ADVERBS - Q_LEX_BASE,
	LEX_WEEKDAY_WORDS = NA_LEX_QUOTE_WEEKDAY_WORDS - Q_LEX_BASE,
	LEX_SENTENCE_OPENERS = NA_LEX_QUOTE_SENTENCE_OPENERS - Q_LEX_BASE,
	LEX_CLAUSE_PREPOSITIONS = NA_LEX_QUOTE_CLAUSE_PREPOSITIONS - Q_LEX_BASE,
	LEX_NOUN_LIKE_CUES = NA_LEX_QUOTE_NOUN_LIKE_CUES - Q_LEX_BASE,
	LEX_OBJECT_CUES = NA_LEX_QUOTE_OBJECT_CUES - Q_LEX_BASE,
	LEX_VERB_SUBJECT_WORDS = NA_LEX_QUOTE_VERB_SUBJECT_WORDS - Q_LEX_BASE,
	LEX_SOURCE_NOUNS = NA_LEX_QUOTE_SOURCE_NOUNS - Q_LEX_BASE,
	LEX_TITLE_CUES = NA_LEX_QUOTE_TITLE_CUES - Q_LEX_BASE,
	LEX_TITLE_FOLLOWERS = NA_LEX_QUOTE_TITLE_FOLLOWERS - Q_LEX_BASE,
	LEX_TITLE_SMALL_WORDS = NA_LEX_QUOTE_TITLE_SMALL_WORDS - Q_LEX_BASE,
	LEX_STOP_CAPS = NA_LEX_QUOTE_STOP_CAPS - Q_LEX_BASE,
	LEX_HONORIFICS_MALE = NA_LEX_QUOTE_HONORIFICS_MALE - Q_LEX_BASE,
	LEX_HONORIFICS_FEMALE = NA_LEX_QUOTE_HONORIFICS_FEMALE - Q_LEX_BASE,
	LEX_HONORIFICS_NEUTRAL = NA_LEX_QUOTE_HONORIFICS_NEUTRAL - Q_LEX_BASE,
	LEX_TITLES = NA_LEX_QUOTE_TITLES - Q_LEX_BASE,
	LEX_ROLE_NOUNS = NA_LEX_QUOTE_ROLE_NOUNS - Q_LEX_BASE,
	LEX_ORG_WORDS = NA_LEX_QUOTE_ORG_WORDS - Q_LEX_BASE,
	LEX_RUN_BREAKERS = NA_LEX_QUOTE_RUN_BREAKERS - Q_LEX_BASE,
	LEX_NAME_PARTICLES = NA_LEX_QUOTE_NAME_PARTICLES - Q_LEX_BASE,
	LEX_NAME_SUFFIXES = NA_LEX_QUOTE_NAME_SUFFIXES - Q_LEX_BASE,
	LEX_FOREIGN_OPENERS = NA_LEX_QUOTE_FOREIGN_OPENERS - Q_LEX_BASE,
	LEX_ACCORDING = NA_LEX_QUOTE_ACCORDING - Q_LEX_BASE,
	LEX_ANSWER_FOLLOWERS = NA_LEX_QUOTE_ANSWER_FOLLOWERS - Q_LEX_BASE,
	LEX_CLAUSE_CONJUNCTIONS = NA_LEX_QUOTE_CLAUSE_CONJUNCTIONS - Q_LEX_BASE,
	LEX_CUE_ADJUNCT_OPENERS = NA_LEX_QUOTE_CUE_ADJUNCT_OPENERS - Q_LEX_BASE,
	LEX_CUE_INFINITIVE_BEFORE = NA_LEX_QUOTE_CUE_INFINITIVE_BEFORE - Q_LEX_BASE,
	LEX_CUE_NOUN_FOLLOWERS = NA_LEX_QUOTE_CUE_NOUN_FOLLOWERS - Q_LEX_BASE,
	LEX_DAY_PART_WORDS = NA_LEX_QUOTE_DAY_PART_WORDS - Q_LEX_BASE,
	LEX_DESCRIPTION_CLAUSE_OPENERS = NA_LEX_QUOTE_DESCRIPTION_CLAUSE_OPENERS - Q_LEX_BASE,
	LEX_GENDERED_TITLES = NA_LEX_QUOTE_GENDERED_TITLES - Q_LEX_BASE,
	LEX_FINITE_VERBS = NA_LEX_QUOTE_FINITE_VERBS - Q_LEX_BASE,
	LEX_HEARER_CUES = NA_LEX_QUOTE_HEARER_CUES - Q_LEX_BASE,
	LEX_HEARER_PRONOUNS = NA_LEX_QUOTE_HEARER_PRONOUNS - Q_LEX_BASE,
	LEX_INVERTED_CLAUSE_VERBS = NA_LEX_QUOTE_INVERTED_CLAUSE_VERBS - Q_LEX_BASE,
	LEX_NON_CLAUSE_OBJECTS = NA_LEX_QUOTE_NON_CLAUSE_OBJECTS - Q_LEX_BASE,
	LEX_OBJECT_PHRASE_ENDS = NA_LEX_QUOTE_OBJECT_PHRASE_ENDS - Q_LEX_BASE,
	LEX_PARTITIVE_SOURCES = NA_LEX_QUOTE_PARTITIVE_SOURCES - Q_LEX_BASE,
	LEX_PASSIVE_ADVERBS = NA_LEX_QUOTE_PASSIVE_ADVERBS - Q_LEX_BASE,
	LEX_PASSIVE_BE = NA_LEX_QUOTE_PASSIVE_BE - Q_LEX_BASE,
	LEX_PERFECT_AUXILIARIES = NA_LEX_QUOTE_PERFECT_AUXILIARIES - Q_LEX_BASE,
	LEX_QUESTION_OPENERS = NA_LEX_QUOTE_QUESTION_OPENERS - Q_LEX_BASE,
	LEX_RELATIVE_SUBJECT_SKIPS = NA_LEX_QUOTE_RELATIVE_SUBJECT_SKIPS - Q_LEX_BASE,
	LEX_ROLE_COMPLEMENTS = NA_LEX_QUOTE_ROLE_COMPLEMENTS - Q_LEX_BASE,
	LEX_SEEM_VERBS = NA_LEX_QUOTE_SEEM_VERBS - Q_LEX_BASE,
	LEX_SUBORDINATORS = NA_LEX_QUOTE_SUBORDINATORS - Q_LEX_BASE,
	LEX_REPORTING_CUES = NA_LEX_REPORTING_CUES - Q_LEX_BASE,	/* with a class column */
	LEX_REPORTING_NOUNS = NA_LEX_REPORTING_NOUNS - Q_LEX_BASE,	/* likewise */
	LEX_COUNT
} q_lex;

/* A name as written: [first, last] tokens, after any title or honorific. */
typedef struct q_mention
{
	uint32_t	first;			/* first token of the name proper */
	uint32_t	last;			/* last token (possessive 's included) */
	uint32_t	title_first;	/* first token of a title/honorific, or QNONE */
	uint32_t	entity;			/* index into qctx.entities */
	uint32_t	next;			/* the entity's next mention, QNONE = last */
	uint8_t		honorific;		/* Mr./Ms.: an alias form, not a role */
	uint8_t		gender;			/* from the honorific */
	int8_t		given;			/* sp_mention_given_gender's answer, or
								 * Q_GIVEN_UNASKED */
} q_mention;

#define Q_GIVEN_UNASKED INT8_MIN

typedef struct q_entity
{
	uint32_t	name_first;		/* fullest name: tokens [name_first, name_last] */
	uint32_t	name_last;
	uint32_t	last_key;		/* name_key of the last and first name tokens */
	uint32_t	first_key;
	uint32_t	first_mention;	/* index into qctx.mentions */
	uint32_t	last_mention;	/* to chain the next one */
	uint32_t	mentions;
	uint32_t	pronoun_mentions;
	uint32_t	quotes;
	int32_t		speaker;		/* index into the result's speakers, -1 */
	uint8_t		gender;
	uint8_t		person;			/* evidence that this is a person */
	uint8_t		place;			/* a country name: never a person */
	uint8_t		strong;			/* strong evidence: a title, an honorific, a role
								 * apposition, a known given name */
	int8_t		given_gender;	/* na_gender its given name usually means; -1:
								 * no known given name */
	uint8_t		he_resolved;	/* he/his and she/her resolved to it (saturating): */
	uint8_t		she_resolved;	/* evidence of gender even below a clear margin */
	uint8_t		place_alone;	/* a one-word country or state name no title
								 * names: 0 not looked up, 1 no, 2 yes */
	uint8_t		org_checked;	/* org_named and org_kind are known (looked up
								 * once: names are final by then) */
	uint8_t		org_named;		/* a word of its name names organisations */
	const char *org_kind;		/* its name's kind (data/lexicon/org_kinds.tsv) or NULL */
	uint32_t	acronym;		/* the entity + 1 of the acronym the article also
								 * names it by (International Monetary Fund ->
								 * IMF: one speaker), 0 = none */
	uint32_t	noun_at;		/* an organisation of a person that the text never
								 * names ("her campaign" with no "Clinton
								 * campaign"): the token of its noun, named
								 * after the surname [name_first, name_last];
								 * 0 = none */
	const char *made_noun;		/* with noun_at: the noun written instead of
								 * noun_at's ("campaign" for "the Okafor ad"),
								 * static; NULL = noun_at's own word */
} q_entity;

/*
 * A token's word as the case-insensitive word lists see it, looked up once
 * per article: its folded entry (without a possessive: Haley's is Haley)
 * and the bits of its hash that na_lex_longest's first-word filter reads.
 * The speakers ask the same words again and again in other lists (a given
 * name, an organisation's kind, a work's noun, a name's prefix), and each
 * question folded and hashed the word anew.  One 32-bit word a token, 0
 * while it is not looked up:
 */
typedef uint32_t q_word;

#define Q_WORD_HASHED 1u		/* the filter bits are the token's (an ASCII token
								 * without a possessive or a space) */
#define Q_WORD_BASE 2u			/* the entry is of the token without its possessive */
#define Q_WORD_HASH_SHIFT 2		/* the filter bits: na_lex_hash of the folded token
								 * modulo NA_LEX_FIRST_WORD_BITS */
#define Q_WORD_ENTRY_SHIFT 15	/* the entry + 2 (never 0) */
_Static_assert(NA_LEX_FIRST_WORD_BITS <= (1u << (Q_WORD_ENTRY_SHIFT - Q_WORD_HASH_SHIFT)),
			   "a token's first-word filter bits fit its q_word");

/* A paragraph's first token, and where the capitals list reaches it. */
typedef struct q_para
{
	uint32_t	token;
	uint32_t	first_cap;		/* the index in q_events.caps of its first token
								 * (the end's: ncaps): a paragraph lists the
								 * next one's minus its own, at least as many
								 * as its capitalised words (headline_end) */
} q_para;

/*
 * The tokens each step of the analysis starts from, listed in one pass over
 * the tokens (q_token_events in quotes.c): the steps read these lists, not
 * every token again (each pass cost 6 to 15 instructions a token and a
 * mispredicted exit at every token it stopped at).
 */
typedef struct q_events
{
	uint32_t   *marks;			/* quotation marks and paragraph starts */
	uint32_t	nmarks;
	uint32_t   *caps;			/* capitalised tokens and paragraph starts */
	uint32_t	ncaps;
	uint32_t   *cues;			/* tokens shaped like a reporting cue (NA_TF_CUE_SHAPE) */
	uint32_t	ncues;
	q_para	   *paras;			/* token 0 and the paragraph starts, then the
								 * end (ntokens) */
	uint32_t	nparas;			/* without the end */
} q_events;

/* quote_report_content.c: the row a quote's or a report's starts from */
extern const na_quote q_no_quote;

typedef struct qctx
{
	const na_doc *doc;
	const na_mem *mem;
	na_vec		quotes;			/* na_quote */
	na_vec		mentions;		/* q_mention, in text order */
	na_vec		entities;		/* q_entity */
	/*
	 * one allocation, lexmask its start (see analyse in quotes.c); lexmask
	 * and words are never NULL where a word list is asked (the analysis of
	 * a name alone has them too: speakers.c), so the helpers below read them
	 * with no test for their absence (1.6M questions over BBC)
	 */
	uint8_t    *in_quote;		/* per token: bit 1 inside a quote's marks, bit 2 the cue of one */
	uint32_t   *mention_at;		/* per token: mention index + 1 covering it, 0 = none */
	uint64_t   *lexmask;		/* per token: lexicons it is in, 0 = not looked up */
	q_word	   *words;			/* per token: its folded entry (q_word_entry) */
	q_events	events;			/* the tokens the steps start from */
	uint32_t   *key_heads;		/* entities by name key: node index + 1, 0 = none */
	uint64_t	surname_heads;	/* a bit for the first two bytes of every
								 * person's last word of five bytes or more,
								 * ever (speaker_entities.c's surname_head_bit) */
	na_vec		key_nodes;		/* q_key_node chains of key_heads */
	int			failed;		/* an allocation failed where no status is returned */
	unsigned	options;		/* NA_QUOTES_* of na_quotes_analyse_with */
	/*
	 * 1 + the last row of quotes with a speaker, 0: none; kept as the rows
	 * are made (q_row_spoken), for q_resolve_pronoun's last speaker, which
	 * searched back through the rows with none: in a text of reports by
	 * "he" that no one named, every pronoun read every row before it
	 */
	uint32_t	last_spoken;
} qctx;

/* Row qt of quotes has its speaker now, or none: the last with one is
 * known without a search (qctx.last_spoken). */
static inline void
q_row_spoken(qctx *q, const na_quote *qt)
{
	if (qt->speaker >= 0)
		q->last_spoken = (uint32_t) (qt - (const na_quote *) q->quotes.items) + 1;
}

#define Q_LEX_BIT(lex) (UINT64_C(1) << (lex))

/* quote_lex.c: look token i up in every word list (and cache the mask) */
uint64_t	q_lex_fill(const qctx *q, uint32_t i);

/* a token's lexmask once it is looked up (0: not yet) */
#define Q_LEX_DONE (UINT64_C(1) << 63)

/*
 * The lexmask a token starts with, by its kind and whether the scanner
 * found it shaped like a word of the lists: 0 (looked up when asked) for an
 * abbreviation, an initial and a word shaped like one of the lists' (or
 * with non-ASCII letters), as q_lex_fill asks them; Q_LEX_DONE (in no list,
 * known without a lookup) for every other token: a comma, a number, most
 * names and words.
 *
 * q_lex_fill answered those tokens itself, but only after a call, and
 * whether the next token asked was one was a coin toss: the test of its
 * kind and flags mispredicted about once in two, and so did the test of
 * its mask before the call (callgrind's model: 155,000 calls over BBC and
 * 340,000 mispredictions).  q_token_events, which reads every token's kind
 * and flags anyway, writes the answer for each with no branch; the zeroing
 * of the masks went with it.  (A table, made from that rule in
 * quote_lex.c: computing the rule at each token cost 4.8M instructions
 * more over BBC.)
 */
extern const uint64_t q_lex_initial_masks[64];

/* the kinds of token looked up whatever their shape (abbreviations and
 * initials); of the others only a word, when shaped like one of the lists'
 * (the rule of q_lex_initial_masks, which list_event_tokens applies four
 * tokens at a time) */
#define Q_LEX_ASKED_KINDS ((1u << NA_TK_ABBREV) | (1u << NA_TK_INITIAL))
#define Q_LEX_SHAPE_FLAGS (NA_TF_QUOTE_SHAPE | NA_TF_NONASCII)

static inline uint64_t
q_lex_initial_mask(unsigned kind, unsigned flags)
{
	return q_lex_initial_masks[(kind & 31) << 1 | ((flags & Q_LEX_SHAPE_FLAGS) != 0)];
}

/* quote_lex.c: the folded entry of len bytes of token i (Q_WORD_LOOKUP_BASE:
 * without a possessive), its q_word filled */
#define Q_WORD_LOOKUP_BASE UINT32_MAX
int32_t		q_word_lookup(const qctx *q, uint32_t i, uint32_t len);

/* quote_lex.c: the class of the reporting cue at token i (na_cue_class). */
uint8_t		q_cue_class(const qctx *q, uint32_t i);
uint8_t		q_noun_cue_class(const qctx *q, uint32_t i);

/*
 * The helpers below run on nearly every token of every article, so they are
 * inline: a call per token cost as much as the checks themselves.
 */

/* White space a line's layout puts between tokens (a space, a tab, a line
 * break of either kind): where text is compared or measured across tokens,
 * a wrap, CR LF and a space must read alike. */
static inline int
q_is_layout_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The word lists token i is in, as Q_LEX_BIT bits (and above them the
 * classes of a reporting word: quote_lex.c). */
static inline uint64_t
q_lexmask(const qctx *q, uint32_t i)
{
	uint64_t	m;

	if (i >= q->doc->ntokens)
		return 0;
	if ((m = q->lexmask[i]) == 0)
		return q_lex_fill(q, i);
	return m;
}

static inline int
q_in(const qctx *q, uint32_t i, q_lex lex)
{
	return (int) ((q_lexmask(q, i) >> lex) & 1);
}

/*
 * Is token i in any of the lists of mask (Q_LEX_BIT bits)?  One look at its
 * mask where q_in(A) || q_in(B) loaded it again after each list.
 */
static inline int
q_in_any(const qctx *q, uint32_t i, uint64_t mask)
{
	return (q_lexmask(q, i) & mask) != 0;
}

/*
 * Is the word at i a reporting cue (data/lexicon/reporting_cues.tsv)?
 * Inline: the reports ask it of every cue and of the words of their content.
 */
static inline int
q_is_reporting_cue(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_REPORTING_CUES);
}

static inline int
q_is_word(const qctx *q, uint32_t i)
{
	return i < q->doc->ntokens && q->doc->tokens[i].kind == NA_TK_WORD;
}

/*
 * Is token i a capitalised word, initial or abbreviation?  With no branch
 * past the bound (its kind a bit of a set, its capital flag bit 0): the
 * names ask it of nearly every token they look at, and whether a token is
 * capitalised is a coin toss in news text; the three tests of its kind and
 * the test of its flag, each a branch, were mispredicted where the answer
 * changed from token to token.
 */
static inline int
q_is_cap(const qctx *q, uint32_t i)
{
	const unsigned name_kinds = (1u << NA_TK_WORD) | (1u << NA_TK_INITIAL) | (1u << NA_TK_ABBREV);
	const na_token *t;

	_Static_assert(NA_TF_CAPITALIZED == 1, "the capital flag is bit 0");
	_Static_assert(NA_TK_KIND_COUNT <= 32, "a token's kind is a bit of a 32-bit set");
	if (i >= q->doc->ntokens)
		return 0;
	t = &q->doc->tokens[i];
	return (int) ((name_kinds >> t->kind) & t->flags & NA_TF_CAPITALIZED);
}

/*
 * Is token i the one-byte punctuation mark c?  With no branch past the
 * bound: the rules ask it of the token before or after one they read
 * (a comma, a colon, a bracket), and the three tests in a row, each a
 * branch on the token at hand, mispredicted in turn.  The byte is read at
 * the token's start, which is inside the text (every token holds a byte of
 * it; the bound keeps the read there all the same).
 */
static inline int
q_is_punct(const qctx *q, uint32_t i, char c)
{
	const na_token *t;
	uint32_t	at;

	if (i >= q->doc->ntokens)
		return 0;
	t = &q->doc->tokens[i];
	at = t->start < q->doc->len ? t->start : 0;
	return (t->kind == NA_TK_PUNCT) & (t->len == 1) & (q->doc->text[at] == c);
}

/*
 * The bytes of a literal word of len (1 to 4) bytes, little-endian,
 * zero-padded, lower-cased (letters = 0); or, letters = 1, 0x20 at each of
 * its letters (the bit a token's byte may differ in: The, THE).  A constant
 * at every call: the word is a literal.
 */
static inline uint32_t
q_literal_word(const char *word, size_t len, int letters)
{
	uint32_t	v = 0;

	for (size_t k = 0; k < len; k++)
	{
		unsigned char y = (unsigned char) word[k];
		int			letter = (unsigned char) ((y | 0x20) - 'a') < 26;

		v |= (uint32_t) (letters ? (letter ? 0x20 : 0) : (letter ? y | 0x20 : y)) << (8 * k);
	}
	return v;
}

/*
 * Does token i spell word (ASCII, case-insensitive)?  A macro over an inline
 * function, so that the length of a literal word is a constant at every
 * call: most tokens fail on it, with neither strlen nor a call (GCC left the
 * inline function out of line in the busiest files, and strlen with it:
 * 300,000 calls over BBC).
 *
 * A word of one to four bytes (a, an, the, of, to, and, but, that) is
 * compared with no branch: its length and its bytes in one load, where the
 * token's bytes with 0x20 set at the word's letters equal the word in lower
 * case exactly when they spell it in any case (a byte that is no letter,
 * or not ASCII, keeps a bit the word's byte lacks).  The callers ask such
 * words in chains (the, a determiner, a possessive; and, but) and of
 * tokens that often have their length, and the test of the length and the
 * byte loop's exits were mispredicted: na_quotes --bench over BBC 2.8%
 * to 3.9% faster (medians of 12 runs against 12, three times), for 1.3%
 * more instructions (603.1M -> 610.7M; 7.46M -> 7.26M mispredicted
 * branches in callgrind's model).  Up to eight bytes compared so measured
 * no faster, for 1.7% more instructions.  Longer words seldom share a
 * token's length: they keep the test of it first.
 */
static inline __attribute__((always_inline)) int
q_is_len(const qctx *q, uint32_t i, const char *word, size_t len)
{
	const na_token *t;
	const char *p;

	if (i >= q->doc->ntokens)
		return 0;
	t = &q->doc->tokens[i];
	p = q->doc->text + t->start;
	if (len >= 1 && len <= 4 && q->doc->len - t->start >= 4)
	{
		uint32_t	x;

		memcpy(&x, p, 4);
		x &= UINT32_MAX >> (32 - 8 * len);
		return (t->len == len) & ((x | q_literal_word(word, len, 1)) == q_literal_word(word, len, 0));
	}
	if (t->len != len)
		return 0;
	/* na_ascii_ci_equal, inline: the words are short and the calls many */
	for (size_t k = 0; k < len; k++)
	{
		unsigned char x = (unsigned char) p[k];
		unsigned char y = (unsigned char) word[k];

		if ((x | (((unsigned char) (x - 'A') < 26) << 5)) != (y | (((unsigned char) (y - 'A') < 26) << 5)))
			return 0;
	}
	return 1;
}

#define q_is(q, i, word) q_is_len((q), (i), (word), strlen(word))

/*
 * Is the word of len bytes at p, before its 's, a pronoun whose 's is "is"
 * or "has" (he's, it’s, that's, there's, who's), never a possessive?
 */
static inline int
q_contracted_pronoun(const char *p, size_t len)
{
	/* with their lengths: every possessive of a text asks (Trump's), and a
	 * strlen of each word was most of the answer */
#define PRONOUN(w) {w, sizeof(w) - 1}
	static const struct
	{
		const char *word;
		size_t		len;
	}			words[] = {PRONOUN("he"), PRONOUN("she"), PRONOUN("it"), PRONOUN("that"),
		PRONOUN("there"), PRONOUN("here"), PRONOUN("who"), PRONOUN("what"), PRONOUN("where"),
	PRONOUN("let")};
#undef PRONOUN

	if (len < 2 || len > 5)
		return 0;
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
		if (words[w].len == len && na_ascii_ci_equal(p, words[w].word, len))
			return 1;
	return 0;
}

/* The two bytes a and b as they lie in memory, read as one 16-bit word. */
static inline uint16_t
q_two_bytes(char a, char b)
{
	const char	pair[2] = {a, b};
	uint16_t	w;

	memcpy(&w, pair, 2);
	return w;
}

/*
 * Do the len (3 or more) bytes at p end in 's or in ’s (the last byte of ’,
 * then s)?  The two bytes in one load and one test, with no branch:
 * names that end in s (James, Reuters) are common, and the tests of the s,
 * then of the byte before it, were mispredicted at every lookup of a name
 * (callgrind's model over na_quotes --bench 1 BBC: 6.85M -> 6.72M
 * mispredicted branches, for 630.9M -> 634.0M instructions; scan+quotes
 * about 1% faster, three A/B runs).
 */
static inline int
q_ends_in_apostrophe_s(const char *p, uint32_t len)
{
	uint16_t	w;

	memcpy(&w, p + len - 2, 2);
	/* (either pair: one of the differences is 0, and so is their product) */
	return ((uint32_t) (uint16_t) (w ^ q_two_bytes('\'', 's')) *
			(uint32_t) (uint16_t) (w ^ q_two_bytes((char) 0x99, 's'))) == 0;
}

/*
 * Does token t, its bytes at p, end in 's or ’s, with three bytes or more
 * (q_ends_in_apostrophe_s)?  With no test of the length: a shorter token's
 * last two bytes are read from a pair that is no 's instead.  The words of
 * one or two bytes (a, of, to, US) come and go with no pattern, and the
 * test of the length before the bytes' was mispredicted (callgrind's model
 * over na_quotes --bench 1 BBC: the analysis 4.499M -> 4.422M mispredicted
 * branches, 306.9M -> 307.5M instructions; the analysis about 1.7% faster,
 * 20 alternated runs).  (A choice by a mask of the two addresses as
 * integers, no ?: that GCC may make a branch of, cost 5M instructions more
 * and mispredicted as much.)
 */
static inline int
q_token_ends_in_apostrophe_s(const na_token *t, const char *p)
{
	static const char no_pair[3] = "--";
	const char *last_two = t->len >= 3 ? p + t->len - 2 : no_pair;

	return q_ends_in_apostrophe_s(last_two, 2);
}

/*
 * Does the token end in 's or ’s (or s'), a possessive (not he's, it’s)?
 * A capitalised acronym before a lower-case 's is one (the WHO's report).
 */
static inline int
q_possessive(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (!((t->kind == NA_TK_WORD) & q_token_ends_in_apostrophe_s(t, p)))
		return 0;
	if (p[t->len - 2] == '\'')
		return !q_contracted_pronoun(p, t->len - 2) || (p[1] >= 'A' && p[1] <= 'Z');
	if (t->len >= 5 && p[t->len - 1] == 's' && (unsigned char) p[t->len - 2] == 0x99 &&
		(unsigned char) p[t->len - 3] == 0x80 && (unsigned char) p[t->len - 4] == 0xE2)
		return !q_contracted_pronoun(p, t->len - 4) || (p[1] >= 'A' && p[1] <= 'Z');
	return 0;
}

/* The bytes of an apostrophe at p (' or ’), or 0: names are spelled with either. */
static inline uint32_t
q_apostrophe_at(const char *p, size_t len)
{
	if (len >= 1 && p[0] == '\'')
		return 1;
	if (len >= 3 && (unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80 &&
		(unsigned char) p[2] == 0x99)
		return 3;
	return 0;
}

/*
 * Is token i a slash joining two capitalised names with no space (the New
 * York Times/CBS News poll, USC Dornsife/Los Angeles Times)?  Such a pair
 * is one source: the partners of a joint poll or study.
 */
static inline int
q_name_slash(const qctx *q, uint32_t i)
{
	const na_token *t;

	if (i == 0 || i + 1 >= q->doc->ntokens || !q_is_punct(q, i, '/'))
		return 0;
	t = q->doc->tokens;
	return t[i - 1].start + t[i - 1].len == t[i].start && t[i].start + 1 == t[i + 1].start &&
		q_is_cap(q, i - 1) && q_is_cap(q, i + 1);
}

/*
 * The bytes of token i without a possessive ('s, ’s): its length.  Inline:
 * every lookup of a name's word asks it (325,000 calls over BBC).
 */
static inline uint32_t
q_base_len(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	/* a possessive ends in 's or ’s: nearly every word is out at once */
	if (!q_token_ends_in_apostrophe_s(t, p) || !q_possessive(q, i))
		return t->len;
	return p[t->len - 2] == '\'' ? t->len - 2 : t->len - 4;
}

/*
 * The folded entry of token i without a possessive (Haley's: haley), or -1:
 * what na_lex_find_folded answers for its first q_base_len bytes, from the
 * token's q_word.
 */
static inline int32_t
q_word_base_entry(const qctx *q, uint32_t i)
{
	q_word		w = q->words[i];

	if (w == 0)
		return q_word_lookup(q, i, Q_WORD_LOOKUP_BASE);
	return (int32_t) (w >> Q_WORD_ENTRY_SHIFT) - 2;
}

/* The folded entry of the whole token i (possessive and all), or -1. */
static inline int32_t
q_word_entry(const qctx *q, uint32_t i)
{
	q_word		w = q->words[i];

	if (w == 0)
		return q_word_lookup(q, i, q->doc->tokens[i].len);
	if (!(w & Q_WORD_BASE))
		return (int32_t) (w >> Q_WORD_ENTRY_SHIFT) - 2;
	return na_lex_find_folded(q->doc->text + q->doc->tokens[i].start, q->doc->tokens[i].len);
}

/*
 * Token i (whole, or without a possessive) in a list, from its q_word: for
 * a case-insensitive list, na_lex_has(list, its bytes) and
 * na_lex_lookup(list, its bytes) without a lookup of their own.  An exact
 * list (matched as written) is looked up as written.
 */
static inline int
q_word_in(const qctx *q, uint32_t i, na_lex_list list)
{
	if (na_lex_lists[list].exact)
		return na_lex_has(list, q->doc->text + q->doc->tokens[i].start, q->doc->tokens[i].len);
	return na_lex_in(list, q_word_entry(q, i));
}

static inline int
q_word_base_in(const qctx *q, uint32_t i, na_lex_list list)
{
	if (na_lex_lists[list].exact)
		return na_lex_has(list, q->doc->text + q->doc->tokens[i].start, q_base_len(q, i));
	return na_lex_in(list, q_word_base_entry(q, i));
}

static inline int32_t
q_word_row(const qctx *q, uint32_t i, na_lex_list list)
{
	int32_t		entry;

	if (na_lex_lists[list].exact)
		return na_lex_lookup(list, q->doc->text + q->doc->tokens[i].start, q->doc->tokens[i].len);
	entry = q_word_entry(q, i);
	return na_lex_in(list, entry) ? (int32_t) na_lex_row_of(list, entry) : -1;
}

static inline int32_t
q_word_base_row(const qctx *q, uint32_t i, na_lex_list list)
{
	int32_t		entry;

	if (na_lex_lists[list].exact)
		return na_lex_lookup(list, q->doc->text + q->doc->tokens[i].start, q_base_len(q, i));
	entry = q_word_base_entry(q, i);
	return na_lex_in(list, entry) ? (int32_t) na_lex_row_of(list, entry) : -1;
}

/*
 * May a key of a case-insensitive list start with token i?  0 proves that
 * na_lex_longest(list, token i) finds nothing: its first-word filter asked
 * with the token's hash bits, before any folding and joining of tokens.
 */
static inline int
q_word_may_start(const qctx *q, uint32_t i, na_lex_list list)
{
	q_word		w;
	uint32_t	h;

	if (na_lex_lists[list].exact)
		return 1;
	if (q->words[i] == 0)
		(void) q_word_lookup(q, i, q->doc->tokens[i].len);
	w = q->words[i];
	if (!(w & Q_WORD_HASHED))
		return 1;
	h = (w >> Q_WORD_HASH_SHIFT) & (NA_LEX_FIRST_WORD_BITS - 1);
	return (int) ((na_lex_first_words[list][h >> 6] >> (h & 63)) & 1);
}

/*
 * May a key of a case-insensitive list start with tokens i and i + 1?  As
 * q_word_may_start, and for a list of phrases only (its second-word filter,
 * na_lex_second_words) the word after: the first words of the reporting
 * phrases are common words (made, took, going, point) and over BBC 98% of
 * those that passed the first filter started no phrase, each learning so
 * by folding four tokens and probing four times (4,660 na_lex_longest
 * calls, 4.1M instructions and 97,000 mispredicted branches).
 */
static inline int
q_phrase_may_start(const qctx *q, uint32_t i, na_lex_list list)
{
	int32_t		filter = na_lex_lists[list].second_words;
	q_word		w;
	uint32_t	h;

	if (!q_word_may_start(q, i, list))
		return 0;
	if (filter < 0 || na_lex_lists[list].exact || i + 1 >= q->doc->ntokens)
		return 1;
	if (q->words[i + 1] == 0)
		(void) q_word_lookup(q, i + 1, q->doc->tokens[i + 1].len);
	w = q->words[i + 1];
	if (!(w & Q_WORD_HASHED))
		return 1;
	h = (w >> Q_WORD_HASH_SHIFT) & (NA_LEX_FIRST_WORD_BITS - 1);
	return (int) ((na_lex_second_words[filter][h >> 6] >> (h & 63)) & 1);
}

/* token helpers (quote_lex.c) */
int			q_same_base_written(const qctx *q, uint32_t a, uint32_t b);
int			q_contracted_word_at(const qctx *q, uint32_t i);

/*
 * Same word, possessives ignored (Haley, Haley’s), a typewriter and a
 * curly apostrophe alike (O'Neill, O’Neill)?  Inline, the answer for two
 * tokens of one kind and the same bytes (up to 16: two loads each,
 * masked), which is yes: they have the same base.  The names compare a
 * name with one of the same key, nearly always the same word, and each
 * call measured both bases and called memcmp (callgrind over BBC: 47,000
 * calls, 27,000 of them answered inline; 644.13M -> 643.22M instructions
 * in all).  The rest ask q_same_base_written.
 */
static inline int
q_same_base(const qctx *q, uint32_t a, uint32_t b)
{
	const na_token *ta = &q->doc->tokens[a];
	const na_token *tb = &q->doc->tokens[b];
	const char *text = q->doc->text;

	if (ta->len == tb->len && ta->kind == tb->kind && ta->len <= 16 &&
		q->doc->len - ta->start >= 16 && q->doc->len - tb->start >= 16)
	{
		uint64_t	x0,
					x1,
					y0,
					y1;
		uint32_t	len = ta->len;

		memcpy(&x0, text + ta->start, 8);
		memcpy(&x1, text + ta->start + 8, 8);
		memcpy(&y0, text + tb->start, 8);
		memcpy(&y1, text + tb->start + 8, 8);
		x0 = (x0 ^ y0) & (~UINT64_C(0) >> (64 - 8 * (len < 8 ? len : 8)));
		/* (the bytes past len as a shift of at most 63) */
		x1 = len > 8 ? (x1 ^ y1) & (~UINT64_C(0) >> (64 - 8 * (len - 8))) : 0;
		if ((x0 | x1) == 0)
			return 1;
	}
	return q_same_base_written(q, a, b);
}

/* s, t, m, d, e and l as bits of the alphabet (a = bit 0): the last letters of
 * the contractions q_contracted_word_at reads */
#define CONTRACTION_LAST_LETTERS ((1u << ('s' - 'a')) | (1u << ('t' - 'a')) | (1u << ('m' - 'a')) | \
								  (1u << ('d' - 'a')) | (1u << ('e' - 'a')) | (1u << ('l' - 'a')))

/*
 * Is token i a contraction (it's, don't, I'm, we'll: q_contracted_word_at)?
 * Inline, the refusal of nearly every word, by its last letter: every
 * contraction ends in s, t, m, d (a letter after the apostrophe) or e, l
 * (two), and each capitalised word of a name asks (92,000 calls over BBC).
 */
static inline int
q_contracted_word(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const unsigned char *end;
	unsigned char last;

	if (t->kind != NA_TK_WORD || t->len < 3)
		return 0;
	end = (const unsigned char *) q->doc->text + t->start + t->len;
	last = end[-1];
	/*
	 * nor with no apostrophe where a contraction has it: one or two letters
	 * follow it, so a ' or the last byte of a ’ is the second or third byte
	 * from the end (James, Reuters, Democrats: 60,000 searches over BBC).
	 * Both tests in one branch, nearly always taken: a last letter of a
	 * contraction is common (James, Blair, Obama's first), and the test of
	 * it alone was mispredicted (callgrind's model over na_quotes --bench
	 * 1 BBC: 7.26M -> 7.17M mispredicted branches, for 610.7M -> 612.1M
	 * instructions; scan+quotes 0.8% to 2.0% faster, three A/B runs).
	 */
	if (!(((last == 0) | (((unsigned) ((last | 0x20) - 'a') < 26) &
						   (CONTRACTION_LAST_LETTERS >> (((last | 0x20) - 'a') & 31)))) &
		  ((end[-2] == '\'') | (end[-2] == 0x99) | (end[-3] == '\'') | (end[-3] == 0x99))))
		return 0;
	return q_contracted_word_at(q, i);
}

/* The span of tokens [first, last] as the core reports spans (inline:
 * every row and alias asks, 95,000 calls over BBC). */
static inline na_quote_span
q_span(const qctx *q, uint32_t first, uint32_t last)
{
	const na_token *a = &q->doc->tokens[first];
	const na_token *b = &q->doc->tokens[last];
	na_quote_span s;

	s.start = a->start;
	s.len = b->start + b->len - a->start;
	s.cstart = a->cstart;
	s.clen = na_token_cend(b) - a->cstart;
	return s;
}

/*
 * Is token i a contraction of a word that is no person with "is" or "has"
 * (That's, It's, There's, What's)?  It is never the source of a report:
 * "That's expected to change" reports no one's view.  He's and She's name
 * someone, as do I'm, we've, they'd, and Let's (let us: PolNeAR's source of
 * "let's hope", the writer and the readers, like "we").  Inline, with the
 * last letters first: every report asks of its source.
 */
static inline int
q_impersonal_contraction(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	uint32_t	base;

	if (t->len < 3 || (p[t->len - 1] | 0x20) != 's' ||
		(p[t->len - 2] != '\'' && (unsigned char) p[t->len - 2] != 0x99) ||
		!q_contracted_word(q, i))
		return 0;
	base = t->len - 1 - (p[t->len - 2] == '\'' ? 1 : 3);
	return !((base == 2 && na_ascii_ci_equal(p, "he", 2)) ||
			 (base == 3 && (na_ascii_ci_equal(p, "she", 3) || na_ascii_ci_equal(p, "let", 3))));
}

/* the kinds of data/lexicon/name_prefixes.tsv */
typedef enum q_prefix_kind
{
	Q_PREFIX_PARTY = 1,			/* Republican Donald Trump */
	Q_PREFIX_DESCRIPTOR,		/* Rival Hillary Clinton */
	Q_PREFIX_STATE				/* Vermont Bernie Sanders */
} q_prefix_kind;

/* speaker_names.c */
int			q_collect_names(qctx *q);
uint32_t	q_mention_ending_in(const qctx *q, uint32_t first, uint32_t last);
int			q_is_role_noun(const qctx *q, uint32_t i);
int			q_is_title(const qctx *q, uint32_t i, uint8_t *gender, uint8_t *honorific);

/* speaker_pronouns.c */
uint32_t	q_resolve_pronoun(qctx *q, uint32_t tok, uint8_t gender);
uint32_t	q_resolve_it(qctx *q, uint32_t tok);

/* speaker_descriptions.c */
uint32_t	q_resolve_description(qctx *q, uint32_t first, uint32_t last);
uint32_t	q_organisation_after_name(qctx *q, uint32_t first, uint32_t last);
int			q_is_document_noun(const qctx *q, uint32_t i);

/* speakers.c */
int			q_build_speakers(qctx *q, na_quote_result *out);

#endif							/* QUOTE_INTERNAL_H */
