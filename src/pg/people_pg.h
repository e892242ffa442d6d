/*
 * people_pg.h - the people registry's name keys (people_pg.c), shared with
 * the registry's trigger (people_registry_pg.c).
 */
#ifndef PEOPLE_PG_H
#define PEOPLE_PG_H

#include "postgres.h"

/* person_key(name, gender) of src/sql/45_people.sql: NULL when the name holds no name. */
text	   *na_person_key_text(text *name, text *gender);

#endif							/* PEOPLE_PG_H */
