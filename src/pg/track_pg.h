/*
 * track_pg.h - what the two halves of analyse-on-write share: track_pg.c
 * (the triggers, the backfill and the plans of a tracked table) and
 * track_analyse_pg.c (the analyser that turns chunks of articles into
 * derived rows and writes them, containing failures).  Private to them.
 */
#ifndef TRACK_PG_H
#define TRACK_PG_H

#include "postgres.h"

#include "executor/spi.h"
#include "nodes/pg_list.h"
#include "utils/tuplestore.h"

#include "derived_pg.h"
#include "parallel_pg.h"

/*
 * Rows analysed at a time, and text: enough for parallel workers to pay
 * off, little enough to bound the memory of a long COPY.
 */
#define CHUNK_MAX_ROWS 4096
#define CHUNK_MAX_BYTES ((Size) 16 * 1024 * 1024)
/* Rows fetched from the cursor at a time. */
#define FETCH_ROWS 256

/* How one table is tracked: the trigger's arguments. */
typedef struct track_config
{
	Oid			source;
	Oid			logical_source;	/* the tracked table: source, or the distributed table of a shard */
	const char *text_column;
	const char *key_column;
	bool		strict;
	const char *derived[NA_NDERIVED];	/* qualified, quoted table names */
} track_config;

/*
 * Prepared plans of one tracked table, kept for the session.  The signature
 * (configuration and key type) tells when a re-track made them stale.
 */
typedef struct track_plans
{
	Oid			source;			/* hash key */
	char	   *signature;
	uint64		generation;		/* plan_generation when prepared */
	Oid			key_type;
	int16		key_typlen;
	bool		key_typbyval;
	char		key_typalign;
	Oid			key_array_type;
	TupleDesc	row_desc[NA_NDERIVED];	/* the composite type of each derived table */
	TupleDesc	table_desc[NA_NDERIVED];	/* article_key and the composite's columns */
	/* prepared when first needed (track_delete_plan, ...), or NULL */
	SPIPlanPtr	delete_plan;	/* delete every derived row of an array of keys */
	SPIPlanPtr	insert_plan;	/* insert a chunk's rows into all three */
	SPIPlanPtr	failure_plan;	/* record a failure */
	SPIPlanPtr	truncate_plan;
} track_plans;

typedef struct row_context
{
	const track_config *config;
	Oid			key_type;
	Datum		key;
	/*
	 * Whether key names the article being analysed.  Not between articles
	 * (the CHECK_FOR_INTERRUPTS before each): a cancel there once printed
	 * key (Datum) 0, which a text key's output function read as a pointer.
	 */
	bool		has_key;
} row_context;

/* A growable array of datums in the analyser's chunk context. */
typedef struct datum_list
{
	Datum	   *items;
	int			n;
	int			max;
} datum_list;

/* An article whose analysis failed, to be recorded once its chunk is done. */
typedef struct pending_failure
{
	int			article;		/* its place in the chunk */
	Datum		key;
	ErrorData  *edata;
} pending_failure;

/*
 * Analysis of a stream of articles into a tracked table's derived tables.
 * Articles come in chunks (track_analyser_chunk); their derived rows, and the keys
 * whose old rows must go first, pile up in chunkctx until track_analyser_flush
 * writes them with one delete and one insert statement.
 */
typedef struct analyser
{
	const track_config *config;
	track_plans *plans;
	const char *fail_on;		/* news_analysis.fail_on (tests), or NULL */
	MemoryContext chunkctx;		/* pending keys and rows; reset by each flush */
	MemoryContext docctx;		/* one article's analysis; reset per article */
	na_derived_writer writer;	/* forms rows of plans->table_desc (quotes) */
	datum_list	delete_keys;	/* keys whose derived rows are replaced */
	/* the chunk's rows of each derived table (plans->table_desc[d]), from the
	 * backend's analysis and the workers' queues */
	Tuplestorestate *stores[NA_NDERIVED];
	/* rows staged while a failed chunk is retried article by article
	 * (HeapTupleHeaders of plans->table_desc[d]), stored at the flush */
	datum_list	rows[NA_NDERIVED];
	bool		staging;		/* serial rows go to rows, not stores */
	struct track_writer *writing;	/* rows written as workers analyse, or NULL */
	List	   *failures;		/* pending_failure *, of the chunk being analysed */
	Datum	   *chunk_keys;		/* the chunk's keys, copied into chunkctx */
	int			article;		/* the article being analysed (serial) */
	int64		failed;			/* articles stored without analysis */
	/* progress NOTICEs of a backfill: report_total < 0 for none */
	const char *report_table;
	int64		report_total;
	int64		report_every;
	int64		reported;
} analyser;

/* set while this backend's analysis inserts derived rows (see analysis_writing) */
extern bool track_writing_derived_rows;

char *track_key_text(Oid key_type, Datum key);
char *track_qualified_table(Oid relid);
void track_row_error_callback(void *arg);
void track_register_rows(const track_plans *plans, Tuplestorestate **stores);
SPIPlanPtr track_delete_plan(track_plans *plans, const track_config *config);
SPIPlanPtr track_insert_plan(track_plans *plans, const track_config *config);
SPIPlanPtr track_failure_plan(track_plans *plans);
void track_unregister_rows(void);

void track_analyser_begin(analyser *an, const track_config *config, track_plans *plans);
void track_analyser_end(analyser *an);
void track_analyser_delete(analyser *an, Datum key);
void track_analyser_chunk(analyser *an, int n, const Datum *keys, text *const *bodies, Size bytes);
bool track_analyser_chunk_from(analyser *an, int n, const Datum *keys, const na_text_source *source,
							   Size bytes, text *const *(*bodies_again) (void *arg), void *arg);
struct na_ahead;
void track_analyser_chunk_ahead(analyser *an, int n, const Datum *keys, struct na_ahead *ahead,
								text *const *(*bodies_again) (void *arg), void *arg);
void track_analyser_flush(analyser *an);

/*
 * Write the rows of stores (one per derived table, NULL: none) straight into
 * the derived tables, as COPY writes (track_write_pg.c); false, having
 * written nothing, where only the insert statement writes what it would.
 */
bool track_write_rows(const track_config *config, const track_plans *plans,
					  Tuplestorestate **stores);

/*
 * The same while parallel workers still analyse: the backend writes each
 * batch of rows as they come (PostgreSQL lets the leader of parallel
 * workers insert, as CREATE TABLE AS does, but not toast a value out of
 * line, count a command or run a statement).  NULL from begin where
 * rows must take the usual way (as track_write_rows's, and where writing
 * in parallel mode would run a user's trigger, CHECK constraint or index
 * expression).  Begin before parallel mode (it takes the transaction ID),
 * end after it: the rows held back are written and the AFTER triggers
 * fire.  An error in between leaves the cleanup to the
 * (sub)transaction's abort.  Set track_writing_derived_rows meanwhile.
 */
typedef struct track_writer track_writer;

/* the derived tables it writes (the others' rows take the usual way) */
bool track_writer_writes(const track_writer *writer, na_derived_kind kind);
/* for the rows of a chunk of that many articles */
track_writer *track_writer_begin(const track_config *config, const track_plans *plans, int articles);
/* row of derived table kind: copied, or taken over (owned, palloc'd) */
void track_writer_put(track_writer *writer, na_derived_kind kind, HeapTuple row, bool owned,
					  const na_person_key *person_key);
/* every row was put, the workers are exiting (still in parallel mode) */
void track_writer_drained(track_writer *writer);
void track_writer_end(track_writer *writer);

#endif							/* TRACK_PG_H */
