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
 * (into 16 bytes of slack after the text).  The decoder is plain C apart
 * (pglz_decode_pg.c), so that a fuzz target checks it against a plain one.
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
#include "pglz_decode_pg.h"

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
		VARDATA_COMPRESSED_GET_EXTSIZE(attr) <= MaxAllocSize - VARHDRSZ - NA_PGLZ_DECODE_SLACK)
	{
		int32		rawsize = (int32) VARDATA_COMPRESSED_GET_EXTSIZE(attr);
		struct varlena *result = palloc(rawsize + VARHDRSZ + NA_PGLZ_DECODE_SLACK);

		if (na_pglz_decode((const unsigned char *) attr + VARHDRSZ_COMPRESSED,
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
