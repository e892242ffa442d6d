/*
 * votes_elections.c - elections as the codebook codes them: the candidate or
 * party that wins gets `win` ("Sanders won the primary", "she was elected in
 * 1997", "was voted into power"), a loser gets `win` negated ("lost the
 * race", "lost to Obama", "failed to win"), and an electorate that chose
 * gets `elect` ("voters elected her").  Results in votes count as the
 * winner's tally_for; percentages are not tallies.
 */
#include "votes_internal.h"

/* Is the trigger at v a noun here ("a win", "his win", "the loss")? */
static int
election_noun(vctx *c, sent_state *st, uint32_t v)
{
	return v > st->first && (in_list(c, v - 1, elected_premodifiers) ||
							 (is_possessive(c, v - 1) && !is_word(c, v - 1, "he's") && !is_word(c, v - 1, "she's") &&
							  !is_word(c, v - 1, "he\xE2\x80\x99s") && !is_word(c, v - 1, "she\xE2\x80\x99s")));
}

/* Does sentence st speak of an election (primary, caucus, delegates, ...)? */
static int
election_sentence(vctx *c, sent_state *st)
{
	for (uint32_t k = st->first; k < st->end; k++)
		if (in_list(c, k, election_sentence_words))
			return 1;
	return 0;
}

/*
 * What was won or lost, after the verb at v: an election word ("the
 * Republican primary", "the seat", "a second term", "52% of the vote"), a
 * state in an election sentence ("won Florida"), or "by N votes".  Returns
 * 1 when it is an election, with the votes won in *votes (-1: none).
 */
static int
election_object(vctx *c, sent_state *st, uint32_t v, int32_t *votes)
{
	*votes = NA_VOTE_NO_COUNT;
	for (uint32_t k = v + 1; k < v + 8 && k < st->end; k++)
	{
		const na_token *t = T(c, k);
		na_place_match m;

		/* "won 13 votes in favour": a motion's count, not an election */
		if (is_word(c, k, "votes") && (is_word(c, k + 1, "for") || (is_word(c, k + 1, "in") &&
			(is_word(c, k + 2, "favour") || is_word(c, k + 2, "favor")))))
			return 0;
		if (t->kind == NA_TK_NUMBER && is_word(c, k + 1, "votes") && !is_word(c, k - 1, "of") &&
			!is_word(c, k + 2, "in") && !is_word(c, k + 2, "for"))
		{
			*votes = number_at(c, k);
			return 1;
		}
		/* "losing the black vote": a bloc of voters, as polls tell it (vote_voter_blocs.tsv) */
		if (is_word(c, k, "vote") && k > v + 1 && in_lex(c, k - 1, NA_LEX_VOTE_VOTER_BLOCS))
			return 0;
		if (in_list(c, k, election_words))
			return 1;
		/* "winning by a margin of 108 votes": a margin is no tally, but a win */
		if (is_word(c, k, "margin") && is_word(c, k + 1, "of") &&
			(is_word(c, k + 3, "votes") || is_word(c, k + 4, "votes")))
			return 1;
		if (k == v + 1 && na_place_at(c->doc, k, &m) && m.kind == NA_PLACE_NAME &&
			!(m.flags & NA_PLACE_POSSESSIVE) && election_sentence(c, st))
			return 1;
		/* "win Florida and Kasich win Ohio": a US state is won in a primary season */
		if (k == v + 1 && is_capitalized(c, k) && election_sentence(c, st))
		{
			uint32_t	n = 0;

			if (na_lex_longest(NA_LEX_VOTE_US_STATES, c->doc, k, &n) >= 0 && n > 0 && !is_possessive(c, k + n - 1))
				return 1;
		}
		if (t->kind == NA_TK_PUNCT && !is_punct(c, k, '%'))
			return 0;
		if (t->kind == NA_TK_OPEN_QUOTE || t->kind == NA_TK_CLOSE_QUOTE || t->kind == NA_TK_DASH ||
			in_list(c, k, clause_words) || trigger_of(c, k))
			return 0;
	}
	return 0;
}

/*
 * The further elections one win verb at v reports: "re-elected twice",
 * "in 2014 and 2018", "won the primary in Oklahoma and in Vermont".  The
 * codebook gives each election its row.  Fills more[] with a token that
 * stands for each further election (its evidence) and returns their count
 * (at most 2); stops at the clause's end or another vote word.
 */
static int
election_repeats(vctx *c, sent_state *st, uint32_t v, uint32_t *more)
{
	int			n = 0;

	for (uint32_t j = v + 1; j < v + 20 && in_sentence(c, j, st->s) && n < 2; j++)
	{
		if (is_punct(c, j, '.') || is_punct(c, j, ';') || is_punct(c, j, '?') || trigger_of(c, j) ||
			(in_list(c, j, clause_words) && !is_word(c, j, "and")))
			break;
		/* "twice, in 2014 and 2018": the years are the two times */
		if (is_word(c, j, "twice"))
		{
			more[0] = j;
			return 1;
		}
		/* "in 2014 and 2018", "in 2010, 2014 and 2018" */
		else if (is_year(c, j) && (is_word(c, j + 1, "and") || is_punct(c, j + 1, ',')) && is_year(c, j + 2))
			more[n++] = j + 2;
		/* "in Oklahoma and in Vermont" */
		else if (is_word(c, j, "and") && is_word(c, j + 1, "in") && j > v + 2 && in_sentence(c, j + 2, st->s) &&
				 (is_capitalized(c, j - 1) || is_year(c, j - 1)))
		{
			/* "and in his home state of Vermont": the place names it */
			uint32_t	e = j + 2;

			while (e < j + 8 && in_sentence(c, e + 1, st->s) && !is_capitalized(c, e) && !is_year(c, e))
				e++;
			more[n++] = is_capitalized(c, e) || is_year(c, e) ? e : j + 2;
		}
	}
	return n;
}

/* Emit one election row for actor a (NULL: none) as a vote event of its own. */
static void
election_row(vctx *c, sent_state *st, uint32_t v, const actor_ref *a, uint8_t action, uint8_t modality,
			 int32_t votes)
{
	position	p;
	body_ref	nobody;
	uint32_t	event;
	vote_event *ev;

	memset(&p, 0, sizeof(p));
	memset(&nobody, 0, sizeof(nobody));
	p.sentence = st->s;
	p.verb = v + 1;
	p.action = action;
	p.modality = modality;
	if (a)
		p.actor = *a;
	p.ev_first = a && a->first < v && a->first >= st->first ? a->first : v;
	p.ev_end = v + 1;
	/* an election recalled as background is no event of the article, as for the other votes */
	event = modality == NA_VM_HISTORICAL ? 0 : event_for(c, st->s, 1, 0, 0, &nobody, 1, 0);
	ev = event ? event_ptr(c, event) : NULL;
	if (ev && votes >= 0 && modality != NA_VM_HYPOTHETICAL && modality != NA_VM_PLANNED)
		ev->votes_for = votes;
	emit(c, &p, event);
	/* an election recalled has no event: the row keeps the candidate's votes itself */
	if (event == 0 && votes >= 0 && modality == NA_VM_HISTORICAL && c->rows.count > 0)
		((na_vote *) c->rows.items)[c->rows.count - 1].votes_for = votes;
	/* "He was re-elected twice, in 2014 and 2018": a row for each election */
	if (action == NA_VA_WIN && a)
	{
		uint32_t	more[2];
		int			n = election_repeats(c, st, v, more);

		for (int k = 0; k < n; k++)
		{
			p.ev_first = more[k];
			p.ev_end = more[k] + 1;
			emit(c, &p, event);
		}
	}
}

/* "lost to Barack Obama": the winner after "to" */
static int
winner_after_to(vctx *c, sent_state *st, uint32_t v, actor_ref *a)
{
	uint32_t	k = v + 1;

	while (k < st->end && (is_punct(c, k, ',') || T(c, k)->kind == NA_TK_DASH || is_word(c, k, "narrowly") ||
						   is_word(c, k, "convincingly") || is_word(c, k, "badly")))
		k++;
	/* "lost the caucuses in Guam to Clinton", "lost the nomination in 2016 to Clinton" */
	if (!is_word(c, k, "to"))
	{
		uint32_t	limit = k + 12;

		for (; k < limit && k < st->end && !is_word(c, k, "to"); k++)
			if (T(c, k)->kind != NA_TK_WORD && T(c, k)->kind != NA_TK_NUMBER && !is_possessive(c, k))
				return 0;
			else if (in_list(c, k, clause_words) || trigger_of(c, k) || is_word(c, k, "and"))
				return 0;
	}
	if (!is_word(c, k, "to") || k + 1 >= st->end)
		return 0;
	k++;
	if (is_word(c, k, "former") || is_word(c, k, "then") || is_word(c, k, "incumbent"))
		k++;					/* "lost to former Senator Clinton" */
	if (actor_at(c, k, a) && a->kind != NA_VK_COUNTRY && a->kind != NA_VK_BODY)
		return 1;
	if (known_surname(c, k, a))
		return 1;
	/* "to former United States Secretary of State ... Hillary Clinton": the name ends the titles */
	for (uint32_t j = k + 1; j < k + 16 && j < st->end && T(c, j)->kind != NA_TK_PUNCT; j++)
		if (person_at(c, j, a) && a->kind == NA_VK_PERSON &&
			(a->end >= st->end || T(c, a->end)->kind == NA_TK_PUNCT))
			return 1;
	return 0;
}

/*
 * The subject of the sentence's main clause, for an election told in a
 * clause of its own that names no one: "Nkurunziza was serving his third
 * term after first being elected in 2005", "Conyers ran for Congress in
 * 1964, winning by 108 votes".  A person or party opening the sentence ("He"
 * resolved); returns 1 and fills *a.
 */
static int
main_subject(vctx *c, sent_state *st, actor_ref *a)
{
	uint32_t	k = st->first;

	if (is_word(c, k, "he") || is_word(c, k, "she"))
	{
		if (!resolve_person(c, k, a))
			return 0;
		a->first = k;
		a->end = k + 1;
		return 1;
	}
	if (is_word(c, k, "the"))
		k++;
	if (actor_at(c, k, a) && !a->pronoun && (a->kind == NA_VK_PERSON || a->kind == NA_VK_PARTY))
		return 1;
	/* "Conyers ran ...": a surname the article gave in full before */
	return known_surname(c, k, a);
}

/*
 * "... in a lame-duck session if Clinton wins.": a candidate the article
 * named in full who wins, with nothing after the verb, in a condition of a
 * sentence about an election or with a vote word: the election is the one
 * the article is about.  Only "wins"/"win" closing its clause right after "if"/"unless"
 * and the name (a sports story's "if Arsenal wins" has no person named in
 * full).  *votes is left without a count.
 */
static int
conditional_win(vctx *c, sent_state *st, uint32_t v, int32_t *votes)
{
	actor_ref	who;

	*votes = NA_VOTE_NO_COUNT;
	if (v < st->first + 2 || !(is_word(c, v - 2, "if") || is_word(c, v - 2, "unless")) ||
		!(is_word(c, v, "wins") || is_word(c, v, "win")) || !in_sentence(c, v + 1, st->s) ||
		!(is_punct(c, v + 1, '.') || is_punct(c, v + 1, ',') || is_punct(c, v + 1, ';')))
		return 0;
	if (!known_surname(c, v - 1, &who))
		return 0;
	if (election_sentence(c, st))
		return 1;
	/* "whether they'd vote for Garland ... if Clinton wins": a vote word in the sentence */
	for (uint32_t k = st->first; k < st->end; k++)
		if (trigger_of(c, k) && trigger_of(c, k)->cls == W_VOTE)
			return 1;
	return 0;
}

/* won, lost: the subject wins (or, lost, does not) when the object is an election. */
static int
win_or_lose(vctx *c, sent_state *st, uint32_t v, int lose)
{
	actor_ref	actors[MAX_ACTORS];
	actor_ref	winner;
	int32_t		votes;
	int			n;
	int			to_winner = lose && winner_after_to(c, st, v, &winner);
	int			for_to = 0;		/* "for him to win" */
	uint8_t		mod;

	if (election_noun(c, st, v) ||
		(!election_object(c, st, v, &votes) && !to_winner && !conditional_win(c, st, v, &votes)))
		return 0;
	if (to_winner)
		votes = NA_VOTE_NO_COUNT;
	n = subject_of(c, st, v, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	/* "for him to win the nomination": the subject of the infinitive */
	if (n == 0 && v >= st->first + 3 && is_word(c, v - 1, "to") && is_word(c, v - 3, "for"))
	{
		if (is_word(c, v - 2, "him") || is_word(c, v - 2, "her"))
		{
			/*
			 * "Sanders would need superdelegates supporting Clinton to switch
			 * sides for him to win": the sentence's first person, whom the
			 * clause is about, before the nearest one
			 */
			for (uint32_t k = st->first; k + 3 < v && n == 0; k++)
				if ((person_at(c, k, &actors[0]) && actors[0].kind == NA_VK_PERSON) ||
					known_surname(c, k, &actors[0]))
					n = 1;
			if (n == 0 && resolve_person(c, v - 2, &actors[0]))
				n = 1;
			if (n)
			{
				actors[0].first = v - 2;
				actors[0].end = v - 1;
				for_to = 1;
			}
		}
		else if (actor_at(c, v - 2, &actors[0]) && actors[0].end == v - 1 && !actors[0].pronoun)
			n = 1;
	}
	/* "Should Rubio win Florida": a surname the article gave in full, after the inverted modal */
	if (n == 0 && v >= st->first + 2 && (is_word(c, v - 2, "should") || is_word(c, v - 2, "if")) &&
		known_surname(c, v - 1, &actors[0]))
		n = 1;
	/* "ran for Congress in 1964, winning by a margin of 108 votes": the runner wins */
	if (n == 0 && !lose && v > st->first + 1 && is_punct(c, v - 1, ',') && is_word(c, v, "winning") &&
		main_subject(c, st, &actors[0]))
		n = 1;
	mod = modality_at(c, v, st->first);
	/* "on track to win the nomination": an aim, as for the other verbs (not
	 * "overturned a majority to win the seat": done) */
	if (mod == NA_VM_ASSERTED && infinitive_aim(c, st, v))
		mod = NA_VM_PLANNED;
	/* "would need 159 superdelegates for him to win": a condition, not a plan */
	if (for_to && mod == NA_VM_PLANNED)
		mod = NA_VM_HYPOTHETICAL;
	for (int k = 0; k < n; k++)
	{
		uint8_t		m = mod;

		/* "could win California and still lose": a state is won, it wins nothing */
		if (actors[k].us_state)
			continue;
		/* "2,383 delegates to win the nomination": a count, not a candidate */
		if (actors[k].kind == NA_VK_GROUP && actors[k].name_end > actors[k].name_first &&
			(is_word(c, actors[k].name_end - 1, "delegates") || is_word(c, actors[k].name_end - 1, "votes") ||
			 is_word(c, actors[k].name_end - 1, "voters")))
			continue;

		if (lose && (m == NA_VM_ASSERTED || m == NA_VM_HISTORICAL))
			m = NA_VM_NEGATED;
		else if (lose && m == NA_VM_NEGATED)
			m = NA_VM_ASSERTED;	/* "did not lose" */
		election_row(c, st, v, &actors[k], NA_VA_WIN, m, votes);
	}
	if (to_winner)
		election_row(c, st, v, &winner, NA_VA_WIN, mod == NA_VM_NEGATED ? NA_VM_NEGATED : mod, votes);
	return 1;
}

/*
 * elected: "X was elected (leader, in 1997)", "X, who was elected", "voters
 * elected X".  The passive gives the winner; the active gives the
 * electorate (elect) and the one chosen (win).
 */
static int
elected(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	actor_ref	chosen;
	uint32_t	q = v;
	int			passive = 0;
	int			n;
	uint8_t		mod;

	if (election_noun(c, st, v))
		return 1;				/* "the newly elected mayor": a premodifier, optional */
	while (q > st->first && in_list(c, q - 1, elected_adverbs))
		q--;
	if (q > st->first && in_list(c, q - 1, elected_auxiliaries))
		passive = 1;
	n = subject_of(c, st, v, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	/*
	 * "the way the legislature is elected", "the way the Hong Kong
	 * legislature is elected", "how mayors are elected": a topic, no election
	 */
	if (n > 0)
		for (uint32_t k = actors[0].first; k > st->first && k + 5 > actors[0].first; k--)
		{
			if (is_word(c, k - 1, "how") || (is_word(c, k - 1, "way") && k >= st->first + 2 &&
											  is_word(c, k - 2, "the")))
				return 1;
			if (T(c, k - 1)->kind != NA_TK_WORD || trigger_of(c, k - 1))
				break;
		}
	/* "if she's elected": the contracted pronoun is the subject */
	if (n == 0 && passive && q > st->first && T(c, q - 1)->len > 3 &&
		(is_word(c, q - 1, "he's") || is_word(c, q - 1, "she's") ||
		 is_word(c, q - 1, "he\xE2\x80\x99s") || is_word(c, q - 1, "she\xE2\x80\x99s")))
	{
		n = resolve_person(c, q - 1, actors);
	}
	/* "after first being elected in 2005": the main clause's subject was elected */
	if (n == 0 && passive && q > st->first + 2 && is_word(c, q - 1, "being"))
	{
		uint32_t	b = is_word(c, q - 2, "first") || is_word(c, q - 2, "later") ? q - 3 : q - 2;

		if (in_list(c, b, election_time_prepositions) &&
			main_subject(c, st, &actors[0]))
			n = 1;
	}
	mod = modality_at(c, v, st->first);
	if (passive)
	{
		for (int k = 0; k < n; k++)
			election_row(c, st, v, &actors[k], NA_VA_WIN, mod, NA_VOTE_NO_COUNT);
		return 1;
	}
	/* active: "voters elected her", "the party elected Corbyn as leader" */
	if (n == 0)
		return 1;
	if (!(person_at(c, v + 1, &chosen) || known_surname(c, v + 1, &chosen)))
		return 1;
	for (int k = 0; k < n; k++)
		election_row(c, st, v, &actors[k], NA_VA_ELECT, mod, NA_VOTE_NO_COUNT);
	election_row(c, st, v, &chosen, NA_VA_WIN, mod, NA_VOTE_NO_COUNT);
	return 1;
}

/*
 * "The new coalition, led by the Green Party, was voted into office": a
 * government is voted in as the party that leads it.  When the
 * appositive between the subject a and the verb v names the party after
 * "led by", that party replaces a.
 */
static void
leading_party(vctx *c, sent_state *st, uint32_t v, actor_ref *a)
{
	actor_ref	party;

	for (uint32_t k = a->end; k + 2 < v && k < a->end + 4; k++)
		if (is_word(c, k, "led") && is_word(c, k + 1, "by"))
		{
			uint32_t	j = is_word(c, k + 2, "the") ? k + 3 : k + 2;

			if (in_sentence(c, j, st->s) && party_at(c, j, &party) && party.end <= v)
				*a = party;
			else
			{
				/* a party the lists do not know: a capitalised name ending in "Party" */
				uint32_t	e = j;

				while (e < v && e < j + 5 && is_capitalized(c, e) && !is_word(c, e, "Party"))
					e++;
				if (e > j && e < v && is_word(c, e, "Party"))
				{
					memset(a, 0, sizeof(*a));
					a->first = j;
					a->end = a->name_end = e + 1;
					a->name_first = j;
					a->kind = NA_VK_PARTY;
				}
			}
			return;
		}
}

/* "was voted into power", "voted into office": the party or person wins. */
static int
voted_into(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	int			n;
	uint8_t		mod;

	if (!(is_word(c, v + 1, "into") || is_word(c, v + 1, "in")) ||
		!(is_word(c, v + 2, "power") || is_word(c, v + 2, "office")))
		return 0;
	n = subject_of(c, st, v, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	mod = modality_at(c, v, st->first);
	if (n == 1)
		leading_party(c, st, v, &actors[0]);
	for (int k = 0; k < n; k++)
		election_row(c, st, v, &actors[k], NA_VA_WIN, mod, NA_VOTE_NO_COUNT);
	return 1;
}

/*
 * The whole-number part of a percentage at k ("52%", "9 percent", "2.3 per
 * cent"), or -1 when k starts none.  Percentages are no tallies, but a share
 * of the vote tells a winner from a loser.
 */
static int32_t
percent_at(vctx *c, uint32_t k, uint32_t *after)
{
	const na_token *t;
	int32_t		n = 0;
	uint32_t	d = 0;

	if (k >= c->doc->ntokens || ((t = T(c, k))->kind != NA_TK_NUMBER && t->kind != NA_TK_PERCENT))
		return -1;
	for (; d < t->len && c->doc->text[t->start + d] >= '0' && c->doc->text[t->start + d] <= '9' && n < 1000; d++)
		n = n * 10 + (c->doc->text[t->start + d] - '0');
	if (d == 0 || n > 100)
		return -1;
	if (t->kind == NA_TK_PERCENT)	/* "52%" is one token */
		*after = k + 1;
	else if (is_punct(c, k + 1, '%') || is_word(c, k + 1, "percent"))
		*after = k + 2;
	else if (is_word(c, k + 1, "per") && is_word(c, k + 2, "cent"))
		*after = k + 3;
	else
		return -1;
	return n;
}

/*
 * A share of the vote anywhere after v in the sentence ("with about 36% of
 * the vote", "51 percent of the mayoral vote"): its whole-number part, or -1.
 */
static int32_t
share_of_vote(vctx *c, sent_state *st, uint32_t v)
{
	for (uint32_t k = v + 1; k < st->end; k++)
	{
		uint32_t	after;
		int32_t		n = percent_at(c, k, &after);

		if (n < 0 || !is_word(c, after, "of"))
			continue;
		for (uint32_t j = after + 1; j < after + 5 && j < st->end; j++)
			if (is_word(c, j, "vote") || is_word(c, j, "votes") || is_word(c, j, "ballots"))
				return n;
	}
	return -1;
}

/* "coming in second", "finished third": a place behind the winner */
static int
placed_behind(vctx *c, sent_state *st, uint32_t v)
{
	for (uint32_t k = v + 1; k + 1 < st->end; k++)
		if (in_list(c, k, placing_verbs))
		{
			uint32_t	j = is_word(c, k + 1, "in") ? k + 2 : k + 1;

			if (in_list(c, j, placing_ordinals))
				return 1;
		}
	return 0;
}

/*
 * What the verb at v of class gain (received, got, earned, secured, took)
 * gains, when it is an election's: a count of votes or delegates ("received
 * 400 votes", votes in *votes), a share of the vote ("got 51% of the vote"),
 * or a prize of data/lexicon/vote_gain_objects.tsv ("secured the
 * nomination", "took the Democratic contest"; not "took her seat", a seat
 * held).  Returns 1 when it is one.
 */
static int
gain_object(vctx *c, sent_state *st, uint32_t v, int32_t *votes)
{
	*votes = NA_VOTE_NO_COUNT;
	for (uint32_t k = v + 1; k < v + 8 && k < st->end; k++)
	{
		const na_token *t = T(c, k);
		uint32_t	after;

		if (t->kind == NA_TK_NUMBER || t->kind == NA_TK_PERCENT)
		{
			if (percent_at(c, k, &after) >= 0)
				return share_of_vote(c, st, k - 1) >= 0;
			if (is_word(c, k + 1, "votes") && number_at(c, k) >= 0)
			{
				*votes = number_at(c, k);
				return 1;
			}
			if (is_word(c, k + 1, "delegate") && is_word(c, k + 2, "votes"))
				return 1;
			return is_word(c, k + 1, "delegates") || is_word(c, k + 1, "superdelegates");
		}
		if (in_list(c, k, gain_objects))
		{
			/* "received an Oscar nomination", "another nomination": an award's, not a party's */
			if (is_word(c, k, "nomination"))
				for (uint32_t j = v + 1; j < k; j++)
					if (is_word(c, j, "a") || is_word(c, j, "an") || is_word(c, j, "another"))
						return 0;
			return !((is_word(c, k, "seat") || is_word(c, k, "seats")) &&
					 (is_word(c, k - 1, "his") || is_word(c, k - 1, "her") || is_word(c, k - 1, "their") ||
					  is_word(c, k - 1, "its")));
		}
		if (t->kind != NA_TK_WORD || in_list(c, k, clause_words) || trigger_of(c, k) ||
			is_word(c, k, "to") || is_word(c, k, "and"))
			return 0;
	}
	return 0;
}

/*
 * "Darrell Castle received 203,091 votes", "He received 3 percent of the
 * vote in 2012 and 2.3 percent in 2014": the voters who chose the candidate
 * are the codebook's unnamed counted group, a null vote_for row beside the
 * candidate's (the count its tally_for; a share, no tally), one row per
 * share the clause lists.  modality is the vote's, before a low share made
 * the candidate's row negated.  Only the candidate's own votes or share of
 * the vote: delegates and nominations are no voters.
 */
static void
voters_of_candidate(vctx *c, sent_state *st, uint32_t v, uint8_t modality)
{
	uint32_t	k = v + 1;
	int			rows = 0;

	/* "a poll of Indiana voters: Trump garnered 30%": an intention (vote_poll_words.tsv) */
	for (uint32_t j = st->first; j < st->end; j++)
		if (in_lex(c, j, NA_LEX_VOTE_POLL_WORDS))
			return;
	while (k < st->end && k < v + 24 && rows < 4)
	{
		uint32_t	after = 0;
		int32_t		count = NA_VOTE_NO_COUNT;
		position	p;
		uint32_t	event;

		if (rows > 0 && !is_word(c, k, "and"))
		{
			/* the next share comes after "and", within the clause */
			if (T(c, k)->kind == NA_TK_PUNCT || in_list(c, k, clause_words) || trigger_of(c, k))
				break;
			k++;
			continue;
		}
		if (rows > 0)
			k++;
		if (percent_at(c, k, &after) >= 0)
		{
			/* "3 percent of the vote", or after the first, "2.3 percent" alone */
			if (rows == 0 && share_of_vote(c, st, k - 1) < 0)
				return;
		}
		else if (T(c, k)->kind == NA_TK_NUMBER && is_word(c, k + 1, "votes") && number_at(c, k) >= 0)
		{
			count = number_at(c, k);
			after = k + 2;
		}
		else if (rows == 0 && k < v + 4)
		{
			k++;				/* "received nearly 66 million votes" */
			continue;
		}
		else
			break;
		memset(&p, 0, sizeof(p));
		p.sentence = st->s;
		p.verb = v + 1;
		p.action = NA_VA_VOTE_FOR;
		p.modality = modality;
		p.ev_first = k;
		p.ev_end = after;
		event = modality == NA_VM_HISTORICAL || c->rows.count == 0 ? 0 :
			((na_vote *) c->rows.items)[c->rows.count - 1].event;
		emit(c, &p, event);
		if (count >= 0 && event == 0 && c->rows.count > 0)
			((na_vote *) c->rows.items)[c->rows.count - 1].votes_for = count;
		rows++;
		k = after;
		/* past "of the vote": its "vote" is no other clause's verb */
		if (is_word(c, k, "of"))
			for (uint32_t j = k + 1; j < k + 5 && j < st->end; j++)
				if (is_word(c, j, "vote") || is_word(c, j, "votes") || is_word(c, j, "ballots"))
				{
					k = j + 1;
					break;
				}
	}
}

/*
 * received, got, earned, secured, took: a candidate or party that gains
 * votes, a share of the vote or a nomination is the codebook's `win`; with
 * less than two votes in five, or placed behind ("coming in second"), the
 * loser's `win`, negated.  A count of votes is the candidate's tally_for.
 */
static void
gain(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	int32_t		votes;
	int32_t		share;
	int			n;
	int			candidate = 0;
	uint8_t		mod;
	uint8_t		vote_mod;

	if (!gain_object(c, st, v, &votes))
		return;
	n = subject_of(c, st, v, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	if (n == 0)
		return;
	mod = modality_at(c, v, st->first);
	if (mod == NA_VM_ASSERTED && infinitive_aim(c, st, v))
		mod = NA_VM_PLANNED;
	share = share_of_vote(c, st, v);
	vote_mod = mod;
	if ((mod == NA_VM_ASSERTED || mod == NA_VM_HISTORICAL) &&
		((share >= 0 && share < 40) || placed_behind(c, st, v)))
		mod = NA_VM_NEGATED;
	for (int k = 0; k < n; k++)
		if (actors[k].kind == NA_VK_PERSON || actors[k].kind == NA_VK_PARTY)
		{
			election_row(c, st, v, &actors[k], NA_VA_WIN, mod, votes);
			candidate = 1;
		}
	/*
	 * "received 203,091 votes": the voters who chose a candidate, once; a
	 * majority's share ("got 51% of the vote") is told as the winner's win
	 */
	if (candidate && n == 1 && share < 50 && (vote_mod == NA_VM_ASSERTED || vote_mod == NA_VM_HISTORICAL))
		voters_of_candidate(c, st, v, vote_mod);
}

/*
 * The side a campaign takes, after the verb at v: "against" a measure
 * (oppose), or for a "no" or a "yes" vote (oppose, support).  Returns the
 * action and sets *end to the token after the evidence and *motion_first,
 * *motion_end, *head to the measure (end 0 for a referendum's side); 0
 * when the campaign is for or against no measure ("against Clinton").
 */
static uint8_t
campaign_side(vctx *c, sent_state *st, uint32_t v, uint32_t *end, uint32_t *motion_first,
			  uint32_t *motion_end, uint32_t *head)
{
	uint32_t	k = v + 1;
	uint8_t		action;

	*motion_first = *motion_end = *head = 0;
	if (is_word(c, k, "against"))
	{
		*motion_end = motion_right(c, k + 1, head);
		*motion_first = k + 1;
		*end = *motion_end;
		return *motion_end ? NA_VA_OPPOSE : 0;
	}
	if (!is_word(c, k, "for"))
		return 0;
	k++;
	if (is_word(c, k, "a"))
		k++;
	if (T(c, k)->kind == NA_TK_OPEN_QUOTE)
		k++;
	if (is_word(c, k, "no"))
		action = NA_VA_OPPOSE;
	else if (is_word(c, k, "yes"))
		action = NA_VA_SUPPORT;
	else
		return 0;
	k++;
	if (T(c, k)->kind == NA_TK_CLOSE_QUOTE || T(c, k)->kind == NA_TK_OPEN_QUOTE)
		k++;
	if (!in_sentence(c, k, st->s) || !is_word(c, k, "vote"))
		return 0;
	*end = k + 1;
	return action;
}

/*
 * campaign, campaigning: a party or group campaigning against a measure or
 * for a "no" vote opposes it (a "yes" vote: supports it), the codebook's
 * oppose and support ("the Tories set to campaign for a no vote").  While
 * the campaign runs its vote is still to come: planned; "campaigned" keeps
 * the modality of its sentence.
 */
static void
campaign(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	position	p;
	uint32_t	end = 0;
	int			n;

	memset(&p, 0, sizeof(p));
	p.action = campaign_side(c, st, v, &end, &p.motion_first, &p.motion_end, &p.motion_head);
	if (p.action == 0)
		return;
	n = subject_of(c, st, v, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	if (n == 0)
		return;
	p.sentence = st->s;
	p.verb = v + 1;
	p.outcome = NA_VO_NONE;
	p.modality = modality_at(c, v, st->first);
	if (p.modality == NA_VM_ASSERTED && !is_word(c, v, "campaigned"))
		p.modality = NA_VM_PLANNED;
	p.ev_first = actors[0].first < v ? actors[0].first : v;
	p.ev_end = end;
	emit_positions(c, st, &p, actors, n);
}

/*
 * "Ethiopia held elections", "the United Kingdom held a referendum": a
 * country that held a vote reports a vote of its electorate, which the
 * codebook gives a null actor (the country is the accepted alternative):
 * `elect` for elections, `approve` for a referendum (its side unsaid).  Up
 * to two words between the article and the noun ("a general election").
 */
static void
held_vote(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	uint32_t	k = v + 1;
	uint8_t		action;
	uint8_t		mod;

	if (is_word(c, k, "a") || is_word(c, k, "an") || is_word(c, k, "its") || is_word(c, k, "their"))
		k++;
	for (int words = 0; words < 2 && in_sentence(c, k + 1, st->s) && T(c, k)->kind == NA_TK_WORD &&
		 !in_list(c, k, election_words) && !trigger_of(c, k); words++)
		k++;
	if (is_word(c, k, "elections") || is_word(c, k, "election") || is_word(c, k, "by-election"))
		action = NA_VA_ELECT;
	else if (is_word(c, k, "referendum") || is_word(c, k, "plebiscite"))
		action = NA_VA_APPROVE;
	else
		return;
	if (!in_sentence(c, k, st->s) || subject_of(c, st, v, actors, MAX_ACTORS) != 1 ||
		actors[0].kind != NA_VK_COUNTRY)
		return;
	mod = modality_at(c, v, st->first);
	/* only "never held", "has not held" deny it ("after two failed treaties, Norway held") */
	if (mod == NA_VM_NEGATED && !(v > st->first && (is_word(c, v - 1, "never") || is_word(c, v - 1, "not"))))
		mod = NA_VM_ASSERTED;
	/* "In May 2005, with the economy growing ..., Ethiopia held elections": dated before (60 tokens) */
	for (uint32_t j = v > st->first + 60 ? v - 60 : st->first; mod == NA_VM_ASSERTED && j < v; j++)
		if (is_year(c, j))
			mod = NA_VM_HISTORICAL;
	election_row(c, st, v, NULL, action, mod, -1);
}

/*
 * The trigger at v when it speaks of an election: returns 1 when handled
 * here (rows emitted or none due), 0 to leave it to the other triggers.
 */
int
election_trigger(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	switch (tw->cls)
	{
		case W_WIN:
			win_or_lose(c, st, v, 0);
			return 1;
		case W_LOSE:
			win_or_lose(c, st, v, 1);
			return 1;
		case W_ELECT:
			return elected(c, st, v);
		case W_VOTE:
			return voted_into(c, st, v);
		case W_GAIN:
			gain(c, st, v);
			return 1;
		case W_CAMPAIGN:
			campaign(c, st, v);
			return 1;
		case W_HELD:
			held_vote(c, st, v);
			return 1;
	}
	return 0;
}

/*
 * "Hong Kongers turned out 2.9 million strong to vote in their district
 * elections", "voters turned out in record numbers to vote in the
 * referendum": an electorate choosing, the codebook's elect row, its actor
 * the subject of "turned out".  v is "vote" after "to"; the election is
 * named after "in" (vote_election_words.tsv).  Returns 1 when it gave the
 * row (or found the subject refers to no one).
 */
int
turnout_vote(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	uint32_t	turned = 0;
	int			n;
	int			election = 0;

	if (v < st->first + 3 || !is_word(c, v - 1, "to") || !is_word(c, v + 1, "in"))
		return 0;
	for (uint32_t e = v + 2; e < v + 7 && in_sentence(c, e, st->s) && T(c, e)->kind == NA_TK_WORD && !election;
		 e++)
		election = in_list(c, e, election_words) && !is_word(c, e, "vote") && !is_word(c, e, "votes");
	if (!election)
		return 0;
	for (uint32_t k = v - 1; k-- > st->first && k + 10 > v;)
		if ((is_word(c, k, "turned") || is_word(c, k, "turn") || is_word(c, k, "turning")) &&
			is_word(c, k + 1, "out"))
		{
			turned = k;
			break;
		}
	if (!turned)
		return 0;
	n = subject_of(c, st, turned, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	for (int k = 0; k < n; k++)
		election_row(c, st, v, &actors[k], NA_VA_ELECT, modality_at(c, turned, st->first), NA_VOTE_NO_COUNT);
	return 1;
}

/*
 * "Ortega led Whitfield on Sunday night by a few hundred ballots -- 48,310
 * to 47,902 votes": a count of votes in which a candidate leads
 * another is the leader's win (the codebook's win, with the count as its
 * tally), told without a verb of winning.  The leader is the person right
 * before "led"/"leads", the other a person right after it; the sentence's
 * tally t (counted in votes) is the count.  Returns 1 when it gave the row.
 */
int
leader_in_count(vctx *c, sent_state *st, const tally *t)
{
	if (t->votes_for < 0 || t->votes_against < 0)
		return 0;
	for (uint32_t k = st->first + 1; k + 1 < st->end; k++)
	{
		actor_ref	leader;
		actor_ref	other;
		vote_event *ev;
		uint8_t		mod;

		if (!(is_word(c, k, "led") || is_word(c, k, "leads")))
			continue;
		if (!((actor_ending_at(c, k - 1, st->first, &leader) && leader.kind == NA_VK_PERSON) ||
			  known_surname(c, k - 1, &leader)) ||
			!((person_at(c, k + 1, &other) && other.kind == NA_VK_PERSON) || known_surname(c, k + 1, &other)))
			continue;
		mod = modality_at(c, k, st->first);
		if (mod != NA_VM_ASSERTED && mod != NA_VM_HISTORICAL)
			return 0;
		election_row(c, st, k, &leader, NA_VA_WIN, mod, t->votes_for > t->votes_against ?
					 t->votes_for : t->votes_against);
		ev = event_ptr(c, ((na_vote *) c->rows.items)[c->rows.count - 1].event);
		if (ev)
			ev->votes_against = t->votes_for > t->votes_against ? t->votes_against : t->votes_for;
		else
			((na_vote *) c->rows.items)[c->rows.count - 1].votes_against =
				t->votes_for > t->votes_against ? t->votes_against : t->votes_for;
		return 1;
	}
	return 0;
}
