/*
 * analysis.c - one scan, every analyser (see na_analysis.h).
 */
#include <string.h>

#include "na_analysis.h"

/*
 * One scan of the text feeds every analyser the caller asks for, so that the
 * trigger path pays for scanning once.  On failure nothing is left allocated.
 */
na_status
na_analyse(na_analysis *out, const char *text, size_t len,
		   unsigned scan_options, unsigned what, const na_mem *mem)
{
	na_status	status;

	memset(out, 0, sizeof(*out));
	status = na_scan(&out->doc, text, len, scan_options, mem);
	if (status != NA_OK)
		return status;

	/* votes first: its pass over every token finds the text still in cache */
	if (what & NA_ANALYSE_VOTES)
	{
		status = na_votes_analyse(&out->doc, mem, &out->votes);
		if (status != NA_OK)
			goto fail;
	}
	if (what & NA_ANALYSE_QUOTES)
	{
		status = na_quotes_analyse(&out->doc, mem, &out->quotes);
		if (status != NA_OK)
			goto fail;
	}
	return NA_OK;

fail:
	na_analysis_free(out, mem);
	return status;
}

/* Frees what na_analyse made, in any state it returned. */
void
na_analysis_free(na_analysis *analysis, const na_mem *mem)
{
	na_vote_result_free(&analysis->votes, mem);
	na_quote_result_free(&analysis->quotes, mem);
	na_doc_free(&analysis->doc, mem);
	memset(analysis, 0, sizeof(*analysis));
}
