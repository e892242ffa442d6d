/*
 * fuzz_sentences.c - sentences and paragraphs of the scanner: they partition
 * the tokens, never cross a paragraph, and slicing the text by their offsets
 * (what sentences() returns to SQL) stays inside it.
 */
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t input_size)
{
	char	   *owned;
	size_t		size;
	const char *text = fuzz_text(data, input_size, &size, &owned);
	unsigned	options = fuzz_options(data, input_size);
	fuzz_alloc	fa;
	na_mem		mem;
	na_doc		doc;
	uint32_t	paragraphs_seen = 0;

	fuzz_scan_checked(&doc, text, size, options, &fa, &mem);
	for (uint32_t k = 0; k < doc.nsentences; k++)
	{
		const na_sentence *s = &doc.sentences[k];
		const na_token *last = &doc.tokens[s->first_token + s->ntokens - 1];

		/* the sentence text starts and ends on its tokens */
		FUZZ_ASSERT((uint64_t) s->start + s->len <= size);
		FUZZ_ASSERT(s->len >= last->len);
		FUZZ_ASSERT(memcmp(text + s->start + s->len - last->len, text + last->start,
						   last->len) == 0);
		if (k == 0 || s->paragraph != doc.sentences[k - 1].paragraph)
		{
			/* a new paragraph is the next one, and opens on a paragraph start
			 * (a dateline's first token, when one opens the sentence's text) */
			uint32_t	opening = k == 0 ? 0 : doc.sentences[k - 1].first_token +
				doc.sentences[k - 1].ntokens;

			FUZZ_ASSERT(s->paragraph == paragraphs_seen);
			FUZZ_ASSERT(doc.tokens[opening].flags & NA_TF_PARA_START);
			FUZZ_ASSERT(doc.tokens[opening].start == s->start);
			paragraphs_seen++;
		}
	}
	FUZZ_ASSERT(paragraphs_seen == doc.nparagraphs);
	na_doc_free(&doc, &mem);
	FUZZ_ASSERT(fa.live == 0);
	free(owned);
	return 0;
}
