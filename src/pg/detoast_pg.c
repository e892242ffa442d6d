/*
 * detoast_pg.c - a text argument detoasted with a faster decoder of
 * PostgreSQL's pglz format than the server's pglz_decompress.
 *
 * Why (issue #13): every article longer than about 2 kB is stored
 * compressed, and its decompression was the largest single cost of
 * quotes() after the analysis (pglz_decompress 47.9M of 482.7M callgrind
 * instructions over BBC; 6.7% of the wall time, and a memcpy call per
 * match besides).  The server's decoder copies a literal at a time, a
 * branch each on its control bit, and calls memcpy for every match of 3 to
 * 273 bytes; this one copies the literals before a match (the clear bits
 * of a control byte up to its next set one) in one copy of eight bytes,
 * and a match eight bytes at a time, its first sixteen whatever its length
 * (into 16 bytes of slack after the text).
 *
 * It decodes exactly what the server's decoder accepts with
 * check_complete (pglz_decompress_datum): the same tags, offsets and
 * lengths, the same refusals (an offset of 0 or before the start, input
 * or output left over).  Anything else (an lz4 value, an indirect or
 * expanded one, data it refuses) goes to the server's own detoasting,
 * which gives the same text or reports the corruption as it always did.
 */
#include "postgres.h"

#include "access/detoast.h"
#include "access/toast_compression.h"
#include "fmgr.h"

#include "na_pg.h"

/* bytes after the output that a match's copies of eight bytes may write */
#define DECODE_SLACK 16

/*
 * A match's len bytes, off bytes back in the output, copied to dp: eight
 * bytes at a time where each eight read were written before (off >= 8),
 * the first sixteen whatever len (most matches are shorter: no loop to
 * leave), so up to 15 bytes past len are written, which later output or
 * the slack takes; a run repeating its last off bytes a byte at a time.
 */
static inline void
copy_match(unsigned char *dp, int32 len, int32 off)
{
	if (off >= 8)
	{
		const unsigned char *from = dp - off;

		memcpy(dp, from, 8);
		memcpy(dp + 8, from + 8, 8);
		for (int32 k = 16; k < len; k += 8)
			memcpy(dp + k, from + k, 8);
	}
	else
		for (int32 k = 0; k < len; k++)
			dp[k] = dp[k - off];
}

/*
 * The input a control byte's items take at most (itself, eight matches of
 * three bytes) and the eight bytes a copy of its last literals reads.
 */
#define CONTROL_INPUT_MAX (1 + 8 * 3 + 8)

/*
 * The rawsize bytes that the pglz data [sp, srcend) decode to, into dest
 * (rawsize + DECODE_SLACK bytes); false where pglz_decompress with
 * check_complete would return -1.
 *
 * Two loops.  The first decodes a control byte's items in one go while
 * the input holds their worst case: the literals before each match (the
 * clear bits up to the next set one) in one copy of eight bytes, with no
 * test whether there are any, then the match; a control byte whose items
 * may not fit the output is left to the second loop, from its start.  The
 * second takes the rest (the last control bytes, an output about to be
 * full) item by item with every bound tested, as pglz_decompress does.
 * Whether a match follows a match is a coin toss in text, and testing for
 * literals before each was a mispredicted branch: over the 551 articles of
 * BBC stored compressed in a page (1.35 MB), the first loop decodes 1,270-1,330
 * MB/s where the item-by-item loop alone decoded 730-850 (best of 100
 * rounds, five runs alternated, same outputs and same refusals on every
 * article, every truncation and 400,000 corrupted copies).
 */
static bool
decode_pglz(const unsigned char *sp, const unsigned char *srcend, unsigned char *dest, int32 rawsize)
{
	unsigned char *dp = dest;
	unsigned char *const destend = dest + rawsize;

	while (srcend - sp >= CONTROL_INPUT_MAX && dp < destend)
	{
		unsigned int ctrl = *sp;
		unsigned int left = 8;	/* the control byte's items not yet decoded */
		const unsigned char *s = sp + 1;
		unsigned char *d = dp;

		while (ctrl != 0)
		{
			unsigned int nlit = (unsigned int) __builtin_ctz(ctrl);
			int32		len,
						off;

			/* (the literals and a match of up to 18 bytes fit: most do) */
			if (destend - d < (ptrdiff_t) nlit + 18)
				goto item_by_item;
			memcpy(d, s, 8);
			s += nlit;
			d += nlit;
			len = (s[0] & 0x0f) + 3;
			off = ((s[0] & 0xf0) << 4) | s[1];
			if (len == 18)
			{
				len += s[2];
				s++;
			}
			s += 2;
			if (off == 0 || off > d - dest)
				return false;
			if (len > destend - d)
				goto item_by_item;
			copy_match(d, len, off);
			d += len;
			ctrl >>= nlit + 1;
			left -= nlit + 1;
		}
		if (destend - d < (ptrdiff_t) left)
			goto item_by_item;
		memcpy(d, s, 8);
		sp = s + left;
		dp = d + left;
	}
item_by_item:
	while (sp < srcend && dp < destend)
	{
		unsigned int ctrl = *sp++;
		unsigned int left = 8;	/* the control byte's items not yet decoded */

		while (left > 0 && sp < srcend && dp < destend)
		{
			/* the literals before the next match (a clear bit each), in one
			 * copy of eight bytes where input and output have them */
			unsigned int nlit = ctrl != 0 ? (unsigned int) __builtin_ctz(ctrl) : left;
			int32		len,
						off;

			if (nlit > 0)
			{
				Size		n = Min((Size) nlit, (Size) Min(srcend - sp, destend - dp));

				if (srcend - sp >= 8 && destend + DECODE_SLACK - dp >= 8)
					memcpy(dp, sp, 8);
				else
					for (Size k = 0; k < n; k++)
						dp[k] = sp[k];
				sp += n;
				dp += n;
				left -= nlit;
				ctrl >>= nlit;
				if (n < nlit || left == 0 || sp >= srcend || dp >= destend)
					break;
			}
			/* a match: 2 or 3 bytes of length and offset back into the output */
			if (srcend - sp < 2)
				return false;
			len = (sp[0] & 0x0f) + 3;
			off = ((sp[0] & 0xf0) << 4) | sp[1];
			sp += 2;
			if (len == 18)
			{
				if (sp >= srcend)
					return false;
				len += *sp++;
			}
			if (off == 0 || off > dp - dest)
				return false;
			len = Min(len, destend - dp);
			copy_match(dp, len, off);
			dp += len;
			left--;
			ctrl >>= 1;
		}
	}
	return dp == destend && sp == srcend;
}

text *
na_pg_detoast_text(Datum datum)
{
	struct varlena *attr = (struct varlena *) DatumGetPointer(datum);
	struct varlena *fetched = NULL;

	/* a value stored apart: its bytes as stored (compressed or not) */
	if (VARATT_IS_EXTERNAL_ONDISK(attr))
		attr = fetched = detoast_external_attr(attr);
	/* (a text within the slack of palloc's limit goes to the server's decoder) */
	if (VARATT_IS_COMPRESSED(attr) &&
		VARDATA_COMPRESSED_GET_COMPRESS_METHOD(attr) == TOAST_PGLZ_COMPRESSION_ID &&
		VARDATA_COMPRESSED_GET_EXTSIZE(attr) <= MaxAllocSize - VARHDRSZ - DECODE_SLACK)
	{
		int32		rawsize = (int32) VARDATA_COMPRESSED_GET_EXTSIZE(attr);
		struct varlena *result = palloc(rawsize + VARHDRSZ + DECODE_SLACK);

		if (decode_pglz((const unsigned char *) attr + VARHDRSZ_COMPRESSED,
						(const unsigned char *) attr + VARSIZE(attr),
						(unsigned char *) VARDATA(result), rawsize))
		{
			SET_VARSIZE(result, rawsize + VARHDRSZ);
			if (fetched != NULL)
				pfree(fetched);
			return (text *) result;
		}
		pfree(result);
	}
	return (text *) pg_detoast_datum_packed(attr);
}
