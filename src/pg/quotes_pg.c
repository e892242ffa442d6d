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

/*
 * Where quote_row puts a row's columns: written as a tuple into the result
 * of quotes() (srf), or as values and nulls for the derived tables.  One
 * description of a quote row (quote_row) serves both, so that stored and
 * computed rows cannot drift apart; each is its own inlined copy, where the
 * test of the sink's kind folds away.
 */
typedef struct quote_sink
{
	na_pg_srf  *srf;
	Datum	   *values;
	bool	   *nulls;
	int			col;
} quote_sink;

/* A null column: no bytes in a tuple, a null among values. */
static pg_attribute_always_inline void
sink_null(quote_sink *s)
{
	if (s->srf)
		na_pg_row_null(s->srf);
	else
	{
		s->values[s->col] = (Datum) 0;
		s->nulls[s->col++] = true;
	}
}

/* An int4 column, into a tuple or as a value. */
static pg_attribute_always_inline void
sink_int4(quote_sink *s, int32 v)
{
	if (s->srf)
		na_pg_row_int4(s->srf, v);
	else
	{
		s->values[s->col] = Int32GetDatum(v);
		s->nulls[s->col++] = false;
	}
}

/* A float4 column (the confidence), into a tuple or as a value. */
static pg_attribute_always_inline void
sink_float4(quote_sink *s, float4 v)
{
	if (s->srf)
		na_pg_row_float4(s->srf, v);
	else
	{
		s->values[s->col] = Float4GetDatum(v);
		s->nulls[s->col++] = false;
	}
}

/* A text column: its bytes copied into a tuple, or a text value made of them. */
static pg_attribute_always_inline void
sink_text(quote_sink *s, const na_pg_col *col)
{
	if (s->srf)
		na_pg_row_text(s->srf, col);
	else
	{
		s->values[s->col] = na_pg_col_datum(col);
		s->nulls[s->col++] = false;
	}
}

/* A slice of the document (core byte offsets) as a text column. */
static pg_attribute_always_inline void
sink_slice(quote_sink *s, const na_pg_text *t, uint32 start, uint32 len)
{
	na_pg_col	col;

	na_pg_slice_col(&col, t, start, len);
	sink_text(s, &col);
}

/* One of the core's static names (a kind, a class) as a text column, or a null. */
static pg_attribute_always_inline void
sink_static_name(quote_sink *s, const char *name)
{
	na_pg_col	col;

	if (!name)
	{
		sink_null(s);
		return;
	}
	na_pg_static_name_col(&col, name);
	sink_text(s, &col);
}

/* A speaker's canonical name: its static name (Labour Party) or its spelling in the text. */
static pg_attribute_always_inline void
sink_speaker_name(quote_sink *s, const na_pg_text *t, const na_speaker *sp)
{
	na_pg_col	col;

	if (sp->name_static)
	{
		col.bytes = pg_any_to_server(sp->name_static, (int) strlen(sp->name_static), PG_UTF8);
		col.len = (uint32) strlen(col.bytes);
		col.static_name = false;
	}
	else
		na_pg_name_slice_col(&col, t, sp->name.start, sp->name.len);
	sink_text(s, &col);
}

/*
 * The core's static names of quote kinds, attributions and cue classes as
 * columns with their lengths, made once per process: a row takes three,
 * and each was a call for the name and a strlen (1.3M instructions of
 * quotes() over BBC).  A bytes NULL is no name (a null column).
 */
typedef struct static_name_cols
{
	na_pg_col	kinds[NA_QK_COUNT];
	na_pg_col	attributions[NA_QA_COUNT];
	na_pg_col	cue_classes[NA_CUE_COUNT];
} static_name_cols;

/* The columns of the static names, made on the first call (the core's
 * names never change while the library is loaded). */
static const static_name_cols *
quote_name_cols(void)
{
	static static_name_cols cols;
	static bool ready;

	if (!ready)
	{
		for (int k = 0; k < NA_QK_COUNT; k++)
			na_pg_static_name_col(&cols.kinds[k], na_quote_kind_name(k));
		for (int a = 0; a < NA_QA_COUNT; a++)
			if (na_quote_attribution_name(a))
				na_pg_static_name_col(&cols.attributions[a], na_quote_attribution_name(a));
		for (int c = 0; c < NA_CUE_COUNT; c++)
			if (na_cue_class_name(c))
				na_pg_static_name_col(&cols.cue_classes[c], na_cue_class_name(c));
		ready = true;
	}
	return &cols;
}

/* A static name's column from a table of quote_name_cols, out of range: the core's own answer. */
static pg_attribute_always_inline void
sink_name_col(quote_sink *s, const na_pg_col *table, int n, int value, const char *(*name) (int))
{
	if (value >= 0 && value < n)
	{
		if (table[value].bytes == NULL)
			sink_null(s);
		else
			sink_text(s, &table[value]);
	}
	else
		sink_static_name(s, name(value));
}

/* The column types of news_analysis.quote, for na_pg_srf_expect_cols and na_pg_cols_fit. */
const na_pg_col_kind na_pg_quote_kinds[NA_QUOTE_NATTS] = {
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_INT4, NA_PG_COL_INT4, NA_PG_COL_INT4,
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_TEXT, NA_PG_COL_TEXT, NA_PG_COL_INT4,
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_TEXT, NA_PG_COL_FLOAT4, NA_PG_COL_INT4,
	NA_PG_COL_INT4, NA_PG_COL_TEXT, NA_PG_COL_INT4
};

/*
 * Row i of r->quotes, its columns in order into the sink: the one
 * description of a quote row, which quotes() writes as tuples and the
 * derived tables take as values.
 */
static pg_attribute_always_inline void
quote_row(const na_quote_result *r, uint32 i, const na_pg_text *t, quote_sink *s)
{
	const na_quote *qt = &r->quotes[i];
	bool		mention = qt->mention.len != 0;
	bool		cue = qt->cue.len != 0;
	const static_name_cols *names = quote_name_cols();

	sink_int4(s, (int32) i + 1);	/* ordinal */
	sink_slice(s, t, qt->text.start, qt->text.len);
	sink_int4(s, (int32) qt->text.cstart + 1);
	sink_int4(s, (int32) qt->text.clen);
	sink_int4(s, (int32) qt->paragraph + 1);
	sink_int4(s, (int32) qt->sentence + 1);
	sink_name_col(s, names->kinds, NA_QK_COUNT, qt->kind, na_quote_kind_name);
	if (qt->speaker >= 0)
		sink_speaker_name(s, t, &r->speakers[qt->speaker]);
	else
		sink_null(s);
	if (mention)
	{
		sink_slice(s, t, qt->mention.start, qt->mention.len);
		sink_int4(s, (int32) qt->mention.cstart + 1);
		sink_int4(s, (int32) qt->mention.clen);
	}
	else
	{
		sink_null(s);
		sink_null(s);
		sink_null(s);
	}
	if (cue)
		sink_slice(s, t, qt->cue.start, qt->cue.len);
	else
		sink_null(s);
	sink_name_col(s, names->attributions, NA_QA_COUNT, qt->attribution, na_quote_attribution_name);
	sink_float4(s, qt->confidence);
	if (cue)
	{
		sink_int4(s, (int32) qt->cue.cstart + 1);
		sink_int4(s, (int32) qt->cue.clen);
	}
	else
	{
		sink_null(s);
		sink_null(s);
	}
	if (cue)
		sink_name_col(s, names->cue_classes, NA_CUE_COUNT, qt->cue_class, na_cue_class_name);
	else
		sink_null(s);
	if (qt->part_of >= 0)
		sink_int4(s, qt->part_of + 1);
	else
		sink_null(s);
}

void
na_pg_quote_row_cols(const na_quote_result *r, uint32 i, const na_pg_text *t, na_pg_srf *writer)
{
	quote_sink	s = {writer, NULL, NULL, 0};

	quote_row(r, i, t, &s);
}

void
na_pg_quote_values(const na_quote_result *r, uint32 i, const na_pg_text *t,
				   Datum *values, bool *nulls)
{
	quote_sink	s = {NULL, values, nulls, 0};

	quote_row(r, i, t, &s);
	Assert(s.col == NA_QUOTE_NATTS);
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
	/* a quote's row names its speaker: nothing more of the speakers is needed */
	na_pg_check_status(na_quotes_analyse_with(&srf.doc, NA_QUOTES_NAMES_ONLY, &srf.mem, &result));
	for (uint32 i = 0; i < result.nquotes; i++)
	{
		quote_sink	s = {&srf, NULL, NULL, 0};

		na_pg_row_begin(&srf);
		quote_row(&result, i, &srf.text, &s);
		na_pg_row_end(&srf);
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
