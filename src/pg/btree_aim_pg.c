/*
 * btree_aim_pg.c - index entries that go in key order aimed at the
 * rightmost leaf of their B-tree.
 *
 * Why: the trigger writes derived rows article after article (a COPY's
 * article keys mostly rise: serial numbers, ids given in order), and the
 * people registry's bulk write puts keys into an empty registry in
 * order, so most index entries go into the rightmost leaf.  B-tree has a
 * fast path for that (nbtinsert.c's _bt_search_insert: the index's target
 * block, checked under the page's lock to be the rightmost leaf, with room
 * and with keys below the new one, else forgotten and the tree searched
 * from its metapage down), but sets the target only in trees of three
 * levels or more, and the derived tables of a statement and a registry
 * of a few thousand keys have two: every entry searched the tree.  So the
 * writer sets the target itself to the rightmost leaf before an entry,
 * where there is none (a split made a new leaf, or none was set), as
 * B-tree would in a taller tree; B-tree checks it as it checks its own.
 * A leaf that is the root (an index of one page) is not aimed at, as B-tree
 * does not (looked at again every 64 entries).  Where entries do not go
 * to the right (keys in no order: four aimed entries in a row missed) the
 * writer stops aiming for the rest of its work: each miss costs a look
 * for the leaf and a page locked in vain.
 */
#include "postgres.h"

#include "access/nbtree.h"
#include "catalog/pg_am.h"
#include "storage/bufmgr.h"

#include "btree_aim_pg.h"

/* Aimed entries in a row that may miss before the writer stops aiming. */
#define AIM_MISSES 4
/* Entries between looks for a leaf to aim at when the last look found none. */
#define AIM_LOOK_AGAIN 64

/* An aim at index (opened, locked), off where it is not a B-tree. */
void
na_btree_aim_begin(na_btree_aim *aim, Relation index)
{
	memset(aim, 0, sizeof(*aim));
	aim->index = index;
	aim->off = index->rd_rel->relam != BTREE_AM_OID;
}

/* Before an entry goes into the index: the target set where none is. */
void
na_btree_aim_before(na_btree_aim *aim)
{
	Buffer		buf;

	aim->aimed = false;
	if (aim->off)
		return;
	if (RelationGetTargetBlock(aim->index) != InvalidBlockNumber)
	{
		aim->aimed = true;
		return;
	}
	if (aim->unaimed > 0 && aim->unaimed++ < AIM_LOOK_AGAIN)
		return;
	aim->unaimed = 1;
	buf = _bt_get_endpoint(aim->index, 0, true, NULL);
	if (BufferIsValid(buf))
	{
		BTPageOpaque opaque = BTPageGetOpaque(BufferGetPage(buf));

		if (P_ISLEAF(opaque) && P_RIGHTMOST(opaque) && !P_ISROOT(opaque))
		{
			RelationSetTargetBlock(aim->index, BufferGetBlockNumber(buf));
			aim->unaimed = 0;
			aim->aimed = true;
		}
		_bt_relbuf(aim->index, buf);
	}
}

/*
 * After the entry went in: a target B-tree forgot was missed (the fast path
 * found another leaf, or no room: a split, after which the next aim hits).
 */
void
na_btree_aim_after(na_btree_aim *aim)
{
	if (!aim->aimed)
		return;
	if (RelationGetTargetBlock(aim->index) != InvalidBlockNumber)
		aim->misses = 0;
	else if (++aim->misses >= AIM_MISSES)
		aim->off = true;
}
