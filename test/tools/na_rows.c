/*
 * na_rows - every row the SQL functions give for a batch of articles, from
 * one na_analyse per article, without a server.  It exists so that whole
 * corpora can be compared before and after a change (golden dumps) and
 * across layouts of the same text (test/suites/wrap_invariance.sh) in
 * seconds rather than through SQL; the rows are built from the same core
 * results as the binding's (offsets 1-based characters, as SQL shows them).
 *
 * usage: na_rows [FILE]
 *
 * Input: records "ID<TAB>NBYTES\n" followed by NBYTES bytes of text and a
 * "\n" (test/suites/wrap_invariance.py writes them).  Output, per article,
 * one line per row, fields separated by tabs, line breaks and tabs inside
 * a field written as \n, \r and \t:
 *   A  id
 *   S  ordinal paragraph start length text                       (sentences)
 *   T  ordinal sentence paragraph kind start length token         (--tokens only)
 *   Q  ordinal text start length paragraph sentence kind speaker
 *      speaker_mention mention_start mention_length cue attribution confidence
 *   P  name role affiliation aliases gender mentions quotes first_start
 *   V  ordinal event sentence start length evidence actor actor_kind action
 *      body motion outcome votes_for votes_against abstentions method modality
 * Absent values print as "-".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "na_analysis.h"
#include "na_layout.h"
#include "tool_io.h"

/* Text with the characters that would break the format escaped. */
static void
put_escaped(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '\\')
			fputs("\\\\", stdout);
		else
			putchar(c);
	}
}

/* A field of text: a tab, then the text escaped. */
static void
put_field(const char *s, size_t len)
{
	putchar('\t');
	put_escaped(s, len);
}

static void
put_str(const char *s)
{
	if (s)
		put_field(s, strlen(s));
	else
		fputs("\t-", stdout);
}

static void
put_qspan(const char *text, const na_quote_span *s)
{
	if (s->len)
		put_field(text + s->start, s->len);
	else
		fputs("\t-", stdout);
}

/* A name, role or organisation: on one line, as the SQL functions give it
 * (na_pg_name_slice). */
static void
put_name(const char *text, uint32_t start, uint32_t len)
{
	char	   *one_line;

	if (len == 0)
	{
		fputs("\t-", stdout);
		return;
	}
	one_line = malloc(len);
	if (one_line == NULL)
	{
		fputs("na_rows: out of memory\n", stderr);
		exit(1);
	}
	put_field(one_line, na_layout_one_line(text + start, len, one_line));
	free(one_line);
}

static void
put_vspan(const char *text, const na_vote_span *s)
{
	if (s->len)
		put_field(text + s->start, s->len);
	else
		fputs("\t-", stdout);
}

static void
put_count(int32_t n)
{
	if (n < 0)
		fputs("\t-", stdout);
	else
		printf("\t%d", n);
}

/* The rows of one article, in the order and shape of the SQL functions. */
static int
print_article(const char *id, const char *text, size_t len, int tokens)
{
	na_analysis a;
	na_status	st = na_analyse(&a, text, len, 0, NA_ANALYSE_ALL, na_mem_stdlib());

	printf("A\t%s\n", id);
	if (st != NA_OK)
	{
		fprintf(stderr, "na_rows: %s: %s\n", id, na_status_message(st));
		return 0;
	}
	for (uint32_t i = 0; tokens && i < a.doc.ntokens; i++)
	{
		const na_token *t = &a.doc.tokens[i];

		printf("T\t%u\t%u\t%u\t%s\t%u\t%u", i + 1, t->sentence + 1, t->paragraph + 1,
			   na_kind_name(t->kind), t->cstart + 1, t->clen);
		put_field(text + t->start, t->len);
		putchar('\n');
	}
	for (uint32_t i = 0; i < a.doc.nsentences; i++)
	{
		const na_sentence *s = &a.doc.sentences[i];

		printf("S\t%u\t%u\t%u\t%u", i + 1, s->paragraph + 1, s->cstart + 1, s->clen);
		put_field(text + s->start, s->len);
		putchar('\n');
	}
	for (uint32_t i = 0; i < a.quotes.nquotes; i++)
	{
		const na_quote *q = &a.quotes.quotes[i];

		printf("Q\t%u", i + 1);
		put_qspan(text, &q->text);
		printf("\t%u\t%u\t%u\t%u", q->text.cstart + 1, q->text.clen, q->paragraph + 1,
			   q->sentence + 1);
		put_str(na_quote_kind_name(q->kind));
		if (q->speaker >= 0 && a.quotes.speakers[q->speaker].name_static)
			put_str(a.quotes.speakers[q->speaker].name_static);
		else if (q->speaker >= 0)
			put_name(text, a.quotes.speakers[q->speaker].name.start,
					 a.quotes.speakers[q->speaker].name.len);
		else
			fputs("\t-", stdout);
		put_qspan(text, &q->mention);
		if (q->mention.len)
			printf("\t%u\t%u", q->mention.cstart + 1, q->mention.clen);
		else
			fputs("\t-\t-", stdout);
		put_qspan(text, &q->cue);
		put_str(na_quote_attribution_name(q->attribution));
		printf("\t%.4f\n", q->confidence);
	}
	for (uint32_t i = 0; i < a.quotes.nspeakers; i++)
	{
		const na_speaker *sp = &a.quotes.speakers[i];

		fputs("P", stdout);
		if (sp->name_static)
			put_str(sp->name_static);
		else
			put_name(text, sp->name.start, sp->name.len);
		put_name(text, sp->role.start, sp->role.len);
		if (sp->affiliation)
			put_str(sp->affiliation);
		else
			put_name(text, sp->affiliation_span.start, sp->affiliation_span.len);
		fputs("\t{", stdout);
		for (uint32_t k = 0; k < sp->naliases; k++)
		{
			const na_quote_span *al = &a.quotes.aliases[sp->first_alias + k];
			char	   *one_line = malloc(al->len + 1);

			if (one_line == NULL)
			{
				fputs("na_rows: out of memory\n", stderr);
				exit(1);
			}
			if (k)
				putchar('|');
			put_escaped(one_line, na_layout_one_line(text + al->start, al->len, one_line));
			free(one_line);
		}
		putchar('}');
		put_str(na_gender_name(sp->gender));
		printf("\t%u\t%u\t%u\n", sp->mentions, sp->quotes, sp->first_cstart + 1);
	}
	for (uint32_t i = 0; i < a.votes.nvotes; i++)
	{
		const na_vote *v = &a.votes.votes[i];

		printf("V\t%u", i + 1);
		if (v->event)
			printf("\t%u", v->event);
		else
			fputs("\t-", stdout);
		printf("\t%u\t%u\t%u", v->sentence + 1, v->evidence.cstart + 1, v->evidence.clen);
		put_vspan(text, &v->evidence);
		if (v->actor)
			put_str(v->actor);
		else
			put_name(text, v->actor_span.start, v->actor_span.len);
		put_str(na_vote_actor_kind_name(v->actor_kind));
		put_str(na_vote_action_name(v->action));
		if (v->body)
			put_str(v->body);
		else
			put_name(text, v->body_span.start, v->body_span.len);
		put_name(text, v->motion.start, v->motion.len);
		put_str(na_vote_outcome_name(v->outcome));
		put_count(v->votes_for);
		put_count(v->votes_against);
		put_count(v->abstentions);
		put_str(na_vote_method_name(v->method));
		put_str(na_vote_modality_name(v->modality));
		putchar('\n');
	}
	na_analysis_free(&a, na_mem_stdlib());
	return 1;
}

int
main(int argc, char **argv)
{
	const char *path = NULL;
	FILE	   *f = stdin;
	int			tokens = 0;
	size_t		len;
	size_t		pos = 0;
	char	   *in;

	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--tokens") == 0)
			tokens = 1;
		else
			path = argv[i];
	}
	if (path && (f = fopen(path, "rb")) == NULL)
	{
		perror(path);
		return 2;
	}
	if ((in = read_all(f, &len)) == NULL)
	{
		fprintf(stderr, "na_rows: out of memory\n");
		return 2;
	}
	while (pos < len)
	{
		char	   *tab = memchr(in + pos, '\t', len - pos);
		char	   *nl;
		char	   *id;
		size_t		nbytes;
		char	   *text;

		if (tab == NULL || (nl = memchr(tab, '\n', len - (size_t) (tab - in))) == NULL)
			break;
		*tab = '\0';
		*nl = '\0';
		id = in + pos;
		nbytes = strtoul(tab + 1, NULL, 10);
		pos = (size_t) (nl - in) + 1;
		if (nbytes > len - pos)
		{
			fprintf(stderr, "na_rows: %s: truncated record\n", id);
			return 2;
		}
		/* a copy of its own, so reading past the text is caught by sanitizers */
		if ((text = malloc(nbytes + 1)) == NULL)
			return 2;
		memcpy(text, in + pos, nbytes);
		print_article(id, text, nbytes, tokens);
		free(text);
		pos += nbytes + 1;
	}
	free(in);
	return 0;
}
