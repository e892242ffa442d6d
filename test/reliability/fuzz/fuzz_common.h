/*
 * fuzz_common.h - shared by the fuzz targets: invariant checks on an na_doc,
 * a counting allocator that can be told to fail, and FUZZ_ASSERT.
 *
 * A target is one LLVMFuzzerTestOneInput per core entry point.  The same
 * source builds three ways (test/mk/reliability.mk): with libFuzzer for
 * fuzzing, with ASan+UBSan and replay_main.c for replaying corpora in CI, and
 * plain with replay_main.c for valgrind.  Failed invariants abort(), which all
 * three report as a crash with the input that caused it.
 */
#ifndef NA_FUZZ_COMMON_H
#define NA_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "na_mem.h"
#include "na_scan.h"
#include "na_unicode.h"

#define FUZZ_ASSERT(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A malloc-backed na_mem that counts live blocks (so a target can assert
 * that na_doc_free and the error paths release everything) and fails every
 * allocation from the fail_at-th on (0 = never), to drive NA_ERR_NOMEM paths.
 */
typedef struct fuzz_alloc
{
	long		live;
	long		calls;
	long		fail_at;
	long		interrupt_calls;
} fuzz_alloc;

static void *
fuzz_alloc_alloc(void *ctx, size_t size)
{
	fuzz_alloc *fa = ctx;

	fa->calls++;
	if (fa->fail_at && fa->calls >= fa->fail_at)
		return NULL;
	fa->live++;
	return malloc(size ? size : 1);
}

static void *
fuzz_alloc_realloc(void *ctx, void *ptr, size_t size)
{
	fuzz_alloc *fa = ctx;

	fa->calls++;
	if (fa->fail_at && fa->calls >= fa->fail_at)
		return NULL;
	return realloc(ptr, size ? size : 1);
}

static void
fuzz_alloc_free(void *ctx, void *ptr)
{
	fuzz_alloc *fa = ctx;

	FUZZ_ASSERT(ptr != NULL);
	fa->live--;
	free(ptr);
}

static void
fuzz_alloc_interrupts(void *ctx)
{
	((fuzz_alloc *) ctx)->interrupt_calls++;
}

static inline na_mem
fuzz_mem(fuzz_alloc *fa, long fail_at)
{
	na_mem		mem = {fuzz_alloc_alloc, fuzz_alloc_realloc, fuzz_alloc_free,
	fuzz_alloc_interrupts, fa};

	memset(fa, 0, sizeof(*fa));
	fa->fail_at = fail_at;
	return mem;
}

/*
 * Token invariants: inside the text, in order, not overlapping, non-empty,
 * character offsets that agree with a count of the text (one per byte with
 * NA_SCAN_COUNT_BYTES), known kinds, paragraphs that only grow and start
 * where NA_TF_PARA_START says.
 */
static inline void
fuzz_check_tokens(const na_doc *doc, const char *text, size_t len, unsigned options)
{
	int			count_bytes = (options & NA_SCAN_COUNT_BYTES) != 0;
	uint32_t	end = 0;
	uint32_t	cend = 0;

	FUZZ_ASSERT(doc->len == len);
	FUZZ_ASSERT(doc->text == text);
	FUZZ_ASSERT(doc->nchars == (count_bytes ? len : na_utf8_length(text, len)));
	FUZZ_ASSERT((doc->ntokens == 0) == (doc->nparagraphs == 0));
	for (uint32_t i = 0; i < doc->ntokens; i++)
	{
		const na_token *t = &doc->tokens[i];
		uint32_t	gap_chars;

		FUZZ_ASSERT(t->len > 0);
		FUZZ_ASSERT(t->start >= end);
		FUZZ_ASSERT((uint64_t) t->start + t->len <= len);
		gap_chars = count_bytes ? t->start - end
			: (uint32_t) na_utf8_length(text + end, t->start - end);
		FUZZ_ASSERT(t->cstart == cend + gap_chars);
		FUZZ_ASSERT(t->clen == (count_bytes ? t->len
								: (uint32_t) na_utf8_length(text + t->start, t->len)));
		FUZZ_ASSERT(t->kind > 0 && t->kind < NA_TK_KIND_COUNT);
		FUZZ_ASSERT(strcmp(na_kind_name(t->kind), "unknown") != 0);
		FUZZ_ASSERT(t->mark <= NA_MARK_CORNER);
		FUZZ_ASSERT(t->paragraph < doc->nparagraphs);
		if (i == 0)
			FUZZ_ASSERT(t->paragraph == 0 && (t->flags & NA_TF_PARA_START));
		else
		{
			const na_token *p = &doc->tokens[i - 1];

			FUZZ_ASSERT(t->paragraph == p->paragraph ||
						t->paragraph == p->paragraph + 1);
			FUZZ_ASSERT((t->paragraph != p->paragraph) ==
						((t->flags & NA_TF_PARA_START) != 0));
		}
		end = t->start + t->len;
		cend = t->cstart + t->clen;
	}
	if (doc->ntokens)
		FUZZ_ASSERT(doc->tokens[doc->ntokens - 1].paragraph + 1 == doc->nparagraphs);
}

/*
 * Sentence invariants: sentences partition the tokens in order, never cross
 * a paragraph, carry the offsets of their first and last token, and the
 * tokens' sentence numbers and SENT_START/SENT_END flags agree with them.
 * A dateline or kicker (NA_TF_DATELINE) opens the text of a sentence before
 * its first_token: its tokens belong to the sentence, in its paragraph, the
 * sentence's offsets start at its first token, and it is flagged as the
 * sentence start and end it was before it joined the lead sentence.
 */
static inline void
fuzz_check_sentences(const na_doc *doc)
{
	uint32_t	next_token = 0;

	FUZZ_ASSERT((doc->ntokens == 0) == (doc->nsentences == 0));
	for (uint32_t k = 0; k < doc->nsentences; k++)
	{
		const na_sentence *s = &doc->sentences[k];
		const na_token *a;
		const na_token *b;

		FUZZ_ASSERT(s->first_token >= next_token);
		FUZZ_ASSERT(s->ntokens > 0);
		FUZZ_ASSERT((uint64_t) s->first_token + s->ntokens <= doc->ntokens);
		a = &doc->tokens[s->first_token];
		b = &doc->tokens[s->first_token + s->ntokens - 1];
		for (uint32_t i = next_token; i < s->first_token; i++)
		{
			const na_token *t = &doc->tokens[i];

			FUZZ_ASSERT(t->flags & NA_TF_DATELINE);
			FUZZ_ASSERT(t->sentence == k);
			FUZZ_ASSERT(t->paragraph == a->paragraph);
			FUZZ_ASSERT(((t->flags & NA_TF_SENT_START) != 0) == (i == next_token));
			FUZZ_ASSERT(((t->flags & NA_TF_SENT_END) != 0) == (i + 1 == s->first_token));
		}
		if (s->first_token > next_token)
			a = &doc->tokens[next_token];
		FUZZ_ASSERT(s->start == a->start);
		FUZZ_ASSERT(s->len == b->start + b->len - a->start);
		FUZZ_ASSERT(s->cstart == a->cstart);
		FUZZ_ASSERT(s->clen == b->cstart + b->clen - a->cstart);
		FUZZ_ASSERT(s->paragraph == a->paragraph);
		for (uint32_t i = s->first_token; i < s->first_token + s->ntokens; i++)
		{
			const na_token *t = &doc->tokens[i];

			FUZZ_ASSERT(!(t->flags & NA_TF_DATELINE));
			FUZZ_ASSERT(t->sentence == k);
			FUZZ_ASSERT(t->paragraph == s->paragraph);
			FUZZ_ASSERT(((t->flags & NA_TF_SENT_START) != 0) == (i == s->first_token));
			FUZZ_ASSERT(((t->flags & NA_TF_SENT_END) != 0) ==
						(i == s->first_token + s->ntokens - 1));
		}
		if (k > 0)
			FUZZ_ASSERT(s->paragraph >= doc->sentences[k - 1].paragraph);
		next_token = s->first_token + s->ntokens;
	}
	FUZZ_ASSERT(next_token == doc->ntokens);
}

/*
 * The text a target analyses.  An input that starts with the byte 0xFE and a
 * size byte k stands for the rest of it repeated up to 4 kB << (k & 7), at
 * most FUZZ_REPEAT_BYTES (512 kB): long documents (many quotes, events,
 * sentences, one run-on sentence) reach limits and slow paths that short
 * inputs never do.  *owned is what the caller frees (NULL if text is the input).
 */
#define FUZZ_REPEAT_BYTES (512 * 1024)

static inline const char *
fuzz_text(const uint8_t *data, size_t size, size_t *len, char **owned)
{
	char	   *buf;
	size_t		unit;
	size_t		n;

	*owned = NULL;
	*len = size;
	if (size < 3 || data[0] != 0xFE)
		return (const char *) data;
	unit = size - 2;
	n = ((size_t) 4096 << (data[1] & 7)) / unit * unit;
	if (n < unit)
		n = unit;
	buf = malloc(n);
	FUZZ_ASSERT(buf != NULL);
	for (size_t i = 0; i < n; i += unit)
		memcpy(buf + i, data + 2, unit);
	*owned = buf;
	*len = n;
	return buf;
}

/* The scan options a target uses: mostly UTF-8, sometimes SQL_ASCII byte counting. */
static inline unsigned
fuzz_options(const uint8_t *data, size_t size)
{
	return (size > 0 && (data[size - 1] & 0x07) == 0x07) ? NA_SCAN_COUNT_BYTES : 0;
}

/*
 * Scan through the counting allocator and check the tokens; the caller
 * releases doc with na_doc_free(doc, mem) and may check fa->live == 0.
 */
static inline void
fuzz_scan_checked(na_doc *doc, const char *text, size_t len, unsigned options,
				  fuzz_alloc *fa, na_mem *mem)
{
	*mem = fuzz_mem(fa, 0);
	FUZZ_ASSERT(na_scan(doc, text, len, options, mem) == NA_OK);
	fuzz_check_tokens(doc, text, len, options);
	fuzz_check_sentences(doc);
}


/*
 * Character offsets of a text, for checking the spans analysers report:
 * chars[b] is the character offset of byte b when b starts a character (or
 * b == len), and UINT32_MAX inside a character.
 */
typedef struct fuzz_offsets
{
	uint32_t   *chars;
	size_t		len;
} fuzz_offsets;

static inline void
fuzz_offsets_init(fuzz_offsets *o, const char *text, size_t len, unsigned options)
{
	const unsigned char *s = (const unsigned char *) text;
	uint32_t	c = 0;
	size_t		i = 0;

	o->len = len;
	o->chars = malloc((len + 1) * sizeof(uint32_t));
	FUZZ_ASSERT(o->chars != NULL);
	while (i < len)
	{
		uint32_t	cp;
		int			n = (options & NA_SCAN_COUNT_BYTES) ? 1 : na_utf8_decode(s + i, len - i, &cp);

		o->chars[i] = c++;
		for (int k = 1; k < n; k++)
			o->chars[i + k] = UINT32_MAX;
		i += n;
	}
	o->chars[len] = c;
}

static inline void
fuzz_offsets_free(fuzz_offsets *o)
{
	free(o->chars);
	o->chars = NULL;
}

/*
 * A span (byte start/len, character cstart/clen) is empty, or lies inside the
 * text, starts and ends on character boundaries and has matching character
 * offsets.
 */
#define FUZZ_CHECK_SPAN(o, sp) \
	do { \
		if ((sp).len == 0) \
			break; \
		FUZZ_ASSERT((uint64_t) (sp).start + (sp).len <= (o)->len); \
		FUZZ_ASSERT((o)->chars[(sp).start] != UINT32_MAX); \
		FUZZ_ASSERT((o)->chars[(sp).start + (sp).len] != UINT32_MAX); \
		FUZZ_ASSERT((sp).cstart == (o)->chars[(sp).start]); \
		FUZZ_ASSERT((sp).clen == (o)->chars[(sp).start + (sp).len] - (o)->chars[(sp).start]); \
	} while (0)

/* Which allocation of an analysis to fail, 1..calls, chosen from the input. */
static inline long
fuzz_fail_point(size_t seed, long calls)
{
	return 1 + (long) ((seed * 2654435761u) % (unsigned long) calls);
}

#endif							/* NA_FUZZ_COMMON_H */
