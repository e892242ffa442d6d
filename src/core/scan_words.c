/*
 * scan_words.c - what the scanner knows of words: the tables of its ASCII
 * fast paths (from ICU's classes and the lexicon's shape filters), the
 * flags of a word-like token, and scan_word, which reads the words the fast
 * paths leave (U.S., AT&T, e-mail addresses, URLs, words with non-ASCII
 * letters).  The token helpers analysers call come with them.
 *
 * Split from scanner.c, which grew past 1,200 lines with its fast paths.
 */
#include "scan_internal.h"

#include <string.h>

#include "na_layout.h"
#include "na_lexicon.h"
#include "na_unicode.h"

/* The character at an '&': an HTML reference's, or the '&' itself.  Out of
 * line, so that peek_at stays small enough to inline everywhere. */
uint16_t
scan_peek_reference(const scanner *st, size_t at, uint32_t *cp, int *n)
{
	if ((*n = na_html_reference(st->s + at, st->len - at, cp)) == 0)
	{
		*cp = '&';
		*n = 1;
	}
	return na_char_info(*cp);
}

/* The tables of scan_internal.h, filled by scan_init_tables */
uint8_t		ascii_bits[256];
uint8_t		ascii_punct_class[128];
uint16_t	ascii_info[128];
uint8_t		shape_flag_bytes[1u << NA_LEX_SHAPE_BITS];
uint64_t	abbreviation_shapes[(1u << NA_LEX_SHAPE_BITS) / 64];

static volatile int ascii_bits_ready;

/* The number of the lowest bit set in x (x not 0). */
static inline unsigned
lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return (unsigned) __builtin_ctzll(x);
#else
	unsigned	b = 0;

	while (!((x >> b) & 1))
		b++;
	return b;
#endif
}

/*
 * Fills the per-byte class tables of ASCII from the same Unicode classes as
 * every other character (na_char_info), so that the fast path cannot
 * disagree with the slow one.  Filled once per process from ICU at run time
 * (the brief: Unicode from ICU, never hand-made tables).
 */
void
scan_init_tables(void)
{
	if (ascii_bits_ready)
		return;
	for (int b = 0; b < 256; b++)
	{
		uint8_t		m = 0;

		if (b >= 0x80)
			m = AB_SPECIAL | AB_NUMBER_ON;
		else
		{
			uint16_t	info = na_char_info((uint32_t) b);
			na_cclass	cls = (na_cclass) (info & NA_CC_MASK);

			ascii_info[b] = info;

			if (cls == NA_CC_LETTER)
				m = AB_ALNUM | ((info & NA_CF_UPPER) ? AB_UPPER : AB_LOWER);
			/* & may begin an HTML reference: the general path decodes it */
			if (b == '&')
				cls = NA_CC_OTHER;
			else if (cls == NA_CC_DIGIT)
				m = AB_ALNUM | AB_DIGIT;
			/* what scan_word looks at after a word: . ' - & @ : */
			if (b == '.' || b == '\'' || b == '-' || b == '&' || b == '@' || b == ':')
				m |= AB_SPECIAL;
			/* a range (52-48), a percentage, a suffix (21st, 5G), a
			 * hyphenated word (20-year-old), a reference (&#44;) */
			if (b == '-' || b == '%' || b == '&' || is_word_class(cls))
				m |= AB_NUMBER_ON;
			if ((cls == NA_CC_PUNCT || cls == NA_CC_OPEN || cls == NA_CC_CLOSE) &&
				b != '@' && b != '#')
				ascii_punct_class[b] = (uint8_t) cls;
		}
		ascii_bits[b] = m;
	}
	/*
	 * The shapes any filter has, 64 at a time, the others left zero: once
	 * a process, but a backend's first statement paid a million
	 * instructions for the shape-by-shape loop.
	 */
	for (uint32_t w = 0; w < (1u << NA_LEX_SHAPE_BITS) / 64; w++)
	{
		uint64_t	cue = na_lex_shape_filters[NA_LEX_SHAPES_REPORTING_CUES][w];
		uint64_t	vote = na_lex_shape_filters[NA_LEX_SHAPES_VOTE_FIRST_PASS][w];
		uint64_t	quote = na_lex_shape_filters[NA_LEX_SHAPES_QUOTE_WORDS][w];

		for (uint64_t any = cue | vote | quote; any; any &= any - 1)
		{
			unsigned	b = lowest_bit(any);

			shape_flag_bytes[w * 64 + b] = (uint8_t) ((((cue >> b) & 1) * NA_TF_CUE_SHAPE |
													   ((vote >> b) & 1) * NA_TF_VOTE_SHAPE |
													   ((quote >> b) & 1) * NA_TF_QUOTE_SHAPE) >>
													  SHAPE_FLAG_SHIFT);
		}
	}
	for (uint32_t row = 0; row < na_lex_lists[NA_LEX_ABBREVIATIONS].nrows; row++)
	{
		const char *key = na_lex_key(NA_LEX_ABBREVIATIONS, row);
		size_t		n = strlen(key);
		uint32_t	h;

		if (n == 0)
			continue;
		h = na_lex_shape(na_lex_shape_head((const unsigned char *) key, n),
						 (unsigned char) key[n - 1], n);
		abbreviation_shapes[h >> 6] |= UINT64_C(1) << (h & 63);
	}
	ascii_bits_ready = 1;
}

/* Set case and script flags of a word-like token from its text. */
void
set_word_flags(const scanner *st, na_token *t)
{
	size_t		i = t->start;
	size_t		end = t->start + t->len;
	int			letters = 0;
	int			upper = 0;
	int			first = 1;

#if NA_SWAR && defined(__SSE2__)
	/*
	 * A token of at most sixteen bytes, all ASCII and no '&' (the common
	 * case: Kremlin's, Russia-backed, Mr.): its classes in one load, the
	 * flags from the masks as the loop below would set them.
	 */
	if (t->len <= 16 && (size_t) t->start + 16 <= st->len)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (st->s + t->start));
		unsigned	in_token = (1u << t->len) - 1;
		unsigned	special = ((unsigned) _mm_movemask_epi8(v) |
							   (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')))) &
			in_token;

		if (special == 0)
		{
			unsigned	low = ascii_class_mask(v, 'a', 26) & in_token;
			unsigned	up = ascii_class_mask(v, 'A', 26) & in_token;
			unsigned	dig = ascii_class_mask(v, '0', 10) & in_token;
			unsigned	alnum = low | up | dig;

			/* capitalised: the first letter or digit is an upper-case letter */
			if (up & alnum & -alnum)
				t->flags |= NA_TF_CAPITALIZED;
			if (dig)
				t->flags |= NA_TF_HAS_DIGIT;
			/* all capitals: no lower-case letter, two upper-case ones */
			if (!low && (up & (up - 1)))
				t->flags |= NA_TF_ALLCAPS;
			return;
		}
	}
#endif

	while (i < end)
	{
		uint32_t	cp;
		int			n;
		uint16_t	info;

		if (st->s[i] < 0x80 && st->s[i] != '&')
		{
			unsigned char b = st->s[i];

			/* ASCII: no decoding, and letters are just a range test */
			if ((unsigned) ((b | 0x20) - 'a') < 26)
			{
				letters++;
				if (b < 'a')
				{
					upper++;
					if (first)
						t->flags |= NA_TF_CAPITALIZED;
				}
				first = 0;
			}
			else if ((unsigned) (b - '0') < 10)
			{
				t->flags |= NA_TF_HAS_DIGIT;
				first = 0;
			}
			i++;
			continue;
		}
		info = peek_at(st, i, &cp, &n);
		if (st->s[i] >= 0x80)
			t->flags |= NA_TF_NONASCII;
		if ((info & NA_CC_MASK) == NA_CC_LETTER)
		{
			letters++;
			if (info & NA_CF_UPPER)
			{
				upper++;
				if (first)
					t->flags |= NA_TF_CAPITALIZED;
			}
			first = 0;
		}
		else if ((info & NA_CC_MASK) == NA_CC_DIGIT)
		{
			t->flags |= NA_TF_HAS_DIGIT;
			first = 0;
		}
		i += n;
	}
	if (letters >= 2 && upper == letters)
		t->flags |= NA_TF_ALLCAPS;
}

/*
 * NA_TF_QUOTE_SHAPE of a word the scanner emits elsewhere than as words
 * are (an elision, a letter after a number: 'em, 5G), with none of the
 * other shape flags those words never had.
 */
uint16_t
scan_quote_shape(const scanner *st, const na_token *t)
{
	if (t->len == 0)
		return 0;
	if (t->flags & NA_TF_NONASCII)
		return NA_TF_QUOTE_SHAPE;
	return (uint16_t) (shape_flags(na_lex_shape(na_lex_shape_head(st->s + t->start, t->len),
												st->s[t->start + t->len - 1], t->len)) &
					   NA_TF_QUOTE_SHAPE);
}

/*
 * A word starting at a letter: inner apostrophes (Kremlin's), inner hyphens
 * (Russia-backed), dotted abbreviations (U.S., a.m.), known abbreviations
 * with their full stop (Mr.), initials (R.), e-mail addresses and URLs.
 */
void
scan_word(scanner *st, cursor start)
{
	cursor		c = start;
	cursor		seg_start = start;
	int			dotted = 0;
	int			hyphenated = 0;
	cursor		last_part = start;	/* after the last inner hyphen */
	na_kind		kind = NA_TK_WORD;
	na_token   *t;
	uint32_t	cp;
	int			n;

	{
		cursor		url = scan_url(st, start);

		if (url.pos > start.pos)
		{
			emit(st, NA_TK_URL, start.pos, start.cpos, url);
			return;
		}
	}

	for (;;)
	{
		cursor		after;

		c = scan_letters(st, c);
		peek_at(st, c.pos, &cp, &n);
		if (!n)
			break;
		after = c;
		cursor_step(st, &after, n);
		if (is_apostrophe(cp) && is_word_class(class_at(st, after.pos)) &&
			class_at(st, after.pos) != NA_CC_JOINER)
		{
			c = after;
			continue;
		}
		if (is_hyphen(cp) && is_word_class(class_at(st, after.pos)) &&
			class_at(st, after.pos) != NA_CC_MARK)
		{
			c = after;
			hyphenated = 1;
			last_part = after;
			continue;
		}
		if (cp == '&' && c.pos - seg_start.pos <= 3 &&
			(class_at(st, after.pos) == NA_CC_LETTER) &&
			(na_char_info(cp_at(st, after.pos)) & NA_CF_UPPER))
		{
			c = after;			/* AT&T, S&P */
			continue;
		}
		if (cp == '.' && next_pos(st, seg_start.pos) == c.pos &&
			class_at(st, after.pos) == NA_CC_LETTER)
		{
			/* U.S., a.m.: single letters separated by full stops */
			size_t		after_letter = next_pos(st, after.pos);

			/* and U.S without its last stop, when a single letter ends it */
			if (after_letter >= st->len || st->s[after_letter] == '.' ||
				(!is_word_class(class_at(st, after_letter)) &&
				 !is_apostrophe(cp_at(st, after_letter)) &&
				 !is_hyphen(cp_at(st, after_letter))))
			{
				c = after;
				seg_start = after;
				dotted = 1;
				continue;
			}
		}
		if (cp == '@' && !dotted)
		{
			cursor		dom = scan_domain(st, after);

			if (dom.pos > after.pos)
			{
				emit(st, NA_TK_EMAIL, start.pos, start.cpos, dom);
				return;
			}
		}
		break;
	}

	peek_at(st, c.pos, &cp, &n);
	if (cp == '.')
	{
		cursor		dot = c;
		int			one_char = next_pos(st, seg_start.pos) == c.pos;

		cursor_step(st, &dot, 1);
		if (dotted)
		{
			c = dot;
			kind = NA_TK_ABBREV;
		}
		else if (one_char && !hyphenated &&
				 (na_char_info(cp_at(st, start.pos)) & NA_CF_UPPER))
		{
			c = dot;
			kind = NA_TK_INITIAL;
		}
		else if (is_abbreviation(st, last_part.pos, c.pos))
		{
			/* Mr.  Jan.  and then-Sen.: the part after the last hyphen decides */
			c = dot;
			kind = NA_TK_ABBREV;
		}
		else if (span_eq(st, start.pos, c.pos, "No") && word_gap_at(st, dot.pos) &&
				 dot.pos + word_gap_at(st, dot.pos) < st->len &&
				 is_ascii_digit(st->s[dot.pos + word_gap_at(st, dot.pos)]))
		{
			c = dot;
			kind = NA_TK_ABBREV;
		}
	}
	else if (dotted)
		kind = NA_TK_ABBREV;
	else if (is_apostrophe(cp) && !st->single_open && c.pos > start.pos &&
			 (st->s[c.pos - 1] == 's' || st->s[c.pos - 1] == 'S'))
	{
		/* the Russians' intent: a plural possessive, not a closing quote */
		cursor		after = c;
		na_cclass	next;

		cursor_step(st, &after, n);
		next = class_at(st, after.pos);
		if (next == NA_CC_SPACE || next == NA_CC_NEWLINE || next == NA_CC_PUNCT)
			c = after;
	}

	t = emit(st, kind, start.pos, start.cpos, c);
	if (t)
	{
		set_word_flags(st, t);
		if (hyphenated)
			t->flags |= NA_TF_HYPHENATED;
		if (kind == NA_TK_WORD && t->len > 0)
			t->flags |= (t->flags & NA_TF_NONASCII) ? SHAPE_FLAGS :
				shape_flags(na_lex_shape(na_lex_shape_head(st->s + t->start, t->len),
										 st->s[t->start + t->len - 1], t->len));
		else if (kind == NA_TK_ABBREV && t->len > 0)
			t->flags |= (t->flags & NA_TF_NONASCII) ? NA_TF_VOTE_SHAPE :
				(shape_flags(na_lex_shape(na_lex_shape_head(st->s + t->start, t->len),
										  st->s[t->start + t->len - 1], t->len)) & NA_TF_VOTE_SHAPE);
	}
}

/*
 * ASCII case-insensitive comparison of n bytes, for lexicon words that are
 * ASCII (non-ASCII ones are folded with ICU by the generator).
 */
int
na_ascii_ci_equal(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		char		x = a[i];
		char		y = b[i];

		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return 1;
}

int
na_token_is(const na_doc *doc, const na_token *t, const char *word)
{
	size_t		n = strlen(word);

	return t->len == n && na_ascii_ci_equal(doc->text + t->start, word, n);
}

int
na_token_eq(const na_doc *doc, const na_token *t, const char *word)
{
	size_t		n = strlen(word);

	return t->len == n && memcmp(doc->text + t->start, word, n) == 0;
}
