/*
 * scan_internal.h - what the scanner's files share: scanner.c runs the pass
 * and its fast paths (plain words, numbers and the runs of them),
 * scan_words.c holds the tables and reads the other words, scan_numbers.c
 * and scan_marks.c scan the other tokens, sentences.c then groups the
 * tokens into sentences.  Private to the core.
 */
#ifndef SCAN_INTERNAL_H
#define SCAN_INTERNAL_H

#include "na_scan.h"

#include <string.h>

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

/* The scanner's state over one text: where it is, and the tokens so far. */
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
	na_vec		stops;			/* uint32_t: the tokens a sentence may end at
								 * (is_sentence_stop, and those before a
								 * paragraph's first token), in order, for
								 * na_split_sentences */
	const na_mem *mem;
	int			failed;
} scanner;

/*
 * Does a punctuation mark p[0..len) end a sentence when nothing else
 * objects: . ! ? and the interrobang, full-width and CJK forms?
 */
static inline int
is_terminal_mark(const char *p, size_t len)
{
	if (len == 1)
		return *p == '.' || *p == '!' || *p == '?';
	/* ‽ 。 ！ ？ */
	return len == 3 && (memcmp(p, "\xE2\x80\xBD", 3) == 0 ||
						memcmp(p, "\xE3\x80\x82", 3) == 0 ||
						memcmp(p, "\xEF\xBC\x81", 3) == 0 ||
						memcmp(p, "\xEF\xBC\x9F", 3) == 0);
}

/*
 * May a sentence end at a token of this kind and text (short of a
 * paragraph's end)?  A terminal mark, an ellipsis, an abbreviation or an
 * initial: na_split_sentences asks no other token (a dateline's end it
 * knows apart).
 */
static inline int
is_sentence_stop(na_kind kind, const char *p, size_t len)
{
	return kind == NA_TK_ABBREV || kind == NA_TK_INITIAL || kind == NA_TK_ELLIPSIS ||
		(kind == NA_TK_PUNCT && is_terminal_mark(p, len));
}

/* Records token k as one a sentence may end at (see scanner.stops). */
static inline void
record_stop(scanner *st, size_t k)
{
	uint32_t   *slot;

	if (st->stops.count && ((uint32_t *) st->stops.items)[st->stops.count - 1] == (uint32_t) k)
		return;
	if ((slot = na_vec_push_unset(&st->stops, st->mem)) == NULL)
		st->failed = 1;
	else
		*slot = (uint32_t) k;
}

typedef struct cursor
{
	size_t		pos;
	uint32_t	cpos;
} cursor;

uint16_t	scan_peek_reference(const scanner *st, size_t at, uint32_t *cp, int *n);

/*
 * The primitives every token scanner uses, inline so that the hot loops of
 * scanner.c, scan_numbers.c and scan_marks.c make no call for them.
 */
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
			return scan_peek_reference(st, at, cp, n);
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
static inline int
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
static inline size_t
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
	else if ((t = na_vec_push(&st->tokens, st->mem)) == NULL ||
			 /* the stops' room grows with the tokens' (scan_token_run) */
			 !na_vec_reserve(&st->stops, st->mem, st->tokens.capacity))
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
	{
		t->flags |= NA_TF_PARA_START;
		record_stop(st, st->tokens.count - 2);	/* a paragraph ends there */
	}
	if (is_sentence_stop(kind, (const char *) st->s + start, t->len))
		record_stop(st, st->tokens.count - 1);
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

/* Case-sensitive comparison of text[start..end) with an ASCII word. */
static inline int
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
 * The scanner's tables (scan_words.c fills them once a process, before
 * the first scan: scan_init_tables) and the byte tests of its fast paths.
 */
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
#define AB_NUMBER_ON 0x20		/* after digits, scan_number reads on */

extern uint8_t ascii_bits[256];

/*
 * The class of an ASCII byte that scan_other makes a one-byte punctuation
 * token of, whatever follows (but a full stop may begin "..."); 0 for the
 * others.  The main loop emits these directly.
 */
extern uint8_t ascii_punct_class[128];

/* na_char_info of every ASCII byte, for the main loop's general path */
extern uint16_t ascii_info[128];

/*
 * The shape flags of every shape (NA_TF_CUE_SHAPE, NA_TF_VOTE_SHAPE and
 * NA_TF_QUOTE_SHAPE, shifted down to a byte), filled with the ASCII tables
 * from the lexicon's filters: one load a word where two bit tests of two
 * tables cost twelve instructions (7M of quotes() over BBC), and the quote
 * analyser's filter comes with them for nothing.
 */
#define SHAPE_FLAGS (NA_TF_CUE_SHAPE | NA_TF_VOTE_SHAPE | NA_TF_QUOTE_SHAPE)
#define SHAPE_FLAG_SHIFT 8
_Static_assert((SHAPE_FLAGS >> SHAPE_FLAG_SHIFT) <= 0xFF &&
			   (SHAPE_FLAGS & ((1u << SHAPE_FLAG_SHIFT) - 1)) == 0,
			   "the shape flags fit a byte above SHAPE_FLAG_SHIFT");
extern uint8_t shape_flag_bytes[1u << NA_LEX_SHAPE_BITS];

/*
 * A bit for the na_lex_shape of each abbreviation (abbreviations.tsv), set
 * from the list: a word before a full stop whose shape has none is no
 * abbreviation, with no lookup (short_word_before_stop).
 */
extern uint64_t abbreviation_shapes[(1u << NA_LEX_SHAPE_BITS) / 64];

/*
 * Words shaped like a reporting cue or like a word the vote analyser's
 * first pass reads: the scanner flags them NA_TF_CUE_SHAPE and
 * NA_TF_VOTE_SHAPE as it emits them, with their bytes at hand and their
 * shape hashed once, so that the pass for reported speech and the vote
 * first pass visit those few (a word in thirty) instead of reading every
 * token's text a second time: the one scan feeds those passes as it feeds
 * the others.  The filters are the lexicon's (na_lex_shape filters,
 * generated with the lists); a word with non-ASCII letters (which may fold
 * to a key in other ways) is always flagged.
 */
static inline uint16_t
shape_flags(uint32_t h)
{
	return (uint16_t) (shape_flag_bytes[h] << SHAPE_FLAG_SHIFT);
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

#if NA_SWAR && defined(__SSE2__)
/*
 * The bytes of v in first .. first + count - 1 (ASCII), as a bit mask: a
 * byte moved by 0x80 - first is then among the count smallest signed bytes,
 * one add and one compare; bytes >= 0x80 fall outside every class.
 */
static inline unsigned
ascii_class_mask(__m128i v, unsigned char first, int count)
{
	return (unsigned) _mm_movemask_epi8(
		_mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char) (0x80 - first))),
					   _mm_set1_epi8((char) (-128 + count))));
}
#endif

/*
 * Does a full stop after text[start..end) leave the sentence open when a
 * word follows (data/lexicon/abbreviations.tsv)?
 */
static inline int
is_abbreviation(const scanner *st, size_t start, size_t end)
{
	return span_in(st, start, end, NA_LEX_ABBREVIATIONS);
}

/* tokens scanned by scanner.c (plain words and runs), scan_words.c (the
 * other words), scan_numbers.c and scan_marks.c */
void		scan_init_tables(void);
void		scan_word(scanner *st, cursor start);
void set_word_flags(const scanner *st, na_token *t);
uint16_t	scan_quote_shape(const scanner *st, const na_token *t);
cursor scan_digits(const scanner *st, cursor c);
cursor scan_letters(const scanner *st, cursor c);
cursor scan_url(const scanner *st, cursor c);
cursor scan_domain(const scanner *st, cursor c);
void scan_money(scanner *st, cursor start);
void scan_number(scanner *st, cursor start);
void scan_quote(scanner *st, cursor start, uint32_t cp, int n);
void scan_emoji(scanner *st, cursor start, int n);
void scan_other(scanner *st, cursor start, uint32_t cp, int n, na_cclass cls);

int			na_split_sentences(na_doc *doc, const na_mem *mem, const uint32_t *para_first,
							   const uint32_t *stops, uint32_t nstops);

#endif							/* SCAN_INTERNAL_H */
