/*
 * people_upsert_pg.c - the keys a statement's speakers add to the people
 * registry <table>_names, written as its INSERT ... ON CONFLICT DO UPDATE
 * writes them (people_registry_pg.c's statement), without the statement.
 *
 * Why: that statement was three quarters of the registry's upkeep, which
 * was a sixth of a tracked COPY's trigger path: per key its executor paid
 * a look into the primary key before inserting (ExecCheckIndexConstraints),
 * a projection of the proposed row, NOT NULL checks and the sort of the
 * keys under the collation.  Here the keys come sorted and counted from C,
 * and a key that the previous one shows to be new (a table filling up),
 * or the first key of a registry without rows, goes straight to the
 * speculative insertion; a conflict there, a key after one that was there
 * and the first key of a registry with rows take the look first, as the
 * statement does.
 *
 * The protocol is the executor's for INSERT ... ON CONFLICT DO UPDATE
 * (nodeModifyTable.c, ExecInsert and ExecOnConflictUpdate), so concurrent
 * writers behave as with the statement: a key is inserted speculatively
 * under a speculative insertion lock, its index entry checked without
 * waiting (UNIQUE_CHECK_PARTIAL) and the insertion taken back on a
 * conflict; a key there is locked (FOR NO KEY UPDATE, waiting for its
 * writer), and a key updated or deleted meanwhile starts over; keys go in
 * the key column's order, the order people_removed() locks them in.  The
 * new values are the statement's SET list computed in C.
 *
 * Only where the statement would do exactly that: READ COMMITTED (the
 * statement raises serialization failures under REPEATABLE READ and
 * SERIALIZABLE), the table as attach_people() makes it (its columns, its
 * primary key as its only index, no CHECK constraint, rule, row security
 * or trigger but its restore trigger, which does not fire within a
 * trigger, deterministic collations), a writer with the privileges the
 * statement needs, every key with a count of quotes (a NULL makes the
 * statement fail on NOT NULL).  Anything else runs the statement.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/regproc.h"
#include "utils/snapmgr.h"
#include "utils/varlena.h"

#include "btree_aim_pg.h"
#include "people_pg.h"

/* The registry table's columns, as attach_people() makes them. */
enum
{
	COL_KEY, COL_SURNAME, COL_NAME, COL_ALIASES, COL_MALE, COL_FEMALE, COL_ROLES,
	COL_AFFILIATIONS, COL_ARTICLES, COL_QUOTES, COL_FIRST_SEEN, COL_LAST_SEEN, NCOLUMNS
};

static const struct
{
	const char *name;
	Oid			type;
}			registry_columns[NCOLUMNS] = {
	{"key", TEXTOID}, {"surname", TEXTOID}, {"name", TEXTOID}, {"aliases", TEXTARRAYOID},
	{"male", INT4OID}, {"female", INT4OID}, {"roles", TEXTARRAYOID},
	{"affiliations", TEXTARRAYOID}, {"articles", INT4OID}, {"quotes", INT4OID},
	{"first_seen", TIMESTAMPTZOID}, {"last_seen", TIMESTAMPTZOID}
};

/*
 * A statement's keys written in bulk from this many (a loader's statement;
 * see bulk_begin), and rows given to table_multi_insert this many at a
 * time (about 10 kB of registry rows: a page or two a WAL record, and
 * little memory a fresh backend pays a page fault for; 256 touched 46
 * more pages for no fewer instructions).
 */
#define BULK_MIN_KEYS 64
#define BULK_ROWS 64

/* The registry table's BEFORE INSERT trigger (attach_people): WHEN pg_trigger_depth() = 0. */
#define RESTORE_TRIGGER "news_analysis_people_restore"

typedef struct registry_writer
{
	Relation	rel;
	EState	   *estate;
	ResultRelInfo *rri;
	List	   *arbiters;		/* the primary key */
	CommandId	cid;
	Snapshot	snapshot;
	TransactionId xid;
	uint32		token;			/* the speculative insertion lock held, or 0 */
	TupleTableSlot *proposed;	/* the row the statement would insert */
	TupleTableSlot *existing;	/* the row there, locked */
	TupleTableSlot *updated;
	Datum		now;
	/* the bulk write (see bulk_begin): new keys' rows waiting for table_multi_insert */
	bool		bulk;
	MemoryContext bulk_ctx;
	TupleTableSlot *bulk_slots[BULK_ROWS];
	const na_counted_key *bulk_keys[BULK_ROWS];
	int			nbulk;
	na_btree_aim bulk_aim;		/* the key's entries aimed at the rightmost leaf (btree_aim_pg.c) */
} registry_writer;

/* Does rel take the writer's rows as it would the statement's (see the file's comment)? */
static bool
table_as_made(Relation rel)
{
	TupleDesc	desc = RelationGetDescr(rel);
	List	   *indexes;
	bool		only_key;

	if (rel->rd_rel->relkind != RELKIND_RELATION || rel->rd_rel->relrowsecurity ||
		rel->rd_rules != NULL || desc->natts != NCOLUMNS ||
		(desc->constr != NULL && (desc->constr->num_check > 0 || desc->constr->has_generated_stored)))
		return false;
	for (int a = 0; a < NCOLUMNS; a++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, a);

		if (att->attisdropped || att->atttypid != registry_columns[a].type ||
			strcmp(NameStr(att->attname), registry_columns[a].name) != 0 ||
			(OidIsValid(att->attcollation) && !get_collation_isdeterministic(att->attcollation)))
			return false;
	}
	if (rel->trigdesc != NULL)
		for (int t = 0; t < rel->trigdesc->numtriggers; t++)
		{
			const Trigger *trigger = &rel->trigdesc->triggers[t];

			if (strcmp(trigger->tgname, RESTORE_TRIGGER) != 0 ||
				!TRIGGER_TYPE_MATCHES(trigger->tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_BEFORE,
									  TRIGGER_TYPE_INSERT) ||
				TRIGGER_FOR_UPDATE(trigger->tgtype) || trigger->tgqual == NULL)
				return false;
		}
	indexes = RelationGetIndexList(rel);
	only_key = list_length(indexes) == 1 && linitial_oid(indexes) == rel->rd_pkindex;
	list_free(indexes);
	return only_key;
}

/* Is the opened primary key a plain unique B-tree on the key alone? */
static bool
key_index_as_made(ResultRelInfo *rri)
{
	IndexInfo  *info;
	Relation	index;

	if (rri->ri_NumIndices != 1)
		return false;
	info = rri->ri_IndexRelationInfo[0];
	index = rri->ri_IndexRelationDescs[0];
	return index->rd_rel->relam == BTREE_AM_OID && info->ii_Unique &&
		index->rd_index->indimmediate && info->ii_NumIndexAttrs == 1 &&
		info->ii_IndexAttrNumbers[0] == COL_KEY + 1 && info->ii_Expressions == NIL &&
		info->ii_Predicate == NIL && info->ii_ExclusionOps == NULL;
}

/* Opens the registry names for the writer, or false (nothing written) where the statement must run. */
static bool
registry_writer_begin(registry_writer *w, const char *names)
{
	RangeVar   *rv = makeRangeVarFromNameList(stringToQualifiedNameList(names));
	RangeTblEntry *rte;
	Relation	rel;

	if (IsolationUsesXactSnapshot())
		return false;
	rel = table_openrv(rv, RowExclusiveLock);
	if (!table_as_made(rel) ||
		pg_class_aclcheck(RelationGetRelid(rel), GetUserId(),
						  ACL_INSERT | ACL_UPDATE | ACL_SELECT) != ACLCHECK_OK)
	{
		table_close(rel, NoLock);
		return false;
	}
	memset(w, 0, sizeof(*w));
	w->rel = rel;
	w->estate = CreateExecutorState();
	w->rri = makeNode(ResultRelInfo);
	rte = makeNode(RangeTblEntry);
	rte->rtekind = RTE_RELATION;
	rte->relid = RelationGetRelid(rel);
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	ExecInitRangeTable(w->estate, list_make1(rte));
	ExecInitResultRelation(w->estate, w->rri, 1);
	ExecOpenIndices(w->rri, true);
	if (!key_index_as_made(w->rri))
	{
		ExecCloseResultRelations(w->estate);
		ExecCloseRangeTableRelations(w->estate);
		FreeExecutorState(w->estate);
		table_close(rel, NoLock);
		return false;
	}
	/* the statement's errors where it would raise them (a publication without replica identity) */
	CheckValidResultRel(w->rri, CMD_INSERT);
	w->arbiters = list_make1_oid(RelationGetRelid(w->rri->ri_IndexRelationDescs[0]));

	/* as SPI runs the statement: a command of its own, and a snapshot taken after it */
	CommandCounterIncrement();
	w->cid = GetCurrentCommandId(true);
	PushActiveSnapshot(GetTransactionSnapshot());
	w->snapshot = GetActiveSnapshot();
	w->estate->es_snapshot = w->snapshot;
	w->estate->es_output_cid = w->cid;
	w->xid = GetCurrentTransactionId();
	w->now = TimestampTzGetDatum(GetCurrentTransactionStartTimestamp());
	w->proposed = ExecInitExtraTupleSlot(w->estate, RelationGetDescr(rel), &TTSOpsHeapTuple);
	w->updated = ExecInitExtraTupleSlot(w->estate, RelationGetDescr(rel), &TTSOpsVirtual);
	w->existing = ExecInitExtraTupleSlot(w->estate, RelationGetDescr(rel), table_slot_callbacks(rel));
	return true;
}

/* What registry_writer_begin took: its snapshot, slots, executor state and relation. */
static void
registry_writer_end(registry_writer *w)
{
	PopActiveSnapshot();
	ExecResetTupleTable(w->estate->es_tupleTable, false);
	ExecCloseResultRelations(w->estate);
	ExecCloseRangeTableRelations(w->estate);
	FreeExecutorState(w->estate);
	/* the lock is kept until the end of the transaction, as the statement's */
	table_close(w->rel, NoLock);
}

/* An integer column's value from a bigint sum, with the error of the statement's int8 to int4 cast. */
static Datum
int4_value(int64 value)
{
	if (unlikely(value < PG_INT32_MIN || value > PG_INT32_MAX))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("integer out of range")));
	return Int32GetDatum((int32) value);
}

/*
 * The row the statement proposes for key (VALUES of its INSERT), formed
 * once: the heap takes it as it is.
 */
static void
propose(registry_writer *w, const na_counted_key *key, TupleTableSlot *slot)
{
	Datum		values[NCOLUMNS];
	bool		nulls[NCOLUMNS] = {false};

	values[COL_KEY] = PointerGetDatum(key->key);
	values[COL_SURNAME] = PointerGetDatum(na_person_surname_text(key->key));
	values[COL_NAME] = PointerGetDatum(key->name);
	values[COL_ALIASES] = na_counted_aliases(key);
	values[COL_MALE] = int4_value(key->male);
	values[COL_FEMALE] = int4_value(key->female);
	values[COL_ROLES] = na_counted_roles(key);
	values[COL_AFFILIATIONS] = na_counted_affiliations(key);
	values[COL_ARTICLES] = int4_value(key->articles);
	values[COL_QUOTES] = int4_value(key->quotes);
	values[COL_FIRST_SEEN] = w->now;
	values[COL_LAST_SEEN] = w->now;
	ExecStoreHeapTuple(heap_form_tuple(RelationGetDescr(w->rel), values, nulls), slot, true);
}

/* The collation a text comparison of texts[] sorts under (set by merge_texts). */
static Oid	merge_collation;

static int
text_datum_order(const void *a, const void *b)
{
	const text *x = DatumGetTextPP(*(const Datum *) a);
	const text *y = DatumGetTextPP(*(const Datum *) b);

	return varstr_cmp(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(y),
					  merge_collation);
}

static bool
same_text(Datum a, Datum b)
{
	const text *x = DatumGetTextPP(a);
	const text *y = DatumGetTextPP(b);

	return VARSIZE_ANY_EXHDR(x) == VARSIZE_ANY_EXHDR(y) &&
		memcmp(VARDATA_ANY(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(x)) == 0;
}

/*
 * The statement's CASE WHEN added <@ there THEN there ELSE (SELECT
 * array_agg(DISTINCT x ORDER BY x) FROM unnest(there || added) x) END for
 * text arrays under collation (deterministic: equal is equal bytes; a NULL
 * element of there, which added never has, stays one, last).
 */
static Datum
merge_texts(Datum there, Datum added, Oid collation)
{
	Datum	   *old;
	bool	   *old_nulls;
	int			nold;
	Datum	   *new;
	int			nnew;
	Datum	   *all;
	int			nall = 0;
	int			count = 0;
	bool		any_null = false;
	bool		contained = true;
	int			dims[1];
	int			lbs[1] = {1};
	bool	   *nulls;

	deconstruct_array(DatumGetArrayTypeP(there), TEXTOID, -1, false, TYPALIGN_INT,
					  &old, &old_nulls, &nold);
	deconstruct_array(DatumGetArrayTypeP(added), TEXTOID, -1, false, TYPALIGN_INT,
					  &new, NULL, &nnew);
	for (int i = 0; i < nnew && contained; i++)
	{
		bool		found = false;

		for (int j = 0; j < nold && !found; j++)
			found = !old_nulls[j] && same_text(new[i], old[j]);
		contained = found;
	}
	if (contained)
		return there;
	all = palloc(sizeof(Datum) * (nold + nnew + 1));
	for (int j = 0; j < nold; j++)
	{
		if (old_nulls[j])
			any_null = true;
		else
			all[nall++] = old[j];
	}
	for (int i = 0; i < nnew; i++)
		all[nall++] = new[i];
	merge_collation = collation;
	qsort(all, nall, sizeof(Datum), text_datum_order);
	for (int i = 0; i < nall; i++)
		if (count == 0 || !same_text(all[count - 1], all[i]))
			all[count++] = all[i];
	nulls = palloc0(sizeof(bool) * (count + 1));
	if (any_null)
	{
		nulls[count] = true;
		all[count++] = (Datum) 0;
	}
	dims[0] = count;
	return PointerGetDatum(construct_md_array(all, nulls, 1, dims, lbs, TEXTOID, -1, false,
											  TYPALIGN_INT));
}

/* lower(name) under collation equals the key without its gender tag (split_part(key, ' (', 1))? */
static bool
spells_key(text *name, const text *key, Oid collation)
{
	const char *k = VARDATA_ANY(key);
	int			klen = VARSIZE_ANY_EXHDR(key);
	text	   *lowered;

	for (int i = 0; i + 1 < klen; i++)
		if (k[i] == ' ' && k[i + 1] == '(')
		{
			klen = i;
			break;
		}
	lowered = DatumGetTextPP(DirectFunctionCall1Coll(lower, collation, PointerGetDatum(name)));
	return (int) VARSIZE_ANY_EXHDR(lowered) == klen && memcmp(VARDATA_ANY(lowered), k, klen) == 0;
}

static int
char_length(text *t)
{
	return pg_mbstrlen_with_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

/* The statement's SET list: the locked row there with key's counts added, into w->updated. */
static void
merged_row(registry_writer *w, const na_counted_key *key)
{
	TupleDesc	desc = RelationGetDescr(w->rel);
	TupleTableSlot *there = w->existing;
	TupleTableSlot *slot = w->updated;
	text	   *there_key;
	text	   *there_name;
	text	   *name;
	bool		there_is_key;
	Oid			name_collation = TupleDescAttr(desc, COL_NAME)->attcollation;

	slot_getallattrs(there);
	for (int a = 0; a < NCOLUMNS; a++)
		if (there->tts_isnull[a])
			elog(ERROR, "news_analysis: column \"%s\" of a people registry row is NULL",
				 registry_columns[a].name);
	ExecClearTuple(slot);
	memcpy(slot->tts_values, there->tts_values, sizeof(Datum) * NCOLUMNS);
	memset(slot->tts_isnull, 0, sizeof(bool) * NCOLUMNS);

	there_key = DatumGetTextPP(there->tts_values[COL_KEY]);
	there_name = DatumGetTextPP(there->tts_values[COL_NAME]);
	/*
	 * The order key_spelling (people_registry_pg.c) picks a statement's
	 * spelling in, so that a key's name depends on the spellings seen, not
	 * on the statements or writes they came in.
	 */
	there_is_key = spells_key(there_name, there_key, name_collation);
	if (there_is_key != spells_key(key->name, there_key, name_collation))
		name = there_is_key ? there_name : key->name;
	else if (char_length(key->name) != char_length(there_name))
		name = char_length(key->name) > char_length(there_name) ? key->name : there_name;
	else
		name = varstr_cmp(VARDATA_ANY(key->name), VARSIZE_ANY_EXHDR(key->name), VARDATA_ANY(there_name),
						  VARSIZE_ANY_EXHDR(there_name), name_collation) < 0 ? key->name : there_name;
	slot->tts_values[COL_NAME] = PointerGetDatum(name);
	slot->tts_values[COL_ALIASES] =
		merge_texts(there->tts_values[COL_ALIASES], na_counted_aliases(key),
					TupleDescAttr(desc, COL_ALIASES)->attcollation);
	slot->tts_values[COL_ROLES] =
		merge_texts(there->tts_values[COL_ROLES], na_counted_roles(key),
					TupleDescAttr(desc, COL_ROLES)->attcollation);
	slot->tts_values[COL_AFFILIATIONS] =
		merge_texts(there->tts_values[COL_AFFILIATIONS], na_counted_affiliations(key),
					TupleDescAttr(desc, COL_AFFILIATIONS)->attcollation);
	slot->tts_values[COL_MALE] = int4_value(DatumGetInt32(there->tts_values[COL_MALE]) + key->male);
	slot->tts_values[COL_FEMALE] = int4_value(DatumGetInt32(there->tts_values[COL_FEMALE]) + key->female);
	slot->tts_values[COL_ARTICLES] =
		int4_value(DatumGetInt32(there->tts_values[COL_ARTICLES]) + key->articles);
	slot->tts_values[COL_QUOTES] = int4_value(DatumGetInt32(there->tts_values[COL_QUOTES]) + key->quotes);
	slot->tts_values[COL_LAST_SEEN] = w->now;
	ExecStoreVirtualTuple(slot);
}

/*
 * ExecOnConflictUpdate's part: lock the row at conflict, add key's counts
 * to it.  TM_Updated or TM_Deleted when it was updated or deleted
 * meanwhile (start over), TM_WouldBlock when another holds a lock on it
 * and wait is LockWaitSkip (nothing done).
 */
static TM_Result
update_there(registry_writer *w, const na_counted_key *key, ItemPointer conflict, LockWaitPolicy wait)
{
	TM_FailureData tmfd;
	TM_Result	result;
	LockTupleMode lockmode;
	bool		update_indexes;

	result = table_tuple_lock(w->rel, conflict, w->snapshot, w->existing, w->cid,
							  LockTupleNoKeyExclusive, wait, 0, &tmfd);
	switch (result)
	{
		case TM_Ok:
			break;
		case TM_WouldBlock:
			return result;
		case TM_Invisible:
			{
				bool		isnull;
				TransactionId xmin =
					DatumGetTransactionId(slot_getsysattr(w->existing, MinTransactionIdAttributeNumber,
														  &isnull));

				if (TransactionIdIsCurrentTransactionId(xmin))
					ereport(ERROR,
							(errcode(ERRCODE_CARDINALITY_VIOLATION),
							 errmsg("%s command cannot affect row a second time", "ON CONFLICT DO UPDATE"),
							 errhint("Ensure that no rows proposed for insertion within the same command have duplicate constrained values.")));
				elog(ERROR, "attempted to lock invisible tuple");
			}
			break;
		case TM_SelfModified:
			elog(ERROR, "unexpected self-updated tuple");
			break;
		case TM_Updated:
		case TM_Deleted:
			ExecClearTuple(w->existing);
			return result;
		default:
			elog(ERROR, "unrecognized table_tuple_lock status: %u", result);
	}
	/* an update of a table published without replica identity fails as the statement's */
	CheckCmdReplicaIdentity(w->rel, CMD_UPDATE);
	merged_row(w, key);
	result = table_tuple_update(w->rel, &w->existing->tts_tid, w->updated, w->cid, w->snapshot,
								InvalidSnapshot, true, &tmfd, &lockmode, &update_indexes);
	if (result != TM_Ok)
		elog(ERROR, "news_analysis: a locked people registry row could not be updated (status %u)",
			 result);
	if (update_indexes)
		list_free(ExecInsertIndexTuples(w->rri, w->updated, w->estate, true, false, NULL, NIL));
	ExecClearTuple(w->existing);
	return TM_Ok;
}

/*
 * Others who wait for a speculative insertion of ours (they found its
 * tuple) wait on its token until released.  One token serves a run of
 * keys inserted one after the other: nothing the run does waits for
 * another transaction (the index entry is checked without waiting), and
 * the token is released before anything that waits (a look into the key,
 * a row lock) and as soon as an insertion is taken back.
 */
static void
release_token(registry_writer *w)
{
	if (w->token != 0)
	{
		SpeculativeInsertionLockRelease(w->xid);
		w->token = 0;
	}
}

/*
 * ExecInsert's speculative insertion of the proposed row: true when it went
 * in, false (taken back) when another row holds its key.  The key's index
 * entry goes in as ExecInsertIndexTuples puts an arbiter index's: a check
 * of the unique key that does not wait (UNIQUE_CHECK_PARTIAL), its "not
 * unique" the conflict.
 */
static bool
insert_new(registry_writer *w, const na_counted_key *key)
{
	Datum		values[1] = {PointerGetDatum(key->key)};
	bool		isnull[1] = {false};
	bool		unique;

	if (w->token == 0)
		w->token = SpeculativeInsertionLockAcquire(w->xid);
	table_tuple_insert_speculative(w->rel, w->proposed, w->cid, 0, NULL, w->token);
	unique = index_insert(w->rri->ri_IndexRelationDescs[0], values, isnull, &w->proposed->tts_tid,
						  w->rel, UNIQUE_CHECK_PARTIAL, false, w->rri->ri_IndexRelationInfo[0]);
	table_tuple_complete_speculative(w->rel, w->proposed, w->token, unique);
	if (!unique)
		release_token(w);
	return unique;
}

/* Counted keys in the order of the key column's collation (sorted by bytes already, mostly). */
static Oid	key_collation;

static int
key_order(const void *a, const void *b)
{
	const text *x = (*(na_counted_key *const *) a)->key;
	const text *y = (*(na_counted_key *const *) b)->key;

	return varstr_cmp(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x), VARDATA_ANY(y), VARSIZE_ANY_EXHDR(y),
					  key_collation);
}

/*
 * May the keys be written in bulk?  Only while no other transaction can
 * write the registry: a ShareRowExclusiveLock, taken without waiting (it
 * conflicts with the RowExclusiveLock every writer of the table holds
 * until it ends, so it is granted only where no other transaction wrote
 * it and is still running), and only for a loader's statement (at least
 * BULK_MIN_KEYS keys: the lock blocks other writers of the table while it
 * is held, and it is a strong lock, which PostgreSQL's fast path for the
 * writers' own locks must check for).  Then no key can be inserted by
 * another meanwhile, so a new key needs no speculative insertion: its rows
 * go to table_multi_insert (one WAL record a page), then their index
 * entries; and an empty registry needs no look into its key.  Why: the
 * speculative insertion (a WAL record for the row and another to confirm
 * it, a look into the key inside the index insertion) was a third of the
 * registry's instructions in a tracked COPY of BBC (3,913 keys).  The lock
 * goes as the bulk write ends (bulk_end): from then on the rows are
 * another writer's uncommitted rows, which ON CONFLICT waits for as it
 * waits for a speculative insertion confirmed.
 */
static void
bulk_begin(registry_writer *w, int nkeys)
{
	if (nkeys < BULK_MIN_KEYS ||
		!ConditionalLockRelation(w->rel, ShareRowExclusiveLock))
		return;
	w->bulk = true;
	w->bulk_ctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis registry rows",
										ALLOCSET_DEFAULT_SIZES);
	for (int i = 0; i < Min(nkeys, BULK_ROWS); i++)
		w->bulk_slots[i] = ExecInitExtraTupleSlot(w->estate, RelationGetDescr(w->rel), &TTSOpsHeapTuple);
	/* keys in order: into an empty registry, every entry goes to the right */
	na_btree_aim_begin(&w->bulk_aim, w->rri->ri_IndexRelationDescs[0]);
}

/* The waiting rows into the table, then their keys into its primary key. */
static void
bulk_flush(registry_writer *w)
{
	Relation	index = w->rri->ri_IndexRelationDescs[0];
	IndexInfo  *info = w->rri->ri_IndexRelationInfo[0];

	if (w->nbulk == 0)
		return;
	table_multi_insert(w->rel, w->bulk_slots, w->nbulk, w->cid, 0, NULL);
	for (int i = 0; i < w->nbulk; i++)
	{
		Datum		values[1] = {PointerGetDatum(w->bulk_keys[i]->key)};
		bool		isnull[1] = {false};

		na_btree_aim_before(&w->bulk_aim);
		/* no other can hold the key: a check that would fail loudly, never wait */
		index_insert(index, values, isnull, &w->bulk_slots[i]->tts_tid, w->rel,
					 UNIQUE_CHECK_YES, false, info);
		na_btree_aim_after(&w->bulk_aim);
		ExecClearTuple(w->bulk_slots[i]);
	}
	w->nbulk = 0;
	MemoryContextReset(w->bulk_ctx);
}

/* The end of the bulk write: its rows written, the lock given back. */
static void
bulk_end(registry_writer *w)
{
	if (!w->bulk)
		return;
	bulk_flush(w);
	UnlockRelation(w->rel, ShareRowExclusiveLock);
	MemoryContextDelete(w->bulk_ctx);
	w->bulk = false;
}

/*
 * One key in the bulk write: a new key's row waits for bulk_flush; a key
 * there is updated.  False (nothing done) where its row is locked by
 * another transaction (SELECT ... FOR UPDATE): waiting for it while
 * holding the lock could deadlock, so the caller ends the bulk write and
 * takes the key as the statement would.
 */
static bool
bulk_put(registry_writer *w, const na_counted_key *key, bool look)
{
	for (;;)
	{
		TupleTableSlot *slot = w->bulk_slots[w->nbulk];
		ItemPointerData conflict;
		MemoryContext oldctx = MemoryContextSwitchTo(w->bulk_ctx);

		CHECK_FOR_INTERRUPTS();
		propose(w, key, slot);
		MemoryContextSwitchTo(oldctx);
		if (!look || ExecCheckIndexConstraints(w->rri, slot, w->estate, &conflict, w->arbiters))
		{
			w->bulk_keys[w->nbulk++] = key;
			if (w->nbulk == BULK_ROWS)
				bulk_flush(w);
			return true;
		}
		ExecClearTuple(slot);
		oldctx = MemoryContextSwitchTo(GetPerTupleMemoryContext(w->estate));
		switch (update_there(w, key, &conflict, LockWaitSkip))
		{
			case TM_Ok:
				MemoryContextSwitchTo(oldctx);
				ResetPerTupleExprContext(w->estate);
				return true;
			case TM_WouldBlock:
				MemoryContextSwitchTo(oldctx);
				return false;
			default:
				/* updated or deleted since it was found: look again */
				MemoryContextSwitchTo(oldctx);
				break;
		}
	}
}

/* One key as INSERT ... ON CONFLICT DO UPDATE takes it; *look_first: see na_people_upsert. */
static void
upsert_one(registry_writer *w, const na_counted_key *key, bool *look_first)
{
	MemoryContext oldctx = MemoryContextSwitchTo(GetPerTupleMemoryContext(w->estate));

	for (;;)
	{
		ItemPointerData conflict;

		CHECK_FOR_INTERRUPTS();
		propose(w, key, w->proposed);
		/* a key after one that was there is likely there too: look before inserting */
		if (*look_first)
			release_token(w);
		if (*look_first &&
			!ExecCheckIndexConstraints(w->rri, w->proposed, w->estate, &conflict, w->arbiters))
		{
			if (update_there(w, key, &conflict, LockWaitBlock) == TM_Ok)
				break;
			continue;
		}
		if (insert_new(w, key))
		{
			*look_first = false;
			break;
		}
		*look_first = true;
	}
	MemoryContextSwitchTo(oldctx);
	/* the proposed row lives in the memory reset here */
	ExecClearTuple(w->proposed);
	ResetPerTupleExprContext(w->estate);
}

bool
na_people_upsert(const char *names, na_counted_key **keys, int n)
{
	registry_writer w;
	bool		look_first = false;
	int			i = 0;

	for (int k = 0; k < n; k++)
		if (keys[k]->quotes_null)
			return false;
	if (!registry_writer_begin(&w, names))
		return false;
	key_collation = TupleDescAttr(RelationGetDescr(w.rel), COL_KEY)->attcollation;
	/*
	 * The keys come in the order of their bytes, which is the order of the
	 * key column as attach_people() makes it (COLLATE "C"): a look at each
	 * neighbour, not a sort (3% of the upsert's instructions on BBC).
	 */
	for (int k = 1; k < n; k++)
		if (key_order(&keys[k - 1], &keys[k]) > 0)
		{
			qsort(keys, n, sizeof(na_counted_key *), key_order);
			break;
		}
	/*
	 * The first key of a registry with rows is likely there: a look costs
	 * a third of a speculative insertion taken back (a one-row INSERT with
	 * a speaker seen before: 282,600 instructions without it).  (Counted
	 * after bulk_begin's lock: then no other can add a block.)
	 */
	bulk_begin(&w, n);
	look_first = RelationGetNumberOfBlocks(w.rel) > 0;
	if (w.bulk)
	{
		for (; i < n; i++)
			if (!bulk_put(&w, keys[i], look_first))
				break;
		bulk_end(&w);
	}
	for (; i < n; i++)
		upsert_one(&w, keys[i], &look_first);
	release_token(&w);
	registry_writer_end(&w);
	return true;
}
