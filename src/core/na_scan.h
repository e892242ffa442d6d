/*
 * na_scan.h - the scanner: one pass over UTF-8 news text that yields tokens,
 * sentences and paragraphs.  Every analyser (quotes, speakers, vote events,
 * the text search parser) reads the na_doc it produces instead of the text.
 */
#ifndef NA_SCAN_H
#define NA_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "na_mem.h"

/* Token kinds; the names (na_kind_name) are what SQL shows. */
typedef enum na_kind
{
	NA_TK_WORD = 1,				/* letters, digits, inner apostrophes and hyphens */
	NA_TK_NUMBER,				/* 1,272  3.5  1980s  21st  10:30 */
	NA_TK_MONEY,				/* $2.5 billion  £300m  €5 */
	NA_TK_PERCENT,				/* 3.5%  12 percent is two tokens */
	NA_TK_RANGE,				/* 52-48  13-0-2  2014-15: ranges and tallies */
	NA_TK_ABBREV,				/* Mr.  U.S.  a.m.  Jan. */
	NA_TK_INITIAL,				/* the R. of Nikki R. Haley */
	NA_TK_PUNCT,				/* , . ; : ! ? ( ) and the rest */
	NA_TK_OPEN_QUOTE,			/* opening quotation mark */
	NA_TK_CLOSE_QUOTE,			/* closing quotation mark */
	NA_TK_DASH,					/* em/en dash, double hyphen, spaced hyphen */
	NA_TK_ELLIPSIS,				/* ... or U+2026 */
	NA_TK_URL,
	NA_TK_EMAIL,
	NA_TK_HANDLE,				/* @name */
	NA_TK_HASHTAG,				/* #topic */
	NA_TK_SYMBOL,				/* currency sign alone, math, other symbols */
	NA_TK_EMOJI,				/* a pictograph with its joiners and modifiers */
	NA_TK_IDEOGRAPH,			/* one Han/kana/Thai-script character */
	NA_TK_KIND_COUNT
} na_kind;

/* Token flags. */
#define NA_TF_CAPITALIZED	0x0001	/* first letter upper or title case */
#define NA_TF_ALLCAPS		0x0002	/* two or more letters, all upper case */
#define NA_TF_SPACE_BEFORE	0x0004	/* white space (or text start) precedes */
#define NA_TF_PARA_START	0x0008	/* first token of a paragraph */
#define NA_TF_SENT_START	0x0010	/* first token of a sentence */
#define NA_TF_SENT_END		0x0020	/* last token of a sentence */
#define NA_TF_HYPHENATED	0x0040	/* word with inner hyphens */
#define NA_TF_NONASCII		0x0080	/* contains non-ASCII characters */
#define NA_TF_NEWLINE_BEFORE 0x0100 /* a line break precedes */
#define NA_TF_STRAIGHT		0x0200	/* quote token: a straight ' or " mark */
#define NA_TF_HAS_DIGIT		0x0400	/* word containing digits */
#define NA_TF_SOFT_BREAK	0x0800	/* a line break read as a space precedes
									 * (the wrapping of a hard-wrapped line) */
#define NA_TF_DATELINE		0x1000	/* part of a dateline ("LONDON (Reuters) -"):
									 * inside its sentence's text, before the
									 * sentence's first_token */
#define NA_TF_CUE_SHAPE		0x2000	/* a word of the length and letters of a
									 * reporting cue (data/lexicon/reporting_cues.tsv):
									 * maybe one, every cue has it (few others) */
#define NA_TF_VOTE_SHAPE	0x4000	/* a word or abbreviation shaped like a word
									 * the vote analyser's first pass reads
									 * (a trigger, a body's word): every such
									 * word has it (few others) */
#define NA_TF_QUOTE_SHAPE	0x8000	/* a word (kind NA_TK_WORD) shaped like a
									 * word of the quote analyser's lists
									 * (quote_*.tsv, reporting_*.tsv): every
									 * such word has it (about half of the
									 * others); and every word with non-ASCII
									 * letters */

/* Which mark a quote token is. */
typedef enum na_mark
{
	NA_MARK_NONE = 0,
	NA_MARK_DOUBLE,				/* “ ” " „ ‟ */
	NA_MARK_SINGLE,				/* ‘ ’ ' ‚ ‛ */
	NA_MARK_ANGLE,				/* « » ‹ › */
	NA_MARK_CORNER				/* 「 」 『 』 */
} na_mark;

typedef struct na_token
{
	uint32_t	start;			/* byte offset in the text */
	uint32_t	len;			/* bytes */
	uint32_t	cstart;			/* character offset, 0-based (see NA_SCAN_COUNT_BYTES) */
	uint32_t	clen;			/* characters */
	uint32_t	sentence;		/* 0-based sentence number */
	uint32_t	paragraph;		/* 0-based paragraph number */
	uint16_t	flags;			/* NA_TF_* */
	uint8_t		kind;			/* na_kind */
	uint8_t		mark;			/* na_mark, for quote tokens */
} na_token;

typedef struct na_sentence
{
	uint32_t	first_token;	/* the first token analysers read: after a
								 * dateline the sentence's text opens with */
	uint32_t	ntokens;
	uint32_t	start;			/* bytes: first token start .. last token end
								 * (the dateline's first token, if any) */
	uint32_t	len;
	uint32_t	cstart;			/* characters */
	uint32_t	clen;
	uint32_t	paragraph;
} na_sentence;

typedef struct na_doc
{
	const char *text;			/* not owned: the caller keeps it alive */
	uint32_t	len;
	uint32_t	nchars;
	na_token   *tokens;
	uint32_t	ntokens;
	na_sentence *sentences;
	uint32_t	nsentences;
	uint32_t	nparagraphs;
} na_doc;

/* Options of na_scan. */
#define NA_SCAN_COUNT_BYTES 0x0001	/* offsets count bytes, not code points
									 * (single-byte server encodings) */
#define NA_SCAN_NO_SENTENCES 0x0002 /* tokens only: no sentences, every
									 * token's sentence is 0 (text search) */

/*
 * Scan text[0..len) (UTF-8; invalid bytes become one-byte U+FFFD characters).
 * On NA_OK, doc holds tokens and sentences allocated through mem; release
 * them with na_doc_free.  On error doc is left empty.
 */
na_status	na_scan(na_doc *doc, const char *text, size_t len, unsigned options,
					const na_mem *mem);

void		na_doc_free(na_doc *doc, const na_mem *mem);

/* The SQL name of a kind ("word", "open_quote", ...), "unknown" if out of range. */
const char *na_kind_name(int kind);

/* Are a[0..n) and b[0..n) the same but for the case of ASCII letters? */
int			na_ascii_ci_equal(const char *a, const char *b, size_t n);

/* Does token t spell word (ASCII, case-insensitive)? */
int			na_token_is(const na_doc *doc, const na_token *t, const char *word);

/* Does token t spell word exactly (case-sensitive)? */
int			na_token_eq(const na_doc *doc, const na_token *t, const char *word);

/* The last character offset (exclusive) of token t. */
static inline uint32_t
na_token_cend(const na_token *t)
{
	return t->cstart + t->clen;
}

#endif							/* NA_SCAN_H */
