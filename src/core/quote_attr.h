/*
 * quote_attr.h - private to the attribution of quotations and reported
 * speech, which is split by concern: quotes.c pairs the marks and puts the
 * analysis together, quote_sources.c finds the source mention and cue of a
 * quotation, quote_reports.c finds reported speech (attributions without
 * quotation marks) and merges it with the quotations.  Speakers
 * (speaker_*.c, speakers.c) and the word lists (quote_lex.c) lie below them, in
 * quote_internal.h: the dependencies run one way, quotes -> speakers ->
 * lexicon.
 */
#ifndef NA_QUOTE_ATTR_H
#define NA_QUOTE_ATTR_H

#include "quote_internal.h"

/* Tokens looked at around a quote; keeps the work per quote bounded. */
#define CUE_WINDOW 8			/* between a quote and its cue */
#define APPOS_WINDOW 40			/* inside an apposition: X, the ..., said */
#define SENTENCE_WINDOW 60		/* a cue earlier or later in the sentence */
#define NP_MAX 9				/* tokens of a source mention */
#define LOOKAHEAD 400			/* finding a closing mark for an opening one */
#define SPEECH_MIN_WORDS 4		/* shorter quotes with no cue are scare quotes */

typedef struct q_raw
{
	uint32_t	open;			/* opening mark token, QNONE = none */
	uint32_t	close;			/* closing mark token, QNONE = none */
	uint32_t	first;			/* inner tokens */
	uint32_t	last;
	uint8_t		continues;		/* continues the previous quote's speech */
} q_raw;

typedef enum src_type
{
	SRC_NONE = 0,
	SRC_NAME,
	SRC_NOMINAL,
	SRC_PRONOUN
} src_type;

typedef struct q_attr
{
	uint32_t	src_first;
	uint32_t	src_last;
	uint32_t	cue_first;
	uint32_t	cue_last;
	uint8_t		type;			/* src_type */
	uint8_t		how;			/* na_quote_attribution */
	float		confidence;
} q_attr;

#define REPORT_SOURCE_WINDOW 30	/* tokens between a content's edge and its cue */
#define REPORT_MIN_WORDS 3		/* shorter content is an object, not a report */
#define REPORT_CONTENT_MAX 250	/* tokens of content after its cue, at most */

/* A report found at a cue: its source and content (one or two pieces). */
typedef struct q_report
{
	q_attr		a;				/* source and cue */
	uint32_t	first;			/* content tokens [first, last] */
	uint32_t	last;
	uint32_t	first2;			/* a second piece after the cue, QNONE = none */
	uint32_t	last2;
	uint8_t		cue_class;		/* na_cue_class */
	uint8_t		object;			/* the content is the cue's object, a noun
								 * phrase: one word will do */
} q_report;

/*
 * Is token i a quotation mark?  Inline: the reports' loops ask it of every
 * token of their content (half a million calls over BBC, each a call for
 * one comparison).
 */
static inline int
q_is_quote_mark(const qctx *q, uint32_t i)
{
	uint8_t		k = q->doc->tokens[i].kind;

	return k == NA_TK_OPEN_QUOTE || k == NA_TK_CLOSE_QUOTE;
}

/* The class of the cue at token k: speech, thought or finding (or none). */
static inline uint8_t
q_cue_class_at(const qctx *q, uint32_t k)
{
	uint8_t		c = q_cue_class(q, k);

	return c == NA_CUE_NONE ? NA_CUE_SPEECH : c;
}

/*
 * Token helpers shared by the three files, inline: each is a test or two,
 * and the reports and their sources asked them 200,000 times over BBC as
 * calls (the sentence, the paragraph and the -ing of a token another
 * 80,000: 644.3M -> 643.2M instructions, na_quotes_analyse_with
 * mispredicts 4.722M -> 4.672M) (with q_is_pronoun asked twice of one token in q_np_backward);
 * BBC callgrind 647.1M -> 644.3M instructions (q_reported_speech 101.1M
 * -> 99.8M), mispredicts 6.645M -> 6.636M.
 */

/* A full stop, question or exclamation mark, or an ellipsis: the token's
 * kind and length asked once, not once a mark (170,000 calls over BBC). */
static inline int
q_is_sentence_stop(const qctx *q, uint32_t i)
{
	const na_token *t;
	char		c;

	if (i >= q->doc->ntokens)
		return 0;
	t = &q->doc->tokens[i];
	if (t->kind == NA_TK_ELLIPSIS)
		return 1;
	if (t->kind != NA_TK_PUNCT || t->len != 1)
		return 0;
	c = q->doc->text[t->start];
	return c == '.' || c == '?' || c == '!';
}

/* Is token i a pronoun that may be a source (he, she, they, it, I, we)? */
static inline int
q_is_pronoun(const qctx *q, uint32_t i)
{
	return q_in_any(q, i, Q_LEX_BIT(LEX_PRONOUNS_HE) | Q_LEX_BIT(LEX_PRONOUNS_SHE) |
					Q_LEX_BIT(LEX_PRONOUNS_OTHER));
}

/* Is token i a verb that attributes a quotation next to it (said, added)? */
static inline int
q_is_speech_cue(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_SPEECH_VERBS);
}

/* Is token i a verb that attributes a quotation next to it (said, added)
 * or a quoted phrase inside paraphrase (called it "…", described as "…")? */
static inline int
q_is_any_cue(const qctx *q, uint32_t i)
{
	return q_in_any(q, i, Q_LEX_BIT(LEX_SPEECH_VERBS) | Q_LEX_BIT(LEX_PHRASE_VERBS));
}

/* Are tokens a and b in one paragraph? */
static inline int
q_same_paragraph(const qctx *q, uint32_t a, uint32_t b)
{
	return q->doc->tokens[a].paragraph == q->doc->tokens[b].paragraph;
}

/* a cue ending in -ing: saying, calling */
static inline int
q_is_participle(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	const char *p = q->doc->text + t->start;

	return t->len > 4 && p[t->len - 3] == 'i' && p[t->len - 2] == 'n' && p[t->len - 1] == 'g';
}

/* The sentence of token i, or NULL when the scan made none (tokens only). */
static inline const na_sentence *
q_sentence_of(const qctx *q, uint32_t i)
{
	uint32_t	s = q->doc->tokens[i].sentence;

	return s < q->doc->nsentences ? &q->doc->sentences[s] : NULL;
}

int			q_noun_like_here(const qctx *q, uint32_t k);

/*
 * Is a cue at k rather a noun: "the calls", "weapons attacks"?  Inline the
 * test of the word before the look at the words before it (quotes.c):
 * over BBC 24,000 calls, 1,300 of them for a word that may be a noun;
 * callgrind 641.9M -> 641.2M instructions.
 */
static inline int
q_noun_like(const qctx *q, uint32_t k)
{
	return k != 0 && q_in(q, k, LEX_NOUN_LIKE_CUES) && q_noun_like_here(q, k);
}

/* quotes.c: token helpers shared by the three files */
int			q_participial_opener(const qctx *q, uint32_t i);
uint32_t	q_according_at(const qctx *q, uint32_t k);
int			q_perfect_aux(const qctx *q, uint32_t k);
uint32_t	q_entity_of_source(qctx *q, const q_attr *a, const q_raw *r);

/* quote_sources.c: source mentions and the attribution of a quotation */
src_type	q_np_forward(const qctx *q, uint32_t i, uint32_t limit, uint32_t *first, uint32_t *last);
src_type	q_np_backward(const qctx *q, uint32_t e, uint32_t floor, uint32_t *first, uint32_t *last);
uint32_t	q_skip_parenthesis(const qctx *q, uint32_t i, uint32_t limit);
uint32_t	q_skip_aux_backward(const qctx *q, uint32_t i, uint32_t floor);
int			q_role_head(const qctx *q, uint32_t a, uint32_t b);
int			q_appositive_name(const qctx *q, src_type type, uint32_t a, uint32_t b, uint32_t limit, uint32_t *first, uint32_t *last);
src_type	q_sentence_subject(const qctx *q, uint32_t tok, uint32_t *first, uint32_t *last);
src_type	q_subject_before(const qctx *q, uint32_t k, uint32_t floor, uint32_t *first, uint32_t *last);
/*
 * Fills an attribution in one call, deriving how the source was found from
 * its type when the rule gives no more precise answer.  Inline: a few
 * stores that every report and quotation makes (17,000 calls over BBC).
 */
static inline void
q_set_attr(q_attr *a, src_type type, uint32_t sf, uint32_t sl, uint32_t cf, uint32_t cl,
		   uint8_t how, float conf)
{
	a->type = type;
	a->src_first = sf;
	a->src_last = sl;
	a->cue_first = cf;
	a->cue_last = cl;
	if (how == NA_QA_NONE)
		how = type == SRC_PRONOUN ? NA_QA_PRONOUN :
			type == SRC_NAME ? NA_QA_NAME : NA_QA_TITLE;
	a->how = how;
	a->confidence = conf;
}
int			q_attr_after(const qctx *q, const q_raw *r, q_attr *a);
int			q_attr_before(const qctx *q, const q_raw *r, q_attr *a);
int			q_attr_in_sentence_before(const qctx *q, const q_raw *r, q_attr *a);
int			q_attr_in_sentence_after(const qctx *q, const q_raw *r, q_attr *a);
int			q_attr_as_clause(const qctx *q, const q_raw *r, q_attr *a);
int			q_nickname_in_name(const qctx *q, const q_raw *r);
int			q_is_embedded(const qctx *q, const q_raw *r);
int			q_attr_transcript(const qctx *q, const q_raw *r, q_attr *a);
int			q_attr_colon(const qctx *q, const q_raw *r, q_attr *a);
int			q_attr_previous_sentence(const qctx *q, const q_raw *r, q_attr *a);

/* quote_report_content.c: where a report's content begins and ends */
uint32_t	q_content_end(const qctx *q, uint32_t s0, uint32_t s1);
uint32_t	q_content_start_after(const qctx *q, uint32_t k, uint32_t end);
uint32_t	q_content_stop(const qctx *q, uint32_t from, uint32_t e);
uint32_t	q_object_end(const qctx *q, uint32_t j, uint32_t last);
uint32_t	q_relative_content_end(const qctx *q, uint32_t first, uint32_t last, int own_verbs);

/* quote_reports.c: reported speech */
int			q_reported_speech(qctx *q);
uint32_t	q_words_between(const qctx *q, uint32_t first, uint32_t last);
int			q_comma_between(const qctx *q, uint32_t a, uint32_t b);
int			q_in_according_source(const qctx *q, uint32_t a, uint32_t k);

/* quote_report_rows.c: reports as rows, merged with the quotations */
na_quote   *push_report(qctx *q, const q_report *rp, uint32_t first, uint32_t last, uint32_t entity,
						int second_piece);
int			q_line_reports(qctx *q);
int			lead_in_mixed(qctx *q, uint32_t nquotations);
int			q_content_is_quoted(const qctx *q, uint32_t first, uint32_t last);
int			q_report_nested_in_other(const qctx *q, const q_report *rp, uint32_t entity,
									 uint32_t nquotations);
int			q_merge_reports(qctx *q, uint32_t nquotes);

#endif							/* NA_QUOTE_ATTR_H */
