/*
 * people_pg.h - the people registry's name keys (people_pg.c), shared with
 * the registry's trigger (people_registry_pg.c) and its writer of counted
 * keys (people_upsert_pg.c).
 */
#ifndef PEOPLE_PG_H
#define PEOPLE_PG_H

#include "postgres.h"

/* person_key(name, gender) of src/sql/45_people.sql: NULL when the name holds no name. */
text	   *na_person_key_text(text *name, text *gender);

/* person_surname(key) of src/sql/45_people.sql. */
text	   *na_person_surname_text(const text *key);

/* What one statement adds to one key of the registry (the SQL's CTE "counted"). */
typedef struct na_counted_key
{
	text	   *key;
	text	   *name;
	Datum		aliases;		/* text[] */
	Datum		roles;			/* text[] */
	Datum		affiliations;	/* text[] */
	int64		male;
	int64		female;
	int64		articles;
	int64		quotes;
	bool		quotes_null;
} na_counted_key;

/*
 * Adds keys[0..n) to the registry table names (qualified, as the trigger's
 * argument) without a statement, as its INSERT ... ON CONFLICT DO UPDATE
 * would; sorts keys into the key column's order.  False, having written
 * nothing, where it cannot (the caller runs the statement).
 */
bool		na_people_upsert(const char *names, na_counted_key *keys, int n);

#endif							/* PEOPLE_PG_H */
