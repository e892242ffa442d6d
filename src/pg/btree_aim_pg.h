/*
 * btree_aim_pg.h - index entries that go in key order aimed at the
 * rightmost leaf of their B-tree (see btree_aim_pg.c).
 */
#ifndef BTREE_AIM_PG_H
#define BTREE_AIM_PG_H

#include "utils/rel.h"

/* One B-tree's aim while one writer puts entries into it. */
typedef struct na_btree_aim
{
	Relation	index;
	bool		off;			/* not a B-tree, or its entries do not go to the right */
	bool		aimed;			/* a target was set before the entry being put */
	int			misses;			/* aimed entries in a row that missed */
	int			unaimed;		/* entries since a look found no leaf to aim at (0: none) */
} na_btree_aim;

extern void na_btree_aim_begin(na_btree_aim *aim, Relation index);
extern void na_btree_aim_before(na_btree_aim *aim);
extern void na_btree_aim_after(na_btree_aim *aim);

#endif							/* BTREE_AIM_PG_H */
