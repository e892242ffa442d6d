/*
 * votes_triggers.c - the verb triggers of a sentence: vote verbs in the active and the
 * passive, with the refusal rules that keep a vote word from being a vote (the noun
 * triggers are in votes_nouns.c).
 */
#include "votes_internal.h"

/* Where a verb's complement starts: after particles and adverbs. */
uint32_t
after_verb(vctx *c, uint32_t v)
{
	uint32_t	k = v + 1;

	while (in_list(c, k, after_verb_particles))
		k++;
	return k;
}

/* A word that names a ballot: "in a 2016 referendum", "in the election". */
static int
is_ballot_word(vctx *c, uint32_t k)
{
	return in_list(c, k, ballot_words);
}

/*
 * Where a vote verb's complement starts: after its adverbs, but at "down"
 * ("voted down the bill" says the side, which after_verb would skip).
 */
static uint32_t
vote_complement(vctx *c, uint32_t v)
{
	uint32_t	k = v + 1;

	while (is_word(c, k, "unanimously") || is_word(c, k, "narrowly") || is_word(c, k, "overwhelmingly"))
		k++;
	return k;
}

/*
 * "Shareholders voted off three directors", "voted out the chairman": an
 * active vote with "off" or "out" and its object after it removes someone,
 * a vote against them ("was voted off the show", "voted out of office":
 * no object, another sense).
 */
static int
votes_off(vctx *c, sent_state *st, uint32_t v)
{
	uint32_t	o = v + 2;

	if (!(is_word(c, v + 1, "off") || is_word(c, v + 1, "out")) || !in_sentence(c, o, st->s) ||
		is_word(c, o, "of") || T(c, o)->kind == NA_TK_PUNCT)
		return 0;
	return is_word(c, o, "the") || is_word(c, o, "a") || is_word(c, o, "an") ||
		T(c, o)->kind == NA_TK_NUMBER || in_list(c, o, number_words) || is_capitalized(c, o);
}

/*
 * Which way a vote verb goes, reading its complement from *q: 1 for, -1
 * against, 2 an infinitive ("voted to reject"), -2 down, 0 not said.  *q is
 * left where the motion starts.
 */
int
vote_direction(vctx *c, sent_state *st, uint32_t *qp)
{
	uint32_t	q = *qp;
	int			dir = 0;

	for (int guard = 0; guard < 14 && in_sentence(c, q, st->s); guard++)
	{
		/* "to vote for or against the scheme" says no side */
		if (is_word(c, q, "for") && is_word(c, q + 1, "or") && is_word(c, q + 2, "against"))
			break;
		/* "MPs voted themselves a pay rise": granted to themselves, a vote for it */
		if (is_word(c, q, "for") || is_word(c, q, "yes") ||
			(guard == 0 && (is_word(c, q, "themselves") || is_word(c, q, "himself") ||
							is_word(c, q, "herself")) && in_sentence(c, q + 1, st->s) &&
			 T(c, q + 1)->kind == NA_TK_WORD &&
			 !in_list(c, q + 1, clause_words)))
		{
			dir = 1;
			q++;
			break;
		}
		if (is_word(c, q, "against") || is_word(c, q, "no"))
		{
			dir = -1;
			q++;
			break;
		}
		if (is_word(c, q, "in") && (is_word(c, q + 1, "favour") || is_word(c, q + 1, "favor")))
		{
			dir = 1;
			q += 2;
			if (is_word(c, q, "of"))
				q++;
			break;
		}
		/* "voted in support of the act", "voted in opposition to it" */
		if (is_word(c, q, "in") && (is_word(c, q + 1, "support") || is_word(c, q + 1, "opposition")) &&
			(is_word(c, q + 2, "of") || is_word(c, q + 2, "to")))
		{
			dir = is_word(c, q + 1, "support") ? 1 : -1;
			q += 3;
			break;
		}
		if (is_word(c, q, "to") && in_sentence(c, q + 1, st->s) && T(c, q + 1)->kind == NA_TK_WORD &&
			number_at(c, q + 1) < 0)
		{
			dir = 2;
			break;
		}
		if (is_word(c, q, "to") && number_at(c, q + 1) >= 0)
		{
			q += 2;			/* 52 to 48 */
			continue;
		}
		/* "voted down the bill"; "voted off three directors", "voted out the chairman" (votes_off) */
		if (is_word(c, q, "down") || (guard == 0 && (is_word(c, q, "off") || is_word(c, q, "out")) &&
									  !is_word(c, q + 1, "of")))
		{
			dir = -2;
			q++;
			break;
		}
		/* "voted in a 2016 referendum to leave", "voted in the election for": where, not a side */
		if (is_word(c, q, "in") && (is_word(c, q + 1, "a") || is_word(c, q + 1, "the")))
		{
			uint32_t	e = q + 2;

			while (e < q + 6 && in_sentence(c, e, st->s) && !is_ballot_word(c, e) &&
				   (T(c, e)->kind == NA_TK_NUMBER || T(c, e)->kind == NA_TK_WORD) && !trigger_of(c, e) &&
				   !is_word(c, e, "to") && !is_word(c, e, "for") && !is_word(c, e, "against"))
				e++;
			if (is_ballot_word(c, e))
			{
				q = e + 1;
				continue;
			}
		}
		/* "voted 31 to 12 in 2010 to keep": the year of the vote, not a side */
		if (is_word(c, q, "in") && in_sentence(c, q + 1, st->s) && is_year(c, q + 1))
		{
			q += 2;
			continue;
		}
		/* "voted on June 23, 2016, to leave": a date */
		if (is_capitalized(c, q) && in_list(c, q, time_words))
		{
			q++;
			continue;
		}
		/* "cast his ballot for", "cast 66 delegate votes for", "cast the deciding vote for" */
		if (is_word(c, *qp - 1, "cast") &&
			(in_list(c, q, cast_vote_words) || in_list(c, q, adverbial_determiners)))
		{
			q++;
			continue;
		}
		/* skip tallies, "by a vote of", "unanimously", "on Tuesday" */
		if (T(c, q)->kind == NA_TK_RANGE || T(c, q)->kind == NA_TK_NUMBER || number_at(c, q) >= 0 ||
			in_list(c, q, vote_direction_skips) ||
			is_punct(c, q, ',') || (is_capitalized(c, q) && in_list(c, q, weekdays)))
		{
			q++;
			continue;
		}
		break;
	}
	*qp = q;
	return dir;
}

static int	override_target(vctx *c, sent_state *st, uint32_t k, position *p);

/*
 * Is there, a few tokens before the verb at v, the "which" or "that" of an
 * object relative clause ("the bill, which the Senate passed")?  A cheap
 * guard for relative_motion, which reads the subject the walk finds.
 */
static int
relative_clause_before(vctx *c, sent_state *st, uint32_t v)
{
	for (uint32_t j = v; j-- > st->first && j + 8 > v;)
	{
		if (is_word(c, j, "which") || is_word(c, j, "that"))
			return 1;
		if (T(c, j)->kind != NA_TK_WORD)
			return 0;
	}
	return 0;
}

/*
 * Can the active verb of class cls at v take an object the analysis reads (a
 * motion, a nominee, "it" for a recent vote)?  Classes other than vote,
 * abstain and veto give no row without one, so this test, cheap and free of
 * side effects, spares the subject search on most sentences ("came back",
 * "failed to", "proposed changes").
 */
int
active_object_possible(vctx *c, sent_state *st, uint32_t v, int cls)
{
	uint32_t	k = after_verb(c, v);
	uint32_t	head;

	if (motion_right(c, k, &head))
		return 1;
	if (cls == W_OVERRIDE)
	{
		position	target;

		return override_target(c, st, k, &target);
	}
	/* "the bill, which the Senate passed": a motion before the subject (relative_motion) */
	if (relative_clause_before(c, st, v))
		return 1;
	/*
	 * "Republicans blocked the efforts": what a party or chamber blocks is a
	 * measure (block_object); what a chamber rejects or approves too
	 * (body_decision_object)
	 */
	if ((cls == W_BLOCK || cls == W_REJECT || cls == W_ADOPT) && in_sentence(c, k, st->s) &&
		T(c, k)->kind == NA_TK_WORD && !is_capitalized(c, k) &&
		!is_word(c, k, "it") && !in_list(c, k, clause_words) && !in_list(c, k, prepositions))
		return 1;
	if (cls == W_PASS && (is_word(c, v, "confirmed") || is_word(c, v, "confirm")))
		return 1;
	/* "passed the House": a chamber as the object (passed_chamber) */
	if (cls == W_PASS && (is_word(c, v, "passed") || is_word(c, v, "passes")))
	{
		body_ref	b;

		if (body_at(c, is_word(c, k, "the") ? k + 1 : k, &b))
			return 1;
	}
	if (is_word(c, k, "it") && (cls == W_VETO || cls == W_BLOCK || cls == W_SUPPORT ||
								cls == W_OPPOSE || cls == W_DEFEAT || cls == W_ADOPT ||
								cls == W_REJECT || cls == W_PASS))
		return (c->events.count > 0 &&
				((vote_event *) c->events.items)[c->events.count - 1].sentence + 3 >= st->s) ||
			/* "approved it by 9 votes to 2", "by a vote of": the sentence says it was a vote */
			sentence_has_tally(c, st) || sentence_says_vote(c, st);
	return 0;
}

/* An adverb that may stand in a verb group: "finally", "only", "not", "later". */
static int
is_adverb(vctx *c, uint32_t k)
{
	const na_token *t = T(c, k);

	if (t->kind != NA_TK_WORD || (t->flags & NA_TF_CAPITALIZED))
		return 0;
	if (t->len > 4 && c->doc->text[t->start + t->len - 2] == 'l' && c->doc->text[t->start + t->len - 1] == 'y')
		return 1;
	return in_list(c, k, plain_adverbs);
}

/*
 * The passive's auxiliary before the participle at v ("was passed", "was
 * finally passed", "has not been approved"): its token, or UINT32_MAX.
 */
static uint32_t
be_before(vctx *c, sent_state *st, uint32_t v)
{
	uint32_t	k = v;

	for (int adverbs = 0; k > st->first && adverbs < 3; adverbs++)
	{
		if (in_list(c, k - 1, be_forms))
			return k - 1;
		if (!is_adverb(c, k - 1))
			break;
		k--;
	}
	return UINT32_MAX;
}

/*
 * The causative passive "have his veto overridden", "got the bill passed":
 * have or get, then a possessive or an article and one or two words, right
 * before the participle at v.  The object is the motion, the actor unnamed.
 * Returns the token of have or get, or UINT32_MAX.
 */
static uint32_t
causative_before(vctx *c, sent_state *st, uint32_t v)
{
	for (uint32_t d = v; d + 3 > v && d > st->first + 1; d--)
	{
		uint32_t	k = d - 1;		/* the determiner */

		if (!in_list(c, k, causative_determiners))
			continue;
		if (k > st->first && k + 1 < v &&
			in_list(c, k - 1, causative_verbs))
			return k - 1;
		break;
	}
	return UINT32_MAX;
}

/*
 * Whose veto an override at k overrides: "override him", "override the
 * president", "override President Obama".  Overriding a person is overriding
 * the veto they cast or will cast; the person stands for the motion.  Fills
 * the position's motion; returns 1 when k names one.
 */
static int
override_target(vctx *c, sent_state *st, uint32_t k, position *p)
{
	actor_ref	person;
	uint32_t	end = 0;

	if (!in_sentence(c, k, st->s))
		return 0;
	if (is_word(c, k, "him") || is_word(c, k, "her"))
		end = k + 1;
	else if (is_word(c, k, "the") && (is_word(c, k + 1, "president") || is_word(c, k + 1, "governor") ||
									  is_word(c, k + 1, "mayor")))
		end = k + 2;
	else if (person_at(c, k, &person) && person.kind == NA_VK_PERSON)
		end = person.end;
	if (!end)
		return 0;
	p->motion_first = k;
	p->motion_end = end;
	p->motion_head = end - 1;
	return 1;
}

/*
 * "Republicans have the votes to override him", "they have the votes
 * necessary to": who holds the votes, the body, party or group (or "they",
 * resolved) just before "the votes" at q.  Returns the number of actors (0
 * or 1) put in actors[0].
 */
int
override_holder(vctx *c, sent_state *st, uint32_t q, actor_ref *actors)
{
	for (uint32_t k = q; k-- > st->first && k + 6 > q;)
	{
		if (is_word(c, k, "they") || is_word(c, k, "it"))
			return resolve_pronoun(c, k, st->first, &actors[0]);
		if (actor_ending_at(c, k, st->first, &actors[0]) && !actors[0].pronoun &&
			(actors[0].kind == NA_VK_BODY || actors[0].kind == NA_VK_PARTY || actors[0].kind == NA_VK_GROUP))
			return 1;
		if (T(c, k)->kind != NA_TK_WORD || in_list(c, k, clause_words))
			break;
	}
	return 0;
}

/*
 * What a party or a chamber blocks is a measure even when it is not named as
 * one ("Republicans blocked the efforts", "had blocked fuller payments");
 * what a country, a person or a court blocks (a road, a website, a deal) is
 * no vote.  Fills the position's motion with the noun phrase at k; returns 1.
 */
static int	decided_object(vctx *c, sent_state *st, uint32_t k, position *p, const actor_ref *actors,
						   int nactors, int subject_place);

static int
block_object(vctx *c, sent_state *st, uint32_t k, position *p, const actor_ref *actors, int nactors)
{
	if (nactors == 0)
		return 0;
	for (int a = 0; a < nactors; a++)
		if (actors[a].kind != NA_VK_PARTY && actors[a].kind != NA_VK_BODY)
			return 0;
	return decided_object(c, st, k, p, actors, nactors, 0);
}

/*
 * The object noun phrase at k of a decision verb whose subject is
 * actors[nactors - 1], for block_object and body_decision_object: the
 * subject must stand right before the verb ("Republicans had blocked"), not
 * be a place of the clause ("In the Senate, he ... blocked"); with
 * subject_place, the subject may carry a place of its own ("voters in the
 * northern province approved").  Fills the position's motion; returns 1.
 */
static int
decided_object(vctx *c, sent_state *st, uint32_t k, position *p, const actor_ref *actors, int nactors,
			   int subject_place)
{
	uint32_t	e = k;
	uint32_t	q = actors[nactors - 1].end;

	/* "voters in the province of X": a preposition and its object, no comma nor clause */
	if (subject_place && in_list(c, q, prepositions))
		while (q + 1 < k && T(c, q)->kind == NA_TK_WORD && !trigger_of(c, q) &&
			   !in_list(c, q, clause_words) && !in_list(c, q, aux_words))
			q++;
	for (; q + 1 < k && !trigger_of(c, q); q++)
		if (!in_list(c, q, aux_words) && !is_adverb(c, q))
			return 0;
	while (e < k + 5 && in_sentence(c, e, st->s) && T(c, e)->kind == NA_TK_WORD && !is_capitalized(c, e) &&
		   !in_list(c, e, clause_words) && !in_list(c, e, prepositions) && !in_list(c, e, aux_words) &&
		   !trigger_of(c, e) && !is_word(c, e, "and") && !is_word(c, e, "or") && !is_word(c, e, "it"))
		e++;
	if (e == k || (e == k + 1 && (is_word(c, k, "the") || is_word(c, k, "a") || is_word(c, k, "an"))))
		return 0;
	p->motion_first = k;
	p->motion_end = e;
	p->motion_head = e - 1;
	return 1;
}

/*
 * Is the group a referendum's electorate: voters, residents or citizens
 * (data/lexicon/vote_electorate_nouns.tsv) in a sentence that names a
 * referendum or a plebiscite (data/lexicon/vote_referendum_words.tsv)?
 * What they approve or reject there is the question put to them, a
 * decision like a chamber's ("voters approved a four-day school week in a
 * referendum"), whatever its noun.
 */
static int
referendum_electorate(vctx *c, const sent_state *st, const actor_ref *group)
{
	if (group->name_end <= group->name_first ||
		!in_lex(c, group->name_end - 1, NA_LEX_VOTE_ELECTORATE_NOUNS))
		return 0;
	for (uint32_t k = st->first; k < st->end; k++)
		if (in_lex(c, k, NA_LEX_VOTE_REFERENDUM_WORDS))
			return 1;
	return 0;
}

/*
 * What a chamber rejects, approves or adopts is a measure put to it even
 * when its noun is not one of the motion heads ("the House of
 * Representatives rejected the demarcation", "the assembly approved the
 * merger"); a party's or a person's rejection of something is a stance, not
 * a vote, and so is a board's, a court's or a committee's decision on a
 * thing (data/lexicon/vote_nonlegislative_heads.tsv: "the board rejected
 * the move").  Fills the position's motion as block_object does; returns 1.
 */
static int
body_decision_object(vctx *c, sent_state *st, uint32_t k, position *p, const actor_ref *actors, int nactors)
{
	if (nactors == 0)
		return 0;
	for (int a = 0; a < nactors; a++)
		if (!(actors[a].kind == NA_VK_GROUP && referendum_electorate(c, st, &actors[a])) &&
			(actors[a].kind != NA_VK_BODY || actors[a].end == 0 ||
			 in_lex(c, actors[a].end - 1, NA_LEX_VOTE_NONLEGISLATIVE_HEADS)))
			return 0;
	/* "rejected claims that ...": a statement, not a measure (data/lexicon/vote_statement_objects.tsv) */
	for (uint32_t e = k; e < k + 6 && in_sentence(c, e, st->s) && T(c, e)->kind == NA_TK_WORD; e++)
		if (in_lex(c, e, NA_LEX_VOTE_STATEMENT_OBJECTS))
			return 0;
	return decided_object(c, st, k, p, actors, nactors, actors[0].kind == NA_VK_GROUP);
}

/* Handle a verb trigger at v (not a noun). */
/*
 * "Eleven of the 15 members", "three of the four cantons": a count of a
 * group, which the codebook codes as a null actor.  Widens the actor's
 * evidence to the count.
 */
static int
partitive_count(vctx *c, sent_state *st, actor_ref *a)
{
	if (a->kind != NA_VK_GROUP || a->first < st->first + 2)
		return 0;
	if (!is_word(c, a->first - 1, "of") ||
		!(number_at(c, a->first - 2) > 0 || is_word(c, a->first - 2, "most") ||
		  is_word(c, a->first - 2, "some") || is_word(c, a->first - 2, "all") ||
		  is_word(c, a->first - 2, "none")))
		return 0;
	a->first -= 2;
	return 1;
}

/*
 * "98 senators voted", "One member voted against", "Eleven of the 15
 * members": the codebook's unnamed counted group, a null actor.  A group
 * named by a party or a place ("32 Labour rebels", "12 Texas delegates")
 * keeps its name: the count is then a bloc's size.
 */
static int
counted_group(vctx *c, sent_state *st, actor_ref *a)
{
	if (partitive_count(c, st, a))
		return 1;
	if (a->kind != NA_VK_GROUP || a->end <= a->first + 1 || number_at(c, a->first) <= 0)
		return 0;
	for (uint32_t k = a->first + 1; k < a->end; k++)
		if (is_capitalized(c, k))
			return 0;
	return 1;
}

static int	passed_chamber(vctx *c, sent_state *st, uint32_t v, uint32_t k, position *p, actor_ref *actors);

/*
 * Is the first of the n agents after a passive participle ("passed by
 * peers", "ratified by all member states") a chamber, a party or a group:
 * voters, not a person nor a thing?
 */
static int
collective_agent(const actor_ref *agents, int n)
{
	return n > 0 && (agents[0].kind == NA_VK_BODY || agents[0].kind == NA_VK_PARTY ||
					 agents[0].kind == NA_VK_GROUP);
}

/*
 * "The minister has been blocked by parliament from cutting the subsidy":
 * what a chamber blocks is the act after "from" (a gerund and its object),
 * the subject only the one who would have done it.  Sets p's motion to
 * that act and returns 1 when the n agents after "by" are collective and
 * "from" and a gerund follow them.
 */
static int
blocked_from(vctx *c, sent_state *st, const actor_ref *agents, int n, position *p)
{
	uint32_t	from;
	uint32_t	e;
	const na_token *g;

	if (!collective_agent(agents, n))
		return 0;
	from = agents[n - 1].end;
	if (!in_sentence(c, from + 1, st->s) || !is_word(c, from, "from"))
		return 0;
	g = T(c, from + 1);
	if (g->kind != NA_TK_WORD || g->len < 5 || memcmp(c->doc->text + g->start + g->len - 3, "ing", 3) != 0 ||
		!(e = phrase_right(c, from + 1, 10)))
		return 0;
	p->motion_first = from + 1;
	p->motion_end = e;
	p->motion_head = e - 1;
	return 1;
}

/*
 * The motion a relative clause of the vote's subject at first is about,
 * when no object follows the verb: "the bill, which the Senate passed in
 * May", "the bill that the Senate passed" (the antecedent ends before
 * "which" or "that"; not with neither: "Republican presidential nominee
 * Donald Trump endorsed" is a title before a name).  Sets p's motion and
 * returns 1 when a motion ends there.
 */
static int
relative_motion(vctx *c, sent_state *st, uint32_t first, position *p)
{
	uint32_t	end = first;
	uint32_t	mf,
				mh;

	if (end <= st->first || !(is_word(c, end - 1, "which") || is_word(c, end - 1, "that")))
		return 0;
	/* "Mr. Obama's statement that he opposed …": a statement's content, no relative */
	if (is_word(c, end - 1, "that") && end >= st->first + 2 &&
		(na_lex_lookup(NA_LEX_REPORTING_NOUNS, c->doc->text + T(c, end - 2)->start, T(c, end - 2)->len) >= 0 ||
		 na_lex_lookup(NA_LEX_QUOTE_SPEECH_NOUNS, c->doc->text + T(c, end - 2)->start, T(c, end - 2)->len) >= 0))
		return 0;
	end--;
	if (end > st->first && is_punct(c, end - 1, ','))
		end--;
	if (end <= st->first || !motion_left(c, end - 1, st->first, &mf, &mh) || is_word(c, mh, "it") ||
		mh != end - 1)
		return 0;
	p->motion_first = mf;
	p->motion_end = mh + 1;
	p->motion_head = mh;
	return 1;
}

/*
 * The positions of a vote verb in the passive ("was vetoed by Russia", "a
 * measure backed by France", "the resolution was adopted 13-0"): the motion
 * is found before the verb, the agents after "by"; with no agent (passive 2,
 * or a by-phrase naming none) the row has a null actor, as the codebook says.
 */
static void
passive_trigger(vctx *c, sent_state *st, uint32_t v, int cls, int passive, position *p)
{
	actor_ref	actors[MAX_ACTORS];
	int			nactors = 0;
	uint32_t	k;

	uint32_t	mf = 0,
				mh = 0;
	uint32_t	q = v - 1;

	if (v == st->first)
		return;
	/* the agents after "by", read once for the tests below and the rows */
	if (passive == 1)
		nactors = actors_right(c, v + 2, actors, MAX_ACTORS);
	/* "proposed by X months ago and endorsed by Y": the same motion */
	if (st->last_participle_end && v > st->first && is_word(c, v - 1, "and") &&
		st->last_participle_end + 6 >= v)
	{
		p->motion_first = st->last_participle_motion_first;
		p->motion_end = st->last_participle_motion_end;
		p->motion_head = st->last_participle_head;
	}
	else
	{
		if (be_before(c, st, v) != UINT32_MAX)
			q = be_before(c, st, v) - 1;
		/* "the veto will be overridden", "the bill could not be passed" */
		while (q > st->first && (in_list(c, q, passive_auxiliaries) || is_adverb(c, q)))
			q--;
		if (!motion_left(c, q, st->first, &mf, &mh) && st->last_participle_end &&
			st->last_participle_motion_end && st->last_participle_end < v)
		{
			/* "The measure, drafted by Germany, was vetoed by ...": the same motion */
			mf = st->last_participle_motion_first;
			mh = st->last_participle_head;
		}
		if (mh > 0 && mh < v && (is_motion_head(c, mh) || is_word(c, mh, "it")) &&
			(motion_left(c, q, st->first, &mf, &mh) || st->last_participle_end))
		{
			if (is_word(c, mh, "it"))
			{
				/*
				 * "vetoed it" continues a vote told before; "it was never
				 * passed by peers" names the chamber or group that voted on
				 * it, a vote of its own ("it was passed" alone is no vote,
				 * "it was blocked by Courtney Love" no vote at all)
				 */
				if (!(passive == 1 && collective_agent(actors, nactors)) &&
					((!recent_event(c, st->s, 2) && !motion_row_in_sentence(c, st->s)) || cls == W_PASS))
					return;
				/* "Back in 2018, the congress approved a bill, but it was dismissed": the same time */
				if (p->modality == NA_VM_ASSERTED && motion_row_in_sentence(c, st->s) &&
					((na_vote *) c->rows.items)[c->rows.count - 1].modality == NA_VM_HISTORICAL)
					p->modality = NA_VM_HISTORICAL;
				p->motion_first = p->motion_end = 0;
				p->motion_head = mh;
			}
			else
			{
				p->motion_first = mf;
				p->motion_end = mh + 1;
				p->motion_head = mh;
			}
		}
		else if (cls == W_BLOCK && passive == 1 && blocked_from(c, st, actors, nactors, p))
			;
		else if (cls == W_PASS && (is_word(c, v, "confirmed")))
		{
			/* "Neil Gorsuch was confirmed": the nominee is the motion */
			actor_ref	nominee;

			/* "he was confirmed 92 to 0": a pronoun for the nominee when a tally says it was a vote */
			if (passive == 2 && (is_word(c, q, "he") || is_word(c, q, "she")) &&
				sentence_has_tally(c, st))
			{
				memset(&nominee, 0, sizeof(nominee));
				nominee.first = q;
				nominee.end = q + 1;
			}
			else if (passive != 2 || !actor_ending_at(c, q, st->first, &nominee) ||
					 nominee.kind != NA_VK_PERSON)
				return;
			p->motion_first = nominee.first;
			p->motion_end = nominee.end;
			p->motion_head = nominee.end - 1;
		}
		else
			return;
	}
	if (passive == 1 && nactors == 0)
		passive = 2;			/* "carried by a show of hands", "adopted by 12 votes to none" */
	if (passive == 1)
	{
		k = actors[nactors - 1].end;
		/* "backed by the United States": from the participle to the last agent */
		p->ev_first = v;
		p->ev_end = k;
		st->last_participle_motion_first = p->motion_first;
		st->last_participle_motion_end = p->motion_end;
		st->last_participle_head = p->motion_head;
		st->last_participle_end = k;
	}
	else
	{
		/* no agent: the outcome of a vote ("the resolution was adopted 13-0") */
		if (cls != W_ADOPT && cls != W_PASS && cls != W_REJECT && cls != W_VETO && cls != W_DEFEAT &&
			cls != W_BLOCK && cls != W_OVERRIDE)
			return;
		/*
		 * "Redknapp's appointment is confirmed": with no body around, news,
		 * not a vote; but "she was confirmed 92 to 0": a tally says it was
		 */
		if (cls == W_PASS && st->body.end == 0 && is_word(c, v, "confirmed") &&
			!sentence_has_tally(c, st))
			return;
		p->ev_first = p->motion_end ? p->motion_first : v - 1;
		p->ev_end = v + 1;
		/* the codebook: no actor named, a null actor; the body comes from the context */
	}
	p->outcome = class_outcome(cls);
	if (cls == W_VETO)
		p->outcome = NA_VO_VETOED;
	if (p->modality != NA_VM_ASSERTED)
		p->outcome = NA_VO_NONE;
	if (nactors == 0)
	{
		p->action = class_action(cls);
		emit_positions(c, st, p, NULL, 0);
		return;
	}
	for (int a = 0; a < nactors; a++)
	{
		position	one = *p;

		one.action = action_for_actor(class_action(cls), &actors[a]);
		emit_positions(c, st, &one, &actors[a], 1);
	}
	return;
}

/*
 * "votes"/"vote" is a verb only with a subject right before it or a modal:
 * "he would only vote for it", "they'd vote for him", "I'll stay and vote";
 * else it is the noun.
 */
static int
vote_used_as_verb(vctx *c, const sent_state *st, uint32_t v, const actor_ref *actors, int nactors)
{
	if (v == st->first)
		return 0;
	return in_list(c, v - 1, vote_verb_markers) ||
		and_verb_after_modal(c, v, st->first) ||
		((is_word(c, v - 1, "only") || is_word(c, v - 1, "still") ||
		  is_word(c, v - 1, "probably") || is_word(c, v - 1, "certainly")) &&
		 v >= st->first + 2 && in_list(c, v - 2, verb_before)) ||
		modal_contraction(c, v - 1) ||
		(nactors > 0 && actors[nactors - 1].end == v) ||
		(nactors > 0 && actors[0].end == v);
}

/*
 * The action and the motion of an active "vote" by its direction dir
 * (vote_direction): "for" or "against" the motion after q, "to <verb>" the
 * verb's object (what the verb does decides the side), "down" the motion
 * after the particle, or a bare vote.
 */
static void
vote_motion_by_direction(vctx *c, sent_state *st, uint32_t q, int dir, position *p)
{
	if (dir == 1 || dir == -1)
	{
		uint32_t	head;
		uint32_t	e = motion_right(c, q, &head);

		if (!e)
		{
			e = phrase_right(c, q, 8);
			head = e ? e - 1 : 0;
		}
		if (e)
		{
			p->motion_first = q;
			p->motion_end = e;
			p->motion_head = head;
		}
		p->action = dir == 1 ? NA_VA_VOTE_FOR : NA_VA_VOTE_AGAINST;
	}
	else if (dir == 2)
	{
		uint32_t	e = phrase_right(c, q + 1, 9);
		uint32_t	verb = q + 1;

		/* the codebook's action of a body follows the verb voted: "voted to confirm" */
		p->verb = verb + 1;

		p->motion_first = q;
		p->motion_end = e ? e : q + 2;
		p->motion_head = p->motion_end - 1;
		st->consumed_until = p->motion_end;
		if (in_list(c, verb, against_motion_verbs) ||
			(is_word(c, verb, "strike") && (is_word(c, verb + 1, "down") || is_word(c, verb + 1, "out"))) ||
			is_word(c, verb, "defeat"))
			p->action = NA_VA_VOTE_AGAINST;
		else if (is_word(c, verb, "override"))
			p->action = NA_VA_OVERRIDE;	/* "voted 58 to 19 to override the veto" */
		else
			p->action = NA_VA_VOTE_FOR;
	}
	else if (dir == -2)
	{
		/* "voted down the farm bill": the motion after the particle; "voted
		 * off three directors": the people removed */
		motion_from(c, q, p);
		if (p->motion_end == 0 && (is_word(c, q - 1, "off") || is_word(c, q - 1, "out")))
		{
			uint32_t	e = q;

			/* the noun phrase, not the place or time after it */
			while (e < q + 6 && in_sentence(c, e, st->s) && T(c, e)->kind != NA_TK_PUNCT &&
				   !in_list(c, e, prepositions) && !in_list(c, e, time_words) && !is_word(c, e, "last"))
				e++;
			if (e > q)
			{
				p->motion_first = q;
				p->motion_end = e;
				p->motion_head = e - 1;
			}
		}
		p->action = NA_VA_VOTE_AGAINST;
	}
	else
		p->action = NA_VA_VOTE;
}

/*
 * "Eleven of the 15 members voted in favour": the codebook's unnamed counted
 * group, a null actor whose count is the votes of its side, unless the
 * sentence's tally says more.
 */
static void
counted_group_vote(vctx *c, sent_state *st, uint32_t v, position *p, const actor_ref *group)
{
	uint32_t	head = group->end - 1;
	/* members' votes are counted; "three of the four cantons" are places, not votes */
	int32_t		count = in_list(c, head, counted_place_nouns) ?
		-1 : number_at(c, group->first);
	vote_event *ev;

	p->ev_first = group->first;
	p->ev_end = p->motion_end ? p->motion_end : v + 1;
	emit_positions(c, st, p, NULL, 0);
	/* the count is the votes of its side, unless the sentence's tally says more */
	ev = event_ptr(c, st->event);
	if (count > 0 && p->modality == NA_VM_HISTORICAL && c->rows.count > 0)
	{
		/* a vote recalled as background has no event: the row keeps its count */
		na_vote    *row = (na_vote *) c->rows.items + c->rows.count - 1;

		if (row->event == 0 && p->action == NA_VA_VOTE_FOR)
			row->votes_for = count;
		else if (row->event == 0)
			row->votes_against = count;
	}
	else if (ev && count > 0 && p->modality == NA_VM_ASSERTED)
	{
		if (ev->votes_for != NA_VOTE_NO_COUNT || ev->votes_against != NA_VOTE_NO_COUNT)
			;			/* the vote's tally, stated before, says more */
		else if (p->action == NA_VA_VOTE_FOR)
			ev->votes_for = count;
		else
			ev->votes_against = count;
	}
}

/*
 * "declined to say who he plans to vote for", "asked whom they would vote
 * against": a "for"/"against" at q with nothing after it in its clause is a
 * stranded preposition whose object is a wh-word before the subject, an
 * indirect question (no vote reported, no motion known).  Returns 1 when
 * "who", "whom" or "which" stands within a few words before the verb v.
 */
static int
embedded_question_vote(vctx *c, sent_state *st, uint32_t v, uint32_t q)
{
	if (in_sentence(c, q, st->s) && T(c, q)->kind != NA_TK_PUNCT && T(c, q)->kind != NA_TK_CLOSE_QUOTE)
		return 0;
	for (uint32_t k = v; k-- > st->first && k + 7 > v;)
		if (is_word(c, k, "who") || is_word(c, k, "whom") || is_word(c, k, "which"))
			return 1;
	return 0;
}

/*
 * "About 52% voted to leave and 48% to stay": after an infinitive vote
 * whose motion ends at "and", a share and another infinitive with the verb
 * left out.  The second share voted the other way: a null row (the
 * codebook's unnamed counted group; a percentage is no tally) against the
 * first motion.
 */
static void
elliptic_share(vctx *c, sent_state *st, const position *first)
{
	uint32_t	k = first->motion_end;
	position	p;

	if (!is_word(c, k, "and") || !in_sentence(c, k + 2, st->s) || T(c, k + 1)->kind != NA_TK_PERCENT ||
		!is_word(c, k + 2, "to") || T(c, k + 3)->kind != NA_TK_WORD)
		return;
	p = *first;
	memset(&p.actor, 0, sizeof(p.actor));
	p.action = first->action == NA_VA_VOTE_AGAINST ? NA_VA_VOTE_FOR : NA_VA_VOTE_AGAINST;
	p.ev_first = k + 1;
	p.ev_end = k + 4;
	emit_positions(c, st, &p, NULL, 0);
}

/*
 * The positions of an active "vote" ("voted for", "voted against", "voted
 * 13-2 to extend", "voted on the bill"): the direction and the motion after
 * the verb, one position per actor, a body's vote for something being its
 * decision.  actors are the subject's, resolved; k is where the complement
 * starts; on_* is the motion of "vote on".
 */
static void
active_vote_trigger(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw, position *p,
					actor_ref *actors, int nactors, uint32_t k, uint32_t on_first, uint32_t on_head,
					uint32_t on_end)
{
	/* direction: for, against, in favour of, to <verb>, down */
	uint32_t	q = vote_complement(c, v);
	int			dir = 0;	/* 1 for, -1 against, 2 infinitive, 0 none */

	if ((tw->form & WF_NOUN_TOO) && !vote_used_as_verb(c, st, v, actors, nactors))
		return;
	dir = vote_direction(c, st, &q);
	/* "declined to say who he plans to vote for": a question, not a vote */
	if ((dir == 1 || dir == -1) && embedded_question_vote(c, st, v, q))
		return;
	vote_motion_by_direction(c, st, q, dir, p);
	if (nactors == 0)
		return;
	/* "Eleven of the 15 members voted in favour": the codebook's unnamed counted group, a null actor */
	if (nactors == 1 && counted_group(c, st, &actors[0]) &&
		(p->action == NA_VA_VOTE_FOR || p->action == NA_VA_VOTE_AGAINST))
	{
		counted_group_vote(c, st, v, p, &actors[0]);
		return;
	}
	/* a body that votes for something decides it */
	for (int a = 0; a < nactors; a++)
		if (actors[a].kind == NA_VK_BODY && (p->action == NA_VA_VOTE_FOR || p->action == NA_VA_VOTE_AGAINST))
		{
			p->outcome = p->action == NA_VA_VOTE_FOR ? NA_VO_PASSED : NA_VO_REJECTED;
			p->action = p->action == NA_VA_VOTE_FOR ? NA_VA_ADOPT : NA_VA_REJECT;
			if (p->modality != NA_VM_ASSERTED)
				p->outcome = NA_VO_NONE;
			break;
		}
	/*
	 * a bare "X voted" says little: keep it when the sentence gives a
	 * tally or method, or when a body votes on a motion ("the Senate is
	 * expected to vote on the bill")
	 */
	if (p->action == NA_VA_VOTE)
	{
		/*
		 * a chamber's vote on a motion, or its members' vote to come
		 * ("Senators will vote on the bill"): the schedule of that motion
		 */
		if ((actors[0].kind == NA_VK_BODY ||
			 ((actors[0].kind == NA_VK_GROUP || actors[0].kind == NA_VK_PARTY) &&
			  p->modality == NA_VM_PLANNED)) && on_end && !p->motion_end)
		{
			p->motion_first = on_first;
			p->motion_end = on_end;
			p->motion_head = on_head;
		}
		else if (actors[0].kind == NA_VK_PERSON)
			return;
		/* computed once per sentence: a long sentence may hold many triggers */
		else if (!sentence_has_tally(c, st))
			return;
	}
	p->ev_first = actors[0].first;
	p->ev_end = p->motion_end ? p->motion_end : v + 1;
	if (dir == -2)
		p->ev_end = k + 1 > v + 2 ? k : v + 2;
	/* "the bill, which the Senate is expected to vote on": the motion is before the voter */
	if (p->ev_end <= p->ev_first)
		p->ev_end = !is_word(c, v + 1, "on") ? v + 1 : is_word(c, v + 2, "it") ? v + 3 : v + 2;
	emit_positions(c, st, p, actors, nactors);
	/* "52% voted to leave and 48% to stay": the other share, the other side */
	if (dir == 2 && p->motion_end)
		elliptic_share(c, st, p);
	/* "voted for the first article but against the second": the other side too */
	if ((dir == 1 || dir == -1) && p->motion_end && in_sentence(c, p->motion_end + 1, st->s) &&
		(is_word(c, p->motion_end, "but") || is_word(c, p->motion_end, "and")) &&
		(dir == 1 ? is_word(c, p->motion_end + 1, "against") : is_word(c, p->motion_end + 1, "for")))
	{
		uint32_t	q2 = p->motion_end + 2;
		uint32_t	head;
		uint32_t	e = phrase_right(c, q2, 6);

		if (e && motion_right(c, q2, &head) == 0)
			head = e - 1;
		p->action = dir == 1 ? NA_VA_VOTE_AGAINST : NA_VA_VOTE_FOR;
		p->motion_first = e ? q2 : 0;
		p->motion_end = e;
		p->motion_head = e ? head : 0;
		p->ev_end = e ? e : q2;
		emit_positions(c, st, p, actors, nactors);
	}
	return;
}

/*
 * The positions of a verb that takes a motion as its object (veto, block,
 * sponsor, support, oppose, defeat, pass, reject, override): the object is
 * the motion, a nominee ("confirmed Jane Doe"), "it" for a motion just
 * named, or what a block or override targets; one position per actor, or a
 * null actor where the sentence names none.
 */
static void
motion_object_trigger(vctx *c, sent_state *st, uint32_t v, int cls, position *p,
					  actor_ref *actors, int nactors, uint32_t k)
{
	uint32_t	head = 0;
	uint32_t	e = motion_right(c, k, &head);

	if (e)
	{
		p->motion_first = k;
		p->motion_end = e;
		p->motion_head = head;
	}
	else if (cls == W_PASS && (is_word(c, v, "confirmed") || is_word(c, v, "confirm")))
	{
		actor_ref	nominee;

		/* "the Senate confirmed Jane Doe"; "Miller confirmed X" is a statement */
		if (!person_at(c, k, &nominee) || nactors == 0 ||
			(actors[0].kind != NA_VK_BODY && actors[0].kind != NA_VK_GROUP))
			return;
		p->motion_first = nominee.first;
		p->motion_end = nominee.end;
		p->motion_head = nominee.end - 1;
	}
	else if (is_word(c, k, "it") && (cls == W_VETO || cls == W_BLOCK || cls == W_SUPPORT ||
									   cls == W_OPPOSE || cls == W_DEFEAT || cls == W_ADOPT ||
									   cls == W_REJECT || cls == W_PASS))
	{
		/* "vetoed it": continues a vote of the last few sentences, or its tally says it was one */
		if ((c->events.count == 0 ||
			 ((vote_event *) c->events.items)[c->events.count - 1].sentence + 3 < st->s) &&
			!sentence_has_tally(c, st) && !sentence_says_vote(c, st))
			return;
		p->motion_end = 0;
	}
	else if (cls == W_PASS && nactors == 0 && (is_word(c, v, "passed") || is_word(c, v, "passes")) &&
			 passed_chamber(c, st, v, k, p, actors))
	{
		/* "The legislation passed the House": the chamber decides, the subject is the motion */
		emit_positions(c, st, p, actors, 1);
		return;
	}
	else if (cls == W_BLOCK && block_object(c, st, k, p, actors, nactors))
	{
		/* "Republicans had blocked fuller payments" */
	}
	else if ((cls == W_REJECT || cls == W_ADOPT) && body_decision_object(c, st, k, p, actors, nactors))
	{
		/* "the House of Representatives rejected the demarcation" */
	}
	else if (cls == W_OVERRIDE && override_target(c, st, k, p))
	{
		/* "the votes to override him", "able to override the president": his veto */
	}
	else if (nactors > 0 && relative_motion(c, st, actors[0].first, p))
	{
		/* "the bill, which the Senate passed in May": the antecedent */
	}
	else if (cls != W_VETO)
		return;
	if (cls == W_OVERRIDE && p->motion_end && v > st->first + 1 && is_word(c, v - 1, "to"))
	{
		/*
		 * "have the votes to override him", "able to override the
		 * president": a power, not a plan; the holder of the votes
		 * overrides
		 */
		for (uint32_t q = v - 1; q > st->first && q + 4 > v; q--)
			if (in_list(c, q - 1, override_capacity_words))
			{
				if (p->modality == NA_VM_PLANNED)
					p->modality = NA_VM_HYPOTHETICAL;
				if (nactors == 0)
					nactors = override_holder(c, st, q - 1, actors);
				break;
			}
	}
	if (nactors == 0 && cls == W_OVERRIDE && p->motion_end)
	{
		/* "being able to override the president": an override with no actor named */
		p->ev_first = v;
		p->ev_end = p->motion_end;
		emit_positions(c, st, p, NULL, 0);
		return;
	}
	if (nactors == 0)
	{
		/* "The measure passed 52-48": the motion is the subject */
		uint32_t	mf,
					mh;

		if ((cls == W_PASS || cls == W_FAIL || cls == W_ADOPT) && !e && v > st->first &&
			motion_left(c, v - 1, st->first, &mf, &mh) && !is_word(c, mh, "it"))
		{
			p->motion_first = mf;
			p->motion_end = mh + 1;
			p->motion_head = mh;
			p->ev_first = mf;
			p->ev_end = v + 1;
			p->outcome = p->modality == NA_VM_ASSERTED ? class_outcome(cls) : NA_VO_NONE;
			/* "The measure passed": the sentence names no actor (the body is the context's) */
			emit_positions(c, st, p, actors, nactors);
		}
		return;
	}
	if (cls == W_SPONSOR && !e)
		return;
	if (historical_after(c, v))
		p->modality = NA_VM_HISTORICAL;
	p->ev_first = actors[0].first;
	for (int a = 1; a < nactors; a++)
		if (actors[a].first < p->ev_first)
			p->ev_first = actors[a].first;
	/* (a relative clause's motion comes before its subject) */
	if (p->motion_end && p->motion_first < p->ev_first)
		p->ev_first = p->motion_first;
	p->ev_end = p->motion_end > v ? p->motion_end : v + 1;
	if (p->modality == NA_VM_ASSERTED)
		p->outcome = class_outcome(cls);
	/* a body or group passes/rejects; a country supports/opposes */
	{
		position	q = *p;

		for (int a = 0; a < nactors; a++)
		{
			q.action = action_for_actor(class_action(cls), &actors[a]);
			if (q.action != NA_VA_ADOPT && q.action != NA_VA_REJECT)
				q.outcome = cls == W_VETO && q.modality == NA_VM_ASSERTED ? NA_VO_VETOED : NA_VO_NONE;
			else if (q.modality != NA_VM_ASSERTED)
				q.outcome = NA_VO_NONE;
			else if (p->outcome)
				q.outcome = p->outcome;
			else
				q.outcome = q.action == NA_VA_ADOPT ? NA_VO_PASSED : NA_VO_REJECTED;
			emit_positions(c, st, &q, &actors[a], 1);
		}
	}
}

/*
 * The positions a vote verb at v states: runs the refusal rules first, then
 * finds the modality, the voice (active or passive), the actors, the motion,
 * the body and the tally, and emits one position per actor.  Called for every
 * trigger word the first pass found.
 */
void
verb_trigger(vctx *c, sent_state *st, uint32_t v, const trigger_word *tw)
{
	actor_ref	actors[MAX_ACTORS];
	int			nactors = 0;
	position	p;
	int			passive = 0;
	uint32_t	k;
	int			cls = tw->cls;
	uint32_t	on_first = 0;	/* "vote on the bill": the motion voted on */
	uint32_t	on_head = 0;
	uint32_t	on_end = 0;

	if (trigger_refused(c, st, v, tw))
		return;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.verb = v + 1;
	p.action = class_action(cls);
	p.outcome = NA_VO_NONE;

	/* the modality, once the cheap refusals above are past */
	p.modality = modality_at(c, v, st->first);
	/*
	 * "to vote", "to block": an infinitive states an aim, not a vote taken;
	 * but "was the first senator to vote against it" tells the vote
	 */
	if (p.modality == NA_VM_ASSERTED && infinitive_aim(c, st, v))
		p.modality = NA_VM_PLANNED;

	/* passive: "was vetoed by", "a measure backed by", "which was supported by" */
	if ((tw->form & WF_PARTICIPLE) && is_word(c, v + 1, "by") && in_sentence(c, v + 1, st->s))
		passive = 1;
	else if ((tw->form & WF_PARTICIPLE) && be_before(c, st, v) != UINT32_MAX)
		passive = 2;
	else if ((tw->form & WF_PARTICIPLE) && (k = causative_before(c, st, v)) != UINT32_MAX)
	{
		passive = 2;
		/* "for the government to get the Bill passed": an aim */
		if (p.modality == NA_VM_ASSERTED && k > st->first && is_word(c, k - 1, "to"))
			p.modality = NA_VM_PLANNED;
	}

	if (cls == W_VOTE)
	{
		/* "voted by a large majority" is active; "was voted best film" is not a vote on a motion */
		if (passive == 1 && !(v > st->first && (is_word(c, v - 1, "was") || is_word(c, v - 1, "were") ||
												 is_word(c, v - 1, "been") || is_word(c, v - 1, "being"))))
			passive = 0;
		/* voted best film, voted out of the house, voted into power, voted for by viewers */
		if (passive || (in_list(c, v + 1, voted_not_motion_words) && !votes_off(c, st, v)) ||
			(is_word(c, v + 1, "for") && is_word(c, v + 2, "by")))
			return;
	}

	if (passive)
	{
		passive_trigger(c, st, v, cls, passive, &p);
		return;
	}

	/* active voice: first the cheap tests that leave no row, then the subject */
	if (cls != W_VOTE && cls != W_ABSTAIN && cls != W_VETO && !active_object_possible(c, st, v, cls))
		return;
	if (cls == W_VOTE)
	{
		uint32_t	q = vote_complement(c, v);

		/* "turned out in record numbers to vote in the elections": the electorate's choice */
		if (turnout_vote(c, st, v))
			return;
		on_end = vote_on_motion(c, v, &on_first, &on_head);
		if (vote_direction(c, st, &q) == 0 && !sentence_has_tally(c, st) && !on_end)
			return;
	}
	nactors = subject_of(c, st, v, actors, MAX_ACTORS);
	nactors = resolve_actors(c, st, actors, nactors);

	k = after_verb(c, v);
	if (cls == W_VOTE)
	{
		active_vote_trigger(c, st, v, tw, &p, actors, nactors, k, on_first, on_head, on_end);
		return;
	}

	if (cls == W_ABSTAIN)
	{
		uint32_t	head;
		uint32_t	e;

		if (nactors == 0)
			return;
		p.ev_first = actors[0].first;
		p.ev_end = v + 1;
		if ((is_word(c, k, "on") || is_word(c, k, "from")) && (e = motion_right(c, k + 1, &head)))
		{
			p.motion_first = k + 1;
			p.motion_end = e;
			p.motion_head = head;
			p.ev_end = e;
		}
		/* "with China abstaining" is evidence from "with" */
		emit_positions(c, st, &p, actors, nactors);
		return;
	}

	/* other verbs take a motion object: veto, block, sponsor, support, oppose, defeat, pass, reject */
	motion_object_trigger(c, st, v, cls, &p, actors, nactors, k);
}

/*
 * "The legislation passed the House again", "the bill passes the Senate":
 * the chamber after the verb is the actor and the subject the motion.  Fills
 * the position's motion, evidence and outcome and actors[0]; returns 1.
 */
static int
passed_chamber(vctx *c, sent_state *st, uint32_t v, uint32_t k, position *p, actor_ref *actors)
{
	uint32_t	mf,
				mh;
	body_ref	b;
	uint32_t	j = is_word(c, k, "the") ? k + 1 : k;

	if (!in_sentence(c, j, st->s) || !body_at(c, j, &b) || !motion_left(c, v - 1, st->first, &mf, &mh) ||
		(is_word(c, mh, "it") && !recent_event(c, st->s, 2)))
		return 0;
	memset(&actors[0], 0, sizeof(actors[0]));
	actors[0].first = k;
	actors[0].end = b.end;
	actors[0].name_first = b.first;
	actors[0].name_end = b.end;
	actors[0].canonical = b.canonical;
	actors[0].kind = NA_VK_BODY;
	p->motion_first = mf;
	p->motion_end = mh + 1;
	p->motion_head = mh;
	p->ev_first = mf;
	p->ev_end = b.end;
	if (historical_after(c, v))
		p->modality = NA_VM_HISTORICAL;
	p->outcome = p->modality == NA_VM_ASSERTED ? NA_VO_PASSED : NA_VO_NONE;
	return 1;
}
