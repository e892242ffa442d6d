/*
 * parallel_pg.h - the analysis of many articles at once by the backend and
 * parallel workers, for the analyse-on-write triggers: a COPY of thousands
 * of articles is analysed on as many cores as news_analysis.max_parallel_workers
 * allows, as CREATE INDEX sorts in parallel.  Workers only read and analyse;
 * the backend writes every result.
 */
#ifndef PARALLEL_PG_H
#define PARALLEL_PG_H

#include "postgres.h"

#include "storage/fd.h"

#include "derived_pg.h"

/* news_analysis.max_parallel_workers: workers per analysed chunk (0: none, -1: automatic). */
extern int	na_max_parallel_workers;

/* The workers that setting allows now (-1 resolved from the processors there are). */
int			na_parallel_workers_allowed(void);

/* Below this much text a chunk is analysed by the backend alone. */
#define NA_PARALLEL_MIN_BYTES	(256 * 1024)

/*
 * May texts of this many bytes go to the workers?  They go through a
 * temporary file: not when temp_file_limit is smaller.
 */
bool		na_parallel_texts_fit(Size bytes);

/*
 * A speaker row's key in the people registry (people_pg.h), where the
 * process that analysed the article computed it: len bytes, or len -1 when
 * the name has none.
 */
typedef struct na_person_key
{
	const char *bytes;
	int			len;
} na_person_key;

/* Where the results of the articles go (called in the backend only). */
typedef struct na_parallel_sink
{
	/*
	 * a row of a derived table for article i (na_derived_row_desc), valid
	 * only during the call: the sink copies what it keeps; person_key: a
	 * speaker's key, NULL where it was not computed
	 */
	void		(*row) (void *arg, int article, na_derived_kind kind, HeapTuple row,
						const struct na_person_key *person_key);

	/*
	 * a row of the backend's own analysis of article i, as the values the
	 * row builders give (without the key), for a sink that forms rows where
	 * it keeps them; NULL: such rows come through row, formed here
	 */
	void		(*values) (void *arg, int article, na_derived_kind kind, Datum *values, bool *nulls);
	/* the analysis of article i failed (see na_derived_rows) */
	void		(*failure) (void *arg, int article, ErrorData *edata);

	/*
	 * every row and failure came (NULL: nothing to do then); the workers
	 * are exiting, parallel mode has not ended: work that needs neither
	 * the workers nor a write overlaps their exit
	 */
	void		(*drained) (void *arg);
	void	   *arg;
} na_parallel_sink;

/*
 * The texts of a chunk as they go to the workers.  A fresh backend pays for
 * every page of memory it touches first (a tracked COPY of 5 MB spent a
 * third of its trigger's time in such page faults), so the texts are
 * written from wherever they are, through a small buffer, into the
 * workers' temporary file, with no copy of their own in the backend's
 * memory.
 */
typedef struct na_text_source
{
	/*
	 * article i's text as a varlena with a 4-byte header, uncompressed:
	 * its size (toast_raw_datum_size), 0 for none (NULL or empty)
	 */
	const Size *sizes;
	/* writes article i's text at dest (sizes[i] bytes; NULL when 0); called for i = 0, 1, ... n - 1 in turn */
	void		(*fill) (void *arg, int i, text *dest);
	void	   *arg;
} na_text_source;

/*
 * Analyse articles [0..n): keys[i] (of key_type) and the texts of source,
 * with the backend and up to nworkers parallel workers; row_type[] are the
 * composite types of the derived rows.  Rows and failures reach sink, in
 * no particular order; failures are made in outctx.  With no worker
 * available the backend does it all.  Must not be called in parallel mode.
 */
void		na_parallel_derived(int n, const Datum *keys, const na_text_source *source, Oid key_type,
								const Oid *row_type, int nworkers, const char *fail_on,
								MemoryContext outctx, const na_parallel_sink *sink);

/* The size a text datum (NULL: none) takes in a na_text_source: see sizes there. */
Size		na_text_source_size(const text *body);

/* Writes text datum body (of na_text_source_size size, not 0) at dest, uncompressed. */
void		na_text_source_put(text *dest, Size size, text *body);

/* Defines news_analysis.max_parallel_workers (from _PG_init). */
void		na_parallel_define_settings(void);

/*
 * What a worker sends: a derived row of an article (the heap tuple's data
 * follows) or its failure (message\0detail\0 follow).
 */
#define NA_MSG_FAILURE		NA_NDERIVED
typedef struct na_par_msg
{
	uint32		article;
	int32		kind;			/* na_derived_kind, or NA_MSG_FAILURE */
	int32		sqlerrcode;		/* NA_MSG_FAILURE: its error code */
	/* (the row that follows is aligned: this struct is a multiple of MAXALIGN) */
	/*
	 * a speaker row: 0, its person key was not computed; -1, its name has
	 * none; n > 0, the n bytes of the key follow the row
	 */
	int32		person_key;
} na_par_msg;

StaticAssertDecl(sizeof(na_par_msg) % MAXIMUM_ALIGNOF == 0, "a row after na_par_msg must be aligned");

/*
 * A row of the backend's own analysis of article (the values of the row
 * builders, or the row the writer formed) to sink: its values straight to a
 * sink that takes values (no heap tuple formed and copied), else as a row
 * of desc with key first.
 */
void		na_parallel_sink_own_row(const na_parallel_sink *sink, int article, na_derived_kind kind,
									 Datum *values, bool *nulls, HeapTuple row, TupleDesc desc,
									 Datum key);

/*
 * Read len bytes of a temporary file at at, all of them (a short file is an
 * error); write the whole buffer at *at, which moves past it (a short write
 * without an error is a full disk).  The workers' files, the read-ahead's.
 */
/* the pages of [start, start + len) asked for in one call before they are written (parallel_pg.c) */
void		na_populate_for_writing(void *start, Size len);

void		na_file_read_all(File file, char *buffer, Size len, off_t at);
void		na_file_write_all(File file, const char *buffer, Size len, off_t *at);

/*
 * fn(arg) in a subtransaction of its own, as a PL/pgSQL exception block runs
 * its body: NULL when it succeeded; otherwise its error, copied into errctx,
 * after the subtransaction was rolled back.  The caller decides which errors
 * to throw on (a cancel, always).
 */
ErrorData  *na_run_contained(void (*fn) (void *arg), void *arg, MemoryContext errctx);

/*
 * Take in one message of a worker (nbytes at data) for an article in
 * [first, end): the sink gets it as article - first.  A malformed message
 * is an error.
 */
void		na_parallel_receive(const na_parallel_sink *sink, MemoryContext outctx,
								const char *data, Size nbytes, uint32 first, uint32 end);

#endif							/* PARALLEL_PG_H */
