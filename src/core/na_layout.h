/*
 * na_layout.h - how a text is laid out, read before it is scanned: which line
 * breaks are only the wrapping of a line (read as a space) and which end a
 * paragraph, and the HTML character references left in text taken from web
 * pages.  Internal to the core: the scanner is the only caller, and every
 * analyser sees the result through the scanner's tokens (NA_TF_PARA_START,
 * NA_TF_SOFT_BREAK, paragraph numbers).
 */
#ifndef NA_LAYOUT_H
#define NA_LAYOUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "na_mem.h"

/*
 * The line breaks of text[0..len) that are read as a space: byte offsets of
 * every LF and CR character of those breaks, ascending, in *soft (allocated
 * through mem, NULL when there are none; release with na_free).  A text is
 * read as hard-wrapped only when its lines look like the output of a greedy
 * wrap at one width (see layout.c); otherwise every line break keeps
 * starting a paragraph.  Returns 0 when memory runs out.
 */
int			na_layout_soft_breaks(const unsigned char *text, size_t len, const na_mem *mem,
								  uint32_t **soft, uint32_t *nsoft);

/*
 * An HTML character reference at s (s[0] == '&', len bytes available):
 * &amp; &quot; &nbsp; &mdash; &#8220; &#x201C; and the other named references
 * of Latin-1 and typography news text meets.  Sets *cp and returns the
 * reference's length in bytes (all ASCII, so also in characters), or 0 when
 * s does not start one.
 */
int			na_html_reference(const unsigned char *s, size_t len, uint32_t *cp);

/*
 * A name or label as one line: len bytes of s copied to out (room for len
 * bytes) with every run of white space that holds a line break (LF, CR,
 * CR LF) written as one space, so a name wrapped over two lines
 * ("Henrike\nVollmer") is the same value as on one.  Excerpts keep their
 * line breaks (offsets point into them); names are keys, grouped and joined.
 * Returns the bytes written, at most len.
 */
size_t		na_layout_one_line(const char *s, size_t len, char *out);

/* Does s hold a line break, so that na_layout_one_line would change it? */
static inline int
na_layout_has_break(const char *s, size_t len)
{
	return memchr(s, '\n', len) != NULL || memchr(s, '\r', len) != NULL;
}

#endif							/* NA_LAYOUT_H */
