/*
 * votes_tokens.c - token tests of the vote analyser: punctuation, capitals, clause
 * boundaries, possessives, tally ranges ("52-48", "13-0-2") and spans.
 */
#include "votes_internal.h"

int
is_punct(const vctx *c, uint32_t i, char ch)
{
	return i < c->doc->ntokens && T(c, i)->kind == NA_TK_PUNCT && T(c, i)->len == 1 &&
		c->doc->text[T(c, i)->start] == ch;
}

int
is_capitalized(const vctx *c, uint32_t i)
{
	return i < c->doc->ntokens && (T(c, i)->flags & (NA_TF_CAPITALIZED | NA_TF_ALLCAPS)) &&
		(T(c, i)->kind == NA_TK_WORD || T(c, i)->kind == NA_TK_INITIAL ||
		 T(c, i)->kind == NA_TK_ABBREV);
}

/* A clause boundary a subject search does not cross. */
int
is_boundary(const vctx *c, uint32_t i)
{
	const na_token *t = T(c, i);

	if (t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE || t->kind == NA_TK_DASH)
		return 1;
	if (t->kind == NA_TK_PUNCT)
		return t->len == 1 && (c->doc->text[t->start] == ';' || c->doc->text[t->start] == ':' ||
							   c->doc->text[t->start] == '(' || c->doc->text[t->start] == ')');
	return t->kind == NA_TK_WORD && in_list(c, i, clause_words);
}

/* A range token "52-48" or "13-0-2": its parts (up to 3); returns the count. */
int
range_parts(const vctx *c, uint32_t i, int32_t *parts)
{
	const na_token *t = T(c, i);
	int			n = 0;
	int64_t		v = 0;
	int			digits = 0;

	const char *p = c->doc->text + t->start;
	uint32_t	skip_to = UINT32_MAX;	/* "241-to-188": the "to-" after the first dash */

	if (t->kind == NA_TK_WORD && t->len >= 6 && p[0] >= '0' && p[0] <= '9')
	{
		for (uint32_t k = 1; k + 4 < t->len && skip_to == UINT32_MAX; k++)
			if (memcmp(p + k, "-to-", 4) == 0)
				skip_to = k + 1;
		if (skip_to == UINT32_MAX)
			return 0;
	}
	else if (t->kind != NA_TK_RANGE)
		return 0;
	for (uint32_t k = 0; k <= t->len; k++)
	{
		char		ch = k < t->len ? p[k] : '-';

		if (k == skip_to)
		{
			k += 2;				/* past "to"; the dash after it is read next */
			continue;
		}

		if (ch >= '0' && ch <= '9')
		{
			v = v * 10 + (ch - '0');
			digits++;
			if (v > 100000000)
				return 0;
		}
		else if (ch == ',' && digits)
			continue;
		else if (ch == '-' && digits && n < 3)
		{
			parts[n++] = (int32_t) v;
			v = 0;
			digits = 0;
		}
		else
			return 0;
	}
	/* 2014-15, 1998-2003: years, not votes */
	if (n >= 2 && parts[0] >= 1800 && parts[0] <= 2100 && parts[1] < parts[0])
		return 0;
	return n;
}

/*
 * The text span of tokens [first, end): byte and character offsets, as SQL
 * returns them; an empty span when the range is empty.
 */
void
span_of(const vctx *c, uint32_t first, uint32_t end, na_vote_span *s)
{
	const na_token *a;
	const na_token *b;

	if (end <= first)
	{
		memset(s, 0, sizeof(*s));
		return;
	}
	a = T(c, first);
	b = T(c, end - 1);
	s->start = a->start;
	s->len = b->start + b->len - a->start;
	s->cstart = a->cstart;
	s->clen = b->cstart + b->clen - a->cstart;
}

/* A name's span without a possessive ending: "the council's chair" names "council". */
void
name_span_of(const vctx *c, uint32_t first, uint32_t end, na_vote_span *s)
{
	const na_token *t;
	const char *p;

	span_of(c, first, end, s);
	if (s->len == 0)
		return;
	t = T(c, end - 1);
	p = c->doc->text + t->start;
	if (t->kind != NA_TK_WORD)
		return;
	if (t->len > 2 && p[t->len - 2] == '\'' && (p[t->len - 1] == 's' || p[t->len - 1] == 'S'))
	{
		s->len -= 2;
		s->clen -= 2;
	}
	else if (t->len > 4 && memcmp(p + t->len - 4, "\xE2\x80\x99s", 4) == 0)
	{
		s->len -= 4;
		/* two characters, or four when offsets count bytes */
		s->clen -= t->clen == t->len ? 4 : 2;
	}
}

/* Does token i spell a word of a possessive form ("Council’s" ~ "council")? */
int
is_word_poss_n(const vctx *c, uint32_t i, const char *w, size_t n)
{
	const na_token *t;

	if (i >= c->doc->ntokens)
		return 0;
	t = T(c, i);
	if (t->len == n)
		return na_token_is(c->doc, t, w);
	if (t->len == n + 2 || t->len == n + 4)
	{
		const char *p = c->doc->text + t->start;

		if (!na_ascii_ci_equal(p, w, n))
			return 0;
		return (t->len == n + 2 && p[n] == '\'' && (p[n + 1] == 's' || p[n + 1] == 'S')) ||
			(t->len == n + 4 && memcmp(p + n, "\xE2\x80\x99s", 4) == 0);
	}
	return 0;
}

/*
 * Is token i a word of list, or a word of it with 's or ’s ("Council’s" ~
 * council)?  The rules that find an owner ("the governor's veto") ask a list
 * of nouns in both forms.
 */
int
in_lex_poss(const vctx *c, uint32_t i, na_lex_list list)
{
	const na_token *t;
	const char *p;

	if (in_lex(c, i, list))
		return 1;
	if (i >= c->doc->ntokens)
		return 0;
	t = T(c, i);
	p = c->doc->text + t->start;
	if (t->len > 2 && p[t->len - 2] == '\'' && (p[t->len - 1] == 's' || p[t->len - 1] == 'S'))
		return na_lex_has(list, p, t->len - 2);
	if (t->len > 4 && memcmp(p + t->len - 4, "\xE2\x80\x99s", 4) == 0)
		return na_lex_has(list, p, t->len - 4);
	return 0;
}

/* Does token i end in 's or ’s (the Senate's vote)? */
int
is_possessive(const vctx *c, uint32_t i)
{
	const na_token *t = T(c, i);
	const char *p = c->doc->text + t->start;

	if (t->kind != NA_TK_WORD)
		return 0;
	return (t->len > 2 && p[t->len - 2] == '\'' && p[t->len - 1] == 's') ||
		(t->len > 4 && memcmp(p + t->len - 4, "\xE2\x80\x99s", 4) == 0);
}

/*
 * "they'd", "I'll", "she’d": a word with a modal contracted onto it (would,
 * will), whatever the word; 'd for "would", 'll for "will" (and "had" in
 * "she'd voted": the caller tells by the verb).
 */
int
modal_contraction(const vctx *c, uint32_t k)
{
	const na_token *t;
	const char *p;

	if (k >= c->doc->ntokens)
		return 0;
	t = T(c, k);
	p = c->doc->text + t->start;
	if (t->kind != NA_TK_WORD || t->len < 3)
		return 0;
	return (p[t->len - 2] == '\'' && (p[t->len - 1] == 'd' || p[t->len - 1] == 'D')) ||
		(t->len > 3 && memcmp(p + t->len - 3, "'ll", 3) == 0) ||
		(t->len > 4 && memcmp(p + t->len - 4, "\xE2\x80\x99" "d", 4) == 0) ||
		(t->len > 5 && memcmp(p + t->len - 5, "\xE2\x80\x99ll", 5) == 0);
}

/*
 * Is token i the word w with a modal contracted onto it ("they'd",
 * "she'll", "it’d"), or w alone?  A contracted pronoun is still the
 * subject: "whether they'd vote for Garland".  is_word_or_modal(c, i, "they").
 */
int
is_word_or_modal_n(const vctx *c, uint32_t i, const char *w, size_t n)
{
	const na_token *t;
	const char *p;
	size_t		rest;

	if (is_word_n(c, i, w, n))
		return 1;
	if (i >= c->doc->ntokens)
		return 0;
	t = T(c, i);
	if (t->kind != NA_TK_WORD || t->len <= n)
		return 0;
	p = c->doc->text + t->start;
	for (size_t k = 0; k < n; k++)
		if ((p[k] | 0x20) != w[k])
			return 0;
	p += n;
	rest = t->len - n;
	return (rest == 2 && p[0] == '\'' && (p[1] | 0x20) == 'd') ||
		(rest == 3 && p[0] == '\'' && (p[1] | 0x20) == 'l' && (p[2] | 0x20) == 'l') ||
		(rest == 4 && memcmp(p, "\xE2\x80\x99", 3) == 0 && (p[3] | 0x20) == 'd') ||
		(rest == 5 && memcmp(p, "\xE2\x80\x99", 3) == 0 && (p[3] | 0x20) == 'l' && (p[4] | 0x20) == 'l');
}
