/*
 * votes_tally.c - tallies and methods: "52-48", "by 310 votes to 219", "nine in favour,
 * three against and three abstentions", "unanimously", "by a show of hands".
 */
#include "votes_internal.h"

int
vote_context_before(vctx *c, uint32_t k, uint32_t sent_first)
{
	/*
	 * voted 52-48; passed the bill 217-213; adopted 13-0; by a vote of
	 * 217-213; backed the motion by 330 votes to 286: a vote verb earlier in
	 * the clause (won, beat, leads are not vote verbs)
	 */
	uint32_t	p = k;

	if (p <= sent_first)
		return 0;
	p--;
	if (is_word(c, p, "unanimously"))
		return 1;
	if (is_word(c, p, "of") && p > sent_first && (is_word(c, p - 1, "vote") || is_word(c, p - 1, "margin") ||
												  is_word(c, p - 1, "tally")))
		return 1;
	for (uint32_t back = 0; back < 7; back++, p--)
	{
		const trigger_word *tw;

		if (T(c, p)->kind == NA_TK_PUNCT || T(c, p)->kind == NA_TK_DASH ||
			T(c, p)->kind == NA_TK_OPEN_QUOTE || T(c, p)->kind == NA_TK_CLOSE_QUOTE)
			return 0;
		tw = trigger_of(c, p);
		if (tw && tw->cls != W_UNANIMOUS && tw->cls != W_TALLY)
		{
			/* "defeated 3-1" without a motion in the sentence is a match result */
			if (tw->cls == W_DEFEAT)
			{
				uint32_t	s = T(c, k)->sentence;
				uint32_t	from = k > 30 ? k - 30 : 0;

				if (from < c->doc->sentences[s].first_token)
					from = c->doc->sentences[s].first_token;
				for (uint32_t q = from; q < k + 30 && in_sentence(c, q, s); q++)
					if (is_motion_head(c, q))
						return 1;
				return 0;
			}
			return 1;
		}
		if (p == sent_first)
			break;
	}
	return 0;
}

int
vote_context_after(vctx *c, uint32_t k)
{
	/* a 52-48 vote, 217-213 votes, a 13-0 decision */
	return in_list(c, k, tally_context_nouns);
}

/* Distractor words that make a number pair not a vote (polls, ages, scores). */
int
distractor_near(vctx *c, uint32_t k, uint32_t sent_first)
{
	uint32_t	lo = k > sent_first + 3 ? k - 3 : sent_first;

	for (uint32_t q = lo; q < k; q++)
		if (in_list(c, q, tally_distractors))
			return 1;
	return 0;
}

/*
 * "Russia and China abstaining" from token q: how many members are named
 * before the word that follows them, that word's token in *after (0: none).
 */
int
named_members(vctx *c, uint32_t q, uint32_t s, uint32_t *after)
{
	actor_ref	named[MAX_ACTORS];
	int			nn = actors_right(c, q, named, MAX_ACTORS);

	if (nn == 0 || !in_sentence(c, named[nn - 1].end, s))
		return 0;
	*after = named[nn - 1].end;
	return nn;
}

int
abstaining_at(vctx *c, uint32_t q)
{
	return is_word(c, q, "abstaining") || is_word(c, q, "abstained");
}

/* Count after a tally: "with two abstentions", "and three abstentions". */
void
abstentions_after(vctx *c, uint32_t k, tally *t)
{
	uint32_t	s = T(c, k - 1)->sentence;

	for (uint32_t q = k; q < k + 6 && in_sentence(c, q, s); q++)
	{
		int32_t		n = number_at(c, q);

		if (n >= 0 && (is_word(c, q + 1, "abstentions") || is_word(c, q + 1, "abstention") ||
					   is_word(c, q + 1, "abstaining") ||
					   ((is_word(c, q + 1, "countries") || is_word(c, q + 1, "members") ||
						 is_word(c, q + 1, "states")) && is_word(c, q + 2, "abstaining"))))
		{
			t->abstentions = n;
			return;
		}
		/* "with Russia and China abstaining": the members named count */
		if (is_word(c, q, "with"))
		{
			uint32_t	after;
			int			nn = named_members(c, q + 1, s, &after);

			if (nn > 0 && abstaining_at(c, after))
			{
				t->abstentions = nn;
				return;
			}
		}
		if (T(c, q)->kind == NA_TK_PUNCT && !is_punct(c, q, ','))
			return;
	}
}

/* "nine in favour, three against and three abstentions" starting at token k. */
int
split_tally_at(vctx *c, uint32_t k, tally *t)
{
	uint32_t	s = T(c, k)->sentence;
	int32_t		n = number_at(c, k);
	uint32_t	q = k + 1;
	int			got = 0;
	int			votes_said = 0;

	if (n < 0)
		return 0;
	if (is_word(c, q, "votes"))
	{
		q++;
		votes_said = 1;
	}
	if (!((is_word(c, q, "in") && (is_word(c, q + 1, "favour") || is_word(c, q + 1, "favor"))) ||
		  (is_word(c, q, "for") && (is_punct(c, q + 1, ',') || is_word(c, q + 1, "and")))))
		return 0;
	t->votes_for = n;
	q += is_word(c, q, "in") ? 2 : 1;
	/* further parts: ", three against", "and three abstentions", "with none against" */
	for (int part = 0; part < 3 && in_sentence(c, q, s); part++)
	{
		int32_t		m;

		while (is_punct(c, q, ',') || is_word(c, q, "and") || is_word(c, q, "with"))
			q++;
		m = number_at(c, q);
		if (m < 0)
		{
			/* "with Russia against and China abstaining": the named members count */
			int			nn = named_members(c, q, s, &q);

			if (nn == 0)
				break;
			if (is_word(c, q, "against") || (is_word(c, q, "voting") && is_word(c, q + 1, "against")))
				t->votes_against = nn;
			else if (abstaining_at(c, q))
				t->abstentions = nn;
			else
				break;
			got++;
			q += is_word(c, q, "voting") ? 2 : 1;
			continue;
		}
		if (is_word(c, q + 1, "votes"))
			q++;
		if (is_word(c, q + 1, "against") || is_word(c, q + 1, "opposed"))
			t->votes_against = m;
		else if (is_word(c, q + 1, "abstentions") || is_word(c, q + 1, "abstention") ||
				 is_word(c, q + 1, "abstaining") || is_word(c, q + 1, "abstained"))
			t->abstentions = m;
		else
			break;
		got++;
		q += 2;
	}
	/* "won 13 votes in favour" alone is a count of the votes for */
	return got > 0 || votes_said;
}

/* Tally and method anywhere in sentence s that has a vote trigger. */
void
sentence_tally(vctx *c, uint32_t s, tally *t)
{
	const na_sentence *ss = &c->doc->sentences[s];
	uint32_t	first = ss->first_token;
	uint32_t	end = ss->first_token + ss->ntokens;

	memset(t, 0, sizeof(*t));
	t->votes_for = t->votes_against = t->abstentions = NA_VOTE_NO_COUNT;
	for (uint32_t k = first; k < end; k++)
	{
		const na_token *tk = T(c, k);
		int32_t		parts[3];
		int			n;

		int			range = tk->kind == NA_TK_RANGE ||
			(tk->kind == NA_TK_WORD && tk->len >= 6 && range_parts(c, k, parts) == 2);

		if (range && t->found && t->abstentions < 0 &&
			range_parts(c, k, parts) == 3 && parts[0] == t->votes_for && parts[1] == t->votes_against)
			t->abstentions = parts[2];	/* "12 in favour and one against ..., a 12-1-2 result" */
		else if (range && !t->found)
		{
			n = range_parts(c, k, parts);
			if (n >= 2 && !distractor_near(c, k, first) &&
				(vote_context_before(c, k, first) || vote_context_after(c, k + 1) ||
				 (n == 3 && (is_word(c, k + 1, "result") || is_word(c, k + 1, "split"))) ||
				 (k > first && is_word(c, k - 1, "a") && vote_context_after(c, k + 1))))
			{
				t->votes_for = parts[0];
				t->votes_against = parts[1];
				if (n == 3)
					t->abstentions = parts[2];
				else
					abstentions_after(c, k + 1, t);
				t->found = 1;
			}
		}
		else if (!range && (tk->kind == NA_TK_NUMBER || tk->kind == NA_TK_WORD))
		{
			int32_t		a = number_at(c, k);

			/* 52 to 48, 330 votes to 286 */
			if (a >= 0 && !t->found)
			{
				uint32_t	q = k + 1;
				int32_t		b;

				if (is_word(c, q, "votes"))
					q++;
				if (is_word(c, q, "to") && (b = number_at(c, q + 1)) >= 0 &&
					(tk->kind == NA_TK_NUMBER || q == k + 2) &&
					!distractor_near(c, k, first) &&
					(vote_context_before(c, k, first) || vote_context_after(c, q + 2) ||
					 is_word(c, k + 1, "votes")))
				{
					t->votes_for = a;
					t->votes_against = b;
					abstentions_after(c, q + 2, t);
					t->found = 1;
				}
				else if (romance_tally_at(c, k, t))
					;			/* "par 31 voix contre 12", "por 41 votos a favor y 38 en contra" */
				else if (split_tally_at(c, k, t))
					t->found = 1;
			}
		}
		/* the first letters of the method words below */
		if (tk->kind == NA_TK_WORD && ((c->doc->text[tk->start] | 0x20) == 'u' ||
									   (c->doc->text[tk->start] | 0x20) == 's' ||
									   (c->doc->text[tk->start] | 0x20) == 'v' ||
									   (c->doc->text[tk->start] | 0x20) == 'a' ||
									   (c->doc->text[tk->start] | 0x20) == 'w' ||
									   (c->doc->text[tk->start] | 0x20) == 'b'))
		{
			if (is_word(c, k, "unanimously") || (is_word(c, k, "unanimous") &&
												 in_list(c, k + 1, unanimous_nouns)))
			{
				/* the codebook: counts only as stated; "unanimously" is the method, not 0 against */
				t->method = NA_VME_UNANIMOUS;
			}
			else if (is_word(c, k, "show") && is_word(c, k + 1, "of") && is_word(c, k + 2, "hands"))
				t->method = NA_VME_SHOW_OF_HANDS;
			else if (is_word(c, k, "voice") && is_word(c, k + 1, "vote"))
				t->method = NA_VME_VOICE_VOTE;
			else if (is_word(c, k, "acclamation"))
				t->method = NA_VME_ACCLAMATION;
			else if ((is_word(c, k, "without") && is_word(c, k + 1, "a") && is_word(c, k + 2, "vote")) ||
					 (is_word(c, k, "by") && is_word(c, k + 1, "consensus")))
				t->method = NA_VME_CONSENSUS;
			else if (is_word(c, k, "secret") && is_word(c, k + 1, "ballot"))
				t->method = NA_VME_SECRET_BALLOT;
		}
	}
	if (t->method)
		t->found = 1;
}

/*
 * Does sentence st say a vote was taken without a count of it, "passed it
 * by a vote of more than 90 percent", "by a wide margin", "by a majority
 * of 21", "in a roll-call vote": "by" or "in", "a", at most two words, and
 * vote, margin or majority?
 */
int
sentence_says_vote(vctx *c, sent_state *st)
{
	for (uint32_t k = st->first; k + 2 < st->end; k++)
	{
		if (!(is_word(c, k, "by") || is_word(c, k, "in")) || !is_word(c, k + 1, "a"))
			continue;
		for (uint32_t j = k + 2; j < st->end && j < k + 5; j++)
		{
			if (is_word(c, j, "vote") || (is_word(c, k, "by") &&
										  (is_word(c, j, "margin") || is_word(c, j, "majority"))))
				return 1;
			if (T(c, j)->kind != NA_TK_WORD)
				break;
		}
	}
	return 0;
}

/* Does sentence st give a tally or a method (computed once per sentence)? */
int
sentence_has_tally(vctx *c, sent_state *st)
{
	if (st->tally_state == 0)
	{
		tally		t;

		sentence_tally(c, st->s, &t);
		st->tally_state = t.found ? 2 : 1;
	}
	return st->tally_state == 2;
}
