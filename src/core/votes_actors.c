/*
 * votes_actors.c - actors of a vote: countries (and their envoys), bodies, parties, groups
 * and persons; coordinated actors; the subject of a vote verb; pronouns.
 */
#include "votes_internal.h"

/*
 * A party named at token i ("the Liberal Democrats", "Republicans", "Tory
 * MPs") as an actor of its own: parties vote, block and support as bodies do.
 * Most capitalised words start no party name, so a switch on the first letter
 * refuses them before any lookup.
 */
int
party_at(vctx *c, uint32_t i, actor_ref *a)
{
	uint32_t	s = T(c, i)->sentence;

	if (!is_capitalized(c, i))
		return 0;
	switch (c->doc->text[T(c, i)->start])
	{
		case 'C':
		case 'D':
		case 'G':
		case 'L':
		case 'R':
		case 'S':
		case 'T':
		case 'U':
			break;
		default:
			return 0;
	}
	if (is_word(c, i, "Liberal") && in_sentence(c, i + 1, s) && is_word(c, i + 1, "Democrats"))
	{
		a->first = a->name_first = i;
		a->end = a->name_end = i + 2;
		a->canonical = "Liberal Democrats";
		a->kind = NA_VK_PARTY;
		a->us_state = 0;
		return 1;
	}
	if (is_word(c, i, "Lib") && in_sentence(c, i + 1, s) && is_word(c, i + 1, "Dems"))
	{
		a->first = a->name_first = i;
		a->end = a->name_end = i + 2;
		a->canonical = "Liberal Democrats";
		a->kind = NA_VK_PARTY;
		a->us_state = 0;
		return 1;
	}
	/* the parties of data/lexicon/vote_parties.tsv, as written (capitalized) */
	for (uint32_t r = 0; r < na_lex_lists[NA_LEX_VOTE_PARTIES].nrows; r++)
	{
		const char *word = na_lex_key(NA_LEX_VOTE_PARTIES, r);

		if (word[0] != c->doc->text[T(c, i)->start])
			continue;
		if (!na_token_eq(c->doc, T(c, i), word) && !is_word_poss_n(c, i, word, strlen(word)))
			continue;
		if (!na_token_eq(c->doc, T(c, i), word) && strcmp(word, "GOP") != 0 &&
			!(T(c, i)->flags & NA_TF_CAPITALIZED))
			continue;
		a->first = a->name_first = i;
		a->end = a->name_end = i + 1;
		a->canonical = na_lex_attr(NA_LEX_VOTE_PARTIES, r, NA_LEX_VOTE_PARTIES_CANONICAL);
		a->kind = NA_VK_PARTY;
		a->us_state = 0;
		if (in_sentence(c, i + 1, s) && (is_word(c, i + 1, "Party") || in_list(c, i + 1, group_heads) ||
										 in_list(c, i + 1, party_people_nouns)))
		{
			a->end = i + 2;
			return 1;
		}
		return strcmp(na_lex_attr(NA_LEX_VOTE_PARTIES, r, NA_LEX_VOTE_PARTIES_ADJECTIVE), "yes") != 0;
	}
	return 0;
}

/* "dozens of countries", "52 senators", "lawmakers", "Republican senators" (a party). */
int
group_at(vctx *c, uint32_t i, actor_ref *a)
{
	uint32_t	s = T(c, i)->sentence;
	uint32_t	j = i;

	if (number_at(c, j) >= 0 || in_list(c, j, group_quantifiers))
		j++;
	else if (in_list(c, j, group_amount_nouns) && is_word(c, j + 1, "of"))
		j += 2;
	if (is_word(c, j, "the") && j > i)
		j++;
	/* adjectives: "Western allies", "North Carolina lawmakers", "registered voters" */
	if (in_sentence(c, j + 1, s) && !in_list(c, j, group_heads) && T(c, j)->kind == NA_TK_WORD &&
		(is_capitalized(c, j) || in_list(c, j, group_adjectives)))
	{
		if (in_list(c, j + 1, group_heads))
			j++;
		else if (in_sentence(c, j + 2, s) && in_list(c, j + 2, group_heads) &&
				 (is_capitalized(c, j + 1) || in_list(c, j + 1, group_adjectives)))
			j += 2;
	}
	/* "one senator", "one member": a count of one names a member, not the body */
	if (!in_sentence(c, j, s) ||
		!(in_list(c, j, group_heads) || (j == i + 1 && number_at(c, i) == 1 && in_list(c, j, group_singulars))))
		return 0;
	/*
	 * "the states" of a federation and "members" alone are too vague as
	 * subjects; a body's members are its voters ("the shipping body's members",
	 * data/lexicon/vote_member_possessors.tsv)
	 */
	if (j == i && (is_word(c, j, "states") || is_word(c, j, "allies") ||
				   (is_word(c, j, "members") &&
					!(j > 0 && in_sentence(c, j - 1, s) && is_possessive(c, j - 1) &&
					  in_lex_poss(c, j - 1, NA_LEX_VOTE_MEMBER_POSSESSORS)))))
		return 0;
	a->first = a->name_first = i;
	a->end = a->name_end = j + 1;
	a->canonical = NULL;
	a->kind = NA_VK_GROUP;
	a->us_state = 0;
	return 1;
}

/*
 * A person's name at token i, with a title before it ("Senator Jon Tester",
 * "Prime Minister Theresa May"), for actors who vote as individuals; stop
 * words refuse capitalised words that start no name.
 */
int
person_at(vctx *c, uint32_t i, actor_ref *a)
{
	uint32_t	s = T(c, i)->sentence;
	uint32_t	j = i;
	uint32_t	k;
	int			titled = 0;

	/* "Mr" is a stop word for a name of its own, but it opens "Mr Howard" */
	if (!is_capitalized(c, i) || (in_list(c, i, name_stopwords) && !in_list(c, i, person_titles)))
		return 0;
	if (in_list(c, j, person_titles))
	{
		titled = 1;
		j++;
		/* Prime Minister Theresa May */
		if (is_word(c, j, "Minister") || is_word(c, j, "General"))
			j++;
	}
	else if (is_word(c, j, "Prime") && is_word(c, j + 1, "Minister"))
	{
		titled = 1;
		j += 2;
	}
	k = j;
	while (k < j + 4 && in_sentence(c, k, s) && is_capitalized(c, k) &&
		   (T(c, k)->kind == NA_TK_WORD || T(c, k)->kind == NA_TK_INITIAL))
	{
		na_place_match m;
		body_ref	b;

		if (trigger_of(c, k) || (k == i && T(c, k)->flags & NA_TF_SENT_START && !titled &&
								 !is_capitalized(c, k + 1)))
			break;
		/* "Mr Leslie", "Senator Paul": after a title, a name even where a place is spelt so */
		if ((!(titled && k == j) && na_place_at(c->doc, k, &m)) || body_at(c, k, &b) ||
			in_list(c, k, person_titles) ||
			in_list(c, k, name_stopwords) ||
			((T(c, k)->flags & NA_TF_ALLCAPS) && T(c, k)->kind == NA_TK_WORD && T(c, k)->len > 1))
			break;
		k++;
		if (is_possessive(c, k - 1))
			break;
	}
	if (k == j || (!titled && k - j < 2))
		return 0;
	/* "The Trump administration": not a person */
	if (is_word(c, j, "The") || is_word(c, j, "A") || is_word(c, j, "An"))
		return 0;
	a->first = i;
	a->end = k;
	a->name_first = j;
	a->name_end = k;
	a->canonical = NULL;
	a->kind = NA_VK_PERSON;
	a->us_state = 0;
	/* "Medical Association", "Commercial Services": an organisation, not a person */
	if (!titled && in_list(c, k - 1, org_heads))
		a->kind = NA_VK_GROUP;
	return 1;
}

/*
 * Is the place at token j a political actor?  Not "Washington Post" or
 * "Georgia" the US state: an ambiguous name needs a UN context.
 */
int
place_is_actor(vctx *c, uint32_t j, const na_place_match *m)
{
	uint32_t	end = j + m->ntokens;
	uint32_t	s = T(c, j)->sentence;

	if (in_sentence(c, end, s) && in_list(c, end, org_words))
		return 0;
	if (m->flags & NA_PLACE_AMBIGUOUS)
	{
		if (in_sentence(c, end, s) && is_capitalized(c, end) && !(m->flags & NA_PLACE_POSSESSIVE))
			return 0;
		if (m->kind == NA_PLACE_NAME && strcmp(m->country, "United States") != 0 && !c->un_context)
			return 0;
	}
	return 1;
}

/*
 * An actor starting at token i: a country (name, metonym, people, or its
 * envoy), a body, a party, a group or a person; "it"/"they" as a pronoun.
 * Returns 1 and fills *a.
 */
int
actor_at(vctx *c, uint32_t i, actor_ref *a)
{
	na_place_match m;
	body_ref	b;
	uint32_t	s;
	uint32_t	j;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	memset(a, 0, sizeof(*a));
	if (is_word_or_modal(c, i, "it") || is_word_or_modal(c, i, "they"))
	{
		a->first = a->end = i;
		a->end = i + 1;
		a->pronoun = 1;
		return 1;
	}
	j = i;
	if (na_place_at(c->doc, j, &m) && place_is_actor(c, j, &m))
	{
		uint32_t	end = j + m.ntokens;
		int			envoy = in_sentence(c, end, s) && in_list(c, end, envoy_nouns);

		if (m.kind == NA_PLACE_DEMONYM || (m.flags & NA_PLACE_POSSESSIVE))
		{
			if (!envoy)
				return 0;
			end++;
		}
		else if (envoy && !(m.flags & NA_PLACE_POSSESSIVE) && m.kind != NA_PLACE_PEOPLE)
			end++;				/* "the Russia envoy" is rare but harmless */
		a->first = i;
		a->end = end;
		a->name_first = i;
		a->name_end = end;
		a->canonical = m.country;
		a->kind = NA_VK_COUNTRY;
		return 1;
	}
	if (is_word(c, i, "the") && in_sentence(c, i + 1, s))
		j = i + 1;
	if (body_at(c, j, &b))
	{
		a->first = b.first < i ? b.first : i;
		a->end = b.end;
		a->name_first = b.first;
		a->name_end = b.end;
		a->canonical = b.canonical;
		a->kind = NA_VK_BODY;
		return 1;
	}
	if (party_at(c, j, a) || group_at(c, j, a) || state_at(c, j, a) || person_at(c, j, a))
	{
		a->first = i;
		return 1;
	}
	return 0;
}

/*
 * A US state acting in a vote as a whole (data/lexicon/vote_us_states.tsv):
 * its legislature ("South Dakota passed a law") or its delegation ("Ohio
 * cast 66 votes for Kasich"), an actor that decides collectively like a
 * group.  Not the state as an owner ("Ohio's governor") or inside a longer
 * name ("New York Times", "Texas Instruments", "Ohio State").
 */
int
state_at(vctx *c, uint32_t j, actor_ref *a)
{
	uint32_t	n = 0;
	uint32_t	s = T(c, j)->sentence;

	if (!is_capitalized(c, j) || na_lex_longest(NA_LEX_VOTE_US_STATES, c->doc, j, &n) < 0 || n == 0)
		return 0;
	/*
	 * "Ted Cruz of Texas", "delegates from Ohio", "won in Vermont": where,
	 * not who; "the Vermont senator": a modifier; "Vigo County, Indiana,":
	 * an address
	 */
	if (j > 0 && T(c, j - 1)->sentence == s &&
		(in_list(c, j - 1, prepositions) || in_list(c, j - 1, state_place_before) || (is_punct(c, j - 1, ',') && j > 1 && is_capitalized(c, j - 2))))
		return 0;
	/* a subject goes on to its verb: "Ohio cast", "Ohio and Iowa voted", "Texas this year passed" */
	if (in_sentence(c, j + n, s) &&
		!(trigger_of(c, j + n) || in_list(c, j + n, aux_words) || is_word(c, j + n, "and") ||
		  is_word(c, j + n, "or") || is_punct(c, j + n, ',') || in_list(c, j + n, state_subject_gap)))
		return 0;
	for (uint32_t k = j; k < j + n; k++)
		if (!is_capitalized(c, k) || is_possessive(c, k))
			return 0;
	if (in_sentence(c, j + n, s) && (is_capitalized(c, j + n) || in_list(c, j + n, org_words) ||
									 in_list(c, j + n, group_heads) || is_possessive(c, j + n - 1)))
		return 0;
	a->first = a->name_first = j;
	a->end = a->name_end = j + n;
	a->canonical = NULL;
	a->kind = NA_VK_GROUP;
	a->pronoun = 0;
	a->us_state = 1;
	return 1;
}

/* An actor that ends exactly at token q (inclusive): the longest one. */
int
actor_ending_at(vctx *c, uint32_t q, uint32_t floor, actor_ref *a)
{
	uint32_t	lo = q >= 7 ? q - 7 : 0;

	if (lo < floor)
		lo = floor;
	for (uint32_t st = lo; st <= q; st++)
	{
		if (actor_at(c, st, a) && a->end == q + 1)
			return 1;
	}
	return 0;
}

/*
 * The token before an appositive that ends at q ("Ann Ode, now the party's
 * leader, and"), when an actor ends there; else q.  The appositive is at
 * most 8 tokens with no vote word and no clause boundary, so that a list
 * of actors is not taken for an aside.
 */
static uint32_t
over_appositive(vctx *c, uint32_t q, uint32_t floor)
{
	actor_ref	probe;

	if (actor_ending_at(c, q, floor, &probe))
		return q;
	for (uint32_t j = q; j > floor + 1 && j + 8 > q; j--)
	{
		if (trigger_of(c, j) || is_boundary(c, j))
			return q;
		if (is_punct(c, j - 1, ','))
			return actor_ending_at(c, j - 2, floor, &probe) ? j - 2 : q;
	}
	return q;
}

/* Actors coordinated to the left, ending at q: "Britain, France and the United States". */
int
actors_left(vctx *c, uint32_t q, uint32_t floor, actor_ref *out, int max)
{
	int			n = 0;

	while (n < max && (actor_ending_at(c, q, floor, &out[n]) ||
					   /* "Both Trump and Sanders won": a surname the article gave in full */
					   (n > 0 && q >= floor && known_surname(c, q, &out[n]))))
	{
		uint32_t	f = out[n].first;

		n++;
		if (out[n - 1].pronoun)
			break;
		/* "Murphy and other Democrats": a party's "other" before its name */
		if (f >= floor + 3 && is_word(c, f - 1, "other") && is_word(c, f - 2, "and"))
		{
			q = f - 3;
			continue;
		}
		if (f >= floor + 2 && (is_word(c, f - 1, "and") || is_word(c, f - 1, "or") ||
							   is_punct(c, f - 1, ',')))
		{
			q = f - 2;
			if (is_punct(c, q, ',') && q > floor)	/* Britain, France, and Germany */
			{
				q--;
				/* "Ann Ode, now the party's leader, and Bo Li": over the appositive */
				if (is_word(c, f - 1, "and"))
					q = over_appositive(c, q, floor);
			}
			continue;
		}
		break;
	}
	/* collected right to left: give them in text order */
	for (int k = 0; k < n / 2; k++)
	{
		actor_ref	tmp = out[k];

		out[k] = out[n - 1 - k];
		out[n - 1 - k] = tmp;
	}
	return n;
}

/* Actors coordinated to the right, from token i: "by Britain and France". */
int
actors_right(vctx *c, uint32_t i, actor_ref *out, int max)
{
	int			n = 0;
	uint32_t	s;

	if (i >= c->doc->ntokens)
		return 0;
	s = T(c, i)->sentence;
	while (n < max && in_sentence(c, i, s) && actor_at(c, i, &out[n]) && !out[n].pronoun)
	{
		i = out[n].end;
		n++;
		if (is_punct(c, i, ',') && in_sentence(c, i + 1, s) && !is_word(c, i + 1, "and") &&
			actor_at(c, i + 1, &out[n < max ? n : max - 1]))
		{
			i++;
			continue;
		}
		if (is_punct(c, i, ','))
			i++;
		if ((is_word(c, i, "and") || is_word(c, i, "or")) && in_sentence(c, i + 1, s))
		{
			i++;
			continue;
		}
		break;
	}
	return n;
}

/* Resolve "it"/"they" at token p to the nearest actor before it in the sentence. */
int
resolve_pronoun(vctx *c, uint32_t p, uint32_t sent_first, actor_ref *a)
{
	/*
	 * "Moscow made clear last week that it would": lower-case words and
	 * "that" between; a person named between is passed over ("Republicans
	 * criticised Smith while saying they will vote for her": "they" is no
	 * one person)
	 */
	for (uint32_t q = p, steps = 0; q-- > sent_first && steps < 10; steps++)
	{
		const na_token *t = T(c, q);

		if (actor_ending_at(c, q, sent_first, a) && !a->pronoun)
		{
			if (a->kind == NA_VK_PERSON && is_word(c, p, "they") && a->first > sent_first)
			{
				steps += q - a->first;
				q = a->first;
				continue;
			}
			/* "would cut the number of MPs if they were elected": not the object's complement */
			if (a->kind != NA_VK_PERSON && !(a->first > sent_first && is_word(c, a->first - 1, "of")))
				return 1;
		}
		/* (a capitalised word alone that no actor ends at, "with Smith while
		 * saying they": a surname, no group "they" means) */
		if (t->kind != NA_TK_WORD ||
			((t->flags & NA_TF_CAPITALIZED) &&
			 !(is_word(c, p, "they") && !(t->flags & NA_TF_SENT_START) && q > sent_first &&
			   !is_capitalized(c, q - 1) && !in_list(c, q, time_words) && !in_list(c, q, weekdays))))
			break;
	}
	/* "The Conservative Party would cut ... if they were elected": the main clause's subject */
	if (p > sent_first + 2 && in_list(c, p - 1, clause_words) && !is_word(c, p - 1, "that") &&
		!is_word(c, p - 1, "who") && !is_word(c, p - 1, "which"))
	{
		uint32_t	f = is_word(c, sent_first, "the") ? sent_first + 1 : sent_first;

		if (actor_at(c, f, a) && !a->pronoun && a->kind != NA_VK_PERSON && a->end < p &&
			T(c, a->end)->kind == NA_TK_WORD && !is_capitalized(c, a->end))
		{
			a->first = p;		/* the evidence is the pronoun, the name the actor's */
			a->end = p + 1;
			return 1;
		}
	}
	/* "It"/"They" opening a sentence: the latest country or body */
	if (p == sent_first && c->has_last_actor && c->last_actor_sentence + 1 >= T(c, p)->sentence)
	{
		*a = c->last_actor;
		a->first = p;			/* the evidence is the pronoun, the name the actor's */
		a->end = p + 1;
		return 1;
	}
	return 0;
}

/* Resolve pronoun actors in place; drops those that do not resolve. */
int
resolve_actors(vctx *c, sent_state *st, actor_ref *actors, int n)
{
	int			out = 0;

	for (int k = 0; k < n; k++)
	{
		actor_ref	a = actors[k];

		if (a.pronoun && !resolve_pronoun(c, a.first, st->first, &a))
			continue;
		if (a.pronoun)
			continue;
		actors[out++] = a;
	}
	return out;
}

/*
 * "Ted Cruz of Texas": a senator named with the place he represents; the
 * place found last is replaced by the person before "of".
 */
void
person_of_place(vctx *c, sent_state *st, actor_ref *a)
{
	actor_ref	person;
	uint32_t	of;

	if (a->kind != NA_VK_COUNTRY || a->first < st->first + 2 || !is_word(c, a->first - 1, "of"))
		return;
	of = a->first - 1;
	memset(&person, 0, sizeof(person));
	for (uint32_t j = of >= st->first + 4 ? of - 4 : st->first; j < of; j++)
		if (person_at(c, j, &person) && person.end == of && person.kind == NA_VK_PERSON)
		{
			*a = person;
			return;
		}
}

/* Does the person found at token j end at token e (a name that ends in the surname)? */
static int
person_ends_at(vctx *c, uint32_t j, uint32_t e, actor_ref *a)
{
	return person_at(c, j, a) && a->end == e && a->kind == NA_VK_PERSON;
}

/*
 * Does token i open a sentence or a quoted one ("writes: “Should Rubio
 * win")?  Its capital then says nothing of a name.
 */
static int
opens_clause(vctx *c, uint32_t i)
{
	return (T(c, i)->flags & NA_TF_SENT_START) ||
		(i > 0 && T(c, i - 1)->sentence == T(c, i)->sentence &&
		 (T(c, i - 1)->kind == NA_TK_OPEN_QUOTE || is_punct(c, i - 1, ':')));
}

/*
 * A person named by a surname alone ("Sanders voted", "Clinton won"): a
 * capitalized word the article used before as the last word of a full name
 * ("Bernie Sanders", "Mrs. Clinton").  Looks back at most 4,000 tokens.
 */
int
known_surname(vctx *c, uint32_t k, actor_ref *a)
{
	const na_token *t = T(c, k);
	const char *w = c->doc->text + t->start;
	uint32_t	lo = k > 4000 ? k - 4000 : 0;
	uint32_t	len = t->len;
	na_place_match m;
	body_ref	b;

	if (t->kind != NA_TK_WORD || t->len < 3 || !(t->flags & NA_TF_CAPITALIZED) ||
		(t->flags & NA_TF_ALLCAPS) || in_list(c, k, name_stopwords) || in_list(c, k, person_titles) ||
		trigger_of(c, k) ||
		/* part of a longer name, unless that word only starts the sentence ("Both Ruiz and Ode") */
		(k > 0 && is_capitalized(c, k - 1) && T(c, k - 1)->sentence == t->sentence &&
		 !(opens_clause(c, k - 1) && !in_list(c, k - 1, person_titles) &&
		   !is_capitalized(c, k + 1))) ||
		na_place_at(c->doc, k, &m) || body_at(c, k, &b))
		return 0;
	/* "Obama's veto": the name without its possessive */
	if (is_possessive(c, k))
		len -= (w[len - 2] == '\'') ? 2 : 4;
	for (uint32_t j = k; j-- > lo + 1;)
	{
		const na_token *u = T(c, j);

		if (u->len != len || memcmp(c->doc->text + u->start, w, len) != 0)
			continue;
		/* "Jacques Chirac" and also "Park Won-soon" (family name first, hyphenated given name) */
		if (person_ends_at(c, j - 1, j + 1, a) || (j >= 2 && person_ends_at(c, j - 2, j + 1, a)) ||
			(j + 1 < c->doc->ntokens && memchr(c->doc->text + T(c, j + 1)->start, '-', T(c, j + 1)->len) &&
			 person_ends_at(c, j, j + 2, a)))
		{
			memset(a, 0, sizeof(*a));
			a->first = a->name_first = k;
			a->end = a->name_end = k + 1;
			a->kind = NA_VK_PERSON;
			a->us_state = 0;
			return 1;
		}
	}
	return 0;
}

/*
 * Are the tokens strictly between k and v auxiliaries, negations and
 * adverbs only ("Chirac was duly elected")?  Then the word at k is the
 * verb's subject and not a premodifier ("Vermont senator won").
 */
static int
only_aux_between(vctx *c, uint32_t k, uint32_t v)
{
	for (uint32_t j = k + 1; j < v; j++)
		if (!in_list(c, j, aux_words) && !is_adverb_ly(c, j))
			return 0;
	return 1;
}

/*
 * Is the word at k, right before the verb at v but for auxiliaries, a name
 * of one word the article gives nowhere in full (lone_name)?  Only for an
 * election, a veto or a campaign: a company "rejects" offers and "backs"
 * plans.  Fills actors[0].
 */
int
lone_name_subject(vctx *c, uint32_t k, uint32_t v, actor_ref *actors)
{
	const trigger_word *tw = trigger_of(c, v);

	return tw && (tw->cls == W_WIN || tw->cls == W_ELECT || tw->cls == W_LOSE || tw->cls == W_VETO ||
				  tw->cls == W_CAMPAIGN) &&
		only_aux_between(c, k, v) && lone_name(c, k, actors);
}


/*
 * The gender the name at tokens [f, end) shows: its given name
 * (data/lexicon/first_names.tsv) or the title before it; NULL for none.
 */
static const char *
name_gender(vctx *c, uint32_t f, uint32_t end)
{
	int32_t		row;

	if (end > f + 1 && T(c, f)->kind == NA_TK_WORD &&
		(row = na_lex_lookup(NA_LEX_FIRST_NAMES, c->doc->text + T(c, f)->start, T(c, f)->len)) >= 0)
		return na_lex_attr(NA_LEX_FIRST_NAMES, (uint32_t) row, NA_LEX_FIRST_NAMES_GENDER);
	if (f > 0 && (is_word(c, f - 1, "Mr") || is_word(c, f - 1, "Mr.")))
		return "male";
	if (f > 0 && (is_word(c, f - 1, "Mrs") || is_word(c, f - 1, "Mrs.") || is_word(c, f - 1, "Ms") ||
				  is_word(c, f - 1, "Ms.")))
		return "female";
	return NULL;
}

/*
 * The gender a surname alone at token f shows where the article wrote it
 * with a title or a given name in the 4,000 tokens before p ("Mr. Trump" or
 * "Donald J. Trump" earlier makes a bare "Trump" no "she"); NULL for none,
 * or when the article gives the surname to a man and a woman.
 */
static const char *
surname_gender(vctx *c, uint32_t p, uint32_t f)
{
	const na_token *t = T(c, f);
	uint32_t	lo = p > 4000 ? p - 4000 : 0;
	int			male = 0,
				female = 0;

	for (uint32_t k = p; k-- > lo;)
	{
		const na_token *u = T(c, k);
		const char *g = NULL;

		if (k == f || u->len != t->len || memcmp(c->doc->text + u->start, c->doc->text + t->start, t->len) != 0)
			continue;
		g = name_gender(c, k, k + 1);
		/* "Donald J. Trump": the given name a word or two before */
		for (uint32_t j = k > lo + 3 ? k - 3 : lo; j < k && g == NULL; j++)
			if (is_capitalized(c, j))
				g = name_gender(c, j, k + 1);
		if (g != NULL && strcmp(g, "male") == 0)
			male++;
		else if (g != NULL && strcmp(g, "female") == 0)
			female++;
	}
	/* "Bernie Sanders" and "Jane Sanders": two people, the surname tells nothing */
	return male && !female ? "male" : female && !male ? "female" : NULL;
}

/*
 * Does the person found at *a contradict the pronoun at p?  "she" is not
 * "Donald Trump" nor "Mr Howard"; "he" is not "Hillary Clinton" nor "Mrs
 * May".  The given name (data/lexicon/first_names.tsv) or the title before
 * the name tells; a surname alone tells what the article's fuller mentions
 * of it tell (surname_gender).
 */
static int
gender_clash(vctx *c, uint32_t p, const actor_ref *a)
{
	int			she = is_word_or_modal(c, p, "she") || is_word(c, p, "her");
	int			he = is_word_or_modal(c, p, "he") || is_word(c, p, "his") || is_word(c, p, "him");
	uint32_t	f = a->name_first;
	const char *g;

	if (!she && !he)
		return 0;
	g = name_gender(c, f, a->name_end);
	if (g == NULL && a->name_end == f + 1)
		g = surname_gender(c, p, f);
	if (g == NULL)
		return 0;
	return (she && strcmp(g, "male") == 0) || (he && strcmp(g, "female") == 0);
}

/*
 * "he", "she" at token p: the person named last before it, in the sentence
 * or up to 600 tokens back (a full name, a titled name, or a surname the
 * article gave in full), as a reader resolves it.
 */
int
resolve_person(vctx *c, uint32_t p, actor_ref *a)
{
	uint32_t	lo = p > 600 ? p - 600 : 0;
	uint32_t	sent_first = c->doc->sentences[T(c, p)->sentence].first_token;
	actor_ref	cand[16];
	int			count[16];
	int			ncand = 0;
	int			best = -1;

	for (uint32_t k = p; k-- > lo && ncand < 16;)
	{
		actor_ref	found;
		int			ok = 0;

		memset(&found, 0, sizeof(found));
		if (!is_capitalized(c, k))
			continue;
		/* "Welch said that he planned": a sentence's first word is a name when the article gave it in full */
		if (T(c, k)->flags & NA_TF_SENT_START && !is_capitalized(c, k + 1) && !in_list(c, k, person_titles))
		{
			if (!known_surname(c, k, &found))
				continue;
			ok = 1;
		}
		/* "New York City": inside a longer capitalized name, not a person's */
		else if (person_at(c, k, &found) && found.kind == NA_VK_PERSON && found.end <= p &&
				 !(k > 0 && in_list(c, k - 1, prepositions) && !is_word(c, k - 1, "by")) &&
				 !(k > 0 && is_capitalized(c, k - 1) && T(c, k - 1)->sentence == T(c, k)->sentence &&
				   /* "Army Capt. Christian Pardo": a title before the name is no longer name */
				   !in_list(c, k - 1, person_titles) &&
				   (!in_list(c, k - 1, name_stopwords) || !(T(c, k - 1)->flags & NA_TF_SENT_START))))
			ok = 1;
		else if (known_surname(c, k, &found))
			ok = 1;
		/* "Obama said he would have vetoed": a name as the subject of a speech verb */
		else if (k >= sent_first && k + 1 < p && T(c, k)->kind == NA_TK_WORD && T(c, k)->len > 2 &&
				 !(T(c, k)->flags & NA_TF_ALLCAPS) && !(T(c, k)->flags & NA_TF_SENT_START) &&
				 !is_capitalized(c, k - 1) &&
				 (is_word(c, k + 1, "said") || is_word(c, k + 1, "says") || is_word(c, k + 1, "added")) &&
				 !in_list(c, k, name_stopwords) && !actor_at(c, k, &found))
		{
			memset(&found, 0, sizeof(found));
			found.first = found.name_first = k;
			found.end = found.name_end = k + 1;
			found.kind = NA_VK_PERSON;
			ok = 1;
		}
		if (!ok || gender_clash(c, p, &found))
			continue;
		/* a person named earlier in the pronoun's own sentence is the one meant */
		if (k >= sent_first)
		{
			*a = found;
			a->first = p;
			a->end = p + 1;
			return 1;
		}
		/* before it: the person the text names most often (the story's subject), the latest on a tie */
		{
			int			same = -1;

			for (int j = 0; j < ncand && same < 0; j++)
			{
				const na_token *x = T(c, cand[j].name_end - 1);
				const na_token *y = T(c, found.name_end - 1);

				if (x->len == y->len && memcmp(c->doc->text + x->start, c->doc->text + y->start, x->len) == 0)
					same = j;
			}
			if (same >= 0)
				count[same]++;
			else
			{
				cand[ncand] = found;
				count[ncand++] = 1;
			}
		}
	}
	for (int j = 0; j < ncand; j++)
		if (best < 0 || count[j] > count[best])
			best = j;
	if (best < 0)
		return 0;
	*a = cand[best];
	a->first = p;				/* the evidence is the pronoun; the name is the person's */
	a->end = p + 1;
	return 1;
}

/* The subject actors of a verb at v: walk left over auxiliaries and an appositive. */
/* An adverb in -ly between "and" and its verb: "and promptly voted". */
int
is_adverb_ly(vctx *c, uint32_t k)
{
	const na_token *t = T(c, k);

	return t->kind == NA_TK_WORD && !(t->flags & NA_TF_CAPITALIZED) && t->len > 4 &&
		c->doc->text[t->start + t->len - 2] == 'l' && c->doc->text[t->start + t->len - 1] == 'y';
}
