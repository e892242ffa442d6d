/*
 * fuzz_votes.c - vote events (na_votes_analyse_speakers: with the quotes
 * analysis a vote in the first person asks for): spans inside the text on
 * character boundaries with the right character offsets, known actions,
 * outcomes, modalities and methods, tallies that are counts or absent, events
 * numbered 1..nevents in order of first appearance, and a clean
 * NA_ERR_NOMEM from any failed allocation.
 */
#include "fuzz_common.h"
#include "na_analysis.h"
#include "na_votes.h"

static void
check_count(int32_t n)
{
	FUZZ_ASSERT(n == NA_VOTE_NO_COUNT || n >= 0);
}

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
	na_vote_result r;
	fuzz_offsets off;
	long		live_after_scan;
	long		calls_before;
	uint32_t	events_seen = 0;

	fuzz_scan_checked(&doc, text, size, options, &fa, &mem);
	live_after_scan = fa.live;
	calls_before = fa.calls;
	FUZZ_ASSERT(na_votes_analyse_speakers(&doc, &mem, &r) == NA_OK);
	fuzz_offsets_init(&off, text, size, options);

	for (uint32_t i = 0; i < r.nvotes; i++)
	{
		const na_vote *v = &r.votes[i];

		FUZZ_ASSERT(v->sentence < doc.nsentences);
		FUZZ_CHECK_SPAN(&off, v->evidence);
		FUZZ_CHECK_SPAN(&off, v->actor_span);
		FUZZ_CHECK_SPAN(&off, v->body_span);
		FUZZ_CHECK_SPAN(&off, v->motion);
		FUZZ_ASSERT(v->action >= 1 && v->action < NA_VA_COUNT);
		FUZZ_ASSERT(na_vote_action_name(v->action) != NULL);
		FUZZ_ASSERT(v->actor_kind < NA_VK_COUNT);
		FUZZ_ASSERT(v->actor_kind == NA_VK_NONE || na_vote_actor_kind_name(v->actor_kind) != NULL);
		FUZZ_ASSERT(v->outcome < NA_VO_COUNT);
		FUZZ_ASSERT(v->outcome == NA_VO_NONE || na_vote_outcome_name(v->outcome) != NULL);
		FUZZ_ASSERT(v->modality >= 1 && v->modality < NA_VM_COUNT);
		FUZZ_ASSERT(na_vote_modality_name(v->modality) != NULL);
		FUZZ_ASSERT(v->method < NA_VME_COUNT);
		FUZZ_ASSERT(v->method == NA_VME_NONE || na_vote_method_name(v->method) != NULL);
		FUZZ_ASSERT(v->actor == NULL || v->actor[0] != '\0');
		FUZZ_ASSERT(v->body == NULL || v->body[0] != '\0');
		check_count(v->votes_for);
		check_count(v->votes_against);
		check_count(v->abstentions);
		FUZZ_ASSERT(v->event <= r.nevents);
		if (v->modality == NA_VM_HISTORICAL)
			FUZZ_ASSERT(v->event == 0);
		/* events are numbered in order of first appearance */
		FUZZ_ASSERT(v->event <= events_seen + 1);
		if (v->event == events_seen + 1)
			events_seen++;
		if (i > 0)
			FUZZ_ASSERT(v->sentence >= r.votes[i - 1].sentence);
	}
	FUZZ_ASSERT(events_seen == r.nevents);
	fuzz_offsets_free(&off);
	na_vote_result_free(&r, &mem);
	FUZZ_ASSERT(r.nvotes == 0 && r.votes == NULL);
	FUZZ_ASSERT(fa.live == live_after_scan);

	/* one failed allocation of the analysis: NA_ERR_NOMEM, nothing kept */
	if (fa.calls > calls_before)
	{
		fuzz_alloc	ffa;
		na_mem		fmem = fuzz_mem(&ffa, fuzz_fail_point(size, fa.calls - calls_before));

		FUZZ_ASSERT(na_votes_analyse_speakers(&doc, &fmem, &r) == NA_ERR_NOMEM);
		FUZZ_ASSERT(r.nvotes == 0 && r.nevents == 0);
		FUZZ_ASSERT(ffa.live == 0);
	}
	na_doc_free(&doc, &mem);
	FUZZ_ASSERT(fa.live == 0);
	free(owned);
	return 0;
}
