/*
 * module.c - the library's magic block and its load-time setup: the
 * settings it defines.
 */
#include "postgres.h"

#include "fmgr.h"

#include "parallel_pg.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	na_parallel_define_settings();
}
