/*
 * fuzz_speakers.c - the speakers of na_quotes_analyse: names, roles,
 * organisations and aliases inside the text on character boundaries, genders
 * and affiliations that exist, quote counts that agree with the quotes
 * attributed to each speaker, first mentions inside the text.
 */
#include "fuzz_common.h"
#include "na_places.h"
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
	uint32_t   *attributed;

	fuzz_scan_checked(&doc, text, size, options, &fa, &mem);
	FUZZ_ASSERT(na_quotes_analyse(&doc, &mem, &r) == NA_OK);
	fuzz_offsets_init(&off, text, size, options);

	attributed = calloc(r.nspeakers + 1, sizeof(uint32_t));
	FUZZ_ASSERT(attributed != NULL);
	for (uint32_t i = 0; i < r.nquotes; i++)
		if (r.quotes[i].speaker >= 0)
		{
			int32_t		whole = r.quotes[i].part_of;

			FUZZ_ASSERT((uint32_t) r.quotes[i].speaker < r.nspeakers);
			/* an attribution counts once: a piece of a row of the same
			 * speaker is counted with that row */
			if (whole < 0 || r.quotes[whole].speaker != r.quotes[i].speaker)
				attributed[r.quotes[i].speaker]++;
		}

	for (uint32_t k = 0; k < r.naliases; k++)
	{
		FUZZ_ASSERT(r.aliases[k].len > 0);
		FUZZ_CHECK_SPAN(&off, r.aliases[k]);
	}
	for (uint32_t s = 0; s < r.nspeakers; s++)
	{
		const na_speaker *sp = &r.speakers[s];

		FUZZ_ASSERT(sp->name.len > 0);
		FUZZ_CHECK_SPAN(&off, sp->name);
		FUZZ_CHECK_SPAN(&off, sp->role);
		FUZZ_CHECK_SPAN(&off, sp->affiliation_span);
		FUZZ_ASSERT((uint64_t) sp->first_alias + sp->naliases <= r.naliases);
		FUZZ_ASSERT(sp->gender <= NA_GENDER_MALE);
		FUZZ_ASSERT(sp->gender == NA_GENDER_UNKNOWN || na_gender_name(sp->gender) != NULL);
		if (sp->affiliation)
			FUZZ_ASSERT(na_place_canonical(sp->affiliation) != NULL ||
						strlen(sp->affiliation) > 0);
		FUZZ_ASSERT(sp->quotes == attributed[s]);
		FUZZ_ASSERT(sp->first_start < size);
		FUZZ_ASSERT(off.chars[sp->first_start] == sp->first_cstart);
		/* speakers come in order of first mention */
		if (s > 0)
			FUZZ_ASSERT(sp->first_start >= r.speakers[s - 1].first_start);
	}
	free(attributed);
	fuzz_offsets_free(&off);
	na_quote_result_free(&r, &mem);
	na_doc_free(&doc, &mem);
	FUZZ_ASSERT(fa.live == 0);
	free(owned);
	return 0;
}
