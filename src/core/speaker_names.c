/*
 * speaker_names.c - the people of an article: name mentions grouped into
 * entities by surname ("Nikki R. Haley", "Ms. Haley", "Haley"), with the
 * evidence that a name is a person's (titles, honorifics, given names,
 * role appositions) or a place's.  What a collected mention is to its
 * sentence is speaker_mentions.c's, pronouns speaker_pronouns.c's,
 * descriptions speaker_descriptions.c's, the speakers of the result
 * speakers.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "na_lexicon.h"
#include "na_places.h"
#include "na_unicode.h"
#include "speakers_internal.h"

int
q_is_role_noun(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_ROLE_NOUNS);
}

/* Is token i a title or honorific before a name?  Sets gender and honorific. */
int
q_is_title(const qctx *q, uint32_t i, uint8_t *gender, uint8_t *honorific)
{
	uint64_t	m;

	if (!q_is_cap(q, i))
		return 0;
	*gender = NA_GENDER_UNKNOWN;
	*honorific = 0;
	m = q_lexmask(q, i);
	/* M. Dupuis, but M. Dane Waters has an initial */
	if (q->doc->tokens[i].kind == NA_TK_INITIAL && q_is_cap(q, i + 2))
		return 0;
	if (m & Q_LEX_BIT(LEX_HONORIFICS_MALE))
	{
		*gender = NA_GENDER_MALE;
		*honorific = 1;
		return 1;
	}
	if (m & Q_LEX_BIT(LEX_HONORIFICS_FEMALE))
	{
		*gender = NA_GENDER_FEMALE;
		*honorific = 1;
		return 1;
	}
	if (m & Q_LEX_BIT(LEX_HONORIFICS_NEUTRAL))
	{
		*honorific = 1;
		return 1;
	}
	/* President, Sen., and roles used as titles: Economist Li Wei */
	if (m & (Q_LEX_BIT(LEX_TITLES) | Q_LEX_BIT(LEX_ROLE_NOUNS)))
	{
		if (m & Q_LEX_BIT(LEX_GENDERED_TITLES))
		{
			const na_token *t = &q->doc->tokens[i];
			int32_t		entry = na_lex_entry_in(NA_LEX_QUOTE_GENDERED_TITLES, q->doc->text + t->start, t->len);
			const char *g = na_lex_attr(NA_LEX_QUOTE_GENDERED_TITLES,
										na_lex_row_of(NA_LEX_QUOTE_GENDERED_TITLES, entry),
										NA_LEX_QUOTE_GENDERED_TITLES_GENDER);

			*gender = g[0] == 'f' ? NA_GENDER_FEMALE : NA_GENDER_MALE;
		}
		return 1;
	}
	return 0;
}

/*
 * The kind of organisation token i names (data/lexicon/org_kinds.tsv), or
 * NULL; with described, only a noun that describes one ("the union", not
 * "the workers" or "the times").
 */
const char *
sp_org_kind_of(const qctx *q, uint32_t i, int described)
{
	const na_token *t = &q->doc->tokens[i];
	int32_t		row;

	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return NULL;
	row = q_word_base_row(q, i, NA_LEX_ORG_KINDS);
	if (row < 0 || (described &&
					strcmp(na_lex_attr(NA_LEX_ORG_KINDS, (uint32_t) row, NA_LEX_ORG_KINDS_DESCRIBED), "yes") != 0))
		return NULL;
	return na_lex_attr(NA_LEX_ORG_KINDS, (uint32_t) row, NA_LEX_ORG_KINDS_KIND);
}

/*
 * May token i without a possessive be a key of the lists of shape filter f?
 * 0 proves not: a token not folded yet (an ASCII one) is refused by its
 * shape, before the folding and lookup that most words would fail.
 * Inline in its callers: every new entity's given name asks it, and as a
 * call it cost sp_given_name_gender its saved registers too (callgrind
 * over BBC: 643.22M -> 641.83M instructions).
 */
static inline __attribute__((always_inline)) int
base_may_be_in(const qctx *q, uint32_t i, na_lex_shape_filter f)
{
	const unsigned char *p = (const unsigned char *) q->doc->text + q->doc->tokens[i].start;
	uint32_t	len;

	if (q->words[i] != 0 || (q->doc->tokens[i].flags & NA_TF_NONASCII))
		return 1;
	len = q_base_len(q, i);
	return len > 0 && na_lex_shape_may(f, na_lex_shape(na_lex_shape_head(p, len), p[len - 1], len));
}

/*
 * Is token i a known given name (data/lexicon/first_names.tsv)?  -1 when
 * not; else the gender it usually means (NA_GENDER_UNKNOWN when used for
 * both).  Evidence of a person, and a check on pronouns: "she" is not
 * Donald Trump.
 */
int
sp_given_name_gender(const qctx *q, uint32_t i)
{
	int32_t		row;
	const char *g;

	if (!q_is_cap(q, i) || q->doc->tokens[i].kind != NA_TK_WORD)
		return -1;
	/* most capitalised words (surnames, places) are no given name */
	if (!base_may_be_in(q, i, NA_LEX_SHAPES_GIVEN_NAMES))
		return -1;
	row = q_word_base_row(q, i, NA_LEX_FIRST_NAMES);
	if (row < 0)
		return -1;
	g = na_lex_attr(NA_LEX_FIRST_NAMES, (uint32_t) row, NA_LEX_FIRST_NAMES_GENDER);
	/* male, female or unknown: the first letter tells them apart */
	return g[0] == 'm' ? NA_GENDER_MALE : g[0] == 'f' ? NA_GENDER_FEMALE : NA_GENDER_UNKNOWN;
}

/*
 * Is token i an adverb opening its sentence (Interestingly Blocher said,
 * Maybe Donald Trump …, Afterwards Trump …)?  A sentence opener of the
 * lexicon, or a word in -ly before a capital that is no given name (Kelly,
 * Emily): no name begins with it.
 */
static int
sentence_adverb(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *end;

	/* “Certainly Donald Trump has …: a quotation opens a sentence too */
	if (t->kind != NA_TK_WORD ||
		!((t->flags & (NA_TF_SENT_START | NA_TF_PARA_START)) ||
		  (i > 0 && q->doc->tokens[i - 1].kind == NA_TK_OPEN_QUOTE)))
		return 0;
	if (q_in(q, i, LEX_SENTENCE_OPENERS))
		return 1;
	end = q->doc->text + t->start + t->len;
	/* Connolly said: a surname; Interestingly Blocher said, Initially,
	 * regulators said: an adverb */
	return t->len >= 6 && end[-2] == 'l' && end[-1] == 'y' && i + 1 < q->doc->ntokens &&
		(q_is_cap(q, i + 1) || q_is_punct(q, i + 1, ',')) && sp_given_name_gender(q, i) < 0;
}

/*
 * The words at token i written before a name but never part of it (a party,
 * a state, a description: data/lexicon/name_prefixes.tsv): how many tokens
 * (0, 1 or 2), and their kind.
 */
uint32_t
sp_name_prefix_at(const qctx *q, uint32_t i, uint8_t *kind)
{
	uint32_t	n = 0;
	int32_t		row;
	const char *k;

	if (!q_is_cap(q, i) || q_possessive(q, i))
		return 0;
	if (!q_word_may_start(q, i, NA_LEX_NAME_PREFIXES))
		return 0;
	row = na_lex_longest(NA_LEX_NAME_PREFIXES, q->doc, i, &n);
	if (row < 0 || n == 0)
		return 0;
	for (uint32_t x = i + 1; x < i + n; x++)
		if (!q_is_cap(q, x))
			return 0;
	k = na_lex_attr(NA_LEX_NAME_PREFIXES, (uint32_t) row, NA_LEX_NAME_PREFIXES_KIND);
	*kind = strcmp(k, "party") == 0 ? Q_PREFIX_PARTY :
		strcmp(k, "state") == 0 ? Q_PREFIX_STATE : Q_PREFIX_DESCRIPTOR;
	return n;
}

/* Does the name [first, last] read as a person's (no place, no organisation)? */
/* place_at_first: na_place_at(first) when the caller knows it, else -1 */
static int
looks_like_person(const qctx *q, uint32_t first, uint32_t last, int place_at_first)
{
	na_place_match pm;
	int			words = 0;

	if (q_in(q, last, LEX_ORG_WORDS) || q_in(q, first, LEX_ORG_WORDS))
		return 0;
	if (place_at_first < 0)
		place_at_first = na_place_at(q->doc, first, &pm);
	if (place_at_first)
		return 0;
	for (uint32_t k = first; k <= last; k++)
	{
		if (q->doc->tokens[k].flags & NA_TF_ALLCAPS && q->doc->tokens[k].kind == NA_TK_WORD)
			return 0;
		words += q->doc->tokens[k].kind == NA_TK_WORD && q->doc->tokens[k].clen > 1;
	}
	return words > 0;
}

/* An apposition next to the name that holds a role noun: a person. */
static int
has_role_apposition(const qctx *q, uint32_t first, uint32_t last)
{
	if (first >= 2 && q_is_punct(q, first - 1, ','))
	{
		for (uint32_t k = first - 2; k != QNONE && first - 2 - k < 3; k--)
		{
			if (q_is_role_noun(q, k))
				return 1;
			if (!q_is_word(q, k))
				break;
		}
	}
	if (q_is_punct(q, last + 1, ','))
	{
		for (uint32_t k = last + 2; k < q->doc->ntokens && k - last - 2 < PHRASE_MAX; k++)
		{
			if (q_is_role_noun(q, k))
				return 1;
			if (!q_is_word(q, k) && q->doc->tokens[k].kind != NA_TK_ABBREV)
				break;
		}
	}
	return 0;
}

/* Two names [a1,a2] and [b1,b2] spelled alike (possessives ignored; a
 * particle in either case: De Blasio and Bill de Blasio)? */
int
sp_same_name(const qctx *q, uint32_t a1, uint32_t a2, uint32_t b1, uint32_t b2)
{
	if (a2 - a1 != b2 - b1)
		return 0;
	for (uint32_t k = 0; k <= a2 - a1; k++)
		if (!q_same_base(q, a1 + k, b1 + k) &&
			!(k < a2 - a1 && q_in(q, a1 + k, LEX_NAME_PARTICLES) &&
			  sp_same_word_any_case(q, a1 + k, b1 + k)))
			return 0;
	return 1;
}

/*
 * The name key of n bytes whose first two 8-byte words (little-endian,
 * zero-padded) are w0 and w1: two multiplies, no loop.  Name keys are
 * compared only with one another (their buckets, then each name's bytes
 * decide), so they need not be the lexicon's hash (na_lex_hash), whose
 * loop over the words and the test of a short word's length were
 * mispredicted at about one name in four.
 */
static inline uint64_t
name_key_head(uint64_t w0, uint64_t w1, uint32_t n)
{
	uint64_t	h = (w0 ^ n) * UINT64_C(0x9E3779B97F4A7C15);

	h = (h ^ (h >> 29) ^ w1) * UINT64_C(0xFF51AFD7ED558CCD);
	return h ^ (h >> 32);
}

/*
 * The name key of the len (1 to 16) ASCII bytes at p, 16 bytes readable:
 * two loads, masked, and name_key_head.
 */
static inline uint32_t
name_key_ascii(const char *p, uint32_t len)
{
	uint64_t	w0,
				w1;

	memcpy(&w0, p, 8);
	memcpy(&w1, p + 8, 8);
	w0 &= ~UINT64_C(0) >> (64 - 8 * (len < 8 ? len : 8));
	/* (the second word's bytes past len as a shift of at most 63) */
	w1 = len > 8 ? w1 & (~UINT64_C(0) >> (64 - 8 * (len - 8))) : 0;
	return (uint32_t) name_key_head(w0, w1, len);
}

/*
 * The name key of token i (sp_name_key) the long way: without its
 * possessive, with ’ as ', name_key_head of its first 16 bytes as they
 * would be, then each further word mixed in.  For the names sp_name_key
 * does not read in place: a possessive, a non-ASCII letter or apostrophe,
 * more than 16 bytes, the text's last bytes.
 */
static uint32_t __attribute__((noinline))
name_key_slow(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	uint32_t	len = q_base_len(q, i);
	uint32_t	n = len;
	uint64_t	head[2] = {0, 0};
	uint64_t	h = 0,
				w = 0;
	uint32_t	fill = 0,
				words = 0;

	/* Blair's: an ASCII name before its possessive (one name in twenty) */
	if (!(t->flags & NA_TF_NONASCII) && len <= 16 && q->doc->len - t->start >= 16)
		return name_key_ascii(p, len);
	for (uint32_t k = 0; k < len; k++)
		if ((unsigned char) p[k] == 0xE2 && q_apostrophe_at(p + k, len - k) == 3)
		{
			n -= 2;
			k += 2;
		}
	for (uint32_t k = 0; k < len; k++)
	{
		unsigned char c = (unsigned char) p[k];

		if (c == 0xE2 && q_apostrophe_at(p + k, len - k) == 3)
		{
			c = '\'';
			k += 2;
		}
		w |= (uint64_t) c << (8 * fill);
		if (++fill == 8 || k + 1 == len)
		{
			if (words < 2)
				head[words] = w;
			if (words == 1)
				h = name_key_head(head[0], head[1], n);
			else if (words > 1)
				h = na_lex_hash_step(h, w);
			words++;
			w = 0;
			fill = 0;
		}
	}
	if (words < 2)
		h = name_key_head(head[0], head[1], n);
	return (uint32_t) h;
}

/*
 * A hash of a name token without its possessive: Haley and Haley’s agree,
 * so do O’Neill and O'Neill.  An ASCII name of up to 16 bytes with no 's
 * (nearly all) is two loads, masked, and name_key_head: no loop, no branch
 * on its length, and no registers to save (the rest is name_key_slow's).
 * Callgrind over BBC: 7.04M -> 5.78M instructions for its 91,000 calls.
 */
uint32_t
sp_name_key(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	uint32_t	len = t->len;

	if ((t->flags & NA_TF_NONASCII) || len - 3 > 16 - 3 || q->doc->len - t->start < 16 ||
		q_ends_in_apostrophe_s(p, len))
	{
		/* (1 or 2 bytes: no 's to read) */
		if (!(t->flags & NA_TF_NONASCII) && len < 3 && q->doc->len - t->start >= 16)
			return name_key_ascii(p, len);
		return name_key_slow(q, i);
	}
	return name_key_ascii(p, len);
}

/* Do tokens (first, last) hold an "of" or "for" (Bank of England)? */
int
sp_name_has_joint(const qctx *q, uint32_t first, uint32_t last)
{
	for (uint32_t k = first + 1; k < last; k++)
		if (q_is(q, k, "of") || q_is(q, k, "for"))
			return 1;
	return 0;
}

/*
 * Is the sentence of token i English?  Then a leading "Le" or "La" is part
 * of a name (Le Pen said), not a French article.
 */
static int
english_sentence(const qctx *q, uint32_t i)
{
	uint32_t	s = q->doc->tokens[i].sentence;
	uint32_t	end;

	if (s >= q->doc->nsentences)
		return 1;
	end = q->doc->sentences[s].first_token + q->doc->sentences[s].ntokens;
	for (uint32_t k = q->doc->sentences[s].first_token; k < end && k < q->doc->ntokens; k++)
	{
		const na_token *t = &q->doc->tokens[k];

		/* the, and, of, said...: data/lexicon/english_markers.tsv */
		if (t->kind == NA_TK_WORD && q_word_in(q, k, NA_LEX_ENGLISH_MARKERS))
			return 1;
	}
	return 0;
}

/*
 * Is the paragraph [from, to) a byline: "By Jane Doe", "By JANE DOE and
 * Tom Reyes, Reuters"?  Its author writes the article and is quoted in none
 * of it: a byline must not give "she said" an antecedent (issue 15).
 */
static int
is_byline(const qctx *q, uint32_t from, uint32_t to)
{
	const na_doc *doc = q->doc;

	if (to - from < 2 || to - from > 12 || !q_is(q, from, "by") ||
		!(doc->tokens[from].flags & NA_TF_CAPITALIZED))
		return 0;
	for (uint32_t k = from + 1; k < to; k++)
	{
		const na_token *t = &doc->tokens[k];

		if (!((t->kind == NA_TK_WORD && (t->flags & NA_TF_CAPITALIZED)) ||
			  t->kind == NA_TK_INITIAL || q_is(q, k, "and") ||
			  (t->kind == NA_TK_PUNCT && t->len == 1 && doc->text[t->start] == ',')))
			return 0;
	}
	return 1;
}

/*
 * Does the paragraph [from, to) attribute a quote, with a lower-case cue
 * after a closing mark (“Private,” said Rosa Lind.)?  Then it is no
 * headline, however capitalized.
 */
static int
attributes_quote(const qctx *q, uint32_t from, uint32_t to)
{
	int			closed = 0;

	for (uint32_t k = from; k < to; k++)
	{
		const na_token *t = &q->doc->tokens[k];

		if (t->kind == NA_TK_CLOSE_QUOTE)
			closed = 1;
		else if (closed && t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) &&
				 !(q->in_quote[k] & 1) && q_in(q, k, LEX_SPEECH_VERBS))
			return 1;
	}
	return 0;
}

/*
 * Is token k the surname of someone the article has already named as
 * surely a person (Trump after Donald Trump)?
 */
static int
known_person(const qctx *q, uint32_t k)
{
	uint32_t	key = sp_name_key(q, k);
	const uint32_t *nodes = q->key_nodes.items;

	for (uint32_t x = q->key_heads[sp_key_bucket(key)]; x != 0; x = nodes[(x - 1) * 2 + 1])
	{
		const q_entity *e = &((const q_entity *) q->entities.items)[nodes[(x - 1) * 2]];

		if (e->person && e->strong && !e->place && e->last_key == key &&
			q_same_base(q, e->name_last, k))
			return 1;
	}
	return 0;
}

/*
 * Is token j an "of" or "for" inside an organisation's name: after a word
 * that names organisations (Association, Center, Ministry, Workers:
 * data/lexicon/quote_org_words.tsv, org_kinds.tsv) and before a capital
 * (the Association of Flight Attendants, the Center for American
 * Progress, United Mine Workers of America)?
 */
static int
organisation_joint(const qctx *q, uint32_t j)
{
	if (!(q_is(q, j, "of") || q_is(q, j, "for")) || !q_is_cap(q, j + 1) ||
		q_in(q, j + 1, LEX_STOP_CAPS) || q_possessive(q, j - 1))
		return 0;
	if (!q_in(q, j - 1, LEX_ORG_WORDS) && !q_word_in(q, j - 1, NA_LEX_ORG_KINDS))
		return 0;
	/* a Coalition for Trump, the East Room for Obama: a person named after
	 * it is no part of the name */
	if ((q_is(q, j, "for") && sp_given_name_gender(q, j + 1) >= 0) || known_person(q, j + 1))
		return 0;
	return 1;
}

/*
 * Does a name starting at token k follow a noun of a work, right after it
 * or after its comma ("her 2011 memoir, Open Roads", "the film Closer")?
 * Then it is the work's title: no evidence of a person.
 */
static int
names_a_work(const qctx *q, uint32_t k)
{
	uint32_t	w = k > 0 && q_is_punct(q, k - 1, ',') ? k - 1 : k;

	return w > 0 && q_is_word(q, w - 1) && !q_is_cap(q, w - 1) &&
		base_may_be_in(q, w - 1, NA_LEX_SHAPES_WORK_NOUNS) && q_word_base_in(q, w - 1, NA_LEX_WORK_NOUNS);
}

/*
 * A run of capitalised words that may be a name, as q_collect_names reads
 * it: [first, end) the name, the title words before it, what the title and
 * honorific say of gender, whether the run is a place (and what
 * na_place_at said at place_checked), and whether a party or state before
 * the name was dropped.
 */
typedef struct name_run
{
	uint32_t	first;
	uint32_t	end;
	uint32_t	title_first;
	uint8_t		gender;
	uint8_t		honorific;
	int			place;
	int			prefixed;
	uint32_t	place_checked;
	int			place_found;
} name_run;

/*
 * The end of the paragraph at i when it is a headline (most of its words
 * capitalized, and it attributes no quote) or a byline: such a paragraph
 * names no one reliably.  0 otherwise.  para: the paragraph's entry in
 * q->events.paras; caps[0..ncaps): the capitalised tokens listed from i on.
 */
static uint32_t
headline_end(const qctx *q, uint32_t i, const q_para *para, const uint32_t *caps, uint32_t ncaps)
{
	const na_token *toks = q->doc->tokens;
	uint32_t	words = 0,
				ncap = 0,
				lower = 0,
				k = para[1].token,
				listed = para[1].first_cap - para[0].first_cap;

	/*
	 * A headline's words are capitalised ones and at most 3/7 as many lower
	 * case ones (10/7 of the capitalised in all), and the paragraph lists
	 * at least as many tokens as it has capitalised words: more lower-case
	 * words than 3/7 of those listed is prose, seen after a few words, with
	 * no count of its capitals (callgrind over BBC: 4.87M -> 1.97M
	 * instructions)
	 */
	for (uint32_t t = i; t < k && lower * 7 <= listed * 3; t++)
		lower += toks[t].kind == NA_TK_WORD && !(toks[t].flags & NA_TF_CAPITALIZED);
	if (lower * 7 > listed * 3)
		return is_byline(q, i, k) ? k : 0;
	for (uint32_t e = 0; e < ncaps && caps[e] < k; e++)
		ncap += toks[caps[e]].kind == NA_TK_WORD && (toks[caps[e]].flags & NA_TF_CAPITALIZED);
	/*
	 * the words only while they may stay under 10/7 of the capitalised ones
	 * (four words need three capitals): a paragraph of prose stops after a
	 * few, and most are not read at all
	 */
	if (ncap * 10 >= 4 * 7)
		for (uint32_t t = i; t < k && words * 7 <= ncap * 10; t++)
			words += toks[t].kind == NA_TK_WORD;
	if ((words >= 4 && ncap * 10 >= words * 7 && !attributes_quote(q, i, k)) ||
		is_byline(q, i, k))
		return k;
	return 0;
}

/* Q_LEX_BIT of every list q_is_title finds a title in */
#define TITLE_LISTS (Q_LEX_BIT(LEX_HONORIFICS_MALE) | Q_LEX_BIT(LEX_HONORIFICS_FEMALE) | \
					 Q_LEX_BIT(LEX_HONORIFICS_NEUTRAL) | Q_LEX_BIT(LEX_TITLES) | \
					 Q_LEX_BIT(LEX_ROLE_NOUNS))

/*
 * May token i be a title (q_is_title)?  0 proves not, inline: every
 * capitalised word of a text asks, and nearly all are none (a call a word
 * for its answer cost 2M instructions over BBC).
 */
static inline int
may_be_title(const qctx *q, uint32_t i)
{
	return q_is_cap(q, i) && (q_lexmask(q, i) & TITLE_LISTS) != 0;
}

/*
 * Titles and honorifics before a name at i ("Secretary of State John
 * Kerry", "Mr."): their first token, gender and honorific go to r; returns
 * where the name proper starts.
 */
static uint32_t
titles_before_name(const qctx *q, uint32_t i, name_run *r)
{
	uint32_t	j = i;
	uint8_t		g,
				h;

	while (j < q->doc->ntokens && j - i < 3 && may_be_title(q, j) && q_is_title(q, j, &g, &h) &&
		   q_is_cap(q, j + 1) &&
		   !q_in(q, j + 1, LEX_STOP_CAPS))
	{
		if (r->title_first == QNONE)
			r->title_first = j;
		if (g)
			r->gender = g;
		r->honorific |= h;
		j++;
		/* Secretary of State John Kerry */
		if (q_is(q, j, "of") && q_is_cap(q, j + 1) && q_is_cap(q, j + 2))
			j += 2;
	}
	return j;
}

/*
 * Do the names from token i on lead, within a few words, to the noun of a
 * document with an author (a Times/CBS News tracking poll, a Post/ABC News
 * survey)?  Only then is a slash between names a joint source.
 */
static int
names_a_document_ahead(const qctx *q, uint32_t i)
{
	uint32_t	k = i;
	uint32_t	lower = 0;

	while (k < q->doc->ntokens && k - i < 12)
	{
		/* (a Suffolk University/Boston Globe Poll: a title-case poll too) */
		if (q_is_document_noun(q, k) || q_is(q, k, "poll") || q_is(q, k, "survey"))
			return 1;
		if (q_is_cap(q, k) || q_name_slash(q, k))
			k++;
		else if (q_is_word(q, k) && lower++ < 3)
			k++;
		else
			break;
	}
	return 0;
}

/* token kinds that spell no word of a name's run (capitalised_run_end) */
#define RUN_ENDING_KINDS ((1u << NA_TK_PUNCT) | (1u << NA_TK_OPEN_QUOTE) | \
						  (1u << NA_TK_CLOSE_QUOTE) | (1u << NA_TK_DASH))

/*
 * The end of the run of capitalised words from first that may be a name:
 * up to six words, with particles (de, van), suffixes (Jr.) and an
 * organisation's of/for ("Center for American Progress"), stopping at a
 * possessive, a weekday or a word that breaks a run ("Haley The").
 */
static uint32_t
capitalised_run_end(const qctx *q, uint32_t first)
{
	uint32_t	j = first;
	uint32_t	n = q->doc->ntokens;

	uint32_t	slashes = 0;

	while (j < n && j - first < 6 + 2 * slashes)
	{
		const na_token *t = &q->doc->tokens[j];

		if (j > first && (t->flags & (NA_TF_PARA_START | NA_TF_SENT_START)))
			break;
		/* (a capitalised word or initial in one test: NA_TF_CAPITALIZED is bit 0) */
		if (((1u << NA_TK_WORD | 1u << NA_TK_INITIAL) >> t->kind) & t->flags & NA_TF_CAPITALIZED)
		{
			/* Haley The; Trump Wednesday; Haley It's: no part of the name
			 * (a shouted headline's HE'S stays in its run) */
			if (j > first && (q_in_any(q, j, Q_LEX_BIT(LEX_RUN_BREAKERS) |
										 Q_LEX_BIT(LEX_WEEKDAY_WORDS)) ||
							  (q_contracted_word(q, j) && !(t->flags & NA_TF_ALLCAPS))))
				break;
			j++;
			/* the County Sheriff's Department, the Mayor's Office: a role's
			 * office runs on over its possessive */
			if (q_possessive(q, j - 1) &&
				!(q_is_cap(q, j) && q_in(q, j, LEX_ORG_WORDS) &&
				  na_lex_has(NA_LEX_QUOTE_ROLE_NOUNS, q->doc->text + t->start, q_base_len(q, j - 1))))
				break;
			continue;
		}
		/*
		 * a comma, a full stop, a quotation mark or a dash (most runs end at
		 * one): what follows asks for a word (a particle, of or for, a
		 * suffix) or a slash, so the run ends here
		 */
		if (((1u << t->kind) & RUN_ENDING_KINDS) && !(t->kind == NA_TK_PUNCT && t->len == 1 &&
													 q->doc->text[t->start] == '/'))
			break;
		if (j > first && (q_in(q, j, LEX_NAME_PARTICLES) && q_is_cap(q, j + 1)))
		{
			j++;
			continue;
		}
		/* Association of Flight Attendants, Center for American
		 * Progress: an organisation's name runs on over of/for */
		if (j > first && j + 1 - first < 6 && organisation_joint(q, j))
		{
			j++;
			continue;
		}
		if (j > first && q_in(q, j, LEX_NAME_SUFFIXES))
		{
			j++;
			continue;
		}
		/* the New York Times/CBS News poll: one source of two partners
		 * (not the Obama/Clinton policies: partners of a document only) */
		if (j > first && q_name_slash(q, j) && names_a_document_ahead(q, j + 1))
		{
			slashes++;
			j++;
			continue;
		}
		break;
	}
	return j;
}

/* Is token k the last word of an organisation's or a place's name
 * (Department, Administration, City: data/lexicon/quote_org_words.tsv),
 * not a name standing alone (State Twitter: a title of Twitter) nor a
 * party's people (Fellow Republicans: a prefix before a group)? */
static int
organisation_head(const qctx *q, uint32_t k)
{
	uint8_t		kind;

	return q_in(q, k, LEX_ORG_WORDS) && !sp_name_stands_alone(q, k) &&
		!(sp_name_prefix_at(q, k, &kind) == 1 && kind == Q_PREFIX_PARTY);
}

/*
 * The State Department, the Justice Department: a title word (State,
 * Justice) before a name that ends in an organisation's word is the first
 * word of the organisation's name, no title of a person (who would be
 * "Department", and male by the next "he").  An honorific stays one, and
 * so does a title before a given name or before several words ending in a
 * word that may be a surname (Housing Minister Nell Hill): only a kind of
 * organisation (data/lexicon/org_kinds.tsv) ends such a name.
 */
static void
title_of_organisation(const qctx *q, name_run *r)
{
	if (r->title_first == QNONE || r->honorific || r->place || !organisation_head(q, r->end - 1) ||
		sp_given_name_gender(q, r->first) >= 0 ||
		(r->end - r->first > 1 && sp_org_kind_of(q, r->end - 1, 0) == NULL))
		return;
	r->first = r->title_first;
	r->title_first = QNONE;
	r->gender = NA_GENDER_UNKNOWN;
}

/*
 * North Karnataka, Southern Darfur: a compass word and one capitalised
 * word (data/lexicon/place_direction_words.tsv), no given name nor an
 * organisation's word (Western Union), name a place the gazetteer does
 * not know (one it knows, North Carolina, stays as it reads it); never a
 * person whom "he" or "she" could mean.
 */
static int
direction_place(const qctx *q, const name_run *r)
{
	const na_token *t = &q->doc->tokens[r->first];
	uint8_t		kind;

	/* (North Carolina, a state of data/lexicon/name_prefixes.tsv, stays as read) */
	return r->title_first == QNONE && r->end == r->first + 2 && t->kind == NA_TK_WORD &&
		!(r->place_checked == r->first && r->place_found) &&
		!(t->flags & NA_TF_ALLCAPS) && q_is_word(q, r->first + 1) &&
		q_word_in(q, r->first, NA_LEX_PLACE_DIRECTION_WORDS) &&
		sp_name_prefix_at(q, r->first, &kind) < 2 &&
		sp_given_name_gender(q, r->first + 1) < 0 && !q_in(q, r->first + 1, LEX_ORG_WORDS) &&
		!q_possessive(q, r->first + 1);
}

/* What refine_name_run says of a run: a name, or which tokens to skip. */
typedef enum run_verdict
{
	RUN_NAME,					/* record the mention */
	RUN_SKIP_TOKEN,				/* no name here; read on from the next token */
	RUN_SKIP_RUN				/* no name in the whole run: read on after it */
} run_verdict;

/*
 * The run's title words within it ("Fire Chief Dan Ortiz", "Opposition MP
 * David Okafor"): the words up to a title, or to an acronym before a given
 * name, are the title, and the name starts after them.
 */
static void
split_title_in_run(const qctx *q, name_run *r)
{
	const na_token *toks = q->doc->tokens;
	uint8_t		g,
				h;

	/* Fire Chief Dan Ortiz: the words up to a title are the title (the
	 * U.S. Justice Department: an organisation's name keeps its words) */
	for (uint32_t k = r->end - 2; k > r->first; k--)
	{
		/* (the National Conference of State Legislatures: no title) */
		if (q_is_title(q, k, &g, &h) && !h && !q_is(q, k - 1, "of") &&
			!q_is(q, k - 1, "for") &&
			!(organisation_head(q, r->end - 1) && sp_given_name_gender(q, k + 1) < 0 &&
			  (k + 2 == r->end || sp_org_kind_of(q, r->end - 1, 0) != NULL)))
		{
			if (r->title_first == QNONE)
				r->title_first = r->first;
			r->first = k + 1;
			break;
		}
	}
	/*
	 * Opposition MP David Okafor, East Midlands MEP Ann Hill: an acronym
	 * (MP, MEP, CEO) before a given name ends a title
	 */
	for (uint32_t k = r->first + 1; k + 1 < r->end; k++)
	{
		if ((toks[k].flags & NA_TF_ALLCAPS) && toks[k].kind == NA_TK_WORD &&
			toks[k].clen >= 2 && toks[k].clen <= 4 && sp_given_name_gender(q, k + 1) >= 0)
		{
			if (r->title_first == QNONE)
				r->title_first = r->first;
			r->first = k + 1;
			break;
		}
	}
}

/*
 * Republican Donald Trump, Vermont Bernie Sanders, Rival Hillary Clinton: a
 * party, a state or a description before a given name is no part of the
 * name (Democratic National Committee keeps its words: no given name
 * follows); Republican Trump keeps "Trump".  Returns 0 when the run is only
 * such a description ("South Carolina Republican"), no name.
 */
static int
drop_name_prefixes(const qctx *q, name_run *r)
{
	uint8_t		kind = 0;
	uint8_t		title_gender,
				title_honorific;	/* (unused: a party's MP is no name) */
	uint32_t	np;
	uint32_t	k = r->first;

	/*
	 * the chain of prefixes from first (a name has at most six words), each
	 * link's answer kept, the last one's too: the loop after this one asks
	 * the same questions
	 */
	uint32_t	chain_np[8];
	uint8_t		chain_kind[8];
	uint32_t	nchain = 0;

	/* a name of one word (most of them) has no prefix to drop and is no
	 * description: both questions below need two words */
	if (r->end - r->first < 2)
		return 1;
	/* South Carolina Republican: a description made of prefixes, no name */
	while (k < r->end)
	{
		np = sp_name_prefix_at(q, k, &kind);
		if (nchain < sizeof(chain_np) / sizeof(chain_np[0]))
		{
			chain_np[nchain] = np;
			chain_kind[nchain++] = kind;
		}
		if (np == 0 || k + np > r->end)
			break;
		k += np;
	}
	if (k == r->end && r->title_first == QNONE && r->end - r->first >= 2)
		return 0;

	/* the prefixes the name drops: the first links of that chain */
	for (uint32_t c = 0;
		 r->first + 1 < r->end &&
		 (np = c < nchain ? (kind = chain_kind[c], chain_np[c]) :
		  sp_name_prefix_at(q, r->first, &kind)) > 0 &&
		 r->first + np < r->end &&
		 (sp_given_name_gender(q, r->first + np) >= 0 ||
		  (kind == Q_PREFIX_PARTY && r->first + np + 1 == r->end &&
		   !q_in(q, r->first + np, LEX_ORG_WORDS) &&
		   !q_in(q, r->first + np, LEX_STOP_CAPS) &&
		   !q_is_title(q, r->first + np, &title_gender, &title_honorific)));
		 c++)
	{
		r->first += np;
		r->prefixed = 1;
	}
	return 1;
}

/*
 * Is the run a name?  A title alone, a paragraph's heading, a shouted or a
 * title-case headline and a description made of prefixes name no one; a
 * name keeps its title words and loses the prefixes before it (r updated).
 */
static run_verdict
refine_name_run(const qctx *q, name_run *r)
{
	const na_token *toks = q->doc->tokens;
	uint32_t	first = r->first;
	uint32_t	j = r->end;

	/* Judge Rejects ... in a headline, "The MP said": a title alone
	 * names no one (The Observer, a role noun and a paper, does) */
	if (!r->place && r->title_first == QNONE && j == first + 1 && q_in(q, first, LEX_TITLES) &&
		!q_in(q, first, LEX_ORG_WORDS) && sp_org_kind_of(q, first, 0) == NULL)
		return RUN_SKIP_TOKEN;
	/* Veto Power Impedes Peace Efforts: a paragraph's heading, no name */
	if (!r->place && r->title_first == QNONE && j - first >= 4 && q_is_punct(q, j, ':') &&
		(toks[first].flags & NA_TF_PARA_START))
		return RUN_SKIP_RUN;
	/*
	 * CONGRESS HAS INVESTIGATED HIM: a shouted headline, no name; NEW YORK
	 * at a paragraph's start: a dateline (a transcript's DONALD TRUMP: keeps
	 * its colon)
	 */
	if (!r->place && (j - first >= 3 ||
					  (j - first == 2 && (toks[first].flags & NA_TF_PARA_START) &&
					   !q_is_punct(q, j, ':'))))
	{
		uint32_t	caps = 0;

		for (uint32_t k = first; k < j; k++)
			caps += (toks[k].flags & NA_TF_ALLCAPS) && toks[k].kind == NA_TK_WORD &&
				toks[k].clen > 1;
		if (caps == j - first)
			return RUN_SKIP_RUN;
	}
	/*
	 * Trump Booed After Telling Jeb Bush: a capitalised preposition inside a
	 * run of capitals makes it a headline in title case (a live blog's entry
	 * glued to its text), no name
	 */
	if (!r->place && r->title_first == QNONE && j - first >= 3)
	{
		for (uint32_t k = first + 1; k < j; k++)
			if (q_is_cap(q, k) && q_in(q, k, LEX_CLAUSE_PREPOSITIONS))
				return RUN_SKIP_RUN;
	}
	if (r->place)
		return RUN_NAME;
	if (j - first > 2)
		split_title_in_run(q, r);
	return drop_name_prefixes(q, r) ? RUN_NAME : RUN_SKIP_RUN;
}

/*
 * Records the run r as a mention: linked to its entity, which becomes a
 * place, a person (surely so with a title, a dropped prefix, a role in
 * apposition or a given name) or stays unknown; mention_at marks its tokens.
 * 0 when out of memory.
 */
static int
add_mention(qctx *q, const name_run *r)
{
	q_mention  *m = na_vec_push_unset(&q->mentions, q->mem);

	if (m == NULL)
		return 0;
	m->first = r->first;
	m->last = r->end - 1;
	m->title_first = r->title_first;
	m->honorific = r->honorific;
	m->gender = r->gender;
	m->given = Q_GIVEN_UNASKED;
	if (!sp_link_mention(q, m, (uint32_t) q->mentions.count - 1, r->place))
		return 0;
	{
		q_entity   *e = entity(q, m->entity);

		uint32_t	before = (r->title_first != QNONE ? r->title_first : m->first);

		if (r->place)
			e->place = 1;
		/*
		 * an entity already surely a person (Blair after Tony Blair, Mr.
		 * Blair) learns nothing from another mention's evidence: the
		 * questions below only ever set person and strong
		 */
		else if (e->person && e->strong)
			;
		/* a Retired American Warriors conference: a name used as a modifier */
		else if ((r->title_first == QNONE && !r->prefixed && before > 0 &&
				  (q_is(q, before - 1, "a") || q_is(q, before - 1, "an") ||
				   q_is(q, before - 1, "the"))) ||
				 names_a_work(q, before))
			;
		else if (r->title_first != QNONE || r->prefixed || has_role_apposition(q, m->first, m->last) ||
				 (m->last > m->first && sp_mention_given_gender(q, m) >= 0 &&
				  !q_in(q, m->last, LEX_ORG_WORDS)))
		{
			if (!e->person)
				sp_note_person(q, e);
			e->person = e->strong = 1;
		}
		/* (one already a person stays one) */
		else if (!e->person && m->last > m->first &&
				 looks_like_person(q, m->first, m->last,
								   m->first == r->place_checked ? r->place_found : -1))
		{
			sp_note_person(q, e);
			e->person = 1;
		}
	}
	for (uint32_t k = (r->title_first != QNONE ? r->title_first : r->first); k < r->end; k++)
		q->mention_at[k] = (uint32_t) q->mentions.count;
	return 1;
}

int
q_collect_names(qctx *q)
{
	const na_doc *doc = q->doc;
	const na_token *toks = doc->tokens;
	uint32_t	n = doc->ntokens;
	uint32_t	checked_block = UINT32_MAX;	/* interrupts checked per 4096 tokens */
	const q_events *ev = &q->events;
	uint32_t	p = 0;			/* ev->paras[p]: the first at the token read or after */
	uint32_t	next = 0;		/* the first token not read yet (after a run) */

	/*
	 * The text's first token opens a paragraph, listed or not: a headline
	 * from it on is skipped whole.  Then only the listed tokens (the
	 * capitals and the paragraphs' starts, q_token_events), those after
	 * the run read last: a walk over the tokens that jumped to the next
	 * listed one tested twice at each listed token it passed, and its exit
	 * was mispredicted at about one run in three.
	 */
	if (n > 0 && (ev->ncaps == 0 || ev->caps[0] != 0))
		next = headline_end(q, 0, &ev->paras[0], ev->caps, ev->ncaps);
	for (uint32_t c = 0; c < ev->ncaps; c++)
	{
		uint32_t	i = ev->caps[c];
		name_run	r;
		uint32_t	end;
		na_place_match pm;
		run_verdict verdict;
		uint64_t	lists;

		if (i < next)
			continue;
		/* a headline (most words capitalized) names no one reliably */
		if (i == 0 || (toks[i].flags & NA_TF_PARA_START))
		{
			while (ev->paras[p].token < i)
				p++;
			if ((end = headline_end(q, i, &ev->paras[p], ev->caps + c, ev->ncaps - c)) != 0)
			{
				next = end;
				continue;
			}
		}
		if ((i >> 12) != checked_block)
		{
			checked_block = i >> 12;
			na_check_interrupts(q->mem);
		}
		/* most tokens are lower case: reject them before anything else */
		if (!(toks[i].flags & NA_TF_CAPITALIZED) || !q_is_cap(q, i))
			continue;
		/* (its lists, which titles_before_name reads too) */
		lists = q_lexmask(q, i);
		memset(&r, 0, sizeof(r));
		r.title_first = QNONE;
		/* (most capitals are no title: may_be_title's answer at hand) */
		r.first = (lists & TITLE_LISTS) ? titles_before_name(q, i, &r) : i;
		/* Pour Bernard Lemaire / El Parlamento: a function word, no name
		 * (its list first: whether a capital opens its sentence is a coin
		 * toss) */
		if ((lists & Q_LEX_BIT(LEX_FOREIGN_OPENERS)) && (toks[i].flags & (NA_TF_SENT_START | NA_TF_PARA_START)) &&
			q_is_cap(q, i + 1) && !english_sentence(q, i))
			continue;
		/* (no title: the name starts at i) */
		if (r.title_first == QNONE && ((lists & Q_LEX_BIT(LEX_STOP_CAPS)) || sentence_adverb(q, r.first) ||
									   q_contracted_word(q, r.first) ||
									   (toks[r.first].kind == NA_TK_ABBREV && !q_is_cap(q, r.first + 1))))
			continue;
		r.place_checked = r.first;
		r.place_found = na_place_at(doc, r.first, &pm);
		if (r.place_found && !(pm.flags & NA_PLACE_AMBIGUOUS))
		{
			r.place = 1;
			r.end = r.first + pm.ntokens;
		}
		else
			r.end = capitalised_run_end(q, r.first);
		if (r.end == r.first)
		{
			/* (past the titles before it) */
			next = r.end;
			continue;
		}
		title_of_organisation(q, &r);
		if (!r.place && direction_place(q, &r))
			r.place = 1;
		verdict = refine_name_run(q, &r);
		if (verdict == RUN_SKIP_TOKEN)
			continue;
		if (verdict == RUN_SKIP_RUN)
		{
			next = r.end;
			continue;
		}
		if (!add_mention(q, &r))
			return 0;
		next = r.end;
	}
	return 1;
}
