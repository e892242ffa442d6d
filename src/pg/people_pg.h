/*
 * people_pg.h - the people registry's name keys (people_pg.c), shared with
 * the registry's trigger (people_registry_pg.c) and its writer of counted
 * keys (people_upsert_pg.c).
 */
#ifndef PEOPLE_PG_H
#define PEOPLE_PG_H

#include "postgres.h"

#include "access/htup.h"
#include "utils/relcache.h"

/* person_key(name, gender) of src/sql/45_people.sql: NULL when the name holds no name. */
text	   *na_person_key_text(text *name, text *gender);

/* person_surname(key) of src/sql/45_people.sql. */
text	   *na_person_surname_text(const text *key);

/*
 * What one statement adds to one key of the registry (the SQL's CTE
 * "counted"): its distinct spellings, roles and affiliations in their
 * columns' collation order as texts, made into arrays only as the key is
 * written (na_counted_aliases and the others, in the current memory
 * context).
 */
typedef struct na_counted_key
{
	text	   *key;
	text	   *name;
	text	  **aliases;		/* NULL: the name alone */
	text	  **roles;
	text	  **affiliations;
	int64		male;
	int64		female;
	int64		articles;
	int64		quotes;
	int			naliases;
	int			nroles;
	int			naffiliations;
	bool		quotes_null;
} na_counted_key;				/* (a fresh backend touches one per key: no padding) */

/* key's spellings, roles and affiliations as text[] ('{}' for none) */
Datum		na_counted_aliases(const na_counted_key *key);
Datum		na_counted_roles(const na_counted_key *key);
Datum		na_counted_affiliations(const na_counted_key *key);

/*
 * Adds keys[0..n) to the registry table names (qualified, as the trigger's
 * argument) without a statement, as its INSERT ... ON CONFLICT DO UPDATE
 * would; sorts keys into the key column's order.  False, having written
 * nothing, where it cannot (the caller runs the statement).
 */
bool		na_people_upsert(const char *names, na_counted_key **keys, int n);

/*
 * The speaker rows one statement adds to the registry, in the order they
 * come (people_registry_pg.c): begin on the speakers table (names_hint:
 * how many distinct names may come, or 0), add each row (copied: the
 * caller's may go; with its person key where the worker that analysed it
 * computed it, else NULL: it is computed here), count (may run in parallel
 * mode: it writes nothing), write into the registry table (qualified, the
 * trigger's argument; counts first if not yet), end (frees everything).
 * people_added() is begin, add, write, end over its transition table.
 */
struct na_person_key;
typedef struct na_people_batch na_people_batch;

na_people_batch *na_people_batch_begin(Relation speakers, int64 names_hint);
void		na_people_batch_add(na_people_batch *batch, HeapTuple row,
								const struct na_person_key *person_key);
void		na_people_batch_count(na_people_batch *batch);
void		na_people_batch_write(na_people_batch *batch, const char *registry);
void		na_people_batch_end(na_people_batch *batch);

#endif							/* PEOPLE_PG_H */
