/*
 * na_pg.h - the binding layer's shared helpers: palloc-backed core memory,
 * server text to core text (encodings and offsets), core errors to ereport.
 */
#ifndef NA_PG_H
#define NA_PG_H

#include "postgres.h"

#include "fmgr.h"
#include "nodes/execnodes.h"
#include "utils/memutils.h"

#include "na_scan.h"

/*
 * A document ready for the core: UTF-8 text, and how to map core offsets back
 * to server-encoding text.
 */
typedef struct na_pg_text
{
	const char *server;			/* the text in the server encoding */
	size_t		server_len;
	const char *utf8;			/* the text the core reads (may equal server) */
	size_t		utf8_len;
	unsigned	scan_options;	/* NA_SCAN_COUNT_BYTES for SQL_ASCII */
	bool		same_bytes;		/* utf8 == server: slices need no conversion */
} na_pg_text;

/* A core allocator on top of palloc in ctx (huge allocations allowed). */
void		na_pg_mem_init(na_mem *mem, MemoryContext ctx);

/* Prepare a detoasted text value for the core (converts from the server encoding). */
void		na_pg_text_init(na_pg_text *doc, text *t);

/* Scan a prepared document; errors are reported with ereport. */
void		na_pg_scan(na_doc *doc, const na_pg_text *text, const na_mem *mem);

/* A slice of the document (core byte offsets) as a text datum in the server encoding. */
text	   *na_pg_slice(const na_pg_text *doc, uint32 start, uint32 len);
/* A name's slice on one line: line breaks inside it read as a space (issue 15) */
text	   *na_pg_name_slice(const na_pg_text *doc, uint32 start, uint32 len);

/* Report a core status as an ERROR (never returns for a failure). */
void		na_pg_check_status(na_status status);

/* A child memory context for one document's analysis. */
MemoryContext na_pg_document_context(void);

/*
 * One document on its way to SQL rows in a materialize-mode set-returning
 * function: the scan and analysis live in docctx, each row's datums in
 * rowctx, which na_pg_srf_put resets.  Every SRF of the extension follows
 * begin, analyse into srf->mem, put each row, end.
 */
typedef struct na_pg_srf
{
	ReturnSetInfo *rsinfo;
	MemoryContext docctx;
	MemoryContext rowctx;
	MemoryContext callerctx;
	na_mem		mem;
	na_pg_text	text;
	na_doc		doc;
	uint32		rows;
} na_pg_srf;

/*
 * Set up the result (of natts columns, the composite news_analysis.<type_name>)
 * and scan argument 0; leaves CurrentMemoryContext = rowctx.
 */
void		na_pg_srf_begin(na_pg_srf *srf, FunctionCallInfo fcinfo, unsigned scan_options,
							int natts, const char *type_name);

/* Store one row and free what it allocated; checks for interrupts now and then. */
void		na_pg_srf_put(na_pg_srf *srf, Datum *values, bool *nulls);

/* Free the document and return to the caller's memory context. */
void		na_pg_srf_end(na_pg_srf *srf);

#endif							/* NA_PG_H */
