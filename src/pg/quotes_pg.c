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

static Datum
span_datum(const na_pg_text *t, const na_quote_span *s)
{
	return PointerGetDatum(na_pg_slice(t, s->start, s->len));
}

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

/*
 * The text datum of one of the core's static names (a kind, an attribution,
 * a cue class, a gender), made once per process: every row of quotes() and
 * of the derived tables carries three or four of them, and the tuple copies
 * the bytes anyway, so a palloc and a copy per name and row were waste.
 */
static Datum
name_datum(const char *name)
{
	static const char *names[32];
	static text *texts[32];
	static int	nnames;
	text	   *t;

	for (int i = 0; i < nnames; i++)
		if (names[i] == name)
			return PointerGetDatum(texts[i]);
	if (nnames == (int) lengthof(names))
		return CStringGetTextDatum(name);	/* not one of the few names */
	t = (text *) MemoryContextAlloc(TopMemoryContext, VARHDRSZ + strlen(name));
	SET_VARSIZE(t, VARHDRSZ + strlen(name));
	memcpy(VARDATA(t), name, strlen(name));
	names[nnames] = name;
	texts[nnames++] = t;
	return PointerGetDatum(t);
}

void
na_pg_quote_values(const na_quote_result *r, uint32 i, const na_pg_text *t,
				   Datum *values, bool *nulls)
{
	const na_quote *qt = &r->quotes[i];
	const char *attribution = na_quote_attribution_name(qt->attribution);
	const char *cue_class = qt->cue.len ? na_cue_class_name(qt->cue_class) : NULL;

	memset(nulls, 0, sizeof(bool) * NA_QUOTE_NATTS);
	values[0] = Int32GetDatum((int32) i + 1);
	values[1] = span_datum(t, &qt->text);
	values[2] = Int32GetDatum((int32) qt->text.cstart + 1);
	values[3] = Int32GetDatum((int32) qt->text.clen);
	values[4] = Int32GetDatum((int32) qt->paragraph + 1);
	values[5] = Int32GetDatum((int32) qt->sentence + 1);
	values[6] = name_datum(na_quote_kind_name(qt->kind));
	if (qt->speaker >= 0)
		values[7] = speaker_name_datum(t, &r->speakers[qt->speaker]);
	else
		nulls[7] = true;
	if (qt->mention.len)
	{
		values[8] = span_datum(t, &qt->mention);
		values[9] = Int32GetDatum((int32) qt->mention.cstart + 1);
		values[10] = Int32GetDatum((int32) qt->mention.clen);
	}
	else
		nulls[8] = nulls[9] = nulls[10] = true;
	if (qt->cue.len)
	{
		values[11] = span_datum(t, &qt->cue);
		values[14] = Int32GetDatum((int32) qt->cue.cstart + 1);
		values[15] = Int32GetDatum((int32) qt->cue.clen);
	}
	else
		nulls[11] = nulls[14] = nulls[15] = true;
	if (attribution)
		values[12] = name_datum(attribution);
	else
		nulls[12] = true;
	values[13] = Float4GetDatum(qt->confidence);
	if (cue_class)
		values[16] = name_datum(cue_class);
	else
		nulls[16] = true;
	if (qt->part_of >= 0)
		values[17] = Int32GetDatum(qt->part_of + 1);
	else
		nulls[17] = true;
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
		values[4] = name_datum(gender);
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
	na_pg_check_status(na_quotes_analyse(&srf.doc, &srf.mem, &result));
	for (uint32 i = 0; i < result.nquotes; i++)
	{
		Datum		values[NA_QUOTE_NATTS];
		bool		nulls[NA_QUOTE_NATTS];

		na_pg_quote_values(&result, i, &srf.text, values, nulls);
		na_pg_srf_put(&srf, values, nulls);
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
