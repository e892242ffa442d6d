/*
 * scanner.c - tokens, sentences and paragraphs of news text in one pass.
 *
 * The scanner walks the UTF-8 text once, emitting tokens with byte and
 * character offsets: na_scan's main loop here, with its fast paths (plain
 * words and numbers, and the runs of them that make most of a text) beside
 * it, where they are inlined.  Sentence boundaries are then decided over
 * the token array (cheap: no text is decoded again), because whether
 * "U.S." ends a sentence depends on the token after it.
 */
#include "scan_internal.h"

#include <stddef.h>
#include <string.h>

#include "na_layout.h"
#include "na_lexicon.h"
#include "na_unicode.h"

static const char *const kind_names[NA_TK_KIND_COUNT] = {
	"unknown", "word", "number", "money", "percent", "range", "abbreviation",
	"initial", "punctuation", "open_quote", "close_quote", "dash", "ellipsis",
	"url", "email", "handle", "hashtag", "symbol", "emoji", "ideograph"
};

const char *
na_kind_name(int kind)
{
	if (kind <= 0 || kind >= NA_TK_KIND_COUNT)
		return "unknown";
	return kind_names[kind];
}

/*
 * Is the ASCII word text[start..end), followed by a full stop, an ordinary
 * word that ends there (not an abbreviation, initial, U.S. or www.)?
 */
static inline int
word_before_stop(const scanner *st, size_t start, size_t end)
{
	size_t		n = end - start;

	if (n < 2)
		return 0;				/* initials and U.S. */
	if (n <= 7 && (is_abbreviation(st, start, end) ||
				   span_eq(st, start, end, "No") || span_eq(st, start, end, "www")))
		return 0;
	return 1;
}

#if defined(__GNUC__)
#define NA_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define NA_ALWAYS_INLINE inline
#endif

/* The parts of a word after its first (more_word_parts). */
typedef struct word_parts
{
	size_t		end;
	size_t		last_part;		/* where the part after the last hyphen starts; 0: none */
	unsigned	seen;			/* AB_* bits of the parts' bytes */
	uint16_t	flags;			/* NA_TF_HYPHENATED */
} word_parts;

/*
 * The parts after an inner apostrophe or hyphen at i that an ASCII letter
 * or digit follows, read as scan_word reads them (Kremlin's, Russia-backed,
 * Covid-19: one word in 44 of BBC's, which the general path took 600
 * instructions each to read); the caller then looks at the byte after the
 * last part as after any plain word, the part after the last hyphen
 * standing for the word where an abbreviation is looked for ("then-Sen.").
 * No such word can be a URL (scan_word's first question: those begin
 * http: or www.).  Out of line: the loop of plain words keeps its
 * registers.
 */
static __attribute__((noinline)) word_parts
more_word_parts(const unsigned char *s, size_t len, size_t i)
{
	word_parts	r = {0, 0, 0, 0};
	unsigned	m;

	while (i + 1 < len && (s[i] == '\'' || s[i] == '-') && (ascii_bits[s[i + 1]] & AB_ALNUM))
	{
		if (s[i] == '-')
		{
			r.flags |= NA_TF_HYPHENATED;
			r.last_part = i + 1;
		}
		i++;
		while (i < len && ((m = ascii_bits[s[i]]) & AB_ALNUM))
		{
			r.seen |= m;
			i++;
		}
	}
	r.end = i;
	return r;
}

/*
 * The end of the ASCII word at pos when it ends in a character no rule of
 * scan_word looks at (space, comma, bracket, ...), with its case, digit and
 * shape flags in *flags; 0 when scan_word must decide.  Reads only: the
 * callers emit.  The text comes as s and len, which the callers hold in
 * locals: read through st, they would be read again after every token
 * written (a token's store might alias st, to the compiler).  Inline even where GCC would not (it is called from two
 * places, one a loop over most of the text's words, where a call costs a
 * fifth of the word).
 */
static NA_ALWAYS_INLINE size_t
plain_word_end(const scanner *st, const unsigned char *s, size_t len, size_t pos,
			   uint16_t *flags_out)
{
	size_t		i = pos;
	uint16_t	flags = 0;
	uint64_t	acc_dig = 0;	/* nonzero once a digit is seen */
	unsigned	seen = 0;		/* AB_* bits of the word's bytes (byte loop) */
	unsigned	m;

#if NA_SWAR && defined(__SSE2__)
	/*
	 * Sixteen bytes at a time where SSE2 is at hand: nearly every word ends
	 * in the first sixteen, so the loop's branch is always guessed right
	 * (words longer than eight bytes made the SWAR loop's a coin toss).
	 * A byte is in 'a'..'z' when, moved by 0x80 - 'a', it is among the 26
	 * smallest signed bytes: one add and one compare a class, and bytes >=
	 * 0x80 fall outside every class; with bit 5 set first, upper-case
	 * letters fall in 'a'..'z' too.  Only digits are collected: the case of
	 * the letters matters only to a word that begins with a capital (looked
	 * at below).  Letters only: a word's run of letters ends the word
	 * unless a digit follows (G20, MP3: a word in a few hundred), and the
	 * loops below, which collect digits, go on from that digit.
	 */
	while (i + 16 <= len)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (s + i));
		unsigned	letter = (unsigned) _mm_movemask_epi8(
			_mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
										_mm_set1_epi8((char) (0x80 - 'a'))),
						   _mm_set1_epi8((char) (-128 + 26))));
		unsigned	stop = ~letter & 0xFFFFu;

		if (stop == 0)
		{
			i += 16;
			continue;
		}
		/* the letters before the first stop */
		i += (size_t) __builtin_ctz(stop);
		if (!(ascii_bits[s[i]] & AB_DIGIT))
			goto word_end;
		break;
	}
#endif
#if NA_SWAR
	/* eight bytes at a time: one test finds the end of most words */
	while (i + 8 <= len)
	{
		uint64_t	v;
		uint64_t	letter,
					dig,
					stop;

		memcpy(&v, s + i, 8);
		/* letters of either case in one test */
		letter = swar_in_range(v | SWAR_ONES * 0x20, 'a', 'z');
		dig = swar_in_range(v, '0', '9');
		stop = ~(letter | dig) & SWAR_HIGH;
		if (stop == 0)
		{
			acc_dig |= dig;
			i += 8;
			continue;
		}
		/* the bytes before the first stop: bits below its 0x80 */
		stop = (stop & -stop) - 1;
		acc_dig |= dig & stop;
		i += __builtin_ctzll(stop + 1) >> 3;
		goto word_end;
	}
#endif
	while (i < len && ((m = ascii_bits[s[i]]) & AB_ALNUM))
	{
		seen |= m;
		i++;
	}
	acc_dig |= seen & AB_DIGIT;
#if NA_SWAR
word_end:
#endif
	if (i < len && (ascii_bits[s[i]] & AB_SPECIAL))
	{
		size_t		last_part = pos;	/* after the last inner hyphen */

		if ((s[i] == '\'' || s[i] == '-') && i + 1 < len && (ascii_bits[s[i + 1]] & AB_ALNUM))
		{
			word_parts	more = more_word_parts(s, len, i);

			i = more.end;
			if (more.last_part)
				last_part = more.last_part;
			acc_dig |= more.seen & AB_DIGIT;
			flags |= more.flags;
		}
		if (i < len && (ascii_bits[s[i]] & AB_SPECIAL) &&
			!(s[i] == '.' && word_before_stop(st, last_part, i)))
			return 0;
	}
	if (acc_dig)
		flags |= NA_TF_HAS_DIGIT;
	if (s[pos] < 'a')
	{
		/*
		 * A capital first (the word begins with a letter): all capitals if
		 * no lower-case letter follows and there are two capitals; the
		 * first lower-case letter, usually the second byte, ends the look
		 */
		int			upper = 0;
		size_t		k;

		flags |= NA_TF_CAPITALIZED;
		/* (a lower-case second letter, most capitalised words: no loop) */
		if (i - pos < 2 || !(ascii_bits[s[pos + 1]] & AB_LOWER))
		{
			for (k = pos; k < i; k++)
			{
				m = ascii_bits[s[k]];
				if (m & AB_LOWER)
					break;
				upper += (m & AB_UPPER) != 0;
			}
			if (k == i && upper >= 2)
				flags |= NA_TF_ALLCAPS;
		}
	}
	{
		/* a word's first four bytes in one load where the text has them */
		size_t		wlen = i - pos;
		uint32_t	head;

#if NA_SWAR
		if (pos + 4 <= len)
			memcpy(&head, s + pos, 4);	/* little-endian: as na_lex_shape_head */
		else
#endif
			head = na_lex_shape_head(s + pos, wlen);
		flags |= shape_flags(na_lex_shape(head, s[i - 1], wlen));
	}
	*flags_out = flags;
	return i;
}

/*
 * The end of the plain number at pos, a digit: ASCII digits with inner
 * , . : groups (1,272  3.5  10:30), then a byte after which scan_number
 * reads nothing more (a space, a full stop, a bracket: no range, no
 * suffix, no hyphenated word, no reference), *kind NA_TK_NUMBER; or those
 * digits and a per cent sign (76%), *kind NA_TK_PERCENT; 0 for any other.
 * scan_number would emit it as it stands.
 */
static inline size_t
plain_number_end(const unsigned char *s, size_t len, size_t pos, na_kind *kind)
{
	size_t		i = pos;

	for (;;)
	{
		while (i < len && (unsigned) (s[i] - '0') < 10)
			i++;
		if (i + 1 < len && (s[i] == ',' || s[i] == '.' || s[i] == ':') &&
			(unsigned) (s[i + 1] - '0') < 10)
			i++;
		else
			break;
	}
	*kind = NA_TK_NUMBER;
	if (i < len && s[i] == '%')
	{
		*kind = NA_TK_PERCENT;
		return i + 1;
	}
	if (i < len && (ascii_bits[s[i]] & AB_NUMBER_ON))
		return 0;
	return i;
}

/*
 * The class of the last character of a token of the fast paths, whose last
 * byte is b (a letter, a digit, a mark or a per cent sign): what a straight
 * quote after it is decided by (after_token).
 */
static inline na_cclass
fast_token_class(unsigned char b)
{
	if (ascii_punct_class[b])
		return (na_cclass) ascii_punct_class[b];
	return (unsigned) (b - '0') < 10 ? NA_CC_DIGIT : NA_CC_LETTER;
}

#define MIN_OF(a, b) ((a) < (b) ? (a) : (b))

/* plain_word_end out of line: the token run's words its fast path leaves
 * (one in twelve), without the registers of the run's loop */
static __attribute__((noinline)) size_t
plain_word_end_call(const scanner *st, const unsigned char *s, size_t len, size_t pos,
					uint16_t *flags_out)
{
	return plain_word_end(st, s, len, pos, flags_out);
}

#if NA_SWAR && defined(__SSE2__)
/*
 * Does the short word s[pos..pos + wlen), letters only, end before the
 * full stop after it (word_before_stop: no abbreviation, no initial, not
 * "No" or "www")?  Out of line, the shape recomputed: a word before a
 * stop is one in twenty, and the loop of short words keeps its registers.
 */
static __attribute__((noinline)) int
short_word_before_stop(const unsigned char *s, size_t pos, size_t wlen)
{
	uint32_t	head;
	uint32_t	h;

	if (wlen < 2)
		return 0;
	if (wlen > 7)
		return 1;
	memcpy(&head, s + pos, 4);
	h = na_lex_shape(head, s[pos + wlen - 1], wlen);
	return !((abbreviation_shapes[h >> 6] >> (h & 63)) & 1) &&
		!(wlen == 2 && s[pos] == 'N' && s[pos + 1] == 'o') &&
		!(wlen == 3 && s[pos] == 'w' && s[pos + 1] == 'w' && s[pos + 2] == 'w');
}

/*
 * The short word at pos whose first part, wlen letters, ends at an
 * apostrophe or a hyphen (Kremlin's, Russia-backed, one word in fifty):
 * its length and flags (*flags_out) as plain_word_end reads them when a
 * second part of letters follows and ends the word within sixteen bytes,
 * before a byte no rule of scan_word looks at; 0 for any other word.  Out
 * of line, as short_word_before_stop.
 */
static __attribute__((noinline)) size_t
short_word_parts(const unsigned char *s, size_t pos, size_t wlen, unsigned *flags_out)
{
	__m128i		v = _mm_loadu_si128((const __m128i *) (s + pos));
	unsigned	letter = ascii_class_mask(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26);
	/* the other bytes after the apostrophe or hyphen */
	unsigned	rest = ~letter & 0xFFFFu & ~((2u << wlen) - 1);
	unsigned	flags = 0;
	size_t		end;
	uint32_t	head;

	if (!((letter >> (wlen + 1)) & 1) || rest == 0)
		return 0;
	end = (size_t) __builtin_ctz(rest);
	if (ascii_bits[s[pos + end]] & (AB_DIGIT | AB_SPECIAL))
		return 0;
	if (s[pos + wlen] == '-')
		flags = NA_TF_HYPHENATED;
	if (s[pos] < 'a')
	{
		/* all capitals: every letter of both parts (two or more) */
		unsigned	letters = ((1u << end) - 1) & ~(1u << wlen);

		flags |= NA_TF_CAPITALIZED;
		if ((ascii_class_mask(v, 'A', 26) & letters) == letters)
			flags |= NA_TF_ALLCAPS;
	}
	memcpy(&head, s + pos, 4);	/* little-endian: as na_lex_shape_head */
	*flags_out = flags | shape_flags(na_lex_shape(head, s[pos + end - 1], end));
	return end;
}

/*
 * plain_word_end of the common word, with sixteen bytes of text at pos:
 * fewer than sixteen letters, then a byte no rule of scan_word looks at
 * (space, comma, bracket) or a full stop that word_before_stop would
 * leave alone, or two such parts joined (short_word_parts).  Nearly every
 * word of BBC's, with their flags from the one
 * load that found their end: all letters, so a capital first is
 * NA_TF_CAPITALIZED and capitals only (two or more) NA_TF_ALLCAPS, and no
 * digit; the first four bytes are those of the shape.  Returns the word's
 * length, 0 for any other word and where no letter is at pos.
 */
static inline size_t
short_word_len(const unsigned char *s, size_t pos, unsigned *flags_out, unsigned char *after_out)
{
	/* the first four bytes within a word of wlen letters (the shape's) */
	static const uint32_t keep[16] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu,
		0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu,
	0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
	__m128i		v = _mm_loadu_si128((const __m128i *) (s + pos));
	unsigned	letter = ascii_class_mask(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26);
	uint32_t	head = (uint32_t) _mm_cvtsi128_si32(v);
	size_t		wlen;
	unsigned	flags = 0;
	unsigned char after;

	/* the letters before the first other byte: none, or sixteen, is no short word */
	wlen = (unsigned) __builtin_ctz(~letter);
	if ((unsigned) wlen - 1 >= 15)
		return 0;
	after = s[pos + wlen];
	/* (a space, after most words, is neither) */
	if (__builtin_expect(after != ' ' && (ascii_bits[after] & (AB_DIGIT | AB_SPECIAL)), 0))
	{
		if (after == '\'' || after == '-')
		{
			/* (a flags word of its own: had the call been given flags_out,
			 * run_short_words would keep its flags on the stack, a store
			 * every word) */
			unsigned	parts_flags = 0;

			wlen = short_word_parts(s, pos, wlen, &parts_flags);
			*flags_out = parts_flags;
			*after_out = s[pos + wlen];
			return wlen;
		}
		if (after != '.' || !short_word_before_stop(s, pos, wlen))
			return 0;
	}
	/*
	 * the capitals with no branch: whether a word is capitalised is a coin
	 * toss in news text, and the test of its first letter was mispredicted.
	 * All its bytes are letters, so the lower-case ones are those with 0x20
	 * set (the bit a shift by two moves to the top of each byte, for
	 * movemask).  Callgrind over na_quotes --bench 1 BBC (two scans, one
	 * analysis): 612.1M -> 630.8M instructions, 7.17M -> 6.95M
	 * mispredicted branches (its model); the scan 6% faster all the same
	 * (median of 16 runs against 16: 391.5 -> 438.5 MB/s; best 433.7 ->
	 * 460.0), scan+quotes 2%.
	 */
	{
		unsigned	in_word = (1u << wlen) - 1;
		unsigned	lower = (unsigned) _mm_movemask_epi8(_mm_slli_epi16(v, 2)) & in_word;

		_Static_assert(NA_TF_CAPITALIZED == 1 && NA_TF_ALLCAPS == 2,
					   "the capitals' flags are the low two bits");
		flags = (~lower & 1) | (unsigned) ((lower == 0) & (wlen >= 2)) << 1;
	}
	/* the shape's bytes from the load at hand (little-endian: as na_lex_shape_head) */
	flags |= (unsigned) shape_flag_bytes[na_lex_shape_folded((head | 0x20202020u) & keep[wlen],
															  s[pos + wlen - 1], wlen)]
		<< SHAPE_FLAG_SHIFT;
	*flags_out = flags;
	*after_out = after;
	return wlen;
}
#endif

/*
 * Writes a token of ASCII text (as many characters as bytes) into its
 * reserved room as three 8-byte stores and one of 4 (little-endian
 * machines: NA_SWAR): built field by field, the token was nine stores and
 * a vector shuffle (a fifth of a plain word's instructions).  The sentence
 * is 0 until na_split_sentences numbers it.
 */
static inline void
put_ascii_token(na_token *t, size_t start, size_t len, int64_t to_chars, uint32_t paragraph,
				unsigned flags, na_kind kind)
{
#if NA_SWAR
	uint64_t	offsets = (uint32_t) start | (uint64_t) len << 32;
	/* (the length untouched: start + to_chars, a character offset, is
	 * within 0 .. UINT32_MAX) */
	uint64_t	coffsets = offsets + (uint64_t) to_chars;
	uint64_t	place = (uint64_t) paragraph << 32;
	uint32_t	what = flags | (uint32_t) kind << 16;	/* mark 0 */

	memcpy(&t->start, &offsets, 8);
	memcpy(&t->cstart, &coffsets, 8);
	memcpy(&t->sentence, &place, 8);
	memcpy(&t->flags, &what, 4);
#else
	t->start = (uint32_t) start;
	t->len = (uint32_t) len;
	t->cstart = (uint32_t) ((int64_t) start + to_chars);
	t->clen = (uint32_t) len;
	t->sentence = 0;
	t->paragraph = paragraph;
	t->flags = (uint16_t) flags;
	t->kind = (uint8_t) kind;
	t->mark = 0;
#endif
}

_Static_assert(offsetof(na_token, len) == offsetof(na_token, start) + 4 &&
			   offsetof(na_token, clen) == offsetof(na_token, cstart) + 4 &&
			   offsetof(na_token, paragraph) == offsetof(na_token, sentence) + 4 &&
			   offsetof(na_token, kind) == offsetof(na_token, flags) + 2 &&
			   offsetof(na_token, mark) == offsetof(na_token, flags) + 3,
			   "put_ascii_token's stores match na_token's fields (little-endian)");

/* What a token run's fast loop carries (run_short_words). */
typedef struct run_cursor
{
	na_token   *t;				/* the next token's room */
	uint32_t   *stop;			/* the next stop's (scanner.stops) */
	na_token   *items;
	na_token   *limit;			/* the fast loop takes no word at or past it */
	size_t		fast_end;		/* i short of it: sixteen bytes and two from i + 1 */
	int64_t		to_chars;		/* a character offset less the byte offset */
	uint32_t	paragraph;
} run_cursor;

#if NA_SWAR && defined(__SSE2__)
/*
 * The short words of a token run (short_word_len) from the space at i,
 * each with the mark after it if any, for as long as a space and another
 * such word follow.  Returns where it stopped: at a space before a token it
 * leaves to scan_token_run, or after its last token.  A loop of its own
 * with no call in it, so that its state stays in registers (inside
 * scan_token_run, among the calls of the other paths, half of it was kept
 * on the stack); for the same reason the stops are written through rc
 * (a mark is rarer than a word).
 */
static __attribute__((noinline)) size_t
run_short_words(const unsigned char *s, size_t i, run_cursor *rc)
{
	na_token   *t = rc->t;
	na_token   *const limit = rc->limit;
	const size_t fast_end = rc->fast_end;
	const int64_t to_chars = rc->to_chars;
	const uint32_t paragraph = rc->paragraph;

	while (t < limit && i < fast_end)
	{
		/*
		 * one bound for the loop over the words instead of two: a word and
		 * the mark after it take fewer tokens than bytes, so while i is
		 * short of limit - t bytes past where it stands now, t is short of
		 * limit.  (Two bounds kept two registers, and both were reloaded
		 * from the stack every word.)
		 */
		const size_t end = MIN_OF(fast_end, i + (size_t) (limit - t));

		while (i < end)
		{
			size_t		wpos = i + 1;
			unsigned	flags;
			unsigned char b;
			size_t		wlen = short_word_len(s, wpos, &flags, &b);

			if (wlen == 0)
				goto done;			/* no word, or another kind of word */
			put_ascii_token(t++, wpos, wlen, to_chars, paragraph,
							NA_TF_SPACE_BEFORE | flags, NA_TK_WORD);
			/* (sixteen bytes at wpos, and two more: a mark's next two bytes are text) */
			i = wpos + wlen;
			if (b == ' ')
				continue;
			/* a mark the main loop emits alone (not the first stop of "...") */
			if (!ascii_punct_class[b] || (b == '.' && s[i + 1] == '.' && s[i + 2] == '.'))
				goto done;
			if (b == '.' || b == '!' || b == '?')
				*rc->stop++ = (uint32_t) (t - rc->items);	/* as emit's record_stop */
			put_ascii_token(t++, i, 1, to_chars, paragraph, 0, NA_TK_PUNCT);
			i++;
			if (s[i] != ' ')
				goto done;
		}
	}
done:
	rc->t = t;
	return i;
}
#endif

/*
 * A straight double quotation mark at i right after a token of the run,
 * a space after it: a closing one, as unsided_mark reads it (nothing on
 * its left opens: a word or a mark but an opening bracket; a space on its
 * right closes), written as scan_quote would, with the scanner's note that
 * no double mark is open.  Returns 0, having done nothing, for any other.
 */
static inline int
run_close_quote(scanner *st, run_cursor *rc, size_t i)
{
	const unsigned char *s = st->s;

	if (i + 1 >= st->len || s[i] != '"' || s[i + 1] != ' ' ||
		(s[i - 1] < 0x80 && ascii_punct_class[s[i - 1]] == NA_CC_OPEN))
		return 0;
	put_ascii_token(rc->t, i, 1, rc->to_chars, rc->paragraph, NA_TF_STRAIGHT, NA_TK_CLOSE_QUOTE);
	rc->t++->mark = NA_MARK_DOUBLE;
	st->double_open = 0;
	return 1;
}

/*
 * A straight double quote or an opening bracket at i, a space before it
 * and a letter after: an opening mark (nothing can close there), written as
 * scan_quote, or the main loop's fast path, would.
 */
static inline void
run_open_mark(scanner *st, run_cursor *rc, size_t i)
{
	if (st->s[i] == '"')
	{
		put_ascii_token(rc->t, i, 1, rc->to_chars, rc->paragraph,
						NA_TF_SPACE_BEFORE | NA_TF_STRAIGHT, NA_TK_OPEN_QUOTE);
		rc->t++->mark = NA_MARK_DOUBLE;
		st->double_open = 1;
	}
	else
		put_ascii_token(rc->t++, i, 1, rc->to_chars, rc->paragraph,
						NA_TF_SPACE_BEFORE, NA_TK_PUNCT);
}

/*
 * The first byte of the word after the line breaks at i (LF only) when the
 * next token opens a paragraph there with a letter, and the text has no
 * line read as wrapped (no line break of it is a space); 0 for any other.
 */
static inline size_t
paragraph_word_at(const scanner *st, size_t i)
{
	size_t		j = i;

	if (st->nsoft)
		return 0;
	while (j < st->len && st->s[j] == '\n')
		j++;
	if (j == i || j >= st->len || (unsigned) ((st->s[j] | 0x20) - 'a') >= 26)
		return 0;
	return j;
}

/*
 * The paragraph the next token of a run opens, as emit's para_pending:
 * numbered (and its first token noted for datelines), no mark open in it,
 * the token before it a stop.
 */
static void
run_new_paragraph(scanner *st, run_cursor *rc)
{
	uint32_t	next = (uint32_t) (rc->t - rc->items);

	st->paragraph++;
	if (st->paragraph < DATELINE_PARAGRAPHS)
		st->para_first[st->paragraph] = next;
	st->double_open = 0;
	st->single_open = 0;
	rc->paragraph = st->paragraph;
	if (rc->stop == (uint32_t *) st->stops.items || rc->stop[-1] != next - 1)
		*rc->stop++ = next - 1; /* as emit's record_stop */
}

/*
 * The run of tokens after a plain word that ends at the space at i (cpos:
 * its character offset): while a single space and another plain word or
 * number follow, or a punctuation mark the main loop would emit alone, they
 * are written directly into the reserved room, the scanner's state held in
 * locals (most of a news text is such runs, and inside one the state of the
 * general emit, a paragraph or the first token, cannot change).  A straight
 * double quote or an opening bracket before a word ("We  (the), a straight
 * quote closing after one (said."  said"), a spaced hyphen (a dash) and a
 * percentage are taken too, as scan_quote, scan_other and scan_number
 * would (a quote ended one run in two), and line breaks before a word
 * where no line is wrapped, as the paragraph break they are.  The
 * short words, most of them, go through run_short_words; this loop takes
 * the others one by one.  Out of line so that the loop has the registers to
 * itself: na_scan around it holds too much.  Leaves st as the main loop
 * would after the last token (and the space after it, if any).
 */
static __attribute__((noinline)) void
scan_token_run(scanner *st, size_t i, uint32_t cpos)
{
	const unsigned char *s = st->s;
	size_t		len = st->len;
	run_cursor	rc;
	/* the last room a turn may start at: four tokens at most ("We said."), in
	 * tokens and in stops (a stop is a token: as much room as tokens) */
	na_token   *room_last;
	/* where the interrupt check falls due: as emit's, every INTERRUPT_INTERVAL tokens */
	na_token   *check_at;
	unsigned char b;

	rc.items = (na_token *) st->tokens.items;
	rc.t = rc.items + st->tokens.count;
	rc.stop = (uint32_t *) st->stops.items + st->stops.count;
	room_last = rc.items + MIN_OF(st->tokens.capacity,
								  st->tokens.count + st->stops.capacity - st->stops.count) - 4;
	check_at = rc.items + ((st->tokens.count | (INTERRUPT_INTERVAL - 1)) + 1);
	rc.limit = MIN_OF(room_last, check_at);
	/* every byte of a run is an ASCII character: a character offset is the
	 * byte offset moved by what it was at the run's start */
	rc.to_chars = (int64_t) cpos - (int64_t) i;
	rc.paragraph = st->paragraph;
	/* sixteen bytes from a word's start, and two after a mark after it */
	rc.fast_end = len >= 18 ? len - 18 : 0;

	/* i is at a space after a token: take it, and the word after it */
	for (;;)
	{
		size_t		wpos;
		uint16_t	flags = 0;
		uint16_t	before = NA_TF_SPACE_BEFORE;	/* the word's */
		size_t		wend;
		na_kind		kind = NA_TK_WORD;

#if NA_SWAR && defined(__SSE2__)
		if (s[i] == ' ')
			i = run_short_words(s, i, &rc);
#endif
		/* i: at a space, or after a token (a space, or its end, before it) */
		if (s[i] == ' ')
			wpos = i + 1;
		else if (run_close_quote(st, &rc, i))
		{
			i++;				/* to the space after it */
			continue;
		}
		else if ((wpos = paragraph_word_at(st, i)) != 0)
			before = NA_TF_SPACE_BEFORE | NA_TF_NEWLINE_BEFORE | NA_TF_PARA_START;
		else
		{
			/* the run ends after its last token */
			st->prev_cls = fast_token_class(s[i - 1]);
			goto after_token;
		}
		if (rc.t >= rc.limit)
		{
			if (rc.t >= check_at)
			{
				na_check_interrupts(st->mem);
				check_at += INTERRUPT_INTERVAL;
			}
			if (rc.t >= room_last)
				break;			/* the main loop's emit makes room */
			rc.limit = MIN_OF(room_last, check_at);
		}
		if (wpos + 1 < len && (b = s[wpos]) < 0x80 &&
			(b == '"' || ascii_punct_class[b] == NA_CC_OPEN) &&
			(unsigned) ((s[wpos + 1] | 0x20) - 'a') < 26)
		{
			run_open_mark(st, &rc, wpos);
			before = 0;
			wpos++;
			if ((wend = plain_word_end_call(st, s, len, wpos, &flags)) == 0)
			{
				/* the run ends after the mark: scan_word reads the word */
				i = wpos;
				st->prev_cls = (na_cclass) (ascii_info[b] & NA_CC_MASK);
				goto after_token;
			}
		}
		else if (wpos < len && (unsigned) ((s[wpos] | 0x20) - 'a') < 26)
		{
			wend = plain_word_end_call(st, s, len, wpos, &flags);
			if (wend == 0 && (before & NA_TF_PARA_START))
			{
				/* the run ends after its last token: the main loop reads
				 * the line breaks and the word */
				st->prev_cls = fast_token_class(s[i - 1]);
				goto after_token;
			}
			if (wend == 0)
				break;
			if (before & NA_TF_PARA_START)
				run_new_paragraph(st, &rc);
		}
		else if (wpos < len && (unsigned) (s[wpos] - '0') < 10 &&
				 (wend = plain_number_end(s, len, wpos, &kind)) != 0)
			;					/* a number goes on with the run (in 2004 the) */
		else if (wpos + 1 < len && s[wpos] == '-' && s[wpos + 1] == ' ')
		{
			/* a hyphen spaced on both sides: a dash, as scan_other reads it */
			put_ascii_token(rc.t++, wpos, 1, rc.to_chars, rc.paragraph,
							NA_TF_SPACE_BEFORE, NA_TK_DASH);
			i = wpos + 1;
			continue;
		}
		else
			break;
		put_ascii_token(rc.t++, wpos, wend - wpos, rc.to_chars, rc.paragraph,
						before | flags, kind);
		i = wend;
		/* a punctuation mark after the word, as the main loop's fast path
		 * emits it: one byte, no space before ("word," "word." "word)") */
		if (i < len && (b = s[i]) < 0x80 && ascii_punct_class[b] &&
			!(b == '.' && i + 2 < len && s[i + 1] == '.' && s[i + 2] == '.'))
		{
			if (b == '.' || b == '!' || b == '?')
				*rc.stop++ = (uint32_t) (rc.t - rc.items);	/* as emit's record_stop */
			put_ascii_token(rc.t++, i, 1, rc.to_chars, rc.paragraph, 0, NA_TK_PUNCT);
			i++;
		}
		if (i >= len)
		{
			/* the run ends with the text */
			st->prev_cls = fast_token_class(s[i - 1]);
			goto after_token;
		}
	}
	/* the run ends at a space: taken as the main loop would take it */
	st->pos = i + 1;
	st->cpos = (uint32_t) ((int64_t) i + rc.to_chars + 1);
	st->pending_flags = NA_TF_SPACE_BEFORE;
	st->prev_cls = NA_CC_SPACE;
	goto done;
after_token:
	st->pos = i;
	st->cpos = (uint32_t) ((int64_t) i + rc.to_chars);
	st->pending_flags = 0;
done:
	st->tokens.count = (size_t) (rc.t - rc.items);
	st->stops.count = (size_t) (rc.stop - (uint32_t *) st->stops.items);
}

/*
 * A plain ASCII word (see plain_word_end) at st->pos, emitted as any token,
 * and the run of plain words after it (scan_token_run).  Returns 0, having
 * done nothing, when scan_word must decide the word.
 */
static inline int
scan_plain_word(scanner *st)
{
	const unsigned char *s = st->s;
	size_t		i;
	uint16_t	flags;
	cursor		end;

	if ((i = plain_word_end(st, s, st->len, st->pos, &flags)) == 0)
		return 0;
	end.pos = i;
	end.cpos = st->cpos + (uint32_t) (i - st->pos);
	if (emit_flagged(st, NA_TK_WORD, st->pos, st->cpos, end, flags) == NULL)
		return 1;
	if (i < st->len && s[i] == ' ')
		scan_token_run(st, i, end.cpos);
	else
		st->prev_cls = (unsigned) (s[i - 1] - '0') < 10 ? NA_CC_DIGIT : NA_CC_LETTER;
	return 1;
}

/*
 * A plain number (see plain_number_end) at st->pos, emitted as scan_number
 * would, and the run of tokens after it (scan_token_run).  Returns 0,
 * having done nothing, when scan_number must decide it.
 */
static inline int
scan_plain_number(scanner *st)
{
	size_t		i;
	cursor		end;
	na_kind		kind;

	if ((i = plain_number_end(st->s, st->len, st->pos, &kind)) == 0)
		return 0;
	end.pos = i;
	end.cpos = st->cpos + (uint32_t) (i - st->pos);
	if (emit(st, kind, st->pos, st->cpos, end) == NULL)
		return 1;
	if (i < st->len && st->s[i] == ' ')
		scan_token_run(st, i, end.cpos);
	else
		st->prev_cls = fast_token_class(st->s[i - 1]);
	return 1;
}

/*
 * A line break at here: a space when the layout reads it as the wrapping of
 * a line, else the start of a paragraph for the next token.  Returns the
 * class the next token sees before it.
 */
static inline na_cclass
scan_line_break(scanner *st, cursor here, int n)
{
	int			soft;

	while (st->soft_next < st->nsoft && st->soft[st->soft_next] < st->pos)
		st->soft_next++;
	soft = st->soft_next < st->nsoft && st->soft[st->soft_next] == st->pos;
	cursor_step(st, &here, n);
	st->pos = here.pos;
	st->cpos = here.cpos;
	if (soft)
	{
		/* the wrapping of a line: a space, for the next token's context
		 * too ("shares\n- a third": a spaced dash) */
		st->pending_flags |= NA_TF_SPACE_BEFORE | NA_TF_SOFT_BREAK;
		return NA_CC_SPACE;
	}
	st->pending_flags |= NA_TF_SPACE_BEFORE | NA_TF_NEWLINE_BEFORE;
	if (st->tokens.count > 0)
		st->para_pending = 1;
	return NA_CC_NEWLINE;
}

/* One CJK character with its combining marks: a token, as CJK has no spaces. */
static void
scan_ideograph(scanner *st, cursor here, int n)
{
	na_token   *t;
	size_t		start = here.pos;
	uint32_t	cstart = here.cpos;

	cursor_step(st, &here, n);
	while (here.pos < st->len && class_at(st, here.pos) == NA_CC_MARK)
		cursor_step(st, &here, (int) (next_pos(st, here.pos) - here.pos));
	t = emit(st, NA_TK_IDEOGRAPH, start, cstart, here);
	if (t)
		t->flags |= NA_TF_NONASCII;
}

/* A currency sign: money when digits follow ("$5", "US$ 5" aside), else a symbol. */
static void
scan_currency(scanner *st, cursor here, uint32_t cp, int n)
{
	size_t		after = here.pos + n;

	while (after < st->len && class_at(st, after) == NA_CC_CURRENCY)
		after = next_pos(st, after);
	if (after < st->len && is_ascii_digit(st->s[after]))
		scan_money(st, here);
	else
		scan_other(st, here, cp, n, NA_CC_CURRENCY);
}

/*
 * After a token of the general path: its NONASCII flag (the word scanners
 * set their own) and the class of its last character, which decides which
 * side a straight quotation mark after it is on.
 */
static inline void
after_token(scanner *st)
{
	na_token   *t = (na_token *) st->tokens.items + st->tokens.count - 1;
	uint32_t	last_cp;

	if (t->kind != NA_TK_WORD && t->kind != NA_TK_IDEOGRAPH && t->kind != NA_TK_EMOJI)
	{
		for (uint32_t k = t->start; k < t->start + t->len; k++)
			if (st->s[k] & 0x80)
			{
				t->flags |= NA_TF_NONASCII;
				break;
			}
	}
	/* the class of the token's last character, for straight quotes */
	{
		size_t		k = t->start + t->len - 1;

		while (k > t->start && (st->s[k] & 0xC0) == 0x80)
			k--;
		na_utf8_decode(st->s + k, st->len - k, &last_cp);
		if (last_cp == ';' && t->len > 3)
		{
			/* a token ending in an HTML reference: that character */
			size_t		amp = k;
			uint32_t	ref_cp;

			while (amp > t->start && k - amp < 10 && st->s[amp] != '&')
				amp--;
			if (st->s[amp] == '&' &&
				na_html_reference(st->s + amp, st->len - amp, &ref_cp) == (int) (k + 1 - amp))
				last_cp = ref_cp;
		}
		st->prev_cls = (na_cclass) (na_char_info(last_cp) & NA_CC_MASK);
	}
}

na_status
na_scan(na_doc *doc, const char *text, size_t len, unsigned options,
		const na_mem *mem)
{
	scanner		st;

	memset(doc, 0, sizeof(*doc));
	if (len >= UINT32_MAX)
		return NA_ERR_TOO_LONG;
	scan_init_tables();
	memset(&st, 0, sizeof(st));
	st.s = (const unsigned char *) text;
	st.len = len;
	st.count_bytes = (options & NA_SCAN_COUNT_BYTES) != 0;
	st.prev_cls = NA_CC_NEWLINE;
	st.mem = mem;
	na_vec_init(&st.tokens, sizeof(na_token));
	na_vec_init(&st.stops, sizeof(uint32_t));
	/* news text averages about six bytes a token, rarely under four (a
	 * BBC text in twenty had more than one in five: its array grew, a copy
	 * of it); as much room for stops (a token run takes no more tokens than
	 * the stops have room for) */
	if (!na_vec_reserve(&st.tokens, mem, len / 4 + 16) ||
		!na_vec_reserve(&st.stops, mem, len / 4 + 16) ||
	/* which line breaks are only the wrapping of a line */
		!na_layout_soft_breaks(st.s, len, mem, &st.soft, &st.nsoft))
	{
		na_vec_free(&st.tokens, mem);
		na_vec_free(&st.stops, mem);
		return NA_ERR_NOMEM;
	}

	while (st.pos < st.len && !st.failed)
	{
		uint32_t	cp;
		int			n;
		uint16_t	info;
		unsigned char b = st.s[st.pos];
		na_cclass	cls;
		cursor		here;
		size_t		before;

		/* ASCII fast paths: a space, a plain word, a comma */
		if (b == ' ')
		{
			st.pos++;
			st.cpos++;
			st.pending_flags |= NA_TF_SPACE_BEFORE;
			st.prev_cls = NA_CC_SPACE;
			continue;
		}
		if ((unsigned) ((b | 0x20) - 'a') < 26 && scan_plain_word(&st))
			continue;
		if ((unsigned) (b - '0') < 10 && scan_plain_number(&st))
			continue;
		if (b < 0x80 && ascii_punct_class[b] &&
			!(b == '.' && st.pos + 2 < st.len && st.s[st.pos + 1] == '.' && st.s[st.pos + 2] == '.'))
		{
			cursor		end = {st.pos + 1, st.cpos + 1};

			emit(&st, NA_TK_PUNCT, st.pos, st.cpos, end);
			st.prev_cls = (na_cclass) ascii_punct_class[b];
			continue;
		}

		if (b < 0x80 && b != '&')
		{
			/* ASCII (line breaks, quotation marks, digits): no decoding, no call */
			cp = b;
			n = 1;
			info = ascii_info[b];
		}
		else
			info = peek_at(&st, st.pos, &cp, &n);
		cls = (na_cclass) (info & NA_CC_MASK);
		here.pos = st.pos;
		here.cpos = st.cpos;
		before = st.tokens.count;

		switch (cls)
		{
			case NA_CC_SPACE:
			case NA_CC_IGNORABLE:
			case NA_CC_JOINER:
				cursor_step(&st, &here, n);
				st.pos = here.pos;
				st.cpos = here.cpos;
				st.pending_flags |= NA_TF_SPACE_BEFORE;
				break;
			case NA_CC_NEWLINE:
				cls = scan_line_break(&st, here, n);
				break;
			case NA_CC_LETTER:
			case NA_CC_MARK:
				scan_word(&st, here);
				break;
			case NA_CC_DIGIT:
				scan_number(&st, here);
				break;
			case NA_CC_IDEOGRAPH:
				scan_ideograph(&st, here, n);
				break;
			case NA_CC_QUOTE:
				scan_quote(&st, here, cp, n);
				break;
			case NA_CC_CURRENCY:
				scan_currency(&st, here, cp, n);
				break;
			case NA_CC_EMOJI:
				scan_emoji(&st, here, n);
				break;
			default:
				scan_other(&st, here, cp, n, cls);
				break;
		}
		if (st.tokens.count > before && !st.failed)
			after_token(&st);
		else if (st.tokens.count == before)
			st.prev_cls = cls;
	}
	na_free(mem, st.soft);
	if (st.failed)
	{
		na_vec_free(&st.tokens, mem);
		na_vec_free(&st.stops, mem);
		return NA_ERR_NOMEM;
	}
	doc->text = text;
	doc->len = (uint32_t) len;
	doc->nchars = st.cpos;
	doc->tokens = st.tokens.items;
	doc->ntokens = (uint32_t) st.tokens.count;
	doc->nparagraphs = doc->ntokens ? st.paragraph + 1 : 0;
	if (!(options & NA_SCAN_NO_SENTENCES) &&
		!na_split_sentences(doc, mem, st.para_first, st.stops.items, (uint32_t) st.stops.count))
	{
		na_vec_free(&st.stops, mem);
		na_doc_free(doc, mem);
		return NA_ERR_NOMEM;
	}
	na_vec_free(&st.stops, mem);
	return NA_OK;
}

void
na_doc_free(na_doc *doc, const na_mem *mem)
{
	na_free(mem, doc->tokens);
	na_free(mem, doc->sentences);
	memset(doc, 0, sizeof(*doc));
}

