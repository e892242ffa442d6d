/*
 * lexicon.c - lookups in the generated word lists (see na_lexicon.h).
 *
 * The tables are constant data (lexicon_data.c); what lives here is the part
 * that depends on the text: case folding, which must agree with the
 * generator's str.casefold, and the matching of phrases over tokens.
 */
#include "na_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "na_scan.h"

/*
 * Fold s into out.  ASCII, nearly every token of English news, is folded by
 * hand; anything else goes through UTF-16 and u_strFoldCase (full folding,
 * the default options: what Python's str.casefold does), on the stack.
 */
size_t
na_lex_fold(const char *s, size_t len, char *out, size_t cap)
{
	unsigned char any = 0;
	UChar		wide[3 * NA_LEX_KEY_MAX + 8];	/* UTF-16 units <= UTF-8 bytes */
	UChar		folded[NA_LEX_KEY_MAX + 8]; /* more cannot fit out */
	int32_t		nwide;
	int32_t		nfolded;
	int32_t		nout;
	UErrorCode	err = U_ZERO_ERROR;

	for (size_t i = 0; i < len; i++)
		any |= (unsigned char) s[i];
	if (!(any & 0x80))
	{
		if (len > cap)
			return (size_t) -1;
		for (size_t i = 0; i < len; i++)
		{
			char		c = s[i];

			out[i] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
		}
		return len;
	}
	/* a key is at most NA_LEX_KEY_MAX bytes; folding shrinks a text 3 times at most */
	if (len > 3 * (size_t) NA_LEX_KEY_MAX + 8)
		return (size_t) -1;
	u_strFromUTF8(wide, (int32_t) (sizeof(wide) / sizeof(wide[0])), &nwide, s, (int32_t) len, &err);
	if (U_FAILURE(err))
		return (size_t) -1;
	nfolded = u_strFoldCase(folded, (int32_t) (sizeof(folded) / sizeof(folded[0])), wide, nwide,
							U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err))
		return (size_t) -1;
	u_strToUTF8(out, (int32_t) cap, &nout, folded, nfolded, &err);
	if (U_FAILURE(err))
		return (size_t) -1;
	return (size_t) nout;
}

/*
 * Called for every token by analysers that cache its lists, so ASCII (nearly
 * every token) takes one pass that folds it, and a token without capitals
 * is looked up once.
 */
void
na_lex_token(const char *text, size_t len, int32_t *exact, int32_t *folded)
{
	char		buf[3 * NA_LEX_KEY_MAX + 8];
	unsigned char high = 0;
	unsigned char capitals = 0;
	size_t		n;

	*exact = *folded = -1;
	if (len == 0 || len > sizeof(buf))
		return;
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) text[i];
		unsigned char is_capital = (unsigned char) (c - 'A') < 26;
		unsigned char l = (unsigned char) (c | (is_capital << 5));

		high |= c;
		capitals |= is_capital;
		buf[i] = (char) l;
	}
	if (len <= NA_LEX_KEY_MAX)
		*exact = na_lex_find_hashed(text, len, na_lex_hash(text, len));
	if (!(high & 0x80))
	{
		if (!capitals)
			*folded = *exact;	/* already folded: the same key */
		else if (len <= NA_LEX_KEY_MAX)
			*folded = na_lex_find_hashed(buf, len, na_lex_hash(buf, len));
		return;
	}
	n = na_lex_fold(text, len, buf, NA_LEX_KEY_MAX);
	if (n != (size_t) -1)
		*folded = na_lex_find(buf, n);
}

/*
 * The lookup of one word in a case-insensitive list (na_lex_lookup,
 * na_lex_has: given names, English markers, places' words), for every
 * capitalised word of an article: an ASCII word, nearly all of them, is
 * folded and hashed in one pass, as na_lex_token does, rather than folded
 * by na_lex_fold and hashed again.
 */
int32_t
na_lex_find_folded(const char *text, size_t len)
{
	char		buf[NA_LEX_KEY_MAX];
	uint32_t	hash;
	size_t		n;

	if (len == 0)
		return -1;
	if (len <= NA_LEX_KEY_MAX && na_lex_fold_ascii_hashed(text, len, buf, &hash))
		return na_lex_find_hashed(buf, len, hash);
	n = na_lex_fold(text, len, buf, sizeof(buf));
	if (n == (size_t) -1)
		return -1;
	return na_lex_find(buf, n);
}

/*
 * The bits set in x.  Not __builtin_popcountll: without a -m flag for the
 * instruction GCC calls libgcc's __popcountdi2 for it (1.6M instructions
 * of quotes() over BBC in calls); the bit-parallel sum is a few
 * instructions inline.
 */
static inline uint32_t
bits_set(uint64_t x)
{
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0F0F0F0F0F0F0F0F);
	return (uint32_t) ((x * UINT64_C(0x0101010101010101)) >> 56);
}

/*
 * An entry keeps one row per list holding it, in the order of the lists:
 * the row in list is the one after those of the entry's lower lists.
 */
uint32_t
na_lex_row_of(na_lex_list list, int32_t entry)
{
	const na_lex_entry *e = &na_lex_entries[entry];
	uint32_t	before = 0;

	for (uint32_t w = 0; w < (uint32_t) list >> 6; w++)
		before += bits_set(e->lists[w]);
	before += bits_set(e->lists[list >> 6] & ((UINT64_C(1) << (list & 63)) - 1));
	return na_lex_entry_rows[e->first_row + before];
}

int32_t
na_lex_lookup(na_lex_list list, const char *text, size_t len)
{
	int32_t		entry = na_lex_entry_in(list, text, len);

	return entry < 0 ? -1 : (int32_t) na_lex_row_of(list, entry);
}

/*
 * A filter in front of na_lex_longest.  Its callers ask about nearly every
 * capitalised word (is it a name prefix, a kicker, a voting body?) and
 * nearly none starts a phrase of the list; joining and folding the next
 * tokens and probing once per length to learn that was most of the time the
 * speakers spent on names (issue 13).  Bit h of na_lex_first_words[list] is set
 * when some key of the list starts with a word (its bytes up to the first
 * space) whose na_lex_hash is h modulo NA_LEX_FIRST_WORD_BITS; a clear bit
 * proves no key can match, a set one proves nothing.  scripts/gen-lexicon
 * computes the bits with the lists (na_lex_first_words), so nothing is built
 * at run time.
 *
 * May a key of list start with the token text[0..len)?  Its bytes are
 * folded as the list folds into out (capacity NA_LEX_KEY_MAX): their length
 * goes to *used, or (size_t) -1 when they do not fit or fold.  One pass
 * folds, hashes and looks for spaces in an ASCII token of a folded list;
 * anything else takes na_lex_fold.
 */
static bool
may_start_key(na_lex_list list, const char *text, size_t len, char *out, size_t *used)
{
	uint32_t	hash = 0;
	unsigned char high = 0;
	bool		space = false;
	uint32_t	h;

	if (len <= NA_LEX_KEY_MAX)
	{
		const bool	fold = !na_lex_lists[list].exact;

		for (size_t i = 0; i < len; i++)
		{
			unsigned char c = (unsigned char) text[i];
			unsigned char l = fold ? (unsigned char) (c | (((unsigned char) (c - 'A') < 26) << 5)) : c;

			high |= c;
			space |= c == ' ';
			out[i] = (char) l;
		}
		*used = len;
		hash = na_lex_hash(out, len);
	}
	if (len > NA_LEX_KEY_MAX || ((high & 0x80) && !na_lex_lists[list].exact))
	{
		if (na_lex_lists[list].exact)
			*used = (size_t) -1;
		else
			*used = na_lex_fold(text, len, out, NA_LEX_KEY_MAX);
		if (*used == (size_t) -1)
			return false;
		space = memchr(out, ' ', *used) != NULL;
		hash = na_lex_hash(out, *used);
	}
	/* a token with a space inside could hold a key's first words: no filter */
	if (space)
		return true;
	h = hash & (NA_LEX_FIRST_WORD_BITS - 1);
	return (na_lex_first_words[list][h >> 6] >> (h & 63)) & 1;
}

/* The length of text without a possessive 's or ’s ending it, or 0. */
static size_t
possessive_base_len(const char *text, size_t len)
{
	if (len > 2 && text[len - 2] == '\'' && (text[len - 1] | 0x20) == 's')
		return len - 2;
	if (len > 4 && memcmp(text + len - 4, "\xE2\x80\x99s", 4) == 0)
		return len - 4;
	return 0;
}

/*
 * Phrases are keys with single spaces: join the tokens' texts that way,
 * folded for a case-insensitive list, and try the longest first.  With
 * possessive, a key's last word may also carry 's or ’s ("the Security
 * Council's vote"): a name owns what follows it as well as it names.
 */
static int32_t
longest_key(na_lex_list list, const na_doc *doc, uint32_t token, uint32_t *ntokens,
			bool possessive)
{
	const na_lex_list_info *l = &na_lex_lists[list];
	const na_token *first;
	char		buf[NA_LEX_KEY_MAX + 1];
	size_t		ends[16];
	size_t		bases[16];		/* ends[] without a possessive ending, or 0 */
	uint32_t	n = 0;
	size_t		used = 0;
	size_t		base;

	*ntokens = 0;
	if (token >= doc->ntokens || l->max_words == 0)
		return -1;
	first = &doc->tokens[token];
	base = possessive ? possessive_base_len(doc->text + first->start, first->len) : 0;
	/* nearly every token starts no key: the first is folded and filtered alone */
	if (!may_start_key(list, doc->text + first->start, first->len, buf, &used))
	{
		int32_t		entry;

		/* "Bundestag's": a one-word key before its possessive ending */
		if (base == 0 || !may_start_key(list, doc->text + first->start, base, buf, &used))
			return -1;
		entry = na_lex_find(buf, used);
		if (!na_lex_in(list, entry))
			return -1;
		*ntokens = 1;
		return (int32_t) na_lex_row_of(list, entry);
	}
	bases[n] = base ? used - (first->len - base) : 0;
	ends[n++] = used;
	/* the keys of 2, 3, ... tokens, as long as a key can be */
	for (uint32_t k = token + 1; k < doc->ntokens && n < l->max_words && n < 16; k++)
	{
		const na_token *t = &doc->tokens[k];
		size_t		m;

		if (t->sentence != first->sentence || used + 1 > NA_LEX_KEY_MAX)
			break;
		buf[used++] = ' ';
		if (l->exact)
		{
			if (t->len > NA_LEX_KEY_MAX - used)
				break;
			memcpy(buf + used, doc->text + t->start, t->len);
			m = t->len;
		}
		else if ((m = na_lex_fold(doc->text + t->start, t->len, buf + used,
								  NA_LEX_KEY_MAX - used)) == (size_t) -1)
			break;
		used += m;
		base = possessive ? possessive_base_len(doc->text + t->start, t->len) : 0;
		bases[n] = base ? used - (t->len - base) : 0;
		ends[n++] = used;
	}
	while (n > 0)
	{
		int32_t		entry = na_lex_find(buf, ends[n - 1]);

		if (!na_lex_in(list, entry) && bases[n - 1])
			entry = na_lex_find(buf, bases[n - 1]);
		if (na_lex_in(list, entry))
		{
			*ntokens = n;
			return (int32_t) na_lex_row_of(list, entry);
		}
		n--;
	}
	return -1;
}

int32_t
na_lex_longest(na_lex_list list, const na_doc *doc, uint32_t token, uint32_t *ntokens)
{
	return longest_key(list, doc, token, ntokens, false);
}

int32_t
na_lex_longest_possessive(na_lex_list list, const na_doc *doc, uint32_t token, uint32_t *ntokens)
{
	return longest_key(list, doc, token, ntokens, true);
}

/*
 * Does a key of list start with the word text[0..len) and a space?  The
 * vote analyser's first pass marks the first words of named bodies ("Dáil"
 * of "Dáil Éireann") without building a table of them: the entries are
 * sorted by their bytes, so the keys with that prefix are one run found by
 * binary search.
 */
bool
na_lex_starts_phrase(na_lex_list list, const char *text, size_t len)
{
	char		prefix[NA_LEX_KEY_MAX + 1];
	size_t		n;
	uint32_t	lo = 0,
				hi = na_lex_nentries;

	if (len == 0)
		return false;
	if (na_lex_lists[list].exact)
	{
		if (len > NA_LEX_KEY_MAX)
			return false;
		memcpy(prefix, text, len);
		n = len;
	}
	else if ((n = na_lex_fold(text, len, prefix, NA_LEX_KEY_MAX)) == (size_t) -1)
		return false;
	if (n >= NA_LEX_KEY_MAX)
		return false;			/* no key is longer than the prefix and a space */
	prefix[n++] = ' ';
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		const na_lex_entry *e = &na_lex_entries[mid];
		int			cmp = memcmp(NA_LEX_ENTRY_KEY(e), prefix, e->len < n ? e->len : n);

		if (cmp < 0 || (cmp == 0 && e->len < n))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < na_lex_nentries; lo++)
	{
		const na_lex_entry *e = &na_lex_entries[lo];

		if (e->len < n || memcmp(NA_LEX_ENTRY_KEY(e), prefix, n) != 0)
			return false;
		if (na_lex_in(list, (int32_t) lo))
			return true;
	}
	return false;
}

