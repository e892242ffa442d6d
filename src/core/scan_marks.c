/*
 * scan_marks.c - the scanner's tokens that are marks rather than words:
 * quotation marks (which side a straight mark is on), emoji sequences and
 * the other punctuation and symbols.
 *
 * Split from scanner.c by concern; the primitives they share (peek_at,
 * emit, word_gap_at) are inline in scan_internal.h.
 */
#include "scan_internal.h"

#include <string.h>

#include "na_lexicon.h"

/*
 * Two apostrophes at start, the first already stepped over (end), are one
 * double quotation mark (''like this'', the style of some newspapers): steps
 * end over the second and returns 1.  Of three, the single mark is the inner
 * one: it comes after the double when opening, before it when closing.
 */
static int
doubled_apostrophe(const scanner *st, cursor *end)
{
	int			triple = end->pos + 1 < st->len && st->s[end->pos + 1] == '\'';
	na_cclass	prev = st->prev_cls;
	int			open_side = prev == NA_CC_SPACE || prev == NA_CC_NEWLINE ||
		prev == NA_CC_OPEN || prev == NA_CC_DASH || st->tokens.count == 0 ||
		(st->pending_flags & NA_TF_SPACE_BEFORE);

	if (triple && !open_side && st->single_open)
		return 0;
	cursor_step(st, end, 1);
	return 1;
}

/*
 * An apostrophe that belongs to a word rather than quoting: the possessive
 * of an abbreviation (the U.S.'s, Joseph Biden Jr.'s) or a leading
 * apostrophe ('90s, 'em, rock 'n' roll).  Emits the word and returns 1, or
 * returns 0 having done nothing.
 */
static int
scan_apostrophe_word(scanner *st, cursor start, cursor end, uint32_t cp,
					 uint32_t next_cp, na_cclass next)
{
	na_token   *t;

	if (is_apostrophe(cp) && (next_cp == 's' || next_cp == 'S') &&
		!(st->pending_flags & NA_TF_SPACE_BEFORE) && st->tokens.count > 0 &&
		((na_token *) st->tokens.items)[st->tokens.count - 1].kind == NA_TK_ABBREV &&
		!is_word_class(class_at(st, end.pos + 1)))
	{
		cursor		word = end;

		cursor_step(st, &word, 1);
		t = emit(st, NA_TK_WORD, start.pos, start.cpos, word);
		if (t)
		{
			set_word_flags(st, t);
			t->flags |= scan_quote_shape(st, t);
		}
		return 1;
	}
	if (!is_apostrophe(cp) && cp != 0x2018)
		return 0;
	if (next == NA_CC_DIGIT)
	{
		cursor		num = scan_digits(st, end);
		cursor		word = scan_letters(st, num);

		if (word.pos > num.pos && span_eq(st, num.pos, word.pos, "s"))
		{
			emit(st, NA_TK_NUMBER, start.pos, start.cpos, word);
			return 1;
		}
	}
	if (next == NA_CC_LETTER && st->prev_cls != NA_CC_LETTER)
	{
		cursor		word = scan_letters(st, end);

		if (span_in(st, end.pos, word.pos, NA_LEX_ELISIONS))
		{
			uint32_t	after_cp;
			int			after_n;

			/* 'n' keeps its closing apostrophe; without one it is a quote */
			peek_at(st, word.pos, &after_cp, &after_n);
			if (span_eq(st, end.pos, word.pos, "n") && is_apostrophe(after_cp))
				cursor_step(st, &word, after_n);
			else if (span_eq(st, end.pos, word.pos, "n"))
				return 0;
			t = emit(st, NA_TK_WORD, start.pos, start.cpos, word);
			if (t)
			{
				set_word_flags(st, t);
				t->flags |= scan_quote_shape(st, t);
			}
			return 1;
		}
	}
	return 0;
}

/*
 * The side and style of a mark that says which side it is on (curly,
 * angle and corner marks); 0 for the marks only their context decides.
 */
static int
sided_mark(uint32_t cp, na_kind *kind, na_mark *mark)
{
	switch (cp)
	{
		case 0x201C:			/* “ */
		case 0x201E:			/* „ */
		case 0x201F:			/* ‟ */
			*kind = NA_TK_OPEN_QUOTE;
			*mark = NA_MARK_DOUBLE;
			return 1;
		case 0x201D:			/* ” */
			*kind = NA_TK_CLOSE_QUOTE;
			*mark = NA_MARK_DOUBLE;
			return 1;
		case 0x2018:			/* ‘ */
		case 0x201A:			/* ‚ */
		case 0x201B:			/* ‛ */
			*kind = NA_TK_OPEN_QUOTE;
			*mark = NA_MARK_SINGLE;
			return 1;
		case 0x00AB:			/* « */
		case 0x2039:			/* ‹ */
			*kind = NA_TK_OPEN_QUOTE;
			*mark = NA_MARK_ANGLE;
			return 1;
		case 0x00BB:			/* » */
		case 0x203A:			/* › */
			*kind = NA_TK_CLOSE_QUOTE;
			*mark = NA_MARK_ANGLE;
			return 1;
		case 0x300C:			/* 「 */
		case 0x300E:			/* 『 */
			*kind = NA_TK_OPEN_QUOTE;
			*mark = NA_MARK_CORNER;
			return 1;
		case 0x300D:			/* 」 */
		case 0x300F:			/* 』 */
			*kind = NA_TK_CLOSE_QUOTE;
			*mark = NA_MARK_CORNER;
			return 1;
		default:
			return 0;
	}
}

/*
 * The side of " ' ’ ʼ and the other marks that do not say it: by the
 * classes before and after, and by what is open when both sides are spaced
 * or both are letters.  pair: two apostrophes read as one double mark.
 */
static void
unsided_mark(const scanner *st, uint32_t cp, int pair, na_cclass next,
			 na_kind *kind, na_mark *mark)
{
	na_cclass	prev = st->prev_cls;
	int			open_side = prev == NA_CC_SPACE || prev == NA_CC_NEWLINE ||
		prev == NA_CC_OPEN || prev == NA_CC_DASH || prev == NA_CC_QUOTE ||
		st->tokens.count == 0 || (st->pending_flags & NA_TF_SPACE_BEFORE);
	int			close_side = next == NA_CC_SPACE || next == NA_CC_NEWLINE ||
		next == NA_CC_PUNCT || next == NA_CC_CLOSE || next == NA_CC_DASH ||
		next == NA_CC_QUOTE;
	int			is_open;

	*mark = (pair || cp == '"' || cp == 0x2033 || cp == 0x301D ||
			 cp == 0x301E || cp == 0xFF02) ? NA_MARK_DOUBLE : NA_MARK_SINGLE;
	is_open = *mark == NA_MARK_DOUBLE ? st->double_open : st->single_open;
	if (cp == 0x2019 || cp == 0x02BC)
		*kind = (open_side && !close_side && !is_open) ?
			NA_TK_OPEN_QUOTE : NA_TK_CLOSE_QUOTE;
	else if (open_side && !close_side)
		*kind = NA_TK_OPEN_QUOTE;
	else if (close_side && !open_side)
		*kind = NA_TK_CLOSE_QUOTE;
	else
		*kind = is_open ? NA_TK_CLOSE_QUOTE : NA_TK_OPEN_QUOTE;
	/* a lone ' after a word with nothing open is an apostrophe-like symbol */
	if (*mark == NA_MARK_SINGLE && *kind == NA_TK_CLOSE_QUOTE && !is_open)
		*kind = NA_TK_PUNCT;
}

/*
 * A quotation mark.  Curly marks say which side they are on; straight marks
 * are decided by their neighbours, and by what is open when both sides are
 * spaced or both are letters.  An apostrophe may instead belong to a word.
 */
void
scan_quote(scanner *st, cursor start, uint32_t cp, int n)
{
	cursor		end = start;
	na_kind		kind;
	na_mark		mark;
	na_token   *t;
	na_cclass	next;
	uint32_t	next_cp;
	int			next_n;
	int			pair = 0;

	cursor_step(st, &end, n);
	if (cp == '\'' && end.pos < st->len && st->s[end.pos] == '\'')
		pair = doubled_apostrophe(st, &end);
	next = (na_cclass) (peek_at(st, end.pos, &next_cp, &next_n) & NA_CC_MASK);
	if (!pair && scan_apostrophe_word(st, start, end, cp, next_cp, next))
		return;
	if (!sided_mark(cp, &kind, &mark))
		unsided_mark(st, cp, pair, next, &kind, &mark);

	t = emit(st, kind, start.pos, start.cpos, end);
	if (t == NULL)
		return;
	t->mark = (uint8_t) mark;
	if (cp == '"' || cp == '\'')
		t->flags |= NA_TF_STRAIGHT;
	if (mark == NA_MARK_DOUBLE || mark == NA_MARK_ANGLE || mark == NA_MARK_CORNER)
		st->double_open = kind == NA_TK_OPEN_QUOTE;
	else if (mark == NA_MARK_SINGLE && kind != NA_TK_PUNCT)
		st->single_open = kind == NA_TK_OPEN_QUOTE;
}

/* An emoji with its joiners, modifiers and joined pictographs. */
void
scan_emoji(scanner *st, cursor start, int n)
{
	cursor		c = start;

	cursor_step(st, &c, n);
	for (;;)
	{
		uint32_t	cp;
		int			m;
		na_cclass	cls = (na_cclass) (peek_at(st, c.pos, &cp, &m) & NA_CC_MASK);

		if (!m)
			break;
		if (cls == NA_CC_JOINER || cls == NA_CC_MARK)
		{
			cursor_step(st, &c, m);
			if (cp == 0x200D)
			{
				uint32_t	cp2;
				int			m2;

				if ((peek_at(st, c.pos, &cp2, &m2) & NA_CC_MASK) != NA_CC_MARK && m2)
					cursor_step(st, &c, m2);
			}
			continue;
		}
		break;
	}
	emit(st, NA_TK_EMOJI, start.pos, start.cpos, c);
}

/* Punctuation, dashes, ellipses, handles, hashtags and symbols. */
void
scan_other(scanner *st, cursor start, uint32_t cp, int n, na_cclass cls)
{
	cursor		c = start;
	na_kind		kind = NA_TK_PUNCT;

	cursor_step(st, &c, n);
	if (cp == '.' && c.pos + 1 < st->len && st->s[c.pos] == '.' && st->s[c.pos + 1] == '.')
	{
		while (c.pos < st->len && st->s[c.pos] == '.')
			cursor_step(st, &c, 1);
		kind = NA_TK_ELLIPSIS;
	}
	else if (cp == 0x2026)
		kind = NA_TK_ELLIPSIS;
	else if ((cp == '@' || cp == '#') && st->prev_cls != NA_CC_LETTER &&
			 st->prev_cls != NA_CC_DIGIT &&
			 class_at(st, c.pos) == NA_CC_LETTER)
	{
		cursor		end = scan_letters(st, c);

		while (end.pos < st->len && st->s[end.pos] == '_')
		{
			cursor_step(st, &end, 1);
			end = scan_letters(st, end);
		}
		emit(st, cp == '@' ? NA_TK_HANDLE : NA_TK_HASHTAG, start.pos, start.cpos, end);
		return;
	}
	else if (cls == NA_CC_DASH)
	{
		if (is_hyphen(cp) && !(c.pos < st->len && st->s[c.pos] == '-'))
		{
			/* a lone hyphen: a dash when spaced, else punctuation */
			na_cclass	next = class_at(st, c.pos);

			kind = (st->prev_cls == NA_CC_SPACE && (next == NA_CC_SPACE || next == NA_CC_NEWLINE)) ?
				NA_TK_DASH : NA_TK_PUNCT;
		}
		else
		{
			kind = NA_TK_DASH;
			for (;;)
			{
				uint32_t	cp2;
				int			m;

				if ((peek_at(st, c.pos, &cp2, &m) & NA_CC_MASK) != NA_CC_DASH || !m)
					break;
				cursor_step(st, &c, m);
			}
		}
	}
	else if (cls == NA_CC_SYMBOL || cls == NA_CC_CURRENCY || cls == NA_CC_OTHER ||
			 cls == NA_CC_NUMERIC)
		kind = cls == NA_CC_NUMERIC ? NA_TK_NUMBER : NA_TK_SYMBOL;
	emit(st, kind, start.pos, start.cpos, c);
}
