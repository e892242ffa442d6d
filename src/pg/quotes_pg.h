/*
 * quotes_pg.h - the row layout of news_analysis.quote and news_analysis.speaker.
 *
 * quotes(text) and speakers(text) build their rows with these functions, and
 * so does any trigger that stores the rows of an article in a table: the
 * columns stay identical by construction.  Values are allocated in
 * CurrentMemoryContext.
 */
#ifndef QUOTES_PG_H
#define QUOTES_PG_H

#include "na_pg.h"
#include "na_quotes.h"

/*
 * news_analysis.quote:
 *   ordinal, text, start, length, paragraph, sentence, kind, speaker,
 *   speaker_mention, mention_start, mention_length, cue, attribution, confidence,
 *   cue_start, cue_length, cue_class, part_of
 * start/length (1-based characters) are the content: for a quotation the
 * span inside the marks.
 */
#define NA_QUOTE_NATTS 18

/*
 * news_analysis.speaker:
 *   name, role, affiliation, aliases, gender, mentions, quotes, first_start
 */
#define NA_SPEAKER_NATTS 8

/* The kinds of the columns of news_analysis.quote (for na_pg_cols_fit). */
extern const na_pg_col_kind na_pg_quote_kinds[NA_QUOTE_NATTS];

/*
 * The columns of row i (0-based) of r->quotes written by the row writer
 * (na_pg_row_*) after those it has (the derived table's article_key).
 */
void		na_pg_quote_row_cols(const na_quote_result *r, uint32 i, const na_pg_text *t,
								 na_pg_srf *writer);

/* Row i (0-based) of r->quotes; t is the document r was computed from. */
void		na_pg_quote_values(const na_quote_result *r, uint32 i, const na_pg_text *t,
							   Datum *values, bool *nulls);

/* Row i (0-based) of r->speakers. */
void		na_pg_speaker_values(const na_quote_result *r, uint32 i, const na_pg_text *t,
								 Datum *values, bool *nulls);

#endif							/* QUOTES_PG_H */
