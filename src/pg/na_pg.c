/*
 * na_pg.c - helpers shared by every SQL-callable function of the extension.
 */
#include "postgres.h"

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
