/*
 * na_analysis.h - every analyser over one scan of a text.
 *
 * na_analyse scans the text once and hands the same na_doc to the quotes and
 * the vote-event analysers, so storing an article's quotes, speakers and
 * vote events costs one pass over its text.  The analyse-on-write trigger
 * (src/pg/track_pg.c) is the main caller.
 */
#ifndef NA_ANALYSIS_H
#define NA_ANALYSIS_H

#include <stddef.h>

#include "na_mem.h"
#include "na_quotes.h"
#include "na_scan.h"
#include "na_votes.h"

/* Which analysers to run (na_analyse's what). */
#define NA_ANALYSE_QUOTES	0x0001	/* quotes and speakers */
#define NA_ANALYSE_VOTES	0x0002	/* vote events */
#define NA_ANALYSE_ALL		(NA_ANALYSE_QUOTES | NA_ANALYSE_VOTES)

typedef struct na_analysis
{
	na_doc		doc;			/* tokens and sentences; doc.text is the caller's */
	na_quote_result quotes;		/* empty unless NA_ANALYSE_QUOTES */
	na_vote_result votes;		/* empty unless NA_ANALYSE_VOTES */
} na_analysis;

/*
 * Scan text[0..len) (UTF-8, scan_options as for na_scan) and run the
 * analysers chosen by what on the result.  On NA_OK out holds everything
 * (release with na_analysis_free); on error out is left empty.
 */
na_status	na_analyse(na_analysis *out, const char *text, size_t len,
					   unsigned scan_options, unsigned what, const na_mem *mem);

void		na_analysis_free(na_analysis *analysis, const na_mem *mem);

/*
 * na_votes_analyse for a caller that wants only the vote events (the SQL
 * function vote_events): a vote told in the first person inside a quotation
 * still goes to its speaker, the document's quotes being analysed only
 * when such a vote asks who that is.
 */
na_status	na_votes_analyse_speakers(const na_doc *doc, const na_mem *mem, na_vote_result *out);

#endif							/* NA_ANALYSIS_H */
