/*
 * na_lexicon.h - the core's word lists (data/lexicon/NAME.tsv), one lookup for all.
 *
 * Every list of words or phrases the core consults is a TSV file under
 * data/lexicon; scripts/gen-lexicon compiles them into lexicon_data.c (one
 * static hash table over every list's keys) and lexicon_ids.h (an identifier
 * per list, NA_LEX_<FILE NAME>).  Nothing is built at run time, nothing is
 * allocated, and one lookup of a token answers for every list at once.
 *
 * A list is matched either case-insensitively (header column "word": keys
 * are case-folded with full Unicode case folding, ICU's u_strFoldCase, so
 * "BÜRGERMEISTER" finds "bürgermeister") or exactly as written (header
 * "exact": "Ill" is an abbreviation, "ill" is not).
 *
 *   row = na_lex_lookup(NA_LEX_SENTENCE_STARTERS, text, len);  (-1: absent)
 *   na_lex_attr(NA_LEX_X, row, NA_LEX_X_GENDER)                 an attribute
 *
 * Callers that test a token against several lists look it up once
 * (na_lex_token) and keep the two entries; na_lex_in then costs one bit test.
 * Multi-word entries are keys with single spaces between the words;
 * na_lex_longest matches them over tokens, longest first.
 */
#ifndef NA_LEXICON_H
#define NA_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexicon_ids.h"

struct na_doc;

/* What the generated file says about a list. */
typedef struct na_lex_list_info
{
	const char *name;			/* its file name without .tsv */
	bool		exact;			/* matched as written, not case-folded */
	uint32_t	nrows;
	uint32_t	nattrs;			/* columns after the key */
	uint32_t	max_words;		/* words of its longest entry */
	uint32_t	first_row;		/* of its rows in na_lex_row_entry */
	uint32_t	first_attr;		/* of its attributes in na_lex_attr_values */
	int32_t		second_words;	/* its row of na_lex_second_words, -1: a key of
								 * one word */
} na_lex_list_info;

/* A distinct key of one or more lists (folded, or as written for exact lists). */
typedef struct na_lex_entry
{
	uint32_t	key;			/* its bytes at na_lex_key_bytes + key, NUL-terminated */
	uint32_t	len;
	uint32_t	hash;			/* na_lex_hash of the key */
	uint64_t	lists[NA_LEX_MASK_WORDS];	/* bit l: in list l */
	uint32_t	first_row;		/* its rows in na_lex_entry_rows, one per list */
	uint64_t	head;			/* its first eight bytes, little-endian, zero-padded:
								 * a key of eight bytes or fewer is this word
								 * (na_lex_find_head) */
} na_lex_entry;

/* the generated tables (lexicon_data.c) */
extern const na_lex_list_info na_lex_lists[NA_LEX_NLISTS];
extern const na_lex_entry na_lex_entries[];
extern const uint16_t na_lex_row_entry[];
/* per list, a bit for the hash of each key's first word: na_lex_longest's filter */
extern const uint64_t na_lex_first_words[NA_LEX_NLISTS][NA_LEX_FIRST_WORD_BITS / 64];
/*
 * per list of phrases only (every key two words or more), a bit for the hash
 * of each key's second word, as na_lex_first_words: its first words are
 * common words (made, took, going) that the word after them rules out
 */
extern const uint64_t na_lex_second_words[NA_LEX_NSECOND_WORD_FILTERS][NA_LEX_FIRST_WORD_BITS / 64];
/* per group of lists (scripts/gen-lexicon's SHAPE_FILTERS), a bit for each key's na_lex_shape */
extern const uint64_t na_lex_shape_filters[NA_LEX_NSHAPE_FILTERS][(1u << NA_LEX_SHAPE_BITS) / 64];
extern const uint16_t na_lex_entry_rows[];
/*
 * The keys' and the attributes' bytes, NUL-terminated strings one after
 * another, which the tables name by offset: a table of pointers would be
 * relocated, page by page, in every process that loads the library (8,000
 * relocations took 2 ms of each backend's and each parallel worker's start).
 */
extern const char na_lex_key_bytes[];
extern const char na_lex_attr_bytes[];
/* attributes of the rows, list after list, row after row: offsets into na_lex_attr_bytes */
extern const uint32_t na_lex_attr_values[];

/* The bytes of an entry's key. */
#define NA_LEX_ENTRY_KEY(e) (na_lex_key_bytes + (e)->key)
extern const uint16_t na_lex_slots[];
extern const uint32_t na_lex_nslots;
extern const uint32_t na_lex_nentries;

/* The places' string hash (FNV-1a, 32 bits), also of scripts/gen-places. */
static inline uint32_t
na_fnv1a(const char *s, size_t len)
{
	uint32_t	h = 0x811C9DC5u;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 0x01000193u;
	}
	return h;
}

/*
 * The lexicon's hash (scripts/gen-lexicon's lexhash computes the same): a
 * key's bytes as 8-byte words, little-endian, the last one zero-padded,
 * each mixed in with one 64-bit multiply, from a seed of the length.  It
 * was FNV-1a, a multiply per byte in a loop whose exit, at a different
 * length each word, was mispredicted about once a lookup; a word of eight
 * bytes or fewer (nearly every word of a text) is now one step with no
 * loop (na_lex_hash_head).
 */
static inline uint64_t
na_lex_hash_step(uint64_t h, uint64_t word)
{
	h = (h ^ word) * UINT64_C(0xFF51AFD7ED558CCD);
	return h ^ (h >> 32);
}

#define NA_LEX_HASH_SEED(len) ((uint64_t) (len) * UINT64_C(0x9E3779B97F4A7C15))

/* na_lex_hash of a key of 1 to 8 bytes given as one word (little-endian, zero-padded). */
static inline uint32_t
na_lex_hash_head(uint64_t head, size_t len)
{
	return (uint32_t) na_lex_hash_step(NA_LEX_HASH_SEED(len), head);
}

/*
 * The key of a per-process memo of what a short word's bytes alone decide
 * (quote_lex.c's word lists, places.c's place forms): the len (1 to 16)
 * bytes at s as two words, little-endian, zero-padded, loaded 8 at a time,
 * so avail (the bytes readable from s) must cover len rounded up to 8.
 * False where it does not, or len is out of range: no memo for that token.
 */
static inline bool
na_lex_memo_key(const char *s, size_t avail, uint32_t len, uint64_t key[2])
{
	if (len - 1 >= 16 || avail < (len > 8 ? 16u : 8u))
		return false;
	memcpy(&key[0], s, 8);
	key[1] = 0;
	if (len > 8)
	{
		memcpy(&key[1], s + 8, 8);
		key[1] &= ~UINT64_C(0) >> (64 - 8 * (len - 8));
	}
	else
		key[0] &= ~UINT64_C(0) >> (64 - 8 * len);
	return true;
}

/* The slot of a direct-mapped memo of 2^bits slots for key, mixed with salt. */
static inline uint32_t
na_lex_memo_slot(const uint64_t key[2], uint64_t salt, unsigned bits)
{
	return (uint32_t) (((key[0] ^ key[1] * 31 ^ salt) * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - bits));
}

/*
 * The word of the n (0 to 8) bytes at s, little-endian, zero-padded, with
 * no read past them and no loop: two loads that overlap (the bytes they
 * share are the same).
 */
static inline uint64_t
na_lex_word_at(const char *s, size_t n)
{
	uint32_t	lo,
				hi;

	if (n >= 4)
	{
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		return (uint64_t) lo | (uint64_t) hi << (8 * (n - 4));
	}
	if (n == 0)
		return 0;
	return (uint64_t) (unsigned char) s[0] | (uint64_t) (unsigned char) s[n >> 1] << (8 * (n >> 1)) |
		(uint64_t) (unsigned char) s[n - 1] << (8 * (n - 1));
}

static inline uint32_t
na_lex_hash(const char *s, size_t len)
{
	uint64_t	h = NA_LEX_HASH_SEED(len);

	for (size_t i = 0; i < len; i += 8)
		h = na_lex_hash_step(h, na_lex_word_at(s + i, len - i < 8 ? len - i : 8));
	return (uint32_t) h;
}

/*
 * A token's shape for the shape filters: a hash of its length, its first
 * four bytes and its last byte, ASCII letters folded (| 0x20; other bytes
 * only collide).  Filters refuse nearly every word of a text with one bit
 * test and the token's bytes at hand; a key's shape is its folded form's,
 * so a token that folds to a key never is refused, except one with
 * non-ASCII letters, which callers let through.  head: the first four bytes,
 * little-endian, any bytes past the token's end ignored.  na_lex_shape_folded
 * takes them folded (| 0x20) and those past the end zeroed, for a caller
 * that has them so (the scanner's short words, from the load that found
 * their end).
 */
static inline uint32_t
na_lex_shape_folded(uint32_t folded, unsigned char last, size_t len)
{
	return ((folded * 0x9E3779B1u) ^ (((uint32_t) (last | 0x20) | (uint32_t) len << 8) * 0x85EBCA6Bu)) >>
		(32 - NA_LEX_SHAPE_BITS);
}

static inline uint32_t
na_lex_shape(uint32_t head, unsigned char last, size_t len)
{
	static const uint32_t keep[5] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu, 0xFFFFFFFFu};

	return na_lex_shape_folded((head | 0x20202020u) & keep[len < 4 ? len : 4], last, len);
}

/*
 * The first four bytes of p[0..len), zero-padded, for na_lex_shape.  Four
 * bytes or more (most words) are one load: a copy of a variable length
 * into a padded buffer cost a byte loop per token (12M instructions of
 * quotes() over BBC).
 */
static inline uint32_t
na_lex_shape_head(const unsigned char *p, size_t len)
{
	if (len >= 4)
		return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
	return (len > 0 ? (uint32_t) p[0] : 0) | (len > 1 ? (uint32_t) p[1] << 8 : 0) |
		(len > 2 ? (uint32_t) p[2] << 16 : 0);
}

/* May a token of shape h be a key of the lists of filter f?  (0 proves not.) */
static inline bool
na_lex_shape_may(na_lex_shape_filter f, uint32_t h)
{
	return (na_lex_shape_filters[f][h >> 6] >> (h & 63)) & 1;
}

/*
 * Full Unicode case folding of len bytes of UTF-8 into out (capacity cap):
 * ASCII by table, anything else through ICU u_strFoldCase.  Returns the
 * folded length, or (size_t) -1 if it does not fit or s is not UTF-8.
 */
size_t		na_lex_fold(const char *s, size_t len, char *out, size_t cap);

/*
 * Are a[0..len) and b[0..len) the same bytes?  A loop, not memcmp: a key
 * whose hash and length matched is nearly always the word, a few bytes
 * long, and a library call cost more than comparing them.
 */
static inline bool
na_lex_same_bytes(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* The entry whose key is these bytes, of na_lex_hash hash, or -1. */
static inline int32_t
na_lex_find_hashed(const char *key, size_t len, uint32_t hash)
{
	for (uint32_t h = hash & (na_lex_nslots - 1); na_lex_slots[h]; h = (h + 1) & (na_lex_nslots - 1))
	{
		const na_lex_entry *e = &na_lex_entries[na_lex_slots[h] - 1];

		if (e->hash == hash && e->len == len && na_lex_same_bytes(NA_LEX_ENTRY_KEY(e), key, len))
			return (int32_t) (na_lex_slots[h] - 1);
	}
	return -1;
}

/*
 * na_lex_find_hashed for a key of 1 to 8 bytes given as one word (its bytes
 * little-endian, zero-padded: na_lex_entry.head): the entry or -1, with no
 * loop over the bytes.  Nearly every word of a text is that short, and the
 * byte loops' exits, at a different length each word, were mispredicted
 * about once a lookup.  The probe ends at the first slot in most lookups
 * (a quarter of the slots are taken): one branch, mostly taken.
 */
static inline int32_t
na_lex_find_head(uint64_t head, uint32_t len, uint32_t hash)
{
	for (uint32_t h = hash & (na_lex_nslots - 1);; h = (h + 1) & (na_lex_nslots - 1))
	{
		uint32_t	slot = na_lex_slots[h];
		const na_lex_entry *e = &na_lex_entries[slot - (slot != 0)];
		bool		hit = ((e->hash ^ hash) | (e->len ^ len) | (uint32_t) (e->head != head)) == 0;

		if ((slot == 0) | hit)
			return hit && slot != 0 ? (int32_t) slot - 1 : -1;
	}
}

/*
 * The fast path of a case-insensitive lookup: the ASCII fold of len bytes
 * (len <= NA_LEX_KEY_MAX) into buf and its na_lex_hash.  Returns 0 when a
 * byte is not ASCII: the caller folds with na_lex_fold.
 */
static inline int
na_lex_fold_ascii_hashed(const char *text, size_t len, char *buf, uint32_t *hash)
{
	unsigned char high = 0;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) text[i];

		high |= c;
		buf[i] = (char) (c | (((unsigned char) (c - 'A') < 26) << 5));
	}
	*hash = na_lex_hash(buf, len);
	return !(high & 0x80);
}

/* The entry whose key is exactly these bytes, or -1. */
static inline int32_t
na_lex_find(const char *key, size_t len)
{
	if (len == 0 || len > NA_LEX_KEY_MAX)
		return -1;
	return na_lex_find_hashed(key, len, na_lex_hash(key, len));
}

/* Is entry (of na_lex_find or na_lex_token; -1 is in no list) in list? */
static inline bool
na_lex_in(na_lex_list list, int32_t entry)
{
	/*
	 * with no branch on whether the word has an entry (most words asked
	 * have none, but which is a coin toss: the test mispredicted): the
	 * first entry's bits are read in its place and masked off
	 */
	int32_t		at = entry >= 0 ? entry : 0;

	return (int) ((entry >= 0) & (na_lex_entries[at].lists[list >> 6] >> (list & 63)));
}

/*
 * The entries of a token as written (for exact lists) and case-folded (for
 * the others); either is -1 when no list has it.  Look a token up once with
 * this and test it against any number of lists with na_lex_in.
 */
void		na_lex_token(const char *text, size_t len, int32_t *exact, int32_t *folded);

/* The entry whose key is text case-folded, or -1. */
int32_t		na_lex_find_folded(const char *text, size_t len);

/* The entry of text in list: as written or folded, as the list wants. */
static inline int32_t
na_lex_entry_in(na_lex_list list, const char *text, size_t len)
{
	int32_t		entry = na_lex_lists[list].exact ? na_lex_find(text, len) :
		na_lex_find_folded(text, len);

	return na_lex_in(list, entry) ? entry : -1;
}

/* The row of entry in list (entry must be in it: na_lex_in). */
uint32_t	na_lex_row_of(na_lex_list list, int32_t entry);

/* Does a key of list start with the word text[0..len) and a space? */
bool		na_lex_starts_phrase(na_lex_list list, const char *text, size_t len);

/* The row of text in list, or -1: the lookup of one word in one list. */
int32_t		na_lex_lookup(na_lex_list list, const char *text, size_t len);

/* Is text in list? */
static inline bool
na_lex_has(na_lex_list list, const char *text, size_t len)
{
	return na_lex_entry_in(list, text, len) >= 0;
}

/* Attribute column col (NA_LEX_<LIST>_<COLUMN>) of a row of list. */
static inline const char *
na_lex_attr(na_lex_list list, uint32_t row, uint32_t col)
{
	const na_lex_list_info *l = &na_lex_lists[list];

	return na_lex_attr_bytes + na_lex_attr_values[l->first_attr + row * l->nattrs + col];
}

/* The key of a row of list (folded for a case-insensitive list). */
static inline const char *
na_lex_key(na_lex_list list, uint32_t row)
{
	return NA_LEX_ENTRY_KEY(&na_lex_entries[na_lex_row_entry[na_lex_lists[list].first_row + row]]);
}

/*
 * The longest entry of list that the tokens from token on spell (their texts
 * joined by single spaces), trying at most the list's longest entry's words:
 * its row, with *ntokens set to the tokens it covers, or -1.  Tokens of other
 * sentences are not joined.
 */
int32_t		na_lex_longest(na_lex_list list, const struct na_doc *doc, uint32_t token,
						   uint32_t *ntokens);

/* na_lex_longest, the last word also matching with 's or ’s ("Senate's") */
int32_t		na_lex_longest_possessive(na_lex_list list, const struct na_doc *doc, uint32_t token,
									  uint32_t *ntokens);

#endif
