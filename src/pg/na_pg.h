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

/* Where na_pg_cols_tuple writes a row: a buffer in ctx, grown as rows need. */
typedef struct na_pg_tuple_buffer
{
	char	   *data;
	Size		cap;
	MemoryContext ctx;
} na_pg_tuple_buffer;

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
	na_pg_tuple_buffer tuple;	/* na_pg_srf_put_cols: the row being written, in docctx */
} na_pg_srf;

/*
 * Set up the result (of natts columns, the composite news_analysis.<type_name>)
 * and scan argument 0; leaves CurrentMemoryContext = rowctx.
 */
void		na_pg_srf_begin(na_pg_srf *srf, FunctionCallInfo fcinfo, unsigned scan_options,
							int natts, const char *type_name);

/* Store one row and free what it allocated; checks for interrupts now and then. */
void		na_pg_srf_put(na_pg_srf *srf, Datum *values, bool *nulls);

/*
 * One column of a row in the making, before it is a Datum: a null, an int4,
 * a float4, or text given as its bytes in the server encoding.  A function
 * that describes its rows this way gets them stored by na_pg_srf_put_cols
 * straight from those bytes (no text datum per column, no tuple former
 * walking the columns twice), and as values/nulls for any other use
 * (na_pg_cols_values): both from one description, so they cannot drift.
 */
typedef enum na_pg_col_kind
{
	NA_PG_COL_NULL = 0,
	NA_PG_COL_INT4,
	NA_PG_COL_FLOAT4,
	NA_PG_COL_TEXT,
	NA_PG_COL_INT8				/* (an article key of type bigint) */
} na_pg_col_kind;

typedef struct na_pg_col
{
	na_pg_col_kind kind;
	int32		int4;
	int64		int8;
	float4		float4;
	const char *bytes;			/* text: its bytes (server encoding), not owned */
	uint32		len;
	bool		static_name;	/* text: bytes are one of the core's static names
								 * (a kind, a class): as a Datum, the text value
								 * made once per process (na_pg_static_text) */
} na_pg_col;

/*
 * The text value of one of the core's static ASCII names (a kind, an
 * attribution, a cue class, a gender), made once per process and never
 * freed: rows carry three or four of them, and a palloc and a copy per name
 * and row were waste.
 */
Datum		na_pg_static_text(const char *name);

/* A static name of the core as a text column. */
static inline void
na_pg_static_name_col(na_pg_col *col, const char *name)
{
	col->kind = NA_PG_COL_TEXT;
	col->bytes = name;
	col->len = (uint32) strlen(name);
	col->static_name = true;
}

/* Text bytes in the server encoding: a slice of the document (core byte
 * offsets), or a name's slice on one line (see na_pg_name_slice); any
 * conversion is allocated in CurrentMemoryContext. */
void		na_pg_slice_col(na_pg_col *col, const na_pg_text *doc, uint32 start, uint32 len);
void		na_pg_name_slice_col(na_pg_col *col, const na_pg_text *doc, uint32 start, uint32 len);

/* The columns as values and nulls (text datums allocated in CurrentMemoryContext). */
void		na_pg_cols_values(const na_pg_col *cols, int natts, Datum *values, bool *nulls);

/*
 * Check once per call that the result's columns have the types of kinds
 * (one na_pg_col_kind per column; text, int4 and float4): the row writer
 * lays the columns out by kind.
 */
void		na_pg_srf_expect_cols(na_pg_srf *srf, const na_pg_col_kind *kinds);

/* Do columns first .. first + nkinds - 1 of desc have the types of kinds (as above, no error)? */
bool		na_pg_cols_fit(TupleDesc desc, int first, const na_pg_col_kind *kinds, int nkinds);

/*
 * The row of desc described by cols (desc->natts of them, types checked as
 * above) as a heap tuple in buf: valid until the next call with buf.
 */
void		na_pg_cols_tuple(TupleDesc desc, const na_pg_col *cols, na_pg_tuple_buffer *buf,
							 HeapTuple tuple);

/* Store one row described by columns (as many as the result has); like na_pg_srf_put. */
void		na_pg_srf_put_cols(na_pg_srf *srf, const na_pg_col *cols);

/* Free the document and return to the caller's memory context. */
void		na_pg_srf_end(na_pg_srf *srf);

#endif							/* NA_PG_H */
