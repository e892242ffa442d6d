/*
 * test_analysis.c - na_analyse: one scan feeds every analyser, and its
 * results are those of the analysers run one by one; memory is returned on
 * success and on failure.
 */
#include <stdlib.h>
#include <string.h>

#include "na_analysis.h"
#include "unit.h"

static const char *const veto_text =
	"Russia vetoed the resolution on Tuesday. The draft won 13 votes in favour, "
	"with Russia against and China abstaining.\n\n"
	"\xE2\x80\x9CThis is a sad day,\xE2\x80\x9D Britain\xE2\x80\x99s ambassador, "
	"Ann Hale, said. She added that talks would go on.";

/* An allocator that counts live blocks and can fail after a number of calls. */
typedef struct counting
{
	long		live;
	long		calls;
	long		fail_after;		/* < 0: never fail */
} counting;

static void *
c_alloc(void *ctx, size_t size)
{
	counting   *c = ctx;

	if (c->fail_after >= 0 && c->calls++ >= c->fail_after)
		return NULL;
	c->live++;
	return malloc(size ? size : 1);
}

static void *
c_realloc(void *ctx, void *ptr, size_t size)
{
	counting   *c = ctx;

	if (c->fail_after >= 0 && c->calls++ >= c->fail_after)
		return NULL;
	if (ptr == NULL)
		c->live++;
	return realloc(ptr, size ? size : 1);
}

static void
c_free(void *ctx, void *ptr)
{
	counting   *c = ctx;

	c->live--;
	free(ptr);
}

static na_mem
counting_mem(counting *c, long fail_after)
{
	na_mem		mem = {c_alloc, c_realloc, c_free, NULL, c};

	c->live = 0;
	c->calls = 0;
	c->fail_after = fail_after;
	return mem;
}

static void
test_empty_text(void)
{
	na_analysis a;

	CHECK_INT(na_analyse(&a, "", 0, 0, NA_ANALYSE_ALL, na_mem_stdlib()), NA_OK);
	CHECK_INT(a.doc.ntokens, 0);
	CHECK_INT(a.quotes.nquotes, 0);
	CHECK_INT(a.quotes.nspeakers, 0);
	CHECK_INT(a.votes.nvotes, 0);
	na_analysis_free(&a, na_mem_stdlib());
}

/* The same results as na_scan followed by each analyser on its own. */
static void
test_same_as_separate_runs(void)
{
	const na_mem *mem = na_mem_stdlib();
	size_t		len = strlen(veto_text);
	na_analysis a;
	na_doc		doc;
	na_quote_result quotes;
	na_vote_result votes;

	CHECK_INT(na_analyse(&a, veto_text, len, 0, NA_ANALYSE_ALL, mem), NA_OK);
	CHECK_INT(na_scan(&doc, veto_text, len, 0, mem), NA_OK);
	CHECK_INT(na_quotes_analyse(&doc, mem, &quotes), NA_OK);
	CHECK_INT(na_votes_analyse(&doc, mem, &votes), NA_OK);

	CHECK(a.doc.text == veto_text);
	CHECK_INT(a.doc.ntokens, doc.ntokens);
	CHECK_INT(a.doc.nsentences, doc.nsentences);
	CHECK(a.doc.ntokens > 0 &&
		  memcmp(a.doc.tokens, doc.tokens, sizeof(na_token) * doc.ntokens) == 0);

	CHECK(quotes.nquotes >= 1);
	CHECK_INT(a.quotes.nquotes, quotes.nquotes);
	CHECK_INT(a.quotes.nspeakers, quotes.nspeakers);
	for (uint32_t i = 0; i < quotes.nquotes && i < a.quotes.nquotes; i++)
	{
		CHECK_INT(a.quotes.quotes[i].text.start, quotes.quotes[i].text.start);
		CHECK_INT(a.quotes.quotes[i].text.len, quotes.quotes[i].text.len);
		CHECK_INT(a.quotes.quotes[i].speaker, quotes.quotes[i].speaker);
	}

	CHECK(votes.nvotes >= 1);
	CHECK_INT(a.votes.nvotes, votes.nvotes);
	CHECK_INT(a.votes.nevents, votes.nevents);
	for (uint32_t i = 0; i < votes.nvotes && i < a.votes.nvotes; i++)
	{
		CHECK_INT(a.votes.votes[i].action, votes.votes[i].action);
		CHECK_INT(a.votes.votes[i].evidence.start, votes.votes[i].evidence.start);
	}

	na_vote_result_free(&votes, mem);
	na_quote_result_free(&quotes, mem);
	na_doc_free(&doc, mem);
	na_analysis_free(&a, mem);
}

/* Only what is asked for runs. */
static void
test_what(void)
{
	const na_mem *mem = na_mem_stdlib();
	size_t		len = strlen(veto_text);
	na_analysis a;

	CHECK_INT(na_analyse(&a, veto_text, len, 0, NA_ANALYSE_QUOTES, mem), NA_OK);
	CHECK(a.quotes.nquotes >= 1);
	CHECK_INT(a.votes.nvotes, 0);
	na_analysis_free(&a, mem);

	CHECK_INT(na_analyse(&a, veto_text, len, 0, NA_ANALYSE_VOTES, mem), NA_OK);
	CHECK_INT(a.quotes.nquotes, 0);
	CHECK(a.votes.nvotes >= 1);
	na_analysis_free(&a, mem);

	CHECK_INT(na_analyse(&a, veto_text, len, 0, 0, mem), NA_OK);
	CHECK(a.doc.ntokens > 0);
	CHECK_INT(a.quotes.nquotes, 0);
	CHECK_INT(a.votes.nvotes, 0);
	na_analysis_free(&a, mem);
}

/* Everything allocated is freed, and a failure anywhere leaves nothing behind. */
static void
test_memory(void)
{
	counting	c;
	na_mem		mem = counting_mem(&c, -1);
	size_t		len = strlen(veto_text);
	na_analysis a;
	long		total;

	CHECK_INT(na_analyse(&a, veto_text, len, 0, NA_ANALYSE_ALL, &mem), NA_OK);
	CHECK(c.live > 0);
	na_analysis_free(&a, &mem);
	CHECK_INT(c.live, 0);
	/* freeing twice is harmless: the result was reset */
	na_analysis_free(&a, &mem);
	CHECK_INT(c.live, 0);

	/* count the allocator calls of a full run, then fail each one in turn */
	mem = counting_mem(&c, 1L << 40);
	CHECK_INT(na_analyse(&a, veto_text, len, 0, NA_ANALYSE_ALL, &mem), NA_OK);
	total = c.calls;
	na_analysis_free(&a, &mem);
	for (long n = 0; n < total; n++)
	{
		na_status	status;

		mem = counting_mem(&c, n);
		status = na_analyse(&a, veto_text, len, 0, NA_ANALYSE_ALL, &mem);
		CHECK_INT(status, NA_ERR_NOMEM);
		CHECK_INT(c.live, 0);
		CHECK_INT(a.doc.ntokens, 0);
		CHECK_INT(a.quotes.nquotes, 0);
		CHECK_INT(a.votes.nvotes, 0);
		if (status == NA_OK)
			na_analysis_free(&a, &mem);
	}
}

int
main(void)
{
	static const unit_case cases[] = {
		{"empty_text", test_empty_text},
		{"same_as_separate_runs", test_same_as_separate_runs},
		{"what", test_what},
		{"memory", test_memory},
		{NULL, NULL}
	};

	return unit_run("analysis", cases);
}
