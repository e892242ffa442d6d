/*
 * track_write_pg.c - a chunk's derived rows written straight into the
 * derived tables, as COPY writes its rows: table_multi_insert of batches
 * of the tuples the analysis stored, then each row's index entries and
 * AFTER triggers (the people registry's statement trigger on the speakers
 * table sees them in its transition table as it would after an INSERT).
 *
 * Why: the INSERT ... SELECT of the chunk's tuplestores (track_pg.c's
 * insert plan) paid the executor for every row (a scan of the tuplestore,
 * a projection, the forming of a heap tuple from it, one heap_insert
 * each): a fifth of a tracked COPY's trigger path beyond the analysis.
 * Here the stored tuple itself becomes the heap tuple and pages are filled
 * many rows at a time.
 *
 * Only where it writes what the INSERT would: a plain table whose columns
 * are the row's (no dropped, generated or added columns), without row
 * security and whose only BEFORE ROW INSERT trigger is the derived tables'
 * restore trigger (news_analysis_restore, which does nothing while the
 * analysis writes: its WHEN clause is NOT analysis_writing()), and not on
 * a shard of a Citus table.  Anything else (a user's trigger that may
 * change rows, policies) takes the INSERT statement, and so does a writer
 * without the right to insert into all three tables (the statement's error
 * names the table it names).  Privileges are checked as the INSERT checks
 * them; constraints, unique and exclusion indexes, foreign keys and AFTER
 * triggers work as in COPY.
 *
 * A chunk that parallel workers analyse has its quotes and vote events
 * written while the workers go on (track_writer_begin): on two processors
 * the backend wrote a COPY's rows alone after the analysis, the workers
 * gone.  Its speakers too, where the writer can keep the people registry
 * up itself (registry_fed_directly): their write and the registry's key
 * for each were a fifth of the trigger path after the workers were gone.
 * PostgreSQL lets the leader of a parallel operation insert (as
 * CREATE TABLE AS does), not the workers; it refuses a new OID (a value
 * toasted out of line: such a row waits for the end of parallel mode), a
 * new transaction ID (taken before) and any statement or command counter
 * (the AFTER triggers fire once parallel mode ended).  So only tables
 * whose writes run no user code (no CHECK constraint, trigger other than
 * news_analysis's, index expression or predicate; B-tree indexes only).
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/heaptoast.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parsetree.h"
#include "utils/acl.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/regproc.h"
#include "utils/rls.h"

#include "btree_aim_pg.h"
#include "people_pg.h"
#include "track_pg.h"

/*
 * Rows given to table_multi_insert at a time: at most COPY's
 * MAX_BUFFERED_TUPLES rows and, as COPY, about MAX_BUFFERED_BYTES of them.
 * The bytes matter more than the rows: a batch's slots and tuples are
 * memory the backend touches, and on a first statement every new page of
 * it is a page fault (a BBC quote row is about 200 bytes: 1,000 of them and
 * their slots were 150 pages of faults for the quotes alone).
 */
#define WRITE_BATCH 1000
#define WRITE_BATCH_BYTES 65535

/* The name track() gives the derived tables' BEFORE INSERT trigger. */
#define RESTORE_TRIGGER "news_analysis_restore"

/* The name track() gives the people registry's trigger after INSERT on the speakers. */
#define PEOPLE_ADDED_TRIGGER "news_analysis_people_added"

/* Can rows of desc (the analysis's row of a derived table) go straight into rel? */
static bool
writable_directly(Relation rel, TupleDesc desc)
{
	TupleDesc	reldesc = RelationGetDescr(rel);

	if (rel->rd_rel->relkind != RELKIND_RELATION || rel->rd_rel->relrowsecurity ||
		check_enable_rls(RelationGetRelid(rel), InvalidOid, true) == RLS_ENABLED)
		return false;
	if (reldesc->natts != desc->natts ||
		(reldesc->constr != NULL && reldesc->constr->has_generated_stored))
		return false;
	for (int a = 0; a < desc->natts; a++)
	{
		Form_pg_attribute ra = TupleDescAttr(reldesc, a);
		Form_pg_attribute da = TupleDescAttr(desc, a);

		if (ra->attisdropped || ra->atttypid != da->atttypid || ra->attlen != da->attlen ||
			ra->attalign != da->attalign || ra->attbyval != da->attbyval)
			return false;
	}
	if (rel->trigdesc != NULL)
	{
		for (int t = 0; t < rel->trigdesc->numtriggers; t++)
		{
			const Trigger *trigger = &rel->trigdesc->triggers[t];

			if (TRIGGER_TYPE_MATCHES(trigger->tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_BEFORE,
									 TRIGGER_TYPE_INSERT) &&
				strcmp(trigger->tgname, RESTORE_TRIGGER) != 0)
				return false;
			if (TRIGGER_TYPE_MATCHES(trigger->tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_INSTEAD,
									 TRIGGER_TYPE_INSERT))
				return false;
		}
	}
	return true;
}

/*
 * The NOT NULL columns of rel when NOT NULL is all its constraints check
 * (the primary key's columns, as track() makes the derived tables; a list
 * in CurrentMemoryContext, NIL for none); *all is set when there is more
 * (a CHECK constraint, generated columns): ExecConstraints must run.
 */
static List *
not_null_columns(Relation rel, bool *all)
{
	TupleConstr *constr = rel->rd_att->constr;
	List	   *columns = NIL;

	*all = constr != NULL && (constr->num_check > 0 || constr->has_generated_stored);
	if (constr == NULL || !constr->has_not_null || *all)
		return NIL;
	for (int a = 0; a < rel->rd_att->natts; a++)
		if (TupleDescAttr(rel->rd_att, a)->attnotnull)
			columns = lappend_int(columns, a);
	return columns;
}

/*
 * Does the stored row in slot have a value in every column of not_null?
 * Read from its null bitmap: ExecConstraints took each column's value out
 * of the tuple for it (about 500 instructions a row, a twentieth of the
 * row's write), and runs only for a row that fails, to raise its error.
 */
static bool
has_not_nulls(TupleTableSlot *slot, List *not_null)
{
	uint16		infomask;
	int			natts;
	bits8	   *nullbits;
	ListCell   *lc;

	if (TTS_IS_HEAPTUPLE(slot))
	{
		HeapTupleHeader tuple = ((HeapTupleTableSlot *) slot)->tuple->t_data;

		infomask = tuple->t_infomask;
		natts = HeapTupleHeaderGetNatts(tuple);
		nullbits = tuple->t_bits;
	}
	else
	{
		bool		should_free;
		MinimalTuple tuple = ExecFetchSlotMinimalTuple(slot, &should_free);

		Assert(!should_free);
		infomask = tuple->t_infomask;
		natts = tuple->t_infomask2 & HEAP_NATTS_MASK;
		nullbits = tuple->t_bits;
	}
	foreach(lc, not_null)
	{
		int			a = lfirst_int(lc);

		if (a >= natts || ((infomask & HEAP_HASNULL) && att_isnull(a, nullbits)))
			return false;
	}
	return true;
}

/* One derived table being written, COPY's way (see the file's comment). */
typedef struct table_writer
{
	Relation	rel;
	EState	   *estate;
	ResultRelInfo *rri;
	TransitionCaptureState *capture;
	bool		statement_triggers;	/* false: the caller does their work (see registry_fed_directly) */
	BulkInsertState bistate;
	CommandId	cid;
	List	   *not_null;		/* see not_null_columns */
	bool		check_all;
	const TupleTableSlotOps *slot_ops;
	TupleDesc	desc;
	int			nslots;			/* slots made (no more than rows) */
	int			n;				/* slots filled */
	Size		bytes;			/* the size of their tuples */
	TupleTableSlot *slots[WRITE_BATCH];
	na_btree_aim *aims;			/* the indexes' (btree_aim_pg.c): rows come article after article */
	MemoryContext ctx;			/* the writer's own: its slots */
	MemoryContext batchctx;
} table_writer;

/*
 * Opens rel (open with RowExclusiveLock) for rows of desc held in slots of
 * slot_ops: the privileges an INSERT of these columns needs (with its
 * error), the result relation and its indexes.  The caller has begun an
 * after-trigger query, and fires the BEFORE STATEMENT triggers
 * (ExecBSInsertTriggers) before the first row.
 */
static void
table_writer_begin(table_writer *w, Relation rel, TupleDesc desc, const TupleTableSlotOps *slot_ops,
				   bool statement_triggers)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);

	memset(w, 0, sizeof(*w));
	w->rel = rel;
	w->desc = desc;
	w->slot_ops = slot_ops;
	w->estate = CreateExecutorState();
	w->rri = makeNode(ResultRelInfo);
	w->cid = GetCurrentCommandId(true);
	w->bistate = GetBulkInsertState();
	w->ctx = CurrentMemoryContext;
	w->batchctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis write batch",
										ALLOCSET_DEFAULT_SIZES);
	w->not_null = not_null_columns(rel, &w->check_all);

	rte->rtekind = RTE_RELATION;
	rte->relid = RelationGetRelid(rel);
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	rte->requiredPerms = ACL_INSERT;
	for (int a = 1; a <= desc->natts; a++)
		rte->insertedCols = bms_add_member(rte->insertedCols,
										   a - FirstLowInvalidHeapAttributeNumber);
	ExecCheckRTPerms(list_make1(rte), true);

	ExecInitRangeTable(w->estate, list_make1(rte));
	ExecInitResultRelation(w->estate, w->rri, 1);
	CheckValidResultRel(w->rri, CMD_INSERT);
	ExecOpenIndices(w->rri, false);
	w->aims = palloc(sizeof(na_btree_aim) * Max(w->rri->ri_NumIndices, 1));
	for (int x = 0; x < w->rri->ri_NumIndices; x++)
		na_btree_aim_begin(&w->aims[x], w->rri->ri_IndexRelationDescs[x]);

	w->statement_triggers = statement_triggers;
	if (statement_triggers)
		w->capture = MakeTransitionCaptureState(rel->trigdesc, RelationGetRelid(rel), CMD_INSERT);
}

/*
 * The next empty slot of the batch, made on first use in the writer's
 * context (rows are put from the analysis's, which is reset per article).
 */
static TupleTableSlot *
table_writer_slot(table_writer *w)
{
	Assert(w->n < WRITE_BATCH);
	if (w->n == w->nslots)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(w->ctx);

		w->slots[w->nslots++] = MakeSingleTupleTableSlot(w->desc, w->slot_ops);
		MemoryContextSwitchTo(oldctx);
	}
	return w->slots[w->n];
}

static void table_writer_flush(table_writer *w);

/*
 * The slot table_writer_slot gave is filled with a tuple of bytes bytes:
 * the batch is written once full (see WRITE_BATCH).
 */
static void
table_writer_filled(table_writer *w, Size bytes)
{
	w->bytes += bytes;
	if (++w->n == WRITE_BATCH || w->bytes >= WRITE_BATCH_BYTES)
		table_writer_flush(w);
}

/* Write the batch's rows: the heap many at a time, then each row's index entries and AFTER triggers. */
static void
table_writer_flush(table_writer *w)
{
	MemoryContext oldctx;

	if (w->n == 0)
		return;
	oldctx = MemoryContextSwitchTo(w->batchctx);
	for (int i = 0; i < w->n; i++)
		if (w->check_all || (w->not_null != NIL && !has_not_nulls(w->slots[i], w->not_null)))
			ExecConstraints(w->rri, w->slots[i], w->estate);
	table_multi_insert(w->rel, w->slots, w->n, w->cid, 0, w->bistate);
	for (int i = 0; i < w->n; i++)
	{
		List	   *recheck = NIL;

		if (w->rri->ri_NumIndices > 0)
		{
			for (int x = 0; x < w->rri->ri_NumIndices; x++)
				na_btree_aim_before(&w->aims[x]);
			recheck = ExecInsertIndexTuples(w->rri, w->slots[i], w->estate, false, false, NULL, NIL);
			for (int x = 0; x < w->rri->ri_NumIndices; x++)
				na_btree_aim_after(&w->aims[x]);
		}
		ExecARInsertTriggers(w->estate, w->rri, w->slots[i], recheck, w->capture);
		list_free(recheck);
	}
	MemoryContextSwitchTo(oldctx);
	w->n = 0;
	w->bytes = 0;
	ResetPerTupleExprContext(w->estate);
	MemoryContextReset(w->batchctx);
	CHECK_FOR_INTERRUPTS();
}

/* The last rows, and the AFTER STATEMENT triggers queued (they fire when the caller ends its query). */
static void
table_writer_finish(table_writer *w)
{
	table_writer_flush(w);
	for (int i = 0; i < w->nslots; i++)
		ExecDropSingleTupleTableSlot(w->slots[i]);
	w->nslots = 0;
	if (w->statement_triggers)
		ExecASInsertTriggers(w->estate, w->rri, w->capture);
}

/* After the caller's after-trigger query ended: let go of everything. */
static void
table_writer_close(table_writer *w)
{
	/* the slots the AFTER triggers made hold pins on the table's row type */
	ExecResetTupleTable(w->estate->es_tupleTable, false);
	FreeBulkInsertState(w->bistate);
	table_finish_bulk_insert(w->rel, 0);
	/* (the result relation's indexes too) */
	ExecCloseResultRelations(w->estate);
	ExecCloseRangeTableRelations(w->estate);
	FreeExecutorState(w->estate);
	MemoryContextDelete(w->batchctx);
}

/*
 * The rows of store into rel, COPY's way (see the file's comment); rel is
 * open with RowExclusiveLock.  Errors as the INSERT would raise them.
 * The stored tuples themselves fill the slots (the store stays in memory
 * and unchanged).
 */
static void
write_store(Relation rel, Tuplestorestate *store, TupleDesc desc)
{
	table_writer w;

	AfterTriggerBeginQuery();
	table_writer_begin(&w, rel, desc, &TTSOpsMinimalTuple, true);
	ExecBSInsertTriggers(w.estate, w.rri);
	tuplestore_rescan(store);
	while (tuplestore_gettupleslot(store, true, false, table_writer_slot(&w)))
		table_writer_filled(&w, ((MinimalTupleTableSlot *) w.slots[w.n])->mintuple->t_len);
	table_writer_finish(&w);
	AfterTriggerEndQuery(w.estate);
	table_writer_close(&w);
}

/* Open the derived tables; true when rows can go straight into all of them. */
static bool
open_derived(const track_config *config, const track_plans *plans, Relation *rels)
{
	bool		direct = true;

	for (int d = 0; d < NA_NDERIVED; d++)
	{
		RangeVar   *name = makeRangeVarFromNameList(stringToQualifiedNameList(config->derived[d]));

		rels[d] = table_openrv(name, RowExclusiveLock);
		direct &= writable_directly(rels[d], plans->table_desc[d]);
		/* without the right to insert, the statement raises its own error */
		direct &= pg_class_aclcheck(RelationGetRelid(rels[d]), GetUserId(), ACL_INSERT) == ACLCHECK_OK;
	}
	return direct;
}

/* the locks are kept until the end of the transaction, as the INSERT's */
static void
close_derived(Relation *rels)
{
	for (int d = 0; d < NA_NDERIVED; d++)
		table_close(rels[d], NoLock);
}

bool
track_write_rows(const track_config *config, const track_plans *plans, Tuplestorestate **stores)
{
	Relation	rels[NA_NDERIVED];
	bool		direct;

	/* a shard of a Citus table keeps the INSERT statement: Citus may want to see it */
	if (config->logical_source != config->source)
		return false;
	direct = open_derived(config, plans, rels);
	if (direct)
	{
		for (int d = 0; d < NA_NDERIVED; d++)
			if (stores[d] != NULL && tuplestore_tuple_count(stores[d]) > 0)
			{
				write_store(rels[d], stores[d], plans->table_desc[d]);
				CommandCounterIncrement();
			}
	}
	close_derived(rels);
	return direct;
}

/*
 * Rows written while parallel workers analyse (track_writer_begin): the
 * tables open at once in one after-trigger query that ends out of parallel
 * mode.
 */
struct track_writer
{
	Relation	rels[NA_NDERIVED];
	table_writer tables[NA_NDERIVED];	/* those track_writer_writes */
	/* rows the toaster may move out of line (which needs an OID, refused in parallel mode) */
	List	   *deferred[NA_NDERIVED];
	MemoryContext ctx;
	bool		speakers;		/* the speakers too (registry_fed_directly) */
	na_people_batch *people;	/* their registry's batch, NULL where none is kept up */
	char	   *registry;		/* the registry table (the trigger's argument) */
};

/*
 * Does writing rel in parallel mode run only PostgreSQL's own code: no
 * CHECK constraint, trigger or index expression of a user (a function
 * that is not parallel safe would fail, or worse), only B-tree indexes
 * on plain columns (what track() makes)?
 */
static bool
safe_in_parallel_mode(const table_writer *w)
{
	TriggerDesc *triggers = w->rel->trigdesc;

	if (w->check_all)
		return false;
	if (triggers != NULL)
		for (int t = 0; t < triggers->numtriggers; t++)
			if (strncmp(triggers->triggers[t].tgname, "news_analysis_", 14) != 0)
				return false;
	for (int i = 0; i < w->rri->ri_NumIndices; i++)
	{
		IndexInfo  *index = w->rri->ri_IndexRelationInfo[i];

		if (w->rri->ri_IndexRelationDescs[i]->rd_rel->relam != BTREE_AM_OID ||
			index->ii_Expressions != NIL || index->ii_Predicate != NIL ||
			index->ii_ExclusionOps != NULL)
			return false;
	}
	return true;
}

/*
 * May the speakers be written while workers analyse, the people registry
 * fed by the writer itself?  Its trigger (people_added, AFTER INSERT FOR
 * EACH STATEMENT with a transition table) cannot take them: PostgreSQL
 * keeps a transition table in the memory of the (sub)transaction writing
 * it, and a chunk analysed in lenient mode is in a subtransaction of its
 * own, whose memory stays until the transaction ends (a COPY of 200,000
 * articles grew by 48 MB).  So where the table's INSERT triggers are only
 * track()'s (the restore trigger, which does nothing while the analysis
 * writes, and people_added as track() makes it), the writer fires neither
 * and does what people_added would (na_people_batch, in the writer's own
 * memory): the speakers' keys made as their rows come, counted while the
 * workers exit, written once parallel mode ended.  *registry: the
 * registry table, or NULL where people_added would not fire (disabled,
 * or not for this session_replication_role).  Otherwise the speakers are
 * written with the chunk's other pending rows (track_write_rows), after
 * its subtransaction, and the trigger keeps the registry up.
 */
static bool
registry_fed_directly(Relation rel, const char **registry)
{
	TriggerDesc *triggers = rel->trigdesc;

	*registry = NULL;
	for (int t = 0; triggers != NULL && t < triggers->numtriggers; t++)
	{
		const Trigger *trigger = &triggers->triggers[t];
		char	   *function;
		char	   *schema;
		bool		fires;

		if (!TRIGGER_FOR_INSERT(trigger->tgtype))
			continue;
		if (strcmp(trigger->tgname, RESTORE_TRIGGER) == 0 &&
			TRIGGER_TYPE_MATCHES(trigger->tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_BEFORE,
								 TRIGGER_TYPE_INSERT))
			continue;
		if (strcmp(trigger->tgname, PEOPLE_ADDED_TRIGGER) != 0 ||
			!TRIGGER_TYPE_MATCHES(trigger->tgtype, TRIGGER_TYPE_STATEMENT, TRIGGER_TYPE_AFTER,
								  TRIGGER_TYPE_INSERT) ||
			trigger->tgnargs != 1 || trigger->tgnewtable == NULL || trigger->tgqual != NULL)
			return false;
		function = get_func_name(trigger->tgfoid);
		schema = get_namespace_name(get_func_namespace(trigger->tgfoid));
		if (function == NULL || schema == NULL || strcmp(function, "people_added") != 0 ||
			strcmp(schema, "news_analysis") != 0)
			return false;
		/* when PostgreSQL fires a trigger (trigger.c's TriggerEnabled) */
		if (SessionReplicationRole == SESSION_REPLICATION_ROLE_REPLICA)
			fires = trigger->tgenabled == TRIGGER_FIRES_ON_REPLICA ||
				trigger->tgenabled == TRIGGER_FIRES_ALWAYS;
		else
			fires = trigger->tgenabled == TRIGGER_FIRES_ON_ORIGIN ||
				trigger->tgenabled == TRIGGER_FIRES_ALWAYS;
		if (fires)
			*registry = trigger->tgargs[0];
	}
	return true;
}

bool
track_writer_writes(const track_writer *tw, na_derived_kind kind)
{
	return kind != NA_DERIVED_SPEAKERS || tw->speakers;
}

/*
 * Opens the tables the writer writes for rows put while parallel workers
 * analyse, or NULL where they must take the usual way (see track_pg.h).
 */
track_writer *
track_writer_begin(const track_config *config, const track_plans *plans, int articles)
{
	track_writer *tw;
	MemoryContext ctx;
	MemoryContext oldctx;
	bool		safe = true;

	if (config->logical_source != config->source)
		return NULL;
	/* everything of the writer lives here, and goes when it ends */
	ctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis writer", ALLOCSET_DEFAULT_SIZES);
	oldctx = MemoryContextSwitchTo(ctx);
	tw = palloc0(sizeof(track_writer));
	tw->ctx = ctx;
	safe = open_derived(config, plans, tw->rels);
	if (safe)
	{
		const char *registry;

		tw->speakers = registry_fed_directly(tw->rels[NA_DERIVED_SPEAKERS], &registry);
		/* parallel mode refuses to assign a transaction ID: take it now */
		(void) GetCurrentTransactionId();
		AfterTriggerBeginQuery();
		for (int d = 0; d < NA_NDERIVED; d++)
			if (track_writer_writes(tw, (na_derived_kind) d))
			{
				table_writer_begin(&tw->tables[d], tw->rels[d], plans->table_desc[d], &TTSOpsHeapTuple,
								   d != NA_DERIVED_SPEAKERS);
				safe &= safe_in_parallel_mode(&tw->tables[d]);
			}
		if (!safe)
		{
			/* nothing was written nor fired: the query ends with nothing to fire */
			AfterTriggerEndQuery(tw->tables[NA_DERIVED_QUOTES].estate);
			for (int d = 0; d < NA_NDERIVED; d++)
				if (track_writer_writes(tw, (na_derived_kind) d))
					table_writer_close(&tw->tables[d]);
		}
		else if (tw->speakers && registry != NULL)
		{
			/*
			 * (room for about as many distinct names as BBC's articles
			 * have: 4,041 in 2,225, of 6,488 speakers; the cache grows)
			 */
			tw->people = na_people_batch_begin(tw->rels[NA_DERIVED_SPEAKERS], (int64) articles * 2);
			tw->registry = pstrdup(registry);
		}
	}
	if (!safe)
	{
		close_derived(tw->rels);
		MemoryContextSwitchTo(oldctx);
		MemoryContextDelete(ctx);
		return NULL;
	}
	for (int d = 0; d < NA_NDERIVED; d++)
		if (track_writer_writes(tw, (na_derived_kind) d) && tw->tables[d].statement_triggers)
			ExecBSInsertTriggers(tw->tables[d].estate, tw->tables[d].rri);
	MemoryContextSwitchTo(oldctx);
	return tw;
}

void
track_writer_put(track_writer *tw, na_derived_kind kind, HeapTuple row, bool owned,
				 const na_person_key *person_key)
{
	table_writer *w = &tw->tables[kind];

	Assert(track_writer_writes(tw, kind));
	if (kind == NA_DERIVED_SPEAKERS && tw->people != NULL)
		na_people_batch_add(tw->people, row, person_key);
	if (!owned)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(tw->ctx);

		row = heap_copytuple(row);
		MemoryContextSwitchTo(oldctx);
	}
	if (IsInParallelMode() && (HeapTupleHasExternal(row) || row->t_len > TOAST_TUPLE_THRESHOLD))
	{
		MemoryContext oldctx = MemoryContextSwitchTo(tw->ctx);

		tw->deferred[kind] = lappend(tw->deferred[kind], row);
		MemoryContextSwitchTo(oldctx);
		return;
	}
	/* the slot frees the row when the next one takes its place */
	ExecStoreHeapTuple(row, table_writer_slot(w), true);
	table_writer_filled(w, row->t_len);
}

/*
 * The workers sent everything and are exiting, parallel mode not yet
 * ended: what needs no statement of its own is done while the backend would
 * wait for their exit (3-4 ms on BBC, in a build that logs the steps): the
 * last partial batch of each table, written as the batches before it were
 * while the workers analysed, and the registry's count of the speakers
 * (which writes nothing).  The rows held back for the toaster, the AFTER
 * triggers and the registry's writes wait for parallel mode to end.
 */
void
track_writer_drained(track_writer *tw)
{
	for (int d = 0; d < NA_NDERIVED; d++)
		if (track_writer_writes(tw, (na_derived_kind) d))
			table_writer_flush(&tw->tables[d]);
	if (tw->people != NULL)
		na_people_batch_count(tw->people);
}

/*
 * Once parallel mode ended: the rows held back for the toaster, the last
 * batches, and the AFTER triggers, which may run statements now.
 */
void
track_writer_end(track_writer *tw)
{
	MemoryContext oldctx = MemoryContextSwitchTo(tw->ctx);
	ListCell   *lc;

	Assert(!IsInParallelMode());
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		table_writer *w = &tw->tables[d];

		if (!track_writer_writes(tw, (na_derived_kind) d))
			continue;
		foreach(lc, tw->deferred[d])
		{
			HeapTuple	row = (HeapTuple) lfirst(lc);

			ExecStoreHeapTuple(row, table_writer_slot(w), true);
			table_writer_filled(w, row->t_len);
		}
		list_free(tw->deferred[d]);
		tw->deferred[d] = NIL;
		table_writer_finish(w);
	}
	AfterTriggerEndQuery(tw->tables[NA_DERIVED_QUOTES].estate);
	/* what the registry's trigger would have done after the speakers' statement */
	if (tw->people != NULL)
	{
		na_people_batch_write(tw->people, tw->registry);
		na_people_batch_end(tw->people);
		tw->people = NULL;
	}
	for (int d = 0; d < NA_NDERIVED; d++)
		if (track_writer_writes(tw, (na_derived_kind) d))
			table_writer_close(&tw->tables[d]);
	close_derived(tw->rels);
	CommandCounterIncrement();
	MemoryContextSwitchTo(oldctx);
	MemoryContextDelete(tw->ctx);
}
