/*
 * fuzz_pglz.c - na_pglz_decode (src/pg/pglz_decode_pg.c), the binding's
 * decoder of stored compressed text, against a plain decoder written as
 * the server's pglz_decompress (src/common/pg_lzcompress.c) is, item by item.
 *
 * Why: the fast decoder reads a control byte's worst case ahead and writes
 * up to NA_PGLZ_DECODE_SLACK bytes past its output; a text it decoded
 * wrongly would be analysed wrongly with no error anywhere, and data it
 * read past would crash a backend.  So every input is decoded three ways:
 *
 * - the input compressed by a small greedy pglz encoder here (literals and
 *   matches of 3 to 273 bytes, offsets up to 4095, overlapping runs): both
 *   decoders must give the input back;
 * - that stream cut short, decoded into a shorter or a longer output, or
 *   with one byte changed (where and how chosen by the input), and the
 *   input itself read as a stream with an output size from its first
 *   bytes: both decoders must accept or refuse alike, and give the same
 *   bytes when they accept.
 *
 * Each decoder gets buffers of exactly the size it may touch (ASan reports
 * a byte read or written past them).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "pglz_decode_pg.h"

/* the output sizes tried for a raw input read as a stream */
#define RAW_OUTPUT_MAX 70000

/*
 * The server's pglz_decompress with check_complete, as it is written: a
 * match's two or three bytes are read first and the input's end checked
 * after (so the caller gives 3 bytes of padding past srcend), a literal a
 * byte at a time, a match copied a byte at a time.  dest has exactly
 * rawsize bytes.
 */
static bool
plain_decode(const unsigned char *sp, const unsigned char *srcend, unsigned char *dest, int32_t rawsize)
{
	unsigned char *dp = dest;
	unsigned char *const destend = dest + rawsize;

	while (sp < srcend && dp < destend)
	{
		unsigned char ctrl = *sp++;

		for (int item = 0; item < 8 && sp < srcend && dp < destend; item++, ctrl >>= 1)
		{
			int32_t		tag_len,
						back;

			if (!(ctrl & 1))
			{
				*dp++ = *sp++;
				continue;
			}
			tag_len = 3 + (sp[0] & 0x0f);
			back = sp[1] | (sp[0] & 0xf0) << 4;
			sp += 2;
			if (tag_len == 18)
				tag_len += *sp++;
			if (sp > srcend || back == 0 || back > dp - dest)
				return false;
			while (tag_len-- > 0 && dp < destend)
			{
				*dp = dp[-back];
				dp++;
			}
		}
	}
	return dp == destend && sp == srcend;
}

/*
 * n bytes of text compressed greedily into pglz items (a hash of three
 * bytes finds the last place they were seen); returns the stream's length
 * in out (room: n + n / 8 + 2 bytes).
 */
static size_t
plain_encode(const unsigned char *text, size_t n, unsigned char *out)
{
	static uint32_t last_seen[4096];
	size_t		o = 0,
				ctrl_at = 0,
				i = 0;
	int			items = 8;

	memset(last_seen, 0xff, sizeof(last_seen));
	while (i < n)
	{
		size_t		len = 0,
					off = 0;

		if (items == 8)
		{
			ctrl_at = o++;
			out[ctrl_at] = 0;
			items = 0;
		}
		if (i + 3 <= n)
		{
			uint32_t	h = ((uint32_t) text[i] * 2654435761u ^ (uint32_t) text[i + 1] * 40503u ^ text[i + 2]) & 4095;
			uint32_t	prev = last_seen[h];

			last_seen[h] = (uint32_t) i;
			if (prev != UINT32_MAX && i - prev <= 4095)
			{
				while (i + len < n && len < 273 && text[prev + len] == text[i + len])
					len++;
				off = i - prev;
			}
		}
		if (len >= 3)
		{
			out[ctrl_at] |= (unsigned char) (1u << items);
			out[o++] = (unsigned char) (((off >> 4) & 0xf0) | (len >= 18 ? 15 : len - 3));
			out[o++] = (unsigned char) (off & 0xff);
			if (len >= 18)
				out[o++] = (unsigned char) (len - 18);
			i += len;
		}
		else
			out[o++] = text[i++];
		items++;
	}
	return o;
}

/*
 * Both decoders on one stream and output size: the same verdict, and the
 * same bytes when they accept.  Returns the verdict.
 */
static bool
decode_both(const unsigned char *stream, size_t len, int32_t rawsize)
{
	/* each gets exactly what it may read and write (the plain one reads a
	 * match's bytes before it checks the input's end, as the server does) */
	unsigned char *in = malloc(len ? len : 1);
	unsigned char *padded = calloc(len + 3, 1);
	unsigned char *fast = malloc((size_t) rawsize + NA_PGLZ_DECODE_SLACK);
	unsigned char *plain = malloc(rawsize ? (size_t) rawsize : 1);
	bool		fast_ok,
				plain_ok;

	FUZZ_ASSERT(in != NULL && padded != NULL && fast != NULL && plain != NULL);
	memcpy(in, stream, len);
	memcpy(padded, stream, len);
	fast_ok = na_pglz_decode(in, in + len, fast, rawsize);
	plain_ok = plain_decode(padded, padded + len, plain, rawsize);
	FUZZ_ASSERT(fast_ok == plain_ok);
	if (fast_ok)
		FUZZ_ASSERT(memcmp(fast, plain, (size_t) rawsize) == 0);
	free(in);
	free(padded);
	free(fast);
	free(plain);
	return fast_ok;
}

/*
 * A stream of literals with one match after 8 * groups of them, its offset
 * reaching exactly back to the first byte, or (corrupt) one byte further
 * or 0;
 * literals follow for 40 bytes of input, so that the fast loop decodes the
 * match (a flipped byte seldom makes an offset just one too far).
 */
static void
offset_edges(const uint8_t *data, size_t size)
{
	unsigned	groups = 1 + data[0] % 64;
	unsigned	len = 3 + data[size - 1] % 15;	/* (18 takes a third byte) */

	for (unsigned variant = 0; variant <= 2; variant++)
	{
		unsigned char stream[64 * 9 + 3 + 7 + 5 * 9];
		size_t		o = 0,
					d = 0;
		unsigned	off = variant == 2 ? 0 : 8 * groups + variant;

		for (unsigned g = 0; g < groups; g++)
		{
			stream[o++] = 0;
			for (int k = 0; k < 8; k++)
				stream[o++] = data[d++ % size];
		}
		stream[o++] = 1;
		stream[o++] = (unsigned char) (((off >> 4) & 0xf0) | (len - 3));
		stream[o++] = (unsigned char) (off & 0xff);
		for (int k = 0; k < 7; k++)
			stream[o++] = data[d++ % size];
		for (int g = 0; g < 5; g++)
		{
			stream[o++] = 0;
			for (int k = 0; k < 8; k++)
				stream[o++] = data[d++ % size];
		}
		FUZZ_ASSERT(decode_both(stream, o, (int32_t) (8 * groups + len + 7 + 40)) == (variant == 0));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *stream;
	size_t		slen;
	unsigned char *decoded;

	if (size == 0 || size > (1u << 20))
		return 0;
	stream = malloc(size + size / 8 + 2);
	FUZZ_ASSERT(stream != NULL);
	slen = plain_encode(data, size, stream);

	/* the input back from its compressed form */
	decoded = malloc(size + NA_PGLZ_DECODE_SLACK);
	FUZZ_ASSERT(decoded != NULL);
	FUZZ_ASSERT(na_pglz_decode(stream, stream + slen, decoded, (int32_t) size));
	FUZZ_ASSERT(memcmp(decoded, data, size) == 0);
	FUZZ_ASSERT(decode_both(stream, slen, (int32_t) size));
	free(decoded);

	/*
	 * cut short; an output that fills up with input left (one byte short,
	 * or at a place the input chooses: the fast loop must stop where the
	 * plain one does); one byte long; one byte changed
	 */
	(void) decode_both(stream, (size_t) data[0] * slen / 256, (int32_t) size);
	(void) decode_both(stream, slen, (int32_t) size - 1);
	(void) decode_both(stream, slen, (int32_t) ((size_t) data[size / 3] * size / 256));
	(void) decode_both(stream, slen, (int32_t) size + 1);
	stream[(size_t) data[size - 1] * slen / 256] ^= (unsigned char) (data[size / 2] | 1);
	(void) decode_both(stream, slen, (int32_t) size);

	offset_edges(data, size);

	/* the input read as a stream, its output size from its first bytes */
	if (size >= 3)
		(void) decode_both(data + 2, size - 2, (int32_t) ((data[0] | data[1] << 8) % RAW_OUTPUT_MAX));
	free(stream);
	return 0;
}
