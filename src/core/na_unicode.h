/*
 * na_unicode.h - UTF-8 decoding and character classes for the core.
 *
 * Classes come from ICU (u_charType and binary properties), cached per
 * 256-code-point block on first use so the hot loop never calls into ICU
 * twice for the same character.  ICU is already a dependency of Debian's
 * PostgreSQL server, so the extension adds no new runtime library.
 */
#ifndef NA_UNICODE_H
#define NA_UNICODE_H

#include <stddef.h>
#include <stdint.h>

/* What the scanner needs to know about a code point. */
typedef enum na_cclass
{
	NA_CC_OTHER = 0,			/* unassigned, private use: a symbol of its own */
	NA_CC_SPACE,				/* horizontal white space, incl. NBSP */
	NA_CC_NEWLINE,				/* LF, CR, VT, FF, NEL, LS, PS: paragraph break */
	NA_CC_LETTER,				/* letters of alphabetic scripts */
	NA_CC_IDEOGRAPH,			/* Han, Hiragana, Katakana: one token each */
	NA_CC_MARK,					/* combining marks: belong to the previous char */
	NA_CC_DIGIT,				/* decimal digits of any script */
	NA_CC_NUMERIC,				/* other numbers: ½, Roman numerals */
	NA_CC_PUNCT,				/* punctuation not listed below */
	NA_CC_DASH,					/* dash punctuation: hyphen, en/em dash */
	NA_CC_OPEN,					/* opening brackets */
	NA_CC_CLOSE,				/* closing brackets */
	NA_CC_QUOTE,				/* quotation marks of every kind (incl. apostrophes) */
	NA_CC_CURRENCY,				/* currency signs */
	NA_CC_SYMBOL,				/* math and other symbols */
	NA_CC_EMOJI,				/* extended pictographic */
	NA_CC_JOINER,				/* ZWJ, variation selectors, emoji modifiers */
	NA_CC_IGNORABLE				/* control and format characters: skipped */
} na_cclass;

/* Flags stored beside the class. */
#define NA_CF_UPPER		0x0100	/* uppercase or titlecase letter */
#define NA_CF_LOWER		0x0200	/* lowercase letter */

#define NA_CC_MASK		0x00ff

/* U+FFFD stands for every invalid UTF-8 byte; it consumes exactly one byte. */
#define NA_REPLACEMENT_CHAR 0xFFFD

/*
 * Decode one code point at s (len > 0 bytes available).  Sets *cp and
 * returns the bytes consumed (1-4).  Overlong forms, surrogates and
 * truncated sequences decode as NA_REPLACEMENT_CHAR of length 1.
 */
static inline int
na_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80)
	{
		*cp = ((uint32_t) (c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 &&
		(s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		uint32_t	v = ((uint32_t) (c & 0x0F) << 12) |
			((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);

		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF))
		{
			*cp = v;
			return 3;
		}
	}
	else if (c >= 0xF0 && c <= 0xF4 && len >= 4 &&
			 (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
			 (s[3] & 0xC0) == 0x80)
	{
		uint32_t	v = ((uint32_t) (c & 0x07) << 18) |
			((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);

		if (v >= 0x10000 && v <= 0x10FFFF)
		{
			*cp = v;
			return 4;
		}
	}
	*cp = NA_REPLACEMENT_CHAR;
	return 1;
}

/*
 * The per-block cache: entry | NA_CF_COMPUTED once a block has been filled
 * from ICU.  Exposed only so that na_char_info can be inlined in hot loops.
 */
#define NA_CF_COMPUTED 0x8000
#define NA_BLOCK_BITS 8
extern uint16_t na_block_cache[0x110000 >> NA_BLOCK_BITS][1 << NA_BLOCK_BITS];
extern unsigned char na_block_ready[0x110000 >> NA_BLOCK_BITS];

/* Fill the block of cp from ICU and return its info (the slow path). */
uint16_t	na_char_info_fill(uint32_t cp);

/* Class and flags of a code point (see na_cclass, NA_CF_*). */
static inline uint16_t
na_char_info(uint32_t cp)
{
	if (cp <= 0x10FFFF && na_block_ready[cp >> NA_BLOCK_BITS])
		return na_block_cache[cp >> NA_BLOCK_BITS][cp & ((1 << NA_BLOCK_BITS) - 1)] &
			(uint16_t) ~NA_CF_COMPUTED;
	return na_char_info_fill(cp);
}

static inline na_cclass
na_char_class(uint32_t cp)
{
	return (na_cclass) (na_char_info(cp) & NA_CC_MASK);
}

/* Simple lowercase mapping of one code point (ICU u_tolower). */
uint32_t	na_char_lower(uint32_t cp);

/* Number of code points in s[0..len), counting each invalid byte as one. */
size_t		na_utf8_length(const char *s, size_t len);

/*
 * Append the lowercase UTF-8 form of s[0..len) to out (capacity outcap).
 * Returns the bytes written, or 0 if it does not fit.  Lets analysers compare
 * tokens with lexicons without allocating.
 */
size_t		na_utf8_lower(const char *s, size_t len, char *out, size_t outcap);

#endif							/* NA_UNICODE_H */
