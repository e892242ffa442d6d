/*
 * derived_pg.h - the derived rows of one article: its quotes, speakers and
 * vote events as values of the composite types news_analysis.quote,
 * .speaker and .vote_event, from one scan of its text.  Used by the
 * analyse-on-write triggers (track.c), in the backend and in parallel
 * workers (parallel.c).
 */
#ifndef DERIVED_PG_H
#define DERIVED_PG_H

#include "postgres.h"

#include "access/htup.h"
#include "access/tupdesc.h"
#include "utils/elog.h"

#include "na_pg.h"

/* The derived tables, in trigger-argument order. */
typedef enum na_derived_kind
{
	NA_DERIVED_QUOTES,
	NA_DERIVED_SPEAKERS,
	NA_DERIVED_VOTES,
	NA_NDERIVED
} na_derived_kind;

/* The composite type (in schema news_analysis) of each derived table. */
extern const char *const na_derived_type_name[NA_NDERIVED];

/* Columns the row builders fill, per derived table. */
extern const int na_derived_natts[NA_NDERIVED];

/* The test setting that makes the analysis of some texts fail. */
#define NA_FAIL_ON_GUC "news_analysis.fail_on"

/*
 * Receives each derived row, valid until it returns: either as the whole
 * row of its derived table (row: article_key first, as na_derived_row_desc
 * describes it), formed by a na_derived_writer, or as the values of its
 * composite type's columns (row NULL), which the sink forms into the tuple
 * where it wants it.
 */
typedef void (*na_derived_sink) (void *arg, na_derived_kind kind, Datum *values, bool *nulls,
								 HeapTuple row);

/*
 * What lets na_derived_rows write rows itself: the derived tables' rows
 * (na_derived_row_desc) and a row writer.  Quote rows (four in five of the
 * rows of news) are written as heap tuples straight from their columns'
 * bytes (quotes()'s row writer, na_pg_row_*: no text datum per column, no
 * tuple former) when the article key is an integer, a bigint or a text
 * and the quotes' row has the types the writer lays out; any other row
 * goes as values.
 */
typedef struct na_derived_writer
{
	TupleDesc	desc[NA_NDERIVED];
	bool		quotes_direct;	/* quote rows written by the row writer */
	na_pg_col_kind key_kind;	/* the article key's column kind, if so */
	na_pg_srf	row;			/* the row writer's state (no SRF) */
} na_derived_writer;

/* A writer for rows of desc (kept, not copied), its tuple in ctx. */
void		na_derived_writer_init(na_derived_writer *writer, TupleDesc const *desc,
								   MemoryContext ctx);

/*
 * Analyse body (any varlena text, toasted or not) in docctx, which the
 * caller resets afterwards, and hand every derived row to sink (as rows
 * with article_key key where writer, if not NULL, can form them, else as
 * values).  A failure
 * of the analysis itself (a text too long, the fail_on test setting, which
 * is given by the caller since workers must see the leader's) is returned as
 * an ErrorData in CurrentMemoryContext rather than thrown, so that a caller
 * can keep the article without a subtransaction; NULL means success.
 * Interrupts and out-of-memory are still thrown, and so is the failure
 * fail_on "!x" asks for (a text containing x), so that tests can exercise
 * the subtransactions that contain unforeseen errors.
 */
ErrorData  *na_derived_rows(text *body, const char *fail_on, MemoryContext docctx,
							na_derived_writer *writer, Datum key,
							na_derived_sink sink, void *arg);

/*
 * The row of a derived table: article_key (of key_type), then the columns
 * of the composite type row_type.  Made in CurrentMemoryContext.
 */
TupleDesc	na_derived_row_desc(Oid key_type, Oid row_type);

/* A row of a derived table (na_derived_row_desc) from the key and the sink's values. */
HeapTuple	na_derived_form_row(TupleDesc desc, Datum key, const Datum *values, const bool *nulls);

/* The value of news_analysis.fail_on, or NULL when unset or empty. */
const char *na_derived_fail_on(void);

#endif							/* DERIVED_PG_H */
