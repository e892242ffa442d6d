/*
 * na_unicode.c - character classes from ICU, cached per block.
 */
#include "na_unicode.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#define BLOCK_BITS NA_BLOCK_BITS
#define BLOCK_SIZE (1 << BLOCK_BITS)
#define NUM_BLOCKS (0x110000 >> BLOCK_BITS)

/* Entries of a filled block have NA_CF_COMPUTED set; na_block_ready says which. */
uint16_t	na_block_cache[NUM_BLOCKS][BLOCK_SIZE];
unsigned char na_block_ready[NUM_BLOCKS];

/*
 * Scripts written without spaces between words: each of their characters is a
 * token of its own, since their words cannot be found without a dictionary.
 */
static int
is_ideographic(UChar32 c)
{
	UErrorCode	err = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript(c, &err);

	if (U_FAILURE(err))
		return 0;
	return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
		sc == USCRIPT_KATAKANA || sc == USCRIPT_THAI ||
		sc == USCRIPT_LAO || sc == USCRIPT_KHMER || sc == USCRIPT_MYANMAR;
}

/*
 * The scanner's class of one code point, from ICU's properties.  Newlines,
 * joiners, quotation marks and the soft hyphen are decided before the general
 * category because the scanner treats them apart from their category.
 */
static uint16_t
compute_info(UChar32 c)
{
	int8_t		type;

	if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
		c == 0x2028 || c == 0x2029)
		return NA_CC_NEWLINE;
	if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
		(c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F))
		return NA_CC_JOINER;
	if (c == 0x00AD)			/* soft hyphen: invisible inside a word */
		return NA_CC_MARK;
	if (u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) || c == 0x2019 || c == 0x2018 || c == 0x02BC)
		return NA_CC_QUOTE;
	if (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC))
		return NA_CC_EMOJI;

	type = u_charType(c);
	switch (type)
	{
		case U_UPPERCASE_LETTER:
		case U_TITLECASE_LETTER:
			return NA_CC_LETTER | NA_CF_UPPER;
		case U_LOWERCASE_LETTER:
			return NA_CC_LETTER | NA_CF_LOWER;
		case U_MODIFIER_LETTER:
		case U_OTHER_LETTER:
			return is_ideographic(c) ? NA_CC_IDEOGRAPH : NA_CC_LETTER;
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_COMBINING_SPACING_MARK:
			return NA_CC_MARK;
		case U_DECIMAL_DIGIT_NUMBER:
			return NA_CC_DIGIT;
		case U_LETTER_NUMBER:
		case U_OTHER_NUMBER:
			return NA_CC_NUMERIC;
		case U_SPACE_SEPARATOR:
			return NA_CC_SPACE;
		case U_LINE_SEPARATOR:
		case U_PARAGRAPH_SEPARATOR:
			return NA_CC_NEWLINE;
		case U_CONTROL_CHAR:
			return u_isWhitespace(c) ? NA_CC_SPACE : NA_CC_IGNORABLE;
		case U_FORMAT_CHAR:
			return NA_CC_IGNORABLE;
		case U_DASH_PUNCTUATION:
			return NA_CC_DASH;
		case U_START_PUNCTUATION:
			return NA_CC_OPEN;
		case U_END_PUNCTUATION:
			return NA_CC_CLOSE;
		case U_INITIAL_PUNCTUATION:
		case U_FINAL_PUNCTUATION:
			return NA_CC_QUOTE;
		case U_CONNECTOR_PUNCTUATION:
		case U_OTHER_PUNCTUATION:
			return NA_CC_PUNCT;
		case U_CURRENCY_SYMBOL:
			return NA_CC_CURRENCY;
		case U_MATH_SYMBOL:
		case U_MODIFIER_SYMBOL:
		case U_OTHER_SYMBOL:
			return NA_CC_SYMBOL;
		default:
			return NA_CC_OTHER;
	}
}

/*
 * Computes the classes of a whole block at once: ICU is slow per character, and
 * text reuses few blocks, so the cache fills in a few calls.
 */
static void
fill_block(uint32_t block)
{
	uint32_t	base = block << BLOCK_BITS;

	for (uint32_t i = 0; i < BLOCK_SIZE; i++)
		na_block_cache[block][i] = compute_info((UChar32) (base + i)) | NA_CF_COMPUTED;
	/* concurrent fillers write identical values: the flag goes last */
	na_block_ready[block] = 1;
}

/*
 * The slow path of na_char_info: the code point's block is not cached yet.
 * Code points beyond Unicode are classed as U+FFFD, as the decoder reads them.
 */
uint16_t
na_char_info_fill(uint32_t cp)
{
	uint32_t	block;

	if (cp > 0x10FFFF)
		cp = NA_REPLACEMENT_CHAR;
	block = cp >> BLOCK_BITS;
	if (!na_block_ready[block])
		fill_block(block);
	return na_block_cache[block][cp & (BLOCK_SIZE - 1)] & (uint16_t) ~NA_CF_COMPUTED;
}

/*
 * Simple lower-casing (one code point to one), enough for matching words
 * against the lexicons; ASCII without a call into ICU.
 */
uint32_t
na_char_lower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t) u_tolower((UChar32) cp);
}

/* Characters in a UTF-8 string: SQL offsets count characters, not bytes. */
size_t
na_utf8_length(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		n = 0;
	size_t		i = 0;

	while (i < len)
	{
		uint32_t	cp;

		if (p[i] < 0x80)
			i++;
		else
			i += na_utf8_decode(p + i, len - i, &cp);
		n++;
	}
	return n;
}

/* Writes one code point as UTF-8; returns its length. */
static int
encode_utf8(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Lower-cases UTF-8 text into out for lexicon lookups of non-ASCII words
 * ("Bürgermeister").  Returns the bytes written, or 0 when outcap is too small
 * so that the caller falls back to no match rather than a cut word.
 */
size_t
na_utf8_lower(const char *s, size_t len, char *out, size_t outcap)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;
	size_t		o = 0;

	while (i < len)
	{
		uint32_t	cp;
		int			n = na_utf8_decode(p + i, len - i, &cp);

		if (o + 4 > outcap)
			return 0;
		o += encode_utf8(na_char_lower(cp), out + o);
		i += n;
	}
	return o;
}
