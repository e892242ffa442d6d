/*
 * citus_pg.c - analysis on write under Citus (see citus_pg.h).
 *
 * Nothing here links to Citus: it is recognised by its catalog
 * (pg_catalog.pg_dist_shard, pg_dist_partition) and its trigger function
 * citus_truncate_trigger, and used through SQL.  Without Citus every
 * function answers "not Citus" after a catalog lookup or a string test, so
 * the single-node path pays nothing.
 *
 * Why the shard triggers write into shards: a trigger on a shard runs on
 * the worker inside the task Citus sent it; a statement on the derived
 * distributed table from there is planned by Citus as a distributed
 * INSERT ... SELECT that cannot see the trigger's rows (and a remote task
 * from a task is refused).  The colocated shard of a derived table holds
 * exactly the rows of the articles of this shard (same hash range), is on
 * the same node, and is written like a plain table.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "citus_pg.h"

/* The triggers news_analysis.attach_trigger() makes; Citus appends _<shard id> on shards. */
static const char *const tracked_trigger_names[] = {
	"news_analysis_analyse", "news_analysis_analyse_ahead", "news_analysis_analyse_inserted",
	"news_analysis_analyse_update",
	"news_analysis_analyse_delete", "news_analysis_analyse_truncate"
};

/* Is Citus's catalog in this database? (One syscache lookup.) */
static bool
citus_catalog_present(void)
{
	return OidIsValid(get_relname_relid("pg_dist_shard", PG_CATALOG_NAMESPACE)) &&
		OidIsValid(get_relname_relid("pg_dist_partition", PG_CATALOG_NAMESPACE));
}

bool
na_citus_is_shell(Relation rel)
{
	TriggerDesc *trigdesc = rel->trigdesc;

	if (trigdesc == NULL)
		return false;
	for (int i = 0; i < trigdesc->numtriggers; i++)
	{
		const Trigger *trigger = &trigdesc->triggers[i];
		char	   *fname;
		bool		citus;

		/* Citus gives every Citus table an internal truncate trigger of its own */
		if (!trigger->tgisinternal)
			continue;
		fname = get_func_name(trigger->tgfoid);
		citus = fname != NULL && strcmp(fname, "citus_truncate_trigger") == 0 &&
			get_func_namespace(trigger->tgfoid) == PG_CATALOG_NAMESPACE;
		if (fname)
			pfree(fname);
		if (citus)
			return true;
	}
	return false;
}

bool
na_citus_is_distributed(Oid relid)
{
	Oid			argtypes[1] = {OIDOID};
	Datum		args[1] = {ObjectIdGetDatum(relid)};
	int			ret;
	bool		distributed;

	if (!citus_catalog_present())
		return false;
	ret = SPI_execute_with_args("SELECT 1 FROM pg_catalog.pg_dist_partition p"
								" WHERE p.logicalrelid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass"
								" AND p.partmethod OPERATOR(pg_catalog.=) 'h'",
								1, argtypes, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "news_analysis: reading pg_dist_partition returned %s", SPI_result_code_string(ret));
	distributed = SPI_processed > 0;
	SPI_freetuptable(SPI_tuptable);
	return distributed;
}

uint64
na_citus_trigger_shard(const char *trigger_name)
{
	const char *sep = strrchr(trigger_name, '_');
	size_t		base_len;
	uint64		shard_id = 0;

	if (sep == NULL || sep[1] == '\0')
		return 0;
	for (const char *p = sep + 1; *p; p++)
	{
		if (*p < '0' || *p > '9' || shard_id > PG_UINT64_MAX / 10 - 1)
			return 0;
		shard_id = shard_id * 10 + (uint64) (*p - '0');
	}
	base_len = sep - trigger_name;
	for (int i = 0; i < (int) lengthof(tracked_trigger_names); i++)
		if (strlen(tracked_trigger_names[i]) == base_len &&
			strncmp(tracked_trigger_names[i], trigger_name, base_len) == 0)
			return shard_id;
	return 0;
}

/* What a shard trigger resolved to, kept for the session. */
typedef struct shard_entry
{
	Oid			trigger_oid;	/* hash key */
	na_citus_shard shard;
	char	   *signature;		/* the derived tables named by the trigger, to notice a change */
} shard_entry;

static HTAB *shard_cache = NULL;

/* The colocated shard of the distributed table named derived, for shard shard_id. */
static char *
colocated_shard(uint64 shard_id, const char *derived, Oid *logical)
{
	Oid			argtypes[2] = {INT8OID, TEXTOID};
	Datum		args[2] = {Int64GetDatum((int64) shard_id), CStringGetTextDatum(derived)};
	bool		isnull;
	char	   *name;
	int			ret;

	/*
	 * Colocated tables have the same hash ranges: the derived table's shard
	 * with this shard's range holds the derived rows of its articles.
	 */
	ret = SPI_execute_with_args(
		"SELECT pg_catalog.shard_name(d.logicalrelid, d.shardid, false), s.logicalrelid::pg_catalog.oid"
		"  FROM pg_catalog.pg_dist_shard s"
		"  JOIN pg_catalog.pg_dist_partition ps ON ps.logicalrelid OPERATOR(pg_catalog.=) s.logicalrelid"
		"  JOIN pg_catalog.pg_dist_partition pd ON pd.colocationid OPERATOR(pg_catalog.=) ps.colocationid"
		"  JOIN pg_catalog.pg_dist_shard d ON d.logicalrelid OPERATOR(pg_catalog.=) pd.logicalrelid"
		"   AND d.shardminvalue OPERATOR(pg_catalog.=) s.shardminvalue"
		" WHERE s.shardid OPERATOR(pg_catalog.=) $1"
		"   AND d.logicalrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($2)",
		2, argtypes, args, NULL, true, 2);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "news_analysis: reading the Citus shard metadata returned %s",
			 SPI_result_code_string(ret));
	if (SPI_processed != 1)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("news_analysis found no shard of %s colocated with shard " UINT64_FORMAT " on this node",
						derived, shard_id),
				 errdetail("The derived tables of a distributed table must be distributed by article_key, colocated with it, and the Citus metadata must be on every node."),
				 errhint("Track the table again: SELECT news_analysis.untrack(table); SELECT news_analysis.track(...);")));
	name = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1);
	*logical = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return name;
}

void
na_citus_shard_of_trigger(Oid trigger_oid, const char *trigger_name,
						  const char *const *derived, na_citus_shard *shard)
{
	uint64		shard_id = na_citus_trigger_shard(trigger_name);
	StringInfoData sig;
	shard_entry *entry;
	bool		found;

	memset(shard, 0, sizeof(*shard));
	if (shard_id == 0 || !citus_catalog_present())
		return;

	if (shard_cache == NULL)
	{
		HASHCTL		ctl;

		ctl.keysize = sizeof(Oid);
		ctl.entrysize = sizeof(shard_entry);
		shard_cache = hash_create("news_analysis Citus shards", 16, &ctl, HASH_ELEM | HASH_BLOBS);
	}
	initStringInfo(&sig);
	appendStringInfo(&sig, UINT64_FORMAT, shard_id);
	for (int d = 0; d < NA_NDERIVED; d++)
		appendStringInfo(&sig, "|%s", derived[d]);

	entry = hash_search(shard_cache, &trigger_oid, HASH_FIND, NULL);
	if (entry == NULL || strcmp(entry->signature, sig.data) != 0)
	{
		na_citus_shard resolved;
		Oid			logical = InvalidOid;
		char	   *names[NA_NDERIVED];

		memset(&resolved, 0, sizeof(resolved));
		/* resolve before touching the cache: an error leaves it as it was */
		for (int d = 0; d < NA_NDERIVED; d++)
			names[d] = colocated_shard(shard_id, derived[d], &logical);
		resolved.is_shard = true;
		resolved.shard_id = shard_id;
		resolved.logical = logical;
		for (int d = 0; d < NA_NDERIVED; d++)
			resolved.derived[d] = MemoryContextStrdup(TopMemoryContext, names[d]);

		entry = hash_search(shard_cache, &trigger_oid, HASH_ENTER, &found);
		if (found)
		{
			for (int d = 0; d < NA_NDERIVED; d++)
				pfree((char *) entry->shard.derived[d]);
			pfree(entry->signature);
		}
		entry->shard = resolved;
		entry->signature = MemoryContextStrdup(TopMemoryContext, sig.data);
	}
	pfree(sig.data);
	*shard = entry->shard;
}

/* This node's OID of the distributed table of a shard, InvalidOid if its metadata is not visible. */
static Oid
logical_of_shard(uint64 shard_id)
{
	Oid			argtypes[1] = {INT8OID};
	Datum		args[1] = {Int64GetDatum((int64) shard_id)};
	bool		isnull;
	Oid			logical = InvalidOid;
	int			ret;

	ret = SPI_execute_with_args("SELECT s.logicalrelid::pg_catalog.oid FROM pg_catalog.pg_dist_shard s"
								" WHERE s.shardid OPERATOR(pg_catalog.=) $1",
								1, argtypes, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "news_analysis: reading pg_dist_shard returned %s", SPI_result_code_string(ret));
	if (SPI_processed == 1)
		logical = DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	return logical;
}

void
na_citus_shard_from_map(uint64 shard_id, ArrayType *map, na_citus_shard *shard)
{
	Datum	   *items;
	bool	   *nulls;
	int			n;
	char		id[32];

	memset(shard, 0, sizeof(*shard));
	if (ARR_NDIM(map) != 2 || ARR_DIMS(map)[1] != 1 + NA_NDERIVED)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the map of colocated shards must have rows of %d values", 1 + NA_NDERIVED)));
	deconstruct_array(map, TEXTOID, -1, false, TYPALIGN_INT, &items, &nulls, &n);
	snprintf(id, sizeof(id), UINT64_FORMAT, shard_id);
	for (int row = 0; row + NA_NDERIVED < n; row += 1 + NA_NDERIVED)
	{
		bool		any_null = false;

		for (int i = 0; i <= NA_NDERIVED; i++)
			any_null |= nulls[row + i];
		if (any_null || strcmp(TextDatumGetCString(items[row]), id) != 0)
			continue;
		shard->is_shard = true;
		shard->shard_id = shard_id;
		for (int d = 0; d < NA_NDERIVED; d++)
			shard->derived[d] = TextDatumGetCString(items[row + 1 + d]);
		shard->logical = logical_of_shard(shard_id);
		return;
	}
	ereport(ERROR,
			(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
			 errmsg("shard " UINT64_FORMAT " is not in the map of colocated shards", shard_id),
			 errhint("Its table was changed by Citus (shards split or moved) while it was being analysed: run it again.")));
}

int64
na_citus_analyse_distributed(Oid source, const char *key_column, Datum keys,
							 const char *const *derived)
{
	char	   *table = quote_qualified_identifier(get_namespace_name(get_rel_namespace(source)),
												   get_rel_name(source));
	const char *key = quote_identifier(key_column);
	Oid			argtypes[4] = {OIDOID, TEXTOID, TEXTOID, TEXTOID};
	Datum		args[4];
	Datum		map;
	StringInfoData sql;
	bool		isnull;
	int64		done;
	int			ret;

	/*
	 * The colocated shards as the coordinator sees them: the workers may not
	 * see the metadata of derived tables distributed in this transaction.
	 */
	args[0] = ObjectIdGetDatum(source);
	for (int d = 0; d < NA_NDERIVED; d++)
		args[1 + d] = CStringGetTextDatum(derived[d]);
	ret = SPI_execute_with_args(
		"SELECT pg_catalog.array_agg(ARRAY[s.shardid::pg_catalog.text,"
		"         pg_catalog.shard_name(q.logicalrelid, q.shardid, false),"
		"         pg_catalog.shard_name(p.logicalrelid, p.shardid, false),"
		"         pg_catalog.shard_name(v.logicalrelid, v.shardid, false)])"
		"  FROM pg_catalog.pg_dist_shard s"
		"  JOIN pg_catalog.pg_dist_shard q ON q.logicalrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($2)"
		"   AND q.shardminvalue OPERATOR(pg_catalog.=) s.shardminvalue"
		"  JOIN pg_catalog.pg_dist_shard p ON p.logicalrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($3)"
		"   AND p.shardminvalue OPERATOR(pg_catalog.=) s.shardminvalue"
		"  JOIN pg_catalog.pg_dist_shard v ON v.logicalrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass($4)"
		"   AND v.shardminvalue OPERATOR(pg_catalog.=) s.shardminvalue"
		" WHERE s.logicalrelid OPERATOR(pg_catalog.=) $1::pg_catalog.regclass",
		4, argtypes, args, NULL, true, 1);
	if (ret != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "news_analysis: reading the shards of %s returned %s", table,
			 SPI_result_code_string(ret));
	map = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	if (isnull)
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("the derived tables of %s are not distributed colocated with it", table),
				 errhint("Track the table again: SELECT news_analysis.untrack(table); SELECT news_analysis.track(...);")));
	map = SPI_datumTransfer(map, false, -1);
	SPI_freetuptable(SPI_tuptable);

	/*
	 * Citus sends the query to every shard: each worker calls the function
	 * on its own rows, with the shard (tableoid) it read them from.
	 */
	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "SELECT pg_catalog.sum(news_analysis.analyse_shard_row(a.tableoid::pg_catalog.regclass, a.%s, $1))::pg_catalog.int8"
					 " FROM %s a WHERE a.%s IS NOT NULL",
					 key, table, key);
	if (keys != (Datum) 0)
		appendStringInfo(&sql, " AND a.%s::pg_catalog.text OPERATOR(pg_catalog.=) ANY ($2)", key);
	argtypes[0] = TEXTARRAYOID;
	argtypes[1] = TEXTARRAYOID;
	args[0] = map;
	args[1] = keys;
	ret = SPI_execute_with_args(sql.data, keys != (Datum) 0 ? 2 : 1, argtypes, args, NULL, false, 0);
	if (ret != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "news_analysis: analysing the shards of %s returned %s", table,
			 SPI_result_code_string(ret));
	done = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	SPI_freetuptable(SPI_tuptable);
	pfree(sql.data);
	return isnull ? 0 : done;
}
