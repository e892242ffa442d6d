/*
 * fuzz_scan.c - the scanner (na_scan): token invariants, determinism, the
 * token helpers analysers use (na_token_is/eq, na_utf8_lower), and every
 * out-of-memory exit releasing what it allocated.
 */
#include "fuzz_common.h"

static const char *const probe_words[] = {"said", "Mr.", "U.S.", "“", "", "a", NULL};

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
	na_doc		again;
	long		calls;
	char		lower[64];

	fuzz_scan_checked(&doc, text, size, options, &fa, &mem);
	calls = fa.calls;

	/* the same text gives the same tokens */
	FUZZ_ASSERT(na_scan(&again, text, size, options, na_mem_stdlib()) == NA_OK);
	FUZZ_ASSERT(again.ntokens == doc.ntokens && again.nsentences == doc.nsentences);
	if (doc.ntokens)
		FUZZ_ASSERT(memcmp(again.tokens, doc.tokens, doc.ntokens * sizeof(na_token)) == 0);
	na_doc_free(&again, na_mem_stdlib());

	for (uint32_t i = 0; i < doc.ntokens; i++)
	{
		const na_token *t = &doc.tokens[i];
		size_t		n;

		for (const char *const *w = probe_words; *w; w++)
		{
			int			is = na_token_is(&doc, t, *w);
			int			eq = na_token_eq(&doc, t, *w);

			/* an exact match is also a case-insensitive one */
			FUZZ_ASSERT(!eq || is);
			if (eq)
				FUZZ_ASSERT(t->len == strlen(*w) && memcmp(text + t->start, *w, t->len) == 0);
		}
		n = na_utf8_lower(text + t->start, t->len, lower, sizeof(lower));
		FUZZ_ASSERT(n <= sizeof(lower));
		if (n)
			FUZZ_ASSERT(na_utf8_length(lower, n) == na_utf8_length(text + t->start, t->len));
	}
	na_doc_free(&doc, &mem);
	FUZZ_ASSERT(fa.live == 0);
	FUZZ_ASSERT(doc.ntokens == 0 && doc.tokens == NULL && doc.sentences == NULL);

	/* fail one allocation of the scan: a clean NA_ERR_NOMEM, nothing kept */
	if (calls > 0)
	{
		long		fail_at = 1 + (long) ((size * 2654435761u) % (unsigned long) calls);

		mem = fuzz_mem(&fa, fail_at);
		FUZZ_ASSERT(na_scan(&doc, text, size, options, &mem) == NA_ERR_NOMEM);
		FUZZ_ASSERT(doc.ntokens == 0 && doc.nsentences == 0);
		FUZZ_ASSERT(fa.live == 0);
	}
	free(owned);
	return 0;
}
