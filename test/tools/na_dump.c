/*
 * na_dump - run the core on a file (or stdin) without a server and print
 * what it finds, one line per item.  For debugging, evaluation scripts and
 * benchmarks of the core alone.
 *
 * usage: na_dump [--tokens|--sentences|--bench N] [FILE]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "na_scan.h"
#include "tool_io.h"

int
main(int argc, char **argv)
{
	const char *mode = "--tokens";
	const char *path = NULL;
	int			rounds = 0;
	FILE	   *f = stdin;
	size_t		len;
	char	   *text;
	na_doc		doc;
	na_status	st;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (strncmp(argv[i], "--", 2) == 0)
			mode = argv[i];
		else
			path = argv[i];
	}
	if (path && (f = fopen(path, "rb")) == NULL)
	{
		perror(path);
		return 2;
	}
	text = read_all(f, &len);
	if (text == NULL)
	{
		fprintf(stderr, "na_dump: out of memory\n");
		return 2;
	}
	if (rounds > 0)
	{
		clock_t		t0 = clock();
		double		secs;

		for (int r = 0; r < rounds; r++)
		{
			if (na_scan(&doc, text, len, 0, na_mem_stdlib()) != NA_OK)
				return 2;
			na_doc_free(&doc, na_mem_stdlib());
		}
		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
		printf("scan: %.1f MB/s\n", (double) len * rounds / secs / 1e6);
		return 0;
	}
	st = na_scan(&doc, text, len, 0, na_mem_stdlib());
	if (st != NA_OK)
	{
		fprintf(stderr, "na_dump: %s\n", na_status_message(st));
		return 2;
	}
	if (strcmp(mode, "--sentences") == 0)
	{
		for (uint32_t i = 0; i < doc.nsentences; i++)
		{
			const na_sentence *s = &doc.sentences[i];

			printf("%u\t%u\t%u\t%u\t%.*s\n", i, s->paragraph, s->cstart, s->cstart + s->clen,
				   (int) s->len, text + s->start);
		}
	}
	else
	{
		for (uint32_t i = 0; i < doc.ntokens; i++)
		{
			const na_token *t = &doc.tokens[i];

			printf("%u\t%u\t%u\t%s\t%u\t%u\t%04x\t%.*s\n", i, t->sentence, t->paragraph,
				   na_kind_name(t->kind), t->cstart, t->clen, t->flags,
				   (int) t->len, text + t->start);
		}
	}
	na_doc_free(&doc, na_mem_stdlib());
	free(text);
	return 0;
}
