/*
 * na_pg.c - helpers shared by every SQL-callable function of the extension.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "na_pg.h"
#include "na_layout.h"

static void *
pg_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocHuge((MemoryContext) ctx, size ? size : 1);
}

static void *
pg_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return repalloc_huge(ptr, size ? size : 1);
}

static void
pg_free(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

static void
pg_check_interrupts(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
}

void
na_pg_mem_init(na_mem *mem, MemoryContext ctx)
{
	mem->alloc = pg_alloc;
	mem->realloc = pg_realloc;
	mem->free = pg_free;
	mem->check_interrupts = pg_check_interrupts;
	mem->ctx = ctx;
}

MemoryContext
na_pg_document_context(void)
{
	return AllocSetContextCreate(CurrentMemoryContext, "news_analysis document",
								 ALLOCSET_DEFAULT_SIZES);
}

void
na_pg_text_init(na_pg_text *doc, text *t)
{
	int			encoding = GetDatabaseEncoding();

	doc->server = VARDATA_ANY(t);
	doc->server_len = VARSIZE_ANY_EXHDR(t);
	doc->scan_options = 0;
	doc->utf8 = doc->server;
	doc->utf8_len = doc->server_len;
	doc->same_bytes = true;

	if (encoding == PG_UTF8)
		return;
	if (encoding == PG_SQL_ASCII)
	{
		/* substr() counts bytes here, and no conversion is defined: read the
		 * bytes as UTF-8 (invalid ones become single characters) */
		doc->scan_options = NA_SCAN_COUNT_BYTES;
		return;
	}
	doc->utf8 = (const char *) pg_do_encoding_conversion((unsigned char *) doc->server,
														 (int) doc->server_len,
														 encoding, PG_UTF8);
	if (doc->utf8 != doc->server)
	{
		doc->utf8_len = strlen(doc->utf8);
		doc->same_bytes = false;
	}
}

void
na_pg_check_status(na_status status)
{
	switch (status)
	{
		case NA_OK:
			return;
		case NA_ERR_NOMEM:
			ereport(ERROR,
					(errcode(ERRCODE_OUT_OF_MEMORY),
					 errmsg("out of memory while analysing text")));
			break;
		case NA_ERR_TOO_LONG:
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("text is too long to analyse"),
					 errdetail("The analyser addresses at most 4 GB of text.")));
			break;
	}
	elog(ERROR, "unexpected news_analysis status %d", (int) status);
}

void
na_pg_scan(na_doc *doc, const na_pg_text *text, const na_mem *mem)
{
	na_pg_check_status(na_scan(doc, text->utf8, text->utf8_len, text->scan_options, mem));
}

text *
na_pg_slice(const na_pg_text *doc, uint32 start, uint32 len)
{
	char	   *server;
	text	   *result;

	if (doc->same_bytes)
		return cstring_to_text_with_len(doc->utf8 + start, (int) len);
	server = pg_any_to_server(doc->utf8 + start, (int) len, PG_UTF8);
	result = cstring_to_text(server);
	if (server != doc->utf8 + start)
		pfree(server);
	return result;
}

/*
 * A speaker's or voter's name, a role, an organisation: the slice with every
 * line break inside it read as a space (na_layout_one_line), so a name that
 * a hard wrap split over two lines is the same value as written on one and
 * groups with it.  Offsets are not involved: names are values, not spans.
 */
text *
na_pg_name_slice(const na_pg_text *doc, uint32 start, uint32 len)
{
	char	   *one_line;
	char	   *server;
	size_t		n;
	text	   *result;

	if (!na_layout_has_break(doc->utf8 + start, len))
		return na_pg_slice(doc, start, len);
	one_line = palloc(len + 1);
	n = na_layout_one_line(doc->utf8 + start, len, one_line);
	one_line[n] = '\0';
	server = pg_any_to_server(one_line, (int) n, PG_UTF8);
	result = cstring_to_text_with_len(server, (int) strlen(server));
	if (server != one_line)
		pfree(server);
	pfree(one_line);
	return result;
}

void
na_pg_srf_begin(na_pg_srf *srf, FunctionCallInfo fcinfo, unsigned scan_options,
				int natts, const char *type_name)
{
	text	   *input = na_pg_detoast_text(PG_GETARG_DATUM(0));
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	/*
	 * The result's descriptor copied from the one the executor expects (a
	 * function scan's, a target list's: the composite type's own) where it
	 * gives one: looking the function's result type up again cost 1,800
	 * instructions a call (4M of quotes() over BBC's 2,225 articles)
	 */
	InitMaterializedSRF(fcinfo, rsinfo && IsA(rsinfo, ReturnSetInfo) && rsinfo->expectedDesc ?
						MAT_SRF_USE_EXPECTED_DESC : 0);
	srf->rsinfo = rsinfo;
	/* a library newer or older than the installed SQL objects */
	if (srf->rsinfo->setDesc->natts != natts)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("news_analysis.%s has %d columns, the library expects %d",
						type_name, srf->rsinfo->setDesc->natts, natts),
				 errhint("Update the extension: ALTER EXTENSION news_analysis UPDATE.")));
	srf->rows = 0;
	srf->tuple = NULL;
	srf->tuple_cap = 0;
	srf->row_off = 0;
	srf->row_hoff = MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(natts));
	srf->docctx = na_pg_document_context();
	srf->callerctx = MemoryContextSwitchTo(srf->docctx);
	na_pg_doc_mem_init(&srf->mem, srf->docctx);
	na_pg_text_init(&srf->text, input);
	na_pg_check_status(na_scan(&srf->doc, srf->text.utf8, srf->text.utf8_len,
							   srf->text.scan_options | scan_options, &srf->mem));
	srf->rowctx = AllocSetContextCreate(srf->docctx, "news_analysis row",
										ALLOCSET_SMALL_SIZES);
	MemoryContextSwitchTo(srf->rowctx);
}

void
na_pg_srf_put(na_pg_srf *srf, Datum *values, bool *nulls)
{
	tuplestore_putvalues(srf->rsinfo->setResult, srf->rsinfo->setDesc, values, nulls);
	MemoryContextReset(srf->rowctx);
	/* storing rows never checks for interrupts: a timeout must stop a long text */
	if ((++srf->rows & 4095) == 0)
		CHECK_FOR_INTERRUPTS();
}

void
na_pg_srf_end(na_pg_srf *srf)
{
	MemoryContextSwitchTo(srf->callerctx);
	MemoryContextDelete(srf->docctx);
}

/* A column's UTF-8 bytes converted to the server encoding (see na_pg_slice_col). */
void
na_pg_convert_col(na_pg_col *col)
{
	char	   *server = pg_any_to_server(col->bytes, (int) col->len, PG_UTF8);

	if (server != col->bytes)
	{
		col->bytes = server;
		col->len = (uint32) strlen(server);
	}
}

/* na_pg_name_slice as a column: a copy on one line only when the name has a line break. */
void
na_pg_name_slice_col(na_pg_col *col, const na_pg_text *doc, uint32 start, uint32 len)
{
	char	   *one_line;
	char	   *server;
	size_t		n;

	if (!na_layout_has_break(doc->utf8 + start, len))
	{
		na_pg_slice_col(col, doc, start, len);
		return;
	}
	one_line = palloc(len + 1);
	n = na_layout_one_line(doc->utf8 + start, len, one_line);
	one_line[n] = '\0';
	server = pg_any_to_server(one_line, (int) n, PG_UTF8);
	col->static_name = false;
	col->bytes = server;
	col->len = (uint32) strlen(server);
}

Datum
na_pg_static_text(const char *name)
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

/* For callers that need Datums (the derived tables' rows): a text column's value. */
Datum
na_pg_col_datum(const na_pg_col *col)
{
	return col->static_name ? na_pg_static_text(col->bytes) :
		PointerGetDatum(cstring_to_text_with_len(col->bytes, (int) col->len));
}

/*
 * The row writer (na_pg_row_*) lays columns out by their kind, not by the
 * result's types: a composite type that disagrees (an old or altered SQL
 * object) is an error here, never a corrupt tuple.
 */
void
na_pg_srf_expect_cols(na_pg_srf *srf, const na_pg_col_kind *kinds)
{
	TupleDesc	desc = srf->rsinfo->setDesc;

	if (desc->natts > NA_PG_MAX_COLS)
		elog(ERROR, "a row of %d columns is more than the row writer's %d", desc->natts,
			 NA_PG_MAX_COLS);
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		Oid			want = kinds[i] == NA_PG_COL_TEXT ? TEXTOID :
			kinds[i] == NA_PG_COL_FLOAT4 ? FLOAT4OID : INT4OID;

		/* (text stored plain would keep 4-byte headers: not this writer's layout) */
		if (att->attisdropped || att->atttypid != want ||
			(want == TEXTOID && att->attstorage == TYPSTORAGE_PLAIN))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column %d of the result has type %s, the library expects %s",
							i + 1, format_type_be(att->atttypid), format_type_be(want)),
					 errhint("Update the extension: ALTER EXTENSION news_analysis UPDATE.")));
	}
	srf->row_hoff = MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(desc->natts));
}

bool
na_pg_cols_fit(TupleDesc desc, int first, const na_pg_col_kind *kinds, int nkinds)
{
	if (first + nkinds > desc->natts || desc->natts > NA_PG_MAX_COLS)
		return false;
	for (int i = 0; i < nkinds; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, first + i);
		Oid			want = kinds[i] == NA_PG_COL_TEXT ? TEXTOID :
			kinds[i] == NA_PG_COL_FLOAT4 ? FLOAT4OID :
			kinds[i] == NA_PG_COL_INT8 ? INT8OID : INT4OID;

		if (att->attisdropped || att->atttypid != want ||
			(want == TEXTOID && att->attstorage == TYPSTORAGE_PLAIN))
			return false;
	}
	return true;
}

void
na_pg_row_writer_init(na_pg_srf *writer, TupleDesc desc, MemoryContext ctx)
{
	memset(writer, 0, sizeof(*writer));
	writer->docctx = ctx;
	writer->row_hoff = MAXALIGN(SizeofHeapTupleHeader + BITMAPLEN(desc->natts));
}

/* The bits of a row's present mask (na_pg_srf.row_present) without a null. */
static inline uint64
all_present(int natts)
{
	return natts == 64 ? ~UINT64CONST(0) : (UINT64CONST(1) << natts) - 1;
}

/* Room for need bytes of the row being written, its bytes so far kept. */
void
na_pg_row_grow(na_pg_srf *srf, Size need)
{
	Size		cap = Max(Max(need, 2 * srf->tuple_cap), 1024);
	char	   *tuple = MemoryContextAlloc(srf->docctx, cap);

	if (srf->tuple)
	{
		memcpy(tuple, srf->tuple, srf->row_off);
		pfree(srf->tuple);
	}
	srf->tuple = tuple;
	srf->tuple_cap = cap;
}

/*
 * The row's header (and null bitmap) in front of its columns, the data
 * moved down where the row has no null (the header then has no bitmap):
 * see na_pg_row_begin.
 */
static pg_attribute_always_inline void
row_form(na_pg_srf *srf, TupleDesc desc, HeapTuple tuple)
{
	int			natts = desc->natts;
	bool		hasnull = srf->row_present != all_present(natts);
	Size		hoff = hasnull ? srf->row_hoff : MAXALIGN(SizeofHeapTupleHeader);
	Size		data_len = srf->row_off - srf->row_hoff;
	Size		len = hoff + data_len;
	HeapTupleHeader td;

	Assert(srf->row_col == natts);
	if (hoff != srf->row_hoff)
		memmove(srf->tuple + hoff, srf->tuple + srf->row_hoff, data_len);
	/* the header zeroed by a store of constant size, the bitmap's bytes below */
	memset(srf->tuple, 0, MAXALIGN(SizeofHeapTupleHeader));
	td = (HeapTupleHeader) srf->tuple;
	HeapTupleHeaderSetDatumLength(td, len);
	HeapTupleHeaderSetTypeId(td, desc->tdtypeid);
	HeapTupleHeaderSetTypMod(td, desc->tdtypmod);
	HeapTupleHeaderSetNatts(td, natts);
	td->t_hoff = (uint8) hoff;
	if (hasnull)
	{
		td->t_infomask |= HEAP_HASNULL;
		memset(srf->tuple + MAXALIGN(SizeofHeapTupleHeader), 0,
			   hoff - MAXALIGN(SizeofHeapTupleHeader));
		for (int b = 0; b < (int) BITMAPLEN(natts); b++)
			td->t_bits[b] = (bits8) (srf->row_present >> (8 * b));
	}
	if (srf->row_varwidth)
		td->t_infomask |= HEAP_HASVARWIDTH;

	tuple->t_len = (uint32) len;
	ItemPointerSetInvalid(&tuple->t_self);
	tuple->t_tableOid = InvalidOid;
	tuple->t_data = td;
}

void
na_pg_row_form(na_pg_srf *writer, TupleDesc desc, HeapTuple tuple)
{
	row_form(writer, desc, tuple);
}

/* The row finished (row_form) and stored in the result. */
void
na_pg_row_end(na_pg_srf *srf)
{
	HeapTupleData tuple;

	row_form(srf, srf->rsinfo->setDesc, &tuple);
	tuplestore_puttuple(srf->rsinfo->setResult, &tuple);
	/* most rows allocate nothing (no conversion): no call to reset nothing */
	if (!srf->rowctx->isReset || srf->rowctx->firstchild)
		MemoryContextReset(srf->rowctx);
	if ((++srf->rows & 4095) == 0)
		CHECK_FOR_INTERRUPTS();
}
