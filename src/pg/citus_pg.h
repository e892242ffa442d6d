/*
 * citus_pg.h - analysis on write under Citus, found at run time (no link to
 * Citus: its catalog and SQL functions are read through SPI when present).
 *
 * On a Citus distributed table the tracked table's triggers exist twice:
 * on the distributed table itself (the coordinator's "shell", which holds
 * no rows) and, copied by Citus with the shard id appended to their names,
 * on every shard.  Only the shard triggers do the work: they analyse the
 * shard's rows and write into the colocated shards of the derived tables,
 * on the worker that holds them.
 */
#ifndef CITUS_PG_H
#define CITUS_PG_H

#include "postgres.h"

#include "derived_pg.h"
#include "utils/array.h"
#include "utils/rel.h"

/* Where a tracked table's triggers found themselves. */
typedef struct na_citus_shard
{
	bool		is_shard;		/* a shard of a Citus distributed table */
	uint64		shard_id;
	Oid			logical;		/* the distributed table (this node's OID of it) */
	/* the colocated shards of the derived tables: schema-qualified, quoted */
	const char *derived[NA_NDERIVED];
} na_citus_shard;

/*
 * Is rel the stand-in of a Citus table (distributed, reference or local),
 * whose rows live in shards with triggers of their own?  Relcache only.
 */
extern bool na_citus_is_shell(Relation rel);

/*
 * Is rel the stand-in of a Citus hash-distributed table?  Needs SPI
 * connected; false without Citus.
 */
extern bool na_citus_is_distributed(Oid relid);

/*
 * The shard id Citus appended to the name of a copy of one of the
 * triggers news_analysis.track() attaches (news_analysis_analyse_102008);
 * 0 when the name is one of ours unchanged (or not ours).
 */
extern uint64 na_citus_trigger_shard(const char *trigger_name);

/*
 * Fill *shard for the trigger trigger_oid named trigger_name whose
 * arguments name the derived tables derived[]: when it is the copy of a
 * tracked table's trigger on a shard, the colocated shards of the derived
 * tables and the distributed table; otherwise is_shard = false.  Needs SPI
 * connected.  Cached per trigger for the session.
 */
extern void na_citus_shard_of_trigger(Oid trigger_oid, const char *trigger_name,
									  const char *const *derived, na_citus_shard *shard);

/*
 * The same from a map the coordinator made (a text[][] of rows {shard id,
 * quotes shard, speakers shard, vote events shard}), for a worker that may
 * not see the metadata yet (the derived tables were distributed in the
 * caller's transaction).  Needs SPI connected.
 */
extern void na_citus_shard_from_map(uint64 shard_id, ArrayType *map, na_citus_shard *shard);

/*
 * Analyse (again) the rows of the distributed table source, or those whose
 * key as text is in keys (a text[] datum, or 0 for all), on the workers:
 * one distributed query calls news_analysis.analyse_shard_row() on every
 * row of every shard, with the map of the colocated shards of the derived
 * tables (named derived[]).  Returns the rows analysed.  Needs SPI.
 */
extern int64 na_citus_analyse_distributed(Oid source, const char *key_column, Datum keys,
										  const char *const *derived);

#endif							/* CITUS_PG_H */
