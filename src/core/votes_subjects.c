/*
 * votes_subjects.c - who cast a vote: the subject of a vote verb, found by
 * walking left from the verb over appositions, "who" clauses, dash lists,
 * titles and pronouns (subject_walk, subject_of).  Apart from
 * votes_actors.c, which reads one actor at a token (a person, party, group,
 * state or country), because this file decides which actor a sentence
 * makes the voter.
 */
#include "votes_internal.h"

/*
 * The last token of the name a relative "who" hangs on, from the token q
 * before its comma: "Chris Murphy (D-Conn.), who" and "Ted Cruz of Texas,
 * who" name the person, not the party label or the state.
 */
static uint32_t
antecedent_end(vctx *c, sent_state *st, uint32_t q)
{
	if (is_punct(c, q, ')'))
	{
		uint32_t	open = q;

		while (open > st->first && open + 10 > q && !is_punct(c, open, '('))
			open--;
		if (is_punct(c, open, '(') && open > st->first)
			q = open - 1;
	}
	/* "of Texas", "of South Carolina": a place after a person's name */
	for (uint32_t k = q; k > st->first + 1 && k + 4 > q; k--)
		if (is_word(c, k, "of") && is_capitalized(c, k + 1) && is_capitalized(c, k - 1))
		{
			actor_ref	person;

			if (actor_ending_at(c, k - 1, st->first, &person) && person.kind == NA_VK_PERSON)
				return k - 1;
			break;
		}
	return q;
}

/*
 * Does the sentence name an office ("the president", "the governor's")
 * before the pronoun at p, with no capitalized name between?  The pronoun
 * then most likely means that office holder (office_holder finds the
 * person the article titled so): no actor is better than the person the
 * article named last.  Returns the office's token + 1, or 0.
 */
static uint32_t
office_before(vctx *c, sent_state *st, uint32_t p)
{
	/* 40 tokens at most: a run-on "sentence" of pronouns must stay linear */
	for (uint32_t k = p; k > st->first + 1 && k + 40 > p; k--)
	{
		uint32_t	q = k - 1;

		if (is_capitalized(c, q) && !(T(c, q)->flags & NA_TF_SENT_START))
			return 0;
		if (is_word(c, q - 1, "the") &&
			in_list_poss(c, q, veto_holder_roles))
			return q + 1;
	}
	return 0;
}

/*
 * The names listed between two dashes before a verb, the closing dash at
 * token close: "-- Ted Cruz of Texas, Lindsey Graham of South Carolina and
 * Rand Paul of Kentucky --".  Each item starts with a name ("of <state>"
 * after it is the name's); every item must be one, or none is taken.  The
 * opening dash goes to *open_out (0: none within reach).
 */
static int
dash_list(vctx *c, sent_state *st, uint32_t close, actor_ref *actors, int max, uint32_t *open_out)
{
	uint32_t	open = close;
	uint32_t	k;
	int			n = 0;

	while (open > st->first && open + 40 > close && T(c, open - 1)->kind != NA_TK_DASH)
		open--;
	if (open <= st->first + 1 || T(c, open - 1)->kind != NA_TK_DASH)
		return 0;
	*open_out = open - 1;		/* the opening dash */
	k = open;
	while (k < close && n < max)
	{
		if (!actor_at(c, k, &actors[n]) || actors[n].pronoun || actors[n].end > close)
			return 0;
		k = actors[n++].end;
		/* "of Texas", "(R-Ky.)": what follows the name up to the next comma or "and" */
		while (k < close && !is_punct(c, k, ',') && !is_word(c, k, "and"))
			k++;
		while (k < close && (is_punct(c, k, ',') || is_word(c, k, "and")))
			k++;
	}
	return k >= close ? n : 0;
}

static int is_contracted_i(const vctx *c, uint32_t k);
static int first_person_speaker(vctx *c, uint32_t k, actor_ref *a);

/*
 * The subject that opens the sentence, for a verb coordinated after "and"
 * at k whose first verb is no vote ("Tom Hale joined the Senate and voted
 * against the bill", "He arrived in Congress in 1993 and promptly voted
 * against"): an actor at the sentence start followed by a lower-case verb,
 * or "he"/"she" resolved ("The Senate passed the bill and voted down the
 * amendment": the first verb's subject too).  Inside a quotation open at k,
 * the clause the quotation opens, or the one after its last comma: "“I'll
 * stay the course and vote for her,” Roe said", "… that “as a delegate,
 * I'll stay the course and vote for her”": its "I" is the speaker's.
 * Returns the number of actors.
 */
static int
sentence_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors)
{
	uint32_t	f = st->first;
	uint32_t	clause;
	uint32_t	end;

	/* a quotation open at k: its own clause */
	for (uint32_t q = k; q-- > st->first;)
	{
		if (T(c, q)->kind == NA_TK_CLOSE_QUOTE)
			break;
		if (T(c, q)->kind == NA_TK_OPEN_QUOTE)
		{
			uint32_t	i = q + 1;

			for (uint32_t m = q + 1; m < k; m++)
				if (is_punct(c, m, ','))
					i = m + 1;
			if (i < k && (is_word(c, i, "i") || is_contracted_i(c, i)))
				return first_person_speaker(c, i, &actors[0]);
			f = q + 1;
			break;
		}
	}
	/* not across a quotation or an infinitive ("an appeal to activists to go out and win") */
	for (uint32_t q = f; q < k; q++)
		if (T(c, q)->kind == NA_TK_OPEN_QUOTE || T(c, q)->kind == NA_TK_CLOSE_QUOTE || is_word(c, q, "to") ||
			is_punct(c, q, ':') || is_punct(c, q, ';'))
			return 0;
	if (is_word(c, f, "he") || is_word(c, f, "she"))
	{
		if (!resolve_person(c, f, &actors[0]))
			return 0;
		actors[0].first = f;
		actors[0].end = f + 1;
		return 1;
	}
	clause = f;
	if (is_word(c, f, "the"))
		f++;
	if (!actor_at(c, f, &actors[0]) || actors[0].pronoun || (end = actors[0].end) >= k ||
		T(c, end)->kind != NA_TK_WORD || is_capitalized(c, end))
		return 0;
	actors[0].first = clause;
	return 1;
}

/*
 * The subject of the clause that "where" or "when" opens before k, "…
 * Leicester South, where Lib Dem MP Ann Roe overturned a big majority to
 * win the seat": a person, party or group right after it (titles and party
 * words before a name included) that a lower-case verb follows.
 */
static int
clause_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors)
{
	uint32_t	f;

	for (f = k; f > st->first && f + 20 > k; f--)
		if (is_word(c, f - 1, "where") || is_word(c, f - 1, "when"))
			break;
	if (f <= st->first || f + 20 <= k || !(is_word(c, f - 1, "where") || is_word(c, f - 1, "when")))
		return 0;
	for (uint32_t j = f; j < k && j < f + 6; j++)
	{
		if (!actor_at(c, j, &actors[0]))
			continue;
		if (actors[0].pronoun || actors[0].end >= k || T(c, actors[0].end)->kind != NA_TK_WORD)
			return 0;
		/* "Lib Dem MP Ann Roe": a party's name before the person's */
		if (is_capitalized(c, actors[0].end))
		{
			j = actors[0].end - 1;
			continue;
		}
		return 1;
	}
	return 0;
}

/*
 * "Tom Hale beat the Labour candidate to win the seat", "needs the support
 * of Labour MPs to win": "to win" after the object of another verb is the
 * sentence subject's aim (a purpose clause), not the object's win.  After a
 * control verb ("urged Labour MPs to vote", "wanted them to win") the object
 * is the infinitive's subject, as the walk reads it.  Returns 1 with
 * actors[0] the sentence's subject, 0 to walk as before.
 */
static int
purpose_clause_subject(vctx *c, sent_state *st, uint32_t v, actor_ref *actors)
{
	if (!clause_subject(c, st, v - 1, actors) && !sentence_subject(c, st, v - 1, actors))
		return 0;
	for (uint32_t k = actors[0].end; k + 1 < v; k++)
		if (in_list(c, k, control_verbs) || in_list(c, k, intent_words) || in_list(c, k, aux_words))
			return 0;
	/* the subject's own verb right before "to win" ("hopes to win") is the walk's */
	return actors[0].end + 2 < v;
}

/*
 * Is "to" before the verb at v a purpose clause after a verb in the past
 * ("overturned a big Labour majority to win the seat"): the aim was
 * reached as told, no plan?  Its subject as purpose_clause_subject finds
 * it, then a verb in -ed and its object ("needs support to win",
 * "remained on track to win" are aims).
 */
int
purpose_after_past(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	const na_token *t;
	uint32_t	o;

	if (v < st->first + 3 || !is_word(c, v - 1, "to") || !purpose_clause_subject(c, st, v, actors))
		return 0;
	t = T(c, actors[0].end);
	/* (not "need", "exceed": -eed is no past ending) */
	if (t->kind != NA_TK_WORD || t->len <= 3 || c->doc->text[t->start + t->len - 2] != 'e' ||
		c->doc->text[t->start + t->len - 1] != 'd' || c->doc->text[t->start + t->len - 3] == 'e')
		return 0;
	/* its object next ("overturned a majority"), not "remained on track to win" */
	o = actors[0].end + 1;
	return in_list(c, o, participle_determiners) || (o < c->doc->ntokens && T(c, o)->kind == NA_TK_NUMBER);
}

/*
 * The subject of a vote verb whose left neighbour is the comma closing an
 * appositive (k): the actors before the appositive ("Russia and China, two
 * of the five permanent members, blocked"), or those the appositive names
 * ("a third, Jared Golden, voted"; "Two Democratic members, Ann Ode and Bo
 * Li, opposed it").  Returns the actors found, 0 for none.
 */
static int
appositive_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors, int max)
{
	int			n;

	/* an appositive: skip back to its opening comma */
	uint32_t	open = k;

	while (open > st->first && open + 16 > k && !is_punct(c, open - 1, ','))
		open--;
	if (open > st->first + 1 && is_punct(c, open - 1, ','))
	{
		/* "Russia and China, two of the five permanent members, blocked" */
		n = actors_left(c, open - 2, st->first, actors, max);
		/* "the mayor of Terre Haute, Duke Bennett, was elected": the appositive names him */
		if (n > 0 && actors[0].first > st->first && is_word(c, actors[0].first - 1, "of") &&
			k > open && actors_left(c, k - 1, open, actors, max) > 0)
			return 1;
		if (n == 0 && known_surname(c, open - 2, actors))
			return 1;	/* "Trump, the incumbent President, won" */
		/* "Two Democratic members, Ann Ode and Bo Li, opposed it": the names counted */
		if (n == 1 && actors[0].kind == NA_VK_GROUP && k > open &&
			(number_at(c, actors[0].first) > 0 || number_at(c, actors[0].name_first) > 0))
		{
			actor_ref	named[MAX_ACTORS];
			int			m = actors_left(c, k - 1, open, named, max < MAX_ACTORS ? max : MAX_ACTORS);

			if (m > 0 && named[0].first == open && named[0].kind == NA_VK_PERSON)
			{
				memcpy(actors, named, (size_t) m * sizeof(actor_ref));
				return m;
			}
		}
		if (n > 0)
			return n;
		/* "a third, Jared Golden, voted": the appositive names the actor (not "In Syria, ...") */
		if (k > open && !in_list(c, open, prepositions))
		{
			n = actors_left(c, k - 1, open, actors, max);
			if (n > 0)
				return n;
		}
	}
	return 0;
}

/*
 * The subject of a vote verb that is the surname k of a person the article
 * named in full ("Sanders voted"), with the names coordinated before it
 * ("Both Trump and Sanders won").  actors[0] holds the surname's person;
 * returns the actors.
 */
static int
surname_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors, int max)
{
	/* "Both Trump and Sanders won": the names coordinated before it */
	if (max > 1 && k >= st->first + 2 && is_word(c, k - 1, "and"))
	{
		actor_ref	more[MAX_ACTORS];
		int			m = actors_left(c, k - 2, st->first, more, max - 1 < MAX_ACTORS ? max - 1 : MAX_ACTORS);

		if (m == 0 && known_surname(c, k - 2, more))
			m = 1;
		if (m > 0)
		{
			actors[m] = actors[0];
			memcpy(actors, more, (size_t) m * sizeof(actor_ref));
			return m + 1;
		}
	}
	return 1;
}

/*
 * The actors "who" at k stands for, before a vote verb: the antecedent of a
 * non-restrictive clause ("Councillor Dana Whitfield, who proposed the
 * motion"), the copula's subject of a predicate ("He was among the members
 * who voted"), or members of a chamber ("MPs who voted themselves a
 * pension", data/lexicon/vote_legislator_nouns.tsv).  q is the token after
 * k's place in the walk.  Returns the actors found, or -1 when "who" is
 * none of these and the walk goes on as before.
 */
static int
who_subject(vctx *c, sent_state *st, uint32_t k, uint32_t q, actor_ref *actors, int max)
{
	int			n;

	if (k >= st->first + 2 && is_punct(c, k - 1, ','))
	{
		uint32_t	a = antecedent_end(c, st, k - 2);

		n = actors_left(c, a, st->first, actors, max);
		if (n == 0 && a != k - 2)
			n = actors_left(c, k - 2, st->first, actors, max);
		if (n == 1)
			person_of_place(c, st, &actors[0]);
		else if (n == 0 && known_surname(c, k - 2, actors))
			n = 1;
		return n;
	}
	if (k + 1 != q)
		return -1;
	n = copula_subject(c, st, k, actors, max);
	if (n == 0 && k > st->first &&
		na_lex_has(NA_LEX_VOTE_LEGISLATOR_NOUNS, c->doc->text + T(c, k - 1)->start, T(c, k - 1)->len))
	{
		n = actors_left(c, k - 1, st->first, actors, max);
		if (n != 1 || actors[0].kind != NA_VK_GROUP)
			n = 0;
	}
	return n;
}

/*
 * "he", "she" at k as a vote's subject: the person named last (in the
 * sentence or before it); after "the president's ..." the office holder the
 * article titled so, with the pronoun as the evidence.
 */
static int
he_she_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors)
{
	uint32_t	office;

	/* "The president's response ... he asserted he had won": an office holder */
	if ((office = office_before(c, st, k)) != 0)
	{
		if (!office_holder(c, office - 1, actors))
			return 0;
		actors[0].first = k;	/* the evidence is the pronoun, the name the holder's */
		actors[0].end = k + 1;
		return 1;
	}
	return resolve_person(c, k, actors);
}

/*
 * An office described as the subject of a veto, the office noun at k
 * (data/lexicon/vote_office_nouns.tsv): "the governor vetoed the bill",
 * "South Dakota's Republican governor vetoed a bill".  For "the governor",
 * the holder the article titled so ("Governor Dennis Daugaard") where there
 * is one, else
 * the description as written, which the codebook accepts as the actor: the
 * office is one person, so no other person named nearby is taken for him.
 * Vetoes only: in an election ("the former governor took 3%") the office is
 * not who stands, and the candidate's name is what the codebook wants.
 * The description opens with "the" or a possessive, and holds a few words
 * at most.  Returns 1 with actors[0] filled.
 */
static int
office_description_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors)
{
	uint32_t	first = k;
	int			determined = 0;

	if (T(c, k)->kind != NA_TK_WORD || is_capitalized(c, k) || !in_lex(c, k, NA_LEX_VOTE_OFFICE_NOUNS))
		return 0;
	while (first > st->first && first + 5 > k && T(c, first - 1)->kind == NA_TK_WORD &&
		   !trigger_of(c, first - 1) && !in_list(c, first - 1, clause_words) &&
		   !in_list(c, first - 1, aux_words) && !in_list(c, first - 1, prepositions))
	{
		first--;
		if (is_word(c, first, "the") || is_possessive(c, first))
		{
			determined = 1;
			break;
		}
	}
	if (!determined)
		return 0;
	/* "South Dakota's": the possessive may end a name of two words */
	while (first > st->first && is_capitalized(c, first - 1) && is_capitalized(c, first) &&
		   is_possessive(c, first))
		first--;
	/* only "the governor" is the one titled before: "Ohio's governor" may be another */
	if (first + 1 == k && is_word(c, first, "the") && office_holder(c, k, &actors[0]))
	{
		actors[0].first = first;	/* the evidence is the description, the name the holder's */
		actors[0].end = k + 1;
		return 1;
	}
	memset(&actors[0], 0, sizeof(actors[0]));
	actors[0].first = first;
	actors[0].end = k + 1;
	actors[0].name_first = is_word(c, first, "the") ? first + 1 : first;
	actors[0].name_end = k + 1;
	actors[0].kind = NA_VK_PERSON;
	return 1;
}

/*
 * A position a member takes in person: a vote, an abstention, sponsoring,
 * backing or opposing a measure (not a body's decision, nor a win: "the
 * victory over the Vermont senator gives her two wins" is hers).
 */
static int
member_position_class(int cls)
{
	return cls == W_VOTE || cls == W_ABSTAIN || cls == W_SPONSOR || cls == W_SUPPORT ||
		cls == W_OPPOSE;
}

/*
 * "The Vermont congressman plans to vote for Sanders", "the senator voted
 * against it": a description of an office (data/lexicon/role_offices.tsv)
 * as the subject of a member's position (member_position_class) is the
 * person the article titled so before ("Rep. Peter Welch", "Sen. Ann
 * Roe"), the nearest; with no such person, no actor (unlike a veto's
 * office, office_description_subject: a member's vote is a person's, whom
 * the codebook names).  Only "the", capitalised words (a state, a party)
 * and the office noun at k: "the former governor" is another person than
 * the one in office.  Returns 1 with actors[0] filled.
 */
static int
office_holder_subject(vctx *c, sent_state *st, uint32_t k, actor_ref *actors)
{
	uint32_t	first = k;

	if (T(c, k)->kind != NA_TK_WORD || is_capitalized(c, k) || is_possessive(c, k))
		return 0;
	while (first > st->first && first + 4 > k && is_capitalized(c, first - 1) &&
		   T(c, first - 1)->kind == NA_TK_WORD && !(T(c, first - 1)->flags & NA_TF_SENT_START))
		first--;
	if (first == st->first || !is_word(c, first - 1, "the"))
		return 0;
	first--;
	if (!office_holder(c, k, &actors[0]))
		return 0;
	actors[0].first = first;	/* the evidence is the description, the name the holder's */
	actors[0].end = k + 1;
	return 1;
}

/*
 * A country after a comma is the address of the body before it: "the
 * Parliament of New South Wales (NSW), Australia voted" is the Parliament's
 * vote, so *a becomes that body when one ends there.
 */
static void
body_before_country(vctx *c, sent_state *st, actor_ref *a)
{
	uint32_t	e;
	actor_ref	body;

	if (a->first < st->first + 2 || !is_punct(c, a->first - 1, ','))
		return;
	e = a->first - 2;
	if (is_punct(c, e, ')'))
	{
		while (e > st->first && e + 8 > a->first && !is_punct(c, e, '('))
			e--;
		e = is_punct(c, e, '(') && e > st->first ? e - 1 : a->first - 2;
	}
	if (actor_ending_at(c, e, st->first, &body) && body.kind == NA_VK_BODY)
		*a = body;
}

/* "I'll", "I'd", "I'm", "I've" (straight or curly apostrophe): "I" with a verb contracted onto it. */
static int
is_contracted_i(const vctx *c, uint32_t k)
{
	const na_token *t;
	const char *p;
	size_t		rest;

	if (k >= c->doc->ntokens || T(c, k)->kind != NA_TK_WORD)
		return 0;
	t = T(c, k);
	p = c->doc->text + t->start;
	if (t->len < 3 || p[0] != 'I')
		return 0;
	if (p[1] == '\'')
	{
		p += 2;
		rest = t->len - 2;
	}
	else if (t->len >= 5 && memcmp(p + 1, "\xE2\x80\x99", 3) == 0)
	{
		p += 4;
		rest = t->len - 4;
	}
	else
		return 0;
	return (rest == 2 && (p[0] | 0x20) == 'l' && (p[1] | 0x20) == 'l') ||
		(rest == 1 && ((p[0] | 0x20) == 'd' || (p[0] | 0x20) == 'm')) ||
		(rest == 2 && (p[0] | 0x20) == 'v' && (p[1] | 0x20) == 'e');
}

/*
 * "“I will vote against it,” said Councillor Reyes": a vote told in the
 * first person inside a quotation is the speaker's, whom the caller's
 * speakers name (the pronoun is the evidence, the speaker's name the
 * actor).  Outside a quotation, or where no speaker is named, "I" is the
 * writer or no one in particular: no actor.  Returns the actors found (0 or 1).
 */
static int
first_person_speaker(vctx *c, uint32_t k, actor_ref *a)
{
	uint32_t	name_first;
	uint32_t	name_end;

	if (c->speakers == NULL || !(is_word(c, k, "i") || is_contracted_i(c, k)) ||
		!c->speakers->speaker_at(c->speakers->arg, T(c, k)->start, &name_first, &name_end) ||
		name_first >= name_end || name_end > c->doc->ntokens)
		return 0;
	memset(a, 0, sizeof(*a));
	a->first = k;
	a->end = k + 1;
	a->name_first = name_first;
	a->name_end = name_end;
	a->kind = NA_VK_PERSON;
	return 1;
}

/*
 * The actors of a vote verb at v: walks left from the verb over the subject
 * (parentheticals, appositions, coordinated names) and collects every actor
 * it names, so that "Britain and France voted" gives two rows; stops after
 * a few steps so that a long sentence stays linear.
 */
int
subject_walk(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int max, int *person_only_out)
{
	uint32_t	q = v;
	int			steps = 0;
	int			infinitive = v > st->first && is_word(c, v - 1, "to");

	*person_only_out = 0;
	/* "was the first senator to vote against it": the copula's subject */
	if (infinitive && voter_rank_before(c, st, v - 1))
	{
		int			n = copula_subject(c, st, v - 1, actors, max);

		if (n > 0)
			return n;
	}
	if (infinitive && trigger_of(c, v) && trigger_of(c, v)->cls == W_WIN &&
		purpose_clause_subject(c, st, v, actors))
		return 1;
	while (q > st->first && steps < 14)
	{
		uint32_t	k = q - 1;
		int			n;

		steps++;
		/* "Jon Tester (D-Mont.) voted": a parenthetical between subject and verb */
		if (is_punct(c, k, ')'))
		{
			uint32_t	open = k;

			while (open > st->first && open + 10 > k && !is_punct(c, open, '('))
				open--;
			if (is_punct(c, open, '(') && open > st->first)
			{
				q = open;
				continue;
			}
			return 0;
		}
		if (is_punct(c, k, ','))
			return appositive_subject(c, st, k, actors, max);
		/* "The majority voted to end the debate and voted for the bill": the first verb's subject */
		if ((is_word(c, k, "and") || is_word(c, k, "but")) && k > st->first &&
			(k + 1 == v || (k + 2 == v && is_adverb_ly(c, k + 1))))
		{
			for (uint32_t t = k; t-- > st->first && t + 30 > k;)
				if (trigger_of(c, t) && trigger_of(c, t)->cls == trigger_of(c, v)->cls)
					return subject_of(c, st, t, actors, max);
			/* "Tom Hale joined the Senate and voted against the bill": the sentence's subject */
			return sentence_subject(c, st, k, actors);
		}
		/* "The senators -- Ted Cruz of Texas, Rand Paul of Kentucky and Marco Rubio -- all voted" */
		if (T(c, k)->kind == NA_TK_DASH)
		{
			uint32_t	open = 0;

			n = dash_list(c, st, k, actors, max, &open);
			if (n > 0 || open == 0)
				return n;
			q = open;			/* "The rebels -- a dozen in all -- voted": the subject before */
			continue;
		}
		/* "Poland has rejected the proposal and Germany's parties have opposed": another clause */
		if (trigger_of(c, k) && k + 1 < v)
		{
			uint32_t	head;

			if (motion_right(c, after_verb(c, k), &head))
				return 0;
		}
		/*
		 * "On Election Day, I will vote", "everyone is voting": the pronoun is
		 * the subject ("Obama and I voted": the others too); "he", "she" stand
		 * for a person named before ("Ms. Follett confirmed she would vote").
		 */
		if (in_list(c, k, generic_pronouns))
		{
			if ((is_word(c, k, "i") || is_word(c, k, "we")) && k > st->first + 1 &&
				is_word(c, k - 1, "and"))
			{
				q = k - 1;
				continue;
			}
			return first_person_speaker(c, k, &actors[0]);
		}
		/* "I'll vote", "I'd vote", "I'm voting" */
		if (is_contracted_i(c, k))
			return first_person_speaker(c, k, &actors[0]);
		/* "best whoever wins": a subject no one in particular */
		if (is_word(c, k, "whoever") || is_word(c, k, "whichever"))
			return 0;
		/* "he", "she": the person named last (in the sentence or before it) */
		if (is_word_or_modal(c, k, "he") || is_word_or_modal(c, k, "she"))
		{
			*person_only_out = 1;
			return he_she_subject(c, st, k, actors);
		}
		/* "Councillor Dana Whitfield, who proposed", "He was among the members who voted" */
		if (is_word(c, k, "who") && (n = who_subject(c, st, k, q, actors, max)) >= 0)
			return n;
		if (is_boundary(c, k) && !is_word(c, k, "that"))
			return 0;
		n = actors_left(c, k, st->first, actors, max);
		/*
		 * "Workers at Harwick Motors in Castleford have voted": a preposition's
		 * object is no subject ("in the House, Mr. Sanders passed": the rest
		 * is).  Not before an infinitive: "called on Congress to pass".
		 */
		if (n > 0 && !infinitive && actors[0].first > st->first && !actors[0].pronoun &&
			in_list(c, actors[0].first - 1, setting_prepositions))
		{
			if (n > 1)
			{
				memmove(actors, actors + 1, (size_t) (n - 1) * sizeof(actor_ref));
				return n - 1;
			}
			q = actors[0].first - 1;
			continue;
		}
		/* "the Parliament of New South Wales (NSW), Australia voted": the country is the body's address */
		if (n == 1 && actors[0].kind == NA_VK_COUNTRY)
			body_before_country(c, st, &actors[0]);
		if (n == 1)
			person_of_place(c, st, &actors[0]);
		/* "urged voters to vote": the object of a control verb chooses nothing */
		if (n > 0 && infinitive && actors[0].first > st->first && in_list(c, actors[0].first - 1, control_verbs))
			return 0;
		if (n > 0)
			return n;
		/* "the governor vetoed", "South Dakota's Republican governor vetoed" */
		if (k + 1 == q && trigger_of(c, v) && trigger_of(c, v)->cls == W_VETO &&
			office_description_subject(c, st, k, actors))
			return 1;
		/* "the Vermont congressman voted": the person titled so */
		if (k + 1 == q && trigger_of(c, v) && member_position_class(trigger_of(c, v)->cls) &&
			office_holder_subject(c, st, k, actors))
			return 1;
		/* "Sanders voted": a surname of a person the article named in full */
		if (k + 1 == q && known_surname(c, k, actors))
			return surname_subject(c, st, k, actors, max);
		/* "Chirac was elected": a name of one word the article gives nowhere in full */
		if (k + 1 == q && lone_name_subject(c, k, v, actors))
			return 1;
		/* "urged women to vote": the subject of the infinitive is the object, not an actor */
		if (infinitive && in_list(c, k, control_verbs))
			return 0;
		/* "the Russians had long signaled their intent to block": nothing else between */
		if (infinitive && T(c, k)->kind == NA_TK_WORD && !(T(c, k)->flags & NA_TF_CAPITALIZED) &&
			!in_list(c, k, aux_words) && !in_list(c, k, intent_words) && !in_list(c, k, infinitive_glue))
			return 0;
		if (is_word(c, k, "that"))
			return 0;
		q = k;
	}
	return 0;
}

/* The subject actors of a verb at v: walk left over auxiliaries and an appositive. */
int
subject_of(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int max)
{
	int			person_only;
	int			n = subject_walk(c, st, v, actors, max, &person_only);

	/* "he", "she" before the verb: only a person can be the one meant */
	if (person_only && (n != 1 || actors[0].kind != NA_VK_PERSON))
		return 0;
	return n;
}
