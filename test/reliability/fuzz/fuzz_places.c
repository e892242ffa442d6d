/*
 * fuzz_places.c - country lookup (na_place_at at every token, and
 * na_place_canonical on the raw input and on every token's text): matches stay
 * inside the document and name a country of the list.
 */
#include "fuzz_common.h"
#include "na_places.h"

/* Is country one of the canonical names (the list is sorted)? */
static int
is_listed_country(const char *country)
{
	uint32_t	lo = 0;
	uint32_t	hi = na_place_country_count();

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		int			c = strcmp(na_place_country(mid), country);

		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static void
check_canonical(const char *s, size_t len)
{
	char	   *z = malloc(len + 1);
	const char *country;

	FUZZ_ASSERT(z != NULL);
	memcpy(z, s, len);
	z[len] = '\0';
	country = na_place_canonical(z);
	if (country)
	{
		FUZZ_ASSERT(is_listed_country(country));
		/* a canonical name is its own canonical name */
		FUZZ_ASSERT(strcmp(na_place_canonical(country), country) == 0);
	}
	free(z);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t input_size)
{
	char	   *owned;
	size_t		size;
	const char *text = fuzz_text(data, input_size, &size, &owned);
	fuzz_alloc	fa;
	na_mem		mem;
	na_doc		doc;

	fuzz_scan_checked(&doc, text, size, fuzz_options(data, input_size), &fa, &mem);
	for (uint32_t i = 0; i < doc.ntokens; i++)
	{
		na_place_match m;

		memset(&m, 0xAB, sizeof(m));
		if (na_place_at(&doc, i, &m))
		{
			FUZZ_ASSERT(m.ntokens >= 1);
			FUZZ_ASSERT((uint64_t) i + m.ntokens <= doc.ntokens);
			FUZZ_ASSERT(m.country != NULL && is_listed_country(m.country));
			FUZZ_ASSERT(strcmp(na_place_kind_name(m.kind), "unknown") != 0);
			FUZZ_ASSERT((m.flags & ~(NA_PLACE_AMBIGUOUS | NA_PLACE_POSSESSIVE |
									 NA_PLACE_ARTICLE)) == 0);
		}
		check_canonical(text + doc.tokens[i].start, doc.tokens[i].len);
	}
	/* past the last token: no match, no read */
	{
		na_place_match m;

		FUZZ_ASSERT(na_place_at(&doc, doc.ntokens, &m) == 0);
	}
	if (size <= 256)
		check_canonical(text, size);
	na_doc_free(&doc, &mem);
	FUZZ_ASSERT(fa.live == 0);
	free(owned);
	return 0;
}
