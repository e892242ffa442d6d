/*
 * layout_lines.c - what the words of one line of a text say about the line
 * break after it or before it: an attribution ending or opening it, a
 * quotation signed by its author, a title or an initial at its end.  The
 * paragraph model (layout.c) asks these of a break the wrap alone cannot
 * decide; they read the line's words against the lexicon, as the analysers
 * would, without scanning the text.
 */
#include "layout_internal.h"

#include <string.h>

#include "na_lexicon.h"
#include "na_unicode.h"

/* The word before byte offset at in the line (skipping spaces): [*from, *to). */
static int
word_before(const unsigned char *s, const line_info *l, uint32_t at, uint32_t *from, uint32_t *to)
{
	while (at > l->content && (s[at - 1] == ' ' || s[at - 1] == '\t'))
		at--;
	*to = at;
	while (at > l->content && s[at - 1] != ' ' && s[at - 1] != '\t')
		at--;
	*from = at;
	return *to > *from;
}

static inline int
begins_upper(const unsigned char *s, uint32_t from, uint32_t to)
{
	uint32_t	cp;

	na_utf8_decode(s + from, to - from, &cp);
	return (na_char_info(cp) & NA_CF_UPPER) != 0;
}

/*
 * Does the line end with an attribution closing a sentence: "..., Clinton
 * said." / "... said Hester." / "... he added." (a verb of saying of
 * data/lexicon/quote_speech_verbs.tsv as the last word, or before a capitalised
 * last word)?  A paragraph of news ends with one far more often than a
 * sentence in the middle of a paragraph happens to end at a line's end.
 */
int
layout_ends_with_attribution(const unsigned char *s, const line_info *l)
{
	uint32_t	from,
				to;

	if (l->end <= l->content + 2 || s[l->end - 1] != '.')
		return 0;
	if (!word_before(s, l, l->end - 1, &from, &to))
		return 0;
	if (na_lex_lookup(NA_LEX_QUOTE_SPEECH_VERBS, (const char *) s + from, to - from) >= 0)
		return 1;
	if (!begins_upper(s, from, to) || !word_before(s, l, from, &from, &to))
		return 0;
	return na_lex_lookup(NA_LEX_QUOTE_SPEECH_VERBS, (const char *) s + from, to - from) >= 0;
}

/*
 * Does the line begin with the attribution of the quotation before it:
 * "Clinton said. ...", "Trump said, referring to ..." or "said Jo Hester, ..."
 * (a verb of saying closed by a comma or a full stop, or a verb of saying
 * first and a name closed so)?  "Members said repairs ..." is a sentence of
 * its own.
 */
int
layout_begins_with_attribution(const unsigned char *s, const line_info *l)
{
	uint32_t	at = l->content;
	int			verb_first = 0;

	for (int word = 0; word < 4 && at < l->end; word++)
	{
		uint32_t	from = at;
		uint32_t	to;
		int			closed;

		while (at < l->end && s[at] != ' ' && s[at] != '\t')
			at++;
		to = at;
		closed = s[to - 1] == ',' || s[to - 1] == '.';
		if (closed)
			to--;
		if (to == from)
			return 0;
		if (word == 0 || (word == 1 && !verb_first))
		{
			if (na_lex_lookup(NA_LEX_QUOTE_SPEECH_VERBS, (const char *) s + from, to - from) < 0)
			{
				if (word == 1)
					return 0;
			}
			else if (closed)
				return word == 1;	/* "Clinton said." ("Said." alone is no attribution) */
			else
				verb_first = word == 0;
		}
		else if (!begins_upper(s, from, to))
			return 0;			/* "said the" or "said that": a sentence */
		else if (closed)
			return verb_first;	/* "said Jo Hester," */
		while (at < l->end && (s[at] == ' ' || s[at] == '\t'))
			at++;
	}
	return 0;
}

/*
 * Does the line end with a quotation signed by its author: '...trouble.” ―
 * Edwin G. Monroy' (a closing quote after a sentence's end, a dash, and one
 * to four capitalised words)?  Collections of readers' or voters' words set
 * each on a line of its own.
 */
int
layout_ends_with_signature(const unsigned char *s, const line_info *l)
{
	uint32_t	at = l->end;
	uint32_t	from,
				to;
	uint32_t	cp;
	int			words = 0;
	line_info	before = *l;

	while (words < 4 && word_before(s, l, at, &from, &to) && begins_upper(s, from, to))
	{
		words++;
		at = from;
	}
	if (words == 0 || !word_before(s, l, at, &from, &to))
		return 0;
	na_utf8_decode(s + from, to - from, &cp);
	if (!(cp == 0x2015 || cp == 0x2014 || cp == 0x2013 || cp == '-') ||
		to - from != (uint32_t) (cp < 0x80 ? 1 : 3))
		return 0;
	/* the quotation before the dash ends a sentence with a closing quote */
	before.end = from;
	while (before.end > before.content && s[before.end - 1] == ' ')
		before.end--;
	return before.end > before.content && is_closing_quote(layout_last_char(s, &before)) &&
		layout_ends_sentence(s, &before);
}

/*
 * Does the line end with a title, an initial or an abbreviation rather than
 * a sentence: "... Florida Sen." (data/lexicon/title_abbreviations.tsv),
 * "President George W.", "the U.S."?  What follows on the next line may
 * well be the rest of the name, whatever the paragraph's length says.
 */
int
layout_ends_with_title_or_initial(const unsigned char *s, const line_info *l)
{
	uint32_t	from,
				to;

	if (l->end <= l->content || s[l->end - 1] != '.' ||
		!word_before(s, l, l->end - 1, &from, &to) || !begins_upper(s, from, to))
		return 0;
	return to - from == 1 || memchr(s + from, '.', to - from) != NULL ||
		na_lex_in(NA_LEX_TITLE_ABBREVIATIONS, na_lex_find((const char *) s + from, to + 1 - from));
}
