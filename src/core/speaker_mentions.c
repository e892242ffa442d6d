/*
 * speaker_mentions.c - questions asked of the name mentions once
 * speaker_names.c has collected them: the mention a source phrase ends in
 * ("the Clinton campaign chairman John Podesta"), whether a name only
 * qualifies a role noun after it, whether a mention reports or opens its
 * sentence.  Apart from the collection because the source and pronoun
 * steps ask them of finished mentions, and to keep each file to one job.
 */
#include <stdint.h>

#include "na_lexicon.h"
#include "speakers_internal.h"

#define SUBJECT_REACH 6			/* a sentence's subject starts within its first words */

/*
 * Is mention m, inside a source phrase ending at token last, a name that
 * qualifies a role noun after it ("Tory spokesman", "Clinton campaign
 * chairman") rather than the source itself?
 */
static int
role_modifier(const qctx *q, const q_mention *m, uint32_t last)
{
	for (uint32_t k = m->last + 1; k <= last && k <= m->last + 3; k++)
	{
		if (!q_is_word(q, k) || q_is_cap(q, k))
			return 0;
		if (q_is_role_noun(q, k))
			return 1;
	}
	return 0;
}

/* Does a list of names after "in" or "across" end at the "and" at token k
 * (polls in Ohio, Texas and Iowa)? */
static int
located_before(const qctx *q, uint32_t k)
{
	uint32_t	j = k;

	while (j-- > 0 && k - j <= PHRASE_MAX &&
		   (q_is_cap(q, j) || q_is_punct(q, j, ',') || q_is(q, j, "and")))
		;
	return j != QNONE && j < k - 1 && q->mention_at[k - 1] &&
		(q_is(q, j, "in") || q_is(q, j, "across"));
}

/*
 * The person whose role an organisation named at token first is part of:
 * "Dana Okoro, president of the Riverside Nurses Association, which
 * represents ..., said": a source found at the organisation (a relative
 * clause after it hides the person) is the person the role belongs to.
 * QNONE unless a person's name, a comma, a phrase with a role noun and
 * "of", "at" or "for" (and "the") come right before it.
 */
static uint32_t
role_holder_before(const qctx *q, uint32_t first)
{
	uint32_t	j = first;
	int			role = 0;

	if (j > 0 && q_is(q, j - 1, "the"))
		j--;
	if (j < 2 || !(q_is(q, j - 1, "of") || q_is(q, j - 1, "at") || q_is(q, j - 1, "for")))
		return QNONE;
	for (j -= 2; j > 0 && first - j <= PHRASE_MAX + 2 && q_is_word(q, j) && !q_is_cap(q, j); j--)
		role |= q_is_role_noun(q, j);
	if (!role || j == 0 || !q_is_punct(q, j, ',') || !q->mention_at[j - 1])
		return QNONE;
	{
		const q_mention *m = &((const q_mention *) q->mentions.items)[q->mention_at[j - 1] - 1];
		const q_entity *e = &((const q_entity *) q->entities.items)[m->entity];

		return e->person && e->strong && !e->place && m->last == j - 1 ? m->entity : QNONE;
	}
}

/*
 * The entity a source phrase [first, last] names: of the mentions inside it,
 * the last that is surely a person, else the last person, else the last
 * one; so "Dana Okoro, president of the Riverside Nurses Association"
 * is Okoro and "Ruiz's memoir Open Roads" is Ruiz,
 * while "Ruiz spokesman Tom Abara" is Abara.  QNONE when none, and when
 * the phrase opens with a word that lists members
 * (data/lexicon/member_listing_words.tsv): in "As many lawyers, including
 * Ms. Ortiz, have pointed out" the name is one example of the group that
 * is the source (but "campaigners, including Ms. Ortiz, who says" is
 * Ortiz: a relative clause of her own).
 */
uint32_t
q_mention_ending_in(const qctx *q, uint32_t first, uint32_t last)
{
	uint32_t	any = QNONE;
	uint32_t	any_first = QNONE;	/* where any's mention starts and ends */
	uint32_t	any_last = QNONE;
	uint32_t	person = QNONE;

	if (first < q->doc->ntokens && q->doc->tokens[first].kind == NA_TK_WORD &&
		q_word_in(q, first, NA_LEX_MEMBER_LISTING_WORDS) &&
		!(last + 2 < q->doc->ntokens && q_is_punct(q, last + 1, ',') && q_is(q, last + 2, "who")))
		return QNONE;

	for (uint32_t k = last + 1; k-- > first;)
	{
		const q_mention *m;
		const q_entity *e;

		if (!q->mention_at[k])
			continue;
		m = &((const q_mention *) q->mentions.items)[q->mention_at[k] - 1];
		e = &((const q_entity *) q->entities.items)[m->entity];
		/* a Tory spokesman: the name qualifies a role, the source is unnamed */
		if (role_modifier(q, m, last))
		{
			/* past the mention's own tokens, its title's too */
			k = m->title_first != QNONE && m->title_first < m->first ? m->title_first : m->first;
			if (k <= first)
				break;
			continue;
		}
		/* polls in Pennsylvania and Virginia, officials in Ohio: where
		 * the source is, not who */
		if (any == QNONE && !(e->person && !e->place) && m->title_first == QNONE &&
			m->first > 0 && (q_is(q, m->first - 1, "in") || q_is(q, m->first - 1, "across") ||
							 (q_is(q, m->first - 1, "and") && located_before(q, m->first - 1))))
		{
			k = m->first;
			if (k <= first)
				break;
			continue;
		}
		if (any == QNONE)
		{
			any = m->entity;
			any_first = m->title_first != QNONE ? m->title_first : m->first;
			any_last = m->last;
		}
		if (e->person && !e->place && e->strong)
			return m->entity;
		if (e->person && !e->place && person == QNONE)
			person = m->entity;
		/* the mention's own tokens are done */
		k = m->title_first != QNONE && m->title_first < m->first ? m->title_first : m->first;
		if (k <= first)
			break;
	}
	if (person != QNONE)
		return person;
	/* (not when a name in apposition follows: "the prosecutor of Tehran,
	 * Ali Mehr, said" is Mehr's) */
	if (any != QNONE && !((const q_entity *) q->entities.items)[any].person &&
		!(q_is_punct(q, any_last + 1, ',') && any_last + 2 < q->doc->ntokens &&
		  q->mention_at[any_last + 2]))
	{
		uint32_t	holder = role_holder_before(q, any_first);

		if (holder != QNONE)
			return holder;
	}
	return any;
}

/*
 * Is mention m a modifier of what follows rather than someone acting: a
 * name before a role (Clinton communication director Jennifer Palmieri),
 * before a noun that makes an organisation of it (the Clinton campaign,
 * the Obama administration) or a possessive (Trump's spokesman)?
 */
int
sp_modifier_mention(const qctx *q, const q_mention *m)
{
	uint32_t	k = m->last + 1;

	/* (not "If Clinton's wobbly on trade": "is" or "has", a verb phrase) */
	if (q_possessive(q, m->last))
		return !sp_name_contraction(q, m);
	if (k < q->doc->ntokens && q_is_word(q, k) && !q_is_cap(q, k) &&
		q_word_base_in(q, k, NA_LEX_ORG_HEADS_AFTER_NAME))
		return 1;
	for (; k < q->doc->ntokens && k <= m->last + 3 && q_is_word(q, k) && !q_is_cap(q, k); k++)
		if (q_is_role_noun(q, k))
			return 1;
	return 0;
}

/*
 * Is mention m the subject of a speech verb right after it that reports
 * something ("McLenney said Clinton ...", not "Cohen spoke to reporters")?  Such a person is quoted, though reported speech is
 * attributed only after the quotations are, so e->quotes does not say so
 * yet when pronouns in quotations are resolved.
 */
int
sp_mention_reports(const qctx *q, const q_mention *m)
{
	uint32_t	v = m->last + 1;

	/* (not "Cohen spoke to reporters", "spoke of his dislike") */
	return v + 1 < q->doc->ntokens && !(q->in_quote[v] & 1) && q_in(q, v, LEX_SPEECH_VERBS) &&
		!(q->doc->tokens[v + 1].kind == NA_TK_WORD &&
		  q_word_in(q, v + 1, NA_LEX_OBJECT_PREPOSITIONS));
}

/* Does the mention open its sentence (after a few words: The French ambassador, X)? */
int
sp_starts_sentence(qctx *q, uint32_t k)
{
	const q_mention *m = mention(q, k);
	uint32_t	first = m->title_first != QNONE ? m->title_first : m->first;
	uint32_t	s = q->doc->tokens[first].sentence;

	if (s >= q->doc->nsentences || first - q->doc->sentences[s].first_token > SUBJECT_REACH)
		return 0;
	/* the first person of the sentence, not a second one: X praised Y */
	for (uint32_t j = k; j-- > 0;)
	{
		const q_mention *o = mention(q, j);

		if (q->doc->tokens[o->first].sentence != s)
			break;
		if (entity(q, o->entity)->person && !entity(q, o->entity)->place &&
			(entity(q, o->entity)->strong || entity(q, o->entity)->quotes > 0 ||
			 (o->first == q->doc->sentences[s].first_token && sp_mention_reports(q, o))) &&
			!sp_modifier_mention(q, o))
			return 0;
	}
	return 1;
}
