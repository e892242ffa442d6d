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
	text	   *input = PG_GETARG_TEXT_PP(0);

	InitMaterializedSRF(fcinfo, 0);
	srf->rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	/* a library newer or older than the installed SQL objects */
	if (srf->rsinfo->setDesc->natts != natts)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("news_analysis.%s has %d columns, the library expects %d",
						type_name, srf->rsinfo->setDesc->natts, natts),
				 errhint("Update the extension: ALTER EXTENSION news_analysis UPDATE.")));
	srf->rows = 0;
	srf->docctx = na_pg_document_context();
	srf->tuple.data = NULL;
	srf->tuple.cap = 0;
	srf->tuple.ctx = srf->docctx;
	srf->callerctx = MemoryContextSwitchTo(srf->docctx);
	na_pg_mem_init(&srf->mem, srf->docctx);
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

/*
 * na_pg_slice as a column: the bytes of the document itself when it is in
 * the server encoding (no copy: the row writer copies them once, into the
 * tuple), else converted.
 */
void
na_pg_slice_col(na_pg_col *col, const na_pg_text *doc, uint32 start, uint32 len)
{
	const char *utf8 = doc->utf8 + start;
	char	   *server;

	col->kind = NA_PG_COL_TEXT;
	col->static_name = false;
	col->bytes = utf8;
	col->len = len;
	if (doc->same_bytes)
		return;
	server = pg_any_to_server(utf8, (int) len, PG_UTF8);
	if (server != utf8)
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
	col->kind = NA_PG_COL_TEXT;
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

/* For callers that need Datums (the derived tables' rows): the same columns as values. */
void
na_pg_cols_values(const na_pg_col *cols, int natts, Datum *values, bool *nulls)
{
	for (int i = 0; i < natts; i++)
	{
		const na_pg_col *c = &cols[i];

		nulls[i] = false;
		switch (c->kind)
		{
			case NA_PG_COL_NULL:
				nulls[i] = true;
				values[i] = (Datum) 0;
				break;
			case NA_PG_COL_INT4:
				values[i] = Int32GetDatum(c->int4);
				break;
			case NA_PG_COL_FLOAT4:
				values[i] = Float4GetDatum(c->float4);
				break;
			case NA_PG_COL_INT8:
				values[i] = Int64GetDatum(c->int8);
				break;
			case NA_PG_COL_TEXT:
				values[i] = c->static_name ? na_pg_static_text(c->bytes) :
					PointerGetDatum(cstring_to_text_with_len(c->bytes, (int) c->len));
				break;
		}
	}
}

/* The SQL type of a column of kind. */
static Oid
col_type(na_pg_col_kind kind)
{
	return kind == NA_PG_COL_TEXT ? TEXTOID : kind == NA_PG_COL_FLOAT4 ? FLOAT4OID :
		kind == NA_PG_COL_INT8 ? INT8OID : INT4OID;
}

/* May a column of kind be laid out by the row writer in att (of a row type)? */
static bool
col_fits(Form_pg_attribute att, na_pg_col_kind kind)
{
	Oid			want = col_type(kind);

	/* (text stored plain would keep 4-byte headers: not this writer's layout) */
	return !att->attisdropped && att->atttypid == want &&
		!(want == TEXTOID && att->attstorage == TYPSTORAGE_PLAIN);
}

/*
 * The row writer lays columns out by their kind, not by the result's
 * types: a composite type that disagrees (an old or altered SQL object)
 * is an error here, never a corrupt tuple.
 */
void
na_pg_srf_expect_cols(na_pg_srf *srf, const na_pg_col_kind *kinds)
{
	TupleDesc	desc = srf->rsinfo->setDesc;

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (!col_fits(att, kinds[i]))
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("column %d of the result has type %s, the library expects %s",
							i + 1, format_type_be(att->atttypid), format_type_be(col_type(kinds[i]))),
					 errhint("Update the extension: ALTER EXTENSION news_analysis UPDATE.")));
	}
}

bool
na_pg_cols_fit(TupleDesc desc, int first, const na_pg_col_kind *kinds, int nkinds)
{
	if (first + nkinds > desc->natts)
		return false;
	for (int i = 0; i < nkinds; i++)
		if (!col_fits(TupleDescAttr(desc, first + i), kinds[i]))
			return false;
	return true;
}

/* A text of len bytes: stored with a 1-byte header when it fits one, as heap_fill_tuple stores it. */
static inline bool
text_fits_short(uint32 len)
{
	return len + VARHDRSZ_SHORT <= VARATT_SHORT_MAX;
}

/* The bytes of the tuple's data part for cols; sets whether any is null or text. */
static pg_attribute_always_inline Size
cols_data_len(const na_pg_col *cols, int natts, bool *hasnull, bool *varwidth)
{
	Size		data_len = 0;
	bool		any_null = false;
	bool		any_text = false;

	for (int i = 0; i < natts; i++)
	{
		const na_pg_col *c = &cols[i];

		switch (c->kind)
		{
			case NA_PG_COL_NULL:
				any_null = true;
				break;
			case NA_PG_COL_INT4:
			case NA_PG_COL_FLOAT4:
				data_len = TYPEALIGN(ALIGNOF_INT, data_len) + sizeof(int32);
				break;
			case NA_PG_COL_INT8:
				data_len = TYPEALIGN(ALIGNOF_DOUBLE, data_len) + sizeof(int64);
				break;
			case NA_PG_COL_TEXT:
				any_text = true;
				if (text_fits_short(c->len))
					data_len += VARHDRSZ_SHORT + c->len;
				else
					data_len = TYPEALIGN(ALIGNOF_INT, data_len) + VARHDRSZ + c->len;
				break;
		}
	}
	*hasnull = any_null;
	*varwidth = any_text;
	return data_len;
}

/* Writes the non-null columns at data, padding with zeros; returns the end. */
static pg_attribute_always_inline char *
cols_write(const na_pg_col *cols, int natts, char *data, HeapTupleHeader td, bool hasnull)
{
	for (int i = 0; i < natts; i++)
	{
		const na_pg_col *c = &cols[i];

		if (c->kind == NA_PG_COL_NULL)
			continue;
		if (hasnull)
			td->t_bits[i >> 3] |= (bits8) (1 << (i & 7));
		if (c->kind != NA_PG_COL_TEXT || !text_fits_short(c->len))
		{
			/* int4, float4 and a long text are aligned to 4, padded with zeros */
			while ((uintptr_t) data & (ALIGNOF_INT - 1))
				*data++ = 0;
		}
		switch (c->kind)
		{
			case NA_PG_COL_NULL:
				break;
			case NA_PG_COL_INT4:
				memcpy(data, &c->int4, sizeof(int32));
				data += sizeof(int32);
				break;
			case NA_PG_COL_INT8:
				/* (an int8 is aligned to 8) */
				while ((uintptr_t) data & (ALIGNOF_DOUBLE - 1))
					*data++ = 0;
				memcpy(data, &c->int8, sizeof(int64));
				data += sizeof(int64);
				break;
			case NA_PG_COL_FLOAT4:
				memcpy(data, &c->float4, sizeof(float4));
				data += sizeof(float4);
				break;
			case NA_PG_COL_TEXT:
				if (text_fits_short(c->len))
				{
					SET_VARSIZE_SHORT(data, VARHDRSZ_SHORT + c->len);
					memcpy(data + VARHDRSZ_SHORT, c->bytes, c->len);
					data += VARHDRSZ_SHORT + c->len;
				}
				else
				{
					SET_VARSIZE(data, VARHDRSZ + c->len);
					memcpy(data + VARHDRSZ, c->bytes, c->len);
					data += VARHDRSZ + c->len;
				}
				break;
		}
	}
	return data;
}

/*
 * The row as a heap tuple, written in one pass from its columns' bytes
 * into a buffer the caller keeps.  It exists because quotes() spent more
 * on storing its rows than on finding half of them: a text datum
 * allocated and copied per column, then heap_form_minimal_tuple walking
 * the columns twice more (2,300 instructions a row over BBC); the derived
 * tables' quote rows are written by it too.  The layout is
 * heap_fill_tuple's, byte for byte: columns in order, int4 and float4
 * aligned to 4, int8 to 8, text with a 1-byte header when it fits one
 * (unaligned), else aligned to 4 with a 4-byte header; a null bitmap when
 * a column is null.  The caller has checked the columns' types
 * (na_pg_srf_expect_cols, na_pg_cols_fit).
 */
static pg_attribute_always_inline void
cols_tuple(TupleDesc desc, const na_pg_col *cols, na_pg_tuple_buffer *buf, HeapTuple tuple)
{
	int			natts = desc->natts;
	bool		hasnull;
	bool		varwidth;
	Size		data_len = cols_data_len(cols, natts, &hasnull, &varwidth);
	Size		hoff = MAXALIGN(SizeofHeapTupleHeader + (hasnull ? BITMAPLEN(natts) : 0));
	Size		len = hoff + data_len;
	HeapTupleHeader td;
	char	   *end PG_USED_FOR_ASSERTS_ONLY;

	if (len > buf->cap)
	{
		Size		cap = Max(len, 2 * buf->cap);

		if (buf->data)
			pfree(buf->data);
		buf->data = MemoryContextAlloc(buf->ctx, cap);
		buf->cap = cap;
	}
	/* the header and the null bitmap zeroed; the data written in full, padding too */
	memset(buf->data, 0, hoff);
	td = (HeapTupleHeader) buf->data;
	HeapTupleHeaderSetDatumLength(td, len);
	HeapTupleHeaderSetTypeId(td, desc->tdtypeid);
	HeapTupleHeaderSetTypMod(td, desc->tdtypmod);
	HeapTupleHeaderSetNatts(td, natts);
	td->t_hoff = (uint8) hoff;
	if (hasnull)
		td->t_infomask |= HEAP_HASNULL;
	if (varwidth)
		td->t_infomask |= HEAP_HASVARWIDTH;
	end = cols_write(cols, natts, buf->data + hoff, td, hasnull);
	Assert(end == buf->data + len);

	tuple->t_len = (uint32) len;
	ItemPointerSetInvalid(&tuple->t_self);
	tuple->t_tableOid = InvalidOid;
	tuple->t_data = td;
}

void
na_pg_cols_tuple(TupleDesc desc, const na_pg_col *cols, na_pg_tuple_buffer *buf,
				 HeapTuple tuple)
{
	cols_tuple(desc, cols, buf, tuple);
}

/* Store one row described by columns, as a heap tuple from their bytes (cols_tuple). */
void
na_pg_srf_put_cols(na_pg_srf *srf, const na_pg_col *cols)
{
	HeapTupleData tuple;

	cols_tuple(srf->rsinfo->setDesc, cols, &srf->tuple, &tuple);
	tuplestore_puttuple(srf->rsinfo->setResult, &tuple);
	MemoryContextReset(srf->rowctx);
	if ((++srf->rows & 4095) == 0)
		CHECK_FOR_INTERRUPTS();
}
