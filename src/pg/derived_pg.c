/*
 * derived.c - one article's quotes, speakers and vote events as composite
 * values (see derived_pg.h).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "derived_pg.h"
#include "na_analysis.h"
#include "na_pg.h"
#include "quotes_pg.h"
#include "votes_pg.h"

const char *const na_derived_type_name[NA_NDERIVED] = {"quote", "speaker", "vote_event"};
const int	na_derived_natts[NA_NDERIVED] = {NA_QUOTE_NATTS, NA_SPEAKER_NATTS, NA_VOTE_NATTS};

TupleDesc
na_derived_row_desc(Oid key_type, Oid row_type)
{
	TupleDesc	columns = lookup_rowtype_tupdesc(row_type, -1);
	TupleDesc	desc = CreateTemplateTupleDesc(columns->natts + 1);

	TupleDescInitEntry(desc, 1, "article_key", key_type, -1, 0);
	for (int a = 0; a < columns->natts; a++)
		TupleDescCopyEntry(desc, a + 2, columns, a + 1);
	ReleaseTupleDesc(columns);
	return desc;
}

HeapTuple
na_derived_form_row(TupleDesc desc, Datum key, const Datum *values, const bool *nulls)
{
	Datum		row_values[FUNC_MAX_ARGS];
	bool		row_nulls[FUNC_MAX_ARGS];

	Assert(desc->natts <= FUNC_MAX_ARGS);
	row_values[0] = key;
	row_nulls[0] = false;
	memcpy(row_values + 1, values, sizeof(Datum) * (desc->natts - 1));
	memcpy(row_nulls + 1, nulls, sizeof(bool) * (desc->natts - 1));
	return heap_form_tuple(desc, row_values, row_nulls);
}

void
na_derived_writer_init(na_derived_writer *writer, TupleDesc const *desc, MemoryContext ctx)
{
	static const na_pg_col_kind key_kinds[] = {NA_PG_COL_INT4, NA_PG_COL_INT8, NA_PG_COL_TEXT};
	TupleDesc	quotes = desc[NA_DERIVED_QUOTES];

	memset(writer, 0, sizeof(*writer));
	for (int d = 0; d < NA_NDERIVED; d++)
		writer->desc[d] = desc[d];
	na_pg_row_writer_init(&writer->row, quotes, ctx);
	for (int k = 0; k < (int) lengthof(key_kinds); k++)
		if (na_pg_cols_fit(quotes, 0, &key_kinds[k], 1))
		{
			writer->key_kind = key_kinds[k];
			writer->quotes_direct = quotes->natts == NA_QUOTE_NATTS + 1 &&
				na_pg_cols_fit(quotes, 1, na_pg_quote_kinds, NA_QUOTE_NATTS);
		}
}

/*
 * The article key as the first column of the row being written; false
 * where it cannot be (a text key compressed or stored out of line, which
 * heap_form_tuple would keep as it is: its rows go as values).
 */
static bool
write_key(na_derived_writer *writer, Datum key)
{
	na_pg_col	col;

	switch (writer->key_kind)
	{
		case NA_PG_COL_INT4:
			na_pg_row_int4(&writer->row, DatumGetInt32(key));
			return true;
		case NA_PG_COL_INT8:
			na_pg_row_int8(&writer->row, DatumGetInt64(key));
			return true;
		case NA_PG_COL_TEXT:
			if (VARATT_IS_EXTENDED(DatumGetPointer(key)) && !VARATT_IS_SHORT(DatumGetPointer(key)))
				return false;
			col.bytes = VARDATA_ANY(DatumGetPointer(key));
			col.len = VARSIZE_ANY_EXHDR(DatumGetPointer(key));
			col.static_name = false;
			na_pg_row_text(&writer->row, &col);
			return true;
		default:
			return false;
	}
}

/* Quote row i of the analysis to sink: written as a tuple by writer where it can. */
static void
quote_row(const na_analysis *analysis, uint32 i, const na_pg_text *doc,
		  na_derived_writer *writer, Datum key, na_derived_sink sink, void *arg)
{
	Datum		values[NA_QUOTE_NATTS];
	bool		nulls[NA_QUOTE_NATTS];

	if (writer != NULL && writer->quotes_direct)
	{
		na_pg_row_begin(&writer->row);
		if (write_key(writer, key))
		{
			HeapTupleData tuple;

			na_pg_quote_row_cols(&analysis->quotes, i, doc, &writer->row);
			na_pg_row_form(&writer->row, writer->desc[NA_DERIVED_QUOTES], &tuple);
			sink(arg, NA_DERIVED_QUOTES, NULL, NULL, &tuple);
			return;
		}
	}
	na_pg_quote_values(&analysis->quotes, i, doc, values, nulls);
	sink(arg, NA_DERIVED_QUOTES, values, nulls, NULL);
}

const char *
na_derived_fail_on(void)
{
	const char *fail_on = GetConfigOption(NA_FAIL_ON_GUC, true, false);

	return fail_on != NULL && fail_on[0] != '\0' ? fail_on : NULL;
}

/* An ErrorData for a failure na_derived_rows returns instead of throwing. */
static ErrorData *
failure(int sqlerrcode, char *message, char *detail)
{
	ErrorData  *edata = palloc0(sizeof(ErrorData));

	edata->elevel = ERROR;
	edata->sqlerrcode = sqlerrcode;
	edata->message = message;
	edata->detail = detail;
	return edata;
}

ErrorData *
na_derived_rows(text *body, const char *fail_on, MemoryContext docctx,
				na_derived_writer *writer, Datum key, na_derived_sink sink, void *arg)
{
	MemoryContext callerctx = MemoryContextSwitchTo(docctx);
	Datum		values[FUNC_MAX_ARGS];
	bool		nulls[FUNC_MAX_ARGS];
	na_pg_text	doc;
	na_mem		mem;
	na_analysis analysis;
	na_status	status;
	uint32		counts[NA_NDERIVED];

	/* (the backend's kept block, arena_pg.c: the callers reset docctx per document) */
	na_pg_doc_mem_init(&mem, docctx);
	body = na_pg_detoast_text(PointerGetDatum(body));
	na_pg_text_init(&doc, body);
	/* "!x": an error is thrown, as an unforeseen failure would be (tests of its containment) */
	if (fail_on != NULL && fail_on[0] == '!' && fail_on[1] != '\0' &&
		memmem(doc.server, doc.server_len, fail_on + 1, strlen(fail_on + 1)) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("analysis failed: the text contains \"%s\"", fail_on + 1),
				 errdetail("The setting %s asks for this error; it exists for tests.",
						   NA_FAIL_ON_GUC)));
	if (fail_on != NULL && fail_on[0] != '!' &&
		memmem(doc.server, doc.server_len, fail_on, strlen(fail_on)) != NULL)
	{
		MemoryContextSwitchTo(callerctx);
		return failure(ERRCODE_DATA_EXCEPTION,
					   psprintf("analysis refused: the text contains \"%s\"", fail_on),
					   psprintf("The setting %s asks for this failure; it exists for tests.",
								NA_FAIL_ON_GUC));
	}
	status = na_analyse(&analysis, doc.utf8, doc.utf8_len, doc.scan_options, NA_ANALYSE_ALL, &mem);
	if (status == NA_ERR_TOO_LONG)
	{
		MemoryContextSwitchTo(callerctx);
		return failure(ERRCODE_PROGRAM_LIMIT_EXCEEDED, pstrdup("text is too long to analyse"),
					   pstrdup("The analyser addresses at most 4 GB of text."));
	}
	na_pg_check_status(status);

	counts[NA_DERIVED_QUOTES] = analysis.quotes.nquotes;
	counts[NA_DERIVED_SPEAKERS] = analysis.quotes.nspeakers;
	counts[NA_DERIVED_VOTES] = analysis.votes.nvotes;
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		for (uint32 i = 0; i < counts[d]; i++)
		{
			if (d == NA_DERIVED_QUOTES)
			{
				quote_row(&analysis, i, &doc, writer, key, sink, arg);
				continue;
			}
			memset(nulls, 0, sizeof(nulls));
			if (d == NA_DERIVED_SPEAKERS)
				na_pg_speaker_values(&analysis.quotes, i, &doc, values, nulls);
			else
				na_pg_vote_values(&analysis.votes, i, &doc, values, nulls);
			sink(arg, (na_derived_kind) d, values, nulls, NULL);
		}
	}
	MemoryContextSwitchTo(callerctx);
	return NULL;
}
