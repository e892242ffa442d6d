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
 * A quotation mark.  Curly marks say which side they are on; straight marks
 * are decided by their neighbours, and by what is open when both sides are
 * spaced or both are letters.
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
	int			straight = 0;
	int			pair = 0;

	cursor_step(st, &end, n);
	if (cp == '\'' && end.pos < st->len && st->s[end.pos] == '\'')
	{
		/*
		 * Two apostrophes are one double quotation mark (''like this'', the
		 * style of some newspapers).  Of three, the single mark is the inner
		 * one: it comes after the double when opening, before it when closing.
		 */
		int			triple = end.pos + 1 < st->len && st->s[end.pos + 1] == '\'';
		na_cclass	prev = st->prev_cls;
		int			open_side = prev == NA_CC_SPACE || prev == NA_CC_NEWLINE ||
			prev == NA_CC_OPEN || prev == NA_CC_DASH || st->tokens.count == 0 ||
			(st->pending_flags & NA_TF_SPACE_BEFORE);

		if (!(triple && !open_side && st->single_open))
		{
			cursor_step(st, &end, 1);
			pair = 1;
		}
	}
	next = (na_cclass) (peek_at(st, end.pos, &next_cp, &next_n) & NA_CC_MASK);

	/* the possessive of an abbreviation: the U.S.'s, Joseph Biden Jr.'s */
	if (!pair && is_apostrophe(cp) && (next_cp == 's' || next_cp == 'S') &&
		!(st->pending_flags & NA_TF_SPACE_BEFORE) && st->tokens.count > 0 &&
		((na_token *) st->tokens.items)[st->tokens.count - 1].kind == NA_TK_ABBREV &&
		!is_word_class(class_at(st, end.pos + 1)))
	{
		cursor		word = end;

		cursor_step(st, &word, 1);
		t = emit(st, NA_TK_WORD, start.pos, start.cpos, word);
		if (t)
			set_word_flags(st, t);
		return;
	}

	/* a leading apostrophe: '90s, 'em, rock 'n' roll */
	if (!pair && (is_apostrophe(cp) || cp == 0x2018))
	{
		if (next == NA_CC_DIGIT)
		{
			cursor		num = scan_digits(st, end);
			cursor		word = scan_letters(st, num);

			if (word.pos > num.pos && span_eq(st, num.pos, word.pos, "s"))
			{
				t = emit(st, NA_TK_NUMBER, start.pos, start.cpos, word);
				return;
			}
		}
		if (next == NA_CC_LETTER && st->prev_cls != NA_CC_LETTER)
		{
			cursor		word = scan_letters(st, end);

			if (span_in(st, end.pos, word.pos, NA_LEX_ELISIONS))
			{
				uint32_t	after_cp;
				int			after_n;

				/* 'n' keeps its closing apostrophe */
				peek_at(st, word.pos, &after_cp, &after_n);
				if (span_eq(st, end.pos, word.pos, "n") && is_apostrophe(after_cp))
					cursor_step(st, &word, after_n);
				else if (span_eq(st, end.pos, word.pos, "n"))
					goto not_elision;
				t = emit(st, NA_TK_WORD, start.pos, start.cpos, word);
				if (t)
					set_word_flags(st, t);
				return;
			}
		}
	}
not_elision:

	switch (cp)
	{
		case 0x201C:			/* “ */
		case 0x201E:			/* „ */
		case 0x201F:			/* ‟ */
			kind = NA_TK_OPEN_QUOTE;
			mark = NA_MARK_DOUBLE;
			break;
		case 0x201D:			/* ” */
			kind = NA_TK_CLOSE_QUOTE;
			mark = NA_MARK_DOUBLE;
			break;
		case 0x2018:			/* ‘ */
		case 0x201A:			/* ‚ */
		case 0x201B:			/* ‛ */
			kind = NA_TK_OPEN_QUOTE;
			mark = NA_MARK_SINGLE;
			break;
		case 0x00AB:			/* « */
		case 0x2039:			/* ‹ */
			kind = NA_TK_OPEN_QUOTE;
			mark = NA_MARK_ANGLE;
			break;
		case 0x00BB:			/* » */
		case 0x203A:			/* › */
			kind = NA_TK_CLOSE_QUOTE;
			mark = NA_MARK_ANGLE;
			break;
		case 0x300C:			/* 「 */
		case 0x300E:			/* 『 */
			kind = NA_TK_OPEN_QUOTE;
			mark = NA_MARK_CORNER;
			break;
		case 0x300D:			/* 」 */
		case 0x300F:			/* 』 */
			kind = NA_TK_CLOSE_QUOTE;
			mark = NA_MARK_CORNER;
			break;
		default:
			{
				/* " ' ’ ʼ and other marks: decide by context */
				na_cclass	prev = st->prev_cls;
				int			open_side = prev == NA_CC_SPACE || prev == NA_CC_NEWLINE ||
					prev == NA_CC_OPEN || prev == NA_CC_DASH || prev == NA_CC_QUOTE ||
					st->tokens.count == 0 || (st->pending_flags & NA_TF_SPACE_BEFORE);
				int			close_side = next == NA_CC_SPACE || next == NA_CC_NEWLINE ||
					next == NA_CC_PUNCT || next == NA_CC_CLOSE || next == NA_CC_DASH ||
					next == NA_CC_QUOTE;
				int		   *open_state;

				mark = (pair || cp == '"' || cp == 0x2033 || cp == 0x301D ||
						cp == 0x301E || cp == 0xFF02) ? NA_MARK_DOUBLE : NA_MARK_SINGLE;
				open_state = mark == NA_MARK_DOUBLE ? &st->double_open : &st->single_open;
				straight = cp == '"' || cp == '\'';
				if (cp == 0x2019 || cp == 0x02BC)
					kind = (open_side && !close_side && !*open_state) ?
						NA_TK_OPEN_QUOTE : NA_TK_CLOSE_QUOTE;
				else if (open_side && !close_side)
					kind = NA_TK_OPEN_QUOTE;
				else if (close_side && !open_side)
					kind = NA_TK_CLOSE_QUOTE;
				else
					kind = *open_state ? NA_TK_CLOSE_QUOTE : NA_TK_OPEN_QUOTE;
				/* a lone ' after a word with nothing open is an apostrophe-like symbol */
				if (mark == NA_MARK_SINGLE && kind == NA_TK_CLOSE_QUOTE && !*open_state)
					kind = NA_TK_PUNCT;
			}
			break;
	}

	t = emit(st, kind, start.pos, start.cpos, end);
	if (t == NULL)
		return;
	t->mark = (uint8_t) mark;
	if (straight)
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
