/*
 * sentences.c - sentence boundaries over the scanner's token array.
 *
 * Split from scanner.c (which emits the tokens) because deciding where a
 * sentence ends is a second pass of its own: it reads tokens, not bytes, and
 * knows abbreviations, place names, datelines and kickers.
 */
#include "scan_internal.h"

#include <string.h>

#include "na_lexicon.h"
#include "na_unicode.h"

static uint32_t
cp_first(const na_doc *doc, const na_token *t)
{
	uint32_t	cp;

	na_utf8_decode((const unsigned char *) doc->text + t->start, t->len, &cp);
	return cp;
}

/*
 * "Bedminster, N.J. Roger Ailes ...": a dotted state or country after a
 * comma closes a place name, so a capitalised word after it starts a sentence.
 */
static int
ends_place_name(const na_doc *doc, uint32_t i, const na_token *next)
{
	const na_token *t = &doc->tokens[i];
	const na_token *prev;

	if (i == 0 || t->len > 5 || !(t->flags & NA_TF_ALLCAPS) ||
		next->kind != NA_TK_WORD || !(next->flags & NA_TF_CAPITALIZED))
		return 0;
	prev = &doc->tokens[i - 1];
	if (!(prev->kind == NA_TK_PUNCT && prev->len == 1 && doc->text[prev->start] == ','))
		return 0;
	/* N.J. N.Y. D.C. S.C., not Mo. or Fla.: those are in the abbreviation list */
	return memchr(doc->text + t->start, '.', t->len - 1) != NULL;
}

/*
 * "... of the tsunami.Steve will be ...": a space lost after a full stop.
 * Splits only between a lower-case word of three or more letters and a
 * capitalised word, so file names, domains and "ASP.NET" stay whole.
 */
static int
glued_sentences(const na_doc *doc, uint32_t i, const na_token *next)
{
	const na_token *t = &doc->tokens[i];
	const na_token *prev;

	if (i == 0 || t->kind != NA_TK_PUNCT || next->kind != NA_TK_WORD ||
		!(next->flags & NA_TF_CAPITALIZED) || (next->flags & NA_TF_ALLCAPS))
		return 0;
	prev = &doc->tokens[i - 1];
	if (prev->kind != NA_TK_WORD || prev->clen < 3 || (t->flags & NA_TF_SPACE_BEFORE) ||
		!(na_char_info(cp_first(doc, prev)) & NA_CF_LOWER))
		return 0;
	return 1;
}

static int
starts_sentence_after_abbrev(const na_doc *doc, const na_token *next)
{
	if (next->kind == NA_TK_OPEN_QUOTE)
		return 1;
	if (!(next->flags & NA_TF_CAPITALIZED) || next->kind != NA_TK_WORD)
		return 0;
	return na_lex_has(NA_LEX_SENTENCE_STARTERS, doc->text + next->start, next->len);
}

/*
 * Does this token end a sentence when nothing else objects: . ! ? an
 * ellipsis, and the full-width and CJK forms.
 */
static inline int
is_terminal_punct(const na_doc *doc, const na_token *t)
{
	if (t->kind == NA_TK_ELLIPSIS)
		return 1;
	return t->kind == NA_TK_PUNCT && is_terminal_mark(doc->text + t->start, t->len);
}

/* 。！？ end a sentence with no space after them: CJK text has none */
static inline int
is_fullwidth_stop(const na_doc *doc, const na_token *t)
{
	const char *p = doc->text + t->start;

	return t->kind == NA_TK_PUNCT && t->len == 3 &&
		(memcmp(p, "\xE3\x80\x82", 3) == 0 || memcmp(p, "\xEF\xBC\x81", 3) == 0 ||
		 memcmp(p, "\xEF\xBC\x9F", 3) == 0);
}

static int
is_closing_bracket(const na_doc *doc, const na_token *t)
{
	char		c = doc->text[t->start];

	return t->kind == NA_TK_PUNCT && t->len == 1 && (c == ')' || c == ']');
}

/* Does the sentence end after token i?  Returns the last token of it. */
static uint32_t
sentence_end_after(const na_doc *doc, uint32_t i, int *ends)
{
	const na_token *t = &doc->tokens[i];
	uint32_t	last = i;
	const na_token *next;
	int			split;

	*ends = 0;
	if (t->kind == NA_TK_ABBREV)
	{
		const char *p = doc->text + t->start;
		uint32_t	part = t->len;

		/* then-Sen.: the part after the last hyphen */
		while (part > 0 && p[part - 1] != '-')
			part--;
		if (na_lex_in(NA_LEX_TITLE_ABBREVIATIONS, na_lex_find(p + part, t->len - part)))
			return i;
	}
	else if (t->kind != NA_TK_INITIAL && !is_terminal_punct(doc, t))
		return i;

	/* closing quotes and brackets after the stop belong to the sentence */
	while (last + 1 < doc->ntokens &&
		   !(doc->tokens[last + 1].flags & NA_TF_PARA_START) &&
		   (doc->tokens[last + 1].kind == NA_TK_CLOSE_QUOTE ||
			is_closing_bracket(doc, &doc->tokens[last + 1]) ||
			/* a lone ’ closing a quote whose opening was not seen */
			(doc->tokens[last + 1].kind == NA_TK_PUNCT &&
			 doc->tokens[last + 1].mark == NA_MARK_SINGLE &&
			 !(doc->tokens[last + 1].flags & NA_TF_SPACE_BEFORE)) ||
			(is_terminal_punct(doc, &doc->tokens[last + 1]) &&
			 !(doc->tokens[last + 1].flags & NA_TF_SPACE_BEFORE))))
		last++;
	if (last + 1 >= doc->ntokens)
	{
		*ends = 1;
		return last;
	}
	next = &doc->tokens[last + 1];
	if (next->flags & NA_TF_PARA_START)
		split = 1;
	else if (!(next->flags & NA_TF_SPACE_BEFORE) && next->kind != NA_TK_OPEN_QUOTE)
		split = is_fullwidth_stop(doc, t) || glued_sentences(doc, i, next);
	else if (t->kind == NA_TK_INITIAL)
		split = 0;
	else if (t->kind == NA_TK_ABBREV)
		split = starts_sentence_after_abbrev(doc, next) ||
			ends_place_name(doc, i, next);
	else if (next->kind == NA_TK_OPEN_QUOTE || next->kind == NA_TK_NUMBER ||
			 next->kind == NA_TK_MONEY || next->kind == NA_TK_PERCENT ||
			 next->kind == NA_TK_RANGE || next->kind == NA_TK_IDEOGRAPH ||
			 next->kind == NA_TK_EMOJI || next->kind == NA_TK_HANDLE ||
			 next->kind == NA_TK_HASHTAG || next->kind == NA_TK_DASH)
		split = 1;
	else if (next->kind == NA_TK_PUNCT)
		split = doc->text[next->start] == '(' || doc->text[next->start] == '[';
	else
		split = (next->flags & NA_TF_CAPITALIZED) ||
			(next->kind == NA_TK_WORD && !(na_char_info(cp_first(doc, next)) & NA_CF_LOWER));
	*ends = split;
	return last;
}

static inline int
is_comma(const na_doc *doc, const na_token *t)
{
	return t->kind == NA_TK_PUNCT && t->len == 1 && doc->text[t->start] == ',';
}

/* Is token t a one-character punctuation mark c? */
static inline int
is_punct_char(const na_doc *doc, const na_token *t, char c)
{
	return t->kind == NA_TK_PUNCT && t->len == 1 && doc->text[t->start] == c;
}

/*
 * The colon ending an ALL-CAPS kicker at token p, the start of a paragraph,
 * or UINT32_MAX: "EXCLUSIVE: Ministers ...", "BREAKING NEWS: \"We ...".  The
 * kicker is an entry of data/lexicon/kickers.tsv written in capitals, then a
 * colon and a capitalised word or a quote in the same paragraph.  A list, not
 * a shape: "NATO: Russia ..." and "UN: ..." are sources speaking, not
 * labels.  Read as a dateline is (find_dateline).
 */
static uint32_t
find_kicker(const na_doc *doc, uint32_t p)
{
	const na_token *tk = doc->tokens;
	uint32_t	n = doc->ntokens;
	uint32_t	words;
	uint32_t	j;

	if (p >= n || tk[p].kind != NA_TK_WORD || !(tk[p].flags & NA_TF_ALLCAPS) ||
		na_lex_longest(NA_LEX_KICKERS, doc, p, &words) < 0)
		return UINT32_MAX;
	for (j = p; j < p + words; j++)
		if (!(tk[j].flags & NA_TF_ALLCAPS) || (j > p && (tk[j].flags & NA_TF_PARA_START)))
			return UINT32_MAX;
	if (j + 1 < n && is_punct_char(doc, &tk[j], ':') && !(tk[j].flags & NA_TF_PARA_START) &&
		!(tk[j + 1].flags & NA_TF_PARA_START) &&
		((tk[j + 1].kind == NA_TK_WORD && (tk[j + 1].flags & NA_TF_CAPITALIZED)) ||
		 tk[j + 1].kind == NA_TK_OPEN_QUOTE))
		return j;
	return UINT32_MAX;
}

/*
 * The dash ending a dateline at the start of one of the first five
 * paragraphs, or UINT32_MAX: "WASHINGTON, March 3 -", "LONDON (Reuters) -",
 * "UNITED NATIONS —", "BEDMINSTER, N.J. —".  Shape, not a list of places:
 * one to four words in capitals, then a comma and up to six capitalised
 * words, abbreviations and numbers, and/or a bracketed agency, then a dash
 * and a capitalised word or a quote.  The dateline stays in the text of the
 * lead sentence (as a reader, and the hand-annotated seed article, count
 * sentences) but no analyser reads it: its tokens are flagged
 * NA_TF_DATELINE and the sentence's first_token is the lead's first word, so
 * "WASHINGTON" is no subject, actor or speaker and "May 3" no modal verb.
 * An ALL-CAPS kicker ("EXCLUSIVE:") is read the same way (find_kicker).
 */
static uint32_t
find_dateline(const na_doc *doc, const uint32_t *para_first)
{
	const na_token *tk = doc->tokens;
	uint32_t	n = doc->ntokens;

	for (uint32_t para = 0; para < DATELINE_PARAGRAPHS && para < doc->nparagraphs; para++)
	{
		uint32_t	p = para_first[para];
		uint32_t	j = p;
		uint32_t	kicker = find_kicker(doc, p);

		if (kicker != UINT32_MAX)
			return kicker;

		while (j < n && j - p < 4 && tk[j].kind == NA_TK_WORD && (tk[j].flags & NA_TF_ALLCAPS) &&
			   (j == p || !(tk[j].flags & NA_TF_PARA_START)))
			j++;
		if (j == p || j >= n)
			continue;
		if (is_comma(doc, &tk[j]))
		{
			uint32_t	from = ++j;

			while (j < n && j - from < 6 && !(tk[j].flags & NA_TF_PARA_START) &&
				   ((tk[j].kind == NA_TK_WORD && (tk[j].flags & NA_TF_CAPITALIZED)) ||
					tk[j].kind == NA_TK_ABBREV || tk[j].kind == NA_TK_INITIAL ||
					tk[j].kind == NA_TK_NUMBER || is_comma(doc, &tk[j])))
				j++;
			if (j == from)
				continue;
		}
		if (j < n && is_punct_char(doc, &tk[j], '(') && !(tk[j].flags & NA_TF_PARA_START))
		{
			uint32_t	from = j++;

			while (j < n && j - from < 5 && !(tk[j].flags & NA_TF_PARA_START) &&
				   !is_punct_char(doc, &tk[j], ')'))
				j++;
			if (j >= n || !is_punct_char(doc, &tk[j], ')'))
				continue;
			j++;
		}
		if (j + 1 < n && tk[j].kind == NA_TK_DASH && !(tk[j].flags & NA_TF_PARA_START) &&
			!(tk[j + 1].flags & NA_TF_PARA_START) &&
			((tk[j + 1].kind == NA_TK_WORD && (tk[j + 1].flags & NA_TF_CAPITALIZED) &&
			  !(tk[j + 1].flags & NA_TF_ALLCAPS)) ||
			 /* WASHINGTON — Sen. Chuck Grassley, (Reuters) - U.S. officials */
			 (tk[j + 1].kind == NA_TK_ABBREV && (tk[j + 1].flags & NA_TF_CAPITALIZED)) ||
			 tk[j + 1].kind == NA_TK_OPEN_QUOTE))
			return j;
	}
	return UINT32_MAX;
}

/*
 * Numbers the tokens from i as sentence current up to the next that may end
 * it (is_sentence_stop, the last before a paragraph's start, the dateline's
 * end, or the document's last); returns that token.  The scanner listed
 * those tokens but the dateline's (stops): *next is the first of them not
 * yet passed, so that the tokens between are only numbered, with no test
 * of each (a tenth of the scanner's instructions went into testing every
 * token here).
 */
static inline uint32_t
number_to_stop(na_doc *doc, uint32_t i, uint32_t current, const uint32_t *stops,
			   uint32_t nstops, uint32_t *next, uint32_t dateline_end)
{
	uint32_t	k = *next;
	uint32_t	stop;
	na_token   *t;
	na_token   *end;

	while (k < nstops && stops[k] < i)
		k++;
	*next = k;
	stop = k < nstops ? stops[k] : doc->ntokens - 1;
	if (dateline_end >= i && dateline_end < stop)
		stop = dateline_end;
	/*
	 * four a turn: a sentence has a few dozen tokens.  The last turn runs
	 * past stop where the tokens go on that far: those after stop are
	 * numbered again before the sentences are done (by the next call, or
	 * as closing marks after the stop), and the loop over the last few,
	 * of one to three turns, mispredicted its end at most sentences
	 * (callgrind's model over na_quotes --bench 1 BBC: 6.95M -> 6.85M
	 * mispredicted branches, instructions the same; the scan 1.6% to 2.1%
	 * faster, medians of two A/B runs).
	 */
	t = doc->tokens + i;
	end = doc->tokens + stop;
	if (stop + 4 <= doc->ntokens)
	{
		for (; t <= end; t += 4)
		{
			t[0].sentence = current;
			t[1].sentence = current;
			t[2].sentence = current;
			t[3].sentence = current;
		}
		return stop;
	}
	for (; t + 3 <= end; t += 4)
	{
		t[0].sentence = current;
		t[1].sentence = current;
		t[2].sentence = current;
		t[3].sentence = current;
	}
	for (; t <= end; t++)
		t->sentence = current;
	return stop;
}

/*
 * Group tokens into sentences; paragraph breaks always end one.  Called by
 * na_scan once the tokens are known, because whether "U.S." ends a sentence
 * depends on the token after it.
 */
int
na_split_sentences(na_doc *doc, const na_mem *mem, const uint32_t *para_first,
				   const uint32_t *stops, uint32_t nstops)
{
	na_vec		sentences;
	uint32_t	first = 0;
	uint32_t	text_first = UINT32_MAX;	/* a dateline's first token: where the
											 * open sentence's text starts */
	uint32_t	dateline_end = find_dateline(doc, para_first);
	uint32_t	next_stop = 0;	/* the first of stops not passed */

	na_vec_init(&sentences, sizeof(na_sentence));
	for (uint32_t i = 0; i < doc->ntokens; i++)
	{
		int			ends;
		uint32_t	last;
		uint32_t	current = (uint32_t) sentences.count;	/* the sentence open at i */

		/*
		 * a desk's label opening a later paragraph ("CLARIFICATION: …",
		 * "UPDATE: …") is read as the lead's kicker is: no analyser reads
		 * it (find_dateline looked at the first paragraphs only)
		 */
		if (i == first && (doc->tokens[i].flags & NA_TF_PARA_START) &&
			(dateline_end == UINT32_MAX || dateline_end < i))
		{
			uint32_t	kicker = find_kicker(doc, i);

			if (kicker != UINT32_MAX)
				dateline_end = kicker;
		}
		/* most tokens can end a sentence only where a paragraph ends:
		 * numbered on the way to the next stop, not in a second pass */
		i = number_to_stop(doc, i, current, stops, nstops, &next_stop, dateline_end);
		if (i == dateline_end && i + 1 < doc->ntokens)
		{
			/* the dateline opens the lead sentence's text; analysers start
			 * after it, at a sentence start of their own */
			for (uint32_t k = first; k <= i; k++)
				doc->tokens[k].flags |= NA_TF_DATELINE;
			doc->tokens[first].flags |= NA_TF_SENT_START;
			doc->tokens[i].flags |= NA_TF_SENT_END;
			text_first = first;
			first = i + 1;
			continue;
		}
		last = sentence_end_after(doc, i, &ends);
		if (!ends && last + 1 < doc->ntokens &&
			(doc->tokens[last + 1].flags & NA_TF_PARA_START))
			ends = 1;
		if (!ends && last + 1 >= doc->ntokens)
			ends = 1;
		if (!ends)
			continue;
		{
			/* (every field is set below: no zeroing by a call of memset) */
			na_sentence *s = na_vec_push_unset(&sentences, mem);
			const na_token *a = &doc->tokens[text_first != UINT32_MAX ? text_first : first];
			const na_token *b = &doc->tokens[last];

			if (s == NULL)
			{
				na_vec_free(&sentences, mem);
				return 0;
			}
			s->first_token = first;
			s->ntokens = last - first + 1;
			s->start = a->start;
			s->len = b->start + b->len - a->start;
			s->cstart = a->cstart;
			s->clen = b->cstart + b->clen - a->cstart;
			s->paragraph = a->paragraph;
			for (uint32_t k = i + 1; k <= last; k++)
				doc->tokens[k].sentence = current;	/* closing marks after the stop */
			doc->tokens[first].flags |= NA_TF_SENT_START;
			doc->tokens[last].flags |= NA_TF_SENT_END;
		}
		first = last + 1;
		text_first = UINT32_MAX;
		i = last;
		if ((sentences.count & (INTERRUPT_INTERVAL - 1)) == 0)
			na_check_interrupts(mem);
	}
	doc->sentences = sentences.items;
	doc->nsentences = (uint32_t) sentences.count;
	return 1;
}
