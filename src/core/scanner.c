/*
 * scanner.c - tokens, sentences and paragraphs of news text in one pass.
 *
 * The scanner walks the UTF-8 text once, emitting tokens with byte and
 * character offsets.  Sentence boundaries are then decided over the token
 * array (cheap: no text is decoded again), because whether "U.S." ends a
 * sentence depends on the token after it.
 */
#include "na_scan.h"

#include <string.h>

#include "na_layout.h"
#include "na_lexicon.h"
#include "na_unicode.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Work between interrupt checks: a few microseconds of scanning. */
#define INTERRUPT_INTERVAL 4096

/* the paragraphs a dateline may open (a headline, "ABSTRACT.", an abstract
 * and "FULL TEXT." come before it in the New York Times' archive) */
#define DATELINE_PARAGRAPHS 5

typedef struct scanner
{
	const unsigned char *s;
	size_t		len;
	size_t		pos;			/* byte offset of the next character */
	uint32_t	cpos;			/* character offset of the next character */
	int			count_bytes;
	na_cclass	prev_cls;		/* class of the character before pos */
	uint16_t	pending_flags;	/* flags for the next token (space, newline) */
	uint32_t	paragraph;
	int			para_pending;	/* a line break was seen: next token opens a paragraph */
	int			double_open;	/* an opening double mark is unmatched in this paragraph */
	int			single_open;	/* likewise for single marks */
	uint32_t   *soft;			/* byte offsets of line breaks read as spaces (na_layout.h) */
	uint32_t	nsoft;
	uint32_t	soft_next;		/* the first of them not yet passed */
	uint32_t	para_first[DATELINE_PARAGRAPHS];	/* first tokens of the first
													 * paragraphs (datelines) */
	na_vec		tokens;
	const na_mem *mem;
	int			failed;
} scanner;

typedef struct cursor
{
	size_t		pos;
	uint32_t	cpos;
} cursor;

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

/* The character at an '&': an HTML reference's, or the '&' itself.  Out of
 * line, so that peek_at stays small enough to inline everywhere. */
static __attribute__((noinline)) uint16_t
peek_reference(const scanner *st, size_t at, uint32_t *cp, int *n)
{
	if ((*n = na_html_reference(st->s + at, st->len - at, cp)) == 0)
	{
		*cp = '&';
		*n = 1;
	}
	return na_char_info(*cp);
}

/* Decode the character at byte offset at; returns its info, sets *cp, *n. */
static inline uint16_t
peek_at(const scanner *st, size_t at, uint32_t *cp, int *n)
{
	if (at >= st->len)
	{
		*cp = 0;
		*n = 0;
		return NA_CC_NEWLINE;	/* the end behaves like a line break */
	}
	if (st->s[at] < 0x80)
	{
		/* an HTML character reference is one character: &#8220; opens a quote */
		if (__builtin_expect(st->s[at] == '&', 0))
			return peek_reference(st, at, cp, n);
		*cp = st->s[at];
		*n = 1;
	}
	else
		*n = na_utf8_decode(st->s + at, st->len - at, cp);
	return na_char_info(*cp);
}

static inline na_cclass
class_at(const scanner *st, size_t at)
{
	uint32_t	cp;
	int			n;

	return (na_cclass) (peek_at(st, at, &cp, &n) & NA_CC_MASK);
}

static inline uint32_t
cp_at(const scanner *st, size_t at)
{
	uint32_t	cp;
	int			n;

	peek_at(st, at, &cp, &n);
	return cp;
}

static inline size_t
next_pos(const scanner *st, size_t at)
{
	uint32_t	cp;
	int			n;

	peek_at(st, at, &cp, &n);
	return at + (n ? n : 1);
}

/* Advance the cursor by one character of n bytes (an HTML reference counts
 * all its characters: offsets point into the text as written). */
static inline void
cursor_step(const scanner *st, cursor *c, int n)
{
	c->cpos += (st->count_bytes || (n > 1 && st->s[c->pos] == '&')) ? (uint32_t) n : 1;
	c->pos += n;
}

/* Is the line break at byte pos one the layout reads as a space? */
static int
is_soft_break(const scanner *st, size_t pos)
{
	uint32_t	lo = 0,
				hi = st->nsoft;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (st->soft[mid] < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->nsoft && st->soft[lo] == pos;
}

/* Bytes of the single space between two words at pos: a space, or a line
 * break read as one (LF, CR or CR LF); 0 for anything else. */
static size_t
word_gap_at(const scanner *st, size_t pos)
{
	if (pos >= st->len)
		return 0;
	if (st->s[pos] == ' ')
		return 1;
	if (st->nsoft && (st->s[pos] == '\n' || st->s[pos] == '\r') && is_soft_break(st, pos))
		return (st->s[pos] == '\r' && pos + 1 < st->len && st->s[pos + 1] == '\n') ? 2 : 1;
	return 0;
}

static inline int
is_word_class(na_cclass cls)
{
	return cls == NA_CC_LETTER || cls == NA_CC_DIGIT || cls == NA_CC_MARK ||
		cls == NA_CC_NUMERIC || cls == NA_CC_JOINER;
}

static inline int
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static inline int
is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static inline int
is_ascii_alnum(unsigned char b)
{
	return (unsigned) ((b | 0x20) - 'a') < 26 || (unsigned) (b - '0') < 10;
}

static inline int
is_ascii_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

/*
 * Appends a token with its flags.  The common case writes into room reserved
 * ahead (the token count is estimated from the text's length), so that the
 * hot loop makes no call; the rest grows the array and records a failure
 * that na_scan reports after the loop.
 */
static inline na_token *
emit_flagged(scanner *st, na_kind kind, size_t start, uint32_t cstart, cursor end,
			 uint16_t flags)
{
	na_token   *t;

	if (st->failed)
		return NULL;
	if (st->tokens.count < st->tokens.capacity)
	{
		/* the reserved room: no call, no memset */
		t = (na_token *) st->tokens.items + st->tokens.count++;
		t->sentence = 0;
		t->mark = 0;
	}
	else if ((t = na_vec_push(&st->tokens, st->mem)) == NULL)
	{
		st->failed = 1;
		return NULL;
	}
	t->start = (uint32_t) start;
	t->len = (uint32_t) (end.pos - start);
	t->cstart = cstart;
	t->clen = end.cpos - cstart;
	t->kind = (uint8_t) kind;
	t->flags = st->pending_flags | flags;
	if (st->para_pending)
	{
		if (st->tokens.count > 1)
		{
			st->paragraph++;
			if (st->paragraph < DATELINE_PARAGRAPHS)
				st->para_first[st->paragraph] = (uint32_t) st->tokens.count - 1;
		}
		st->para_pending = 0;
		st->double_open = 0;
		st->single_open = 0;
	}
	if (st->tokens.count == 1)
		t->flags |= NA_TF_PARA_START | NA_TF_SPACE_BEFORE;
	else if (t->flags & NA_TF_NEWLINE_BEFORE)
		t->flags |= NA_TF_PARA_START;
	t->paragraph = st->paragraph;
	st->pending_flags = 0;
	st->pos = end.pos;
	st->cpos = end.cpos;
	if ((st->tokens.count & (INTERRUPT_INTERVAL - 1)) == 0)
		na_check_interrupts(st->mem);
	return t;
}

static inline na_token *
emit(scanner *st, na_kind kind, size_t start, uint32_t cstart, cursor end)
{
	return emit_flagged(st, kind, start, cstart, end, 0);
}

/* Set case and script flags of a word-like token from its text. */
static void
set_word_flags(const scanner *st, na_token *t)
{
	size_t		i = t->start;
	size_t		end = t->start + t->len;
	int			letters = 0;
	int			upper = 0;
	int			first = 1;

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
 * Bits of every byte for the ASCII fast paths, computed once from the ICU
 * classes of 0..127; bytes 128..255 (UTF-8 lead and continuation bytes) are
 * AB_SPECIAL: the general path decodes them.
 */
#define AB_ALNUM	0x01
#define AB_UPPER	0x02
#define AB_LOWER	0x04
#define AB_DIGIT	0x08
#define AB_SPECIAL	0x10		/* ends a plain word only through scan_word */

static uint8_t ascii_bits[256];

/*
 * The class of an ASCII byte that scan_other makes a one-byte punctuation
 * token of, whatever follows (but a full stop may begin "..."); 0 for the
 * others.  The main loop emits these directly.
 */
static uint8_t ascii_punct_class[128];

/*
 * Fills the per-byte class tables of ASCII from the same Unicode classes as
 * every other character (na_char_info), so that the fast path cannot
 * disagree with the slow one.
 */
static void
init_ascii_bits(void)
{
	for (int b = 0; b < 256; b++)
	{
		uint8_t		m = 0;

		if (b >= 0x80)
			m = AB_SPECIAL;
		else
		{
			uint16_t	info = na_char_info((uint32_t) b);
			na_cclass	cls = (na_cclass) (info & NA_CC_MASK);

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
			if ((cls == NA_CC_PUNCT || cls == NA_CC_OPEN || cls == NA_CC_CLOSE) &&
				b != '@' && b != '#')
				ascii_punct_class[b] = (uint8_t) cls;
		}
		ascii_bits[b] = m;
	}
}

/*
 * SWAR: the bytes of a 64-bit word tested in parallel (little-endian
 * machines with GCC or Clang builtins; others take the byte loop).
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define NA_SWAR 1
#define SWAR_ONES	UINT64_C(0x0101010101010101)
#define SWAR_HIGH	UINT64_C(0x8080808080808080)

/* 0x80 in each byte of v that is ASCII and within lo..hi (0 < lo <= hi < 0x80) */
static inline uint64_t
swar_in_range(uint64_t v, unsigned lo, unsigned hi)
{
	uint64_t	x = v & ~SWAR_HIGH;
	uint64_t	ge_lo = x + SWAR_ONES * (0x80 - lo);
	uint64_t	gt_hi = x + SWAR_ONES * (0x7f - hi);

	return ge_lo & ~gt_hi & ~v & SWAR_HIGH;
}
#else
#define NA_SWAR 0
#endif

/* Case-sensitive comparison of text[start..end) with an ASCII word. */
static int
span_eq(const scanner *st, size_t start, size_t end, const char *word)
{
	size_t		n = strlen(word);

	return end - start == n && memcmp(st->s + start, word, n) == 0;
}

/* Is text[start..end) an entry of list, as written (the scanner's lists are exact)? */
static inline int
span_in(const scanner *st, size_t start, size_t end, na_lex_list list)
{
	return na_lex_in(list, na_lex_find((const char *) st->s + start, end - start));
}

/*
 * Does a full stop after text[start..end) leave the sentence open when a
 * word follows (data/lexicon/abbreviations.tsv)?
 */
static int
is_abbreviation(const scanner *st, size_t start, size_t end)
{
	return span_in(st, start, end, NA_LEX_ABBREVIATIONS);
}

/*
 * Words shaped like a reporting cue: one bit per hash of a word's length,
 * its first four bytes and its last byte, ASCII case folded, set for every
 * key of data/lexicon/reporting_cues.tsv.  The scanner flags such words
 * NA_TF_CUE_SHAPE as it emits them, with their bytes at hand, so that the
 * quote analyser's pass for reported speech visits those few (about one word
 * in thirty) instead of reading every token's text a second time: the one
 * scan feeds that pass as it feeds the others.  A word that folds to a key
 * has the key's shape, so no cue is missed; a word with non-ASCII letters
 * (which may fold to a key in other ways) is always flagged.
 */
#define CUE_SHAPE_BITS 15
static uint64_t cue_shape_bits[(1u << CUE_SHAPE_BITS) / 64];

/* the bytes of a word's first four that belong to it, by its length */
static const uint32_t cue_shape_keep[5] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu, 0xFFFFFFFFu};

/* head: the word's first four bytes (little-endian; any bytes past its end) */
static inline uint32_t
cue_shape_hash(uint32_t head, unsigned char last, size_t len)
{
	uint32_t	keep = cue_shape_keep[len < 4 ? len : 4];	/* a min, no branch */
	uint32_t	v = (head | 0x20202020u) & keep;

	return ((v * 0x9E3779B1u) ^ (((uint32_t) (last | 0x20) | (uint32_t) len << 8) * 0x85EBCA6Bu)) >>
		(32 - CUE_SHAPE_BITS);
}

/* The first four bytes of p[0..len), zero-padded when the word is shorter. */
static inline uint32_t
cue_shape_head(const unsigned char *p, size_t len)
{
	unsigned char b[4] = {0, 0, 0, 0};

	memcpy(b, p, len < 4 ? len : 4);
	return (uint32_t) b[0] | (uint32_t) b[1] << 8 | (uint32_t) b[2] << 16 | (uint32_t) b[3] << 24;
}

/* NA_TF_CUE_SHAPE for a word whose hash is h, or 0. */
static inline uint16_t
cue_shape_flag(uint32_t h)
{
	return (uint16_t) (((cue_shape_bits[h >> 6] >> (h & 63)) & 1) * NA_TF_CUE_SHAPE);
}

/*
 * Sets a bit for the shape of every reporting cue of the lexicon, so that the
 * scanner can flag the words that might be cues at almost no cost and the
 * analysis of reported speech visits only those.
 */
static void
init_cue_shapes(void)
{
	/* the verbs and the nouns that report (the claim that …) */
	static const na_lex_list lists[] = {NA_LEX_REPORTING_CUES, NA_LEX_REPORTING_NOUNS};

	for (uint32_t x = 0; x < sizeof(lists) / sizeof(lists[0]); x++)
	{
		for (uint32_t row = 0; row < na_lex_lists[lists[x]].nrows; row++)
		{
			const unsigned char *key = (const unsigned char *) na_lex_key(lists[x], row);
			size_t		len = strlen((const char *) key);
			uint32_t	h;

			if (len == 0)
				continue;
			h = cue_shape_hash(cue_shape_head(key, len), key[len - 1], len);
			cue_shape_bits[h >> 6] |= UINT64_C(1) << (h & 63);
		}
	}
}

static volatile int tables_ready;

static void
init_tables(void)
{
	init_ascii_bits();
	init_cue_shapes();
	tables_ready = 1;
}

/* Consume a run of digits with inner , . : groups; returns the end. */
static cursor
scan_digits(const scanner *st, cursor c)
{
	for (;;)
	{
		uint32_t	cp;
		int			n;

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
static cursor
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
static cursor
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
static cursor
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
static void
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
static void
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
	}
}

/*
 * A word starting at a letter: inner apostrophes (Kremlin's), inner hyphens
 * (Russia-backed), dotted abbreviations (U.S., a.m.), known abbreviations
 * with their full stop (Mr.), initials (R.), e-mail addresses and URLs.
 */
static void
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
			t->flags |= (t->flags & NA_TF_NONASCII) ? NA_TF_CUE_SHAPE :
				cue_shape_flag(cue_shape_hash(cue_shape_head(st->s + t->start, t->len),
											  st->s[t->start + t->len - 1], t->len));
	}
}

/*
 * A quotation mark.  Curly marks say which side they are on; straight marks
 * are decided by their neighbours, and by what is open when both sides are
 * spaced or both are letters.
 */
static void
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
static void
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
static void
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

/*
 * An ASCII word at st->pos that ends in a character no rule of scan_word
 * looks at (space, comma, bracket, ...): emitted directly with its flags.
 * Returns 0, having done nothing, when scan_word must decide.
 */
static inline int
scan_plain_word(scanner *st)
{
	const unsigned char *s = st->s;
	size_t		i = st->pos;
	size_t		len = st->len;
	int			upper = 0;
	uint16_t	flags = 0;
	unsigned char b = s[i];
	cursor		end;
#if NA_SWAR
	uint64_t	acc_up = 0,		/* nonzero once a byte of the class is seen */
				acc_low = 0,
				acc_dig = 0;
#endif
	unsigned	seen = 0;		/* AB_* bits of the word's bytes */
	unsigned	m;

	if (b < 'a')
		flags |= NA_TF_CAPITALIZED;
#if NA_SWAR && defined(__SSE2__)
	/*
	 * Sixteen bytes at a time where SSE2 is at hand: nearly every word ends
	 * in the first sixteen, so the loop's branch is always guessed right
	 * (words longer than eight bytes made the SWAR loop's a coin toss).
	 * Bytes >= 0x80 are negative to the signed compares: no letter, no digit.
	 */
	while (i + 16 <= len)
	{
		__m128i		v = _mm_loadu_si128((const __m128i *) (s + i));
		__m128i		folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
		unsigned	alpha = (unsigned) _mm_movemask_epi8(
			_mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
						  _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1))));
		unsigned	dig = (unsigned) _mm_movemask_epi8(
			_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
						  _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1))));
		/* bit 5 of every byte (moved to bit 7): set in lower-case letters */
		unsigned	lower_case = (unsigned) _mm_movemask_epi8(_mm_slli_epi16(v, 2));
		unsigned	stop = ~(alpha | dig) & 0xFFFFu;

		if (stop == 0)
		{
			acc_up |= alpha & ~lower_case;
			acc_low |= alpha & lower_case;
			acc_dig |= dig;
			i += 16;
			continue;
		}
		/* the bytes before the first stop */
		stop = (stop & -stop) - 1;
		acc_up |= alpha & ~lower_case & stop;
		acc_low |= alpha & lower_case & stop;
		acc_dig |= dig & stop;
		i += (size_t) __builtin_ctz(stop + 1);
		goto word_end;
	}
#endif
#if NA_SWAR
	/* eight bytes at a time: one test finds the end of most words */
	while (i + 8 <= len)
	{
		uint64_t	v;
		uint64_t	up,
					low,
					dig,
					stop;

		memcpy(&v, s + i, 8);
		/* letters of either case in one test; bit 5 (moved to bit 7) tells the case */
		low = swar_in_range(v | SWAR_ONES * 0x20, 'a', 'z');
		up = low & ~(v << 2);
		low ^= up;
		dig = swar_in_range(v, '0', '9');
		stop = ~(up | low | dig) & SWAR_HIGH;
		if (stop == 0)
		{
			acc_up |= up;
			acc_low |= low;
			acc_dig |= dig;
			i += 8;
			continue;
		}
		/* the bytes before the first stop: bits below its 0x80 */
		stop = (stop & -stop) - 1;
		acc_up |= up & stop;
		acc_low |= low & stop;
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
#if NA_SWAR
word_end:
	seen |= (acc_up ? AB_UPPER : 0) | (acc_low ? AB_LOWER : 0) | (acc_dig ? AB_DIGIT : 0);
#endif
	if (i < len && (ascii_bits[s[i]] & AB_SPECIAL) &&
		!(s[i] == '.' && word_before_stop(st, st->pos, i)))
		return 0;
	if (seen & AB_DIGIT)
		flags |= NA_TF_HAS_DIGIT;
	if ((seen & (AB_UPPER | AB_LOWER)) == AB_UPPER)
	{
		/* no lower-case letter: all capitals if there are two of them */
		for (size_t k = st->pos; k < i && upper < 2; k++)
			upper += (ascii_bits[s[k]] & AB_UPPER) != 0;
		if (upper >= 2)
			flags |= NA_TF_ALLCAPS;
	}
	end.pos = i;
	end.cpos = st->cpos + (uint32_t) (i - st->pos);
	{
		/* a word's first four bytes in one load where the text has them */
		size_t		wlen = i - st->pos;
		uint32_t	head;

#if NA_SWAR
		if (st->pos + 4 <= len)
			memcpy(&head, s + st->pos, 4);	/* little-endian: as cue_shape_head */
		else
#endif
			head = cue_shape_head(s + st->pos, wlen);
		flags |= cue_shape_flag(cue_shape_hash(head, s[i - 1], wlen));
	}
	if (emit_flagged(st, NA_TK_WORD, st->pos, st->cpos, end, flags) != NULL &&
		i < len && s[i] == ' ')
	{
		/* the space after the word, as the main loop would take it: one turn fewer */
		st->pos++;
		st->cpos++;
		st->pending_flags |= NA_TF_SPACE_BEFORE;
		st->prev_cls = NA_CC_SPACE;
		return 1;
	}
	st->prev_cls = (unsigned) (s[i - 1] - '0') < 10 ? NA_CC_DIGIT : NA_CC_LETTER;
	return 1;
}

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
	const char *p = doc->text + t->start;

	if (t->kind == NA_TK_ELLIPSIS)
		return 1;
	if (t->kind != NA_TK_PUNCT)
		return 0;
	if (t->len == 1)
		return *p == '.' || *p == '!' || *p == '?';
	/* ‽ 。 ！ ？ */
	return (t->len == 3 && (memcmp(p, "\xE2\x80\xBD", 3) == 0 ||
							memcmp(p, "\xE3\x80\x82", 3) == 0 ||
							memcmp(p, "\xEF\xBC\x81", 3) == 0 ||
							memcmp(p, "\xEF\xBC\x9F", 3) == 0));
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

/* The kinds that can end a sentence inside a paragraph, as bits. */
#define STOP_KINDS ((UINT32_C(1) << NA_TK_PUNCT) | (UINT32_C(1) << NA_TK_ABBREV) | \
					(UINT32_C(1) << NA_TK_INITIAL) | (UINT32_C(1) << NA_TK_ELLIPSIS))

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

/* Group tokens into sentences; paragraph breaks always end one. */
static int
split_sentences(na_doc *doc, const na_mem *mem, const uint32_t *para_first)
{
	na_vec		sentences;
	uint32_t	first = 0;
	uint32_t	text_first = UINT32_MAX;	/* a dateline's first token: where the
											 * open sentence's text starts */
	uint32_t	dateline_end = find_dateline(doc, para_first);
	/* with a dateline, dashes stop the skipping loop too (to find its end) */
	uint32_t	stop_kinds = STOP_KINDS |
		(dateline_end != UINT32_MAX ? UINT32_C(1) << NA_TK_DASH : 0);

	na_vec_init(&sentences, sizeof(na_sentence));
	for (uint32_t i = 0; i < doc->ntokens; i++)
	{
		int			ends;
		uint32_t	last;
		uint32_t	current = (uint32_t) sentences.count;	/* the sentence open at i */

		/* most tokens can end a sentence only where a paragraph ends: one
		 * bit test per token skips them (and commas, the commonest stop
		 * kind), numbering them on the way instead of in a second pass */
		while ((!((stop_kinds >> doc->tokens[i].kind) & 1) || is_comma(doc, &doc->tokens[i])) &&
			   i + 1 < doc->ntokens && !(doc->tokens[i + 1].flags & NA_TF_PARA_START))
			doc->tokens[i++].sentence = current;
		doc->tokens[i].sentence = current;
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
			na_sentence *s = na_vec_push(&sentences, mem);
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

na_status
na_scan(na_doc *doc, const char *text, size_t len, unsigned options,
		const na_mem *mem)
{
	scanner		st;

	memset(doc, 0, sizeof(*doc));
	if (len >= UINT32_MAX)
		return NA_ERR_TOO_LONG;
	if (!tables_ready)
		init_tables();
	memset(&st, 0, sizeof(st));
	st.s = (const unsigned char *) text;
	st.len = len;
	st.count_bytes = (options & NA_SCAN_COUNT_BYTES) != 0;
	st.prev_cls = NA_CC_NEWLINE;
	st.mem = mem;
	na_vec_init(&st.tokens, sizeof(na_token));
	/* news text averages about six bytes a token */
	if (!na_vec_reserve(&st.tokens, mem, len / 5 + 16))
		return NA_ERR_NOMEM;
	/* which line breaks are only the wrapping of a line */
	if (!na_layout_soft_breaks(st.s, len, mem, &st.soft, &st.nsoft))
	{
		na_vec_free(&st.tokens, mem);
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
		if (b < 0x80 && ascii_punct_class[b] &&
			!(b == '.' && st.pos + 2 < st.len && st.s[st.pos + 1] == '.' && st.s[st.pos + 2] == '.'))
		{
			cursor		end = {st.pos + 1, st.cpos + 1};

			emit(&st, NA_TK_PUNCT, st.pos, st.cpos, end);
			st.prev_cls = (na_cclass) ascii_punct_class[b];
			continue;
		}

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
				while (st.soft_next < st.nsoft && st.soft[st.soft_next] < st.pos)
					st.soft_next++;
				if (st.soft_next < st.nsoft && st.soft[st.soft_next] == st.pos)
				{
					/* the wrapping of a line: a space, for the next token's
					 * context too ("shares\n- a third": a spaced dash) */
					st.pending_flags |= NA_TF_SPACE_BEFORE | NA_TF_SOFT_BREAK;
					cursor_step(&st, &here, n);
					st.pos = here.pos;
					st.cpos = here.cpos;
					cls = NA_CC_SPACE;
					break;
				}
				cursor_step(&st, &here, n);
				st.pos = here.pos;
				st.cpos = here.cpos;
				st.pending_flags |= NA_TF_SPACE_BEFORE | NA_TF_NEWLINE_BEFORE;
				if (st.tokens.count > 0)
					st.para_pending = 1;
				break;
			case NA_CC_LETTER:
			case NA_CC_MARK:
				scan_word(&st, here);
				break;
			case NA_CC_DIGIT:
				scan_number(&st, here);
				break;
			case NA_CC_IDEOGRAPH:
				{
					na_token   *t;

					/* one CJK character, with its combining marks, per token */
					cursor_step(&st, &here, n);
					while (here.pos < st.len && class_at(&st, here.pos) == NA_CC_MARK)
						cursor_step(&st, &here, (int) (next_pos(&st, here.pos) - here.pos));
					t = emit(&st, NA_TK_IDEOGRAPH, st.pos, st.cpos, here);
					if (t)
						t->flags |= NA_TF_NONASCII;
				}
				break;
			case NA_CC_QUOTE:
				scan_quote(&st, here, cp, n);
				break;
			case NA_CC_CURRENCY:
				{
					size_t		after = here.pos + n;

					while (after < st.len && class_at(&st, after) == NA_CC_CURRENCY)
						after = next_pos(&st, after);
					if (after < st.len && is_ascii_digit(st.s[after]))
						scan_money(&st, here);
					else
						scan_other(&st, here, cp, n, cls);
				}
				break;
			case NA_CC_EMOJI:
				scan_emoji(&st, here, n);
				break;
			default:
				scan_other(&st, here, cp, n, cls);
				break;
		}
		if (st.tokens.count > before && !st.failed)
		{
			na_token   *t = (na_token *) st.tokens.items + st.tokens.count - 1;
			uint32_t	last_cp;

			if (t->kind != NA_TK_WORD && t->kind != NA_TK_IDEOGRAPH && t->kind != NA_TK_EMOJI)
			{
				for (uint32_t k = t->start; k < t->start + t->len; k++)
					if (st.s[k] & 0x80)
					{
						t->flags |= NA_TF_NONASCII;
						break;
					}
			}
			/* the class of the token's last character, for straight quotes */
			{
				size_t		k = t->start + t->len - 1;

				while (k > t->start && (st.s[k] & 0xC0) == 0x80)
					k--;
				na_utf8_decode(st.s + k, st.len - k, &last_cp);
				if (last_cp == ';' && t->len > 3)
				{
					/* a token ending in an HTML reference: that character */
					size_t		amp = k;
					uint32_t	ref_cp;

					while (amp > t->start && k - amp < 10 && st.s[amp] != '&')
						amp--;
					if (st.s[amp] == '&' &&
						na_html_reference(st.s + amp, st.len - amp, &ref_cp) == (int) (k + 1 - amp))
						last_cp = ref_cp;
				}
				st.prev_cls = (na_cclass) (na_char_info(last_cp) & NA_CC_MASK);
			}
		}
		else if (st.tokens.count == before)
			st.prev_cls = cls;
	}
	na_free(mem, st.soft);
	if (st.failed)
	{
		na_vec_free(&st.tokens, mem);
		return NA_ERR_NOMEM;
	}
	doc->text = text;
	doc->len = (uint32_t) len;
	doc->nchars = st.cpos;
	doc->tokens = st.tokens.items;
	doc->ntokens = (uint32_t) st.tokens.count;
	doc->nparagraphs = doc->ntokens ? st.paragraph + 1 : 0;
	if (options & NA_SCAN_NO_SENTENCES)
		return NA_OK;
	if (!split_sentences(doc, mem, st.para_first))
	{
		na_doc_free(doc, mem);
		return NA_ERR_NOMEM;
	}
	return NA_OK;
}

void
na_doc_free(na_doc *doc, const na_mem *mem)
{
	na_free(mem, doc->tokens);
	na_free(mem, doc->sentences);
	memset(doc, 0, sizeof(*doc));
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
