/*
 * quotes.c - quotation marks paired into quotes, and each quote attributed:
 * the cue verb next to it, the source mention, and the speaker it names.
 *
 * Pairing is bounded by paragraphs: a quote still open at a paragraph's end
 * ends there (a runaway mark cannot swallow the article), and when the next
 * paragraph opens with a mark it continues the same speech, as newspapers
 * write quotes that run over paragraphs.  Single marks nest inside double
 * ones, and quote on their own only in texts that never use double marks.
 *
 * Attribution tries, in order: a transcript label (“PENCE: …”); a cue right
 * after the quote (“…,” X said / said X / according to X / “…” ― X); a cue
 * right before it (X said: “…”); a cue earlier in its sentence (X called it
 * “barbaric”), preferring the outer report (She said she asked “…”); a cue
 * later in its sentence; the source named before a colon; the speaker of
 * the sentence just before (…, Schiff said. “…”); continuation of the last
 * speaker; for short phrases the person who is the sentence's subject.  A
 * quote of four words or more that none of these attributes is still
 * someone's words (speaker unknown); shorter ones and titles of works and
 * shows are quoted text nobody says (unattributed).  Markup attribute values
 * (author="…") are no quotations at all.  The confidence falls along that
 * order.
 */
#include <stdlib.h>
#include <string.h>

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

static void outer_attribution(const qctx *q, uint32_t s_first, uint32_t before, q_attr *a);

/* ---- token helpers (the word lists are in quote_lex.c) ---- */

/* Byte length of a token without its possessive ending. */
static uint32_t
base_len(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (!q_possessive(q, i))
		return t->len;
	return p[t->len - 2] == '\'' ? t->len - 2 : t->len - 4;
}

/* Same word, possessives ignored (Haley, Haley’s)? */
int
q_same_base(const qctx *q, uint32_t a, uint32_t b)
{
	uint32_t	la = base_len(q, a);
	uint32_t	lb = base_len(q, b);

	return la == lb && memcmp(q->doc->text + q->doc->tokens[a].start,
							  q->doc->text + q->doc->tokens[b].start, la) == 0;
}

na_quote_span
q_span(const qctx *q, uint32_t first, uint32_t last)
{
	const na_token *a = &q->doc->tokens[first];
	const na_token *b = &q->doc->tokens[last];
	na_quote_span s;

	s.start = a->start;
	s.len = b->start + b->len - a->start;
	s.cstart = a->cstart;
	s.clen = na_token_cend(b) - a->cstart;
	return s;
}

static int
is_quote_mark(const qctx *q, uint32_t i)
{
	uint8_t		k = q->doc->tokens[i].kind;

	return k == NA_TK_OPEN_QUOTE || k == NA_TK_CLOSE_QUOTE;
}

static int
is_sentence_stop(const qctx *q, uint32_t i)
{
	return q_is_punct(q, i, '.') || q_is_punct(q, i, '?') || q_is_punct(q, i, '!') ||
		q->doc->tokens[i].kind == NA_TK_ELLIPSIS;
}

static int
is_pronoun(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_PRONOUNS_HE) || q_in(q, i, LEX_PRONOUNS_SHE) ||
		q_in(q, i, LEX_PRONOUNS_OTHER);
}

static int
is_speech_cue(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_SPEECH_VERBS);
}

static int
is_any_cue(const qctx *q, uint32_t i)
{
	return q_in(q, i, LEX_SPEECH_VERBS) || q_in(q, i, LEX_PHRASE_VERBS);
}

/* Is a cue at k rather a noun: "the calls", "weapons attacks"? */
static int
noun_like(const qctx *q, uint32_t k)
{
	const na_token *p;

	if (k == 0 || !q_in(q, k, LEX_NOUN_LIKE_CUES))
		return 0;
	p = &q->doc->tokens[k - 1];
	if (q_in(q, k - 1, LEX_DETERMINERS) || q_possessive(q, k - 1))
		return 1;
	/* 32% of Republican claims, the Trump remarks */
	if ((p->flags & NA_TF_CAPITALIZED) && k >= 2 &&
		(q_in(q, k - 2, LEX_DETERMINERS) || q_is(q, k - 2, "of") ||
		 q->doc->tokens[k - 2].kind == NA_TK_NUMBER || q->doc->tokens[k - 2].kind == NA_TK_PERCENT))
		return 1;
	return p->kind == NA_TK_WORD && !(p->flags & NA_TF_CAPITALIZED) &&
		!q_in(q, k - 1, LEX_VERB_SUBJECT_WORDS) && !q_in(q, k - 1, LEX_AUX_ADVERBS);
}

static int
same_paragraph(const qctx *q, uint32_t a, uint32_t b)
{
	return q->doc->tokens[a].paragraph == q->doc->tokens[b].paragraph;
}

/* Worried about …, / Speaking to …, : a sentence opening with a participle */
static int
participial_opener(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (t->kind != NA_TK_WORD || t->len < 5)
		return 0;
	/* Worried about, Speaking to — not Alfred said */
	if (!q_in(q, i + 1, LEX_NP_BLOCKERS) && !q_in(q, i + 1, LEX_DETERMINERS))
		return 0;
	return (p[t->len - 2] == 'e' && p[t->len - 1] == 'd') ||
		(p[t->len - 3] == 'i' && p[t->len - 2] == 'n' && p[t->len - 1] == 'g');
}

/* a cue ending in -ing: saying, calling */
static int
is_participle(const qctx *q, uint32_t k)
{
	const na_token *t = &q->doc->tokens[k];
	const char *p = q->doc->text + t->start;

	return t->len > 4 && p[t->len - 3] == 'i' && p[t->len - 2] == 'n' && p[t->len - 1] == 'g';
}

/* The sentence of token i, or NULL when the scan made none (tokens only). */
static const na_sentence *
sentence_of(const qctx *q, uint32_t i)
{
	uint32_t	s = q->doc->tokens[i].sentence;

	return s < q->doc->nsentences ? &q->doc->sentences[s] : NULL;
}

/* "according to" (2 tokens), selon / según / laut / secondo (1), or 0 */
static uint32_t
according_at(const qctx *q, uint32_t k)
{
	uint64_t	m = q_lexmask(q, k);

	if (m & Q_LEX_BIT(LEX_ACCORDING))
		return 1;
	/* "according" is a blocker: only those are compared */
	if ((m & Q_LEX_BIT(LEX_NP_BLOCKERS)) && q_is(q, k, "according") && q_is(q, k + 1, "to"))
		return 2;
	return 0;
}

/* the auxiliary of a perfect cue: », a déclaré X / », ha detto X */
static int
perfect_aux(const qctx *q, uint32_t k)
{
	return q_is(q, k, "a") || q_is(q, k, "ha") || q_is(q, k, "hat") || q_is(q, k, "ont") ||
		q_is(q, k, "han") || q_is(q, k, "hanno") || q_is(q, k, "tem");
}

/* ---- source mentions ---- */

/*
 * Is token i a lower-case word ending in "ed" (tried, chimed, appeared)?
 * Right after a name it is the name's verb, not a noun of the mention: a
 * noun after a name (Trump aides, the Clinton campaign) rarely ends so.
 */
static int
past_tense_like(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *w;

	if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED) || t->len < 4)
		return 0;
	w = q->doc->text + t->start + t->len - 2;
	return w[0] == 'e' && w[1] == 'd';
}

/*
 * A source mention starting at token i (before limit): a pronoun, a name
 * (Ms. Haley, the New York Post), or a description (a campaign spokesman).
 */
static src_type
np_forward(const qctx *q, uint32_t i, uint32_t limit, uint32_t *first, uint32_t *last)
{
	uint32_t	j = i;
	int			saw_cap = 0;
	int			saw_noun = 0;

	if (i >= limit || i >= q->doc->ntokens)
		return SRC_NONE;
	if (is_pronoun(q, i))
	{
		*first = *last = i;
		return SRC_PRONOUN;
	}
	/* said one of those advisers / some of his aides */
	if (q_is(q, i + 1, "of") && (q_is(q, i, "one") || q_is(q, i, "some") || q_is(q, i, "many") ||
								   q_is(q, i, "several") || q_is(q, i, "two") || q_is(q, i, "most")))
	{
		src_type	inner = np_forward(q, i + 2, limit, first, last);

		if (inner == SRC_NONE || inner == SRC_PRONOUN)
			return SRC_NONE;
		*first = i;
		return inner;
	}
	if (q_in(q, j, LEX_DETERMINERS))
		j++;
	while (j < limit && j - i < NP_MAX)
	{
		const na_token *t = &q->doc->tokens[j];

		if (q_is_cap(q, j) && !q_in(q, j, LEX_WEEKDAY_WORDS) && !q_in(q, j, LEX_NP_BLOCKERS))
			saw_cap = 1;
		else if (j > i && q_is_cap(q, j - 1) && past_tense_like(q, j))
			break;				/* Stumpf tried …, Hillary Clinton chimed in: the verb */
		else if (t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) &&
				 !q_in(q, j, LEX_NP_BLOCKERS) && !is_any_cue(q, j) &&
				 !q_in(q, j, LEX_DETERMINERS))
			saw_noun = 1;
		else if (j == i && (t->kind == NA_TK_NUMBER || t->kind == NA_TK_RANGE) &&
				 q_is_word(q, j + 1))
			;					/* 9/11 widow Terry Strada */
		else
			break;
		j++;
		if (j < limit && q_is_punct(q, j, '-') && q_is_word(q, j + 1))
			j++;
	}
	if (!saw_cap && !saw_noun)
		return SRC_NONE;
	*first = i;
	*last = j - 1;
	return saw_cap ? SRC_NAME : SRC_NOMINAL;
}

/* A source mention ending at token e (not before floor). */
static src_type
np_backward(const qctx *q, uint32_t e, uint32_t floor, uint32_t *first, uint32_t *last)
{
	uint32_t	j = e;
	int			saw_cap = 0;
	int			saw_noun = 0;
	uint32_t	start = e + 1;

	if (e == QNONE || e < floor || e >= q->doc->ntokens)
		return SRC_NONE;
	if (is_pronoun(q, e))
	{
		*first = *last = e;
		return SRC_PRONOUN;
	}
	for (;;)
	{
		const na_token *t = &q->doc->tokens[j];

		if (e - j >= NP_MAX)
			break;
		if (q_in(q, j, LEX_DETERMINERS))
		{
			/* reports that Trump called: "that" opens a clause here */
			if ((saw_cap || saw_noun) && !q_is(q, j, "that") && !q_is(q, j, "this"))
				start = j;
			break;
		}
		if (q_is_cap(q, j) && !q_in(q, j, LEX_NP_BLOCKERS) &&
			!(q_in(q, j, LEX_WEEKDAY_WORDS) && !saw_cap && !saw_noun))
			saw_cap = 1;
		else if (t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) &&
				 !q_in(q, j, LEX_NP_BLOCKERS) && !is_any_cue(q, j))
			saw_noun = 1;
		else
			break;
		start = j;
		/* a sentence's first word starts the mention */
		if ((t->flags & (NA_TF_SENT_START | NA_TF_PARA_START)) || j == floor || j == 0)
			break;
		j--;
	}
	if (start > e)
		return SRC_NONE;
	if (!saw_cap && !q_in(q, start, LEX_DETERMINERS) && !q_in(q, e, LEX_SOURCE_NOUNS) &&
		!q_is_role_noun(q, e))
		return SRC_NONE;
	/* a lone sentence-initial capital is usually no name: "Still", "Asked" */
	if (start == e && saw_cap && q_in(q, e, LEX_SENTENCE_OPENERS))
		return SRC_NONE;
	*first = start;
	*last = e;
	return saw_cap ? SRC_NAME : SRC_NOMINAL;
}

/* Skip a parenthesis at i: Rep. Jim Jordan (R-Ohio) said */
static uint32_t
skip_parenthesis(const qctx *q, uint32_t i, uint32_t limit)
{
	uint32_t	k;

	if (!q_is_punct(q, i, '('))
		return i;
	for (k = i + 1; k < limit && k - i < 10; k++)
		if (q_is_punct(q, k, ')'))
			return k + 1;
	return i;
}

/* Skip aux verbs and adverbs forward from i: X has also said. */
static uint32_t
skip_aux_forward(const qctx *q, uint32_t i, uint32_t limit)
{
	int			n = 0;

	while (i < limit && n < 3 && q_in(q, i, LEX_AUX_ADVERBS) && !is_speech_cue(q, i))
	{
		i++;
		n++;
	}
	return i;
}

/* Skip aux verbs and adverbs backward from i. */
static uint32_t
skip_aux_backward(const qctx *q, uint32_t i, uint32_t floor)
{
	int			n = 0;

	while (i != QNONE && i > floor && n < 3 && q_in(q, i, LEX_AUX_ADVERBS) &&
		   !is_speech_cue(q, i))
	{
		i--;
		n++;
	}
	return i;
}

/*
 * Does a lower-case role noun head the mention [a, b] (la consejera de
 * Medio Ambiente), rather than title a name (Democratic strategist David
 * Axelrod)?
 */
static int
role_head(const qctx *q, uint32_t a, uint32_t b)
{
	for (uint32_t k = a; k <= b; k++)
		if (q_is_role_noun(q, k) && !q_is_cap(q, k) && (k == b || !q_is_cap(q, k + 1)))
			return 1;
	return 0;
}

/*
 * The name in apposition after a role phrase [a, b]: “…,” the envoy, X,
 * said / Britain’s ambassador, X, said / said the French ambassador, X.
 * A role phrase is a description, or a name-like phrase ending in a role
 * (Britain’s ambassador); "Florida’s Rick Wilson, a consultant" is none.
 */
static int
appositive_name(const qctx *q, src_type type, uint32_t a, uint32_t b, uint32_t limit,
				uint32_t *first, uint32_t *last)
{
	uint32_t	a2,
				b2;

	/*
	 * said the work and pensions secretary, Helen Carter: a role phrase
	 * joined with "and" runs on to its role noun before the comma
	 */
	if (type == SRC_NOMINAL && q_is(q, b + 1, "and"))
	{
		uint32_t	k = b + 2;

		while (k < limit && k - b <= 6 && q_is_word(q, k) && !q_is_cap(q, k) &&
			   !q_is_role_noun(q, k))
			k++;
		if (k < limit && q_is_role_noun(q, k) && q_is_punct(q, k + 1, ','))
			b = k;
	}
	if (!q_is_punct(q, b + 1, ','))
		return 0;
	if (type == SRC_NAME)
	{
		if (q_is_cap(q, b) && !role_head(q, a, b) && !q_is_role_noun(q, b))
			return 0;
		if (!q_is_cap(q, b + 2) || q_in(q, b + 2, LEX_DETERMINERS))
			return 0;
	}
	else if (type != SRC_NOMINAL)
		return 0;
	if (np_forward(q, b + 2, limit, &a2, &b2) != SRC_NAME)
		return 0;
	*first = a2;
	*last = b2;
	return 1;
}

/*
 * The subject of the sentence containing token tok (before tok): the first
 * mention after openers and an introductory phrase; "ROLE, NAME," gives NAME.
 */
static src_type
sentence_subject(const qctx *q, uint32_t tok, uint32_t *first, uint32_t *last)
{
	const na_doc *doc = q->doc;
	const na_sentence *s = sentence_of(q, tok);
	uint32_t	i;
	uint32_t	a,
				b,
				a2,
				b2;
	uint32_t	comma;
	src_type	type;
	src_type	type2;

	if (s == NULL)
		return SRC_NONE;
	i = s->first_token;
	/* “…,” Rep. X said, adding …: the subject follows the leading quote */
	if (i < tok && (doc->tokens[i].kind == NA_TK_OPEN_QUOTE || (q->in_quote[i] & 1)))
	{
		uint32_t	j = i + 1;

		/* bounded: every partial quote of a run-on sentence scanned it all */
		while (j < tok && j - i < 512 && doc->tokens[j].kind != NA_TK_CLOSE_QUOTE)
			j++;
		if (j >= tok || doc->tokens[j].kind != NA_TK_CLOSE_QUOTE)
			return SRC_NONE;
		i = j + 1;
		if (i < tok && q_is_punct(q, i, ','))
			i++;
		if (i < tok && is_speech_cue(q, i))
			return np_forward(q, i + 1, tok, first, last);
	}
	while (i < tok && (q_in(q, i, LEX_SENTENCE_OPENERS) || q_is_punct(q, i, ',')))
		i++;
	if (i < tok && (q_in(q, i, LEX_CLAUSE_PREPOSITIONS) || participial_opener(q, i)))
	{
		uint32_t	j = i + 1;

		while (j < tok && j - i < 25 && !q_is_punct(q, j, ','))
			j++;
		if (j >= tok || !q_is_punct(q, j, ','))
			return SRC_NONE;
		i = j + 1;
		if (i < tok && doc->tokens[i].kind == NA_TK_CLOSE_QUOTE)
			i++;				/* On “Face the Nation,” Ryan said */
	}
	if (i >= tok || doc->tokens[i].kind == NA_TK_OPEN_QUOTE)
		return SRC_NONE;
	type = np_forward(q, i, tok, &a, &b);
	if (type == SRC_NONE)
		return SRC_NONE;
	/* The chair of the talks, Ambassador X of Ghana, ...: the role's
	 * complement belongs to the role phrase */
	comma = b + 1;
	if (type == SRC_NOMINAL && q_is(q, comma, "of"))
	{
		uint32_t	c = comma + 1;

		while (c < tok && c - comma <= 6 && q_is_word(q, c))
			c++;
		if (q_is_punct(q, c, ','))
			comma = c;
	}
	/* the French ambassador, François Delattre, ... */
	if (type != SRC_PRONOUN && q_is_punct(q, comma, ',') &&
		(type2 = np_forward(q, comma + 1, tok, &a2, &b2)) == SRC_NAME &&
		(q_is_punct(q, b2 + 1, ',') || b2 + 1 == tok ||
		 (q_is(q, b2 + 1, "of") && q_is_cap(q, b2 + 2))) &&
		(type == SRC_NOMINAL || q_possessive(q, b) || q_possessive(q, a) ||
		 q_in(q, a, LEX_DETERMINERS) || q_is_role_noun(q, b) || role_head(q, a, b)))
	{
		*first = a2;
		*last = b2;
		return type2;
	}
	*first = a;
	*last = b;
	return type;
}

/*
 * The source before a cue at token k (not before floor): X said, X has said,
 * X, the ambassador, said, X, who ..., said; "who" gives its antecedent.
 */
static src_type
subject_before(const qctx *q, uint32_t k, uint32_t floor, uint32_t *first, uint32_t *last)
{
	uint32_t	j;
	src_type	type;

	if (k == 0 || k <= floor)
		return SRC_NONE;
	/* …, saying / calling / adding: the participle's subject is the clause's */
	if (is_participle(q, k) && k > 0 && !is_pronoun(q, k - 1) && !q_is_cap(q, k - 1))
	{
		/* Nefzi said, adding: the subject of the verb just before */
		for (uint32_t v = k - 1; v > floor && k - v <= 8; v--)
		{
			if (is_quote_mark(q, v) || is_sentence_stop(q, v))
				break;
			if (is_speech_cue(q, v) && !is_participle(q, v) && !noun_like(q, v))
			{
				type = subject_before(q, v, floor, first, last);
				if (type != SRC_NONE)
					return type;
				break;
			}
		}
		type = sentence_subject(q, k, first, last);
		if (type != SRC_NONE)
			return type;
	}
	j = skip_aux_backward(q, k - 1, floor);
	if (j == QNONE || j < floor)
		return SRC_NONE;
	/* House Speaker Paul D. Ryan (R-Wis.) said */
	if (q_is_punct(q, j, ')'))
	{
		uint32_t	o = j;

		while (o > floor && j - o < 10 && !q_is_punct(q, o, '('))
			o--;
		if (q_is_punct(q, o, '(') && o > floor)
			j = o - 1;
	}
	if (q_is(q, j, "who") && j >= 2 && q_is_punct(q, j - 1, ','))
	{
		/* X, who said: "who" is the source as written, X whom it names */
		type = np_backward(q, j - 2, floor, first, last);
		if (type == SRC_NONE)
			return SRC_NONE;
		*first = *last = j;
		return type == SRC_PRONOUN ? SRC_NAME : type;
	}
	if (q_is(q, j, "and") && j > floor)
	{
		/* I laughed and said: the subject of the first verb */
		for (uint32_t m = j - 1; m > floor && j - m < 8; m--)
		{
			const na_token *t = &q->doc->tokens[m];

			if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV && t->kind != NA_TK_INITIAL)
				break;
			if ((is_pronoun(q, m) || q_is_cap(q, m)) &&
				(q_is_punct(q, m - 1, ',') || (t->flags & NA_TF_SENT_START) ||
				 (is_pronoun(q, m) && q_in(q, m - 1, LEX_CLAUSE_PREPOSITIONS))))
			{
				if (is_pronoun(q, m))
				{
					*first = *last = m;
					return SRC_PRONOUN;
				}
				return np_forward(q, m, j, first, last);
			}
		}
	}
	if (q_is_punct(q, j, ','))
	{
		uint32_t	c = j;
		uint32_t	stop = j > APPOS_WINDOW ? j - APPOS_WINDOW : 0;

		/* X, the role of Y, said: the mention before the first comma */
		if (stop < floor)
			stop = floor;
		for (c = j - 1; c > stop; c--)
		{
			if (q_is_punct(q, c, ',') || is_sentence_stop(q, c) ||
				(q->doc->tokens[c].flags & NA_TF_SENT_START))
				break;
		}
		if (c > stop && q_is_punct(q, c, ','))
		{
			uint32_t	a2,
						b2;
			src_type	inner = np_forward(q, c + 1, j, &a2, &b2);

			type = np_backward(q, c - 1, floor, first, last);
			if (type == SRC_NAME && !q_possessive(q, *last) &&
				!q_in(q, *first, LEX_DETERMINERS) && !q_is_role_noun(q, *last) &&
				!q_possessive(q, *first) && !role_head(q, *first, *last))
				return type;
			if (inner == SRC_NAME && b2 + 1 == j)
			{
				*first = a2;
				*last = b2;
				return inner;
			}
			if (type != SRC_NONE)
				return type;
		}
		return sentence_subject(q, k, first, last);
	}
	type = np_backward(q, j, floor, first, last);
	if (type == SRC_NONE && !is_quote_mark(q, j))
		return sentence_subject(q, k, first, last);
	/* Stumpf in a televised interview appeared to …: the mention before
	 * the verb is a preposition's object; the subject is a name before it
	 * (at most two such phrases back), or the mention stays */
	if (type == SRC_NOMINAL || type == SRC_NAME)
	{
		uint32_t	f = *first;

		for (int hops = 0; hops < 2 && f >= floor + 2 && q_in(q, f - 1, LEX_TAIL_PREPOSITIONS) &&
			 !q_is(q, f - 1, "of") && !q_is_cap(q, f - 1); hops++)
		{
			uint32_t	f2,
						l2;
			src_type	before = np_backward(q, f - 2, floor, &f2, &l2);

			/* Others in the community said: no name, a group */
			if (before == SRC_NAME && f2 == l2 && q_in(q, f2, LEX_STOP_CAPS))
				break;
			if (before == SRC_NAME || before == SRC_PRONOUN)
			{
				*first = f2;
				*last = l2;
				type = before;
				break;
			}
			if (before == SRC_NONE)
				break;
			f = f2;
		}
	}
	/* another source speaking to Fox News said: the source, not Fox News */
	if (type != SRC_NONE && type != SRC_PRONOUN && *first >= floor + 3 &&
		(q_in(q, *first - 1, LEX_TAIL_PREPOSITIONS) || q_is(q, *first - 1, "to")) &&
		(is_participle(q, *first - 2) || q_is(q, *first - 2, "speaking")))
	{
		uint32_t	f,
					l;
		src_type	outer = np_backward(q, *first - 3, floor, &f, &l);

		if (outer != SRC_NONE && outer != SRC_PRONOUN)
		{
			*first = f;
			*last = l;
			return outer;
		}
	}
	return type;
}

/* ---- attribution ---- */

static void
set_attr(q_attr *a, src_type type, uint32_t sf, uint32_t sl, uint32_t cf, uint32_t cl,
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

/* the end of the paragraph holding token i (exclusive) */
static uint32_t
paragraph_end(const qctx *q, uint32_t i)
{
	const na_doc *doc = q->doc;
	uint32_t	p = doc->tokens[i].paragraph;
	uint32_t	limit = i + SENTENCE_WINDOW * 2;
	uint32_t	lo = i;

	if (limit > doc->ntokens)
		limit = doc->ntokens;
	/* paragraph numbers never decrease: the first token of a later one */
	while (lo < limit)
	{
		uint32_t	mid = lo + (limit - lo) / 2;

		if (doc->tokens[mid].paragraph > p)
			limit = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* Does the clause of cue k end the sentence soon: Trump said. / X said on Monday. */
static int
ends_sentence(const qctx *q, uint32_t k, uint32_t end)
{
	for (uint32_t i = k + 1; i < end && i - k <= 8; i++)
	{
		if (is_sentence_stop(q, i))
			return 1;
		if (q->doc->tokens[i].kind == NA_TK_PUNCT || is_quote_mark(q, i))
			return 0;
	}
	return k + 1 >= end;
}

/*
 * A quote paragraph signed in the next one: “…”¶- Jane Doe, Springfield.
 * (a dash, a name, nothing else of note).
 */
static int
attr_byline_paragraph(const qctx *q, uint32_t j, q_attr *a)
{
	uint32_t	end = paragraph_end(q, j);
	uint32_t	sf,
				sl;
	src_type	type;

	if (end - j > 12 || !(q->doc->tokens[j].kind == NA_TK_DASH || q_is_punct(q, j, '-')))
		return 0;
	type = np_forward(q, j + 1, end, &sf, &sl);
	if (type != SRC_NAME)
		return 0;
	set_attr(a, type, sf, sl, 0, 0, NA_QA_NAME, 0.75f);
	return 1;
}

/* “…,” X said / said X / according to X / X, the role, said */
static int
attr_after(const qctx *q, const q_raw *r, q_attr *a)
{
	uint32_t	j = r->close + 1;
	uint32_t	end;
	uint32_t	sf,
				sl;
	src_type	type;
	int			new_sentence;

	if (r->close == QNONE || j >= q->doc->ntokens)
		return 0;
	if (!same_paragraph(q, r->close, j))
		return attr_byline_paragraph(q, j, a);
	end = paragraph_end(q, j);
	if (q->doc->tokens[j].kind == NA_TK_DASH && j + 1 < end)
	{
		/* “…” ― Jane Doe: a byline under the quote */
		uint32_t	e;

		type = np_forward(q, j + 1, end, &sf, &sl);
		e = skip_parenthesis(q, sl + 1, end);
		if (type == SRC_NAME && (e >= end || is_sentence_stop(q, e) || q_is_punct(q, e, ',')))
		{
			set_attr(a, type, sf, sl, 0, 0, NA_QA_NAME, 0.85f);
			return 1;
		}
	}
	/* “… page.” Britain's ambassador said: “…” begins a new statement, but
	 * “… soon.” Trump said. is the attribution of the quote before it */
	new_sentence = (q->doc->tokens[j].flags & NA_TF_SENT_START) && !is_speech_cue(q, j) &&
		(q_is_punct(q, r->last, '.') || q->doc->tokens[r->last].kind == NA_TK_ELLIPSIS ||
		 q_is_punct(q, j - 1, '.'));
	end = paragraph_end(q, j);
	if (q_is_punct(q, j, ',') || q->doc->tokens[j].kind == NA_TK_DASH)
		j++;
	if (j >= end)
		return 0;
	if (according_at(q, j) && !new_sentence)
	{
		uint32_t	n = according_at(q, j);

		type = np_forward(q, j + n, end, &sf, &sl);
		if (type != SRC_NONE)
		{
			set_attr(a, type, sf, sl, j, j + n - 1, NA_QA_ACCORDING_TO, 0.9f);
			return 1;
		}
		return 0;
	}
	if (is_speech_cue(q, j) || (perfect_aux(q, j) && is_speech_cue(q, j + 1)))
	{
		uint32_t	cue_first = j;
		uint32_t	k;

		if (!is_speech_cue(q, j))
			j++;				/* », a déclaré la maire */
		k = j + 1;
		while (k < end && k - j < 4 && q_in(q, k, LEX_WEEKDAY_WORDS))
			k++;
		if (q_is(q, k, "that") || q_is(q, k, "this") || q_is(q, k, "it"))
			return 0;
		type = np_forward(q, k, end, &sf, &sl);
		/* said the French ambassador, Marc Lavigne, */
		if (type != SRC_NONE && type != SRC_PRONOUN &&
			appositive_name(q, type, sf, sl, end, &sf, &sl))
			type = SRC_NAME;
		if (type != SRC_NONE && type != SRC_PRONOUN)
		{
			set_attr(a, type, sf, sl, cue_first, j, NA_QA_NONE, 0.95f);
			return 1;
		}
		if (type == SRC_PRONOUN && !q_in(q, sf, LEX_PRONOUNS_OTHER))
		{
			set_attr(a, type, sf, sl, cue_first, j, NA_QA_NONE, 0.85f);
			return 1;
		}
		return 0;
	}
	type = np_forward(q, j, end, &sf, &sl);
	if (type != SRC_NONE)
	{
		uint32_t	m = skip_parenthesis(q, sl + 1, end);

		/* Mr. Morgan of the Sierra Club said / a narrator in the ad asks */
		if (q_in(q, m, LEX_TAIL_PREPOSITIONS))
		{
			uint32_t	c = m + 1;

			while (c < end && c - m < 7 && (q_is_word(q, c) || q->doc->tokens[c].kind == NA_TK_ABBREV) &&
				   !is_any_cue(q, c))
				c++;
			if (c < end && is_speech_cue(q, c))
				m = c;
		}
		m = skip_aux_forward(q, m, end);

		/* X, the role, said / X, who ..., said / X, the role, one of …, said */
		for (int appositions = 0; appositions < 2 && q_is_punct(q, m, ','); appositions++)
		{
			uint32_t	c;

			for (c = m + 1; c < end && c - m < APPOS_WINDOW; c++)
			{
				if (q_is_punct(q, c, ',') || is_sentence_stop(q, c) || is_quote_mark(q, c))
					break;
			}
			if (c < end && q_is_punct(q, c, ','))
				m = skip_aux_forward(q, c + 1, end);
			else
				break;
		}
		if (m < end && is_any_cue(q, m) && (!new_sentence || ends_sentence(q, m, end)))
		{
			/* Britain's ambassador, Matthew Rycroft, said */
			if (appositive_name(q, type, sf, sl, end, &sf, &sl))
				type = SRC_NAME;
			set_attr(a, type, sf, sl, m, m, NA_QA_NONE,
					 type == SRC_PRONOUN ? 0.85f : 0.95f);
			return 1;
		}
	}
	return 0;
}

/* X said: “…” / X told reporters “…” / X said that “…” */
static int
attr_before(const qctx *q, const q_raw *r, q_attr *a)
{
	const na_doc *doc = q->doc;
	uint32_t	j;
	uint32_t	k;
	uint32_t	sf,
				sl;
	int			colon = 0;
	src_type	type;

	if (r->open == QNONE || r->open == 0)
		return 0;
	j = r->open - 1;
	if (!same_paragraph(q, j, r->open) && !q_is_punct(q, j, ':'))
		return 0;
	if (q_is_punct(q, j, ':') || q_is_punct(q, j, ',') || doc->tokens[j].kind == NA_TK_DASH)
	{
		colon = q_is_punct(q, j, ':');
		if (j == 0)
			return 0;
		j--;
	}
	if (q_is(q, j, "that") && j > 0)
		j--;
	for (k = j; k != QNONE && j - k < CUE_WINDOW; k--)
	{
		if (is_quote_mark(q, k) || is_sentence_stop(q, k) ||
			(k < j && doc->tokens[k].kind == NA_TK_PUNCT && !q_is_punct(q, k, '(') &&
			 !q_is_punct(q, k, ')')))
			return 0;
		if ((is_speech_cue(q, k) || (colon && is_any_cue(q, k))) && !noun_like(q, k))
			break;
		if (doc->tokens[k].flags & (NA_TF_SENT_START | NA_TF_PARA_START))
			return 0;
	}
	if (k == QNONE || j - k >= CUE_WINDOW)
		return 0;
	if ((q_is(q, k, "to") && k > 0 && q_is(q, k - 1, "according")) || q_in(q, k, LEX_ACCORDING))
		return 0;
	type = subject_before(q, k, 0, &sf, &sl);
	if (type == SRC_NONE && k < j && !q_is(q, k, "told"))
		type = np_forward(q, k + 1, j + 1, &sf, &sl);	/* said Trump: “…” */
	if (type == SRC_NONE)
	{
		/* Trump said …, before adding: “…” — the cue's subject spoke last */
		a->type = SRC_NONE;
		a->cue_first = a->cue_last = k;
		a->how = NA_QA_CONTINUATION;
		return 0;
	}
	set_attr(a, type, sf, sl, k, k, colon ? NA_QA_COLON : NA_QA_NONE,
			 type == SRC_PRONOUN ? 0.85f : 0.9f);
	if (!colon && sentence_of(q, k) != NULL && sf < k)
		outer_attribution(q, sentence_of(q, k)->first_token, sf, a);
	return 1;
}

/*
 * She said she asked the question “…”: the quote is reported by the
 * outer attribution, whose source is the one the sentence gives.
 */
static void
outer_attribution(const qctx *q, uint32_t s_first, uint32_t before, q_attr *a)
{
	uint32_t	sf,
				sl;
	src_type	type;

	for (uint32_t k = before; k-- > s_first && before - k < 12;)
	{
		if (is_quote_mark(q, k) || q_is_punct(q, k, ';'))
			return;
		/* “…?” she said, but Kevin dozed, and as Trump went on about “…”:
		 * a clause of its own after a comma and a conjunction is no report's */
		if (q_is_punct(q, k, ',') &&
			(q_is(q, k + 1, "but") || q_is(q, k + 1, "and") || q_is(q, k + 1, "while") ||
			 q_is(q, k + 1, "although") || q_is(q, k + 1, "though") || q_is(q, k + 1, "yet") ||
			 q_is(q, k + 1, "as") || q_is(q, k + 1, "when") || q_is(q, k + 1, "because")))
			return;
		if (!(q_is(q, k, "said") || q_is(q, k, "says") || q_is(q, k, "told") ||
			  q_is(q, k, "tells")) || noun_like(q, k))
			continue;
		type = subject_before(q, k, s_first, &sf, &sl);
		if (type == SRC_NONE)
			return;
		set_attr(a, type, sf, sl, k, k, NA_QA_NONE, 0.75f);
		return;
	}
}

/* A cue earlier in the quote's sentence: X called the attacks “barbaric” */
static int
attr_in_sentence_before(const qctx *q, const q_raw *r, q_attr *a)
{
	uint32_t	o = r->open;
	uint32_t	s_first;
	uint32_t	sf,
				sl;
	src_type	type;

	if (o == QNONE || o == 0)
		return 0;
	if (sentence_of(q, o) == NULL)
		return 0;
	s_first = sentence_of(q, o)->first_token;
	for (uint32_t k = o - 1; k != QNONE && k >= s_first && o - k < SENTENCE_WINDOW; k--)
	{
		/* Pour Bernard Lemaire, chef du groupe, « … »: the opinion of X */
		if (k == s_first && (q_is(q, k, "pour") || q_is(q, k, "para")) && q_is_cap(q, k + 1) &&
			np_forward(q, k + 1, o, &sf, &sl) == SRC_NAME)
		{
			set_attr(a, SRC_NAME, sf, sl, k, k, NA_QA_ACCORDING_TO, 0.7f);
			return 1;
		}
		if (according_at(q, k))
		{
			uint32_t	n = according_at(q, k);

			type = np_forward(q, k + n, o, &sf, &sl);
			if (type == SRC_NONE)
				return 0;
			set_attr(a, type, sf, sl, k, k + n - 1, NA_QA_ACCORDING_TO, 0.8f);
			return 1;
		}
		if (k > 0 && q_in(q, k, LEX_SPEECH_NOUNS) && q_possessive(q, k - 1) && q_is_cap(q, k - 1) &&
			(q_is(q, k + 1, "that") || q_is_punct(q, k + 1, ':')))
		{
			/* Trump’s claim that there were “thousands of shootings” */
			uint32_t	b = k - 1;
			uint32_t	f = b;

			while (f > s_first && b - f < 4 && q_is_cap(q, f - 1) && !q_possessive(q, f - 1))
				f--;
			set_attr(a, SRC_NAME, f, b, k, k, NA_QA_NAME, 0.7f);
			return 1;
		}
		if (is_any_cue(q, k) && !(k > 0 && q_is(q, k - 1, "so")) && !noun_like(q, k))
		{
			type = subject_before(q, k, s_first, &sf, &sl);
			if (type == SRC_NONE)
				type = sentence_subject(q, k, &sf, &sl);
			if (type == SRC_NONE)
				return 0;
			set_attr(a, type, sf, sl, k, k, type == SRC_PRONOUN ? NA_QA_PRONOUN :
					 NA_QA_SUBJECT, 0.75f);
			outer_attribution(q, s_first, sf, a);
			return 1;
		}
		if (k == 0)
			break;
	}
	return 0;
}

/* A cue later in the quote's sentence: “…” in the debate, Trump said. */
static int
attr_in_sentence_after(const qctx *q, const q_raw *r, q_attr *a)
{
	const na_doc *doc = q->doc;
	uint32_t	c = r->close;
	uint32_t	s_end;
	uint32_t	sf,
				sl;
	src_type	type;
	const na_sentence *s;

	if (c == QNONE || c + 1 >= doc->ntokens)
		return 0;
	s = sentence_of(q, c);
	if (s == NULL)
		return 0;
	s_end = s->first_token + s->ntokens;
	for (uint32_t k = c + 1; k < s_end && k - c < SENTENCE_WINDOW / 3; k++)
	{
		if (is_quote_mark(q, k))
			return 0;
		if (according_at(q, k) && q_is_punct(q, k - 1, ','))
		{
			uint32_t	n = according_at(q, k);

			type = np_forward(q, k + n, s_end, &sf, &sl);
			if (type == SRC_NONE)
				return 0;
			set_attr(a, type, sf, sl, k, k + n - 1, NA_QA_ACCORDING_TO, 0.8f);
			return 1;
		}
		if (is_speech_cue(q, k))
		{
			uint32_t	e = s_end;

			/* only a clause of its own: “…” at a rally, X said. */
			type = np_backward(q, skip_aux_backward(q, k - 1, c + 1), c + 1, &sf, &sl);
			if (type != SRC_NONE && sf > c + 1 && !q_is_punct(q, sf - 1, ','))
				return 0;
			if (type == SRC_NONE)
			{
				if (!q_is_punct(q, k - 1, ','))
					return 0;
				type = np_forward(q, k + 1, e, &sf, &sl);
			}
			if (type == SRC_NONE)
				return 0;
			set_attr(a, type, sf, sl, k, k, NA_QA_NONE, 0.7f);
			return 1;
		}
	}
	return 0;
}

/*
 * Is the quote a nickname inside a name: Robert C. “Bobby” Scott?  A name
 * part (capitalised word or initial) right before the opening mark and a
 * capitalised word right after the closing one.  Nobody says a nickname,
 * whoever the sentence's subject is (issue 15: once a dateline no longer
 * hides the subject, the subject must not claim it).
 */
static int
nickname_in_name(const qctx *q, const q_raw *r)
{
	const na_doc *doc = q->doc;
	const na_token *before,
			   *after;

	if (r->open == QNONE || r->close == QNONE || r->open == 0 || r->close + 1 >= doc->ntokens ||
		r->last - r->first > 1)
		return 0;
	before = &doc->tokens[r->open - 1];
	after = &doc->tokens[r->close + 1];
	return (before->kind == NA_TK_INITIAL ||
			(before->kind == NA_TK_WORD && (before->flags & NA_TF_CAPITALIZED))) &&
		after->kind == NA_TK_WORD && (after->flags & NA_TF_CAPITALIZED) &&
		!(after->flags & NA_TF_PARA_START) && (after->flags & NA_TF_SPACE_BEFORE) &&
		after->paragraph == before->paragraph;
}

/*
 * A phrase quoted inside a running sentence (no comma hands it to a cue
 * after it): called the attacks “barbaric” and accused …
 */
static int
is_embedded(const qctx *q, const q_raw *r)
{
	const na_doc *doc = q->doc;

	if (r->open == QNONE || r->close == QNONE || r->open == 0)
		return 0;
	if (doc->tokens[r->open].flags & (NA_TF_SENT_START | NA_TF_PARA_START))
		return 0;
	if (q_is_punct(q, r->open - 1, ':') || q_is_punct(q, r->open - 1, ','))
		return 0;
	if (q_is_punct(q, r->last, ',') || q_is_punct(q, r->last, '?') || q_is_punct(q, r->last, '!') ||
		q_is_punct(q, r->close + 1, ','))
		return 0;
	return 1;
}

/* A transcript line: “PENCE: Well, look, …” */
static int
attr_transcript(const qctx *q, const q_raw *r, q_attr *a)
{
	const na_token *t = &q->doc->tokens[r->first];
	uint32_t	k = r->first;

	if (!(t->flags & NA_TF_ALLCAPS) || t->kind != NA_TK_WORD)
		return 0;
	while (k < r->last && k - r->first < 3 && (q->doc->tokens[k + 1].flags & NA_TF_ALLCAPS))
		k++;
	if (!q_is_punct(q, k + 1, ':'))
		return 0;
	set_attr(a, SRC_NAME, r->first, k, 0, 0, NA_QA_NAME, 0.8f);
	return 1;
}

/* X demurred: “…” — a colon hands the quote to the sentence's subject */
static int
attr_colon(const qctx *q, const q_raw *r, q_attr *a)
{
	uint32_t	sf,
				sl;
	src_type	type;

	if (r->open == QNONE || r->open == 0 || !q_is_punct(q, r->open - 1, ':'))
		return 0;
	/* - Carl Bialik: “…” / Republican pollster Daron Shaw: “…” */
	if (r->open >= 2 && np_backward(q, r->open - 2, 0, &sf, &sl) == SRC_NAME &&
		q_mention_ending_in(q, sf, sl) != QNONE && !(q->in_quote[sl] & 1))
	{
		set_attr(a, SRC_NAME, sf, sl, 0, 0, NA_QA_COLON, 0.6f);
		return 1;
	}
	type = sentence_subject(q, r->open - 1, &sf, &sl);
	if (type == SRC_NONE)
		return 0;
	set_attr(a, type, sf, sl, r->open - 1, r->open - 1, NA_QA_COLON, 0.6f);
	return 1;
}

/*
 * “…” opening a sentence right after “…, Schiff said.” in the same
 * paragraph: the speaker of that sentence goes on.
 */
static int
attr_previous_sentence(const qctx *q, const q_raw *r, q_attr *a)
{
	const na_doc *doc = q->doc;
	const na_sentence *s;
	uint32_t	end;
	uint32_t	sf,
				sl;
	src_type	type;

	if (r->open == QNONE || r->open == 0 ||
		!(doc->tokens[r->open].flags & (NA_TF_SENT_START | NA_TF_PARA_START)))
		return 0;
	if (sentence_of(q, r->open) == NULL || doc->tokens[r->open].sentence == 0)
		return 0;
	s = &doc->sentences[doc->tokens[r->open].sentence - 1];
	end = s->first_token + s->ntokens;
	/* a sentence with a quote of its own hands over by continuation */
	for (uint32_t k = s->first_token; k < end; k++)
		if (is_quote_mark(q, k) || (q->in_quote[k] & 1))
			return 0;
	/* the last few words of that sentence: …, Schiff said. / …, said Schiff. */
	for (uint32_t k = end; k-- > s->first_token && end - k <= 6;)
	{
		if (is_quote_mark(q, k))
			return 0;
		if (!is_speech_cue(q, k) || noun_like(q, k))
			continue;
		type = subject_before(q, k, s->first_token, &sf, &sl);
		if (type == SRC_NONE)
			type = np_forward(q, k + 1, end, &sf, &sl);
		if (type == SRC_NONE || q_in(q, sf, LEX_PRONOUNS_OTHER))
			return 0;
		set_attr(a, type, sf, sl, k, k, NA_QA_CONTINUATION, 0.6f);
		return 1;
	}
	/* Carter said that …¶“That’s because …”: the opening words of that sentence */
	for (uint32_t k = s->first_token + 1; k < end && k - s->first_token <= 8; k++)
	{
		if (doc->tokens[k].kind == NA_TK_PUNCT)
			break;
		if (!is_speech_cue(q, k) || noun_like(q, k) || is_participle(q, k))
			continue;
		type = subject_before(q, k, s->first_token, &sf, &sl);
		if (type == SRC_NONE || type == SRC_NOMINAL || q_in(q, sf, LEX_PRONOUNS_OTHER))
			return 0;
		set_attr(a, type, sf, sl, k, k, NA_QA_CONTINUATION, 0.5f);
		return 1;
	}
	return 0;
}

/* ---- marks to quotes ---- */

static int
push_raw(qctx *q, na_vec *raws, uint32_t open, uint32_t close, uint32_t first,
		 uint32_t last, int continues)
{
	q_raw	   *r;

	if (first > last || first == QNONE || last == QNONE)
		return 1;
	r = na_vec_push(raws, q->mem);
	if (r == NULL)
		return 0;
	r->open = open;
	r->close = close;
	r->first = first;
	r->last = last;
	r->continues = (uint8_t) continues;
	return 1;
}

/* Is there a closing mark of the same family later in i's paragraph? */
static int
closes_later(const qctx *q, uint32_t i, uint8_t mark)
{
	const na_doc *doc = q->doc;
	uint32_t	p = doc->tokens[i].paragraph;

	for (uint32_t k = i + 1; k < doc->ntokens && k - i < LOOKAHEAD; k++)
	{
		const na_token *t = &doc->tokens[k];

		if (t->paragraph != p)
			return 0;
		if (t->kind == NA_TK_CLOSE_QUOTE && t->mark == mark)
			return 1;
		if (t->kind == NA_TK_OPEN_QUOTE && t->mark == mark)
			return 0;
	}
	return 0;
}

/*
 * '' typed for a double mark (the New York Times' house style, old wire
 * copy), or two single marks that the scanner left apart.
 */
static int
is_doubled_apostrophe(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];

	if (t->len == 2 && q->doc->text[t->start] == '\'' && q->doc->text[t->start + 1] == '\'')
		return 1;
	/* scanners that emit them as two single marks */
	return (t->flags & NA_TF_STRAIGHT) && t->mark == NA_MARK_SINGLE &&
		((i + 1 < q->doc->ntokens && q->doc->tokens[i + 1].mark == NA_MARK_SINGLE &&
		  q->doc->tokens[i + 1].start == t->start + 1) ||
		 (i > 0 && q->doc->tokens[i - 1].mark == NA_MARK_SINGLE &&
		  q->doc->tokens[i - 1].start + 1 == t->start));
}

/*
 * Is the doubled apostrophe at i a quotation mark?  Only when the scanner
 * made one mark of it (a pair of single marks is two apostrophes), and not
 * in a measurement: 6'' or 12'' after a number is inches.
 */
static int
doubled_apostrophe_quotes(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];

	if (t->len != 2 || t->mark == NA_MARK_SINGLE)
		return 0;
	if (t->kind == NA_TK_CLOSE_QUOTE && i > 0 && !(t->flags & NA_TF_SPACE_BEFORE) &&
		(q->doc->tokens[i - 1].kind == NA_TK_NUMBER || q->doc->tokens[i - 1].kind == NA_TK_RANGE))
		return 0;
	return 1;
}

/* an attribute value in markup (author="…") is no quotation */
static int
is_markup_value(const qctx *q, uint32_t open)
{
	const na_token *p;

	if (open == 0 || (q->doc->tokens[open].flags & NA_TF_SPACE_BEFORE))
		return 0;
	p = &q->doc->tokens[open - 1];
	return p->len == 1 && q->doc->text[p->start] == '=';
}

/*
 * Does the text quote with double marks?  There single marks only nest (or
 * quote in headlines, as apostrophes do too): only British-style texts that
 * never use double marks quote with single ones.  Asked only when a single
 * mark needs it: most texts have none, and this reads every token.
 */
static int
has_double_marks(const qctx *q)
{
	for (uint32_t i = 0; i < q->doc->ntokens; i++)
	{
		const na_token *t = &q->doc->tokens[i];

		if (t->kind != NA_TK_OPEN_QUOTE && t->kind != NA_TK_CLOSE_QUOTE)
			continue;
		/* '' typed for a double mark counts as one */
		if (t->mark != NA_MARK_SINGLE || is_doubled_apostrophe(q, i))
			return 1;
	}
	return 0;
}

static int
pair_marks(qctx *q, na_vec *raws)
{
	const na_doc *doc = q->doc;
	uint32_t	open = QNONE;	/* double (or angle) quote open */
	uint8_t		open_mark = 0;
	uint32_t	sopen = QNONE;	/* single quote open outside double quotes */
	int			carry = 0;		/* the previous paragraph ended inside a quote */
	const na_token *toks = doc->tokens;
	uint32_t	n = doc->ntokens;
	uint32_t	checked_block = UINT32_MAX;	/* interrupts checked per 4096 tokens */
	int			continues = 0;
	int			has_double = -1;	/* has_double_marks, looked at when first needed */

	for (uint32_t i = 0; i < n; i++)
	{
		const na_token *t = &toks[i];

		/* nearly every token is neither a mark nor a paragraph start: skip
		 * those in a tight loop */
		if (t->kind != NA_TK_OPEN_QUOTE && t->kind != NA_TK_CLOSE_QUOTE &&
			!(t->flags & NA_TF_PARA_START))
		{
			do
				i++;
			while (i < n && toks[i].kind != NA_TK_OPEN_QUOTE &&
				   toks[i].kind != NA_TK_CLOSE_QUOTE && !(toks[i].flags & NA_TF_PARA_START));
			if (i >= n)
				break;
			t = &toks[i];
		}
		if ((i >> 12) != checked_block)
		{
			checked_block = i >> 12;
			na_check_interrupts(q->mem);
		}
		if ((t->flags & NA_TF_PARA_START) && i > 0)
		{
			carry = 0;
			if (open != QNONE)
			{
				/* unclosed at the paragraph's end: it ends here */
				if (!push_raw(q, raws, open, QNONE, open + 1, i - 1, continues))
					return 0;
				carry = 1;
				open = QNONE;
			}
			sopen = QNONE;
		}
		if (t->kind != NA_TK_OPEN_QUOTE && t->kind != NA_TK_CLOSE_QUOTE)
			continue;
		if (is_doubled_apostrophe(q, i) && !doubled_apostrophe_quotes(q, i))
			continue;
		if (t->mark == NA_MARK_SINGLE)
		{
			if (open != QNONE)
				continue;		/* nested: part of the outer quote */
			if (has_double < 0)
				has_double = has_double_marks(q);
			if (has_double)
				continue;
			if (t->kind == NA_TK_OPEN_QUOTE && sopen == QNONE && closes_later(q, i, NA_MARK_SINGLE))
				sopen = i;
			else if (t->kind == NA_TK_CLOSE_QUOTE && sopen != QNONE)
			{
				if (!is_markup_value(q, sopen) &&
					!push_raw(q, raws, sopen, i, sopen + 1, i - 1, 0))
					return 0;
				sopen = QNONE;
			}
			continue;
		}
		if (t->kind == NA_TK_OPEN_QUOTE && open == QNONE)
		{
			open = i;
			open_mark = t->mark;
			continues = carry && (t->flags & NA_TF_PARA_START);
			sopen = QNONE;
			continue;
		}
		if (t->kind == NA_TK_OPEN_QUOTE)
		{
			/* an opening mark while one is open: a new quote if a closing
			 * mark follows in the paragraph, otherwise a misdrawn close */
			if ((t->flags & NA_TF_SPACE_BEFORE) && i + 1 < doc->ntokens &&
				!(doc->tokens[i + 1].flags & NA_TF_SPACE_BEFORE) &&
				same_paragraph(q, i, i + 1) && closes_later(q, i, t->mark))
			{
				if (!is_markup_value(q, open) &&
					!push_raw(q, raws, open, QNONE, open + 1, i - 1, continues))
					return 0;
				open = i;
				open_mark = t->mark;
				continues = 0;
				continue;
			}
		}
		if (open == QNONE)
			continue;			/* a stray closing mark */
		if (t->mark != open_mark && t->kind == NA_TK_OPEN_QUOTE)
			continue;
		if (!is_markup_value(q, open) &&
			!push_raw(q, raws, open, i, open + 1, i - 1, continues))
			return 0;
		open = QNONE;
		continues = 0;
		carry = 0;
	}
	if (open != QNONE && !push_raw(q, raws, open, QNONE, open + 1, doc->ntokens - 1, continues))
		return 0;
	return 1;
}

/* ---- putting it together ---- */

/* Is the quote a title of a work or show (every word capitalized, named as one)? */
static int
is_title(const qctx *q, const q_raw *r)
{
	const na_doc *doc = q->doc;
	int			words = 0;

	if (r->open == QNONE || r->close == QNONE || r->open == 0 || r->last - r->first > 10)
		return 0;
	/* Ann Lee's commentary, “Tell your story,” is …: the name of a work */
	if (r->open >= 2 && q_is_punct(q, r->open - 1, ',') &&
		q_in(q, r->open - 2, LEX_TITLE_CUES) && q_is_word(q, r->open - 2) &&
		!q_is_cap(q, r->open - 2))
		return 1;
	for (uint32_t k = r->first; k <= r->last; k++)
	{
		const na_token *t = &doc->tokens[k];

		if (t->kind == NA_TK_PUNCT || t->kind == NA_TK_DASH)
			continue;
		if (!q_is_cap(q, k) && !(k > r->first && q_in(q, k, LEX_TITLE_SMALL_WORDS)) &&
			t->kind != NA_TK_NUMBER)
			return 0;
		words++;
	}
	if (words == 0)
		return 0;
	/* an episode of “Morning Desk,” / the author of “Going Home” */
	if (r->open >= 2 && q_is(q, r->open - 1, "of") && q_in(q, r->open - 2, LEX_TITLE_CUES))
		return 1;
	return q_possessive(q, r->open - 1) || q_in(q, r->open - 1, LEX_TITLE_CUES) ||
		q_in(q, r->close + 1, LEX_TITLE_FOLLOWERS) ||
		(q_is_cap(q, r->close + 1) && q_in(q, r->close + 2, LEX_TITLE_FOLLOWERS));
}

/* Does the mention [first, last] name a person? */
static int
names_person(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	e = q_mention_ending_in(q, first, last);

	return e != QNONE && ((q_entity *) q->entities.items)[e].person &&
		!((q_entity *) q->entities.items)[e].place;
}

/* Is quote r joined to the quote before it: “…” and “…”, “…” or “…”? */
static int
coordinated(const qctx *q, const q_raw *before, const q_raw *r)
{
	if (before->close == QNONE || r->open == QNONE || r->open <= before->close ||
		r->open - before->close > 4 ||
		q->doc->tokens[before->close].sentence != q->doc->tokens[r->open].sentence)
		return 0;
	for (uint32_t k = before->close + 1; k < r->open; k++)
		if (!q_is(q, k, "and") && !q_is(q, k, "or") && !q_is_punct(q, k, ',') &&
			!q_is(q, k, "a") && !q_is(q, k, "an") && !q_is(q, k, "as") && !q_is(q, k, "the"))
			return 0;
	return 1;
}

/* Words inside a quote (punctuation not counted). */
static uint32_t
count_words(const qctx *q, const q_raw *r)
{
	uint32_t	n = 0;

	for (uint32_t k = r->first; k <= r->last; k++)
		n += q->doc->tokens[k].kind != NA_TK_PUNCT && !is_quote_mark(q, k);
	return n;
}

/* Does the quote read as speech of its own (a sentence or more)? */
static int
is_direct(const qctx *q, const q_raw *r)
{
	const na_doc *doc = q->doc;
	const na_token *o;

	if (r->open == QNONE)
		return 1;
	o = &doc->tokens[r->open];
	if (o->flags & (NA_TF_SENT_START | NA_TF_PARA_START))
		return 1;
	if (r->open > 0 && (q_is_punct(q, r->open - 1, ':') || q_is_punct(q, r->open - 1, ',')) &&
		q_is_cap(q, r->first))
		return 1;
	for (uint32_t k = r->first; k <= r->last; k++)
		if (doc->tokens[k].flags & NA_TF_SENT_END)
			return q_is_cap(q, r->first);
	return 0;
}

/* Does a quote with no cue stand as a sentence that may continue a speaker? */
static int
may_continue(const qctx *q, const q_raw *r, const q_raw *before)
{
	const na_doc *doc = q->doc;

	if (r->open == QNONE)
		return 1;
	/* “…,” said X, “…”: the second half of a quote split by its attribution */
	if (before && before->close != QNONE && r->open > 0 &&
		(q_is_punct(q, r->open - 1, ',') || q_is_punct(q, r->open - 1, ':')) &&
		same_paragraph(q, before->close, r->open) && r->open - before->close < CUE_WINDOW + 4)
		return 1;
	if (!(doc->tokens[r->open].flags & (NA_TF_SENT_START | NA_TF_PARA_START)))
	{
		/* right after the previous quote's closing mark: “…” “…” */
		if (!(r->open > 0 && doc->tokens[r->open - 1].kind == NA_TK_CLOSE_QUOTE))
			return 0;
	}
	return r->last - r->first + 1 >= 3 || q_is_cap(q, r->first);
}

static uint32_t
entity_of_source(qctx *q, const q_attr *a, const q_raw *r)
{
	if (a->type == SRC_PRONOUN)
	{
		/* “…,” he said: he is someone named before the quote */
		uint32_t	before = a->src_first;

		if (r->open != QNONE && r->open < before)
			before = r->open;
		else if (r->first < before)
			before = r->first;
		if (q_in(q, a->src_first, LEX_PRONOUNS_HE))
			return q_resolve_pronoun(q, before, NA_GENDER_MALE);
		if (q_in(q, a->src_first, LEX_PRONOUNS_SHE))
			return q_resolve_pronoun(q, before, NA_GENDER_FEMALE);
		return QNONE;
	}
	if (a->src_first == a->src_last && a->src_first >= 2 && q_is(q, a->src_first, "who") &&
		q_is_punct(q, a->src_first - 1, ','))
	{
		uint32_t	f,
					l;

		uint32_t	e;

		if (np_backward(q, a->src_first - 2, 0, &f, &l) == SRC_NONE)
			return QNONE;
		e = q_mention_ending_in(q, f, l);
		/* X, the office’s spokesperson, who said: X */
		if (e == QNONE && f >= 2 && q_is_punct(q, f - 1, ',') &&
			np_backward(q, f - 2, 0, &f, &l) == SRC_NAME)
			e = q_mention_ending_in(q, f, l);
		return e;
	}
	{
		uint32_t	e = q_mention_ending_in(q, a->src_first, a->src_last);

		/* the mayor said: the person the article titled Mayor */
		if (e == QNONE)
			e = q_resolve_description(q, a->src_first, a->src_last);
		return e;
	}
}

/* ---- reported speech: attributions without quotation marks ---- */

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

/* The class of the cue at token k: speech, thought or finding (or none). */
static uint8_t
cue_class_at(const qctx *q, uint32_t k)
{
	uint8_t		c = q_cue_class(q, k);

	return c == NA_CUE_NONE ? NA_CUE_SPEECH : c;
}

static int
is_reporting_cue(const qctx *q, uint32_t k)
{
	return q_in(q, k, LEX_REPORTING_CUES);
}

/* Words in tokens [first, last] (punctuation and marks not counted). */
static uint32_t
words_between(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	n = 0;

	for (uint32_t k = first; k <= last && n < REPORT_MIN_WORDS; k++)
		n += q->doc->tokens[k].kind != NA_TK_PUNCT && !is_quote_mark(q, k);
	return n;
}

/*
 * Is the reporting word at k no cue here: "the said company", "That said,",
 * "having said that", "to say the least", "was said to", a noun ("his
 * claims", "the plans")?
 */
static int
not_a_report(const qctx *q, uint32_t k, uint32_t s0)
{
	if (q_is(q, k, "according"))
		return !q_is(q, k + 1, "to");
	if (k > s0 && (q_is(q, k - 1, "the") || q_is(q, k - 1, "aforesaid") ||
				   q_in(q, k - 1, LEX_DETERMINERS) || q_possessive(q, k - 1)))
		return 1;
	if (noun_like(q, k))
		return 1;
	/* the harbour plan during …: plan(s) reports an intention only as a
	 * verb, and the verb takes "to" (they plan to sell) */
	if ((q_is(q, k, "plan") || q_is(q, k, "plans")) && !q_is(q, k + 1, "to"))
		return 1;
	/* support for him, 38 percent support, in support of, backing from: an
	 * object cue that is a noun */
	if (q_in(q, k, LEX_OBJECT_CUES) &&
		(q_is(q, k + 1, "for") || q_is(q, k + 1, "from") || q_is(q, k + 1, "among") ||
		 q_is(q, k + 1, "of") || q_is(q, k + 1, "to") ||
		 (k > s0 && (q_is(q, k - 1, "of") || q_is(q, k - 1, "in"))) ||
		 /* 38 percent support; (but 40 percent support the tax) */
		 (k > s0 && (q_is(q, k - 1, "percent") || q->doc->tokens[k - 1].kind == NA_TK_PERCENT ||
					 q->doc->tokens[k - 1].kind == NA_TK_NUMBER) &&
		  !q_is_word(q, k + 1))))
		return 1;
	/* That said, … / Having said that, … */
	if (q_is(q, k, "said") && (q_is_punct(q, k + 1, ',') || q_is(q, k + 1, "that")) &&
		k > s0 && (q_is(q, k - 1, "that") || q_is(q, k - 1, "having")) &&
		(k - 1 == s0 || q_is(q, k - 1, "having")))
		return 1;
	/* X is telling, was claiming: the progressive is active, a report */
	if (k > s0 && is_participle(q, k) && !q_is(q, k - 1, "to") && !q_is(q, k - 1, "being"))
		return 0;
	if (k > s0 && (q_is(q, k - 1, "to") || q_is(q, k - 1, "is") || q_is(q, k - 1, "was") ||
				   q_is(q, k - 1, "were") || q_is(q, k - 1, "are") || q_is(q, k - 1, "be") ||
				   q_is(q, k - 1, "been") || q_is(q, k - 1, "being")))
		return 1;
	return 0;
}

/* The last token of the sentence [s0, s1) that belongs to content: no final stop. */
static uint32_t
content_end(const qctx *q, uint32_t s0, uint32_t s1)
{
	uint32_t	e = s1 - 1;

	while (e > s0 && (is_sentence_stop(q, e) || q_is_punct(q, e, ',') ||
					  q_is_punct(q, e, ';') || q_is_punct(q, e, ':') ||
					  q->doc->tokens[e].kind == NA_TK_DASH))
		e--;
	return e;
}

/*
 * Where the content after a cue at k begins: past the hearer of told /
 * warned / assured (X told reporters that …), a time or place (X said on
 * Tuesday that …, X said in a statement that …) when a "that" follows, a
 * colon, and the "that" itself.
 */
static uint32_t
content_start_after(const qctx *q, uint32_t k, uint32_t end)
{
	uint32_t	j = k + 1;
	uint32_t	f,
				l;

	if (q_is(q, k, "according"))
		return QNONE;
	/* pointed out, went on to say: the particle belongs to the cue */
	if (q_is(q, j, "out") || q_is(q, j, "back"))
		j++;
	if (q_is(q, k, "told") || q_is(q, k, "tells") || q_is(q, k, "tell") ||
		q_is(q, k, "telling") || q_is(q, k, "warned") || q_is(q, k, "warns") ||
		q_is(q, k, "assured") || q_is(q, k, "assures") || q_is(q, k, "reminded") ||
		q_is(q, k, "informed") || q_is(q, k, "urged") || q_is(q, k, "urges") ||
		q_is(q, k, "asked") || q_is(q, k, "asks") || q_is(q, k, "promised"))
	{
		/* the hearer: him, reporters, the committee, CNN */
		if (q_is(q, j, "him") || q_is(q, j, "her") || q_is(q, j, "them") || q_is(q, j, "us") ||
			q_is(q, j, "me") || q_is(q, j, "you"))
			j++;
		else if (!q_is(q, j, "that") && np_forward(q, j, end, &f, &l) != SRC_NONE &&
				 l - j < 6)
			j = l + 1;
	}
	/* said on Tuesday that / said in a statement that / said Tuesday that */
	if (j < end && !q_is(q, j, "that") &&
		(q_in(q, j, LEX_TAIL_PREPOSITIONS) || q_is(q, j, "on") || q_in(q, j, LEX_WEEKDAY_WORDS) ||
		 q_is(q, j, "during") || q_is(q, j, "after") || q_is(q, j, "last") ||
		 q_is(q, j, "repeatedly") || q_is(q, j, "publicly") || q_is(q, j, "privately") ||
		 q_is(q, j, "recently") || q_is(q, j, "previously")))
	{
		for (uint32_t m = j + 1; m < end && m - j < 14; m++)
		{
			if (q_is(q, m, "that") && !q_in(q, m - 1, LEX_DETERMINERS))
			{
				j = m;
				break;
			}
			/* agreed on Tuesday to cap …: the time, then the infinitive */
			if (q_is(q, m, "to") && q_in(q, m - 1, LEX_WEEKDAY_WORDS))
			{
				j = m;
				break;
			}
			if (q->doc->tokens[m].kind == NA_TK_PUNCT && !q_is_punct(q, m, '.') &&
				!q_is_punct(q, m, '\'') && !q_is_punct(q, m, ','))
				break;
			if (is_quote_mark(q, m))
				break;
		}
	}
	if (q_is_punct(q, j, ':') || q_is_punct(q, j, ','))
		j++;
	if (q_is(q, j, "that"))
		j++;
	return j < end ? j : QNONE;
}

/*
 * The content of a report cued at k ends at a following ", adding" /
 * ", saying" / ", according to": the next report's cue.
 */
static uint32_t
content_stop(const qctx *q, uint32_t from, uint32_t e)
{
	for (uint32_t m = from + 1; m <= e; m++)
	{
		const na_token *t = &q->doc->tokens[m];

		/* a dash or a semicolon closes the reported clause: … — a plan
		 * he has raised / …; the rest */
		if ((t->kind == NA_TK_DASH && (t->flags & NA_TF_SPACE_BEFORE)) ||
			q_is_punct(q, m, ';') || q_is_punct(q, m, '('))
			return m - 1;
		/* … and charged that / … but warned: the subject's next report */
		if ((q_is(q, m, "and") || q_is(q, m, "but")) && m + 1 <= e &&
			is_reporting_cue(q, m + 1) && !is_participle(q, m + 1) && !q_is_cap(q, m + 1) &&
			q_cue_class(q, m + 1) == NA_CUE_SPEECH)
			return q_is_punct(q, m - 1, ',') ? m - 2 : m - 1;
		if (!q_is_punct(q, m, ','))
			continue;
		/* …, adding that / …, according to / …, appearing to: a phrase of
		 * the sentence's own, not of the report */
		if (m + 1 <= e && ((is_reporting_cue(q, m + 1) && is_participle(q, m + 1)) ||
						   according_at(q, m + 1)))
			return m - 1;
		/* …, providing a boost / …, claiming that: a participle after the
		 * comma is the sentence's own (not "including") */
		if (m + 1 <= e && q_is_word(q, m + 1) && is_participle(q, m + 1) &&
			!q_is_cap(q, m + 1) && !q_is(q, m + 1, "including"))
			return m - 1;
		/* …, which forced her to leave: a relative clause on the last noun */
		if (m + 1 <= e && q_is(q, m + 1, "which"))
			return m - 1;
		/* …, while 22 percent said / …, but he is: a clause set against it */
		if (m + 1 <= e && (q_is(q, m + 1, "while") || q_is(q, m + 1, "whereas") ||
						   q_is(q, m + 1, "but") || q_is(q, m + 1, "although") ||
						   q_is(q, m + 1, "though") || q_is(q, m + 1, "compared")))
			return m - 1;
	}
	return e;
}

/*
 * The share of a poll before a cue at k: 24 percent said, 46% of voters
 * said, 23 percent who said, One in three said.  Polls report their
 * respondents this way, and no name or description is there to find.
 */
static int
poll_share_before(const qctx *q, uint32_t k, uint32_t s0, uint32_t *first, uint32_t *last)
{
	uint32_t	j = k;

	if (k == 0 || k <= s0)
		return 0;
	if (q_is(q, k - 1, "who") && k - 1 > s0)
		j = k - 1;
	*last = j - 1;
	for (uint32_t m = j; m-- > s0 && j - m <= 6;)
	{
		const na_token *t = &q->doc->tokens[m];

		if (t->kind == NA_TK_PERCENT)
		{
			*first = m;
			return 1;
		}
		if (q_is(q, m, "percent") && m > s0 && q->doc->tokens[m - 1].kind == NA_TK_NUMBER)
		{
			*first = m - 1;
			return 1;
		}
		/* One in three said / one in four voters said */
		if (q_is(q, m, "in") && m > s0 && m + 1 < j &&
			(q->doc->tokens[m - 1].kind == NA_TK_NUMBER || q_is(q, m - 1, "one")))
		{
			*first = m - 1;
			return 1;
		}
		if (t->kind != NA_TK_WORD && t->kind != NA_TK_NUMBER)
			return 0;
	}
	return 0;
}

/*
 * The end of the noun phrase a cue of LEX_OBJECT_CUES reports, from its
 * first token j to at most last: endorsed Clinton for president | on
 * Thursday, praised the plan | at a rally, backing her | while ….  The
 * time and place are the sentence's, not what is endorsed; prepositions
 * that often belong to the phrase (praised his positions on defence,
 * defended Trump as a candidate) do not end it.
 */
static uint32_t
object_end(const qctx *q, uint32_t j, uint32_t last)
{
	for (uint32_t m = j + 1; m <= last; m++)
	{
		const na_token *t = &q->doc->tokens[m];

		if (t->kind == NA_TK_PUNCT || t->kind == NA_TK_DASH)
		{
			if (q_is_punct(q, m, '.') || q_is_punct(q, m, '\''))
				continue;
			return m - 1;
		}
		/* Friday, on Monday, last week */
		if (t->kind == NA_TK_WORD && (q_in(q, m, LEX_WEEKDAY_WORDS) ||
									  (q_is(q, m, "on") && q_in(q, m + 1, LEX_WEEKDAY_WORDS))))
			return m - 1;
		if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED))
			continue;
		if (q_is(q, m, "at") || q_is(q, m, "during") ||
			q_is(q, m, "when") || q_is(q, m, "while") || q_is(q, m, "since") ||
			q_is(q, m, "until") || q_is(q, m, "amid") || q_is(q, m, "despite") ||
			q_is(q, m, "because") || q_is(q, m, "though") || q_is(q, m, "although") ||
			q_is(q, m, "who") || q_is(q, m, "whom") || q_is(q, m, "which") ||
			q_is(q, m, "where") || q_is(q, m, "but"))
			return m - 1;
	}
	return last;
}

/*
 * Does the source of an inverted cue end at token after (its first token
 * past the mention)?  "…, said the spokesman." / "…, said Smith, a lawyer" /
 * "…, said Smith on Tuesday" end there; "…, said the suing states were
 * wrong" does not: a verb goes on, so the noun phrase after the cue is the
 * subject of its content (X, a lawyer, said the states were wrong), not a
 * source.
 */
static int
inverted_source_ends(const qctx *q, uint32_t after, uint32_t s1)
{
	const na_token *t;

	after = skip_parenthesis(q, after, s1);
	if (after >= s1)
		return 1;
	t = &q->doc->tokens[after];
	if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED))
		return 1;
	if (!(q_in(q, after, LEX_CLAUSE_PREPOSITIONS) || q_in(q, after, LEX_TAIL_PREPOSITIONS) ||
		  q_in(q, after, LEX_WEEKDAY_WORDS) || q_is(q, after, "who") || q_is(q, after, "and")))
		return 0;
	/* …, said the turmoil at the convention was …: a verb before the
	 * sentence or the phrase ends makes it a clause */
	for (uint32_t m = after + 1; m < s1 && m - after < 10; m++)
	{
		if (q->doc->tokens[m].kind == NA_TK_PUNCT || is_quote_mark(q, m) ||
			q->doc->tokens[m].kind == NA_TK_DASH)
			break;
		if (q_is(q, m, "is") || q_is(q, m, "was") || q_is(q, m, "are") || q_is(q, m, "were") ||
			q_is(q, m, "has") || q_is(q, m, "have") || q_is(q, m, "had") || q_is(q, m, "will") ||
			q_is(q, m, "would") || q_is(q, m, "could") || q_is(q, m, "can") ||
			q_is(q, m, "should") || q_is(q, m, "may") || q_is(q, m, "might") ||
			q_is(q, m, "must") || q_is(q, m, "did") || q_is(q, m, "does"))
			return 0;
	}
	return 1;
}

/*
 * "The health minister, Sarah Pike, said …" / "Britain's ambassador, Hugh
 * Marsh, defended …": the words before the source [sf, sl] are one noun
 * phrase in apposition to it, the source closed by a comma right before the
 * cue k.  They describe the speaker and are no content: the report follows
 * the cue.  (The deal, she said, is dead: no comma between source and cue.)
 */
static int
role_apposition_before(const qctx *q, uint32_t first, uint32_t sf, uint32_t sl, uint32_t k)
{
	uint32_t	f2,
				l2;
	src_type	type;

	if (sf < first + 2 || !q_is_punct(q, sl + 1, ',') || skip_aux_backward(q, k - 1, sl + 1) != sl + 1)
		return 0;
	type = np_backward(q, sf - 2, first, &f2, &l2);
	if (type == SRC_NONE || type == SRC_PRONOUN || f2 > first || l2 != sf - 2)
		return 0;
	/* a description, or a name-like phrase ending in a role */
	return type == SRC_NOMINAL || role_head(q, f2, l2) || q_is_role_noun(q, l2);
}

/*
 * A report at cue k in the sentence [s0, s1), or 0.  The patterns of news:
 * X said (that) CLAUSE; X told Y CLAUSE; CLAUSE, X said / said X;
 * CLAUSE, according to X; According to X, CLAUSE; and the cue inside its
 * content: The deal, she said, is dead.
 */
static int
report_at(const qctx *q, uint32_t k, uint32_t s0, uint32_t s1, q_report *rp)
{
	uint32_t	e = content_end(q, s0, s1);
	uint32_t	sf,
				sl;
	src_type	type;
	uint32_t	first = s0;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (e <= s0 || k > e + 1)
		return 0;
	/* a run-on "sentence": content reaches no further than a sentence would */
	if (e > k + REPORT_CONTENT_MAX)
		e = k + REPORT_CONTENT_MAX;
	/* a leading opener or a dash is no content: But, … / — … */
	while (first < k && (q->doc->tokens[first].kind == NA_TK_DASH ||
						 q_is(q, first, "but") || q_is(q, first, "and")))
		first++;

	if (q_is(q, k, "according"))
	{
		uint32_t	c;

		type = np_forward(q, k + 2, s1, &sf, &sl);
		if (type == SRC_NONE)
			return 0;
		/* the organisation's report: according to a report by X */
		c = skip_parenthesis(q, sl + 1, s1);
		while (c < s1 && c - sl < 12 && !q_is_punct(q, c, ',') && !is_sentence_stop(q, c))
			c++;
		set_attr(&rp->a, type, sf, sl, k, k + 1, NA_QA_ACCORDING_TO, 0.7f);
		rp->cue_class = NA_CUE_SPEECH;
		if (k <= first + 1 || (k > s0 && q_is_punct(q, k - 1, ',') && k - 1 == first))
		{
			/* According to X, CLAUSE */
			if (!q_is_punct(q, c, ',') || c >= e)
				return 0;
			rp->first = c + 1;
			rp->last = e;
			return 1;
		}
		/* CLAUSE, according to X. */
		rp->first = first;
		rp->last = q_is_punct(q, k - 1, ',') ? k - 2 : k - 1;
		if (c < e && q_is_punct(q, c, ','))
		{
			rp->first2 = c + 1;
			rp->last2 = e;
		}
		return rp->last >= rp->first && rp->last != QNONE;
	}

	rp->cue_class = cue_class_at(q, k);
	/* CLAUSE, said X. / CLAUSE, said X, a spokesman.  Only verbs of saying
	 * invert (not ", recalling the warnings", ", defended the veto") */
	if (k > first + 1 && q_is_punct(q, k - 1, ',') && rp->cue_class == NA_CUE_SPEECH &&
		q_in(q, k, LEX_SPEECH_VERBS) && !is_participle(q, k) && !q_in(q, k, LEX_PHRASE_VERBS) &&
		(type = np_forward(q, k + 1, s1, &sf, &sl)) != SRC_NONE && type != SRC_PRONOUN &&
		inverted_source_ends(q, sl + 1, s1))
	{
		uint32_t	a2,
					b2;

		if (appositive_name(q, type, sf, sl, s1, &a2, &b2))
		{
			sf = a2;
			sl = b2;
			type = SRC_NAME;
		}
		set_attr(&rp->a, type, sf, sl, k, k, NA_QA_NONE, 0.7f);
		rp->first = first;
		rp->last = k - 2;
		return 1;
	}
	type = subject_before(q, k, s0, &sf, &sl);
	if ((type == SRC_NONE || sf < s0 || sl >= k) && poll_share_before(q, k, s0, &sf, &sl))
		type = SRC_NOMINAL;
	if (type == SRC_NONE || sf < s0 || sl >= k)
		return 0;
	if (q_is(q, sf, "who") || q_is(q, sf, "which") || q_is(q, sf, "that"))
	{
		if (!q_is(q, sf, "who"))
			return 0;
	}
	/* a spokesman for the ministry said: the role, not the ministry */
	if (type != SRC_PRONOUN && sf >= s0 + 2 && sf > first + 1 &&
		(q_is(q, sf - 1, "for") || q_is(q, sf - 1, "of") || q_is(q, sf - 1, "at")))
	{
		uint32_t	f2,
					l2;

		if (np_backward(q, sf - 2, s0, &f2, &l2) != SRC_NONE &&
			(q_is_role_noun(q, l2) || q_in(q, l2, LEX_SOURCE_NOUNS)) && f2 >= first)
		{
			sf = f2;
			type = SRC_NOMINAL;
		}
	}
	set_attr(&rp->a, type, sf, sl, k, k, NA_QA_NONE, 0.65f);
	if (sf > first + 1 && q_is_punct(q, sf - 1, ',') && !is_quote_mark(q, sf - 2) &&
		!role_apposition_before(q, first, sf, sl, k))
	{
		/* CLAUSE, X said … : the content comes before the source */
		uint32_t	after = k + 1;
		uint32_t	c;

		int			clause_after = 0;

		for (c = after; c <= e && c - after < 8 && !q_is_punct(q, c, ','); c++)
			if (q_is(q, c, "that") || is_pronoun(q, c) || is_quote_mark(q, c) ||
				q_is_punct(q, c, ':') || (c == after && q_is(q, c, "to")))
				clause_after = 1;
		rp->first = first;
		rp->last = sf - 2;
		/* In a statement, X dismissed …; At one point, X asked for …: an
		 * opening phrase, no clause, before the comma: the report follows */
		if (!clause_after && first < sf - 1 &&
			(q_in(q, first, LEX_CLAUSE_PREPOSITIONS) || participial_opener(q, first)) &&
			!q_is(q, first, "according") && content_start_after(q, k, e + 1) != QNONE)
			clause_after = 1;
		if (!clause_after && c < e && q_is_punct(q, c, ',') && words_between(q, first, sf - 2) >= 2)
		{
			/* The deal, she said, is dead. */
			rp->first2 = c + 1;
			rp->last2 = e;
		}
		else if (clause_after || (c <= e && c - after >= 8) ||
				 words_between(q, first, sf - 2) < REPORT_MIN_WORDS)
		{
			/* CLAUSE, X said CLAUSE: the report is after the cue */
			uint32_t	j = content_start_after(q, k, e + 1);

			if (j == QNONE)
				return 0;
			rp->first = j;
			rp->last = content_stop(q, j, e);
		}
		return 1;
	}
	/* X called for a ban / X called on Y to resign: the demand follows */
	if ((q_is(q, k, "call") || q_is(q, k, "calls") || q_is(q, k, "called") ||
		 q_is(q, k, "calling")) && (q_is(q, k + 1, "for") || q_is(q, k + 1, "on")) &&
		k + 2 <= e)
	{
		rp->first = k + 2;
		rp->last = content_stop(q, k + 2, e);
		if (q_is(q, k + 1, "for"))
		{
			rp->last = object_end(q, k + 2, rp->last);
			rp->object = 1;
		}
		return 1;
	}
	/* X said (that) CLAUSE */
	{
		uint32_t	j = content_start_after(q, k, e + 1);

		if (j == QNONE)
			return 0;
		/* a measure backed by the allies: a participle, no report */
		if (q_is(q, j, "by") ||
			q_in(q, j, LEX_TAIL_PREPOSITIONS) || q_is(q, j, "about") || q_is(q, j, "so") ||
			q_is(q, j, "nothing") || q_is(q, j, "yes") || q_is(q, j, "no"))
			return 0;
		/* X appeared to waver / seems that: not X appeared on television */
		if ((q_is(q, k, "appeared") || q_is(q, k, "appears") || q_is(q, k, "appear") ||
			 q_is(q, k, "seemed") || q_is(q, k, "seems") || q_is(q, k, "seem")) &&
			!q_is(q, j, "to") && !q_is(q, j - 1, "that"))
			return 0;
		rp->first = j;
		rp->last = content_stop(q, j, e);
		if (q_in(q, k, LEX_OBJECT_CUES))
		{
			rp->last = object_end(q, j, rp->last);
			rp->object = 1;
		}
		return 1;
	}
}

/*
 * The form of "be" before a passive cue at k (X is expected to, X was
 * widely expected to, X isn't expected to), past adverbs and a negation;
 * QNONE when there is none.
 */
static uint32_t
passive_be_before(const qctx *q, uint32_t k, uint32_t s0)
{
	uint32_t	j = k;

	while (j > s0 && k - j < 4)
	{
		const na_token *t = &q->doc->tokens[j - 1];
		const char *p = q->doc->text + t->start;

		if (t->kind != NA_TK_WORD)
			return QNONE;
		if (q_is(q, j - 1, "is") || q_is(q, j - 1, "are") || q_is(q, j - 1, "was") ||
			q_is(q, j - 1, "were") || q_is(q, j - 1, "be") || q_is(q, j - 1, "been") ||
			q_is(q, j - 1, "isn’t") || q_is(q, j - 1, "isn't") || q_is(q, j - 1, "aren’t") ||
			q_is(q, j - 1, "aren't") || q_is(q, j - 1, "wasn’t") || q_is(q, j - 1, "wasn't") ||
			q_is(q, j - 1, "weren’t") || q_is(q, j - 1, "weren't"))
			return j - 1;
		/* widely, originally, also, not, still, now */
		if (!((t->len > 4 && p[t->len - 2] == 'l' && p[t->len - 1] == 'y') ||
			  q_is(q, j - 1, "also") || q_is(q, j - 1, "not") || q_is(q, j - 1, "still") ||
			  q_is(q, j - 1, "now") || q_is(q, j - 1, "no") || q_is(q, j - 1, "longer")))
			return QNONE;
		j--;
	}
	return QNONE;
}

/*
 * X is expected to …: a belief that no one holds by name, its content the
 * whole clause, subject included (what is expected is that X does it).  Not
 * "X is said to": hearsay, no report (README).  The clause starts after the sentence's last comma,
 * semicolon, colon, dash or quotation mark before the cue's subject.
 */
static int
impersonal_report_at(const qctx *q, uint32_t k, uint32_t aux, uint32_t s0, uint32_t s1,
					 q_report *rp)
{
	uint32_t	e = content_end(q, s0, s1);
	uint32_t	first = aux;

	memset(rp, 0, sizeof(*rp));
	rp->first2 = rp->last2 = QNONE;
	if (e <= k + 1 || aux == s0)
		return 0;
	if (e > k + REPORT_CONTENT_MAX)
		e = k + REPORT_CONTENT_MAX;
	while (first > s0)
	{
		const na_token *t = &q->doc->tokens[first - 1];

		if (t->kind == NA_TK_DASH || is_quote_mark(q, first - 1) || q_is_punct(q, first - 1, ',') ||
			q_is_punct(q, first - 1, ';') || q_is_punct(q, first - 1, ':') ||
			q_is_punct(q, first - 1, '(') || aux - first >= REPORT_SOURCE_WINDOW)
			break;
		first--;
	}
	while (first < aux && (q_is(q, first, "but") || q_is(q, first, "and")))
		first++;
	if (first == aux)
		return 0;
	rp->a.type = SRC_NONE;
	rp->a.how = NA_QA_NONE;
	rp->a.cue_first = rp->a.cue_last = k;
	rp->a.confidence = 0.5f;
	rp->cue_class = cue_class_at(q, k);
	rp->first = first;
	rp->last = content_stop(q, k + 1, e);
	/* the clause ends at its first comma: …, as the rivals…, giving … */
	for (uint32_t m = k + 2; m <= rp->last; m++)
		if (q_is_punct(q, m, ','))
		{
			rp->last = m - 1;
			break;
		}
	return 1;
}

/* Is the report's content all one quotation the quotes already hold? */
static int
content_is_quoted(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	inside = 0,
				words = 0;

	for (uint32_t k = first; k <= last; k++)
	{
		if (q->doc->tokens[k].kind == NA_TK_PUNCT || is_quote_mark(q, k))
			continue;
		words++;
		inside += (q->in_quote[k] & 1);
	}
	return words > 0 && inside == words;
}

static int
any_quoted(const qctx *q, uint32_t first, uint32_t last)
{
	for (uint32_t k = first; k <= last; k++)
		if ((q->in_quote[k] & 1) || is_quote_mark(q, k))
			return 1;
	return 0;
}

/* One quote row of a report piece [first, last]. */
static na_quote *
push_report(qctx *q, const q_report *rp, uint32_t first, uint32_t last, uint32_t entity,
			int second_piece)
{
	na_quote   *qt = na_vec_push(&q->quotes, q->mem);

	if (qt == NULL)
		return NULL;
	memset(qt, 0, sizeof(*qt));
	qt->text = q_span(q, first, last);
	qt->first_token = first;
	qt->ntokens = last - first + 1;
	qt->paragraph = q->doc->tokens[first].paragraph;
	qt->sentence = q->doc->tokens[first].sentence;
	qt->kind = any_quoted(q, first, last) ? NA_QK_MIXED : NA_QK_INDIRECT;
	qt->attribution = rp->a.how;
	if (rp->a.type != SRC_NONE)
		qt->mention = q_span(q, rp->a.src_first, rp->a.src_last);
	qt->cue = q_span(q, rp->a.cue_first, rp->a.cue_last);
	qt->cue_class = rp->cue_class;
	qt->confidence = rp->a.confidence;
	qt->speaker = -1;
	qt->part_of = -1;
	if (entity != QNONE)
	{
		/* a speaker's attributions count once, not once per piece */
		if (!second_piece)
			((q_entity *) q->entities.items)[entity].quotes++;
		qt->speaker = (int32_t) entity;
	}
	return qt;
}

/*
 * Every report of speech, thought or finding outside quotation marks: one
 * pass over the tokens, the lexicon's reporting cues (their mask is cached
 * per token) tried in their sentence.  A cue that already attributes a
 * quotation, or lies inside one, reports nothing more; a report whose
 * content is a quotation is that quotation's.  The work per cue is bounded
 * by the sentence windows of the helpers, so a text of nothing but cues
 * stays linear.
 */
static int
reported_speech(qctx *q)
{
	const na_doc *doc = q->doc;
	uint32_t	n = doc->ntokens;
	uint32_t	checked_block = UINT32_MAX;

	if (doc->nsentences == 0)
		return 1;
	for (uint32_t k = 0; k < n; k++)
	{
		const na_token *t = &doc->tokens[k];
		const na_sentence *s;
		uint32_t	s0,
					s1;
		q_report	rp;
		uint32_t	entity;
		q_raw		r;
		na_quote   *qt;
		int32_t		piece;
		uint32_t	aux;

		if ((k >> 12) != checked_block)
		{
			checked_block = k >> 12;
			na_check_interrupts(q->mem);
		}
		/* the scanner flagged the words shaped like a cue: nearly every
		 * token is rejected on its flags alone */
		if (!(t->flags & NA_TF_CUE_SHAPE) || t->kind != NA_TK_WORD || q->in_quote[k] ||
			!is_reporting_cue(q, k))
			continue;
		if ((s = sentence_of(q, k)) == NULL)
			continue;
		s0 = s->first_token;
		s1 = s0 + s->ntokens;
		/* a sentence too long to be one: no report across a run-on text */
		if (s->ntokens > 300 && k - s0 > SENTENCE_WINDOW && s1 - k > SENTENCE_WINDOW)
			continue;
		if (q_is(q, k, "expected") && q_is(q, k + 1, "to") &&
			(aux = passive_be_before(q, k, s0)) != QNONE)
		{
			/* X is expected to …: no source, the clause is the content */
			if (!impersonal_report_at(q, k, aux, s0, s1, &rp))
				continue;
		}
		else if (not_a_report(q, k, s0) || !report_at(q, k, s0, s1, &rp))
			continue;
		if (rp.last == QNONE || rp.first > rp.last || rp.last >= n ||
			words_between(q, rp.first, rp.last) +
			(rp.first2 != QNONE && rp.last2 != QNONE && rp.last2 >= rp.first2 ?
			 words_between(q, rp.first2, rp.last2) : 0) <
			/* endorsed Trump: an object cue reports its object, a word will do */
			(rp.object ? 1 : REPORT_MIN_WORDS))
			continue;
		if (content_is_quoted(q, rp.first, rp.last) &&
			(rp.first2 == QNONE || content_is_quoted(q, rp.first2, rp.last2)))
			continue;
		memset(&r, 0, sizeof(r));
		r.open = r.close = QNONE;
		r.first = rp.first < rp.a.src_first ? rp.first : rp.a.src_first;
		r.last = rp.last;
		entity = rp.a.type == SRC_NONE ? QNONE : entity_of_source(q, &rp.a, &r);
		/* a description names a speaker only when a name heads it: not the
		 * Russian veto, Mr. Trump's administration, a United Nations panel */
		if (rp.a.type != SRC_PRONOUN && !q_is(q, rp.a.src_first, "who") &&
			q->mention_at[rp.a.src_last] == 0)
			entity = q_resolve_description(q, rp.a.src_first, rp.a.src_last);
		qt = push_report(q, &rp, rp.first, rp.last, entity, 0);
		if (qt == NULL)
			return 0;
		piece = (int32_t) q->quotes.count - 1;
		if (rp.first2 != QNONE && rp.last2 != QNONE && rp.last2 >= rp.first2 &&
			words_between(q, rp.first2, rp.last2) >= 1)
		{
			qt = push_report(q, &rp, rp.first2, rp.last2, entity, 1);
			if (qt == NULL)
				return 0;
			qt->part_of = piece;
		}
	}
	return 1;
}

/* A row and where it was before sorting. */
typedef struct q_row_order
{
	uint32_t	start;			/* content's byte offset */
	uint32_t	kind;
	uint32_t	index;			/* in the unsorted rows */
} q_row_order;

/* By content start, quotations before reports at a tie, then as found. */
static int
row_order_cmp(const void *pa, const void *pb)
{
	const q_row_order *a = pa;
	const q_row_order *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/*
 * Row j is a piece of row i: the speaker's attributions count it once, with
 * i, when both name the same one (rows hold entity indexes until
 * q_build_speakers).
 */
static void
piece_of(qctx *q, na_quote *rows, uint32_t j, uint32_t i)
{
	rows[j].part_of = (int32_t) i;
	if (rows[j].speaker >= 0 && rows[j].speaker == rows[i].speaker)
		((q_entity *) q->entities.items)[rows[j].speaker].quotes--;
}

/*
 * Put the reports (appended after the quotations in the order of their
 * cues, which is not their content's: "…, X said" reports what precedes)
 * into text order with the quotations, O(n log n), keeping part_of right,
 * and give each partial quote inside a mixed report's content that report
 * as part_of.
 */
static int
merge_reports(qctx *q, uint32_t nquotes)
{
	na_quote   *rows = q->quotes.items;
	uint32_t	total = (uint32_t) q->quotes.count;
	na_quote   *merged;
	q_row_order *order;
	int32_t    *moved;

	if (total == nquotes)
		return 1;
	merged = na_alloc(q->mem, (sizeof(na_quote) + sizeof(q_row_order) + sizeof(int32_t)) *
					  (size_t) total);
	if (merged == NULL)
		return 0;
	order = (q_row_order *) (merged + total);
	moved = (int32_t *) (order + total);
	for (uint32_t i = 0; i < total; i++)
	{
		order[i].start = rows[i].text.start;
		order[i].kind = rows[i].kind;
		order[i].index = i;
	}
	qsort(order, total, sizeof(q_row_order), row_order_cmp);
	for (uint32_t o = 0; o < total; o++)
	{
		moved[order[o].index] = (int32_t) o;
		merged[o] = rows[order[o].index];
	}
	for (uint32_t i = 0; i < total; i++)
		if (merged[i].part_of >= 0)
			merged[i].part_of = moved[merged[i].part_of];
/* partial quotes inside a mixed report: the report is their attribution */
	for (uint32_t i = 0; i < total; i++)
	{
		const na_quote *m = &merged[i];

		if (m->kind != NA_QK_MIXED)
			continue;
		for (uint32_t j = i + 1; j < total && merged[j].text.start < m->text.start + m->text.len; j++)
			if (merged[j].kind == NA_QK_PARTIAL && merged[j].part_of < 0 &&
				merged[j].text.start + merged[j].text.len <= m->text.start + m->text.len + 4)
				piece_of(q, merged, j, i);
		for (uint32_t j = i; j-- > 0 && i - j < 8;)
			if (merged[j].kind == NA_QK_PARTIAL && merged[j].part_of < 0 &&
				merged[j].text.start >= m->text.start)
				piece_of(q, merged, j, i);
	}
	memcpy(rows, merged, sizeof(na_quote) * total);
	na_free(q->mem, merged);
	return 1;
}

/*
 * Where the attribution of a document's quotations stands as they are read
 * in text order: the last source found, its speaker entity and paragraph.
 * A quote continuing into the next paragraph, a coordinated quote and a
 * long passage with no source of its own inherit them.
 */
typedef struct q_attr_run
{
	q_attr		prev;
	uint32_t	prev_entity;
	uint32_t	prev_para;
} q_attr_run;

/*
 * The per-token arrays of the analysis and the name key heads, in one zeroed
 * block: one allocation and one memset per article, not four.  Tokens inside
 * a quotation are marked, so that names and reports there are known as
 * quoted.
 */
static int
alloc_token_arrays(qctx *q, const q_raw *rs, uint32_t n)
{
	const na_doc *doc = q->doc;
	size_t		words = (size_t) doc->ntokens + Q_KEY_BUCKETS;
	size_t		bytes = (size_t) doc->ntokens * sizeof(uint64_t) +
		words * sizeof(uint32_t) + doc->ntokens;
	uint64_t   *block = na_alloc(q->mem, bytes);

	if (block == NULL)
		return 0;
	memset(block, 0, bytes);
	q->lexmask = block;
	q->mention_at = (uint32_t *) (block + doc->ntokens);
	q->key_heads = q->mention_at + doc->ntokens;
	q->in_quote = (uint8_t *) (q->key_heads + Q_KEY_BUCKETS);
	for (uint32_t i = 0; i < n; i++)
		memset(q->in_quote + rs[i].first, 1, rs[i].last - rs[i].first + 1);
	return 1;
}

/*
 * The source of quotation i, tried in the order news writes it: a
 * continuation of the paragraph before; a cue after or before the quote or
 * in its sentence; the sentence before; the run's last speaker; the
 * sentence's subject for short or long quotes.  Sets *a (type SRC_NONE: no
 * source), *entity (QNONE: none) and *speech (someone's words, speaker
 * unknown).  It stands apart from the row it fills because its order of
 * rules is the heart of direct-quote attribution and reads best alone.
 */
static void
source_of_quote(qctx *q, const q_raw *rs, uint32_t i, uint32_t para, const q_attr_run *run,
				q_attr *a, uint32_t *entity, int *speech)
{
	const q_raw *r = &rs[i];
	int			found;
	int			title = 0;
	src_type	short_type;
	uint32_t	short_first,
				short_last;

	if (r->continues && run->prev.type != SRC_NONE && run->prev_para != QNONE && para == run->prev_para + 1)
	{
		/* the next paragraph of the same speech, unless a transcript
		 * label hands it to the next speaker (“PENCE: …” after “WALLACE: …”) */
		found = attr_transcript(q, r, a) || attr_after(q, r, a);
		if (!found)
		{
			*a = run->prev;
			a->how = NA_QA_CONTINUATION;
			a->confidence = 0.8f;
			*entity = run->prev_entity;
		}
		else
			*entity = entity_of_source(q, a, r);
	}
	else
	{
		title = is_title(q, r);
		if (title)
			found = 0;
		else
		{
			found = attr_transcript(q, r, a);
			if (!found && is_embedded(q, r))
				found = attr_before(q, r, a) || attr_in_sentence_before(q, r, a) ||
					attr_after(q, r, a) || attr_in_sentence_after(q, r, a);
			else if (!found)
				found = attr_after(q, r, a) || attr_before(q, r, a) ||
					attr_in_sentence_before(q, r, a) || attr_in_sentence_after(q, r, a) ||
					attr_colon(q, r, a);
		}
		if (found)
			*entity = entity_of_source(q, a, r);
		else if ((is_direct(q, r) || count_words(q, r) >= SPEECH_MIN_WORDS) &&
				 attr_previous_sentence(q, r, a))
			*entity = entity_of_source(q, a, r);
		else if (run->prev.type != SRC_NONE && run->prev_para != QNONE &&
				 (para == run->prev_para || para == run->prev_para + 1) &&
				 (may_continue(q, r, i > 0 ? &rs[i - 1] : NULL) ||
				  (a->how == NA_QA_CONTINUATION && para == run->prev_para)))
		{
			uint32_t	cue = a->how == NA_QA_CONTINUATION ? a->cue_first : 0;

			*a = run->prev;
			a->how = NA_QA_CONTINUATION;
			a->confidence = 0.65f;
			a->cue_first = a->cue_last = cue;
			*entity = run->prev_entity;
		}
		else if (!title && i > 0 && coordinated(q, &rs[i - 1], r) &&
				 ((na_quote *) q->quotes.items)[i - 1].attribution != NA_QA_NONE &&
				 run->prev.type != SRC_NONE)
		{
			/* “more listening” and “more learning”: one attribution */
			*a = run->prev;
			*entity = run->prev_entity;
		}
		else if (!title && count_words(q, r) < SPEECH_MIN_WORDS && !nickname_in_name(q, r) &&
				 (short_type = sentence_subject(q, r->open != QNONE ? r->open : r->first,
												&short_first, &short_last)) != SRC_NONE &&
				 short_type != SRC_NOMINAL && !q_in(q, short_first, LEX_PRONOUNS_OTHER) &&
				 (short_type == SRC_PRONOUN || names_person(q, short_first, short_last)))
		{
			/* Reid has gone after Trump as a “spoiled brat”: the subject's words */
			set_attr(a, short_type, short_first, short_last, 0, 0, NA_QA_SUBJECT, 0.35f);
			*entity = entity_of_source(q, a, r);
		}
		else if (!title && count_words(q, r) >= SPEECH_MIN_WORDS)
		{
			/* too long for a scare quote: someone's words, maybe the last
			 * speaker's, maybe the subject's */
			uint32_t	sf,
						sl;
			src_type	type;

			*speech = 1;
			if (is_embedded(q, r) &&
				(type = sentence_subject(q, r->open, &sf, &sl)) != SRC_NONE &&
				(type == SRC_PRONOUN ? !q_in(q, sf, LEX_PRONOUNS_OTHER) : names_person(q, sf, sl)))
			{
				/* Paul Ryan worried that the net was becoming “a hammock …” */
				set_attr(a, type, sf, sl, 0, 0, NA_QA_SUBJECT, 0.45f);
				*entity = entity_of_source(q, a, r);
			}
			else if (run->prev.type != SRC_NONE && run->prev_para != QNONE && para <= run->prev_para + 1)
			{
				*a = run->prev;
				a->how = NA_QA_CONTINUATION;
				a->confidence = 0.45f;
				a->cue_first = a->cue_last = 0;
				*entity = run->prev_entity;
			}
			else if ((type = sentence_subject(q, r->open != QNONE ? r->open : r->first,
											  &sf, &sl)) != SRC_NONE)
			{
				set_attr(a, type, sf, sl, 0, 0, NA_QA_SUBJECT, 0.4f);
				*entity = entity_of_source(q, a, r);
			}
			else
				a->how = NA_QA_NONE;
		}
		else
			a->how = NA_QA_NONE;
	}
}

/*
 * Quote row qt from the source found for it, and the run moved on when the
 * quote has a source (the next quotations may inherit it).
 */
static void
fill_quote_row(qctx *q, na_quote *qt, const q_raw *r, const q_attr *a, uint32_t entity,
			   int speech, uint32_t para, q_attr_run *run)
{
	qt->attribution = a->how;
	if (a->type != SRC_NONE)
	{
		qt->mention = q_span(q, a->src_first, a->src_last);
		if (a->cue_last >= a->cue_first && a->cue_first > 0)
		{
			qt->cue = q_span(q, a->cue_first, a->cue_last);
			qt->cue_class = a->how == NA_QA_ACCORDING_TO ? NA_CUE_SPEECH :
				is_reporting_cue(q, a->cue_first) ? cue_class_at(q, a->cue_first) : NA_CUE_SPEECH;
			/* the cue attributes this quotation: it reports nothing
			 * else (a partial quote's cue reports the clause around it) */
			if (is_direct(q, r))
				for (uint32_t c = a->cue_first; c <= a->cue_last; c++)
					q->in_quote[c] |= 2;
		}
		qt->confidence = a->confidence;
		qt->kind = is_direct(q, r) ? NA_QK_DIRECT : NA_QK_PARTIAL;
		if (entity != QNONE)
		{
			q_entity   *e = &((q_entity *) q->entities.items)[entity];

			e->quotes++;
			qt->speaker = (int32_t) entity;		/* an entity until q_build_speakers */
		}
		run->prev = *a;
		run->prev_entity = entity;
		run->prev_para = para;
	}
	else if (speech)
	{
		qt->kind = is_direct(q, r) ? NA_QK_DIRECT : NA_QK_PARTIAL;
		qt->confidence = 0.3f;
	}
	else
	{
		qt->kind = NA_QK_UNATTRIBUTED;
		qt->confidence = (r->last - r->first < 4) ? 0.8f : 0.5f;
	}
}

/* Quotation i as a row of q->quotes, with its source (see source_of_quote). */
static void
attribute_quote(qctx *q, const q_raw *rs, uint32_t i, q_attr_run *run)
{
	const na_doc *doc = q->doc;
	const q_raw *r = &rs[i];
	na_quote   *qt = na_vec_push(&q->quotes, q->mem);	/* reserved: cannot fail */
	q_attr		a = {0};
	uint32_t	entity = QNONE;
	int			speech = 0;
	uint32_t	para = doc->tokens[r->open != QNONE ? r->open : r->first].paragraph;

	memset(qt, 0, sizeof(*qt));
	qt->text = q_span(q, r->first, r->last);
	qt->first_token = r->first;
	qt->ntokens = r->last - r->first + 1;
	qt->paragraph = para;
	qt->sentence = doc->tokens[r->open != QNONE ? r->open : r->first].sentence;
	qt->speaker = -1;
	qt->part_of = -1;
	source_of_quote(q, rs, i, para, run, &a, &entity, &speech);
	fill_quote_row(q, qt, r, &a, entity, speech, para, run);
}

/*
 * A quote running over paragraphs may be attributed only at its end: the
 * unattributed paragraphs before it take the attribution of the one that
 * has it.
 */
static void
attribute_back_across_paragraphs(qctx *q, const q_raw *rs, uint32_t n)
{
	for (uint32_t i = n > 0 ? n - 1 : 0; i > 0; i--)
	{
		na_quote   *later = &((na_quote *) q->quotes.items)[i];
		na_quote   *earlier = &((na_quote *) q->quotes.items)[i - 1];

		if (rs[i].continues && earlier->attribution == NA_QA_NONE &&
			later->attribution != NA_QA_NONE)
		{
			earlier->attribution = NA_QA_CONTINUATION;
			earlier->mention = later->mention;
			earlier->cue = later->cue;
			earlier->speaker = later->speaker;
			earlier->kind = NA_QK_DIRECT;
			earlier->confidence = 0.75f;
			if (later->speaker >= 0)
				((q_entity *) q->entities.items)[later->speaker].quotes++;
		}
	}
}

/*
 * The analysis of one scanned document in its steps: pair the quotation
 * marks, lay out the per-token arrays, collect the names, attribute every
 * quotation in text order (then back across paragraphs), find the reported
 * speech and merge it with the quotations, and build the speakers.
 */
static int
analyse(qctx *q, na_quote_result *out)
{
	na_vec		raws;
	q_raw	   *rs;
	uint32_t	n;
	q_attr_run	run = {{0}, QNONE, QNONE};
	int			ok = 0;

	na_vec_init(&raws, sizeof(q_raw));
	if (!pair_marks(q, &raws))
		goto done;
	n = (uint32_t) raws.count;
	rs = raws.items;
	if (q->doc->ntokens == 0)
	{
		ok = 1;
		goto done;
	}
	if (!alloc_token_arrays(q, rs, n) || !q_collect_names(q) ||
		!na_vec_reserve(&q->quotes, q->mem, n))
		goto done;
	for (uint32_t i = 0; i < n; i++)
	{
		if ((i & 255) == 0)
			na_check_interrupts(q->mem);
		attribute_quote(q, rs, i, &run);
	}
	attribute_back_across_paragraphs(q, rs, n);
	if (!reported_speech(q) || !merge_reports(q, n) || !q_build_speakers(q, out))
		goto done;
	ok = 1;
done:
	na_vec_free(&raws, q->mem);
	return ok;
}

na_status
na_quotes_analyse(const na_doc *doc, const na_mem *mem, na_quote_result *out)
{
	qctx		q;
	int			ok;

	memset(out, 0, sizeof(*out));
	memset(&q, 0, sizeof(q));
	q.doc = doc;
	q.mem = mem;
	na_vec_init(&q.quotes, sizeof(na_quote));
	na_vec_init(&q.mentions, sizeof(q_mention));
	na_vec_init(&q.entities, sizeof(q_entity));
	na_vec_init(&q.key_nodes, sizeof(uint32_t) * 2);

	ok = analyse(&q, out);
	na_vec_free(&q.mentions, mem);
	na_vec_free(&q.entities, mem);
	na_vec_free(&q.key_nodes, mem);
	na_free(mem, q.lexmask);	/* the block of mention_at, key_heads, in_quote too */
	if (!ok)
	{
		na_vec_free(&q.quotes, mem);
		na_quote_result_free(out, mem);
		return NA_ERR_NOMEM;
	}
	out->quotes = q.quotes.items;
	out->nquotes = (uint32_t) q.quotes.count;
	return NA_OK;
}

void
na_quote_result_free(na_quote_result *result, const na_mem *mem)
{
	na_free(mem, result->quotes);
	na_free(mem, result->speakers);
	na_free(mem, result->aliases);
	memset(result, 0, sizeof(*result));
}

const char *
na_quote_kind_name(int kind)
{
	switch (kind)
	{
		case NA_QK_DIRECT:
			return "direct";
		case NA_QK_PARTIAL:
			return "partial";
		case NA_QK_UNATTRIBUTED:
			return "unattributed";
		case NA_QK_MIXED:
			return "mixed";
		case NA_QK_INDIRECT:
			return "indirect";
	}
	return "unknown";
}

const char *
na_quote_attribution_name(int attribution)
{
	static const char *const names[NA_QA_COUNT] = {
		NULL, "name", "title", "pronoun", "continuation", "colon", "according_to",
		"subject"
	};

	if (attribution <= 0 || attribution >= NA_QA_COUNT)
		return NULL;
	return names[attribution];
}

const char *
na_cue_class_name(int cue_class)
{
	static const char *const names[NA_CUE_COUNT] = {NULL, "speech", "thought", "finding"};

	if (cue_class <= 0 || cue_class >= NA_CUE_COUNT)
		return NULL;
	return names[cue_class];
}

const char *
na_gender_name(int gender)
{
	switch (gender)
	{
		case NA_GENDER_FEMALE:
			return "female";
		case NA_GENDER_MALE:
			return "male";
	}
	return NULL;
}
