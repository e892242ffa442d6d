/*
 * na_votes - the vote analyser of the core on a text file, or on every
 * article of a JSONL file (field "text"), without a server.  Prints one line
 * per position: article, event, sentence, start, length, actor, kind,
 * action, body, motion, outcome, for, against, abstentions, method, modality,
 * evidence (character offsets 1-based, like SQL).
 *
 * usage: na_votes [--jsonl] [--bench N] [--scan-only] [FILE]
 *   --bench N     scan + analyse N times, print MB/s (nothing else)
 *   --scan-only   with --bench: scan alone, to tell the analyser's share
 * JSONL lines give their text in "text" or, failing that, "body" (the
 * project's sample articles).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "na_scan.h"
#include "tool_io.h"
#include "na_votes.h"

static void
put_utf8(char **o, unsigned cp)
{
	unsigned char *p = (unsigned char *) *o;

	if (cp < 0x80)
		*p++ = (unsigned char) cp;
	else if (cp < 0x800)
	{
		*p++ = (unsigned char) (0xC0 | (cp >> 6));
		*p++ = (unsigned char) (0x80 | (cp & 0x3F));
	}
	else if (cp < 0x10000)
	{
		*p++ = (unsigned char) (0xE0 | (cp >> 12));
		*p++ = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		*p++ = (unsigned char) (0x80 | (cp & 0x3F));
	}
	else
	{
		*p++ = (unsigned char) (0xF0 | (cp >> 18));
		*p++ = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
		*p++ = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		*p++ = (unsigned char) (0x80 | (cp & 0x3F));
	}
	*o = (char *) p;
}

static unsigned
hex4(const char *p)
{
	unsigned	v = 0;

	for (int i = 0; i < 4; i++)
	{
		char		ch = p[i];

		v <<= 4;
		if (ch >= '0' && ch <= '9')
			v |= (unsigned) (ch - '0');
		else if (ch >= 'a' && ch <= 'f')
			v |= (unsigned) (ch - 'a' + 10);
		else if (ch >= 'A' && ch <= 'F')
			v |= (unsigned) (ch - 'A' + 10);
	}
	return v;
}

/*
 * The decoded "text" string of one JSON object line, written into out
 * (at least as long as the line); returns its length or -1.
 */
static long
json_field(const char *line, size_t len, const char *key, char *out)
{
	const size_t keylen = strlen(key);
	const char *p = line;
	const char *end = line + len;
	char	   *o = out;

	for (;;)
	{
		while (p + keylen <= end && memcmp(p, key, keylen) != 0)
			p++;
		if (p + keylen > end)
			return -1;
		p += keylen;
		while (p < end && (*p == ' ' || *p == ':'))
			p++;
		if (p < end && *p == '"')
			break;
	}
	p++;
	while (p < end && *p != '"')
	{
		if (*p != '\\')
		{
			*o++ = *p++;
			continue;
		}
		if (++p >= end)
			return -1;
		switch (*p)
		{
			case 'n':
				*o++ = '\n';
				break;
			case 't':
				*o++ = '\t';
				break;
			case 'r':
				*o++ = '\r';
				break;
			case 'b':
				*o++ = '\b';
				break;
			case 'f':
				*o++ = '\f';
				break;
			case 'u':
				if (end - p >= 5)
				{
					unsigned	cp = hex4(p + 1);

					p += 4;
					if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 7 && p[1] == '\\' && p[2] == 'u')
					{
						unsigned	lo = hex4(p + 3);

						cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
						p += 6;
					}
					put_utf8(&o, cp);
				}
				break;
			default:
				*o++ = *p;
		}
		p++;
	}
	return (long) (o - out);
}

static long
json_text(const char *line, size_t len, char *out)
{
	long		n = json_field(line, len, "\"text\"", out);

	return n >= 0 ? n : json_field(line, len, "\"body\"", out);
}

static void
print_span(const char *text, const na_vote_span *s)
{
	if (s->len)
		printf("%.*s", (int) s->len, text + s->start);
	else
		printf("-");
}

static const char *
or_dash(const char *s)
{
	return s ? s : "-";
}

static void
print_count(int32_t n)
{
	if (n < 0)
		printf("\t-");
	else
		printf("\t%d", n);
}

static int	scan_only;

static int
analyse(const char *label, const char *text, size_t len, int print)
{
	na_doc		doc;
	na_vote_result r;

	if (na_scan(&doc, text, len, 0, na_mem_stdlib()) != NA_OK)
		return 2;
	if (scan_only)
	{
		na_doc_free(&doc, na_mem_stdlib());
		return 0;
	}
	if (na_votes_analyse(&doc, na_mem_stdlib(), &r) != NA_OK)
	{
		na_doc_free(&doc, na_mem_stdlib());
		return 2;
	}
	for (uint32_t i = 0; print && i < r.nvotes; i++)
	{
		const na_vote *v = &r.votes[i];

		printf("%s\t%u\t%u\t%u\t%u\t", label, v->event, v->sentence + 1, v->evidence.cstart + 1,
			   v->evidence.clen);
		if (v->actor)
			printf("%s", v->actor);
		else
			print_span(text, &v->actor_span);
		printf("\t%s\t%s\t", or_dash(na_vote_actor_kind_name(v->actor_kind)),
			   or_dash(na_vote_action_name(v->action)));
		if (v->body)
			printf("%s", v->body);
		else
			print_span(text, &v->body_span);
		printf("\t");
		print_span(text, &v->motion);
		printf("\t%s", or_dash(na_vote_outcome_name(v->outcome)));
		print_count(v->votes_for);
		print_count(v->votes_against);
		print_count(v->abstentions);
		printf("\t%s\t%s\t", or_dash(na_vote_method_name(v->method)),
			   or_dash(na_vote_modality_name(v->modality)));
		print_span(text, &v->evidence);
		printf("\n");
	}
	na_vote_result_free(&r, na_mem_stdlib());
	na_doc_free(&doc, na_mem_stdlib());
	return 0;
}

int
main(int argc, char **argv)
{
	const char *path = NULL;
	int			jsonl = 0;
	int			rounds = 0;
	FILE	   *f = stdin;
	size_t		len;
	char	   *text;
	char	   *buf;
	clock_t		t0;
	size_t		bytes = 0;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--bench") == 0 && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--jsonl") == 0)
			jsonl = 1;
		else if (strcmp(argv[i], "--scan-only") == 0)
			scan_only = 1;
		else
			path = argv[i];
	}
	if (path && (f = fopen(path, "rb")) == NULL)
	{
		perror(path);
		return 2;
	}
	text = read_all(f, &len);
	buf = text ? malloc(len + 1) : NULL;
	if (buf == NULL)
	{
		fprintf(stderr, "na_votes: out of memory\n");
		return 2;
	}
	t0 = clock();
	for (int r = 0; r < (rounds > 0 ? rounds : 1); r++)
	{
		if (!jsonl)
		{
			if (analyse("1", text, len, rounds == 0))
				return 2;
			bytes += len;
			continue;
		}
		for (size_t pos = 0, n = 1; pos < len; n++)
		{
			const char *nl = memchr(text + pos, '\n', len - pos);
			size_t		linelen = nl ? (size_t) (nl - (text + pos)) : len - pos;
			long		tlen = json_text(text + pos, linelen, buf);
			char		label[32];

			if (tlen >= 0)
			{
				snprintf(label, sizeof(label), "%zu", n);
				if (analyse(label, buf, (size_t) tlen, rounds == 0))
					return 2;
				bytes += (size_t) tlen;
			}
			pos += linelen + 1;
		}
	}
	if (rounds > 0)
	{
		double		secs = (double) (clock() - t0) / CLOCKS_PER_SEC;

		printf("%s: %.1f MB/s (%zu bytes x %d in %.3f s)\n", scan_only ? "scan" : "scan+votes",
			   (double) bytes / secs / 1e6, bytes / (size_t) rounds, rounds, secs);
	}
	free(buf);
	free(text);
	return 0;
}
