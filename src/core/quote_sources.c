/*
 * quote_sources.c - the source of a quotation: the noun phrase that names
 * who speaks (a name, a description, a pronoun), found forward and backward
 * from a cue, and the attribution rules that look for the cue around a
 * quotation (after it, before it, in its sentence, before a colon, in the
 * sentence before, a transcript label).  quotes.c tries them in order.
 */
#include <string.h>

#include "quote_attr.h"

static void outer_attribution(const qctx *q, uint32_t s_first, uint32_t before, q_attr *a);

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
src_type
q_np_forward(const qctx *q, uint32_t i, uint32_t limit, uint32_t *first, uint32_t *last)
{
	uint32_t	j = i;
	int			saw_cap = 0;
	int			saw_noun = 0;

	if (i >= limit || i >= q->doc->ntokens)
		return SRC_NONE;
	if (q_is_pronoun(q, i))
	{
		*first = *last = i;
		return SRC_PRONOUN;
	}
	/* said one of those advisers / some of his aides */
	if (q_is(q, i + 1, "of") && q_in(q, i, LEX_PARTITIVE_SOURCES))
	{
		src_type	inner = q_np_forward(q, i + 2, limit, first, last);

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
		else if (j > i && past_tense_like(q, j) &&
				 (q_is_cap(q, j - 1) || q_is_document_noun(q, j - 1)))
			break;				/* Stumpf tried …, Hillary Clinton chimed in: the verb;
								 * a poll conducted last week: the poll (the
								 * word's shape first: BBC 8,420 -> 310 lookups
								 * of a document's noun) */
		else if (t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) &&
				 !q_in(q, j, LEX_NP_BLOCKERS) && !q_is_any_cue(q, j) &&
				 !q_in(q, j, LEX_DETERMINERS))
			saw_noun = 1;
		else if (j == i && (t->kind == NA_TK_NUMBER || t->kind == NA_TK_RANGE) &&
				 q_is_word(q, j + 1))
			;					/* 2016 nominee Ann Reyes */
		else if (j == i && t->kind == NA_TK_NUMBER && q_is_punct(q, j + 1, '/') &&
				 j + 3 < limit && q->doc->tokens[j + 2].kind == NA_TK_NUMBER &&
				 t->start + t->len == q->doc->tokens[j + 1].start &&
				 q->doc->tokens[j + 1].start + 1 == q->doc->tokens[j + 2].start &&
				 q_is_word(q, j + 3))
			j += 2;				/* 9/11 widow Terry Strada: a date as a modifier */
		else
			break;
		j++;
		if (j < limit && ((q_is_punct(q, j, '-') && q_is_word(q, j + 1)) || q_name_slash(q, j)))
			j++;
	}
	if (!saw_cap && !saw_noun)
		return SRC_NONE;
	*first = i;
	*last = j - 1;
	return saw_cap ? SRC_NAME : SRC_NOMINAL;
}

/* A source mention ending at token e (not before floor). */
src_type
q_np_backward(const qctx *q, uint32_t e, uint32_t floor, uint32_t *first, uint32_t *last)
{
	uint32_t	j = e;
	int			saw_cap = 0;
	int			saw_noun = 0;
	uint32_t	start = e + 1;

	if (e == QNONE || e < floor || e >= q->doc->ntokens)
		return SRC_NONE;
	/* most of them said / some of us: the quantifier and its pronoun */
	if ((q_is_pronoun(q, e) || q_is(q, e, "them") || q_is(q, e, "us")) && e >= floor + 2 &&
		q_is(q, e - 1, "of") &&
		q_word_in(q, e - 2, NA_LEX_QUANTIFIER_SOURCES))
	{
		*first = e - 2;
		*last = e;
		return SRC_NOMINAL;
	}
	if (q_is_pronoun(q, e))
	{
		*first = *last = e;
		return SRC_PRONOUN;
	}
	/* Many said, Others argued; "they both said": the pronoun with it */
	if (q_word_in(q, e, NA_LEX_QUANTIFIER_SOURCES))
	{
		uint32_t	j = e;

		if (e > floor && q_is_pronoun(q, e - 1))
		{
			*first = *last = e - 1;
			return SRC_PRONOUN;
		}
		/* "the mayor and the bishop have both said": a quantifier after an
		 * auxiliary floats after its subject, which is the source */
		while (j > floor && e - j < 3 && q_in(q, j - 1, LEX_AUX_ADVERBS))
			j--;
		if (j < e && j > floor)
		{
			src_type	t = q_np_backward(q, j - 1, floor, first, last);

			if (t != SRC_NONE)
				return t;
		}
		*first = *last = e;
		return SRC_NOMINAL;
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
				 !q_in(q, j, LEX_NP_BLOCKERS) && !q_is_any_cue(q, j))
			saw_noun = 1;
		else
			break;
		start = j;
		/* a sentence's first word starts the mention */
		if ((t->flags & (NA_TF_SENT_START | NA_TF_PARA_START)) || j == floor || j == 0)
			break;
		j--;
		/* USC Dornsife/Los Angeles Times: over the slash of joint names */
		if (j > floor && q_name_slash(q, j))
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
uint32_t
q_skip_parenthesis(const qctx *q, uint32_t i, uint32_t limit)
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

	while (i < limit && n < 3 && q_in(q, i, LEX_AUX_ADVERBS) && !q_is_speech_cue(q, i))
	{
		i++;
		n++;
	}
	return i;
}

/*
 * Is token i an adverb of manner by its shape, a lower-case word of seven
 * letters or more in -ly (incorrectly, repeatedly, publicly): "the state
 * incorrectly stated" has its source before it.  Nouns in -ly (family,
 * assembly, supply, monopoly, rally) end in -ily, -bly, -ply, -oly or -lly
 * and are left alone.
 */
static int
manner_adverb(const qctx *q, uint32_t i)
{
	const na_token *t = &q->doc->tokens[i];
	const char *p = q->doc->text + t->start;

	if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED) || t->len < 7 ||
		p[t->len - 1] != 'y' || p[t->len - 2] != 'l')
		return 0;
	return strchr("ibpol", p[t->len - 3]) == NULL;
}

/* Skip aux verbs and adverbs backward from i. */
uint32_t
q_skip_aux_backward(const qctx *q, uint32_t i, uint32_t floor)
{
	int			n = 0;

	while (i != QNONE && i > floor && n < 3 &&
		   (q_in(q, i, LEX_AUX_ADVERBS) || manner_adverb(q, i)) && !q_is_speech_cue(q, i))
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
int
q_role_head(const qctx *q, uint32_t a, uint32_t b)
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
int
q_appositive_name(const qctx *q, src_type type, uint32_t a, uint32_t b, uint32_t limit,
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
		if (q_is_cap(q, b) && !q_role_head(q, a, b) && !q_is_role_noun(q, b))
			return 0;
		if (!q_is_cap(q, b + 2) || q_in(q, b + 2, LEX_DETERMINERS))
			return 0;
	}
	else if (type != SRC_NOMINAL)
		return 0;
	if (q_np_forward(q, b + 2, limit, &a2, &b2) != SRC_NAME)
		return 0;
	*first = a2;
	*last = b2;
	return 1;
}

/*
 * A time phrase opening a sentence at i, before a comma: "Hours later,",
 * "A few days ago,", "Shortly afterward,", "This morning,".  It reads like a
 * mention but the subject follows it when that is a name or a pronoun.  A
 * description is left alone: its mention runs on over the verb ("the
 * lawyers filed papers") and is no better a source.  Returns the token after
 * the comma, or i when there is none.
 */
static uint32_t
after_time_phrase(const qctx *q, uint32_t i, uint32_t tok)
{
	uint32_t	a,
				b;
	src_type	after;

	for (uint32_t j = i; j < tok && j - i < 4 && q_is_word(q, j); j++)
	{
		if (!q_is_punct(q, j + 1, ','))
			continue;
		if (q_word_in(q, j, NA_LEX_TIME_PHRASE_ENDS) &&
			(after = q_np_forward(q, j + 2, tok, &a, &b)) != SRC_NONE && after != SRC_NOMINAL)
			return j + 2;
		break;
	}
	return i;
}

/*
 * The subject of the sentence containing token tok (before tok): the first
 * mention after openers and an introductory phrase; "ROLE, NAME," gives NAME.
 */
src_type
q_sentence_subject(const qctx *q, uint32_t tok, uint32_t *first, uint32_t *last)
{
	const na_doc *doc = q->doc;
	const na_sentence *s = q_sentence_of(q, tok);
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
		if (i < tok && q_is_speech_cue(q, i))
			return q_np_forward(q, i + 1, tok, first, last);
	}
	while (i < tok && (q_in(q, i, LEX_SENTENCE_OPENERS) || q_is_punct(q, i, ',')))
		i++;
	i = after_time_phrase(q, i, tok);
	if (i < tok && (q_in(q, i, LEX_CLAUSE_PREPOSITIONS) || q_in(q, i, LEX_SUBORDINATORS) ||
					q_participial_opener(q, i)))
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
	type = q_np_forward(q, i, tok, &a, &b);
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
		(type2 = q_np_forward(q, comma + 1, tok, &a2, &b2)) == SRC_NAME &&
		(q_is_punct(q, b2 + 1, ',') || b2 + 1 == tok ||
		 (q_is(q, b2 + 1, "of") && q_is_cap(q, b2 + 2))) &&
		(type == SRC_NOMINAL || q_possessive(q, b) || q_possessive(q, a) ||
		 q_in(q, a, LEX_DETERMINERS) || q_is_role_noun(q, b) || q_role_head(q, a, b)))
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
 * "…, saying", "…, adding": a participle's subject is its clause's ("Nefzi
 * said, adding: …" is Nefzi's), or the sentence's.  SRC_NONE when the
 * participle has neither.
 */
static src_type
participle_subject(const qctx *q, uint32_t k, uint32_t floor, uint32_t *first, uint32_t *last)
{
	src_type	type;

	/* Nefzi said, adding: the subject of the verb just before */
	for (uint32_t v = k - 1; v > floor && k - v <= 8; v--)
	{
		if (q_is_quote_mark(q, v) || q_is_sentence_stop(q, v))
			break;
		if (q_is_speech_cue(q, v) && !q_is_participle(q, v) && !q_noun_like(q, v))
		{
			type = q_subject_before(q, v, floor, first, last);
			if (type != SRC_NONE)
				return type;
			break;
		}
	}
	type = q_sentence_subject(q, k, first, last);
	if (type != SRC_NONE)
		return type;
	return SRC_NONE;
}

/*
 * "I laughed and said": the subject of the first verb, a pronoun or a name
 * after a comma or at the sentence's start, before the "and" at j.
 */
static src_type
coordinated_subject(const qctx *q, uint32_t j, uint32_t floor, uint32_t *first, uint32_t *last)
{
	/* I laughed and said: the subject of the first verb */
	for (uint32_t m = j - 1; m > floor && j - m < 8; m--)
	{
		const na_token *t = &q->doc->tokens[m];

		if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV && t->kind != NA_TK_INITIAL)
			break;
		if ((q_is_pronoun(q, m) || q_is_cap(q, m)) &&
			(q_is_punct(q, m - 1, ',') || (t->flags & NA_TF_SENT_START) ||
			 (q_is_pronoun(q, m) && q_in(q, m - 1, LEX_CLAUSE_PREPOSITIONS))))
		{
			if (q_is_pronoun(q, m))
			{
				*first = *last = m;
				return SRC_PRONOUN;
			}
			return q_np_forward(q, m, j, first, last);
		}
	}
	return SRC_NONE;
}

/*
 * "X, the role of Y, said": with a comma at j just before the verb k, the
 * mention before the first comma, or the one between the commas, or the
 * sentence's subject.
 */
static src_type
appositive_subject(const qctx *q, uint32_t k, uint32_t j, uint32_t floor, uint32_t *first,
				   uint32_t *last)
{
	src_type	type;
	uint32_t	c = j;
	uint32_t	stop = j > APPOS_WINDOW ? j - APPOS_WINDOW : 0;

	/* X, the role of Y, said: the mention before the first comma */
	if (stop < floor)
		stop = floor;
	for (c = j - 1; c > stop; c--)
	{
		if (q_is_punct(q, c, ',') || q_is_sentence_stop(q, c) ||
			(q->doc->tokens[c].flags & NA_TF_SENT_START))
			break;
	}
	if (c > stop && q_is_punct(q, c, ','))
	{
		uint32_t	a2,
					b2;
		src_type	inner = q_np_forward(q, c + 1, j, &a2, &b2);

		type = q_np_backward(q, c - 1, floor, first, last);
		if (type == SRC_NAME && !q_possessive(q, *last) &&
			!q_in(q, *first, LEX_DETERMINERS) && !q_is_role_noun(q, *last) &&
			!q_possessive(q, *first) && !q_role_head(q, *first, *last))
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
	return q_sentence_subject(q, k, first, last);
}

/*
 * Is the mention [f, l] found before a verb a time phrase that stands
 * between the subject and the verb ("Lund on Thursday evening said", "the
 * board less than ten days ago said")?  Then *before is where to look for
 * the subject: past the words that open the phrase (on, less than).  A
 * phrase opened by none ends in "ago" (the board ten days ago said).
 */
static int
time_phrase_before_verb(const qctx *q, uint32_t f, uint32_t l, uint32_t floor, uint32_t *before)
{
	uint32_t	b = f;

	if (!(q_in(q, l, LEX_WEEKDAY_WORDS) || q_word_in(q, l, NA_LEX_TIME_PHRASE_ENDS)))
		return 0;
	while (b > floor + 1 && f - b < 3 && q_word_in(q, b - 1, NA_LEX_TIME_PHRASE_OPENERS))
		b--;
	if (b == f && !q_is(q, l, "ago"))
		return 0;
	if (b <= floor + 1)
		return 0;
	*before = b - 1;
	return 1;
}

/*
 * The mention found before a verb may be a preposition's object: "Stumpf
 * in a televised interview appeared to …" is Stumpf's (at most two such
 * phrases back), and "another source speaking to Fox News said" the
 * source's, not Fox News's.
 */
static src_type
subject_before_prepositions(const qctx *q, uint32_t floor, src_type type, uint32_t *first,
							uint32_t *last)
{
	uint32_t	time_end;

	/* Lund on Thursday evening said: the subject stands before the time */
	if ((type == SRC_NOMINAL || type == SRC_NAME) &&
		time_phrase_before_verb(q, *first, *last, floor, &time_end))
	{
		uint32_t	f2,
					l2;
		src_type	before = q_np_backward(q, time_end, floor, &f2, &l2);

		if (before != SRC_NONE && !time_phrase_before_verb(q, f2, l2, floor, &time_end))
		{
			*first = f2;
			*last = l2;
			type = before;
		}
	}
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
			src_type	before = q_np_backward(q, f - 2, floor, &f2, &l2);

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
	/* a 2014 study by Yale and the University of Oslo at Bergen found: the
	 * study (whose author its "by" names), not Bergen */
	if (type == SRC_NAME || type == SRC_NOMINAL)
	{
		for (uint32_t d = *first; d-- > floor + 1 && *first - d < 12;)
		{
			if (q_is(q, d, "by") && q_is_document_noun(q, d - 1))
			{
				uint32_t	f,
							l;

				if (q_np_backward(q, d - 1, floor, &f, &l) == SRC_NONE)
					f = d - 1;
				/* a 2014 study */
				if (f >= floor + 2 && q->doc->tokens[f - 1].kind == NA_TK_NUMBER &&
					q_in(q, f - 2, LEX_DETERMINERS))
					f -= 2;
				*first = f;
				*last = d - 1;
				return SRC_NOMINAL;
			}
			if (!q_is_cap(q, d) && !q_is(q, d, "and") && !q_is(q, d, "the") &&
				!q_is(q, d, "of") && !q_is(q, d, "at"))
				break;
		}
	}
	/* another source speaking to Fox News said: the source, not Fox News */
	if (type != SRC_NONE && type != SRC_PRONOUN && *first >= floor + 3 &&
		(q_in(q, *first - 1, LEX_TAIL_PREPOSITIONS) || q_is(q, *first - 1, "to")) &&
		(q_is_participle(q, *first - 2) || q_is(q, *first - 2, "speaking")))
	{
		uint32_t	f,
					l;
		src_type	outer = q_np_backward(q, *first - 3, floor, &f, &l);

		if (outer != SRC_NONE && outer != SRC_PRONOUN)
		{
			*first = f;
			*last = l;
			return outer;
		}
	}
	return type;
}

/*
 * Is the participle cue at k a progressive after a form of "be", past up to
 * two adverbs ("Berg is arguing", "the campaign is already claiming"), with
 * a word before the "be"?  Such a participle is the verb of its own clause,
 * whose subject comes before it, not a "…, saying" phrase.
 */
static int
progressive_be(const qctx *q, uint32_t k, uint32_t floor)
{
	uint32_t	m = k - 1;

	while (m > floor + 1 && k - m <= 2 && !q_in(q, m, LEX_PASSIVE_BE) &&
		   q_in(q, m, LEX_AUX_ADVERBS) && !q_is(q, m, "has") && !q_is(q, m, "had") &&
		   !q_is(q, m, "have"))
		m--;
	return m > floor && q_in(q, m, LEX_PASSIVE_BE) && q_is_word(q, m - 1) && !q_is(q, m - 1, "that");
}

/*
 * "…, though public records indicate …", "… as a number of writers
 * suggested …": the words between a clause opener (LEX_SUBORDINATORS, "and",
 * "but") and the verb's last word j are the subject of the clause that
 * opener begins, when they read as one phrase with no determiner or capital
 * to show it (a bare plural); not the sentence's subject before the opener.
 * SRC_NONE when no opener is within a phrase's length.
 */
static src_type
clause_opener_subject(const qctx *q, uint32_t j, uint32_t floor, uint32_t *first, uint32_t *last)
{
	for (uint32_t c = j; c > floor && j - c < NP_MAX; c--)
	{
		if (!q_is_word(q, c) || q->in_quote[c])
			return SRC_NONE;
		if (q_in(q, c, LEX_SUBORDINATORS) || q_is(q, c, "and") || q_is(q, c, "but") ||
			q_is(q, c, "as"))
		{
			uint32_t	f,
						l;

			if (c == j || q_np_forward(q, c + 1, j + 1, &f, &l) == SRC_NONE)
				return SRC_NONE;
			/* a number of writers / three-fourths of them: over the "of" */
			if (l + 2 <= j && q_is(q, l + 1, "of") &&
				q_np_forward(q, l + 2, j + 1, first, last) != SRC_NONE)
				l = *last;
			if (l != j)
				return SRC_NONE;
			*first = f;
			*last = l;
			return SRC_NOMINAL;
		}
	}
	return SRC_NONE;
}

/*
 * The source before a cue at token k (not before floor): X said, X has said,
 * X, the ambassador, said, X, who ..., said; "who" gives its antecedent.
 */
src_type
q_subject_before(const qctx *q, uint32_t k, uint32_t floor, uint32_t *first, uint32_t *last)
{
	uint32_t	j;
	src_type	type;

	if (k == 0 || k <= floor)
		return SRC_NONE;
	/* …, saying / calling / adding: the participle's subject is the clause's */
	if (q_is_participle(q, k) && k > 0 && !q_is_pronoun(q, k - 1) && !q_is_cap(q, k - 1) &&
		!progressive_be(q, k, floor))
	{
		/* with some polls indicating / with 30 percent saying: the phrase
		 * after "with" is the participle's own subject */
		type = q_np_backward(q, k - 1, floor, first, last);
		if (type != SRC_NONE && type != SRC_PRONOUN && *last == k - 1 && *first > floor &&
			q_is(q, *first - 1, "with"))
			return type;
		type = participle_subject(q, k, floor, first, last);
		if (type != SRC_NONE)
			return type;
	}
	j = q_skip_aux_backward(q, k - 1, floor);
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
	if ((q_is(q, j, "who") || q_is(q, j, "which")) && j >= 2 && q_is_punct(q, j - 1, ','))
	{
		/* X, who said: "who" is the source as written, X whom it names */
		type = q_np_backward(q, j - 2, floor, first, last);
		if (type == SRC_NONE)
			return SRC_NONE;
		*first = *last = j;
		return type == SRC_PRONOUN ? SRC_NAME : type;
	}
	/*
	 * islanders who feel …, the report which found …: a restrictive
	 * relative's "who" is the source as written (PolNeAR marks it, not
	 * the antecedent), as after a comma above
	 */
	if ((q_is(q, j, "who") || q_is(q, j, "which")) && j > floor + 1 && q_is_word(q, j - 1) &&
		!q_is_cap(q, j))
	{
		type = q_np_backward(q, j - 1, floor, first, last);
		*first = *last = j;
		return type == SRC_NAME ? SRC_NAME : SRC_NOMINAL;
	}
	if (q_is(q, j, "and") && j > floor)
	{
		type = coordinated_subject(q, j, floor, first, last);
		if (type != SRC_NONE)
			return type;
	}
	/* (a comma opening the text has nothing before it: ", said." ) */
	if (j > 0 && q_is_punct(q, j, ','))
		return appositive_subject(q, k, j, floor, first, last);
	type = q_np_backward(q, j, floor, first, last);
	if (type == SRC_NONE && !q_is_quote_mark(q, j))
	{
		type = clause_opener_subject(q, j, floor, first, last);
		if (type != SRC_NONE)
			return type;
		return q_sentence_subject(q, k, first, last);
	}
	return subject_before_prepositions(q, floor, type, first, last);
}

/* ---- attribution ---- */

/*
 * The end of the paragraph holding token i (exclusive), at most
 * 2 SENTENCE_WINDOW tokens on.  The start of the next paragraph that
 * q_token_events listed is the answer when the tokens around it say so
 * (the list is numbered as the paragraphs are); the binary search, whose
 * steps were a coin toss for the branch predictor (51,000 mispredicted
 * over BBC), is left for the case they do not.
 */
static uint32_t
paragraph_end(const qctx *q, uint32_t i)
{
	const na_doc *doc = q->doc;
	uint32_t	p = doc->tokens[i].paragraph;
	uint32_t	limit = i + SENTENCE_WINDOW * 2;
	uint32_t	lo = i;

	if (limit > doc->ntokens)
		limit = doc->ntokens;
	if (p < q->events.nparas)
	{
		uint32_t	end = q->events.paras[p + 1].token;

		if (end > limit)
			end = limit;
		if (end > i && doc->tokens[end - 1].paragraph == p &&
			(end == limit || doc->tokens[end].paragraph > p))
			return end;
	}
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
		if (q_is_sentence_stop(q, i))
			return 1;
		if (q->doc->tokens[i].kind == NA_TK_PUNCT || q_is_quote_mark(q, i))
			return 0;
	}
	return k + 1 >= end;
}

/*
 * "according to X" at k (q_according_at): the source is the mention after
 * the phrase, before end, and the phrase is the cue.  Returns 1 with a
 * filled, 0 when no mention follows (the quote keeps no source from here).
 * One function for the three places a quote meets the phrase.
 */
static int
according_to_source(const qctx *q, uint32_t k, uint32_t end, float confidence, q_attr *a)
{
	uint32_t	n = q_according_at(q, k);
	uint32_t	sf,
				sl;
	src_type	type = q_np_forward(q, k + n, end, &sf, &sl);

	if (type == SRC_NONE)
		return 0;
	q_set_attr(a, type, sf, sl, k, k + n - 1, NA_QA_ACCORDING_TO, confidence);
	return 1;
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
	type = q_np_forward(q, j + 1, end, &sf, &sl);
	if (type != SRC_NAME)
		return 0;
	q_set_attr(a, type, sf, sl, 0, 0, NA_QA_NAME, 0.75f);
	return 1;
}

/*
 * “…,” X and Y said: the mention after the "and" at m is a second source
 * of the same words, and the cue comes after it.  The row has one speaker,
 * so it keeps the first of two people (Ann Lee and Bo Park wrote); a role
 * joined to a role is one person's description (the senator and candidate
 * told), so *last runs on over it.  Returns the token after the second
 * mention, or m when none follows.
 */
static uint32_t
joined_source(const qctx *q, uint32_t m, uint32_t end, uint32_t *last)
{
	uint32_t	f2,
				l2;
	src_type	second = q_np_forward(q, m + 1, end, &f2, &l2);

	if (second != SRC_NAME && second != SRC_NOMINAL)
		return m;
	if (!q_is_cap(q, l2))
		*last = l2;				/* ends in a role noun, not a name */
	return q_skip_parenthesis(q, l2 + 1, end);
}

/* “…,” X said / said X / according to X / X, the role, said */
int
q_attr_after(const qctx *q, const q_raw *r, q_attr *a)
{
	uint32_t	j = r->close + 1;
	uint32_t	end;
	uint32_t	sf,
				sl;
	src_type	type;
	int			new_sentence;

	if (r->close == QNONE || j >= q->doc->ntokens)
		return 0;
	if (!q_same_paragraph(q, r->close, j))
		return attr_byline_paragraph(q, j, a);
	end = paragraph_end(q, j);
	if (q->doc->tokens[j].kind == NA_TK_DASH && j + 1 < end)
	{
		/* “…” ― Jane Doe: a byline under the quote */
		uint32_t	e;

		type = q_np_forward(q, j + 1, end, &sf, &sl);
		e = q_skip_parenthesis(q, sl + 1, end);
		if (type == SRC_NAME && (e >= end || q_is_sentence_stop(q, e) || q_is_punct(q, e, ',')))
		{
			q_set_attr(a, type, sf, sl, 0, 0, NA_QA_NAME, 0.85f);
			return 1;
		}
	}
	/* “… page.” Britain's ambassador said: “…” begins a new statement, but
	 * “… soon.” Trump said. is the attribution of the quote before it */
	new_sentence = (q->doc->tokens[j].flags & NA_TF_SENT_START) && !q_is_speech_cue(q, j) &&
		(q_is_punct(q, r->last, '.') || q->doc->tokens[r->last].kind == NA_TK_ELLIPSIS ||
		 q_is_punct(q, j - 1, '.'));
	end = paragraph_end(q, j);
	if (q_is_punct(q, j, ',') || q->doc->tokens[j].kind == NA_TK_DASH)
		j++;
	if (j >= end)
		return 0;
	if (!new_sentence && q_according_at(q, j))
		return according_to_source(q, j, end, 0.9f, a);
	if (!new_sentence && q_is_speech_cue(q, j) && q_is_participle(q, j) &&
		q_sentence_of(q, j) != NULL)
	{
		/*
		 * praised the vote as “historic,” telling reporters …: the mention
		 * after a participle is whom it tells.  The speaker is the one of a
		 * cue before the quote (videos he calls “…,” pointing to …), or else
		 * the participle's subject, earlier in the sentence.
		 */
		if (q_attr_before(q, r, a) || q_attr_in_sentence_before(q, r, a))
			return 1;
		type = participle_subject(q, j, q_sentence_of(q, j)->first_token, &sf, &sl);
		if (type == SRC_NONE || (type == SRC_PRONOUN && q_in(q, sf, LEX_PRONOUNS_OTHER)))
			return 0;
		q_set_attr(a, type, sf, sl, j, j, NA_QA_NONE, type == SRC_PRONOUN ? 0.8f : 0.85f);
		return 1;
	}
	if (q_is_speech_cue(q, j) || (q_perfect_aux(q, j) && q_is_speech_cue(q, j + 1)))
	{
		uint32_t	cue_first = j;
		uint32_t	k;

		if (!q_is_speech_cue(q, j))
			j++;				/* », a déclaré la maire */
		k = j + 1;
		while (k < end && k - j < 4 && q_in(q, k, LEX_WEEKDAY_WORDS))
			k++;
		if (q_is(q, k, "that") || q_is(q, k, "this") || q_is(q, k, "it"))
			return 0;
		type = q_np_forward(q, k, end, &sf, &sl);
		/* said the French ambassador, Marc Lavigne, */
		if (type != SRC_NONE && type != SRC_PRONOUN &&
			q_appositive_name(q, type, sf, sl, end, &sf, &sl))
			type = SRC_NAME;
		if (type != SRC_NONE && type != SRC_PRONOUN)
		{
			q_set_attr(a, type, sf, sl, cue_first, j, NA_QA_NONE, 0.95f);
			return 1;
		}
		if (type == SRC_PRONOUN && !q_in(q, sf, LEX_PRONOUNS_OTHER))
		{
			q_set_attr(a, type, sf, sl, cue_first, j, NA_QA_NONE, 0.85f);
			return 1;
		}
		return 0;
	}
	type = q_np_forward(q, j, end, &sf, &sl);
	if (type != SRC_NONE)
	{
		uint32_t	m = q_skip_parenthesis(q, sl + 1, end);

		if (type != SRC_PRONOUN && q_is(q, m, "and"))
			m = joined_source(q, m, end, &sl);
		/* Mr. Morgan of the Sierra Club said / a narrator in the ad asks */
		if (q_in(q, m, LEX_TAIL_PREPOSITIONS))
		{
			uint32_t	c = m + 1;

			while (c < end && c - m < 7 && (q_is_word(q, c) || q->doc->tokens[c].kind == NA_TK_ABBREV) &&
				   !q_is_any_cue(q, c))
				c++;
			if (c < end && q_is_speech_cue(q, c))
				m = c;
		}
		m = skip_aux_forward(q, m, end);

		/*
		 * X, the role, said / X, who ..., said / X, the role, one of …, said /
		 * X, 41, of Dayton, Ohio, who …, said: the cue follows the last of
		 * up to four appositions, each closed by a comma
		 */
		for (int appositions = 0; appositions < 4 && q_is_punct(q, m, ','); appositions++)
		{
			uint32_t	c;

			for (c = m + 1; c < end && c - m < APPOS_WINDOW; c++)
			{
				if (q_is_punct(q, c, ',') || q_is_sentence_stop(q, c) || q_is_quote_mark(q, c))
					break;
			}
			if (c < end && q_is_punct(q, c, ','))
			{
				m = skip_aux_forward(q, c + 1, end);
				if (!q_is_any_cue(q, m))
					m = c;		/* another apposition opens at this comma */
			}
			else
				break;
		}
		if (m < end && q_is_any_cue(q, m) && (!new_sentence || ends_sentence(q, m, end)))
		{
			/* Britain's ambassador, Matthew Rycroft, said */
			if (q_appositive_name(q, type, sf, sl, end, &sf, &sl))
				type = SRC_NAME;
			q_set_attr(a, type, sf, sl, m, m, NA_QA_NONE,
					 type == SRC_PRONOUN ? 0.85f : 0.95f);
			return 1;
		}
	}
	return 0;
}

/* X said: “…” / X told reporters “…” / X said that “…” */
int
q_attr_before(const qctx *q, const q_raw *r, q_attr *a)
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
	if (!q_same_paragraph(q, j, r->open) && !q_is_punct(q, j, ':'))
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
		if (q_is_quote_mark(q, k) || q_is_sentence_stop(q, k) ||
			(k < j && doc->tokens[k].kind == NA_TK_PUNCT && !q_is_punct(q, k, '(') &&
			 !q_is_punct(q, k, ')')))
			return 0;
		if ((q_is_speech_cue(q, k) || (colon && q_is_any_cue(q, k))) && !q_noun_like(q, k))
			break;
		if (doc->tokens[k].flags & (NA_TF_SENT_START | NA_TF_PARA_START))
			return 0;
	}
	if (k == QNONE || j - k >= CUE_WINDOW)
		return 0;
	if ((q_is(q, k, "to") && k > 0 && q_is(q, k - 1, "according")) || q_in(q, k, LEX_ACCORDING))
		return 0;
	type = q_subject_before(q, k, 0, &sf, &sl);
	if (type == SRC_NONE && k < j && !q_is(q, k, "told"))
		type = q_np_forward(q, k + 1, j + 1, &sf, &sl);	/* said Trump: “…” */
	if (type == SRC_NONE)
	{
		/* Trump said …, before adding: “…” — the cue's subject spoke last */
		a->type = SRC_NONE;
		a->cue_first = a->cue_last = k;
		a->how = NA_QA_CONTINUATION;
		return 0;
	}
	q_set_attr(a, type, sf, sl, k, k, colon ? NA_QA_COLON : NA_QA_NONE,
			 type == SRC_PRONOUN ? 0.85f : 0.9f);
	if (!colon && q_sentence_of(q, k) != NULL && sf < k)
		outer_attribution(q, q_sentence_of(q, k)->first_token, sf, a);
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
		if (q_is_quote_mark(q, k) || q_is_punct(q, k, ';'))
			return;
		/* “…?” she said, but Kevin dozed, and as Trump went on about “…”:
		 * a clause of its own after a comma and a conjunction is no report's */
		if (q_is_punct(q, k, ',') &&
			q_in(q, k + 1, LEX_CLAUSE_CONJUNCTIONS))
			return;
		if (!(q_is(q, k, "said") || q_is(q, k, "says") || q_is(q, k, "told") ||
			  q_is(q, k, "tells")) || q_noun_like(q, k))
			continue;
		type = q_subject_before(q, k, s_first, &sf, &sl);
		if (type == SRC_NONE)
			return;
		q_set_attr(a, type, sf, sl, k, k, NA_QA_NONE, 0.75f);
		return;
	}
}

/* A cue earlier in the quote's sentence: X called the attacks “barbaric” */
int
q_attr_in_sentence_before(const qctx *q, const q_raw *r, q_attr *a)
{
	uint32_t	o = r->open;
	uint32_t	s_first;
	uint32_t	sf,
				sl;
	src_type	type;

	if (o == QNONE || o == 0)
		return 0;
	if (q_sentence_of(q, o) == NULL)
		return 0;
	s_first = q_sentence_of(q, o)->first_token;
	for (uint32_t k = o - 1; k != QNONE && k >= s_first && o - k < SENTENCE_WINDOW; k--)
	{
		/* Pour Bernard Lemaire, chef du groupe, « … »: the opinion of X */
		if (k == s_first && (q_is(q, k, "pour") || q_is(q, k, "para")) && q_is_cap(q, k + 1) &&
			q_np_forward(q, k + 1, o, &sf, &sl) == SRC_NAME)
		{
			q_set_attr(a, SRC_NAME, sf, sl, k, k, NA_QA_ACCORDING_TO, 0.7f);
			return 1;
		}
		if (q_according_at(q, k))
			return according_to_source(q, k, o, 0.8f, a);
		if (k > 0 && q_in(q, k, LEX_SPEECH_NOUNS) && q_possessive(q, k - 1) && q_is_cap(q, k - 1) &&
			(q_is(q, k + 1, "that") || q_is_punct(q, k + 1, ':')))
		{
			/* Trump’s claim that there were “thousands of shootings” */
			uint32_t	b = k - 1;
			uint32_t	f = b;

			while (f > s_first && b - f < 4 && q_is_cap(q, f - 1) && !q_possessive(q, f - 1))
				f--;
			q_set_attr(a, SRC_NAME, f, b, k, k, NA_QA_NAME, 0.7f);
			return 1;
		}
		if (q_is_any_cue(q, k) && !(k > 0 && q_is(q, k - 1, "so")) && !q_noun_like(q, k))
		{
			type = q_subject_before(q, k, s_first, &sf, &sl);
			if (type == SRC_NONE)
				type = q_sentence_subject(q, k, &sf, &sl);
			if (type == SRC_NONE)
				return 0;
			q_set_attr(a, type, sf, sl, k, k, type == SRC_PRONOUN ? NA_QA_PRONOUN :
					 NA_QA_SUBJECT, 0.75f);
			outer_attribution(q, s_first, sf, a);
			return 1;
		}
		if (k == 0)
			break;
	}
	return 0;
}

/*
 * "as X put it" / "as X said" at token i: the source of a quote next to the
 * clause (“…,” as the memo put it / as he puts it, “…”).  Returns 1 with a
 * filled.
 */
static int
as_clause_at(const qctx *q, uint32_t i, uint32_t end, q_attr *a)
{
	uint32_t	sf,
				sl,
				m;
	src_type	type;

	if (!q_is(q, i, "as"))
		return 0;
	type = q_np_forward(q, i + 1, end, &sf, &sl);
	if (type == SRC_NONE || (type == SRC_PRONOUN && q_in(q, sf, LEX_PRONOUNS_OTHER)))
		return 0;
	/* the mention may run on over the verb (the mayor put it): the verb
	 * ends it */
	for (m = sf + 1; m <= sl + 1 && m < end; m++)
	{
		uint32_t	v = skip_aux_forward(q, m, end);

		if (v < end && (q_is_speech_cue(q, v) ||
						(q_word_in(q, v, NA_LEX_AS_SOURCE_VERBS) && q_is(q, v + 1, "it"))))
		{
			q_set_attr(a, type, sf, m - 1, v, v, NA_QA_NONE, 0.8f);
			return 1;
		}
	}
	/*
	 * as Tom Reyes of the Valley Post observed, …: past the mention's tail,
	 * to a cue that closes the clause ("as examples of his comments about
	 * women" has a noun there, and goes on)
	 */
	if (q_in(q, sl + 1, LEX_TAIL_PREPOSITIONS))
	{
		for (m = sl + 2; m < end && m - sl < 8 && q_is_word(q, m); m++)
			if (q_is_speech_cue(q, m) && (m + 1 == end || q_is_punct(q, m + 1, ',')))
			{
				q_set_attr(a, type, sf, sl, m, m, NA_QA_NONE, 0.8f);
				return 1;
			}
	}
	return 0;
}

/*
 * A quote worded by the source of an "as" clause right before or after it
 * in its sentence: “…,” as a memo put it / as he puts it, “…” / the race
 * is “…,” as Cruz said on Monday / the fund is, as one memo put it, a “…”.
 */
int
q_attr_as_clause(const qctx *q, const q_raw *r, q_attr *a)
{
	const na_sentence *s;
	uint32_t	s_first,
				s_end;

	if (r->open == QNONE || r->close == QNONE)
		return 0;
	s = q_sentence_of(q, r->open);
	if (s == NULL)
		return 0;
	s_first = s->first_token;
	s_end = s->first_token + s->ntokens;
	/* after: “…,” as X put it (a comma may stand on either side of the mark) */
	for (uint32_t k = r->close + 1; k < s_end && k - r->close <= 2; k++)
	{
		if (as_clause_at(q, k, s_end, a))
			return 1;
		if (!q_is_punct(q, k, ','))
			break;
	}
	/* before: as X put it, “…” / as X put it, a “…”: the clause closes with
	 * a comma at most two words before the opening mark */
	for (uint32_t c = r->open; c > s_first && r->open - c <= 3; c--)
	{
		if (!q_is_punct(q, c - 1, ','))
			continue;
		for (uint32_t k = c - 1; k > s_first && c - k <= 8; k--)
		{
			if (q_is_quote_mark(q, k - 1) || q_is_punct(q, k - 1, ';'))
				break;
			if (q_is(q, k - 1, "as"))
				return as_clause_at(q, k - 1, c - 1, a);
		}
		break;
	}
	return 0;
}

/* A cue later in the quote's sentence: “…” in the debate, Trump said. */
int
q_attr_in_sentence_after(const qctx *q, const q_raw *r, q_attr *a)
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
	s = q_sentence_of(q, c);
	if (s == NULL)
		return 0;
	s_end = s->first_token + s->ntokens;
	for (uint32_t k = c + 1; k < s_end && k - c < SENTENCE_WINDOW / 3; k++)
	{
		if (q_is_quote_mark(q, k))
			return 0;
		if (q_is_punct(q, k - 1, ',') && q_according_at(q, k))
			return according_to_source(q, k, s_end, 0.8f, a);
		if (q_is_speech_cue(q, k))
		{
			uint32_t	e = s_end;

			/* only a clause of its own: “…” at a rally, X said. */
			type = q_np_backward(q, q_skip_aux_backward(q, k - 1, c + 1), c + 1, &sf, &sl);
			if (type != SRC_NONE && sf > c + 1 && !q_is_punct(q, sf - 1, ','))
				return 0;
			if (type == SRC_NONE)
			{
				if (!q_is_punct(q, k - 1, ','))
					return 0;
				type = q_np_forward(q, k + 1, e, &sf, &sl);
			}
			if (type == SRC_NONE)
				return 0;
			q_set_attr(a, type, sf, sl, k, k, NA_QA_NONE, 0.7f);
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
int
q_nickname_in_name(const qctx *q, const q_raw *r)
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
int
q_is_embedded(const qctx *q, const q_raw *r)
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

/*
 * As Jane Roe reported after the hearing: “…” / …, as the party's website
 * notes: “…”: an "as" clause opening the sentence, or after one of its
 * commas, names whom the quote after the colon comes from.
 */
static int
as_clause_before_colon(const qctx *q, uint32_t colon, q_attr *a)
{
	const na_sentence *s = q_sentence_of(q, colon);

	if (s == NULL)
		return 0;
	for (uint32_t k = s->first_token; k < colon && k - s->first_token < SENTENCE_WINDOW; k++)
	{
		if (q_is_quote_mark(q, k))
			return 0;
		if ((k == s->first_token || q_is_punct(q, k - 1, ',')) && as_clause_at(q, k, colon, a))
		{
			a->how = NA_QA_COLON;
			a->confidence = 0.7f;
			return 1;
		}
	}
	return 0;
}

/* A transcript line: “PENCE: Well, look, …” */
int
q_attr_transcript(const qctx *q, const q_raw *r, q_attr *a)
{
	const na_token *t = &q->doc->tokens[r->first];
	uint32_t	k = r->first;

	if (!(t->flags & NA_TF_ALLCAPS) || t->kind != NA_TK_WORD)
		return 0;
	while (k < r->last && k - r->first < 3 && (q->doc->tokens[k + 1].flags & NA_TF_ALLCAPS))
		k++;
	if (!q_is_punct(q, k + 1, ':'))
		return 0;
	q_set_attr(a, SRC_NAME, r->first, k, 0, 0, NA_QA_NAME, 0.8f);
	return 1;
}

/* X demurred: “…” — a colon hands the quote to the sentence's subject */
int
q_attr_colon(const qctx *q, const q_raw *r, q_attr *a)
{
	uint32_t	sf,
				sl;
	src_type	type;

	if (r->open == QNONE || r->open == 0 || !q_is_punct(q, r->open - 1, ':'))
		return 0;
	if (as_clause_before_colon(q, r->open - 1, a))
		return 1;
	/* - Carl Bialik: “…” / Republican pollster Daron Shaw: “…” */
	if (r->open >= 2 && q_np_backward(q, r->open - 2, 0, &sf, &sl) == SRC_NAME &&
		q_mention_ending_in(q, sf, sl) != QNONE && !(q->in_quote[sl] & 1))
	{
		q_set_attr(a, SRC_NAME, sf, sl, 0, 0, NA_QA_COLON, 0.6f);
		return 1;
	}
	type = q_sentence_subject(q, r->open - 1, &sf, &sl);
	if (type == SRC_NONE)
		return 0;
	q_set_attr(a, type, sf, sl, r->open - 1, r->open - 1, NA_QA_COLON, 0.6f);
	return 1;
}

/*
 * “…” opening a sentence right after “…, Schiff said.” in the same
 * paragraph: the speaker of that sentence goes on.
 */
int
q_attr_previous_sentence(const qctx *q, const q_raw *r, q_attr *a)
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
	if (q_sentence_of(q, r->open) == NULL || doc->tokens[r->open].sentence == 0)
		return 0;
	s = &doc->sentences[doc->tokens[r->open].sentence - 1];
	end = s->first_token + s->ntokens;
	/* a sentence with a quote of its own hands over by continuation */
	for (uint32_t k = s->first_token; k < end; k++)
		if (q_is_quote_mark(q, k) || (q->in_quote[k] & 1))
			return 0;
	/* the last few words of that sentence: …, Schiff said. / …, said Schiff. */
	for (uint32_t k = end; k-- > s->first_token && end - k <= 6;)
	{
		if (q_is_quote_mark(q, k))
			return 0;
		if (!q_is_speech_cue(q, k) || q_noun_like(q, k))
			continue;
		type = q_subject_before(q, k, s->first_token, &sf, &sl);
		if (type == SRC_NONE)
			type = q_np_forward(q, k + 1, end, &sf, &sl);
		if (type == SRC_NONE || q_in(q, sf, LEX_PRONOUNS_OTHER))
			return 0;
		q_set_attr(a, type, sf, sl, k, k, NA_QA_CONTINUATION, 0.6f);
		return 1;
	}
	/*
	 * Carter said that …¶“That’s because …” / Coan, Santilli's attorney,
	 * argues that …  “…”: the opening words of that sentence, an
	 * apposition included
	 */
	for (uint32_t k = s->first_token + 1; k < end && k - s->first_token <= 12; k++)
	{
		if (doc->tokens[k].kind == NA_TK_PUNCT && !q_is_punct(q, k, ','))
			break;
		if (!q_is_speech_cue(q, k) || q_noun_like(q, k) || q_is_participle(q, k))
			continue;
		type = q_subject_before(q, k, s->first_token, &sf, &sl);
		if (type == SRC_NONE || type == SRC_NOMINAL || q_in(q, sf, LEX_PRONOUNS_OTHER))
			return 0;
		q_set_attr(a, type, sf, sl, k, k, NA_QA_CONTINUATION, 0.5f);
		return 1;
	}
	return 0;
}
