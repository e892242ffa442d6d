/*
 * track_analyse_pg.c - the analyser of analyse-on-write: articles come in
 * chunks from the triggers and the backfill of track_pg.c; their derived
 * rows pile up per chunk and are written by one delete and one insert
 * statement.  In lenient mode a chunk is analysed in one subtransaction and,
 * only when that fails, row by row to find the failing articles, which are
 * recorded in news_analysis.failures while their rows stay.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/proc.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/syscache.h"
#include "utils/guc.h"
#include "utils/tuplestore.h"
#include "utils/typcache.h"

#include "ahead_pg.h"
#include "citus_pg.h"
#include "derived_pg.h"
#include "na_pg.h"
#include "parallel_pg.h"
#include "track_pg.h"

/*
 * Appends to a growable array of Datums in ctx (the chunk's keys to delete and
 * its rows), doubling so that a chunk of n rows costs O(n).
 */
static void
datum_list_push(datum_list *list, MemoryContext ctx, Datum value)
{
	if (list->n == list->max)
	{
		list->max = list->max ? list->max * 2 : 64;
		if (list->items == NULL)
			list->items = MemoryContextAlloc(ctx, sizeof(Datum) * list->max);
		else
			list->items = repalloc(list->items, sizeof(Datum) * list->max);
	}
	list->items[list->n++] = value;
}

/*
 * Prepares an analyser for one statement or backfill: its two memory contexts,
 * the chunk's (reset by each flush) and the document's (reset per article),
 * keep memory flat however many rows come.
 */
void
track_analyser_begin(analyser *an, const track_config *config, track_plans *plans)
{
	memset(an, 0, sizeof(*an));
	an->config = config;
	an->plans = plans;
	an->fail_on = na_derived_fail_on();
	an->report_total = -1;
	an->chunkctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis chunk",
										 ALLOCSET_DEFAULT_SIZES);
	an->docctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis document",
									   ALLOCSET_DEFAULT_SIZES);
	na_derived_writer_init(&an->writer, plans->table_desc, CurrentMemoryContext);
}

void
track_analyser_end(analyser *an)
{
	MemoryContextDelete(an->docctx);
	MemoryContextDelete(an->chunkctx);
}

/* The key as a datum of the chunk context (it must outlive the caller's tuple). */
static Datum
chunk_key(analyser *an, Datum key)
{
	const track_plans *plans = an->plans;

	if (plans->key_typbyval)
		return key;
	return datumCopy(key, false, plans->key_typlen);
}

/* Forget an article's old derived rows at the next flush. */
void
track_analyser_delete(analyser *an, Datum key)
{
	MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);

	datum_list_push(&an->delete_keys, an->chunkctx, chunk_key(an, key));
	MemoryContextSwitchTo(oldctx);
}

/*
 * The store of the chunk's pending rows of derived table kind, made on first
 * use in chunkctx.  In memory only: a temporary file would belong to the
 * subtransaction of the attempt that wrote it (and the rows of a chunk are
 * bounded by CHUNK_MAX_ROWS and CHUNK_MAX_BYTES of text).
 */
static Tuplestorestate *
chunk_store(analyser *an, na_derived_kind kind)
{
	if (an->stores[kind] == NULL)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);

		an->stores[kind] = tuplestore_begin_heap(false, false, MAX_KILOBYTES);
		MemoryContextSwitchTo(oldctx);
	}
	return an->stores[kind];
}

/*
 * A row of article (of the chunk) for derived table kind, as the row the
 * writer formed (row) or from the values of the row builders: straight
 * into the chunk's store, formed once where the insert statement reads it
 * (forming a heap tuple first and copying it into the store at the flush
 * cost a tenth of a tracked COPY, in allocations and page faults).  Only
 * the article-by-article retry of a failed chunk stages its rows in
 * an->rows, so that a failed article's rows are dropped by truncating a
 * list.
 */
static void
chunk_row(analyser *an, int article, na_derived_kind kind, Datum *values, bool *nulls,
		  HeapTuple row)
{
	TupleDesc	desc = an->plans->table_desc[kind];
	Datum		row_values[FUNC_MAX_ARGS];
	bool		row_nulls[FUNC_MAX_ARGS];
	MemoryContext oldctx;
	HeapTuple	tuple;

	if (row != NULL)
	{
		if (!an->staging)
		{
			tuplestore_puttuple(chunk_store(an, kind), row);
			return;
		}
		oldctx = MemoryContextSwitchTo(an->chunkctx);
		tuple = heap_copytuple(row);
		MemoryContextSwitchTo(oldctx);
		datum_list_push(&an->rows[kind], an->chunkctx, PointerGetDatum(tuple->t_data));
		return;
	}
	if (!an->staging)
	{
		Assert(desc->natts <= FUNC_MAX_ARGS);
		row_values[0] = an->chunk_keys[article];
		row_nulls[0] = false;
		memcpy(row_values + 1, values, sizeof(Datum) * (desc->natts - 1));
		memcpy(row_nulls + 1, nulls, sizeof(bool) * (desc->natts - 1));
		tuplestore_putvalues(chunk_store(an, kind), desc, row_values, row_nulls);
		return;
	}
	oldctx = MemoryContextSwitchTo(an->chunkctx);
	tuple = na_derived_form_row(desc, an->chunk_keys[article], values, nulls);
	MemoryContextSwitchTo(oldctx);
	datum_list_push(&an->rows[kind], an->chunkctx, PointerGetDatum(tuple->t_data));
}

/* na_derived_sink of the backend's own analysis */
static void
serial_row(void *arg, na_derived_kind kind, Datum *values, bool *nulls, HeapTuple row)
{
	analyser   *an = (analyser *) arg;

	chunk_row(an, an->article, kind, values, nulls, row);
}

/*
 * Remembers a failed article of the current chunk until the chunk is flushed:
 * its failure row is written with the others, after the rows of the articles
 * that succeeded.
 */
static void
add_failure(analyser *an, int article, ErrorData *edata)
{
	MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);
	pending_failure *f = palloc(sizeof(pending_failure));

	f->article = article;
	f->key = an->chunk_keys[article];
	f->edata = edata;
	an->failures = lappend(an->failures, f);
	MemoryContextSwitchTo(oldctx);
}

/*
 * na_parallel_sink callbacks: the workers' rows, and the backend's own
 * values, into the chunk's stores or, while workers analyse, straight into
 * the derived tables (an->writing)
 */
static void
parallel_row(void *arg, int article, na_derived_kind kind, HeapTuple row,
			 const na_person_key *person_key)
{
	analyser   *an = (analyser *) arg;

	(void) article;
	if (an->writing != NULL && track_writer_writes(an->writing, kind))
		track_writer_put(an->writing, kind, row, false, person_key);
	else
		tuplestore_puttuple(chunk_store(an, kind), row);
}

/* The backend's own rows come as values: formed here, where they go. */
static void
parallel_values(void *arg, int article, na_derived_kind kind, Datum *values, bool *nulls)
{
	analyser   *an = (analyser *) arg;

	if (an->writing != NULL && track_writer_writes(an->writing, kind))
	{
		/* formed where it lives until the writer's slot frees it */
		MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);
		HeapTuple	row = na_derived_form_row(an->plans->table_desc[kind], an->chunk_keys[article],
											  values, nulls);

		MemoryContextSwitchTo(oldctx);
		track_writer_put(an->writing, kind, row, true, NULL);
		return;
	}
	chunk_row(an, article, kind, values, nulls, NULL);
}

/* Forget the chunk's stored rows. */
static void
drop_stores(analyser *an)
{
	for (int d = 0; d < NA_NDERIVED; d++)
		if (an->stores[d] != NULL)
		{
			tuplestore_end(an->stores[d]);
			an->stores[d] = NULL;
		}
}

/*
 * Keep only the first keep rows of the store of kind: what a failed attempt
 * wrote goes.  A chunk's first attempt starts from an empty store, so this
 * is nearly always a drop; otherwise the rows kept are copied once.
 */
static void
truncate_store(analyser *an, na_derived_kind kind, int64 keep)
{
	Tuplestorestate *old = an->stores[kind];
	TupleTableSlot *slot;

	if (old == NULL || tuplestore_tuple_count(old) <= keep)
		return;
	an->stores[kind] = NULL;
	if (keep > 0)
	{
		Tuplestorestate *store = chunk_store(an, kind);

		slot = MakeSingleTupleTableSlot(an->plans->table_desc[kind], &TTSOpsMinimalTuple);
		tuplestore_rescan(old);
		for (int64 i = 0; i < keep && tuplestore_gettupleslot(old, true, false, slot); i++)
			tuplestore_puttupleslot(store, slot);
		ExecDropSingleTupleTableSlot(slot);
	}
	tuplestore_end(old);
}

static void
parallel_failure(void *arg, int article, ErrorData *edata)
{
	add_failure((analyser *) arg, article, edata);
}

static void
parallel_drained(void *arg)
{
	analyser   *an = (analyser *) arg;

	if (an->writing != NULL)
		track_writer_drained(an->writing);
}

/* Errors that must stop the statement even in lenient mode. */
static bool
must_propagate(int sqlerrcode)
{
	return sqlerrcode == ERRCODE_QUERY_CANCELED ||
		ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_OPERATOR_INTERVENTION ||
		ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_SYSTEM_ERROR;
}

/*
 * A failed analysis keeps the article: warn, and write the error into
 * news_analysis.failures so that retry_failures() finds it later.
 */
static void
record_failure(const analyser *an, Datum key, ErrorData *edata)
{
	const track_config *config = an->config;
	Datum		params[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	char	   *key_str = track_key_text(an->plans->key_type, key);
	char	   *table = track_qualified_table(config->logical_source);
	int			ret;

	ereport(WARNING,
			(errcode(ERRCODE_WARNING),
			 errmsg("article with %s = %s of table %s was stored without analysis: %s",
					quote_identifier(config->key_column), key_str, table, edata->message),
			 errdetail("The error is recorded in news_analysis.failures."),
			 errhint("Fix the cause and update the row; news_analysis.set_strict(table, true) rejects such rows instead.")));

	params[0] = ObjectIdGetDatum(config->logical_source);
	params[1] = CStringGetTextDatum(table);
	params[2] = CStringGetTextDatum(key_str);
	params[3] = CStringGetTextDatum(unpack_sql_state(edata->sqlerrcode));
	params[4] = CStringGetTextDatum(edata->message ? edata->message : "");
	if (edata->detail)
		params[5] = CStringGetTextDatum(edata->detail);
	else
	{
		params[5] = (Datum) 0;
		nulls[5] = 'n';
	}
	ret = SPI_execute_plan(track_failure_plan(an->plans), params, nulls, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "news_analysis: recording a failure returned %s", SPI_result_code_string(ret));
}

static int
failure_order(const ListCell *a, const ListCell *b)
{
	int			x = ((const pending_failure *) lfirst(a))->article;
	int			y = ((const pending_failure *) lfirst(b))->article;

	return (x > y) - (x < y);
}

/*
 * Record the chunk's failures, in the order of its rows (workers report them
 * in any order): a WARNING and a row of news_analysis.failures each.
 */
static void
record_failures(analyser *an)
{
	ListCell   *lc;

	list_sort(an->failures, failure_order);
	foreach(lc, an->failures)
	{
		pending_failure *f = (pending_failure *) lfirst(lc);

		record_failure(an, f->key, f->edata);
		an->failed++;
	}
	an->failures = NIL;
}

/*
 * Installs the context line that names the article being analysed, so that an
 * error thrown inside the analysis tells the user which row caused it.
 */
static void
push_row_context(ErrorContextCallback *errcallback, row_context *rc, const analyser *an)
{
	rc->config = an->config;
	rc->key_type = an->plans->key_type;
	rc->key = (Datum) 0;
	rc->has_key = false;
	errcallback->callback = track_row_error_callback;
	errcallback->arg = rc;
	errcallback->previous = error_context_stack;
	error_context_stack = errcallback;
}

/* Strict mode: a failed analysis rejects the statement. */
static void
raise_failure(const ErrorData *edata)
{
	ereport(ERROR,
			(errcode(edata->sqlerrcode),
			 errmsg_internal("%s", edata->message),
			 edata->detail ? errdetail_internal("%s", edata->detail) : 0));
}

/* The same with a context line naming the article. */
static void
throw_failure(const analyser *an, Datum key, const ErrorData *edata)
{
	ErrorContextCallback errcallback;
	row_context rc;

	push_row_context(&errcallback, &rc, an);
	rc.key = key;
	rc.has_key = true;
	raise_failure(edata);
}

/*
 * The backend alone analyses articles [from, to) of the chunk, with an error
 * context line naming the article being analysed.  A failure of an article
 * is thrown in strict mode and kept for record_failures otherwise.
 */
static void
analyse_range(analyser *an, text *const *bodies, int from, int to)
{
	ErrorContextCallback errcallback;
	row_context rc;

	push_row_context(&errcallback, &rc, an);
	for (int i = from; i < to; i++)
	{
		ErrorData  *edata;

		/*
		 * No article is named until one is analysed: a cancel caught here
		 * (a statement_timeout that fell between the executor's last check
		 * and this one) has no article, and the previous one is done.
		 */
		rc.has_key = false;
		CHECK_FOR_INTERRUPTS();
		if (bodies[i] == NULL || VARSIZE_ANY_EXHDR(bodies[i]) == 0)
			continue;
		rc.key = an->chunk_keys[i];
		rc.has_key = true;
		an->article = i;
		MemoryContextSwitchTo(an->chunkctx);
		edata = na_derived_rows(bodies[i], an->fail_on, an->docctx, &an->writer,
								an->chunk_keys[i], serial_row, an);
		MemoryContextReset(an->docctx);
		if (edata != NULL)
		{
			if (an->config->strict)
				raise_failure(edata);
			add_failure(an, i, edata);
		}
	}
	error_context_stack = errcallback.previous;
}

/* What a failed attempt must undo: the lengths of the pending lists before it. */
typedef struct chunk_mark
{
	int			rows[NA_NDERIVED];
	int64		stored[NA_NDERIVED];
	int			failures;
} chunk_mark;

static void
mark_chunk(const analyser *an, chunk_mark *mark)
{
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		mark->rows[d] = an->rows[d].n;
		mark->stored[d] = an->stores[d] ? tuplestore_tuple_count(an->stores[d]) : 0;
	}
	mark->failures = list_length(an->failures);
}

static void
undo_to_mark(analyser *an, const chunk_mark *mark)
{
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		an->rows[d].n = mark->rows[d];
		truncate_store(an, (na_derived_kind) d, mark->stored[d]);
	}
	an->failures = list_truncate(an->failures, mark->failures);
}

/* The work of one attempt at (part of) a chunk. */
typedef enum attempt_kind
{
	ATTEMPT_SERIAL,				/* analyse_range(from, to) */
	ATTEMPT_PARALLEL,			/* na_parallel_derived over the whole chunk */
	ATTEMPT_AHEAD				/* na_ahead_derived: the chunk read ahead */
} attempt_kind;

typedef struct attempt
{
	attempt_kind kind;
	int			n;
	text	   *const *bodies;	/* serial: the texts (NULL until a serial attempt needs them) */
	int			from;
	int			to;
	int			nworkers;
	const na_text_source *source;	/* parallel: the texts */
	na_ahead   *ahead;			/* ahead: the statement's read-ahead */
} attempt;

/* A chunk's texts as datums (each NULL, inline, compressed or toasted), as a na_text_source. */
typedef struct body_source
{
	na_text_source source;
	text	   *const *bodies;
} body_source;

static void
fill_from_body(void *arg, int i, text *dest)
{
	body_source *bs = (body_source *) arg;

	if (dest != NULL)
		na_text_source_put(dest, bs->source.sizes[i], bs->bodies[i]);
}

/* The texts of bodies[0..n) as a na_text_source, in the current memory context. */
static const na_text_source *
bodies_as_source(int n, text *const *bodies)
{
	body_source *bs = palloc(sizeof(body_source));
	Size	   *sizes = palloc(sizeof(Size) * Max(n, 1));

	for (int i = 0; i < n; i++)
		sizes[i] = na_text_source_size(bodies[i]);
	bs->source.sizes = sizes;
	bs->source.fill = fill_from_body;
	bs->source.arg = bs;
	bs->bodies = bodies;
	return &bs->source;
}

/*
 * Subtransaction IDs a transaction keeps free.  A chunk written while
 * workers analyse it in lenient mode is written in its subtransaction,
 * which then takes an ID; a backend shows other backends only
 * PGPROC_MAX_CACHED_SUBXIDS (64) of them before their snapshots overflow
 * to pg_subtrans (slower for every reader while the transaction runs).
 * Past that, a long COPY's chunks are written after their analysis, as
 * before (so about 56 chunks, 229,000 rows, are written during it).
 */
#define SUBXIDS_KEPT_FREE 8

/* May the chunk's rows be written while workers analyse it? */
static bool
write_while_analysing(const analyser *an)
{
	if (an->delete_keys.n > 0 || an->staging || IsolationIsSerializable())
		return false;
	return an->config->strict ||
		(!MyProc->subxidStatus.overflowed &&
		 MyProc->subxidStatus.count < PGPROC_MAX_CACHED_SUBXIDS - SUBXIDS_KEPT_FREE);
}

/*
 * Runs one way of analysing a chunk: serially in the backend over a range of
 * articles, or by parallel workers over the whole chunk.  A chunk of new
 * keys (no old rows to delete first) that parallel workers analyse is
 * written as its rows come, by the backend while the workers go on (see
 * track_writer_begin): its writes no longer wait for the whole analysis,
 * and its rows are not kept in memory (their stores cost page faults).
 */
static void
run_attempt(analyser *an, const attempt *at)
{
	na_parallel_sink sink = {parallel_row, parallel_values, parallel_failure, parallel_drained, an};
	Oid			row_type[NA_NDERIVED];
	bool		was_writing = track_writing_derived_rows;

	if (at->kind == ATTEMPT_SERIAL)
	{
		analyse_range(an, at->bodies, at->from, at->to);
		return;
	}
	for (int d = 0; d < NA_NDERIVED; d++)
		row_type[d] = an->plans->row_desc[d]->tdtypeid;
	if (write_while_analysing(an))
		an->writing = track_writer_begin(an->config, an->plans, at->n);
	PG_TRY();
	{
		if (an->writing != NULL)
			track_writing_derived_rows = true;
		if (at->kind == ATTEMPT_AHEAD)
			na_ahead_derived(at->ahead, at->n, an->chunkctx, &sink);
		else
			na_parallel_derived(at->n, an->chunk_keys, at->source, an->plans->key_type, row_type,
								at->nworkers, an->fail_on, an->chunkctx, &sink);
		if (an->writing != NULL)
			track_writer_end(an->writing);
	}
	PG_FINALLY();
	{
		an->writing = NULL;
		track_writing_derived_rows = was_writing;
	}
	PG_END_TRY();
}

/* run_attempt's arguments for na_run_contained */
typedef struct attempt_call
{
	analyser   *an;
	const attempt *at;
} attempt_call;

static void
run_attempt_call(void *arg)
{
	attempt_call *call = (attempt_call *) arg;

	run_attempt(call->an, call->at);
}

/*
 * Run an attempt in a subtransaction, as a PL/pgSQL exception block does,
 * so that an unforeseen error is contained.  Returns NULL when it succeeded;
 * otherwise the error (copied into chunkctx), after the subtransaction was
 * rolled back and the pending lists restored.  A cancel or shutdown is not
 * a failure of an article: it is thrown on.
 */
static ErrorData *
run_attempt_contained(analyser *an, const attempt *at)
{
	attempt_call call = {an, at};
	chunk_mark	mark;
	ErrorData  *edata;

	mark_chunk(an, &mark);
	edata = na_run_contained(run_attempt_call, &call, an->chunkctx);
	if (edata != NULL && must_propagate(edata->sqlerrcode))
		ReThrowError(edata);
	if (edata != NULL)
		undo_to_mark(an, &mark);
	return edata;
}

static void analyse_chunk(analyser *an, const Datum *keys, attempt *at,
						  text *const *(*bodies_again) (void *arg), void *arg);

/* Workers for a chunk: none for little text, then one per NA_PARALLEL_MIN_BYTES. */
static int
chunk_workers(int n, Size bytes)
{
	int			allowed = na_parallel_workers_allowed();

	if (allowed <= 0 || n < 8 || IsInParallelMode())
		return 0;
	if (bytes < NA_PARALLEL_MIN_BYTES || !na_parallel_texts_fit(bytes))
		return 0;
	return (int) Min((Size) allowed, bytes / NA_PARALLEL_MIN_BYTES);
}

/*
 * Analyse a chunk of articles (bodies[i] NULL: no text; bytes: their raw
 * size) into the pending derived rows, with parallel workers when it is
 * large enough.  Strict mode: any failure is thrown.  Lenient mode: failed
 * articles are recorded; an unforeseen error is contained by a
 * subtransaction for the chunk, and only then are its articles analysed
 * again one subtransaction each, so that the others keep their analysis.
 */
void
track_analyser_chunk(analyser *an, int n, const Datum *keys, text *const *bodies, Size bytes)
{
	attempt		at = {ATTEMPT_SERIAL, n, bodies, 0, n, chunk_workers(n, bytes), NULL, NULL};

	if (at.nworkers > 0)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);

		at.kind = ATTEMPT_PARALLEL;
		at.source = bodies_as_source(n, bodies);
		MemoryContextSwitchTo(oldctx);
	}
	analyse_chunk(an, keys, &at, NULL, NULL);
}

/*
 * A chunk as track_analyser_chunk analyses it, when the caller's texts are
 * not at hand as datums: source puts them into the workers' shared memory,
 * and bodies_again(arg) gives them as datums only if the backend must
 * analyse them alone after the workers failed.  Returns false, having done
 * nothing, when the chunk is too small for workers: the caller then gives
 * its texts to track_analyser_chunk.
 */
bool
track_analyser_chunk_from(analyser *an, int n, const Datum *keys, const na_text_source *source,
						  Size bytes, text *const *(*bodies_again) (void *arg), void *arg)
{
	attempt		at = {ATTEMPT_PARALLEL, n, NULL, 0, n, chunk_workers(n, bytes), source, NULL};

	if (at.nworkers == 0)
		return false;
	analyse_chunk(an, keys, &at, bodies_again, arg);
	return true;
}

/*
 * A chunk whose rows the statement's read-ahead analysed (its AFTER row trigger
 * said so): the backend takes the worker's rows and writes them.  Where
 * that fails (lenient mode), bodies_again(arg) gives the texts to analyse
 * it again, as after failed parallel workers.
 */
void
track_analyser_chunk_ahead(analyser *an, int n, const Datum *keys, na_ahead *ahead,
						   text *const *(*bodies_again) (void *arg), void *arg)
{
	attempt		at = {ATTEMPT_AHEAD, n, NULL, 0, n, 0, NULL, ahead};

	analyse_chunk(an, keys, &at, bodies_again, arg);
}

/*
 * The one way the entry points analyse a chunk (the failure handling of
 * track_analyser_chunk's comment), whether its texts came as datums or from
 * a source; bodies_again gives the datums when a serial attempt needs them
 * and the caller had none.
 */
static void
analyse_chunk(analyser *an, const Datum *keys, attempt *at,
			  text *const *(*bodies_again) (void *arg), void *arg)
{
	MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);
	int			n = at->n;
	ErrorData  *edata;

	an->staging = false;
	an->chunk_keys = palloc(sizeof(Datum) * Max(n, 1));
	for (int i = 0; i < n; i++)
		an->chunk_keys[i] = chunk_key(an, keys[i]);
	MemoryContextSwitchTo(oldctx);

	if (an->config->strict)
	{
		run_attempt(an, at);
		/* the parallel path returns failures: the first one rejects the statement */
		if (an->failures != NIL)
		{
			pending_failure *first = NULL;
			ListCell   *lc;

			foreach(lc, an->failures)
			{
				pending_failure *f = (pending_failure *) lfirst(lc);

				if (first == NULL || f->article < first->article)
					first = f;
			}
			throw_failure(an, first->key, first->edata);
		}
		return;
	}

	edata = run_attempt_contained(an, at);
	if (edata != NULL && at->kind != ATTEMPT_SERIAL)
	{
		/* the backend alone, the whole chunk in one subtransaction */
		at->kind = ATTEMPT_SERIAL;
		if (at->bodies == NULL)
			at->bodies = bodies_again(arg);
		edata = run_attempt_contained(an, at);
	}
	if (edata != NULL)
	{
		if (n == 1)
			add_failure(an, 0, edata);
		else
		{
			/* article by article, to find the ones that fail (rows staged) */
			an->staging = true;
			for (int i = 0; i < n; i++)
			{
				at->from = i;
				at->to = i + 1;
				edata = run_attempt_contained(an, at);
				if (edata != NULL)
					add_failure(an, i, edata);
			}
			an->staging = false;
		}
	}
	record_failures(an);
}

/*
 * Write the chunk's stored rows with track_writing_derived_rows set:
 * straight into the derived tables where that writes what the insert plan
 * would (track_write_rows), else by the insert plan.
 */
static void
insert_derived_rows(analyser *an)
{
	bool		was_writing = track_writing_derived_rows;

	track_writing_derived_rows = true;
	PG_TRY();
	{
		if (!track_write_rows(an->config, an->plans, an->stores))
		{
			int			ret;

			SPIPlanPtr	insert_plan = track_insert_plan(an->plans, an->config);

			track_register_rows(an->plans, an->stores);
			ret = SPI_execute_plan(insert_plan, NULL, NULL, false, 0);
			if (ret != SPI_OK_INSERT)
				elog(ERROR, "news_analysis: inserting derived rows returned %s",
					 SPI_result_code_string(ret));
			track_unregister_rows();
		}
	}
	PG_FINALLY();
	{
		track_writing_derived_rows = was_writing;
	}
	PG_END_TRY();
}

/* Write what is pending: delete the replaced keys' rows, insert the new rows. */
void
track_analyser_flush(analyser *an)
{
	const track_plans *plans = an->plans;
	MemoryContext oldctx = MemoryContextSwitchTo(an->chunkctx);
	bool		any_rows = false;
	int			ret;

	if (an->delete_keys.n > 0)
	{
		Datum		keys = PointerGetDatum(construct_array(an->delete_keys.items, an->delete_keys.n,
														   plans->key_type, plans->key_typlen,
														   plans->key_typbyval, plans->key_typalign));

		ret = SPI_execute_plan(track_delete_plan(an->plans, an->config), &keys, NULL, false, 0);
		if (ret != SPI_OK_DELETE)
			elog(ERROR, "news_analysis: deleting derived rows returned %s",
				 SPI_result_code_string(ret));
	}
	for (int d = 0; d < NA_NDERIVED; d++)
		any_rows |= an->rows[d].n > 0 || an->stores[d] != NULL;
	if (any_rows)
	{
		/* the staged rows of a chunk retried article by article after the stored ones */
		for (int d = 0; d < NA_NDERIVED; d++)
		{
			Tuplestorestate *store = chunk_store(an, (na_derived_kind) d);

			for (int i = 0; i < an->rows[d].n; i++)
			{
				HeapTupleData tuple;

				tuple.t_data = (HeapTupleHeader) DatumGetPointer(an->rows[d].items[i]);
				tuple.t_len = HeapTupleHeaderGetDatumLength(tuple.t_data);
				ItemPointerSetInvalid(&tuple.t_self);
				tuple.t_tableOid = InvalidOid;
				tuplestore_puttuple(store, &tuple);
			}
		}
		insert_derived_rows(an);
		drop_stores(an);
	}
	MemoryContextSwitchTo(oldctx);
	MemoryContextReset(an->chunkctx);
	memset(&an->delete_keys, 0, sizeof(an->delete_keys));
	memset(an->rows, 0, sizeof(an->rows));
	an->chunk_keys = NULL;
}
