/*
 * votes_motions.c - motions (the measure, the draft resolution, a free noun phrase after
 * "voted against", what "vote on" is held on) and the modality of a trigger (negated, expected,
 * hypothetical, historical).
 */
#include "votes_internal.h"

int
is_motion_head(const vctx *c, uint32_t i)
{
	/* "Bill Clinton", "Act Now": a capitalized head followed by a capitalized word is a name */
	if (is_capitalized(c, i) && i + 1 < c->doc->ntokens && T(c, i + 1)->sentence == T(c, i)->sentence &&
		(T(c, i + 1)->flags & NA_TF_CAPITALIZED) && T(c, i + 1)->kind == NA_TK_WORD)
		return 0;
	return T(c, i)->kind == NA_TK_WORD && in_list(c, i, motion_heads);
}

/* Words that may stand in a motion noun phrase before its head. */
int
motion_modifier(const vctx *c, uint32_t i)
{
	const na_token *t = T(c, i);

	if (t->kind == NA_TK_RANGE || t->kind == NA_TK_NUMBER)
		return 1;
	if (t->kind != NA_TK_WORD && t->kind != NA_TK_ABBREV)
		return 0;
	if (in_list(c, i, aux_words) || in_list(c, i, clause_words) || trigger_of(c, i))
		return is_word(c, i, "draft");
	if (in_list(c, i, motion_modifier_ends))
		return 0;
	return 1;
}

/*
 * The motion noun phrase beginning at token i (after a verb): determiner,
 * modifiers, head.  Returns the end token and the head, or 0.
 */
uint32_t
motion_right(vctx *c, uint32_t i, uint32_t *head)
{
	uint32_t	s;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	for (uint32_t k = i; k < i + 7 && in_sentence(c, k, s); k++)
	{
		if (is_motion_head(c, k) || is_word_poss(c, k, "resolution") || is_word_poss(c, k, "draft"))
		{
			uint32_t	e = k + 1;

			/* draft resolution, draft measure: the head is the last noun */
			while (in_sentence(c, e, s) && is_motion_head(c, e) && e < k + 3)
				e++;
			*head = e - 1;
			return e;
		}
		/* "a set of measures", "a series of bills", "a number of gun control measures" */
		if (k > i && is_word(c, k, "of") && in_list(c, k - 1, motion_collection_nouns))
			continue;
		/* "his proposed budget": a participle modifies the head */
		if (k > i && is_word(c, k, "proposed"))
			continue;
		if (k > i && !motion_modifier(c, k))
			return 0;
		if (k == i && !motion_modifier(c, k) && !is_word(c, k, "the") && !is_word(c, k, "his") &&
			!is_word(c, k, "both") &&
			!is_word(c, k, "her") && !is_word(c, k, "their") && !is_word(c, k, "its"))
			return 0;
	}
	return 0;
}

/* A free noun phrase as the motion (voted against the appointment of three directors). */
uint32_t
phrase_right(vctx *c, uint32_t i, uint32_t max)
{
	uint32_t	s;
	uint32_t	k;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	for (k = i; k < i + max && in_sentence(c, k, s); k++)
	{
		const na_token *t = T(c, k);

		/* to pass the "Reproductive Health Care Reform Bill 2019": the quoted title too */
		if (t->kind == NA_TK_OPEN_QUOTE && k > i)
		{
			uint32_t	close = k + 1;

			while (close < k + 16 && in_sentence(c, close, s) && T(c, close)->kind != NA_TK_CLOSE_QUOTE &&
				   T(c, close)->kind != NA_TK_OPEN_QUOTE)
				close++;
			if (close > k + 1 && in_sentence(c, close, s) && T(c, close)->kind == NA_TK_CLOSE_QUOTE)
				return close + 1;
			break;
		}
		if (t->kind == NA_TK_PUNCT || t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE ||
			t->kind == NA_TK_DASH)
			break;
		if (k > i && in_list(c, k, motion_phrase_ends))
			break;
	}
	/* cut by the length limit: end before the last preposition ("open | for at least three") */
	if (k == i + max && in_sentence(c, k, s))
	{
		for (uint32_t j = k - 1; j > i + 2; j--)
			if (in_list(c, j, prepositions))
			{
				k = j;
				break;
			}
	}
	/* "to keep the library open for at least three years": cut at a word, not "for at" */
	while (k > i + 1 && (in_list(c, k - 1, prepositions) || is_word(c, k - 1, "a") ||
						 is_word(c, k - 1, "an") || is_word(c, k - 1, "the")))
		k--;
	return k > i ? k : 0;
}

/* Words of a time adjunct: on Tuesday, last week, in June, earlier this month. */
int
is_time_word(const vctx *c, uint32_t k)
{
	return T(c, k)->kind == NA_TK_NUMBER || in_list(c, k, time_words);
}

/* The motion noun phrase ending at or before token q: its first token and head. */
int
motion_left(vctx *c, uint32_t q, uint32_t floor, uint32_t *first, uint32_t *head)
{
	uint32_t	k = q;
	uint32_t	f;

	/* skip ", which was", "that had been", "," */
	for (int skipped = 0; skipped < 5 && k > floor; skipped++)
	{
		if (is_punct(c, k, ',') || in_list(c, k, motion_left_skips))
			k--;
		else
			break;
	}
	/* "a draft on Tuesday that was", "the bill last week, which was" */
	for (int skipped = 0; skipped < 4 && k > floor && !is_motion_head(c, k) && is_time_word(c, k); skipped++)
		k--;
	if (!is_motion_head(c, k) && !is_word(c, k, "it"))
		return 0;
	*head = k;
	f = k;
	/* "The government survived a similar motion": the phrase begins at its determiner */
	while (f > floor && motion_modifier(c, f - 1) && f + 6 > k && !in_list(c, f, definite_words) &&
		   !is_word(c, f, "a") && !is_word(c, f, "an"))
		f--;
	*first = f;
	return 1;
}

/* Is the motion phrase [first..head] definite, continuing an earlier vote? */
int
motion_definite(vctx *c, uint32_t first)
{
	return in_list(c, first, definite_words) || is_possessive(c, first);
}

/*
 * An intention before "to": planned when the text states a plan or an
 * expectation ("is expected to", "plans to", "is set to"), hypothetical when
 * it states a threat, a wish or a readiness ("threatened to", "is prepared
 * to", "wants to"), as the codebook tells them apart.
 */
static uint8_t
intent_modality(vctx *c, uint32_t k)
{
	return in_list(c, k, threat_words) ? NA_VM_HYPOTHETICAL : NA_VM_PLANNED;
}

/* Is token k a year (1900 to 2099) written in digits? */
int
is_year(vctx *c, uint32_t k)
{
	int32_t		n;

	const na_token *t = T(c, k);
	const char *p = c->doc->text + t->start;

	/* "in mid-2018", "early-2005": the year after a prefix */
	if (t->kind == NA_TK_WORD && t->len >= 8 && t->len <= 10 && p[t->len - 5] == '-' &&
		(memcmp(p, "mid-", 4) == 0 || memcmp(p, "early-", 6) == 0 || memcmp(p, "late-", 5) == 0))
	{
		n = 0;
		for (uint32_t j = t->len - 4; j < t->len; j++)
		{
			if (p[j] < '0' || p[j] > '9')
				return 0;
			n = n * 10 + (p[j] - '0');
		}
		return n >= 1900 && n <= 2099;
	}
	if (t->kind != NA_TK_NUMBER || t->len != 4)
		return 0;
	n = number_at(c, k);
	return n >= 1900 && n <= 2099;
}

/* A present-tense trigger ("votes", "wins"): a time clause around it is no past. */
static int
tw_is_present(vctx *c, uint32_t v)
{
	const na_token *t = T(c, v);
	const char *p = c->doc->text + t->start;

	return t->len > 2 && p[t->len - 1] == 's' && p[t->len - 2] != 's';
}

/*
 * Is the vote at v recalled as background rather than reported?  The
 * codebook's historical votes: a year ("voted against it in 2010", "In 1998
 * the Senate ..."), a pluperfect ("had voted"), words of the past ("ago",
 * "previously", "once", "in the past", "last voted") in the clause, or a
 * relative or time clause around a past vote ("Cruz, who voted against
 * the bill", "before he was elected").
 */
static int
historical_context(vctx *c, uint32_t v, uint32_t sent_first)
{
	uint32_t	s = T(c, v)->sentence;
	uint32_t	lo = v > sent_first + 12 ? v - 12 : sent_first;

	for (uint32_t k = v + 1; k < v + 14 && in_sentence(c, k, s); k++)
	{
		/* "won more of the vote than Obama did in 2008": the year is the comparison's */
		if (is_punct(c, k, ';') || T(c, k)->kind == NA_TK_OPEN_QUOTE || T(c, k)->kind == NA_TK_CLOSE_QUOTE ||
			is_word(c, k, "than"))
			break;
		if (is_year(c, k) || is_word(c, k, "ago") || is_word(c, k, "previously") ||
			(is_word(c, k, "in") && is_word(c, k + 1, "the") && is_word(c, k + 2, "past")) ||
			/* "won the caucuses that year", "at the time" */
			(is_word(c, k, "that") && (is_word(c, k + 1, "year") || is_word(c, k + 1, "time"))) ||
			/* "voted last year to insist": a year back is background, a week back is news */
			(is_word(c, k, "last") && is_word(c, k + 1, "year")) ||
			(is_word(c, k, "at") && is_word(c, k + 1, "the") && is_word(c, k + 2, "time")))
			return 1;
		/* "voted for it three times", "in three elections" */
		if (is_word(c, k, "times") && k > v + 1 && number_at(c, k - 1) > 1)
			return 1;
		/* "got 51% of the mayoral vote in 2009": a noun vote is the object, read on */
		if (trigger_of(c, k) && k > v + 2 &&
			!((is_word(c, k, "vote") || is_word(c, k, "votes")) && T(c, k - 1)->kind == NA_TK_WORD &&
			  !(T(c, k - 1)->flags & NA_TF_CAPITALIZED) && !is_word(c, k - 1, "to")))
			break;
	}
	for (uint32_t k = v; k-- > lo;)
	{
		if (T(c, k)->kind == NA_TK_OPEN_QUOTE || T(c, k)->kind == NA_TK_CLOSE_QUOTE || is_punct(c, k, ';'))
			break;
		if (is_year(c, k) || in_list(c, k, history_adverbs) ||
			/* "has repeatedly voted against": a record of past votes */
			(is_word(c, k, "repeatedly") && k + 1 == v))
			return 1;
		/* "Sanders has said he voted against it": a past vote recalled in a present report */
		if ((is_word(c, k, "says") || (is_word(c, k, "said") && k > 0 &&
									   (is_word(c, k - 1, "has") || is_word(c, k - 1, "have")))) &&
			trigger_of(c, v) && (trigger_of(c, v)->form & WF_PARTICIPLE) && !tw_is_present(c, v) &&
			!(v > 0 && (is_word(c, v - 1, "has") || is_word(c, v - 1, "have"))))
			return 1;
		/* "had voted", "had been elected", "had already passed" */
		if (is_word(c, k, "had") && k + 4 > v)
			return 1;
		if (is_word(c, k, "last") && k + 1 == v)
			return 1;			/* "last voted for a Republican" */
		/* "Ted Cruz, who voted against", "before he was elected", "since it was passed" */
		if ((is_word(c, k, "who") && k > sent_first && is_punct(c, k - 1, ',')) ||
			is_word(c, k, "before") || is_word(c, k, "since") || is_word(c, k, "after") ||
			(is_word(c, k, "when") && k + 4 > v))
			return !(tw_is_present(c, v));
	}
	return 0;
}

/*
 * "a controversial measure that has been rejected by the European
 * Parliament": a participle in a relative clause in the perfect passive
 * ("that has been", "which had been") tells a vote already taken, whatever
 * the main clause supposes ("If it gets its way, the government will push
 * through ..."): background, not the condition's.  v is the participle.
 */
static int
relative_clause_fact(vctx *c, uint32_t v, uint32_t sent_first)
{
	return v >= sent_first + 3 && is_word(c, v - 1, "been") &&
		(is_word(c, v - 2, "has") || is_word(c, v - 2, "have") || is_word(c, v - 2, "had")) &&
		(is_word(c, v - 3, "that") || is_word(c, v - 3, "which"));
}

/*
 * "she'd vote", "I'd have backed": 'd is "would"; before a past participle
 * ("she'd voted", "they'd backed") it is "had", which asserts.
 */
static int
contracted_would(vctx *c, uint32_t k)
{
	const na_token *t = T(c, k);
	const na_token *next;
	const char *p = c->doc->text + t->start;

	if (!modal_contraction(c, k) || (p[t->len - 1] | 0x20) != 'd')
		return 0;
	if (k + 1 >= c->doc->ntokens)
		return 1;
	next = T(c, k + 1);
	p = c->doc->text + next->start;
	return !(next->kind == NA_TK_WORD && next->len > 4 && memcmp(p + next->len - 2, "ed", 2) == 0 &&
			 !is_word(c, k + 1, "need"));
}

/* Modality of a trigger at v, looking back to the clause start. */
uint8_t
modality_at(vctx *c, uint32_t v, uint32_t sent_first)
{
	uint32_t	lo = v > sent_first + 8 ? v - 8 : sent_first;
	uint8_t		mod = NA_VM_ASSERTED;

	/* "If it gets its way, ... a measure that has been rejected by ...": a fact told in passing */
	if (relative_clause_fact(c, v, sent_first))
		return NA_VM_HISTORICAL;
	for (uint32_t k = v; k-- > lo;)
	{
		const na_token *t = T(c, k);
		const char *p = c->doc->text + t->start;

		if (t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE ||
			is_punct(c, k, ';') || is_punct(c, k, ':'))
			break;
		if (t->kind != NA_TK_WORD)
			continue;
		if (is_word(c, k, "not") || is_word(c, k, "never") || is_word(c, k, "cannot") ||
			(t->len > 3 && (memcmp(p + t->len - 3, "n't", 3) == 0)) ||
			(t->len > 5 && memcmp(p + t->len - 5, "n\xE2\x80\x99t", 5) == 0) ||
			in_list(c, k, refusal_words))
		{
			if (is_word(c, k, "not") && is_word(c, k + 1, "only"))
				continue;
			return NA_VM_NEGATED;
		}
		/* "until the full House votes": a condition not yet met */
		/* "In May, the council voted": the month, not the modal */
		if (is_word(c, k, "could") || is_word(c, k, "might") || (is_word(c, k, "may") && !is_capitalized(c, k)) ||
			in_list(c, k, condition_words))
			return NA_VM_HYPOTHETICAL;	/* "voters should consider voting for" */
		if ((is_word(c, k, "would") || is_word(c, k, "should")) && is_word(c, k + 1, "have"))
			return NA_VM_HYPOTHETICAL;
		if (mod == NA_VM_ASSERTED && (is_word(c, k, "would") || is_word(c, k, "should") ||
									  is_word(c, k, "must") || contracted_would(c, k)))
			mod = NA_VM_HYPOTHETICAL;
		if (mod == NA_VM_ASSERTED && (is_word(c, k, "will") || is_word(c, k, "shall") ||
									  (t->len > 3 && memcmp(p + t->len - 3, "'ll", 3) == 0) ||
									  (t->len > 5 && memcmp(p + t->len - 5, "\xE2\x80\x99ll", 5) == 0)))
			mod = NA_VM_PLANNED;
		if (mod == NA_VM_ASSERTED && is_word(c, k, "to") && k + 1 <= v && k > lo &&
			in_list(c, k - 1, intent_words))
			mod = intent_modality(c, k - 1);
		if (mod == NA_VM_ASSERTED && is_word(c, k, "to") && k >= lo + 2 && in_list(c, k - 2, intent_words))
			mod = intent_modality(c, k - 2);	/* signaled their intent to block */
		if (in_list(c, k, clause_words) && !is_word(c, k, "that"))
			break;
	}
	/* a clause opened by "if" further left (within 40 tokens) */
	for (uint32_t k = lo; k-- > sent_first && k + 40 > lo;)
	{
		if (is_word(c, k, "if") || is_word(c, k, "unless"))
			return NA_VM_HYPOTHETICAL;
		if (is_punct(c, k, ';'))
			break;
	}
	/* "Should the United Kingdom approve the treaty?": a question asserts nothing */
	{
		uint32_t	s = T(c, v)->sentence;

		for (uint32_t k = v + 1; k < v + 40 && in_sentence(c, k, s); k++)
		{
			if (is_punct(c, k, '?'))
				return NA_VM_HYPOTHETICAL;
			if (is_punct(c, k, '.') || is_punct(c, k, ';') || is_punct(c, k, '!'))
				break;
		}
	}
	/* a sponsor's or supporter's stand belongs to the vote it leads to, not to an earlier one */
	if (mod == NA_VM_ASSERTED && !(trigger_of(c, v) && (trigger_of(c, v)->cls == W_SPONSOR ||
													   trigger_of(c, v)->cls == W_SUPPORT ||
													   trigger_of(c, v)->cls == W_OPPOSE)) &&
		historical_context(c, v, sent_first))
		mod = NA_VM_HISTORICAL;
	return mod;
}

/* A count of past votes after a verb: "vetoed 12 resolutions", "16 times". */
int
historical_after(vctx *c, uint32_t v)
{
	uint32_t	s = T(c, v)->sentence;

	for (uint32_t k = v + 1; k < v + 8 && in_sentence(c, k, s); k++)
	{
		if (number_at(c, k) > 1 && in_list(c, k + 1, repeated_vote_nouns))
			return 1;
		if (is_word(c, k, "times") && k > v + 1 && number_at(c, k - 1) < 0 &&
			(is_word(c, k - 1, "several") || is_word(c, k - 1, "many") || is_word(c, k - 1, "multiple")))
			return 1;
		if (T(c, k)->kind == NA_TK_PUNCT)
			break;
	}
	return 0;
}

/*
 * The motion that starts at k, if motion_right finds one, becomes p's
 * motion: "a veto of the bill", "voted down the farm bill".  Returns 1 when
 * one was found.
 */
int
motion_from(vctx *c, uint32_t k, position *p)
{
	uint32_t	head;
	uint32_t	e = motion_right(c, k, &head);

	if (!e)
		return 0;
	p->motion_first = k;
	p->motion_end = e;
	p->motion_head = head;
	return 1;
}

/*
 * The noun phrase that ends right before the comma at j, the antecedent of
 * a non-restrictive "which" ("NCLB's replacement, which ..."): a noun in
 * lower case with at most three words before it (a possessive, a
 * determiner, adjectives), none a clause word, a preposition or a vote
 * word.  Fills [*first, *head]; returns 1.
 */
static int
antecedent_phrase(vctx *c, uint32_t sent_first, uint32_t j, uint32_t *first, uint32_t *head)
{
	uint32_t	h = j - 1;
	uint32_t	f = h;

	if (T(c, h)->kind != NA_TK_WORD || is_capitalized(c, h) || trigger_of(c, h) ||
		in_list(c, h, clause_words) || in_list(c, h, prepositions) || in_list(c, h, aux_words))
		return 0;
	while (f > sent_first && f + 3 > h && T(c, f - 1)->kind == NA_TK_WORD && !trigger_of(c, f - 1) &&
		   !in_list(c, f - 1, clause_words) && !in_list(c, f - 1, prepositions) && !in_list(c, f - 1, aux_words))
		f--;
	*first = f;
	*head = h;
	return 1;
}

/*
 * The motion "it" stands for in "vote on it" at v: the nearest motion noun
 * phrase before v in its sentence or the sentence before ("The bill now
 * goes to the Lords, where peers are expected to vote on it").  Without
 * one, "it" may be anything (a date, a proposal talked about), and the
 * vote is left alone.  Fills [*first, *head]; returns the motion's end, or 0.
 */
static uint32_t
pronoun_motion(vctx *c, uint32_t v, uint32_t *first, uint32_t *head)
{
	uint32_t	s = T(c, v)->sentence;
	uint32_t	floor = c->doc->sentences[s > 0 ? s - 1 : s].first_token;

	for (uint32_t k = v; k-- > floor && k + 60 > v;)
		if (is_motion_head(c, k) && !is_motion_head(c, k + 1) &&
			motion_left(c, k, T(c, k)->sentence == s ? c->doc->sentences[s].first_token : floor,
						first, head) && *head == k)
			return k + 1;
	return 0;
}

/* "vote on the bill": the end of the motion a vote is held on, or 0 */
uint32_t
vote_on_motion(vctx *c, uint32_t v, uint32_t *first, uint32_t *head)
{
	uint32_t	q = after_verb(c, v);

	uint32_t	s = T(c, v)->sentence;
	uint32_t	sent_first = c->doc->sentences[s].first_token;
	uint32_t	e;

	if (!is_word(c, q, "on") || !in_sentence(c, q + 1, s))
		return 0;
	/* "are expected to vote on it in March": the motion named before */
	if (is_word(c, q + 1, "it"))
		return pronoun_motion(c, v, first, head);
	*first = q + 1;
	e = motion_right(c, q + 1, head);
	if (e || !(T(c, q + 1)->kind == NA_TK_PUNCT || is_time_word(c, q + 1) || is_word(c, q + 1, "next") ||
			   is_word(c, q + 1, "this") || is_word(c, q + 1, "later")))
		return e;
	/* "will vote on Friday on a stopgap bill": the day first, then the motion */
	if (is_time_word(c, q + 1) && is_word(c, q + 2, "on") && in_sentence(c, q + 3, s) &&
		(e = motion_right(c, q + 3, head)) != 0)
	{
		*first = q + 3;
		return e;
	}
	/* "the bill, which the Senate is expected to vote on next week": the relative's antecedent */
	for (uint32_t k = v; k-- > sent_first + 1 && k + 10 > v;)
		if (is_word(c, k, "which") || is_word(c, k, "that"))
		{
			uint32_t	j = is_punct(c, k - 1, ',') ? k - 1 : k;
			uint32_t	mf,
						mh;

			if (j > sent_first && motion_left(c, j - 1, sent_first, &mf, &mh) && mh + 1 == j &&
				!is_word(c, mh, "it"))
			{
				*first = mf;
				*head = mh;
				return mh + 1;
			}
			/* "NCLB's replacement, which the Senate is expected to vote on": what it names is voted on */
			if (j > sent_first + 1 && is_punct(c, j, ',') && antecedent_phrase(c, sent_first, j, first, head))
				return *head + 1;
			break;
		}
	return 0;
}
