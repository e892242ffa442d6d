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
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "parser/parsetree.h"
#include "utils/acl.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/regproc.h"
#include "utils/rls.h"

#include "track_pg.h"

/* Rows given to table_multi_insert at a time (COPY's MAX_BUFFERED_TUPLES). */
#define WRITE_BATCH 1000

/* The name track() gives the derived tables' BEFORE INSERT trigger. */
#define RESTORE_TRIGGER "news_analysis_restore"

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
	bool		should_free;
	MinimalTuple tuple = ExecFetchSlotMinimalTuple(slot, &should_free);
	int			natts = tuple->t_infomask2 & HEAP_NATTS_MASK;
	ListCell   *lc;

	Assert(!should_free);
	foreach(lc, not_null)
	{
		int			a = lfirst_int(lc);

		if (a >= natts || ((tuple->t_infomask & HEAP_HASNULL) && att_isnull(a, tuple->t_bits)))
			return false;
	}
	return true;
}

/*
 * The rows of store into rel, COPY's way (see the file's comment); rel is
 * open with RowExclusiveLock.  Errors as the INSERT would raise them.
 */
static void
write_store(Relation rel, Tuplestorestate *store, TupleDesc desc)
{
	EState	   *estate = CreateExecutorState();
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	ResultRelInfo *rri = makeNode(ResultRelInfo);
	TransitionCaptureState *capture;
	CommandId	cid = GetCurrentCommandId(true);
	BulkInsertState bistate = GetBulkInsertState();
	TupleTableSlot *slots[WRITE_BATCH];
	/* no more slots than rows: a one-row INSERT made and dropped 1,000 (490,000 instructions) */
	int			nslots = (int) Min(tuplestore_tuple_count(store), (int64) WRITE_BATCH);
	MemoryContext batchctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis write batch",
												   ALLOCSET_DEFAULT_SIZES);
	bool		more = true;
	bool		check_all;
	List	   *not_null = not_null_columns(rel, &check_all);

	rte->rtekind = RTE_RELATION;
	rte->relid = RelationGetRelid(rel);
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	rte->requiredPerms = ACL_INSERT;
	for (int a = 1; a <= desc->natts; a++)
		rte->insertedCols = bms_add_member(rte->insertedCols,
										   a - FirstLowInvalidHeapAttributeNumber);
	/* the privileges an INSERT of these columns needs, with its error */
	ExecCheckRTPerms(list_make1(rte), true);

	ExecInitRangeTable(estate, list_make1(rte));
	ExecInitResultRelation(estate, rri, 1);
	CheckValidResultRel(rri, CMD_INSERT);
	ExecOpenIndices(rri, false);

	AfterTriggerBeginQuery();
	capture = MakeTransitionCaptureState(rel->trigdesc, RelationGetRelid(rel), CMD_INSERT);
	ExecBSInsertTriggers(estate, rri);

	for (int i = 0; i < nslots; i++)
		slots[i] = MakeSingleTupleTableSlot(desc, &TTSOpsMinimalTuple);
	more = nslots > 0;
	tuplestore_rescan(store);
	while (more)
	{
		MemoryContext oldctx = MemoryContextSwitchTo(batchctx);
		int			n = 0;

		/* the stored tuples themselves (the store stays in memory and unchanged) */
		while (n < nslots)
		{
			if (!tuplestore_gettupleslot(store, true, false, slots[n]))
			{
				more = false;
				break;
			}
			if (check_all || (not_null != NIL && !has_not_nulls(slots[n], not_null)))
				ExecConstraints(rri, slots[n], estate);
			n++;
		}
		if (n > 0)
		{
			table_multi_insert(rel, slots, n, cid, 0, bistate);
			for (int i = 0; i < n; i++)
			{
				List	   *recheck = NIL;

				if (rri->ri_NumIndices > 0)
					recheck = ExecInsertIndexTuples(rri, slots[i], estate, false, false, NULL, NIL);
				ExecARInsertTriggers(estate, rri, slots[i], recheck, capture);
				list_free(recheck);
			}
		}
		MemoryContextSwitchTo(oldctx);
		ResetPerTupleExprContext(estate);
		MemoryContextReset(batchctx);
		CHECK_FOR_INTERRUPTS();
	}
	for (int i = 0; i < nslots; i++)
		ExecDropSingleTupleTableSlot(slots[i]);

	ExecASInsertTriggers(estate, rri, capture);
	AfterTriggerEndQuery(estate);
	/* the slots the AFTER triggers made hold pins on the table's row type */
	ExecResetTupleTable(estate->es_tupleTable, false);

	FreeBulkInsertState(bistate);
	table_finish_bulk_insert(rel, 0);
	/* (the result relation's indexes too) */
	ExecCloseResultRelations(estate);
	ExecCloseRangeTableRelations(estate);
	FreeExecutorState(estate);
	MemoryContextDelete(batchctx);
}

bool
track_write_rows(const track_config *config, const track_plans *plans, Tuplestorestate **stores)
{
	Relation	rels[NA_NDERIVED];
	bool		direct = true;

	/* a shard of a Citus table keeps the INSERT statement: Citus may want to see it */
	if (config->logical_source != config->source)
		return false;
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		RangeVar   *name = makeRangeVarFromNameList(stringToQualifiedNameList(config->derived[d]));

		rels[d] = table_openrv(name, RowExclusiveLock);
		direct &= writable_directly(rels[d], plans->table_desc[d]);
		/* without the right to insert, the statement raises its own error */
		direct &= pg_class_aclcheck(RelationGetRelid(rels[d]), GetUserId(), ACL_INSERT) == ACLCHECK_OK;
	}
	if (direct)
	{
		for (int d = 0; d < NA_NDERIVED; d++)
			if (stores[d] != NULL && tuplestore_tuple_count(stores[d]) > 0)
			{
				write_store(rels[d], stores[d], plans->table_desc[d]);
				CommandCounterIncrement();
			}
	}
	/* the locks are kept until the end of the transaction, as the INSERT's */
	for (int d = 0; d < NA_NDERIVED; d++)
		table_close(rels[d], NoLock);
	return direct;
}
