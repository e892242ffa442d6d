/*
 * votes.c - vote_events(text): the vote positions of a news text as SQL
 * rows (news_analysis.vote_event), and the row builder triggers share.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"

#include "na_analysis.h"
#include "na_pg.h"
#include "votes_pg.h"

PG_FUNCTION_INFO_V1(na_vote_events);

/* A static name as text, or NULL. */
static void
set_name(const char *name, Datum *value, bool *isnull)
{
	if (name)
		*value = CStringGetTextDatum(name);
	else
		*isnull = true;
}

/* A canonical name if the core has one, else the span as written (on one
 * line: na_pg_name_slice), else NULL. */
static void
set_name_or_span(const char *name, const na_vote_span *span, const na_pg_text *t,
				 Datum *value, bool *isnull)
{
	if (name)
		*value = CStringGetTextDatum(name);
	else if (span->len)
		*value = PointerGetDatum(na_pg_name_slice(t, span->start, span->len));
	else
		*isnull = true;
}

static void
set_count(int32 n, Datum *value, bool *isnull)
{
	if (n < 0)
		*isnull = true;
	else
		*value = Int32GetDatum(n);
}

void
na_pg_vote_values(const na_vote_result *r, uint32 i, const na_pg_text *t,
				  Datum *values, bool *nulls)
{
	const na_vote *v = &r->votes[i];

	memset(nulls, 0, sizeof(bool) * NA_VOTE_NATTS);
	values[0] = Int32GetDatum((int32) i + 1);
	if (v->event)
		values[1] = Int32GetDatum((int32) v->event);
	else
		nulls[1] = true;
	values[2] = Int32GetDatum((int32) v->sentence + 1);
	values[3] = Int32GetDatum((int32) v->evidence.cstart + 1);
	values[4] = Int32GetDatum((int32) v->evidence.clen);
	values[5] = PointerGetDatum(na_pg_slice(t, v->evidence.start, v->evidence.len));
	set_name_or_span(v->actor, &v->actor_span, t, &values[6], &nulls[6]);
	set_name(na_vote_actor_kind_name(v->actor_kind), &values[7], &nulls[7]);
	set_name(na_vote_action_name(v->action), &values[8], &nulls[8]);
	set_name_or_span(v->body, &v->body_span, t, &values[9], &nulls[9]);
	set_name_or_span(NULL, &v->motion, t, &values[10], &nulls[10]);
	set_name(na_vote_outcome_name(v->outcome), &values[11], &nulls[11]);
	set_count(v->votes_for, &values[12], &nulls[12]);
	set_count(v->votes_against, &values[13], &nulls[13]);
	set_count(v->abstentions, &values[14], &nulls[14]);
	set_name(na_vote_method_name(v->method), &values[15], &nulls[15]);
	set_name(na_vote_modality_name(v->modality), &values[16], &nulls[16]);
}

/*
 * vote_events(text) returns setof news_analysis.vote_event
 */
Datum
na_vote_events(PG_FUNCTION_ARGS)
{
	na_pg_srf	srf;
	na_vote_result result;

	na_pg_srf_begin(&srf, fcinfo, 0, NA_VOTE_NATTS, "vote_event");
	na_pg_check_status(na_votes_analyse_speakers(&srf.doc, &srf.mem, &result));
	for (uint32 i = 0; i < result.nvotes; i++)
	{
		Datum		values[NA_VOTE_NATTS];
		bool		nulls[NA_VOTE_NATTS];

		na_pg_vote_values(&result, i, &srf.text, values, nulls);
		na_pg_srf_put(&srf, values, nulls);
	}
	na_pg_srf_end(&srf);
	return (Datum) 0;
}
