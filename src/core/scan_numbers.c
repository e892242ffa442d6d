/*
 * scan_numbers.c - the scanner's tokens that start with a digit or a
 * currency sign, and the parts of words that are not letters: numbers with
 * their groups, money, percentages, ranges, ordinals, URLs and domains.
 *
 * Split from scanner.c by concern; the primitives they share (peek_at,
 * emit, word_gap_at) are inline in scan_internal.h.
 */
#include "scan_internal.h"

#include <string.h>

#include "na_lexicon.h"

/* Consume a run of digits with inner , . : groups; returns the end. */
cursor
scan_digits(const scanner *st, cursor c)
{
	for (;;)
	{
		uint32_t	cp;
		int			n;

		/* ASCII digits: the common case, no decoding (one byte, one character) */
		while (c.pos < st->len && is_ascii_digit(st->s[c.pos]))
		{
			c.pos++;
			c.cpos++;
		}
		peek_at(st, c.pos, &cp, &n);
		if (n && is_ascii_digit(cp))
		{
			cursor_step(st, &c, n);
			continue;
		}
		if ((cp == ',' || cp == '.' || cp == ':') && c.pos + 1 < st->len &&
			is_ascii_digit(st->s[c.pos + 1]))
		{
			cursor_step(st, &c, 1);
			continue;
		}
		if (n && (na_char_info(cp) & NA_CC_MASK) == NA_CC_DIGIT)
		{
			cursor_step(st, &c, n);
			continue;
		}
		return c;
	}
}

/* Consume letters, digits, marks and joiners; returns the end. */
cursor
scan_letters(const scanner *st, cursor c)
{
	for (;;)
	{
		uint32_t	cp;
		int			n;
		uint16_t	info;

		/* ASCII letters and digits: the common case, no decoding */
		while (c.pos < st->len && is_ascii_alnum(st->s[c.pos]))
		{
			c.pos++;
			c.cpos++;
		}
		if (c.pos >= st->len || (st->s[c.pos] < 0x80 && st->s[c.pos] != '&'))
			return c;
		info = peek_at(st, c.pos, &cp, &n);
		if (!n || !is_word_class((na_cclass) (info & NA_CC_MASK)))
		{
			/* a soft hyphen (U+00AD, &shy;) between letters is nothing: the
			 * word goes on */
			if (cp == 0x00AD && c.pos > 0 && (is_ascii_alnum(st->s[c.pos - 1]) || st->s[c.pos - 1] >= 0x80) &&
				class_at(st, c.pos + n) == NA_CC_LETTER)
			{
				cursor_step(st, &c, n);
				continue;
			}
			return c;
		}
		cursor_step(st, &c, n);
	}
}

/* A URL that starts at c (http://, https://, www.): returns its end or c. */
cursor
scan_url(const scanner *st, cursor c)
{
	size_t		rest = st->len - c.pos;
	const char *p = (const char *) st->s + c.pos;
	cursor		end = c;
	int			parens = 0;

	if (!((rest > 7 && memcmp(p, "http://", 7) == 0) ||
		  (rest > 8 && memcmp(p, "https://", 8) == 0) ||
		  (rest > 4 && memcmp(p, "www.", 4) == 0 && rest > 5 &&
		   (st->s[c.pos + 4] & 0x80 || (st->s[c.pos + 4] >= 'a' && st->s[c.pos + 4] <= 'z')))))
		return c;
	for (;;)
	{
		uint32_t	cp;
		int			n;
		uint16_t	info = peek_at(st, end.pos, &cp, &n);
		na_cclass	cls = (na_cclass) (info & NA_CC_MASK);

		if (!n || cls == NA_CC_SPACE || cls == NA_CC_NEWLINE || cp == '"' ||
			cp == '<' || cp == '>' || cls == NA_CC_QUOTE)
			break;
		if (cp == '(')
			parens++;
		if (cp == ')' && parens-- <= 0)
			break;
		cursor_step(st, &end, n);
	}
	/* trailing punctuation belongs to the sentence, not the URL */
	while (end.pos > c.pos)
	{
		unsigned char last = st->s[end.pos - 1];

		if (last == '.' || last == ',' || last == ';' || last == ':' ||
			last == '!' || last == '?')
		{
			end.pos--;
			end.cpos--;
		}
		else
			break;
	}
	return end;
}

/* Length of a domain (labels joined by dots, at least one dot) at c, else c. */
cursor
scan_domain(const scanner *st, cursor c)
{
	cursor		end = c;
	cursor		good = c;
	int			dots = 0;

	for (;;)
	{
		cursor		label = scan_letters(st, end);

		if (label.pos == end.pos)
			break;
		end = label;
		while (end.pos < st->len && st->s[end.pos] == '-')
		{
			cursor		after = end;

			cursor_step(st, &after, 1);
			label = scan_letters(st, after);
			if (label.pos == after.pos)
				break;
			end = label;
		}
		if (dots > 0)
			good = end;
		if (end.pos + 1 < st->len && st->s[end.pos] == '.' &&
			is_word_class(class_at(st, end.pos + 1)))
		{
			cursor_step(st, &end, 1);
			dots++;
			continue;
		}
		break;
	}
	return good;
}

/* money: currency sign(s), a number, optionally a scale word */
void
scan_money(scanner *st, cursor start)
{
	cursor		c = start;
	uint32_t	cp;
	int			n;

	while ((peek_at(st, c.pos, &cp, &n) & NA_CC_MASK) == NA_CC_CURRENCY && n)
		cursor_step(st, &c, n);
	c = scan_digits(st, c);
	/* "$5m", "$2bn", or "$2.5 billion" */
	{
		cursor		word = scan_letters(st, c);

		if (word.pos > c.pos && span_in(st, c.pos, word.pos, NA_LEX_MONEY_SCALES))
			c = word;
		else if (word.pos == c.pos && word_gap_at(st, c.pos))
		{
			cursor		after = c;
			size_t		gap = word_gap_at(st, c.pos);

			after.pos += gap;
			after.cpos += (uint32_t) gap;
			word = scan_letters(st, after);
			if (word.pos > after.pos && span_in(st, after.pos, word.pos, NA_LEX_MONEY_SCALES) &&
				word.pos - after.pos > 2)
				c = word;
		}
	}
	emit(st, NA_TK_MONEY, start.pos, start.cpos, c);
}

/* A number, percentage, range or number-with-suffix starting at a digit. */
void
scan_number(scanner *st, cursor start)
{
	cursor		c = scan_digits(st, start);
	na_kind		kind = NA_TK_NUMBER;
	uint32_t	cp;
	int			n;
	na_token   *t;
	int			hyphenated = 0;

	/* ranges and tallies: 52-48, 13-0-2, 2014–15 */
	for (int parts = 1; parts < 3; parts++)
	{
		peek_at(st, c.pos, &cp, &n);
		if ((cp == '-' || cp == 0x2013) && c.pos + n < st->len &&
			is_ascii_digit(st->s[c.pos + n]))
		{
			cursor		after = c;

			cursor_step(st, &after, n);
			c = scan_digits(st, after);
			kind = NA_TK_RANGE;
		}
		else
			break;
	}
	peek_at(st, c.pos, &cp, &n);
	if (kind == NA_TK_NUMBER && cp == '%')
	{
		cursor_step(st, &c, 1);
		kind = NA_TK_PERCENT;
	}
	else if (kind == NA_TK_NUMBER &&
			 is_word_class((na_cclass) (na_char_info(cp) & NA_CC_MASK)) && n)
	{
		cursor		word = scan_letters(st, c);

		if (!span_in(st, c.pos, word.pos, NA_LEX_NUMBER_SUFFIXES))
			kind = NA_TK_WORD;	/* 5G, 4x4, MP3-style words */
		c = word;
	}
	/* 20-year-old, 3-D, 24-hour: a number that starts a hyphenated word */
	peek_at(st, c.pos, &cp, &n);
	if ((kind == NA_TK_NUMBER || kind == NA_TK_WORD) && n && is_hyphen(cp) &&
		class_at(st, c.pos + n) == NA_CC_LETTER)
	{
		for (;;)
		{
			cursor		after = c;

			peek_at(st, c.pos, &cp, &n);
			if (!n || !is_hyphen(cp))
				break;
			cursor_step(st, &after, n);
			if (!is_word_class(class_at(st, after.pos)) ||
				class_at(st, after.pos) == NA_CC_MARK)
				break;
			c = scan_letters(st, after);
		}
		kind = NA_TK_WORD;
		hyphenated = 1;
	}
	t = emit(st, kind, start.pos, start.cpos, c);
	if (t && kind == NA_TK_WORD)
	{
		set_word_flags(st, t);
		if (hyphenated)
			t->flags |= NA_TF_HYPHENATED;
		t->flags |= scan_quote_shape(st, t);
	}
}
