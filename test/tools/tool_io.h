/*
 * tool_io.h - what the core's command-line tools share: reading a whole file.
 */
#ifndef NA_TOOL_IO_H
#define NA_TOOL_IO_H

#include <stdio.h>
#include <stdlib.h>

/* The whole of f in a malloc()ed buffer of *len bytes (no terminating NUL); NULL when memory runs out. */
static char *
read_all(FILE *f, size_t *len)
{
	size_t		cap = 1 << 16;
	size_t		n = 0;
	char	   *buf = malloc(cap);

	if (buf == NULL)
		return NULL;
	for (;;)
	{
		size_t		got;

		if (n == cap)
		{
			char	   *bigger = realloc(buf, cap * 2);

			if (bigger == NULL)
			{
				free(buf);
				return NULL;
			}
			buf = bigger;
			cap *= 2;
		}
		got = fread(buf + n, 1, cap - n, f);
		if (got == 0)
			break;
		n += got;
	}
	*len = n;
	return buf;
}

#endif							/* NA_TOOL_IO_H */
