/*
 * ahead_pg.h - the rows of an INSERT or COPY analysed while the statement
 * still runs, by a background worker fed from the tracked table's BEFORE
 * INSERT row trigger; its AFTER INSERT row trigger says which rows were
 * inserted, and the statement's AFTER trigger then writes what the worker
 * made and analyses the rest (see ahead_pg.c).
 */
#ifndef AHEAD_PG_H
#define AHEAD_PG_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "utils/tuplestore.h"

#include "derived_pg.h"
#include "parallel_pg.h"

/* One statement's read-ahead and record of its inserted rows, per table. */
typedef struct na_ahead na_ahead;

/* What a statement's read-ahead needs, from its first row. */
typedef struct na_ahead_spec
{
	int			key_att;
	int			text_att;
	Oid			key_type;
	int16		key_typlen;
	bool		key_typbyval;
	/*
	 * the derived rows' descriptors (article_key, then the columns), asked
	 * for only when the worker starts (a one-row INSERT never needs them);
	 * false: the read-ahead stops
	 */
	bool		(*row_descs) (Oid key_type, TupleDesc *descs);
	const char *fail_on;		/* news_analysis.fail_on, or NULL */
} na_ahead_spec;

/* The state of relid's statement under way in this transaction, or NULL. */
na_ahead   *na_ahead_current(Oid relid);

/*
 * Begin the state of relid's statement: with a read-ahead from its first
 * row, or declined (spec NULL: it only records the rows inserted).
 */
na_ahead   *na_ahead_begin(Oid relid, const na_ahead_spec *spec);

/* Whether the statement's rows are still being read ahead; their columns. */
bool		na_ahead_wants_rows(const na_ahead *ah, int *key_att, int *text_att);

/* The next row of the statement, before its insertion: its key and text (NULL: none). */
void		na_ahead_add(na_ahead *ah, Datum key, bool key_isnull, text *body);

/*
 * The columns the AFTER row trigger reads (set once a statement, by its
 * first inserted row): attribute numbers, the key's type, and whether the
 * text is char(n), whose padding goes.
 */
bool		na_ahead_has_columns(const na_ahead *ah);
void		na_ahead_set_columns(na_ahead *ah, int key_att, int text_att, Oid key_type, bool trim_text);
void		na_ahead_columns(const na_ahead *ah, int *key_att, int *text_att, bool *trim_text);

/* A row inserted, as the AFTER INSERT row trigger sees it (its text trimmed where asked). */
void		na_ahead_inserted(na_ahead *ah, Datum key, bool key_isnull, Datum body, bool body_isnull);

/*
 * The AFTER statement trigger of relid's INSERT takes its state (NULL: no
 * row was inserted).
 */
na_ahead   *na_ahead_take(Oid relid);

/*
 * The inserted rows the worker was given (the first ones, with their keys
 * in *keys), and the store of the others (key, text; NULL when none).
 */
int			na_ahead_covered(const na_ahead *ah, const Datum **keys);
Tuplestorestate *na_ahead_fallback(const na_ahead *ah, TupleDesc *desc);

/*
 * False once na_ahead_derived failed (its error was contained, lenient
 * mode): the worker's rows of the covered rows after it are not to be
 * taken; the caller analyses them from na_ahead_bodies.
 */
bool		na_ahead_usable(const na_ahead *ah);

/*
 * The worker's rows and failures of the next n covered rows to sink
 * (articles 0..n-1), waiting for it where it is behind; the rows it will
 * not analyse (it stopped, or lags at the end) the backend analyses itself.
 */
void		na_ahead_derived(na_ahead *ah, int n, MemoryContext outctx, const na_parallel_sink *sink);

/* The texts of covered rows [first, first + n), read back (NULL: none). */
text	  **na_ahead_bodies(na_ahead *ah, int first, int n);

/* Stop the worker and forget the statement's state. */
void		na_ahead_end(na_ahead *ah);

#endif							/* AHEAD_PG_H */
