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
 * every token) takes one pass that folds and hashes both forms at once, and
 * a token without capitals is looked up once.  The two hashes are
 * na_fnv1a's, computed side by side.
 */
void
na_lex_token(const char *text, size_t len, int32_t *exact, int32_t *folded)
{
	char		buf[3 * NA_LEX_KEY_MAX + 8];
	uint32_t	hash_exact = 0x811C9DC5u;
	uint32_t	hash_folded = 0x811C9DC5u;
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
		hash_exact = (hash_exact ^ c) * 0x01000193u;
		hash_folded = (hash_folded ^ l) * 0x01000193u;
	}
	if (len <= NA_LEX_KEY_MAX)
		*exact = na_lex_find_hashed(text, len, hash_exact);
	if (!(high & 0x80))
	{
		if (!capitals)
			*folded = *exact;	/* already folded: the same key */
		else if (len <= NA_LEX_KEY_MAX)
			*folded = na_lex_find_hashed(buf, len, hash_folded);
		return;
	}
	n = na_lex_fold(text, len, buf, NA_LEX_KEY_MAX);
	if (n != (size_t) -1)
		*folded = na_lex_find(buf, n);
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
		before += (uint32_t) __builtin_popcountll(e->lists[w]);
	before += (uint32_t) __builtin_popcountll(e->lists[list >> 6] &
											  ((UINT64_C(1) << (list & 63)) - 1));
	return na_lex_entry_rows[e->first_row + before];
}

int32_t
na_lex_lookup(na_lex_list list, const char *text, size_t len)
{
	int32_t		entry = na_lex_entry_in(list, text, len);

	return entry < 0 ? -1 : (int32_t) na_lex_row_of(list, entry);
}

/*
 * Phrases are keys with single spaces: join the tokens' texts that way,
 * folded for a case-insensitive list, and try the longest first.
 */
int32_t
na_lex_longest(na_lex_list list, const na_doc *doc, uint32_t token, uint32_t *ntokens)
{
	const na_lex_list_info *l = &na_lex_lists[list];
	char		buf[NA_LEX_KEY_MAX + 1];
	size_t		ends[16];
	uint32_t	n = 0;
	size_t		used = 0;

	*ntokens = 0;
	if (token >= doc->ntokens)
		return -1;
	/* the keys of 1, 2, ... tokens, as long as a key can be */
	for (uint32_t k = token; k < doc->ntokens && n < l->max_words && n < 16; k++)
	{
		const na_token *t = &doc->tokens[k];
		size_t		m;

		if (k > token && t->sentence != doc->tokens[token].sentence)
			break;
		if (n > 0)
		{
			if (used + 1 > NA_LEX_KEY_MAX)
				break;
			buf[used++] = ' ';
		}
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
		ends[n++] = used;
	}
	while (n > 0)
	{
		int32_t		entry = na_lex_find(buf, ends[n - 1]);

		if (na_lex_in(list, entry))
		{
			*ntokens = n;
			return (int32_t) na_lex_row_of(list, entry);
		}
		n--;
	}
	return -1;
}
