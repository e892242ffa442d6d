/*
 * scan_internal.h - what the scanner's files share: scanner.c runs the pass
 * and scans words, scan_numbers.c and scan_marks.c scan the other tokens,
 * sentences.c then groups the tokens into sentences.  Private to the core.
 */
#ifndef SCAN_INTERNAL_H
#define SCAN_INTERNAL_H

#include "na_scan.h"

#include <string.h>

#include "na_lexicon.h"
#include "na_unicode.h"

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

/* tokens scanned by scanner.c (words), scan_numbers.c and scan_marks.c */
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
