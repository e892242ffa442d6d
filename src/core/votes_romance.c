/*
 * votes_romance.c - a chamber's decision by vote told in French or Spanish:
 * "Le conseil municipal a adopté le plan par 31 voix contre 12", "El
 * Parlamento aprobó la ley por 41 votos a favor y 38 en contra".  The
 * English rules read subjects, auxiliaries and motions by English words;
 * these sentences have one shape of their own (a body, its decision verb,
 * the motion, the tally), read here from three word lists:
 * data/lexicon/vote_romance_words.tsv (the tally's words, determiners,
 * negations), vote_romance_decisions.tsv (the verbs, with the codebook's
 * action) and vote_romance_bodies.tsv (the chambers' nouns).
 */
#include "votes_internal.h"

/* The role of the word or phrase at token k in vote_romance_words.tsv, and its length in tokens. */
static const char *
romance_role(vctx *c, uint32_t k, uint32_t s, uint32_t *n)
{
	int32_t		row;

	if (!in_sentence(c, k, s) || T(c, k)->kind != NA_TK_WORD)
		return NULL;
	row = na_lex_longest(NA_LEX_VOTE_ROMANCE_WORDS, c->doc, k, n);
	if (row < 0 || !in_sentence(c, k + *n - 1, s))
		return NULL;
	return na_lex_attr(NA_LEX_VOTE_ROMANCE_WORDS, (uint32_t) row, NA_LEX_VOTE_ROMANCE_WORDS_ROLE);
}

/* Does token k have the role in vote_romance_words.tsv?  Sets *n to its length in tokens. */
static int
has_romance_role(vctx *c, uint32_t k, uint32_t s, const char *role, uint32_t *n)
{
	const char *r = romance_role(c, k, s, n);

	return r != NULL && strcmp(r, role) == 0;
}

/*
 * A French or Spanish tally at the number k: "31 voix contre 12", "41
 * votos a favor y 38 en contra", "41 votos contra 38", "12 voix pour et 3
 * contre".  The noun of votes must follow the first count: a number alone
 * is not a tally.  Fills t and returns the token after the tally, or 0.
 */
uint32_t
romance_tally_at(vctx *c, uint32_t k, tally *t)
{
	uint32_t	s = T(c, k)->sentence;
	int32_t		a = number_at(c, k);
	int32_t		b;
	uint32_t	j = k + 1;
	uint32_t	n;

	if (a < 0 || !has_romance_role(c, j, s, "noun", &n))
		return 0;
	j += n;
	if (has_romance_role(c, j, s, "for", &n))
		j += n;
	if (has_romance_role(c, j, s, "against", &n))
	{
		/* "31 voix contre 12" */
		j += n;
		if ((b = number_at(c, j)) < 0 || !in_sentence(c, j, s))
			return 0;
		j++;
	}
	else if (has_romance_role(c, j, s, "and", &n) || is_punct(c, j, ','))
	{
		/* "41 votos a favor y 38 en contra": the second count says its side after it */
		j += is_punct(c, j, ',') ? 1 : n;
		if ((b = number_at(c, j)) < 0 || !in_sentence(c, j, s))
			return 0;
		j++;
		if (has_romance_role(c, j, s, "noun", &n))
			j += n;
		if (!has_romance_role(c, j, s, "against", &n))
			return 0;
		j += n;
	}
	else
		return 0;
	t->votes_for = a;
	t->votes_against = b;
	t->found = 1;
	return j;
}

/*
 * The tally's "par"/"por" and its first count in sentence st: the token of
 * "par", or 0 when the sentence has no French or Spanish tally.
 */
static uint32_t
romance_tally_start(vctx *c, sent_state *st, uint32_t *tally_end)
{
	for (uint32_t k = st->first + 1; k < st->end; k++)
	{
		tally		t;
		uint32_t	n;

		if (T(c, k)->kind != NA_TK_NUMBER && T(c, k)->kind != NA_TK_WORD)
			continue;
		memset(&t, 0, sizeof(t));
		if (has_romance_role(c, k - 1, st->s, "by", &n) && (*tally_end = romance_tally_at(c, k, &t)) != 0)
			return k - 1;
	}
	return 0;
}

/*
 * The decision the French or Spanish tally of sentence st counts: the
 * chamber before the verb (a noun of vote_romance_bodies.tsv and the
 * lower-case words after it, "conseil municipal", "Parlamento regional"),
 * the verb of vote_romance_decisions.tsv, and the motion from the first
 * determiner after the verb to "par"/"por".  One row, the body's decision,
 * with the outcome its verb says (negated after "pas"/"no"); the tally
 * joins its event as every tally does.  Returns 1 when it gave a row.
 */
int
romance_decision(vctx *c, sent_state *st)
{
	uint32_t	tally_end = 0;
	uint32_t	by = romance_tally_start(c, st, &tally_end);
	uint32_t	verb = 0;
	uint32_t	body = 0;
	uint32_t	body_end;
	uint32_t	motion = 0;
	const char *action;
	int32_t		row = -1;
	int			negated = 0;
	actor_ref	actor;
	position	p;
	uint32_t	n;

	if (!by)
		return 0;
	for (uint32_t k = st->first; k < by && !verb; k++)
		if ((row = na_lex_lookup(NA_LEX_VOTE_ROMANCE_DECISIONS, c->doc->text + T(c, k)->start,
								 T(c, k)->len)) >= 0)
			verb = k + 1;
	if (!verb)
		return 0;
	verb--;
	for (uint32_t k = st->first; k < verb && !body; k++)
		if (in_lex(c, k, NA_LEX_VOTE_ROMANCE_BODIES))
			body = k + 1;
	if (!body)
		return 0;
	body--;
	/* "conseil municipal", "Parlamento regional": the body's own adjectives, up to "de", "a", the verb */
	for (body_end = body + 1; body_end < verb && T(c, body_end)->kind == NA_TK_WORD &&
		 !is_capitalized(c, body_end) && T(c, body_end)->len >= 4; body_end++)
		;
	for (uint32_t k = body_end; k < verb; k++)
		if (has_romance_role(c, k, st->s, "neg", &n))
			negated = 1;
	/* the motion opens at a determiner, not at a day's ("el jueves la nueva ley") */
	for (uint32_t k = verb + 1; k < by && !motion; k++)
		if (has_romance_role(c, k, st->s, "det", &n) && !has_romance_role(c, k + 1, st->s, "time", &n))
			motion = k + 1;
	action = na_lex_attr(NA_LEX_VOTE_ROMANCE_DECISIONS, (uint32_t) row, NA_LEX_VOTE_ROMANCE_DECISIONS_ACTION);
	memset(&actor, 0, sizeof(actor));
	actor.first = body > st->first && has_romance_role(c, body - 1, st->s, "det", &n) ? body - 1 : body;
	actor.end = body_end;
	actor.name_first = body;
	actor.name_end = body_end;
	actor.kind = NA_VK_BODY;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	/* p.verb stays 0: the action is the list's, not the English verb's (codebook_action) */
	p.modality = negated ? NA_VM_NEGATED : NA_VM_ASSERTED;
	if (strcmp(action, "reject") == 0)
	{
		p.action = NA_VA_REJECT;
		p.outcome = NA_VO_REJECTED;
	}
	else
	{
		p.action = strcmp(action, "adopt") == 0 ? NA_VA_ADOPT : NA_VA_APPROVE;
		p.outcome = NA_VO_ADOPTED;
	}
	if (negated)
		p.outcome = NA_VO_NONE;
	if (motion)
	{
		p.motion_first = motion - 1;
		p.motion_end = by;
		p.motion_head = by - 1;
	}
	p.ev_first = actor.first;
	p.ev_end = tally_end;
	emit_positions(c, st, &p, &actor, 1);
	return 1;
}
