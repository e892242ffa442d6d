/*
 * na_quotes - the quote analyser of the core without a server: reads
 * articles and prints what it finds.  The fast loop for accuracy work.
 *
 * usage: na_quotes [--all] [--speakers] GOLD.jsonl|GOLD.json
 *                                                   predictions in the format of
 *                                                   shared/eval/score_quotes.py
 *        na_quotes --text FILE                      quotes and speakers, readable
 *        na_quotes --bench N FILE.jsonl             scan + quotes MB/s over the texts
 *
 * Predictions leave out unattributed quotes (nobody says them) unless --all;
 * --speakers adds a line per speaker (for diffing the analyser's output).
 * Offsets are 0-based code points, end exclusive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "na_quotes.h"
#include "na_scan.h"


/* A speaker's canonical name: its static name (Labour Party) or its spelling in the text. */
static const char *
speaker_name(const char *text, const na_speaker *sp)
{
	return sp->name_static ? sp->name_static : text + sp->name.start;
}

static size_t
speaker_name_len(const na_speaker *sp)
{
	return sp->name_static ? strlen(sp->name_static) : sp->name.len;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (buf == NULL || fread(buf, 1, (size_t) n, f) != (size_t) n)
	{
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t) n;
	return buf;
}

/* ---- just enough JSON: top-level string members of an object ---- */

static const char *
skip_ws(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static void
put_utf8(char **out, unsigned cp)
{
	unsigned char *o = (unsigned char *) *out;

	if (cp < 0x80)
		*o++ = (unsigned char) cp;
	else if (cp < 0x800)
	{
		*o++ = (unsigned char) (0xC0 | (cp >> 6));
		*o++ = (unsigned char) (0x80 | (cp & 0x3F));
	}
	else if (cp < 0x10000)
	{
		*o++ = (unsigned char) (0xE0 | (cp >> 12));
		*o++ = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char) (0x80 | (cp & 0x3F));
	}
	else
	{
		*o++ = (unsigned char) (0xF0 | (cp >> 18));
		*o++ = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
		*o++ = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		*o++ = (unsigned char) (0x80 | (cp & 0x3F));
	}
	*out = (char *) o;
}

/* Parse the string at p (at its quote); decoded into a new buffer if out. */
static const char *
parse_string(const char *p, char **out, size_t *outlen)
{
	char	   *buf = NULL;
	char	   *o = NULL;
	const char *s = p + 1;

	if (out)
	{
		const char *e = s;

		while (*e && *e != '"')
			e += (*e == '\\' && e[1]) ? 2 : 1;
		buf = o = malloc((size_t) (e - s) + 4);
	}
	while (*s && *s != '"')
	{
		if (*s == '\\')
		{
			s++;
			if (*s == 'u')
			{
				unsigned	cp = (unsigned) strtoul((char[]) {s[1], s[2], s[3], s[4], 0}, NULL, 16);

				s += 5;
				if (cp >= 0xD800 && cp < 0xDC00 && s[0] == '\\' && s[1] == 'u')
				{
					unsigned	lo = (unsigned) strtoul((char[]) {s[2], s[3], s[4], s[5], 0}, NULL, 16);

					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					s += 6;
				}
				if (o)
					put_utf8(&o, cp);
				continue;
			}
			if (o)
				*o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' :
					*s == 'b' ? '\b' : *s == 'f' ? '\f' : *s;
			s++;
			continue;
		}
		if (o)
			*o++ = *s;
		s++;
	}
	if (out)
	{
		*o = '\0';
		*out = buf;
		*outlen = (size_t) (o - buf);
	}
	return *s ? s + 1 : s;
}

static const char *
skip_value(const char *p)
{
	int			depth = 0;

	p = skip_ws(p);
	do
	{
		if (*p == '"')
		{
			p = parse_string(p, NULL, NULL);
			continue;
		}
		if (*p == '{' || *p == '[')
			depth++;
		else if (*p == '}' || *p == ']')
			depth--;
		else if (depth == 0 && (*p == ',' || *p == '\0'))
			break;
		if (*p == '\0')
			break;
		p++;
	} while (depth > 0 || (*p != ',' && *p != '}' && *p != ']' && *p != '\0'));
	return p;
}

/* Find "id" and "text" of the object at p; returns the end of the object. */
static const char *
parse_article(const char *p, char **id, char **text, size_t *text_len)
{
	size_t		idlen;

	*id = *text = NULL;
	p = skip_ws(p);
	if (*p != '{')
		return NULL;
	p++;
	for (;;)
	{
		char	   *key;
		size_t		keylen;

		p = skip_ws(p);
		if (*p == '}')
			return p + 1;
		if (*p != '"')
			return NULL;
		p = parse_string(p, &key, &keylen);
		p = skip_ws(p);
		if (*p != ':')
		{
			free(key);
			return NULL;
		}
		p = skip_ws(p + 1);
		if (strcmp(key, "id") == 0 && *p == '"')
			p = parse_string(p, id, &idlen);
		else if (strcmp(key, "text") == 0 && *p == '"')
			p = parse_string(p, text, text_len);
		else
			p = skip_value(p);
		free(key);
		p = skip_ws(p);
		if (*p == ',')
			p++;
	}
}

static void
print_json_string(const char *s, size_t len)
{
	putchar('"');
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static int	include_unattributed = 0;
static int	include_speakers = 0;

static int
predict(const char *id, const char *text, size_t len)
{
	na_doc		doc;
	na_quote_result r;

	if (na_scan(&doc, text, len, 0, na_mem_stdlib()) != NA_OK)
		return 0;
	if (na_quotes_analyse(&doc, na_mem_stdlib(), &r) != NA_OK)
	{
		na_doc_free(&doc, na_mem_stdlib());
		return 0;
	}
	for (uint32_t i = 0; i < r.nquotes; i++)
	{
		const na_quote *qt = &r.quotes[i];

		if (qt->kind == NA_QK_UNATTRIBUTED && !include_unattributed)
			continue;
		printf("{\"id\": ");
		print_json_string(id, strlen(id));
		printf(", \"start\": %u, \"end\": %u, \"speaker\": ", qt->text.cstart,
			   qt->text.cstart + qt->text.clen);
		if (qt->speaker >= 0)
		{
			const na_speaker *sp = &r.speakers[qt->speaker];

			print_json_string(speaker_name(text, sp), speaker_name_len(sp));
		}
		else
			printf("null");
		if (qt->mention.len)
			printf(", \"speaker_start\": %u, \"speaker_end\": %u", qt->mention.cstart,
				   qt->mention.cstart + qt->mention.clen);
		printf(", \"kind\": \"%s\", \"attr\": \"%s\", \"confidence\": %.2f",
			   na_quote_kind_name(qt->kind),
			   qt->attribution ? na_quote_attribution_name(qt->attribution) : "none",
			   qt->confidence);
		if (qt->cue.len)
		{
			printf(", \"cue\": ");
			print_json_string(text + qt->cue.start, qt->cue.len);
			printf(", \"cue_start\": %u, \"cue_class\": \"%s\"", qt->cue.cstart,
				   na_cue_class_name(qt->cue_class));
		}
		if (qt->part_of >= 0)
			printf(", \"part_of\": %d", qt->part_of + 1);
		printf("}\n");
	}
	for (uint32_t i = 0; i < r.nspeakers && include_speakers; i++)
	{
		const na_speaker *sp = &r.speakers[i];

		printf("{\"id\": ");
		print_json_string(id, strlen(id));
		printf(", \"speaker_row\": ");
		print_json_string(speaker_name(text, sp), speaker_name_len(sp));
		printf(", \"role\": ");
		print_json_string(text + sp->role.start, sp->role.len);
		printf(", \"affiliation\": ");
		if (sp->affiliation)
			print_json_string(sp->affiliation, strlen(sp->affiliation));
		else
			print_json_string(text + sp->affiliation_span.start, sp->affiliation_span.len);
		printf(", \"gender\": \"%s\", \"mentions\": %u, \"quotes\": %u, \"first\": %u, \"aliases\": [",
			   na_gender_name(sp->gender) ? na_gender_name(sp->gender) : "",
			   sp->mentions, sp->quotes, sp->first_cstart);
		for (uint32_t k = 0; k < sp->naliases; k++)
		{
			const na_quote_span *a = &r.aliases[sp->first_alias + k];

			if (k)
				printf(", ");
			print_json_string(text + a->start, a->len);
		}
		printf("]}\n");
	}
	na_quote_result_free(&r, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	return 1;
}

static void
show_text(const char *text, size_t len)
{
	na_doc		doc;
	na_quote_result r;

	if (na_scan(&doc, text, len, 0, na_mem_stdlib()) != NA_OK ||
		na_quotes_analyse(&doc, na_mem_stdlib(), &r) != NA_OK)
	{
		fprintf(stderr, "na_quotes: out of memory\n");
		exit(2);
	}
	for (uint32_t i = 0; i < r.nquotes; i++)
	{
		const na_quote *qt = &r.quotes[i];
		const na_speaker *sp = qt->speaker >= 0 ? &r.speakers[qt->speaker] : NULL;

		printf("%u\t%u\t%u\t%s\t%s\t%.*s\t%.*s\t%.*s\t%.2f\t%.*s\n", i + 1, qt->text.cstart + 1,
			   qt->text.clen, na_quote_kind_name(qt->kind),
			   qt->attribution ? na_quote_attribution_name(qt->attribution) : "-",
			   sp ? (int) speaker_name_len(sp) : 1, sp ? speaker_name(text, sp) : "-",
			   qt->mention.len ? (int) qt->mention.len : 1, qt->mention.len ? text + qt->mention.start : "-",
			   qt->cue.len ? (int) qt->cue.len : 1, qt->cue.len ? text + qt->cue.start : "-",
			   qt->confidence, (int) qt->text.len, text + qt->text.start);
	}
	for (uint32_t i = 0; i < r.nspeakers; i++)
	{
		const na_speaker *sp = &r.speakers[i];

		printf("speaker\t%.*s\trole=%.*s\taffiliation=%s%.*s\tgender=%s\tmentions=%u\tquotes=%u\tfirst=%u\taliases=",
			   (int) speaker_name_len(sp), speaker_name(text, sp),
			   (int) sp->role.len, text + sp->role.start,
			   sp->affiliation ? sp->affiliation : "",
			   sp->affiliation ? 0 : (int) sp->affiliation_span.len, text + sp->affiliation_span.start,
			   na_gender_name(sp->gender) ? na_gender_name(sp->gender) : "-",
			   sp->mentions, sp->quotes, sp->first_cstart + 1);
		for (uint32_t k = 0; k < sp->naliases; k++)
		{
			const na_quote_span *a = &r.aliases[sp->first_alias + k];

			printf("%s%.*s", k ? "|" : "", (int) a->len, text + a->start);
		}
		printf("\n");
	}
	na_quote_result_free(&r, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
}

int
main(int argc, char **argv)
{
	const char *path = NULL;
	const char *mode = "predict";
	int			rounds = 0;
	size_t		len;
	char	   *buf;
	const char *p;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--all") == 0)
			include_unattributed = 1;
		else if (strcmp(argv[i], "--speakers") == 0)
			include_speakers = 1;
		else if (strcmp(argv[i], "--text") == 0)
			mode = "text";
		else if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc)
		{
			mode = "bench";
			rounds = atoi(argv[++i]);
		}
		else
			path = argv[i];
	}
	if (path == NULL)
	{
		fprintf(stderr, "usage: na_quotes [--all] [--speakers] GOLD.jsonl|GOLD.json | --text FILE | --bench N FILE.jsonl\n");
		return 2;
	}
	buf = read_file(path, &len);
	if (buf == NULL)
	{
		perror(path);
		return 2;
	}
	if (strcmp(mode, "text") == 0)
	{
		show_text(buf, len);
		free(buf);
		return 0;
	}
	if (strcmp(mode, "bench") == 0)
	{
		/* decode every article first: the clock measures the core only */
		char	  **texts = NULL;
		size_t	   *lens = NULL;
		size_t		n = 0,
					cap = 0,
					total = 0;
		clock_t		t0;
		double		secs;

		for (p = buf; *(p = skip_ws(p));)
		{
			char	   *id,
					   *text;
			size_t		tl = 0;

			p = parse_article(p, &id, &text, &tl);
			if (p == NULL)
				break;
			free(id);
			if (text == NULL)
				continue;
			if (n == cap)
			{
				cap = cap ? cap * 2 : 256;
				texts = realloc(texts, cap * sizeof(char *));
				lens = realloc(lens, cap * sizeof(size_t));
			}
			texts[n] = text;
			lens[n++] = tl;
			total += tl;
		}
		for (int mode_quotes = 0; mode_quotes < 2; mode_quotes++)
		{
			t0 = clock();
			for (int r = 0; r < rounds; r++)
				for (size_t i = 0; i < n; i++)
				{
					na_doc		doc;
					na_quote_result res;

					if (na_scan(&doc, texts[i], lens[i], 0, na_mem_stdlib()) != NA_OK)
						return 2;
					if (mode_quotes)
					{
						if (na_quotes_analyse(&doc, na_mem_stdlib(), &res) != NA_OK)
							return 2;
						na_quote_result_free(&res, na_mem_stdlib());
					}
					na_doc_free(&doc, na_mem_stdlib());
				}
			secs = (double) (clock() - t0) / CLOCKS_PER_SEC;
			printf("%s: %.1f MB/s (%zu articles, %.1f MB, %d rounds)\n",
				   mode_quotes ? "scan+quotes" : "scan", (double) total * rounds / secs / 1e6,
				   n, total / 1e6, rounds);
		}
		for (size_t i = 0; i < n; i++)
			free(texts[i]);
		free(texts);
		free(lens);
		free(buf);
		return 0;
	}
	for (p = buf; *(p = skip_ws(p));)
	{
		char	   *id,
				   *text;
		size_t		tl = 0;

		p = parse_article(p, &id, &text, &tl);
		if (p == NULL)
		{
			fprintf(stderr, "na_quotes: %s: not JSON articles\n", path);
			return 2;
		}
		if (id && text && !predict(id, text, tl))
		{
			fprintf(stderr, "na_quotes: out of memory\n");
			return 2;
		}
		free(id);
		free(text);
	}
	free(buf);
	return 0;
}
