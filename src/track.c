/*
 * track.c - analyse on write: the trigger that keeps a tracked table's
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
 * Each row is scanned once (na_analyse); its derived rows are written with
 * prepared plans cached per tracked table.  In lenient mode an analysis error
 * is contained by a subtransaction: the article row stays, a WARNING is
 * raised and the error is recorded in news_analysis.failures.  Strict mode
 * lets the error reject the row.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
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
#include "utils/typcache.h"

#include "na_analysis.h"
#include "na_pg.h"
#include "quotes_pg.h"
#include "votes_pg.h"

PG_FUNCTION_INFO_V1(na_analyse_trigger);
PG_FUNCTION_INFO_V1(na_analyse_existing);

#define TRIGGER_NAME "news_analysis_analyse"
#define TRIGGER_NARGS 6
#define FAIL_ON_GUC "news_analysis.fail_on"

/* The derived tables, in trigger-argument order. */
typedef enum derived_kind
{
	DERIVED_QUOTES,
	DERIVED_SPEAKERS,
	DERIVED_VOTES,
	NDERIVED
} derived_kind;

/* The composite type whose columns each derived table carries. */
static const char *const derived_type_name[NDERIVED] = {"quote", "speaker", "vote_event"};

/* How one table is tracked: the trigger's arguments. */
typedef struct track_config
{
	Oid			source;
	const char *text_column;
	const char *key_column;
	bool		strict;
	const char *derived[NDERIVED];	/* qualified, quoted table names */
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
	TupleDesc	row_desc[NDERIVED];	/* the composite type of each derived table */
	Oid			array_type[NDERIVED];	/* and its array type */
	SPIPlanPtr	delete_plan;	/* delete every derived row of a key */
	SPIPlanPtr	insert_plan;	/* insert an article's rows into all three */
	SPIPlanPtr	failure_plan;	/* record a failure */
	SPIPlanPtr	truncate_plan;
} track_plans;

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
typedef struct row_context
{
	const track_config *config;
	Oid			key_type;
	Datum		key;
} row_context;

/* Columns the row builders fill, per derived table. */
static const int builder_natts[NDERIVED] = {NA_QUOTE_NATTS, NA_SPEAKER_NATTS, NA_VOTE_NATTS};

/*
 * The derived rows of one article, built before anything is written: an
 * array of composite values per derived table (NULL when there are none),
 * so that one statement inserts them all.
 */
typedef struct derived_rows
{
	Datum		array[NDERIVED];
	bool		isnull[NDERIVED];
} derived_rows;

static char *
key_text(Oid key_type, Datum key)
{
	Oid			output;
	bool		varlena;

	getTypeOutputInfo(key_type, &output, &varlena);
	return OidOutputFunctionCall(output, key);
}

static char *
qualified_table(Oid relid)
{
	char	   *name = get_rel_name(relid);

	if (name == NULL)
		return psprintf("with OID %u", relid);
	return quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)), name);
}

static void
row_error_callback(void *arg)
{
	row_context *rc = (row_context *) arg;

	errcontext("news_analysis analysing the article with %s = %s of table %s",
			   quote_identifier(rc->config->key_column),
			   key_text(rc->key_type, rc->key),
			   qualified_table(rc->config->source));
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
	for (int d = 0; d < NDERIVED; d++)
		config->derived[d] = trigger->tgargs[3 + d];
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

static void
free_plans(track_plans *plans)
{
	if (plans->delete_plan)
		SPI_freeplan(plans->delete_plan);
	if (plans->insert_plan)
		SPI_freeplan(plans->insert_plan);
	for (int d = 0; d < NDERIVED; d++)
		if (plans->row_desc[d])
			FreeTupleDesc(plans->row_desc[d]);
	if (plans->failure_plan)
		SPI_freeplan(plans->failure_plan);
	if (plans->truncate_plan)
		SPI_freeplan(plans->truncate_plan);
	if (plans->signature)
		pfree(plans->signature);
	memset(((char *) plans) + sizeof(Oid), 0, sizeof(track_plans) - sizeof(Oid));
}

/* The cached plans of a tracked table, prepared on first use (needs SPI). */
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
	for (int d = 0; d < NDERIVED; d++)
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
		StringInfoData sql;
		Oid			argtypes[FUNC_MAX_ARGS];

		initStringInfo(&sql);

		/* one statement deletes a key's rows in every derived table */
		appendStringInfo(&sql,
						 "WITH q AS (DELETE FROM %s WHERE article_key OPERATOR(pg_catalog.=) $1), "
						 "s AS (DELETE FROM %s WHERE article_key OPERATOR(pg_catalog.=) $1) "
						 "DELETE FROM %s WHERE article_key OPERATOR(pg_catalog.=) $1",
						 config->derived[DERIVED_QUOTES], config->derived[DERIVED_SPEAKERS],
						 config->derived[DERIVED_VOTES]);
		argtypes[0] = key_type;
		plans->delete_plan = prepare_kept(sql.data, 1, argtypes);

		/*
		 * One statement inserts an article's rows into the three tables,
		 * each from an array of its composite type.
		 */
		resetStringInfo(&sql);
		argtypes[0] = key_type;
		for (int d = 0; d < NDERIVED; d++)
		{
			MemoryContext oldctx = MemoryContextSwitchTo(TopMemoryContext);
			TupleDesc	desc = composite_desc(derived_type_name[d]);

			MemoryContextSwitchTo(oldctx);
			plans->row_desc[d] = desc;
			if (desc->natts != builder_natts[d])
				ereport(ERROR,
						(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
						 errmsg("type news_analysis.%s has %d attributes, this build of news_analysis writes %d",
								derived_type_name[d], desc->natts, builder_natts[d]),
						 errhint("Update the extension: ALTER EXTENSION news_analysis UPDATE.")));
			plans->array_type[d] = get_array_type(desc->tdtypeid);
			argtypes[d + 1] = plans->array_type[d];

			appendStringInfoString(&sql, d == 0 ? "WITH " : d < NDERIVED - 1 ? ", " : " ");
			if (d < NDERIVED - 1)
				appendStringInfo(&sql, "d%d AS (", d);
			appendStringInfo(&sql, "INSERT INTO %s (article_key", config->derived[d]);
			for (int a = 0; a < desc->natts; a++)
				appendStringInfo(&sql, ", %s",
								 quote_identifier(NameStr(TupleDescAttr(desc, a)->attname)));
			appendStringInfo(&sql, ") SELECT $1, u.* FROM pg_catalog.unnest($%d) u", d + 2);
			if (d < NDERIVED - 1)
				appendStringInfoChar(&sql, ')');
		}
		plans->insert_plan = prepare_kept(sql.data, NDERIVED + 1, argtypes);

		argtypes[0] = OIDOID;
		argtypes[1] = TEXTOID;
		argtypes[2] = TEXTOID;
		argtypes[3] = TEXTOID;
		argtypes[4] = TEXTOID;
		argtypes[5] = TEXTOID;
		plans->failure_plan = prepare_kept(
			"INSERT INTO news_analysis.failures "
			"(source, source_table, article_key, sqlstate, message, detail) "
			"VALUES ($1, $2, $3, $4, $5, $6)", 6, argtypes);

		resetStringInfo(&sql);
		appendStringInfo(&sql, "TRUNCATE %s, %s, %s", config->derived[DERIVED_QUOTES],
						 config->derived[DERIVED_SPEAKERS], config->derived[DERIVED_VOTES]);
		plans->truncate_plan = prepare_kept(sql.data, 0, NULL);
		pfree(sql.data);
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
 * news_analysis.fail_on (for tests only): a text containing this string makes
 * the analysis fail, so that failure handling can be exercised.
 */
static void
check_fail_on(const na_pg_text *doc)
{
	const char *fail_on = GetConfigOption(FAIL_ON_GUC, true, false);

	if (fail_on == NULL || fail_on[0] == '\0')
		return;
	if (memmem(doc->server, doc->server_len, fail_on, strlen(fail_on)) != NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_EXCEPTION),
				 errmsg("analysis refused: the text contains \"%s\"", fail_on),
				 errdetail("The setting %s asks for this failure; it exists for tests.",
						   FAIL_ON_GUC)));
}

/* Rows 0..n-1 of derived table d as an array of its composite type. */
static void
rows_to_array(const track_plans *plans, derived_kind d, uint32 n,
			  const na_analysis *analysis, const na_pg_text *doc, derived_rows *rows)
{
	TupleDesc	desc = plans->row_desc[d];
	Datum	   *elems;
	Datum		values[FUNC_MAX_ARGS];
	bool		nulls[FUNC_MAX_ARGS];
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (n == 0)
	{
		rows->array[d] = (Datum) 0;
		rows->isnull[d] = true;
		return;
	}
	elems = palloc(sizeof(Datum) * n);
	for (uint32 i = 0; i < n; i++)
	{
		memset(nulls, 0, sizeof(nulls));
		if (d == DERIVED_QUOTES)
			na_pg_quote_values(&analysis->quotes, i, doc, values, nulls);
		else if (d == DERIVED_SPEAKERS)
			na_pg_speaker_values(&analysis->quotes, i, doc, values, nulls);
		else
			na_pg_vote_values(&analysis->votes, i, doc, values, nulls);
		elems[i] = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
	}
	get_typlenbyvalalign(desc->tdtypeid, &typlen, &typbyval, &typalign);
	rows->array[d] = PointerGetDatum(construct_array(elems, (int) n, desc->tdtypeid,
													 typlen, typbyval, typalign));
	rows->isnull[d] = false;
}

/* Analyse one text and build its derived rows in the current memory context. */
static void
build_rows(const track_plans *plans, text *body, derived_rows *rows)
{
	na_pg_text	doc;
	na_mem		mem;
	na_analysis analysis;

	memset(rows, 0, sizeof(*rows));
	na_pg_mem_init(&mem, CurrentMemoryContext);
	na_pg_text_init(&doc, body);
	check_fail_on(&doc);
	na_pg_check_status(na_analyse(&analysis, doc.utf8, doc.utf8_len, doc.scan_options,
								  NA_ANALYSE_ALL, &mem));

	rows_to_array(plans, DERIVED_QUOTES, analysis.quotes.nquotes, &analysis, &doc, rows);
	rows_to_array(plans, DERIVED_SPEAKERS, analysis.quotes.nspeakers, &analysis, &doc, rows);
	rows_to_array(plans, DERIVED_VOTES, analysis.votes.nvotes, &analysis, &doc, rows);
}

/* Errors that must stop the statement even in lenient mode. */
static bool
must_propagate(int sqlerrcode)
{
	return sqlerrcode == ERRCODE_QUERY_CANCELED ||
		ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_OPERATOR_INTERVENTION ||
		ERRCODE_TO_CATEGORY(sqlerrcode) == ERRCODE_SYSTEM_ERROR;
}

static void
record_failure(const track_config *config, const track_plans *plans, Datum key,
			   ErrorData *edata)
{
	Datum		params[6];
	char		nulls[6] = {' ', ' ', ' ', ' ', ' ', ' '};
	char	   *key_str = key_text(plans->key_type, key);
	char	   *table = qualified_table(config->source);
	int			ret;

	ereport(WARNING,
			(errcode(ERRCODE_WARNING),
			 errmsg("article with %s = %s of table %s was stored without analysis: %s",
					quote_identifier(config->key_column), key_str, table, edata->message),
			 errdetail("The error is recorded in news_analysis.failures."),
			 errhint("Fix the cause and update the row; news_analysis.set_strict(table, true) rejects such rows instead.")));

	params[0] = ObjectIdGetDatum(config->source);
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
	ret = SPI_execute_plan(plans->failure_plan, params, nulls, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "news_analysis: recording a failure returned %s", SPI_result_code_string(ret));
}

/*
 * Analyse in a subtransaction, as a PL/pgSQL exception block does, so that
 * any error of the analysis is contained.  Returns false (after recording
 * the failure) when it failed.
 */
static bool
build_rows_contained(const track_config *config, const track_plans *plans,
					 Datum key, text *body, derived_rows *rows)
{
	MemoryContext rowctx = CurrentMemoryContext;
	ResourceOwner owner = CurrentResourceOwner;
	ErrorData  *volatile edata = NULL;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(rowctx);
	PG_TRY();
	{
		build_rows(plans, body, rows);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(rowctx);
		CurrentResourceOwner = owner;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(rowctx);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(rowctx);
		CurrentResourceOwner = owner;
	}
	PG_END_TRY();

	/* a cancel or shutdown is not a failure of the article */
	if (edata != NULL && must_propagate(edata->sqlerrcode))
		ReThrowError(edata);

	if (edata == NULL)
		return true;
	record_failure(config, plans, key, edata);
	FreeErrorData(edata);
	return false;
}

static void
delete_derived(const track_plans *plans, Datum key)
{
	int			ret = SPI_execute_plan(plans->delete_plan, &key, NULL, false, 0);

	if (ret != SPI_OK_DELETE)
		elog(ERROR, "news_analysis: deleting derived rows returned %s", SPI_result_code_string(ret));
}

static void
insert_derived(const track_plans *plans, Datum key, const derived_rows *rows)
{
	Datum		params[NDERIVED + 1];
	char		nulls[NDERIVED + 1];
	int			ret;

	if (rows->isnull[DERIVED_QUOTES] && rows->isnull[DERIVED_SPEAKERS] &&
		rows->isnull[DERIVED_VOTES])
		return;
	params[0] = key;
	nulls[0] = ' ';
	for (int d = 0; d < NDERIVED; d++)
	{
		params[d + 1] = rows->array[d];
		nulls[d + 1] = rows->isnull[d] ? 'n' : ' ';
	}
	ret = SPI_execute_plan(plans->insert_plan, params, nulls, false, 0);
	if (ret != SPI_OK_INSERT)
		elog(ERROR, "news_analysis: inserting derived rows returned %s",
			 SPI_result_code_string(ret));
}

/*
 * Replace the derived rows of an article: delete those of old_key (when
 * has_old), then analyse body (NULL: no rows) and insert those of key.
 * Returns false when the analysis failed (lenient mode).
 */
static bool
analyse_article(const track_config *config, const track_plans *plans,
				bool has_old, Datum old_key, Datum key, text *body)
{
	derived_rows rows;
	ErrorContextCallback errcallback;
	row_context rc;
	bool		ok = true;

	rc.config = config;
	rc.key_type = plans->key_type;
	rc.key = key;
	errcallback.callback = row_error_callback;
	errcallback.arg = &rc;
	errcallback.previous = error_context_stack;
	error_context_stack = &errcallback;

	if (has_old)
		delete_derived(plans, old_key);

	if (body != NULL && VARSIZE_ANY_EXHDR(body) > 0)
	{
		if (config->strict)
			build_rows(plans, body, &rows);
		else
			ok = build_rows_contained(config, plans, key, body, &rows);
		if (ok)
			insert_derived(plans, key, &rows);
	}

	error_context_stack = errcallback.previous;
	return ok;
}

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

/* The text of a row, detoasted; NULL for SQL NULL. */
static text *
row_text(HeapTuple tuple, TupleDesc desc, int attnum)
{
	bool		isnull;
	Datum		value = heap_getattr(tuple, attnum, desc, &isnull);

	return isnull ? NULL : DatumGetTextPP(value);
}

/*
 * news_analysis.analyse_trigger(): AFTER INSERT OR UPDATE OR DELETE FOR EACH
 * ROW, and AFTER TRUNCATE FOR EACH STATEMENT.
 */
Datum
na_analyse_trigger(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;
	TupleDesc	desc;
	track_config config;
	track_plans *plans;
	int			key_att;
	int			text_att;
	Oid			key_type;
	MemoryContext rowctx;
	MemoryContext oldctx;
	bool		isnull;
	Datum		key;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_trigger() was not called by the trigger manager")));
	if (!TRIGGER_FIRED_AFTER(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_trigger() must be fired AFTER the event"),
				 errhint("Attach it with news_analysis.track().")));

	config_from_trigger(&config, RelationGetRelid(trigdata->tg_relation), trigdata->tg_trigger);
	desc = RelationGetDescr(trigdata->tg_relation);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "news_analysis: SPI_connect failed");

	key_att = column_number(&config, desc, config.key_column);
	text_att = column_number(&config, desc, config.text_column);
	key_type = SPI_gettypeid(desc, key_att);
	plans = get_plans(&config, key_type);

	if (TRIGGER_FIRED_BY_TRUNCATE(trigdata->tg_event))
	{
		int			ret = SPI_execute_plan(plans->truncate_plan, NULL, NULL, false, 0);

		if (ret != SPI_OK_UTILITY)
			elog(ERROR, "news_analysis: truncating derived tables returned %s",
				 SPI_result_code_string(ret));
		SPI_finish();
		return PointerGetDatum(NULL);
	}
	if (!TRIGGER_FIRED_FOR_ROW(trigdata->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_analysis.analyse_trigger() must be fired FOR EACH ROW for INSERT, UPDATE and DELETE")));

	rowctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis row",
								   ALLOCSET_DEFAULT_SIZES);
	oldctx = MemoryContextSwitchTo(rowctx);

	key = heap_getattr(trigdata->tg_trigtuple, key_att, desc, &isnull);
	if (TRIGGER_FIRED_BY_INSERT(trigdata->tg_event))
	{
		if (!isnull)
			analyse_article(&config, plans, false, (Datum) 0, key,
							row_text(trigdata->tg_trigtuple, desc, text_att));
	}
	else if (TRIGGER_FIRED_BY_DELETE(trigdata->tg_event))
	{
		if (!isnull)
			delete_derived(plans, key);
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
		bool		unchanged;

		/* SET body = body: nothing to redo */
		unchanged = !isnull && !new_isnull &&
			datumIsEqual(key, new_key, key_form->attbyval, key_form->attlen) &&
			old_text_null == new_text_null &&
			(old_text_null || datumIsEqual(old_text, new_text, false, -1));
		if (!unchanged)
		{
			if (new_isnull)
			{
				if (!isnull)
					delete_derived(plans, key);
			}
			else
				analyse_article(&config, plans, !isnull, key, new_key,
								new_text_null ? NULL : DatumGetTextPP(new_text));
		}
	}

	MemoryContextSwitchTo(oldctx);
	MemoryContextDelete(rowctx);
	SPI_finish();
	return PointerGetDatum(NULL);
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
	Relation	rel;
	const Trigger *trigger = NULL;
	track_config config;
	track_plans *plans;
	TupleDesc	desc;
	int			key_att;
	Oid			key_type;
	char	   *table;
	char	   *sql;
	SPIPlanPtr	scan_plan;
	Portal		portal;
	MemoryContext rowctx;
	int64		total;
	int64		done = 0;
	int64		failed = 0;
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

	rel = table_open(source, AccessShareLock);
	if (rel->trigdesc != NULL)
	{
		for (int i = 0; i < rel->trigdesc->numtriggers; i++)
			if (strcmp(rel->trigdesc->triggers[i].tgname, TRIGGER_NAME) == 0)
				trigger = &rel->trigdesc->triggers[i];
	}
	if (trigger == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("table \"%s\" is not tracked by news_analysis", RelationGetRelationName(rel)),
				 errhint("Call news_analysis.track() first.")));
	/* the relcache entry may be rebuilt while we run: copy what we need */
	{
		Trigger    *copy = palloc(sizeof(Trigger));

		memcpy(copy, trigger, sizeof(Trigger));
		copy->tgargs = palloc(sizeof(char *) * trigger->tgnargs);
		for (int i = 0; i < trigger->tgnargs; i++)
			copy->tgargs[i] = pstrdup(trigger->tgargs[i]);
		copy->tgname = pstrdup(trigger->tgname);
		config_from_trigger(&config, source, copy);
	}
	desc = CreateTupleDescCopy(RelationGetDescr(rel));
	table = quote_qualified_identifier(get_namespace_name(RelationGetNamespace(rel)),
									   RelationGetRelationName(rel));
	table_close(rel, AccessShareLock);

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "news_analysis: SPI_connect failed");
	key_att = column_number(&config, desc, config.key_column);
	(void) column_number(&config, desc, config.text_column);
	key_type = SPI_gettypeid(desc, key_att);
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

		sql = psprintf("SELECT %s, %s::pg_catalog.text FROM %s WHERE %s%s",
					   quote_identifier(config.key_column), quote_identifier(config.text_column),
					   table, where.data, have_blocks ? " FOR UPDATE" : "");
		scan_plan = SPI_prepare(sql, have_keys ? 1 : 0, argtypes);
		if (scan_plan == NULL)
			elog(ERROR, "news_analysis: SPI_prepare failed for: %s", sql);
		portal = SPI_cursor_open(NULL, scan_plan, &keys, nulls, !have_blocks);
	}

	rowctx = AllocSetContextCreate(CurrentMemoryContext, "news_analysis row",
								   ALLOCSET_DEFAULT_SIZES);
	for (;;)
	{
		SPITupleTable *batch;
		uint64		n;

		SPI_cursor_fetch(portal, true, batch_size);
		batch = SPI_tuptable;
		n = SPI_processed;
		if (n == 0)
			break;
		for (uint64 i = 0; i < n; i++)
		{
			MemoryContext oldctx;
			bool		key_null;
			bool		text_null;
			Datum		key;
			Datum		body;

			CHECK_FOR_INTERRUPTS();
			oldctx = MemoryContextSwitchTo(rowctx);
			key = SPI_getbinval(batch->vals[i], batch->tupdesc, 1, &key_null);
			body = SPI_getbinval(batch->vals[i], batch->tupdesc, 2, &text_null);
			if (!analyse_article(&config, plans, true, key, key,
								 text_null ? NULL : DatumGetTextPP(body)))
				failed++;
			MemoryContextSwitchTo(oldctx);
			MemoryContextReset(rowctx);
			done++;
		}
		SPI_freetuptable(batch);
		if (total >= 0)
			ereport(NOTICE,
					(errmsg("analysed " INT64_FORMAT " of " INT64_FORMAT " rows of %s%s",
							done, total, table,
							failed ? psprintf(" (" INT64_FORMAT " failed)", failed) : "")));
	}
	SPI_cursor_close(portal);
	SPI_freeplan(scan_plan);
	MemoryContextDelete(rowctx);
	SPI_finish();
	PG_RETURN_INT64(done);
}
