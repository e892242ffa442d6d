/*
 * ahead_pg.c - the rows of an INSERT or COPY analysed while the statement
 * still runs (see ahead_pg.h).
 *
 * A COPY keeps one processor busy; its rows used to be analysed only once
 * it was over, by the statement's AFTER trigger and its parallel workers.
 * Here the tracked table's BEFORE INSERT row trigger hands each row's key
 * and text over as the COPY reads it.  Once a statement has given
 * NA_PARALLEL_MIN_BYTES of text (a one-row INSERT never gets this far), a
 * background worker starts: the backend appends the texts to a temporary
 * file of a SharedFileSet, the worker reads them as they come, analyses them
 * and appends the derived rows to a second file.  When the AFTER trigger
 * runs, most rows are analysed and the backend only writes them.
 *
 * The worker is a plain background worker, not a parallel worker: the
 * backend cannot enter parallel mode while COPY inserts.  It needs no
 * database: the analysis is the pure core's, and the derived rows'
 * descriptors come in shared memory.  Files, not shared memory, carry the
 * texts and rows for the reason parallel_pg.c gives (a page of new shared
 * memory costs microseconds at its first touch on the machines measured).
 *
 * Nothing relies on the read-ahead for its correctness.  Its rows are used
 * only for transition-table rows that are the rows the worker was given, in
 * the same order, with the same keys and text sizes; the trigger reads
 * ahead only when it is the last BEFORE INSERT row trigger of the table (no
 * other trigger changes the row after it) and the text and key are not
 * generated columns.  A row skipped by ON CONFLICT DO NOTHING, a nested
 * statement, a worker that did not start or stopped: the AFTER trigger then
 * analyses the rest itself, as it did before.  And no failure of the
 * read-ahead fails the statement: where it cannot go on it stops.
 */
#include "postgres.h"

#include <sys/resource.h>

#include "access/tupdesc.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "port/atomics.h"
#include "postmaster/bgworker.h"
#include "storage/dsm.h"
#include "storage/fd.h"
#include "storage/ipc.h"
#include "storage/latch.h"
#include "storage/proc.h"
#include "storage/sharedfileset.h"
#include "tcop/tcopprot.h"
#include "utils/datum.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"
#include "utils/wait_event.h"

#include "ahead_pg.h"
#include "derived_pg.h"
#include "parallel_pg.h"
#include "people_pg.h"

PGDLLEXPORT void na_ahead_main(Datum main_arg);

#define TEXTS_FILE		"news_analysis_ahead_texts"
#define ROWS_FILE		"news_analysis_ahead_rows"

/*
 * The backend writes the texts, the worker its rows, in pieces of this
 * much; either reads the other's file in pieces of at most READ_PIECE (or
 * one record).  Small, as memory a fresh process touches costs a page
 * fault a page (512 kB read pieces were 128 of the backend's faults).
 */
#define WRITE_PIECE		(64 * 1024)
#define READ_PIECE		(64 * 1024)

/*
 * A statement's texts read ahead at most: past it, the AFTER trigger
 * analyses the rest in chunks as before.  The read-ahead keeps its texts
 * and rows in temporary files until the statement ends; a chunk keeps at
 * most CHUNK_MAX_BYTES.  This bounds the disk a huge COPY takes.
 */
#define AHEAD_MAX_BYTES	((Size) 64 * 1024 * 1024)

/* The memory of the store of rows not read ahead, in kB (see na_ahead_inserted). */
#define FALLBACK_KB		1024

/* The worker's niceness (see na_ahead_main). */
#define AHEAD_NICE		10

/* The longest either process sleeps before it looks again (a latch wakes it sooner). */
#define POLL_MS			10

/*
 * The two processes' shared state.  Each file is written only at record
 * boundaries and its length published after the write, so that a reader
 * never sees half a record.
 */
typedef struct ahead_shared
{
	SharedFileSet fileset;
	int			backend_procno;
	pg_atomic_uint32 worker_procno; /* pgprocno + 1; 0 until the worker runs */
	pg_atomic_uint32 backend_waiting;	/* wake the backend after a write */
	pg_atomic_uint32 worker_waiting;	/* wake the worker after a write */
	pg_atomic_uint64 texts_bytes;	/* the texts' file: whole records up to here */
	pg_atomic_uint32 texts_done;	/* the backend wrote its last record */
	pg_atomic_uint32 abandoned; /* the backend wants no more */
	pg_atomic_uint64 rows_bytes;	/* the rows' file: whole messages up to here */
	pg_atomic_uint32 articles_done; /* articles whose messages are all in rows_bytes */
	/*
	 * The articles the worker may still take: front (high half) is the next
	 * one it takes, back (low half) the end of those it may.  The backend
	 * lowers back to take articles from the end itself (steal_one).
	 */
	pg_atomic_uint64 range;
	pg_atomic_uint32 finished;	/* every text analysed, every row written */
	/* the derived rows' TupleDescs (TupleDescCopy), then fail_on */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} ahead_shared;

/*
 * A record of the texts' file: this header, the key (datumSerialize), then
 * the text as a varlena with a 4-byte header (text_size bytes; 0: no text),
 * each part MAXALIGNed.  A message of the rows' file: this header with
 * key_bytes the message's length, then the message (na_par_msg and what
 * follows it), MAXALIGNed.
 */
typedef struct record_header
{
	uint32		key_bytes;
	uint32		text_size;
} record_header;

StaticAssertDecl(sizeof(record_header) % MAXIMUM_ALIGNOF == 0, "record parts must stay aligned");

struct na_ahead
{
	Oid			relid;
	LocalTransactionId lxid;
	int			nest_level;
	MemoryContext ctx;
	bool		declined;		/* nothing read ahead for this statement */
	bool		stopped;		/* no more rows given: the statement's rest goes without */
	bool		in_use;			/* set while na_ahead_derived runs: an error left it set */
	int			key_att;
	int			text_att;
	int16		key_typlen;
	bool		key_typbyval;
	TupleDesc	table_desc[NA_NDERIVED];	/* once the worker is asked for */
	bool		(*row_descs) (Oid key_type, TupleDesc *descs);
	char	   *fail_on;
	/* the rows given, to match against the transition table's */
	int			nrows;
	int			maxrows;
	Datum	   *keys;
	Size	   *sizes;
	uint64	   *offsets;		/* where each row's record is in the texts' file */
	uint32		consumed;		/* rows the AFTER trigger took */
	Size		text_bytes;		/* the records' bytes so far */
	/* the records not yet written (all of them until the worker starts) */
	char	   *buf;
	Size		buf_used;
	Size		buf_size;
	/* once the worker is asked for */
	bool		launched;
	dsm_segment *seg;
	ahead_shared *shared;
	BackgroundWorkerHandle *handle;
	File		texts_file;
	off_t		texts_at;
	bool		texts_closed;
	File		rows_file;
	off_t		rows_at;		/* read so far */
	char	   *rbuf;			/* [rpos, rlen) read and not taken yet */
	Size		rpos;
	Size		rlen;
	Size		rsize;
	/* the articles the backend takes from the end itself (steal_one) */
	uint32		back;			/* the end of the worker's, once the texts are closed */
	int			stolen;
	char	   *sbuf;			/* a stolen article's record */
	Size		ssize;
	MemoryContext docctx;
	na_derived_writer writer;
	bool		writer_ready;
	bool		worker_gone;	/* it stopped before it was done */
	/*
	 * The rows inserted, as the AFTER INSERT row trigger sees them: the
	 * first covered ones are the first rows given (same keys and text
	 * sizes), the worker's; from the first that differs (diverged) each
	 * goes into fallback (its key and text), for the AFTER statement
	 * trigger to analyse as it always did.
	 */
	uint32		ninserted;
	uint32		covered;
	bool		diverged;
	bool		has_columns;	/* the fields below are set */
	Oid			key_type;
	bool		trim_text;		/* char(n): the padding goes, as a cast to text drops it */
	TupleDesc	fallback_desc;	/* (key, text) */
	Tuplestorestate *fallback;
};

static void close_texts_file(na_ahead *ah);
static void launch_in_context(na_ahead *ah);

/* The statements' read-aheads in this transaction, one per table. */
static List *states = NIL;
static bool callbacks_registered = false;

static Latch *
latch_of(int procno)
{
	return &ProcGlobal->allProcs[procno].procLatch;
}

/*
 * Stop the worker and drop everything; safe in any state, and at abort
 * (nothing here may raise an error).
 */
static void
forget(na_ahead *ah)
{
	if (ah->shared != NULL)
	{
		uint32		worker;

		pg_atomic_write_u32(&ah->shared->abandoned, 1);
		pg_memory_barrier();
		worker = pg_atomic_read_u32(&ah->shared->worker_procno);
		if (worker != 0)
			SetLatch(latch_of((int) worker - 1));
	}
	if (ah->texts_file > 0)
		FileClose(ah->texts_file);
	if (ah->rows_file > 0)
		FileClose(ah->rows_file);
	ah->texts_file = ah->rows_file = -1;
	/* the worker, still attached, deletes the files when it detaches */
	if (ah->seg != NULL)
		dsm_detach(ah->seg);
	ah->seg = NULL;
	ah->shared = NULL;
	if (ah->fallback != NULL)
		tuplestore_end(ah->fallback);
	ah->fallback = NULL;
	states = list_delete_ptr(states, ah);
	MemoryContextDelete(ah->ctx);
}

/*
 * A read-ahead lives no longer than its transaction, nor than the
 * subtransaction it began in: an aborted statement leaves none behind.
 */
static void
ahead_xact_callback(XactEvent event, void *arg)
{
	(void) arg;
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_PRE_COMMIT ||
		event == XACT_EVENT_PRE_PREPARE || event == XACT_EVENT_PARALLEL_ABORT)
	{
		while (states != NIL)
			forget((na_ahead *) linitial(states));
	}
	/* (the list itself was in the transaction's memory) */
	if (event == XACT_EVENT_ABORT || event == XACT_EVENT_COMMIT ||
		event == XACT_EVENT_PREPARE || event == XACT_EVENT_PARALLEL_ABORT ||
		event == XACT_EVENT_PARALLEL_COMMIT)
		states = NIL;
}

/*
 * A statement rolled back to a savepoint (or a PL/pgSQL exception block)
 * takes its read-aheads with it: a later statement must not find them.
 */
static void
ahead_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
					   SubTransactionId parentSubid, void *arg)
{
	(void) mySubid;
	(void) parentSubid;
	(void) arg;
	if (event != SUBXACT_EVENT_ABORT_SUB)
		return;
	for (;;)
	{
		ListCell   *lc;
		na_ahead   *gone = NULL;

		foreach(lc, states)
		{
			na_ahead   *ah = (na_ahead *) lfirst(lc);

			if (ah->nest_level >= GetCurrentTransactionNestLevel())
				gone = ah;
		}
		if (gone == NULL)
			break;
		forget(gone);
	}
}

na_ahead *
na_ahead_current(Oid relid)
{
	ListCell   *lc;

	foreach(lc, states)
	{
		na_ahead   *ah = (na_ahead *) lfirst(lc);

		if (ah->relid == relid)
			return ah;
	}
	return NULL;
}

na_ahead *
na_ahead_begin(Oid relid, const na_ahead_spec *spec)
{
	MemoryContext ctx = AllocSetContextCreate(TopTransactionContext, "news_analysis read-ahead",
											  ALLOCSET_DEFAULT_SIZES);
	na_ahead   *ah = MemoryContextAllocZero(ctx, sizeof(na_ahead));

	if (!callbacks_registered)
	{
		RegisterXactCallback(ahead_xact_callback, NULL);
		RegisterSubXactCallback(ahead_subxact_callback, NULL);
		callbacks_registered = true;
	}
	{
		na_ahead   *old = na_ahead_current(relid);

		if (old != NULL)
			forget(old);
	}
	ah->ctx = ctx;
	ah->relid = relid;
	ah->lxid = MyProc->lxid;
	ah->nest_level = GetCurrentTransactionNestLevel();
	ah->texts_file = ah->rows_file = -1;
	ah->declined = spec == NULL;
	if (spec != NULL)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(ctx);

		ah->key_att = spec->key_att;
		ah->text_att = spec->text_att;
		ah->key_typlen = spec->key_typlen;
		ah->key_typbyval = spec->key_typbyval;
		ah->key_type = spec->key_type;
		ah->row_descs = spec->row_descs;
		ah->fail_on = spec->fail_on ? pstrdup(spec->fail_on) : NULL;
		ah->maxrows = 64;
		ah->keys = palloc(sizeof(Datum) * ah->maxrows);
		ah->sizes = palloc(sizeof(Size) * ah->maxrows);
		ah->offsets = palloc(sizeof(uint64) * ah->maxrows);
		/* (small at first: most statements are a row or a few) */
		ah->buf_size = 4 * 1024;
		ah->buf = palloc(ah->buf_size);
		MemoryContextSwitchTo(oldctx);
	}
	{
		MemoryContext oldctx = MemoryContextSwitchTo(TopTransactionContext);

		states = lappend(states, ah);
		MemoryContextSwitchTo(oldctx);
	}
	return ah;
}

bool
na_ahead_wants_rows(const na_ahead *ah, int *key_att, int *text_att)
{
	*key_att = ah->key_att;
	*text_att = ah->text_att;
	return !ah->declined && !ah->stopped;
}

/*
 * Give up reading the statement ahead from here on; the rows given so far
 * stay usable.  Where the worker never started, that is all of them.
 */
static void
stop(na_ahead *ah, const char *why)
{
	ah->stopped = true;
	ereport(DEBUG1, (errmsg_internal("news_analysis: read-ahead stopped after %d rows: %s",
									 ah->nrows, why)));
}

/*
 * Run fn(ah) so that an error stops the read-ahead instead of failing the
 * statement: in a subtransaction of its own, as a PL/pgSQL exception block
 * would (it holds no XID: nothing is written in it).  A cancel is thrown on.
 */
static bool
contained(na_ahead *ah, void (*fn) (void *ah))
{
	ErrorData  *edata = na_run_contained(fn, ah, CurrentMemoryContext);

	if (edata == NULL)
		return true;
	if (edata->sqlerrcode == ERRCODE_QUERY_CANCELED ||
		ERRCODE_TO_CATEGORY(edata->sqlerrcode) == ERRCODE_OPERATOR_INTERVENTION)
		ReThrowError(edata);
	stop(ah, edata->message);
	FreeErrorData(edata);
	return false;
}

/* Write the pending records to the texts' file and tell the worker how far it may read. */
static void
write_pending(na_ahead *ah)
{
	uint32		worker;

	na_file_write_all(ah->texts_file, ah->buf, ah->buf_used, &ah->texts_at);
	ah->buf_used = 0;
	pg_write_barrier();
	pg_atomic_write_u64(&ah->shared->texts_bytes, (uint64) ah->texts_at);
	pg_memory_barrier();
	worker = pg_atomic_read_u32(&ah->shared->worker_procno);
	if (worker != 0 && pg_atomic_read_u32(&ah->shared->worker_waiting) != 0)
		SetLatch(latch_of((int) worker - 1));
}

/*
 * The shared memory, the two files and the worker; then the records that
 * waited for them.  Files and segment belong to the transaction, not to the
 * statement's resource owner: the callbacks above end them.
 */
static void
launch(na_ahead *ah)
{
	/*
	 * the worker's handle and the descriptors live as long as the
	 * read-ahead: the caller's memory is the row's, reset after it
	 */
	MemoryContext callerctx = MemoryContextSwitchTo(ah->ctx);

	launch_in_context(ah);
	MemoryContextSwitchTo(callerctx);
}

/*
 * launch's work, in the read-ahead's memory: the segment with the file
 * set, the worker's descriptors and fail_on, the files, the worker.
 */
static void
launch_in_context(na_ahead *ah)
{
	ResourceOwner owner = CurrentResourceOwner;
	volatile Size desc_bytes = 0;
	Size		fail_on_bytes = ah->fail_on ? strlen(ah->fail_on) + 1 : 1;
	Size		size;
	char	   *at;
	BackgroundWorker worker;
	File		rows;

	{
		MemoryContext oldctx = MemoryContextSwitchTo(ah->ctx);
		bool		ok = ah->row_descs(ah->key_type, ah->table_desc);

		MemoryContextSwitchTo(oldctx);
		if (!ok)
		{
			stop(ah, "the extension's types are not this library's");
			return;
		}
	}
	for (int d = 0; d < NA_NDERIVED; d++)
		desc_bytes += MAXALIGN(TupleDescSize(ah->table_desc[d]));
	size = add_size(offsetof(ahead_shared, data), desc_bytes + fail_on_bytes);

	CurrentResourceOwner = TopTransactionResourceOwner;
	PG_TRY();
	{
		ah->seg = dsm_create(size, DSM_CREATE_NULL_IF_MAXSEGMENTS);
		if (ah->seg != NULL)
		{
			ahead_shared *shared = dsm_segment_address(ah->seg);

			memset(shared, 0, offsetof(ahead_shared, data));
			SharedFileSetInit(&shared->fileset, ah->seg);
			shared->backend_procno = MyProc->pgprocno;
			pg_atomic_init_u32(&shared->worker_procno, 0);
			pg_atomic_init_u32(&shared->backend_waiting, 0);
			pg_atomic_init_u32(&shared->worker_waiting, 0);
			pg_atomic_init_u64(&shared->texts_bytes, 0);
			pg_atomic_init_u32(&shared->texts_done, 0);
			pg_atomic_init_u32(&shared->abandoned, 0);
			pg_atomic_init_u64(&shared->rows_bytes, 0);
			pg_atomic_init_u32(&shared->articles_done, 0);
			pg_atomic_init_u64(&shared->range, (uint64) PG_UINT32_MAX);
			pg_atomic_init_u32(&shared->finished, 0);
			at = shared->data;
			for (int d = 0; d < NA_NDERIVED; d++)
			{
				TupleDescCopy((TupleDesc) at, ah->table_desc[d]);
				at += MAXALIGN(TupleDescSize(ah->table_desc[d]));
			}
			strcpy(at, ah->fail_on ? ah->fail_on : "");
			ah->shared = shared;
			ah->texts_file = FileSetCreate(&shared->fileset.fs, TEXTS_FILE);
			rows = FileSetCreate(&shared->fileset.fs, ROWS_FILE);
			FileClose(rows);
			ah->rows_file = FileSetOpen(&shared->fileset.fs, ROWS_FILE, O_RDONLY);
		}
	}
	PG_FINALLY();
	{
		CurrentResourceOwner = owner;
	}
	PG_END_TRY();
	if (ah->seg == NULL)
	{
		stop(ah, "no dynamic shared memory segment is free");
		return;
	}

	memset(&worker, 0, sizeof(worker));
	worker.bgw_flags = BGWORKER_SHMEM_ACCESS;
	worker.bgw_start_time = BgWorkerStart_ConsistentState;
	worker.bgw_restart_time = BGW_NEVER_RESTART;
	snprintf(worker.bgw_library_name, BGW_MAXLEN, "$libdir/news_analysis");
	snprintf(worker.bgw_function_name, BGW_MAXLEN, "na_ahead_main");
	snprintf(worker.bgw_name, BGW_MAXLEN, "news_analysis read-ahead for PID %d", MyProcPid);
	snprintf(worker.bgw_type, BGW_MAXLEN, "news_analysis read-ahead");
	worker.bgw_main_arg = UInt32GetDatum(dsm_segment_handle(ah->seg));
	worker.bgw_notify_pid = MyProcPid;
	if (!RegisterDynamicBackgroundWorker(&worker, &ah->handle))
	{
		stop(ah, "no background worker slot is free (max_worker_processes)");
		return;
	}
	ah->launched = true;
	write_pending(ah);
}

/* launch and write_pending as na_run_contained calls them */
static void
launch_call(void *ah)
{
	launch((na_ahead *) ah);
}

static void
write_pending_call(void *ah)
{
	write_pending((na_ahead *) ah);
}

/* Append a row's record to the pending records, growing them as needed. */
static void
append_record(na_ahead *ah, Datum key, text *body, Size size, Size key_bytes, Size record)
{
	record_header header = {(uint32) key_bytes, (uint32) size};
	char	   *at;

	if (ah->buf_used + record > ah->buf_size)
	{
		ah->buf_size = Max(ah->buf_size * 2, ah->buf_used + record);
		ah->buf = repalloc_huge(ah->buf, ah->buf_size);
	}
	at = ah->buf + ah->buf_used;
	memcpy(at, &header, sizeof(header));
	at += sizeof(header);
	{
		char	   *key_at = at;

		datumSerialize(key, false, ah->key_typbyval, ah->key_typlen, &key_at);
	}
	at += MAXALIGN(key_bytes);
	if (size > 0)
		na_text_source_put((text *) at, size, body);
	ah->buf_used += record;
}

void
na_ahead_add(na_ahead *ah, Datum key, bool key_isnull, text *body)
{
	Size		size;
	Size		key_bytes;
	Size		record;
	MemoryContext oldctx;

	if (ah->declined || ah->stopped)
		return;
	if (key_isnull)
	{
		stop(ah, "a row has no key");
		return;
	}
	if (ah->nrows == INT_MAX - 1)
	{
		stop(ah, "too many rows");
		return;
	}
	if (!ah->key_typbyval && ah->key_typlen == -1 && VARATT_IS_EXTENDED(DatumGetPointer(key)) &&
		!VARATT_IS_SHORT(DatumGetPointer(key)))
	{
		/* (the worker's rows would carry it as it is) */
		stop(ah, "a key is compressed or stored out of line");
		return;
	}
	size = na_text_source_size(body);
	key_bytes = datumEstimateSpace(key, false, ah->key_typbyval, ah->key_typlen);
	record = sizeof(record_header) + MAXALIGN(key_bytes) + MAXALIGN(size);
	/*
	 * the texts' file and the rows' file (about as large again, at most)
	 * count against temp_file_limit: stop before it, never fail the statement
	 */
	if (ah->text_bytes + record > AHEAD_MAX_BYTES || size > (Size) PG_UINT32_MAX)
	{
		stop(ah, "the statement's texts are more than the read-ahead takes");
		return;
	}
	if (!na_parallel_texts_fit((ah->text_bytes + record) * 3))
	{
		stop(ah, "the texts and rows would pass temp_file_limit");
		return;
	}

	oldctx = MemoryContextSwitchTo(ah->ctx);
	if (ah->nrows == ah->maxrows)
	{
		ah->maxrows *= 2;
		ah->keys = repalloc_huge(ah->keys, sizeof(Datum) * ah->maxrows);
		ah->sizes = repalloc_huge(ah->sizes, sizeof(Size) * ah->maxrows);
		ah->offsets = repalloc_huge(ah->offsets, sizeof(uint64) * ah->maxrows);
	}
	ah->keys[ah->nrows] = ah->key_typbyval ? key : datumCopy(key, false, ah->key_typlen);
	ah->sizes[ah->nrows] = size;
	ah->offsets[ah->nrows] = (uint64) ah->text_bytes;
	ah->nrows++;
	append_record(ah, key, body, size, key_bytes, record);
	MemoryContextSwitchTo(oldctx);
	ah->text_bytes += record;

	if (!ah->launched && ah->text_bytes >= NA_PARALLEL_MIN_BYTES)
		(void) contained(ah, launch_call);
	else if (ah->launched && ah->buf_used >= WRITE_PIECE)
		(void) contained(ah, write_pending_call);
}

na_ahead *
na_ahead_take(Oid relid)
{
	return na_ahead_current(relid);
}

bool
na_ahead_usable(const na_ahead *ah)
{
	return !ah->in_use;
}

bool
na_ahead_has_columns(const na_ahead *ah)
{
	return ah->has_columns;
}

/*
 * The AFTER row trigger's columns, found once a statement; a declined
 * statement learns its key's type here (the read-ahead's came with its
 * first row), and the store of the rows not read ahead gets its columns.
 */
void
na_ahead_set_columns(na_ahead *ah, int key_att, int text_att, Oid key_type, bool trim_text)
{
	MemoryContext oldctx = MemoryContextSwitchTo(ah->ctx);

	if (ah->declined)
	{
		ah->key_att = key_att;
		ah->text_att = text_att;
		get_typlenbyval(key_type, &ah->key_typlen, &ah->key_typbyval);
	}
	ah->key_type = key_type;
	ah->trim_text = trim_text;
	ah->fallback_desc = CreateTemplateTupleDesc(2);
	TupleDescInitEntry(ah->fallback_desc, 1, "key", key_type, -1, 0);
	TupleDescInitEntry(ah->fallback_desc, 2, "body", TEXTOID, -1, 0);
	ah->has_columns = true;
	MemoryContextSwitchTo(oldctx);
}

void
na_ahead_columns(const na_ahead *ah, int *key_att, int *text_att, bool *trim_text)
{
	*key_att = ah->key_att;
	*text_att = ah->text_att;
	*trim_text = ah->trim_text;
}

/*
 * The same key?  A text key the BEFORE trigger saw with a 4-byte header is
 * stored with a 1-byte one: the bytes after the header are what is
 * compared (the read-ahead takes text and varchar keys only, uncompressed).
 */
static bool
same_key(const na_ahead *ah, Datum inserted, Datum given)
{
	if (ah->key_typlen == -1)
	{
		const struct varlena *a = (const struct varlena *) DatumGetPointer(inserted);
		const struct varlena *b = (const struct varlena *) DatumGetPointer(given);

		if ((VARATT_IS_EXTENDED(a) && !VARATT_IS_SHORT(a)) ||
			(VARATT_IS_EXTENDED(b) && !VARATT_IS_SHORT(b)))
			return false;
		return VARSIZE_ANY_EXHDR(a) == VARSIZE_ANY_EXHDR(b) &&
			memcmp(VARDATA_ANY(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(a)) == 0;
	}
	return datumIsEqual(inserted, given, ah->key_typbyval, ah->key_typlen);
}

void
na_ahead_inserted(na_ahead *ah, Datum key, bool key_isnull, Datum body, bool body_isnull)
{
	uint32		i = ah->covered;

	if (!ah->diverged && ah->launched && ah->ninserted == i && i < (uint32) ah->nrows &&
		!key_isnull &&
		(body_isnull ? 0 : na_text_source_size((text *) DatumGetPointer(body))) == ah->sizes[i] &&
		same_key(ah, key, ah->keys[i]))
		ah->covered++;
	else
	{
		/*
		 * the store and its temporary file belong to the transaction: the
		 * statement's resource owner is gone when a transaction ends it
		 */
		ResourceOwner owner = CurrentResourceOwner;
		MemoryContext oldctx = MemoryContextSwitchTo(ah->ctx);
		Datum		values[2] = {key, body};
		bool		nulls[2] = {key_isnull, body_isnull};

		ah->diverged = true;
		CurrentResourceOwner = TopTransactionResourceOwner;
		PG_TRY();
		{
			/*
			 * at most a megabyte in memory: these rows are read once,
			 * sequentially, from the page cache where they spill
			 */
			if (ah->fallback == NULL)
				ah->fallback = tuplestore_begin_heap(false, false, Min(work_mem, FALLBACK_KB));
			tuplestore_putvalues(ah->fallback, ah->fallback_desc, values, nulls);
		}
		PG_FINALLY();
		{
			CurrentResourceOwner = owner;
		}
		PG_END_TRY();
		MemoryContextSwitchTo(oldctx);
	}
	ah->ninserted++;
}

int
na_ahead_covered(const na_ahead *ah, const Datum **keys)
{
	*keys = ah->keys;
	return (int) ah->covered;
}

Tuplestorestate *
na_ahead_fallback(const na_ahead *ah, TupleDesc *desc)
{
	*desc = ah->fallback_desc;
	return ah->fallback;
}

/* The bytes of row a's record in the texts' file. */
static Size
record_size(const na_ahead *ah, uint32 a)
{
	uint64		end = a + 1 < (uint32) ah->nrows ? ah->offsets[a + 1] : (uint64) ah->text_bytes;

	return (Size) (end - ah->offsets[a]);
}

/*
 * Row a's text, read back from the texts' file into buf (record_size
 * bytes; the file holds every record: close_texts_file).
 */
static text *
read_back_text(na_ahead *ah, uint32 a, char *buf)
{
	record_header header;

	na_file_read_all(ah->texts_file, buf, record_size(ah, a), (off_t) ah->offsets[a]);
	memcpy(&header, buf, sizeof(header));
	return (text *) (buf + sizeof(header) + MAXALIGN(header.key_bytes));
}

text	  **
na_ahead_bodies(na_ahead *ah, int first, int n)
{
	text	  **bodies = palloc0(sizeof(text *) * Max(n, 1));

	close_texts_file(ah);
	for (int i = 0; i < n; i++)
	{
		uint32		a = (uint32) (first + i);

		if (ah->sizes[a] != 0)
			bodies[i] = read_back_text(ah, a, palloc(record_size(ah, a)));
	}
	return bodies;
}

/* Every record in the texts' file (the backend reads them back too). */
static void
close_texts_file(na_ahead *ah)
{
	if (ah->buf_used > 0)
		write_pending(ah);
}

/*
 * The last records: the statement has given all its rows, and its AFTER
 * row triggers said which were inserted; the worker need analyse no row
 * past those.
 */
static void
close_texts(na_ahead *ah)
{
	uint32		worker;

	if (ah->texts_closed)
		return;
	close_texts_file(ah);
	{
		uint64		range = pg_atomic_read_u64(&ah->shared->range);

		while (!pg_atomic_compare_exchange_u64(&ah->shared->range, &range,
											   (range & ~(uint64) PG_UINT32_MAX) | ah->covered))
			;
		ah->back = ah->covered;
	}
	pg_write_barrier();
	pg_atomic_write_u32(&ah->shared->texts_done, 1);
	pg_memory_barrier();
	worker = pg_atomic_read_u32(&ah->shared->worker_procno);
	if (worker != 0)
		SetLatch(latch_of((int) worker - 1));
	ah->texts_closed = true;
}

/*
 * Read more of the rows' file, up to what the worker published, a piece
 * at a time (the buffer is reused: new memory costs page faults) but at
 * least the rest of the message begun; false if nothing more is published.
 */
static bool
read_rows(na_ahead *ah)
{
	uint64		published = pg_atomic_read_u64(&ah->shared->rows_bytes);
	Size		need = 0;
	Size		want;

	pg_read_barrier();
	if ((uint64) ah->rows_at >= published)
		return false;
	/* keep what was not taken yet, at the start */
	if (ah->rpos > 0)
	{
		memmove(ah->rbuf, ah->rbuf + ah->rpos, ah->rlen - ah->rpos);
		ah->rlen -= ah->rpos;
		ah->rpos = 0;
	}
	if (ah->rlen >= sizeof(record_header))
	{
		record_header header;

		memcpy(&header, ah->rbuf, sizeof(header));
		need = sizeof(header) + MAXALIGN(header.key_bytes) - ah->rlen;
	}
	want = (Size) Min(published - (uint64) ah->rows_at, (uint64) Max(need, READ_PIECE));
	if (want > MaxAllocSize / 2)
		elog(ERROR, "news_analysis: a message of the read-ahead worker is too long");
	if (ah->rlen + want > ah->rsize)
	{
		ah->rsize = Max(ah->rlen + want, (Size) READ_PIECE);
		ah->rbuf = ah->rbuf ? repalloc_huge(ah->rbuf, ah->rsize)
			: MemoryContextAllocHuge(ah->ctx, ah->rsize);
	}
	na_file_read_all(ah->rows_file, ah->rbuf + ah->rlen, want, ah->rows_at);
	ah->rlen += want;
	ah->rows_at += (off_t) want;
	return true;
}

/*
 * The next message in the rows read, if whole: its article (and where it
 * is); false when more must be read first.
 */
static bool
peek_message(na_ahead *ah, uint32 *article, const char **data, Size *nbytes)
{
	record_header header;
	na_par_msg	msg;

	if (ah->rlen - ah->rpos < sizeof(header))
		return false;
	memcpy(&header, ah->rbuf + ah->rpos, sizeof(header));
	if (header.key_bytes < sizeof(msg))
		elog(ERROR, "news_analysis: malformed message from the read-ahead worker");
	if (ah->rlen - ah->rpos < sizeof(header) + MAXALIGN(header.key_bytes))
		return false;
	*data = ah->rbuf + ah->rpos + sizeof(header);
	*nbytes = header.key_bytes;
	memcpy(&msg, *data, sizeof(msg));
	*article = msg.article;
	return true;
}

/*
 * Wait for the worker to write more.  True when it stopped before it was
 * done (killed, out of memory, never started): what it published stands,
 * the articles it left are then the backend's.
 */
static bool
wait_for_worker(na_ahead *ah)
{
	pid_t		pid;

	pg_atomic_write_u32(&ah->shared->backend_waiting, 1);
	pg_memory_barrier();
	if ((uint64) ah->rows_at < pg_atomic_read_u64(&ah->shared->rows_bytes))
	{
		pg_atomic_write_u32(&ah->shared->backend_waiting, 0);
		return false;
	}
	if (pg_atomic_read_u32(&ah->shared->finished) == 0 &&
		GetBackgroundWorkerPid(ah->handle, &pid) == BGWH_STOPPED)
	{
		/* it may have finished just now */
		pg_memory_barrier();
		if (pg_atomic_read_u32(&ah->shared->finished) == 0)
		{
			pg_atomic_write_u32(&ah->shared->backend_waiting, 0);
			ereport(DEBUG1,
					(errmsg_internal("news_analysis: the read-ahead worker stopped after %u articles: the backend analyses the rest",
									 pg_atomic_read_u32(&ah->shared->articles_done))));
			return true;
		}
	}
	(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH, POLL_MS,
					 PG_WAIT_EXTENSION);
	ResetLatch(MyLatch);
	pg_atomic_write_u32(&ah->shared->backend_waiting, 0);
	CHECK_FOR_INTERRUPTS();
	return false;
}

/*
 * Take the last article the worker has not taken, to analyse it here: a
 * backend with nothing to write does not wait for a worker that lags (a
 * busy machine: it runs at a lower priority) or has not started yet.
 * Returns the article, or -1 when the worker has taken them all.
 */
static int
steal_one(na_ahead *ah)
{
	uint64		range = pg_atomic_read_u64(&ah->shared->range);

	for (;;)
	{
		uint32		front = (uint32) (range >> 32);
		uint32		back = (uint32) range;

		if (front >= back)
			return -1;
		if (pg_atomic_compare_exchange_u64(&ah->shared->range, &range,
										   ((uint64) front << 32) | (back - 1)))
		{
			ah->back = back - 1;
			return (int) (back - 1);
		}
	}
}

/* The sink of the backend's own analysis of a stolen article. */
typedef struct steal_sink
{
	na_ahead   *ah;
	const na_parallel_sink *sink;
	int			article;		/* in the caller's numbering */
	Datum		key;
} steal_sink;

/* The sink of the backend's own analysis (na_parallel_sink_own_row). */
static void
stolen_row(void *arg, na_derived_kind kind, Datum *values, bool *nulls, HeapTuple row)
{
	steal_sink *ss = (steal_sink *) arg;

	na_parallel_sink_own_row(ss->sink, ss->article, kind, values, nulls, row,
							 ss->ah->table_desc[kind], ss->key);
}

/* Analyse article a of the statement here, its rows to sink as article a - first. */
static void
analyse_stolen(na_ahead *ah, uint32 a, uint32 first, MemoryContext outctx,
			   const na_parallel_sink *sink)
{
	Size		record = record_size(ah, a);
	steal_sink	ss = {ah, sink, (int) (a - first), ah->keys[a]};
	text	   *body;
	ErrorData  *edata;
	MemoryContext oldctx;

	if (ah->sizes[a] == 0)
		return;
	if (!ah->writer_ready)
	{
		ah->docctx = AllocSetContextCreate(ah->ctx, "news_analysis document", ALLOCSET_DEFAULT_SIZES);
		na_derived_writer_init(&ah->writer, ah->table_desc, ah->ctx);
		ah->writer_ready = true;
	}
	if (record > ah->ssize)
	{
		ah->ssize = Max(record, (Size) 64 * 1024);
		ah->sbuf = ah->sbuf ? repalloc_huge(ah->sbuf, ah->ssize) : MemoryContextAllocHuge(ah->ctx, ah->ssize);
	}
	body = read_back_text(ah, a, ah->sbuf);
	/* a failure is made in outctx, where the sink wants it */
	oldctx = MemoryContextSwitchTo(outctx);
	edata = na_derived_rows(body, ah->fail_on, ah->docctx, &ah->writer, ah->keys[a], stolen_row, &ss);
	MemoryContextSwitchTo(oldctx);
	MemoryContextReset(ah->docctx);
	if (edata != NULL)
		sink->failure(sink->arg, (int) (a - first), edata);
	ah->stolen++;
}

void
na_ahead_derived(na_ahead *ah, int n, MemoryContext outctx, const na_parallel_sink *sink)
{
	uint32		first = ah->consumed;
	uint32		end = first + (uint32) n;
	uint32		done;

	ah->in_use = true;
	close_texts(ah);
	for (;;)
	{
		uint32		article;
		const char *data;
		Size		nbytes;

		CHECK_FOR_INTERRUPTS();
		if (peek_message(ah, &article, &data, &nbytes))
		{
			if (article >= end)
				break;
			na_parallel_receive(sink, outctx, data, nbytes, first, end);
			ah->rpos += sizeof(record_header) + MAXALIGN(nbytes);
			continue;
		}
		/*
		 * every message of the articles done is in what was published
		 * before them; the worker does those before back, the backend the rest
		 */
		done = pg_atomic_read_u32(&ah->shared->articles_done);
		if (done >= Min(end, ah->back))
		{
			pg_read_barrier();
			if (!read_rows(ah))
				break;
			continue;
		}
		if (read_rows(ah))
			continue;
		if (ah->worker_gone)
		{
			/* all it published is taken: the articles it left are the backend's */
			for (uint32 a = Max(done, first); a < Min(end, ah->back); a++)
			{
				CHECK_FOR_INTERRUPTS();
				analyse_stolen(ah, a, first, outctx, sink);
			}
			break;
		}
		/* nothing to take: the last chunk's articles from the end, else wait */
		if (end == ah->covered)
		{
			int			a = steal_one(ah);

			if (a >= 0)
			{
				analyse_stolen(ah, (uint32) a, first, outctx, sink);
				continue;
			}
		}
		if (wait_for_worker(ah))
			ah->worker_gone = true;
	}
	ah->consumed = end;
	ah->in_use = false;
	if (sink->drained != NULL)
		sink->drained(sink->arg);
	ereport(DEBUG1,
			(errmsg_internal("news_analysis: %d articles analysed ahead by a background worker", n)));
	ereport(DEBUG2,
			(errmsg_internal("news_analysis: %d of them by the backend at the end", ah->stolen)));
}

void
na_ahead_end(na_ahead *ah)
{
	forget(ah);
}

/* The worker's side. */
typedef struct worker_state
{
	ahead_shared *shared;
	File		rows_file;
	off_t		rows_at;
	char	   *out;			/* messages not yet written */
	Size		out_used;
	Size		out_size;
	TupleDesc	table_desc[NA_NDERIVED];
	na_derived_writer writer;
	Datum		key;
	uint32		article;
	int			name_col;		/* the speaker's name and gender among its values, or -1 */
	int			gender_col;
} worker_state;

static void
out_reserve(worker_state *ws, Size bytes)
{
	if (ws->out_used + bytes > ws->out_size)
	{
		ws->out_size = Max(ws->out_size * 2, ws->out_used + bytes);
		ws->out = repalloc_huge(ws->out, ws->out_size);
	}
}

/* Append a message of parts (na_par_msg first) to the rows not yet written. */
static void
out_message(worker_state *ws, const char *const *parts, const Size *lens, int nparts)
{
	Size		total = 0;
	record_header header;
	char	   *at;

	for (int i = 0; i < nparts; i++)
		total += lens[i];
	if (total > PG_UINT32_MAX)
		elog(ERROR, "news_analysis: a derived row of %zu bytes", total);
	out_reserve(ws, sizeof(header) + MAXALIGN(total));
	header.key_bytes = (uint32) total;
	header.text_size = 0;
	at = ws->out + ws->out_used;
	memcpy(at, &header, sizeof(header));
	at += sizeof(header);
	for (int i = 0; i < nparts; i++)
	{
		memcpy(at, parts[i], lens[i]);
		at += lens[i];
	}
	memset(at, 0, MAXALIGN(total) - total);
	ws->out_used += sizeof(header) + MAXALIGN(total);
}

/* Write the messages and publish them with the articles they complete. */
static void
out_flush(worker_state *ws, uint32 articles_done)
{
	na_file_write_all(ws->rows_file, ws->out, ws->out_used, &ws->rows_at);
	ws->out_used = 0;
	pg_write_barrier();
	pg_atomic_write_u64(&ws->shared->rows_bytes, (uint64) ws->rows_at);
	pg_write_barrier();
	pg_atomic_write_u32(&ws->shared->articles_done, articles_done);
	pg_memory_barrier();
	if (pg_atomic_read_u32(&ws->shared->backend_waiting) != 0)
		SetLatch(latch_of(ws->shared->backend_procno));
}

/*
 * na_derived_sink of the worker: each row as the heap tuple the backend
 * inserts; a speaker's with its key in the people registry, which the
 * backend would otherwise compute as it writes the row (7 ms of a BBC COPY).
 */
static void
worker_row(void *arg, na_derived_kind kind, Datum *values, bool *nulls, HeapTuple row)
{
	worker_state *ws = (worker_state *) arg;
	HeapTuple	tuple = row ? row : na_derived_form_row(ws->table_desc[kind], ws->key, values, nulls);
	na_par_msg	msg = {ws->article, (int32) kind, 0, 0};
	const char *parts[3] = {(const char *) &msg, (const char *) tuple->t_data, NULL};
	Size		lens[3] = {sizeof(msg), tuple->t_len, 0};

	if (kind == NA_DERIVED_SPEAKERS && row == NULL && ws->name_col >= 0 && !nulls[ws->name_col])
	{
		text	   *gender = ws->gender_col >= 0 && !nulls[ws->gender_col] ?
			DatumGetTextPP(values[ws->gender_col]) : NULL;
		text	   *key = na_person_key_text(DatumGetTextPP(values[ws->name_col]), gender);

		msg.person_key = key == NULL ? -1 : (int32) VARSIZE_ANY_EXHDR(key);
		if (key != NULL && msg.person_key == 0)
			msg.person_key = -1;	/* (an empty key counts as none) */
		if (msg.person_key > 0)
		{
			parts[2] = VARDATA_ANY(key);
			lens[2] = (Size) msg.person_key;
		}
	}
	out_message(ws, parts, lens, lens[2] > 0 ? 3 : 2);
}

static void
worker_failure(worker_state *ws, ErrorData *edata)
{
	na_par_msg	msg = {ws->article, NA_MSG_FAILURE, edata->sqlerrcode, 0};
	const char *detail = edata->detail ? edata->detail : "";
	const char *parts[3] = {(const char *) &msg, edata->message, detail};
	Size		lens[3] = {sizeof(msg), strlen(edata->message) + 1, strlen(detail) + 1};

	out_message(ws, parts, lens, 3);
}

/* The worker is done: its last rows out, and the backend told. */
static void
worker_finish(worker_state *ws, uint32 articles)
{
	out_flush(ws, articles);
	pg_write_barrier();
	pg_atomic_write_u32(&ws->shared->finished, 1);
	pg_memory_barrier();
	SetLatch(latch_of(ws->shared->backend_procno));
}

/*
 * Take article i (the next in the texts' file) unless the backend took it;
 * only the worker moves front, so that it is i.
 */
static bool
claim_next(ahead_shared *shared, uint32 i)
{
	uint64		range = pg_atomic_read_u64(&shared->range);

	for (;;)
	{
		uint32		back = (uint32) range;

		Assert((uint32) (range >> 32) == i);
		if (i >= back)
			return false;
		if (pg_atomic_compare_exchange_u64(&shared->range, &range, ((uint64) (i + 1) << 32) | back))
			return true;
	}
}

/*
 * The entry point of the read-ahead worker: analyse each record of the
 * texts' file as the backend publishes it, until the backend has closed it
 * (or abandons the statement).
 */
void
na_ahead_main(Datum main_arg)
{
	dsm_segment *seg;
	ahead_shared *shared;
	worker_state ws;
	File		texts_file;
	off_t		texts_at = 0;
	char	   *in = NULL;
	Size		in_size = 0;
	MemoryContext docctx;
	MemoryContext workctx;
	const char *fail_on;
	char	   *at;
	uint32		articles = 0;
	bool		stolen = false;

	pqsignal(SIGTERM, die);
	BackgroundWorkerUnblockSignals();
	CurrentResourceOwner = ResourceOwnerCreate(NULL, "news_analysis read-ahead");
	seg = dsm_attach(DatumGetUInt32(main_arg));
	if (seg == NULL)
		proc_exit(0);			/* the backend is gone already */
	shared = dsm_segment_address(seg);
	/* the backend reads ahead only in UTF-8 databases; the analysis asks which */
	SetDatabaseEncoding(PG_UTF8);
	/*
	 * The worker is not in a hurry until the COPY is over, and on a machine
	 * with few processors it would slow the COPY (and its client) down: it
	 * yields to them.  Measured on two processors (BBC, copy_bench): tracked
	 * best 252.5 ms at the same priority, 244.1 and 239.9 ms niced.  Where
	 * it lags at the end the backend takes articles from the end itself.
	 */
	(void) setpriority(PRIO_PROCESS, 0, AHEAD_NICE);
	(void) setpriority(PRIO_PROCESS, 0, 19);
	SharedFileSetAttach(&shared->fileset, seg);
	texts_file = FileSetOpen(&shared->fileset.fs, TEXTS_FILE, O_RDONLY);

	memset(&ws, 0, sizeof(ws));
	ws.shared = shared;
	ws.rows_file = FileSetOpen(&shared->fileset.fs, ROWS_FILE, O_RDWR);
	at = shared->data;
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		ws.table_desc[d] = CreateTupleDescCopy((TupleDesc) at);
		at += MAXALIGN(TupleDescSize((TupleDesc) at));
	}
	fail_on = at[0] != '\0' ? pstrdup(at) : NULL;
	ws.name_col = ws.gender_col = -1;
	for (int a = 1; a < ws.table_desc[NA_DERIVED_SPEAKERS]->natts; a++)
	{
		Form_pg_attribute att = TupleDescAttr(ws.table_desc[NA_DERIVED_SPEAKERS], a);

		if (att->atttypid != TEXTOID)
			continue;
		if (strcmp(NameStr(att->attname), "name") == 0)
			ws.name_col = a - 1;
		else if (strcmp(NameStr(att->attname), "gender") == 0)
			ws.gender_col = a - 1;
	}
	ws.out_size = WRITE_PIECE * 2;
	ws.out = palloc(ws.out_size);
	na_derived_writer_init(&ws.writer, ws.table_desc, CurrentMemoryContext);
	docctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis document",
								   ALLOCSET_DEFAULT_SIZES);
	workctx = CurrentMemoryContext;
	pg_write_barrier();
	pg_atomic_write_u32(&shared->worker_procno, (uint32) MyProc->pgprocno + 1);

	for (;;)
	{
		uint32		closed;
		uint64		published;
		Size		want;
		Size		pos = 0;

		ResetLatch(MyLatch);
		CHECK_FOR_INTERRUPTS();
		if (pg_atomic_read_u32(&shared->abandoned) != 0)
			break;
		closed = pg_atomic_read_u32(&shared->texts_done);
		pg_read_barrier();
		published = pg_atomic_read_u64(&shared->texts_bytes);
		pg_read_barrier();
		if ((uint64) texts_at >= published)
		{
			if (closed)
			{
				worker_finish(&ws, articles);
				break;
			}
			/* caught up: what is made goes to the backend before the wait */
			if (ws.out_used > 0)
				out_flush(&ws, articles);
			pg_atomic_write_u32(&shared->worker_waiting, 1);
			pg_memory_barrier();
			if ((uint64) texts_at >= pg_atomic_read_u64(&shared->texts_bytes) &&
				pg_atomic_read_u32(&shared->texts_done) == 0)
				(void) WaitLatch(MyLatch, WL_LATCH_SET | WL_TIMEOUT | WL_EXIT_ON_PM_DEATH,
								 POLL_MS, PG_WAIT_EXTENSION);
			pg_atomic_write_u32(&shared->worker_waiting, 0);
			continue;
		}

		/*
		 * the records published since (whole ones: the backend writes no part
		 * of one), a piece at a time but at least the first record whole
		 */
		want = (Size) Min(published - (uint64) texts_at, (uint64) READ_PIECE);
		for (;;)
		{
			record_header header;
			Size		first;

			if (want > in_size)
			{
				in_size = Max(want, (Size) READ_PIECE);
				in = in ? repalloc_huge(in, in_size) : MemoryContextAllocHuge(CurrentMemoryContext, in_size);
			}
			na_file_read_all(texts_file, in, want, texts_at);
			if (want < sizeof(header))
				elog(ERROR, "news_analysis: a malformed record in the read-ahead's texts");
			memcpy(&header, in, sizeof(header));
			first = sizeof(header) + MAXALIGN(header.key_bytes) + MAXALIGN(header.text_size);
			if (first <= want)
				break;
			if ((uint64) first > published - (uint64) texts_at || first > MaxAllocSize / 2)
				elog(ERROR, "news_analysis: a malformed record in the read-ahead's texts");
			want = first;
		}
		while (pos + sizeof(record_header) <= want)
		{
			record_header header;
			Size		record;
			char	   *key_at;
			bool		isnull;
			ErrorData  *edata;

			memcpy(&header, in + pos, sizeof(header));
			record = sizeof(header) + MAXALIGN(header.key_bytes) + MAXALIGN(header.text_size);
			if (pos + record > want)
				break;			/* the next piece reads it */
			if (!claim_next(shared, articles))
			{
				/* the backend took the rest */
				stolen = true;
				break;
			}
			key_at = in + pos + sizeof(header);
			/* (a key by reference is copied where the article's analysis lives) */
			MemoryContextSwitchTo(docctx);
			ws.key = datumRestore(&key_at, &isnull);
			MemoryContextSwitchTo(workctx);
			ws.article = articles;
			if (header.text_size > 0)
			{
				text	   *body = (text *) (in + pos + sizeof(header) + MAXALIGN(header.key_bytes));

				CHECK_FOR_INTERRUPTS();
				edata = na_derived_rows(body, fail_on, docctx, &ws.writer, ws.key, worker_row, &ws);
				if (edata != NULL)
					worker_failure(&ws, edata);
				MemoryContextReset(docctx);
			}
			articles++;
			pos += record;
			if (ws.out_used >= WRITE_PIECE)
				out_flush(&ws, articles);
			if (pg_atomic_read_u32(&shared->abandoned) != 0)
				break;
		}
		texts_at += pos;
		if (stolen)
		{
			worker_finish(&ws, articles);
			break;
		}
	}
	FileClose(texts_file);
	FileClose(ws.rows_file);
	dsm_detach(seg);
}
