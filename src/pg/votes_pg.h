/*
 * votes_pg.h - the row layout of news_analysis.vote_event.
 *
 * vote_events(text) builds its rows with na_pg_vote_values, and so does any
 * trigger that stores the vote events of an article in a table: the columns
 * stay identical by construction.  Values are allocated in
 * CurrentMemoryContext.
 */
#ifndef VOTES_PG_H
#define VOTES_PG_H

#include "na_pg.h"
#include "na_votes.h"

/*
 * news_analysis.vote_event:
 *   ordinal, event, sentence, start, length, evidence, actor, actor_kind,
 *   action, body, motion, outcome, votes_for, votes_against, abstentions,
 *   method, modality
 * ordinal is 1-based within the document (the unique key of a materialized
 * view, with the article key); start/length (1-based characters) are the
 * evidence; sentence is 1-based; event is NULL for historical counts.
 */
#define NA_VOTE_NATTS 17

/* Row i (0-based) of r->votes; t is the document r was computed from. */
void		na_pg_vote_values(const na_vote_result *r, uint32 i, const na_pg_text *t,
							  Datum *values, bool *nulls);

#endif							/* VOTES_PG_H */
