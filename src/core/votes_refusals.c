/*
 * votes_refusals.c - the refusal rules of a vote verb: readings of a trigger
 * word that are no vote, as a table that verb_trigger (votes_triggers.c)
 * runs before any work on actors and motions.
 */
#include "votes_internal.h"

/*
 * Does the sentence speak of setting interest rates ("interest rates", "a
 * quarter point rise", "rate cut")?  Central banks' committees vote, but
 * the codebook leaves them out.
 */
static int
rate_words_in(vctx *c, const sent_state *st)
{
	for (uint32_t k = st->first + 1; k < st->end; k++)
		if (((is_word(c, k, "rate") || is_word(c, k, "rates")) &&
			 (is_word(c, k - 1, "interest") || is_word(c, k + 1, "rise") || is_word(c, k + 1, "cut") ||
			  is_word(c, k + 1, "hike") || is_word(c, k + 1, "increase"))) ||
			((is_word(c, k, "rise") || is_word(c, k, "cut") || is_word(c, k, "hike")) &&
			 is_word(c, k - 1, "point")))
			return 1;
	return 0;
}

/* rate_words_in, once a sentence (see rate_state) */
static int
rate_setting_sentence(vctx *c, sent_state *st)
{
	if (st->rate_state == 0)
		st->rate_state = 1 + rate_words_in(c, st);
	return st->rate_state == 2;
}

/*
 * The refusals of a vote verb: readings of a trigger word that are no vote
 * (a participle used as an adjective, a gerund used as a noun, a phrasal
 * verb, an interest-rate committee).  Each rule looks at the trigger v of
 * class cls in its sentence and returns 1 to refuse it; verb_trigger runs
 * them in order before any work on actors and motions, as PostgreSQL's text
 * search parser runs its action tables: a reader adds a refusal as a row
 * here, not as another branch of verb_trigger.
 */
typedef int (*trigger_refusal_fn) (vctx *c, sent_state *st, uint32_t v, const trigger_word *tw);

/* a base form or gerund is never passive: without an object, no row */
static int
refuse_no_object(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	int			cls = tw->cls;

	return cls != W_VOTE && cls != W_ABSTAIN && cls != W_VETO && !(tw->form & WF_PARTICIPLE) &&
		!active_object_possible(c, st, v, cls);
}

/* "the proposed deal", "a backed loan": a participle used as an adjective */
static int
refuse_adjectival_participle(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	return (tw->form & WF_PARTICIPLE) && v > st->first &&
		(in_list(c, v - 1, participle_determiners) || is_possessive(c, v - 1));
}

/* "roll back", "bring back": a base-form trigger needs an auxiliary or its subject before it */
static int
refuse_base_form_without_subject(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	actor_ref	subject;

	if (!(!(tw->form & (WF_PARTICIPLE | WF_GERUND)) && v > st->first && T(c, v - 1)->kind == NA_TK_WORD &&
		  !(T(c, v - 1)->flags & NA_TF_CAPITALIZED) && !in_list(c, v - 1, aux_words) &&
		  !in_list(c, v - 1, base_form_openers) &&
		  /* "said she'll vote", "they'd oppose": a pronoun with its modal */
		  !modal_contraction(c, v - 1)))
		return 0;
	return !actor_ending_at(c, v - 1, st->first, &subject);
}

/* "backed away from", "backed off", "backed down" */
static int
refuse_phrasal_backing(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	(void) st;
	return tw->cls == W_SUPPORT && (is_word(c, v + 1, "away") || is_word(c, v + 1, "off") ||
									is_word(c, v + 1, "down") || is_word(c, v + 1, "out"));
}

/* "information about voting", "in voting for": a gerund after a preposition is a noun */
static int
refuse_gerund_after_preposition(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	return (tw->form & WF_GERUND) && v > st->first && in_list(c, v - 1, gerund_prepositions);
}

/* "voting" as a noun: "states voting", "the run-up to the voting" */
static int
refuse_voting_as_noun(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	(void) st;
	return tw->cls == W_VOTE && (tw->form & WF_GERUND) &&
		!(is_word(c, v + 1, "for") || is_word(c, v + 1, "against") || is_word(c, v + 1, "to") ||
		  (is_word(c, v + 1, "in") && (is_word(c, v + 2, "favour") || is_word(c, v + 2, "favor"))));
}

/* the codebook: a committee that sets interest rates votes on no motion */
static int
refuse_rate_setting(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	int			cls = tw->cls;

	(void) v;
	return (cls == W_VOTE || cls == W_ADOPT || cls == W_PASS || cls == W_REJECT) &&
		rate_setting_sentence(c, st);
}

/*
 * "The question is: \"Should the United Kingdom approve the Treaty?\"": a
 * ballot question quoted as text asks, it reports no vote (the codebook's
 * distractor).  A trigger inside a quotation that opens with "Should", "Do",
 * "Does", "Are", "Is" or "Will" and ends in a question mark.
 */
static int
refuse_ballot_question(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	uint32_t	open = UINT32_MAX;

	(void) tw;
	for (uint32_t k = v; k-- > st->first && k + 40 > v;)
	{
		if (T(c, k)->kind == NA_TK_CLOSE_QUOTE)
			return 0;
		if (T(c, k)->kind == NA_TK_OPEN_QUOTE)
		{
			open = k;
			break;
		}
	}
	if (open == UINT32_MAX ||
		!in_list(c, open + 1, ballot_question_openers) ||
		!is_capitalized(c, open + 1))
		return 0;
	for (uint32_t k = v + 1; k < st->end && k < v + 60; k++)
	{
		if (is_punct(c, k, '?'))
			return 1;
		if (T(c, k)->kind == NA_TK_CLOSE_QUOTE)
			return 0;
	}
	return 0;
}

/* in order: the cheap ones first, the sentence scan of rate setting last */
/* "the Tories dismissed the plan": a word of the passive form (vote_triggers.tsv) without its agent */
static int
refuse_active_of_passive_only(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	(void) st;
	return (tw->form & WF_PASSIVE_ONLY) && !is_word(c, v + 1, "by");
}

static const trigger_refusal_fn trigger_refusals[] = {
	refuse_active_of_passive_only,
	refuse_no_object,
	refuse_adjectival_participle,
	refuse_base_form_without_subject,
	refuse_phrasal_backing,
	refuse_gerund_after_preposition,
	refuse_voting_as_noun,
	refuse_ballot_question,
	refuse_rate_setting,
};

/* Does a refusal rule say the trigger v is no vote?  (the rules in order) */
int
trigger_refused(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	for (size_t r = 0; r < sizeof(trigger_refusals) / sizeof(trigger_refusals[0]); r++)
		if (trigger_refusals[r] (c, st, v, tw))
			return 1;
	return 0;
}
