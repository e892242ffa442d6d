/*
 * votes_nouns.c - the noun triggers of a sentence: "the veto", "its veto of the bill", a
 * confidence vote, "the vote on", "the override", members named as voting
 * against, and a body's tie ("deadlocked 4 to 4", no vote verb).  Split from
 * votes_triggers.c, which reads the verbs.
 */
#include "votes_internal.h"

/*
 * Is there "the president", "the governor", ... just before token q?  A
 * pronoun after it most likely means that office holder: better no row than
 * the last person named.  Returns the office's token + 1, or 0.
 */
static uint32_t
role_noun_before(vctx *c, sent_state *st, uint32_t q)
{
	for (uint32_t k = q; k > st->first && k + 8 > q; k--)
		if (is_word(c, k - 1, "the") && in_list(c, k, veto_holder_roles))
			return k + 1;
	return 0;
}

/*
 * The noun phrase of a "veto" at v, walked leftwards over its modifiers:
 * an ordinal ("the fifth veto", not "latest") sets *ordinal; a possessor or
 * demonym ("Russia's", "the Russian") is the vetoing country; after cast,
 * used or exercised ("cast its veto") the actor is that verb's subject.
 * Returns the actors found and sets *np_first to where the phrase starts.
 */
static int
veto_phrase_actors(vctx *c, sent_state *st, uint32_t v, actor_ref *actors, int *ordinal,
				   uint32_t *np_first)
{
	int			nactors = 0;

	for (uint32_t k = v; k > st->first && k + 7 > v;)
	{
		na_place_match m;
		uint32_t	q = k - 1;

		if (in_list(c, q, ordinal_words) ||
			(T(c, q)->kind == NA_TK_NUMBER && T(c, q)->len > 2 &&
			 (memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "th", 2) == 0 ||
			  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "st", 2) == 0 ||
			  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "nd", 2) == 0 ||
			  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 2, "rd", 2) == 0)))
		{
			if (!is_word(c, q, "latest"))
				*ordinal = 1;
			k = q;
			continue;
		}
		/* the possessor or demonym: try each start that ends at q */
		{
			int			found = 0;

			for (uint32_t st2 = (q >= st->first + 3 ? q - 3 : st->first); st2 <= q; st2++)
			{
				if (na_place_at(c->doc, st2, &m) && st2 + m.ntokens == q + 1 &&
					(m.kind == NA_PLACE_DEMONYM || (m.flags & NA_PLACE_POSSESSIVE)))
				{
					memset(&actors[0], 0, sizeof(actors[0]));
					actors[0].first = actors[0].name_first = st2;
					actors[0].end = actors[0].name_end = q + 1;
					actors[0].canonical = m.country;
					actors[0].kind = NA_VK_COUNTRY;
					nactors = 1;
					*np_first = st2;
					if (st2 > st->first && (is_word(c, st2 - 1, "the") || is_word(c, st2 - 1, "a")) &&
						!is_word(c, st2, "the"))
						*np_first = st2 - 1;
					found = 1;
					break;
				}
			}
			if (found)
				break;
		}
		if (is_capitalized(c, q) || (T(c, q)->kind == NA_TK_WORD && in_list(c, q, veto_determiners)))
		{
			/* "its veto" after cast/used/exercised: the subject of that verb */
			if ((is_word(c, q, "its") || is_word(c, q, "their") || is_word(c, q, "a")) && q > st->first &&
				in_list(c, q - 1, veto_use_verbs))
			{
				nactors = subject_of(c, st, q - 1, actors, MAX_ACTORS);
				nactors = resolve_actors(c, st, actors, nactors);
				if (nactors > 0)
					*np_first = actors[0].first;
				break;
			}
			if (is_word(c, q, "a") || is_word(c, q, "the") || is_word(c, q, "its") || is_word(c, q, "their"))
			{
				*np_first = q;
				k = q;
				continue;
			}
			k = q;
			continue;
		}
		break;
	}
	return nactors;
}

/*
 * The veto a noun "veto" states ("Russia's veto", "the fifth Russian veto
 * of a resolution on Syria"): its possessor or demonym is the actor;
 * ordinals and "latest" tell a veto counted among others.
 */
void
noun_veto(vctx *c, sent_state *st, uint32_t v)
{
	position	p;
	actor_ref	actors[MAX_ACTORS];
	int			nactors = 0;
	int			ordinal = 0;
	uint32_t	np_first = v;

	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.action = NA_VA_VETO;
	/* walk the noun phrase left: modifiers, ordinals, a possessor or demonym */
	nactors = veto_phrase_actors(c, st, v, actors, &ordinal, &np_first);
	/*
	 * "Obama's veto", "his veto threat", "the White House has promised a
	 * veto": a person's veto or the subject of the verb that announces it
	 */
	if (nactors == 0 && v > st->first)
	{
		uint32_t	q = v - 1;
		uint8_t		mod = 0;

		if (is_possessive(c, q) && actor_ending_at(c, q, st->first, &actors[0]) &&
			actors[0].kind == NA_VK_PERSON)
			nactors = 1;
		else if (is_possessive(c, q) && known_surname(c, q, &actors[0]))
			nactors = 1;
		/* "his veto threat"; after "the president", the president the article titled so */
		else if ((is_word(c, q, "his") || is_word(c, q, "her")) &&
				 (role_noun_before(c, st, q) ? office_holder(c, role_noun_before(c, st, q) - 1, &actors[0])
				  : resolve_person(c, q, &actors[0])))
		{
			actors[0].first = q;
			actors[0].end = q + 1;
			nactors = 1;
			np_first = q;
		}
		else if ((is_word(c, q, "a") || is_word(c, q, "another")) && q > st->first &&
				 in_list(c, q - 1, veto_threat_verbs))
		{
			nactors = subject_of(c, st, q - 1, actors, MAX_ACTORS);
			nactors = resolve_actors(c, st, actors, nactors);
			if (nactors > 0)
			{
				np_first = actors[0].first < q ? actors[0].first : q;
				/* a promise is a plan; a threat, a vow, hypothetical (the codebook) */
				mod = is_word(c, q - 1, "promised") || is_word(c, q - 1, "promises") ? NA_VM_PLANNED
					: is_word(c, q - 1, "issued") || is_word(c, q - 1, "issue") ? 0 : NA_VM_HYPOTHETICAL;
			}
		}
		if (nactors > 0)
		{
			if (actors[0].first < np_first)
				np_first = actors[0].first;
			p.ev_first = np_first;
			p.ev_end = v + 1;
			p.modality = mod ? mod : modality_at(c, np_first, st->first);
			/* "his veto threat"; "Obama's veto is expected to come" */
			if (is_word(c, v + 1, "threat") || is_word(c, v + 1, "threats"))
				p.modality = NA_VM_HYPOTHETICAL;
			else if (p.modality == NA_VM_ASSERTED &&
					 ((is_word(c, v + 1, "is") && (is_word(c, v + 2, "expected") || is_word(c, v + 2, "likely"))) ||
					  is_word(c, v + 1, "will")))
				p.modality = NA_VM_PLANNED;
			/* "a veto of the bill" */
			if (is_word(c, v + 1, "of") || is_word(c, v + 1, "on"))
				motion_from(c, v + 2, &p);
			emit_positions(c, st, &p, actors, nactors);
			return;
		}
	}
	if (nactors == 0)
	{
		/* "a veto by China" */
		if (is_word(c, v + 1, "by") && in_sentence(c, v + 2, st->s))
		{
			nactors = actors_right(c, v + 2, actors, MAX_ACTORS);
			if (nactors == 0)
				return;
			p.ev_first = np_first;
			p.ev_end = actors[nactors - 1].end;
		}
		else
			return;
	}
	else
	{
		p.ev_first = np_first < actors[0].first ? np_first : actors[0].first;
		p.ev_end = v + 1;
	}
	p.modality = ordinal ? NA_VM_HISTORICAL : modality_at(c, np_first, st->first);
	if (is_word(c, v, "vetoes"))
		p.modality = NA_VM_HISTORICAL;	/* "Russia's vetoes": several past ones */
	/* "the Kremlin's veto ... was its fifth" */
	for (uint32_t k = v + 1; k + 1 < st->end && k < v + 10; k++)
	{
		if (is_punct(c, k, ';') || is_punct(c, k, ':'))
			break;
		if ((is_word(c, k, "its") || is_word(c, k, "their") || is_word(c, k, "the")) &&
			in_list(c, k + 1, ordinal_words) && !is_word(c, k + 1, "latest") &&
			k > v + 1 && (is_word(c, k - 1, "was") || is_word(c, k - 1, "is") || is_word(c, k - 1, "marked")))
			p.modality = NA_VM_HISTORICAL;
	}
	/* the motion: "veto of the resolution", "veto on the draft" */
	if (is_word(c, v + 1, "of") || is_word(c, v + 1, "on") || is_word(c, v + 1, "against"))
		motion_from(c, v + 2, &p);
	emit_positions(c, st, &p, actors, nactors);
}

/*
 * A parliamentary confidence vote at token k: "a vote of (no) confidence",
 * "a (no-)confidence vote".  A company's or a manager's "vote of confidence"
 * is a figure of speech: the sentence must name a parliament, MPs or the
 * government.
 */
int
confidence_vote_at(vctx *c, sent_state *st, uint32_t k, uint32_t *first, uint32_t *last)
{
	uint32_t	end = 0;
	int			political = 0;

	if (is_word(c, k, "vote") && is_word(c, k + 1, "of") &&
		(is_word(c, k + 2, "confidence") || (is_word(c, k + 2, "no") && is_word(c, k + 3, "confidence"))))
		end = is_word(c, k + 2, "no") ? k + 3 : k + 2;
	else if ((is_word(c, k, "confidence") || is_word(c, k, "no-confidence")) &&
			 (is_word(c, k + 1, "vote") || is_word(c, k + 1, "motion")))
		end = k + 1;
	if (end == 0 || !in_sentence(c, end, st->s))
		return 0;
	for (uint32_t q = st->first; q < st->end && !political; q++)
		political = in_list(c, q, confidence_vote_subjects) ||
			(is_word(c, q, "prime") && is_word(c, q + 1, "minister")) || is_word(c, q, "premier") ||
			is_word(c, q, "chancellor");
	/* a legislature named in the sentence also makes it political (not a board) */
	if (!political && !(st->body_here && st->body.canonical && strcmp(st->body.canonical, "referendum") != 0))
		return 0;
	*first = k > st->first && (is_word(c, k - 1, "a") || is_word(c, k - 1, "the")) ? k - 1 : k;
	*last = end;
	return 1;
}

/*
 * "The Senate has scheduled a vote on the bill", "the House has not yet
 * scheduled its own vote": the subject sets the vote, the codebook's
 * schedule with that subject as its actor; the vote is still to come, so
 * the row is planned (negated or hypothetical as the clause says).  The
 * subject is a chamber, a party or a person (a union's strike ballot is
 * no chamber's vote).  The motion is what the vote is "on", if said.  Returns 1 when it gave a row.
 */
static int
scheduled_vote(vctx *c, sent_state *st, uint32_t verb, uint32_t v, position *p)
{
	actor_ref	actors[MAX_ACTORS];
	int			n = subject_of(c, st, verb, actors, MAX_ACTORS);

	n = resolve_actors(c, st, actors, n);
	/* a chamber, a party or its leader sets a vote; a union's or a company's ballot is no chamber's */
	if (n == 0 || (actors[0].kind != NA_VK_BODY && actors[0].kind != NA_VK_PARTY &&
				   actors[0].kind != NA_VK_PERSON))
		return 0;
	if (p->modality == NA_VM_ASSERTED || p->modality == NA_VM_HISTORICAL)
		p->modality = NA_VM_PLANNED;
	/* "a vote on the transit levy": the motion, or the phrase voted on */
	if (is_word(c, v + 1, "on") && !motion_from(c, v + 2, p))
	{
		uint32_t	e = phrase_right(c, v + 2, 6);

		/* up to a preposition: "on the transit levy for Monday" */
		for (uint32_t k = v + 3; k < e; k++)
			if (in_list(c, k, prepositions))
			{
				e = k;
				break;
			}
		if (e)
		{
			p->motion_first = v + 2;
			p->motion_end = e;
			p->motion_head = e - 1;
		}
	}
	p->ev_first = actors[0].first;
	p->ev_end = p->motion_end ? p->motion_end : v + 1;
	emit_positions(c, st, p, actors, n);
	return 1;
}

/*
 * A vote still to come named as the object of a verb of
 * data/lexicon/vote_planned_vote_verbs.tsv, with the noun phrase of the
 * vote at v: a vote its subject will undergo ("the prime minister will face
 * a vote of confidence in parliament next Tuesday", "the bill faces a vote
 * in the Senate") or one its subject sets (scheduled_vote).  The voters
 * of a vote faced are not named (the chamber is the body, from the
 * sentence or the article): a null actor, the codebook's schedule,
 * planned; "faced a vote" (past) is left to the rows of that vote.  The
 * motion is the confidence the vote is about, or the subject when it is a
 * motion ("the bill").  Returns 1 when it gave a row.
 */
int
planned_vote_noun(vctx *c, sent_state *st, uint32_t v)
{
	uint32_t	verb = 0;
	uint32_t	cf = 0,
				cl = 0;
	uint32_t	mf,
				mh;
	int32_t		row = -1;
	position	p;

	/* the noun phrase's words between the verb and the noun: "a", "no-confidence", "its own" */
	for (uint32_t k = v; k-- > st->first && k + 5 > v;)
	{
		if ((row = na_lex_lookup(NA_LEX_VOTE_PLANNED_VOTE_VERBS, c->doc->text + T(c, k)->start,
								 T(c, k)->len)) >= 0)
		{
			verb = k + 1;
			break;
		}
		if (T(c, k)->kind != NA_TK_WORD || is_capitalized(c, k) || trigger_of(c, k) ||
			in_list(c, k, clause_words) || in_list(c, k, prepositions))
			return 0;
	}
	if (!verb)
		return 0;
	verb--;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.action = NA_VA_SCHEDULE;
	p.modality = modality_at(c, verb, st->first);
	if (strcmp(na_lex_attr(NA_LEX_VOTE_PLANNED_VOTE_VERBS, (uint32_t) row,
						   NA_LEX_VOTE_PLANNED_VOTE_VERBS_SUBJECT), "scheduler") == 0)
		return scheduled_vote(c, st, verb, v, &p);
	if (p.modality == NA_VM_ASSERTED || p.modality == NA_VM_HISTORICAL)
		p.modality = NA_VM_PLANNED;		/* facing a vote: it is still to come */
	if (p.modality != NA_VM_PLANNED)
		return 0;
	p.ev_first = verb;
	p.ev_end = v + 1;
	if (confidence_vote_at(c, st, v, &cf, &cl) || (v > st->first && confidence_vote_at(c, st, v - 1, &cf, &cl)))
	{
		p.motion_first = cf;
		p.motion_end = cl + 1;
		p.motion_head = cl;
		if (cl + 1 > p.ev_end)
			p.ev_end = cl + 1;
	}
	else if (verb > st->first && motion_left(c, verb - 1, st->first, &mf, &mh) && !is_word(c, mh, "it"))
	{
		/* "the bill faces a vote": the subject is voted on */
		p.motion_first = mf;
		p.motion_end = mh + 1;
		p.motion_head = mh;
		p.ev_first = mf;
	}
	else
		return 0;
	/*
	 * the subject starts the evidence ("Prime Minister X will face ...",
	 * "she is facing"), not as the actor: the subject is voted on.  Its
	 * words are the run before the verb's auxiliaries, up to a comma, a
	 * clause word or a preposition, eight at most.
	 */
	if (p.ev_first == verb)
	{
		uint32_t	k = verb;

		while (k > st->first && (in_list(c, k - 1, aux_words) || in_list(c, k - 1, be_forms)))
			k--;
		for (uint32_t lo = k; k > st->first && k + 8 > lo && T(c, k - 1)->kind == NA_TK_WORD &&
			 !in_list(c, k - 1, clause_words) && !in_list(c, k - 1, prepositions) && !trigger_of(c, k - 1);)
			k--;
		p.ev_first = k;
	}
	emit_positions(c, st, &p, NULL, 0);
	return 1;
}

/*
 * The noun "vote" owned by its voter, with its side: "her vote in favor of
 * the war", "Rubio's vote for the plan", "the Senate's 80-19 vote for
 * admitting Poland", "his vote to confirm her".  The owner takes the side (a
 * body decides: adopt or reject); a vote named as a thing one has is one
 * already cast, historical unless the clause says it is still to come.
 */
void
possessed_vote(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	owner;
	position	p;
	uint32_t	k = v;
	uint32_t	q = v + 1;
	int			dir = 0;
	uint32_t	head = 0;
	uint32_t	e;

	/* modifiers between owner and noun: "hold-your-nose", "80-19", "decisive" */
	while (k > st->first + 1 && k + 3 > v && !is_possessive(c, k - 1) && !is_word(c, k - 1, "his") &&
		   !is_word(c, k - 1, "her") &&
		   (T(c, k - 1)->kind == NA_TK_RANGE ||
			(T(c, k - 1)->kind == NA_TK_WORD && !is_capitalized(c, k - 1) && !trigger_of(c, k - 1) &&
			 !in_list(c, k - 1, definite_words) && !is_word(c, k - 1, "a") && !is_word(c, k - 1, "the"))))
		k--;
	if (k <= st->first || !(is_possessive(c, k - 1) || is_word(c, k - 1, "his") || is_word(c, k - 1, "her")))
		return;
	/* "cast her vote for the budget": the verb's vote (verb_trigger), not a second one */
	if (k >= st->first + 2 && trigger_of(c, k - 2) && trigger_of(c, k - 2)->cls == W_VOTE)
		return;
	if (is_word(c, q, "for"))
		dir = 1, q++;
	else if (is_word(c, q, "against"))
		dir = -1, q++;
	else if (is_word(c, q, "in") && (is_word(c, q + 1, "favor") || is_word(c, q + 1, "favour")) &&
			 is_word(c, q + 2, "of"))
		dir = 1, q += 3;
	if (dir == 0 || !in_sentence(c, q, st->s))
		return;
	memset(&owner, 0, sizeof(owner));
	if (is_word(c, k - 1, "his") || is_word(c, k - 1, "her"))
	{
		if (!resolve_person(c, k - 1, &owner))
			return;
		owner.first = k - 1;	/* the evidence is the pronoun, the name the person's */
		owner.end = k;
	}
	else if ((!actor_ending_at(c, k - 1, st->first, &owner) || owner.pronoun) &&
			 /* "Ayotte's vote for Trump": a surname the article gave in full */
			 !known_surname(c, k - 1, &owner))
		return;
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.verb = v + 1;
	p.action = dir == 1 ? NA_VA_VOTE_FOR : NA_VA_VOTE_AGAINST;
	if (owner.kind == NA_VK_BODY)
		p.action = dir == 1 ? NA_VA_ADOPT : NA_VA_REJECT;
	p.modality = modality_at(c, v, st->first);
	if (p.modality == NA_VM_ASSERTED)
		p.modality = NA_VM_HISTORICAL;
	e = motion_right(c, q, &head);
	if (!e)
	{
		/* "that plan was a signal", "the war a mistake": the phrase ends before the clause goes on */
		uint32_t	limit = q + 5;

		e = q;
		while (e < limit && in_sentence(c, e, st->s) &&
			   (T(c, e)->kind == NA_TK_WORD || T(c, e)->kind == NA_TK_NUMBER) &&
			   !in_list(c, e, aux_words) && !trigger_of(c, e) &&
			   !(in_list(c, e, clause_words) && !(e == q && is_word(c, e, "that"))) &&
			   !(e > q && (is_word(c, e, "to") || is_word(c, e, "both") || is_word(c, e, "in") ||
						   /* a determiner starts another phrase, but the object of "closing the mine" */
						   ((is_word(c, e, "a") || is_word(c, e, "an") || is_word(c, e, "the")) &&
							!(e == q + 1 && T(c, q)->len > 4 &&
							  memcmp(c->doc->text + T(c, q)->start + T(c, q)->len - 3, "ing", 3) == 0)))))
		{
			if (e == q + 1 && is_word(c, e, "the"))
				limit = e + 2;	/* "closing the mine": the gerund's object, one noun */
			e++;
		}
		if (e == q)
			e = 0;
		head = e ? e - 1 : 0;
	}
	if (e)
	{
		p.motion_first = q;
		p.motion_end = e;
		p.motion_head = head;
	}
	p.ev_first = owner.first < k - 1 ? owner.first : k - 1;
	p.ev_end = e ? e : q;
	emit_positions(c, st, &p, &owner, 1);
}

/*
 * "I'll stay the course and vote for her", "she will meet them and vote
 * against it": "and" before v goes on a verb that a modal or "to" governs,
 * with no punctuation back to it (from first on); "held a debate and vote
 * on the bill" has none: a noun.
 */
int
and_verb_after_modal(vctx *c, uint32_t v, uint32_t first)
{
	if (v < first + 2 || !is_word(c, v - 1, "and"))
		return 0;
	for (uint32_t k = v - 1; k-- > first && k + 12 > v;)
	{
		if (T(c, k)->kind != NA_TK_WORD)
			return 0;
		if (in_list(c, k, vote_verb_markers) || modal_contraction(c, k))
			return 1;
	}
	return 0;
}

/* Is the trigger at v a noun ("a vote", "the veto", "Russia's veto")? */
int
noun_use(vctx *c, uint32_t v, uint32_t first)
{
	const na_token *t;
	uint32_t	q;

	if (v == first)
		return 0;
	q = v - 1;
	t = T(c, q);
	if (in_list(c, q, verb_before) || and_verb_after_modal(c, v, first))
		return 0;
	if (t->kind == NA_TK_WORD && t->len > 3 &&
		(memcmp(c->doc->text + t->start + t->len - 3, "n't", 3) == 0 ||
		 (t->len > 5 && memcmp(c->doc->text + t->start + t->len - 5, "n\xE2\x80\x99t", 5) == 0)))
		return 0;
	/* "China vetoes the text" is a verb; "Security Council veto" a noun */
	if (is_capitalized(c, q) && !is_possessive(c, q) &&
		(is_word(c, v, "vetoes") || is_word(c, v, "votes")))
		return 0;
	return 1;
}

/*
 * "won 13 votes in favour, with Russia against": the members a counted vote
 * names as voting no, without a verb of their own.
 */
void
against_positions(vctx *c, sent_state *st)
{
	for (uint32_t k = st->first + 2; k < st->end && !c->failed; k++)
	{
		actor_ref	actors[MAX_ACTORS];
		int			n;
		position	p;

		if (!is_word(c, k, "against"))
			continue;
		/* "against the resolution" is a preposition with its object */
		if (k + 1 < st->end && T(c, k + 1)->kind != NA_TK_PUNCT && !is_word(c, k + 1, "and"))
			continue;
		n = actors_left(c, k - 1, st->first, actors, MAX_ACTORS);
		n = resolve_actors(c, st, actors, n);
		if (n == 0 || actors[0].first <= st->first || !is_word(c, actors[0].first - 1, "with"))
			continue;
		if (!sentence_has_tally(c, st))
			return;
		memset(&p, 0, sizeof(p));
		p.sentence = st->s;
		p.action = NA_VA_VOTE_AGAINST;
		p.modality = modality_at(c, actors[0].first, st->first);
		p.ev_first = actors[0].first;
		p.ev_end = k + 1;
		for (int a = 0; a < n; a++)
		{
			position	one = p;

			one.action = action_for_actor(NA_VA_VOTE_AGAINST, &actors[a]);
			emit_positions(c, st, &one, &actors[a], 1);
		}
	}
}

/*
 * "The high court deadlocked 4 to 4", "the Senate deadlocked on the bill":
 * a tie, so the question put fails; the codebook codes it as the body's
 * reject.  The subject is a body, or a court or its justices described
 * ("the high court"); a tie of anyone else (talks, a jury) is no vote.
 * "the deadlocked talks" is an adjective.  The tally comes from the
 * sentence, as for every vote.
 */
void
deadlock_trigger(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[MAX_ACTORS];
	int			n;
	position	p;

	if (v == st->first || is_word(c, v - 1, "the") || is_word(c, v - 1, "a") || is_word(c, v - 1, "an"))
		return;
	n = subject_of(c, st, v, actors, MAX_ACTORS);
	n = resolve_actors(c, st, actors, n);
	if (n != 1 || actors[0].kind != NA_VK_BODY)
	{
		uint32_t	first = v - 1;

		/* "the high court", "the Supreme Court", "the justices": a court as written */
		if (!(is_word(c, first, "court") || is_word(c, first, "justices")))
			return;
		while (first > st->first && first + 3 > v && T(c, first - 1)->kind == NA_TK_WORD &&
			   !is_word(c, first - 1, "the") && !in_list(c, first - 1, clause_words))
			first--;
		memset(&actors[0], 0, sizeof(actors[0]));
		actors[0].first = first > st->first && is_word(c, first - 1, "the") ? first - 1 : first;
		actors[0].end = v;
		actors[0].name_first = first;
		actors[0].name_end = v;
		actors[0].kind = NA_VK_BODY;
	}
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.verb = v + 1;
	p.action = NA_VA_REJECT;
	p.modality = modality_at(c, v, st->first);
	p.outcome = p.modality == NA_VM_ASSERTED ? NA_VO_FAILED : NA_VO_NONE;
	p.ev_first = actors[0].first;
	p.ev_end = v + 1;
	emit_positions(c, st, &p, actors, 1);
}

/*
 * The noun "override" at v after the votes that make it: "the votes are
 * there for the override", "Republicans have enough votes for an override".
 * A power counted, not a vote taken: hypothetical (negated after "not"),
 * the holder of the votes its actor where the sentence names one
 * (override_holder), else a null actor.  Other uses of the noun ("the
 * override vote", "an override attempt") are left to the votes around them.
 */
void
noun_override(vctx *c, sent_state *st, uint32_t v)
{
	actor_ref	actors[1];
	int			n = 0;
	position	p;
	uint32_t	votes = 0;

	if (!is_word(c, v, "override") || v < st->first + 3 ||
		!(is_word(c, v - 1, "the") || is_word(c, v - 1, "an")) || !is_word(c, v - 2, "for"))
		return;
	for (uint32_t k = v - 2; k-- > st->first && k + 8 > v;)
		if (is_word(c, k, "votes"))
		{
			votes = k;
			break;
		}
	if (!votes)
		return;
	if (votes > st->first + 1)
		n = override_holder(c, st, votes - (is_word(c, votes - 1, "the") ? 1 : 0), actors);
	memset(&p, 0, sizeof(p));
	p.sentence = st->s;
	p.action = NA_VA_OVERRIDE;
	p.modality = modality_at(c, v, st->first);
	if (p.modality != NA_VM_NEGATED)
		p.modality = NA_VM_HYPOTHETICAL;
	p.ev_first = votes > st->first && is_word(c, votes - 1, "the") ? votes - 1 : votes;
	p.ev_end = v + 1;
	emit_positions(c, st, &p, n ? actors : NULL, n);
}
