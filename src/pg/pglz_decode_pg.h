/*
 * pglz_decode_pg.h - PostgreSQL's pglz format decoded (pglz_decode_pg.c), for
 * detoast_pg.c and the fuzz target that checks it.
 */
#ifndef NA_PGLZ_DECODE_PG_H
#define NA_PGLZ_DECODE_PG_H

#include <stdbool.h>
#include <stdint.h>

/* bytes after the output that a match's copies of eight bytes may write */
#define NA_PGLZ_DECODE_SLACK 16

/*
 * The rawsize bytes that the pglz data [sp, srcend) decode to, written to
 * dest (rawsize + NA_PGLZ_DECODE_SLACK bytes); false where the server's
 * pglz_decompress with check_complete would return -1.
 */
extern bool na_pglz_decode(const unsigned char *sp, const unsigned char *srcend,
						   unsigned char *dest, int32_t rawsize);

#endif
