/*
 * track_pg.c - analyse on write: the triggers that keep a tracked table's
 * derived tables (quotes, speakers, vote events) in step with its text, and
 * the backfill of rows that were there before tracking began.
 *
 * news_analysis.track() (src/sql/40_track.sql) creates the derived tables and
 * attaches news_analysis.analyse_trigger() with six arguments:
 *   text column, key column, 'strict' or 'lenient',
 *   quotes table, speakers table, vote events table (schema-qualified, quoted)
 * Every name the trigger uses is schema-qualified, so a hostile search_path
 * cannot redirect it, and it runs with the privileges of whoever writes the
 * article.
 *
 * On a plain table INSERT and DELETE fire statement-level triggers with
 * transition tables: the rows a statement wrote are analysed in chunks (one
 * scan per row, na_analyse; parallel workers help with large chunks) and
 * each chunk's derived rows are written by one statement, so that a COPY of
 * thousands of articles pays the executor once per chunk, not once per row.
 * UPDATE fires a row-level trigger, and only when the text or the key is
 * set, so that updating other columns costs nothing.  A partitioned table
 * has row-level triggers only, because rows written straight into a
 * partition fire only those.  A row is then a chunk of one.
 *
 * In lenient mode an analysis error is contained by a subtransaction: the
 * article row stays, a WARNING is raised and the error is recorded in
 * news_analysis.failures.  A chunk is analysed in one subtransaction; only
 * when it fails are its rows analysed again one subtransaction each, to find
 * the failing ones.  Strict mode lets the error reject the statement.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
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

PG_FUNCTION_INFO_V1(na_analyse_trigger);
PG_FUNCTION_INFO_V1(na_analyse_ahead);
PG_FUNCTION_INFO_V1(na_analyse_inserted);
PG_FUNCTION_INFO_V1(na_analyse_existing);
PG_FUNCTION_INFO_V1(na_analyse_shard_row);
PG_FUNCTION_INFO_V1(na_analysis_writing);

/*
 * True while this backend's analysis inserts derived rows.  The derived
 * tables' restore trigger (news_analysis.skip_analysed_row) has the WHEN
 * clause NOT news_analysis.analysis_writing(), so that it costs the
 * analysis nothing and checks only rows written by others: a data-only
 * restore, whose rows the article trigger has already written.
 */
bool		track_writing_derived_rows = false;

#define TRIGGER_NAME "news_analysis_analyse"
#define INSERTED_TRIGGER_NAME "news_analysis_analyse_inserted"
#define TRIGGER_NARGS 6

static HTAB *plan_cache = NULL;

/*
 * Bumped when a type changes (the extension dropped and made again, say):
 * the composite types and their arrays the plans use may be gone.
 */
static uint64 plan_generation = 1;
static bool type_callback_registered = false;

static void
type_changed(Datum arg, int cacheid, uint32 hashvalue)
{
	(void) arg;
	(void) cacheid;
	(void) hashvalue;
	plan_generation++;
}

/* The document being analysed, for error context lines. */
char *
track_key_text(Oid key_type, Datum key)
{
	Oid			output;
	bool		varlena;

	getTypeOutputInfo(key_type, &output, &varlena);
	return OidOutputFunctionCall(output, key);
}

char *
track_qualified_table(Oid relid)
{
	char	   *name = get_rel_name(relid);

	if (name == NULL)
		return psprintf("with OID %u", relid);
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), name);
}

/*
 * The error context line naming the article being analysed (a row_context,
 * push_row_context), so that an error in the analysis says which row; none
 * while no article is (rc->has_key false).
 */
void
track_row_error_callback(void *arg)
{
	row_context *rc = (row_context *) arg;

	/* between articles (a cancel): no article to name */
	if (!rc->has_key)
		return;
	errcontext("news_analysis analysing the article with %s = %s of table %s",
			   quote_identifier(rc->config->key_column),
			   track_key_text(rc->key_type, rc->key),
			   track_qualified_table(rc->config->logical_source));
}

/* The trigger's arguments as a configuration; errors name the trigger. */
static void
config_from_trigger(track_config *config, Oid source, const Trigger *trigger)
{
	if (trigger->tgnargs != TRIGGER_NARGS)
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on table \"%s\" has %d arguments, news_analysis.analyse_trigger() needs %d",
						trigger->tgname, get_rel_name(source), trigger->tgnargs, TRIGGER_NARGS),
				 errhint("Create the trigger with news_analysis.track(), not by hand.")));
	config->source = source;
	config->logical_source = source;
	config->text_column = trigger->tgargs[0];
	config->key_column = trigger->tgargs[1];
	if (strcmp(trigger->tgargs[2], "strict") == 0)
		config->strict = true;
	else if (strcmp(trigger->tgargs[2], "lenient") == 0)
		config->strict = false;
	else
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\": mode must be \"strict\" or \"lenient\", not \"%s\"",
						trigger->tgname, trigger->tgargs[2])));
	for (int d = 0; d < NA_NDERIVED; d++)
		config->derived[d] = trigger->tgargs[3 + d];
}

/*
 * On a shard of a Citus distributed table the trigger's arguments name the
 * distributed derived tables: write into their shards colocated with this
 * one instead, and record failures under the distributed table.  Needs SPI.
 */
static void
config_for_shard(track_config *config, const Trigger *trigger)
{
	na_citus_shard shard;

	na_citus_shard_of_trigger(trigger->tgoid, trigger->tgname, config->derived, &shard);
	if (!shard.is_shard)
		return;
	config->logical_source = shard.logical;
	for (int d = 0; d < NA_NDERIVED; d++)
		config->derived[d] = shard.derived[d];
}

/* The row type news_analysis.<name>, found without the search_path. */
static TupleDesc
composite_desc(const char *name)
{
	Oid			nsp = get_namespace_oid("news_analysis", false);
	Oid			typid = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
										CStringGetDatum(name), ObjectIdGetDatum(nsp));

	if (!OidIsValid(typid))
		elog(ERROR, "type news_analysis.%s does not exist", name);
	return lookup_rowtype_tupdesc_copy(typid, -1);
}

/*
 * A plan kept for the session: the trigger runs once a statement (or row),
 * and planning the same statements again each time would cost more than the
 * analysis of a short article.
 */
static SPIPlanPtr
prepare_kept(const char *sql, int nargs, Oid *argtypes)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);

	if (plan == NULL)
		elog(ERROR, "news_analysis: SPI_prepare failed (%s) for: %s",
			 SPI_result_code_string(SPI_result), sql);
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "news_analysis: SPI_keepplan failed");
	return plan;
}

/*
 * Drops a table's cached plans and descriptors when a type changed or the
 * trigger's arguments differ (and after a failed build), keeping the
 * table's OID, the hash key, so that get_plans can rebuild the entry.
 */
static void
free_plans(track_plans *plans)
{
	if (plans->delete_plan)
		SPI_freeplan(plans->delete_plan);
	if (plans->insert_plan)
		SPI_freeplan(plans->insert_plan);
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		if (plans->row_desc[d])
			FreeTupleDesc(plans->row_desc[d]);
		if (plans->table_desc[d])
			FreeTupleDesc(plans->table_desc[d]);
	}
	if (plans->failure_plan)
		SPI_freeplan(plans->failure_plan);
	if (plans->truncate_plan)
		SPI_freeplan(plans->truncate_plan);
	if (plans->signature)
		pfree(plans->signature);
	memset(((char *) plans) + sizeof(Oid), 0, sizeof(track_plans) - sizeof(Oid));
}

/* The names under which the insert statement sees each table's new rows. */
static const char *const rows_relation_name[NA_NDERIVED] = {
	"news_analysis_quote_rows", "news_analysis_speaker_rows", "news_analysis_vote_event_rows"
};

/*
 * Show the rows of stores[d] (or no rows: NULL, to prepare the statement)
 * to the next statements of this SPI connection.
 */
void
track_register_rows(const track_plans *plans, Tuplestorestate **stores)
{
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		EphemeralNamedRelation enr = palloc0(sizeof(EphemeralNamedRelationData));

		enr->md.name = (char *) rows_relation_name[d];
		enr->md.reliddesc = InvalidOid;
		enr->md.tupdesc = plans->table_desc[d];
		enr->md.enrtype = ENR_NAMED_TUPLESTORE;
		enr->md.enrtuples = stores ? (double) tuplestore_tuple_count(stores[d]) : 0;
		enr->reldata = stores ? stores[d] : NULL;
		if (SPI_register_relation(enr) != SPI_OK_REL_REGISTER)
			elog(ERROR, "news_analysis: SPI_register_relation failed");
	}
}

void
track_unregister_rows(void)
{
	for (int d = 0; d < NA_NDERIVED; d++)
		SPI_unregister_relation(rows_relation_name[d]);
}

/*
 * The statements of a tracked table, each prepared when first needed (needs
 * SPI): a COPY into a new table needs none of them (its rows go straight
 * into the derived tables), and a loader that connects per file would
 * prepare them in every session (2 million instructions, a third of the
 * first one-row COPY's own).
 */

/* Delete every derived row of an array of keys, in one statement. */
SPIPlanPtr
track_delete_plan(track_plans *plans, const track_config *config)
{
	if (plans->delete_plan == NULL)
	{
		Oid			argtypes[1] = {plans->key_array_type};
		char	   *sql = psprintf("WITH q AS (DELETE FROM %s WHERE article_key OPERATOR(pg_catalog.=) ANY ($1)), "
								   "s AS (DELETE FROM %s WHERE article_key OPERATOR(pg_catalog.=) ANY ($1)) "
								   "DELETE FROM %s WHERE article_key OPERATOR(pg_catalog.=) ANY ($1)",
								   config->derived[NA_DERIVED_QUOTES], config->derived[NA_DERIVED_SPEAKERS],
								   config->derived[NA_DERIVED_VOTES]);

		plans->delete_plan = prepare_kept(sql, 1, argtypes);
		pfree(sql);
	}
	return plans->delete_plan;
}

/*
 * Insert a chunk's rows into the three tables, each from a tuplestore of
 * its rows, seen as an ephemeral named relation (as a trigger's transition
 * table is), registered when it runs (track_register_rows).
 */
SPIPlanPtr
track_insert_plan(track_plans *plans, const track_config *config)
{
	if (plans->insert_plan == NULL)
	{
		StringInfoData sql;

		initStringInfo(&sql);
		for (int d = 0; d < NA_NDERIVED; d++)
		{
			TupleDesc	desc = plans->row_desc[d];

			appendStringInfoString(&sql, d == 0 ? "WITH " : d < NA_NDERIVED - 1 ? ", " : " ");
			if (d < NA_NDERIVED - 1)
				appendStringInfo(&sql, "d%d AS (", d);
			appendStringInfo(&sql, "INSERT INTO %s (article_key", config->derived[d]);
			for (int a = 0; a < desc->natts; a++)
				appendStringInfo(&sql, ", %s",
								 quote_identifier(NameStr(TupleDescAttr(desc, a)->attname)));
			appendStringInfo(&sql, ") SELECT * FROM %s", rows_relation_name[d]);
			if (d < NA_NDERIVED - 1)
				appendStringInfoChar(&sql, ')');
		}
		/* (an error leaves them registered: it ends this SPI connection too) */
		track_register_rows(plans, NULL);
		plans->insert_plan = prepare_kept(sql.data, 0, NULL);
		track_unregister_rows();
		pfree(sql.data);
	}
	return plans->insert_plan;
}

/* Record a failure in news_analysis.failures. */
SPIPlanPtr
track_failure_plan(track_plans *plans)
{
	if (plans->failure_plan == NULL)
	{
		Oid			argtypes[6] = {OIDOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID};

		plans->failure_plan = prepare_kept(
			"INSERT INTO news_analysis.failures "
			"(source, source_table, article_key, sqlstate, message, detail) "
			"VALUES ($1, $2, $3, $4, $5, $6)", 6, argtypes);
	}
	return plans->failure_plan;
}

/* Empty the three derived tables (the TRUNCATE trigger's statement). */
static SPIPlanPtr
track_truncate_plan(track_plans *plans, const track_config *config)
{
	if (plans->truncate_plan == NULL)
	{
		char	   *sql = psprintf("TRUNCATE %s, %s, %s", config->derived[NA_DERIVED_QUOTES],
								   config->derived[NA_DERIVED_SPEAKERS], config->derived[NA_DERIVED_VOTES]);

		plans->truncate_plan = prepare_kept(sql, 0, NULL);
		pfree(sql);
	}
	return plans->truncate_plan;
}

/*
 * The cached descriptors of a tracked table (and the statements that were
 * prepared for it), made on first use (needs SPI).
 */
static track_plans *
get_plans(const track_config *config, Oid key_type)
{
	track_plans *plans;
	bool		found;
	StringInfoData sig;
	uint64		generation = plan_generation;

	if (plan_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(track_plans);
		plan_cache = hash_create("news_analysis track plans", 16, &ctl,
								 HASH_ELEM | HASH_BLOBS);
	}
	if (!type_callback_registered)
	{
		CacheRegisterSyscacheCallback(TYPEOID, type_changed, (Datum) 0);
		type_callback_registered = true;
	}

	initStringInfo(&sig);
	appendStringInfo(&sig, "%u|%s|%s", key_type, config->text_column, config->key_column);
	for (int d = 0; d < NA_NDERIVED; d++)
		appendStringInfo(&sig, "|%s", config->derived[d]);

	plans = hash_search(plan_cache, &config->source, HASH_ENTER, &found);
	if (!found)
		memset(((char *) plans) + sizeof(Oid), 0, sizeof(track_plans) - sizeof(Oid));
	else if (plans->signature && plans->generation == plan_generation &&
			 strcmp(plans->signature, sig.data) == 0)
	{
		pfree(sig.data);
		return plans;
	}
	else
		free_plans(plans);

	PG_TRY();
	{
		plans->key_array_type = get_array_type(key_type);
		if (!OidIsValid(plans->key_array_type))
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("the key column \"%s\" of table \"%s\" is of type %s, which has no array type",
							config->key_column, get_rel_name(config->source),
							format_type_be(key_type))));
		get_typlenbyvalalign(key_type, &plans->key_typlen, &plans->key_typbyval,
							 &plans->key_typalign);

		for (int d = 0; d < NA_NDERIVED; d++)
		{
			MemoryContext oldctx = MemoryContextSwitchTo(TopMemoryContext);
			TupleDesc	desc = composite_desc(na_derived_type_name[d]);

			plans->row_desc[d] = desc;
			plans->table_desc[d] = na_derived_row_desc(key_type, desc->tdtypeid);
			MemoryContextSwitchTo(oldctx);
			if (desc->natts != na_derived_natts[d])
				ereport(ERROR,
						(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
						 errmsg("type news_analysis.%s has %d attributes, this build of news_analysis writes %d",
								na_derived_type_name[d], desc->natts, na_derived_natts[d]),
						 errhint("Update the extension: ALTER EXTENSION news_analysis UPDATE.")));
		}
	}
	PG_CATCH();
	{
		/* leave no half-built entry behind */
		free_plans(plans);
		hash_search(plan_cache, &config->source, HASH_REMOVE, NULL);
		PG_RE_THROW();
	}
	PG_END_TRY();

	plans->key_type = key_type;
	/* a change while preparing makes the next call prepare again */
	plans->generation = generation;
	plans->signature = MemoryContextStrdup(TopMemoryContext, sig.data);
	pfree(sig.data);
	return plans;
}

/*
 * The attribute number of a tracked column, with an error that says what to
 * do when the column was renamed or dropped after track().
 */
static int
column_number(const track_config *config, TupleDesc desc, const char *column)
{
	int			attnum = SPI_fnumber(desc, column);

	if (attnum <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of tracked table \"%s\" does not exist",
						column, get_rel_name(config->source)),
				 errhint("A tracked column was renamed or dropped: run news_analysis.untrack() and news_analysis.track() again.")));
	return attnum;
}

/* A NOTICE each time a backfill has done another report_every rows, and at the end. */
static void
report_progress(analyser *an, int64 done, bool at_end)
{
	if (an->report_total < 0 || done == an->reported ||
		(!at_end && done - an->reported < an->report_every))
		return;
	an->reported = done;
	ereport(NOTICE,
			(errmsg("analysed " INT64_FORMAT " of " INT64_FORMAT " rows of %s%s",
					done, an->report_total, an->report_table,
					an->failed ? psprintf(" (" INT64_FORMAT " failed)", an->failed) : "")));
}

/*
 * Analyse the rows a query returns, in chunks of at most chunk_rows rows
 * (and CHUNK_MAX_ROWS, CHUNK_MAX_BYTES of text): large enough that parallel
 * workers pay off, small enough to bound the memory of a long COPY.  The
 * query's columns are (key, text, replace): replace means that the key's
 * old derived rows go first.  Returns the number of rows.
 */
static int64
analyse_query(analyser *an, const char *sql, int nargs, Oid *argtypes, Datum *args,
			  bool read_only, int64 chunk_rows)
{
	SPIPlanPtr	plan = SPI_prepare(sql, nargs, argtypes);
	Portal		portal;
	Datum	   *keys = palloc(sizeof(Datum) * CHUNK_MAX_ROWS);
	text	  **bodies = palloc(sizeof(text *) * CHUNK_MAX_ROWS);
	SPITupleTable **fetched = palloc(sizeof(SPITupleTable *) * CHUNK_MAX_ROWS);
	int64		done = 0;
	bool		more = true;

	if (plan == NULL)
		elog(ERROR, "news_analysis: SPI_prepare failed (%s) for: %s",
			 SPI_result_code_string(SPI_result), sql);
	portal = SPI_cursor_open(NULL, plan, args, NULL, read_only);
	while (more)
	{
		int			n = 0;
		int			nfetched = 0;
		Size		bytes = 0;
		int64		limit = Min(chunk_rows, CHUNK_MAX_ROWS);

		/* a chunk ends where a progress report is due */
		if (an->report_total >= 0)
			limit = Min(limit, an->reported + an->report_every - done);
		while (n < limit && bytes < CHUNK_MAX_BYTES)
		{
			SPITupleTable *tuptable;

			SPI_cursor_fetch(portal, true, (long) Min(limit - n, FETCH_ROWS));
			tuptable = SPI_tuptable;
			if (SPI_processed == 0)
			{
				SPI_freetuptable(tuptable);
				more = false;
				break;
			}
			fetched[nfetched++] = tuptable;
			for (uint64 i = 0; i < SPI_processed; i++, n++)
			{
				HeapTuple	tuple = tuptable->vals[i];
				TupleDesc	desc = tuptable->tupdesc;
				bool		key_null;
				bool		text_null;
				bool		replace_null;
				Datum		body;

				keys[n] = SPI_getbinval(tuple, desc, 1, &key_null);
				body = SPI_getbinval(tuple, desc, 2, &text_null);
				bodies[n] = text_null ? NULL : (text *) DatumGetPointer(body);
				if (bodies[n] != NULL)
					bytes += toast_raw_datum_size(body);
				if (DatumGetBool(SPI_getbinval(tuple, desc, 3, &replace_null)))
					track_analyser_delete(an, keys[n]);
			}
		}
		if (n == 0)
			break;
		track_analyser_chunk(an, n, keys, bodies, bytes);
		track_analyser_flush(an);
		for (int f = 0; f < nfetched; f++)
			SPI_freetuptable(fetched[f]);
		done += n;
		report_progress(an, done, false);
	}
	report_progress(an, done, true);
	SPI_cursor_close(portal);
	SPI_freeplan(plan);
	pfree(keys);
	pfree(bodies);
	pfree(fetched);
	return done;
}

/* Is the text column text or varchar (or a domain over them), read as text without a cast? */
static bool
text_is_text(Relation rel, const track_config *config)
{
	TupleDesc	desc = RelationGetDescr(rel);
	Oid			type = getBaseType(SPI_gettypeid(desc, column_number(config, desc, config->text_column)));

	return type == TEXTOID || type == VARCHAROID;
}

/*
 * A transition table read chunk by chunk without keeping its rows: one slot
 * reads every row, and the texts go from the store straight into the
 * workers' shared memory.  Keeping a slot and a tuple of every row of a
 * chunk until it was written (as before) made a fresh backend fault in
 * 1,900 new pages for a 5 MB COPY, an eighth of its trigger's time.
 */
typedef struct new_rows
{
	Tuplestorestate *store;
	TupleDesc	desc;
	int			key_att;
	int			text_att;
	int			next_ptr;		/* read pointer: the next chunk's first row */
	int			start_ptr;		/* read pointer: the chunk's first row */
	int			fill_ptr;		/* read pointer: the row the workers' texts want next */
	TupleTableSlot *slot;		/* reads one row at a time */
	na_text_source source;
	Size	   *sizes;			/* the chunk's texts' sizes (source.sizes) */
	Datum	   *keys;			/* the chunk's keys (in keyctx when by reference) */
	MemoryContext keyctx;
	int			n;				/* rows in the chunk */
	/* only when the chunk's texts are wanted as datums */
	text	  **bodies;
	TupleTableSlot **kept;		/* the slots that hold them */
	int			nkept;
} new_rows;

/* Read the next row through read pointer ptr into nr->slot; false at the end. */
static bool
next_row(new_rows *nr, int ptr)
{
	tuplestore_select_read_pointer(nr->store, ptr);
	return tuplestore_gettupleslot(nr->store, true, false, nr->slot);
}

/* na_text_source's fill: the chunk's rows in turn, each text into the workers' memory. */
static void
fill_from_store(void *arg, int i, text *dest)
{
	new_rows   *nr = (new_rows *) arg;
	bool		isnull;
	Datum		body;

	if (i == 0)
		tuplestore_copy_read_pointer(nr->store, nr->start_ptr, nr->fill_ptr);
	if (!next_row(nr, nr->fill_ptr))
		elog(ERROR, "news_analysis: the transition table ended before its chunk");
	body = slot_getattr(nr->slot, nr->text_att, &isnull);
	if (dest != NULL)
		na_text_source_put(dest, nr->sizes[i], (text *) DatumGetPointer(body));
	ExecClearTuple(nr->slot);
}

/*
 * The chunk's texts as datums, each held by a slot of its own until the
 * chunk is written: when the backend must analyse them itself.
 */
static text *const *
chunk_bodies(void *arg)
{
	new_rows   *nr = (new_rows *) arg;

	tuplestore_copy_read_pointer(nr->store, nr->start_ptr, nr->fill_ptr);
	tuplestore_select_read_pointer(nr->store, nr->fill_ptr);
	for (nr->nkept = 0; nr->nkept < nr->n; nr->nkept++)
	{
		TupleTableSlot *slot = MakeSingleTupleTableSlot(nr->desc, &TTSOpsMinimalTuple);
		bool		isnull;
		Datum		body;

		if (!tuplestore_gettupleslot(nr->store, true, false, slot))
		{
			ExecDropSingleTupleTableSlot(slot);
			elog(ERROR, "news_analysis: the transition table ended before its chunk");
		}
		nr->kept[nr->nkept] = slot;
		body = slot_getattr(slot, nr->text_att, &isnull);
		nr->bodies[nr->nkept] = isnull ? NULL : (text *) DatumGetPointer(body);
	}
	return nr->bodies;
}

/*
 * Count the next chunk's rows and their text (sizes and keys kept), up to
 * CHUNK_MAX_ROWS and CHUNK_MAX_BYTES; its bytes of text in *bytes.
 */
static int
next_chunk(new_rows *nr, Size *bytes, const track_plans *plans)
{
	tuplestore_copy_read_pointer(nr->store, nr->next_ptr, nr->start_ptr);
	MemoryContextReset(nr->keyctx);
	nr->n = 0;
	*bytes = 0;
	while (nr->n < CHUNK_MAX_ROWS && *bytes < CHUNK_MAX_BYTES && next_row(nr, nr->next_ptr))
	{
		bool		isnull;
		Datum		key = slot_getattr(nr->slot, nr->key_att, &isnull);
		Datum		body;

		/* the slot's next row replaces this one */
		if (!isnull && !plans->key_typbyval)
		{
			MemoryContext oldctx = MemoryContextSwitchTo(nr->keyctx);

			key = datumCopy(key, false, plans->key_typlen);
			MemoryContextSwitchTo(oldctx);
		}
		nr->keys[nr->n] = key;
		body = slot_getattr(nr->slot, nr->text_att, &isnull);
		nr->sizes[nr->n] = isnull ? 0 : na_text_source_size((text *) DatumGetPointer(body));
		if (!isnull)
			*bytes += toast_raw_datum_size(body);
		nr->n++;
		ExecClearTuple(nr->slot);
	}
	return nr->n;
}

/*
 * Rows an INSERT wrote, read straight from a store of them (no query), in
 * chunks as analyse_query reads a query's: its transition table (desc the
 * table's), or the rows its read-ahead did not cover (key and text).
 */
static void
analyse_store(analyser *an, Tuplestorestate *store, TupleDesc desc, int key_att, int text_att)
{
	new_rows	nr;
	Size		bytes;

	nr.store = store;
	/* a copy is not reference-counted: a slot per row need not pin it */
	nr.desc = CreateTupleDescCopy(desc);
	nr.key_att = key_att;
	nr.text_att = text_att;
	nr.slot = MakeSingleTupleTableSlot(nr.desc, &TTSOpsMinimalTuple);
	nr.sizes = palloc(sizeof(Size) * CHUNK_MAX_ROWS);
	nr.keys = palloc(sizeof(Datum) * CHUNK_MAX_ROWS);
	nr.bodies = palloc(sizeof(text *) * CHUNK_MAX_ROWS);
	nr.kept = palloc(sizeof(TupleTableSlot *) * CHUNK_MAX_ROWS);
	nr.nkept = 0;
	nr.keyctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis chunk keys",
									  ALLOCSET_SMALL_SIZES);
	nr.source.sizes = nr.sizes;
	nr.source.fill = fill_from_store;
	nr.source.arg = &nr;

	/* read pointers of our own: other triggers of the statement read the same store */
	nr.next_ptr = tuplestore_alloc_read_pointer(nr.store, EXEC_FLAG_REWIND);
	nr.start_ptr = tuplestore_alloc_read_pointer(nr.store, EXEC_FLAG_REWIND);
	nr.fill_ptr = tuplestore_alloc_read_pointer(nr.store, EXEC_FLAG_REWIND);
	tuplestore_select_read_pointer(nr.store, nr.next_ptr);
	tuplestore_rescan(nr.store);
	while (next_chunk(&nr, &bytes, an->plans) > 0)
	{
		if (!track_analyser_chunk_from(an, nr.n, nr.keys, &nr.source, bytes, chunk_bodies, &nr))
			track_analyser_chunk(an, nr.n, nr.keys, chunk_bodies(&nr), bytes);
		track_analyser_flush(an);
		for (int i = 0; i < nr.nkept; i++)
			ExecDropSingleTupleTableSlot(nr.kept[i]);
		nr.nkept = 0;
	}
	ExecDropSingleTupleTableSlot(nr.slot);
	MemoryContextDelete(nr.keyctx);
	pfree(nr.sizes);
	pfree(nr.keys);
	pfree(nr.bodies);
	pfree(nr.kept);
	FreeTupleDesc(nr.desc);
}

/* The texts of covered rows, read back, for a chunk analysed again (track_analyser_chunk_ahead). */
typedef struct ahead_chunk
{
	na_ahead   *ahead;
	int			first;
	int			n;
} ahead_chunk;

static text *const *
ahead_chunk_bodies(void *arg)
{
	ahead_chunk *ac = (ahead_chunk *) arg;

	return na_ahead_bodies(ac->ahead, ac->first, ac->n);
}

/*
 * The rows an INSERT wrote, as its AFTER row trigger recorded them
 * (na_analyse_inserted): those the read-ahead's worker analysed, in chunks
 * whose rows the backend takes and writes; then the others, from their
 * store, as a transition table's.
 */
static void
analyse_inserted(analyser *an, TriggerData *trigdata)
{
	na_ahead   *ahead = na_ahead_take(RelationGetRelid(trigdata->tg_relation));
	const Datum *keys;
	int			covered;
	Tuplestorestate *fallback;
	TupleDesc	fallback_desc;

	if (ahead == NULL)
		return;					/* no row */
	PG_TRY();
	{
		covered = na_ahead_covered(ahead, &keys);
		for (int first = 0; first < covered; first += CHUNK_MAX_ROWS)
		{
			ahead_chunk ac = {ahead, first, Min(CHUNK_MAX_ROWS, covered - first)};

			/* after a chunk whose taking failed, the texts are read back and analysed here */
			if (na_ahead_usable(ahead))
				track_analyser_chunk_ahead(an, ac.n, keys + first, ahead, ahead_chunk_bodies, &ac);
			else
				track_analyser_chunk(an, ac.n, keys + first, ahead_chunk_bodies(&ac), 0);
			track_analyser_flush(an);
		}
		fallback = na_ahead_fallback(ahead, &fallback_desc);
		if (fallback != NULL)
			analyse_store(an, fallback, fallback_desc, 1, 2);
	}
	PG_FINALLY();
	{
		na_ahead_end(ahead);
	}
	PG_END_TRY();
}

/*
 * The rows an INSERT wrote, read straight from its transition table (a
 * trigger attach_trigger() made before the AFTER row trigger recorded
 * them).
 */
static void
analyse_new_rows(analyser *an, TriggerData *trigdata)
{
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);

	analyse_store(an, trigdata->tg_newtable, desc,
				  column_number(an->config, desc, an->config->key_column),
				  column_number(an->config, desc, an->config->text_column));
}

/* The rows a statement changed: its transition tables (statement-level triggers). */
static void
statement_trigger(analyser *an, TriggerData *trigdata)
{
	const track_config *config = an->config;
	const Trigger *trigger = trigdata->tg_trigger;
	const char *key = quote_identifier(config->key_column);
	const char *body = quote_identifier(config->text_column);
	char	   *sql;

	if (SPI_register_trigger_data(trigdata) != SPI_OK_TD_REGISTER)
		elog(ERROR, "news_analysis: SPI_register_trigger_data failed");

	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) && trigger->tgnewtable == NULL)
	{
		/* the rows its AFTER row trigger recorded, most of them analysed already */
		analyse_inserted(an, trigdata);
	}
	else if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) && trigger->tgnewtable &&
			 text_is_text(trigdata->tg_relation, config))
	{
		/* the bulk path (COPY, INSERT ... SELECT): new keys have no derived rows yet */
		analyse_new_rows(an, trigdata);
	}
	else if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) && trigger->tgnewtable)
	{
		/* char(n): the cast to text trims its padding */
		sql = psprintf("SELECT n.%s, n.%s::pg_catalog.text, false FROM %s n",
					   key, body, quote_identifier(trigger->tgnewtable));
		analyse_query(an, sql, 0, NULL, NULL, true, CHUNK_MAX_ROWS);
	}
	else if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) && trigger->tgoldtable)
	{
		sql = psprintf("SELECT o.%s, NULL::pg_catalog.text, true FROM %s o",
					   key, quote_identifier(trigger->tgoldtable));
		analyse_query(an, sql, 0, NULL, NULL, true, CHUNK_MAX_ROWS);
	}
	else
		elog(ERROR, "news_analysis: unexpected trigger event");
}

/* The text of a row; NULL for SQL NULL. */
static text *
row_text(HeapTuple tuple, TupleDesc desc, int attnum)
{
	bool		isnull;
	Datum		value = heap_getattr(tuple, attnum, desc, &isnull);

	return isnull ? NULL : (text *) DatumGetPointer(value);
}

/* One row a statement changed (row-level triggers: partitioned tables). */
static void
row_trigger(analyser *an, TriggerData *trigdata)
{
	TupleDesc	desc = RelationGetDescr(trigdata->tg_relation);
	int			key_att = column_number(an->config, desc, an->config->key_column);
	int			text_att = column_number(an->config, desc, an->config->text_column);
	bool		isnull;
	Datum		key = heap_getattr(trigdata->tg_trigtuple, key_att, desc, &isnull);
	text	   *body;

	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
	{
		body = row_text(trigdata->tg_trigtuple, desc, text_att);
		if (!isnull)
			track_analyser_chunk(an, 1, &key, &body, 0);
	}
	else if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
	{
		if (!isnull)
			track_analyser_delete(an, key);
	}
	else if (TRIGGER_FIRED_BY_UPDATE(trigdata->tg_event))
	{
		HeapTuple	newtuple = trigdata->tg_newtuple;
		bool		new_isnull;
		Datum		new_key = heap_getattr(newtuple, key_att, desc, &new_isnull);
		bool		old_text_null;
		bool		new_text_null;
		Datum		old_text = heap_getattr(trigdata->tg_trigtuple, text_att, desc, &old_text_null);
		Datum		new_text = heap_getattr(newtuple, text_att, desc, &new_text_null);
		Form_pg_attribute key_form = TupleDescAttr(desc, key_att - 1);

		bool		same_key = !isnull && !new_isnull &&
			datumIsEqual(key, new_key, key_form->attbyval, key_form->attlen);

		/* SET body = body: nothing to redo */
		if (same_key && old_text_null == new_text_null &&
			(old_text_null || datumIsEqual(old_text, new_text, false, -1)))
			return;
		if (!isnull)
			track_analyser_delete(an, key);
		if (!new_isnull)
		{
			body = new_text_null ? NULL : (text *) DatumGetPointer(new_text);
			/* a new key's rows go too (a row deleted while untracked may have left some) */
			if (!same_key)
				track_analyser_delete(an, new_key);
			track_analyser_chunk(an, 1, &new_key, &body, 0);
		}
	}
}

static bool is_inserted_trigger(const char *name);

/*
 * Has the table the AFTER INSERT row trigger that records the rows for the
 * statement trigger (attach_trigger() makes it; enabled or not: disabled,
 * it analyses nothing, as a disabled statement trigger would)?
 */
static bool
has_inserted_trigger(Relation rel)
{
	const TriggerDesc *trigdesc = rel->trigdesc;

	if (trigdesc == NULL)
		return false;
	for (int i = 0; i < trigdesc->numtriggers; i++)
		if (TRIGGER_TYPE_MATCHES(trigdesc->triggers[i].tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_AFTER,
								 TRIGGER_TYPE_INSERT) &&
			is_inserted_trigger(trigdesc->triggers[i].tgname))
			return true;
	return false;
}

/*
 * news_analysis.analyse_trigger(): AFTER INSERT and DELETE FOR EACH
 * STATEMENT with transition tables, AFTER UPDATE OF the text and key FOR
 * EACH ROW (on a partitioned table every event FOR EACH ROW), and AFTER
 * TRUNCATE FOR EACH STATEMENT.
 */
Datum
na_analyse_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	track_config config;
	track_plans *plans;
	analyser	an;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_trigger() was not called by the trigger manager")));
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_trigger() must be fired AFTER the event"),
				 errhint("Attach it with news_analysis.track().")));

	/*
	 * A Citus table's rows are in its shards, whose own triggers analyse
	 * them; but Citus makes no TRUNCATE trigger on shards: the distributed
	 * table's own truncates the derived tables (Citus truncates their shards).
	 */
	if (!TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) && na_citus_is_shell(trigdata->tg_relation))
		return PointerGetDatum(NULL);

	config_from_trigger(&config, RelationGetRelid(trigdata->tg_relation), trigdata->tg_trigger);
	desc = RelationGetDescr(trigdata->tg_relation);
	if (TRIGGER_FIRED_FOR_STATEMENT(trigdata->tg_event) && TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) &&
		trigdata->tg_trigger->tgnewtable == NULL && !has_inserted_trigger(trigdata->tg_relation))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on table \"%s\" fires for each statement without the row trigger that records the rows inserted",
						trigdata->tg_trigger->tgname, get_rel_name(config.source)),
				 errhint("Attach the triggers with news_analysis.track(), not by hand.")));
	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) && !TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event) &&
		!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event) &&
		!(TRIGGER_FIRED_BY_DELETE(trigdata->tg_event) && trigdata->tg_trigger->tgoldtable))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("trigger \"%s\" on table \"%s\" fires for each statement without the transition table it needs",
						trigdata->tg_trigger->tgname, get_rel_name(config.source)),
				 errhint("Attach the triggers with news_analysis.track(), not by hand.")));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "news_analysis: SPI_connect failed");

	config_for_shard(&config, trigdata->tg_trigger);
	plans = get_plans(&config, SPI_gettypeid(desc, column_number(&config, desc, config.key_column)));
	(void) column_number(&config, desc, config.text_column);

	if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
	{
		int			ret = SPI_execute_plan(track_truncate_plan(plans, &config), NULL, NULL, false, 0);

		if (ret != SPI_OK_UTILITY)
			elog(ERROR, "news_analysis: truncating derived tables returned %s",
				 SPI_result_code_string(ret));
		SPI_finish();
		return PointerGetDatum(NULL);
	}

	track_analyser_begin(&an, &config, plans);
	if (TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
	{
		row_trigger(&an, trigdata);
		track_analyser_flush(&an);
	}
	else
		statement_trigger(&an, trigdata);
	track_analyser_end(&an);
	SPI_finish();
	return PointerGetDatum(NULL);
}

/*
 * news_analysis.analyse_inserted(): AFTER INSERT FOR EACH ROW.  Records
 * each row an INSERT or COPY inserted, with the row as it is in the table:
 * the statement's AFTER trigger analyses exactly these.  Where they are the
 * rows the read-ahead's worker was given, in order, it only counts them;
 * from the first that differs (a row ON CONFLICT DO NOTHING skipped, say)
 * it keeps each row's key and text, as a transition table would.  Cheaper
 * than the transition table it replaces: a COPY's rows are not copied
 * again when they were read ahead.
 */
Datum
na_analyse_inserted(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	TupleDesc	desc;
	na_ahead   *ah;
	int			key_att;
	int			text_att;
	bool		trim_text;
	bool		key_isnull;
	bool		text_isnull;
	Datum		key;
	Datum		body;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_inserted() was not called by the trigger manager")));
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event) || !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_inserted() must be fired AFTER INSERT FOR EACH ROW"),
				 errhint("Attach it with news_analysis.track().")));
	rel = trigdata->tg_relation;
	/* a Citus table's rows are in its shards, whose own triggers see them */
	if (na_citus_is_shell(rel))
		return PointerGetDatum(NULL);
	desc = RelationGetDescr(rel);
	ah = na_ahead_current(RelationGetRelid(rel));
	if (ah == NULL)
		ah = na_ahead_begin(RelationGetRelid(rel), NULL);
	if (!na_ahead_has_columns(ah))
	{
		track_config config;
		Oid			text_type;

		config_from_trigger(&config, RelationGetRelid(rel), trigdata->tg_trigger);
		key_att = column_number(&config, desc, config.key_column);
		text_att = column_number(&config, desc, config.text_column);
		text_type = getBaseType(TupleDescAttr(desc, text_att - 1)->atttypid);
		na_ahead_set_columns(ah, key_att, text_att, TupleDescAttr(desc, key_att - 1)->atttypid,
							 text_type == BPCHAROID);
	}
	na_ahead_columns(ah, &key_att, &text_att, &trim_text);
	key = heap_getattr(trigdata->tg_trigtuple, key_att, desc, &key_isnull);
	body = heap_getattr(trigdata->tg_trigtuple, text_att, desc, &text_isnull);
	/* char(n): as the cast to text, without its padding */
	if (trim_text && !text_isnull)
		body = DirectFunctionCall1(rtrim1, body);
	na_ahead_inserted(ah, key, key_isnull, body, text_isnull);
	return PointerGetDatum(NULL);
}

/*
 * Is name base, the name news_analysis.attach_trigger() gives a trigger, or
 * the one Citus gives its copy on a shard (with _<shard id> appended)?
 */
static bool
is_trigger_named(const char *name, const char *base)
{
	size_t		len = strlen(base);

	if (strcmp(name, base) == 0)
		return true;
	return strncmp(name, base, len) == 0 && name[len] == '_' &&
		strspn(name + len + 1, "0123456789") == strlen(name + len + 1) &&
		na_citus_trigger_shard(name) != 0;
}

/* Is this the name of the insert trigger of a tracked table (or of its copy on a shard)? */
static bool
is_tracking_trigger(const char *name)
{
	return is_trigger_named(name, TRIGGER_NAME);
}

/* Is this the name of the AFTER INSERT row trigger that records the rows inserted (or of its copy on a shard)? */
static bool
is_inserted_trigger(const char *name)
{
	return is_trigger_named(name, INSERTED_TRIGGER_NAME);
}

/*
 * Is the trigger trigname the last BEFORE INSERT row trigger of rel to
 * fire (triggers fire in name order), and are the AFTER INSERT row and
 * statement triggers there and enabled?  Only then is the row the BEFORE
 * trigger sees likely to be the row inserted (the AFTER row trigger checks
 * it), and is there a trigger to take what was read ahead.
 */
static bool
reads_ahead_safely(Relation rel, const char *trigname)
{
	const TriggerDesc *trigdesc = rel->trigdesc;
	bool		statement_trigger = false;
	bool		row_trigger = false;

	if (trigdesc == NULL)
		return false;
	for (int i = 0; i < trigdesc->numtriggers; i++)
	{
		const Trigger *t = &trigdesc->triggers[i];

		if (t->tgenabled == TRIGGER_DISABLED)
			continue;
		if (TRIGGER_TYPE_MATCHES(t->tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_BEFORE, TRIGGER_TYPE_INSERT) &&
			strcmp(t->tgname, trigname) > 0)
			return false;
		if (TRIGGER_TYPE_MATCHES(t->tgtype, TRIGGER_TYPE_STATEMENT, TRIGGER_TYPE_AFTER, TRIGGER_TYPE_INSERT) &&
			t->tgnewtable == NULL && is_tracking_trigger(t->tgname))
			statement_trigger = true;
		if (TRIGGER_TYPE_MATCHES(t->tgtype, TRIGGER_TYPE_ROW, TRIGGER_TYPE_AFTER, TRIGGER_TYPE_INSERT) &&
			is_inserted_trigger(t->tgname))
			row_trigger = true;
	}
	return statement_trigger && row_trigger;
}

/*
 * The derived rows' descriptors for the read-ahead's worker (asked for when
 * it starts): false where the extension's types are not those this library
 * writes (the AFTER trigger then says what to do).
 */
static bool
ahead_row_descs(Oid key_type, TupleDesc *descs)
{
	for (int d = 0; d < NA_NDERIVED; d++)
	{
		TupleDesc	row = composite_desc(na_derived_type_name[d]);

		if (row->natts != na_derived_natts[d])
			return false;
		descs[d] = na_derived_row_desc(key_type, row->tdtypeid);
	}
	return true;
}

/*
 * What a table's read-ahead needs from its catalog entry, kept for the
 * session (a one-row INSERT pays for it once, not each time): dropped when
 * the table's relcache entry is invalidated (a trigger or column changed).
 */
typedef struct ahead_columns
{
	Oid			relid;			/* hash key */
	const char *why;			/* why there is no read-ahead, or NULL */
	int			key_att;
	int			text_att;
	Oid			key_type;
	int16		key_typlen;
	bool		key_typbyval;
} ahead_columns;

static HTAB *ahead_columns_cache = NULL;

/*
 * A relcache invalidation of the table (its triggers or columns changed;
 * InvalidOid: of every table) drops what was kept of it.
 */
static void
ahead_columns_invalidate(Datum arg, Oid relid)
{
	(void) arg;
	if (ahead_columns_cache == NULL)
		return;
	if (OidIsValid(relid))
		hash_search(ahead_columns_cache, &relid, HASH_REMOVE, NULL);
	else
	{
		HASH_SEQ_STATUS seq;
		ahead_columns *entry;

		hash_seq_init(&seq, ahead_columns_cache);
		while ((entry = hash_seq_search(&seq)) != NULL)
			hash_search(ahead_columns_cache, &entry->relid, HASH_REMOVE, NULL);
	}
}

/* The table's columns for the read-ahead, or why it has none (static strings). */
static const ahead_columns *
table_ahead_columns(TriggerData *trigdata)
{
	Relation	rel = trigdata->tg_relation;
	Oid			relid = RelationGetRelid(rel);
	TupleDesc	desc = RelationGetDescr(rel);
	ahead_columns *entry;
	bool		found;
	track_config config;
	Form_pg_attribute key_form;
	Form_pg_attribute text_form;
	Oid			text_type;

	if (ahead_columns_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(ahead_columns);
		ahead_columns_cache = hash_create("news_analysis read-ahead columns", 16, &ctl,
										  HASH_ELEM | HASH_BLOBS);
		CacheRegisterRelcacheCallback(ahead_columns_invalidate, (Datum) 0);
	}
	entry = hash_search(ahead_columns_cache, &relid, HASH_FIND, NULL);
	if (entry != NULL)
		return entry;

	entry = hash_search(ahead_columns_cache, &relid, HASH_ENTER, &found);
	entry->why = NULL;
	if (rel->rd_rel->relkind != RELKIND_RELATION || trigdata->tg_trigger->tgnargs != TRIGGER_NARGS ||
		na_citus_is_shell(rel))
		entry->why = "not a plain table's statement";
	else if (GetDatabaseEncoding() != PG_UTF8)
		entry->why = "the database encoding is not UTF8";
	else if (!reads_ahead_safely(rel, trigdata->tg_trigger->tgname))
		entry->why = "another BEFORE INSERT trigger fires after it, or the AFTER INSERT trigger is disabled";
	if (entry->why == NULL)
	{
		config_from_trigger(&config, relid, trigdata->tg_trigger);
		entry->key_att = SPI_fnumber(desc, config.key_column);
		entry->text_att = SPI_fnumber(desc, config.text_column);
		if (entry->key_att <= 0 || entry->text_att <= 0)
			entry->why = "a tracked column is missing";
	}
	if (entry->why == NULL)
	{
		key_form = TupleDescAttr(desc, entry->key_att - 1);
		text_form = TupleDescAttr(desc, entry->text_att - 1);
		text_type = getBaseType(text_form->atttypid);
		if (key_form->attgenerated || text_form->attgenerated)
			entry->why = "the text or key is a generated column";
		else if (text_type != TEXTOID && text_type != VARCHAROID)
			entry->why = "the text column is not text or varchar";
		else if (key_form->attlen == -1 && getBaseType(key_form->atttypid) != TEXTOID &&
				 getBaseType(key_form->atttypid) != VARCHAROID)
			entry->why = "the key is of a type the read-ahead does not compare";
		entry->key_type = key_form->atttypid;
		entry->key_typlen = key_form->attlen;
		entry->key_typbyval = key_form->attbyval;
	}
	return entry;
}

/*
 * The read-ahead of a statement's rows, decided at its first row: only for
 * a plain table whose text is text or varchar in a UTF-8 database, with
 * workers allowed, and only where the row this trigger sees is the row
 * inserted (reads_ahead_safely; text and key not generated).  False
 * declines: the statement's rows are then analysed after it, as always.
 */
static bool
ahead_spec(TriggerData *trigdata, na_ahead_spec *spec)
{
	const ahead_columns *columns = table_ahead_columns(trigdata);
	const char *why = columns->why;

	if (na_parallel_workers_allowed() <= 0)
		why = "news_analysis.max_parallel_workers allows no worker";
	else if (IsInParallelMode())
		why = "in parallel mode";
	if (why != NULL)
	{
		ereport(DEBUG1,
				(errmsg_internal("news_analysis: no read-ahead for this statement on table \"%s\": %s",
								 RelationGetRelationName(trigdata->tg_relation), why)));
		return false;
	}
	spec->key_att = columns->key_att;
	spec->text_att = columns->text_att;
	spec->key_type = columns->key_type;
	spec->key_typlen = columns->key_typlen;
	spec->key_typbyval = columns->key_typbyval;
	spec->row_descs = ahead_row_descs;
	spec->fail_on = na_derived_fail_on();
	return true;
}

/*
 * news_analysis.analyse_ahead(): BEFORE INSERT FOR EACH ROW.  Hands each
 * row's key and text to a background worker that analyses them while the
 * statement goes on (ahead_pg.c), so that the statement's AFTER trigger
 * finds them analysed.  It never changes the row, and nothing it does can
 * fail the statement: where it cannot read ahead it stops.
 */
Datum
na_analyse_ahead(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	Relation	rel;
	na_ahead   *ah;
	int			key_att;
	int			text_att;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_ahead() was not called by the trigger manager")));
	if (!TRIGGER_FIRED_BEFORE(trigdata->tg_event) || !TRIGGER_FIRED_FOR_ROW(trigdata->tg_event) ||
		!TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_ahead() must be fired BEFORE INSERT FOR EACH ROW"),
				 errhint("Attach it with news_analysis.track().")));
	rel = trigdata->tg_relation;
	ah = na_ahead_current(RelationGetRelid(rel));
	if (ah == NULL)
	{
		na_ahead_spec spec;

		ah = na_ahead_begin(RelationGetRelid(rel), ahead_spec(trigdata, &spec) ? &spec : NULL);
	}
	if (ah != NULL && na_ahead_wants_rows(ah, &key_att, &text_att))
	{
		HeapTuple	tuple = trigdata->tg_trigtuple;
		TupleDesc	desc = RelationGetDescr(rel);
		bool		key_isnull;
		bool		text_isnull;
		Datum		key = heap_getattr(tuple, key_att, desc, &key_isnull);
		Datum		body = heap_getattr(tuple, text_att, desc, &text_isnull);

		na_ahead_add(ah, key, key_isnull, text_isnull ? NULL : (text *) DatumGetPointer(body));
	}
	return PointerGetDatum(trigdata->tg_trigtuple);
}

/*
 * The configuration of a tracked table (or of a shard of one) from its
 * trigger, with a copy of its columns, its qualified name, and whether it is
 * the stand-in of a Citus table.  The relcache entry may be rebuilt while
 * the caller runs: everything returned is a copy.  Errors unless tracked.
 */
static const Trigger *
open_tracked(Oid relid, track_config *config, TupleDesc *desc, char **table, bool *citus_shell)
{
	Relation	rel = table_open(relid, AccessShareLock);
	const Trigger *trigger = NULL;
	Trigger    *copy;

	if (rel->trigdesc != NULL)
	{
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
			if (is_tracking_trigger(rel->trigdesc->triggers[i].tgname))
				trigger = &rel->trigdesc->triggers[i];
	}
	if (trigger == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table \"%s\" is not tracked by news_analysis", RelationGetRelationName(rel)),
				 errhint("Call news_analysis.track() first.")));
	copy = palloc(sizeof(Trigger));
	memcpy(copy, trigger, sizeof(Trigger));
	copy->tgargs = palloc(sizeof(char *) * trigger->tgnargs);
	for (int i = 0; i < trigger->tgnargs; i++)
		copy->tgargs[i] = pstrdup(trigger->tgargs[i]);
	copy->tgname = pstrdup(trigger->tgname);
	config_from_trigger(config, relid, copy);
	*desc = CreateTupleDescCopy(RelationGetDescr(rel));
	*table = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
										RelationGetRelationName(rel));
	*citus_shell = na_citus_is_shell(rel);
	table_close(rel, AccessShareLock);
	return copy;
}

/*
 * news_analysis.analyse_existing(source regclass, batch_size integer,
 * keys text[], first_block bigint, last_block bigint) returns bigint:
 * analyse the rows a table held before it was tracked (or only those whose
 * key, as text, is in keys), with a NOTICE after every batch.  With blocks,
 * only the rows stored in blocks [first_block, last_block) are analysed,
 * locked FOR UPDATE so that a concurrent update waits rather than races
 * (news_analysis.backfill() walks a table so, committing between calls).
 * Returns the number of rows analysed (failures included, as in the
 * trigger).
 */
Datum
na_analyse_existing(PG_FUNCTION_ARGS)
{
	Oid			source;
	int32		batch_size;
	Datum		keys = (Datum) 0;
	bool		have_keys = !PG_ARGISNULL(2);
	bool		have_blocks = !PG_ARGISNULL(3) && !PG_ARGISNULL(4);
	int64		first_block = have_blocks ? PG_GETARG_INT64(3) : 0;
	int64		last_block = have_blocks ? PG_GETARG_INT64(4) : 0;
	const Trigger *trigger;
	bool		citus_shell;
	track_config config;
	track_plans *plans;
	TupleDesc	desc;
	int			key_att;
	Oid			key_type;
	char	   *table;
	char	   *sql;
	analyser	an;
	int64		total;
	int64		done;
	bool		count_null;
	int			ret;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	source = PG_GETARG_OID(0);
	batch_size = PG_ARGISNULL(1) ? 1000 : PG_GETARG_INT32(1);
	if (have_keys)
		keys = PG_GETARG_DATUM(2);
	if (batch_size < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("batch_size must be at least 1")));
	if (have_blocks && (first_block < 0 || last_block > (int64) MaxBlockNumber + 1 ||
						first_block > last_block))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("block range [" INT64_FORMAT ", " INT64_FORMAT ") is invalid",
						first_block, last_block)));

	trigger = open_tracked(source, &config, &desc, &table, &citus_shell);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "news_analysis: SPI_connect failed");
	key_att = column_number(&config, desc, config.key_column);
	(void) column_number(&config, desc, config.text_column);
	key_type = SPI_gettypeid(desc, key_att);

	/* a Citus distributed table: its workers analyse their shards' rows */
	if (citus_shell && na_citus_is_distributed(source))
	{
		if (have_blocks)
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("table \"%s\" is distributed by Citus: it has no blocks of its own",
							get_rel_name(source)),
					 errhint("Call news_analysis.analyse_existing() without a block range.")));
		done = na_citus_analyse_distributed(source, config.key_column, keys, config.derived);
		SPI_finish();
		ereport(NOTICE,
				(errmsg("analysed " INT64_FORMAT " rows of %s on its shards", done, table)));
		PG_RETURN_INT64(done);
	}
	config_for_shard(&config, trigger);
	plans = get_plans(&config, key_type);

	/* the rows to analyse: all, those of the keys given, or of some blocks */
	{
		StringInfoData where;
		Oid			argtypes[1] = {TEXTARRAYOID};
		char		nulls[1] = {' '};

		initStringInfo(&where);
		appendStringInfo(&where, "%s IS NOT NULL", quote_identifier(config.key_column));
		if (have_keys)
			appendStringInfo(&where, " AND %s::pg_catalog.text OPERATOR(pg_catalog.=) ANY ($1)",
							 quote_identifier(config.key_column));
		if (have_blocks)
			appendStringInfo(&where,
							 " AND ctid OPERATOR(pg_catalog.>=) '(" INT64_FORMAT ",0)'::pg_catalog.tid"
							 " AND ctid OPERATOR(pg_catalog.<) '(" INT64_FORMAT ",0)'::pg_catalog.tid",
							 first_block, last_block);

		/* a batch of blocks reports nothing: its caller reports progress */
		total = -1;
		if (!have_blocks)
		{
			ret = SPI_execute_with_args(psprintf("SELECT pg_catalog.count(*) FROM %s WHERE %s",
												 table, where.data),
										have_keys ? 1 : 0, argtypes, &keys, nulls, true, 0);
			if (ret != SPI_OK_SELECT || SPI_processed != 1)
				elog(ERROR, "news_analysis: counting rows of %s failed", table);
			total = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc,
												1, &count_null));
			SPI_freetuptable(SPI_tuptable);
		}

		sql = psprintf("SELECT %s, %s::pg_catalog.text, true FROM %s WHERE %s%s",
					   quote_identifier(config.key_column), quote_identifier(config.text_column),
					   table, where.data, have_blocks ? " FOR UPDATE" : "");
		track_analyser_begin(&an, &config, plans);
		an.report_table = table;
		an.report_total = total;
		an.report_every = batch_size;
		done = analyse_query(&an, sql, have_keys ? 1 : 0, argtypes, &keys, !have_blocks,
							 batch_size);
		track_analyser_end(&an);
	}
	SPI_finish();
	PG_RETURN_INT64(done);
}

/*
 * news_analysis.analyse_shard_row(shard regclass, key anyelement, map text[])
 * returns integer: analyse again the row of a tracked table (in practice a
 * shard of a Citus distributed table, where the workers run it) whose key is
 * key, replacing its derived rows and its recorded failures; 1 if the row
 * was there, else 0.  map (NULL: this node's Citus metadata) names the
 * colocated shards of the derived tables (na_citus_shard_from_map).  It
 * exists because a distributed query calls a function on each shard's rows
 * on the worker that holds them: that is how
 * analyse_existing() reaches the shards of a distributed table (see
 * na_citus_analyse_distributed), within the caller's transaction.  The row
 * is locked FOR UPDATE, so that a concurrent update waits rather than races.
 */
Datum
na_analyse_shard_row(PG_FUNCTION_ARGS)
{
	Oid			shard;
	Datum		key;
	Oid			arg_type = get_fn_expr_argtype(fcinfo->flinfo, 1);
	ArrayType  *map;
	const Trigger *trigger;
	bool		citus_shell;
	track_config config;
	track_plans *plans;
	TupleDesc	desc;
	Oid			key_type;
	char	   *table;
	analyser	an;
	int64		done;
	int			ret;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	shard = PG_GETARG_OID(0);
	key = PG_GETARG_DATUM(1);
	trigger = open_tracked(shard, &config, &desc, &table, &citus_shell);
	map = PG_ARGISNULL(2) ? NULL : PG_GETARG_ARRAYTYPE_P(2);
	if (citus_shell)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("news_analysis.analyse_shard_row() analyses the rows of a shard, not of the Citus table \"%s\"",
						get_rel_name(shard)),
				 errhint("Call news_analysis.analyse_existing() or news_analysis.reanalyse() on the table.")));
	key_type = SPI_gettypeid(desc, column_number(&config, desc, config.key_column));
	(void) column_number(&config, desc, config.text_column);
	if (getBaseType(arg_type) != getBaseType(key_type))
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("the key given is of type %s, the key column \"%s\" of table %s is of type %s",
						format_type_be(arg_type), config.key_column, table, format_type_be(key_type))));

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "news_analysis: SPI_connect failed");
	if (map != NULL)
	{
		/* the colocated shards as the coordinator sees them */
		na_citus_shard shard_map;

		if (na_citus_trigger_shard(trigger->tgname) == 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("table %s is not a shard of a Citus distributed table: it takes no map of colocated shards",
							table)));
		na_citus_shard_from_map(na_citus_trigger_shard(trigger->tgname), map, &shard_map);
		if (OidIsValid(shard_map.logical))
			config.logical_source = shard_map.logical;
		for (int d = 0; d < NA_NDERIVED; d++)
			config.derived[d] = shard_map.derived[d];
	}
	else
		config_for_shard(&config, trigger);
	plans = get_plans(&config, key_type);

	/* the failures of the article go: it is analysed again (and recorded again if it fails) */
	{
		Oid			argtypes[2] = {OIDOID, TEXTOID};
		Datum		args[2] = {ObjectIdGetDatum(config.logical_source),
		CStringGetTextDatum(track_key_text(key_type, key))};

		ret = SPI_execute_with_args("DELETE FROM news_analysis.failures f"
									" WHERE f.source OPERATOR(pg_catalog.=) $1::pg_catalog.regclass"
									" AND f.article_key OPERATOR(pg_catalog.=) $2",
									2, argtypes, args, NULL, false, 0);
		if (ret != SPI_OK_DELETE)
			elog(ERROR, "news_analysis: deleting failures returned %s", SPI_result_code_string(ret));
	}

	track_analyser_begin(&an, &config, plans);
	done = analyse_query(&an,
						 psprintf("SELECT %s, %s::pg_catalog.text, true FROM %s"
								  " WHERE %s OPERATOR(pg_catalog.=) $1 FOR UPDATE",
								  quote_identifier(config.key_column),
								  quote_identifier(config.text_column), table,
								  quote_identifier(config.key_column)),
						 1, &key_type, &key, false, 1);
	track_analyser_end(&an);
	SPI_finish();
	PG_RETURN_INT32((int32) done);
}

/*
 * news_analysis.analysis_writing() returns boolean: is this backend's
 * analysis writing derived rows right now?  Exists for the WHEN clause of
 * the derived tables' restore trigger (see track_writing_derived_rows).
 */
Datum
na_analysis_writing(PG_FUNCTION_ARGS)
{
	(void) fcinfo;
	PG_RETURN_BOOL(track_writing_derived_rows);
}
