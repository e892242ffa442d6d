/*
 * layout.c - the layout of a text, read before it is scanned (na_layout.h).
 *
 * Paragraphs.  Text from wire services, e-mail and plain-text archives is
 * hard-wrapped: every line break inside a paragraph is only where a line
 * ran out, and reading it as a paragraph end cuts sentences, quotes and
 * tallies in two.  Other texts put one paragraph, one sentence, one list item
 * or one verse on each line, and there every line break counts.  The two are
 * told apart per document, from the shape a greedy wrap leaves:
 *
 *   - its lines are about one width W long: W is the 90th percentile of the
 *     lengths of lines followed by another line, between 40 and 250
 *     characters, and hardly any line is much longer than W;
 *   - a line is "full": the first word of the next line would not have fit
 *     on it (length + the space + next word > W), for at least 40% of those
 *     lines.
 *
 * In a hard-wrapped text a line break between two lines is a space unless
 * the next line is indented or a list item, or the line is short (the next
 * word would have fit: the writer ended it — a sentence ending a paragraph,
 * a heading, a byline, a dateline or label on a line of its own); a next line
 * that begins in lower case or with a digit after a line that does not end a
 * sentence always continues it.  A blank line always ends a paragraph.  A
 * full line ending a sentence is ambiguous (a paragraph's last line can be
 * full too); the text's habits decide it (wrap_habits): in a text whose
 * paragraphs end at single line breaks, one closing a quotation ends its
 * paragraph; where more of them end so than at blank lines, one ending with
 * an attribution or one that would make its paragraph longer than the
 * text's usual ones; in any wrapped text, white space after the sentence
 * where the text's wraps leave none, a signed quotation before the next and
 * a headline's trailing "; ".
 *
 * A text that is not hard-wrapped but is prose (most of its bytes in lines
 * of 200 or more: a paragraph a line) keeps its line breaks as
 * paragraph ends, except a stray break inside a sentence: a next line that
 * begins in lower case after a line that does not end a sentence.  Any other
 * text (verse, lists, a sentence a line) keeps every line break.  In every
 * layout, a text that sets its paragraphs apart with blank lines reads a
 * single line break after a sentence as one inside a paragraph (Markdown's
 * and wiki text's reading): wrapped, such a break at a full line cannot be
 * told from a wrap, and only this reading is the same however the text is
 * wrapped.  CR LF and CR are
 * line breaks like LF.  The scanner reads the breaks chosen here as spaces;
 * offsets are not touched, every character still counts.
 *
 * HTML character references (&amp; &#8220; ...) are decoded where the
 * scanner reads a character (html_references.c).
 */
#include "na_layout.h"
#include "layout_internal.h"

#include <stddef.h>
#include <string.h>

#include "na_lexicon.h"
#include "na_unicode.h"


/* the widths of hard-wrapped text this model recognises */
#define WRAP_MIN_WIDTH 40
#define WRAP_MAX_WIDTH 250
#define LENGTH_BUCKETS 1024
/* prose: most of the text is in lines this long (a paragraph a line) */
#define PROSE_LINE 200
/* paragraph lengths in lines a wrapped text's known paragraphs are counted
 * by (the last bucket: that long or longer), and how many it must show */
#define PARAGRAPH_BUCKETS 64
#define MIN_KNOWN_PARAGRAPHS 5

static inline int
is_blank_byte(const unsigned char *s, uint32_t at, uint32_t end)
{
	return s[at] == ' ' || s[at] == '\t' ||
		(s[at] == 0xC2 && at + 1 < end && s[at + 1] == 0xA0);	/* NBSP */
}

/* Characters in s[from..to): bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), eight bytes at a time: the layout measures every line. */
static uint32_t
count_chars(const unsigned char *s, uint32_t from, uint32_t to)
{
	uint32_t	continuation = 0;
	uint32_t	i = from;

	while (i + 8 <= to)
	{
		/* one 0/1 count per byte lane, summed by a multiply every 255 words */
		uint64_t	lanes = 0;

		for (int k = 0; k < 255 && i + 8 <= to; k++, i += 8)
		{
			uint64_t	v;

			memcpy(&v, s + i, 8);
			lanes += (v & ~(v << 1) & UINT64_C(0x8080808080808080)) >> 7;
		}
		continuation += (uint32_t) ((lanes * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < to; i++)
		continuation += (s[i] & 0xC0) == 0x80;
	return to - from - continuation;
}

/* Characters of the first word of a line (up to a space or tab, as textwrap
 * splits words: a no-break space before or after it is part of it). */
static uint32_t
first_word_chars(const unsigned char *s, const line_info *l)
{
	uint32_t	i = l->start;

	while (i < l->brk && s[i] != ' ' && s[i] != '\t')
		i++;
	return count_chars(s, l->start, i);
}

/* Does the line end a sentence: . ! ? or … , before closing quotes and brackets? */
int
layout_ends_sentence(const unsigned char *s, const line_info *l)
{
	uint32_t	i = l->end;

	while (i > l->content)
	{
		uint32_t	at = i - 1;
		uint32_t	cp;

		while (at > l->content && (s[at] & 0xC0) == 0x80)
			at--;
		na_utf8_decode(s + at, i - at, &cp);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026)
			return 1;
		if (!(cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
			  cp == 0x2019 || cp == 0x00BB || cp == 0x203A))
			return 0;
		i = at;
	}
	return 0;
}

/* Does the line begin with a lower-case letter? */
static int
starts_lower(const unsigned char *s, const line_info *l)
{
	uint32_t	cp;

	na_utf8_decode(s + l->content, l->end - l->content, &cp);
	return (na_char_info(cp) & NA_CF_LOWER) != 0;
}

/* The last character of the line's content (0 for a blank line). */
uint32_t
layout_last_char(const unsigned char *s, const line_info *l)
{
	uint32_t	at = l->end;
	uint32_t	cp = 0;

	if (at <= l->content)
		return 0;
	at--;
	while (at > l->content && (s[at] & 0xC0) == 0x80)
		at--;
	na_utf8_decode(s + at, l->end - at, &cp);
	return cp;
}

/*
 * Is the line a list item: a bullet and a space, a hyphen against a capital
 * ("-Trump leads"), or a number with . or ) and
 * a space after a short line (prev_full 0: the writer ended it, "1. Results\n
 * 2. Seats"), or after a line that ends a sentence or a clause ("and\n59. At
 * least" is the wrap of a sentence)?  wrapped: the text is hard-wrapped.
 */
static int
starts_list_item(const unsigned char *s, const line_info *prev, const line_info *l,
				 int prev_full, int wrapped)
{
	uint32_t	i = l->content;
	uint32_t	cp;
	int			n;

	if (i >= l->end)
		return 0;
	n = na_utf8_decode(s + i, l->end - i, &cp);
	if (cp == '*' || cp == 0x2022 || cp == 0x25AA || cp == 0x25E6 || cp == 0x2023 ||
		cp == 0x00B7 || cp == 0x25CF)
		return i + n < l->end && (s[i + n] == ' ' || s[i + n] == '\t');
	/* "-Americans are more optimistic ...": newsletters set their items with
	 * a hyphen against a capital, after a line that ends a sentence, a
	 * source in brackets ("[538]") or an introduction ("data:"); elsewhere
	 * it is a hyphen a wrap put first ("Kilroy\n-Silk", "R\n-S.C.") */
	if (cp == '-' && i + 1 < l->end)
	{
		uint32_t	next,
					before = layout_last_char(s, prev);

		na_utf8_decode(s + i + 1, l->end - i - 1, &next);
		return (na_char_info(next) & NA_CF_UPPER) != 0 &&
			(before == ']' || before == ':' || layout_ends_sentence(s, prev));
	}
	while (i < l->end && i - l->content < 3 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (!(i > l->content && i + 1 < l->end && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' '))
		return 0;
	if (!prev_full)
		return 1;
	/* after a full line of wrapped text, "threat:\n1) If" is as likely the
	 * wrap of an inline list: only a sentence's end makes it an item */
	return layout_ends_sentence(s, prev) ||
		(!wrapped && (s[prev->end - 1] == ':' || s[prev->end - 1] == ';'));
}

/* Append the bytes of line l's break to the soft breaks. */
static int
add_soft(na_vec *soft, const na_mem *mem, const line_info *l)
{
	for (uint32_t k = 0; k < l->brk_len; k++)
	{
		uint32_t   *p = na_vec_push(soft, mem);

		if (p == NULL)
			return 0;
		*p = l->brk + k;
	}
	return 1;
}

/*
 * Lines are read as a stream, never stored: a text of millions of short
 * lines costs no memory.  line_at fills l with the line starting at pos.
 */
static void
line_at(const unsigned char *s, size_t len, int has_cr, uint32_t pos, line_info *l)
{
	uint32_t	brk;

	if (!has_cr)
	{
		const unsigned char *nl = memchr(s + pos, '\n', len - pos);

		brk = nl ? (uint32_t) (nl - s) : (uint32_t) len;
	}
	else
	{
		brk = pos;
		while (brk < len && s[brk] != '\n' && s[brk] != '\r')
			brk++;
	}
	l->start = pos;
	l->brk = brk;
	l->brk_len = brk >= len ? 0 : (s[brk] == '\r' && brk + 1 < len && s[brk + 1] == '\n') ? 2 : 1;
	l->content = pos;
	while (l->content < brk && is_blank_byte(s, l->content, brk))
		l->content += s[l->content] == 0xC2 ? 2 : 1;
	l->end = brk;
	while (l->end > l->content)
	{
		if (s[l->end - 1] == ' ' || s[l->end - 1] == '\t')
			l->end--;
		else if (l->end - l->content >= 2 && s[l->end - 2] == 0xC2 && s[l->end - 1] == 0xA0)
			l->end -= 2;
		else
			break;
	}
	l->chars = 0;
	l->gap = 0;
}

/* The characters of a line, once the text is worth measuring. */
static void
measure(const unsigned char *s, line_info *l)
{
	l->chars = count_chars(s, l->start, l->end);
	l->gap = 1 + count_chars(s, l->end, l->brk);
}

/*
 * Is the line indented: it begins with a space or a tab.  A no-break space
 * is not an indent: text from web pages leaves "&nbsp;" before
 * a sentence ("attend. &nbsp;Those who"), and a wrap at the space before it
 * puts it at the start of a line.
 */
static inline int
is_indented(const unsigned char *s, const line_info *l)
{
	return l->content > l->start && (s[l->start] == ' ' || s[l->start] == '\t');
}

/*
 * Does the line end in no-break spaces (one or more), right after its last
 * word: web pages end paragraphs with "&nbsp;" (or two), a wrap almost never
 * leaves one at a line's end (measured on PolNeAR: 37 paragraph ends for 4
 * wraps after the end of a sentence; a space before it, "Debates.
 * &nbsp;Libertarian", is a wrap's).
 */
static inline int
ends_in_nbsp(const unsigned char *s, const line_info *l)
{
	uint32_t	at = l->end;

	if (l->brk == at)
		return 0;
	for (; at + 1 < l->brk; at += 2)
		if (s[at] != 0xC2 || s[at + 1] != 0xA0)
			return 0;
	return at == l->brk;
}

static inline int
is_blank_line(const line_info *l)
{
	return l->content >= l->end;
}

/* Does white space (a space, a tab, a no-break space) follow the line's last
 * word before its break? */
static inline int
has_trailing_blank(const line_info *l)
{
	return l->brk > l->end;
}

/* The first character of the line's content. */
static uint32_t
first_char(const unsigned char *s, const line_info *l)
{
	uint32_t	cp = 0;

	if (l->end > l->content)
		na_utf8_decode(s + l->content, l->end - l->content, &cp);
	return cp;
}

static inline int
is_opening_quote(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == 0x00AB ||
		cp == 0x2039 || cp == 0x201E;
}

/* Does the line begin a paragraph's way: a capital, a digit or an opening
 * quote or bracket (not a lower-case letter, not punctuation that goes on)? */
static int
starts_like_a_paragraph(const unsigned char *s, const line_info *l)
{
	uint32_t	cp = first_char(s, l);

	return (na_char_info(cp) & NA_CF_UPPER) != 0 || (cp >= '0' && cp <= '9') ||
		is_opening_quote(cp) || cp == '(' || cp == '[';
}

/*
 * Does the text put two spaces between sentences inside its lines ("said.  The")?
 * Then a wrap at a sentence's end can leave one of them at the end of the
 * line, and white space there says nothing about a paragraph's end.
 */
static int
has_double_spaced_sentences(const unsigned char *s, size_t len)
{
	const unsigned char *p = s;
	const unsigned char *end = s + len;

	while (p + 3 < end && (p = memchr(p, ' ', (size_t) (end - p - 2))) != NULL)
	{
		if (p[1] == ' ' && p > s && p[2] != ' ' && p[2] != '\n' && p[2] != '\r')
		{
			const unsigned char *q = p - 1;

			/* back over closing marks: " ' ) and the three bytes of ” ’ */
			while (q > s && (*q == '"' || *q == '\'' || *q == ')' ||
							 (q >= s + 3 && q[-2] == 0xE2 && q[-1] == 0x80 &&
							  (*q == 0x9D || *q == 0x99))))
				q -= *q >= 0x80 ? 3 : 1;
			if (*q == '.' || *q == '!' || *q == '?' || *q == ':' || *q == ';')
				return 1;
		}
		p++;
	}
	return 0;
}

/*
 * What a hard-wrapped text's other lines tell about an ambiguous line break:
 * a full line (the next word would not have fit) that ends a sentence,
 * followed by a line that begins like a paragraph.  The wrap cannot tell it
 * from running text; the text's habits can.
 */
typedef struct wrap_habits
{
	/* the text's paragraphs are separated by single line breaks (most known
	 * paragraph ends are short lines, hardly any a blank line): a paragraph
	 * ending in a quotation at a full line is then far likelier than a
	 * quotation ending a sentence mid-paragraph right at the line's end */
	int			single_break_paragraphs;
	/* more of the text's known paragraph ends are single line breaks after a
	 * short line than blank lines (it may set some paragraphs apart with
	 * blank lines, a headline, a block quote, an embedded post): an
	 * attribution ending a full line and a paragraph's length then tell its
	 * end as in a text of single-break paragraphs */
	int			single_break_ends;
	/* the text's paragraphs are separated by blank lines (at least three
	 * blank-line paragraph ends, four times as many as the writer's single
	 * line breaks after a sentence that the layout shows): a single line
	 * break after a sentence's end is then a line break inside a paragraph,
	 * as Markdown and wiki text read it (see sentence_goes_on) */
	int			blank_line_paragraphs;
	/* the text's wraps leave no white space at the end of a line (none of
	 * its sure wraps does, and it puts one space between sentences): white
	 * space left there is the writer's, at a paragraph's end */
	int			bare_wraps;
	/* two spaces between sentences inside its lines: -1 until asked (one
	 * pass over the text, made only for a line that needs it) */
	int			double_spaced;
	/* in a text of single-break paragraph ends: the length in lines that more
	 * than a tenth of its known paragraphs (ended by a short line or a
	 * blank line) do not exceed; 0 when it has too few of them to say */
	uint32_t	long_paragraph;
	/* lines of the paragraph being read, up to the line before the break */
	uint32_t	paragraph_lines;
	/* quotations the wrap shows set on lines of their own after a colon
	 * (a short line ending in ':', the next opening a quote), and whether
	 * that is the text's habit: -1 until asked, then 1 when it shows at
	 * least three and more of them than colons before a quotation inside
	 * a line */
	uint32_t	colon_block_quotes;
	int			block_quotes_after_colon;
	const unsigned char *text;
	size_t		len;
	int			has_cr;
	uint32_t	width;
} wrap_habits;

/*
 * Does the text set quotations apart on lines of their own after a colon
 * ("... commented:" and the quotation on the next line), as block quotes of
 * web pages come out in plain text?  A colon then a quotation at a full
 * line is then the same habit, not a wrap: in running text ("said: “We ...")
 * the wrap falls there no more often than anywhere (BBC wrapped at 60, 70
 * and 78 columns: 305 wraps in 306).  Asked only for such a line; one pass
 * over the text counts the colons before a quotation inside a line.
 */
static int
sets_quotes_apart(wrap_habits *h)
{
	if (h->block_quotes_after_colon < 0)
	{
		uint32_t	inline_quotes = 0;
		const unsigned char *p = h->text;
		const unsigned char *end = h->text + h->len;

		while (p < end && (p = memchr(p, ':', (size_t) (end - p))) != NULL)
		{
			const unsigned char *q = ++p;
			uint32_t	cp = 0;

			while (q < end && *q == ' ')
				q++;
			if (q > p && q < end)
				na_utf8_decode(q, (size_t) (end - q), &cp);
			inline_quotes += q > p && is_opening_quote(cp) && cp != '\'';
		}
		h->block_quotes_after_colon = h->colon_block_quotes >= 3 &&
			h->colon_block_quotes > inline_quotes;
	}
	return h->block_quotes_after_colon;
}

/*
 * What full line a's end, before line b, shows of a paragraph's end whose
 * last line happens to be full: 1 the writer ended it, 0 the paragraph goes
 * on, -1 no sign either way.  Only signs a wrap does not leave count: a no-break
 * space after the sentence's end (web pages end paragraphs with "&nbsp;"),
 * white space the text's wraps never leave after a headline's ";", a
 * quotation signed with a dash before the next quotation, a sentence's end
 * with such white space after it; in a text of single-break paragraphs
 * (where a paragraph's end is about as likely as a wrap after a sentence),
 * a quotation closing it (unless b opens with its attribution); and where
 * more paragraph ends are single breaks than blank lines, an attribution
 * ending it.  Measured on PolNeAR and Wikinews wrapped at 60, 70 and 78
 * columns, each sign is right several times as often as it is wrong; a
 * plain sentence's end at a full line is a wrap or a paragraph's end about
 * as often (PolNeAR train: 85 wraps, 83 ends; see wrap_invariance.sh).
 */
static int
signs_of_an_end(const unsigned char *s, const line_info *a, const line_info *b,
				wrap_habits *habits)
{
	int			sentence_end = layout_ends_sentence(s, a);

	if (sentence_end && ends_in_nbsp(s, a))
		return 1;
	/* "Clinton takes Pa., Md. and Del.; " and its subtitle on the next line */
	if (habits->bare_wraps && has_trailing_blank(a) && s[a->end - 1] == ';')
	{
		if (habits->double_spaced < 0)
			habits->double_spaced = has_double_spaced_sentences(habits->text, habits->len);
		if (!habits->double_spaced)
			return 1;
	}
	if (!starts_like_a_paragraph(s, b))
		return 0;
	if (is_opening_quote(first_char(s, b)) && layout_ends_with_signature(s, a))
		return 1;
	/* "... Mark Seidenberg commented:\n“[Harris is] ..." in a text that sets
	 * its quotations apart after a colon */
	if (layout_last_char(s, a) == ':' && is_opening_quote(first_char(s, b)) &&
		sets_quotes_apart(habits))
		return 1;
	/* white space after a sentence's end where the text's wraps leave none
	 * is the writer's, whatever the text's paragraphs are set apart with */
	if (sentence_end && habits->bare_wraps && has_trailing_blank(a))
	{
		if (habits->double_spaced < 0)
			habits->double_spaced = has_double_spaced_sentences(habits->text, habits->len);
		if (!habits->double_spaced)
			return 1;
	}
	if (!habits->single_break_ends || !sentence_end)
		return 0;
	/* a quotation closing the line: only where single breaks are hardly ever
	 * blank lines (see the measurements in wrap_invariance.sh) */
	if (is_closing_quote(layout_last_char(s, a)))
		return habits->single_break_paragraphs && !layout_begins_with_attribution(s, b);
	/* "..., Clinton said." then a new paragraph; "he said.\n“More" goes on,
	 * and so does "said Sen.\nOwen Tarrant" */
	if (!is_opening_quote(first_char(s, b)) && layout_ends_with_attribution(s, a) &&
		!layout_ends_with_title_or_initial(s, a))
		return 1;
	return -1;
}

/*
 * Lines from b to the next paragraph end the wrap shows (a line the next
 * word would have fit on, a full line whose end shows a sign of the writer's
 * (signs_of_an_end: a closing quotation, an attribution, ...), a blank line,
 * the text's end), counting no further than limit: a bounded look ahead, so
 * no text costs more than a constant per line break.  Without the signs, a
 * quotation's paragraph that ends at a full line would count as part of the
 * run, and a sentence before it read as a paragraph's end for the length.
 */
static uint32_t
lines_to_known_end(wrap_habits *h, const line_info *b, uint32_t limit)
{
	line_info	l = *b,
				next;
	uint32_t	n = 1;

	while (n <= limit && l.brk_len)
	{
		line_at(h->text, h->len, h->has_cr, l.brk + l.brk_len, &next);
		if (is_blank_line(&next))
			break;
		measure(h->text, &l);
		if (l.chars + l.gap + first_word_chars(h->text, &next) <= h->width)
			break;				/* short: the writer ended it */
		if (signs_of_an_end(h->text, &l, &next, h) > 0)
			break;
		l = next;
		n++;
	}
	return n;
}

/*
 * In a text whose paragraph ends are mostly single line breaks
 * (single_break_ends), would reading full line a's sentence end as a wrap
 * make a paragraph longer than nine in ten of the paragraphs the text shows
 * (from the paragraph's first line to the next end the wrap shows)?  A
 * paragraph's end that happens to fall at a full line leaves a run of lines
 * as long as two paragraphs; a sentence ending at a line's end inside a
 * paragraph of the usual length does not.  Only
 * from the third line of a paragraph on: a paragraph of one or two lines
 * followed by a long one is the likelier reading of a short run.
 */
static int
would_run_too_long(const unsigned char *s, const line_info *a, const line_info *b,
				   wrap_habits *habits)
{
	uint32_t	k = habits->paragraph_lines;

	if (habits->long_paragraph == 0 || k < 3 || layout_ends_with_title_or_initial(s, a))
		return 0;
	if (k > habits->long_paragraph)
		return 1;
	return k + lines_to_known_end(habits, b, habits->long_paragraph - k + 1) >
		habits->long_paragraph;
}

/*
 * Did the writer end full line a, before line b: a paragraph whose last line
 * happens to be full?  Its signs (signs_of_an_end) decide, and where they
 * say nothing, in a text of single-break paragraph ends, the length the
 * paragraph would run to (would_run_too_long).
 */
static int
writer_ended_full_line(const unsigned char *s, const line_info *a, const line_info *b,
					   wrap_habits *habits)
{
	int			sign = signs_of_an_end(s, a, b, habits);

	return sign >= 0 ? sign : would_run_too_long(s, a, b, habits);
}

/* What the first pass over the lines learns about the text. */
typedef struct layout_stats
{
	uint32_t	inner;			/* lines another line follows directly */
	uint32_t	nonblank;
	uint64_t	all_bytes;		/* bytes of non-blank lines */
	uint64_t	long_line_bytes;	/* of them, in lines of PROSE_LINE bytes or more */
	uint32_t	measured;		/* inner lines of two words or more */
	uint32_t	blank_ends;		/* paragraphs after a blank line */
	uint32_t	sentence_breaks;	/* single line breaks after a sentence's
									 * end, before a line that begins like a
									 * paragraph and is not indented */
	uint32_t	histogram[LENGTH_BUCKETS];	/* their lengths: a line of one
											 * word (a URL) that overflows the
											 * width says nothing of it */
} layout_stats;

/*
 * The width of a wrap, from the 90th percentile p90 of the line lengths: the
 * longest length that 2% of the lines (at least one) reach, no more than an
 * eighth above p90.  A greedy wrap fills lines up to its width, so a tenth of
 * the lines are longer than p90; taken as the width, a paragraph's last line
 * of p90 + 1 characters followed by a short word would read as full and its
 * end would be lost.  Lines much longer (a long word, a URL) do not count.
 */
static uint32_t
wrap_width(const layout_stats *st, uint32_t p90)
{
	uint32_t	enough = st->measured / 50 > 1 ? st->measured / 50 : 1;
	uint32_t	seen = 0;
	uint32_t	limit = p90 + p90 / 8 + 2;

	if (limit >= LENGTH_BUCKETS - 1)
		limit = LENGTH_BUCKETS - 2;
	for (uint32_t w = limit; w > p90; w--)
	{
		seen += st->histogram[w];
		if (seen >= enough)
			return w;
	}
	return p90;
}

/*
 * One pass over the lines: which text, its line breaks (has_cr: CR and CR LF
 * too), and the allocator whose interrupt check a long text calls.
 */
typedef struct layout_text
{
	const unsigned char *s;
	size_t		len;
	int			has_cr;
	const na_mem *mem;
} layout_text;

/*
 * First step: the statistics every later step reads (prose or not, the
 * lengths of lines another line follows).  Characters are counted only for
 * lines with a space in them: a line of one word (a URL) says nothing of a
 * wrap's width.
 */
static void
collect_line_stats(const layout_text *t, layout_stats *st)
{
	const unsigned char *s = t->s;
	line_info	a,
				b;
	uint32_t	lines = 0;

	/* the histogram zeroed when a line is first measured: most texts
	 * measure none, and 4 kB of zeros a text cost a thousand instructions */
	memset(st, 0, offsetof(layout_stats, histogram));
	line_at(s, t->len, t->has_cr, 0, &a);
	for (;;)
	{
		int			has_next = a.brk_len != 0;

		if (has_next)
			line_at(s, t->len, t->has_cr, a.brk + a.brk_len, &b);
		if (!is_blank_line(&a))
		{
			/* prose is told by bytes: no need to count characters */
			st->nonblank++;
			st->all_bytes += a.end - a.start;
			if (a.end - a.start >= PROSE_LINE)
				st->long_line_bytes += a.end - a.start;
			if (has_next && !is_blank_line(&b))
			{
				st->inner++;
				st->sentence_breaks += layout_ends_sentence(s, &a) && !is_indented(s, &b) &&
					starts_like_a_paragraph(s, &b);
				/* a space comes within a few bytes in a line of words */
				if (memchr(s + a.content, ' ', a.end - a.content) != NULL)
				{
					if (st->measured == 0)
						memset(st->histogram, 0, sizeof(st->histogram));
					measure(s, &a);
					st->measured++;
					st->histogram[a.chars < LENGTH_BUCKETS ? a.chars : LENGTH_BUCKETS - 1]++;
				}
			}
		}
		else if (has_next && !is_blank_line(&b))
			st->blank_ends++;
		if (!has_next)
			break;
		a = b;
		if ((++lines & 4095) == 0)
			na_check_interrupts(t->mem);
	}
}

/* The 90th percentile of the measured line lengths (LENGTH_BUCKETS when
 * there are none): the starting point of a wrap's width. */
static uint32_t
length_p90(const layout_stats *st)
{
	uint32_t	seen = 0;
	uint32_t	width;

	if (st->measured == 0)
		return 0;				/* (the histogram unset: the loop's answer) */
	for (width = 0; width < LENGTH_BUCKETS; width++)
	{
		seen += st->histogram[width];
		if ((uint64_t) seen * 10 >= (uint64_t) st->measured * 9)
			break;
	}
	return width;
}

/*
 * The length in lines that more than a tenth of the known paragraphs (their
 * lengths in paragraphs[]) do not exceed, or 0 when fewer than
 * MIN_KNOWN_PARAGRAPHS are known: too few to tell a long paragraph.
 */
static uint32_t
long_paragraph_lines(const uint32_t *paragraphs)
{
	uint32_t	known = 0,
				longer = 0;

	for (uint32_t n = 1; n < PARAGRAPH_BUCKETS; n++)
		known += paragraphs[n];
	if (known < MIN_KNOWN_PARAGRAPHS)
		return 0;
	for (uint32_t n = PARAGRAPH_BUCKETS - 1; n > 0; n--)
	{
		if ((longer + paragraphs[n]) * 10 > known)
			return n;
		longer += paragraphs[n];
	}
	return 0;
}

/*
 * Does the text set its paragraphs apart with blank lines: at least three
 * paragraphs after a blank line, and four times as many as the single line
 * breaks after a sentence's end that the writer visibly made (every one in
 * prose; in hard-wrapped text, those after a short line)?  Such a text
 * breaks a line inside a paragraph now and then (wiki text and Markdown
 * show it as one paragraph; Wikinews keeps the break in its plain text),
 * and a wrap hides where: the writer's break at a full line looks like any
 * wrap.  Verse and lists in stanzas break most lines and are not such texts.
 */
static int
sets_paragraphs_apart(uint32_t blank_ends, uint32_t sentence_breaks)
{
	return blank_ends >= 3 && (uint64_t) sentence_breaks * 4 <= blank_ends;
}

/*
 * Second step: is the text hard-wrapped at width: hardly any line far
 * longer, and at least 40% of the lines another follows are full (the next
 * word would not have fit).  The same pass counts what wrap_habits needs:
 * paragraph ends the wrap shows (short lines ending a sentence) against
 * blank lines, and the white space left after sure wraps.
 */
static int
check_hard_wrap(const layout_text *t, const layout_stats *st, uint32_t width,
				wrap_habits *habits)
{
	const unsigned char *s = t->s;
	line_info	a,
				b;
	uint32_t	allowed = st->nonblank / 20 > 1 ? st->nonblank / 20 : 1;
	uint32_t	too_long = width + width / 5 + 8;
	uint32_t	full = 0,
				longer = 0,
				lines = 0,
				blank_ends = 0,
				short_ends = 0,
				nbsp_ends = 0,
				sure_wraps = 0,
				blank_after_wrap = 0,
				run = 0;
	uint32_t	paragraphs[PARAGRAPH_BUCKETS] = {0};
	int			wrapped;

	line_at(s, t->len, t->has_cr, 0, &a);
	for (;;)
	{
		int			has_next = a.brk_len != 0;

		if (has_next)
			line_at(s, t->len, t->has_cr, a.brk + a.brk_len, &b);
		/* bytes are at least characters: count only lines that may be long */
		if (!is_blank_line(&a) && a.end - a.start > too_long)
		{
			measure(s, &a);
			if (a.chars > too_long && ++longer > allowed)
				break;			/* not one width: not hard-wrapped */
		}
		run += !is_blank_line(&a);
		if (!has_next)
			break;
		if (!is_blank_line(&a) && !is_blank_line(&b))
		{
			int			is_full;

			measure(s, &a);
			is_full = a.chars + a.gap + first_word_chars(s, &b) > width;
			full += is_full;
			if (!is_full && s[a.end - 1] == ':' && !is_indented(s, &b) &&
				is_opening_quote(first_char(s, &b)))
				habits->colon_block_quotes++;
			if (!is_full && !is_indented(s, &b) && layout_ends_sentence(s, &a) &&
				starts_like_a_paragraph(s, &b))
			{
				short_ends++;	/* a paragraph's end the wrap shows */
				paragraphs[run < PARAGRAPH_BUCKETS ? run : PARAGRAPH_BUCKETS - 1]++;
				run = 0;
			}
			else if (is_full && ends_in_nbsp(s, &a) && !is_indented(s, &b) &&
					 layout_ends_sentence(s, &a) && starts_like_a_paragraph(s, &b))
				nbsp_ends++;	/* a web page's paragraph end at a full line */
			else if (is_full && starts_lower(s, &b) && !layout_ends_sentence(s, &a))
			{
				sure_wraps++;	/* a sentence going on: a wrap */
				blank_after_wrap += has_trailing_blank(&a);
			}
		}
		else if (is_blank_line(&a) && !is_blank_line(&b))
			blank_ends++;		/* a paragraph after a blank line (not the
								 * text's final line break) */
		else if (!is_blank_line(&a))
		{
			paragraphs[run < PARAGRAPH_BUCKETS ? run : PARAGRAPH_BUCKETS - 1]++;
			run = 0;			/* a paragraph before a blank line */
		}
		a = b;
		if ((++lines & 4095) == 0)
			na_check_interrupts(t->mem);
	}
	wrapped = full >= 2 && full * 10 >= st->inner * 4 && longer <= allowed;
	if (wrapped)
	{
		habits->single_break_paragraphs = short_ends >= 2 && short_ends > blank_ends * 2;
		habits->single_break_ends = short_ends >= 2 && short_ends > blank_ends;
		habits->blank_line_paragraphs = sets_paragraphs_apart(blank_ends, short_ends + nbsp_ends);
		habits->bare_wraps = sure_wraps >= 3 && blank_after_wrap * 20 <= sure_wraps;
		if (habits->single_break_ends)
			habits->long_paragraph = long_paragraph_lines(paragraphs);
	}
	return wrapped;
}

/*
 * In a text whose paragraphs are set apart by blank lines, does the
 * paragraph go on after line a's sentence end at a single line break, before
 * a line b that begins like a sentence (not after an abbreviation or an
 * initial, "the U.K.", whose sentence end is not sure; not before an item
 * "~ Meet the ...", a rule "—-")?  It
 * does, as in Markdown and wiki text, whether the line is full or short,
 * wrapped or not (a wrap hides where the writer broke a line, so only this
 * reading is the same for the text however it is wrapped), except where the
 * line ends the way a web page ends a paragraph (a no-break space after the
 * sentence) or a signed quotation before the next quotation.
 */
static int
sentence_goes_on(const unsigned char *s, const line_info *a, const line_info *b)
{
	if (ends_in_nbsp(s, a))
		return 0;
	return !(is_opening_quote(first_char(s, b)) && layout_ends_with_signature(s, a));
}

/* How a text's line breaks are read, decided once per text. */
typedef enum layout_kind
{
	LAYOUT_LINES,				/* verse, lists, a sentence a line: every line
								 * break counts (but see sentence_goes_on) */
	LAYOUT_PROSE,				/* a paragraph a line */
	LAYOUT_WRAPPED				/* hard-wrapped at one width */
} layout_kind;

/*
 * Is the break between lines a and b (neither blank) a space?  In prose
 * every line counts as full: only a wrap makes one short.  In a text of
 * lines, only a sentence's end in a text of blank-line paragraphs may be.
 */
static int
is_soft_break(const unsigned char *s, const line_info *a, const line_info *b,
			  layout_kind kind, uint32_t width, wrap_habits *habits)
{
	int			wrapped = kind == LAYOUT_WRAPPED;
	int			full = !wrapped || a->chars + a->gap + first_word_chars(s, b) > width;

	if (is_indented(s, b) || starts_list_item(s, a, b, full, wrapped))
		return 0;				/* indented, or a list item */
	if (kind == LAYOUT_LINES)
		return habits->blank_line_paragraphs && layout_ends_sentence(s, a) &&
			starts_like_a_paragraph(s, b) && !layout_ends_with_title_or_initial(s, a) &&
			sentence_goes_on(s, a, b);
	if ((starts_lower(s, b) || (wrapped && s[b->content] >= '0' && s[b->content] <= '9')) &&
		!layout_ends_sentence(s, a))
		return 1;				/* the sentence goes on: "voted\n61 to 38" */
	if (habits->blank_line_paragraphs && layout_ends_sentence(s, a) && starts_like_a_paragraph(s, b) &&
		!layout_ends_with_title_or_initial(s, a))
		return sentence_goes_on(s, a, b);
	return wrapped && full && !writer_ended_full_line(s, a, b, habits);
}

/*
 * Last step: every line break between two lines that is read as a space, in
 * *soft (its bytes: two for CR LF).  A blank line always ends a paragraph.
 */
static int
collect_soft_breaks(const layout_text *t, layout_kind kind, uint32_t width, wrap_habits *habits,
					uint32_t **soft_out, uint32_t *nsoft_out)
{
	int			wrapped = kind == LAYOUT_WRAPPED;
	const unsigned char *s = t->s;
	na_vec		soft;
	line_info	a,
				b;
	uint32_t	lines = 0;

	na_vec_init(&soft, sizeof(uint32_t));
	line_at(s, t->len, t->has_cr, 0, &a);
	if (wrapped)
		measure(s, &a);
	while (a.brk_len)
	{
		line_at(s, t->len, t->has_cr, a.brk + a.brk_len, &b);
		if (wrapped)
			measure(s, &b);
		habits->paragraph_lines += !is_blank_line(&a);
		if (!is_blank_line(&a) && !is_blank_line(&b) &&
			is_soft_break(s, &a, &b, kind, width, habits))
		{
			if (!add_soft(&soft, t->mem, &a))
			{
				na_vec_free(&soft, t->mem);
				return 0;
			}
		}
		else
			habits->paragraph_lines = 0;
		a = b;
		if ((++lines & 4095) == 0)
			na_check_interrupts(t->mem);
	}
	*soft_out = soft.items;
	*nsoft_out = (uint32_t) soft.count;
	return 1;
}

int
na_layout_soft_breaks(const unsigned char *s, size_t len, const na_mem *mem,
					  uint32_t **soft_out, uint32_t *nsoft_out)
{
	layout_text t = {s, len, 0, mem};
	layout_stats st;
	wrap_habits habits = {0, 0, 0, 0, -1, 0, 0, 0, -1, s, len, 0, 0};
	uint32_t	width;
	int			wrapped = 0;

	*soft_out = NULL;
	*nsoft_out = 0;
	/* most texts decide here: one line, or no two lines in a row */
	if (len == 0 || len >= UINT32_MAX)
		return 1;
	t.has_cr = habits.has_cr = memchr(s, '\r', len) != NULL;
	if (!t.has_cr && memchr(s, '\n', len) == NULL)
		return 1;

	collect_line_stats(&t, &st);
	if (st.inner == 0)
		return 1;				/* no two lines in a row */
	width = length_p90(&st);
	if (st.measured >= 2 && width >= WRAP_MIN_WIDTH && width <= WRAP_MAX_WIDTH)
	{
		width = habits.width = wrap_width(&st, width);
		wrapped = check_hard_wrap(&t, &st, width, &habits);
	}
	if (wrapped)
		return collect_soft_breaks(&t, LAYOUT_WRAPPED, width, &habits, soft_out, nsoft_out);
	/* not wrapped: every single line break is the writer's, all of them count */
	habits.blank_line_paragraphs = sets_paragraphs_apart(st.blank_ends, st.sentence_breaks);
	if (st.long_line_bytes * 2 >= st.all_bytes)
		return collect_soft_breaks(&t, LAYOUT_PROSE, width, &habits, soft_out, nsoft_out);
	/* neither hard-wrapped nor prose (verse, lists, a sentence a line): every
	 * line break ends a paragraph, but a sentence's in a text of blank-line
	 * paragraphs */
	if (!habits.blank_line_paragraphs)
		return 1;
	return collect_soft_breaks(&t, LAYOUT_LINES, width, &habits, soft_out, nsoft_out);
}

size_t
na_layout_one_line(const char *s, size_t len, char *out)
{
	size_t		n = 0;

	for (size_t i = 0; i < len;)
	{
		size_t		run = i;
		int			has_break = 0;

		while (run < len && (s[run] == ' ' || s[run] == '\t' || s[run] == '\n' || s[run] == '\r'))
		{
			has_break |= s[run] == '\n' || s[run] == '\r';
			run++;
		}
		if (run > i && has_break)
		{
			out[n++] = ' ';
			i = run;
		}
		else if (run > i)
		{
			memcpy(out + n, s + i, run - i);
			n += run - i;
			i = run;
		}
		else
			out[n++] = s[i++];
	}
	return n;
}
