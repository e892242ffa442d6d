/*
 * quote_lex.c - the quote analyser's view of the lexicon: the lists it
 * consults (data/lexicon/quote_*.tsv and reporting_cues.tsv, compiled by
 * scripts/gen-lexicon) as one bit mask per token.
 *
 * A token is looked up once per document (na_lex_token) and the lists it
 * belongs to are kept as a bit mask beside the token, so q_in(q, i, LEX_...)
 * costs a shift after the first call.
 */
#include <string.h>

#include "na_lexicon.h"
#include "quote_internal.h"

#define LEX_CUE_CLASS_SHIFT LEX_COUNT	/* the class of a reporting cue, 2 bits */
#define LEX_NOUN_CLASS_SHIFT (LEX_COUNT + 2)	/* the class of a reporting noun, 2 bits */
#define LEX_CLASS_BITS 3u

_Static_assert(LEX_COUNT + 4 <= 63,
			   "lexicon masks are the lists, two classes of 2 bits and a looked-up bit in 64");
_Static_assert(NA_CUE_COUNT - 1 <= LEX_CLASS_BITS, "a cue class fits 2 bits");
_Static_assert(NA_LEX_REPORTING_CUES > NA_LEX_QUOTE_ACCORDING &&
			   NA_LEX_REPORTING_NOUNS > NA_LEX_REPORTING_CUES,
			   "the quote lists and the reporting words are one run of list identifiers");

#define LEX_DONE Q_LEX_DONE		/* the token was looked up */
/* the kinds of token a word list may hold (token_entry) */
#define WORDLIKE_KINDS ((1u << NA_TK_WORD) | (1u << NA_TK_ABBREV) | (1u << NA_TK_INITIAL))

/*
 * q_lex_initial_masks[kind << 1 | shaped] (quote_internal.h), made from its
 * rule for every index, so that a kind added to the scanner takes the rule:
 * 0 for an abbreviation, an initial and a shaped word, LEX_DONE otherwise.
 */
_Static_assert(NA_TK_KIND_COUNT <= 32, "a token's kind indexes q_lex_initial_masks");
#define ASKED_ALWAYS Q_LEX_ASKED_KINDS
#define INITIAL_MASK(i) \
	((((ASKED_ALWAYS >> ((i) >> 1)) & 1) || (((i) >> 1) == NA_TK_WORD && ((i) & 1))) ? 0 : LEX_DONE)
#define INITIAL_MASKS_4(i) INITIAL_MASK(i), INITIAL_MASK((i) + 1), INITIAL_MASK((i) + 2), INITIAL_MASK((i) + 3)
#define INITIAL_MASKS_16(i) \
	INITIAL_MASKS_4(i), INITIAL_MASKS_4((i) + 4), INITIAL_MASKS_4((i) + 8), INITIAL_MASKS_4((i) + 12)
const uint64_t q_lex_initial_masks[64] = {
	INITIAL_MASKS_16(0), INITIAL_MASKS_16(16), INITIAL_MASKS_16(32), INITIAL_MASKS_16(48)
};
#define LEX_MASK ((UINT64_C(1) << LEX_COUNT) - 1)

/* The quote lists among an entry's lists: bits Q_LEX_BASE .. + LEX_COUNT. */
static inline uint64_t
quote_lists_of(int32_t entry)
{
	const uint64_t *lists;
	uint64_t	m;
	const unsigned word = Q_LEX_BASE >> 6;
	const unsigned shift = Q_LEX_BASE & 63;

	if (entry < 0)
		return 0;
	lists = na_lex_entries[entry].lists;
	m = lists[word] >> shift;
	if (shift != 0 && word + 1 < NA_LEX_MASK_WORDS)
		m |= lists[word + 1] << (64 - shift);
	return m & LEX_MASK;
}

/* The case-folded entry of token i, or -1 (words, abbreviations and initials only). */
static int32_t
token_entry(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if ((t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV && t->kind != NA_TK_INITIAL) ||
		t->len == 0)
		return -1;
	/* a word the speakers looked up already */
	if (q->words[i] != 0)
		return q_word_entry(q, i);
	/*
	 * Most tokens (names, numbers, most words) are in no quote list: the
	 * lexicon's shape filter of the quote lists refuses them before any
	 * folding or hashing; a token with non-ASCII bytes may fold in other
	 * ways and is looked up.
	 */
	if (!(t->flags & NA_TF_NONASCII))
	{
		uint32_t	head;

		/* the first four bytes in one load where the text goes on that far
		 * (na_lex_shape ignores those past the token) */
		if (q->doc->len - t->start >= 4)
			memcpy(&head, p, 4);
		else
			head = na_lex_shape_head((const unsigned char *) p, t->len);
		if (!na_lex_shape_may(NA_LEX_SHAPES_QUOTE_WORDS,
							  na_lex_shape(head, (unsigned char) p[t->len - 1], t->len)))
			return -1;
	}
	/* the folded key alone (the quote lists are all case-insensitive),
	 * the token's word as the other lists see it too */
	return q_word_entry(q, i);
}

#define BYTES8(b) ((b) * UINT64_C(0x0101010101010101))

/* The ASCII bytes of word (little-endian) with A-Z folded to a-z: at least
 * 'A' and not above 'Z' (ASCII: no carry from one byte into the next). */
static inline uint64_t
fold_ascii8(uint64_t word)
{
	uint64_t	upper = (word + BYTES8(0x80 - 'A')) & ~(word + BYTES8(0x80 - 'Z' - 1)) & BYTES8(0x80);

	return word | upper >> 2;
}

/* A space among the first len (1 to 8) bytes of word: a zero byte of word ^
 * spaces (zero padding is none). */
static inline bool
has_space8(uint64_t word, uint32_t len)
{
	uint64_t	x = word ^ BYTES8(' ');

	return ((x - BYTES8(0x01)) & ~x & BYTES8(0x80) & (~UINT64_C(0) >> (64 - 8 * len))) != 0;
}

/* The hash bits of a q_word that na_lex_longest's first-word filter reads. */
static inline q_word
hashed_word(uint32_t hash)
{
	return Q_WORD_HASHED | (hash & (NA_LEX_FIRST_WORD_BITS - 1)) << Q_WORD_HASH_SHIFT;
}

/*
 * The entry of an ASCII word of 1 to 8 bytes given as one word (its bytes
 * little-endian, zero-padded) in *entry, and the hash bits of its q_word
 * (whole: the token itself, not its base without a possessive).
 */
static inline q_word
short_ascii_word(uint64_t word, uint32_t len, int whole, int32_t *entry)
{
	uint32_t	hash;

	word = fold_ascii8(word);
	hash = na_lex_hash_head(word, len);
	*entry = na_lex_find_head(word, len, hash);
	return whole && !has_space8(word, len) ? hashed_word(hash) : 0;
}

/*
 * short_ascii_word of an ASCII word of 9 to 16 bytes given as two words
 * (the second zero-padded): na_lex_hash's two steps and the folded key
 * with no loop over its bytes ("President", "Republicans", "government":
 * a third of the words the lists are asked of after the short ones, which
 * took 170 instructions each in the loops of the general path).
 */
static inline q_word
two_word_ascii(uint64_t w0, uint64_t w1, uint32_t len, int whole, int32_t *entry)
{
	char		key[16];
	uint32_t	hash;

	w0 = fold_ascii8(w0);
	w1 = fold_ascii8(w1);
	hash = (uint32_t) na_lex_hash_step(na_lex_hash_step(NA_LEX_HASH_SEED(len), w0), w1);
	memcpy(key, &w0, 8);
	memcpy(key + 8, &w1, 8);
	*entry = na_lex_find_hashed(key, len, hash);
	return whole && !has_space8(w0, 8) && !has_space8(w1, len - 8) ? hashed_word(hash) : 0;
}

/*
 * The folded entry of the first len bytes of token i (Q_WORD_LOOKUP_BASE:
 * of the token without a possessive), looked up; the
 * token's word (case-folded, without a possessive) is kept in its q_word,
 * with the hash bits of an ASCII token that na_lex_longest's first-word
 * filter reads.
 */
int32_t
q_word_lookup(const qctx *q, uint32_t i, uint32_t len)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	/* (a possessive ends in s: most words need no closer look) */
	uint32_t	base = t->len > 0 && p[t->len - 1] == 's' ? q_base_len(q, i) : t->len;
	uint32_t	hash;
	q_word		w = base != t->len ? Q_WORD_BASE : 0;
	int32_t		entry = -1;

	if (base > 0 && base <= 8 && q->doc->len - t->start >= 8)
	{
		/* a short word (nearly all), eight bytes at once and no loop */
		uint64_t	word;

		memcpy(&word, p, 8);
		word &= ~UINT64_C(0) >> (64 - 8 * base);
		if (word & BYTES8(0x80))
			entry = na_lex_find_folded(p, base);
		else
			w |= short_ascii_word(word, base, base == t->len, &entry);
	}
	else if (base > 8 && base <= 16 && base <= NA_LEX_KEY_MAX && q->doc->len - t->start >= 16)
	{
		uint64_t	w0,
					w1;

		memcpy(&w0, p, 8);
		memcpy(&w1, p + 8, 8);
		w1 &= ~UINT64_C(0) >> (64 - 8 * (base - 8));
		if ((w0 | w1) & BYTES8(0x80))
			entry = na_lex_find_folded(p, base);
		else
			w |= two_word_ascii(w0, w1, base, base == t->len, &entry);
	}
	else if (base > 0 && base <= NA_LEX_KEY_MAX)
	{
		char		buf[NA_LEX_KEY_MAX];
		unsigned char high = 0,
					space = 0;

		/* na_lex_fold_ascii_hashed, with the spaces noted (may_start_key's filter) */
		for (uint32_t k = 0; k < base; k++)
		{
			unsigned char c = (unsigned char) p[k];

			high |= c;
			space |= c == ' ';
			buf[k] = (char) (c | (((unsigned char) (c - 'A') < 26) << 5));
		}
		if (!(high & 0x80))
		{
			hash = na_lex_hash(buf, base);
			entry = na_lex_find_hashed(buf, base, hash);
			if (base == t->len && !space)
				w |= Q_WORD_HASHED |
					(hash & (NA_LEX_FIRST_WORD_BITS - 1)) << Q_WORD_HASH_SHIFT;
		}
		else
			entry = na_lex_find_folded(p, base);
	}
	else if (base > 0)
		entry = na_lex_find_folded(p, base);
	/* (an entry too large for the word's bits is looked up at every question) */
	if ((uint32_t) (entry + 2) < (1u << (32 - Q_WORD_ENTRY_SHIFT)))
		q->words[i] = w | (uint32_t) (entry + 2) << Q_WORD_ENTRY_SHIFT;
	return len == base || len == Q_WORD_LOOKUP_BASE ? entry : na_lex_find_folded(p, len);
}

/*
 * The class column of a list of reporting words (reporting_cues.tsv,
 * reporting_nouns.tsv) for an entry in it: speech, thought or finding.
 */
static uint64_t
class_of(na_lex_list list, int32_t entry, uint32_t column)
{
	const char *cls = na_lex_attr(list, na_lex_row_of(list, entry), column);

	/* the first letter tells them apart */
	switch (cls[0])
	{
		case 't':
			return NA_CUE_THOUGHT;
		case 'f':
			return NA_CUE_FINDING;
		default:
			return NA_CUE_SPEECH;
	}
}

/*
 * The mask of token i: its lists, and for a reporting word the class of
 * what it reports, in the bits above the lists, so that the class costs a
 * shift like the lists do (it was looked up again at every question: 23,000
 * times over BBC).
 */
/*
 * token_entry of the commonest token asked, the first time: an ASCII word
 * of one to eight bytes that ends in no 's (so no possessive: q_base_len
 * finds none without the apostrophe) with eight bytes of text at hand, in one function with no call (token_entry,
 * q_word_entry and q_word_lookup asked the same of the token in turn, each
 * with its own frame: 45% of a first lookup's instructions).  Its q_word
 * is kept as q_word_lookup keeps it.  -2 for any other token.
 */
static inline int32_t
short_token_entry(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	uint32_t	len = t->len;
	uint64_t	word;
	int32_t		entry;
	q_word		w;

	if ((t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV && t->kind != NA_TK_INITIAL) ||
		len - 1 >= 8 || (t->flags & NA_TF_NONASCII) || q->words[i] != 0 ||
		q->doc->len - t->start < 8 || (p[len - 1] == 's' && len >= 3 && p[len - 2] == '\''))
		return -2;
	memcpy(&word, p, 8);
	/*
	 * the quote lists' shape filter, as token_entry asks it (of the first
	 * four bytes, little-endian: na_lex_shape_head); a word's answer is
	 * its NA_TF_QUOTE_SHAPE (q_lex_fill refused the others)
	 */
	if (t->kind != NA_TK_WORD &&
		!na_lex_shape_may(NA_LEX_SHAPES_QUOTE_WORDS,
						  na_lex_shape((uint32_t) word, (unsigned char) p[len - 1], len)))
		return -1;
	word &= ~UINT64_C(0) >> (64 - 8 * len);
	if (word & BYTES8(0x80))
		return -2;
	w = short_ascii_word(word, len, 1, &entry);
	/* (an entry too large for the word's bits is looked up at every question) */
	if ((uint32_t) (entry + 2) < (1u << (32 - Q_WORD_ENTRY_SHIFT)))
		q->words[i] = w | (uint32_t) (entry + 2) << Q_WORD_ENTRY_SHIFT;
	return entry;
}

/*
 * What the lookup of a word answered, kept for the next token of the same
 * bytes: its mask and the q_word the lookup keeps (0: none).  The same few
 * thousand words (said, the, Mr, told, President) are asked in article
 * after article, about 190 instructions a lookup; 98% of the short words
 * asked over BBC had been asked before.  The answer is a function of the
 * token's bytes and kind alone (the lexicon is compiled in), so a memo slot
 * can only be right or replaced.  One memo per process, direct-mapped,
 * never cleared: a PostgreSQL backend is one thread, and the core analyses
 * one text at a time in it (a program that analysed texts in threads at
 * once would need one memo a thread).
 */
typedef struct word_memo
{
	uint64_t	word[2];		/* the token's bytes, little-endian, zero-padded */
	uint64_t	mask;			/* q_lex_fill's answer */
	uint32_t	meta;			/* MEMO_META: 0 = an empty slot */
	q_word		w;				/* the token's q_word, 0 = none kept */
} word_memo;

#define MEMO_BITS 12
#define MEMO_META(len, kind) ((len) | (uint32_t) (kind) << 8 | 1u << 16)
static word_memo word_memos[1u << MEMO_BITS];

/*
 * The memo slot of token i, and its bytes in word[2], when the token is an
 * ASCII word of 1 to 16 bytes with as many at hand rounded up to 8, and no
 * q_word yet (then the lookup reads nothing but its bytes); NULL for any
 * other.
 */
static inline word_memo *
memo_slot(const qctx *q, uint32_t i, uint64_t word[2], uint32_t *meta)
{
	const na_token *t = &q->doc->tokens[i];

	if ((t->flags & NA_TF_NONASCII) || q->words[i] != 0 ||
		!na_lex_memo_key(q->doc->text + t->start, q->doc->len - t->start, t->len, word))
		return NULL;
	*meta = MEMO_META(t->len, t->kind);
	return &word_memos[na_lex_memo_slot(word, (uint64_t) *meta << 40, MEMO_BITS)];
}

/*
 * q_lex_fill of a token the lists may hold, its memo empty or another
 * word's: looked up, and the memo (if the token has a slot) filled.  Apart,
 * and not inlined, because the lookup's registers made its callers save
 * and restore six of them at every call, also for the tokens refused by
 * kind and flags and those the memo answers (6.8M instructions over BBC).
 */
static __attribute__((noinline)) uint64_t
lex_fill_looked_up(const qctx *q, uint32_t i, word_memo *memo, const uint64_t word[2], uint32_t meta)
{
	int32_t		entry;
	uint64_t	mask;

	entry = short_token_entry(q, i);
	if (entry == -2)
		entry = token_entry(q, i);
	mask = quote_lists_of(entry);
	if (mask & Q_LEX_BIT(LEX_REPORTING_CUES))
		mask |= class_of(NA_LEX_REPORTING_CUES, entry, NA_LEX_REPORTING_CUES_CLASS) << LEX_CUE_CLASS_SHIFT;
	if (mask & Q_LEX_BIT(LEX_REPORTING_NOUNS))
		mask |= class_of(NA_LEX_REPORTING_NOUNS, entry, NA_LEX_REPORTING_NOUNS_CLASS) << LEX_NOUN_CLASS_SHIFT;
	q->lexmask[i] = mask | LEX_DONE;
	if (memo != NULL)
	{
		memo->word[0] = word[0];
		memo->word[1] = word[1];
		memo->meta = meta;
		memo->mask = mask;
		memo->w = q->words[i];
	}
	return mask;
}

uint64_t
q_lex_fill(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	uint64_t	word[2] = {0, 0};
	uint32_t	meta = 0;
	word_memo  *memo;

	/*
	 * a word (about half of those asked) that the scanner found shaped
	 * like no word of the lists is in none: token_entry's filter would
	 * refuse it, and a word looked up before is in no quote list either;
	 * nor is a token of another kind than a word, an abbreviation or an
	 * initial (a comma or a full stop after a name: 32,000 over BBC),
	 * which token_entry refuses after short_token_entry did
	 */
	if ((t->kind == NA_TK_WORD && !(t->flags & (NA_TF_QUOTE_SHAPE | NA_TF_NONASCII))) ||
		!((1u << t->kind) & WORDLIKE_KINDS))
	{
		q->lexmask[i] = LEX_DONE;
		return 0;
	}
	/* a word asked before, in this article or an earlier one: its memo */
	memo = memo_slot(q, i, word, &meta);
	if (memo != NULL && memo->meta == meta && memo->word[0] == word[0] && memo->word[1] == word[1])
	{
		if (memo->w != 0)
			q->words[i] = memo->w;
		q->lexmask[i] = memo->mask | LEX_DONE;
		return memo->mask;
	}
	return lex_fill_looked_up(q, i, memo, word, meta);
}

/* The class of the reporting verb at token i (reporting_cues.tsv); NA_CUE_NONE when it is none. */
uint8_t
q_cue_class(const qctx *q, uint32_t i)
{
	return (uint8_t) ((q_lexmask(q, i) >> LEX_CUE_CLASS_SHIFT) & LEX_CLASS_BITS);
}

/* The class of the reporting noun at token i (reporting_nouns.tsv). */
uint8_t
q_noun_cue_class(const qctx *q, uint32_t i)
{
	return (uint8_t) ((q_lexmask(q, i) >> LEX_NOUN_CLASS_SHIFT) & LEX_CLASS_BITS);
}

/* q_same_base past its inline test: the bases of two tokens compared
 * byte by byte, apostrophes read alike.  Here, below the speakers, because
 * names are matched with it as much as cues are. */
int
q_same_base_written(const qctx *q, uint32_t a, uint32_t b)
{
	uint32_t	la = q_base_len(q, a);
	uint32_t	lb = q_base_len(q, b);
	const char *x = q->doc->text + q->doc->tokens[a].start;
	const char *y = q->doc->text + q->doc->tokens[b].start;
	uint32_t	i = 0,
				j = 0;

	if (la == lb && memcmp(x, y, la) == 0)
		return 1;
	while (i < la && j < lb)
	{
		uint32_t	ai = q_apostrophe_at(x + i, la - i);
		uint32_t	bj = q_apostrophe_at(y + j, lb - j);

		if (ai && bj)
		{
			i += ai;
			j += bj;
			continue;
		}
		if (ai || bj || x[i] != y[j])
			return 0;
		i++;
		j++;
	}
	return i == la && j == lb;
}

/*
 * Is token i a word with another contracted onto it (It's, He’s, I'm,
 * They're, We'll, Don't)?  Capitalised at a sentence's start it is no name,
 * nor the start of one ("He's Donald Trump, and ...", "It's All CNN's
 * Fault"): 's after a pronoun (a possessive otherwise), 'm, 're, 've, 'll
 * and 'd after a pronoun, n't after a verb.  A name's apostrophe is no
 * contraction (O'Neill, D’Souza, Trump's).
 */
int
q_contracted_word_at(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;
	uint32_t	a,
				w,
				rest;
	unsigned char last;

	if (t->kind != NA_TK_WORD || t->len < 3)
		return 0;
	/*
	 * Every contraction below ends in s, t, m, d (one letter after the
	 * apostrophe) or e, l (two): any other last letter is none, with no
	 * look for an apostrophe (every capitalised word of a name run asks)
	 */
	last = (unsigned char) p[t->len - 1];
	if (last != 0 && (last | 0x20) != 's' && (last | 0x20) != 't' && (last | 0x20) != 'm' &&
		(last | 0x20) != 'd' && (last | 0x20) != 'e' && (last | 0x20) != 'l')
		return 0;
	/*
	 * the last apostrophe: the base before it, the contracted word after;
	 * one that leaves more than two bytes after it (a ' before the last
	 * four, a ’ before the last five) contracts nothing, so the search
	 * ends there
	 */
	for (a = t->len - 1; a > 0 && a + 5 >= t->len && q_apostrophe_at(p + a, t->len - a) == 0; a--)
		;
	if (a == 0 || q_apostrophe_at(p + a, t->len - a) == 0)
		return 0;
	w = q_apostrophe_at(p + a, t->len - a);
	rest = t->len - a - w;
	if (rest == 1 && (p[t->len - 1] == 's' || p[t->len - 1] == 'S'))
		return !q_possessive(q, i) && q_contracted_pronoun(p, a);
	if (rest == 1 && (p[t->len - 1] == 't' || p[t->len - 1] == 'T'))
		return a >= 2 && (p[a - 1] == 'n' || p[a - 1] == 'N');
	if ((rest == 1 && strchr("mMdD", p[t->len - 1]) != NULL) ||
		(rest == 2 && (na_ascii_ci_equal(p + a + w, "re", 2) || na_ascii_ci_equal(p + a + w, "ve", 2) ||
					   na_ascii_ci_equal(p + a + w, "ll", 2))))
		return na_lex_has(NA_LEX_QUOTE_STOP_CAPS, p, a);
	return 0;
}
