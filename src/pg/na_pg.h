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

/*
 * The core's allocator for one document analysed in docctx: a block the
 * backend keeps from document to document (arena_pg.c), palloc in docctx
 * for what does not fit; everything is given back when docctx goes.
 */
void		na_pg_doc_mem_init(na_mem *mem, MemoryContext docctx);

/*
 * A text argument detoasted (pg_detoast_datum_packed), with a faster
 * decoder for pglz-compressed values (detoast_pg.c).
 */
text	   *na_pg_detoast_text(Datum datum);

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
	/* the row being written by na_pg_row_* (in docctx) */
	char	   *tuple;
	Size		tuple_cap;
	Size		row_off;		/* where the next column's bytes go */
	Size		row_hoff;		/* where the data starts: the header with a null bitmap */
	uint64		row_present;	/* bit i: column i is not null */
	int			row_col;		/* the next column */
	bool		row_varwidth;
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
 * A text column in the making: its bytes in the server encoding, a slice of
 * the document (na_pg_slice_col, na_pg_name_slice_col) or one of the core's
 * static names (na_pg_static_name_col), before it is a Datum or a tuple's
 * bytes.
 */
typedef struct na_pg_col
{
	const char *bytes;			/* its bytes (server encoding), not owned */
	uint32		len;
	bool		static_name;	/* bytes are one of the core's static names
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
	col->bytes = name;
	col->len = (uint32) strlen(name);
	col->static_name = true;
}

/* Text bytes in the server encoding: a slice of the document (core byte
 * offsets), or a name's slice on one line (see na_pg_name_slice); any
 * conversion is allocated in CurrentMemoryContext. */
void		na_pg_convert_col(na_pg_col *col);
void		na_pg_name_slice_col(na_pg_col *col, const na_pg_text *doc, uint32 start, uint32 len);

/*
 * na_pg_slice as a column: the bytes of the document itself when it is in
 * the server encoding (no copy: the row writer copies them once, into the
 * tuple), else converted.  Inline: quotes() takes three slices a row.
 */
static inline void
na_pg_slice_col(na_pg_col *col, const na_pg_text *doc, uint32 start, uint32 len)
{
	col->static_name = false;
	col->bytes = doc->utf8 + start;
	col->len = len;
	if (!doc->same_bytes)
		na_pg_convert_col(col);
}

/* The text value of a column (allocated in CurrentMemoryContext unless a static name). */
Datum		na_pg_col_datum(const na_pg_col *col);

/* The column types a row writer may meet. */
typedef enum na_pg_col_kind
{
	NA_PG_COL_INT4 = 1,
	NA_PG_COL_FLOAT4,
	NA_PG_COL_TEXT,
	NA_PG_COL_INT8				/* (an article key of type bigint, na_pg_row_int8) */
} na_pg_col_kind;

/* The most columns a row written by na_pg_row_* may have (its null bitmap is one word). */
#define NA_PG_MAX_COLS 64

/*
 * Check once per call that the result's columns have the types of kinds
 * (one na_pg_col_kind per column; text, int4 and float4), and make ready
 * the row writer below, which lays the columns out by kind.
 */
void		na_pg_srf_expect_cols(na_pg_srf *srf, const na_pg_col_kind *kinds);

/*
 * The row writer: a row written as a heap tuple column after column, each
 * column's bytes stored as it is given, then copied into the result by
 * na_pg_row_end.  It exists because quotes() spent more on storing its rows
 * than on finding half of them: a text datum allocated and copied per
 * column, then heap_form_minimal_tuple walking the columns twice more
 * (2,300 instructions a row over BBC); a first writer from an array of
 * column descriptions still walked it twice, a switch on each column's kind
 * each time (the same few branches for every column, which callgrind's
 * branch simulation saw mispredicted 22 times a row).  Written in order,
 * each column an inlined call of its own, quotes()'s rows over BBC (24,681)
 * cost 28.9M instructions instead of 42.5M (all of na_quotes but the scan
 * and the analysis: 1,170 a row with the tuple store's copy); tokenize(),
 * a row a token, 1,276M instead of 1,894M over BBC.  The layout is
 * heap_fill_tuple's, byte for byte: columns in order, int4 and float4
 * aligned to 4, text with a 1-byte header when it fits one (unaligned),
 * else aligned to 4 with a 4-byte header; a null bitmap when a column is
 * null.  The data is written after the room of a null bitmap and moved
 * down at the end when the row has no null.  Usage: na_pg_srf_expect_cols
 * once, then for every row na_pg_row_begin, one na_pg_row_* call for each
 * column in order, na_pg_row_end.
 */
void		na_pg_row_grow(na_pg_srf *srf, Size need);
void		na_pg_row_end(na_pg_srf *srf);

/*
 * The same writer outside a set-returning function (the derived tables'
 * rows, derived_pg.c): writer holds only the row writer's state, its tuple
 * grown in ctx, for rows of desc, whose columns the caller has checked with
 * na_pg_cols_fit; na_pg_row_form finishes a row as a heap tuple in the
 * writer's buffer (valid until the next row) instead of storing it.
 */
void		na_pg_row_writer_init(na_pg_srf *writer, TupleDesc desc, MemoryContext ctx);
void		na_pg_row_form(na_pg_srf *writer, TupleDesc desc, HeapTuple tuple);

/* Do columns first .. first + nkinds - 1 of desc have the types of kinds (no error)? */
bool		na_pg_cols_fit(TupleDesc desc, int first, const na_pg_col_kind *kinds, int nkinds);

static inline void
na_pg_row_begin(na_pg_srf *srf)
{
	srf->row_off = srf->row_hoff;
	srf->row_present = 0;
	srf->row_col = 0;
	srf->row_varwidth = false;
}

/* Room for n more bytes of the row; returns where they go. */
static inline char *
na_pg_row_room(na_pg_srf *srf, Size n)
{
	if (srf->row_off + n > srf->tuple_cap)
		na_pg_row_grow(srf, srf->row_off + n);
	return srf->tuple + srf->row_off;
}

/*
 * Zero bytes up to the next multiple of 4 at data (the tuple is MAXALIGNed,
 * so the address aligns as the offset does); returns how many.  Four zero
 * bytes are written, then the pad is skipped: what follows is at least four
 * bytes and covers what the zeros went past.
 */
static inline Size
na_pg_row_pad4(char *data)
{
	memset(data, 0, 4);
	return (Size) (-(uintptr_t) data) & 3;
}

static inline void
na_pg_row_null(na_pg_srf *srf)
{
	srf->row_col++;
}

/* An int4 or a float4: four bytes aligned to 4. */
static inline void
na_pg_row_word(na_pg_srf *srf, const void *v)
{
	char	   *data = na_pg_row_room(srf, 8);
	Size		pad = na_pg_row_pad4(data);

	memcpy(data + pad, v, 4);
	srf->row_off += pad + 4;
	srf->row_present |= UINT64CONST(1) << srf->row_col++;
}

static inline void
na_pg_row_int4(na_pg_srf *srf, int32 v)
{
	na_pg_row_word(srf, &v);
}

static inline void
na_pg_row_float4(na_pg_srf *srf, float4 v)
{
	na_pg_row_word(srf, &v);
}

/* An int8 (a bigint article key): eight bytes aligned to 8. */
static inline void
na_pg_row_int8(na_pg_srf *srf, int64 v)
{
	char	   *data = na_pg_row_room(srf, 16);
	Size		pad = (Size) (-(uintptr_t) data) & 7;

	memset(data, 0, pad);
	memcpy(data + pad, &v, 8);
	srf->row_off += pad + 8;
	srf->row_present |= UINT64CONST(1) << srf->row_col++;
}

/* A text column: a 1-byte header when it fits one, as heap_fill_tuple stores it. */
static inline void
na_pg_row_text(na_pg_srf *srf, const na_pg_col *col)
{
	char	   *data = na_pg_row_room(srf, (Size) col->len + 8);

	if (col->len + VARHDRSZ_SHORT <= VARATT_SHORT_MAX)
	{
		SET_VARSIZE_SHORT(data, VARHDRSZ_SHORT + col->len);
		memcpy(data + VARHDRSZ_SHORT, col->bytes, col->len);
		srf->row_off += VARHDRSZ_SHORT + col->len;
	}
	else
	{
		Size		pad = na_pg_row_pad4(data);

		SET_VARSIZE(data + pad, VARHDRSZ + col->len);
		memcpy(data + pad + VARHDRSZ, col->bytes, col->len);
		srf->row_off += pad + VARHDRSZ + col->len;
	}
	srf->row_varwidth = true;
	srf->row_present |= UINT64CONST(1) << srf->row_col++;
}

/* Free the document and return to the caller's memory context. */
void		na_pg_srf_end(na_pg_srf *srf);

#endif							/* NA_PG_H */
