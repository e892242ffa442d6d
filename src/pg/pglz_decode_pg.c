/*
 * pglz_decode_pg.c - PostgreSQL's pglz format decoded faster than the
 * server's pglz_decompress, in plain C (no postgres.h) so that the fuzz
 * target test/reliability/fuzz/fuzz_pglz.c can check it against a plain
 * decoder outside a server.  detoast_pg.c calls it; why it exists is said
 * there.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pglz_decode_pg.h"

#define NA_MIN(a, b) ((a) < (b) ? (a) : (b))

/*
 * A match's len bytes, off bytes back in the output, copied to dp: eight
 * bytes at a time where each eight read were written before (off >= 8),
 * the first sixteen whatever len (most matches are shorter: no loop to
 * leave), so up to 15 bytes past len are written, which later output or
 * the slack takes; a run repeating its last off bytes a byte at a time.
 */
static inline void
copy_match(unsigned char *dp, int32_t len, int32_t off)
{
	if (off >= 8)
	{
		const unsigned char *from = dp - off;

		memcpy(dp, from, 8);
		memcpy(dp + 8, from + 8, 8);
		for (int32_t k = 16; k < len; k += 8)
			memcpy(dp + k, from + k, 8);
	}
	else
		for (int32_t k = 0; k < len; k++)
			dp[k] = dp[k - off];
}

/*
 * The input a control byte's items take at most (itself, eight matches of
 * three bytes) and the eight bytes a copy of its last literals reads.
 */
#define CONTROL_INPUT_MAX (1 + 8 * 3 + 8)

/*
 * The rawsize bytes that the pglz data [sp, srcend) decode to, into dest
 * (rawsize + NA_PGLZ_DECODE_SLACK bytes); false where pglz_decompress with
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
bool
na_pglz_decode(const unsigned char *sp, const unsigned char *srcend, unsigned char *dest, int32_t rawsize)
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
			int32_t		len,
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
			int32_t		len,
						off;

			if (nlit > 0)
			{
				size_t		n = NA_MIN((size_t) nlit, (size_t) NA_MIN(srcend - sp, destend - dp));

				if (srcend - sp >= 8 && destend + NA_PGLZ_DECODE_SLACK - dp >= 8)
					memcpy(dp, sp, 8);
				else
					for (size_t k = 0; k < n; k++)
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
			len = NA_MIN(len, destend - dp);
			copy_match(dp, len, off);
			dp += len;
			left--;
			ctrl >>= 1;
		}
	}
	return dp == destend && sp == srcend;
}
