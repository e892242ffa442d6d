/*
 * ahead_pg.h - the rows of an INSERT or COPY analysed while the statement
 * still runs, by a background worker fed from the tracked table's BEFORE
 * INSERT row trigger; the statement's AFTER trigger then only writes what
 * the worker made (see ahead_pg.c).
 */
#ifndef AHEAD_PG_H
#define AHEAD_PG_H

#include "postgres.h"

#include "access/tupdesc.h"

#include "derived_pg.h"
#include "parallel_pg.h"

/* One statement's read-ahead (at most one at a time in a backend). */
typedef struct na_ahead na_ahead;

/* What a statement's read-ahead needs, from its first row. */
typedef struct na_ahead_spec
{
	Oid			relid;
	int			key_att;
	int			text_att;
	int16		key_typlen;
	bool		key_typbyval;
	TupleDesc	table_desc[NA_NDERIVED];	/* the derived rows: article_key, then the columns */
	const char *fail_on;		/* news_analysis.fail_on, or NULL */
} na_ahead_spec;

/*
 * The read-ahead of relid's statement under way, or NULL when there is
 * none yet; *busy is set when another table's statement holds the one
 * read-ahead of the backend (a statement nested in it: it goes without).
 */
na_ahead   *na_ahead_current(Oid relid, bool *busy);

/*
 * Start the statement's read-ahead from its first row; declined (only
 * remembered, so that its other rows cost a comparison) when spec is NULL.
 */
na_ahead   *na_ahead_begin(const na_ahead_spec *spec);

/* Whether the statement's rows are still being read ahead; their columns. */
bool		na_ahead_wants_rows(const na_ahead *ah, int *key_att, int *text_att);

/* The next row of the statement: its key and text (NULL: none). */
void		na_ahead_add(na_ahead *ah, Datum key, bool key_isnull, text *body);

/*
 * The AFTER trigger of relid's INSERT statement takes its read-ahead: the
 * one whose worker is analysing, or NULL (a read-ahead that never started
 * its worker is ended here).
 */
na_ahead   *na_ahead_take(Oid relid);

/*
 * Are the next n rows of the statement's transition table (keys, and text
 * sizes as na_text_source_size gives them) the next n rows the worker
 * was given?
 */
bool		na_ahead_matches(na_ahead *ah, int n, const Datum *keys, const Size *sizes);

/*
 * The worker's rows and failures of those n rows to sink (articles 0..n-1),
 * waiting for it where it is behind; the rows it will not analyse (it
 * stopped, or lags at the end) the backend analyses itself.
 */
void		na_ahead_derived(na_ahead *ah, int n, MemoryContext outctx, const na_parallel_sink *sink);

/* Stop the worker and forget the read-ahead. */
void		na_ahead_end(na_ahead *ah);

#endif							/* AHEAD_PG_H */
