/*
 * analysis.c - one scan, every analyser (see na_analysis.h).
 */
#include <string.h>

#include "na_analysis.h"

/*
 * The speakers of a document's quotations, as the vote analysis asks for
 * them (na_vote_speakers): from the caller's quotes, or from the document's
 * quotes analysed here on the first question (most documents never ask).
 */
typedef struct quote_speakers
{
	const na_doc *doc;
	const na_mem *mem;
	const na_quote_result *quotes;	/* NULL until known */
	na_quote_result own;		/* analysed here */
	na_status	status;			/* of that analysis */
} quote_speakers;

/* The token that starts at byte offset start, or -1 (tokens are in text order). */
static int64_t
token_starting_at(const na_doc *doc, uint32_t start)
{
	uint32_t	lo = 0;
	uint32_t	hi = doc->ntokens;

	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (doc->tokens[mid].start < start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < doc->ntokens && doc->tokens[lo].start == start ? (int64_t) lo : -1;
}

/*
 * na_vote_speakers' speaker_at: the speaker of the innermost quotation or
 * report holding offset, when the article names that speaker (a name the
 * text spells, as tokens); a group or role the article names no one for
 * ("a spokesman", "officials") is no one's "I".
 */
static int
speaker_at(void *arg, uint32_t offset, uint32_t *name_first, uint32_t *name_end)
{
	quote_speakers *qs = (quote_speakers *) arg;
	const na_quote_result *r;
	uint32_t	lo = 0;
	uint32_t	hi;

	if (qs->quotes == NULL)
	{
		if (qs->status != NA_OK)
			return 0;
		qs->status = na_quotes_analyse(qs->doc, qs->mem, &qs->own);
		if (qs->status != NA_OK)
			return 0;
		qs->quotes = &qs->own;
	}
	r = qs->quotes;
	/* the quotations are in text order of their content: the last one starting at or before offset */
	hi = r->nquotes;
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;

		if (r->quotes[mid].text.start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* it, or one a few before holding it (a partial quotation inside a report starts after the report) */
	for (uint32_t seen = 0; seen < 8 && lo > 0; seen++, lo--)
	{
		const na_quote *q = &r->quotes[lo - 1];
		const na_speaker *sp;
		int64_t		first;
		int64_t		last;

		if (offset - q->text.start >= q->text.len || q->kind == NA_QK_UNATTRIBUTED ||
			q->speaker < 0 || (uint32_t) q->speaker >= r->nspeakers)
			continue;
		sp = &r->speakers[q->speaker];
		if (sp->name_static != NULL || sp->name.len == 0 ||
			(q->attribution == NA_QA_TITLE && sp->gender == NA_GENDER_UNKNOWN))
			continue;
		first = token_starting_at(qs->doc, sp->name.start);
		last = first;
		while (last >= 0 && (uint32_t) last < qs->doc->ntokens &&
			   qs->doc->tokens[last].start + qs->doc->tokens[last].len < sp->name.start + sp->name.len)
			last++;
		if (first < 0 || (uint32_t) last >= qs->doc->ntokens ||
			qs->doc->tokens[last].start + qs->doc->tokens[last].len != sp->name.start + sp->name.len)
			continue;
		*name_first = (uint32_t) first;
		*name_end = (uint32_t) last + 1;
		return 1;
	}
	return 0;
}

/*
 * The vote analysis with the speakers of the document's quotations: quotes
 * the caller's (NULL: analysed here if a vote asks, and freed after).  A
 * failure of that quotes analysis fails the votes' (out left empty).
 */
static na_status
votes_with_speakers(const na_doc *doc, const na_quote_result *quotes, const na_mem *mem,
					na_vote_result *out)
{
	quote_speakers qs = {doc, mem, quotes, {0}, NA_OK};
	na_vote_speakers speakers = {speaker_at, &qs};
	na_status	status = na_votes_analyse_with(doc, &speakers, mem, out);

	if (qs.quotes == &qs.own)
		na_quote_result_free(&qs.own, mem);
	if (status == NA_OK && qs.status != NA_OK)
	{
		na_vote_result_free(out, mem);
		status = qs.status;
	}
	return status;
}

na_status
na_votes_analyse_speakers(const na_doc *doc, const na_mem *mem, na_vote_result *out)
{
	return votes_with_speakers(doc, NULL, mem, out);
}

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

	/* quotes first: a vote in the first person is its quotation's speaker's */
	if (what & NA_ANALYSE_QUOTES)
	{
		status = na_quotes_analyse(&out->doc, mem, &out->quotes);
		if (status != NA_OK)
			goto fail;
	}
	if (what & NA_ANALYSE_VOTES)
	{
		status = votes_with_speakers(&out->doc, (what & NA_ANALYSE_QUOTES) ? &out->quotes : NULL,
									 mem, &out->votes);
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
