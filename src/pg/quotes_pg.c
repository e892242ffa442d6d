/*
 * quotes.c - quotes(text) and speakers(text): who said what in a news text,
 * with 1-based character offsets that substr() takes.
 *
 * The row builders (na_pg_quote_values, na_pg_speaker_values) are shared
 * with triggers that store the rows of articles, so stored and computed rows
 * never drift apart.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "quotes_pg.h"

PG_FUNCTION_INFO_V1(na_quotes);
PG_FUNCTION_INFO_V1(na_speakers);

/* A name, role or organisation: on one line however the text was wrapped. */
static Datum
one_line_datum(const na_pg_text *t, const na_quote_span *s)
{
	return PointerGetDatum(na_pg_name_slice(t, s->start, s->len));
}

/* A static UTF-8 string of the core (a country name) in the server encoding. */
static Datum
utf8_datum(const char *s)
{
	char	   *server = pg_any_to_server(s, (int) strlen(s), PG_UTF8);

	return CStringGetTextDatum(server);
}

/* A speaker's canonical name: its static name (Labour Party) or its spelling in the text. */
static Datum
speaker_name_datum(const na_pg_text *t, const na_speaker *sp)
{
	return sp->name_static ? utf8_datum(sp->name_static) : one_line_datum(t, &sp->name);
}

static void
int4_col(na_pg_col *col, int32 v)
{
	col->kind = NA_PG_COL_INT4;
	col->int4 = v;
}

/* A speaker's canonical name: its static name (Labour Party) or its spelling in the text. */
static void
speaker_name_col(na_pg_col *col, const na_pg_text *t, const na_speaker *sp)
{
	if (sp->name_static)
	{
		const char *server = pg_any_to_server(sp->name_static, (int) strlen(sp->name_static), PG_UTF8);

		col->kind = NA_PG_COL_TEXT;
		col->static_name = false;
		col->bytes = server;
		col->len = (uint32) strlen(server);
	}
	else
		na_pg_name_slice_col(col, t, sp->name.start, sp->name.len);
}

/* The column types of news_analysis.quote, for na_pg_srf_expect_cols. */
const na_pg_col_kind na_pg_quote_kinds[NA_QUOTE_NATTS] = {
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_INT4,
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_TEXT, NA_PG_COL_TEXT, NA_PG_COL_INT4,
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_TEXT, NA_PG_COL_FLOAT4, NA_PG_COL_INT4,
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_INT4
};

/*
 * Row i of r->quotes as columns: the one description of a quote row, which
 * quotes() and the derived tables' writer (derived_pg.c) store directly,
 * and na_pg_quote_values gives as values.
 */
void
na_pg_quote_cols(const na_quote_result *r, uint32 i, const na_pg_text *t, na_pg_col *cols)
{
	const na_quote *qt = &r->quotes[i];
	const char *attribution = na_quote_attribution_name(qt->attribution);
	const char *cue_class = qt->cue.len ? na_cue_class_name(qt->cue_class) : NULL;

	for (int k = 0; k < NA_QUOTE_NATTS; k++)
		cols[k].kind = NA_PG_COL_NULL;
	int4_col(&cols[0], (int32) i + 1);
	na_pg_slice_col(&cols[1], t, qt->text.start, qt->text.len);
	int4_col(&cols[2], (int32) qt->text.cstart + 1);
	int4_col(&cols[3], (int32) qt->text.clen);
	int4_col(&cols[4], (int32) qt->paragraph + 1);
	int4_col(&cols[5], (int32) qt->sentence + 1);
	na_pg_static_name_col(&cols[6], na_quote_kind_name(qt->kind));
	if (qt->speaker >= 0)
		speaker_name_col(&cols[7], t, &r->speakers[qt->speaker]);
	if (qt->mention.len)
	{
		na_pg_slice_col(&cols[8], t, qt->mention.start, qt->mention.len);
		int4_col(&cols[9], (int32) qt->mention.cstart + 1);
		int4_col(&cols[10], (int32) qt->mention.clen);
	}
	if (qt->cue.len)
	{
		na_pg_slice_col(&cols[11], t, qt->cue.start, qt->cue.len);
		int4_col(&cols[14], (int32) qt->cue.cstart + 1);
		int4_col(&cols[15], (int32) qt->cue.clen);
	}
	if (attribution)
		na_pg_static_name_col(&cols[12], attribution);
	cols[13].kind = NA_PG_COL_FLOAT4;
	cols[13].float4 = qt->confidence;
	if (cue_class)
		na_pg_static_name_col(&cols[16], cue_class);
	if (qt->part_of >= 0)
		int4_col(&cols[17], qt->part_of + 1);
}

void
na_pg_quote_values(const na_quote_result *r, uint32 i, const na_pg_text *t,
				   Datum *values, bool *nulls)
{
	na_pg_col	cols[NA_QUOTE_NATTS];

	na_pg_quote_cols(r, i, t, cols);
	na_pg_cols_values(cols, NA_QUOTE_NATTS, values, nulls);
}

void
na_pg_speaker_values(const na_quote_result *r, uint32 i, const na_pg_text *t,
					 Datum *values, bool *nulls)
{
	const na_speaker *sp = &r->speakers[i];
	const char *gender = na_gender_name(sp->gender);
	Datum	   *aliases;
	ArrayType  *array;

	memset(nulls, 0, sizeof(bool) * NA_SPEAKER_NATTS);
	values[0] = speaker_name_datum(t, sp);
	if (sp->role.len)
		values[1] = one_line_datum(t, &sp->role);
	else
		nulls[1] = true;
	if (sp->affiliation)
		values[2] = utf8_datum(sp->affiliation);
	else if (sp->affiliation_span.len)
		values[2] = one_line_datum(t, &sp->affiliation_span);
	else
		nulls[2] = true;
	aliases = palloc(sizeof(Datum) * (sp->naliases ? sp->naliases : 1));
	for (uint32 k = 0; k < sp->naliases; k++)
		aliases[k] = one_line_datum(t, &r->aliases[sp->first_alias + k]);
	array = construct_array(aliases, (int) sp->naliases, TEXTOID, -1, false, TYPALIGN_INT);
	values[3] = PointerGetDatum(array);
	if (gender)
		values[4] = na_pg_static_text(gender);
	else
		nulls[4] = true;
	values[5] = Int32GetDatum((int32) sp->mentions);
	values[6] = Int32GetDatum((int32) sp->quotes);
	values[7] = Int32GetDatum((int32) sp->first_cstart + 1);
}

/*
 * quotes(text) returns setof news_analysis.quote
 */
Datum
na_quotes(PG_FUNCTION_ARGS)
{
	na_pg_srf	srf;
	na_quote_result result;

	na_pg_srf_begin(&srf, fcinfo, 0, NA_QUOTE_NATTS, "quote");
	na_pg_srf_expect_cols(&srf, na_pg_quote_kinds);
	na_pg_check_status(na_quotes_analyse(&srf.doc, &srf.mem, &result));
	for (uint32 i = 0; i < result.nquotes; i++)
	{
		na_pg_col	cols[NA_QUOTE_NATTS];

		na_pg_quote_cols(&result, i, &srf.text, cols);
		na_pg_srf_put_cols(&srf, cols);
	}
	na_pg_srf_end(&srf);
	return (Datum) 0;
}

/*
 * speakers(text) returns setof news_analysis.speaker
 */
Datum
na_speakers(PG_FUNCTION_ARGS)
{
	na_pg_srf	srf;
	na_quote_result result;

	na_pg_srf_begin(&srf, fcinfo, 0, NA_SPEAKER_NATTS, "speaker");
	na_pg_check_status(na_quotes_analyse(&srf.doc, &srf.mem, &result));
	for (uint32 i = 0; i < result.nspeakers; i++)
	{
		Datum		values[NA_SPEAKER_NATTS];
		bool		nulls[NA_SPEAKER_NATTS];

		na_pg_speaker_values(&result, i, &srf.text, values, nulls);
		na_pg_srf_put(&srf, values, nulls);
	}
	na_pg_srf_end(&srf);
	return (Datum) 0;
}
