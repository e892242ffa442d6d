/*
 * html_references.c - the HTML character references left in text taken from
 * web pages (&amp; &quot; &#8220; &#x201C;), decoded where the scanner reads
 * a character (na_layout.h): the reference is one character for analysis and
 * keeps its place and length in the text, so offsets still point into the
 * original.  Apart from layout.c because it reads one reference, not lines.
 */
#include "na_layout.h"

#include <stdlib.h>
#include <string.h>


typedef struct named_reference
{
	const char *name;
	uint32_t	cp;
} named_reference;

/*
 * The named references of Latin-1 and of the typography news text carries
 * (quotes, dashes, spaces), sorted by strcmp for bsearch: the HTML standard's
 * names, not a word list.
 */
static const named_reference named_references[] = {
	{"AElig", 0x00C6}, {"Aacute", 0x00C1}, {"Acirc", 0x00C2}, {"Agrave", 0x00C0},
	{"Aring", 0x00C5}, {"Atilde", 0x00C3}, {"Auml", 0x00C4}, {"Ccedil", 0x00C7},
	{"Dagger", 0x2021}, {"ETH", 0x00D0}, {"Eacute", 0x00C9}, {"Ecirc", 0x00CA},
	{"Egrave", 0x00C8}, {"Euml", 0x00CB}, {"Iacute", 0x00CD}, {"Icirc", 0x00CE},
	{"Igrave", 0x00CC}, {"Iuml", 0x00CF}, {"Ntilde", 0x00D1}, {"OElig", 0x0152},
	{"Oacute", 0x00D3}, {"Ocirc", 0x00D4}, {"Ograve", 0x00D2}, {"Oslash", 0x00D8},
	{"Otilde", 0x00D5}, {"Ouml", 0x00D6}, {"Prime", 0x2033}, {"Scaron", 0x0160},
	{"THORN", 0x00DE}, {"Uacute", 0x00DA}, {"Ucirc", 0x00DB}, {"Ugrave", 0x00D9},
	{"Uuml", 0x00DC}, {"Yacute", 0x00DD}, {"Yuml", 0x0178}, {"aacute", 0x00E1}, {"acirc", 0x00E2},
	{"acute", 0x00B4}, {"aelig", 0x00E6}, {"agrave", 0x00E0}, {"amp", 0x0026}, {"apos", 0x0027},
	{"aring", 0x00E5}, {"atilde", 0x00E3}, {"auml", 0x00E4}, {"bdquo", 0x201E},
	{"brvbar", 0x00A6}, {"bull", 0x2022}, {"ccedil", 0x00E7}, {"cedil", 0x00B8}, {"cent", 0x00A2},
	{"circ", 0x02C6}, {"copy", 0x00A9}, {"curren", 0x00A4}, {"dagger", 0x2020}, {"deg", 0x00B0},
	{"divide", 0x00F7}, {"eacute", 0x00E9}, {"ecirc", 0x00EA}, {"egrave", 0x00E8},
	{"emsp", 0x2003}, {"ensp", 0x2002}, {"eth", 0x00F0}, {"euml", 0x00EB}, {"euro", 0x20AC},
	{"frac12", 0x00BD}, {"frac14", 0x00BC}, {"frac34", 0x00BE}, {"gt", 0x003E},
	{"hellip", 0x2026}, {"iacute", 0x00ED}, {"icirc", 0x00EE}, {"iexcl", 0x00A1},
	{"igrave", 0x00EC}, {"iquest", 0x00BF}, {"iuml", 0x00EF}, {"laquo", 0x00AB},
	{"ldquo", 0x201C}, {"lrm", 0x200E}, {"lsaquo", 0x2039}, {"lsquo", 0x2018}, {"lt", 0x003C},
	{"macr", 0x00AF}, {"mdash", 0x2014}, {"micro", 0x00B5}, {"middot", 0x00B7}, {"minus", 0x2212},
	{"nbsp", 0x00A0}, {"ndash", 0x2013}, {"not", 0x00AC}, {"ntilde", 0x00F1}, {"oacute", 0x00F3},
	{"ocirc", 0x00F4}, {"oelig", 0x0153}, {"ograve", 0x00F2}, {"ordf", 0x00AA}, {"ordm", 0x00BA},
	{"oslash", 0x00F8}, {"otilde", 0x00F5}, {"ouml", 0x00F6}, {"para", 0x00B6},
	{"permil", 0x2030}, {"plusmn", 0x00B1}, {"pound", 0x00A3}, {"prime", 0x2032},
	{"quot", 0x0022}, {"raquo", 0x00BB}, {"rdquo", 0x201D}, {"reg", 0x00AE}, {"rlm", 0x200F},
	{"rsaquo", 0x203A}, {"rsquo", 0x2019}, {"sbquo", 0x201A}, {"scaron", 0x0161},
	{"sect", 0x00A7}, {"shy", 0x00AD}, {"sup1", 0x00B9}, {"sup2", 0x00B2}, {"sup3", 0x00B3},
	{"szlig", 0x00DF}, {"thinsp", 0x2009}, {"thorn", 0x00FE}, {"tilde", 0x02DC},
	{"times", 0x00D7}, {"trade", 0x2122}, {"uacute", 0x00FA}, {"ucirc", 0x00FB},
	{"ugrave", 0x00F9}, {"uml", 0x00A8}, {"uuml", 0x00FC}, {"yacute", 0x00FD}, {"yen", 0x00A5},
	{"yuml", 0x00FF}, {"zwj", 0x200D}, {"zwnj", 0x200C},
};

/* Numeric references 128-159 mean the windows-1252 characters (as HTML says). */
static const uint16_t windows_1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

static int
compare_reference(const void *key, const void *item)
{
	return strcmp((const char *) key, ((const named_reference *) item)->name);
}

int
na_html_reference(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t		i = 1;

	if (len < 4 || s[0] != '&')
		return 0;
	if (s[1] == '#')
	{
		uint32_t	v = 0;
		int			hex = s[2] == 'x' || s[2] == 'X';
		size_t		digits = 0;

		i = hex ? 3 : 2;
		for (; i < len && digits < (hex ? 6u : 7u); i++, digits++)
		{
			unsigned char c = s[i];

			if (c >= '0' && c <= '9')
				v = v * (hex ? 16 : 10) + (c - '0');
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				v = v * 16 + ((c | 0x20) - 'a' + 10);
			else
				break;
		}
		if (digits == 0 || i >= len || s[i] != ';')
			return 0;
		if (v >= 0x80 && v < 0xA0)
			v = windows_1252[v - 0x80];
		/* control characters (&#10; too) are not decoded: markup, not text */
		if (v < 0x20 || v == 0x7F || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
			return 0;
		*cp = v;
		return (int) i + 1;
	}
	{
		char		name[8];
		const named_reference *hit;

		for (; i < len && i <= sizeof(name); i++)
		{
			unsigned char c = s[i];

			if (c == ';')
				break;
			if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9'))
				return 0;
			name[i - 1] = (char) c;
		}
		if (i >= len || s[i] != ';' || i == 1 || i > sizeof(name))
			return 0;
		name[i - 1] = '\0';
		hit = bsearch(name, named_references,
					  sizeof(named_references) / sizeof(named_references[0]),
					  sizeof(named_references[0]), compare_reference);
		if (hit == NULL)
			return 0;
		*cp = hit->cp;
		return (int) i + 1;
	}
}
