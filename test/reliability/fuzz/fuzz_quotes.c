/*
 * fuzz_quotes.c - quotations and reported speech (na_quotes_analyse): spans
 * inside the text on character boundaries with the right character offsets,
 * tokens, sentences and speakers that exist, known kinds and cue classes,
 * pieces that name a report, confidences in [0, 1], text order,
 * and a clean NA_ERR_NOMEM from any failed allocation.
 */
#include <math.h>

#include "fuzz_common.h"
#include "na_quotes.h"

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
	na_quote_result r;
	fuzz_offsets off;
	long		live_after_scan;
	long		calls_before;

	fuzz_scan_checked(&doc, text, size, options, &fa, &mem);
	live_after_scan = fa.live;
	calls_before = fa.calls;
	FUZZ_ASSERT(na_quotes_analyse(&doc, &mem, &r) == NA_OK);
	fuzz_offsets_init(&off, text, size, options);

	for (uint32_t i = 0; i < r.nquotes; i++)
	{
		const na_quote *q = &r.quotes[i];

		FUZZ_CHECK_SPAN(&off, q->text);
		FUZZ_CHECK_SPAN(&off, q->mention);
		FUZZ_CHECK_SPAN(&off, q->cue);
		FUZZ_ASSERT((uint64_t) q->first_token + q->ntokens <= doc.ntokens);
		FUZZ_ASSERT(q->paragraph < doc.nparagraphs);
		FUZZ_ASSERT(q->sentence < doc.nsentences);
		FUZZ_ASSERT(q->kind >= 1 && q->kind < NA_QK_COUNT);
		FUZZ_ASSERT(na_quote_kind_name(q->kind) != NULL);
		FUZZ_ASSERT(q->attribution < NA_QA_COUNT);
		FUZZ_ASSERT(q->attribution == NA_QA_NONE ||
					na_quote_attribution_name(q->attribution) != NULL);
		FUZZ_ASSERT(q->speaker >= -1 && (q->speaker < 0 || (uint32_t) q->speaker < r.nspeakers));
		FUZZ_ASSERT(!isnan(q->confidence) && q->confidence >= 0.0f && q->confidence <= 1.0f);
		if (i > 0)
			FUZZ_ASSERT(q->text.start >= r.quotes[i - 1].text.start);
		/* reported speech: a cue class only with a cue; a piece names
		 * another row, a report (mixed or indirect) */
		FUZZ_ASSERT(q->cue_class < NA_CUE_COUNT);
		FUZZ_ASSERT(q->cue_class == NA_CUE_NONE || q->cue.len > 0);
		/* a report has its cue, and its source unless it is impersonal
		 * ("X is expected to …": no mention, no speaker, no attribution) */
		FUZZ_ASSERT((q->kind != NA_QK_MIXED && q->kind != NA_QK_INDIRECT) ||
					(q->cue.len > 0 &&
					 (q->mention.len > 0 ||
					  (q->speaker < 0 && q->attribution == NA_QA_NONE))));
		FUZZ_ASSERT(q->part_of >= -1 && q->part_of < (int32_t) r.nquotes &&
					q->part_of != (int32_t) i);
		if (q->part_of >= 0)
			FUZZ_ASSERT(r.quotes[q->part_of].kind == NA_QK_MIXED ||
						r.quotes[q->part_of].kind == NA_QK_INDIRECT);
	}
	fuzz_offsets_free(&off);
	na_quote_result_free(&r, &mem);
	FUZZ_ASSERT(fa.live == live_after_scan);

	/* one failed allocation of the analysis: NA_ERR_NOMEM, nothing kept */
	if (fa.calls > calls_before)
	{
		fuzz_alloc	ffa;
		na_mem		fmem = fuzz_mem(&ffa, fuzz_fail_point(size, fa.calls - calls_before));

		FUZZ_ASSERT(na_quotes_analyse(&doc, &fmem, &r) == NA_ERR_NOMEM);
		FUZZ_ASSERT(r.nquotes == 0 && r.nspeakers == 0 && r.naliases == 0);
		FUZZ_ASSERT(ffa.live == 0);
	}
	na_doc_free(&doc, &mem);
	FUZZ_ASSERT(fa.live == 0);
	free(owned);
	return 0;
}
