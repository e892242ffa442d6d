/*
 * parallel.c - many articles analysed by the backend and parallel workers
 * (see parallel_pg.h).
 *
 * The backend launches the workers, then, while they start, writes the
 * texts into a temporary file the workers share (a SharedFileSet, as
 * parallel hash joins share their batches) and the keys into dynamic
 * shared memory.  Every process, the backend included, claims a few
 * articles at a time from a shared counter, so that long and short articles
 * balance themselves, and reads their texts in one call.  A worker sends
 * each derived row (a tuple of its derived table: the article's key, then
 * the columns of the composite type) and each failure through its own
 * message queue; the backend drains the queues between its own articles
 * and at the end.  Workers never write: inserting the rows is the caller's.
 */
#include "postgres.h"

#include <sys/mman.h>
#include <unistd.h>

#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/parallel.h"
#include "access/xact.h"
#include "miscadmin.h"
#include "port/atomics.h"
#include "postmaster/bgworker_internals.h"
#include "storage/fd.h"
#include "storage/ipc.h"
#include "storage/proc.h"
#include "storage/shm_mq.h"
#include "storage/sharedfileset.h"
#include "storage/shm_toc.h"
#include "utils/datum.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/wait_event.h"

#include "na_pg.h"
#include "parallel_pg.h"

int			na_max_parallel_workers = -1;

/* -1: one worker per processor beyond the backend's own, at most this many. */
#define AUTO_WORKERS_MAX	4

#define KEY_SHARED		UINT64CONST(0x4E41000000000001)
#define KEY_FILESET		UINT64CONST(0x4E41000000000002)
#define KEY_QUEUES		UINT64CONST(0x4E41000000000003)
#define KEY_FAIL_ON		UINT64CONST(0x4E41000000000004)
#define KEY_KEYS		UINT64CONST(0x4E41000000000005)

/* Each worker's queue to the backend. */
#define QUEUE_BYTES		(1024 * 1024)

/* Articles claimed at a time. */
#define CLAIM			4

/* The texts' file in the shared file set. */
#define TEXTS_FILE		"news_analysis_texts"

/* The backend's buffer for writing the texts: a few texts per write. */
#define WRITE_BUFFER	(128 * 1024)

typedef struct par_shared
{
	pg_atomic_uint32 next;		/* the first article nobody claimed yet */
	pg_atomic_uint32 ready;		/* set once the texts and keys are in place */
	uint32		narticles;
	Oid			key_type;		/* the keys: datumSerialize'd one after another */
	Oid			row_type[NA_NDERIVED];
	/*
	 * article i is the varlena at offset[i] of the texts' file;
	 * offset[i] == offset[i+1]: none.  Offsets are MAXALIGNed, so that the
	 * texts of a claim read in one call are aligned in memory.
	 */
	Size		offset[FLEXIBLE_ARRAY_MEMBER];
} par_shared;

PGDLLEXPORT void na_parallel_main(dsm_segment *seg, shm_toc *toc);

void
na_parallel_define_settings(void)
{
	DefineCustomIntVariable("news_analysis.max_parallel_workers",
							"Parallel workers that may help the analyse-on-write triggers analyse a statement's rows.",
							"-1: one per processor beyond the backend's own, at most 4; 0: the backend alone. "
							"The workers come from max_worker_processes and max_parallel_workers.",
							&na_max_parallel_workers,
							-1, -1, MAX_PARALLEL_WORKER_LIMIT,
							PGC_USERSET, 0, NULL, NULL, NULL);
}

int
na_parallel_workers_allowed(void)
{
	/*
	 * read once a session: sysconf reads /sys each time, 10 us on the
	 * machines measured, and the read-ahead asks at every INSERT
	 */
	static long processors = 0;

	if (na_max_parallel_workers >= 0)
		return na_max_parallel_workers;
	if (processors == 0)
		processors = sysconf(_SC_NPROCESSORS_ONLN);
	if (processors <= 1)
		return 0;
	return (int) Min(processors - 1, AUTO_WORKERS_MAX);
}

/*
 * The workers read the texts from a temporary file, which counts against
 * temp_file_limit: where the limit is below the texts (with room for their
 * alignment), the backend analyses them alone rather than fail the
 * attempt.  (Other temporary files of the session count too; if they make
 * the write fail, a lenient table analyses the chunk again in the backend.)
 */
bool
na_parallel_texts_fit(Size bytes)
{
	if (temp_file_limit < 0)
		return true;
	return bytes / 1024 + bytes / 8192 < (Size) temp_file_limit;
}

Size
na_text_source_size(const text *body)
{
	Size		size;

	if (body == NULL)
		return 0;
	size = toast_raw_datum_size(PointerGetDatum(body));
	return size > VARHDRSZ ? size : 0;
}

void
na_text_source_put(text *dest, Size size, text *body)
{
	/* (the library's pglz decoder, as the analysis itself reads a text) */
	text	   *whole = na_pg_detoast_text(PointerGetDatum(body));
	Size		len = VARSIZE_ANY_EXHDR(whole);

	/* the size was read from the same datum: a mismatch is a bug, not bad input */
	if (len + VARHDRSZ != size)
		elog(ERROR, "news_analysis: a text of %zu bytes where %zu were counted", len, size - VARHDRSZ);
	SET_VARSIZE(dest, size);
	memcpy(VARDATA(dest), VARDATA_ANY(whole), len);
	if (whole != body)
		pfree(whole);
}

/*
 * Ask the kernel for the pages of [start, start + len) in one call, before
 * this process writes them (shared memory, the queues; or a large block of
 * the backend's own that it is about to fill): a copy into new shared
 * memory, page by page (1,250 faults for BBC's 5 MB of texts, when they
 * went there), took twice as long as with the pages populated first on
 * the virtual machines measured, where a page fault costs about 10 us.
 * Where the call is unknown (Linux before 5.14, other systems) the pages
 * come as before.
 */
void
na_populate_for_writing(void *start, Size len)
{
#ifdef MADV_POPULATE_WRITE
	Size		page = (Size) sysconf(_SC_PAGESIZE);
	uintptr_t	first = TYPEALIGN_DOWN(page, (uintptr_t) start);
	uintptr_t	end = TYPEALIGN(page, (uintptr_t) start + len);

	if (len > 0 && page > 0)
		(void) madvise((void *) first, end - first, MADV_POPULATE_WRITE);
#endif
}

/*
 * The texts of a claim, read from the texts' file in one call (claims are
 * consecutive articles, consecutive in the file).
 */
typedef struct claim_reader
{
	File		file;
	char	   *buffer;
	Size		size;			/* allocated */
	Size		base;			/* the file offset of buffer[0] */
} claim_reader;

/*
 * Read the texts of articles [first, end) into the reader's buffer (grown
 * as needed, kept for the next claim): one read for the few articles a
 * process claims at a time, from the kernel's page cache, into memory this
 * process has already touched.
 */
static void
read_claim(claim_reader *cr, const par_shared *shared, uint32 first, uint32 end)
{
	Size		from = shared->offset[first];
	Size		len = shared->offset[end] - from;
	if (len > cr->size)
	{
		if (cr->buffer != NULL)
			pfree(cr->buffer);
		cr->buffer = MemoryContextAllocHuge(CurrentMemoryContext, len);
		cr->size = len;
	}
	cr->base = from;
	na_file_read_all(cr->file, cr->buffer, len, (off_t) from);
}

/* The text of article i of the claim read last, or NULL. */
static text *
claimed_text(const claim_reader *cr, const par_shared *shared, uint32 i)
{
	if (shared->offset[i] == shared->offset[i + 1])
		return NULL;
	return (text *) (cr->buffer + (shared->offset[i] - cr->base));
}

/* Claim the next articles: [*first, *end); false when none is left. */
static bool
claim(par_shared *shared, uint32 *first, uint32 *end)
{
	uint32		start = pg_atomic_fetch_add_u32(&shared->next, CLAIM);

	if (start >= shared->narticles)
		return false;
	*first = start;
	*end = Min(start + CLAIM, shared->narticles);
	return true;
}

/* The derived tables' row types: article_key, then the composite's columns. */
static void
row_descs(TupleDesc *desc, Oid key_type, const Oid *row_type)
{
	for (int d = 0; d < NA_NDERIVED; d++)
		desc[d] = na_derived_row_desc(key_type, row_type[d]);
}

/* The worker's side: rows go out through the queue as they are made. */
typedef struct worker_state
{
	shm_mq_handle *mqh;
	TupleDesc	row_desc[NA_NDERIVED];
	na_derived_writer writer;	/* forms quote rows from their columns' bytes */
	Datum	   *keys;
	uint32		article;
} worker_state;

/*
 * Sends a message to the backend; a worker whose backend is gone exits
 * quietly instead of raising an error nobody reads.
 */
static void
send_or_die(shm_mq_handle *mqh, shm_mq_iovec *iov, int iovcnt)
{
	/* a detached queue means the backend is gone: nothing left to do */
	if (shm_mq_sendv(mqh, iov, iovcnt, false, false) != SHM_MQ_SUCCESS)
		proc_exit(0);
}

/*
 * The sink of a worker: each derived row goes to the backend as the heap
 * tuple it will insert, so that the backend only copies it.
 */
static void
worker_row(void *arg, na_derived_kind kind, Datum *values, bool *nulls, HeapTuple row)
{
	worker_state *ws = (worker_state *) arg;
	HeapTuple	tuple = row ? row :
		na_derived_form_row(ws->row_desc[kind], ws->keys[ws->article], values, nulls);
	na_par_msg		msg = {ws->article, (int32) kind, 0, 0};
	shm_mq_iovec iov[2];

	iov[0].data = (const char *) &msg;
	iov[0].len = sizeof(msg);
	iov[1].data = (const char *) tuple->t_data;
	iov[1].len = tuple->t_len;
	send_or_die(ws->mqh, iov, 2);
}

/*
 * A failed article travels to the backend as its error code, message and
 * detail, which record it in news_analysis.failures as the serial path would.
 */
static void
worker_failure(worker_state *ws, ErrorData *edata)
{
	na_par_msg		msg = {ws->article, NA_MSG_FAILURE, edata->sqlerrcode, 0};
	const char *detail = edata->detail ? edata->detail : "";
	shm_mq_iovec iov[3];

	iov[0].data = (const char *) &msg;
	iov[0].len = sizeof(msg);
	iov[1].data = edata->message;
	iov[1].len = strlen(edata->message) + 1;
	iov[2].data = detail;
	iov[2].len = strlen(detail) + 1;
	send_or_die(ws->mqh, iov, 3);
}

/*
 * The entry point of a parallel worker: waits for the texts, then analyses
 * chunks of articles claimed from the shared counter until none is left, so
 * that long and short articles balance between workers.
 */
void
na_parallel_main(dsm_segment *seg, shm_toc *toc)
{
	par_shared *shared = shm_toc_lookup(toc, KEY_SHARED, false);
	SharedFileSet *fileset = shm_toc_lookup(toc, KEY_FILESET, false);
	char	   *queues = shm_toc_lookup(toc, KEY_QUEUES, false);
	char	   *fail_on = shm_toc_lookup(toc, KEY_FAIL_ON, false);
	char	   *key_data = shm_toc_lookup(toc, KEY_KEYS, false);
	shm_mq	   *mq = (shm_mq *) (queues + (Size) ParallelWorkerNumber * QUEUE_BYTES);
	MemoryContext docctx;
	worker_state ws;
	claim_reader cr = {-1, NULL, 0, 0};
	uint32		first;
	uint32		end;

	SharedFileSetAttach(fileset, seg);
	shm_mq_set_sender(mq, MyProc);
	ws.mqh = shm_mq_attach(mq, seg, NULL);
	row_descs(ws.row_desc, shared->key_type, shared->row_type);
	na_derived_writer_init(&ws.writer, ws.row_desc, CurrentMemoryContext);
	/* the backend copies the texts after launching us */
	while (pg_atomic_read_u32(&shared->ready) == 0)
	{
		CHECK_FOR_INTERRUPTS();
		pg_usleep(100L);
	}
	pg_read_barrier();
	cr.file = FileSetOpen(&fileset->fs, TEXTS_FILE, O_RDONLY);
	/*
	 * a worker is a new process: it would take a page fault for each page
	 * of the queue it writes (256; with the 1,250 of BBC's texts when they
	 * were in shared memory, a tenth of its time on the virtual machines
	 * measured); mapped in one call, they cost about half
	 */
	na_populate_for_writing((char *) mq, QUEUE_BYTES);
	ws.keys = palloc(sizeof(Datum) * Max(shared->narticles, 1));
	for (uint32 i = 0; i < shared->narticles; i++)
	{
		bool		isnull;

		ws.keys[i] = datumRestore(&key_data, &isnull);
	}
	docctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis document",
								   ALLOCSET_DEFAULT_SIZES);

	while (claim(shared, &first, &end))
	{
		read_claim(&cr, shared, first, end);
		for (uint32 i = first; i < end; i++)
		{
			text	   *body = claimed_text(&cr, shared, i);
			ErrorData  *edata;

			CHECK_FOR_INTERRUPTS();
			if (body == NULL)
				continue;
			ws.article = i;
			edata = na_derived_rows(body, fail_on[0] ? fail_on : NULL, docctx, &ws.writer,
									ws.keys[i], worker_row, &ws);
			if (edata != NULL)
				worker_failure(&ws, edata);
			MemoryContextReset(docctx);
		}
	}
	FileClose(cr.file);
	shm_mq_detach(ws.mqh);
}

/* The backend's side. */
typedef struct leader_state
{
	const na_parallel_sink *sink;
	MemoryContext outctx;
	TupleDesc	row_desc[NA_NDERIVED];
	na_derived_writer writer;	/* forms quote rows from their columns' bytes */
	const Datum *keys;
	int			article;
} leader_state;

void
na_parallel_sink_own_row(const na_parallel_sink *sink, int article, na_derived_kind kind,
						 Datum *values, bool *nulls, HeapTuple row, TupleDesc desc, Datum key)
{
	HeapTuple	tuple;

	if (row != NULL)
	{
		sink->row(sink->arg, article, kind, row, NULL);
		return;
	}
	if (sink->values != NULL)
	{
		sink->values(sink->arg, article, kind, values, nulls);
		return;
	}
	tuple = na_derived_form_row(desc, key, values, nulls);
	sink->row(sink->arg, article, kind, tuple, NULL);
	heap_freetuple(tuple);
}

/* The sink of the backend's own analysis (na_parallel_sink_own_row). */
static void
leader_row(void *arg, na_derived_kind kind, Datum *values, bool *nulls, HeapTuple row)
{
	leader_state *ls = (leader_state *) arg;

	na_parallel_sink_own_row(ls->sink, ls->article, kind, values, nulls, row,
							 ls->row_desc[kind], ls->keys[ls->article]);
}

void
na_parallel_receive(const na_parallel_sink *sink, MemoryContext outctx, const char *data,
					Size nbytes, uint32 first, uint32 end)
{
	na_par_msg		msg;
	MemoryContext oldctx;

	if (nbytes < sizeof(msg))
		elog(ERROR, "news_analysis: short message from a worker");
	memcpy(&msg, data, sizeof(msg));
	if (msg.article < first || msg.article >= end || msg.kind < 0 || msg.kind > NA_MSG_FAILURE)
		elog(ERROR, "news_analysis: malformed message from a worker");
	data += sizeof(msg);
	nbytes -= sizeof(msg);
	oldctx = MemoryContextSwitchTo(outctx);
	if (msg.kind == NA_MSG_FAILURE)
	{
		ErrorData  *edata = palloc0(sizeof(ErrorData));
		Size		message_len = strnlen(data, nbytes);

		if (message_len >= nbytes)
			elog(ERROR, "news_analysis: malformed failure from a worker");
		edata->elevel = ERROR;
		edata->sqlerrcode = msg.sqlerrcode;
		edata->message = pstrdup(data);
		/* (a message without its detail part ends the record) */
		if (message_len + 1 < nbytes && data[message_len + 1] != '\0')
			edata->detail = pnstrdup(data + message_len + 1, nbytes - message_len - 1);
		MemoryContextSwitchTo(oldctx);
		sink->failure(sink->arg, (int) (msg.article - first), edata);
	}
	else
	{
		/* the row is read where the queue holds it: the sink copies it */
		HeapTupleData row;
		na_person_key key = {NULL, -1};
		Size		key_len = msg.person_key > 0 ? (Size) msg.person_key : 0;

		MemoryContextSwitchTo(oldctx);
		if (key_len > nbytes || msg.person_key < -1 ||
			(msg.person_key != 0 && msg.kind != NA_DERIVED_SPEAKERS))
			elog(ERROR, "news_analysis: malformed row from a worker");
		row.t_data = (HeapTupleHeader) data;
		row.t_len = (uint32) (nbytes - key_len);
		ItemPointerSetInvalid(&row.t_self);
		row.t_tableOid = InvalidOid;
		if (row.t_len < SizeofHeapTupleHeader || HeapTupleHeaderGetDatumLength(row.t_data) != row.t_len)
			elog(ERROR, "news_analysis: malformed row from a worker");
		key.bytes = data + row.t_len;
		key.len = msg.person_key > 0 ? msg.person_key : -1;
		sink->row(sink->arg, (int) (msg.article - first), (na_derived_kind) msg.kind, &row,
				  msg.person_key != 0 ? &key : NULL);
	}
}

/*
 * Take in what the workers sent; with wait, until every one of them is done
 * (its queue detached when it exits).
 */
static void
drain_queues(leader_state *ls, shm_mq_handle **mqh, bool *done, int nqueues,
			 uint32 narticles, bool wait)
{
	for (int w = 0; w < nqueues; w++)
	{
		while (!done[w])
		{
			Size		nbytes;
			void	   *data;
			shm_mq_result res = shm_mq_receive(mqh[w], &nbytes, &data, !wait);

			if (res == SHM_MQ_WOULD_BLOCK)
				break;
			if (res == SHM_MQ_DETACHED)
			{
				done[w] = true;
				break;
			}
			na_parallel_receive(ls->sink, ls->outctx, data, nbytes, 0, narticles);
		}
	}
}

/*
 * FileRead may return less than asked: the callers want all of it, and an
 * error that says whether the file was short or unreadable.
 */
void
na_file_read_all(File file, char *buffer, Size len, off_t at)
{
	Size		done = 0;

	while (done < len)
	{
		int			want = (int) Min(len - done, (Size) MaxAllocSize);
		int			got = FileRead(file, buffer + done, want, at + (off_t) done,
								   WAIT_EVENT_BUFFILE_READ);

		if (got < 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not read temporary file \"%s\": %m", FilePathName(file))));
		if (got == 0)
			ereport(ERROR,
					(errcode(ERRCODE_DATA_CORRUPTED),
					 errmsg("temporary file \"%s\" ended at %zu bytes, %zu expected",
							FilePathName(file), (Size) at + done, (Size) at + len)));
		done += (Size) got;
	}
}

/*
 * Why one function: the read-ahead contains its own errors and the AFTER
 * trigger an attempt's, with the same subtransaction dance (resource owner
 * and memory context put back on either side).
 */
ErrorData *
na_run_contained(void (*fn) (void *arg), void *arg, MemoryContext errctx)
{
	MemoryContext callerctx = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	ErrorData  *volatile edata = NULL;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(callerctx);
	PG_TRY();
	{
		fn(arg);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(callerctx);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(errctx);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(callerctx);
		CurrentResourceOwner = owner;
	}
	PG_END_TRY();
	return edata;
}

/* FileWrite may write less than asked: the rest follows, a full disk is an error. */
void
na_file_write_all(File file, const char *buffer, Size len, off_t *at)
{
	Size		done = 0;

	while (done < len)
	{
		int			want = (int) Min(len - done, (Size) MaxAllocSize);
		int			wrote;

		errno = 0;
		wrote = FileWrite(file, unconstify(char *, buffer) + done, want, *at, WAIT_EVENT_BUFFILE_WRITE);
		if (wrote <= 0)
		{
			/* a short write without an error is a full disk */
			if (errno == 0)
				errno = ENOSPC;
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("could not write temporary file \"%s\": %m", FilePathName(file))));
		}
		done += (Size) wrote;
		*at += wrote;
	}
}

/*
 * The texts of articles [0..n) into file at offset[i] (each padded to a
 * MAXALIGNed length), a buffer of a few texts per write.  A temporary file
 * and not shared memory: on the virtual machines measured, each page of
 * new shared memory a process touches first costs it microseconds (the
 * texts' copy into shared memory took 15 ms for BBC's 5 MB, even with its
 * pages mapped in advance), where the kernel's page cache takes the same
 * bytes in 3 ms and gives them back to a reader in about 1.
 */
static void
write_texts(File file, int n, const na_text_source *source, const Size *offset)
{
	char	   *buffer = palloc(WRITE_BUFFER);
	Size		used = 0;
	off_t		at = 0;

	for (int i = 0; i < n; i++)
	{
		Size		size = offset[i + 1] - offset[i];
		char	   *dest;

		if (size == 0)
		{
			/* the source reads its texts in turn: it is told of this one too */
			source->fill(source->arg, i, NULL);
			continue;
		}
		if (used + size > WRITE_BUFFER)
		{
			na_file_write_all(file, buffer, used, &at);
			used = 0;
		}
		/* a text longer than the buffer gets a buffer of its own */
		dest = size > WRITE_BUFFER ? MemoryContextAllocHuge(CurrentMemoryContext, size) : buffer + used;
		source->fill(source->arg, i, (text *) dest);
		/* the alignment's padding: no uninitialised bytes in the file */
		memset(dest + source->sizes[i], 0, size - source->sizes[i]);
		if (dest == buffer + used)
			used += size;
		else
		{
			na_file_write_all(file, dest, size, &at);
			pfree(dest);
		}
	}
	na_file_write_all(file, buffer, used, &at);
	pfree(buffer);
}

void
na_parallel_derived(int n, const Datum *keys, const na_text_source *source, Oid key_type,
					const Oid *row_type, int nworkers, const char *fail_on,
					MemoryContext outctx, const na_parallel_sink *sink)
{
	MemoryContext workctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis parallel",
												  ALLOCSET_DEFAULT_SIZES);
	MemoryContext docctx = AllocSetContextCreate(workctx, "news_analysis document",
												 ALLOCSET_DEFAULT_SIZES);
	MemoryContext callerctx = MemoryContextSwitchTo(workctx);
	ParallelContext *pcxt;
	par_shared *shared;
	SharedFileSet *fileset;
	File		texts_file;
	claim_reader cr = {-1, NULL, 0, 0};
	char	   *queues;
	char	   *shared_fail_on;
	char	   *key_data;
	Size		key_bytes = 0;
	int16		key_typlen;
	bool		key_typbyval;
	Size		shared_size = add_size(offsetof(par_shared, offset),
									   mul_size(sizeof(Size), (Size) n + 1));
	Size		text_bytes = 0;
	shm_mq_handle **mqh;
	bool	   *done;
	leader_state ls;
	uint32		first;
	uint32		end;
	int			by_backend = 0;

	get_typlenbyval(key_type, &key_typlen, &key_typbyval);
	for (int i = 0; i < n; i++)
		key_bytes = add_size(key_bytes, datumEstimateSpace(keys[i], false, key_typbyval, key_typlen));

	/* the texts as they will sit in their file, whole and uncompressed */
	for (int i = 0; i < n; i++)
		text_bytes = add_size(text_bytes, MAXALIGN(source->sizes[i]));

	EnterParallelMode();
	pcxt = CreateParallelContext("$libdir/news_analysis", "na_parallel_main", nworkers);
	shm_toc_estimate_chunk(&pcxt->estimator, shared_size);
	shm_toc_estimate_chunk(&pcxt->estimator, sizeof(SharedFileSet));
	shm_toc_estimate_chunk(&pcxt->estimator, mul_size(QUEUE_BYTES, Max(nworkers, 1)));
	shm_toc_estimate_chunk(&pcxt->estimator, fail_on ? strlen(fail_on) + 1 : 1);
	shm_toc_estimate_chunk(&pcxt->estimator, Max(key_bytes, 1));
	shm_toc_estimate_keys(&pcxt->estimator, 5);
	InitializeParallelDSM(pcxt);

	shared = shm_toc_allocate(pcxt->toc, shared_size);
	fileset = shm_toc_allocate(pcxt->toc, sizeof(SharedFileSet));
	SharedFileSetInit(fileset, pcxt->seg);
	pg_atomic_init_u32(&shared->next, 0);
	shared->narticles = (uint32) n;
	shared->key_type = key_type;
	memcpy(shared->row_type, row_type, sizeof(shared->row_type));
	text_bytes = 0;
	for (int i = 0; i < n; i++)
	{
		shared->offset[i] = text_bytes;
		text_bytes += MAXALIGN(source->sizes[i]);
	}
	shared->offset[n] = text_bytes;
	pg_atomic_init_u32(&shared->ready, 0);
	shm_toc_insert(pcxt->toc, KEY_SHARED, shared);
	shm_toc_insert(pcxt->toc, KEY_FILESET, fileset);

	queues = shm_toc_allocate(pcxt->toc, mul_size(QUEUE_BYTES, Max(nworkers, 1)));
	for (int w = 0; w < nworkers; w++)
	{
		shm_mq	   *mq = shm_mq_create(queues + (Size) w * QUEUE_BYTES, QUEUE_BYTES);

		shm_mq_set_receiver(mq, MyProc);
	}
	shm_toc_insert(pcxt->toc, KEY_QUEUES, queues);
	shared_fail_on = shm_toc_allocate(pcxt->toc, fail_on ? strlen(fail_on) + 1 : 1);
	strcpy(shared_fail_on, fail_on ? fail_on : "");
	shm_toc_insert(pcxt->toc, KEY_FAIL_ON, shared_fail_on);
	key_data = shm_toc_allocate(pcxt->toc, Max(key_bytes, 1));
	shm_toc_insert(pcxt->toc, KEY_KEYS, key_data);

	/*
	 * workers take some milliseconds to start: the texts go in meanwhile
	 * (the backend reads them there too, so they are written even when no
	 * worker came)
	 */
	LaunchParallelWorkers(pcxt);
	texts_file = FileSetCreate(&fileset->fs, TEXTS_FILE);
	write_texts(texts_file, n, source, shared->offset);
	for (int i = 0; i < n; i++)
		datumSerialize(keys[i], false, key_typbyval, key_typlen, &key_data);
	/*
	 * the queues' pages too, while the workers still start (the backend
	 * reads every page of them, a worker writes its own): a process's
	 * first touch of a page it did not map costs half as much after
	 */
	na_populate_for_writing(queues, mul_size(QUEUE_BYTES, Max(nworkers, 1)));
	pg_write_barrier();
	pg_atomic_write_u32(&shared->ready, 1);
	mqh = palloc0(sizeof(shm_mq_handle *) * Max(pcxt->nworkers_launched, 1));
	done = palloc0(sizeof(bool) * Max(pcxt->nworkers_launched, 1));
	for (int w = 0; w < pcxt->nworkers_launched; w++)
		mqh[w] = shm_mq_attach((shm_mq *) (queues + (Size) w * QUEUE_BYTES), pcxt->seg,
							   pcxt->worker[w].bgwhandle);

	/* the backend analyses too, and takes in the workers' rows as it goes */
	ls.sink = sink;
	ls.outctx = outctx;
	ls.keys = keys;
	row_descs(ls.row_desc, key_type, row_type);
	na_derived_writer_init(&ls.writer, ls.row_desc, workctx);
	cr.file = texts_file;
	while (claim(shared, &first, &end))
	{
		read_claim(&cr, shared, first, end);
		for (uint32 i = first; i < end; i++)
		{
			ErrorData  *edata;

			text	   *body = claimed_text(&cr, shared, i);

			CHECK_FOR_INTERRUPTS();
			if (body == NULL)
				continue;
			ls.article = (int) i;
			by_backend++;
			/* a failure is made in outctx, where the sink wants it */
			MemoryContextSwitchTo(outctx);
			edata = na_derived_rows(body, fail_on, docctx, &ls.writer, keys[i],
									leader_row, &ls);
			MemoryContextSwitchTo(workctx);
			MemoryContextReset(docctx);
			if (edata != NULL)
				sink->failure(sink->arg, (int) i, edata);
		}
		drain_queues(&ls, mqh, done, pcxt->nworkers_launched, (uint32) n, false);
	}
	drain_queues(&ls, mqh, done, pcxt->nworkers_launched, (uint32) n, true);
	if (sink->drained != NULL)
		sink->drained(sink->arg);

	/* rethrows a worker's error */
	WaitForParallelWorkersToFinish(pcxt);
	ereport(DEBUG2,
			(errmsg_internal("news_analysis: %d articles analysed by the backend and %d of %d parallel workers (%d of them by the backend)",
							 n, pcxt->nworkers_launched, nworkers, by_backend)));
	FileClose(texts_file);
	/* the last process to detach from the file set deletes its files */
	DestroyParallelContext(pcxt);
	ExitParallelMode();
	MemoryContextSwitchTo(callerctx);
	MemoryContextDelete(workctx);
}
