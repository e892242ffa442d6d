/*
 * layout_internal.h - what layout.c and layout_lines.c share: a line of the
 * text and the questions about what a line's words say (an attribution, a
 * signature, a title) that the paragraph model asks of an ambiguous break.
 */
#ifndef LAYOUT_INTERNAL_H
#define LAYOUT_INTERNAL_H

#include <stdint.h>

/* A line of the text, between line breaks. */
typedef struct line_info
{
	uint32_t	start;			/* first byte */
	uint32_t	content;		/* first byte after the indentation */
	uint32_t	end;			/* after the last byte that is not white space */
	uint32_t	brk;			/* the line break after it (the text's end: none) */
	uint32_t	chars;			/* characters from start to end */
	uint32_t	gap;			/* 1 + white space after end: the space a
								 * wrap replaced, and any left before it */
	uint8_t		brk_len;		/* bytes of that break: 0, 1, or 2 for CR LF */
} line_info;

static inline int
is_closing_quote(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0x00BB ||
		cp == 0x203A;
}

/* layout.c */
extern int	layout_ends_sentence(const unsigned char *s, const line_info *l);
extern uint32_t layout_last_char(const unsigned char *s, const line_info *l);

/* layout_lines.c */
extern int	layout_ends_with_attribution(const unsigned char *s, const line_info *l);
extern int	layout_begins_with_attribution(const unsigned char *s, const line_info *l);
extern int	layout_ends_with_signature(const unsigned char *s, const line_info *l);
extern int	layout_ends_with_title_or_initial(const unsigned char *s, const line_info *l);

#endif							/* LAYOUT_INTERNAL_H */
